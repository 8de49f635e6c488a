//! The live preview of the finished report, styled after GB/T 9704.
use yew::prelude::*;

use crate::domain::render::Paragraph;
use crate::domain::template::{PartKind, Template};

#[derive(Properties, PartialEq)]
pub struct PreviewProps {
    pub template: std::rc::Rc<Template>,
    pub paragraphs: Vec<Paragraph>,
}

#[function_component(Preview)]
pub fn preview(props: &PreviewProps) -> Html {
    html! {
        <article class="preview-page" id="preview" aria-label="报告预览">
            if props.paragraphs.is_empty() {
                <p class="preview-empty">{ "左边填写的内容会在这里按公文格式显示。" }</p>
            }
            { for props.paragraphs.iter().map(|p| {
                let kind = props.template.part(&p.part).map(|part| part.kind);
                let class = match kind {
                    Some(PartKind::Addressee) => "doc-addressee",
                    _ => "doc-body",
                };
                html! { <p class={class} data-part={p.part.clone()}>{ &p.text }</p> }
            }) }
        </article>
    }
}
