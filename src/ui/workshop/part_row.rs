//! One part in the adjustment form: its name, required or not, what to write, its items' words
//! (`items_row`); merged with the next part, or split from an item (or a paragraph) on.
use yew::prelude::*;

use super::adjust::text_box;
use super::items_row::ItemsRow;
use crate::domain::model::template::{Part, PartKind};
use crate::domain::workshop::edit::Edit;

#[derive(Properties, PartialEq)]
pub struct PartRowProps {
    pub index: usize,
    pub part: Part,
    /// The last part (nothing to merge with).
    pub last: bool,
    /// What is wrong with it, live.
    #[prop_or_default]
    pub flaw: Option<AttrValue>,
    pub on_edit: Callback<Edit>,
}

/// Where the part may be split: (at, what the clerk reads).
fn split_points(p: &Part) -> Vec<(usize, String)> {
    match &p.items {
        Some(items) if items.examples.len() >= 2 => (1..items.examples.len())
            .map(|k| (k, format!("从第 {} 条“{}”起另成一部分", k + 1, items.examples[k].heading.chars().take(16).collect::<String>())))
            .collect(),
        _ => (1..p.example.lines().count()).map(|k| (k, format!("从第 {} 段起另成一部分", k + 1))).collect(),
    }
}

#[function_component(PartRow)]
pub fn part_row(props: &PartRowProps) -> Html {
    let (i, p, on_edit) = (props.index, &props.part, &props.on_edit);
    let body = matches!(p.kind, PartKind::Section | PartKind::Paragraph);
    let name = if p.kind == PartKind::Section { p.heading.as_str() } else { p.label.as_str() };
    let rename = on_edit.reform(move |name: String| Edit::Rename { part: i, name });
    let required = on_edit
        .reform(move |e: Event| Edit::Required { part: i, required: e.target_unchecked_into::<web_sys::HtmlInputElement>().checked() });
    let hint =
        on_edit.reform(move |e: Event| Edit::Hint { part: i, hint: e.target_unchecked_into::<web_sys::HtmlTextAreaElement>().value() });
    let merge = on_edit.reform(move |_: MouseEvent| Edit::MergeWithNext(i));
    let split = on_edit.reform(move |e: Event| Edit::Split {
        part: i,
        at: e.target_unchecked_into::<web_sys::HtmlSelectElement>().value().parse().unwrap_or(0),
    });
    let points = if body { split_points(p) } else { Vec::new() };
    html! {
        <li class="workshop-part" data-part={p.id.clone()}>
            <p class="workshop-part-title">{ &p.label }</p>
            if let Some(flaw) = props.flaw.clone() { <p class="notice is-error" role="alert">{ flaw }</p> }
            { text_box(format!("workshop-part-{i}-name"), if p.kind == PartKind::Section { "标题" } else { "名称" }, name, rename) }
            <label class="workshop-check"><input type="checkbox" id={format!("workshop-part-{i}-required")} checked={p.required} onchange={required} />{ "必填" }</label>
            <label class="workshop-box">{ "填写说明" }<textarea id={format!("workshop-part-{i}-hint")} rows="2" value={p.hint.clone()} onchange={hint} /></label>
            if let Some(items) = p.items.clone() { <ItemsRow index={i} {items} on_edit={on_edit.clone()} /> }
            if body && !props.last {
                <button type="button" class="button" id={format!("workshop-part-{i}-merge")} onclick={merge}>{ "与下一部分合并" }</button>
            }
            if !points.is_empty() {
                <select id={format!("workshop-part-{i}-split")} aria-label={format!("拆分“{}”", p.label)} onchange={split}>
                    <option value="0" selected=true>{ "拆分……" }</option>
                    { for points.into_iter().map(|(k, text)| html! { <option value={k.to_string()}>{ text }</option> }) }
                </select>
            }
        </li>
    }
}
