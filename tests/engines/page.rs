//! One engine of the matrix with the app open in it, behind one set of verbs (run a script, click,
//! type, reload, read the downloads, list the page's errors), whichever way the engine is driven:
//! the old Chromium builds over the DevTools protocol (no chromedriver of theirs exists), Firefox
//! ESR and WebKitGTK over WebDriver (geckodriver, WebKitWebDriver).
//!
//! Each `Page` has its own browser process group (killed on drop: see process.rs), its own fresh
//! profile and download folder, and for a served page its own server.
use crate::cdp::{self, Cdp};
use crate::dist::{dist_dir, Server};
use crate::launch::{launch_chromium, launch_webdriver, old_chromium};
use crate::process::Group;
use fantoccini::{Client, Locator};
use serde_json::{json, Value};
use std::path::Path;
use std::sync::Mutex;
use std::time::{Duration, Instant};

pub const TIMEOUT: Duration = Duration::from_secs(30);

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Engine {
    Chromium86,
    Chromium109,
    FirefoxEsr,
    WebKit,
}

impl Engine {
    pub fn name(self) -> &'static str {
        match self {
            Engine::Chromium86 => "Chromium 86",
            Engine::Chromium109 => "Chromium 109",
            Engine::FirefoxEsr => "Firefox ESR",
            Engine::WebKit => "WebKitGTK",
        }
    }
}

/// Where the page under test comes from.
pub enum Home {
    /// `dist/` on a local server of its own.
    Served(Server),
    /// One file opened from disk, by its `file://` URL.
    File(String),
    /// No page: the blank tab a browser starts with.
    Blank,
}

impl Home {
    pub fn served() -> Home {
        Home::Served(Server::start(dist_dir().canonicalize().expect("dist exists")))
    }

    pub fn file(path: &Path) -> Home {
        let path = path.canonicalize().expect("the file exists");
        Home::File(url::Url::from_file_path(&path).expect("an absolute path").to_string())
    }

    fn url(&self) -> String {
        match self {
            Home::Served(server) => format!("{}/", server.origin),
            Home::File(url) => url.clone(),
            Home::Blank => "about:blank".to_string(),
        }
    }
}

enum Driver {
    Cdp {
        cdp: Cdp,
        session: String,
    },
    /// `bidi`: the session's WebDriver BiDi socket where the driver offers one (geckodriver),
    /// subscribed to the page's log from the start; else (WebKitWebDriver) the page's own
    /// collectors, installed once the form shows, gather errors into `errors`.
    WebDriver {
        client: Client,
        errors: Mutex<Vec<String>>,
        bidi: Option<Cdp>,
    },
}

pub struct Page {
    pub engine: Engine,
    driver: Driver,
    /// Where downloads land.
    downloads: tempfile::TempDir,
    home: Home,
    /// Milliseconds from the start of navigation to the form's first field, as the page's own
    /// clock (performance.now()) read it when the test first saw the field.
    pub form_shown_ms: f64,
    // Dropped last, in this order: the browser's process group, then its files.
    process: Group,
    scratch: tempfile::TempDir,
}

/// The page's form is up: the step being written has its first field, in the app itself (a direct
/// child of <body>), not in the read-only first screen prerendered at build time.
const FORM_SHOWN: &str =
    "document.querySelector('body > .app .step-view input, body > .app .step-view textarea') ? performance.now() : null";

/// For a page that never showed its form: each resource with its start and end (ms since the
/// page began; 0 = not finished), the classes the boot script set on <html>, and whether the app
/// announced it started.
const STARTUP_TRACE: &str = "JSON.stringify({ resources: performance.getEntriesByType('resource').map(function (e) { \
    return [e.name.split('/').pop(), Math.round(e.startTime), Math.round(e.responseEnd)]; }), \
    html: document.documentElement.className, now: Math.round(performance.now()), \
    bindings: typeof window.wasmBindings })";

