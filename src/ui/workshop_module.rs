//! The workshop's own module (`src/workshop_main.rs`, feature `workshop-page`): the page's
//! loader calls `open` with the start the app's desk holds (`WorkshopStart::to_text`: the id of
//! the template to change, if any) when the clerk opens 模板制作. The template is had here as the
//! app had it (`templates::ensure`: built in, in the single file, kept in this browser, or
//! beside the served page). The workshop's Yew app mounts on an element of its own after
//! <body>: the app's Yew handles every event inside <body> (its root), and two Yews, one per
//! module, would each take the other's elements for their own. It tells the app by a window
//! event (`workshop_host::EVENT`: a template kept, or closed), then goes (it can open again).
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

use super::shared::Shared;
use super::templates;
use super::workshop::{Start, WorkshopPage, WorkshopProps};
use super::workshop_host::EVENT;
use crate::domain::model::builtin;
use crate::domain::model::gallery::{builtin_index, gallery};
use crate::domain::model::template::Template;
use crate::domain::store::desk::WorkshopStart;
use crate::domain::store::template_store::Loaded;

/// The root's id; it goes with the workshop.
const ROOT_ID: &str = "workshop-root";

thread_local! {
    static OPEN: RefCell<Option<(yew::AppHandle<WorkshopPage>, web_sys::Element)>> = const { RefCell::new(None) };
}

/// The workshop on screen, started from `start` (what `WorkshopStart::to_text` wrote); one
/// already open goes first. `Err`: why not, in Chinese.
pub async fn open(start: &str) -> Result<(), String> {
    close();
    let start = match WorkshopStart::from_text(start)? {
        WorkshopStart::Blank => Start::Blank,
        WorkshopStart::From { id, copy } => Start::From { template: template(id).await?, copy },
    };
    let not_shown = || "模板制作没能显示。".to_string();
    let document = web_sys::window().and_then(|w| w.document()).ok_or_else(not_shown)?;
    let root = document.create_element("div").map_err(|_| not_shown())?;
    root.set_id(ROOT_ID);
    document.document_element().ok_or_else(not_shown)?.append_child(&root).map_err(|_| not_shown())?;
    let props = WorkshopProps {
        start: Shared(Rc::new(start)),
        on_kept: Callback::from(|t: Rc<Template>| tell(&format!("kept:{}", t.id))),
        on_close: Callback::from(|()| tell("")),
    };
    let handle = yew::Renderer::<WorkshopPage>::with_root_and_props(root.clone(), props).render();
    OPEN.with(|o| *o.borrow_mut() = Some((handle, root)));
    Ok(())
}

/// The template of report type `id`, from where the app had it.
async fn template(id: String) -> Result<Rc<Template>, String> {
    let default = builtin::load(gongwen_shared::DEFAULT_TEMPLATE_ID).and_then(Result::ok).ok_or("模板制作没能打开。")?;
    let unit = templates::unit_index().await;
    let choices = Rc::new(gallery(&builtin_index(), &unit.entries, &[]));
    templates::ensure(Loaded::new(default), choices, id).await
}

/// The workshop's Yew app destroyed and its root gone (nothing if none is open).
pub fn close() {
    if let Some((handle, root)) = OPEN.with(|o| o.borrow_mut().take()) {
        handle.destroy();
        root.remove();
    }
}

/// The app told (`kept:<id>`, or "" for closed), and the workshop gone after this click's
/// handler has run.
fn tell(detail: &str) {
    use wasm_bindgen::JsCast;
    let Some(window) = web_sys::window() else { return };
    let init = web_sys::CustomEventInit::new();
    init.set_detail(&detail.into());
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(EVENT, &init) {
        let _ = window.dispatch_event(event.unchecked_ref());
    }
    wasm_bindgen_futures::spawn_local(async { close() });
}
