//! The scripts that start the app (the .js files in xtask/js/, filled in here): the module loader
//! of each page, which Chromium 86 can parse, and the classic boot script that tells a clerk in Chinese why the app
//! does not start, instead of a blank page.
use gongwen_shared as shared;
use regex::Regex;

const BOOT_JS: &str = include_str!("../js/boot.js");
const UNPACK_JS: &str = include_str!("../js/unpack.js");
const SERVED_LOADER_JS: &str = include_str!("../js/served_loader.js");
const SINGLE_FILE_LOADER_JS: &str = include_str!("../js/single_file_loader.js");
const RESTORE_JS: &str = include_str!("../js/restore.js");
const WORKSHOP_SERVED_JS: &str = include_str!("../js/workshop_served.js");
const WORKSHOP_SINGLE_FILE_JS: &str = include_str!("../js/workshop_single_file.js");
const WORKSHOP_SINGLE_FILE_OPEN_JS: &str = include_str!("../js/workshop_single_file_open.js");

/// Which page a script is for: the served index.html or the single file from file://.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Page {
    Served,
    SingleFile,
}

/// The engine is below the floor: no WebAssembly or modules (Internet Explorer, so also
/// 360's 兼容模式), or a WebAssembly engine that cannot compile the module.
fn too_old(page: Page) -> String {
    let what = match page {
        Page::Served => "本页",
        Page::SingleFile => "本文件",
    };
    format!(
        "这个浏览器版本太旧，打不开公文起草助手。用 360 安全浏览器或奇安信可信浏览器的，请点地址栏右端的图标，\
         切换到“极速模式”；也可以换用新版的 Edge、Chrome 或 Firefox 打开{what}。"
    )
}

/// Loading failed in an engine that should run the app.
fn failed(page: Page) -> &'static str {
    match page {
        Page::Served => "公文起草助手没能启动，请刷新页面再试；仍不行请联系管理员。详情：",
        Page::SingleFile => "公文起草助手没能启动，文件可能不完整，请重新复制一份。详情：",
    }
}

/// The `script-src` a modern engine is held to once the boot script has run: WebAssembly may
/// be compiled, `eval` may not (see ARCHITECTURE.md “Content-Security-Policy”). The inline
/// scripts the page parses after the boot script (`later`, their hashes) stay allowed: a policy
/// added by a <meta> applies to every script prepared after it.
fn strict_script_src(page: Page, later: &[String]) -> String {
    let own = match page {
        Page::Served => "'self' ",
        Page::SingleFile => "",
    };
    let hashes: String = later.iter().map(|hash| format!("{hash} ")).collect();
    format!("{own}{hashes}'wasm-unsafe-eval'")
}

/// A classic script in ES3 syntax (js/boot.js), first in <body>, run by every browser
/// (Internet Explorer too). It shows `too_old` when the engine lacks what the app needs
/// (WebAssembly, modules, promises; both pages unpack the module with their own decoder module),
/// and defines `gongwenBoot.failed(error)`, which the module loader calls when loading fails; an
/// error event before the app started (the glue not parsed, a script not loaded) shows it too.
/// Engines that know 'wasm-unsafe-eval' get a second, stricter policy without 'unsafe-eval'.
/// It also tells the stylesheet what the prerendered first screen (prerender.rs) may show: none
/// of it once a message is shown (`boot-failed` on <html>), and not its workspace when drafts
/// are stored (`has-drafts`: the app will open one of them, not the empty draft it shows).
/// `build` names this build (its .wasm's file name): the returning clerk's snapshot must be of
/// the same build (`restore_script`); `later` are the hashes of the inline scripts after it.
pub fn boot_script(page: Page, build: &str, later: &[String]) -> Result<String, String> {
    fill(
        "xtask/js/boot.js",
        BOOT_JS,
        &[
            ("TOO_OLD", &too_old(page)),
            ("FAILED", failed(page)),
            ("BUILD", build),
            ("STRICT", &strict_script_src(page, later)),
            ("COPY_KEY_MARK", shared::COPY_KEY_MARK),
            ("STORED_LIST", shared::STORED_LIST_KEY),
            ("STORED_OLD", shared::STORED_OLD_KEY),
        ],
    )
}

