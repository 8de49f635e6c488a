//! The model report beside the form: each line tagged with the part it became, each key figure
//! in it marked with the figure's name.
use yew::prelude::*;

use super::super::shared::Shared;
use crate::domain::model::template::Template;
use crate::domain::workshop::marks::MarkedLine;

#[derive(Properties, PartialEq)]
pub struct ModelViewProps {
    pub marks: Shared<Vec<MarkedLine>>,
    /// The template the marks name (for the parts' and figures' labels).
    pub template: Shared<Template>,
}

#[function_component(ModelView)]
pub fn model_view(props: &ModelViewProps) -> Html {
    let t = &props.template;
    let part_label = |id: &str| if id == "title" { "标题".to_string() } else { t.part(id).map_or(id.to_string(), |p| p.label.clone()) };
    let line = |l: &MarkedLine| {
        let chars: Vec<char> = l.text.chars().collect();
        let mut pieces = Vec::new();
        let mut at = 0;
        for (span, slot) in &l.slots {
            pieces.push(html! { { chars[at..span.start].iter().collect::<String>() } });
            let label = t.slot(slot).map_or(slot.clone(), |s| s.label.clone());
            pieces.push(html! { <mark class="workshop-slot" data-slot={slot.clone()} title={label}>{ chars[span.start..span.end].iter().collect::<String>() }</mark> });
            at = span.end;
        }
        pieces.push(html! { { chars[at.min(chars.len())..].iter().collect::<String>() } });
        html! {
            <li class={classes!("workshop-line", l.part.is_none().then_some("is-unplaced"))} data-part={l.part.clone()}>
                <span class="workshop-tag">{ l.part.as_deref().map_or("未用上".to_string(), part_label) }</span>
                { for pieces }
            </li>
        }
    };
    html! {
        <section class="workshop-model" aria-labelledby="workshop-model-title">
            <h3 id="workshop-model-title">{ "范文（标出各部分和关键数字）" }</h3>
            <ol class="workshop-lines" id="workshop-model-view">{ for props.marks.iter().map(line) }</ol>
        </section>
    }
}
