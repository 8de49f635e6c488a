//! The Word file as a word processor lays it out: LibreOffice converts the .docx to PDF and
//! poppler reads the lines back with their positions (tests/office). Checked on what is printed:
//! 28 characters a full line, at most 22 lines a page, the title, headings, 落款 and date where
//! GB/T 9704 puts them, and — 1 — … on every page, odd on the right, even on the left; and the
//! page count against the browser's print of the same draft (the preview component rendered
//! with the page's stylesheet, printed by headless Chromium).
//! Needs `soffice`, `chromium` and poppler: `scripts/test.sh` installs them and runs these
//! (`cargo test --test libreoffice -- --ignored`).
mod office;

use gongwen::domain::model::draft::Draft;
use gongwen::domain::model::template::{xuanren, Template};
use gongwen::domain::output::docx::docx_bytes;
use gongwen::domain::output::layout::ParaKind;
use gongwen::domain::output::layout::{half_width_units, signature_and_date_indents, twips_of_half_chars, CHARS_PER_LINE};
use gongwen::domain::output::render::{paragraphs, plain_text, Paragraph};
use gongwen::ui::{Preview, PreviewProps};
use office::{first_unit, width, Line, Page, BOTTOM, LEFT, MM, RIGHT, TOP};
use yew::{Callback, LocalServerRenderer};

/// How far (pt) a measured edge may be from where it belongs: LibreOffice rounds lengths to
/// 1/100 mm and poppler reports glyph advances.
const CLOSE: f64 = 1.5;
/// One 3号 character, 16 pt.
const CHAR_PT: f64 = 16.0;
/// One body line, 28.95 pt.
const PITCH: f64 = 28.95;

fn near(got: f64, want: f64) -> bool {
    (got - want).abs() <= CLOSE
}

/// What one rendering showed, for the report and the other tests.
struct Rendered {
    pages: Vec<Page>,
    pdf: Vec<u8>,
    /// Each paragraph's lines: (page index, line).
    placed: Vec<Vec<(usize, Line)>>,
    /// Body lines that were not a paragraph's last, and how many of them held exactly 28 (26
    /// after the first line's indent).
    inner_lines: usize,
    exactly_full: usize,
}

/// The draft's .docx through LibreOffice, every check applied; panics with what was wrong.
fn render_and_check(t: &Template, d: &Draft, name: &str) -> Rendered {
    let docx = docx_bytes(t, d).unwrap_or_else(|e| panic!("{e}"));
    let pdf = office::docx_to_pdf(&docx);
    office::keep(&format!("{name}.pdf"), &pdf);
    let pages = office::pages(&pdf);
    assert!(!pages.is_empty(), "{name}: an empty PDF");
    for (i, page) in pages.iter().enumerate() {
        check_page_number(page, i + 1, name);
        assert!(page.body.len() <= 22, "{name}: page {} has {} lines:\n{:#?}", i + 1, page.body.len(), page.body);
        for l in &page.body {
            assert!(l.y_min >= TOP - 3.0 && l.y_max <= BOTTOM + 1.0, "{name}: page {}: a line outside the text block: {l:?}", i + 1);
        }
    }
    let expected = paragraphs(t, d);
    let placed = place(&pages, &expected, name);
    let mut r = Rendered { pages: Vec::new(), pdf: Vec::new(), placed: Vec::new(), inner_lines: 0, exactly_full: 0 };
    let (signature_indent, date_indent) = closing_indents(&expected);
    for (p, lines) in expected.iter().zip(&placed) {
        let what = format!("{name}: {:?} “{}”", p.kind, p.text);
        match p.kind {
            ParaKind::Title => {
                // On the first lines of page 1, each centred, broken where the domain broke it.
                let want: Vec<String> = p.lines().iter().map(|l| l.split_whitespace().collect()).collect();
                let got: Vec<String> = lines.iter().map(|(_, l)| l.text.clone()).collect();
                assert_eq!(got, want, "{what}");
                for (k, (page, l)) in lines.iter().enumerate() {
                    assert_eq!(*page, 0, "{what}: not on page 1");
                    assert!(near(l.centre_x(), (LEFT + RIGHT) / 2.0), "{what}: line {k} is not centred: {l:?}");
                }
                let first = &lines[0].1;
                assert!(first.y_min >= TOP - 3.0 && first.y_min < TOP + PITCH, "{what}: not on the page's first line: {first:?}");
            }
            ParaKind::Addressee => assert!(near(lines[0].1.x_min, LEFT), "{what}: not flush left: {:?}", lines[0].1),
            ParaKind::Body | ParaKind::Heading1 | ParaKind::Heading2 => {
                let (full, inner) = check_justified(lines, &what);
                r.exactly_full += full;
                r.inner_lines += inner;
            }
            ParaKind::Signature | ParaKind::Date => {
                let half = if p.kind == ParaKind::Signature { signature_indent } else { date_indent };
                let indent = f64::from(twips_of_half_chars(half)) / 20.0;
                let l = &lines[0].1;
                assert!(near(l.x_max, RIGHT - indent), "{what}: should end {indent} pt from the right edge: {l:?}");
            }
        }
    }
    // §7.3.5.2: the 署名 one empty line below the text above it (when both are on one page).
    if let Some(s) = expected.iter().position(|p| p.kind == ParaKind::Signature).filter(|&s| s > 0) {
        let (above_page, above) = placed[s - 1].last().cloned().unwrap_or_else(|| panic!("{name}: nothing above the 署名"));
        let (page, signature) = &placed[s][0];
        if *page == above_page {
            let gap = signature.y_min - above.y_min;
            assert!((gap - 2.0 * PITCH).abs() < 2.0, "{name}: the 署名 is {gap} pt below the line above it, not two lines");
        } else {
            assert!(near(signature.y_min, pages[*page].body[0].y_min), "{name}: the 署名 opens its page");
        }
    }
    r.pages = pages;
    r.pdf = pdf;
    r.placed = placed;
    r
}

