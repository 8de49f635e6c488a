//! 我的草稿 in the release build: several drafts side by side, nothing lost on a switch, a
//! deletion, an undo or a reload; the old single autosave moved into the list.
use super::harness::{Browser, TIMEOUT};
use gongwen::domain::draft::Draft;
use gongwen::domain::template::xuanren;
use serde_json::{json, Value};
use std::time::{Duration, Instant};

const OPENING: &str = "#field-opening";
const ROWS: &str = "return Array.from(document.querySelectorAll('#drafts-panel .draft-row'))
    .map(r => [r.querySelector('.draft-title')?.textContent ?? null, r.classList.contains('is-current')]);";

async fn show_drafts(b: &Browser) {
    b.click("#my-drafts").await;
    b.wait_for("#drafts-panel").await;
}

/// The id of the listed draft with this title.
async fn id_of(b: &Browser, title: &str) -> String {
    let v = b
        .client
        .execute(
            "const r = Array.from(document.querySelectorAll('#drafts-panel .draft-row'))
                 .find(r => r.querySelector('.draft-title')?.textContent === arguments[0]);
             return r ? r.dataset.id : null;",
            vec![json!(title)],
        )
        .await
        .expect("the script runs");
    v.as_str().unwrap_or_else(|| panic!("no draft titled {title}")).to_string()
}

async fn click_in_row(b: &Browser, title: &str, button: &str) {
    let id = id_of(b, title).await;
    b.click(&format!("#drafts-panel .draft-row[data-id=\"{id}\"] {button}")).await;
}

/// Open a listed draft and wait until the page shows it.
async fn open_draft(b: &Browser, title: &str) {
    show_drafts(b).await;
    click_in_row(b, title, ".draft-open").await;
    b.wait_js("return document.getElementById('drafts-panel');", Value::is_null).await;
    b.wait_js("return document.getElementById('current-draft').textContent;", |v| v == &json!(format!("正在编辑：{title}"))).await;
}

/// The opening paragraph of the draft on screen, going to its step if need be.
async fn opening_text(b: &Browser) -> Value {
    b.goto_step("opening").await;
    b.js(&format!("return document.querySelector('{OPENING}').value;")).await
}

