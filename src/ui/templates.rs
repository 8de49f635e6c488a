//! Where the page gets a report template (the choice of source is here; what a template and an
//! index are is `domain::model::gallery`): built into the app, embedded in the single file
//! (`<script type="application/json" data-template=ID>`, a data block that is never run), kept
//! in this browser after the clerk opened it from a file, or fetched from `templates/` beside
//! the served page (same origin).
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::storage::Local;
use crate::domain::model::builtin;
use crate::domain::model::gallery::{entry_for, read_index, url_of, Choice, IndexRead, INDEX_FILE, TEMPLATES_DIR};
use crate::domain::model::template::Template;
use crate::domain::store::template_store::{self, Loaded};

/// A template this page has without asking a server: built in, in the single file, or kept.
pub fn local(id: &str) -> Option<Template> {
    builtin::load(id).and_then(Result::ok).or_else(|| embedded(id)).or_else(|| template_store::load(&Local, id))
}

/// The single file's copy of a built-in template.
fn embedded(id: &str) -> Option<Template> {
    let blocks = web_sys::window()?.document()?.query_selector_all("script[data-template]").ok()?;
    (0..blocks.length())
        .filter_map(|i| blocks.item(i)?.dyn_into::<web_sys::Element>().ok())
        .find(|e| e.get_attribute("data-template").as_deref() == Some(id))
        .and_then(|e| Template::from_json(&e.text_content()?).ok())
}

/// Whether the page may fetch templates beside it: served over http(s), and not the single
/// file (whose policy allows no connection at all; it embeds every built-in template).
pub fn may_fetch() -> bool {
    let Some(window) = web_sys::window() else { return false };
    let served = window.location().protocol().is_ok_and(|p| p == "http:" || p == "https:");
    let single = window.document().is_some_and(|d| d.get_element_by_id(gongwen_shared::WASM_BLOCK_ID).is_some());
    served && !single
}

/// A file beside the page, as bytes (a template must be UTF-8: decoding it here would turn
/// damaged bytes into `�` unseen).
async fn fetch_bytes(url: &str) -> Result<Vec<u8>, String> {
    let response = fetch(url).await?;
    let buffer = response.array_buffer().map_err(|_| "服务器的回答无法读取".to_string())?;
    let buffer = JsFuture::from(buffer).await.map_err(|_| "服务器的回答无法读取".to_string())?;
    Ok(web_sys::js_sys::Uint8Array::new(&buffer).to_vec())
}

async fn fetch(url: &str) -> Result<web_sys::Response, String> {
    let window = web_sys::window().ok_or("没有浏览器窗口")?;
    let response = JsFuture::from(window.fetch_with_str(url)).await.map_err(|_| "连不上网页所在的服务器".to_string())?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| "服务器的回答无法读取".to_string())?;
    if !response.ok() {
        return Err(format!("服务器回答 {}", response.status()));
    }
    Ok(response)
}

async fn fetch_text(url: &str) -> Result<String, String> {
    let response = fetch(url).await?;
    let text = response.text().map_err(|_| "服务器的回答无法读取".to_string())?;
    JsFuture::from(text).await.ok().and_then(|t| t.as_string()).ok_or_else(|| "服务器的回答无法读取".to_string())
}

/// The unit's own index beside the served page. Having none is normal (the single file, a page
/// opened from a folder, a server without one): then it is empty, and nothing is said. One that
/// is there but broken lists its good entries and says what is wrong (`read_index`).
pub async fn unit_index() -> IndexRead {
    if !may_fetch() {
        return IndexRead::default();
    }
    match fetch_text(&format!("{TEMPLATES_DIR}{INDEX_FILE}")).await {
        Ok(json) => read_index(&json),
        Err(_) => IndexRead::default(),
    }
}

/// The template of report type `id`: one of `loaded`, else loaded (the desk keeps it, for next
/// time, when it is sent there with what it is for). `Err` is a Chinese sentence naming the
/// report type or the file.
pub async fn ensure(loaded: Loaded, choices: Rc<Vec<Choice>>, id: String) -> Result<Rc<Template>, String> {
    if let Some(t) = loaded.get(&id) {
        return Ok(t);
    }
    let template = match local(&id) {
        Some(t) => t,
        None => {
            let entry = entry_for(&choices, &id)
                .filter(|_| may_fetch())
                .ok_or_else(|| format!("这是另一种报告（{id}）的草稿，这里找不到它的报告模板。"))?;
            let bytes = fetch_bytes(&url_of(entry)).await.map_err(|why| format!("报告模板“{}”没能载入（{why}）。", entry.name))?;
            let t = Template::from_bytes(&bytes).map_err(|e| format!("文件 {}：{}。", entry.file, e.to_string().trim_end_matches('。')))?;
            if t.id != id {
                return Err(format!("文件 {} 里是另一种报告（{}）。", entry.file, t.id));
            }
            t
        }
    };
    Ok(Rc::new(template))
}
