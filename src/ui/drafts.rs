//! 我的草稿 on the page: the autosave of the open draft into the list, and what the panel's
//! buttons do. The open draft is saved before any switch; if it cannot be saved, the page
//! stays on it and says so.
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

use super::browser;
use super::drafts_panel::{DraftRow, DraftsPanel};
use super::shared::Shared;
use super::state::{Action, AppState, TITLE_STEP};
use super::storage::Local;
use crate::domain::store::clock::changed_label;
use crate::domain::model::draft::Draft;
use crate::domain::store::library::{report_title, Library, Name};
use crate::domain::store::library_store as store;
use crate::domain::store::saved::{to_json, Saved, VERSION};

pub struct Drafts {
    /// Show the panel.
    pub show: Callback<MouseEvent>,
    /// Put a draft file, an imported report or the example on screen without replacing anything
    /// (see `Placed`); `Err` (why the open draft could not be saved) when nothing changed.
    pub bring_in: Callback<(Saved, Name), Result<Placed, String>>,
    /// The panel while it is shown, else nothing.
    pub panel: Html,
    /// The open draft's title.
    pub title: String,
}

type Message = UseStateHandle<Option<(bool, String)>>;

/// Where a draft file, an imported report or the example went.
pub enum Placed {
    /// Into the open draft, which held nothing that could be lost.
    Here,
    /// Into a new draft, listed and open; `was` is the title of the draft that was open (saved).
    New { was: String },
    /// Into a new draft that could not be stored (the storage warning offers to download it);
    /// the draft that was open is saved and listed as `was`.
    Unsaved { was: String },
}

