//! The first screen prerendered at build time (xtask/src/prerender.rs): the form is in the
//! page's own HTML, shown before any script of the app has run, takes typing from the first
//! moment, and gives way to the app, which takes over what was typed, with the cursor, and keeps
//! it across a reload (issue #24: nothing typed during start-up is lost).
use crate::harness::app_js::{SHELL, STARTED};
use crate::harness::{dist_dir, Browser};
use serde_json::{json, Value};

/// The app's start held back: the wasm never compiles (a promise that never settles), so the
/// page stays as its HTML and the boot script made it.
const HOLD_THE_WASM: &str = "WebAssembly.instantiateStreaming = WebAssembly.instantiate = () => new Promise(() => {});";

/// The app's start held back until the test calls `window.__startTheApp()`: the app's module
/// (the second instantiate; the first is the page's decoder) waits for it.
const HOLD_UNTIL_TOLD: &str = "(() => { const real = WebAssembly.instantiate; let n = 0, go, ready = new Promise(r => { go = r; });
    window.__startTheApp = () => go();
    WebAssembly.instantiate = function () { const args = arguments; n += 1;
      return n === 1 ? real.apply(WebAssembly, args) : ready.then(() => real.apply(WebAssembly, args)); };
    WebAssembly.instantiateStreaming = undefined; })();";