/// The classic script right after the prerendered first screen (js/restore.js): a returning
/// clerk's page as it was when last closed (kept by the same script when the page is hidden)
/// takes the first screen's place, if it is of this build and of the draft, at the revision,
/// the app will open.
pub const RESTORE_ID: &str = "gongwen-restore";

pub fn restore_script() -> Result<String, String> {
    fill(
        "xtask/js/restore.js",
        RESTORE_JS,
        &[
            ("COPY_KEY_MARK", shared::COPY_KEY_MARK),
            ("SNAPSHOT_KEY", shared::SNAPSHOT_KEY),
            ("MAX_CHARS", "400000"),
            ("STORED_LIST", shared::STORED_LIST_KEY),
            ("SHELL_ID", shared::SHELL_ID),
        ],
    )
}

/// The part both loaders share (js/unpack.js): base64 to bytes, and the packed .wasm (`xtask
/// wasm-lzma`) unpacked by the decoder module in the page's data block (`unpack/`: `alloc`,
/// `unpack`, `unpacked`, its memory). Raw WebAssembly (a build by hand) passes as it is.
fn unpack_js() -> Result<String, String> {
    fill("xtask/js/unpack.js", UNPACK_JS, &[("DECODER_ID", shared::DECODER_ID)])
}

/// What the served page's loader names: the glue module, the .wasm, the global that gets
/// the glue's exports (`window.wasmBindings = bindings;`, as trunk's loader had it), and
/// 模板制作's module, loaded when it opens.
#[derive(Debug, PartialEq, Eq)]
pub struct Loader {
    pub glue: String,
    pub wasm: String,
    pub bindings: Option<String>,
    /// 模板制作's start module beside the page (`./workshop/start-HASH.js`, `workshop.rs`).
    pub workshop: Option<String>,
}

impl Loader {
    /// The served page's loader, which `Loader::served` wrote.
    pub fn from_served(text: &str) -> Result<Loader, String> {
        let pattern = Regex::new(r"^import init(?:, \* as bindings)? from '(\./[^']+\.js)';\nconst wasmFile = '(\./[^']+\.wasm)';\n")
            .expect("a valid pattern");
        let bindings = Regex::new(r"\n  window\.(\w+) = bindings;\n").expect("a valid pattern");
        let workshop = Regex::new(r"\nwindow\.\w+ = \{ open: \(start\) => import\('(\./[^']+\.js)'\)").expect("a valid pattern");
        let unexpected = || format!("index.html 的加载脚本不是 xtask 写的：\n{text}");
        let c = pattern.captures(text).ok_or_else(unexpected)?;
        let loader = Loader {
            glue: c[1].to_string(),
            wasm: c[2].to_string(),
            bindings: bindings.captures(text).map(|b| b[1].to_string()),
            workshop: workshop.captures(text).map(|w| w[1].to_string()),
        };
        if loader.served()? != text {
            return Err(unexpected());
        }
        Ok(loader)
    }

    /// The served page's loader (js/served_loader.js), without top-level `await` (Chrome 89):
    /// Chromium 86 parses it. It fetches the .wasm, unpacks it (`unpack_js`), starts the app
    /// (`TrunkApplicationStarted`, the event trunk's loader sent, tells the boot script), and
    /// hands a failure to the boot script's Chinese message. Then 模板制作's line:
    /// `window.gongwenWorkshop.open(start)` imports the workshop's start module beside the page
    /// (js/workshop_served.js) only when the app opens the workshop, and hands it `unpacked`.
    pub fn served(&self) -> Result<String, String> {
        let (import, expose) = match &self.bindings {
            Some(name) => (", * as bindings", format!("\n  window.{name} = bindings;")),
            None => ("", String::new()),
        };
        let workshop = match &self.workshop {
            Some(start) => format!(
                "window.{} = {{ open: (start) => {} }};\n",
                shared::WORKSHOP_GLOBAL,
                workshop_told(&format!("import('{start}').then((m) => m.open(start, unpacked))"))
            ),
            None => String::new(),
        };
        fill(
            "xtask/js/served_loader.js",
            SERVED_LOADER_JS,
            &[
                ("IMPORT", import),
                ("GLUE", &self.glue),
                ("WASM", &self.wasm),
                ("UNPACK", &unpack_js()?),
                ("EXPOSE", &expose),
                ("WORKSHOP", &workshop),
            ],
        )
    }
}

