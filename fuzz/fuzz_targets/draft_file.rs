//! Opening a draft file: any bytes give a draft or a Chinese message, never a panic; a draft
//! that loads renders (text and Word file), checks and saves again.
#![no_main]
use gongwen::domain::check::check_draft;
use gongwen::domain::output::docx::docx_bytes;
use gongwen::domain::output::render::txt_bytes;
use gongwen::domain::store::saved::{from_json, to_json};
use gongwen::domain::model::template::xuanren;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let t = xuanren();
    match from_json(text, &t) {
        Ok(saved) => {
            let _ = check_draft(&t, &saved.draft);
            let _ = txt_bytes(&t, &saved.draft);
            docx_bytes(&t, &saved.draft).expect("every draft gives a Word file");
            let again = from_json(&to_json(&saved.draft, &saved.step), &t).expect("a saved draft loads again");
            assert_eq!(again.draft, saved.draft);
        }
        Err(e) => assert!(!e.to_string().is_empty()),
    }
});
