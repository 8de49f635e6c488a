//! LibreOffice as the test suite's word processor: a .docx converted to PDF by `soffice`
//! (Debian's libreoffice-writer-nogui), read back with poppler's `pdftotext -bbox-layout` as
//! lines of text with their boxes, in points from the page's top left corner. Shared by
//! tests/libreoffice.rs and the browser tests (print layout against the Word file).
#![allow(dead_code)]
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use gongwen::domain::model::draft::{key, Draft};
use gongwen::domain::model::template::Template;
use gongwen::domain::output::render::plain_text;

/// GB/T 9704's text block on A4, in points: 28 mm from the left, 156 mm wide; 37 mm from the
/// top, 225 mm high.
pub const MM: f64 = 72.0 / 25.4;
pub const LEFT: f64 = 28.0 * MM;
pub const RIGHT: f64 = (28.0 + 156.0) * MM;
pub const TOP: f64 = 37.0 * MM;
pub const BOTTOM: f64 = (37.0 + 225.0) * MM;

/// One line of text on a page.
#[derive(Clone, Debug)]
pub struct Line {
    /// The line's words run together (pdftotext's spaces between words dropped).
    pub text: String,
    pub x_min: f64,
    pub x_max: f64,
    pub y_min: f64,
    pub y_max: f64,
}

impl Line {
    pub fn centre_x(&self) -> f64 {
        (self.x_min + self.x_max) / 2.0
    }
    pub fn centre_y(&self) -> f64 {
        (self.y_min + self.y_max) / 2.0
    }
}

/// A page's lines, top to bottom: `body` inside the text block, `footer` below it.
#[derive(Debug, Default)]
pub struct Page {
    pub body: Vec<Line>,
    pub footer: Vec<Line>,
}

/// Kills the process group it was made for when dropped: `soffice` starts `oosplash`, which
/// starts `soffice.bin`; all three are in the group the first one leads.
struct Group(u32);

impl Drop for Group {
    fn drop(&mut self) {
        let _ = Command::new("kill").args(["-KILL", "--", &format!("-{}", self.0)]).stderr(Stdio::null()).status();
    }
}

/// The .docx as LibreOffice lays it out: the PDF's bytes. A fresh profile every time (a profile
/// another LibreOffice holds would hand the job to that one); the first start builds the
/// profile and is slow, so it may take up to five minutes; LibreOffice is killed on every path.
pub fn docx_to_pdf(docx: &[u8]) -> Vec<u8> {
    let dir = tempfile::tempdir().expect("a temp dir");
    let input = dir.path().join("report.docx");
    std::fs::write(&input, docx).expect("write the .docx");
    let args = [
        format!("-env:UserInstallation=file://{}", dir.path().join("profile").display()),
        "--headless".into(),
        "--norestore".into(),
        "--convert-to".into(),
        "pdf".into(),
        "--outdir".into(),
        dir.path().display().to_string(),
        input.display().to_string(),
    ];
    run_killed("soffice", &args, Duration::from_secs(300), "apt package libreoffice-writer-nogui; scripts/test.sh installs it");
    std::fs::read(dir.path().join("report.pdf")).expect("LibreOffice wrote the PDF")
}

