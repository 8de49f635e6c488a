//! DIST/公文起草助手.html: the whole app in one file that works from file://.
//!
//! A clerk copies this one file to a USB stick or a share and double-clicks it: no server. From
//! file:// the browser neither fetches the .wasm by URL nor imports the JS module trunk wrote, so
//! everything goes inline:
//!
//! - the wasm-bindgen glue becomes the body of one inline module script (its `export`s dropped:
//!   nothing imports it), followed by a small loader;
//! - the .wasm, already LZMA-packed (`xtask wasm-lzma`), is base64-encoded into a data block
//!   (<script type="application/octet-stream">, which is never run); the loader decodes it
//!   (Uint8Array.fromBase64, or atob), unpacks it with the decoder module index.html carries
//!   (`#gongwen-unpack`, kept as it is) and hands the bytes to the glue's init — no fetch at
//!   all, not even of a data: URL;
//! - the .docx reader module (`xtask reader`), packed, as a base64 data block
//!   (`#gongwen-docx-reader`) that the page reads when a Word file is opened;
//! - 模板制作's module (`xtask/src/workshop.rs`), packed, as a base64 data block
//!   (`#gongwen-workshop`), and its glue with its start in a block that is never run
//!   (`<script type="text/plain" id="gongwen-workshop-code">`): the app's loader makes it a module
//!   script (allowed by its hash) only when the clerk opens the workshop, so a clerk who never
//!   opens it pays nothing for compiling it;
//! - every built-in report template (`templates/` of the build) becomes a JSON data block,
//!   `<script type="application/json" data-template="ID">`, never run (so the policy needs no
//!   hash for it), which the page reads before it would fetch anything;
//! - the boot script gets the single file's messages; the CSS becomes a <style>, the icon a data:
//!   URL.
//!
//! The page's Content-Security-Policy is then strict: nothing may be loaded or connected to
//! (default-src 'none', connect-src 'none'), the scripts and the style are allowed by their
//! SHA-256 hashes, and 'unsafe-eval' lets the glue compile the bytes (see csp.rs).
use crate::boot::{boot_script, single_file_loader, single_file_workshop, Loader, Page};
use crate::html::{self, guard_inline, local_file, one_tag, read_text, sha256_source, tags_with, Tag};
use crate::wasm_lzma::{compress, is_packed, module_bytes, DECODER_ID};
use base64::Engine;
use gongwen_shared as shared;
use regex::Regex;
use std::path::Path;

pub const OUTPUT_NAME: &str = "公文起草助手.html";
/// The size the single file must stay under (the browser test holds it to this too).
pub const LIMIT_BYTES: usize = 1_000_000;

const POLICY: &str = "default-src 'none'; script-src {script} 'unsafe-eval'; style-src {style}; \
     img-src data: blob:; connect-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'";

pub fn run(dist: &Path) -> Result<(), String> {
    let (single, wasm, zipped) = build(dist).map_err(|e| format!("无法生成单文件版：{e}"))?;
    let path = dist.join(OUTPUT_NAME);
    html::write(&path, single.as_bytes())?;
    println!(
        "单文件版：{}，{} 字节（上限 {LIMIT_BYTES}）；其中 wasm {wasm} 字节，LZMA 压缩后 {zipped} 字节，base64 内嵌",
        path.display(),
        single.len()
    );
    if single.len() > LIMIT_BYTES {
        return Err(format!("单文件版超过 {LIMIT_BYTES} 字节的上限"));
    }
    Ok(())
}

