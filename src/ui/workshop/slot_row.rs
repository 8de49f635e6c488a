//! One key figure in the adjustment form: its name and what to write; or fixed text (its
//! example written wherever it was), and back.
use yew::prelude::*;

use super::adjust::text_box;
use crate::domain::model::template::SlotSpec;
use crate::domain::workshop::edit::Edit;

#[derive(Properties, PartialEq)]
pub struct SlotRowProps {
    pub slot: SlotSpec,
    /// Turned into fixed text.
    pub fixed: bool,
    pub on_edit: Callback<Edit>,
}

#[function_component(SlotRow)]
pub fn slot_row(props: &SlotRowProps) -> Html {
    let (s, on_edit) = (&props.slot, &props.on_edit);
    let id = s.id.clone();
    let label = {
        let id = id.clone();
        on_edit.reform(move |label: String| Edit::SlotLabel { slot: id.clone(), label })
    };
    let hint = {
        let id = id.clone();
        on_edit.reform(move |hint: String| Edit::SlotHint { slot: id.clone(), hint })
    };
    let fixed = props.fixed;
    let toggle = {
        let id = id.clone();
        on_edit.reform(move |_: MouseEvent| if fixed { Edit::Unfix(id.clone()) } else { Edit::Fix(id.clone()) })
    };
    html! {
        <li class={classes!("workshop-slot-row", fixed.then_some("is-fixed"))} data-slot={id.clone()}>
            if fixed {
                <span>{ format!("“{}”已改为固定文字：{}", s.label, s.example) }</span>
            } else {
                { text_box(format!("workshop-slot-{id}-label"), &format!("名称（范文中为“{}”）", s.example), &s.label, label) }
                { text_box(format!("workshop-slot-{id}-hint"), "填写说明", &s.hint, hint) }
            }
            <button type="button" class="link-button" id={format!("workshop-slot-{id}-fix")} onclick={toggle}>
                { if fixed { "改回关键数字" } else { "改为固定文字" } }</button>
        </li>
    }
}
