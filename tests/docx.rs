//! The .docx of the example draft, read back as Word would: the zip, then each XML part, and
//! the GB/T 9704 numbers checked on what is actually in the file.
use std::collections::BTreeMap;
use std::io::{Cursor, Read};

use gongwen::domain::model::draft::Draft;
use gongwen::domain::model::template::{xuanren, Template};
use gongwen::domain::output::docx::docx_bytes;
use gongwen::domain::output::layout::ParaKind;
use gongwen::domain::output::render::paragraphs;
use roxmltree::{Document, Node};

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// Every part of the package by name; every entry must be stored or deflated and read back.
fn unzip(bytes: &[u8]) -> BTreeMap<String, String> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap_or_else(|e| panic!("not a zip: {e}"));
    let mut parts = BTreeMap::new();
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).unwrap_or_else(|e| panic!("entry {i}: {e}"));
        let name = entry.name().map(|n| n.to_string()).unwrap_or_else(|e| panic!("entry {i}'s name: {e}"));
        let mut text = String::new();
        entry.read_to_string(&mut text).unwrap_or_else(|e| panic!("{name}: {e}"));
        parts.insert(name, text);
    }
    parts
}

fn parse(text: &str) -> Document<'_> {
    Document::parse(text).unwrap_or_else(|e| panic!("not well-formed XML: {e}"))
}

fn w<'a>(node: Node<'a, 'a>, name: &str) -> Option<Node<'a, 'a>> {
    node.children().find(|c| c.has_tag_name((W, name)))
}

fn attr<'a>(node: Option<Node<'a, 'a>>, name: &str) -> Option<&'a str> {
    node.and_then(|n| n.attribute((W, name)))
}

fn all<'a>(doc: &'a Document<'a>, name: &'a str) -> impl Iterator<Item = Node<'a, 'a>> + 'a {
    doc.descendants().filter(move |n| n.has_tag_name((W, name)))
}

fn text_of(p: Node<'_, '_>) -> String {
    p.descendants().filter(|n| n.has_tag_name((W, "t"))).filter_map(|t| t.text()).collect()
}

/// One paragraph as set: (text, eastAsia font, size, alignment, first-line chars, right chars).
#[derive(Debug, PartialEq)]
struct Set {
    text: String,
    font: Option<String>,
    size: Option<String>,
    align: Option<String>,
    first_line_chars: Option<String>,
    /// `w:firstLine`, twips.
    first_line: Option<String>,
    right_chars: Option<String>,
    /// The run's `w:spacing`, twentieths of a point.
    spacing: Option<String>,
    /// The paragraph's own exact line height, if any.
    line: Option<String>,
    keep_next: bool,
    /// Not `w:snapToGrid w:val="0"`.
    on_grid: bool,
}

fn set_of(p: Node<'_, '_>) -> Set {
    let ppr = w(p, "pPr");
    let ind = ppr.and_then(|n| w(n, "ind"));
    let rpr = p.children().find(|c| c.has_tag_name((W, "r"))).and_then(|r| w(r, "rPr"));
    let own = |s: Option<&str>| s.map(str::to_string);
    Set {
        text: text_of(p),
        font: own(attr(rpr.and_then(|r| w(r, "rFonts")), "eastAsia")),
        size: own(attr(rpr.and_then(|r| w(r, "sz")), "val")),
        align: own(attr(ppr.and_then(|n| w(n, "jc")), "val")),
        first_line_chars: own(attr(ind, "firstLineChars")),
        first_line: own(attr(ind, "firstLine")),
        right_chars: own(attr(ind, "rightChars")),
        spacing: own(attr(rpr.and_then(|r| w(r, "spacing")), "val")),
        line: own(attr(ppr.and_then(|n| w(n, "spacing")), "line")),
        keep_next: ppr.and_then(|n| w(n, "keepNext")).is_some(),
        on_grid: attr(ppr.and_then(|n| w(n, "snapToGrid")), "val") != Some("0"),
    }
}

