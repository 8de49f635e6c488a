//! The page's dialogs (我的草稿, the gallery, 导入旧报告) share one frame (`src/ui/dialog.rs`):
//! named by their heading, the focus inside while open (Tab and Shift+Tab wrap around), Esc
//! closes, and the focus goes back to the button that opened them. By keyboard alone.
use crate::harness::Browser;
use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use serde_json::Value;

const TAB: char = '\u{E004}';
const ENTER: char = '\u{E007}';
const SHIFT: char = '\u{E008}';
const ESCAPE: char = '\u{E00C}';

async fn press(b: &Browser, key: char, shift: bool) {
    let mut k = KeyActions::new("keyboard".into());
    if shift {
        k = k.then(KeyAction::Down { value: SHIFT });
    }
    k = k.then(KeyAction::Down { value: key }).then(KeyAction::Up { value: key });
    if shift {
        k = k.then(KeyAction::Up { value: SHIFT });
    }
    b.client.perform_actions(k).await.expect("key actions");
}

/// The focused element's id (else its tag), and whether it is inside the dialog `dialog`.
async fn focus(b: &Browser, dialog: &str) -> (String, bool) {
    let v = b
        .js(&format!(
            "const e = document.activeElement; const d = document.getElementById('{dialog}');
             return [e.id || e.tagName, !!d && d.contains(e)];"
        ))
        .await;
    (v[0].as_str().unwrap_or_default().to_string(), v[1] == Value::Bool(true))
}

/// Put the focus on a header button and open its dialog with Enter, as a keyboard user does.
async fn open_with_keyboard(b: &Browser, button: &str, dialog: &str) {
    b.js(&format!("document.getElementById('{button}').focus(); return null;")).await;
    press(b, ENTER, false).await;
    b.wait_for(&format!("#{dialog}")).await;
    b.wait_js(&format!("return document.getElementById('{dialog}').contains(document.activeElement);"), |v| v == &Value::Bool(true)).await;
}

/// Tab through the dialog more times than it has controls, both ways: the focus never leaves.
async fn tab_stays_inside(b: &Browser, dialog: &str) {
    let count = b
        .js(&format!(
            "return document.getElementById('{dialog}').querySelectorAll('button, input, select, textarea, summary, a[href]').length;"
        ))
        .await
        .as_u64()
        .unwrap_or(0) as usize;
    assert!(count > 1, "{dialog} has controls");
    let mut seen = std::collections::BTreeSet::new();
    for shift in [false, true] {
        for _ in 0..count + 3 {
            press(b, TAB, shift).await;
            let (id, inside) = focus(b, dialog).await;
            assert!(inside, "Tab (shift: {shift}) took the focus out of {dialog}, to {id}");
            seen.insert(id);
        }
    }
    assert!(seen.len() > 1, "Tab moved the focus around inside {dialog}: {seen:?}");
}

/// Esc closes the dialog and the focus is back on `button`.
async fn escape_returns_to(b: &Browser, dialog: &str, button: &str) {
    press(b, ESCAPE, false).await;
    b.wait_js(&format!("return document.getElementById('{dialog}');"), Value::is_null).await;
    b.wait_js("return document.activeElement.id;", |v| v == button).await;
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run scripts/test.sh"]
async fn dialogs_keep_the_focus_close_on_escape_and_give_it_back() {
    let b = Browser::open().await;
    b.wait_for("#my-drafts").await;
    for (button, dialog, title) in [("my-drafts", "drafts-panel", "drafts-title"), ("import-report", "import-dialog", "import-title")] {
        open_with_keyboard(&b, button, dialog).await;
        let named = b
            .js(&format!(
                "const d = document.getElementById('{dialog}');
                 return [d.getAttribute('role'), d.getAttribute('aria-modal'), d.getAttribute('aria-labelledby')];"
            ))
            .await;
        assert_eq!(named, serde_json::json!(["dialog", "true", title]), "{dialog} is a named modal dialog");
        tab_stays_inside(&b, dialog).await;
        escape_returns_to(&b, dialog, button).await;
    }

    // The gallery opens from 我的草稿's 新建草稿: Esc closes it alone, back on 新建草稿; a second
    // Esc closes 我的草稿, back on its button.
    open_with_keyboard(&b, "my-drafts", "drafts-panel").await;
    b.js("document.getElementById('draft-new').focus(); return null;").await;
    press(&b, ENTER, false).await;
    b.wait_for("#gallery").await;
    b.wait_js("return document.getElementById('gallery').contains(document.activeElement);", |v| v == &Value::Bool(true)).await;
    tab_stays_inside(&b, "gallery").await;
    escape_returns_to(&b, "gallery", "draft-new").await;
    assert!(b.js("return !!document.getElementById('drafts-panel');").await == Value::Bool(true), "我的草稿 stays open");
    escape_returns_to(&b, "drafts-panel", "my-drafts").await;

    // Esc in a rename box ends the rename, not the dialog.
    open_with_keyboard(&b, "my-drafts", "drafts-panel").await;
    b.click("#drafts-panel .draft-rename").await;
    b.wait_for("#drafts-panel .draft-rename-input").await;
    b.js("document.querySelector('#drafts-panel .draft-rename-input').focus(); return null;").await;
    press(&b, ESCAPE, false).await;
    b.wait_js("return document.querySelector('#drafts-panel .draft-rename-input');", Value::is_null).await;
    assert!(b.js("return !!document.getElementById('drafts-panel');").await == Value::Bool(true), "我的草稿 stays open");
    b.finish().await;
}