#[hook]
pub fn use_drafts(state: UseReducerHandle<AppState>, initial: &Library, storage_problem: UseStateHandle<Option<String>>, notice: Message) -> Drafts {
    let library = {
        let initial = initial.clone();
        use_mut_ref(move || initial)
    };
    let refresh = use_force_update();
    let shown = use_state(|| false);
    let message: Message = use_state(|| None);

    // Autosave every change (and the step), synchronously: nothing is waiting to be saved when
    // the tab is closed or killed. The time in the list changes only when the text did.
    let last = use_mut_ref(|| Option::<(String, Rc<Draft>)>::None);
    {
        let (library, template) = (library.clone(), state.template.clone());
        use_effect_with((Shared::from(state.draft.clone()), state.step.clone(), state.draft_id.clone()), move |(draft, step, id)| {
            let changed = match &*last.borrow() {
                Some((last_id, last_draft)) if last_id == id && !Rc::ptr_eq(last_draft, &draft.0) && **last_draft != **draft => {
                    Some(browser::now())
                }
                _ => None,
            };
            *last.borrow_mut() = Some((id.clone(), draft.0.clone()));
            let title = report_title(&template, draft);
            let result = store::save(&Local, &mut library.borrow_mut(), id, &to_json(draft, step), title, changed).err();
            if *storage_problem != result {
                storage_problem.set(result);
            }
        });
    }

    // The state as last rendered, for what finishes later than the click (reading a chosen file).
    let latest = use_mut_ref(|| state.clone());
    *latest.borrow_mut() = state.clone();

    let save_open = {
        let (state, library) = (state.clone(), library.clone());
        move || save_state(&library, &state).map_err(|msg| format!("现在这份草稿没能保存，所以留在这份上：{msg}请先用“保存草稿文件”把它下载下来。"))
    };
    // Show a stored draft; its title, or why it cannot be read.
    let switch_to = {
        let (state, library) = (state.clone(), library.clone());
        move |id: &str| -> Result<String, String> {
            let saved = store::read(&Local, &state.template, id).map_err(|why| format!("这份草稿无法打开：{why}它原样保留在本机，没有改动。"))?;
            let title = library.borrow().title_of(id, report_title(&state.template, &saved.draft));
            library.borrow_mut().active = id.to_string();
            state.dispatch(Action::Open { id: id.to_string(), saved });
            Ok(title)
        }
    };
    let start_new = {
        let (state, library) = (state.clone(), library.clone());
        move || -> Result<(), String> {
            let draft = Draft::new(&state.template);
            let json = to_json(&draft, TITLE_STEP);
            let id = store::create(&Local, &mut library.borrow_mut(), &json, Name::Report(None), browser::now()).map_err(|msg| format!("没能新建草稿：{msg}"))?;
            state.dispatch(Action::Open { id, saved: Saved { version: VERSION, draft, step: TITLE_STEP.to_string() } });
            Ok(())
        }
    };

    // Never replaces what the clerk wrote: into the open draft only when that loses nothing,
    // else into a new draft, like 新建草稿, after the open one is saved (if it cannot be, the page
    // stays on it). If the new draft cannot be stored, it is shown all the same, unsaved, with
    // the storage warning and its download: the draft that was open is safe in the list.
    let bring_in = {
        let library = library.clone();
        Callback::from(move |(saved, name): (Saved, Name)| -> Result<Placed, String> {
            let state = latest.borrow().clone();
            if state.replaces_nothing(&saved.draft) {
                library.borrow_mut().adopt(&state.draft_id, name);
                state.dispatch(Action::Load(saved));
                return Ok(Placed::Here);
            }
            save_state(&library, &state)?;
            let was = library.borrow().title_of(&state.draft_id, report_title(&state.template, &state.draft));
            let now = browser::now();
            let created = store::create(&Local, &mut library.borrow_mut(), &to_json(&saved.draft, &saved.step), name, now);
            let (id, placed) = match created {
                Ok(id) => (id, Placed::New { was }),
                Err(_) => (store::new_id(&Local, &library.borrow(), now), Placed::Unsaved { was }),
            };
            state.dispatch(Action::Open { id, saved });
            Ok(placed)
        })
    };

    let on_open = {
        let (state, shown, message, notice) = (state.clone(), shown.clone(), message.clone(), notice.clone());
        let (save_open, switch_to) = (save_open.clone(), switch_to.clone());
        Callback::from(move |id: String| {
            if id != state.draft_id {
                match save_open().and_then(|()| switch_to(&id)) {
                    Ok(title) => notice.set(Some((false, format!("已打开“{title}”。")))),
                    Err(msg) => return message.set(Some((true, msg))),
                }
            }
            shown.set(false);
        })
    };
    let on_new = {
        let (shown, message, notice) = (shown.clone(), message.clone(), notice.clone());
        let (save_open, start_new) = (save_open.clone(), start_new.clone());
        Callback::from(move |()| match save_open().and_then(|()| start_new()) {
            Ok(()) => {
                shown.set(false);
                notice.set(Some((false, "已新建一份空白草稿。原来的草稿在“我的草稿”里。".to_string())));
            }
            Err(msg) => message.set(Some((true, msg))),
        })
    };
    let on_duplicate = {
        let (state, library, message, save_open) = (state.clone(), library.clone(), message.clone(), save_open.clone());
        Callback::from(move |id: String| {
            // The open draft is copied as it is on screen.
            let saved = if id == state.draft_id { save_open() } else { Ok(()) };
            let copied = saved.and_then(|()| store::duplicate(&Local, &mut library.borrow_mut(), &id, browser::now()));
            message.set(Some(match copied {
                Ok(entry) => (false, format!("已复制为“{}”。", entry.title)),
                Err(msg) => (true, format!("没能复制：{msg}")),
            }));
        })
    };
    let on_rename = {
        let (library, message, refresh) = (library.clone(), message.clone(), refresh.clone());
        Callback::from(move |(id, name): (String, String)| {
            match store::rename(&Local, &mut library.borrow_mut(), &id, &name) {
                Ok(()) => message.set(None),
                Err(msg) => message.set(Some((true, format!("没能改名：{msg}")))),
            }
            refresh.force_update();
        })
    };
    let on_delete = {
        let (state, library, message, refresh) = (state.clone(), library.clone(), message.clone(), refresh.clone());
        Callback::from(move |id: String| {
            let title = library.borrow().get(&id).map(|e| e.title.clone()).unwrap_or_default();
            if !browser::confirm(&format!("确定删除草稿“{title}”吗？删除后可以马上点“撤销”恢复。")) {
                return;
            }
            let was_open = id == state.draft_id;
            let saved = if was_open { save_open() } else { Ok(()) };
            if let Err(msg) = saved.and_then(|()| store::delete(&Local, &mut library.borrow_mut(), &id)) {
                return message.set(Some((true, format!("没有删除：{msg}"))));
            }
            message.set(None);
            if was_open {
                // Go on with the newest draft that can be read, else a new one.
                let ids: Vec<String> = library.borrow().drafts.iter().map(|e| e.id.clone()).collect();
                if !ids.iter().any(|id| switch_to(id).is_ok()) {
                    if let Err(msg) = start_new() {
                        message.set(Some((true, msg)));
                    }
                }
            }
            refresh.force_update();
        })
    };
    let on_undo = {
        let (library, message) = (library.clone(), message.clone());
        Callback::from(move |()| {
            message.set(match store::undo_delete(&Local, &mut library.borrow_mut()) {
                Ok(entry) => entry.map(|e| (false, format!("已恢复“{}”。", e.title))),
                Err(msg) => Some((true, format!("没能恢复：{msg}"))),
            });
        })
    };
    let on_close = {
        let shown = shown.clone();
        Callback::from(move |()| shown.set(false))
    };
    let show = {
        let (shown, message) = (shown.clone(), message.clone());
        Callback::from(move |_: MouseEvent| {
            message.set(None);
            shown.set(true);
        })
    };

    let lib = library.borrow();
    let title = lib.title_of(&state.draft_id, report_title(&state.template, &state.draft));
    let panel = if *shown {
        let (now, offset) = (browser::now(), browser::utc_offset_minutes());
        let drafts: Vec<DraftRow> = lib
            .drafts
            .iter()
            .map(|e| DraftRow { id: e.id.clone().into(), title: e.title.clone().into(), changed: changed_label(now, e.changed, offset).into() })
            .collect();
        let deleted = lib.deleted.as_ref().map(|d| AttrValue::from(d.entry.title.clone()));
        html! {
            <DraftsPanel {drafts} current={state.draft_id.clone()} {deleted}
                message={(*message).clone().map(|(p, m)| (p, AttrValue::from(m)))}
                {on_new} {on_open} {on_rename} {on_duplicate} {on_delete} {on_undo} {on_close} />
        }
    } else {
        html! {}
    };
    Drafts { show, bring_in, panel, title }
}

/// Save the open draft as it is on screen (before the page shows another one).
fn save_state(library: &RefCell<Library>, state: &AppState) -> Result<(), String> {
    let title = report_title(&state.template, &state.draft);
    store::save(&Local, &mut library.borrow_mut(), &state.draft_id, &to_json(&state.draft, &state.step), title, None)
}
