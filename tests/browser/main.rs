//! Layer 3: the release build in real headless Chromium, driven over WebDriver.
//! Run by scripts/test.sh (`cargo test --test browser -- --ignored`), which builds `dist/` first.
mod harness;

use harness::Browser;
use serde_json::Value;

const OPENING: &str = "#field-opening";
const ADDRESSEE: &str = "#field-addressee";

fn findings_of(part: &str) -> String {
    format!(
        "return Array.from(document.querySelectorAll('.guided-field[data-part={part}] .finding'))
            .filter(li => li.dataset.rule === 'placeholder')
            .map(li => [li.dataset.text, +li.dataset.start, +li.dataset.end]);"
    )
}

fn marks_of(part: &str) -> String {
    format!(
        "return Array.from(document.querySelectorAll('.guided-field[data-part={part}] mark.finding-mark'))
            .map(m => [m.textContent, +m.dataset.start, +m.dataset.end]);"
    )
}

fn is_empty_array(v: &Value) -> bool {
    v.as_array().is_some_and(|a| a.is_empty())
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run scripts/test.sh"]
async fn page_loads_with_no_error_and_no_outside_request() {
    let b = Browser::open().await;
    let title = b.client.title().await.expect("a title");
    assert_eq!(title, "公文起草助手");
    let labels = b.js("return Array.from(document.querySelectorAll('.field-label')).map(l => l.textContent);").await;
    assert_eq!(labels, serde_json::json!(["主送机关（必填）", "开头语（必填）"]));
    // Everything the page loaded came from the local server.
    let requests = b.requests().await;
    assert!(requests.iter().any(|u| u.ends_with(".wasm")), "the wasm module was not requested: {requests:?}");
    b.finish().await;
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run scripts/test.sh"]
async fn placeholder_is_flagged_while_typing_then_fixed_and_downloaded() {
    let b = Browser::open().await;

    b.type_into(ADDRESSEE, "市委第二巡察组：").await;
    b.type_into(OPENING, "现将**党工委领导班子20XX年以来…").await;

    // Both findings, at their exact character spans, in the list and as marks in the field.
    let expected = serde_json::json!([["**", 2, 4], ["20XX", 11, 15]]);
    let got = b.wait_js(&findings_of("opening"), |v| v.as_array().is_some_and(|a| a.len() == 2)).await;
    assert_eq!(got, expected);
    assert_eq!(b.js(&marks_of("opening")).await, expected);
    let summary = b.js("return document.getElementById('check-summary').textContent;").await;
    assert_eq!(summary, "还有 2 处需要修改。");
    // The preview already shows what was typed.
    let preview = b.js("return document.querySelector('#preview [data-part=opening]').textContent;").await;
    assert_eq!(preview, "现将**党工委领导班子20XX年以来…");

    // Fix both: the findings, the marks and the summary's count go away.
    let fixed = "现将党工委领导班子2022年以来关于选人用人专项工作情况报告如下：";
    b.type_into(OPENING, fixed).await;
    b.wait_js(&findings_of("opening"), is_empty_array).await;
    assert!(is_empty_array(&b.js(&marks_of("opening")).await));
    let summary = b.js("return document.getElementById('check-summary').textContent;").await;
    assert_eq!(summary, "没有发现占位符。");

    // Download the text and compare its bytes with what was typed.
    b.wait_for("#download-txt").await.click().await.expect("click download");
    let bytes = b.downloaded("选人用人工作情况报告.txt").await;
    assert_eq!(String::from_utf8_lossy(&bytes), format!("市委第二巡察组：\r\n{fixed}\r\n"));
    b.finish().await;
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run scripts/test.sh"]
async fn ime_composition_is_not_disturbed() {
    let b = Browser::open().await;
    // What an IME does: compositionstart, input events flagged isComposing with pinyin in the
    // box, then the chosen characters and compositionend.
    b.js(
        "const t = document.querySelector('#field-opening'); t.focus();
         t.dispatchEvent(new CompositionEvent('compositionstart', {data: ''}));
         t.value = 'xian';
         t.dispatchEvent(new InputEvent('input', {bubbles: true, isComposing: true, data: 'xian', inputType: 'insertCompositionText'}));",
    )
    .await;
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    // Mid-composition: the box keeps the pinyin and nothing is taken into the draft yet.
    assert_eq!(b.js("return document.querySelector('#field-opening').value;").await, "xian");
    assert_eq!(b.js("return document.querySelectorAll('#preview [data-part=opening]').length;").await, 0);

    b.js(
        "const t = document.querySelector('#field-opening');
         t.value = '现将';
         t.dispatchEvent(new InputEvent('input', {bubbles: true, isComposing: true, data: '现将', inputType: 'insertCompositionText'}));
         t.dispatchEvent(new CompositionEvent('compositionend', {data: '现将'}));",
    )
    .await;
    b.wait_js("return document.querySelector('#preview [data-part=opening]')?.textContent ?? null;", |v| v == "现将")
        .await;
    assert_eq!(b.js("return document.querySelector('#field-opening').value;").await, "现将");
    b.finish().await;
}

/// The harness itself: a console error and a request to another address (a loopback address
/// that is not our server, so nothing leaves the machine) must both be caught.
#[tokio::test]
#[ignore = "needs dist/ and Chromium: run scripts/test.sh"]
async fn harness_catches_console_errors_and_outside_requests() {
    let b = Browser::open().await;
    b.js("console.error('故意的错误'); fetch('http://127.0.0.2:9/leak').catch(() => {}); return null;").await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let (console, foreign) = b.problems().await;
    assert!(console.iter().any(|m| m.contains("故意的错误")), "{console:?}");
    assert!(foreign.iter().any(|u| u.starts_with("http://127.0.0.2:9/leak")), "{foreign:?}");
}
