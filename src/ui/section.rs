//! A numbered section: its lead paragraph, then its items (and their points), each of which can
//! be added, removed (with undo) and moved. Numbers are generated, never typed.
use yew::prelude::*;

use super::guided_field::GuidedField;
use super::shared::Shared;
use super::state::Action;
use crate::domain::check::structure::UNANSWERED;
use crate::domain::check::{inside_field, FieldFinding};
use crate::domain::model::draft::{key, Draft, Item};
use crate::domain::model::numbering;
use crate::domain::model::template::{ItemLayout, ItemsSpec, Part, Template};

#[derive(Properties, PartialEq)]
pub struct SectionProps {
    pub part: Part,
    pub template: Shared<Template>,
    pub draft: Shared<Draft>,
    pub findings: Shared<Vec<FieldFinding>>,
    pub dispatch: Callback<Action>,
}

#[function_component(SectionStep)]
pub fn section_step(props: &SectionProps) -> Html {
    let part = &props.part;
    let Some(spec) = part.items.clone() else { return html! {} };
    let items = props.draft.items(&part.id).to_vec();
    let add = {
        let dispatch = props.dispatch.clone();
        let section = part.id.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(Action::AddItem { section: section.clone() }))
    };
    html! {
        <div class="section-step" data-section={part.id.clone()}>
            <GuidedField field_key={part.id.clone()} label={format!("{}：导语", part.label)} hint={part.hint.clone()}
                example={part.example.clone()} template={props.template.clone()} draft={props.draft.clone()}
                findings={inside_field(&props.findings, &part.id)} dispatch={props.dispatch.clone()} required={part.required} />
            <ol class="item-list">
                { for items.iter().enumerate().map(|(i, item)| html! {
                    <ItemCard part={part.clone()} spec={spec.clone()} item={item.clone()} index={i} count={items.len()}
                        template={props.template.clone()} draft={props.draft.clone()}
                        findings={props.findings.clone()} dispatch={props.dispatch.clone()} />
                }) }
            </ol>
            <button type="button" class="button add-item" onclick={add} disabled={items.len() >= spec.max}>
                { format!("添加一个{}", spec.label) }
            </button>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct ItemCardProps {
    part: Part,
    spec: ItemsSpec,
    item: Item,
    index: usize,
    count: usize,
    template: Shared<Template>,
    draft: Shared<Draft>,
    findings: Shared<Vec<FieldFinding>>,
    dispatch: Callback<Action>,
}

/// Move up / move down / remove buttons, with names a screen reader can say.
fn controls(name: &str, index: usize, count: usize, on: impl Fn(Option<isize>) -> Callback<MouseEvent>) -> Html {
    html! {
        <span class="item-controls">
            <button type="button" class="icon-button move-up" aria-label={format!("上移{name}")} title="上移"
                disabled={index == 0} onclick={on(Some(-1))}>{ "↑" }</button>
            <button type="button" class="icon-button move-down" aria-label={format!("下移{name}")} title="下移"
                disabled={index + 1 >= count} onclick={on(Some(1))}>{ "↓" }</button>
            <button type="button" class="icon-button remove" aria-label={format!("删除{name}")} title="删除"
                onclick={on(None)}>{ "删除" }</button>
        </span>
    }
}

#[function_component(ItemCard)]
fn item_card(props: &ItemCardProps) -> Html {
    let (section, id, spec) = (props.part.id.clone(), props.item.id, &props.spec);
    let ordinal = match spec.layout {
        ItemLayout::Point => numbering::point(props.index + 1),
        _ => numbering::sub(props.index + 1),
    };
    let example = spec.examples.get(props.index);
    let on = |delta: Option<isize>| {
        let dispatch = props.dispatch.clone();
        let section = section.clone();
        Callback::from(move |_: MouseEvent| {
            dispatch.emit(match delta {
                Some(delta) => Action::MoveItem { section: section.clone(), item: id, delta },
                None => Action::RemoveItem { section: section.clone(), item: id },
            })
        })
    };
    let heading_key = key::item(&section, id, "heading");
    let body_key = key::item(&section, id, "body");
    let field = |k: &str, label: String, hint: &str, ex: String, required: bool| {
        html! {
            <GuidedField field_key={k.to_string()} {label} hint={hint.to_string()} example={ex}
                template={props.template.clone()} draft={props.draft.clone()}
                findings={inside_field(&props.findings, k)} dispatch={props.dispatch.clone()} {required} />
        }
    };
    let body_label = if spec.layout == ItemLayout::Subsection { "总述（可不写）" } else { "内容" };
    // Whole-item findings (a problem no measure answers) are shown on the card.
    let notes: Vec<String> = props
        .findings
        .iter()
        .filter(|f| f.key == heading_key && f.finding.span.is_empty() && f.finding.rule == UNANSWERED)
        .map(|f| f.finding.message.clone())
        .collect();
    let answers = spec.answers.as_ref().map(|target| {
        let target_label = props.template.part(target).map(|p| p.label.clone()).unwrap_or_default();
        let options: Vec<(u64, String)> = props
            .draft
            .items(target)
            .iter()
            .enumerate()
            .map(|(j, t)| {
                let heading = props.draft.text(&key::item(target, t.id, "heading"));
                let shown: String = heading.chars().take(24).collect();
                (t.id, format!("{}{}", numbering::point(j + 1), shown))
            })
            .collect();
        html! {
            <fieldset class="answers">
                <legend>{ format!("这条{}针对“{}”中的哪些问题？", spec.label, target_label) }</legend>
                <p class="field-hint">{ &spec.answers_hint }</p>
                { for options.into_iter().map(|(answered, label)| {
                    let checked = props.item.answers.contains(&answered);
                    let dispatch = props.dispatch.clone();
                    let section = section.clone();
                    html! {
                        <label class="answer-option">
                            <input type="checkbox" {checked} data-answers={answered.to_string()}
                                onchange={Callback::from(move |_: Event| dispatch.emit(Action::SetAnswer {
                                    section: section.clone(), item: id, answered, on: !checked }))} />
                            { label }
                        </label>
                    }
                }) }
            </fieldset>
        }
    });
    html! {
        <li class="item-card" data-item={id.to_string()}>
            <div class="item-header">
                <span class="item-ordinal">{ &ordinal }</span>
                { controls(&format!("{ordinal}这个{}", spec.label), props.index, props.count, on) }
            </div>
            { for notes.into_iter().map(|n| html! { <p class="item-note" role="note">{ n }</p> }) }
            { field(&heading_key, format!("{ordinal} 标题"), &spec.heading_hint,
                    example.map(|e| e.heading.clone()).unwrap_or_default(), true) }
            { field(&body_key, format!("{ordinal} {body_label}"), &spec.body_hint,
                    example.map(|e| e.body.clone()).unwrap_or_default(), false) }
            { for answers }
            if let Some(points) = &spec.points {
                <ol class="point-list">
                    { for props.item.points.iter().enumerate().map(|(j, &p)| {
                        let pordinal = numbering::point(j + 1);
                        let pex = example.and_then(|e| e.points.get(j));
                        let on = |delta: Option<isize>| {
                            let dispatch = props.dispatch.clone();
                            let section = section.clone();
                            Callback::from(move |_: MouseEvent| dispatch.emit(match delta {
                                Some(delta) => Action::MovePoint { section: section.clone(), item: id, point: p, delta },
                                None => Action::RemovePoint { section: section.clone(), item: id, point: p },
                            }))
                        };
                        html! {
                            <li class="point-card" data-point={p.to_string()}>
                                <div class="item-header">
                                    <span class="item-ordinal">{ &pordinal }</span>
                                    { controls(&format!("{pordinal}这一点"), j, props.item.points.len(), on) }
                                </div>
                                { field(&key::point(&section, id, p, "topic"), format!("{pordinal} 要点"), &points.topic_hint,
                                        pex.map(|e| e.topic.clone()).unwrap_or_default(), true) }
                                { field(&key::point(&section, id, p, "body"), format!("{pordinal} 具体内容"), &points.body_hint,
                                        pex.map(|e| e.body.clone()).unwrap_or_default(), false) }
                            </li>
                        }
                    }) }
                </ol>
                <button type="button" class="button add-point" disabled={props.item.points.len() >= points.max}
                    onclick={
                        let dispatch = props.dispatch.clone();
                        let section = section.clone();
                        Callback::from(move |_: MouseEvent| dispatch.emit(Action::AddPoint { section: section.clone(), item: id }))
                    }>{ "添加一点" }</button>
            }
            // The item's extra boxes (整改措施, 整改进展 …); required as `fields::fields` says.
            { for spec.fields.iter().map(|f| {
                let k = key::item(&section, id, &f.id);
                let excused = f.unless.as_ref().is_some_and(|u| u.holds(&props.draft.text(&key::item(&section, id, &u.field))));
                let ex = example.and_then(|e| e.fields.get(&f.id)).cloned().unwrap_or_default();
                field(&k, format!("{ordinal} {}", f.label), &f.hint, ex, f.required && !excused)
            }) }
        </li>
    }
}