/// Answer the browser's confirm() that a click just opened, after checking what it asks.
async fn answer_confirm(b: &Browser, asks: &str, accept: bool) {
    let deadline = Instant::now() + TIMEOUT;
    let text = loop {
        match b.client.get_alert_text().await {
            Ok(text) => break text,
            Err(e) => assert!(Instant::now() < deadline, "no question was asked: {e}"),
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    assert!(text.contains(asks), "{text}");
    if accept {
        b.client.accept_alert().await.expect("accept");
    } else {
        b.client.dismiss_alert().await.expect("dismiss");
    }
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run scripts/test.sh"]
async fn several_drafts_are_kept_side_by_side_through_every_change_and_a_reload() {
    let b = Browser::open().await;
    b.goto_step("opening").await;
    b.type_into(OPENING, "第一份的开头").await;
    show_drafts(&b).await;
    assert_eq!(b.js(ROWS).await, json!([["未命名草稿", true]]));

    // A second draft: new and empty, on the first step; the first one is kept.
    b.click("#draft-new").await;
    b.wait_js("return document.getElementById('drafts-panel');", Value::is_null).await;
    b.wait_for(".step-view[data-step=title]").await;
    assert_eq!(opening_text(&b).await, "");
    b.type_into(OPENING, "第二份的开头").await;
    show_drafts(&b).await;
    assert_eq!(b.js(ROWS).await, json!([["未命名草稿", true], ["未命名草稿", false]]));
    b.click("#drafts-close").await;

    // Name them, so they can be told apart: the open one first, from the panel.
    show_drafts(&b).await;
    b.click("#drafts-panel .draft-row.is-current .draft-rename").await;
    b.type_into("#drafts-panel .draft-rename-input", "   ").await;
    b.click("#drafts-panel .draft-rename-ok").await;
    let refused = b.wait_js("return document.querySelector('#drafts-panel .draft-renaming [role=alert]')?.textContent ?? null;", Value::is_string).await;
    assert!(refused.as_str().is_some_and(|s| s.contains("不能为空")), "{refused}");
    b.type_into("#drafts-panel .draft-rename-input", "  第二稿 ").await;
    b.wait_for("#drafts-panel .draft-rename-input").await.send_keys("\u{E007}").await.expect("Enter");
    assert_eq!(b.wait_js(ROWS, |v| v[0][0] == "第二稿").await, json!([["第二稿", true], ["未命名草稿", false]]));
    click_in_row(&b, "未命名草稿", ".draft-rename").await;
    b.type_into("#drafts-panel .draft-rename-input", "第一稿").await;
    b.click("#drafts-panel .draft-rename-ok").await;
    b.wait_js(ROWS, |v| v == &json!([["第二稿", true], ["第一稿", false]])).await;
    b.click("#drafts-close").await;
    assert_eq!(b.js("return document.getElementById('current-draft').textContent;").await, "正在编辑：第二稿");

    // Back and forth: each draft's text is intact, and each opens at the step it was left on.
    open_draft(&b, "第一稿").await;
    b.wait_for(".step-view[data-step=opening]").await;
    assert_eq!(opening_text(&b).await, "第一份的开头");
    b.type_into(OPENING, "第一份的开头，改过").await;
    open_draft(&b, "第二稿").await;
    assert_eq!(opening_text(&b).await, "第二份的开头");
    open_draft(&b, "第一稿").await;
    assert_eq!(opening_text(&b).await, "第一份的开头，改过");

    // A copy holds the same text and is listed first; it is not opened.
    show_drafts(&b).await;
    click_in_row(&b, "第二稿", ".draft-duplicate").await;
    b.wait_js(ROWS, |v| v.as_array().is_some_and(|a| a.len() == 3)).await;
    assert_eq!(b.js(ROWS).await, json!([["第二稿（副本）", false], ["第一稿", true], ["第二稿", false]]));
    b.click("#drafts-close").await;
    open_draft(&b, "第二稿（副本）").await;
    assert_eq!(opening_text(&b).await, "第二份的开头");
    b.type_into(OPENING, "副本的开头").await;

    // Delete 第二稿: asked first; saying no keeps it.
    show_drafts(&b).await;
    click_in_row(&b, "第二稿", ".draft-delete").await;
    answer_confirm(&b, "确定删除草稿“第二稿”吗", false).await;
    assert_eq!(b.js(ROWS).await, json!([["第二稿（副本）", true], ["第一稿", false], ["第二稿", false]]));
    // Saying yes removes it from the list, and 撤销 puts it back where it was.
    click_in_row(&b, "第二稿", ".draft-delete").await;
    answer_confirm(&b, "确定删除草稿“第二稿”吗", true).await;
    b.wait_js(ROWS, |v| v == &json!([["第二稿（副本）", true], ["第一稿", false]])).await;
    b.screenshot("drafts-deleted-with-undo").await;
    let deleted = b.js("return document.getElementById('draft-deleted')?.textContent ?? null;").await;
    assert!(deleted.as_str().is_some_and(|s| s.contains("已删除“第二稿”")), "{deleted}");
    b.click("#draft-undo").await;
    b.wait_js(ROWS, |v| v == &json!([["第二稿（副本）", true], ["第一稿", false], ["第二稿", false]])).await;
    b.click("#drafts-close").await;
    open_draft(&b, "第二稿").await;
    assert_eq!(opening_text(&b).await, "第二份的开头", "restored with its text");

    // Delete 第一稿 for real.
    show_drafts(&b).await;
    click_in_row(&b, "第一稿", ".draft-delete").await;
    answer_confirm(&b, "确定删除草稿“第一稿”吗", true).await;
    let rows = b.wait_js(ROWS, |v| v.as_array().is_some_and(|a| a.len() == 2)).await;
    assert_eq!(rows, json!([["第二稿（副本）", false], ["第二稿", true]]), "the last changed first");
    b.click("#drafts-close").await;
    b.goto_step("measures").await;

    // A reload: the same list, the same open draft at the same step, every text as it was.
    b.client.refresh().await.expect("reload");
    b.wait_for(".step-view[data-step=measures]").await;
    assert_eq!(b.js("return document.getElementById('current-draft').textContent;").await, "正在编辑：第二稿");
    show_drafts(&b).await;
    assert_eq!(b.js(ROWS).await, rows);
    let times = b.js("return Array.from(document.querySelectorAll('#drafts-panel .draft-changed')).map(t => t.textContent);").await;
    for t in times.as_array().expect("an array") {
        assert!(t.as_str().is_some_and(|t| t.starts_with("最后修改：今天 ")), "{times}");
    }
    b.click("#drafts-close").await;
    assert_eq!(opening_text(&b).await, "第二份的开头");
    open_draft(&b, "第二稿（副本）").await;
    assert_eq!(opening_text(&b).await, "副本的开头");
    let deleted = b.js("return Object.keys(localStorage).filter(k => k.startsWith('gongwen.draft.d')).length;").await;
    assert_eq!(deleted, 3, "the two listed drafts and 第一稿, kept until a newer deletion replaces it");
    b.finish().await;
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run scripts/test.sh"]
async fn the_old_single_autosave_becomes_the_first_draft_with_its_text_intact() {
    let b = Browser::open().await;
    let t = xuanren();
    let mut old = Draft::new(&t);
    old.set_slot("unit", "高新区党工委".into());
    old.set_text("opening", "去年秋天写的开头，一个字也不能丢。".into());
    let old = gongwen::domain::saved::to_json(&old, "opening");
    // What an earlier version left behind: its one autosave, and nothing else.
    b.client
        .execute("localStorage.clear(); localStorage.setItem('gongwen.draft.v1', arguments[0]); return null;", vec![json!(old)])
        .await
        .expect("set the old autosave");
    b.client.refresh().await.expect("reload");
    b.wait_for(".step-view[data-step=opening]").await;
    assert_eq!(b.js(&format!("return document.querySelector('{OPENING}').value;")).await, "去年秋天写的开头，一个字也不能丢。");
    let title = "关于高新区党工委领导班子＿＿年以来选人用人工作情况的报告";
    assert_eq!(b.js("return document.getElementById('current-draft').textContent;").await, json!(format!("正在编辑：{title}")));
    show_drafts(&b).await;
    assert_eq!(b.js(ROWS).await, json!([[title, true]]));
    // Copied character for character under its new key; the old key is gone.
    let id = id_of(&b, title).await;
    assert_eq!(b.js(&format!("return localStorage.getItem('gongwen.draft.{id}');")).await, json!(old));
    assert_eq!(b.js("return localStorage.getItem('gongwen.draft.v1');").await, Value::Null);
    // And it stays: another reload shows the same single draft.
    b.client.refresh().await.expect("reload");
    b.wait_for(".step-view[data-step=opening]").await;
    show_drafts(&b).await;
    assert_eq!(b.js(ROWS).await, json!([[title, true]]));
    b.finish().await;
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run scripts/test.sh"]
async fn when_the_open_draft_cannot_be_saved_the_page_stays_on_it() {
    let b = Browser::open().await;
    b.goto_step("opening").await;
    b.type_into(OPENING, "已保存的开头").await;
    b.js("Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); }; return null;").await;
    b.type_into(OPENING, "还没保存的开头").await;
    b.wait_for("#storage-problem").await;
    show_drafts(&b).await;
    b.click("#draft-new").await;
    let msg = b.wait_js("return document.getElementById('drafts-message')?.textContent ?? null;", Value::is_string).await;
    assert!(msg.as_str().is_some_and(|s| s.contains("没能保存") && s.contains("保存草稿文件")), "{msg}");
    assert_eq!(b.js(ROWS).await, json!([["未命名草稿", true]]), "no new draft");
    b.click("#drafts-close").await;
    assert_eq!(b.js(&format!("return document.querySelector('{OPENING}').value;")).await, "还没保存的开头");
    b.finish().await;
}
