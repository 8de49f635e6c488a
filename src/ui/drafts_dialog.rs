//! 我的草稿 on the page: the panel (`DraftsPanel`) fed from the desk, its buttons sent to the
//! desk. Only what needs the browser is here: the questions asked first, a draft's template
//! loaded before it opens, the download of the open draft.
use std::rc::Rc;
use yew::prelude::*;

use super::browser;
use super::desk_files::{desk, save_draft_file, with_template, Store};
use super::drafts_panel::{DraftRow, DraftsPanel};
use super::saved_here::{saved_here, OtherCopy};
use super::storage::{drafts, Local};
use crate::domain::model::gallery::{type_label, Choice};
use crate::domain::store::clock::changed_label;
use crate::domain::store::copies;
use crate::domain::store::desk::Do;
use crate::domain::store::library_store as store;

#[derive(Properties, PartialEq)]
pub struct DraftsDialogProps {
    pub state: Store,
    /// The report types the page offers (for each draft's type, and to load one).
    pub choices: super::shared::Shared<Vec<Choice>>,
}

#[function_component(DraftsDialog)]
pub fn drafts_dialog(props: &DraftsDialogProps) -> Html {
    let (state, choices) = (&props.state, &props.choices);
    let desk = desk(state);
    let library = &state.desk.library;
    // A draft of a type not loaded yet waits for its template (the panel says so).
    let on_open = {
        let (state, choices, desk) = (state.clone(), Rc::clone(&choices.0), desk.clone());
        Callback::from(move |id: String| {
            let kind = store::type_of(&drafts(), &id).unwrap_or_else(|| state.template.id.clone());
            if id != state.desk.open && state.desk.loaded.get(&kind).is_none() {
                desk.emit(Do::Loading);
            }
            let desk = desk.clone();
            with_template(&state, &choices, kind, move |template| desk.emit(Do::OpenDraft { id, template }));
        })
    };
    let on_delete = {
        let (desk, state) = (desk.clone(), state.clone());
        Callback::from(move |id: String| {
            let title = state.desk.library.get(&id).map(|e| e.title.clone()).unwrap_or_default();
            if browser::confirm(&format!("确定删除草稿“{title}”吗？删除后可以马上点“撤销”恢复。")) {
                desk.emit(Do::Delete(id));
            }
        })
    };
    let on_clear = {
        let (desk, title) = (desk.clone(), state.desk.title(&state.screen()));
        Callback::from(move |all: bool| {
            let question = if all {
                "确定清除这个浏览器里保存的全部草稿吗？没有下载成草稿文件的内容将无法找回。".to_string()
            } else {
                format!("确定清除这个浏览器里保存的“{title}”吗？没有下载成草稿文件的内容将无法找回。")
            };
            if browser::confirm(&question) {
                desk.emit(Do::Purge { all });
            }
        })
    };
    let (now, offset) = (browser::now(), browser::utc_offset_minutes());
    let rows: Vec<DraftRow> = library
        .drafts
        .iter()
        .map(|e| {
            let kind = store::type_of(&drafts(), &e.id).map_or_else(String::new, |kind| type_label(choices, &kind));
            DraftRow {
                id: e.id.clone().into(),
                title: e.title.clone().into(),
                kind: kind.into(),
                changed: changed_label(now, e.changed, offset).into(),
            }
        })
        .collect();
    let deleted = library.deleted.as_ref().map(|d| AttrValue::from(d.entry.title.clone()));
    // Its last section: this file (a page opened from a file), other copies, clearing.
    let own = drafts();
    let file = (!own.prefix.is_empty())
        .then(|| browser::readable_location(own.prefix.trim_start_matches(gongwen_shared::COPY_KEY_MARK).trim_end_matches('#')));
    let copies: Vec<OtherCopy> = if own.prefix.is_empty() {
        Vec::new()
    } else {
        copies::others(&Local, &own.prefix).into_iter().map(|c| (c.prefix, browser::readable_location(&c.location), c.drafts)).collect()
    };
    let storage = saved_here(file, copies, desk.reform(Do::ImportCopy), save_draft_file(state, true), on_clear);
    html! {
        <DraftsPanel drafts={rows} current={state.desk.open.clone()} {deleted}
            message={state.desk.dialogs.drafts_message.clone().map(|n| (n.problem, AttrValue::from(n.text)))}
            on_new={desk.reform(|()| Do::ShowGallery)} {on_open}
            on_rename={desk.reform(|(id, name)| Do::Rename { id, name })} on_duplicate={desk.reform(Do::Duplicate)}
            {on_delete} on_undo={desk.reform(|()| Do::UndoDelete)} on_close={desk.reform(|()| Do::CloseDrafts)} {storage} />
    }
}
