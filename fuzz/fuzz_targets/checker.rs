//! The checker: any text gives findings whose spans lie inside the text and slice to exactly
//! the flagged characters; applying a mechanical fix never panics.
#![no_main]
use gongwen::domain::check::check_text;
use gongwen::domain::check::document::check_document;
use gongwen::domain::model::text::{replace_chars, slice_chars};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let len = text.chars().count();
    for f in check_text(text) {
        assert!(f.span.start <= f.span.end && f.span.end <= len, "{f:?}");
        assert_eq!(slice_chars(text, f.span), f.text);
        if let Some(r) = &f.replacement {
            let _ = replace_chars(text, f.span, r);
        }
    }
    for f in check_document(text) {
        let s = f.span_in_text();
        assert!(s.end <= len, "{f:?}");
    }
});
