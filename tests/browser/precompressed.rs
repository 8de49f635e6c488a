//! The served page's .wasm crosses the wire precompressed (`xtask wasm-gz`: gzip made by
//! zopfli, no `Content-Encoding`) and the page unzips it with `DecompressionStream`.
use crate::harness::{dist_dir, Browser};
use serde_json::{json, Value};

fn dist_wasm() -> Vec<u8> {
    let wasm = std::fs::read_dir(dist_dir())
        .expect("dist/")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| p.extension().is_some_and(|x| x == "wasm"))
        .expect("a .wasm in dist/");
    std::fs::read(wasm).expect("the .wasm")
}

/// The bytes the browser received for the .wasm are the zopfli file's, and the app starts.
#[tokio::test]
#[ignore = "needs dist/ and Chromium: run scripts/test.sh"]
async fn the_wasm_arrives_gzipped_and_the_page_unzips_it() {
    let file = dist_wasm();
    assert_eq!(&file[..2], b"\x1f\x8b", "dist's .wasm is not precompressed");
    let b = Browser::open().await;
    b.wait_for(".app").await;
    let sizes = b
        .js("const e = performance.getEntriesByType('resource').filter(e => e.name.endsWith('.wasm'));
             return e.map(e => [e.encodedBodySize, e.decodedBodySize]);")
        .await;
    let sizes = sizes.as_array().cloned().unwrap_or_default();
    assert!(!sizes.is_empty(), "the .wasm was not loaded");
    for entry in &sizes {
        // As many bytes on the wire as the file holds, and no Content-Encoding undone on the way.
        assert_eq!(entry, &json!([file.len(), file.len()]), "{sizes:?}");
    }
    b.finish().await;
}

/// A server or proxy that unzips the file on the way (or a build by hand left it raw): the
/// loader uses the bytes as they are.
#[tokio::test]
#[ignore = "needs dist/ and Chromium: run scripts/test.sh"]
async fn a_wasm_unzipped_on_the_way_still_starts_the_app() {
    let b = Browser::open().await;
    let unzipping_fetch = "const f = window.fetch; window.unzippedOnTheWay = 0;
        window.fetch = (url, init) => f(url, init).then((r) => {
          if (!String(url).endsWith('.wasm')) return r;
          window.unzippedOnTheWay++;
          return new Response(r.body.pipeThrough(new DecompressionStream('gzip')), { status: r.status });
        });";
    b.cdp("Page.addScriptToEvaluateOnNewDocument", json!({ "source": unzipping_fetch })).await;
    b.client.refresh().await.expect("reload");
    b.wait_for(".app").await;
    assert_eq!(b.js("return window.unzippedOnTheWay;").await, json!(1));
    b.finish().await;
}

/// Without `DecompressionStream` (Chromium before 80, Firefox before 113, Safari before 16.4)
/// the served page tells the clerk in Chinese the browser is too old.
#[tokio::test]
#[ignore = "needs dist/ and Chromium: run scripts/test.sh"]
async fn without_decompression_the_served_page_says_what_to_do() {
    let b = Browser::open().await;
    b.cdp("Page.addScriptToEvaluateOnNewDocument", json!({ "source": "delete window.DecompressionStream;" })).await;
    b.client.refresh().await.expect("reload");
    let told = b.wait_js("return document.querySelector('[role=alert]')?.textContent ?? null;", Value::is_string).await;
    let told = told.as_str().unwrap_or_default().to_string();
    let form = b.js(super::single_file::NO_FORM).await;
    let _ = b.client.close().await;
    assert!(told.contains("浏览器版本太旧") && told.contains("本页"), "{told}");
    assert_eq!(form, json!([null, "none"]), "no app, and the prerendered first screen hidden: the message stands in its place");
}