/// Run a poppler tool on the PDF and return its standard output.
fn poppler(tool: &str, args: &[&str], pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join("doc.pdf");
    std::fs::write(&path, pdf).expect("write the PDF");
    let out = Command::new(tool)
        .args(args)
        .arg(&path)
        .args(if tool == "pdffonts" { &[][..] } else { &["-"][..] })
        .output()
        .unwrap_or_else(|e| panic!("{tool} runs (apt package poppler-utils): {e}"));
    assert!(out.status.success(), "{tool} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("UTF-8")
}

/// The pages of a PDF as lines: words on one baseline make one line, whatever blocks pdftotext
/// put them in; lines whose middle is below the text block are the footer.
pub fn pages(pdf: &[u8]) -> Vec<Page> {
    let xhtml = poppler("pdftotext", &["-bbox-layout", "-enc", "UTF-8"], pdf);
    let options = roxmltree::ParsingOptions { allow_dtd: true, ..Default::default() };
    let doc = roxmltree::Document::parse_with_options(&xhtml, options).expect("pdftotext's XHTML");
    let num = |n: roxmltree::Node<'_, '_>, a: &str| n.attribute(a).and_then(|v| v.parse::<f64>().ok()).unwrap_or(f64::NAN);
    let mut out = Vec::new();
    for page in doc.descendants().filter(|n| n.has_tag_name("page")) {
        let mut words: Vec<Line> = page
            .descendants()
            .filter(|n| n.has_tag_name("word"))
            .map(|w| Line {
                text: w.text().unwrap_or_default().chars().filter(|c| !c.is_whitespace()).collect(),
                x_min: num(w, "xMin"),
                x_max: num(w, "xMax"),
                y_min: num(w, "yMin"),
                y_max: num(w, "yMax"),
            })
            .collect();
        words.sort_by(|a, b| a.centre_y().total_cmp(&b.centre_y()));
        // Words whose middles are within 4 pt make one line (a half-width word's box is not
        // as tall as a Chinese one's); then left to right.
        let mut groups: Vec<Vec<Line>> = Vec::new();
        for w in words {
            match groups.last_mut() {
                Some(g) if (g[0].centre_y() - w.centre_y()).abs() < 4.0 => g.push(w),
                _ => groups.push(vec![w]),
            }
        }
        let lines: Vec<Line> = groups
            .into_iter()
            .map(|mut g| {
                g.sort_by(|a, b| a.x_min.total_cmp(&b.x_min));
                let mut line = g[0].clone();
                for w in &g[1..] {
                    line.text.push_str(&w.text);
                    line.x_max = line.x_max.max(w.x_max);
                    line.y_min = line.y_min.min(w.y_min);
                    line.y_max = line.y_max.max(w.y_max);
                }
                line
            })
            .collect();
        let (body, footer) = lines.into_iter().partition(|l| l.centre_y() < BOTTOM);
        out.push(Page { body, footer });
    }
    out
}

/// `pdffonts`' font names (the subset prefix `ABCDEF+` dropped).
pub fn fonts(pdf: &[u8]) -> Vec<String> {
    poppler("pdffonts", &[], pdf)
        .lines()
        .skip(2)
        .filter_map(|l| l.split_whitespace().next())
        .map(|n| n.split_once('+').map_or(n, |(_, name)| name).to_string())
        .collect()
}

/// Each piece of text and the font it is set in, from `pdftohtml -xml` (poppler): (page index,
/// middle of the piece from the page's top in points, text, font without its subset prefix).
pub fn fonts_of_text(pdf: &[u8]) -> Vec<(usize, f64, String, String)> {
    let xml = poppler("pdftohtml", &["-xml", "-i", "-stdout", "-q"], pdf);
    let options = roxmltree::ParsingOptions { allow_dtd: true, ..Default::default() };
    let doc = roxmltree::Document::parse_with_options(&xml, options).expect("pdftohtml's XML");
    let families: std::collections::HashMap<&str, &str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("fontspec"))
        .filter_map(|n| Some((n.attribute("id")?, n.attribute("family")?)))
        .collect();
    let num = |n: roxmltree::Node<'_, '_>, a: &str| n.attribute(a).and_then(|v| v.parse::<f64>().ok()).unwrap_or(f64::NAN);
    let mut out = Vec::new();
    for (i, page) in doc.descendants().filter(|n| n.has_tag_name("page")).enumerate() {
        // pdftohtml measures in pixels of its own scale: the page's width against A4's 595.3 pt.
        let scale = num(page, "width") / (210.0 * MM);
        for n in page.children().filter(|n| n.has_tag_name("text")) {
            let text: String = n.descendants().filter_map(|t| t.text()).collect();
            let Some(family) = n.attribute("font").and_then(|f| families.get(f)) else { continue };
            let middle = (num(n, "top") + num(n, "height") / 2.0) / scale;
            out.push((i, middle, text, family.split_once('+').map_or(*family, |(_, f)| f).to_string()));
        }
    }
    out
}

/// A line's width in characters: a Chinese character or full-width mark is 1, a half-width
/// figure, letter or sign ½.
pub fn width(text: &str) -> f64 {
    text.chars().filter(|c| !c.is_whitespace()).map(|c| if c.is_ascii() { 0.5 } else { 1.0 }).sum()
}

/// Marks a line may not start with (GB/T 15834 and every suite's line-breaking rules).
const NO_START: &str = "，。、；：？！）》」』”’…—%·";
/// Marks a line may not end with.
const NO_END: &str = "（《「『“‘";

