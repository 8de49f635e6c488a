//! One guided field: label, hint, example, the text box with its findings highlighted in place,
//! and the list of findings.
//!
//! Chinese input: while an IME composition is in progress the text box holds pinyin, not text.
//! We neither dispatch nor rewrite the value then; the final text is dispatched on
//! `compositionend` (Yew has no composition events, so that listener is attached by hand).
use std::cell::RefCell;
use std::rc::Rc;

use gloo_events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::{HtmlTextAreaElement, InputEvent};
use yew::prelude::*;

use super::findings::FindingList;
use super::highlight::{segments, Segment};
use crate::domain::check::Finding;
use crate::domain::template::{Part, PartKind};

#[derive(Properties, PartialEq)]
pub struct GuidedFieldProps {
    pub part: Part,
    pub value: AttrValue,
    pub findings: Vec<Finding>,
    pub on_change: Callback<String>,
}

#[function_component(GuidedField)]
pub fn guided_field(props: &GuidedFieldProps) -> Html {
    let input_ref = use_node_ref();
    // The latest callback, for the hand-made compositionend listener.
    let on_change = use_mut_ref(|| props.on_change.clone());
    *on_change.borrow_mut() = props.on_change.clone();
    use_composition_end(input_ref.clone(), on_change);

    let oninput = {
        let cb = props.on_change.clone();
        Callback::from(move |e: InputEvent| {
            if e.is_composing() {
                return;
            }
            if let Some(area) = e.target().and_then(|t| t.dyn_into::<HtmlTextAreaElement>().ok()) {
                cb.emit(area.value());
            }
        })
    };

    let id = format!("field-{}", props.part.id);
    let hint_id = format!("hint-{}", props.part.id);
    let spans: Vec<_> = props.findings.iter().map(|f| f.span).collect();
    let rows = if props.part.kind == PartKind::Addressee { "1" } else { "3" };
    let has_errors = props.findings.iter().any(|f| !f.span.is_empty());

    html! {
        <section class="guided-field" data-part={props.part.id.clone()}>
            <label class="field-label" for={id.clone()}>
                { &props.part.label }
                if props.part.required { <span class="field-required">{ "（必填）" }</span> }
            </label>
            <p class="field-hint" id={hint_id.clone()}>{ &props.part.hint }</p>
            <p class="field-example"><span class="field-example-label">{ "示例：" }</span>{ &props.part.example }</p>
            <div class="field-editor">
                <div class="field-backdrop" aria-hidden="true">
                    { for segments(&props.value, &spans).into_iter().map(|s| match s {
                        Segment::Plain(t) => html! { {t} },
                        Segment::Marked { text, span } => html! {
                            <mark class="finding-mark" data-start={span.start.to_string()}
                                  data-end={span.end.to_string()}>{ text }</mark>
                        },
                    }) }
                    // A trailing newline keeps the backdrop as tall as the text box.
                    { "\n" }
                </div>
                <textarea id={id} class="field-input" ref={input_ref} rows={rows}
                    aria-describedby={hint_id} aria-invalid={has_errors.to_string()}
                    spellcheck="false" value={props.value.clone()} {oninput} />
            </div>
            <FindingList part={props.part.id.clone()} findings={props.findings.clone()} />
        </section>
    }
}

/// Dispatch the text box's value when an IME composition ends.
#[hook]
fn use_composition_end(input_ref: NodeRef, on_change: Rc<RefCell<Callback<String>>>) {
    use_effect_with(input_ref, move |input_ref| {
        let listener = input_ref.cast::<HtmlTextAreaElement>().map(|area| {
            let target = area.clone();
            EventListener::new(&area, "compositionend", move |_| {
                let cb = on_change.borrow().clone();
                cb.emit(target.value());
            })
        });
        move || drop(listener)
    });
}
