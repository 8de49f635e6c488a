//! The few browser calls the app makes, each returning a Chinese message on failure.
use wasm_bindgen::JsCast;

/// Offer `bytes` as a file download named `name`.
pub fn download(name: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    let fail = |what: &str| format!("无法下载文件（{what}）。请换用较新的浏览器再试，草稿内容不受影响。");
    let window = web_sys::window().ok_or_else(|| fail("没有浏览器窗口"))?;
    let document = window.document().ok_or_else(|| fail("没有页面"))?;
    let body = document.body().ok_or_else(|| fail("没有页面正文"))?;

    let parts = js_sys_array_of(bytes);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)
        .map_err(|_| fail("无法生成文件"))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| fail("无法生成下载地址"))?;

    let result = (|| {
        let anchor: web_sys::HtmlAnchorElement = document
            .create_element("a")
            .map_err(|_| fail("无法创建链接"))?
            .dyn_into()
            .map_err(|_| fail("无法创建链接"))?;
        anchor.set_href(&url);
        anchor.set_download(name);
        anchor.set_hidden(true);
        body.append_child(&anchor).map_err(|_| fail("无法创建链接"))?;
        anchor.click();
        let _ = body.remove_child(&anchor);
        Ok(())
    })();
    // Chromium has copied the blob into the download by the time click() returns; revoking
    // later would also work but leaves the URL alive for the page's lifetime.
    let _ = web_sys::Url::revoke_object_url(&url);
    result
}

/// A JS array holding one Uint8Array copy of `bytes`, as `Blob`'s constructor wants.
fn js_sys_array_of(bytes: &[u8]) -> wasm_bindgen::JsValue {
    let array = web_sys::js_sys::Array::new();
    array.push(&web_sys::js_sys::Uint8Array::from(bytes));
    array.into()
}