fn example_docx() -> BTreeMap<String, String> {
    let t = xuanren();
    unzip(&docx_bytes(&t, &Draft::example(&t)).unwrap_or_else(|e| panic!("{e}")))
}

#[test]
fn the_package_has_its_parts_stored_and_the_same_draft_gives_the_same_bytes() {
    let t = xuanren();
    let d = Draft::example(&t);
    let bytes = docx_bytes(&t, &d).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(bytes, docx_bytes(&t, &d).unwrap_or_default(), "no clock, no randomness");
    let mut archive = zip::ZipArchive::new(Cursor::new(&bytes)).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(archive.by_index(0).ok().and_then(|e| e.name().ok().map(|n| n.to_string())).as_deref(), Some("[Content_Types].xml"));
    let parts = unzip(&bytes);
    for name in [
        "[Content_Types].xml",
        "_rels/.rels",
        "word/document.xml",
        "word/_rels/document.xml.rels",
        "word/styles.xml",
        "word/settings.xml",
        "word/footer1.xml",
        "word/footer2.xml",
    ] {
        assert!(parts.contains_key(name), "no {name}: {:?}", parts.keys());
    }
    for (name, text) in &parts {
        parse(text);
        if name.ends_with(".xml") && name != "[Content_Types].xml" && !name.ends_with(".rels") {
            let overridden = format!("PartName=\"/{name}\"");
            assert!(parts["[Content_Types].xml"].contains(&overridden), "{name} has no content type");
        }
    }
}

#[test]
fn the_page_is_a4_with_the_standard_margins_and_a_22_line_grid() {
    let parts = example_docx();
    let doc = parse(&parts["word/document.xml"]);
    let sect = all(&doc, "sectPr").next().unwrap_or_else(|| panic!("no sectPr"));
    let get = |el: &str, a: &str| attr(w(sect, el), a).map(str::to_string);
    assert_eq!((get("pgSz", "w"), get("pgSz", "h")), (Some("11906".into()), Some("16838".into())));
    // 37 / 26 / 35 / 28 mm.
    let margins: Vec<_> = ["top", "right", "bottom", "left"].iter().map(|a| get("pgMar", a)).collect();
    assert_eq!(margins, [Some("2098".into()), Some("1474".into()), Some("1984".into()), Some("1587".into())]);
    let mm = |twips: f64| twips * 25.4 / 1440.0;
    assert!((mm(11906.0 - 1587.0 - 1474.0) - 156.0).abs() < 0.1 && (mm(16838.0 - 2098.0 - 1984.0) - 225.0).abs() < 0.1);
    // A line grid only: a character grid narrower than 3号 makes LibreOffice give each
    // character two cells (14 a line); the runs are condensed instead (see below).
    assert_eq!(get("docGrid", "type").as_deref(), Some("lines"));
    assert_eq!(get("docGrid", "linePitch").as_deref(), Some("579"));
    assert_eq!(get("docGrid", "charSpace"), None);
    // Odd and even footers, each a real footer part.
    let rels = parse(&parts["word/_rels/document.xml.rels"]);
    for kind in ["default", "even"] {
        let reference = sect
            .children()
            .find(|c| c.has_tag_name((W, "footerReference")) && c.attribute((W, "type")) == Some(kind))
            .unwrap_or_else(|| panic!("no {kind} footer"));
        let id = reference.attribute((R, "id")).unwrap_or_default();
        let target = rels
            .descendants()
            .find(|r| r.attribute("Id") == Some(id))
            .and_then(|r| r.attribute("Target"))
            .unwrap_or_else(|| panic!("{id} is not in the relationships"));
        assert!(parts.contains_key(&format!("word/{target}")), "{target}");
    }
    assert!(parse(&parts["word/settings.xml"]).descendants().any(|n| n.has_tag_name((W, "evenAndOddHeaders"))));
}

