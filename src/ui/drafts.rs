//! 我的草稿 on the page: the autosave of the open draft into the list, and what the panel's
//! buttons do. The open draft is saved before any switch; if it cannot be saved, the page
//! stays on it and says so.
use std::rc::Rc;
use yew::prelude::*;

use super::browser;
use super::conflict_notice::conflict_notice;
use super::drafts_panel::{DraftRow, DraftsPanel};
use super::gallery::Gallery;
use super::saved_here::{saved_here, OtherCopy};
use super::shared::Shared;
use super::state::{Action, AppState, TITLE_STEP};
use super::storage::{drafts, Local};
use super::templates;
use super::workshop::{self, Start, WorkshopPage};
use crate::domain::model::draft::Draft;
use crate::domain::model::gallery::{builtin_index, entry_of, gallery, may_add, type_label, Choice, IndexEntry, IndexRead};
use crate::domain::model::template::Template;
use crate::domain::output::render::file_stem;
use crate::domain::store::clock::changed_label;
use crate::domain::store::concurrent::{autosave, differences, follow, kept_name, Base, Elsewhere};
use crate::domain::store::copies::{self, Namespaced};
use crate::domain::store::library::{report_title, Library, Name};
use crate::domain::store::library_store as store;
use crate::domain::store::revision::writer_id;
use crate::domain::store::saved::{to_json, Saved, VERSION};
use crate::domain::store::template_store::{self, Loaded};

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
    /// The gallery of report types while it is shown, else nothing.
    pub gallery: Html,
    /// 打开模板文件: the file input's change.
    pub open_template: Callback<Event>,
    /// Load the template of a report type (a draft file of another type), then call back.
    pub ensure: Callback<(String, Callback<Result<Rc<Template>, String>>)>,
    /// The report types the page offers (the gallery's): built in, the unit's, opened from files.
    pub choices: Rc<Vec<Choice>>,
    /// The notice when the open draft was changed or deleted in another window, else nothing.
    pub conflict: Html,
    /// Open the gallery of report types (the header's type name).
    pub show_gallery: Callback<MouseEvent>,
    /// 模板制作 while it is open, else nothing.
    pub workshop: Html,
}

/// The open draft changed elsewhere while this tab had changes of its own, or was deleted
/// elsewhere: the autosave waits for the clerk's choice.
#[derive(Clone, PartialEq)]
struct Conflict {
    id: String,
    title: String,
    /// The other version (`None`: deleted, or written by a newer version of the page).
    theirs: Option<Rc<Saved>>,
    deleted: bool,
}

type Message = UseStateHandle<Option<(bool, String)>>;

