//! 我的草稿 on the page: the autosave of the open draft into the list, and what the panel's
//! buttons do. The open draft is saved before any switch; if it cannot be saved, the page
//! stays on it and says so.
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

use super::browser;
use super::drafts_panel::{DraftRow, DraftsPanel};
use super::gallery::Gallery;
use super::shared::Shared;
use super::state::{Action, AppState, TITLE_STEP};
use super::storage::Local;
use super::templates;
use crate::domain::model::draft::Draft;
use crate::domain::model::gallery::{builtin_index, entry_of, gallery, may_add, type_label, Choice, IndexEntry, IndexRead};
use crate::domain::model::template::Template;
use crate::domain::store::clock::changed_label;
use crate::domain::store::library::{report_title, Library, Name};
use crate::domain::store::library_store as store;
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
        let (latest, library) = (latest.clone(), library.clone());
        move || {
            save_state(&library, &latest.borrow())
                .map_err(|msg| format!("现在这份草稿没能保存，所以留在这份上：{msg}请先用“保存草稿文件”把它下载下来。"))
        }
    };
    // Show a stored draft; its title, or why it cannot be read.
    let switch_to = {
        let (state, library, loaded) = (state.clone(), library.clone(), loaded.clone());
        move |id: &str| -> Result<String, String> {
            let loaded = loaded.borrow();
            let saved = store::read(&Local, &*loaded, id).map_err(|why| format!("这份草稿无法打开：{why}它原样保留在本机，没有改动。"))?;
            let template = loaded.get(&saved.draft.template).unwrap_or_else(|| state.template.clone());
            let title = library.borrow().title_of(id, report_title(&template, &saved.draft));
            library.borrow_mut().active = id.to_string();
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
            let id = store::create(&Local, &mut library.borrow_mut(), &json, Name::Report(None), browser::now())
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
        let (library, loaded) = (library.clone(), loaded.clone());
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
            save_state(&library, &state)?;
            let was = library.borrow().title_of(&state.draft_id, report_title(&state.template, &state.draft));
            let now = browser::now();
            let created = store::create(&Local, &mut library.borrow_mut(), &to_json(&saved.draft, &saved.step), name, now);
            let (id, placed) = match created {
                Ok(id) => (id, Placed::New { was }),
                Err(_) => (store::new_id(&Local, &library.borrow(), now), Placed::Unsaved { was }),
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
            let kind = store::type_of(&Local, &id).unwrap_or_else(|| state.template.id.clone());
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
        let (state, library, message, refresh, loaded) = (state.clone(), library.clone(), message.clone(), refresh.clone(), loaded.clone());
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
                let first = loaded.borrow().list[0].clone();
                if !ids.iter().any(|id| switch_to(id).is_ok()) {
                    if let Err(msg) = start_new(first) {
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
            .map(|e| {
                let kind = store::type_of(&Local, &e.id).map_or_else(String::new, |kind| type_label(&choices, &kind));
                DraftRow {
                    id: e.id.clone().into(),
                    title: e.title.clone().into(),
                    kind: kind.into(),
                    changed: changed_label(now, e.changed, offset).into(),
                }
            })
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
        let index_problems = Shared(Rc::new(unit.problems.clone()));
        html! {
            <Gallery choices={Shared(choices.clone())} {busy} {message} {kept} {index_problems} {on_remove}
                {on_choose} on_open_file={open_template.clone()} {on_close} />
        }
    } else {
        html! {}
    };
    let ensure = {
        let choices = choices.clone();
        Callback::from(move |(kind, done): (String, Callback<Result<Rc<Template>, String>>)| {
            let ready = templates::ensure(loaded.clone(), choices.clone(), kind);
            wasm_bindgen_futures::spawn_local(async move { done.emit(ready.await) });
        })
    };
    Drafts { show, bring_in, panel, title, gallery, open_template, ensure, choices }
}

/// Save the open draft as it is on screen (before the page shows another one).
fn save_state(library: &RefCell<Library>, state: &AppState) -> Result<(), String> {
    let title = report_title(&state.template, &state.draft);
    store::save(&Local, &mut library.borrow_mut(), &state.draft_id, &to_json(&state.draft, &state.step), title, None)
}
