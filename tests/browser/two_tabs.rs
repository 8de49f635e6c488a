//! Two windows of one browser on the drafts (issue #20): they share localStorage, and each
//! hears of the other's writes through `storage` events. Whatever the order of their saves, no
//! text is overwritten without the clerk's choice; a draft deleted in one is offered for keeping
//! in the other; two copies of the single file keep their own drafts.
use super::harness::{app_js, single_file_alone, Browser, TIMEOUT};
use fantoccini::wd::WindowHandle;
use serde_json::{json, Value};
use std::time::{Duration, Instant};

const OPENING: &str = "#field-opening";
const ADDRESSEE: &str = "#field-addressee";
const NOTICE: &str = "return Array.from(document.querySelectorAll('.notice[role=alert]')).map(n => n.textContent).join(' | ');";
const ROWS: &str = "return Array.from(document.querySelectorAll('#drafts-panel .draft-row .draft-title')).map(t => t.textContent);";
/// Another window's deletion of the open draft, written from this window (see below).
const OTHER_WINDOW_DELETES: &str = "const l = JSON.parse(localStorage.getItem('gongwen.drafts.v1'));
    const at = l.drafts.findIndex(d => d.id === l.active);
    l.deleted = { entry: l.drafts[at], at }; l.drafts.splice(at, 1); l.active = '';
    localStorage.setItem('gongwen.drafts.v1', JSON.stringify(l));
    return null;";
/// What another window's save of the open draft writes, written from this window (which is
/// not told of its own writes, so it has not heard of it): the opening, then the list with the
/// draft at a revision of the other window's.
const OTHER_WINDOW_SAVES: &str = "const l = JSON.parse(localStorage.getItem('gongwen.drafts.v1'));
    const e = l.drafts.find(d => d.id === l.active), key = 'gongwen.draft.' + e.id;
    const d = JSON.parse(localStorage.getItem(key));
    d.draft.fields.opening = { mode: 'free', text: arguments[0] };
    localStorage.setItem(key, JSON.stringify(d));
    e.rev = arguments[1];
    localStorage.setItem('gongwen.drafts.v1', JSON.stringify(l));
    return null;";

async fn other_window_saves(b: &Browser, opening: &str, rev: &str) {
    b.client.execute(OTHER_WINDOW_SAVES, vec![json!(opening), json!(rev)]).await.expect("the other window's save");
}

/// A second window (tab) of the same browser on `url`, switched to.
async fn second_window(b: &Browser, url: &str) -> (WindowHandle, WindowHandle) {
    let first = b.client.window().await.expect("the first window");
    let second = b.client.new_window(true).await.expect("a second window").handle;
    b.client.switch_to_window(second.clone()).await.expect("switch");
    b.client.goto(url).await.expect("open the page");
    b.wait_for(app_js::STARTED).await;
    (first, second)
}

async fn to(b: &Browser, w: &WindowHandle) {
    b.client.switch_to_window(w.clone()).await.expect("switch window");
}

async fn value(b: &Browser, css: &str) -> Value {
    b.js(&format!("return document.querySelector('{css}')?.value ?? null;")).await
}

/// The opening paragraph on screen, going to its step.
async fn opening(b: &Browser) -> Value {
    b.goto_step("opening").await;
    value(b, OPENING).await
}

