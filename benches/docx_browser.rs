//! The Word button in real headless Chromium, on the example draft: from the click to the file
//! handed to the browser's download (the bytes built in wasm and wrapped in a Blob). Run by
//! `scripts/bench.sh` after the release build; prints the figures.
#[path = "../tests/browser/harness.rs"]
#[allow(dead_code, unused_imports)]
mod harness;

use serde_json::Value;

const SAMPLES: usize = 20;

#[tokio::main]
async fn main() {
    let b = harness::Browser::open().await;
    b.click("#fill-example").await;
    // The example has no error, so each click downloads at once.
    b.wait_js("return document.getElementById('check-summary').textContent;", |v| v.as_str().is_some_and(|s| !s.contains("需要修改")))
        .await;
    let script = format!(
        "const done = arguments[arguments.length - 1];
         const create = URL.createObjectURL;
         let handed = null, size = 0;
         URL.createObjectURL = blob => {{ handed = performance.now(); size = blob.size; return create.call(URL, blob); }};
         const button = document.getElementById('download-docx');
         const times = [];
         (async () => {{
           for (let i = 0; i < {SAMPLES}; i++) {{
             const t0 = performance.now();
             button.click();
             times.push(handed - t0);
             await new Promise(r => setTimeout(r, 50));
           }}
           URL.createObjectURL = create;
           done([times, size]);
         }})();"
    );
    let result = b.client.execute_async(&script, vec![]).await.expect("the measurement script");
    let mut xs: Vec<f64> = result[0].as_array().map(|a| a.iter().filter_map(Value::as_f64).collect()).unwrap_or_default();
    xs.sort_by(|a, b| a.total_cmp(b));
    let at = |q: f64| xs.get(((xs.len() as f64 - 1.0) * q).round() as usize).copied().unwrap_or(f64::NAN);
    println!("example draft as .docx ({} bytes); {SAMPLES} clicks", result[1]);
    println!("click → file handed to the download: median {:.2} ms, p90 {:.2} ms, max {:.2} ms", at(0.5), at(0.9), at(1.0));
    b.finish().await;
}
