//! The browser-test harness: serves `dist/` on 127.0.0.1 (or opens one file from disk, with no
//! server), starts chromedriver and a fresh headless Chromium, and watches every console message
//! and every request the page makes.
//!
//! Each `Browser` is independent (own server, driver, profile and download folder). `finish()`
//! fails the test on any console error and on any request to an address other than the local
//! server (for a file opened from disk: other than that very file).
use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Mutex;
use std::time::{Duration, Instant};

#[path = "../common/app_js.rs"]
pub mod app_js;
#[path = "../common/dist.rs"]
mod dist;
// The engine matrix uses all of it; the browser tests only the guard.
#[allow(dead_code)]
#[path = "../common/process.rs"]
mod process;
pub use dist::{dist_copy, dist_dir, free_port, single_file_alone, Server};

pub const TIMEOUT: Duration = Duration::from_secs(15);

/// What a page that did not start had done: its classes (boot-failed, has-drafts), the boot
/// script's message, its ready state and each request with its timing.
const START_TRACE: &str = "return { classes: document.documentElement.className, message: (document.querySelector('.boot-message') || {}).textContent || null,
    ready: document.readyState, shell: !!document.getElementById('gongwen-shell'),
    requests: performance.getEntriesByType('resource').map(e => [e.name.split('/').pop(), Math.round(e.startTime), Math.round(e.duration), e.transferSize]) };";

/// chromedriver in a process group of its own: dropping it — after `finish`, or while a failed
/// assertion unwinds — kills the driver, the Chromium it started and every process of theirs
/// (`process::Group`), so no browser outlives its test.
struct Driver {
    _process: process::Group,
    url: String,
}

impl Driver {
    fn start() -> Driver {
        let port = free_port();
        let mut cmd = Command::new(std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into()));
        cmd.arg(format!("--port={port}"));
        let process = process::Group::spawn(cmd, "chromedriver (apt package chromium-driver)", Path::new("/dev/null"));
        let url = format!("http://127.0.0.1:{port}");
        let deadline = Instant::now() + TIMEOUT;
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < deadline, "chromedriver did not start listening");
            std::thread::sleep(Duration::from_millis(50));
        }
        Driver { _process: process, url }
    }
}

/// A raw WebDriver command that fantoccini has no method for (logs, CDP).
#[derive(Debug)]
struct Raw {
    path: &'static str,
    body: Value,
}

impl WebDriverCompatibleCommand for Raw {
    fn endpoint(&self, base: &url::Url, session: Option<&str>) -> Result<url::Url, url::ParseError> {
        base.join(&format!("session/{}/{}", session.unwrap_or_default(), self.path))
    }
    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(self.body.to_string()))
    }
}

/// Where the page under test comes from, and so what it may load.
enum Home {
    /// `dist/` on the in-test server: anything on that server.
    Served(Server),
    /// One file opened from disk (its `file://` URL): that file and nothing else.
    File(String),
}

impl Home {
    /// The page's address, or the prefix of its addresses.
    fn prefix(&self) -> &str {
        match self {
            Home::Served(server) => &server.origin,
            Home::File(url) => url,
        }
    }

    /// Whether a request's document is the page under test, not one of Chromium's own pages.
    fn is_page(&self, document: &str) -> bool {
        match self {
            Home::Served(server) => document.starts_with(&server.origin),
            Home::File(url) => document.split('#').next() == Some(url),
        }
    }

    /// Whether the page may request `url`: its own file(s), or what it made in memory itself
    /// (`blob:` URLs of its own origin — `blob:null/` for a file — and `data:` URLs).
    fn allows(&self, url: &str) -> bool {
        let url = url.split('#').next().unwrap_or_default();
        match self {
            Home::Served(server) => {
                url.starts_with(&format!("{}/", server.origin))
                    || url.starts_with(&format!("blob:{}/", server.origin))
                    || url.starts_with("data:")
            }
            Home::File(file) => url == file || url.starts_with("blob:null/") || url.starts_with("data:"),
        }
    }
}

pub struct Browser {
    pub client: Client,
    home: Home,
    pub downloads: tempfile::TempDir,
    _profile: tempfile::TempDir,
    _driver: Driver,
    console: Mutex<Vec<String>>,
    requests: Mutex<Vec<String>>,
}

