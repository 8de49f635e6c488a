//! A Word file in, where a text comes in: this app's own .docx reads back to the report it was
//! made from, and a report whose `一、` and `（一）` are Word's automatic numbering imports into
//! the same parts as the same report in plain text.
use std::io::Write;

use gongwen::domain::input::docx::read;
use gongwen::domain::input::import_report::into_draft;
use gongwen::domain::model::builtin;
use gongwen::domain::model::draft::Draft;
use gongwen::domain::model::template::Template;
use gongwen::domain::output::docx::docx_bytes;
use gongwen::domain::output::render::plain_text;

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

/// A .docx (stored zip, as the zip crate writes it) of these paragraphs, each `(level, text)`:
/// level 0 and 1 are Word's automatic `一、` and `（一）`.
fn word_numbered(paragraphs: &[(Option<u8>, &str)]) -> Vec<u8> {
    let w = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";
    let body: String = paragraphs
        .iter()
        .map(|(level, text)| {
            let num = level.map_or(String::new(), |l| format!("<w:numPr><w:ilvl w:val=\"{l}\"/><w:numId w:val=\"3\"/></w:numPr>"));
            format!("<w:p><w:pPr><w:pStyle w:val=\"Body\"/>{num}<w:jc w:val=\"both\"/></w:pPr><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>")
        })
        .collect();
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document {w}><w:body>{body}<w:sectPr/></w:body></w:document>"
    );
    // As Word writes a Chinese outline list: level text with the full-width brackets, the
    // number followed by nothing (not a tab).
    let numbering = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:numbering {w}>\
         <w:abstractNum w:abstractNumId=\"7\"><w:nsid w:val=\"1A2B3C4D\"/><w:multiLevelType w:val=\"hybridMultilevel\"/>\
         <w:lvl w:ilvl=\"0\" w:tplc=\"04090017\"><w:start w:val=\"1\"/><w:numFmt w:val=\"chineseCountingThousand\"/><w:suff w:val=\"nothing\"/><w:lvlText w:val=\"%1、\"/><w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"0\" w:firstLine=\"640\"/></w:pPr></w:lvl>\
         <w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"chineseCountingThousand\"/><w:suff w:val=\"nothing\"/><w:lvlText w:val=\"（%2）\"/><w:lvlJc w:val=\"left\"/></w:lvl>\
         </w:abstractNum><w:num w:numId=\"3\"><w:abstractNumId w:val=\"7\"/></w:num></w:numbering>"
    );
    let mut out = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut out);
    let stored = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, xml) in [("word/document.xml", document), ("word/numbering.xml", numbering)] {
        zip.start_file(name, stored).expect("entry");
        zip.write_all(xml.as_bytes()).expect("write");
    }
    zip.finish().expect("zip");
    out.into_inner()
}

/// `一、…` → (0, …), `（一）…` → (1, …), else (None, line).
fn as_numbered(line: &str) -> (Option<u8>, &str) {
    let numerals = "一二三四五六七八九十";
    let lead: String = line.chars().take_while(|c| numerals.contains(*c)).collect();
    if !lead.is_empty() {
        if let Some(rest) = line[lead.len()..].strip_prefix('、') {
            return (Some(0), rest);
        }
    }
    if let Some(rest) = line.strip_prefix('（') {
        let lead: String = rest.chars().take_while(|c| numerals.contains(*c)).collect();
        if let Some(rest) = rest[lead.len()..].strip_prefix('）').filter(|_| !lead.is_empty()) {
            return (Some(1), rest);
        }
    }
    (None, line)
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