/// What the clerk sees of the prerendered shell's first field, and of the page around it.
const SHELL_SEEN: &str = "const shell = document.querySelector('#gongwen-shell');
    const field = shell && shell.querySelector('input[data-slot=unit]');
    const seen = (e) => { if (!e) return null; const r = e.getBoundingClientRect(), s = getComputedStyle(e);
      return r.width > 0 && r.height > 0 && s.visibility === 'visible' && s.display !== 'none'; };
    return { app: !!document.querySelector('body > .app'), shell: !!shell, inert: !!shell && shell.hasAttribute('inert'),
      field: seen(field), readOnly: !!field && field.readOnly, value: field ? field.value : null,
      header: seen(shell && shell.querySelector('.app-header')), draft: seen(shell && shell.querySelector('#current-draft')),
      boxes: shell ? Array.from(shell.querySelectorAll('input, textarea, select')).filter(b => !(b.readOnly || b.disabled)).length : null };";

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run scripts/test.sh"]
async fn the_form_is_in_the_page_before_any_script_and_loses_nothing() {
    // The served file itself holds the form: the new draft's first step, its first field live.
    let page = std::fs::read_to_string(dist_dir().join("index.html")).expect("dist/index.html");
    let at = page.find(r#"<div id="gongwen-shell">"#).expect("the prerendered shell in index.html");
    let shell = &page[at..];
    let field_at = shell.find(r#"data-slot="unit""#).expect("the title's first field in the shell");
    let tag_start = shell[..field_at].rfind('<').expect("the field's tag");
    let tag = &shell[tag_start..tag_start + shell[tag_start..].find('>').expect("the tag's end")];
    assert!(tag.starts_with("<input") && !tag.contains(" readonly"), "{tag}");
    // After the shell only the returning clerk's restore script and the decoder's data block
    // (never run) may follow.
    let after = [r#"<script type="application/octet-stream" id="gongwen-unpack">"#, r#"<script id="gongwen-restore">"#];
    let scripts: Vec<usize> = shell.match_indices("<script").map(|(i, _)| i).collect();
    assert!(
        shell.contains("从这里开始：") && scripts.iter().all(|&i| after.iter().any(|a| shell[i..].starts_with(a))),
        "the shell adds no script"
    );

    let b = Browser::open().await;
    // A new clerk's first visit, with the app held back: the form is on screen from the HTML alone.
    b.js("localStorage.clear(); return null;").await;
    let hold = b.cdp("Page.addScriptToEvaluateOnNewDocument", json!({ "source": HOLD_UNTIL_TOLD })).await;
    b.client.refresh().await.expect("reload");
    let seen = b.wait_js(SHELL_SEEN, |v| v["field"] == true).await;
    let boxes = seen["boxes"].as_u64().unwrap_or(0);
    assert_eq!(
        seen,
        json!({ "app": false, "shell": true, "inert": false, "field": true, "readOnly": false, "value": "",
                "header": true, "draft": true, "boxes": boxes }),
        "the first screen before the app starts"
    );
    assert!(boxes >= 2, "the shell's text boxes are live: {seen}");
    // Typing there is taken at once, and carried into the app when it starts, with the cursor.
    let shell_field = b.client.find(fantoccini::Locator::Css(&format!("{SHELL} input[data-slot=unit]"))).await.expect("the shell's field");
    shell_field.click().await.expect("click into the shell's field");
    shell_field.send_keys("市财政局").await.expect("type into the shell");
    assert_eq!(b.js(SHELL_SEEN).await["value"], "市财政局", "the shell took the keys");
    b.screenshot("prerender-shell").await;
    b.js("window.__startTheApp(); return null;").await;
    b.wait_for(STARTED).await;
    let field = format!("{STARTED} input[data-slot=unit]");
    let carried = b.wait_js(&format!("return document.querySelector('{field}')?.value ?? null;"), |v| v == "市财政局").await;
    assert_eq!(carried, "市财政局");
    b.preview_title(|t| t.contains("市财政局")).await;
    let focus = b.js("const e = document.activeElement; return [e && e.dataset.slot, e && e.selectionStart];").await;
    assert_eq!(focus, json!(["unit", 4]), "the cursor is where it was, at the end of what was typed");
    b.cdp("Page.removeScriptToEvaluateOnNewDocument", json!({ "identifier": hold["identifier"] })).await;
    b.client.refresh().await.expect("reload");
    b.wait_for(STARTED).await;
    let kept = b.wait_js(&format!("return document.querySelector('{field}')?.value ?? null;"), Value::is_string).await;
    assert_eq!(kept, "市财政局", "what was typed before the app started is stored");
    b.js("localStorage.clear(); return null;").await;
    b.client.refresh().await.expect("reload");

    // The app starts in its place: typing works and a reload keeps the text.
    b.wait_for(STARTED).await;
    assert_eq!(b.js("return document.querySelector('#gongwen-shell');").await, Value::Null, "the shell is gone");
    let field = format!("{STARTED} input[data-slot=unit]");
    b.type_into(&field, "市财政局党组").await;
    b.preview_title(|t| t.contains("市财政局党组")).await;
    b.client.refresh().await.expect("reload");
    b.wait_for(STARTED).await;
    let kept = b.wait_js(&format!("return document.querySelector('{field}')?.value ?? null;"), Value::is_string).await;
    assert_eq!(kept, "市财政局党组");

    // A returning clerk, the app held back again: their own page, as it was when the page was
    // last closed (src/ui/snapshot.rs, put in place by xtask/js/restore.js), is on screen and
    // live before the app starts; what they type goes into their draft.
    let hold = b.cdp("Page.addScriptToEvaluateOnNewDocument", json!({ "source": HOLD_UNTIL_TOLD })).await;
    b.client.refresh().await.expect("reload");
    let seen = b.wait_js(SHELL_SEEN, |v| v["field"] == true).await;
    assert_eq!(
        (seen["app"].clone(), seen["value"].clone(), seen["draft"].clone(), seen["readOnly"].clone()),
        (json!(false), json!("市财政局党组"), json!(true), json!(false)),
        "the returning clerk's own draft before the app starts: {seen}"
    );
    let shell_field =
        b.client.find(fantoccini::Locator::Css(&format!("{SHELL} input[data-slot=unit]"))).await.expect("the snapshot's field");
    shell_field.click().await.expect("click into the snapshot's field");
    // (End: the click lands in the middle of a box sized to its text.)
    shell_field.send_keys("\u{E010}办公室").await.expect("type into the snapshot");
    b.js("window.__startTheApp(); return null;").await;
    b.wait_for(STARTED).await;
    let carried = b.wait_js(&format!("return document.querySelector('{field}')?.value ?? null;"), |v| v == "市财政局党组办公室").await;
    assert_eq!(carried, "市财政局党组办公室");
    b.preview_title(|t| t.contains("市财政局党组办公室")).await;
    assert_eq!(b.js(SNAPSHOT_STORED).await, json!(false), "the snapshot goes while the page is open");

    // Another window saves the draft while this page loads: the snapshot, of the older version,
    // is shown, but what is typed into it is not poured over the newer text; the clerk is told,
    // with what they typed.
    b.client.refresh().await.expect("reload");
    b.wait_js(SHELL_SEEN, |v| v["field"] == true && v["value"] == "市财政局党组办公室").await;
    let shell_field =
        b.client.find(fantoccini::Locator::Css(&format!("{SHELL} input[data-slot=unit]"))).await.expect("the snapshot's field");
    shell_field.send_keys("\u{E010}一科").await.expect("type into the snapshot");
    b.js(ANOTHER_WINDOW_SAVED).await;
    b.js("window.__startTheApp(); return null;").await;
    b.wait_for(STARTED).await;
    let notice = b
        .wait_js("return Array.from(document.querySelectorAll('.notice')).map(n => n.textContent).join(' ');", |v| {
            v.as_str().is_some_and(|t| t.contains("没有放入草稿"))
        })
        .await;
    assert!(notice.as_str().is_some_and(|t| t.contains("市财政局党组办公室一科")), "what was typed is shown: {notice}");
    let kept = b.js(&format!("return document.querySelector('{field}')?.value ?? null;")).await;
    assert_eq!(kept, "市财政局党组办公室", "the stored text is not overwritten by the older screen");

    // A snapshot that is no longer true (the draft changed since it was taken) is not shown at
    // all: the workspace waits for the app, as before.
    // (The page on screen took the other window's version; another write now lands unseen.)
    b.cdp("Page.removeScriptToEvaluateOnNewDocument", json!({ "identifier": hold["identifier"] })).await;
    b.js(ANOTHER_WINDOW_SAVED).await;
    let hold = b.cdp("Page.addScriptToEvaluateOnNewDocument", json!({ "source": HOLD_THE_WASM })).await;
    b.client.refresh().await.expect("reload");
    let seen = b.wait_js(SHELL_SEEN, |v| v["header"] == true).await;
    assert_eq!((seen["app"].clone(), seen["field"].clone(), seen["draft"].clone()), (json!(false), json!(false), json!(false)), "{seen}");
    b.cdp("Page.removeScriptToEvaluateOnNewDocument", json!({ "identifier": hold["identifier"] })).await;
    b.client.refresh().await.expect("reload");
    b.wait_for(STARTED).await;
    let kept = b.wait_js(&format!("return document.querySelector('{field}')?.value ?? null;"), Value::is_string).await;
    assert_eq!(kept, "市财政局党组办公室", "still there after the held-back loads");
    b.finish().await;
}

/// Whether a snapshot of the page is stored (any copy's).
const SNAPSHOT_STORED: &str = "return Object.keys(localStorage).some(k => k.endsWith('gongwen.snapshot.v1'));";

/// What another window's save leaves in the list: the open draft at a newer revision.
const ANOTHER_WINDOW_SAVED: &str = "const list = JSON.parse(localStorage.getItem('gongwen.drafts.v1'));
    const entry = list.drafts.find(d => d.id === list.active);
    entry.rev = '99-otherwin~' + entry.rev;
    localStorage.setItem('gongwen.drafts.v1', JSON.stringify(list));
    return entry.rev;";
