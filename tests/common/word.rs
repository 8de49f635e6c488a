//! Word files made in the tests: a report whose `一、` and `（一）` are Word's automatic
//! numbering (numbering.xml as Word writes a Chinese outline list), for the native import test
//! and the page's; the fuzzer's seeds.
#![allow(dead_code)] // each test crate uses its own part of it
use std::io::Write;

/// A .docx (stored zip, as the zip crate writes it) of these paragraphs, each `(level, text)`:
/// level 0 and 1 are Word's automatic `一、` and `（一）`.
pub fn word_numbered(paragraphs: &[(Option<u8>, &str)]) -> Vec<u8> {
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
    package(&[("word/document.xml", document), ("word/numbering.xml", numbering)])
}

/// A stored zip of these parts.
pub fn package(parts: &[(&str, String)]) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut out);
    let stored = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, xml) in parts {
        zip.start_file(*name, stored).expect("entry");
        zip.write_all(xml.as_bytes()).expect("write");
    }
    zip.finish().expect("zip");
    out.into_inner()
}

/// `一、…` → (0, …), `（一）…` → (1, …), else (None, line).
pub fn as_numbered(line: &str) -> (Option<u8>, &str) {
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
