//! The served page's files, as trunk wrote them before `cargo xtask dist` did it itself: the
//! app compiled for wasm32 (`gongwen-web`), wasm-bindgen's glue and module (the CLI of the
//! version Cargo.lock pins), wasm-opt for Chromium 86, the CSS minified (lightningcss) and the
//! icon, each under a name with a hash of its content (so a server may cache them for long), and
//! index.html written from the page's template (`index.html` at the repository's root) with the
//! module loader of `boot.rs`. The steps after this one (csp.rs, …) add the rest.
use crate::boot::Loader;
use crate::dist::{root, run, wasm_command, wasm_opt, Route};
use sha2::{Digest, Sha256};
use std::path::Path;

/// The page's template: the `{{NAME}}` placeholders are filled in by `page`.
const TEMPLATE: &str = include_str!("../../index.html");
const STYLES: &str = "styles/app.css";
const ICON: &str = "assets/favicon.svg";
/// The name wasm-bindgen's glue gives the module's exports on `window` (as trunk's loader did).
const BINDINGS: &str = "wasmBindings";

/// The first 16 hex digits of the content's SHA-256.
pub fn hash(content: &[u8]) -> String {
    Sha256::digest(content).iter().take(8).map(|b| format!("{b:02x}")).collect()
}

/// `stem-HASH.ext`, HASH from the content.
pub fn hashed(stem: &str, ext: &str, content: &[u8]) -> String {
    format!("{stem}-{}.{ext}", hash(content))
}

/// The version of a package Cargo.lock pins.
fn locked_version(lock: &str, package: &str) -> Option<String> {
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == format!("name = \"{package}\"") {
            return lines.next()?.strip_prefix("version = \"")?.strip_suffix('"').map(str::to_string);
        }
    }
    None
}

/// The wasm-bindgen CLI on PATH, refused unless it is the version of the wasm-bindgen crate in
/// Cargo.lock (the glue and the module must come from the same version).
fn wasm_bindgen() -> Result<(), String> {
    let lock = crate::html::read_text(&root().join("Cargo.lock"))?;
    let want = locked_version(&lock, "wasm-bindgen").ok_or("Cargo.lock 里没有 wasm-bindgen")?;
    let out = std::process::Command::new("wasm-bindgen")
        .arg("--version")
        .output()
        .map_err(|e| format!("找不到 wasm-bindgen（scripts/lib.sh 的 ensure_wasm_bindgen 会安装 {want} 版）：{e}"))?;
    let have = String::from_utf8_lossy(&out.stdout).trim().to_string();
    if have != format!("wasm-bindgen {want}") {
        return Err(format!("wasm-bindgen 的版本是“{have}”，应与 Cargo.lock 一致：{want}"));
    }
    Ok(())
}

/// The stylesheet minified as trunk did (lightningcss, its defaults); a stylesheet it cannot
/// read stops the build.
pub fn minify_css(css: &str) -> Result<String, String> {
    gongwen_css_minify::minify(css).map_err(|e| format!("{STYLES} 无法压缩：{e}"))
}

/// DIST emptied for a new build: refused when it holds files but no index.html (not a build).
fn fresh_dist(dist: &Path) -> Result<(), String> {
    if dist.exists() {
        let empty = std::fs::read_dir(dist).map_err(|e| format!("读不了 {}：{e}", dist.display()))?.next().is_none();
        if !empty && !dist.join("index.html").is_file() {
            return Err(format!("{} 里有文件却没有 index.html，不像以前的构建结果：不删除它", dist.display()));
        }
        std::fs::remove_dir_all(dist).map_err(|e| format!("删不掉旧的 {}：{e}", dist.display()))?;
    }
    std::fs::create_dir_all(dist).map_err(|e| format!("建不了 {}：{e}", dist.display()))
}

fn copy_into(dist: &Path, name: &str, bytes: &[u8]) -> Result<(), String> {
    crate::html::write(&dist.join(name), bytes)
}

