//! A section's items in the adjustment form: what one item is called and what its heading, body
//! and points ask for; then each box every item has (`整改措施：…`): its name, the words printed
//! before it, what to write, required or not.
use yew::prelude::*;

use super::adjust::text_box;
use crate::domain::model::template::{ItemField, ItemsSpec};
use crate::domain::workshop::edit::{Edit, FieldWords, ItemWords};

#[derive(Properties, PartialEq)]
pub struct ItemsRowProps {
    /// The section's place among the parts.
    pub index: usize,
    pub items: ItemsSpec,
    pub on_edit: Callback<Edit>,
}

fn field(i: usize, f: &ItemField, on_edit: &Callback<Edit>) -> Html {
    let words = |what: FieldWords| {
        let id = f.id.clone();
        on_edit.reform(move |text: String| Edit::Field { part: i, field: id.clone(), what, text })
    };
    let required = {
        let id = f.id.clone();
        on_edit.reform(move |e: Event| Edit::FieldRequired {
            part: i,
            field: id.clone(),
            required: e.target_unchecked_into::<web_sys::HtmlInputElement>().checked(),
        })
    };
    let at = format!("workshop-part-{i}-field-{}", f.id);
    html! {
        <li class="workshop-field" data-field={f.id.clone()}>
            { text_box(format!("{at}-label"), "这一栏的名称", &f.label, words(FieldWords::Label)) }
            { text_box(format!("{at}-lead"), "印在这一段开头的字（如“整改措施”，冒号自动加上）", &f.lead, words(FieldWords::Lead)) }
            { text_box(format!("{at}-hint"), "填写说明", &f.hint, words(FieldWords::Hint)) }
            <label class="workshop-check"><input type="checkbox" id={format!("{at}-required")} checked={f.required} onchange={required} />{ "每条必填" }</label>
        </li>
    }
}

#[function_component(ItemsRow)]
pub fn items_row(props: &ItemsRowProps) -> Html {
    let (i, items, on_edit) = (props.index, &props.items, &props.on_edit);
    let words = |what: ItemWords| on_edit.reform(move |text: String| Edit::Items { part: i, what, text });
    let at = format!("workshop-part-{i}-items");
    html! {
        <fieldset class="workshop-items">
            <legend>{ format!("分条（范文里有 {} 条）", items.examples.len()) }</legend>
            { text_box(format!("{at}-label"), "每一条叫什么（如“问题”“措施”，用在“添加一个……”上）", &items.label, words(ItemWords::Label)) }
            { text_box(format!("{at}-heading-hint"), "每条标题的填写说明", &items.heading_hint, words(ItemWords::HeadingHint)) }
            { text_box(format!("{at}-body-hint"), "每条正文的填写说明", &items.body_hint, words(ItemWords::BodyHint)) }
            if let Some(points) = &items.points {
                { text_box(format!("{at}-topic-hint"), "“一是……”要点的填写说明", &points.topic_hint, words(ItemWords::TopicHint)) }
                { text_box(format!("{at}-point-body-hint"), "要点正文的填写说明", &points.body_hint, words(ItemWords::PointBodyHint)) }
            }
            if items.answers.is_some() {
                { text_box(format!("{at}-answers-hint"), "勾选每条对应哪些条目的说明", &items.answers_hint, words(ItemWords::AnswersHint)) }
            }
            if !items.fields.is_empty() {
                <p class="field-hint">{ "每条里另有的栏目：" }</p>
                <ul class="workshop-fields">{ for items.fields.iter().map(|f| field(i, f, on_edit)) }</ul>
            }
        </fieldset>
    }
}