/// The browser's print of the draft: the preview component as the page renders it, with the
/// page's stylesheet (its print rules hide everything but the report), printed by Chromium.
async fn printed(t: &Template, d: &Draft, name: &str) -> Vec<Page> {
    let preview = LocalServerRenderer::<Preview>::with_props(PreviewProps { paragraphs: paragraphs(t, d), on_edit: Callback::noop() })
        .hydratable(false)
        .render()
        .await;
    let css = include_str!("../styles/app.css");
    let html = format!(
        "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><style>{css}</style></head>\
         <body><main class=\"workspace\"><section class=\"preview-pane\">{preview}</section></main></body></html>"
    );
    let pdf = office::print_html(&html);
    office::keep(&format!("{name}-print.pdf"), &pdf);
    office::pages(&pdf)
}

/// The Word file in LibreOffice has as many pages as the browser's print, and the print sets
/// the 落款 as the Word file does (§7.3.5.2: the 署名 one empty line below the text, each line
/// ending at the domain's right indent). Each page's first characters are printed side by side
/// for the record (a line with figures may break a character earlier or later: the two set
/// Latin figures in different fonts).
fn compare_with_print(word: &[Page], print: &[Page], expected: &[Paragraph], name: &str) {
    let start = |p: &Page| p.body.first().map(|l| l.text.chars().take(6).collect::<String>()).unwrap_or_default();
    let same = word.iter().zip(print).filter(|(w, p)| start(w) == start(p)).count();
    println!("{name}: Word file in LibreOffice {} pages, print {} pages; {same} pages begin alike", word.len(), print.len());
    for (i, (w, p)) in word.iter().zip(print).enumerate() {
        println!("  page {}: {} | {}", i + 1, start(w), start(p));
    }
    assert_eq!(print.len(), word.len(), "{name}: page counts of the print and of the Word file");
    let last = &print[print.len() - 1].body;
    let (signature_indent, date_indent) = closing_indents(expected);
    for (kind, half) in [(ParaKind::Signature, signature_indent), (ParaKind::Date, date_indent)] {
        let Some(p) = expected.iter().find(|p| p.kind == kind) else { continue };
        let at = last
            .iter()
            .position(|l| l.text == p.text)
            .unwrap_or_else(|| panic!("{name}: the print's last page lacks “{}”: {last:#?}", p.text));
        let indent = f64::from(twips_of_half_chars(half)) / 20.0;
        assert!(
            near(last[at].x_max, RIGHT - indent),
            "{name}: the print's “{}” should end {indent} pt from the right edge: {:?}",
            p.text,
            last[at]
        );
        if kind == ParaKind::Signature && at > 0 {
            let gap = last[at].y_min - last[at - 1].y_min;
            assert!((gap - 2.0 * PITCH).abs() < 2.0, "{name}: the print's 署名 is {gap} pt below the line above it, not two lines");
        }
    }
}

