//! Just enough HTML to find trunk's tags in its (minified) index.html and to put text inline.
use base64::Engine;
use regex::Regex;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// One tag found in the page: where it is (with the whitespace after a start tag such as
/// `<link>`, or up to `</script>`), its attributes and, for a script, its content.
#[derive(Debug)]
pub struct Tag {
    pub start: usize,
    pub end: usize,
    pub attrs: HashMap<String, String>,
    pub content: String,
}

/// The attributes of a start tag, quoted or not (the release build minifies the page).
pub fn attributes(tag: &str) -> HashMap<String, String> {
    let inside = Regex::new(r"(?s)^<\w+\s*(.*?)/?>$").expect("a valid pattern");
    let attribute = Regex::new(r#"([\w:-]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+))?"#).expect("a valid pattern");
    let text = inside.captures(tag).and_then(|c| c.get(1)).map_or("", |m| m.as_str());
    let mut found = HashMap::new();
    for c in attribute.captures_iter(text) {
        let value = c.get(2).map_or("", |m| m.as_str());
        let quoted = value.len() >= 2 && (value.starts_with('"') || value.starts_with('\''));
        let value = if quoted { &value[1..value.len() - 1] } else { value };
        found.insert(c[1].to_lowercase(), value.to_string());
    }
    found
}

/// Every `<name …>` tag (with its content, for script) whose attributes have the wanted
/// values, in any order and quoting.
pub fn tags_with(html: &str, name: &str, wanted: &[(&str, &str)]) -> Vec<Tag> {
    let pattern = if name == "script" { format!(r"(?is)<{name}\b[^>]*>(.*?)</{name}>") } else { format!(r"(?is)<{name}\b[^>]*>\s*") };
    let start_tag = Regex::new(r"^<[^>]*>").expect("a valid pattern");
    let mut found = Vec::new();
    for c in Regex::new(&pattern).expect("a valid pattern").captures_iter(html) {
        let whole = c.get(0).expect("the whole match");
        let attrs = start_tag.find(whole.as_str()).map(|m| attributes(m.as_str())).unwrap_or_default();
        if wanted.iter().all(|(k, v)| attrs.get(*k).map(String::as_str) == Some(*v)) {
            let content = c.get(1).map_or(String::new(), |m| m.as_str().to_string());
            found.push(Tag { start: whole.start(), end: whole.end(), attrs, content });
        }
    }
    found
}

/// The one tag that must be there: an error naming it when there are none or several.
pub fn one_tag(html: &str, name: &str, what: &str, wanted: &[(&str, &str)]) -> Result<Tag, String> {
    let mut found = tags_with(html, name, wanted);
    if found.len() != 1 {
        return Err(format!("index.html 里应有 1 个{what}，实有 {} 个", found.len()));
    }
    Ok(found.remove(0))
}

/// The page with `text` put last in its one <body> (before `</body>`).
pub fn at_body_end(page: &str, text: &str) -> Result<String, String> {
    let ends: Vec<_> = page.match_indices("</body>").collect();
    let [(at, _)] = ends[..] else {
        return Err(format!("index.html 里应有 1 个 </body>，实有 {} 个", ends.len()));
    };
    Ok(format!("{}{text}{}", &page[..at], &page[at..]))
}

/// Text put between <script> or <style> tags must not end the element or open a comment.
pub fn guard_inline(text: &str, closing: &str, what: &str) -> Result<(), String> {
    let lowered = text.to_lowercase();
    for bad in [closing, "<!--", "<script"] {
        if lowered.contains(bad) {
            return Err(format!("{what} 含有 {bad:?}，不能原样内联"));
        }
    }
    Ok(())
}

/// A CSP source allowing exactly this inline text: `'sha256-…'`.
pub fn sha256_source(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    format!("'sha256-{}'", base64::engine::general_purpose::STANDARD.encode(digest))
}

/// The file in `dist` that a page address such as `./app-1234.js` names.
pub fn local_file(dist: &Path, href: &str) -> Result<PathBuf, String> {
    let name = href.strip_prefix("./").unwrap_or(href);
    if name.contains('/') || name.is_empty() || name.starts_with('.') {
        return Err(format!("不认识的文件地址 {href:?}（应是 dist/ 里的 ./文件名）"));
    }
    let path = dist.join(name);
    if !path.is_file() {
        return Err(format!("index.html 引用的 {href} 不在 {} 里", dist.display()));
    }
    Ok(path)
}

pub fn read_text(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("读不了 {}：{e}", path.display()))
}

pub fn write(path: &Path, data: &[u8]) -> Result<(), String> {
    std::fs::write(path, data).map_err(|e| format!("写不了 {}：{e}", path.display()))
}

/// `html` with each (tag, replacement) put in place, the tags in any order.
pub fn replace_tags(html: &str, mut replacements: Vec<(Tag, String)>) -> String {
    replacements.sort_by_key(|(tag, _)| tag.start);
    let (mut out, mut at) = (String::new(), 0);
    for (tag, text) in replacements {
        out.push_str(&html[at..tag.start]);
        out.push_str(&text);
        at = tag.end;
    }
    out.push_str(&html[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attributes_are_read_quoted_or_not() {
        let a = attributes(r#"<link rel=stylesheet href="./a b.css" data-x='y' defer>"#);
        assert_eq!(a["rel"], "stylesheet");
        assert_eq!(a["href"], "./a b.css");
        assert_eq!(a["data-x"], "y");
        assert_eq!(a["defer"], "");
    }

    #[test]
    fn tags_are_found_by_their_attributes() {
        let html = r#"<script type=module>a()</script><script>b()</script><link rel=icon href=x.svg> <p>"#;
        let modules = tags_with(html, "script", &[("type", "module")]);
        assert_eq!(modules.len(), 1);
        assert_eq!(modules[0].content, "a()");
        assert_eq!(tags_with(html, "script", &[]).len(), 2);
        let icon = one_tag(html, "link", "图标", &[("rel", "icon")]).unwrap();
        assert_eq!(&html[icon.start..icon.end], "<link rel=icon href=x.svg> ");
        assert!(one_tag(html, "link", "样式表链接", &[("rel", "stylesheet")]).unwrap_err().contains("实有 0 个"));
    }

    #[test]
    fn hashes_are_csp_sources() {
        // printf '' | openssl dgst -sha256 -binary | base64
        assert_eq!(sha256_source(""), "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='");
    }

    #[test]
    fn inline_text_may_not_close_its_element() {
        assert!(guard_inline("a</SCRIPT>", "</script", "脚本").is_err());
        assert!(guard_inline("a<!-- b", "</script", "脚本").is_err());
        assert!(guard_inline("a < b", "</script", "脚本").is_ok());
    }
}