/// What the gallery of report types shows besides the types.
#[derive(Clone, PartialEq)]
enum GalleryView {
    Shown,
    /// A chosen type's template is loading.
    Busy,
    /// Why the type or the template file chosen was not opened.
    Refused(String),
}

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
pub fn use_drafts(
    state: UseReducerHandle<AppState>,
    initial: &Library,
    loaded: &Loaded,
    unit: Shared<IndexRead>,
    storage_problem: UseStateHandle<Option<String>>,
    notice: Message,
) -> Drafts {
    let library = {
        let initial = initial.clone();
        use_mut_ref(move || initial)
    };
    // The templates loaded so far (built in, kept, fetched); a draft of another type loads its own.
    let loaded = {
        let loaded = loaded.clone();
        use_mut_ref(move || loaded)
    };
    // The gallery: built-in types, the unit's (beside the page), those opened from files.
    let builtin = use_memo((), |_| builtin_index());
    let opened: Vec<IndexEntry> = loaded.borrow().list.iter().map(|t| entry_of(t, "")).collect();
    let choices = Rc::new(gallery(&builtin, &unit.entries, &opened));
    // The gallery: hidden (`None`), shown, loading a template, or saying why it could not.
    let gallery_view = use_state(|| Option::<GalleryView>::None);
    let workshop = use_state(|| Option::<Shared<Start>>::None);
    let refresh = use_force_update();
    let shown = use_state(|| false);
    let message: Message = use_state(|| None);

    // This tab's id in the revisions it writes, and the open draft as it last read or wrote it.
    let writer = use_memo((), |_| writer_id(browser::now(), browser::random()));
    let base = use_mut_ref(|| Option::<Base>::None);
    let conflict = use_state(|| Option::<Conflict>::None);
    // The state as last rendered, for what finishes later than the click (reading a chosen file).
    let latest = use_mut_ref(|| state.clone());
    *latest.borrow_mut() = state.clone();

    // What changed elsewhere, shown: a reload (this tab had no changes of its own) keeps the
    // step on screen and says so; a conflict or a deletion waits for the clerk's choice.
    let show_elsewhere = {
        let (state, latest, base, conflict, notice, library, loaded) =
            (state.clone(), latest.clone(), base.clone(), conflict.clone(), notice.clone(), library.clone(), loaded.clone());
        Rc::new(move |elsewhere: Elsewhere| {
            let open = latest.borrow().clone();
            let title = library.borrow().title_of(&open.draft_id, report_title(&open.template, &open.draft));
            match elsewhere {
                Elsewhere::Unchanged => {}
                Elsewhere::Same(rev) => {
                    if let Some(b) = base.borrow_mut().as_mut() {
                        b.rev = rev;
                    }
                }
                Elsewhere::Reload { saved, rev } => {
                    let template = loaded.borrow().get(&saved.draft.template).unwrap_or_else(|| open.template.clone());
                    let saved = Saved { step: open.step.clone(), ..saved };
                    *base.borrow_mut() = Some(Base { id: open.draft_id.clone(), rev, draft: Rc::new(saved.draft.clone()), following: true });
                    conflict.set(None);
                    state.dispatch(Action::Open { id: open.draft_id.clone(), saved, template });
                    notice.set(Some((false, format!("草稿“{title}”已在另一个窗口中修改，已更新为最新内容。"))));
                }
                Elsewhere::Conflict { theirs, .. } => {
                    conflict.set(Some(Conflict { id: open.draft_id.clone(), title, theirs: theirs.map(Rc::new), deleted: false }))
                }
                Elsewhere::Deleted => conflict.set(Some(Conflict { id: open.draft_id.clone(), title, theirs: None, deleted: true })),
            }
        })
    };

    // Autosave every change (and the step), synchronously: nothing is waiting to be saved when
    // the tab is closed or killed. The time in the list changes only when the text did. The save
    // is compare-and-swap (`concurrent::autosave`): a draft changed or deleted in another window
    // since this one last read it is not overwritten, and the clerk is asked.
    {
        let (library, template, loaded, base, writer) =
            (library.clone(), state.template.clone(), loaded.clone(), base.clone(), writer.clone());
        let (waiting, show_elsewhere) = ((*conflict).clone().map(|c| c.id), show_elsewhere.clone());
        use_effect_with((Shared::from(state.draft.clone()), state.step.clone(), state.draft_id.clone()), move |(draft, step, id)| {
            let kv = drafts();
            let mut slot = base.borrow_mut();
            if slot.as_ref().is_none_or(|b| b.id != *id) {
                *slot = Some(Base::listed(&kv, &mut library.borrow_mut(), id, draft.0.clone()));
            }
            if waiting.as_ref() == Some(id) {
                return;
            }
            let Some(b) = slot.as_mut() else { return };
            let title = report_title(&template, draft);
            let result = autosave(&kv, &*loaded.borrow(), &mut library.borrow_mut(), b, &draft.0, step, title, browser::now(), &writer);
            drop(slot);
            let problem = match result {
                Ok(None) => None,
                Ok(Some(elsewhere)) => {
                    show_elsewhere(elsewhere);
                    None
                }
                Err(msg) => Some(msg),
            };
            if *storage_problem != problem {
                storage_problem.set(problem);
            }
        });
    }

    // Another window changed the list: show it again, and follow the open draft.
    {
        let (library, loaded, base, latest, refresh, show_elsewhere) =
            (library.clone(), loaded.clone(), base.clone(), latest.clone(), refresh.clone(), show_elsewhere.clone());
        use_effect_with((), move |_| {
            let listener = browser::on_storage(move |key| {
                let kv = drafts();
                if key.is_some_and(|k| k != kv.full_key(store::INDEX_KEY)) {
                    return;
                }
                let open = latest.borrow().clone();
                let known = base.borrow().clone().filter(|b| b.id == open.draft_id);
                let elsewhere = match known {
                    Some(b) => follow(&kv, &*loaded.borrow(), &mut library.borrow_mut(), &b, &open.draft),
                    None => {
                        store::refresh(&kv, &mut library.borrow_mut());
                        Elsewhere::Unchanged
                    }
                };
                show_elsewhere(elsewhere);
                refresh.force_update();
            });
            move || drop(listener)
        });
    }

    let save_open = {
        let (latest, library, loaded, base, writer, show_elsewhere) =
            (latest.clone(), library.clone(), loaded.clone(), base.clone(), writer.clone(), show_elsewhere.clone());
        move || {
            let open = latest.borrow().clone();
            let kv = drafts();
            let mut slot = base.borrow_mut();
            if slot.as_ref().is_none_or(|b| b.id != open.draft_id) {
                *slot = Some(Base::listed(&kv, &mut library.borrow_mut(), &open.draft_id, open.draft.clone()));
            }
            let Some(b) = slot.as_mut() else { return Ok(()) };
            let title = report_title(&open.template, &open.draft);
            let saved =
                autosave(&kv, &*loaded.borrow(), &mut library.borrow_mut(), b, &open.draft, &open.step, title, browser::now(), &writer);
            drop(slot);
            match saved {
                // Changed elsewhere while this tab had no changes of its own: what is stored is
                // all there is to keep, so the page may go on to another draft.
                Ok(None | Some(Elsewhere::Reload { .. })) => Ok(()),
                Ok(Some(elsewhere)) => {
                    show_elsewhere(elsewhere);
                    Err("这份草稿在另一个窗口中也修改或删除了，请先在页面上方的提示里选择怎样处理。".to_string())
                }
                Err(msg) => Err(msg),
            }
            .map_err(|msg| format!("现在这份草稿没能保存，所以留在这份上：{msg}请先用“保存草稿文件”把它下载下来。"))
        }
    };
    // Show a stored draft; its title, or why it cannot be read.
    let switch_to = {
        let (state, library, loaded, base) = (state.clone(), library.clone(), loaded.clone(), base.clone());
        move |id: &str| -> Result<String, String> {
            let loaded = loaded.borrow();
            let saved =
                store::read(&drafts(), &*loaded, id).map_err(|why| format!("这份草稿无法打开：{why}它原样保留在本机，没有改动。"))?;
            let template = loaded.get(&saved.draft.template).unwrap_or_else(|| state.template.clone());
            let title = library.borrow().title_of(id, report_title(&template, &saved.draft));
            library.borrow_mut().active = id.to_string();
            let rev = library.borrow().get(id).map(|e| e.rev.clone()).unwrap_or_default();
            *base.borrow_mut() = Some(Base { id: id.to_string(), rev, draft: Rc::new(saved.draft.clone()), following: false });
            state.dispatch(Action::Open { id: id.to_string(), saved, template });
            Ok(title)
        }
    };
    // A new, empty draft of a report type, listed and open. The open draft is saved first by the
    // caller; an untouched one (nothing to lose) is turned into the new type in place, so that
    // choosing a type first leaves no empty draft behind.
    let start_new = {
        let (state, library, latest) = (state.clone(), library.clone(), latest.clone());
        move |template: Rc<Template>| -> Result<(), String> {
            let draft = Draft::new(&template);
            let saved = Saved { version: VERSION, draft, step: TITLE_STEP.to_string() };
            let open = latest.borrow().clone();
            if open.is_untouched() && library.borrow().get(&open.draft_id).is_some_and(|e| !e.renamed) {
                state.dispatch(Action::Open { id: open.draft_id.clone(), saved, template });
                return Ok(());
            }
            let json = to_json(&saved.draft, TITLE_STEP);
            let id = store::create(&drafts(), &mut library.borrow_mut(), &json, Name::Report(None), browser::now())
                .map_err(|msg| format!("没能新建草稿：{msg}"))?;
            state.dispatch(Action::Open { id, saved, template });
            Ok(())
        }
    };

    // Never replaces what the clerk wrote: into the open draft only when that loses nothing,
    // else into a new draft, like 新建草稿, after the open one is saved (if it cannot be, the page
    // stays on it). If the new draft cannot be stored, it is shown all the same, unsaved, with
    // the storage warning and its download: the draft that was open is safe in the list.
    // A draft of another report type (a draft file) comes with its template, loaded by the caller.
    let bring_in = {
        let (library, loaded, latest, save_open) = (library.clone(), loaded.clone(), latest.clone(), save_open.clone());
        Callback::from(move |(saved, name): (Saved, Name)| -> Result<Placed, String> {
            let state = latest.borrow().clone();
            let template = loaded.borrow().get(&saved.draft.template).unwrap_or_else(|| state.template.clone());
            if state.replaces_nothing(&saved.draft) {
                library.borrow_mut().adopt(&state.draft_id, name);
                if template.id == state.template.id {
                    state.dispatch(Action::Load(saved));
                } else {
                    state.dispatch(Action::Open { id: state.draft_id.clone(), saved, template });
                }
                return Ok(Placed::Here);
            }
            save_open()?;
            let was = library.borrow().title_of(&state.draft_id, report_title(&state.template, &state.draft));
            let now = browser::now();
            let created = store::create(&drafts(), &mut library.borrow_mut(), &to_json(&saved.draft, &saved.step), name, now);
            let (id, placed) = match created {
                Ok(id) => (id, Placed::New { was }),
                Err(_) => (store::new_id(&drafts(), &library.borrow(), now), Placed::Unsaved { was }),
            };
            state.dispatch(Action::Open { id, saved, template });
            Ok(placed)
        })
    };

    // A draft of a type not loaded yet waits for its template (the panel says so); if it cannot
    // be loaded, the page stays on the open draft and the other is kept as it is.
    let on_open = {
        let (state, shown, message, notice) = (state.clone(), shown.clone(), message.clone(), notice.clone());
        let (save_open, switch_to, loaded, choices) = (save_open.clone(), switch_to.clone(), loaded.clone(), choices.clone());
        Callback::from(move |id: String| {
            if id == state.draft_id {
                return shown.set(false);
            }
            if let Err(msg) = save_open() {
                return message.set(Some((true, msg)));
            }
            let kind = store::type_of(&drafts(), &id).unwrap_or_else(|| state.template.id.clone());
            if loaded.borrow().get(&kind).is_none() {
                message.set(Some((false, "正在载入这份草稿的报告模板……".to_string())));
            }
            let (shown, message, notice, switch_to) = (shown.clone(), message.clone(), notice.clone(), switch_to.clone());
            let ready = templates::ensure(loaded.clone(), choices.clone(), kind);
            wasm_bindgen_futures::spawn_local(async move {
                let opened =
                    ready.await.map_err(|why| format!("这份草稿无法打开：{why}它原样保留在本机，没有改动。")).and_then(|_| switch_to(&id));
                match opened {
                    Ok(title) => {
                        message.set(None);
                        shown.set(false);
                        notice.set(Some((false, format!("已打开“{title}”。"))));
                    }
                    Err(msg) => message.set(Some((true, msg))),
                }
            });
        })
    };
    // 新建草稿 starts from the gallery of report types.
    let on_new = {
        let gallery_view = gallery_view.clone();
        Callback::from(move |()| gallery_view.set(Some(GalleryView::Shown)))
    };
    let show_gallery = on_new.reform(|_: MouseEvent| ());
    // After a type is chosen or a template file opened: the new draft, the panels closed.
    let made = {
        let (shown, gallery_view, notice) = (shown.clone(), gallery_view.clone(), notice.clone());
        move |what: String| {
            shown.set(false);
            gallery_view.set(None);
            notice.set(Some((false, format!("{what}原来的草稿在“我的草稿”里。"))));
        }
    };
    let on_choose = {
        let (gallery_view, loaded, choices) = (gallery_view.clone(), loaded.clone(), choices.clone());
        let (save_open, start_new, made) = (save_open.clone(), start_new.clone(), made.clone());
        Callback::from(move |id: String| {
            gallery_view.set(Some(GalleryView::Busy));
            let (gallery_view, save_open, start_new, made) = (gallery_view.clone(), save_open.clone(), start_new.clone(), made.clone());
            let ready = templates::ensure(loaded.clone(), choices.clone(), id);
            wasm_bindgen_futures::spawn_local(async move {
                let result = ready.await;
                let name = result.as_ref().map(|t| t.name.clone()).unwrap_or_default();
                match result.and_then(|t| save_open().and_then(|()| start_new(t))) {
                    Ok(()) => made(format!("已新建一份“{name}”。")),
                    Err(msg) => gallery_view.set(Some(GalleryView::Refused(format!("{msg}现在的草稿没有改动。")))),
                }
            });
        })
    };
    // 打开模板文件: a template checked, kept in this browser (so its drafts open after a reload)
    // and a new draft of it. A template that is refused changes nothing.
    let open_template = {
        let (gallery_view, notice, loaded, builtin) = (gallery_view.clone(), notice.clone(), loaded.clone(), builtin.clone());
        let (save_open, start_new, made) = (save_open.clone(), start_new.clone(), made.clone());
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let file = browser::chosen_file_name(&input).unwrap_or_default();
            let (gallery_view, notice, loaded, builtin) = (gallery_view.clone(), notice.clone(), loaded.clone(), builtin.clone());
            let (save_open, start_new, made) = (save_open.clone(), start_new.clone(), made.clone());
            let done = Callback::from(move |read: Result<Vec<u8>, String>| {
                let opened = read.and_then(|bytes| {
                    let refused = |why: String| format!("没有打开模板文件“{file}”：{}。", why.trim_end_matches('。'));
                    let t = Template::from_bytes(&bytes).map_err(|e| refused(e.to_string()))?;
                    // from_bytes has checked that the bytes are UTF-8.
                    let text = String::from_utf8_lossy(&bytes);
                    may_add(&t, &builtin).map_err(refused)?;
                    save_open()?;
                    template_store::save(&Local, &t, &text).map_err(refused)?;
                    let t = Rc::new(t);
                    loaded.borrow_mut().add(t.clone());
                    let name = t.name.clone();
                    start_new(t).map(|()| name)
                });
                match opened {
                    Ok(name) => made(format!("已打开模板文件“{file}”，新建了一份“{name}”。")),
                    Err(msg) => {
                        let msg = format!("{msg}已写的草稿都没有改动。");
                        if gallery_view.is_some() {
                            gallery_view.set(Some(GalleryView::Refused(msg)));
                        } else {
                            notice.set(Some((true, msg)));
                        }
                    }
                }
            });
            browser::read_chosen_bytes(&input, "模板文件", done);
        })
    };
    let on_duplicate = {
        let (state, library, message, save_open) = (state.clone(), library.clone(), message.clone(), save_open.clone());
        Callback::from(move |id: String| {
            // The open draft is copied as it is on screen.
            let saved = if id == state.draft_id { save_open() } else { Ok(()) };
            let copied = saved.and_then(|()| store::duplicate(&drafts(), &mut library.borrow_mut(), &id, browser::now()));
            message.set(Some(match copied {
                Ok(entry) => (false, format!("已复制为“{}”。", entry.title)),
                Err(msg) => (true, format!("没能复制：{msg}")),
            }));
        })
    };
    let on_rename = {
        let (library, message, refresh) = (library.clone(), message.clone(), refresh.clone());
        Callback::from(move |(id, name): (String, String)| {
            match store::rename(&drafts(), &mut library.borrow_mut(), &id, &name) {
                Ok(()) => message.set(None),
                Err(msg) => message.set(Some((true, format!("没能改名：{msg}")))),
            }
            refresh.force_update();
        })
    };
    // Go on with the newest draft that can be read, else a new one (after a deletion).
    let go_elsewhere = {
        let (library, loaded, switch_to, start_new) = (library.clone(), loaded.clone(), switch_to.clone(), start_new.clone());
        move || -> Result<(), String> {
            let ids: Vec<String> = library.borrow().drafts.iter().map(|e| e.id.clone()).collect();
            let first = loaded.borrow().list[0].clone();
            if ids.iter().any(|id| switch_to(id).is_ok()) {
                return Ok(());
            }
            start_new(first)
        }
    };
    let on_delete = {
        let (state, library, message, refresh, go_elsewhere) =
            (state.clone(), library.clone(), message.clone(), refresh.clone(), go_elsewhere.clone());
        Callback::from(move |id: String| {
            let title = library.borrow().get(&id).map(|e| e.title.clone()).unwrap_or_default();
            if !browser::confirm(&format!("确定删除草稿“{title}”吗？删除后可以马上点“撤销”恢复。")) {
                return;
            }
            let was_open = id == state.draft_id;
            let saved = if was_open { save_open() } else { Ok(()) };
            if let Err(msg) = saved.and_then(|()| store::delete(&drafts(), &mut library.borrow_mut(), &id)) {
                return message.set(Some((true, format!("没有删除：{msg}"))));
            }
            message.set(None);
            if was_open {
                if let Err(msg) = go_elsewhere() {
                    message.set(Some((true, msg)));
                }
            }
            refresh.force_update();
        })
    };
    let on_undo = {
        let (library, message) = (library.clone(), message.clone());
        Callback::from(move |()| {
            message.set(match store::undo_delete(&drafts(), &mut library.borrow_mut()) {
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

    // The conflict's choices: keep this window's version as a draft of its own (a deleted one
    // under its name, a changed one as 「…（本窗口的版本）」 beside the other); or take the
    // other window's version (changed), or go on with another draft (deleted).
    let on_choice = {
        let (state, latest, library, conflict, notice) = (state.clone(), latest.clone(), library.clone(), conflict.clone(), notice.clone());
        let (loaded, base, go_elsewhere, show_elsewhere) = (loaded.clone(), base.clone(), go_elsewhere.clone(), show_elsewhere.clone());
        Callback::from(move |keep: bool| {
            let Some(c) = (*conflict).clone() else { return };
            let open = latest.borrow().clone();
            let kv = drafts();
            if keep {
                let name = if c.deleted { c.title.clone() } else { kept_name(&c.title) };
                let saved = Saved { version: VERSION, draft: (*open.draft).clone(), step: open.step.clone() };
                let json = to_json(&saved.draft, &saved.step);
                let created = store::create(&kv, &mut library.borrow_mut(), &json, Name::Given(name.clone()), browser::now());
                match created {
                    Ok(id) => {
                        conflict.set(None);
                        state.dispatch(Action::Open { id, saved, template: open.template.clone() });
                        notice.set(Some((false, format!("已把这个窗口里的版本保存为草稿“{name}”。"))));
                    }
                    Err(msg) => notice.set(Some((true, format!("没能保存：{msg}请先用“保存草稿文件”把它下载下来。")))),
                }
            } else if c.deleted {
                if browser::confirm("这个窗口里的这份草稿将不再保留。确定吗？") {
                    conflict.set(None);
                    if let Err(msg) = go_elsewhere() {
                        notice.set(Some((true, msg)));
                    }
                }
            } else {
                let known = base.borrow().clone();
                let now = known.map(|b| follow(&kv, &*loaded.borrow(), &mut library.borrow_mut(), &b, &open.draft));
                match now {
                    Some(Elsewhere::Conflict { theirs: Some(saved), rev }) => show_elsewhere(Elsewhere::Reload { saved, rev }),
                    Some(Elsewhere::Conflict { .. }) | None => {
                        notice.set(Some((true, "另一处的版本无法在这里打开，请选“保存为新草稿”。".to_string())))
                    }
                    Some(other) => {
                        conflict.set(None);
                        show_elsewhere(other);
                    }
                }
            }
        })
    };
    let conflict_view = match (*conflict).clone() {
        Some(c) if c.id == state.draft_id => {
            let found = c.theirs.as_ref().map(|t| differences(&state.template, &state.draft, &t.draft)).unwrap_or_default();
            conflict_notice(&c.title, c.deleted, &found, on_choice)
        }
        _ => html! {},
    };

    // 我的草稿's last section: this file (a page opened from a file), other copies, clearing.
    let on_import = {
        let (library, message, refresh) = (library.clone(), message.clone(), refresh.clone());
        Callback::from(move |prefix: String| {
            let from = Namespaced { inner: Local, prefix };
            let imported = copies::import(&from, &drafts(), &mut library.borrow_mut(), browser::now());
            message.set(Some(match imported {
                Ok(names) if names.is_empty() => (false, "那份副本的草稿这里都已经有了，没有再导入。".to_string()),
                Ok(names) => (
                    false,
                    format!("已导入 {} 份草稿：{}。", names.len(), names.iter().map(|n| format!("“{n}”")).collect::<Vec<_>>().join("、")),
                ),
                Err(msg) => (true, format!("没能导入：{msg}")),
            }));
            refresh.force_update();
        })
    };
    let on_save_file = {
        let (latest, message) = (latest.clone(), message.clone());
        Callback::from(move |()| {
            let open = latest.borrow().clone();
            let name = format!("{}（草稿）.json", file_stem(&open.template, &open.draft));
            if let Err(msg) = browser::download(&name, "application/json", to_json(&open.draft, &open.step).as_bytes()) {
                message.set(Some((true, msg)));
            }
        })
    };
    let on_clear = {
        let (library, message, refresh, go_elsewhere, latest) =
            (library.clone(), message.clone(), refresh.clone(), go_elsewhere.clone(), latest.clone());
        Callback::from(move |all: bool| {
            let open = latest.borrow().clone();
            let title = library.borrow().title_of(&open.draft_id, report_title(&open.template, &open.draft));
            let question = if all {
                "确定清除这个浏览器里保存的全部草稿吗？没有下载成草稿文件的内容将无法找回。".to_string()
            } else {
                format!("确定清除这个浏览器里保存的“{title}”吗？没有下载成草稿文件的内容将无法找回。")
            };
            if !browser::confirm(&question) {
                return;
            }
            let kv = drafts();
            let cleared = if all {
                store::purge_all(&kv, &mut library.borrow_mut());
                Ok(())
            } else {
                store::purge(&kv, &mut library.borrow_mut(), &open.draft_id)
            };
            // (The list is borrowed only while it is cleared: going on reads it again.)
            let what = if all { "全部草稿".to_string() } else { format!("“{title}”") };
            let cleared = cleared.and_then(|()| go_elsewhere()).map(|()| format!("已清除这个浏览器里保存的{what}。"));
            message.set(Some(match cleared {
                Ok(msg) => (false, msg),
                Err(msg) => (true, format!("没能清除：{msg}")),
            }));
            refresh.force_update();
        })
    };

    let lib = library.borrow();
    let title = lib.title_of(&state.draft_id, report_title(&state.template, &state.draft));
    let panel = if *shown {
        let (now, offset) = (browser::now(), browser::utc_offset_minutes());
        let drafts: Vec<DraftRow> = lib
            .drafts
            .iter()
            .map(|e| {
                let kind = store::type_of(&drafts(), &e.id).map_or_else(String::new, |kind| type_label(&choices, &kind));
                DraftRow {
                    id: e.id.clone().into(),
                    title: e.title.clone().into(),
                    kind: kind.into(),
                    changed: changed_label(now, e.changed, offset).into(),
                }
            })
            .collect();
        let deleted = lib.deleted.as_ref().map(|d| AttrValue::from(d.entry.title.clone()));
        let own = super::storage::drafts();
        let file =
            (!own.prefix.is_empty()).then(|| browser::readable_location(own.prefix.trim_start_matches("gongwen@").trim_end_matches('#')));
        let copies: Vec<OtherCopy> = if own.prefix.is_empty() {
            Vec::new()
        } else {
            copies::others(&Local, &own.prefix).into_iter().map(|c| (c.prefix, browser::readable_location(&c.location), c.drafts)).collect()
        };
        let storage = saved_here(file, copies, on_import, on_save_file, on_clear);
        html! {
            <DraftsPanel {drafts} current={state.draft_id.clone()} {deleted}
                message={(*message).clone().map(|(p, m)| (p, AttrValue::from(m)))}
                {on_new} {on_open} {on_rename} {on_duplicate} {on_delete} {on_undo} {on_close} {storage} />
        }
    } else {
        html! {}
    };
    let gallery = if let Some(view) = (*gallery_view).clone() {
        let on_close = {
            let gallery_view = gallery_view.clone();
            Callback::from(move |()| gallery_view.set(None))
        };
        let (busy, message) = match view {
            GalleryView::Shown => (false, None),
            GalleryView::Busy => (true, None),
            GalleryView::Refused(msg) => (false, Some(AttrValue::from(msg))),
        };
        // 删除本机模板: asked first; the template goes from this browser and from the gallery.
        let on_remove = {
            let (loaded, gallery_view, refresh) = (loaded.clone(), gallery_view.clone(), refresh.clone());
            Callback::from(move |id: String| {
                let kept = template_store::kept(&Local);
                let name = kept.iter().find(|k| k.id == id).and_then(|k| k.name.clone()).unwrap_or_else(|| id.clone());
                if !browser::confirm(&template_store::remove_question(&name)) {
                    return;
                }
                template_store::remove(&Local, &id);
                loaded.borrow_mut().remove(&id);
                gallery_view.set(Some(GalleryView::Shown));
                refresh.force_update();
            })
        };
        let kept = Shared(Rc::new(template_store::kept(&Local)));
        // (`then`: without the workshop in the page, none of this is built into it.)
        let on_workshop = workshop::AVAILABLE.then(|| {
            let (workshop, gallery_view) = (workshop.clone(), gallery_view.clone());
            Callback::from(move |()| {
                gallery_view.set(None);
                workshop.set(Some(Shared(Rc::new(Start::Blank))));
            })
        });
        // 修改模板: the template loaded, then the workshop on it (one not kept here as a copy).
        let on_edit = workshop::AVAILABLE.then(|| {
            let (workshop, gallery_view, loaded, choices) = (workshop.clone(), gallery_view.clone(), loaded.clone(), choices.clone());
            Callback::from(move |id: String| {
                let (workshop, gallery_view) = (workshop.clone(), gallery_view.clone());
                let copy = !template_store::kept(&Local).iter().any(|k| k.id == id);
                let ready = templates::ensure(loaded.clone(), choices.clone(), id);
                wasm_bindgen_futures::spawn_local(async move {
                    match ready.await {
                        Ok(template) => {
                            gallery_view.set(None);
                            workshop.set(Some(Shared(Rc::new(Start::From { template, copy }))));
                        }
                        Err(msg) => gallery_view.set(Some(GalleryView::Refused(msg))),
                    }
                });
            })
        });
        let index_problems = Shared(Rc::new(unit.problems.clone()));
        html! {
            <Gallery choices={Shared(choices.clone())} {busy} {message} {kept} {index_problems} {on_remove}
                {on_choose} on_open_file={open_template.clone()} {on_close}
                {on_workshop} {on_edit} />
        }
    } else {
        html! {}
    };
    // 模板制作: a template kept in this browser joins the gallery, shown again with it.
    let workshop_view = match (*workshop).clone() {
        Some(start) if workshop::AVAILABLE => {
            let (loaded, workshop, gallery_view) = (loaded.clone(), workshop.clone(), gallery_view.clone());
            let on_close = { let workshop = workshop.clone(); Callback::from(move |()| workshop.set(None)) };
            let on_kept = Callback::from(move |t: Rc<Template>| {
                loaded.borrow_mut().add(t);
                workshop.set(None);
                gallery_view.set(Some(GalleryView::Shown));
            });
            html! { <WorkshopPage {start} {on_kept} {on_close} /> }
        }
        _ => html! {},
    };
    let ensure = {
        let choices = choices.clone();
        Callback::from(move |(kind, done): (String, Callback<Result<Rc<Template>, String>>)| {
            let ready = templates::ensure(loaded.clone(), choices.clone(), kind);
            wasm_bindgen_futures::spawn_local(async move { done.emit(ready.await) });
        })
    };
    Drafts { show, bring_in, panel, title, gallery, open_template, ensure, choices, conflict: conflict_view, show_gallery, workshop: workshop_view }
}
