//! The scripts that start the app: trunk's loader as Chromium 86 can parse it, and the classic
//! boot script that tells a clerk in Chinese why the app does not start, instead of a blank page.
use gongwen::domain::store::library_store::{INDEX_KEY as STORED_LIST, OLD_KEY as STORED_OLD};
use regex::Regex;

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
/// be compiled, `eval` may not (see ARCHITECTURE.md “Content-Security-Policy”).
fn strict_script_src(page: Page) -> &'static str {
    match page {
        Page::Served => "'self' 'wasm-unsafe-eval'",
        Page::SingleFile => "'wasm-unsafe-eval'",
    }
}

/// A classic script in ES3 syntax, first in <body>, run by every browser (Internet Explorer
/// too). It shows `too_old` when the engine lacks what the app needs (WebAssembly, modules,
/// promises; both pages unpack the module with their own decoder module), and defines
/// `gongwenBoot.failed(error)`, which the module loader calls when loading fails; an error
/// event before the app started (the glue not parsed, a script not loaded) shows it too.
/// Engines that know 'wasm-unsafe-eval' get a second, stricter policy without 'unsafe-eval'.
/// It also tells the stylesheet what the prerendered first screen (prerender.rs) may show: none
/// of it once a message is shown (`boot-failed` on <html>), and not its workspace when drafts
/// are stored (`has-drafts`: the app will open one of them, not the empty draft it shows).
pub fn boot_script(page: Page) -> String {
    format!(
        r#"(function () {{
var w = window, d = document, started = false, shown = false;
var tooOld = '{too_old}', failed = '{failed}';
function show(text) {{
  if (started || shown) return;
  shown = true;
  d.documentElement.className += ' boot-failed';
  var p = d.createElement('p');
  p.className = 'boot-message';
  p.setAttribute('role', 'alert');
  p.appendChild(d.createTextNode(text));
  d.body.insertBefore(p, d.body.firstChild);
}}
function explain(error) {{
  var old = typeof WebAssembly === 'object' && error instanceof WebAssembly.CompileError || error instanceof SyntaxError;
  show(old ? tooOld : failed + error);
}}
w.gongwenBoot = {{ failed: explain }};
if (typeof w.WebAssembly !== 'object' || typeof w.Promise !== 'function' || !w.addEventListener
    || !('noModule' in d.createElement('script'))) {{
  show(tooOld);
  return;
}}
try {{
  var s = w.localStorage, own = 'gongwen@' + w.location.host + w.location.pathname + '#';
  if (s.getItem('{index}') !== null || s.getItem('{old}') !== null
      || w.location.protocol === 'file:' && (s.getItem(own + '{index}') !== null || s.getItem(own + '{old}') !== null)) {{
    d.documentElement.className += ' has-drafts';
  }}
}} catch (e) {{}}
function onError(e) {{
  var from = e.target;
  if (from && from !== w && from.tagName !== 'SCRIPT') return;
  explain(e.error || (from && from.src ? 'cannot load ' + from.src : e.message));
}}
w.addEventListener('error', onError, true);
w.addEventListener('TrunkApplicationStarted', function () {{
  started = true;
  w.removeEventListener('error', onError, true);
}});
if (w.CSS && CSS.supports && CSS.supports('container-type', 'inline-size')) {{
  var strict = d.createElement('meta');
  strict.httpEquiv = 'Content-Security-Policy';
  strict.content = "script-src {strict}";
  d.head.appendChild(strict);
}}
}})();"#,
        too_old = too_old(page),
        failed = failed(page),
        strict = strict_script_src(page),
        index = STORED_LIST,
        old = STORED_OLD,
    )
}