#[test]
fn each_kind_of_paragraph_is_set_as_the_standard_says() {
    let t = xuanren();
    let d = Draft::example(&t);
    let parts = unzip(&docx_bytes(&t, &d).unwrap_or_default());
    let doc = parse(&parts["word/document.xml"]);
    let written: Vec<Set> = all(&doc, "p").map(set_of).filter(|s| !s.text.is_empty()).collect();
    let expected = paragraphs(&t, &d);
    assert_eq!(written.len(), expected.len());
    let mut seen = std::collections::BTreeSet::new();
    for (set, p) in written.iter().zip(&expected) {
        assert_eq!(set.text, p.text);
        let some = |s: &str| Some(s.to_string());
        let (font, size, align, first) = match p.kind {
            ParaKind::Title => ("方正小标宋简体", "44", "center", None),
            ParaKind::Addressee => ("仿宋_GB2312", "32", "both", None),
            ParaKind::Body => ("仿宋_GB2312", "32", "both", some("200")),
            ParaKind::Heading1 => ("黑体", "32", "both", some("200")),
            ParaKind::Heading2 => ("楷体_GB2312", "32", "both", some("200")),
            ParaKind::Signature | ParaKind::Date => ("仿宋_GB2312", "32", "right", None),
        };
        assert_eq!(
            (set.font.clone(), set.size.clone(), set.align.clone()),
            (some(font), some(size), some(align)),
            "{:?}: {}",
            p.kind,
            p.text
        );
        assert_eq!(set.first_line_chars, first, "{:?}: {}", p.kind, p.text);
        // Two characters are 32 pt (640 twips) for LibreOffice, which reads only twips.
        assert_eq!(set.first_line.is_some(), first.is_some(), "{:?}: {}", p.kind, p.text);
        if first.is_some() {
            assert_eq!(set.first_line.as_deref(), Some("640"), "{:?}: {}", p.kind, p.text);
        }
        // Every character 0.25 pt closer: 28 of 15.75 pt fit the 442.2 pt line.
        assert_eq!(set.spacing.as_deref(), Some("-5"), "{:?}: {}", p.kind, p.text);
        // The title's lines are 33 pt, as printed; the rest keep the default 28.95 pt.
        let line = (p.kind == ParaKind::Title).then(|| "660".to_string());
        assert_eq!(set.line, line, "{:?}: {}", p.kind, p.text);
        // The title and headings never end a page.
        if matches!(p.kind, ParaKind::Title | ParaKind::Heading1 | ParaKind::Heading2) {
            assert!(set.keep_next, "{:?}: {}", p.kind, p.text);
        }
        // The 2号 title is wider than the grid's cells: it alone is set off the grid.
        assert_eq!(set.on_grid, p.kind != ParaKind::Title, "{:?}: {}", p.kind, p.text);
        seen.insert(format!("{:?}", p.kind));
    }
    assert_eq!(seen.len(), 7, "the example has every kind: {seen:?}");
}

