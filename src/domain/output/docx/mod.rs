//! The report as a Word document (.docx) in GB/T 9704 format, from the same paragraphs as the
//! preview and the `.txt`. Plain Rust: the page downloads the bytes, the command line writes
//! them to a file.
//!
//! `layout` holds the standard's numbers, `xml` the WordprocessingML fragments, `parts` the
//! fixed parts of the package, `package` the zip container.
mod package;
mod parts;
mod xml;

use crate::domain::model::draft::Draft;
use crate::domain::model::template::Template;
use crate::domain::output::layout::ParaKind;
use crate::domain::output::layout::{self, half_width_units, signature_and_date_indents, style, twips_of_half_chars, Style, BODY};
use crate::domain::output::render::{paragraphs, title, Paragraph};
use xml::{paragraph_props, run, ParaProps, RunStyle};

/// The MIME type of a .docx file.
pub const MIME: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/// The zip container could not be written (not expected for text this size; reported, not a panic).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocxError(pub String);

impl std::fmt::Display for DocxError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "无法生成 Word 文件（{}）。", self.0)
    }
}

/// The draft's report as the bytes of a .docx file.
pub fn docx_bytes(template: &Template, draft: &Draft) -> Result<Vec<u8>, DocxError> {
    build(&paragraphs(template, draft), &title(template, draft))
}

/// A .docx of these paragraphs; `doc_title` goes into the document's properties.
pub fn build(paragraphs: &[Paragraph], doc_title: &str) -> Result<Vec<u8>, DocxError> {
    let parts = [
        ("[Content_Types].xml", parts::content_types()),
        ("_rels/.rels", parts::package_rels()),
        ("docProps/core.xml", parts::core_properties(doc_title)),
        ("word/document.xml", document(paragraphs)),
        ("word/_rels/document.xml.rels", parts::document_rels()),
        ("word/styles.xml", parts::styles()),
        ("word/settings.xml", parts::settings()),
        ("word/fontTable.xml", parts::font_table()),
        (parts::FOOTER_ODD, parts::footer(true)),
        (parts::FOOTER_EVEN, parts::footer(false)),
    ];
    package::zip(&parts)
}

/// `word/document.xml`: the paragraphs, an empty line after the title (§7.2: 主送机关 one line
/// below the title) and before the 落款 (§7.3.5.2: one line below the body), then the page setup.
fn document(paragraphs: &[Paragraph]) -> String {
    let (signature_indent, date_indent) = closing_indents(paragraphs);
    let mut out = String::with_capacity(paragraphs.iter().map(|p| p.text.len() + 600).sum::<usize>() + 2_000);
    out.push_str(parts::XML_HEAD);
    out.push_str(&format!("<w:document xmlns:w=\"{}\" xmlns:r=\"{}\"><w:body>", parts::W_NS, parts::R_NS));
    let is_closing = |k: ParaKind| matches!(k, ParaKind::Signature | ParaKind::Date);
    let mut previous: Option<ParaKind> = None;
    for (i, p) in paragraphs.iter().enumerate() {
        let title_ended = previous == Some(ParaKind::Title) && p.kind != ParaKind::Title;
        let closing_starts = is_closing(p.kind) && !previous.is_some_and(is_closing);
        if title_ended {
            empty_line(&mut out, false);
        } else if closing_starts && previous.is_some() {
            empty_line(&mut out, true);
        }
        let s = style(p.kind);
        let right_indent = match p.kind {
            ParaKind::Signature => Some(signature_indent),
            ParaKind::Date => Some(date_indent),
            _ => None,
        };
        // The 落款 never stands alone on a page: what comes before it keeps with it (the print
        // CSS's `break-before: avoid` on the 署名, the date and the closing part).
        let before_closing = paragraphs.get(i + 1).is_some_and(|next| is_closing(next.kind) || next.part == "closing");
        paragraph(&p.lines(), s, right_indent, before_closing, &mut out);
        previous = Some(p.kind);
    }
    // A report that is only a title still gets its empty line, as the page shows it.
    if previous == Some(ParaKind::Title) {
        empty_line(&mut out, false);
    }
    section(&mut out);
    out.push_str("</w:body></w:document>");
    out
}

/// The largest right indent [`closing_indents`] gives (half characters): a 署名 of no width over a
/// date a whole line wide. The print stylesheet has a rule for every indent up to it.
pub const MAX_CLOSING_INDENT: u32 = 4 + 4 + 2 * layout::CHARS_PER_LINE;

