//! The single-file build, `dist/公文起草助手.html`, as a clerk uses it: copied alone to another
//! folder and opened from disk (`file://`), with no server; and the report printed from it.
use crate::harness::{single_file_alone, Browser};
use serde_json::{json, Value};
use std::path::PathBuf;
use std::time::Duration;

/// Where the app cannot start, nothing of the form is shown: no app, and the prerendered first
/// screen is hidden (the boot script's message stands in its place). [app, the shell's display]
pub(crate) const NO_FORM: &str = "const shell = document.querySelector('#gongwen-shell');
    return [document.querySelector('body > .app'), shell ? getComputedStyle(shell).display : 'absent'];";

fn placeholders_in(key: &str) -> String {
    format!("return {};", crate::harness::app_js::placeholder_findings(key))
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run scripts/test.sh"]
async fn the_single_file_works_from_disk_with_no_server() {
    let (_dir, file) = single_file_alone();
    let b = Browser::open_file(&file).await;
    assert!(
        b.home().starts_with("file:///") && b.home().ends_with("/U%E7%9B%98/%E5%85%AC%E6%96%87%E8%B5%B7%E8%8D%89%E5%8A%A9%E6%89%8B.html"),
        "{}",
        b.home()
    );
    assert_eq!(b.client.title().await.expect("a title"), "公文起草助手");
    let policy = b.js("return document.querySelector('meta[http-equiv=Content-Security-Policy]')?.content ?? null;").await;
    let policy = policy.as_str().unwrap_or_default();
    for part in ["default-src 'none'", "connect-src 'none'", "object-src 'none'", "base-uri 'none'", "'unsafe-eval'"] {
        assert!(policy.contains(part), "the policy lacks {part}: {policy}");
    }
    assert!(!policy.contains("unsafe-inline") && !policy.contains("'self'"), "{policy}");

    // A live finding while typing.
    b.goto_step("opening").await;
    b.type_into("#field-opening", "我县共有*名干部").await;
    let found = b.wait_js(&placeholders_in("opening"), |v| v.as_array().is_some_and(|a| !a.is_empty())).await;
    assert_eq!(found, json!([["*", 4, 5]]));

    // The autosave survives a reload: same step, same text, same finding.
    let before = b.preview_text().await;
    assert!(before.contains("我县共有*名干部\r\n"), "{before}");
    b.client.refresh().await.expect("reload");
    b.wait_for(".step-view[data-step=opening]").await;
    assert_eq!(b.js("return document.querySelector('#field-opening').value;").await, "我县共有*名干部");
    assert_eq!(b.preview_text().await, before);
    assert_eq!(b.wait_js(&placeholders_in("opening"), |v| v.as_array().is_some_and(|a| !a.is_empty())).await, found);

    // The .txt download is a real file with what the preview shows (asked first: gaps are left).
    b.click("#download-txt").await;
    b.click("#download-anyway").await;
    let text = String::from_utf8(b.downloaded("选人用人工作情况报告.txt").await).expect("UTF-8");
    assert!(text.contains("\r\n我县共有*名干部\r\n"), "{text:?}");
    assert_eq!(text, b.preview_text().await);

    // Nothing was requested but the file itself (loaded twice: opened, then reloaded).
    let requests = b.requests().await;
    let loaded: Vec<_> = requests.iter().filter(|u| !u.starts_with("blob:") && !u.starts_with("data:")).collect();
    assert_eq!(loaded, vec![b.home(), b.home()], "{requests:#?}");
    b.finish().await;
}

/// The harness, for a file: the file itself is the page's own, but not another file beside it
/// nor any other address — and the file's policy stops connections before they are made.
#[tokio::test]
#[ignore = "needs dist/ and Chromium: run scripts/test.sh"]
async fn a_file_may_load_itself_and_nothing_else() {
    let (dir, file) = single_file_alone();
    let sibling = dir.path().join("U盘").join("旁边.svg");
    std::fs::write(&sibling, "<svg xmlns='http://www.w3.org/2000/svg' width='1' height='1'/>").expect("write a sibling");
    let sibling = url::Url::from_file_path(sibling.canonicalize().expect("it exists")).expect("a file URL").to_string();
    let b = Browser::open_file(&file).await;

    // The policy: no connection at all, not even to the file itself.
    for target in ["http://127.0.0.2:9/leak", b.home()] {
        let outcome = b
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 fetch(arguments[0]).then(() => done('sent'), () => done('blocked'));",
                vec![json!(target)],
            )
            .await
            .expect("the script runs");
        assert_eq!(outcome, "blocked", "{target}");
    }
    let (console, foreign) = b.problems().await;
    assert!(console.iter().any(|m| m.contains("Content Security Policy")), "{console:?}");
    assert!(foreign.is_empty(), "a request went out: {foreign:?}");

    // Without the policy, both a file beside it and another address are caught; the file itself
    // and an image the page made in memory (a blob: URL) are not.
    b.cdp("Page.setBypassCSP", json!({ "enabled": true })).await;
    b.client.refresh().await.expect("reload");
    b.wait_for(crate::harness::app_js::STARTED).await;
    let blob = b
        .client
        .execute(
            "new Image().src = arguments[0]; fetch('http://127.0.0.2:9/leak').catch(() => {});
             const url = URL.createObjectURL(new Blob([arguments[1]], { type: 'image/svg+xml' }));
             new Image().src = url;
             return url;",
            vec![json!(sibling), json!("<svg xmlns='http://www.w3.org/2000/svg' width='1' height='1'/>")],
        )
        .await
        .expect("the script runs");
    tokio::time::sleep(Duration::from_millis(300)).await;
    let (_, foreign) = b.problems().await;
    assert!(foreign.iter().any(|u| u == &sibling), "{foreign:?}");
    assert!(foreign.iter().any(|u| u.starts_with("http://127.0.0.2:9/leak")), "{foreign:?}");
    assert!(!foreign.iter().any(|u| u == b.home()), "{foreign:?}");
    let requests = b.requests().await;
    assert!(requests.iter().any(|u| u == b.home()), "the file's own load was not seen: {requests:?}");
    assert!(requests.iter().any(|u| *u == blob), "the blob image was not seen: {requests:?}");
    assert!(!foreign.iter().any(|u| *u == blob), "{foreign:?}");
}