impl Browser {
    /// A fresh headless Chromium on the served page, with the app mounted.
    pub async fn open() -> Browser {
        let server = Server::start(dist_dir().canonicalize().expect("dist exists"));
        Self::launch(Home::Served(server)).await
    }

    /// A fresh headless Chromium on a folder served as `dist/` is (a copy of it with a unit's
    /// own templates added, for instance).
    pub async fn open_at(root: &Path) -> Browser {
        Self::launch(Home::Served(Server::start(root.canonicalize().expect("the folder exists")))).await
    }

    /// A fresh headless Chromium on a page opened from disk (`file://`), with no server at all:
    /// the page may load that file and nothing else.
    pub async fn open_file(path: &Path) -> Browser {
        let path = path.canonicalize().expect("the file exists");
        let url = url::Url::from_file_path(&path).expect("an absolute path").to_string();
        Self::launch(Home::File(url)).await
    }

    async fn launch(home: Home) -> Browser {
        Self::launch_in(home, tempfile::tempdir().expect("a temp dir")).await
    }

    /// Quit the browser (as closing it for the day does) and start it again on the same
    /// profile and the same page: what the page stored is all that carries over.
    pub async fn restart(self) -> Browser {
        let (console, foreign) = self.problems().await;
        assert!(console.is_empty() && foreign.is_empty(), "before the restart: {console:#?} {foreign:#?}");
        let Browser { client, home, _profile: profile, _driver: driver, .. } = self;
        client.close().await.expect("the browser quits");
        drop(driver);
        Self::launch_in(home, profile).await
    }