/// The right indents (half characters) of the 署名 lines and the date, from their widths
/// (§7.3.5.2): the Word file sets them, and the preview (so the print) sets the same.
/// At most [`MAX_CLOSING_INDENT`].
pub fn closing_indents(paragraphs: &[Paragraph]) -> (u32, u32) {
    // Beyond a full line a width changes nothing on the page (the line wraps); the cap keeps the
    // indent arithmetic small whatever was pasted into the field.
    let line = 2 * layout::CHARS_PER_LINE;
    let widest = |kind: ParaKind| paragraphs.iter().filter(|p| p.kind == kind).map(|p| half_width_units(&p.text).min(line)).max();
    const TWO: u32 = 4;
    match (widest(ParaKind::Signature), widest(ParaKind::Date)) {
        (Some(s), Some(d)) => signature_and_date_indents(s, d),
        // Alone, each is two characters from the right edge.
        _ => (TWO, TWO),
    }
}

/// One paragraph of `lines` (a long title's lines stay one paragraph, with line breaks);
/// `keep_next`: on one page with the next paragraph, whatever its style says.
fn paragraph(lines: &[&str], s: Style, right_indent: Option<u32>, keep_next: bool, out: &mut String) {
    out.push_str("<w:p>");
    let first_line = (s.first_line_chars > 0).then(|| (twips_of_half_chars(s.first_line_chars / 50), s.first_line_chars));
    let right = right_indent.map(|half| (twips_of_half_chars(half), half * 50));
    let run_style = RunStyle { font: s.font, size: s.size, spacing: layout::CONDENSE };
    paragraph_props(
        &ParaProps {
            align: s.align.word(),
            first_line,
            right,
            outline_level: s.outline_level,
            on_grid: s.on_grid,
            line: (s.line != layout::LINE_PITCH).then_some(s.line),
            keep_next: keep_next || s.keep_with_next,
            keep_lines: s.keep_with_next,
            run: run_style,
        },
        out,
    );
    if lines.iter().any(|l| !l.is_empty()) {
        run(lines, run_style, out);
    }
    out.push_str("</w:p>");
}

/// One empty body line; `keep_with_next` before the 落款.
fn empty_line(out: &mut String, keep_with_next: bool) {
    paragraph(&[], Style { first_line_chars: 0, ..BODY }, None, keep_with_next, out);
}

/// A4, the GB/T 9704 margins, the 22-line grid (no character grid: see `layout`), the odd and
/// even page-number footers.
fn section(out: &mut String) {
    use crate::domain::output::layout::*;
    out.push_str(&format!(
        "<w:sectPr>\
         <w:footerReference w:type=\"default\" r:id=\"{}\"/><w:footerReference w:type=\"even\" r:id=\"{}\"/>\
         <w:pgSz w:w=\"{PAGE_WIDTH}\" w:h=\"{PAGE_HEIGHT}\"/>\
         <w:pgMar w:top=\"{MARGIN_TOP}\" w:right=\"{MARGIN_RIGHT}\" w:bottom=\"{MARGIN_BOTTOM}\" w:left=\"{MARGIN_LEFT}\" \
         w:header=\"851\" w:footer=\"{FOOTER_DISTANCE}\" w:gutter=\"0\"/>\
         <w:docGrid w:type=\"lines\" w:linePitch=\"{LINE_PITCH}\"/>\
         </w:sectPr>",
        parts::FOOTER_ODD_ID,
        parts::FOOTER_EVEN_ID
    ));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(kind: ParaKind, text: &str) -> Paragraph {
        Paragraph { kind, part: "closing".into(), text: text.into(), line_breaks: Vec::new() }
    }

    #[test]
    fn closing_indents_follow_the_widest_lines_and_stay_in_range() {
        let closing = [para(ParaKind::Signature, "党工委"), para(ParaKind::Date, "2024年3月5日")];
        assert_eq!(closing_indents(&closing), (14, 4));
        let two = [
            para(ParaKind::Signature, "某某市人民政府办公室"),
            para(ParaKind::Signature, "党工委"),
            para(ParaKind::Date, "2024年12月25日"),
        ];
        assert_eq!(closing_indents(&two), (4, 6), "the widest 署名 line counts");
        assert_eq!(closing_indents(&[para(ParaKind::Signature, "党工委")]), (4, 4), "alone: two characters in");
        // Whatever the widths (beyond a line they are capped), both indents have a stylesheet rule.
        let (mut lowest, mut highest) = (u32::MAX, 0);
        for s in ["", "a", "党工委", &"某".repeat(40)] {
            for d in ["", "1", "2024年3月5日", &"二".repeat(40)] {
                let (si, di) = closing_indents(&[para(ParaKind::Signature, s), para(ParaKind::Date, d)]);
                lowest = lowest.min(si.min(di));
                highest = highest.max(si.max(di));
            }
        }
        assert_eq!((lowest, highest), (4, MAX_CLOSING_INDENT));
    }
}