/// The wasm-bindgen glue without its exports, and the name of its default export (init).
pub fn glue_as_script(js: &str) -> Result<(String, String), String> {
    if Regex::new(r"(?m)^\s*import\b|\bimport\s*\(").expect("a valid pattern").is_match(js) {
        return Err("wasm-bindgen 的 JS 里有 import（snippets？），单文件无法内联".into());
    }
    let mut js = js.to_string();
    let mut init = None;
    let default = Regex::new(r"(?m)^export default (\w+);\s*$").expect("a valid pattern");
    if let Some(c) = default.captures(&js) {
        init = Some(c[1].to_string());
        let whole = c.get(0).expect("the whole match").range();
        js.replace_range(whole, "");
    }
    // `export { initSync };` or `export { initSync, __wbg_init as default };`
    let list = Regex::new(r"(?m)^export\s*\{([^}]*)\};?\s*$").expect("a valid pattern");
    while let Some(c) = list.captures(&js) {
        for item in c[1].split(',') {
            let parts: Vec<&str> = item.split_whitespace().collect();
            if parts.len() == 3 && parts[1] == "as" && parts[2] == "default" {
                init = Some(parts[0].to_string());
            } else if parts.len() != 1 {
                return Err(format!("不认识的导出写法：{}", c[0].trim()));
            }
        }
        let whole = c.get(0).expect("the whole match").range();
        js.replace_range(whole, "");
    }
    let js = Regex::new(r"(?m)^export (async function|function|class|const|let|var) ")
        .expect("a valid pattern")
        .replace_all(&js, "$1 ")
        .into_owned();
    let left = Regex::new(r"(?m)^\s*export\b.*$").expect("a valid pattern");
    if let Some(m) = left.find(&js) {
        return Err(format!("wasm-bindgen 的 JS 里还有没处理的导出：{}", m.as_str().trim()));
    }
    let defined =
        |name: &str| Regex::new(&format!(r"\b(async function|function) {}\b", regex::escape(name))).expect("a valid pattern").is_match(&js);
    let init = init.filter(|name| defined(name)).ok_or("wasm-bindgen 的 JS 里找不到初始化函数（export default）")?;
    if !js.contains("module_or_path") {
        return Err("wasm-bindgen 的初始化函数不接受 { module_or_path }（版本不对？）".into());
    }
    Ok((js, init))
}

fn read_bytes(path: &Path) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|e| format!("读不了 {}：{e}", path.display()))
}