/// The shortest piece a line can begin with: opening marks, then one character or a run of
/// half-width letters and figures (a word), then the marks that may not start a line.
pub fn first_unit(text: &str) -> &str {
    let mut chars = text.char_indices().peekable();
    while chars.next_if(|&(_, c)| NO_END.contains(c)).is_some() {}
    let Some((i, c)) = chars.next() else { return text };
    let mut end = i + c.len_utf8();
    if c.is_ascii_alphanumeric() {
        while let Some((j, d)) = chars.next_if(|&(_, d)| d.is_ascii_alphanumeric() || matches!(d, '.' | ',' | '%')) {
            end = j + d.len_utf8();
        }
    }
    while let Some((j, d)) = chars.next_if(|&(_, d)| NO_START.contains(d)) {
        end = j + d.len_utf8();
    }
    &text[..end]
}

/// The example draft with every item of every section repeated (points and all) until the
/// report has at least `min_chars` characters.
pub fn long_draft(t: &Template, min_chars: usize) -> Draft {
    let mut d = Draft::example(t);
    // Each section's items as they are now: (section, [(item, its points)]).
    type Items = Vec<(u64, Vec<u64>)>;
    let originals: Vec<(String, Items)> =
        d.sections.iter().map(|(section, items)| (section.clone(), items.iter().map(|i| (i.id, i.points.clone())).collect())).collect();
    while plain_text(t, &d).chars().count() < min_chars {
        for (section, items) in &originals {
            for (item, points) in items {
                let copy = d.add_item(t, section);
                for what in ["heading", "body"] {
                    let text = d.text(&key::item(section, *item, what));
                    d.set_text(&key::item(section, copy, what), text);
                }
                let mut new_points: Vec<u64> = d.items(section).iter().find(|i| i.id == copy).map(|i| i.points.clone()).unwrap_or_default();
                while new_points.len() < points.len() {
                    new_points.push(d.add_point(section, copy).expect("the copy exists"));
                }
                for (old, new) in points.iter().zip(&new_points) {
                    for what in ["topic", "body"] {
                        let text = d.text(&key::point(section, *item, *old, what));
                        d.set_text(&key::point(section, copy, *new, what), text);
                    }
                }
            }
        }
    }
    d
}

/// Keep a file for a person to look at when `GONGWEN_SCREENSHOTS` names a folder.
pub fn keep(name: &str, bytes: &[u8]) {
    if let Some(dir) = std::env::var_os("GONGWEN_SCREENSHOTS") {
        let _ = std::fs::create_dir_all(&dir);
        let _ = std::fs::write(Path::new(&dir).join(name), bytes);
    }
}

/// Run `program` with `args` in a process group of its own, killed (with anything it started)
/// when done or after `limit`; panics with its output when it fails.
pub fn run_killed(program: &str, args: &[String], limit: Duration, hint: &str) {
    let dir = tempfile::tempdir().expect("a temp dir");
    let log_path = dir.path().join("log");
    let log = std::fs::File::create(&log_path).expect("a log file");
    let mut child = Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .stdout(log.try_clone().expect("the log again"))
        .stderr(log)
        .process_group(0)
        .spawn()
        .unwrap_or_else(|e| panic!("{program} runs ({hint}): {e}"));
    let _group = Group(child.id());
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for the child") {
            break status;
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            panic!("{program} did not finish in {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(200));
    };
    assert!(status.success(), "{program} failed ({status}): {}", std::fs::read_to_string(&log_path).unwrap_or_default());
}

/// The browser's print of an HTML page (Chromium, headless, as scripts/lib.sh installs it):
/// the PDF's bytes. A fresh browser profile; the browser is killed on every path.
pub fn print_html(html: &str) -> Vec<u8> {
    let dir = tempfile::tempdir().expect("a temp dir");
    let page = dir.path().join("page.html");
    std::fs::write(&page, html).expect("write the page");
    let pdf = dir.path().join("page.pdf");
    let args = [
        "--headless".to_string(),
        "--no-sandbox".into(),
        "--disable-gpu".into(),
        "--no-pdf-header-footer".into(),
        format!("--user-data-dir={}", dir.path().join("profile").display()),
        format!("--print-to-pdf={}", pdf.display()),
        url_of(&page),
    ];
    run_killed("chromium", &args, Duration::from_secs(120), "apt package chromium; scripts/test.sh installs it");
    std::fs::read(&pdf).expect("Chromium wrote the PDF")
}

fn url_of(path: &Path) -> String {
    format!("file://{}", path.display())
}
