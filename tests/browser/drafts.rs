//! 我的草稿 in the release build: several drafts side by side, nothing lost on a switch, a
//! deletion, an undo or a reload; the old single autosave moved into the list.
use super::harness::{Browser, TIMEOUT};
use gongwen::domain::model::draft::Draft;
use gongwen::domain::model::template::xuanren;
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

    // A second draft: new and empty, on the first step; the first one is kept. 新建草稿 starts
    // from the gallery of report types.
    b.click("#draft-new").await;
    b.click("#gallery .gallery-item[data-template=xuanren-report] .gallery-choose").await;
    b.wait_js("return document.getElementById('drafts-panel') ?? document.getElementById('gallery');", Value::is_null).await;
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
    let refused = b
        .wait_js("return document.querySelector('#drafts-panel .draft-renaming [role=alert]')?.textContent ?? null;", Value::is_string)
        .await;
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
    let old = gongwen::domain::store::saved::to_json(&old, "opening");
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
    b.click("#gallery .gallery-item[data-template=xuanren-report] .gallery-choose").await;
    let msg = b.wait_js("return document.getElementById('gallery-message')?.textContent ?? null;", Value::is_string).await;
    assert!(msg.as_str().is_some_and(|s| s.contains("没能保存") && s.contains("保存草稿文件")), "{msg}");
    b.click("#gallery-close").await;
    assert_eq!(b.js(ROWS).await, json!([["未命名草稿", true]]), "no new draft");
    b.click("#drafts-close").await;
    assert_eq!(b.js(&format!("return document.querySelector('{OPENING}').value;")).await, "还没保存的开头");
    b.finish().await;
}

const SEED: &str = include_str!("../fixtures/seed-report.txt");
const EDITING: &str = "return document.getElementById('current-draft').textContent;";
const NOTICE: &str = "return Array.from(document.querySelectorAll('.notice[role=alert]')).map(n => n.textContent).join(' | ');";

/// A draft file as “保存草稿文件” writes it, saved where the test can choose it.
fn draft_file(dir: &tempfile::TempDir, name: &str, draft: &Draft, step: &str) -> String {
    let path = dir.path().join(name);
    std::fs::write(&path, gongwen::domain::store::saved::to_json(draft, step)).expect("write the draft file");
    path.display().to_string()
}

/// No confirm() is waiting for an answer.
async fn no_question(b: &Browser) {
    if let Ok(text) = b.client.get_alert_text().await {
        panic!("the page asked: {text}");
    }
}

