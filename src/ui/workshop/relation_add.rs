//! Adding a relation between key figures: a sum (a = b + c), a rate (a = b ÷ c × 100%) or the
//! next year (a = b + 1). A wrong kind of figure is named at once among the template's problems.
use yew::prelude::*;

use crate::domain::model::template::{Relation, SlotSpec};
use crate::domain::workshop::edit::Edit;

#[derive(Properties, PartialEq)]
pub struct RelationAddProps {
    pub slots: Vec<SlotSpec>,
    pub on_edit: Callback<Edit>,
}

const KINDS: [&str; 3] = ["甲 = 乙 + 丙（合计）", "甲 = 乙 ÷ 丙 × 100%（比率）", "甲 = 乙 + 1（下一年）"];

#[function_component(RelationAdd)]
pub fn relation_add(props: &RelationAddProps) -> Html {
    let kind = use_state(|| 0usize);
    let picked = use_state(|| [String::new(), String::new(), String::new()]);
    let first = props.slots.first().map(|s| s.id.clone()).unwrap_or_default();
    let pick = |k: usize| picked.get(k).filter(|s| !s.is_empty()).cloned().unwrap_or_else(|| first.clone());
    let (a, b, c) = (pick(0), pick(1), pick(2));
    let relation = match *kind {
        0 => Relation::Sum { total: a, of: vec![b, c] },
        1 => Relation::Rate { rate: a, part: b, whole: c },
        _ => Relation::YearAfter { slot: a, of: b },
    };
    let on_kind = {
        let kind = kind.clone();
        Callback::from(move |e: Event| kind.set(e.target_unchecked_into::<web_sys::HtmlSelectElement>().value().parse().unwrap_or(0)))
    };
    let select = |k: usize, label: &str| {
        let picked = picked.clone();
        let onchange = Callback::from(move |e: Event| {
            let mut now = (*picked).clone();
            now[k] = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
            picked.set(now);
        });
        let current = pick(k);
        html! { <label class="workshop-box">{ label }<select id={format!("workshop-relation-{k}")} {onchange}>
            { for props.slots.iter().map(|s| html! { <option value={s.id.clone()} selected={s.id == current}>{ &s.label }</option> }) }
        </select></label> }
    };
    let add = props.on_edit.reform(move |_: MouseEvent| Edit::AddRelation(relation.clone()));
    html! {
        <div class="workshop-relation-add">
            <label class="workshop-box">{ "添加关系" }<select id="workshop-relation-kind" onchange={on_kind}>
                { for KINDS.iter().enumerate().map(|(i, k)| html! { <option value={i.to_string()} selected={i == *kind}>{ k }</option> }) }
            </select></label>
            { select(0, "甲") }{ select(1, "乙") }
            if *kind < 2 { { select(2, "丙") } }
            <button type="button" class="button" id="workshop-relation-add" onclick={add}>{ "添加这条关系" }</button>
        </div>
    }
}
