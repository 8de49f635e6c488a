//! A Word file in, where a text comes in: this app's own .docx reads back to the report it was
//! made from, and a report whose `一、` and `（一）` are Word's automatic numbering imports into
//! the same parts as the same report in plain text.
#[path = "common/word.rs"]
mod word;

use gongwen::domain::input::docx::read;
use gongwen::domain::input::import_report::into_draft;
use gongwen::domain::model::builtin;
use gongwen::domain::model::draft::Draft;
use gongwen::domain::model::template::Template;
use gongwen::domain::output::docx::docx_bytes;
use gongwen::domain::output::render::plain_text;
use word::{as_numbered, word_numbered};

fn builtins() -> Vec<Template> {
    builtin::INDEX.iter().map(|e| builtin::load(e.id).expect("loads").expect("built in")).collect()
}

fn non_blank(text: &str) -> Vec<&str> {
    text.lines().filter(|l| !l.trim().is_empty()).collect()
}

#[test]
fn every_examples_word_file_reads_back_to_its_report_and_draft() {
    for t in builtins() {
        let example = Draft::example(&t);
        let text = plain_text(&t, &example);
        let bytes = docx_bytes(&t, &example).expect("docx");
        let read_back = read(&bytes).unwrap_or_else(|e| panic!("{}: {e}", t.id));
        // The Word file adds an empty line after the title and before the 落款; the title's
        // line breaks are soft breaks inside its one paragraph.
        assert_eq!(non_blank(&read_back), non_blank(&text), "{}", t.id);
        let imported = into_draft(&t, &read_back);
        assert_eq!(imported, into_draft(&t, &text), "{}", t.id);
        assert_eq!(plain_text(&t, &imported), text, "{}", t.id);
    }
}

#[test]
fn headings_numbered_by_word_import_into_their_parts() {
    let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/old-reports/");
    let cases = [("xuanren-report.1.txt", "xuanren-report"), ("test-rectification-progress.1.txt", "rectification-progress")];
    for (file, id) in cases {
        let text = std::fs::read_to_string(format!("{fixtures}{file}")).expect("fixture");
        let lines: Vec<(Option<u8>, &str)> = text.lines().map(as_numbered).collect();
        let numbered = lines.iter().filter(|(l, _)| l.is_some()).count();
        assert!(numbered >= 4, "{file}: the sample has numbered headings");
        let word = read(&word_numbered(&lines)).unwrap_or_else(|e| panic!("{file}: {e}"));
        assert_eq!(word.lines().collect::<Vec<_>>(), text.lines().collect::<Vec<_>>(), "{file}");
        let t = builtins().into_iter().find(|t| t.id == id).unwrap_or_else(|| panic!("no template {id}"));
        let from_word = into_draft(&t, &word);
        assert_eq!(from_word, into_draft(&t, &text), "{file}");
        assert!(from_word.unplaced.len() < 3, "{file}: {:?}", from_word.unplaced);
    }
}