/// The single file's loader, after the glue in the same module script: decodes and unpacks the
/// embedded .wasm and starts the app (no fetch at all), without top-level `await`. With
/// `workshop`, 模板制作's opener follows (`single_file_workshop_open`).
pub fn single_file_loader(init: &str, workshop: bool) -> Result<String, String> {
    let open = if workshop { single_file_workshop_open()? } else { String::new() };
    fill(
        "xtask/js/single_file_loader.js",
        SINGLE_FILE_LOADER_JS,
        &[("UNPACK", &unpack_js()?), ("WASM_BLOCK_ID", shared::WASM_BLOCK_ID), ("INIT", init), ("WORKSHOP", &open)],
    )
}

/// 模板制作 in the single file, in the app's loader (js/workshop_single_file_open.js):
/// `window.gongwenWorkshop.open(start)` makes the workshop's code, kept in a block that is not
/// run (`crate::workshop::CODE_ID`), a module script the first time, and hands its `open` the
/// start, the loader's `unpacked` and the packed module's bytes.
fn single_file_workshop_open() -> Result<String, String> {
    fill(
        "xtask/js/workshop_single_file_open.js",
        WORKSHOP_SINGLE_FILE_OPEN_JS,
        &[
            ("CODE_ID", crate::workshop::CODE_ID),
            ("BLOCK_ID", shared::WORKSHOP_BLOCK_ID),
            ("GLOBAL", shared::WORKSHOP_GLOBAL),
            (
                "TOLD",
                &workshop_told("workshopHanded.then((open) => open(start, unpacked, () => bytesOf(workshopData.textContent.trim())))"),
            ),
        ],
    )
}

/// 模板制作 opening (`opening`, a promise) and the app told how it went, by the window event
/// `gongwen_shared::WORKSHOP_EVENT`: `opened`, or `failed:` with the workshop's own Chinese
/// reason (a string) if it gave one (src/ui/workshop_host.rs).
fn workshop_told(opening: &str) -> String {
    format!(
        "{opening}.then(() => 'opened', (e) => 'failed:' + (typeof e === 'string' ? e : '')).then((detail) => dispatchEvent(new CustomEvent('{}', {{ detail }})))",
        shared::WORKSHOP_EVENT
    )
}

/// 模板制作's start module beside the served page (js/workshop_served.js): its glue and packed
/// module, named relative to it.
pub fn served_workshop(glue: &str, wasm: &str) -> Result<String, String> {
    fill("xtask/js/workshop_served.js", WORKSHOP_SERVED_JS, &[("GLUE", glue), ("WASM", wasm)])
}

/// 模板制作 in the single file: its glue (exports dropped, `init` its init function) followed
/// by js/workshop_single_file.js — the text of a module script that the app's loader runs only
/// when the workshop is first opened (`single_file_workshop_open`).
pub fn single_file_workshop(glue: &str, init: &str) -> Result<String, String> {
    let part = fill("xtask/js/workshop_single_file.js", WORKSHOP_SINGLE_FILE_JS, &[("INIT", init), ("GLOBAL", shared::WORKSHOP_GLOBAL)])?;
    Ok(format!("{glue}{part}"))
}

