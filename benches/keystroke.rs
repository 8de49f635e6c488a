//! Keystroke to painted findings, in real headless Chromium, on a ~20,000-character draft.
//! Run by `scripts/bench.sh` after the release build; prints the figures (no pass/fail: speed
//! is a benchmark, not a test).
//!
//! Each sample types one character into a free-text field through a real `input` event and
//! measures, with the Performance API inside the page:
//! - until the DOM shows the new state (the finding's mark is there or gone), and
//! - until the next animation frame after that, i.e. when the browser can paint it.
#[path = "../tests/browser/harness.rs"]
#[allow(dead_code, unused_imports)]
mod harness;

use serde_json::Value;

const SAMPLES: usize = 40;

#[tokio::main]
async fn main() {
    let b = harness::Browser::open().await;
    b.click("#fill-example").await;
    // Grow the draft to ~20,000 characters: the overview's lead gets the seed's body four more
    // times (it stays realistic text, with the seed's own findings in it).
    b.goto_step("overview").await;
    let size = b
        // The first free-text box of the step (the lead itself is a sentence with key figures).
        .js("const t = document.querySelector('.step-view[data-step=overview] textarea');
             const body = document.querySelector('#preview').textContent;
             t.value = (t.value + body.repeat(5)).slice(0, 16500);
             t.dispatchEvent(new InputEvent('input', {bubbles: true}));
             return null;")
        .await;
    let _ = size;
    b.goto_step("addressee").await;
    let chars = b.wait_js("return document.querySelector('#preview').textContent.length;", |v| v.as_u64().unwrap_or(0) > 19000).await;
    println!("draft size: {chars} characters in the preview; {SAMPLES} keystrokes per round");
    for rate in [1, 4] {
        // DevTools CPU throttling, as the issue measures an old office PC (CPU slowed 4×).
        b.cdp("Emulation.setCPUThrottlingRate", serde_json::json!({ "rate": rate })).await;
        let result = b.client.execute_async(&measure_script(), vec![]).await.expect("the measurement script");
        let label = if rate == 1 { "full speed".to_string() } else { format!("CPU/{rate}") };
        for (i, what) in ["findings in the DOM", "laid out, ready to paint", "next animation frame"].iter().enumerate() {
            let (p50, p90, max) = quantiles(&result[i]);
            println!("{label}: keystroke → {what}: median {p50:.2} ms, p90 {p90:.2} ms, max {max:.2} ms");
        }
    }
    b.cdp("Emulation.setCPUThrottlingRate", serde_json::json!({ "rate": 1 })).await;
    b.finish().await;
}

/// Median, 90th percentile and maximum of a list of numbers from the page.
fn quantiles(v: &Value) -> (f64, f64, f64) {
    let mut xs: Vec<f64> = v.as_array().map(|a| a.iter().filter_map(Value::as_f64).collect()).unwrap_or_default();
    xs.sort_by(|a, b| a.total_cmp(b));
    let at = |q: f64| xs.get(((xs.len() as f64 - 1.0) * q).round() as usize).copied().unwrap_or(f64::NAN);
    (at(0.5), at(0.9), xs.last().copied().unwrap_or(f64::NAN))
}

/// Types into the 主送机关 box, alternately making and mending a placeholder, and measures from
/// the `input` event to: the finding's mark in the DOM; style and layout done (forced by reading
/// a size: the main thread's part of the frame); the next animation frame (which adds the wait
/// for the display's next 16.7 ms tick, whatever the app does).
fn measure_script() -> String {
    format!(
        "const done = arguments[arguments.length - 1];
         const t = document.querySelector('#field-addressee');
         const marks = () => document.querySelectorAll('.guided-field[data-key=addressee] mark').length;
         const dom = [], laid = [], frame = [];
         const frameAfter = () => new Promise(r => requestAnimationFrame(() => r(performance.now())));
         (async () => {{
           for (let i = 0; i < {SAMPLES}; i++) {{
             const want = i % 2 === 0 ? 1 : 0;
             const t0 = performance.now();
             t.value = want ? '市委**巡察组：' : '市委巡察组：';
             t.dispatchEvent(new InputEvent('input', {{bubbles: true, data: '*', inputType: 'insertText'}}));
             while (marks() !== want) {{ await Promise.resolve(); if (performance.now() - t0 > 2000) break; }}
             dom.push(performance.now() - t0);
             void document.body.offsetHeight;
             laid.push(performance.now() - t0);
             frame.push((await frameAfter()) - t0);
             await new Promise(r => setTimeout(r, 30));
           }}
           done([dom, laid, frame]);
         }})();"
    )
}
