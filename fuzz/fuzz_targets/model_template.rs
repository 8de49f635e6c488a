//! A template made from any text (the template workshop, `gongwen template from`): either a
//! Chinese message, or a template whose file loads as it is and whose example gives the text
//! back paragraph for paragraph (a `{` or a title's `|` written full-width), and
//! checks and renders without a panic.
#![no_main]
use gongwen::domain::check::check_draft;
use gongwen::domain::model::draft::Draft;
use gongwen::domain::model::template::Template;
use gongwen::domain::workshop::{derive, model_paragraphs, rendered_paragraphs};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    match derive(text) {
        Err(why) => assert!(why.0.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c)), "not a Chinese message: {why}"),
        Ok(derived) => {
            let t = &derived.template;
            assert_eq!(Template::from_json(&derived.json).as_ref(), Ok(t));
            let example = Draft::example(t);
            let _ = check_draft(t, &example);
            let want: Vec<String> = model_paragraphs(text).into_iter().map(|l| l.replace('{', "｛").replace('|', "｜")).collect();
            let got: Vec<String> = rendered_paragraphs(t, &example).into_iter().map(|l| l.replace('{', "｛").replace('|', "｜")).collect();
            assert_eq!(got, want);
        }
    }
});
