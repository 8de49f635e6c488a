//! The first screen in the page itself: at build time the app's own components (`gongwen::ui::App`)
//! are rendered natively with Yew's `LocalServerRenderer`, as `tests/ssr.rs` does, by the app's
//! `prerender` binary (src/bin/prerender.rs, feature `ssr`), which xtask runs — so xtask itself
//! does not compile the app, yew's SSR or tokio — and the HTML goes into index.html's <body> (and so into the single file, made from it). The browser paints
//! the form as soon as the page and its CSS are in, without waiting for the wasm.
//!
//! Natively nothing is stored, so the shell is what a new clerk sees first: a new, empty draft
//! on its first step (标题). When the app starts it removes the shell and renders itself in the
//! same task (`gongwen::ui::start`), so no frame shows both or neither. Its text boxes are live
//! from the first moment: what the clerk types there before the app starts is handed to the
//! app's boxes of the same ids, with the cursor (`gongwen::ui::carry`), so no key is lost. What
//! cannot be carried is `disabled`: file inputs, check boxes, lists. Its buttons do nothing
//! until the app has started.
//!
//! The boot script hides the shell where it would mislead (styles/app.css): entirely when the
//! browser is too old or loading failed (the Chinese message stands in its place), and its
//! workspace when drafts are stored (a returning clerk's draft is not the empty one).
use crate::html::tags_with;
use regex::Regex;

/// The id of the element that holds the prerendered shell.
pub const SHELL_ID: &str = gongwen_shared::SHELL_ID;

/// The app's first screen as the components render it natively (the `prerender` binary, built
/// with the xtask profile, so in `target/xtask/`), frozen (see `frozen`).
pub fn shell() -> Result<String, String> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let output = std::process::Command::new(cargo)
        .current_dir(crate::dist::root())
        .args(["run", "--locked", "--quiet", "--profile", "xtask", "--package", "gongwen", "--features", "ssr", "--bin", "prerender"])
        .stderr(std::process::Stdio::inherit())
        .output()
        .map_err(|e| format!("无法运行预渲染（cargo run --bin prerender）：{e}"))?;
    if !output.status.success() {
        return Err(format!("预渲染（cargo run --bin prerender）失败：{}", output.status));
    }
    let app = String::from_utf8(output.stdout).map_err(|_| "预渲染的结果不是 UTF-8".to_string())?;
    if app.trim().is_empty() {
        return Err("预渲染的结果是空的".into());
    }
    frozen(&app)
}

