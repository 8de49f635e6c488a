//! Navigation to the form on screen, in real headless Chromium: the served `dist/` page against
//! a static copy of the same page (its HTML as the app rendered it, without any script), in the
//! same run, many rounds, the two loaded alternately. Run by `scripts/bench.sh` after the release
//! build; prints medians and their ratio (no pass/fail: speed is a benchmark, not a test).
//!
//! Two cases, each with its own static copy:
//! - a new clerk's first visit (nothing stored: the page opens a new, empty draft);
//! - a returning clerk's reload, the example draft stored (the app opens it where it was).
//!
//! In the page, a script installed before any of the page's own (DevTools
//! `Page.addScriptToEvaluateOnNewDocument`) checks on every animation frame, from the start of
//! navigation (`performance.now()`'s origin), for the current step's first field:
//! - **shown**: the first frame in which a field of the step is laid out and visible — the
//!   prerendered first screen's or the app's, whichever comes first;
//! - **started**: the first frame in which the app itself (`body > .app`) has it, i.e. the form
//!   takes typing.
#[path = "../tests/browser/harness.rs"]
#[allow(dead_code, unused_imports)]
mod harness;

use serde_json::{json, Value};
use std::time::{Duration, Instant};

const ROUNDS: usize = 25;

const TIMES: &str = "(() => {
  const t = window.__gongwenTimes = {};
  const visible = (sel) => Array.from(document.querySelectorAll(sel)).some(e => {
    const r = e.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility === 'visible';
  });
  const tick = () => {
    const now = performance.now();
    if (t.shown === undefined && visible('.step-view input, .step-view textarea')) t.shown = now;
    if (t.started === undefined && visible('body > .app .step-view input, body > .app .step-view textarea')) t.started = now;
    if (t.shown === undefined || t.started === undefined) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();";

/// The page as rendered now, without its scripts: text boxes keep what they show (a textarea's
/// value is a property, not markup), the html element loses the boot script's classes.
const STATIC_COPY: &str = "const page = document.documentElement.cloneNode(true);
  const live = Array.from(document.querySelectorAll('input, textarea'));
  Array.from(page.querySelectorAll('input, textarea')).forEach((copy, i) => {
    if (copy.tagName === 'TEXTAREA') copy.textContent = live[i].value; else copy.setAttribute('value', live[i].value);
  });
  page.querySelectorAll('script').forEach(s => s.remove());
  page.querySelectorAll('link[rel=modulepreload], link[rel=preload]').forEach(l => l.remove());
  page.removeAttribute('class');
  return '<!doctype html>' + page.outerHTML;";

fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg").unwrap_or_default().split_whitespace().take(3).collect::<Vec<_>>().join(" ")
}

/// Open `path` on the server and wait for both figures (a static copy has no app: only shown).
async fn measure(b: &harness::Browser, path: &str, needs_start: bool) -> (f64, f64) {
    b.client.goto(&format!("{}/{path}", b.home())).await.expect("navigate");
    let deadline = Instant::now() + harness::TIMEOUT;
    loop {
        let t = b.js("return window.__gongwenTimes || null;").await;
        let shown = t["shown"].as_f64();
        let started = t["started"].as_f64();
        if let (Some(s), Some(a)) = (shown, started) {
            return (s, a);
        }
        if let (Some(s), false) = (shown, needs_start) {
            return (s, f64::NAN);
        }
        assert!(Instant::now() < deadline, "{path}: the form never showed ({t})");
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

async fn save_static_copy(b: &harness::Browser, dir: &std::path::Path, name: &str) {
    let html = b.js(STATIC_COPY).await;
    std::fs::write(dir.join(name), html.as_str().expect("the page's HTML")).expect("write the static copy");
}

#[tokio::main]
async fn main() {
    // The release build copied, with the static copies beside it, served from one server.
    let served = harness::dist_copy();
    // Set before the harness reads it (Browser::open, next), while no other thread runs yet.
    std::env::set_var("GONGWEN_DIST", served.path());
    let load_before = load_average();
    let b = harness::Browser::open().await;
    save_static_copy(&b, served.path(), "static-new.html").await;
    b.cdp("Page.addScriptToEvaluateOnNewDocument", json!({ "source": TIMES })).await;

    let clear = "localStorage.clear(); return null;";
    let (mut static_new, mut new_shown, mut new_started) = (vec![], vec![], vec![]);
    for round in 0..ROUNDS {
        // Alternate which goes first, so neither always follows the other.
        for first in [round % 2 == 0, round % 2 == 1] {
            if first {
                static_new.push(measure(&b, "static-new.html", false).await.0);
            } else {
                b.js(clear).await;
                let (s, a) = measure(&b, "", true).await;
                new_shown.push(s);
                new_started.push(a);
            }
        }
    }

    // The example draft stored: the app opens it on reload.
    b.client.goto(&format!("{}/", b.home())).await.expect("navigate");
    b.wait_for(harness::app_js::STARTED).await;
    b.click("#fill-example").await;
    b.preview_title(|t| t.contains("领导班子")).await;
    save_static_copy(&b, served.path(), "static-example.html").await;
    let (mut static_stored, mut stored_shown, mut stored_started) = (vec![], vec![], vec![]);
    for round in 0..ROUNDS {
        for first in [round % 2 == 0, round % 2 == 1] {
            if first {
                static_stored.push(measure(&b, "static-example.html", false).await.0);
            } else {
                let (s, a) = measure(&b, "", true).await;
                stored_shown.push(s);
                stored_started.push(a);
            }
        }
    }
    let stored = b.js("return localStorage.getItem('gongwen.drafts.v1') !== null;").await;
    assert_eq!(stored, Value::Bool(true), "the example draft stayed stored");
    let load_after = load_average();
    b.finish().await;

    println!(
        "startup: {ROUNDS} rounds each, served page and static copy alternately; load average {load_before} before, {load_after} after"
    );
    let report = |case: &str, fixed: f64, shown: f64, started: f64| {
        println!(
            "{case}: static copy {fixed:.1} ms; page: form shown {shown:.1} ms ({:.2}×), app started {started:.1} ms ({:.2}×)",
            shown / fixed,
            started / fixed
        );
    };
    report("new clerk, first visit", median(&static_new), median(&new_shown), median(&new_started));
    report("returning clerk, example stored", median(&static_stored), median(&stored_shown), median(&stored_started));
}
