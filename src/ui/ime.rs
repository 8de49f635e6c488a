//! Text input that respects IME composition (Chinese input methods).
//!
//! While a composition is in progress the box holds pinyin, not text. We neither dispatch nor
//! rewrite the value then; the final text is dispatched on `compositionend`. Yew has no
//! composition events, so that listener is attached by hand.
use std::cell::RefCell;
use std::rc::Rc;

use gloo_events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlTextAreaElement, InputEvent};
use yew::prelude::*;

/// The current value of a text box or input.
fn value_of(target: &web_sys::EventTarget) -> Option<String> {
    if let Some(t) = target.dyn_ref::<HtmlTextAreaElement>() {
        return Some(t.value());
    }
    target.dyn_ref::<HtmlInputElement>().map(HtmlInputElement::value)
}

/// An `oninput` handler that skips composition updates, plus the `compositionend` listener on
/// `node`, both sending the box's text to `on_change`.
#[hook]
pub fn use_ime_input(node: NodeRef, on_change: Callback<String>) -> Callback<InputEvent> {
    // The latest callback, for the hand-made listener.
    let latest: Rc<RefCell<Callback<String>>> = use_mut_ref(|| on_change.clone());
    *latest.borrow_mut() = on_change.clone();
    {
        let latest = latest.clone();
        use_effect_with(node, move |node| {
            let listener = node.get().map(|el| {
                EventListener::new(&el, "compositionend", move |e| {
                    if let Some(v) = e.target().as_ref().and_then(value_of) {
                        let cb = latest.borrow().clone();
                        cb.emit(v);
                    }
                })
            });
            move || drop(listener)
        });
    }
    Callback::from(move |e: InputEvent| {
        if e.is_composing() {
            return;
        }
        if let Some(v) = e.target().as_ref().and_then(value_of) {
            on_change.emit(v);
        }
    })
}
