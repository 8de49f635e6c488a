//! Reading a Word file in the page: the .docx reader (`domain::input::docx`) is not in the app's
//! module but in its own small one (`docx-reader/`), packed like the app (`xtask reader`), which
//! the page takes only when a Word file is opened — from the single file's data block, else
//! from `reader/docx.lzma` beside the served page — unpacks with the decoder already in the
//! page (`#gongwen-unpack`) and runs on the file's bytes. Both modules have the same three
//! exports: room for the input, the work, where the answer is.
use wasm_bindgen::JsCast;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;
use web_sys::js_sys::{Function, Object, Reflect, Uint8Array, WebAssembly};

/// Beside the served page (`xtask reader`'s `PATH`).
const READER_FILE: &str = gongwen_shared::READER_PATH;
/// The single file's data block with the packed reader; the page's with the decoder.
const READER_BLOCK: &str = gongwen_shared::READER_BLOCK_ID;
const DECODER_BLOCK: &str = gongwen_shared::DECODER_ID;

const NOT_LOADED: &str = "读取 Word 文件的部分没能载入，请刷新页面后再试；或在 Word、WPS 中把报告“另存为”纯文本（.txt）后打开。";

/// The text of a Word file's bytes, or why not (in Chinese; a file the reader refuses gets its
/// message: another format, a password, a damaged file).
pub async fn read_docx(bytes: &[u8]) -> Result<String, String> {
    let packed = match block_bytes(READER_BLOCK) {
        Some(b) => b,
        None => fetch_bytes(READER_FILE).await.ok_or(NOT_LOADED)?,
    };
    let decoder = block_bytes(DECODER_BLOCK).ok_or(NOT_LOADED)?;
    let reader = run(&decoder, &packed, "unpack", "unpacked").await.filter(|m| !m.is_empty()).ok_or(NOT_LOADED)?;
    let answer = run(&reader, bytes, "read_docx", "answer_at").await.ok_or(NOT_LOADED)?;
    let text = String::from_utf8(answer.get(1..).unwrap_or_default().to_vec()).map_err(|_| NOT_LOADED.to_string())?;
    match answer.first() {
        Some(0) => Ok(text),
        Some(1) => Err(text),
        _ => Err(NOT_LOADED.to_string()),
    }
}

/// A base64 data block's bytes (the page keeps its data blocks in <head> once the app has
/// mounted: `browser::keep_data_blocks`).
fn block_bytes(id: &str) -> Option<Vec<u8>> {
    let window = web_sys::window()?;
    let text = window.document()?.get_element_by_id(id)?.text_content()?;
    let binary = window.atob(text.trim()).ok()?;
    binary.chars().map(|c| u8::try_from(u32::from(c)).ok()).collect()
}

async fn fetch_bytes(url: &str) -> Option<Vec<u8>> {
    let window = web_sys::window()?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(url)).await.ok()?.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    let buffer = JsFuture::from(response.array_buffer().ok()?).await.ok()?;
    Some(Uint8Array::new(&buffer).to_vec())
}

/// Instantiates `module` (no imports), copies `input` into its memory (`alloc`), calls
/// `work(at, len)` → the answer's length, and copies the answer out from `answer()`.
async fn run(module: &[u8], input: &[u8], work: &str, answer: &str) -> Option<Vec<u8>> {
    let made = JsFuture::from(WebAssembly::instantiate_buffer(module, &Object::new())).await.ok()?;
    let exports = Reflect::get(&Reflect::get(&made, &"instance".into()).ok()?, &"exports".into()).ok()?;
    let function = |name: &str| Reflect::get(&exports, &name.into()).ok()?.dyn_into::<Function>().ok();
    let number = |v: JsValue| v.as_f64().map(|n| n as u32);
    let len = u32::try_from(input.len()).ok()?;
    let at = number(function("alloc")?.call1(&JsValue::NULL, &len.into()).ok()?)?;
    let memory = || Reflect::get(&exports, &"memory".into()).ok()?.dyn_into::<WebAssembly::Memory>().ok();
    Uint8Array::new(&memory()?.buffer()).set(&Uint8Array::from(input), at);
    let n = number(function(work)?.call2(&JsValue::NULL, &at.into(), &len.into()).ok()?)?;
    let from = number(function(answer)?.call0(&JsValue::NULL).ok()?)?;
    Some(Uint8Array::new_with_byte_offset_and_length(&memory()?.buffer(), from, n).to_vec())
}
