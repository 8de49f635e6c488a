//! Reading a Word file's bytes: never a panic, a hang or unbounded memory; every refusal has a
//! Chinese message; the text is never larger than the reader's limit.
#![no_main]
use gongwen::domain::input::docx::{read, MAX_PART};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    match read(bytes) {
        Ok(text) => assert!(text.len() <= 2 * MAX_PART),
        Err(refused) => assert!(refused.message().contains('。')),
    }
});