    async fn launch_in(home: Home, profile: tempfile::TempDir) -> Browser {
        let driver = Driver::start();
        let downloads = tempfile::tempdir().expect("a temp dir");
        let caps = json!({
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into()),
                "args": [
                    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-component-update", "--no-first-run", "--disable-sync",
                    "--disable-dev-shm-usage", "--window-size=1400,1000",
                    format!("--user-data-dir={}", profile.path().display()),
                ],
                "prefs": {
                    "download.default_directory": downloads.path().display().to_string(),
                    "download.prompt_for_download": false
                }
            },
            "goog:loggingPrefs": { "browser": "ALL", "performance": "ALL" }
        });
        let caps = caps.as_object().cloned().expect("an object");
        let client = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(caps)
            .connect(&driver.url)
            .await
            .expect("a WebDriver session in headless Chromium");
        let b = Browser {
            client,
            home,
            downloads,
            _profile: profile,
            _driver: driver,
            console: Mutex::new(Vec::new()),
            requests: Mutex::new(Vec::new()),
        };
        let dl = b.downloads.path().display().to_string();
        b.cdp("Browser.setDownloadBehavior", json!({ "behavior": "allow", "downloadPath": dl })).await;
        let url = match &b.home {
            Home::Served(server) => format!("{}/", server.origin),
            Home::File(url) => url.clone(),
        };
        b.client.goto(&url).await.expect("the page loads");
        // A start that hangs (seen about once in a few hundred loads on the shared CI machine,
        // cause not yet found) is reported with what the page had done, then loaded once more:
        // the report is what a later session needs to find it; the retry keeps one hang from
        // failing a test about something else. A second hang fails.
        if !b.appears_within(app_js::STARTED, TIMEOUT).await {
            eprintln!("警告：应用在 {} 秒内没有启动，重新载入一次。页面当时的情况：{}", TIMEOUT.as_secs(), b.start_trace().await);
            b.client.refresh().await.expect("reload");
            b.wait_for(app_js::STARTED).await;
        }
        b
    }

    /// Whether `css` matches within `limit`.
    async fn appears_within(&self, css: &str, limit: Duration) -> bool {
        let deadline = Instant::now() + limit;
        while Instant::now() < deadline {
            if self.client.find(Locator::Css(css)).await.is_ok() {
                return true;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        false
    }

    pub async fn cdp(&self, cmd: &str, params: Value) -> Value {
        self.client
            .issue_cmd(Raw { path: "goog/cdp/execute", body: json!({ "cmd": cmd, "params": params }) })
            .await
            .unwrap_or_else(|e| panic!("CDP {cmd} failed: {e}"))
    }

    /// Kill the current tab's renderer, as the task manager or a crash does: no unload or
    /// pagehide handler runs. The command gets no answer from a dead tab, so none is awaited.
    pub async fn crash_tab(&self) {
        let crash = self.client.issue_cmd(Raw { path: "goog/cdp/execute", body: json!({ "cmd": "Page.crash", "params": {} }) });
        let _ = tokio::time::timeout(Duration::from_secs(5), crash).await;
    }

    async fn log(&self, kind: &str) -> Vec<Value> {
        let v = self
            .client
            .issue_cmd(Raw { path: "se/log", body: json!({ "type": kind }) })
            .await
            .unwrap_or_else(|e| panic!("reading the {kind} log failed: {e}"));
        v.as_array().cloned().unwrap_or_default()
    }

    /// Pull the browser's console and network logs into our own lists.
    async fn collect_logs(&self) {
        for entry in self.log("browser").await {
            if entry["level"] == "SEVERE" || entry["level"] == "WARNING" && entry["source"] == "security" {
                let msg = entry["message"].as_str().unwrap_or_default().to_string();
                self.console.lock().expect("lock").push(msg);
            }
        }
        for entry in self.log("performance").await {
            let Some(raw) = entry["message"].as_str() else { continue };
            let Ok(msg) = serde_json::from_str::<Value>(raw) else { continue };
            let params = &msg["message"]["params"];
            // Only requests made by our page (its document is the page under test): Chromium's
            // own pages (the start tab) are not the app's doing.
            let ours = params["documentURL"].as_str().is_some_and(|d| self.home.is_page(d));
            if msg["message"]["method"] == "Network.requestWillBeSent" && ours {
                let url = params["request"]["url"].as_str().unwrap_or_default();
                self.requests.lock().expect("lock").push(url.to_string());
            }
        }
    }

    /// Every URL the page has requested so far.
    pub async fn requests(&self) -> Vec<String> {
        self.collect_logs().await;
        self.requests.lock().expect("lock").clone()
    }

    /// Console errors and requests to anything but the local server (or the file), so far.
    pub async fn problems(&self) -> (Vec<String>, Vec<String>) {
        self.collect_logs().await;
        let console = self.console.lock().expect("lock").clone();
        let foreign = self.requests.lock().expect("lock").iter().filter(|u| !self.home.allows(u)).cloned().collect();
        (console, foreign)
    }

    /// The page's address: the server's origin, or the file's `file://` URL.
    pub fn home(&self) -> &str {
        self.home.prefix()
    }

    /// The test's last step: no console error and no request beyond the local server (or the file).
    pub async fn finish(self) {
        let (console, foreign) = self.problems().await;
        assert!(console.is_empty(), "console errors: {console:#?}");
        assert!(foreign.is_empty(), "requests to other addresses: {foreign:#?}");
        let _ = self.client.close().await;
    }

    pub async fn wait_for(&self, css: &str) -> fantoccini::elements::Element {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if let Ok(e) = self.client.find(Locator::Css(css)).await {
                return e;
            }
            if Instant::now() >= deadline {
                panic!("{css} never appeared; the page then: {}", self.start_trace().await);
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// What the page had done (`START_TRACE`), and whether the test server had stopped: so a hang
    /// in a CI log can be told from a slow start.
    async fn start_trace(&self) -> String {
        let trace = self.client.execute(START_TRACE, vec![]).await.map(|v| v.to_string()).unwrap_or_else(|e| e.to_string());
        let server = match &self.home {
            Home::Served(server) => server.stopped().map(|why| format!("; the test server had stopped: {why}")),
            Home::File(_) => None,
        };
        format!("{trace}{}", server.unwrap_or_default())
    }

    /// Poll a JavaScript expression until it returns something `ok` accepts, or the wait is
    /// over: its last value either way (for a failure message of the caller's making).
    pub async fn poll_js(&self, script: &str, ok: impl Fn(&Value) -> bool) -> Value {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let v = self.js(script).await;
            if ok(&v) || Instant::now() >= deadline {
                return v;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Poll a JavaScript expression until it returns something `ok` accepts.
    pub async fn wait_js(&self, script: &str, ok: impl Fn(&Value) -> bool) -> Value {
        let v = self.poll_js(script, &ok).await;
        assert!(ok(&v), "`{script}` never satisfied the test; last value {v}");
        v
    }

    pub async fn js(&self, script: &str) -> Value {
        self.client.execute(script, vec![]).await.unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
    }

    /// Replace a text box's content by typing, as a user would (select all, then type).
    pub async fn type_into(&self, css: &str, text: &str) {
        let field = self.wait_for(css).await;
        field.click().await.expect("click the field");
        // Ctrl+A selects everything, the null key releases Ctrl, Backspace deletes the
        // selection; then the text is typed.
        field.send_keys(&format!("\u{E009}a\u{E000}\u{E003}{text}")).await.expect("type");
    }

    /// Save a screenshot to `$GONGWEN_SCREENSHOTS/<name>.png` when that variable is set, so a
    /// developer can look at the page a test saw. Does nothing otherwise.
    pub async fn screenshot(&self, name: &str) {
        let Some(dir) = std::env::var_os("GONGWEN_SCREENSHOTS") else { return };
        let png = self.client.screenshot().await.expect("a screenshot");
        let _ = std::fs::create_dir_all(&dir);
        std::fs::write(PathBuf::from(dir).join(format!("{name}.png")), png).expect("write the screenshot");
    }

    /// Go to an outline step, as a user would: click it in the outline.
    pub async fn goto_step(&self, step: &str) {
        self.wait_for(&format!(".outline-step[data-step={step}]")).await.click().await.expect("click the step");
        self.wait_for(&format!(".step-view[data-step={step}]")).await;
    }

    pub async fn click(&self, css: &str) {
        self.wait_for(css).await.click().await.unwrap_or_else(|e| panic!("click {css}: {e}"));
    }

    /// The preview's title as one line: its text nodes joined (a long title has a `<br>` between
    /// its lines, and the `.txt` holds it on one line).
    pub async fn preview_title(&self, ok: impl Fn(&str) -> bool) -> String {
        let v = self.wait_js(&format!("return {};", app_js::PREVIEW_TITLE), |v| v.as_str().is_some_and(&ok)).await;
        v.as_str().unwrap_or_default().to_string()
    }

    /// Wait until what was typed is settled on screen: the preview and the findings show it
    /// (`app_js::SETTLED`). Typing leaves them a frame behind.
    pub async fn settled(&self) {
        self.wait_js(&format!("return {};", app_js::SETTLED), |v| v == true).await;
    }

    /// The preview's text, one paragraph a line, as the `.txt` download should hold it, once
    /// settled.
    pub async fn preview_text(&self) -> String {
        self.settled().await;
        let v = self.js(&format!("return {};", app_js::PREVIEW_TEXT)).await;
        v.as_str().unwrap_or_default().to_string()
    }

    /// Wait for a finished download.
    pub async fn downloaded(&self, name: &str) -> Vec<u8> {
        let path = self.downloads.path().join(name);
        let deadline = Instant::now() + TIMEOUT;
        // Chromium may create the file before it has written it: the download is done when no
        // `.crdownload` is left and the file reads the same twice, 100 ms apart.
        let mut last: Option<Vec<u8>> = None;
        loop {
            let in_progress = std::fs::read_dir(self.downloads.path())
                .map(|d| d.filter_map(|e| e.ok()).any(|e| e.file_name().to_string_lossy().ends_with(".crdownload")))
                .unwrap_or(true);
            let now = if in_progress { None } else { std::fs::read(&path).ok() };
            if now.is_some() && now == last {
                return now.unwrap_or_default();
            }
            last = now;
            let present: Vec<_> = std::fs::read_dir(self.downloads.path())
                .map(|d| d.filter_map(|e| e.ok()).map(|e| e.file_name()).collect())
                .unwrap_or_default();
            assert!(Instant::now() < deadline, "no download named {name}; folder holds {present:?}");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
}

/// Where two texts first differ, in a few lines a CI log keeps whole (an `assert_eq!` of two
/// previews prints kilobytes, and the log is cut): `None` when they are the same.
pub fn first_difference(got: &str, want: &str) -> Option<String> {
    if got == want {
        return None;
    }
    let (g, w): (Vec<char>, Vec<char>) = (got.chars().collect(), want.chars().collect());
    let at = g.iter().zip(&w).take_while(|(a, b)| a == b).count();
    let around = |t: &[char]| t[at.saturating_sub(30)..(at + 50).min(t.len())].iter().collect::<String>();
    Some(format!(
        "{} chars against {} expected; first difference at char {at}:\n  got:  …{:?}…\n  want: …{:?}…",
        g.len(),
        w.len(),
        around(&g),
        around(&w)
    ))
}
