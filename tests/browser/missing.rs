//! Never silent on an empty report (issue #11): with only the title's figures and the date
//! filled, the download summary lists every empty required part, each with a 去填写 that goes
//! there, and nothing is downloaded until the clerk chooses 仍然下载.
use crate::harness::Browser;
use serde_json::Value;
use std::time::Duration;

const FILE: &str = "关于党工委领导班子2022年以来选人用人工作情况的报告.txt";

/// The names in the download folder.
fn downloads(b: &Browser) -> Vec<String> {
    std::fs::read_dir(b.downloads.path())
        .map(|d| d.filter_map(|e| e.ok()).map(|e| e.file_name().to_string_lossy().into_owned()).collect())
        .unwrap_or_default()
}

const LISTED: &str = "return Array.from(document.querySelectorAll('#missing-list .missing-item')).map(li => li.dataset.part);";

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run scripts/test.sh"]
async fn an_empty_body_is_listed_and_nothing_downloads_until_the_clerk_says_so() {
    let b = Browser::open().await;
    b.type_into(".step-view input[data-slot=unit]", "党工委").await;
    b.type_into(".step-view input[data-slot=start_year]", "2022").await;
    b.goto_step("date").await;
    b.type_into("#slot-date-1", "2024年3月5日").await;
    b.wait_js("return document.querySelector('#preview .doc-date')?.firstChild.textContent ?? null;", |v| v == "2024年3月5日").await;
    // Every step visited, none written in: the page does not call this report fine.
    for step in ["addressee", "opening", "overview", "problems", "measures", "closing", "signature", "date"] {
        b.goto_step(step).await;
    }
    let summary = b.js("return document.getElementById('check-summary').textContent;").await;
    assert!(summary.as_str().is_some_and(|s| s.contains("处需要修改") && !s.contains("没有发现问题")), "{summary}");

    b.click("#download-txt").await;
    let listed = b.wait_js(LISTED, Value::is_array).await;
    let parts: Vec<&str> = listed.as_array().into_iter().flatten().filter_map(Value::as_str).collect();
    for part in ["addressee", "opening", "overview", "problems", "measures"] {
        assert!(parts.contains(&part), "{part} is not listed: {parts:?}");
    }
    for filled in ["title", "closing", "signature", "date"] {
        assert!(!parts.contains(&filled), "{filled} is filled but listed: {parts:?}");
    }
    let question = b.js("return document.getElementById('download-dialog').textContent;").await;
    assert!(question.as_str().is_some_and(|s| s.contains(&format!("还有 {} 处内容没有填写", parts.len()))), "{question}");
    b.screenshot("missing-summary").await;
    // Nothing has been downloaded: the page waits for the clerk.
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(downloads(&b), Vec::<String>::new());

    // 去填写 goes to the part, with the cursor in it, and closes the summary.
    b.click("#missing-list .missing-item[data-part=opening] .go-fill").await;
    b.wait_for(".step-view[data-step=opening]").await;
    b.wait_js("return document.activeElement?.id ?? null;", |v| v == "field-opening").await;
    assert_eq!(b.js("return document.getElementById('download-dialog');").await, Value::Null);
    assert_eq!(downloads(&b), Vec::<String>::new());

    // Asked again, the clerk chooses 仍然下载: now the file comes, gaps and all.
    b.click("#download-txt").await;
    b.wait_js(LISTED, |v| v.as_array().is_some_and(|a| a.len() == parts.len())).await;
    assert_eq!(downloads(&b), Vec::<String>::new());
    b.click("#download-anyway").await;
    let text = String::from_utf8(b.downloaded(FILE).await).expect("UTF-8");
    assert!(text.starts_with("关于党工委领导班子2022年以来选人用人工作情况的报告\r\n"), "{text:?}");
    assert!(text.ends_with("党工委\r\n2024年3月5日\r\n"), "{text:?}");
    b.finish().await;
}

/// 复制全文 asks the same question: nothing is copied while parts are missing until the clerk
/// chooses 仍然复制.
#[tokio::test]
#[ignore = "needs dist/ and Chromium: run scripts/test.sh"]
async fn copying_an_empty_report_asks_first() {
    let b = Browser::open().await;
    b.click("#more-menu summary").await;
    b.click("#copy-text").await;
    let listed = b.wait_js(LISTED, Value::is_array).await;
    assert!(listed.as_array().is_some_and(|a| a.len() >= 6), "{listed}");
    let anyway = b.js("return document.getElementById('download-anyway').textContent;").await;
    assert_eq!(anyway, "仍然复制");
    assert_eq!(b.js("return document.querySelector('.notice')?.textContent ?? null;").await, Value::Null, "nothing copied yet");
    b.click("#download-anyway").await;
    // Now the copy is made (a headless browser may refuse the clipboard: then the page says so).
    let notice = b.wait_js("return document.querySelector('.notice')?.textContent ?? null;", Value::is_string).await;
    assert!(notice.as_str().is_some_and(|s| s.contains("全文已复制") || s.contains("无法复制到剪贴板")), "{notice}");
    assert_eq!(b.js("return document.getElementById('download-dialog');").await, Value::Null);
    b.finish().await;
}