/// Browsers older than this Chromium: without `Uint8Array.fromBase64` the loader decodes with
/// `atob` and the app starts, also without `DecompressionStream` (the page unpacks with its own
/// decoder); with a WebAssembly engine that cannot compile the module, the clerk is told in
/// Chinese that the browser is too old.
#[tokio::test]
#[ignore = "needs dist/ and Chromium: run scripts/test.sh"]
async fn older_browsers_start_through_atob_or_are_told_why_not() {
    let (_dir, file) = single_file_alone();
    let b = Browser::open_file(&file).await;
    let before = |source: &str| json!({ "source": source });
    b.cdp("Page.addScriptToEvaluateOnNewDocument", before("delete Uint8Array.fromBase64; delete window.DecompressionStream;")).await;
    b.client.refresh().await.expect("reload");
    b.wait_for(crate::harness::app_js::STARTED).await;
    assert_eq!(b.js("return [typeof Uint8Array.fromBase64, typeof DecompressionStream];").await, json!(["undefined", "undefined"]));
    b.goto_step("opening").await;
    b.type_into("#field-opening", "我县共有*名干部").await;
    b.wait_js(&placeholders_in("opening"), |v| v.as_array().is_some_and(|a| a.len() == 1)).await;
    let (console, foreign) = b.problems().await;
    assert!(console.is_empty() && foreign.is_empty(), "{console:?} {foreign:?}");

    let too_old = "return document.querySelector('[role=alert]')?.textContent ?? null;";
    let no_compile = "WebAssembly.instantiate = () => Promise.reject(new WebAssembly.CompileError('reference types'));";
    b.cdp("Page.addScriptToEvaluateOnNewDocument", before(no_compile)).await;
    b.client.refresh().await.expect("reload");
    let told = b.wait_js(too_old, Value::is_string).await;
    assert!(told.as_str().is_some_and(|s| s.contains("浏览器版本太旧")), "{told}");
    assert_eq!(b.js(NO_FORM).await, json!([null, "none"]), "the message stands in place of the form");
}