/// The part both loaders share: base64 to bytes, and the packed .wasm (`xtask wasm-lzma`)
/// unpacked by the decoder module in the page's data block (`unpack/`: `alloc`, `unpack`,
/// `unpacked`, its memory). Raw WebAssembly (a build by hand) passes as it is.
fn unpack_js() -> String {
    format!(
        r#"const bytesOf = (text) => {{
  if (typeof Uint8Array.fromBase64 === 'function') return Uint8Array.fromBase64(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}};
const unpacked = (packed) => {{
  if (packed[0] === 0 && packed[1] === 0x61 && packed[2] === 0x73 && packed[3] === 0x6d) return packed;
  const block = document.getElementById('{id}');
  if (!block) throw new Error('{id} missing');
  return WebAssembly.instantiate(bytesOf(block.textContent.trim())).then(({{ instance }}) => {{
    const e = instance.exports;
    const at = e.alloc(packed.length);
    new Uint8Array(e.memory.buffer, at, packed.length).set(packed);
    const n = e.unpack(at, packed.length);
    if (!n) throw new Error('the .wasm does not unpack (damaged or cut short)');
    return new Uint8Array(e.memory.buffer, e.unpacked(), n).slice();
  }});
}};
"#,
        id = crate::wasm_lzma::DECODER_ID
    )
}

/// What trunk's inline loader names: the glue module, the .wasm, and the global that gets the
/// glue's exports (trunk writes `window.wasmBindings = bindings;`).
#[derive(Debug, PartialEq, Eq)]
pub struct Loader {
    pub glue: String,
    pub wasm: String,
    pub bindings: Option<String>,
}

impl Loader {
    /// Trunk's loader: `import init …; const wasm = await init(…); dispatchEvent(…)`.
    pub fn from_trunk(text: &str) -> Result<Loader, String> {
        let pattern = Regex::new(concat!(
            r"^\s*import init(, \* as bindings)? from '(\./[^']+\.js)';\s*",
            r"const wasm = await init\(\{ module_or_path: '(\./[^']+\.wasm)' \}\);\s*",
            r"(?:window\.(\w+) = bindings;\s*)?",
            r#"dispatchEvent\(new CustomEvent\("TrunkApplicationStarted", \{detail: \{wasm\}\}\)\);\s*$"#,
        ))
        .expect("a valid pattern");
        let c = pattern.captures(text).ok_or_else(|| format!("trunk 的加载脚本和预期的不一样：\n{text}"))?;
        let bindings = c.get(4).map(|m| m.as_str().to_string());
        if bindings.is_some() && c.get(1).is_none() {
            return Err(format!("trunk 的加载脚本和预期的不一样：\n{text}"));
        }
        Ok(Loader { glue: c[2].to_string(), wasm: c[3].to_string(), bindings })
    }

    /// The served page's loader, which `Loader::served` wrote.
    pub fn from_served(text: &str) -> Result<Loader, String> {
        let pattern = Regex::new(r"^import init(?:, \* as bindings)? from '(\./[^']+\.js)';\nconst wasmFile = '(\./[^']+\.wasm)';\n")
            .expect("a valid pattern");
        let bindings = Regex::new(r"\n  window\.(\w+) = bindings;\n").expect("a valid pattern");
        let unexpected = || format!("index.html 的加载脚本不是 xtask csp 写的：\n{text}");
        let c = pattern.captures(text).ok_or_else(unexpected)?;
        let loader = Loader { glue: c[1].to_string(), wasm: c[2].to_string(), bindings: bindings.captures(text).map(|b| b[1].to_string()) };
        if loader.served() != text {
            return Err(unexpected());
        }
        Ok(loader)
    }

    /// Trunk's loader without top-level `await` (Chrome 89): Chromium 86 parses it. It fetches
    /// the .wasm, unpacks it (`unpack_js`), does what trunk's does, and hands a failure to the
    /// boot script's Chinese message.
    pub fn served(&self) -> String {
        let (import, expose) = match &self.bindings {
            Some(name) => (", * as bindings", format!("\n  window.{name} = bindings;")),
            None => ("", String::new()),
        };
        format!(
            r#"import init{import} from '{glue}';
const wasmFile = '{wasm}';
{unpack}fetch(wasmFile).then((response) => {{
  if (!response.ok) throw new Error(`${{response.status}} ${{wasmFile}}`);
  return response.arrayBuffer();
}}).then((file) => unpacked(new Uint8Array(file))).then((module_or_path) => init({{ module_or_path }})).then((wasm) => {{{expose}
  dispatchEvent(new CustomEvent("TrunkApplicationStarted", {{detail: {{wasm}}}}));
}}, (error) => {{
  window.gongwenBoot.failed(error);
  throw error;
}});
"#,
            glue = self.glue,
            wasm = self.wasm,
            unpack = unpack_js(),
        )
    }
}

