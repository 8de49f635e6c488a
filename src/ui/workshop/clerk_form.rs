//! The proposed template as the form a clerk would get: the key figures to type, then each
//! part in order with its name, what to write, and its example, key figures shown by name.
use yew::prelude::*;

use super::super::shared::Shared;
use crate::domain::model::pattern::{pieces, Piece};
use crate::domain::model::template::{Part, Template};

#[derive(Properties, PartialEq)]
pub struct ClerkFormProps {
    pub template: Shared<Template>,
}

/// A sentence with its `{slot}`s shown as the figures' names.
fn sentence(t: &Template, pattern: &str) -> Html {
    html! { <>{ for pieces(pattern).into_iter().map(|p| match p {
        Piece::Text(s) => html! { { s } },
        Piece::Slot(id) => html! { <span class="workshop-chip" data-slot={id.to_string()}>{ t.slot(id).map_or(id, |s| s.label.as_str()) }</span> },
    }) }</> }
}

fn part(t: &Template, p: &Part) -> Html {
    let items = p.items.as_ref().map(|i| format!("分条写，每条一{}，至少 {} 条、至多 {} 条", i.label, i.min, i.max));
    html! {
        <li class="workshop-form-part" data-part={p.id.clone()}>
            <h4>{ &p.label }if p.required { <span class="workshop-required">{ "（必填）" }</span> }</h4>
            if !p.hint.is_empty() { <p class="field-hint">{ &p.hint }</p> }
            if !p.example.is_empty() { <p class="workshop-example">{ "示例：" }{ sentence(t, &p.example) }</p> }
            if let Some(items) = items { <p class="field-hint">{ items }</p> }
        </li>
    }
}

#[function_component(ClerkForm)]
pub fn clerk_form(props: &ClerkFormProps) -> Html {
    let t = &props.template;
    html! {
        <section class="workshop-form" id="workshop-form" aria-labelledby="workshop-form-title">
            <h3 id="workshop-form-title">{ format!("起草人看到的表单：{}", t.name) }</h3>
            <p class="workshop-example">{ "标题：" }{ sentence(t, &t.title) }</p>
            <p class="field-hint">{ format!("关键数字（填一次，各处自动用上）：{}", t.slots.iter().map(|s| s.label.as_str()).collect::<Vec<_>>().join("、")) }</p>
            <ol class="workshop-form-parts">{ for t.parts.iter().map(|p| part(t, p)) }</ol>
        </section>
    }
}
