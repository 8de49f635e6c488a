//! Opening a template file: any bytes give a template or a Chinese message naming the place,
//! never a panic; a template that loads makes a new draft and its example, both of which check,
//! render (text and Word file), import back and save again.
#![no_main]
use gongwen::domain::check::check_draft;
use gongwen::domain::input::import_report::into_draft;
use gongwen::domain::model::draft::Draft;
use gongwen::domain::model::limits;
use gongwen::domain::model::template::Template;
use gongwen::domain::output::docx::docx_bytes;
use gongwen::domain::output::render::plain_text;
use gongwen::domain::store::saved::{from_json, to_json};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    match Template::from_bytes(data) {
        Ok(t) => {
            assert!(t.parts.len() <= limits::MAX_PARTS);
            for d in [Draft::new(&t), Draft::example(&t)] {
                for p in &t.parts {
                    assert!(d.items(&p.id).len() <= limits::MAX_ITEMS);
                }
                let _ = check_draft(&t, &d);
                let text = plain_text(&t, &d);
                let _ = into_draft(&t, &text);
                docx_bytes(&t, &d).expect("every draft gives a Word file");
                let again = from_json(&to_json(&d, ""), &t).expect("a saved draft loads again");
                assert_eq!(again.draft, d);
            }
        }
        Err(e) => assert!(!e.to_string().is_empty()),
    }
});
