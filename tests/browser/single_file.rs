//! The single-file build, `dist/公文起草助手.html`, as a clerk uses it: copied alone to another
//! folder and opened from disk (`file://`), with no server.
use crate::harness::{dist_dir, Browser};
use serde_json::{json, Value};
use std::path::PathBuf;
use std::time::Duration;

const NAME: &str = "公文起草助手.html";
/// The most the single file may weigh (it is copied around on USB sticks and shares).
const LIMIT_BYTES: u64 = 1_000_000;

/// The single file, copied alone into a fresh folder with a Chinese name (as on a USB stick):
/// if it needed anything beside itself, it would not find it there.
fn copy_alone() -> (tempfile::TempDir, PathBuf) {
    let built = dist_dir().join(NAME);
    let size = std::fs::metadata(&built)
        .unwrap_or_else(|e| panic!("no single file at {}: {e} (scripts/lib.sh build_release writes it)", built.display()))
        .len();
    assert!(size <= LIMIT_BYTES, "{NAME} is {size} bytes, over the {LIMIT_BYTES}-byte limit");
    let dir = tempfile::tempdir().expect("a temp dir");
    let folder = dir.path().join("U盘");
    std::fs::create_dir(&folder).expect("a folder");
    let copy = folder.join(NAME);
    std::fs::copy(&built, &copy).expect("copy the single file");
    (dir, copy)
}

fn placeholders_in(key: &str) -> String {
    format!(
        "return Array.from(document.querySelectorAll('.guided-field[data-key=\"{key}\"] .finding'))
            .filter(li => li.dataset.rule === 'placeholder')
            .map(li => [li.dataset.text, +li.dataset.start, +li.dataset.end]);"
    )
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run scripts/test.sh"]
async fn the_single_file_works_from_disk_with_no_server() {
    let (_dir, file) = copy_alone();
    let b = Browser::open_file(&file).await;
    assert!(b.home().starts_with("file:///") && b.home().ends_with("/U%E7%9B%98/%E5%85%AC%E6%96%87%E8%B5%B7%E8%8D%89%E5%8A%A9%E6%89%8B.html"), "{}", b.home());
    assert_eq!(b.client.title().await.expect("a title"), "公文起草助手");
    let policy = b.js("return document.querySelector('meta[http-equiv=Content-Security-Policy]')?.content ?? null;").await;
    let policy = policy.as_str().unwrap_or_default();
    for part in ["default-src 'none'", "connect-src 'none'", "object-src 'none'", "base-uri 'none'", "'wasm-unsafe-eval'"] {
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
    let (dir, file) = copy_alone();
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
    b.wait_for(".app").await;
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
/// `atob` and the app starts; without `DecompressionStream` the clerk is told in Chinese.
#[tokio::test]
#[ignore = "needs dist/ and Chromium: run scripts/test.sh"]
async fn older_browsers_start_through_atob_or_are_told_why_not() {
    let (_dir, file) = copy_alone();
    let b = Browser::open_file(&file).await;
    let before = |source: &str| json!({ "source": source });
    b.cdp("Page.addScriptToEvaluateOnNewDocument", before("delete Uint8Array.fromBase64;")).await;
    b.client.refresh().await.expect("reload");
    b.wait_for(".app").await;
    assert_eq!(b.js("return typeof Uint8Array.fromBase64;").await, "undefined");
    b.goto_step("opening").await;
    b.type_into("#field-opening", "我县共有*名干部").await;
    b.wait_js(&placeholders_in("opening"), |v| v.as_array().is_some_and(|a| a.len() == 1)).await;
    let (console, foreign) = b.problems().await;
    assert!(console.is_empty() && foreign.is_empty(), "{console:?} {foreign:?}");

    b.cdp("Page.addScriptToEvaluateOnNewDocument", before("delete window.DecompressionStream;")).await;
    b.client.refresh().await.expect("reload");
    let told = b.wait_js("return document.querySelector('[role=alert]')?.textContent ?? null;", Value::is_string).await;
    assert!(told.as_str().is_some_and(|s| s.contains("浏览器版本太旧")), "{told}");
    assert_eq!(b.js("return document.querySelector('.app');").await, Value::Null);
}
