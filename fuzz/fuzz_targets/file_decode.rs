//! Reading a chosen file's bytes: never a panic; valid UTF-8 comes back unchanged (without its
//! BOM); every damaged spot is exactly one `�` more than the bytes held as text.
#![no_main]
use gongwen::domain::input::decode::{decode_unicode, Decoded};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let decoded = decode_unicode(bytes);
    let utf16 = bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF");
    if let Ok(text) = std::str::from_utf8(bytes) {
        if !utf16 && !bytes.contains(&0) {
            let want = text.strip_prefix('\u{FEFF}').unwrap_or(text);
            assert_eq!(decoded, Decoded::Text { text: want.to_string(), damaged: 0 });
        }
    }
    if let Decoded::Text { text, damaged } = &decoded {
        if !utf16 {
            let already = String::from_utf8_lossy(bytes).matches('\u{FFFD}').count();
            let valid_fffd = std::str::from_utf8(bytes).map(|t| t.matches('\u{FFFD}').count()).unwrap_or(0);
            // Each damaged spot adds one; lossy decoding may split a spot into several.
            assert!(text.matches('\u{FFFD}').count() <= already.max(valid_fffd) + damaged);
            assert!(*damaged <= already);
        }
    }
});