impl Page {
    /// Start a fresh `engine` on a blank tab; `home` is what `open` will show.
    pub async fn start(engine: Engine, home: Home) -> Page {
        let scratch = tempfile::tempdir().expect("a temp dir");
        let downloads = tempfile::tempdir().expect("a temp dir");
        let (process, driver) = match engine {
            Engine::Chromium86 | Engine::Chromium109 => {
                let major = if engine == Engine::Chromium86 { 86 } else { 109 };
                let (process, cdp, session) = launch_chromium(&old_chromium(major), scratch.path(), downloads.path()).await;
                (process, Driver::Cdp { cdp, session })
            }
            Engine::FirefoxEsr | Engine::WebKit => {
                let (process, client) = launch_webdriver(engine, scratch.path(), downloads.path()).await;
                let bidi = match client.capabilities().and_then(|c| c.get("webSocketUrl")).and_then(Value::as_str) {
                    Some(url) => {
                        let bidi = Cdp::connect(url).await;
                        bidi.call(None, "session.subscribe", json!({ "events": ["log.entryAdded"] })).await;
                        Some(bidi)
                    }
                    None => None,
                };
                (process, Driver::WebDriver { client, errors: Mutex::default(), bidi })
            }
        };
        Page { engine, driver, downloads, home, form_shown_ms: 0.0, process, scratch }
    }

    /// Start a fresh `engine`, open `home` in it and wait until the form shows.
    pub async fn open(engine: Engine, home: Home) -> Page {
        let mut page = Page::start(engine, home).await;
        let url = page.home.url();
        page.navigate(&url).await;
        // A first start that hangs (a few in hundreds of CI loads, the .wasm request never
        // answered; cause not yet found) is reported with its start-up trace and loaded once
        // more, as the browser tests' harness does; a second hang fails in `wait_form`.
        if !page.form_within(TIMEOUT).await {
            let trace = page.try_eval(STARTUP_TRACE).await;
            eprintln!("警告：{} 的表单在 {} 秒内没有出现，重新载入一次。启动情况：{trace:?}", engine.name(), TIMEOUT.as_secs());
            page.navigate(&url).await;
        }
        page.form_shown_ms = page.wait_form().await;
        page
    }