/// The app compiled and the served page's files written into a fresh DIST, with 模板制作's
/// module (built before, `workshop.rs`) under `workshop/` and named in the loader.
pub fn build(route: Route, dist: &Path, workshop: Option<&crate::workshop::Built>) -> Result<(), String> {
    wasm_bindgen()?;
    let target = root().join("target");
    let mut cargo = wasm_command("cargo", route);
    cargo.args(["build", "--locked", "--release", "--target", "wasm32-unknown-unknown", "--bin", "gongwen-web"]);
    run("编译应用（wasm32）", &mut cargo)?;
    let compiled = target.join("wasm32-unknown-unknown/release/gongwen-web.wasm");

    // wasm-bindgen into a folder of its own, emptied first: nothing left from another build.
    let bindgen = target.join("wasm-bindgen/release");
    let _ = std::fs::remove_dir_all(&bindgen);
    let mut command = std::process::Command::new("wasm-bindgen");
    command
        .arg("--target=web")
        .arg(format!("--out-dir={}", bindgen.display()))
        .arg("--out-name=gongwen-web")
        .arg(&compiled)
        .arg("--no-typescript");
    run("wasm-bindgen", &mut command)?;
    if bindgen.join("snippets").exists() {
        return Err("wasm-bindgen 生成了 snippets/（#[wasm_bindgen(module = …)]）：单文件版无法内联，请不要引入 JS 片段".into());
    }
    let read = |p: &Path| std::fs::read(p).map_err(|e| format!("读不了 {}：{e}", p.display()));
    let glue = read(&bindgen.join("gongwen-web.js"))?;
    let stem = format!("gongwen-web-{}", hash(&read(&compiled)?));

    fresh_dist(dist)?;
    let wasm_name = format!("{stem}_bg.wasm");
    let glue_name = format!("{stem}.js");
    wasm_opt(
        &bindgen.join("gongwen-web_bg.wasm"),
        &dist.join(&wasm_name),
        &["--low-memory-unused", "--strip-producers", "--strip-target-features"],
    )?;
    copy_into(dist, &glue_name, &glue)?;
    let css = minify_css(&crate::html::read_text(&root().join(STYLES))?)?;
    let css_name = hashed("app", "css", css.as_bytes());
    copy_into(dist, &css_name, css.as_bytes())?;
    let icon = read(&root().join(ICON))?;
    let icon_name = hashed("favicon", "svg", &icon);
    copy_into(dist, &icon_name, &icon)?;

    let workshop = match workshop {
        Some(built) => Some(format!("./{}", built.write(dist)?)),
        None => None,
    };
    let loader = Loader { glue: format!("./{glue_name}"), wasm: format!("./{wasm_name}"), bindings: Some(BINDINGS.to_string()), workshop };
    let page = index_html(&loader, &css_name, &icon_name)?;
    copy_into(dist, "index.html", page.as_bytes())
}

/// index.html from the template: the stylesheet, the icon, the preloads and the module loader.
pub fn index_html(loader: &Loader, css: &str, icon: &str) -> Result<String, String> {
    let served = loader.served()?;
    crate::html::guard_inline(&served, "</script", "加载脚本")?;
    crate::boot::fill(
        "index.html",
        TEMPLATE,
        &[
            ("ICON", &format!("./{icon}")),
            ("STYLESHEET", &format!("./{css}")),
            ("TEMPLATE_INDEX", gongwen_shared::TEMPLATE_INDEX_PATH),
            ("GLUE", &loader.glue),
            ("WASM", &loader.wasm),
            ("LOADER", &served),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::html::{one_tag, tags_with};

    #[test]
    fn the_page_names_its_hashed_files_and_carries_the_loader() {
        let loader = Loader {
            glue: "./gongwen-web-1a2b.js".into(),
            wasm: "./gongwen-web-1a2b_bg.wasm".into(),
            bindings: Some(BINDINGS.into()),
            workshop: Some("./workshop/start-9f.js".into()),
        };
        let page = index_html(&loader, "app-3c4d.css", "favicon-5e6f.svg").unwrap();
        assert_eq!(one_tag(&page, "link", "样式表", &[("rel", "stylesheet")]).unwrap().attrs["href"], "./app-3c4d.css");
        assert_eq!(one_tag(&page, "link", "图标", &[("rel", "icon")]).unwrap().attrs["href"], "./favicon-5e6f.svg");
        assert_eq!(one_tag(&page, "link", "预载", &[("rel", "modulepreload")]).unwrap().attrs["href"], "./gongwen-web-1a2b.js");
        assert_eq!(tags_with(&page, "link", &[("rel", "preload"), ("href", "./gongwen-web-1a2b_bg.wasm")]).len(), 1);
        assert_eq!(tags_with(&page, "link", &[("rel", "preload"), ("href", "templates/index.json")]).len(), 1);
        let script = one_tag(&page, "script", "加载脚本", &[("type", "module")]).unwrap();
        assert_eq!(Loader::from_served(&script.content).unwrap(), loader);
        assert!(page.contains("<meta charset=\"utf-8\">") && page.contains("<body>") && page.contains("</body>"), "{page}");
    }

    #[test]
    fn names_carry_a_hash_of_the_content() {
        assert_eq!(hashed("app", "css", b""), "app-e3b0c44298fc1c14.css");
        assert_ne!(hashed("app", "css", b"a"), hashed("app", "css", b"b"));
    }

    #[test]
    fn the_locked_wasm_bindgen_is_read_from_the_lock_file() {
        let lock =
            "[[package]]\nname = \"wasm-bindgen-macro\"\nversion = \"9\"\n\n[[package]]\nname = \"wasm-bindgen\"\nversion = \"0.2.130\"\n";
        assert_eq!(locked_version(lock, "wasm-bindgen").as_deref(), Some("0.2.130"));
        assert_eq!(locked_version(lock, "yew"), None);
    }

    #[test]
    fn the_stylesheet_is_minified() {
        assert_eq!(minify_css("a {\n  color: #ff0000;\n}\n").unwrap(), "a{color:red}");
        let real = minify_css(&crate::html::read_text(&root().join(STYLES)).unwrap()).unwrap();
        // The stylesheet names the prerendered shell by the id the page gives it.
        assert!(real.contains(&format!("#{}", gongwen_shared::SHELL_ID)) && !real.contains("\n  "), "{}", &real[..200]);
    }
}