#[test]
fn every_run_names_its_east_asian_font_and_the_defaults_are_set() {
    let parts = example_docx();
    for name in ["word/document.xml", "word/footer1.xml", "word/footer2.xml"] {
        let doc = parse(&parts[name]);
        let runs: Vec<_> = all(&doc, "r").collect();
        assert!(!runs.is_empty(), "{name}");
        for r in runs {
            let fonts = w(r, "rPr").and_then(|p| w(p, "rFonts"));
            for a in ["eastAsia", "ascii", "hAnsi"] {
                assert!(attr(fonts, a).is_some_and(|f| !f.is_empty()), "{name}: a run without w:{a}: {:?}", text_of(r));
            }
            assert!(attr(w(r, "rPr").and_then(|p| w(p, "sz")), "val").is_some(), "{name}: a run without a size");
            // The report's text is condensed; the page number is not (the print's is not).
            let spacing = attr(w(r, "rPr").and_then(|p| w(p, "spacing")), "val");
            assert_eq!(spacing, (name == "word/document.xml").then_some("-5"), "{name}: {:?}", text_of(r));
        }
    }
    let styles = parse(&parts["word/styles.xml"]);
    let defaults = all(&styles, "rPrDefault").next().unwrap_or_else(|| panic!("no rPrDefault"));
    let rpr = w(defaults, "rPr");
    assert_eq!(attr(rpr.and_then(|r| w(r, "rFonts")), "eastAsia"), Some("仿宋_GB2312"));
    assert_eq!(attr(rpr.and_then(|r| w(r, "sz")), "val"), Some("32"));
    assert_eq!(attr(rpr.and_then(|r| w(r, "lang")), "eastAsia"), Some("zh-CN"));
    let ppr = all(&styles, "pPrDefault").next().and_then(|p| w(p, "pPr"));
    let spacing = ppr.and_then(|p| w(p, "spacing"));
    assert_eq!((attr(spacing, "line"), attr(spacing, "lineRule")), (Some("579"), Some("exact")));
    // Widow control on, as the browser's print (orphans and widows 2).
    let widow = ppr.and_then(|p| w(p, "widowControl"));
    assert!(widow.is_some() && attr(widow, "val").is_none_or(|v| v != "0"));
    // Word's default, written out: LibreOffice reads a missing or 0 value as "hang marks".
    assert_eq!(attr(ppr.and_then(|p| w(p, "overflowPunct")), "val"), Some("1"));
}

#[test]
fn the_font_table_names_what_stands_in_for_each_font() {
    let parts = example_docx();
    let fonts = parse(&parts["word/fontTable.xml"]);
    let entry = |name: &str| {
        let f = all(&fonts, "font")
            .find(|f| f.attribute((W, "name")) == Some(name))
            .unwrap_or_else(|| panic!("{name} is not in the font table"));
        let get = |el: &str| attr(w(f, el), "val").unwrap_or_default().to_string();
        (get("altName"), get("charset"), get("family"))
    };
    let table = [
        ("仿宋_GB2312", ["仿宋", "FangSong", "STFangsong"], "roman"),
        ("楷体_GB2312", ["楷体", "KaiTi", "STKaiti"], "roman"),
        ("方正小标宋简体", ["宋体", "SimSun", "STZhongsong"], "roman"),
        ("黑体", ["SimHei", "STHeiti", "SimHei"], "swiss"),
        ("宋体", ["SimSun", "STSong", "SimSun"], "roman"),
    ];
    for (name, alternatives, family) in table {
        let (alt, charset, fam) = entry(name);
        let names: Vec<&str> = alt.split(',').collect();
        for a in alternatives {
            assert!(names.contains(&a), "{name}: {alt}");
        }
        assert_eq!((charset.as_str(), fam.as_str()), ("86", family), "{name}: GB2312, and serif or not");
    }
    // Every font a run names is in the table.
    for part in ["word/document.xml", "word/footer1.xml", "word/styles.xml"] {
        let doc = parse(&parts[part]);
        for f in all(&doc, "rFonts").filter_map(|r| r.attribute((W, "eastAsia"))) {
            entry(f);
        }
    }
}