/// Paste a report into 导入旧报告 and import it.
async fn import_paste(b: &Browser, report: &str) {
    b.click("#import-report").await;
    b.wait_for("#import-text").await;
    b.client
        .execute("document.getElementById('import-text').value = arguments[0]; return null;", vec![json!(report)])
        .await
        .expect("paste");
    b.click("#import-submit").await;
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run scripts/test.sh"]
async fn a_draft_file_or_an_old_report_opened_over_a_draft_becomes_a_new_draft() {
    let b = Browser::open().await;
    let t = xuanren();
    b.goto_step("opening").await;
    b.type_into(OPENING, "第一份的开头").await;

    // A draft file saved elsewhere: it becomes a second draft, shown at its step; nothing asked.
    let mut theirs = Draft::example(&t);
    theirs.set_slot("unit", "高新区党工委".into());
    theirs.set_text("opening", "文件里的开头".into());
    let dir = tempfile::tempdir().expect("a temp dir");
    let file = draft_file(&dir, "高新区的草稿.json", &theirs, "measures");
    let file_title = "关于高新区党工委领导班子2022年以来选人用人工作情况的报告";
    b.wait_for("#open-draft").await.send_keys(&file).await.expect("choose the file");
    b.wait_js(EDITING, |v| v == &json!(format!("正在编辑：{file_title}"))).await;
    no_question(&b).await;
    b.wait_for(".step-view[data-step=measures]").await;
    let notice = b.js(NOTICE).await;
    assert_eq!(notice, "已把“高新区的草稿.json”作为新草稿打开；原来的“未命名草稿”仍在“我的草稿”里。");
    b.screenshot("file-opened-as-a-new-draft").await;
    assert_eq!(opening_text(&b).await, "文件里的开头");
    show_drafts(&b).await;
    assert_eq!(b.js(ROWS).await, json!([[file_title, true], ["未命名草稿", false]]));
    b.click("#drafts-close").await;
    // The first draft is intact.
    open_draft(&b, "未命名草稿").await;
    assert_eq!(opening_text(&b).await, "第一份的开头");

    // Last year's report, pasted over it: a third draft, titled from the report's title line.
    let report_title = "关于党工委领导班子2021年以来选人用人工作情况的报告";
    import_paste(&b, &format!("{report_title}\n{SEED}")).await;
    b.wait_js(EDITING, |v| v == &json!(format!("正在编辑：{report_title}"))).await;
    no_question(&b).await;
    assert_eq!(b.js("return document.getElementById('import-dialog');").await, Value::Null);
    let notice = b.js(NOTICE).await;
    assert_eq!(
        notice,
        "已把旧报告作为新草稿导入；原来的“未命名草稿”仍在“我的草稿”里。带入的关键数字：单位名称“党工委”、起始年份“2021”。把年份改成今年的以后，正文里还留着的“2021年”会标出，可一键改正。请逐项核对，把去年的数字换成今年的。"
    );
    let text = b.preview_text().await;
    for line in SEED.lines().filter(|l| !l.trim().is_empty()) {
        assert!(text.contains(&format!("{line}\r\n")), "missing from the preview: {line}");
    }
    show_drafts(&b).await;
    let rows = json!([[report_title, true], [file_title, false], ["未命名草稿", false]]);
    assert_eq!(b.js(ROWS).await, rows);
    b.click("#drafts-close").await;
    let imported = b.preview_text().await;
    open_draft(&b, "未命名草稿").await;
    assert_eq!(opening_text(&b).await, "第一份的开头");

    // A reload keeps all three, each with its own text; the one open last is open again.
    b.client.refresh().await.expect("reload");
    b.wait_for(crate::harness::app_js::STARTED).await;
    assert_eq!(b.js(EDITING).await, "正在编辑：未命名草稿");
    assert_eq!(opening_text(&b).await, "第一份的开头");
    show_drafts(&b).await;
    assert_eq!(b.js(ROWS).await, json!([[report_title, false], [file_title, false], ["未命名草稿", true]]), "the last changed first");
    b.click("#drafts-close").await;
    open_draft(&b, file_title).await;
    assert_eq!(opening_text(&b).await, "文件里的开头");
    open_draft(&b, report_title).await;
    assert_eq!(b.preview_text().await, imported);
    b.finish().await;
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run scripts/test.sh"]
async fn the_example_and_a_file_without_a_title_are_named_by_where_they_came_from() {
    let b = Browser::open().await;
    let t = xuanren();
    b.goto_step("opening").await;
    b.type_into(OPENING, "我的开头").await;
    b.click("#fill-example").await;
    b.wait_js(EDITING, |v| v == "正在编辑：示例").await;
    no_question(&b).await;
    assert_eq!(b.js(NOTICE).await, "已把示例作为新草稿打开；原来的“未命名草稿”仍在“我的草稿”里。");
    assert!(b.preview_text().await.contains("关于党工委领导班子2022年以来选人用人工作情况的报告"));
    // The example again, over the example: nothing to lose, so no second copy.
    b.click("#fill-example").await;
    b.wait_js(NOTICE, |v| v == "").await;
    show_drafts(&b).await;
    assert_eq!(b.js(ROWS).await, json!([["示例", true], ["未命名草稿", false]]));
    b.click("#drafts-close").await;

    // A draft file whose title has no figure yet: listed under the file's name.
    let mut theirs = Draft::new(&t);
    theirs.set_text("opening", "张三写的开头".into());
    let dir = tempfile::tempdir().expect("a temp dir");
    let file = draft_file(&dir, "张三的初稿.json", &theirs, "opening");
    b.wait_for("#open-draft").await.send_keys(&file).await.expect("choose the file");
    b.wait_js(EDITING, |v| v == "正在编辑：张三的初稿").await;
    assert_eq!(b.js(NOTICE).await, "已把“张三的初稿.json”作为新草稿打开；原来的“示例”仍在“我的草稿”里。");
    assert_eq!(opening_text(&b).await, "张三写的开头");
    // An old report without a title line: 导入的旧报告.
    import_paste(&b, SEED).await;
    b.wait_js(EDITING, |v| v == "正在编辑：导入的旧报告").await;
    show_drafts(&b).await;
    assert_eq!(b.js(ROWS).await, json!([["导入的旧报告", true], ["张三的初稿", false], ["示例", false], ["未命名草稿", false]]));
    b.click("#drafts-close").await;
    open_draft(&b, "未命名草稿").await;
    assert_eq!(opening_text(&b).await, "我的开头");
    b.finish().await;
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run scripts/test.sh"]
async fn when_storage_fails_a_file_or_a_report_replaces_nothing() {
    let b = Browser::open().await;
    let t = xuanren();
    let mut theirs = Draft::example(&t);
    theirs.set_text("opening", "文件里的开头".into());
    let dir = tempfile::tempdir().expect("a temp dir");
    let file = draft_file(&dir, "草稿.json", &theirs, "opening");
    b.goto_step("opening").await;
    b.type_into(OPENING, "已保存的开头").await;

    // Nothing can be stored: the open draft is not saved, so the page stays on it.
    b.js("window.realSetItem = Storage.prototype.setItem;
          Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); }; return null;")
        .await;
    b.type_into(OPENING, "还没保存的开头").await;
    b.wait_for("#storage-problem").await;
    b.wait_for("#open-draft").await.send_keys(&file).await.expect("choose the file");
    let notice = b.wait_js(NOTICE, |v| v.as_str().is_some_and(|s| s.contains("没有打开“草稿.json”"))).await;
    assert!(notice.as_str().is_some_and(|s| s.contains("保存草稿文件") && s.contains("清空")), "{notice}");
    no_question(&b).await;
    assert_eq!(b.js(&format!("return document.querySelector('{OPENING}').value;")).await, "还没保存的开头");
    // The same for a pasted report: the dialog stays open with the text in it.
    import_paste(&b, SEED).await;
    let msg = b.wait_js("return document.querySelector('#import-dialog .notice')?.textContent ?? null;", Value::is_string).await;
    assert!(msg.as_str().is_some_and(|s| s.starts_with("没有导入旧报告") && s.contains("保存草稿文件")), "{msg}");
    assert_eq!(b.js("return document.getElementById('import-text').value;").await, json!(SEED));
    b.click("#import-cancel").await;
    assert_eq!(b.js(&format!("return document.querySelector('{OPENING}').value;")).await, "还没保存的开头");
    show_drafts(&b).await;
    assert_eq!(b.js(ROWS).await, json!([["未命名草稿", true]]), "no new draft");
    b.click("#drafts-close").await;

    // The store takes the open draft again but nothing new: the file is shown, unsaved, with
    // the warning and its download; the draft that was open is saved and listed.
    b.js("Storage.prototype.setItem = function (k, v) {
              if (this.getItem(k) === null) throw new DOMException('full', 'QuotaExceededError');
              return window.realSetItem.call(this, k, v);
          }; return null;")
        .await;
    b.type_into(OPENING, "终于保存的开头").await;
    b.wait_js("return document.getElementById('storage-problem');", Value::is_null).await;
    b.wait_for("#open-draft").await.send_keys(&file).await.expect("choose the file");
    let notice = b.wait_js(NOTICE, |v| v.as_str().is_some_and(|s| s.contains("作为新草稿打开，但本机没能保存它"))).await;
    assert!(notice.as_str().is_some_and(|s| s.contains("原来的“未命名草稿”仍在“我的草稿”里")), "{notice}");
    assert_eq!(opening_text(&b).await, "文件里的开头");
    b.wait_for("#storage-problem").await;
    b.click("#storage-problem .button").await;
    let json = String::from_utf8(b.downloaded("关于党工委领导班子2022年以来选人用人工作情况的报告（草稿）.json").await).expect("UTF-8");
    let saved: Value = serde_json::from_str(&json).expect("a JSON draft");
    assert_eq!(saved["draft"]["fields"]["opening"]["text"], "文件里的开头");
    // Leaving it is refused (it would be lost); the first draft is stored as it was last typed.
    show_drafts(&b).await;
    assert_eq!(b.js(ROWS).await, json!([["未命名草稿", false]]));
    click_in_row(&b, "未命名草稿", ".draft-open").await;
    let msg = b.wait_js("return document.getElementById('drafts-message')?.textContent ?? null;", Value::is_string).await;
    assert!(msg.as_str().is_some_and(|s| s.contains("没能保存")), "{msg}");
    let stored = b
        .js("const id = JSON.parse(localStorage.getItem('gongwen.drafts.v1')).drafts[0].id;
                       return JSON.parse(localStorage.getItem('gongwen.draft.' + id)).draft.fields.opening.text;")
        .await;
    assert_eq!(stored, "终于保存的开头");
    b.finish().await;
}