/// The rendered app wrapped in the shell element, its text boxes live and what cannot be carried
/// into the app disabled. Refused when it holds
/// anything the page's Content-Security-Policy would block or that would run: a script, an
/// inline style, an event-handler attribute.
pub fn frozen(app: &str) -> Result<String, String> {
    if !tags_with(app, "script", &[]).is_empty() || app.to_lowercase().contains("<script") {
        return Err("预渲染的页面里有 <script>".into());
    }
    let attribute = Regex::new(r#"(?i)<[a-z][^>]*\s(style|on[a-z]+)\s*="#).expect("a valid pattern");
    if let Some(c) = attribute.captures(app) {
        return Err(format!("预渲染的页面里有 {} 属性（安全策略不允许，或会执行脚本）", &c[1]));
    }
    let boxes = Regex::new(r#"(?i)<(input|textarea|select)\b([^>]*)>"#).expect("a valid pattern");
    let app = boxes.replace_all(app, |c: &regex::Captures| {
        let attrs = &c[2];
        let file = Regex::new(r#"(?i)\stype\s*=\s*["']?(file|checkbox|radio)\b"#).expect("a valid pattern").is_match(attrs);
        let (attrs, closing) = match attrs.strip_suffix('/') {
            Some(inner) => (inner, "/"),
            None => (attrs, ""),
        };
        let extra = if file || c[1].eq_ignore_ascii_case("select") { " disabled" } else { "" };
        format!("<{}{attrs}{extra}{closing}>", &c[1])
    });
    Ok(format!(r#"<div id="{SHELL_ID}">{app}</div>"#))
}

/// The page with the shell as the last thing in <body> (after the boot script and <noscript>).
pub fn with_shell(page: &str, shell: &str) -> Result<String, String> {
    if page.contains(&format!(r#"id="{SHELL_ID}""#)) {
        return Err("index.html 里已经有预渲染的页面".into());
    }
    crate::html::at_body_end(page, shell)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Valid HTML in the shell: every id once, and none a rendered bool (`id="false"`), which
    /// is what a `bool` passed where Yew wants an id would print.
    #[test]
    fn the_shells_ids_are_unique_and_none_is_a_bool() {
        let shell = shell().unwrap();
        let ids: Vec<&str> = Regex::new(r#"\sid="([^"]*)""#).unwrap().captures_iter(&shell).map(|c| c.get(1).unwrap().as_str()).collect();
        assert!(ids.len() >= 5, "the shell names its parts by id: {ids:?}");
        let mut seen = std::collections::HashSet::new();
        let twice: Vec<&&str> = ids.iter().filter(|id| !seen.insert(**id)).collect();
        assert!(twice.is_empty(), "ids used twice in the shell: {twice:?}");
        assert!(!ids.iter().any(|id| matches!(*id, "true" | "false" | "")), "an id that is a bool or empty: {ids:?}");
    }

    #[test]
    fn the_shell_is_the_new_drafts_first_step_with_live_text_boxes() {
        let shell = shell().unwrap();
        assert!(shell.starts_with(r#"<div id="gongwen-shell"><div class="app">"#), "{}", &shell[..200]);
        assert!(shell.contains(r#"data-step="title""#) && shell.contains("正在编辑：未命名草稿") && shell.contains("从这里开始："));
        let first = Regex::new(r#"<input\b[^>]*data-slot="unit"[^>]*>"#).unwrap();
        let inputs: Vec<&str> = Regex::new(r"<input\b[^>]*>").unwrap().find_iter(&shell).map(|m| m.as_str()).collect();
        let field = first.find(&shell).unwrap_or_else(|| panic!("the title's first field: {inputs:?}")).as_str();
        assert!(!field.contains(" readonly") && !field.contains(" disabled") && field.contains(r#"id=""#), "{field}");
        let open = Regex::new(r#"<input type="file" id="open-draft"[^>]*>"#).unwrap();
        assert!(open.find(&shell).expect("the file input").as_str().contains(" disabled"));
        // Every text box has an id, by which the app's box of the same id takes what was typed.
        for tag in Regex::new(r#"(?i)<(input|textarea)\b[^>]*>"#).unwrap().find_iter(&shell) {
            let t = tag.as_str();
            let text = !Regex::new(r#"(?i)type="(file|checkbox|radio)""#).unwrap().is_match(t);
            assert!(if text { t.contains(" id=\"") && !t.contains(" readonly") } else { t.contains(" disabled") }, "{t}");
        }
    }

    #[test]
    fn markup_the_policy_would_block_is_refused() {
        assert!(frozen("<p>a</p><script>x()</script>").unwrap_err().contains("script"));
        assert!(frozen(r#"<p style="color:red">a</p>"#).unwrap_err().contains("style"));
        assert!(frozen(r#"<button onclick="x()">a</button>"#).unwrap_err().contains("onclick"));
        assert_eq!(
            frozen(r#"<input type="text" value="a"/><textarea rows="1"></textarea>"#).unwrap(),
            r#"<div id="gongwen-shell"><input type="text" value="a"/><textarea rows="1"></textarea></div>"#
        );
    }

    #[test]
    fn the_shell_goes_last_in_the_body_once() {
        let page = "<html><body><script id=gongwen-boot>b()</script><noscript>n</noscript></body></html>";
        let with = with_shell(page, &frozen("<p>a</p>").unwrap()).unwrap();
        assert!(with.ends_with(r#"<noscript>n</noscript><div id="gongwen-shell"><p>a</p></div></body></html>"#), "{with}");
        assert!(with_shell(&with, "x").unwrap_err().contains("已经有"));
        assert!(with_shell("<html></html>", "x").unwrap_err().contains("实有 0 个"));
    }
}