/// The single file, the .wasm's size and its packed size.
pub fn build(dist: &Path) -> Result<(String, usize, usize), String> {
    let page = read_text(&dist.join("index.html"))?;

    // The served page's loader (xtask csp wrote it from trunk's): the glue and the .wasm.
    let loader = one_tag(&page, "script", "内联加载脚本（<script type=\"module\">）", &[("type", "module")])?;
    let Loader { glue, wasm: wasm_href, workshop, .. } = Loader::from_served(&loader.content)?;
    let (glue, init) = glue_as_script(&read_text(&local_file(dist, &glue)?)?)?;
    let script = glue + &single_file_loader(&init, workshop.is_some())?;
    guard_inline(&script, "</script", "内联脚本")?;
    let boot_tag = one_tag(&page, "script", "启动脚本（<script id=gongwen-boot>）", &[("id", shared::BOOT_ID)])?;
    // The returning clerk's first screen (csp.rs put it after the prerendered one).
    let restore = one_tag(&page, "script", "首屏恢复脚本", &[("id", crate::boot::RESTORE_ID)])?.content;
    // 模板制作: its packed module and its code, after the app's; the code's hash is in the policy
    // for the module script the app's loader makes of it when the workshop is opened.
    let (workshop_html, workshop_script) = match &workshop {
        Some(_) => workshop_blocks(dist)?,
        None => (String::new(), String::new()),
    };
    let mut later = vec![sha256_source(&script), sha256_source(&restore)];
    if !workshop_script.is_empty() {
        later.push(sha256_source(&workshop_script));
    }
    let boot = boot_script(Page::SingleFile, wasm_href.trim_start_matches("./"), &later)?;

    // `xtask wasm-lzma` left it packed: embedded as it is; a raw one (a build by hand) is packed
    // here. Its decoder is in the page already (`#gongwen-unpack`).
    let file = read_bytes(&local_file(dist, &wasm_href)?)?;
    let wasm = module_bytes(&file).map_err(|e| format!("{wasm_href}：{e}"))?;
    let zipped = if is_packed(&file) { file } else { compress(&wasm)? };
    if !page.contains(&format!("id=\"{DECODER_ID}\"")) {
        return Err("index.html 里没有解码器（xtask wasm-lzma 没有运行？）".into());
    }
    let encoded = base64::engine::general_purpose::STANDARD.encode(&zipped);

    let css_link = one_tag(&page, "link", "样式表链接", &[("rel", "stylesheet")])?;
    let css_href = css_link.attrs.get("href").cloned().unwrap_or_default();
    let css = read_text(&local_file(dist, &css_href)?)?.trim().to_string();
    guard_inline(&css, "</style", "样式表")?;
    let outside_url =
        Regex::new(r#"url\(\s*['"]?"#).expect("a valid pattern").find_iter(&css).any(|m| !css[m.end()..].starts_with("data:"));
    if css.contains("@import") || outside_url {
        return Err("样式表引用了别的文件（@import 或 url()），单文件里会缺".into());
    }

    let icon_link = one_tag(&page, "link", "图标链接", &[("rel", "icon")])?;
    let icon_href = icon_link.attrs.get("href").cloned().unwrap_or_default();
    if !icon_href.ends_with(".svg") {
        return Err(format!("图标 {icon_href} 不是 SVG"));
    }
    let icon = format!(
        "data:image/svg+xml;base64,{}",
        base64::engine::general_purpose::STANDARD.encode(read_bytes(&local_file(dist, &icon_href)?)?)
    );

    let policy =
        POLICY.replace("{script}", &format!("{} {}", sha256_source(&boot), later.join(" "))).replace("{style}", &sha256_source(&css));
    let csp = one_tag(&page, "meta", "安全策略（CSP）", &[("http-equiv", "Content-Security-Policy")])?;
    // The data blocks and the module go last in <body>, after the first screen: nearly half a
    // megabyte of text that the browser need not parse before it shows the form. (The module runs
    // once the page is parsed, wherever it is.)
    let at_end = format!(
        "{}{}<script type=\"application/octet-stream\" id=\"{}\">{encoded}</script>\n<script type=\"module\">{script}</script>{workshop_html}",
        template_blocks(dist)?,
        reader_block(dist)?,
        shared::WASM_BLOCK_ID
    );
    let mut replacements: Vec<(Tag, String)> = vec![
        (css_link, format!("<style>{css}</style>")),
        (icon_link, format!(r#"<link rel="icon" href="{icon}">"#)),
        (loader, String::new()),
        (boot_tag, format!(r#"<script id="{}">{boot}</script>"#, shared::BOOT_ID)),
        (csp, format!(r#"<meta http-equiv="Content-Security-Policy" content="{policy}">"#)),
    ];
    // The preloads of the .js and .wasm: nothing to fetch any more.
    for rel in ["modulepreload", "preload"] {
        for preload in tags_with(&page, "link", &[("rel", rel)]) {
            replacements.push((preload, String::new()));
        }
    }
    let single = html::at_body_end(&html::replace_tags(&page, replacements), &at_end)?;

    // Nothing may point at another file: every src/href attribute left must be a data: URL or a
    // place in the page itself (the prerendered skip link's `#step-view`).
    let mut markup = single.clone();
    for element in ["script", "style"] {
        let inside = Regex::new(&format!(r"(?is)(<{element}\b[^>]*>).*?(</{element}>)")).expect("a valid pattern");
        markup = inside.replace_all(&markup, "$1$2").into_owned();
    }
    let reference = Regex::new(r#"\s(?:src|href)\s*=\s*["']?([^"' >]*)"#).expect("a valid pattern");
    let outside: Vec<&str> = reference
        .captures_iter(&markup)
        .map(|c| c.get(1).map_or("", |m| m.as_str()))
        .filter(|url| !url.starts_with("data:") && !url.starts_with('#'))
        .collect();
    if !outside.is_empty() {
        return Err(format!("单文件里还有对其他文件的引用：{outside:?}"));
    }
    Ok((single, wasm.len(), zipped.len()))
}

/// The .docx reader module (`xtask reader`, already packed) as a base64 data block, which the
/// page reads instead of fetching `reader/docx.lzma`; nothing when the build has none.
fn reader_block(dist: &Path) -> Result<String, String> {
    let path = dist.join(crate::reader::PATH);
    if !path.exists() {
        println!("单文件版里没有 Word 读取模块（{} 不存在）", path.display());
        return Ok(String::new());
    }
    let encoded = base64::engine::general_purpose::STANDARD.encode(read_bytes(&path)?);
    Ok(format!("<script type=\"application/octet-stream\" id=\"{}\">{encoded}</script>\n", crate::reader::BLOCK_ID))
}

/// 模板制作 (`xtask/src/workshop.rs`): its packed module as a base64 data block and its glue
/// with its start (boot.rs `single_file_workshop`) in a block that is not run
/// (`workshop::CODE_ID`); the markup, and the code (for the policy's hash).
fn workshop_blocks(dist: &Path) -> Result<(String, String), String> {
    let (glue_path, wasm_path) = crate::workshop::files(dist)?;
    let (glue, init) = glue_as_script(&read_text(&glue_path)?).map_err(|e| format!("“模板制作”模块：{e}"))?;
    let script = single_file_workshop(&glue, &init)?;
    guard_inline(&script, "</script", "“模板制作”的内联脚本")?;
    let packed = read_bytes(&wasm_path)?;
    module_bytes(&packed).map_err(|e| format!("{}：{e}", wasm_path.display()))?;
    let encoded = base64::engine::general_purpose::STANDARD.encode(&packed);
    let html = format!(
        "\n<script type=\"application/octet-stream\" id=\"{}\">{encoded}</script>\n<script type=\"text/plain\" id=\"{}\">{script}</script>",
        crate::workshop::BLOCK_ID,
        crate::workshop::CODE_ID
    );
    Ok((html, script))
}

/// Each built-in template as a JSON data block. `</` is written `<\/` (the same string in JSON),
/// so no template text can end its block.
fn template_blocks(dist: &Path) -> Result<String, String> {
    let (_, built) = crate::templates::read(&dist.join(crate::templates::DIR))?;
    let mut out = String::new();
    for t in built {
        if !t.id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
            return Err(format!("模板 id“{}”只能用字母、数字、- 和 _", t.id));
        }
        out += &format!("<script type=\"application/json\" data-template=\"{}\">{}</script>\n", t.id, t.json.replace("</", "<\\/"));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_go_in_as_data_blocks_that_cannot_end_early() {
        let dir = std::env::temp_dir().join(format!("xtask-single-{}", std::process::id()));
        let folder = dir.join(crate::templates::DIR);
        std::fs::create_dir_all(&folder).unwrap();
        std::fs::write(folder.join("index.json"), r#"{"format":2,"templates":[{"id":"a-1","file":"a.json"}]}"#).unwrap();
        std::fs::write(folder.join("a.json"), r#"{"id":"a-1","name":"</script><b>"}"#).unwrap();
        let blocks = template_blocks(&dir).unwrap();
        assert_eq!(
            blocks,
            "<script type=\"application/json\" data-template=\"a-1\">{\"id\":\"a-1\",\"name\":\"<\\/script><b>\"}</script>\n"
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn the_glue_loses_its_exports_and_names_its_init() {
        let glue =
            "export function greet() {}\nasync function __wbg_init(module_or_path) {}\nexport { initSync, __wbg_init as default };\n";
        let (js, init) = glue_as_script(glue).unwrap();
        assert_eq!(init, "__wbg_init");
        assert!(!js.contains("export"), "{js}");
        assert!(js.starts_with("function greet() {}"), "{js}");
        let older = "async function init(module_or_path) {}\nexport { initSync }\nexport default init;\n";
        assert_eq!(glue_as_script(older).unwrap().1, "init");
    }

    #[test]
    fn glue_it_cannot_inline_is_refused() {
        let with_import = "import { a } from './snippets/x.js';\nasync function init(module_or_path) {}\nexport default init;\n";
        assert!(glue_as_script(with_import).unwrap_err().contains("import"));
        let odd_export = "async function init(module_or_path) {}\nexport { a as b };\nexport default init;\n";
        assert!(glue_as_script(odd_export).unwrap_err().contains("不认识的导出写法"));
        let no_init = "function f(module_or_path) {}\n";
        assert!(glue_as_script(no_init).unwrap_err().contains("找不到初始化函数"));
        let left = "async function init(module_or_path) {}\n  export * from './x';\nexport default init;\n";
        assert!(glue_as_script(left).is_err());
        let old_init = "async function init(input) {}\nexport default init;\n";
        assert!(glue_as_script(old_init).unwrap_err().contains("module_or_path"));
    }
}