async fn accept_confirm(b: &Browser, asks: &str) {
    let deadline = Instant::now() + TIMEOUT;
    let text = loop {
        if let Ok(text) = b.client.get_alert_text().await {
            break text;
        }
        assert!(Instant::now() < deadline, "no question was asked");
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    assert!(text.contains(asks), "{text}");
    b.client.accept_alert().await.expect("accept");
}

async fn rows(b: &Browser) -> Value {
    b.click("#my-drafts").await;
    b.wait_for("#drafts-panel").await;
    let rows = b.js(ROWS).await;
    b.click("#drafts-close").await;
    rows
}

async fn open_listed(b: &Browser, title: &str) {
    b.click("#my-drafts").await;
    b.wait_for("#drafts-panel").await;
    b.client
        .execute(
            "Array.from(document.querySelectorAll('#drafts-panel .draft-row'))
                .find(r => r.querySelector('.draft-title').textContent === arguments[0]).querySelector('.draft-open').click(); return null;",
            vec![json!(title)],
        )
        .await
        .expect("open");
    b.wait_js("return document.getElementById('current-draft').textContent;", |v| v == &json!(format!("正在编辑：{title}"))).await;
}

/// The issue's report, in both orders: window B open, then A, on the same draft. One writes an
/// opening; the other (which hears of it) shows it and says so, then moves on a step and types.
/// After a reload both texts are there.
#[tokio::test]
#[ignore = "needs dist/ and Chromium: run scripts/test.sh"]
async fn two_windows_on_one_draft_follow_each_other_in_either_order() {
    for a_first in [true, false] {
        let b = Browser::open().await;
        let home = format!("{}/", b.home());
        let (win_b, win_a) = second_window(&b, &home).await;
        let (first, second) = if a_first { (&win_a, &win_b) } else { (&win_b, &win_a) };
        to(&b, first).await;
        b.goto_step("opening").await;
        b.type_into(OPENING, "先写的开头语，一个字也不能丢").await;
        to(&b, second).await;
        let told = b.wait_js(NOTICE, |v| v.as_str().is_some_and(|s| s.contains("已在另一个窗口中修改"))).await;
        assert_eq!(told, "草稿“未命名草稿”已在另一个窗口中修改，已更新为最新内容。", "a_first {a_first}");
        // It follows every write, to the last character. (Acting within the milliseconds a
        // write takes to reach the other window is a race the store cannot see: see the report
        // of issue #20.)
        b.wait_js("return document.querySelector('#preview [data-part=opening]')?.firstChild?.textContent ?? null;", |v| {
            v == "先写的开头语，一个字也不能丢"
        })
        .await;
        // 下一步 and one letter in the window that did not write.
        b.click(".step-next").await;
        b.wait_for(".step-view[data-step=addressee]").await;
        b.type_into(ADDRESSEE, "乙").await;
        b.client.refresh().await.expect("reload");
        b.wait_for(app_js::STARTED).await;
        assert_eq!(opening(&b).await, "先写的开头语，一个字也不能丢", "a_first {a_first}");
        b.goto_step("addressee").await;
        assert_eq!(value(&b, ADDRESSEE).await, "乙");
        // The first window follows too: the letter is there, with no question asked.
        to(&b, first).await;
        b.goto_step("addressee").await;
        b.wait_js(&format!("return document.querySelector('{ADDRESSEE}').value;"), |v| v == "乙").await;
        assert_eq!(b.js("return document.getElementById('conflict-notice');").await, Value::Null);
        assert_eq!(rows(&b).await, json!(["未命名草稿"]), "one draft, not two");
        b.finish().await;
    }
}

/// Both windows change the draft before either hears of the other: the first save stands, the
/// second window writes nothing and asks; it can compare, keep its version as a new draft, or
/// take the other. (The other window's save is written from this window, which is never told
/// of its own writes: the instant before its `storage` event arrives.)
#[tokio::test]
#[ignore = "needs dist/ and Chromium: run scripts/test.sh"]
async fn two_windows_changing_at_once_are_asked_and_lose_nothing() {
    let b = Browser::open().await;
    b.goto_step("opening").await;
    other_window_saves(&b, "甲的开头", "7-other").await;
    b.type_into(OPENING, "乙的开头").await;
    let notice = b.wait_for("#conflict-notice").await.text().await.expect("text");
    assert!(notice.contains("草稿“未命名草稿”在另一个窗口中也修改了") && notice.contains("没有保存"), "{notice}");
    b.screenshot("conflict-notice").await;
    // Nothing was overwritten: the stored draft is the other window's.
    let stored = "const l = JSON.parse(localStorage.getItem('gongwen.drafts.v1'));
        return l.drafts.map(e => JSON.parse(localStorage.getItem('gongwen.draft.' + e.id)).draft.fields.opening?.text ?? '');";
    assert_eq!(b.js(stored).await, json!(["甲的开头"]));
    // Compare: the opening differs, each side shown.
    b.click("#conflict-compare").await;
    let table = b
        .js("return Array.from(document.querySelectorAll('#conflict-table tbody tr'))
               .map(r => Array.from(r.children).map(c => c.textContent));")
        .await;
    assert_eq!(table, json!([["开头语", "乙的开头", "甲的开头"]]));
    // Keep this window's version as a new draft: both are stored.
    b.click("#conflict-keep").await;
    b.wait_js("return document.getElementById('current-draft').textContent;", |v| v == "正在编辑：未命名草稿（本窗口的版本）").await;
    assert_eq!(b.js("return document.getElementById('conflict-notice');").await, Value::Null);
    assert_eq!(value(&b, OPENING).await, "乙的开头");
    let mut texts = b.js(stored).await.as_array().cloned().unwrap_or_default();
    texts.sort_by_key(|v| v.to_string());
    assert_eq!(texts, [json!("乙的开头"), json!("甲的开头")]);

    // Again on the first draft, and this time take the other window's version.
    open_listed(&b, "未命名草稿").await;
    assert_eq!(opening(&b).await, "甲的开头");
    other_window_saves(&b, "甲的开头，又改了", "9-other").await;
    b.type_into(OPENING, "乙在旧的上面改").await;
    b.wait_for("#conflict-notice").await;
    b.click("#conflict-other").await;
    b.wait_js(&format!("return document.querySelector('{OPENING}').value;"), |v| v == "甲的开头，又改了").await;
    assert_eq!(b.js("return document.getElementById('conflict-notice');").await, Value::Null);
    b.client.refresh().await.expect("reload");
    b.wait_for(app_js::STARTED).await;
    assert_eq!(opening(&b).await, "甲的开头，又改了");
    assert_eq!(rows(&b).await.as_array().map(Vec::len), Some(2));
    b.finish().await;
}

/// Each window on a draft of its own: no question, no reload; a draft made in one is listed in
/// the other at once.
#[tokio::test]
#[ignore = "needs dist/ and Chromium: run scripts/test.sh"]
async fn two_windows_on_two_drafts_leave_each_other_alone() {
    let b = Browser::open().await;
    let home = format!("{}/", b.home());
    b.type_into(".step-view input[data-slot=unit]", "乙单位").await;
    let (win_b, win_a) = second_window(&b, &home).await;
    // A opens on B's draft and starts a second one (新建草稿), and writes there.
    b.click("#my-drafts").await;
    b.click("#draft-new").await;
    b.click("#gallery .gallery-item[data-template=xuanren-report] .gallery-choose").await;
    b.wait_js("return document.getElementById('gallery');", Value::is_null).await;
    b.type_into(".step-view input[data-slot=unit]", "甲单位").await;
    b.goto_step("opening").await;
    b.type_into(OPENING, "甲的开头").await;
    to(&b, &win_b).await;
    b.goto_step("opening").await;
    b.type_into(OPENING, "乙的开头").await;
    for w in [&win_a, &win_b] {
        to(&b, w).await;
        let notice = b.js(NOTICE).await;
        assert!(!notice.as_str().unwrap_or_default().contains("另一个窗口"), "{notice}");
        assert_eq!(b.js("return document.getElementById('conflict-notice');").await, Value::Null);
        let listed = rows(&b).await;
        assert_eq!(listed.as_array().map(Vec::len), Some(2), "{listed}");
    }
    b.client.refresh().await.expect("reload");
    b.wait_for(app_js::STARTED).await;
    assert_eq!(opening(&b).await, "乙的开头");
    to(&b, &win_a).await;
    b.client.refresh().await.expect("reload");
    b.wait_for(app_js::STARTED).await;
    // A reload opens the draft written last; the other is listed with its text.
    open_listed(&b, "关于甲单位领导班子＿＿年以来选人用人工作情况的报告").await;
    assert_eq!(opening(&b).await, "甲的开头");
    b.finish().await;
}

/// The draft open in window B is deleted in window A: B is told, whether it hears of it first
/// or types first (the deletion written from B itself, which is never told of its own writes:
/// the instant before the event arrives), writes nothing back behind A's back, and can keep its
/// copy as a draft.
#[tokio::test]
#[ignore = "needs dist/ and Chromium: run scripts/test.sh"]
async fn a_draft_deleted_in_one_window_is_offered_to_the_other() {
    for heard in [true, false] {
        let b = Browser::open().await;
        let home = format!("{}/", b.home());
        b.goto_step("opening").await;
        b.type_into(OPENING, "两个窗口都有的开头").await;
        if heard {
            let (win_b, _) = second_window(&b, &home).await;
            b.click("#my-drafts").await;
            b.click("#drafts-panel .draft-row.is-current .draft-delete").await;
            accept_confirm(&b, "确定删除草稿“未命名草稿”吗").await;
            b.wait_js("return document.querySelector('#drafts-panel .draft-row.is-current') !== null;", |v| v == true).await;
            b.click("#drafts-close").await;
            to(&b, &win_b).await;
        } else {
            b.js(OTHER_WINDOW_DELETES).await;
        }
        b.goto_step("opening").await;
        b.type_into(OPENING, "乙还在写的开头").await;
        let notice = b.wait_for("#conflict-notice").await.text().await.expect("text");
        assert!(notice.contains("已在另一个窗口中删除") && notice.contains("保留为草稿"), "heard {heard}: {notice}");
        let listed = "return JSON.parse(localStorage.getItem('gongwen.drafts.v1')).drafts.length;";
        // Listed: A's new draft (A went on with one), and not B's copy behind A's back.
        let others = u64::from(heard);
        assert_eq!(b.js(listed).await, others, "heard {heard}");
        b.click("#conflict-keep").await;
        let told = b.wait_js(NOTICE, |v| v.as_str().is_some_and(|s| s.contains("已把这个窗口里的版本保存为草稿"))).await;
        assert!(told.as_str().is_some_and(|s| s.contains("“未命名草稿”")), "{told}");
        b.client.refresh().await.expect("reload");
        b.wait_for(app_js::STARTED).await;
        assert_eq!(opening(&b).await, "乙还在写的开头", "heard {heard}");
        assert_eq!(b.js(listed).await, others + 1);
        b.finish().await;
    }
}

/// Two copies of the single file in two folders, in one browser: each keeps its own drafts; one
/// brings in the other's on request; the drafts an earlier version kept for every copy go to
/// the first copy opened; 清除本机保存 clears this copy's draft.
#[tokio::test]
#[ignore = "needs dist/ and Chromium: run scripts/test.sh"]
async fn two_copies_of_the_single_file_keep_their_own_drafts() {
    let (_one, first) = single_file_alone();
    let (_two, second) = single_file_alone();
    let b = Browser::open_file(&first).await;
    let url = |p: &std::path::Path| url::Url::from_file_path(p.canonicalize().expect("exists")).expect("a URL").to_string();
    b.goto_step("opening").await;
    b.type_into(OPENING, "第一份副本的开头").await;
    let (win_1, win_2) = second_window(&b, &url(&second)).await;
    assert_eq!(opening(&b).await, "", "the second copy does not open the first one's draft");
    b.type_into(OPENING, "第二份副本的开头").await;
    to(&b, &win_1).await;
    assert_eq!(b.js(NOTICE).await, "");
    b.client.refresh().await.expect("reload");
    b.wait_for(app_js::STARTED).await;
    assert_eq!(opening(&b).await, "第一份副本的开头");
    // No key outside a copy's own: nothing under the shared keys.
    let keys = b.js("return Object.keys(localStorage).filter(k => k.startsWith('gongwen.draft'));").await;
    assert_eq!(keys, json!([]));

    // In the second copy, 我的草稿 says where its drafts are and who can read them, and offers
    // the first copy's.
    to(&b, &win_2).await;
    b.click("#my-drafts").await;
    let note = b.wait_for("#file-storage-note").await.text().await.expect("text");
    assert!(
        note.contains("只属于这一份文件")
            && note.contains("U盘/公文起草助手.html")
            && note.contains("其他本地网页文件")
            && note.contains("也能读到"),
        "{note}"
    );
    let copies = b.js("return Array.from(document.querySelectorAll('#other-copies .other-copy')).map(c => c.textContent);").await;
    assert_eq!(copies.as_array().map(Vec::len), Some(1), "{copies}");
    assert!(copies[0].as_str().is_some_and(|c| c.contains("U盘/公文起草助手.html") && c.contains("1 份")), "{copies}");
    b.click("#other-copies .copy-import").await;
    let msg = b.wait_js("return document.getElementById('drafts-message')?.textContent ?? null;", Value::is_string).await;
    assert_eq!(msg, "已导入 1 份草稿：“未命名草稿”。");
    assert_eq!(b.js(ROWS).await.as_array().map(Vec::len), Some(2));
    b.click("#drafts-close").await;

    // 清除本机保存 of the open draft: asked first; the file is offered; then it is gone here.
    b.click("#my-drafts").await;
    b.click("#clear-local").await;
    b.wait_for("#clear-save-file").await;
    b.click("#clear-this").await;
    accept_confirm(&b, "确定清除这个浏览器里保存的").await;
    b.wait_js(ROWS, |v| v.as_array().is_some_and(|a| a.len() == 1)).await;
    let all = b.js("return Object.values(localStorage).join('\\n');").await;
    assert!(!all.as_str().unwrap_or_default().contains("第二份副本的开头"), "cleared from the browser");
    assert!(all.as_str().unwrap_or_default().contains("第一份副本的开头"), "the first copy's own draft stays");

    let (console, foreign) = b.problems().await;
    assert!(console.is_empty(), "{console:#?}");
    // The harness counts the second copy, its own page, as another address.
    assert!(foreign.iter().all(|u| u.starts_with(&url(&second))), "{foreign:#?}");
    let _ = b.client.close().await;
}

/// A copy opened for the first time after the update takes the drafts an earlier version kept
/// under the shared keys, character for character; a second copy then starts empty.
#[tokio::test]
#[ignore = "needs dist/ and Chromium: run scripts/test.sh"]
async fn the_drafts_of_an_earlier_version_go_to_the_first_copy_opened() {
    let (_one, first) = single_file_alone();
    let (_two, second) = single_file_alone();
    let b = Browser::open_file(&first).await;
    // (localStorage.clear() below also empties this copy's own keys: its first start is yet to come.)
    let t = gongwen::domain::model::template::xuanren();
    let mut old = gongwen::domain::model::draft::Draft::new(&t);
    old.set_text("opening", "更新前写的开头".into());
    let old = gongwen::domain::store::saved::to_json(&old, "opening");
    let list = r#"{"version":1,"drafts":[{"id":"dold","title":"更新前的草稿","changed":0,"renamed":true}],"active":"dold"}"#;
    b.client
        .execute(
            "localStorage.clear(); localStorage.setItem('gongwen.drafts.v1', arguments[0]);
             localStorage.setItem('gongwen.draft.dold', arguments[1]); return null;",
            vec![json!(list), json!(old)],
        )
        .await
        .expect("an earlier version's drafts");
    b.client.refresh().await.expect("reload");
    b.wait_for(".step-view[data-step=opening]").await;
    assert_eq!(value(&b, OPENING).await, "更新前写的开头");
    assert_eq!(b.js("return document.getElementById('current-draft').textContent;").await, "正在编辑：更新前的草稿");
    let stored =
        b.js("return Object.keys(localStorage).filter(k => k.endsWith('#gongwen.draft.dold')).map(k => localStorage.getItem(k));").await;
    assert_eq!(stored, json!([old]), "moved character for character");
    assert_eq!(b.js("return localStorage.getItem('gongwen.drafts.v1');").await, Value::Null);
    let url = url::Url::from_file_path(second.canonicalize().expect("exists")).expect("a URL").to_string();
    let _ = second_window(&b, &url).await;
    assert_eq!(opening(&b).await, "");
    b.click("#my-drafts").await;
    let copies = b.js("return Array.from(document.querySelectorAll('#other-copies .other-copy')).map(c => c.textContent);").await;
    assert!(copies[0].as_str().is_some_and(|c| c.contains("1 份")), "{copies}");
    let (console, _) = b.problems().await;
    assert!(console.is_empty(), "{console:#?}");
    let _ = b.client.close().await;
}

/// What a served page changes: the browser keeps its drafts per server (origin: scheme, host
/// and port), under the keys they always had. Another page of the same server reads them; a
/// page of another server does not.
#[tokio::test]
#[ignore = "needs dist/ and Chromium: run scripts/test.sh"]
async fn a_served_page_keeps_its_drafts_per_server() {
    let dir = super::harness::dist_copy();
    std::fs::write(
        dir.path().join("other.html"),
        "<!doctype html><meta charset=utf-8><link rel=icon href=\"data:,\"><title>other</title><p>另一个网页</p>",
    )
    .expect("another page on the server");
    let b = Browser::open_at(dir.path()).await;
    b.goto_step("opening").await;
    b.type_into(OPENING, "服务器上的草稿").await;
    let keys = b.js("return Object.keys(localStorage).sort();").await;
    assert!(keys.as_array().is_some_and(|k| k.iter().any(|k| k == "gongwen.drafts.v1")), "{keys}");
    assert!(keys.as_array().is_some_and(|k| k.iter().all(|k| !k.as_str().unwrap_or_default().starts_with("gongwen@"))), "{keys}");
    let everything = "return Object.values(localStorage).join('\\n');";
    let has_it = |v: &Value| v.as_str().is_some_and(|s| s.contains("服务器上的草稿"));
    // Another page of the same server: it reads every draft (the app's last save, made as it was
    // left, may reach the next page's view of the store a moment later).
    b.client.goto(&format!("{}/other.html", b.home())).await.expect("the other page");
    let read = b.poll_js(everything, has_it).await;
    let keys = b.js("return Object.keys(localStorage).sort();").await;
    assert!(has_it(&read), "the other page of the server does not read the draft; it has the keys {keys}");
    // The same page from another server (another port is another origin): nothing.
    let other = super::harness::Server::start(dir.path().to_path_buf());
    b.client.goto(&format!("{}/", other.origin)).await.expect("the other server");
    b.wait_for(app_js::STARTED).await;
    let read = b.js(everything).await;
    let keys = b.js("return Object.keys(localStorage).sort();").await;
    assert!(!has_it(&read), "another server's page reads the draft; it has the keys {keys}");
    assert_eq!(opening(&b).await, "");
    let (console, _) = b.problems().await;
    assert!(console.is_empty(), "{console:#?}");
    let _ = b.client.close().await;
}

/// The stored opening of the open draft, and its revision (empty when not stored yet).
const STORED_OPEN: &str = "const l = JSON.parse(localStorage.getItem('gongwen.drafts.v1'));
    const e = l && l.drafts.find(d => d.id === l.active);
    if (!e) return ['', ''];
    const d = JSON.parse(localStorage.getItem('gongwen.draft.' + e.id));
    return [d.draft.fields.opening?.text ?? '', e.rev ?? ''];";

/// Waits until this window has stored `opening`; returns the revision it stored it at.
async fn stored_at(b: &Browser, opening: &str) -> String {
    let got = b.wait_js(STORED_OPEN, |v| v[0] == opening).await;
    got[1].as_str().unwrap_or_default().to_string()
}

/// The browser keeps each window's view of localStorage in step a few milliseconds late, and
/// the write that lands last wins: the other window may save from a copy that has not heard of
/// this window's last save, and replace it. This window, with no edit since its own save, then
/// asks (its text is still on screen) instead of quietly showing the other's. A write built on
/// this window's own save is taken quietly, as before.
#[tokio::test]
#[ignore = "needs dist/ and Chromium: run scripts/test.sh"]
async fn a_write_made_beside_this_windows_last_save_is_asked_about_not_taken() {
    let b = Browser::open().await;
    b.goto_step("opening").await;
    b.type_into(OPENING, "甲写完的开头").await;
    let rev = stored_at(&b, "甲写完的开头").await;
    let count: u64 = rev.split('-').next().and_then(|n| n.parse().ok()).expect("a revision count");
    // Written from a copy one save behind: the same count, another window, not built on ours.
    other_window_saves(&b, "乙从旧副本写的开头", &format!("{count}-otherwin")).await;
    b.goto_step("addressee").await;
    let notice = b.wait_for("#conflict-notice").await.text().await.expect("text");
    assert!(notice.contains("在另一个窗口中也修改了"), "{notice}");
    assert!(!b.js(NOTICE).await.as_str().unwrap_or_default().contains("已更新为最新内容"), "not taken quietly");
    assert_eq!(opening(&b).await, "甲写完的开头", "this window's text is still on screen");
    b.click("#conflict-keep").await;
    b.wait_js("return document.getElementById('current-draft').textContent;", |v| v == "正在编辑：未命名草稿（本窗口的版本）").await;

    // Built on this window's save (it names it as its parent): followed without a question.
    b.type_into(OPENING, "甲写完的开头。").await;
    let rev = stored_at(&b, "甲写完的开头。").await;
    let count: u64 = rev.split('-').next().and_then(|n| n.parse().ok()).expect("a revision count");
    let head = rev.split('~').next().unwrap_or_default().to_string();
    other_window_saves(&b, "甲写完的开头。乙接着写", &format!("{}-otherwin~{head}", count + 1)).await;
    b.goto_step("addressee").await;
    b.wait_js(NOTICE, |v| v.as_str().is_some_and(|s| s.contains("已更新为最新内容"))).await;
    assert_eq!(b.js("return document.getElementById('conflict-notice');").await, Value::Null);
    assert_eq!(opening(&b).await, "甲写完的开头。乙接着写");
    b.finish().await;
}

/// The two ways of letting drafts go: 不保留 a draft deleted in another window (nothing of it is
/// written back), and 清除全部草稿 (asked first; nothing of any draft is left in the browser,
/// also after a reload).
#[tokio::test]
#[ignore = "needs dist/ and Chromium: run scripts/test.sh"]
async fn a_deleted_draft_let_go_and_every_draft_cleared_leave_nothing_behind() {
    let b = Browser::open().await;
    let everything = "return Object.keys(localStorage).map(k => k + '=' + localStorage.getItem(k)).join('\\n');";
    b.goto_step("opening").await;
    b.type_into(OPENING, "另一个窗口删掉的开头").await;
    stored_at(&b, "另一个窗口删掉的开头").await;
    b.js(OTHER_WINDOW_DELETES).await;
    b.type_into(OPENING, "另一个窗口删掉的开头，又写").await;
    let notice = b.wait_for("#conflict-notice").await.text().await.expect("text");
    assert!(notice.contains("已在另一个窗口中删除") && notice.contains("不保留"), "{notice}");
    b.click("#conflict-other").await;
    accept_confirm(&b, "这个窗口里的这份草稿将不再保留").await;
    b.wait_js("return document.getElementById('conflict-notice');", Value::is_null).await;
    assert!(!b.js(everything).await.as_str().unwrap_or_default().contains("又写"), "nothing written back");

    // Two drafts, then 清除全部草稿.
    b.goto_step("opening").await;
    b.type_into(OPENING, "第一份要清除的开头").await;
    stored_at(&b, "第一份要清除的开头").await;
    b.click("#my-drafts").await;
    b.click("#draft-new").await;
    b.click("#gallery .gallery-item[data-template=xuanren-report] .gallery-choose").await;
    b.wait_js("return document.getElementById('drafts-panel') ?? document.getElementById('gallery');", Value::is_null).await;
    b.goto_step("opening").await;
    b.type_into(OPENING, "第二份要清除的开头").await;
    stored_at(&b, "第二份要清除的开头").await;
    b.click("#my-drafts").await;
    b.click("#clear-local").await;
    b.wait_for("#clear-all").await;
    b.click("#clear-all").await;
    accept_confirm(&b, "确定清除这个浏览器里保存的全部草稿吗").await;
    let msg = b.wait_js("return document.getElementById('drafts-message')?.textContent ?? null;", Value::is_string).await;
    assert_eq!(msg, "已清除这个浏览器里保存的全部草稿。");
    let left = b.js(everything).await;
    let left = left.as_str().unwrap_or_default();
    assert!(!left.contains("要清除的开头") && !left.contains("另一个窗口删掉的开头"), "{left}");
    b.click("#drafts-close").await;
    assert_eq!(opening(&b).await, "");
    b.client.refresh().await.expect("reload");
    b.wait_for(app_js::STARTED).await;
    assert_eq!(opening(&b).await, "", "nothing comes back after a reload");
    assert!(!b.js(everything).await.as_str().unwrap_or_default().contains("要清除的开头"));
    b.finish().await;
}