/// The page number: one line below the text block, — N — between two 一字线, 7 mm below the
/// block's bottom, one 4号 character (14 pt) in from the right edge on odd pages and from the
/// left on even ones (§7.5).
fn check_page_number(page: &Page, number: usize, name: &str) {
    let [line] = page.footer.as_slice() else { panic!("{name}: page {number} has {} footer lines: {:?}", page.footer.len(), page.footer) };
    assert_eq!(line.text, format!("—{number}—"), "{name}: page {number}");
    if number % 2 == 1 {
        assert!(near(line.x_max, RIGHT - 14.0), "{name}: odd page {number}'s number should end 14 pt left of the edge: {line:?}");
    } else {
        assert!(near(line.x_min, LEFT + 14.0), "{name}: even page {number}'s number should start 14 pt right of the edge: {line:?}");
    }
    assert!(
        (line.centre_y() - (BOTTOM + 7.0 * MM)).abs() < 3.0,
        "{name}: page {number}'s number is not 7 mm below the text block: {line:?}"
    );
}

/// Which printed lines (page index, line) hold each paragraph: the lines are taken in order and
/// must spell each paragraph's text exactly.
fn place(pages: &[Page], expected: &[Paragraph], name: &str) -> Vec<Vec<(usize, Line)>> {
    let mut lines = pages.iter().enumerate().flat_map(|(i, p)| p.body.iter().map(move |l| (i, l.clone()))).peekable();
    let mut out = Vec::new();
    for p in expected {
        let want: String = p.text.split_whitespace().collect();
        let (mut got, mut mine) = (String::new(), Vec::new());
        while got.len() < want.len() {
            let Some((page, line)) = lines.next() else { panic!("{name}: the PDF ends inside “{want}” (got “{got}”)") };
            got.push_str(&line.text);
            mine.push((page, line));
        }
        assert_eq!(got, want, "{name}: the lines of a {:?} paragraph", p.kind);
        out.push(mine);
    }
    let rest: Vec<String> = lines.map(|(_, l)| l.text).collect();
    assert!(rest.is_empty(), "{name}: text after the report: {rest:?}");
    out
}

/// A justified paragraph with a two-character first-line indent: its first line starts 2
/// characters in, the others at the margin; every line but the last reaches the right edge
/// and is full: it holds at most 28 characters (26 on the first line), and
/// - a line of Chinese characters and marks only holds exactly that many, or fewer only when
///   the next line's first unbreakable piece (a character with the marks that may not start a
///   line) would not have fitted;
/// - a line with half-width figures or letters, counted ½ each, may hold up to 1½ characters
///   less: LibreOffice sets them in the Latin font that stands in for 仿宋_GB2312 (DejaVu
///   Sans here, figures 0.64 of a character wide, not ½) with a little space on each side of
///   a Latin word, as Word does not.
///
/// Returns (lines holding exactly 28 or 26, lines checked).
fn check_justified(lines: &[(usize, Line)], what: &str) -> (usize, usize) {
    let mut full = 0;
    for (k, (_, l)) in lines.iter().enumerate() {
        let start = if k == 0 { LEFT + 2.0 * CHAR_PT } else { LEFT };
        assert!(near(l.x_min, start), "{what}: line {k} starts at {} pt, not {start}: {l:?}", l.x_min);
        let Some((_, next)) = lines.get(k + 1) else { break };
        let capacity = f64::from(CHARS_PER_LINE) - if k == 0 { 2.0 } else { 0.0 };
        let w = width(&l.text);
        let unit = first_unit(&next.text);
        assert!(w <= capacity, "{what}: line {k} holds {w} characters, more than {capacity}: {}", l.text);
        if l.text.chars().any(|c| c.is_ascii()) {
            assert!(w + 1.5 >= capacity || w + width(unit) > capacity, "{what}: line {k} holds only {w} characters: {}", l.text);
        } else {
            assert!(w + width(unit) > capacity, "{what}: line {k} holds {w} characters and “{unit}” would have fitted: {}", l.text);
        }
        assert!(near(l.x_max, RIGHT), "{what}: line {k} is not justified to the right edge: {l:?}");
        full += usize::from(w == capacity);
    }
    (full, lines.len() - 1)
}