#[test]
fn the_footers_hold_the_page_number_between_dashes_in_4hao_songti() {
    let parts = example_docx();
    for (name, side) in [("word/footer1.xml", "right"), ("word/footer2.xml", "left")] {
        let doc = parse(&parts[name]);
        let p = all(&doc, "p").next().unwrap_or_else(|| panic!("{name}: no paragraph"));
        let ppr = w(p, "pPr");
        assert_eq!(attr(ppr.and_then(|n| w(n, "jc")), "val"), Some(side), "{name}");
        // One 4号 character (14 pt = 280 twips) in from the edge.
        assert_eq!(attr(ppr.and_then(|n| w(n, "ind")), side), Some("280"), "{name}");
        // Before the field, the field's code, after it.
        let (mut before, mut code, mut after, mut state) = (String::new(), String::new(), String::new(), 0);
        for r in p.children().filter(|c| c.has_tag_name((W, "r"))) {
            let rpr = w(r, "rPr");
            assert_eq!(attr(rpr.and_then(|x| w(x, "rFonts")), "eastAsia"), Some("宋体"), "{name}");
            assert_eq!(attr(rpr.and_then(|x| w(x, "sz")), "val"), Some("28"), "{name}");
            if let Some(kind) = attr(w(r, "fldChar"), "fldCharType") {
                state = match kind {
                    "begin" => 1,
                    "separate" => 2,
                    _ => 3,
                };
            }
            let text: String = r.children().filter(|c| c.has_tag_name((W, "t"))).filter_map(|t| t.text()).collect();
            let instr: String = r.children().filter(|c| c.has_tag_name((W, "instrText"))).filter_map(|t| t.text()).collect();
            match state {
                0 => before.push_str(&text),
                1 => code.push_str(&instr),
                3 => after.push_str(&text),
                _ => {}
            }
        }
        assert_eq!((before.as_str(), code.trim(), after.as_str()), ("— ", "PAGE", " —"), "{name}");
    }
}

#[test]
fn empty_lines_follow_the_title_and_precede_the_signature() {
    let parts = example_docx();
    let doc = parse(&parts["word/document.xml"]);
    let texts: Vec<String> = all(&doc, "p").map(text_of).collect();
    assert_eq!(texts[1], "", "an empty line after the title");
    assert_eq!(texts[2], "市委巡察组：");
    let signature = texts.iter().position(|t| t == "党工委").unwrap_or_else(|| panic!("no 落款"));
    assert_eq!(texts[signature - 1], "");
    assert_eq!(texts[signature - 2], "特此报告。");
    assert_eq!(texts[signature + 1], "2024年3月5日");
    assert_eq!(texts.iter().filter(|t| t.is_empty()).count(), 2, "no other empty paragraphs");
}

/// The 落款 and date as §7.3.5.2 places them, in hundredths of a character from the right.
fn closing_indents(signature: &str, date: &str) -> (Option<String>, Option<String>) {
    let t = xuanren();
    let mut d = Draft::example(&t);
    d.set_text("signature", signature.to_string());
    d.set_text("date", date.to_string());
    let parts = unzip(&docx_bytes(&t, &d).unwrap_or_default());
    let doc = parse(&parts["word/document.xml"]);
    let sets: Vec<Set> = all(&doc, "p").map(set_of).collect();
    let find = |text: &str| sets.iter().find(|s| s.text == text).and_then(|s| s.right_chars.clone());
    (find(signature), find(date))
}

#[test]
fn the_signature_and_date_are_placed_by_their_lengths() {
    let some = |s: &str| Some(s.to_string());
    // 党工委 is shorter than the date (6 characters: digits are half width): the date is two
    // characters from the edge, the 落款's first character two characters left of the date's.
    assert_eq!(closing_indents("党工委", "2024年3月5日"), (some("700"), some("200")));
    // A 署名 of 10 characters: two characters from the edge; the date starts two characters
    // right of it and ends 10 − 2 − 6 = 2 characters short of the 署名's end: 4 from the edge.
    assert_eq!(closing_indents("某某市人民政府办公室", "2024年3月5日"), (some("200"), some("400")));
    // Half-width digits count half: 2024年12月25日 is 7 characters wide.
    assert_eq!(closing_indents("某某市人民政府办公室", "2024年12月25日"), (some("200"), some("300")));
}

