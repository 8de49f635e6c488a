//! JavaScript expressions that read what the app shows, shared by both browser-test crates
//! (WebDriver scripts use them as `return EXPR;`, the DevTools protocol evaluates them as they are).
//! Included with `#[path = "../common/app_js.rs"] mod app_js;`.
#![allow(dead_code)] // each crate uses its own part of it

/// The app itself, once started: a direct child of <body>. Until then the page shows the first
/// screen prerendered at build time (`#gongwen-shell > .app`, its text boxes live and carried into the app), whose
/// elements have the same ids and classes, so a test waits for this before it acts.
pub const STARTED: &str = "body > .app";

/// The prerendered first screen, while it is in the page.
pub const SHELL: &str = "#gongwen-shell";

/// Whether what was typed is settled on screen: after a keystroke the preview and the findings
/// follow a frame later (`ui::autosave`), and until then the preview's pane is `aria-busy`. Read
/// from a script run after the typing's events, this is `false` until the app has settled.
pub const SETTLED: &str = "!document.querySelector('.preview-pane[aria-busy=true]')";

/// The preview's text, one paragraph a line, as the `.txt` download should hold it.
pub const PREVIEW_TEXT: &str = "Array.from(document.querySelectorAll('#preview p')).map(p =>
    Array.from(p.childNodes).filter(n => n.nodeType === 3).map(n => n.textContent).join('')
  ).map(t => t + '\\r\\n').join('')";

/// The preview's title as one line: its text nodes joined (a long title has a `<br>` between
/// its lines, and the `.txt` holds it on one line).
pub const PREVIEW_TITLE: &str = "Array.from(document.querySelector('#preview .doc-title')?.childNodes ?? [])
    .filter(n => n.nodeType === 3).map(n => n.textContent).join('')";

/// The placeholder findings listed under the field `key`: [text, start, end] each.
pub fn placeholder_findings(key: &str) -> String {
    format!(
        "Array.from(document.querySelectorAll('.guided-field[data-key=\"{key}\"] .finding'))
            .filter(li => li.dataset.rule === 'placeholder')
            .map(li => [li.dataset.text, +li.dataset.start, +li.dataset.end])"
    )
}
