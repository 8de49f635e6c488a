//! A template sentence with its key figures as inline inputs: the wording is fixed, the clerk
//! types only the figures. "改为自由编辑" turns it into free text, keeping every figure.
use yew::prelude::*;

use super::id_scope::ID_SCOPE;
use super::ime::use_ime_input;
use super::shared::Shared;
use super::state::Action;
use crate::domain::check::slots::problem;
use crate::domain::model::dates::normalize;
use crate::domain::model::draft::Draft;
use crate::domain::model::pattern::{pieces, Piece};
use crate::domain::model::template::{SlotKind, SlotSpec, Template};

#[derive(Properties, PartialEq)]
pub struct SlottedProps {
    pub field_key: AttrValue,
    pub pattern: AttrValue,
    pub template: Shared<Template>,
    pub draft: Shared<Draft>,
    pub dispatch: Callback<Action>,
    /// Whether the sentence may be switched to free text (not for the generated title).
    #[prop_or(true)]
    pub allow_free: bool,
}

#[function_component(Slotted)]
pub fn slotted(props: &SlottedProps) -> Html {
    let make_free = {
        let dispatch = props.dispatch.clone();
        let key = props.field_key.to_string();
        Callback::from(move |_: MouseEvent| dispatch.emit(Action::MakeFree { key: key.clone() }))
    };
    let mut n = 0;
    html! {
        <div class="slotted" id={format!("{ID_SCOPE}field-{}", props.field_key)} data-key={props.field_key.clone()}>
            <p class="slotted-sentence">
                { for pieces(&props.pattern).into_iter().map(|piece| match piece {
                    Piece::Text(t) => html! { <span class="slotted-text">{ t }</span> },
                    Piece::Slot(id) => {
                        n += 1;
                        let spec = props.template.slot(id).cloned();
                        let value = props.draft.slots.get(id).cloned().unwrap_or_default();
                        match spec {
                            Some(spec) => html! {
                                <SlotInput input_id={format!("{ID_SCOPE}slot-{}-{}", props.field_key, n)}
                                    {spec} value={AttrValue::from(value)} dispatch={props.dispatch.clone()} />
                            },
                            None => html! { <span class="slotted-text">{ value }</span> },
                        }
                    }
                }) }
            </p>
            if props.allow_free {
                <button type="button" class="link-button" onclick={make_free}>{ "改为自由编辑这句话" }</button>
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct SlotInputProps {
    pub input_id: AttrValue,
    pub spec: SlotSpec,
    pub value: AttrValue,
    pub dispatch: Callback<Action>,
}

/// One key figure typed inside its sentence.
#[function_component(SlotInput)]
pub fn slot_input(props: &SlotInputProps) -> Html {
    let node = use_node_ref();
    let on_change = {
        let dispatch = props.dispatch.clone();
        let id = props.spec.id.clone();
        Callback::from(move |value: String| dispatch.emit(Action::SetSlot { id: id.clone(), value }))
    };
    let oninput = use_ime_input(node.clone(), on_change.clone());
    let is_date = props.spec.kind == SlotKind::Date;
    // A date half typed (“2024年3”) is not yet wrong: its problem is shown, and announced, once
    // the clerk leaves the box (or before typing in it), not at every keystroke.
    let typing = use_state(|| false);
    let (oninput, onblur) = if is_date {
        let (typing_on, typing_off) = (typing.clone(), typing.clone());
        (
            Callback::from(move |e: InputEvent| {
                typing_on.set(true);
                oninput.emit(e);
            }),
            Some(Callback::from(move |_: FocusEvent| typing_off.set(false))),
        )
    } else {
        (oninput, None)
    };
    let trouble = problem(props.spec.kind, &props.value).filter(|_| !*typing);
    let empty = props.value.trim().is_empty();
    let class = classes!("slot-input", empty.then_some("is-empty"), trouble.is_some().then_some("is-invalid"));
    let title = trouble.clone().unwrap_or_else(|| props.spec.hint.clone());
    // Dates are typed in Chinese order whatever the browser's language (a date picker follows
    // the browser's, mm/dd/yyyy in an English one); leaving the box writes them as the report does.
    let onchange = is_date.then(|| {
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<web_sys::HtmlInputElement>().value();
            if let Some(date) = normalize(&v) {
                on_change.emit(date);
            }
        })
    });
    let placeholder = if is_date { "如 2024年3月5日".to_string() } else { props.spec.label.clone() };
    let inputmode = matches!(props.spec.kind, SlotKind::Year).then_some("numeric");
    let input = html! {
        <input type="text" id={props.input_id.clone()} class={class} ref={node}
            aria-label={props.spec.label.clone()} title={title} {placeholder}
            aria-invalid={trouble.is_some().to_string()} inputmode={inputmode}
            data-slot={props.spec.id.clone()} value={props.value.clone()} {oninput} {onchange} {onblur} />
    };
    html! {
        <span class="slot">
            { input }
            if let Some(msg) = trouble { <span class="slot-problem" role="alert">{ msg }</span> }
        </span>
    }
}
