//! Navigation to the form on screen, in real headless Chromium: the served `dist/` page against
//! a static copy of the same page (its HTML as the app rendered it, without any script), in the
//! same run, many rounds, the two loaded alternately. Run by `scripts/bench.sh` after the release
//! build; prints medians and their ratio (no pass/fail: speed is a benchmark, not a test).
//!
//! Two cases, each with its own static copy:
//! - a new clerk's first visit (nothing stored: the page opens a new, empty draft);
//! - a returning clerk's reload, the example draft stored (the app opens it where it was);
//!
//! each at full speed and with the CPU slowed 4× (DevTools `Emulation.setCPUThrottlingRate`, an
//! old office PC), for the served page (no `Content-Encoding`, as many intranet servers) and for
//! the single file opened from `file://`. The figure that matters is **time to typing**: the
//! app started, against the static copy's form shown (issue #24: ≤ 1.5× new, ≤ 1.2× returning).
//!
//! `GONGWEN_STARTUP_PAGES=single` (or `served`) measures only that page, for before/after pairs
//! taken close together on a shared machine; both by default.
//!
//! In the page, a script installed before any of the page's own (DevTools
//! `Page.addScriptToEvaluateOnNewDocument`) checks on every animation frame, from the start of
//! navigation (`performance.now()`'s origin), for the current step's first field:
//! - **shown**: the first frame in which a field of the step is laid out and visible — the
//!   prerendered first screen's or the app's, whichever comes first;
//! - **started**: the first frame in which the app itself (`body > .app`) has it;
//! - **typing**: the first frame with a visible text box that takes keys which are kept: the
//!   prerendered screen's (live, carried into the app when it starts: `ui::carry`) or the app's.
#[path = "../tests/browser/harness.rs"]
#[allow(dead_code, unused_imports)]
mod harness;

use serde_json::{json, Value};
use std::time::{Duration, Instant};

const ROUNDS: usize = 25;

#[path = "common/startup_js.rs"]
mod startup_js;
use startup_js::{STATIC_COPY, TIMES};

fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg").unwrap_or_default().split_whitespace().take(3).collect::<Vec<_>>().join(" ")
}

