//! Keystroke to frame, in real headless Chromium, on a ~20,000-character draft. Run by
//! `scripts/bench.sh` after the release build; prints the figures (no pass/fail: speed is a
//! benchmark, not a test). `engines.rs` gives the same figures in Chromium 86 and 109 and
//! Firefox ESR.
//!
//! Each sample types one character into the 主送机关 box through a real `input` event and
//! measures, with the Performance API inside the page (`common/keystroke_js.rs`):
//! - the keystroke's own frame: the event handled and the page laid out (issue #24: ≤ 8 ms at
//!   full speed, ≤ 16 ms with the CPU slowed 4×);
//! - until the finding's mark is in the box (or gone) and laid out;
//! - until the next animation frame after that, i.e. when the browser can paint it;
//! - in a second pass, where the app's own part of the frame goes: its reducer, its rendering
//!   (components, yew's diff, the DOM), then style and layout (the rest of the frame's time is
//!   the browser's: painting and handing the frame on).
#[path = "../tests/browser/harness.rs"]
#[allow(dead_code, unused_imports)]
mod harness;
#[path = "common/keystroke_js.rs"]
mod keystroke_js;

use keystroke_js::{quantiles, FIGURES, SAMPLES};

#[tokio::main]
async fn main() {
    let b = harness::Browser::open().await;
    b.click("#fill-example").await;
    b.goto_step("overview").await;
    b.js(&format!("return {};", keystroke_js::GROW_DRAFT)).await;
    b.goto_step("addressee").await;
    let chars = b.wait_js(&format!("return {};", keystroke_js::PREVIEW_CHARS), |v| v.as_u64().unwrap_or(0) > 19000).await;
    println!("draft size: {chars} characters in the preview; {SAMPLES} keystrokes per round");
    for rate in [1, 4] {
        // DevTools CPU throttling, as the issue measures an old office PC (CPU slowed 4×).
        b.cdp("Emulation.setCPUThrottlingRate", serde_json::json!({ "rate": rate })).await;
        let result = b.js(&format!("return {};", keystroke_js::measure())).await;
        let label = if rate == 1 { "full speed".to_string() } else { format!("CPU/{rate}") };
        for (i, what) in FIGURES.iter().enumerate() {
            let (p50, p90, max) = quantiles(&result[i]);
            println!("{label}: keystroke → {what}: median {p50:.2} ms, p90 {p90:.2} ms, max {max:.2} ms");
        }
    }
    b.cdp("Emulation.setCPUThrottlingRate", serde_json::json!({ "rate": 1 })).await;
    b.finish().await;
}