#[test]
fn markup_and_control_characters_in_the_text_come_back_literally() {
    let t = xuanren();
    let mut d = Draft::example(&t);
    let typed = "<script>alert('x')</script>&amp; \"引号\" a<b>c\u{1}\u{FFFF}";
    d.set_text("opening", typed.to_string());
    let parts = unzip(&docx_bytes(&t, &d).unwrap_or_default());
    let doc = parse(&parts["word/document.xml"]);
    let texts: Vec<String> = all(&doc, "p").map(text_of).collect();
    assert!(texts.iter().any(|t| t == "<script>alert('x')</script>&amp; \"引号\" a<b>c"), "{texts:?}");
    assert!(!parts["word/document.xml"].contains("<script>"));
}

#[test]
fn an_empty_draft_and_absurd_text_still_give_well_formed_files() {
    let t = xuanren();
    let mut drafts = vec![Draft::new(&t)];
    let mut huge = Draft::example(&t);
    huge.set_text("date", "2024年3月5日".repeat(200_000));
    huge.set_text("signature", "某".repeat(100_000));
    drafts.push(huge);
    let mut only_title = Draft::new(&t);
    for part in &t.parts {
        only_title.set_text(&part.id, String::new());
    }
    drafts.push(only_title);
    for d in &drafts {
        let parts = unzip(&docx_bytes(&t, d).unwrap_or_else(|e| panic!("{e}")));
        for text in parts.values() {
            parse(text);
        }
        let doc = parse(&parts["word/document.xml"]);
        assert!(all(&doc, "p").count() >= 2, "at least the title and the line after it");
    }
}

/// A paragraph's text and line breaks in order (`|` for a `w:br`).
fn lines_of(p: Node<'_, '_>) -> String {
    p.descendants()
        .filter_map(|n| {
            if n.has_tag_name((W, "br")) {
                Some("|")
            } else if n.has_tag_name((W, "t")) {
                n.text()
            } else {
                None
            }
        })
        .collect()
}

#[test]
fn a_long_title_is_one_paragraph_broken_between_words() {
    let t = xuanren();
    let mut d = Draft::example(&t);
    let title_of = |d: &Draft| {
        let parts = unzip(&docx_bytes(&t, d).unwrap_or_else(|e| panic!("{e}")));
        let doc = parse(&parts["word/document.xml"]);
        let title = all(&doc, "p").next().map(lines_of).unwrap_or_default();
        assert_eq!(all(&doc, "br").count(), title.matches('|').count(), "line breaks in the title, nowhere else");
        title
    };
    assert_eq!(title_of(&d), "关于党工委领导班子2022年以来|选人用人工作情况的报告");
    d.set_slot("unit", "市财政局党组".into());
    assert_eq!(title_of(&d), "关于市财政局党组领导班子|2022年以来选人用人工作情况的报告");
    // Two lines cannot hold this one without cutting a word: three.
    d.set_slot("unit", "长江经济带高新技术产业开发区党工委".into());
    assert_eq!(title_of(&d), "关于长江经济带高新技术产业开发区党工委|领导班子2022年以来|选人用人工作情况的报告");

    // A title that fits one line, or a template without break points: no break.
    let one_line = [
        ("关于{unit}|的报告", "关于党工委的报告"),
        ("关于{unit}领导班子{start_year}年以来选人用人工作情况的报告", "关于党工委领导班子2022年以来选人用人工作情况的报告"),
    ];
    for (title, want) in one_line {
        let json = format!(
            r#"{{"format":1,"id":"x","name":"x","title":"{title}","parts":[],"slots":[
                {{"id":"unit","label":"l","hint":"h","kind":"text","example":"党工委"}},
                {{"id":"start_year","label":"l","hint":"h","kind":"year","example":"2022"}}]}}"#
        );
        let short = Template::from_json(&json).unwrap_or_else(|e| panic!("{e}"));
        let parts = unzip(&docx_bytes(&short, &Draft::example(&short)).unwrap_or_else(|e| panic!("{e}")));
        let doc = parse(&parts["word/document.xml"]);
        assert_eq!(all(&doc, "br").count(), 0, "{title}");
        let got = all(&doc, "p").next().map(lines_of);
        assert_eq!(got.as_deref(), Some(want));
    }
}