/// Below the floor — no WebAssembly (switched off by policy, or an engine too old; Internet
/// Explorer, so 360's 兼容模式, has neither it nor modules) — the served page and the single file
/// both tell the clerk in Chinese what to do, on screen, instead of a blank page.
#[tokio::test]
#[ignore = "needs dist/ and Chromium: run scripts/test.sh"]
async fn without_webassembly_both_pages_say_what_to_do() {
    let (_dir, file) = single_file_alone();
    for served in [true, false] {
        let b = if served { Browser::open().await } else { Browser::open_file(&file).await };
        b.cdp("Page.addScriptToEvaluateOnNewDocument", json!({ "source": "delete window.WebAssembly;" })).await;
        b.client.refresh().await.expect("reload");
        let told = b.wait_js("return document.querySelector('[role=alert]')?.textContent ?? null;", Value::is_string).await;
        let told = told.as_str().unwrap_or_default();
        assert!(told.contains("浏览器版本太旧") && told.contains("极速模式"), "served {served}: {told}");
        assert!(told.contains(if served { "本页" } else { "本文件" }), "served {served}: {told}");
        assert_eq!(b.js("return typeof WebAssembly;").await, "undefined");
        assert_eq!(b.js(NO_FORM).await, json!([null, "none"]), "the message stands in place of the form");
        // Really on screen: a box of text at the top of the page, not hidden.
        let shown = b
            .js("const p = document.querySelector('[role=alert]'), r = p.getBoundingClientRect();
                 return [r.top, r.width, r.height, getComputedStyle(p).visibility];")
            .await;
        assert!(shown[0].as_f64().is_some_and(|t| t < 100.0) && shown[1].as_f64().is_some_and(|w| w > 200.0), "{shown}");
        assert!(shown[2].as_f64().is_some_and(|h| h > 10.0) && shown[3] == "visible", "{shown}");
        // The loader fails loudly (its error is in the console), so no finish(): just quit.
        let _ = b.client.close().await;
    }
}

/// The policy under which Chromium 86–96 may compile WebAssembly allows `eval` ('unsafe-eval');
/// an engine that knows 'wasm-unsafe-eval' gets a second, stricter policy at boot that forbids
/// it again. Both pages, in this (current) Chromium.
#[tokio::test]
#[ignore = "needs dist/ and Chromium: run scripts/test.sh"]
async fn current_engines_may_compile_webassembly_but_not_eval() {
    let (_dir, file) = single_file_alone();
    for served in [true, false] {
        let b = if served { Browser::open().await } else { Browser::open_file(&file).await };
        let policies =
            b.js("return Array.from(document.querySelectorAll('meta[http-equiv=Content-Security-Policy]')).map(m => m.content);").await;
        let policies: Vec<&str> = policies.as_array().map(|a| a.iter().filter_map(Value::as_str).collect()).unwrap_or_default();
        assert_eq!(policies.len(), 2, "{policies:?}");
        assert!(policies[0].contains("'unsafe-eval'") && !policies[0].contains("wasm-unsafe-eval"), "{policies:?}");
        // The stricter policy: the page's own files (served), the inline scripts parsed after the
        // boot script by their hashes, and WebAssembly; nothing else.
        let strict = policies[1].strip_prefix(if served { "script-src 'self' " } else { "script-src " });
        let sources: Vec<&str> =
            strict.and_then(|s| s.strip_suffix(" 'wasm-unsafe-eval'")).map(|s| s.split(' ').collect()).unwrap_or_default();
        assert!(!sources.is_empty() && sources.iter().all(|s| s.starts_with("'sha256-")), "{policies:?}");
        // (WebDriver's own scripts may eval whatever the policy; a timer's string is compiled by
        // the page, under its policies.)
        b.js("setTimeout('window.evaluated = true', 0); return 0;").await;
        tokio::time::sleep(Duration::from_millis(300)).await;
        assert_eq!(b.js("return window.evaluated ?? 'blocked';").await, "blocked");
        // Blocked eval is reported as a policy violation in the console: that is what we did.
        let (console, foreign) = b.problems().await;
        assert!(console.iter().all(|m| m.contains("unsafe-eval") || m.contains("Content Security Policy")), "{console:#?}");
        assert!(foreign.is_empty(), "{foreign:?}");
        let _ = b.client.close().await;
    }
}

/// Every text box on 一、总体情况 shows all its text after 填入示例: the box grows with its text
/// (no hidden lines, no scrollbar needed), with and without `field-sizing` (Chrome 123+; older
/// engines and Safari lack it, emulated here by forcing its initial value), and at other zooms.
#[tokio::test]
#[ignore = "needs dist/ and Chromium: run scripts/test.sh"]
async fn every_text_box_shows_all_its_text() {
    let (_dir, file) = single_file_alone();
    let b = Browser::open_file(&file).await;
    b.click("#fill-example").await;
    b.goto_step("overview").await;
    let measure = "return Array.from(document.querySelectorAll('.step-view textarea'))
        .map(t => [t.id, t.scrollHeight, t.clientHeight, t.value.length]);";
    let check = |boxes: &Value, when: &str| {
        let boxes = boxes.as_array().cloned().unwrap_or_default();
        assert!(boxes.len() >= 10, "{when}: only {} text boxes", boxes.len());
        for t in &boxes {
            let (scroll, client) = (t[1].as_f64().unwrap_or(f64::NAN), t[2].as_f64().unwrap_or(f64::NAN));
            assert!(scroll <= client + 1.0, "{when}: {} hides text ({scroll} > {client})", t[0]);
        }
        // The long texts of the example really are several lines tall.
        let tallest = boxes.iter().filter_map(|t| t[2].as_f64()).fold(0.0, f64::max);
        assert!(tallest > 120.0, "{when}: the tallest box is {tallest}px");
    };
    check(&b.js(measure).await, "field-sizing");
    let without = "const s = document.styleSheets[0];
        s.insertRule('.field-input { field-sizing: fixed !important; }', s.cssRules.length);
        return getComputedStyle(document.querySelector('.field-input')).fieldSizing ?? 'none';";
    assert_eq!(b.js(without).await, "fixed");
    check(&b.js(measure).await, "without field-sizing");
    for zoom in ["0.67", "0.9", "1.1", "1.25", "1.5", "2"] {
        b.js(&format!("document.documentElement.style.zoom = '{zoom}'; return 0;")).await;
        tokio::time::sleep(Duration::from_millis(100)).await;
        check(&b.js(measure).await, &format!("zoom {zoom}"));
    }
    b.finish().await;
}

/// px of a computed length such as `21.3333px`.
fn px(v: &Value) -> f64 {
    v.as_str().and_then(|s| s.strip_suffix("px")).and_then(|s| s.parse().ok()).unwrap_or(f64::NAN)
}

const PT: f64 = 96.0 / 72.0;
const MM: f64 = 96.0 / 25.4;

/// Printing: under print media only the preview is shown, in the GB/T 9704 layout, and the PDF
/// Chromium prints is A4 with the report alone, page-numbered, no heading left at a page's foot.
#[tokio::test]
#[ignore = "needs dist/ and Chromium: run scripts/test.sh"]
async fn printing_gives_the_gb9704_layout() {
    let (_dir, file) = single_file_alone();
    let b = Browser::open_file(&file).await;
    b.click("#fill-example").await;
    b.wait_js("return document.querySelectorAll('#preview .doc-h2').length;", |v| v.as_u64().is_some_and(|n| n > 0)).await;
    let styles = "const s = (css, prop) => { const e = document.querySelector(css); return e ? getComputedStyle(e)[prop] : null; };
        return {
          header: s('.app-header', 'display'), outline: s('.outline', 'display'), editor: s('.editor-pane', 'display'),
          paneTitle: s('.pane-title', 'display'), editLink: s('#preview .edit-link', 'display'), preview: s('#preview', 'display'),
          zoom: s('#preview', 'zoom'), padding: s('#preview', 'paddingTop'),
          titleSize: s('#preview .doc-title', 'fontSize'), titleFont: s('#preview .doc-title', 'fontFamily'),
          bodySize: s('#preview .doc-body', 'fontSize'), bodyFont: s('#preview .doc-body', 'fontFamily'),
          indent: s('#preview .doc-body', 'textIndent'), lineHeight: s('#preview .doc-body', 'lineHeight'),
          h1Font: s('#preview .doc-h1', 'fontFamily'), h2Font: s('#preview .doc-h2', 'fontFamily'),
          h1Break: s('#preview .doc-h1', 'breakAfter'), h2Break: s('#preview .doc-h2', 'breakAfter'),
          titleBreak: s('#preview .doc-title', 'breakAfter'),
        };";
    // On screen the editor is there (so the print check below does see a change).
    let screen = b.js(styles).await;
    assert_eq!(screen["header"], "flex");
    assert_eq!(screen["editor"], "block");

    b.cdp("Emulation.setEmulatedMedia", json!({ "media": "print" })).await;
    let print = b.js(styles).await;
    for chrome in ["header", "outline", "editor", "paneTitle", "editLink"] {
        assert_eq!(print[chrome], "none", "{chrome} is printed: {print:#}");
    }
    assert_eq!(print["preview"], "block");
    assert_eq!(print["zoom"], "1");
    assert_eq!(px(&print["padding"]), 0.0, "the page margins do the spacing: {print:#}");
    let close = |v: &Value, want: f64| (px(v) - want).abs() < 0.01;
    assert!(close(&print["titleSize"], 22.0 * PT), "title {}", print["titleSize"]);
    assert!(close(&print["bodySize"], 16.0 * PT), "body {}", print["bodySize"]);
    assert!(close(&print["indent"], 2.0 * 16.0 * PT), "indent {}", print["indent"]);
    // 22 lines fill the 225 mm text block: 22 fit, 23 do not.
    let line = px(&print["lineHeight"]);
    assert!(22.0 * line <= 225.0 * MM && 23.0 * line > 225.0 * MM, "line height {line}px");
    let families: [(&str, &[&str]); 4] = [
        ("titleFont", &["方正小标宋简体", "FZXiaoBiaoSong-B05S", "STZhongsong"]),
        ("bodyFont", &["仿宋_GB2312", "FangSong", "STFangsong"]),
        ("h1Font", &["黑体", "SimHei"]),
        ("h2Font", &["楷体_GB2312", "KaiTi"]),
    ];
    for (what, fonts) in families {
        let got = print[what].as_str().unwrap_or_default();
        assert!(got.starts_with(&format!("\"{}\"", fonts[0])) || got.starts_with(fonts[0]), "{what}: {got}");
        assert!(fonts.iter().all(|f| got.contains(f)), "{what}: {got}");
    }
    for heading in ["titleBreak", "h1Break", "h2Break"] {
        assert_eq!(print[heading], "avoid", "{heading}");
    }
    b.cdp("Emulation.setEmulatedMedia", json!({ "media": "" })).await;

    // The PDF.
    let pdf = b.cdp("Page.printToPDF", json!({ "preferCSSPageSize": true })).await;
    let pdf = base64_decode(pdf["data"].as_str().unwrap_or_default());
    assert!(pdf.starts_with(b"%PDF-"), "not a PDF");
    if let Some(dir) = std::env::var_os("GONGWEN_SCREENSHOTS") {
        let _ = std::fs::create_dir_all(&dir);
        std::fs::write(PathBuf::from(dir).join("print.pdf"), &pdf).expect("keep the PDF");
    }
    let boxes = media_boxes(&pdf);
    assert!(boxes.len() >= 3, "the example report fills several pages: {boxes:?}");
    for (w, h) in &boxes {
        // A4 is 595.28 × 841.89 pt; Chromium rounds the page to whole CSS pixels.
        assert!((w - 595.28).abs() < 1.5 && (h - 841.89).abs() < 1.5, "not A4: {w} × {h}");
    }

    let pages = pdf_text(&pdf);
    assert_eq!(pages.len(), boxes.len());
    let first: String = pages[0].split_whitespace().collect();
    assert!(first.starts_with("关于党工委领导班子2022年以来选人用人工作情况的报告市委巡察组："), "{}", pages[0]);
    // The title on two lines, broken between words (GB/T 9704 §7.3.1), as in the Word file.
    let rows: Vec<&str> = pages[0].lines().map(str::trim).filter(|l| !l.is_empty()).take(2).collect();
    assert_eq!(rows, ["关于党工委领导班子2022年以来", "选人用人工作情况的报告"], "{}", pages[0]);
    // The signature and date are not alone on the last page: text of the report comes with them.
    let last: Vec<&str> = pages[pages.len() - 1].lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    let closing = last.iter().position(|l| *l == "特此报告。");
    assert!(closing.is_some_and(|at| at >= 2), "the last page: {last:#?}");
    assert!(last.contains(&"2024年3月5日"), "{last:#?}");
    let mut widest = 0;
    for (i, page) in pages.iter().enumerate() {
        for chrome in ["下载文本", "填入示例", "预览", "编辑", "提纲", "没有发现问题", "处需要修改"] {
            assert!(!page.contains(chrome), "page {} shows the editor's “{chrome}”:\n{page}", i + 1);
        }
        // — 1 — (pdftotext may drop the spaces).
        let number = format!("—{}—", i + 1);
        assert!(page.replace(' ', "").contains(&number), "page {} has no number {number}:\n{page}", i + 1);
        let lines: Vec<&str> = page.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('—')).collect();
        assert!(lines.len() <= 22, "page {} has {} lines", i + 1, lines.len());
        // Lines of full-width characters only (no half-width figures) hold 28 at most.
        for line in lines.iter().filter(|l| l.chars().all(|c| c >= '\u{3000}' || c == '“' || c == '”')) {
            widest = widest.max(line.chars().count());
        }
        // The last line of text before the page number is not a heading.
        if i + 1 < pages.len() {
            let foot = lines.last().copied().unwrap_or_default();
            let heading = ["一、", "二、", "三、", "四、", "（一）", "（二）", "（三）", "（四）"].iter().any(|h| foot.starts_with(h));
            assert!(!heading, "page {} ends with the heading {foot}", i + 1);
        }
    }
    assert_eq!(widest, 28, "a full line holds 28 characters");
    b.finish().await;
}

