//! The keystroke and start-up figures of `keystroke.rs` and `startup.rs` in the engine matrix's
//! other engines: Chromium 86 and 109 (the npm builds, over DevTools) and Firefox ESR (over
//! WebDriver, its preload script by WebDriver BiDi). Run by `scripts/bench.sh` after the release
//! build; prints the figures (no pass/fail).
//!
//! Cheaper than the two benches it follows: the served page only (no single file), 7 rounds of
//! start-up each (the median of 7), 40 keystrokes. Firefox has no CPU throttling: its
//! figures are at full speed only, and say so. An engine that is not installed is skipped, with
//! a line saying so (scripts/test.sh unpacks the old Chromium builds).
#[path = "../tests/common/app_js.rs"]
mod app_js;
#[path = "../tests/engines/cdp.rs"]
#[allow(dead_code)]
mod cdp;
#[path = "../tests/common/dist.rs"]
mod dist;
#[path = "common/keystroke_js.rs"]
mod keystroke_js;
#[path = "../tests/engines/launch.rs"]
#[allow(dead_code)]
mod launch;
#[path = "../tests/engines/page.rs"]
#[allow(dead_code)]
mod page;
#[path = "../tests/common/process.rs"]
#[allow(dead_code)]
mod process;
#[path = "common/startup_js.rs"]
mod startup_js;

use page::{Engine, Home, Page};
use std::time::{Duration, Instant};

const ROUNDS: usize = 7;

/// Whether `engine` is installed here.
fn installed(engine: Engine) -> bool {
    match engine {
        Engine::Chromium86 => launch::tools_dir().join("old-chromium/86/chromium").is_file(),
        Engine::Chromium109 => launch::tools_dir().join("old-chromium/109/chromium").is_file(),
        Engine::FirefoxEsr => {
            let firefox = std::env::var("FIREFOX").unwrap_or_else(|_| "/usr/bin/firefox-esr".into());
            std::path::Path::new(&firefox).is_file()
        }
        Engine::WebKit => false,
    }
}

/// The speeds measured: full speed, and the CPU slowed 4× where the engine can be slowed.
async fn speeds(p: &Page) -> Vec<u32> {
    if p.throttle_cpu(1).await {
        vec![1, 4]
    } else {
        vec![1]
    }
}

fn speed_label(rate: u32) -> String {
    if rate == 1 {
        "full speed".to_string()
    } else {
        format!("CPU/{rate}")
    }
}

/// The example filled in, in a fresh tab of the page served from `home`.
async fn with_example(p: &Page) {
    p.click("#fill-example").await;
    p.wait_js(app_js::PREVIEW_TITLE, |v| v.as_str().is_some_and(|t| t.contains("领导班子"))).await;
}

async fn keystrokes(engine: Engine) -> Vec<String> {
    let p = Page::open(engine, Home::served()).await;
    with_example(&p).await;
    p.goto_step("overview").await;
    p.eval(keystroke_js::GROW_DRAFT).await;
    p.goto_step("addressee").await;
    let chars = p.wait_js(keystroke_js::PREVIEW_CHARS, |v| v.as_u64().unwrap_or(0) > 19000).await;
    let mut lines = vec![format!("keystroke, draft of {chars} characters in the preview, {} keystrokes a round", keystroke_js::SAMPLES)];
    for rate in speeds(&p).await {
        p.throttle_cpu(rate).await;
        let result = p.eval(&keystroke_js::measure()).await;
        for (i, what) in keystroke_js::FIGURES.iter().enumerate() {
            let (p50, p90, max) = keystroke_js::quantiles(&result[i]);
            lines.push(format!("{}: keystroke → {what}: median {p50:.2} ms, p90 {p90:.2} ms, max {max:.2} ms", speed_label(rate)));
        }
    }
    p.throttle_cpu(1).await;
    p.finish().await;
    lines
}