    /// Whether the form shows within `limit`.
    async fn form_within(&self, limit: Duration) -> bool {
        let deadline = Instant::now() + limit;
        while Instant::now() < deadline {
            if self.try_eval(FORM_SHOWN).await.is_ok_and(|v| v.is_number()) {
                return true;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        false
    }

    /// Wait for the form; install the error collectors where the driver needs them in the page.
    /// Returns performance.now() at the moment the test first saw the form's first field.
    async fn wait_form(&mut self) -> f64 {
        // Polled often: the figure is the page's clock when the field was first seen.
        let deadline = Instant::now() + TIMEOUT;
        let shown = loop {
            let v = self.try_eval(FORM_SHOWN).await.unwrap_or(Value::Null);
            if let Some(ms) = v.as_f64() {
                break ms;
            }
            if let Some(gone) = self.process.exited() {
                panic!("{}: {gone} before the form showed", self.engine.name());
            }
            if Instant::now() > deadline {
                let body = self.try_eval("document.body ? document.body.innerText.slice(0, 400) : null").await;
                // Where start-up stopped: what was fetched and when (ms), and the boot's classes.
                let fetched = self.try_eval(STARTUP_TRACE).await;
                let log = self.log();
                let tail: Vec<&str> = log.lines().rev().take(20).collect();
                panic!(
                    "{}: the form never showed (page text: {body:?}); start-up trace: {fetched:?}; page errors: {:#?}\nbrowser log (last lines, newest first): {tail:#?}",
                    self.engine.name(),
                    self.errors().await
                );
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        };
        if let Driver::WebDriver { bidi: None, .. } = self.driver {
            self.eval(COLLECT_ERRORS).await;
        }
        shown
    }

    /// Reload the page, as F5 does, and wait for the form again; returns the time from the
    /// reload's navigation to the form, as `form_shown_ms`.
    pub async fn reload(&mut self) -> f64 {
        self.leave().await;
        match &self.driver {
            Driver::Cdp { cdp, session } => {
                cdp.call(Some(session), "Page.reload", json!({})).await;
            }
            Driver::WebDriver { client, .. } => client.refresh().await.expect("reload"),
        }
        self.wait_js("window.__gongwenOld === undefined", |v| v == true).await;
        self.wait_form().await
    }

    /// Go to another page in the same tab (same profile, same storage), as a clerk opening a
    /// second copy of the file does, and wait for its form.
    pub async fn goto(&mut self, home: &Home) -> f64 {
        self.leave().await;
        self.navigate(&home.url()).await;
        self.wait_js("window.__gongwenOld === undefined", |v| v == true).await;
        self.wait_form().await
    }

    /// Before this page goes: keep what the in-page collectors saw (it is lost with the page), and
    /// mark the old page, so that its answers are not taken for the new one's.
    async fn leave(&self) {
        if let Driver::WebDriver { errors, bidi: None, .. } = &self.driver {
            let seen = self.eval(TAKE_ERRORS).await;
            errors.lock().expect("lock").extend(strings(&seen));
        }
        self.eval("window.__gongwenOld = true").await;
    }

    /// Open `url` in this tab.
    async fn navigate(&self, url: &str) {
        match &self.driver {
            Driver::Cdp { cdp, session } => {
                let nav = cdp.call(Some(session), "Page.navigate", json!({ "url": url })).await;
                assert!(nav.get("errorText").is_none(), "{} could not open {url}: {nav}", self.engine.name());
            }
            Driver::WebDriver { client, .. } => {
                client.goto(url).await.unwrap_or_else(|e| panic!("{} could not open {url}: {e}", self.engine.name()));
            }
        }
    }

    async fn try_eval(&self, expr: &str) -> Result<Value, String> {
        match &self.driver {
            Driver::Cdp { cdp, session } => {
                let r = cdp
                    .try_call(Some(session), "Runtime.evaluate", json!({ "expression": expr, "returnByValue": true, "awaitPromise": true }))
                    .await?;
                if let Some(ex) = r.get("exceptionDetails") {
                    return Err(ex["exception"]["description"].as_str().map(String::from).unwrap_or_else(|| ex.to_string()));
                }
                Ok(r["result"]["value"].clone())
            }
            Driver::WebDriver { client, .. } => client.execute(&format!("return ({expr});"), vec![]).await.map_err(|e| e.to_string()),
        }
    }

    /// The value of a JavaScript expression in the page.
    pub async fn eval(&self, expr: &str) -> Value {
        self.try_eval(expr).await.unwrap_or_else(|e| panic!("{}: script failed: {e}\n{expr}", self.engine.name()))
    }

    /// Poll an expression until `ok` accepts its value.
    pub async fn wait_js(&self, expr: &str, ok: impl Fn(&Value) -> bool) -> Value {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let v = self.try_eval(expr).await.unwrap_or(Value::Null);
            if ok(&v) {
                return v;
            }
            assert!(Instant::now() < deadline, "{}: `{expr}` never satisfied the test; last value {v}", self.engine.name());
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Wait until an element matching `css` exists.
    pub async fn wait_for(&self, css: &str) {
        let expr = format!("!!document.querySelector({})", js_str(css));
        self.wait_js(&expr, |v| v == true).await;
    }

    /// Click an element as a user does: with the mouse, at its middle.
    pub async fn click(&self, css: &str) {
        self.wait_for(css).await;
        match &self.driver {
            Driver::Cdp { cdp, session } => {
                let at = self
                    .eval(&format!(
                        "(() => {{ const e = document.querySelector({}); e.scrollIntoView({{ block: 'center' }});
                           const r = e.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; }})()",
                        js_str(css)
                    ))
                    .await;
                let (x, y) = (at[0].as_f64().expect("x"), at[1].as_f64().expect("y"));
                for kind in ["mouseMoved", "mousePressed", "mouseReleased"] {
                    cdp.call(
                        Some(session),
                        "Input.dispatchMouseEvent",
                        json!({ "type": kind, "x": x, "y": y, "button": "left", "clickCount": 1 }),
                    )
                    .await;
                }
            }
            Driver::WebDriver { client, .. } => {
                let e = client.find(Locator::Css(css)).await.unwrap_or_else(|e| panic!("{css}: {e}"));
                e.click().await.unwrap_or_else(|e| panic!("{}: click {css}: {e}", self.engine.name()));
            }
        }
    }

    /// Replace a text box's content by typing, as a user would: click into it, select all, type.
    pub async fn type_into(&self, css: &str, text: &str) {
        self.click(css).await;
        match &self.driver {
            Driver::Cdp { cdp, session } => {
                self.eval(&format!("document.querySelector({}).select()", js_str(css))).await;
                // The text arrives as typed text (an `input` event of type insertText), the way an
                // input method hands over Chinese.
                cdp.call(Some(session), "Input.insertText", json!({ "text": text })).await;
            }
            Driver::WebDriver { client, .. } => {
                let field = client.find(Locator::Css(css)).await.expect("the field");
                // Ctrl+A selects everything, the null key releases Ctrl, Backspace deletes; the
                // text follows as a second action (WebKitWebDriver drops text sent after the
                // Backspace in the same action).
                for keys in ["\u{E009}a\u{E000}\u{E003}", text].into_iter().filter(|k| !k.is_empty()) {
                    field.send_keys(keys).await.unwrap_or_else(|e| panic!("{}: typing into {css}: {e}", self.engine.name()));
                }
            }
        }
    }

    /// Go to an outline step by clicking it in the outline.
    pub async fn goto_step(&self, step: &str) {
        self.click(&format!(".outline-step[data-step={step}]")).await;
        self.wait_for(&format!(".step-view[data-step={step}]")).await;
    }

    /// The engine's own account of what it is: the browser's product and version as its driver
    /// reports it, and the page's navigator.userAgent.
    pub async fn version(&self) -> (String, String) {
        let ua = self.eval("navigator.userAgent").await.as_str().unwrap_or_default().to_string();
        let product = match &self.driver {
            Driver::Cdp { cdp, .. } => {
                let v = cdp.call(None, "Browser.getVersion", json!({})).await;
                v["product"].as_str().unwrap_or_default().to_string()
            }
            Driver::WebDriver { client, .. } => {
                let caps = client.capabilities().cloned().unwrap_or_default();
                format!(
                    "{} {}",
                    caps.get("browserName").and_then(Value::as_str).unwrap_or(""),
                    caps.get("browserVersion").and_then(Value::as_str).unwrap_or("")
                )
            }
        };
        (product, ua)
    }

    /// Wait for a finished download named `name`.
    pub async fn downloaded(&self, name: &str) -> Vec<u8> {
        let dir = self.downloads.path();
        let path = dir.join(name);
        let deadline = Instant::now() + TIMEOUT;
        // The file may exist before it is written: done when no partial file is left (.crdownload,
        // Firefox's .part) and it reads the same twice, 100 ms apart.
        let mut last: Option<Vec<u8>> = None;
        loop {
            let names: Vec<String> = std::fs::read_dir(dir)
                .map(|d| d.filter_map(|e| e.ok()).map(|e| e.file_name().to_string_lossy().into_owned()).collect())
                .unwrap_or_default();
            let partial = names.iter().any(|n| n.ends_with(".crdownload") || n.ends_with(".part"));
            let now = if partial { None } else { std::fs::read(&path).ok() };
            if now.is_some() && now == last {
                return now.unwrap_or_default();
            }
            last = now;
            assert!(Instant::now() < deadline, "{}: no download named {name}; the folder holds {names:?}", self.engine.name());
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// DevTools CPU throttling (`rate` 4: an old office PC), for benches/engines.rs. Only the
    /// Chromium builds have it: false elsewhere (nothing is slowed).
    #[allow(dead_code)] // benches/engines.rs only
    pub async fn throttle_cpu(&self, rate: u32) -> bool {
        match &self.driver {
            Driver::Cdp { cdp, session } => {
                cdp.call(Some(session), "Emulation.setCPUThrottlingRate", json!({ "rate": rate })).await;
                true
            }
            Driver::WebDriver { .. } => false,
        }
    }

    /// Run `script` (an expression) in every document this tab opens from now on, before the
    /// page's own scripts: DevTools' `Page.addScriptToEvaluateOnNewDocument`, or WebDriver BiDi's
    /// preload scripts (Firefox). False where the driver has neither (WebKitWebDriver).
    #[allow(dead_code)] // benches/engines.rs only
    pub async fn run_in_new_documents(&self, script: &str) -> bool {
        match &self.driver {
            Driver::Cdp { cdp, session } => {
                cdp.call(Some(session), "Page.addScriptToEvaluateOnNewDocument", json!({ "source": script })).await;
                true
            }
            Driver::WebDriver { bidi: Some(bidi), .. } => {
                let declaration = format!("() => {{ {script}; }}");
                bidi.call(None, "script.addPreloadScript", json!({ "functionDeclaration": declaration })).await;
                true
            }
            Driver::WebDriver { bidi: None, .. } => false,
        }
    }

    /// Open `url` in this tab and wait until its document has replaced this one, without waiting
    /// for the form (a static copy of the page has no app).
    #[allow(dead_code)] // benches/engines.rs only
    pub async fn visit(&self, url: &str) {
        self.leave().await;
        self.navigate(url).await;
        self.wait_js("window.__gongwenOld === undefined", |v| v == true).await;
    }

    /// Every error the page has had so far.
    pub async fn errors(&self) -> Vec<String> {
        match &self.driver {
            Driver::Cdp { cdp, .. } => cdp.events().iter().filter_map(cdp::page_error).collect(),
            Driver::WebDriver { bidi: Some(bidi), .. } => bidi.events().iter().filter_map(cdp::page_error).collect(),
            Driver::WebDriver { errors, bidi: None, .. } => {
                let mut all = errors.lock().expect("lock").clone();
                if let Ok(seen) = self.try_eval("window.__gongwenErrors || []").await {
                    all.extend(strings(&seen));
                }
                all
            }
        }
    }

    /// The test's last step: no page error at any point; then the browser quits.
    pub async fn finish(self) {
        if let Driver::Cdp { cdp, .. } | Driver::WebDriver { bidi: Some(cdp), .. } = &self.driver {
            for w in cdp.events().iter().filter_map(cdp::page_warning) {
                eprintln!("{} warned: {w}", self.engine.name());
            }
        }
        let errors = self.errors().await;
        assert!(errors.is_empty(), "{}: page errors: {errors:#?}", self.engine.name());
        match self.driver {
            Driver::Cdp { ref cdp, .. } => {
                let _ = cdp.try_call(None, "Browser.close", json!({})).await;
            }
            Driver::WebDriver { ref client, .. } => {
                let _ = client.clone().close().await;
            }
        }
        // Dropping self kills whatever is left of the browser's process group.
    }

    /// The browser's processes: the leader of its group and every process below it.
    pub fn processes(&self) -> Vec<u32> {
        let mut all = vec![self.process.id()];
        all.extend(crate::process::descendants(self.process.id()));
        all
    }

    /// The browser's own log, for a failure message.
    pub fn log(&self) -> String {
        std::fs::read_to_string(self.scratch.path().join("browser.log")).unwrap_or_default()
    }
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array().into_iter().flatten().map(|s| s.as_str().map(String::from).unwrap_or_else(|| s.to_string())).collect()
}

/// A JavaScript string literal.
pub fn js_str(s: &str) -> String {
    Value::String(s.to_string()).to_string()
}

/// WebDriver engines cannot watch the page from outside, and WebKit's driver runs no script
/// before a page has loaded: once the form shows, the page itself collects what goes wrong from
/// then on (uncaught exceptions, failed loads, rejected promises, policy violations,
/// console.error) into window.__gongwenErrors. An error before that point that stops the app is
/// caught by the form not showing.
const COLLECT_ERRORS: &str = "(() => {
  if (window.__gongwenErrors) return null;
  const errors = window.__gongwenErrors = [];
  // WebKit's stacks do not repeat the message: keep both.
  const stack = x => (x && x.stack ? '\\n' + x.stack : '');
  addEventListener('error', e => errors.push(e.message ? 'uncaught exception: ' + e.message + stack(e.error)
      : 'failed to load: ' + (e.target && (e.target.src || e.target.href || e.target.tagName))), true);
  addEventListener('unhandledrejection', e => errors.push('unhandled rejection: ' + String(e.reason) + stack(e.reason)));
  document.addEventListener('securitypolicyviolation', e => errors.push('policy violation: ' + e.violatedDirective + ' ' + e.blockedURI));
  const original = console.error;
  console.error = function (...args) { errors.push('console.error: ' + args.join(' ')); return original.apply(this, args); };
  return null;
})()";

/// Hand over what the collectors saw (before a reload replaces the page).
const TAKE_ERRORS: &str = "(() => { const e = window.__gongwenErrors || []; window.__gongwenErrors = []; return e; })()";