/// The PDF's page sizes, in points: every `/MediaBox [0 0 w h]`.
fn media_boxes(pdf: &[u8]) -> Vec<(f64, f64)> {
    let text = String::from_utf8_lossy(pdf);
    text.split("/MediaBox [")
        .skip(1)
        .filter_map(|rest| {
            let nums: Vec<f64> = rest.split(']').next()?.split_whitespace().filter_map(|n| n.parse().ok()).collect();
            (nums.len() == 4).then(|| (nums[2] - nums[0], nums[3] - nums[1]))
        })
        .collect()
}

/// The text of each page, by poppler's `pdftotext` (scripts/lib.sh installs poppler-utils).
fn pdf_text(pdf: &[u8]) -> Vec<String> {
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join("print.pdf");
    std::fs::write(&path, pdf).expect("write the PDF");
    let out = std::process::Command::new("pdftotext")
        .args(["-layout", "-enc", "UTF-8"])
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext runs (apt package poppler-utils; scripts/test.sh installs it)");
    assert!(out.status.success(), "pdftotext failed: {}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).expect("UTF-8 text");
    let mut pages: Vec<String> = text.split('\u{c}').map(str::to_string).collect();
    // pdftotext ends every page with a form feed, so the last piece is empty.
    if pages.last().is_some_and(|p| p.trim().is_empty()) {
        pages.pop();
    }
    pages
}

/// Standard base64 (what CDP returns binary data as).
fn base64_decode(text: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    };
    let mut out = Vec::with_capacity(text.len() / 4 * 3);
    let (mut acc, mut bits) = (0u32, 0u32);
    for v in text.bytes().filter_map(value) {
        acc = ((acc << 6) | u32::from(v)) & 0xffff;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    out
}

#[test]
fn base64_decodes_what_it_should() {
    assert_eq!(base64_decode("JVBERi0="), b"%PDF-");
    assert_eq!(base64_decode("5YWs5paH"), "公文".as_bytes());
    assert_eq!(base64_decode(""), b"");
}

#[test]
fn media_boxes_are_read_from_page_objects() {
    let pdf = b"<< /Type /Page /MediaBox [0 0 594.95996 841.91998] >> << /Type /Page /MediaBox [0 0 612 792] >>";
    assert_eq!(media_boxes(pdf), vec![(594.95996, 841.91998), (612.0, 792.0)]);
}
