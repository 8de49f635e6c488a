//! 模板制作, the template workshop: a model report pasted or opened becomes a proposed template
//! (`domain::workshop`), shown as the form a clerk would get beside the model with each part and
//! key figure marked, adjusted in a form (`Edit`s on `domain::workshop::edit::Workshop`), checked
//! live, previewed as the drafter will see it, and saved: downloaded with its `index.json`
//! line, or kept in this browser as a 本机模板. Opened on an existing template, it starts from
//! that template (a built-in one as a copy). This host holds the state; the pieces display it.
mod adjust;
mod clerk_form;
mod items_row;
mod model_input;
mod model_view;
mod part_row;
mod relation_add;
mod save_bar;
mod slot_row;
mod trial_form;

use std::rc::Rc;
use yew::prelude::*;

use super::shared::Shared;
use super::storage::Local;
use crate::domain::model::template::Template;
use crate::domain::store::template_store;
use crate::domain::workshop::edit::{Edit, Workshop};

/// Where the workshop starts: a model report to paste, or an existing template (`copy`: a
/// built-in or a unit's, saved under an id of its own).
/// What the workshop starts from (the desk holds it while the workshop is open).
pub use crate::domain::store::workshop_start::Opened as Start;

#[derive(Properties, PartialEq)]
pub struct WorkshopProps {
    pub start: Shared<Start>,
    /// Kept in this browser as a 本机模板: the page adds it to the gallery.
    pub on_kept: Callback<Rc<Template>>,
    pub on_close: Callback<()>,
}

#[function_component(WorkshopPage)]
pub fn workshop_page(props: &WorkshopProps) -> Html {
    let start = props.start.clone();
    let ws = use_state(move || match &*start {
        Start::Blank => None,
        Start::From { template, copy } => {
            // A copy's id and name are free among the templates kept here (the built-in ones too).
            let kept = template_store::kept(&Local).into_iter().map(|k| (k.id, k.name.unwrap_or_default())).collect::<Vec<_>>();
            Some(Rc::new(Workshop::from_template_beside(template, *copy, &kept)))
        }
    });
    let message = use_state(|| Option::<(bool, String)>::None);
    let previewing = use_state(|| false);
    let index_line = use_state(|| Option::<String>::None);
    let on_model = {
        let (ws, message) = (ws.clone(), message.clone());
        Callback::from(move |text: String| match Workshop::from_model(&text) {
            Ok(w) => {
                message.set(None);
                ws.set(Some(Rc::new(w)));
            }
            Err(why) => message.set(Some((true, why.0))),
        })
    };
    let on_edit = {
        let (ws, message) = (ws.clone(), message.clone());
        Callback::from(move |edit: Edit| {
            let Some(w) = (*ws).clone() else { return };
            let mut next = (*w).clone();
            match next.apply(edit) {
                Ok(()) => {
                    message.set(None);
                    ws.set(Some(Rc::new(next)));
                }
                Err(why) => message.set(Some((true, why))),
            }
        })
    };
    // A unit's own template opened here is replaced by saving; another of the same id is asked about.
    let own = match &*props.start {
        Start::From { template, copy: false } => Some(template.id.clone()),
        _ => None,
    };
    let on_keep = {
        let (ws, message, on_kept) = (ws.clone(), message.clone(), props.on_kept.clone());
        Callback::from(move |()| {
            let Some(w) = (*ws).clone() else { return };
            match save_bar::keep(&w, own.as_deref()) {
                Ok(t) => on_kept.emit(Rc::new(t)),
                Err(msg) => message.set(Some((true, msg))),
            }
        })
    };
    let on_download = {
        let (ws, message, index_line) = (ws.clone(), message.clone(), index_line.clone());
        Callback::from(move |()| {
            let Some(w) = (*ws).clone() else { return };
            match save_bar::download(&w) {
                Ok(line) => index_line.set(Some(line)),
                Err(msg) => message.set(Some((true, msg))),
            }
        })
    };
    let on_preview = {
        let previewing = previewing.clone();
        Callback::from(move |()| previewing.set(!*previewing))
    };
    let on_close = props.on_close.reform(|_: MouseEvent| ());
    let body = match (*ws).clone() {
        None => html! { <model_input::ModelInput {on_model} /> },
        Some(w) => {
            let proposal = Rc::new(w.proposal());
            let flaws = Rc::new(w.flaws());
            // The model and the clerk's form side by side; or, previewing, the drafter's form to try, in full.
            let shown = if *previewing {
                html! { <trial_form::TrialForm template={Shared(proposal.clone())} /> }
            } else {
                html! { <div class="workshop-columns">
                    <model_view::ModelView marks={Shared(Rc::new(w.marks()))} template={Shared(proposal.clone())} />
                    <clerk_form::ClerkForm template={Shared(proposal.clone())} />
                </div> }
            };
            html! { <>
                if !w.notes.is_empty() {
                    <ul class="workshop-notes field-hint">{ for w.notes.iter().map(|n| html! { <li>{ n }</li> }) }</ul>
                }
                <save_bar::SaveBar flaws={Shared(Rc::new(flaws.iter().map(|f| f.describe(&w.template)).collect::<Vec<_>>()))} previewing={*previewing} {on_preview} {on_keep} {on_download}
                    index_line={(*index_line).clone().map(|l| AttrValue::from(format!("{}\n{l}", w.file_name())))} />
                { shown }
                <adjust::Adjust workshop={Shared(w.clone())} flaws={Shared(flaws)} {on_edit} />
            </> }
        }
    };
    html! {
        <div class="dialog-backdrop">
            <div class="dialog workshop" role="dialog" aria-modal="true" aria-labelledby="workshop-title" id="workshop">
                <h2 id="workshop-title">{ "模板制作：用范文生成报告模板" }</h2>
                if let Some((is_error, msg)) = (*message).clone() {
                    <p class={classes!("notice", is_error.then_some("is-error"))} role="alert" id="workshop-message">{ msg }</p>
                }
                { body }
                <div class="dialog-actions">
                    <button type="button" class="button" id="workshop-close" onclick={on_close}>{ "关闭" }</button>
                </div>
            </div>
        </div>
    }
}