/// Open `url` and wait for the times `TIMES` records (a static copy has no app: only shown).
async fn load(p: &Page, url: &str, needs_start: bool) -> (f64, f64) {
    p.visit(url).await;
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let t = p.eval("window.__gongwenTimes || null").await;
        match (t["shown"].as_f64(), t["typing"].as_f64()) {
            (Some(s), Some(k)) => return (s, k),
            (Some(s), None) if !needs_start => return (s, f64::NAN),
            _ => {}
        }
        assert!(Instant::now() < deadline, "{}: {url}: the form never showed ({t})", p.engine.name());
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

fn median(mut xs: Vec<f64>) -> f64 {
    xs.retain(|x| x.is_finite());
    xs.sort_by(|a, b| a.total_cmp(b));
    match xs.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => xs[n / 2],
        n => (xs[n / 2 - 1] + xs[n / 2]) / 2.0,
    }
}

/// `ROUNDS` loads of the page and of its static copy, alternately: the medians of the static
/// copy's form shown and of the page's time to typing, and their ratio.
async fn rounds(p: &Page, page: &str, fixed: &str, fresh: bool) -> (f64, f64) {
    let (mut f, mut typing) = (vec![], vec![]);
    for round in 0..ROUNDS {
        for first in [round % 2 == 0, round % 2 == 1] {
            if first {
                f.push(load(p, fixed, false).await.0);
            } else {
                if fresh {
                    p.eval("localStorage.clear()").await;
                }
                typing.push(load(p, page, true).await.1);
            }
        }
    }
    (median(f), median(typing))
}

/// The page's HTML as rendered now, without scripts (`startup_js::STATIC_COPY`), into `path`.
async fn save_static_copy(p: &Page, path: &std::path::Path) {
    let html = p.eval(&format!("(() => {{ {} }})()", startup_js::STATIC_COPY)).await;
    std::fs::write(path, html.as_str().expect("the page's HTML")).expect("write the static copy");
}

async fn startup(engine: Engine) -> Vec<String> {
    let served = dist::dist_copy();
    let served_home = Home::Served(dist::Server::start(served.path().canonicalize().expect("the copy")));
    let Home::Served(server) = &served_home else { unreachable!("served") };
    let origin = server.origin.clone();
    let home = format!("{origin}/");
    let at = |name: &str| format!("{origin}/{name}");
    let p = Page::open(engine, served_home).await;
    save_static_copy(&p, &served.path().join("static-new.html")).await;
    if !p.run_in_new_documents(startup_js::TIMES).await {
        return vec!["start-up: this driver runs no script before the page's own: not measured".to_string()];
    }
    let mut lines = vec![format!("start-up, served page, {ROUNDS} rounds each, page and static copy alternately; time to typing")];
    let mut report = |speed: &str, case: &str, (fixed, typing): (f64, f64), goal: f64| {
        lines.push(format!(
            "{speed}, {case}: static copy {fixed:.1} ms; time to typing {typing:.1} ms ({:.2}×, goal ≤ {goal}×)",
            typing / fixed
        ))
    };
    let rates = speeds(&p).await;
    for &rate in &rates {
        p.throttle_cpu(rate).await;
        report(&speed_label(rate), "new clerk", rounds(&p, &home, &at("static-new.html"), true).await, 1.5);
    }
    p.throttle_cpu(1).await;
    p.visit(&home).await;
    p.wait_for(app_js::STARTED).await;
    with_example(&p).await;
    save_static_copy(&p, &served.path().join("static-example.html")).await;
    for &rate in &rates {
        p.throttle_cpu(rate).await;
        report(&speed_label(rate), "returning clerk (example stored)", rounds(&p, &home, &at("static-example.html"), false).await, 1.2);
    }
    p.throttle_cpu(1).await;
    p.finish().await;
    lines
}

#[tokio::main]
async fn main() {
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    println!("engines: load average {}", load.split_whitespace().take(3).collect::<Vec<_>>().join(" "));
    for engine in [Engine::Chromium86, Engine::Chromium109, Engine::FirefoxEsr] {
        if !installed(engine) {
            println!("[{}] not installed here: skipped", engine.name());
            continue;
        }
        let mut lines = keystrokes(engine).await;
        lines.extend(startup(engine).await);
        if engine == Engine::FirefoxEsr {
            lines.push("(Firefox has no CPU throttling: full speed only)".to_string());
        }
        for line in lines {
            println!("[{}] {line}", engine.name());
        }
    }
}