/// Open `url` and wait for both figures (a static copy has no app: only shown).
async fn measure(b: &harness::Browser, url: &str, needs_start: bool) -> (f64, f64, f64) {
    b.client.goto(url).await.expect("navigate");
    let deadline = Instant::now() + harness::TIMEOUT;
    loop {
        let t = b.js("return window.__gongwenTimes || null;").await;
        let shown = t["shown"].as_f64();
        let started = t["started"].as_f64();
        let typing = t["typing"].as_f64();
        if let (Some(s), Some(a), Some(k)) = (shown, started, typing) {
            return (s, a, k);
        }
        if let (Some(s), false) = (shown, needs_start) {
            return (s, f64::NAN, f64::NAN);
        }
        assert!(Instant::now() < deadline, "{url}: the form never showed ({t})");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

fn median(xs: &[f64]) -> f64 {
    let mut xs: Vec<f64> = xs.iter().copied().filter(|x| x.is_finite()).collect();
    xs.sort_by(|a, b| a.total_cmp(b));
    if xs.is_empty() {
        return f64::NAN;
    }
    let n = xs.len();
    if n % 2 == 1 {
        xs[n / 2]
    } else {
        (xs[n / 2 - 1] + xs[n / 2]) / 2.0
    }
}

async fn save_static_copy(b: &harness::Browser, path: &std::path::Path) {
    let html = b.js(STATIC_COPY).await;
    std::fs::write(path, html.as_str().expect("the page's HTML")).expect("write the static copy");
}

/// Medians of one case: the static copy's form shown; the page's form shown and app started.
struct Case {
    fixed: f64,
    shown: f64,
    started: f64,
    typing: f64,
}

/// `ROUNDS` rounds of the page at `page` and its static copy at `fixed`, alternately; `fresh`
/// clears the storage before each load of the page (a new clerk).
async fn rounds(b: &harness::Browser, page: &str, fixed: &str, fresh: bool) -> Case {
    let (mut f, mut shown, mut started, mut typing) = (vec![], vec![], vec![], vec![]);
    for round in 0..ROUNDS {
        // Alternate which goes first, so neither always follows the other.
        for first in [round % 2 == 0, round % 2 == 1] {
            if first {
                f.push(measure(b, fixed, false).await.0);
            } else {
                if fresh {
                    b.js("localStorage.clear(); return null;").await;
                }
                let (s, a, k) = measure(b, page, true).await;
                shown.push(s);
                started.push(a);
                typing.push(k);
            }
        }
    }
    Case { fixed: median(&f), shown: median(&shown), started: median(&started), typing: median(&typing) }
}

fn report(case: &str, c: &Case, goal: f64) {
    println!(
        "{case}: static copy {:.1} ms; form shown {:.1} ms ({:.2}×); time to typing {:.1} ms ({:.2}×, goal ≤ {goal}×); app started {:.1} ms ({:.2}×)",
        c.fixed,
        c.shown,
        c.shown / c.fixed,
        c.typing,
        c.typing / c.fixed,
        c.started,
        c.started / c.fixed
    );
}

/// A `file://` URL of `name` in `dir` (the file may not be written yet).
fn file_url(dir: &std::path::Path, name: &str) -> String {
    let dir = dir.canonicalize().expect("the folder exists");
    url::Url::from_file_path(dir.join(name)).expect("an absolute path").to_string()
}

/// Which pages to measure (`GONGWEN_STARTUP_PAGES`: `served`, `single`, or both when unset).
fn measured(what: &str) -> bool {
    let wanted = std::env::var("GONGWEN_STARTUP_PAGES").unwrap_or_default();
    wanted.is_empty() || (what == "served" && wanted == "served") || (what == "single file" && wanted == "single")
}

#[tokio::main]
async fn main() {
    // The release build copied, with the static copies beside it, served from one server.
    let served = harness::dist_copy();
    // Set before the harness reads it (Browser::open, next), while no other thread runs yet.
    std::env::set_var("GONGWEN_DIST", served.path());
    let load_before = load_average();
    let b = harness::Browser::open().await;
    let home = format!("{}/", b.home());
    let at = |name: &str| format!("{}/{name}", b.home());
    save_static_copy(&b, &served.path().join("static-new.html")).await;
    // The single file, alone in a folder, with its static copies beside it.
    let (single_dir, single) = harness::single_file_alone();
    let single_url = file_url(single.parent().expect("a folder"), &single.file_name().expect("a name").to_string_lossy());
    b.client.goto(&single_url).await.expect("open the single file");
    b.wait_for(harness::app_js::STARTED).await;
    b.js("localStorage.clear(); return null;").await;
    save_static_copy(&b, &single_dir.path().join("static-new.html")).await;
    let single_static = |name: &str| file_url(single_dir.path(), name);
    b.cdp("Page.addScriptToEvaluateOnNewDocument", json!({ "source": TIMES })).await;

    let mut lines = vec![];
    for rate in [1, 4] {
        b.cdp("Emulation.setCPUThrottlingRate", json!({ "rate": rate })).await;
        let speed = if rate == 1 { "full speed".to_string() } else { format!("CPU/{rate}") };
        for (what, page, fixed) in
            [("served", home.clone(), at("static-new.html")), ("single file", single_url.clone(), single_static("static-new.html"))]
        {
            if !measured(what) {
                continue;
            }
            let c = rounds(&b, &page, &fixed, true).await;
            lines.push((format!("{speed}, {what}, new clerk"), c, 1.5));
        }
    }
    b.cdp("Emulation.setCPUThrottlingRate", json!({ "rate": 1 })).await;

    // The example draft stored: the app opens it on reload (served, then the single file).
    for (page, static_path, static_url) in [
        (home.clone(), served.path().join("static-example.html"), at("static-example.html")),
        (single_url.clone(), single_dir.path().join("static-example.html"), single_static("static-example.html")),
    ] {
        b.client.goto(&page).await.expect("navigate");
        b.wait_for(harness::app_js::STARTED).await;
        b.click("#fill-example").await;
        b.preview_title(|t| t.contains("领导班子")).await;
        save_static_copy(&b, &static_path).await;
        let what = if page == home { "served" } else { "single file" };
        if !measured(what) {
            continue;
        }
        for rate in [1, 4] {
            b.cdp("Emulation.setCPUThrottlingRate", json!({ "rate": rate })).await;
            let speed = if rate == 1 { "full speed".to_string() } else { format!("CPU/{rate}") };
            let c = rounds(&b, &page, &static_url, false).await;
            lines.push((format!("{speed}, {what}, returning clerk (example stored)"), c, 1.2));
        }
        b.cdp("Emulation.setCPUThrottlingRate", json!({ "rate": 1 })).await;
        let stored = b.js("return localStorage.length > 0;").await;
        assert_eq!(stored, Value::Bool(true), "the example draft stayed stored");
    }
    let load_after = load_average();
    b.finish().await;

    println!("startup: {ROUNDS} rounds each, page and static copy alternately; load average {load_before} before, {load_after} after");
    for (case, c, goal) in &lines {
        report(case, c, *goal);
    }
}