/// The single file's loader, after the glue in the same module script: decodes and unpacks the
/// embedded .wasm and starts the app (no fetch at all), without top-level `await`.
pub fn single_file_loader(init: &str) -> String {
    format!(
        r#"
{unpack}(async () => {{
  if (typeof WebAssembly !== 'object') throw new Error('WebAssembly missing');
  const block = document.getElementById('gongwen-wasm');
  const text = block.textContent.trim();
  block.remove();
  const bytes = await unpacked(bytesOf(text));
  const wasm = await {init}({{ module_or_path: bytes }});
  dispatchEvent(new CustomEvent('TrunkApplicationStarted', {{ detail: {{ wasm }} }}));
}})().catch((error) => {{
  // The bytes unpacked whole (the decoder checks their length) but do not compile: the engine
  // lacks a WebAssembly feature the module uses; the boot script says the browser is too old.
  window.gongwenBoot.failed(error);
  throw error;
}});
"#,
        unpack = unpack_js()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const TRUNK: &str = "\nimport init, * as bindings from './gongwen-web-1a2b.js';\nconst wasm = await init({ module_or_path: './gongwen-web-1a2b_bg.wasm' });\n\n\nwindow.wasmBindings = bindings;\n\n\ndispatchEvent(new CustomEvent(\"TrunkApplicationStarted\", {detail: {wasm}}));\n";

    #[test]
    fn trunks_loader_is_read_and_rewritten_without_top_level_await() {
        let loader = Loader::from_trunk(TRUNK).unwrap();
        assert_eq!(
            loader,
            Loader {
                glue: "./gongwen-web-1a2b.js".into(),
                wasm: "./gongwen-web-1a2b_bg.wasm".into(),
                bindings: Some("wasmBindings".into())
            }
        );
        let served = loader.served();
        assert!(!served.contains("await"), "{served}");
        assert!(served.contains("window.wasmBindings = bindings;"), "{served}");
        assert!(served.contains("TrunkApplicationStarted"), "{served}");
        assert!(served.contains("const wasmFile = './gongwen-web-1a2b_bg.wasm';"), "{served}");
        assert!(served.contains("getElementById('gongwen-unpack')") && served.contains("e.unpack(at, packed.length)"), "{served}");
        assert_eq!(Loader::from_served(&served).unwrap(), loader);
        let plain = Loader { bindings: None, ..loader };
        assert_eq!(Loader::from_served(&plain.served()).unwrap(), plain);
    }

    #[test]
    fn other_loaders_are_refused() {
        assert!(Loader::from_trunk("import init from './a.js'; init();").unwrap_err().contains("和预期的不一样"));
        let changed = Loader::from_trunk(TRUNK).unwrap().served().replace("throw error;", "");
        assert!(Loader::from_served(&changed).unwrap_err().contains("不是 xtask csp 写的"));
    }

    #[test]
    fn the_boot_script_is_es3_and_says_what_to_do() {
        for page in [Page::Served, Page::SingleFile] {
            let script = boot_script(page);
            // No syntax Internet Explorer's old modes do not parse.
            for newer in ["=>", "const ", "let ", "`", "class ", "?.", "??", "..."] {
                assert!(!script.contains(newer), "{newer} in {script}");
            }
            assert!(script.contains("浏览器版本太旧") && script.contains("极速模式"), "{script}");
            assert!(!script.contains('\\'), "no escapes to get wrong: {script}");
        }
        assert!(!boot_script(Page::Served).contains("DecompressionStream"), "the page needs no DecompressionStream");
        assert!(single_file_loader("init").contains("await unpacked(bytesOf(text))"));
        assert!(boot_script(Page::Served).contains("script-src 'self' 'wasm-unsafe-eval'"));
        assert!(boot_script(Page::Served).contains("getItem('gongwen.drafts.v1') !== null"));
        // A copy of the single file keeps its drafts under its own location (domain::store::copies).
        assert!(boot_script(Page::SingleFile).contains("s.getItem(own + 'gongwen.drafts.v1') !== null"));
        assert!(boot_script(Page::SingleFile).contains("className += ' boot-failed'"));
    }
}
