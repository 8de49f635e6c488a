//! The adjustment form: the report type's name, its line in the gallery, the genre and the
//! 结束语; then each part (`part_row`), each key figure (`slot_row`) and the relations.
use yew::prelude::*;

use super::super::shared::Shared;
use super::part_row::PartRow;
use super::relation_add::RelationAdd;
use super::slot_row::SlotRow;
use crate::domain::model::template::{Genre, PartKind, Relation};
use crate::domain::workshop::edit::{Edit, Flaw, Workshop};

#[derive(Properties, PartialEq)]
pub struct AdjustProps {
    pub workshop: Shared<Workshop>,
    pub flaws: Shared<Vec<Flaw>>,
    pub on_edit: Callback<Edit>,
}

const GENRES: [Genre; 3] = [Genre::Report, Genre::Meeting, Genre::Personal];

/// A text box that sends its value when it changes (on leaving it).
pub fn text_box(id: String, label: &str, value: &str, edit: Callback<String>) -> Html {
    let onchange = edit.reform(|e: Event| e.target_unchecked_into::<web_sys::HtmlInputElement>().value());
    html! { <label class="workshop-box">{ label }<input type="text" id={id} value={value.to_string()} {onchange} /></label> }
}

fn relation_text(w: &Workshop, r: &Relation) -> String {
    let name = |id: &str| w.template.slot(id).map_or(id.to_string(), |s| s.label.clone());
    match r {
        Relation::Sum { total, of } => format!("{} = {}", name(total), of.iter().map(|s| name(s)).collect::<Vec<_>>().join(" + ")),
        Relation::Rate { rate, part, whole } => format!("{} = {} ÷ {} × 100%", name(rate), name(part), name(whole)),
        Relation::YearAfter { slot, of } => format!("{} = {} + 1", name(slot), name(of)),
    }
}

#[function_component(Adjust)]
pub fn adjust(props: &AdjustProps) -> Html {
    let (w, on_edit) = (&props.workshop, &props.on_edit);
    let t = &w.template;
    let closing = t.parts.iter().find(|p| p.kind == PartKind::Closing).map_or("", |p| p.example.as_str());
    let on_genre = on_edit.reform(|e: Event| {
        let i: usize = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value().parse().unwrap_or(0);
        Edit::Genre(GENRES[i.min(2)])
    });
    let relation = |(i, r): (usize, &Relation)| {
        let remove = on_edit.reform(move |_: MouseEvent| Edit::RemoveRelation(i));
        let place = format!("relations[{i}]");
        let flaw = props.flaws.iter().find(|f| f.place == place).map(|f| f.message.clone());
        html! { <li>{ relation_text(w, r) }{ " " }<button type="button" class="link-button" onclick={remove}>{ "删除这条关系" }</button>
            if let Some(flaw) = flaw { <p class="notice is-error">{ flaw }</p> }
        </li> }
    };
    html! {
        <section class="workshop-adjust" aria-labelledby="workshop-adjust-title">
            <h3 id="workshop-adjust-title">{ "调整模板" }</h3>
            { text_box("workshop-name".into(), "报告类型名称", &t.name, on_edit.reform(Edit::Name)) }
            { text_box("workshop-summary".into(), "什么时候写（在“新建草稿”里显示）", &t.summary, on_edit.reform(Edit::Summary)) }
            <label class="workshop-box">{ "文种" }
                <select id="workshop-genre" onchange={on_genre}>
                    { for GENRES.iter().enumerate().map(|(i, g)| html! { <option value={i.to_string()} selected={*g == t.genre}>{ g.label() }</option> }) }
                </select>
            </label>
            { text_box("workshop-closing".into(), "结束语（空着：没有结束语）", closing, on_edit.reform(Edit::Closing)) }
            <h4>{ "各部分" }</h4>
            <ol class="workshop-parts">{ for t.parts.iter().enumerate().map(|(i, p)| html! {
                <PartRow index={i} part={p.clone()} last={i + 1 == t.parts.len()}
                    flaw={props.flaws.iter().find(|f| f.part() == Some(i)).map(|f| AttrValue::from(f.message.clone()))} on_edit={on_edit.clone()} />
            }) }</ol>
            <h4>{ "关键数字" }</h4>
            <ul class="workshop-slots">{ for t.slots.iter().map(|s| html! {
                <SlotRow slot={s.clone()} fixed={w.fixed.contains(&s.id)} on_edit={on_edit.clone()} />
            }) }</ul>
            <h4>{ "关键数字之间的关系（填写时核对）" }</h4>
            if t.relations.is_empty() { <p class="field-hint">{ "没有。" }</p> }
            <ul class="workshop-relations" id="workshop-relations">{ for t.relations.iter().enumerate().map(relation) }</ul>
            <RelationAdd slots={t.slots.iter().filter(|s| !w.fixed.contains(&s.id)).cloned().collect::<Vec<_>>()} on_edit={on_edit.clone()} />
        </section>
    }
}