/// A script of js/ (or the page's template) with its `{{NAME}}` placeholders filled in, without the opening comment (the
/// `//` lines before the first blank line: for whoever reads the file, not for the browser).
/// Fails when a placeholder given is not in the file, or one in the file is not given.
pub fn fill(file: &str, text: &str, values: &[(&str, &str)]) -> Result<String, String> {
    let mut body = text;
    if body.starts_with("//") {
        body = body.split_once("\n\n").map_or("", |(_, rest)| rest);
    }
    let mut out = body.to_string();
    for (name, value) in values {
        let marker = format!("{{{{{name}}}}}");
        if !out.contains(&marker) {
            return Err(format!("{file} 里没有占位符 {marker}"));
        }
        out = out.replace(&marker, value);
    }
    let left = Regex::new(r"\{\{[A-Z_]+\}\}").expect("a valid pattern");
    // Only the file's own markers count: a value filled in (the glue's text) is not checked.
    if let Some(m) = left.find_iter(body).find(|m| !values.iter().any(|(name, _)| m.as_str() == format!("{{{{{name}}}}}"))) {
        return Err(format!("{file} 的占位符 {} 没有填", m.as_str()));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn loader() -> Loader {
        Loader {
            glue: "./gongwen-web-1a2b.js".into(),
            wasm: "./gongwen-web-1a2b_bg.wasm".into(),
            bindings: Some("wasmBindings".into()),
            workshop: Some("./workshop/start-9f.js".into()),
        }
    }

    #[test]
    fn the_served_loader_has_no_top_level_await_and_is_read_back() {
        let loader = loader();
        let served = loader.served().unwrap();
        assert!(!served.contains("await"), "{served}");
        assert!(served.contains("window.wasmBindings = bindings;"), "{served}");
        assert!(served.contains("TrunkApplicationStarted"), "{served}");
        assert!(served.contains("const wasmFile = './gongwen-web-1a2b_bg.wasm';"), "{served}");
        assert!(served.contains("getElementById('gongwen-unpack')") && served.contains("e.unpack(at, packed.length)"), "{served}");
        // 模板制作: its start module imported only when opened, from its folder.
        assert!(served.contains("\nwindow.gongwenWorkshop = { open: (start) => import('./workshop/start-9f.js').then((m) => m.open(start, unpacked)).then(() => 'opened', (e) => 'failed:' + (typeof e === 'string' ? e : '')).then((detail) => dispatchEvent(new CustomEvent('gongwen-workshop', { detail }))) };\n"), "{served}");
        let start = served_workshop("./gongwen-workshop-9f.js", "./gongwen-workshop-9f_bg.wasm").unwrap();
        assert!(start.starts_with("import init, { open_workshop } from './gongwen-workshop-9f.js';\n"), "{start}");
        assert!(start.contains("new URL('./gongwen-workshop-9f_bg.wasm', import.meta.url)") && !start.contains("await"), "{start}");
        assert_eq!(Loader::from_served(&served).unwrap(), loader);
        let plain = Loader { bindings: None, workshop: None, ..loader };
        assert_eq!(Loader::from_served(&plain.served().unwrap()).unwrap(), plain);
    }

    #[test]
    fn other_loaders_are_refused() {
        assert!(Loader::from_served("import init from './a.js'; init();").unwrap_err().contains("不是 xtask 写的"));
        let changed = loader().served().unwrap().replace("throw error;", "");
        assert!(Loader::from_served(&changed).unwrap_err().contains("不是 xtask 写的"));
    }

    #[test]
    fn the_boot_script_is_es3_and_says_what_to_do() {
        let restore = restore_script().unwrap();
        for page in [Page::Served, Page::SingleFile] {
            let boot = boot_script(page, "a_bg.wasm", &[]).unwrap();
            for script in [&boot, &restore] {
                // No syntax Internet Explorer's old modes do not parse.
                for newer in ["=>", "const ", "let ", "`", "class ", "?.", "??", "..."] {
                    assert!(!script.contains(newer), "{newer} in {script}");
                }
                assert!(!script.contains('\\'), "no escapes to get wrong: {script}");
            }
            assert!(boot.contains("浏览器版本太旧") && boot.contains("极速模式") && boot.contains("build: 'a_bg.wasm'"), "{boot}");
        }
        assert!(!boot_script(Page::Served, "a", &[]).unwrap().contains("DecompressionStream"), "the page needs no DecompressionStream");
        assert!(single_file_loader("init", false).unwrap().contains("await unpacked(bytesOf(text))"));
        assert!(boot_script(Page::Served, "a", &[]).unwrap().contains("script-src 'self' 'wasm-unsafe-eval'"));
        // The scripts after the boot script stay allowed under the stricter policy.
        let later = ["'sha256-x'".to_string(), "'sha256-y'".to_string()];
        assert!(boot_script(Page::SingleFile, "a", &later).unwrap().contains("script-src 'sha256-x' 'sha256-y' 'wasm-unsafe-eval'"));
        assert!(boot_script(Page::Served, "a", &[]).unwrap().contains("getItem('gongwen.drafts.v1') !== null"));
        // A copy of the single file keeps its drafts under its own location (domain::store::copies).
        assert!(boot_script(Page::SingleFile, "a", &[]).unwrap().contains("s.getItem(own + 'gongwen.drafts.v1') !== null"));
        assert!(boot_script(Page::SingleFile, "a", &[]).unwrap().contains("className += ' boot-failed'"));
    }

    #[test]
    fn every_placeholder_is_filled_and_none_is_missing() {
        let text = "// a comment for readers\n// over two lines\n\nlet a = '{{A}}', b = '{{B}}';\n";
        assert_eq!(fill("t.js", text, &[("A", "1"), ("B", "{{C}}")]).unwrap(), "let a = '1', b = '{{C}}';\n");
        assert!(fill("t.js", text, &[("A", "1")]).unwrap_err().contains("{{B}} 没有填"));
        assert!(fill("t.js", text, &[("A", "1"), ("B", "2"), ("C", "3")]).unwrap_err().contains("没有占位符 {{C}}"));
        // Each script of js/ fills in whole, for both pages.
        for page in [Page::Served, Page::SingleFile] {
            assert!(!boot_script(page, "a", &[]).unwrap().contains("{{"));
        }
        assert!(!restore_script().unwrap().contains("{{"));
        let single = single_file_loader("__wbg_init", false).unwrap();
        assert!(
            single.contains("getElementById('gongwen-wasm')") && single.contains("await __wbg_init({ module_or_path: bytes })"),
            "{single}"
        );
        assert!(!single.starts_with("//") && !single.contains("xtask/src/boot.rs"), "the opening comment is not shipped: {single}");
        assert!(!single.contains("gongwenWorkshop"), "no workshop, no opener: {single}");
        // 模板制作: the app's loader makes the workshop's code a module script when it is opened,
        // and hands its `open` the start, the decoder and the packed bytes.
        let with = single_file_loader("__wbg_init", true).unwrap();
        assert!(with.starts_with(&single) && !with.contains("{{"), "{with}");
        let opener = &with[single.len()..];
        assert!(!opener.contains("await"), "{opener}");
        assert!(
            opener.contains("getElementById('gongwen-workshop-code')")
                && opener.contains("getElementById('gongwen-workshop')")
                && opener.contains("script.type = 'module';")
                && opener.contains("script.textContent = workshopCode.textContent;")
                && opener.contains("window.gongwenWorkshop.ready = ready;"),
            "{opener}"
        );
        assert!(
            opener.contains(
                "workshopHanded.then((open) => open(start, unpacked, () => bytesOf(workshopData.textContent.trim()))).then(() => 'opened'"
            ),
            "{opener}"
        );
        let workshop = single_file_workshop("function open_workshop(s) {}\n", "__wbg_init").unwrap();
        assert!(workshop.starts_with("function open_workshop(s) {}\n") && workshop.contains("window.gongwenWorkshop.ready("), "{workshop}");
        assert!(
            workshop.contains("unpacked(packed())).then((module_or_path) => __wbg_init({ module_or_path }))")
                && !workshop.contains("{{")
                && !workshop.contains("await"),
            "{workshop}"
        );
        assert!(workshop.contains("return workshopLoaded.then(() => open_workshop(start));"), "{workshop}");
    }
}
