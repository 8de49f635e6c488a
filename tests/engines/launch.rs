//! Starting the engines: an old Chromium with its DevTools port, or a WebDriver server
//! (geckodriver, WebKitWebDriver under xvfb-run) with a session; each in a fresh profile, in a
//! process group of its own (process.rs).
use crate::cdp::Cdp;
use crate::dist::free_port;
use crate::page::{Engine, TIMEOUT};
use crate::process::Group;
use fantoccini::{Client, ClientBuilder};
use serde_json::json;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// Where scripts/lib.sh keeps the tools it downloads (the old Chromium builds among them).
pub fn tools_dir() -> PathBuf {
    std::env::var_os("GONGWEN_TOOLS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(std::env::var_os("HOME").expect("HOME")).join(".cache/gongwen-tools"))
}

/// An old Chromium unpacked by scripts/lib.sh ensure_old_chromium.
pub fn old_chromium(major: u32) -> PathBuf {
    let path = tools_dir().join(format!("old-chromium/{major}/chromium"));
    assert!(path.is_file(), "no Chromium {major} at {}: run scripts/test.sh, which unpacks it", path.display());
    path
}

/// A program from the environment variable `var`, else from `~/.cargo/bin` (cargo install),
/// else by name from PATH.
fn program(var: &str, name: &str) -> PathBuf {
    if let Some(p) = std::env::var_os(var) {
        return PathBuf::from(p);
    }
    let cargo = PathBuf::from(std::env::var_os("HOME").unwrap_or_default()).join(".cargo/bin").join(name);
    if cargo.is_file() {
        cargo
    } else {
        PathBuf::from(name)
    }
}

async fn wait_until<T>(what: &str, process: &mut Group, mut f: impl FnMut() -> Option<T>) -> T {
    let deadline = Instant::now() + TIMEOUT;
    loop {
        if let Some(v) = f() {
            return v;
        }
        if let Some(gone) = process.exited() {
            panic!("{gone} before {what}");
        }
        assert!(Instant::now() < deadline, "{what}: timed out");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Start an old Chromium headless on a fresh profile, connect to it over the DevTools protocol
/// and attach to its tab; downloads go to `downloads`.
pub async fn launch_chromium(binary: &Path, scratch: &Path, downloads: &Path) -> (Group, Cdp, String) {
    let profile = scratch.join("profile");
    std::fs::create_dir(&profile).expect("a profile folder");
    let mut cmd = Command::new(binary);
    cmd.args([
        "--headless",
        "--no-sandbox",
        "--no-zygote",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1400,1000",
        "--remote-debugging-port=0",
    ])
    .arg(format!("--user-data-dir={}", profile.display()))
    .arg("about:blank");
    let mut process = Group::spawn(cmd, &binary.display().to_string(), &scratch.join("browser.log"));
    // With port 0 the browser picks a free port and writes it, with the browser's WebSocket
    // path, to DevToolsActivePort in the profile.
    let active = profile.join("DevToolsActivePort");
    let ws = wait_until("DevTools listens", &mut process, || {
        let text = std::fs::read_to_string(&active).ok()?;
        let mut lines = text.lines();
        let (port, path) = (lines.next()?, lines.next()?);
        Some(format!("ws://127.0.0.1:{port}{path}"))
    })
    .await;
    let cdp = Cdp::connect(&ws).await;
    let deadline = Instant::now() + TIMEOUT;
    let target = loop {
        let targets = cdp.call(None, "Target.getTargets", json!({})).await;
        let page = targets["targetInfos"].as_array().into_iter().flatten().find(|t| t["type"] == "page");
        if let Some(t) = page {
            break t["targetId"].clone();
        }
        assert!(Instant::now() < deadline, "Chromium opened no tab");
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    let attached = cdp.call(None, "Target.attachToTarget", json!({ "targetId": target, "flatten": true })).await;
    let session = attached["sessionId"].as_str().expect("a session id").to_string();
    for domain in ["Page.enable", "Runtime.enable", "Log.enable"] {
        cdp.call(Some(&session), domain, json!({})).await;
    }
    let dl = json!({ "behavior": "allow", "downloadPath": downloads.display().to_string() });
    cdp.call(None, "Browser.setDownloadBehavior", dl).await;
    (process, cdp, session)
}

/// Start geckodriver (Firefox ESR, headless) or WebKitWebDriver (MiniBrowser under xvfb-run) and
/// open a WebDriver session. Firefox saves downloads to `downloads` (by its preferences);
/// WebKitGTK's driver has no download setting: MiniBrowser saves to the user's download folder
/// (XDG), so it runs with a HOME of its own in the scratch folder — a fresh profile too — whose
/// user-dirs.dirs names `downloads`.
pub async fn launch_webdriver(engine: Engine, scratch: &Path, downloads: &Path) -> (Group, Client) {
    let port = free_port();
    let (cmd, caps) = if engine == Engine::FirefoxEsr {
        let profile = scratch.join("profile");
        std::fs::create_dir(&profile).expect("a profile folder");
        let mut cmd = Command::new(program("GECKODRIVER", "geckodriver"));
        cmd.arg(format!("--port={port}"));
        let caps = json!({
            "browserName": "firefox",
            // A WebDriver BiDi socket: the page's log from the first byte on.
            "webSocketUrl": true,
            "moz:firefoxOptions": {
                "binary": std::env::var("FIREFOX").unwrap_or_else(|_| "/usr/bin/firefox-esr".into()),
                "args": ["-headless", "-profile", profile.display().to_string()],
                "prefs": {
                    "browser.download.folderList": 2,
                    "browser.download.dir": downloads.display().to_string(),
                    "browser.download.useDownloadDir": true,
                    "browser.download.always_ask_before_handling_new_types": false,
                    "browser.helperApps.neverAsk.saveToDisk": "text/plain",
                    "browser.download.manager.showWhenStarting": false,
                    "browser.shell.checkDefaultBrowser": false,
                    "app.update.enabled": false,
                    "datareporting.policy.dataSubmissionEnabled": false,
                    "toolkit.telemetry.enabled": false,
                    "browser.newtabpage.enabled": false,
                    "extensions.update.enabled": false,
                    "network.captive-portal-service.enabled": false,
                    "browser.safebrowsing.malware.enabled": false,
                    "browser.safebrowsing.phishing.enabled": false,
                }
            }
        });
        (cmd, caps)
    } else {
        let home = scratch.join("home");
        std::fs::create_dir_all(home.join(".config")).expect("a home folder");
        let dirs = format!("XDG_DOWNLOAD_DIR=\"{}\"\n", downloads.display());
        std::fs::write(home.join(".config/user-dirs.dirs"), dirs).expect("user-dirs.dirs");
        let mut cmd = Command::new("xvfb-run");
        cmd.env("HOME", &home);
        cmd.args(["-a", "-s", "-screen 0 1400x1000x24"]).arg(program("WEBKIT_WEBDRIVER", "WebKitWebDriver")).arg(format!("--port={port}"));
        let caps = json!({
            "browserName": "MiniBrowser",
            "webkitgtk:browserOptions": {
                "binary": std::env::var("MINIBROWSER")
                    .unwrap_or_else(|_| "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser".into()),
                "args": ["--automation"]
            }
        });
        (cmd, caps)
    };
    let mut process = Group::spawn(cmd, engine.name(), &scratch.join("browser.log"));
    wait_until("the driver listens", &mut process, || std::net::TcpStream::connect(("127.0.0.1", port)).ok()).await;
    let caps = caps.as_object().cloned().expect("an object");
    let client = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(caps)
        .connect(&format!("http://127.0.0.1:{port}"))
        .await
        .unwrap_or_else(|e| panic!("no WebDriver session in {}: {e}", engine.name()));
    let _ = client.set_window_size(1400, 1000).await;
    (process, client)
}
