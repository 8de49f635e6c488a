//! The served page's .wasm crosses the wire LZMA-packed (`xtask wasm-lzma`, no
//! `Content-Encoding`) and the page unpacks it with the decoder module it carries
//! (`#gongwen-unpack`, built from `unpack/`).
use crate::harness::{dist_dir, Browser};
use serde_json::{json, Value};
use std::path::PathBuf;

fn dist_wasm_path() -> PathBuf {
    std::fs::read_dir(dist_dir())
        .expect("dist/")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| p.extension().is_some_and(|x| x == "wasm"))
        .expect("a .wasm in dist/")
}

/// The bytes the browser received for the .wasm are the packed file's, the page unpacks them
/// (with no `DecompressionStream`: the floor does not need it) and the app takes typing.
#[tokio::test]
#[ignore = "needs dist/ and Chromium: run scripts/test.sh"]
async fn the_wasm_arrives_packed_and_the_page_unpacks_it() {
    let file = std::fs::read(dist_wasm_path()).expect("the .wasm");
    assert_ne!(&file[..4], b"\0asm", "dist's .wasm is not packed");
    let b = Browser::open().await;
    b.cdp("Page.addScriptToEvaluateOnNewDocument", json!({ "source": "delete window.DecompressionStream;" })).await;
    b.client.refresh().await.expect("reload");
    b.wait_for(crate::harness::app_js::STARTED).await;
    let sizes = b
        .js("const e = performance.getEntriesByType('resource').filter(e => e.name.endsWith('.wasm'));
             return e.map(e => [e.encodedBodySize, e.decodedBodySize]);")
        .await;
    let sizes = sizes.as_array().cloned().unwrap_or_default();
    assert_eq!(sizes.len(), 1, "one .wasm fetched (the decoder is in the page): {sizes:?}");
    // As many bytes on the wire as the file holds, and no Content-Encoding undone on the way.
    assert_eq!(sizes[0], json!([file.len(), file.len()]), "{sizes:?}");
    b.goto_step("opening").await;
    b.type_into("#field-opening", "我县共有*名干部").await;
    let placeholders = format!("return {};", crate::harness::app_js::placeholder_findings("opening"));
    b.wait_js(&placeholders, |v| v.as_array().is_some_and(|a| a.len() == 1)).await;
    b.finish().await;
}

/// A raw module (a build by hand, or one unpacked on the way) is used as it is.
#[tokio::test]
#[ignore = "needs dist/ and Chromium: run scripts/test.sh"]
async fn a_raw_wasm_still_starts_the_app() {
    let dir = crate::harness::dist_copy();
    let wasm = dir.path().join(dist_wasm_path().file_name().expect("a file name"));
    let packed = std::fs::read(&wasm).expect("the .wasm");
    let raw = gongwen_unpack::unpack_bytes(&packed).expect("dist's .wasm unpacks");
    assert_eq!(&raw[..4], b"\0asm");
    std::fs::write(&wasm, raw).expect("write the raw module");
    let b = Browser::open_at(dir.path()).await;
    b.wait_for(crate::harness::app_js::STARTED).await;
    b.finish().await;
}

/// A packed file cut short on the way: the clerk is told in Chinese the app did not start, and
/// no app half-starts over the message.
#[tokio::test]
#[ignore = "needs dist/ and Chromium: run scripts/test.sh"]
async fn a_damaged_wasm_says_so() {
    let b = Browser::open().await;
    let cutting_fetch = "const f = window.fetch;
        window.fetch = (url, init) => f(url, init).then((r) => !String(url).endsWith('.wasm') ? r
          : r.arrayBuffer().then((bytes) => new Response(bytes.slice(0, bytes.byteLength >> 1), { status: 200 })));";
    b.cdp("Page.addScriptToEvaluateOnNewDocument", json!({ "source": cutting_fetch })).await;
    b.client.refresh().await.expect("reload");
    let told = b.wait_js("return document.querySelector('[role=alert]')?.textContent ?? null;", Value::is_string).await;
    let told = told.as_str().unwrap_or_default().to_string();
    let form = b.js(super::single_file::NO_FORM).await;
    let _ = b.client.close().await;
    assert!(told.contains("没能启动") && told.contains("刷新"), "{told}");
    assert_eq!(form, json!([null, "none"]), "no app, and the prerendered first screen hidden: the message stands in its place");
}
