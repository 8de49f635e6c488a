//! The keystroke measurement's scripts, shared by `keystroke.rs` (current Chromium over
//! chromedriver) and `engines.rs` (Chromium 86 and 109 over DevTools, Firefox ESR over
//! WebDriver). Each is one JavaScript expression (a promise where it waits), which both ways of
//! driving a page evaluate (WebDriver as `return EXPR;`).

/// Keystrokes per round.
pub const SAMPLES: usize = 40;

/// With the example filled in and the 一、总体情况 step on screen: its lead grows to about
/// 16,500 characters (the seed's body five more times: realistic text, with the seed's own
/// findings in it), so the draft holds about 20,000.
pub const GROW_DRAFT: &str = "(() => {
  const t = document.querySelector('.step-view[data-step=overview] textarea');
  const body = document.querySelector('#preview').textContent;
  t.value = (t.value + body.repeat(5)).slice(0, 16500);
  t.dispatchEvent(new InputEvent('input', {bubbles: true}));
  return null;
})()";

/// The preview's length in characters.
pub const PREVIEW_CHARS: &str = "document.querySelector('#preview').textContent.length";

/// Types into the 主送机关 box, alternately making and mending a placeholder (`**`), and
/// measures from just before the `input` event, each sample a list of three times (ms):
/// - **keystroke's frame** — the event handled (the app's synchronous work and the microtasks
///   after it: until the next task), then style and layout forced by reading a size: the main
///   thread's part of the frame that shows the typed character;
/// - **findings laid out** — until the finding's mark is in the box (or gone), laid out: the
///   frame that shows the checks' verdict (the same frame when the app checks at once);
/// - **next animation frame** after that (adds the wait for the display's next 16.7 ms tick);
/// - where the keystroke's frame goes, in a second pass of `SAMPLES` keystrokes: until the event's
///   listeners have returned (the app's reducer: yew renders in a microtask queued by them), then
///   until the microtasks queued so far are done (the components' rendering, yew's diff and the
///   DOM changes), then style and layout forced at once (`laid out`), before any frame can come
///   between.
///
/// Resolves to `[frame, findings, next, reduced, rendered, laid out]`, each a list of `SAMPLES`
/// numbers.
pub fn measure() -> String {
    format!(
        "(async () => {{
           const t = document.querySelector('#field-addressee');
           const marks = () => document.querySelectorAll('.guided-field[data-key=addressee] mark').length;
           const frame = [], found = [], next = [], reduced = [], rendered = [], laid = [];
           const drained = () => new Promise(r => queueMicrotask(r));
           const frameAfter = () => new Promise(r => requestAnimationFrame(() => r(performance.now())));
           // The next task: everything the event did at once, microtasks included, is done.
           const channel = new MessageChannel();
           const task = () => new Promise(r => {{ channel.port1.onmessage = () => r(); channel.port2.postMessage(0); }});
           for (let i = 0; i < {SAMPLES}; i++) {{
             const want = i % 2 === 0 ? 1 : 0;
             const t0 = performance.now();
             t.value = want ? '市委**巡察组：' : '市委巡察组：';
             t.dispatchEvent(new InputEvent('input', {{bubbles: true, data: '*', inputType: 'insertText'}}));
             await task();
             void document.body.offsetHeight;
             frame.push(performance.now() - t0);
             while (marks() !== want) {{
               await task();
               if (performance.now() - t0 > 2000) break;
             }}
             void document.body.offsetHeight;
             found.push(performance.now() - t0);
             next.push((await frameAfter()) - t0);
             await new Promise(r => setTimeout(r, 30));
           }}
           for (let i = 0; i < {SAMPLES}; i++) {{
             const want = i % 2 === 0 ? 1 : 0;
             const t0 = performance.now();
             t.value = want ? '市委**巡察组：' : '市委巡察组：';
             t.dispatchEvent(new InputEvent('input', {{bubbles: true, data: '*', inputType: 'insertText'}}));
             reduced.push(performance.now() - t0);
             await drained();
             rendered.push(performance.now() - t0);
             void document.body.offsetHeight;
             laid.push(performance.now() - t0);
             while (marks() !== want) {{
               await task();
               if (performance.now() - t0 > 2000) break;
             }}
             await new Promise(r => setTimeout(r, 30));
           }}
           return [frame, found, next, reduced, rendered, laid];
         }})()"
    )
}

/// What each of `measure`'s lists is, as printed.
pub const FIGURES: [&str; 6] = [
    "keystroke's frame (handled, laid out)",
    "findings laid out",
    "next animation frame",
    "split: the reducer",
    "split: reducer and rendering (components, diff, DOM)",
    "split: reducer, rendering, style and layout",
];

/// Median, 90th percentile and maximum of a list of numbers from the page.
pub fn quantiles(v: &serde_json::Value) -> (f64, f64, f64) {
    let mut xs: Vec<f64> = v.as_array().map(|a| a.iter().filter_map(serde_json::Value::as_f64).collect()).unwrap_or_default();
    xs.sort_by(|a, b| a.total_cmp(b));
    let at = |q: f64| xs.get(((xs.len() as f64 - 1.0) * q).round() as usize).copied().unwrap_or(f64::NAN);
    (at(0.5), at(0.9), xs.last().copied().unwrap_or(f64::NAN))
}
