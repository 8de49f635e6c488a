//! 模板制作 loaded when the clerk opens it: the workshop (`workshop/`) is its own WebAssembly
//! module (`src/workshop_main.rs`), which the page's loader fetches and starts only now — from
//! the single file's data block, else from `workshop/` beside the served page — through the
//! global it defines (`gongwen_shared::WORKSHOP_GLOBAL`: `open(start)`). Meanwhile the gallery
//! says 正在打开模板制作……; if it cannot load, the gallery says why, and the open draft is as it
//! was. The app's module holds no workshop code: the loader and the workshop tell it what
//! happened by one window event (`EVENT`), its `detail` a text: `opened`, `failed:<why>` (the
//! loader), `kept:<id>` (a 本机模板 kept, read from this browser's storage) or none (closed).
use wasm_bindgen::JsCast;
use yew::Callback;

use crate::domain::store::desk::{Do, WorkshopStart};

/// The workshop's window event.
pub const EVENT: &str = gongwen_shared::WORKSHOP_EVENT;

const NOT_LOADED: &str = "模板制作没能打开，请刷新页面后再试。正在写的草稿没有受影响。";

/// Opens the workshop on `start` (the loader answers by `EVENT`).
pub fn open(desk: Callback<Do>, start: WorkshopStart) {
    let text = start.to_text();
    desk.emit(Do::OpeningWorkshop(start));
    if call_open(&text).is_none() {
        desk.emit(Do::OpenWorkshop(Err(NOT_LOADED.to_string())));
    }
}

fn call_open(start: &str) -> Option<()> {
    use web_sys::js_sys::{Function, Reflect};
    let window: wasm_bindgen::JsValue = web_sys::window()?.into();
    let api = Reflect::get(&window, &gongwen_shared::WORKSHOP_GLOBAL.into()).ok()?;
    let open: Function = Reflect::get(&api, &"open".into()).ok()?.dyn_into().ok()?;
    open.call1(&api, &start.into()).ok().map(drop)
}

/// The workshop's event followed (while the app runs).
pub fn listen(desk: Callback<Do>) -> Option<gloo_events::EventListener> {
    let window = web_sys::window()?;
    Some(gloo_events::EventListener::new(&window, EVENT, move |e| {
        let detail = web_sys::js_sys::Reflect::get(e, &"detail".into()).ok().and_then(|d| d.as_string()).unwrap_or_default();
        desk.emit(if detail == "opened" {
            Do::CloseGallery
        } else if let Some(why) = detail.strip_prefix("failed:") {
            Do::OpenWorkshop(Err(if why.is_empty() { NOT_LOADED } else { why }.to_string()))
        } else if let Some(t) = detail.strip_prefix("kept:").and_then(super::templates::local) {
            // What the workshop stored is what the gallery shows.
            Do::TemplateKept(std::rc::Rc::new(t))
        } else {
            Do::CloseWorkshop
        });
    }))
}
