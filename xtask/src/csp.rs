//! `xtask csp DIST` (a step of `dist`, after page.rs): the prerendered first screen, the boot
//! script, and the Content-Security-Policy.
//!
//! The wasm loader is an inline <script type="module"> (page.rs); the policy allows exactly
//! the inline scripts by their SHA-256 hashes, and nothing inline besides. The page may load its
//! own files ('self': the .js, the .wasm, the CSS, the icon) and connect nowhere else. Any
//! violation shows as a console error, which fails the browser tests.
use crate::boot::{boot_script, Loader, Page};
use crate::html::{self, one_tag, sha256_source, tags_with, Tag};
use crate::prerender;
use gongwen_shared as shared;
use regex::Regex;
use std::path::Path;

/// 'unsafe-eval' lets Chromium 86–96 compile WebAssembly ('wasm-unsafe-eval' is Chrome 97+);
/// the boot script then holds engines that know 'wasm-unsafe-eval' to a stricter second policy.
const POLICY: &str = "default-src 'self'; script-src 'self' {hashes} 'unsafe-eval'; style-src 'self'; \
     img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; \
     base-uri 'none'; form-action 'none'; frame-src 'none'; worker-src 'none'";

pub fn run(dist: &Path) -> Result<(), String> {
    let path = dist.join("index.html");
    let page = html::read_text(&path)?;
    // The template index the page reads first (src/ui/templates.rs) is preloaded by index.html.
    if tags_with(&page, "link", &[("rel", "preload"), ("href", shared::TEMPLATE_INDEX_PATH)]).len() != 1 {
        return Err(format!("index.html 应预载模板索引 {}（<link rel=preload>）", shared::TEMPLATE_INDEX_PATH));
    }
    // The first screen, rendered by the app's own components, in <body> (prerender.rs).
    // Right after it, the returning clerk's own first screen (js/restore.js).
    let restore = format!(r#"<script id="{}">{}</script>"#, crate::boot::RESTORE_ID, crate::boot::restore_script()?);
    let page = prerender::with_shell(&page, &(prerender::shell()? + &restore))?;
    html::write(&path, with_policy(&page)?.as_bytes())
}

/// The page with the boot script first in <body> and the policy; its loader must be the one
/// page.rs wrote.
pub fn with_policy(page: &str) -> Result<String, String> {
    if page.contains(r#"http-equiv="Content-Security-Policy""#)
        || !tags_with(page, "meta", &[("http-equiv", "Content-Security-Policy")]).is_empty()
    {
        return Err("index.html 已经有安全策略（CSP）".into());
    }
    let loader = one_tag(page, "script", "内联加载脚本（<script type=\"module\">）", &[("type", "module")])?;
    let build = Loader::from_served(&loader.content)?.wasm.trim_start_matches("./").to_string();
    // Every inline script but the boot script: allowed by both policies.
    let hashes: Vec<String> =
        tags_with(page, "script", &[]).iter().filter(|s| !s.content.trim().is_empty()).map(|s: &Tag| sha256_source(&s.content)).collect();

    let body = Regex::new(r"(?i)<body\b[^>]*>").expect("a valid pattern");
    let at = body.find(&page).ok_or("index.html 里没有 <body>")?.end();
    let page = format!(
        r#"{}<script id="{}">{}</script>{}"#,
        &page[..at],
        shared::BOOT_ID,
        boot_script(Page::Served, &build, &hashes)?,
        &page[at..]
    );

    let boot = one_tag(&page, "script", "启动脚本", &[("id", shared::BOOT_ID)])?;
    let hashes: Vec<String> = hashes.into_iter().chain([sha256_source(&boot.content)]).collect();
    let meta = format!(r#"<meta http-equiv="Content-Security-Policy" content="{}">"#, POLICY.replace("{hashes}", &hashes.join(" ")));
    // (the release build minifies the page: `<meta charset=utf-8>`)
    let charset = Regex::new(r#"(?i)<meta charset=["']?utf-8["']?\s*/?>"#).expect("a valid pattern");
    let at = charset.find(&page).ok_or("index.html 里没有 <meta charset> 来放安全策略")?.end();
    Ok(format!("{}{meta}{}", &page[..at], &page[at..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> String {
        let loader = Loader { glue: "./a.js".into(), wasm: "./a_bg.wasm".into(), bindings: Some("wasmBindings".into()), workshop: None };
        format!("<!doctype html><html lang=zh-CN><head><meta charset=utf-8><title>公文起草助手</title><script type=module>{}</script></head><body><noscript>x</noscript></body></html>", loader.served().unwrap())
    }

    #[test]
    fn the_policy_allows_the_inline_scripts_by_hash_and_connects_only_to_self() {
        let page = with_policy(&sample()).unwrap();
        let policy = one_tag(&page, "meta", "CSP", &[("http-equiv", "Content-Security-Policy")]).unwrap().attrs["content"].clone();
        let scripts = tags_with(&page, "script", &[]);
        assert_eq!(scripts.len(), 2);
        for s in &scripts {
            assert!(policy.contains(&sha256_source(&s.content)), "{policy}");
        }
        assert!(policy.contains("connect-src 'self';") && policy.contains("'unsafe-eval'"), "{policy}");
        assert!(!policy.contains("unsafe-inline"), "{policy}");
        assert!(page.contains("<body><script id=\"gongwen-boot\">(function () {"), "{page}");
        assert!(!scripts[0].content.contains("await"), "{}", scripts[0].content);
    }

    #[test]
    fn a_page_with_a_policy_or_without_the_loader_is_refused() {
        let once = with_policy(&sample()).unwrap();
        assert!(with_policy(&once).unwrap_err().contains("已经有安全策略"));
        let no_loader = sample().replace("type=module", "type=text/plain");
        assert!(with_policy(&no_loader).unwrap_err().contains("实有 0 个"));
        assert!(with_policy(&sample().replace("<meta charset=utf-8>", "")).unwrap_err().contains("meta charset"));
    }
}