/// The 署名's and the date's right indents (half characters), as the Word file sets them.
fn closing_indents(expected: &[Paragraph]) -> (u32, u32) {
    let widest = |kind: ParaKind| expected.iter().filter(|p| p.kind == kind).map(|p| half_width_units(&p.text).min(56)).max();
    match (widest(ParaKind::Signature), widest(ParaKind::Date)) {
        (Some(s), Some(d)) => signature_and_date_indents(s, d),
        _ => (4, 4),
    }
}

#[test]
fn a_line_begins_with_a_whole_word_and_the_marks_after_it() {
    assert_eq!(first_unit("人、立担当"), "人、");
    assert_eq!(first_unit("“四个意识”"), "“四");
    assert_eq!(first_unit("2022年以来"), "2022");
    assert_eq!(first_unit("5名干部"), "5");
    assert_eq!(first_unit("况报告如下："), "况");
    assert_eq!(width("2024年3月5日"), 6.0);
}

#[tokio::test]
#[ignore = "needs LibreOffice, Chromium and poppler: run scripts/test.sh"]
async fn the_example_is_28_characters_by_22_lines_in_libreoffice_and_pages_as_printed() {
    let t = xuanren();
    let d = Draft::example(&t);
    let r = render_and_check(&t, &d, "example");
    println!("example: {} pages; {} of {} inner lines hold exactly 28 (26 after the indent)", r.pages.len(), r.exactly_full, r.inner_lines);
    // Most lines are exactly full; the rest give way to a figure or a mark that may not start
    // a line (checked line by line above).
    assert!(r.exactly_full * 10 >= r.inner_lines * 7, "{} of {}", r.exactly_full, r.inner_lines);
    fonts_by_kind(&r, &paragraphs(&t, &d));
    compare_with_print(&r.pages, &printed(&t, &d, "example").await, &paragraphs(&t, &d), "example");
}

#[tokio::test]
#[ignore = "needs LibreOffice, Chromium and poppler: run scripts/test.sh"]
async fn a_long_draft_is_laid_out_the_same_way() {
    let t = xuanren();
    let d = office::long_draft(&t, 20_000);
    let chars = plain_text(&t, &d).chars().count();
    assert!(chars >= 20_000, "{chars}");
    let r = render_and_check(&t, &d, "long");
    println!(
        "long draft ({chars} characters): {} pages; {} of {} inner lines hold exactly 28 (26)",
        r.pages.len(),
        r.exactly_full,
        r.inner_lines
    );
    assert!(r.exactly_full * 10 >= r.inner_lines * 7, "{} of {}", r.exactly_full, r.inner_lines);
    // 22 lines of 28 characters are 616 a page: the long draft needs at least that many pages.
    assert!(r.pages.len() * 616 >= chars, "{} pages for {chars} characters", r.pages.len());
    compare_with_print(&r.pages, &printed(&t, &d, "long").await, &paragraphs(&t, &d), "long");
}

/// A Chinese character (CJK Unified Ideographs): marks and quotes may be set in the Latin font.
fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// The fonts LibreOffice set each kind of paragraph in. This machine has none of the 公文
/// fonts; LibreOffice reads only the font's name from the file (not the font table's
/// alternatives) and asks fontconfig, which answers with its default Chinese face. Every
/// Chinese character must still come out in a Chinese font (no missing glyphs); the choice is
/// printed for the record.
fn fonts_by_kind(r: &Rendered, expected: &[Paragraph]) {
    let pieces = office::fonts_of_text(&r.pdf);
    let mut seen: std::collections::BTreeMap<String, std::collections::BTreeSet<String>> = Default::default();
    for (p, lines) in expected.iter().zip(&r.placed) {
        for (page, line) in lines {
            for (_, _, text, font) in pieces
                .iter()
                .filter(|(pg, middle, text, _)| pg == page && (middle - line.centre_y()).abs() < 6.0 && text.chars().any(is_han))
            {
                assert!(font.contains("CJK"), "{:?} “{}”: “{text}” is set in {font}", p.kind, p.text);
                seen.entry(format!("{:?}", p.kind)).or_default().insert(font.clone());
            }
        }
    }
    let numbers: std::collections::BTreeSet<&str> =
        pieces.iter().filter(|(_, middle, _, _)| *middle > BOTTOM).map(|(_, _, _, f)| f.as_str()).collect();
    println!("LibreOffice's fonts: {seen:?}; page numbers: {numbers:?}; in the PDF: {:?}", office::fonts(&r.pdf));
    assert_eq!(seen.len(), 7, "every kind was found: {seen:?}");
}
