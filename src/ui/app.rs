//! The page: the header, the notices, the desk's dialogs, the question before a report with
//! errors leaves, and the workspace. One store (`AppState`, with the desk) holds everything; the
//! components display it and dispatch. Here are only the effects: the first save and another
//! window's writes followed, the cursor and the preview after a step change, printing.
use yew::prelude::*;

pub use super::boot::{props, props_now, AppProps};
use super::browser;
use super::desk_files::{desk, fill_example, import_report, open_draft_file, open_template_file, save_draft_file};
use super::drafts_dialog::DraftsDialog;
use super::export::{export_now, has_errors, shows_errors, DownloadQuestion, Export};
use super::gallery_dialog::GalleryDialog;
use super::header::Header;
use super::import_dialog::ImportDialog;
use super::notices::Notices;
use super::shared::Shared;
use super::state::{Action, AppState};
use super::storage::drafts;
use super::workshop_host;
use super::workspace::Workspace;
use crate::domain::model::gallery::{builtin_index, entry_of, gallery, IndexEntry};
use crate::domain::store::desk::Do;
use crate::domain::store::library_store::INDEX_KEY;

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let state = {
        let boot = props.boot.clone();
        use_reducer(move || (*boot).clone())
    };
    super::autosave::use_typing_checked_and_saved(&state);
    let desk_do = desk(&state);
    // The draft open is saved at once; another window's change of the list is followed.
    use_effect_with((), move |_| {
        desk_do.emit(Do::Autosave);
        // 模板制作 (its own module) says when a template was kept and when it closed.
        let workshop = workshop_host::listen(desk_do.clone());
        let listener = browser::on_storage(move |key| {
            if key.is_none_or(|k| k == drafts().full_key(INDEX_KEY)) {
                desk_do.emit(Do::StorageChanged);
            }
        });
        move || drop((listener, workshop))
    });
    // A new step starts at its top, the cursor in its first box, the preview at its part (a
    // jump then puts the cursor on its finding, below). Not on the first screen: the page opens
    // with the skip link first.
    let shown_once = use_mut_ref(|| false);
    use_effect_with(state.step.clone(), move |step| {
        if std::mem::replace(&mut *shown_once.borrow_mut(), true) {
            browser::scroll_to_top();
            browser::focus_step();
        }
        browser::show_in_preview(step);
    });
    use_effect_with(state.focus.clone(), |focus| {
        if let Some(f) = focus {
            browser::focus_field(&f.key, f.span.start, f.span.end);
        }
    });
    // Download, copy, print: with errors left, the question first. Printing cannot wait: the
    // question follows it.
    let asking = use_state(|| Option::<Export>::None);
    use_effect_with(shows_errors(&state), {
        let asking = asking.clone();
        move |&errors| {
            let listener = if errors { browser::on_before_print(move || asking.set(Some(Export::Print))) } else { None };
            move || drop(listener)
        }
    });
    let on_export = {
        let (state, asking) = (state.clone(), asking.clone());
        Callback::from(move |format: Export| if has_errors(&state) { asking.set(Some(format)) } else { export_now(&state, format) })
    };
    let out = |format: Export| on_export.reform(move |_: MouseEvent| format);
    let on_anyway = {
        let (state, asking) = (state.clone(), asking.clone());
        Callback::from(move |_: MouseEvent| {
            let format = *asking;
            asking.set(None);
            if let Some(format) = format.filter(|f| *f != Export::Print) {
                export_now(&state, format);
            }
        })
    };
    let clear = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            if browser::confirm("清空后现在写的全部内容都会删除。确定要清空吗？") {
                state.dispatch(Action::Clear);
            }
        })
    };
    // The report types offered: built in, the unit's (beside the page), those opened from files.
    let opened: Vec<IndexEntry> = state.desk.loaded.list.iter().map(|t| entry_of(t, "")).collect();
    let choices: Shared<_> =
        use_memo((opened, props.unit.clone()), |(opened, unit)| gallery(&builtin_index(), &unit.entries, opened)).into();
    let import_types: Shared<_> = use_memo((state.template.id.clone(), choices.clone()), |(_, c)| import_types(&state, c)).into();
    // The boxes' names: made again only when the report type or its items change.
    let labels: Shared<Vec<(String, String)>> = use_memo((Shared::from(state.template.clone()), state.draft.sections.clone()), |_| {
        crate::domain::model::fields::labels(&state.template, &state.draft)
    })
    .into();
    let dialogs = &state.desk.dialogs;
    let desk_do = desk(&state);
    html! {
        <div class="app">
            <a class="skip-link" href="#step-view" onclick={Callback::from(|e: MouseEvent| { e.prevent_default(); browser::focus_step(); })}>
                { "跳到当前步骤" }
            </a>
            <Header kind={state.template.name.clone()} on_kind={desk_do.reform(|_| Do::ShowGallery)} title={state.desk.title(&state.screen())}
                on_drafts={desk_do.reform(|_| Do::ShowDrafts)} on_example={fill_example(&state)} on_import={desk_do.reform(|_| Do::ShowImport)}
                on_save_file={save_draft_file(&state, false)} on_open_draft={open_draft_file(&state, &choices.0)}
                on_open_template={open_template_file(&state)} on_copy={out(Export::Copy)} on_clear={clear}
                on_txt={out(Export::Txt)} on_docx={out(Export::Docx)} />
            <Notices state={state.clone()} on_save_file={save_draft_file(&state, false)} />
            if dialogs.drafts { <DraftsDialog state={state.clone()} choices={choices.clone()} /> }
            if dialogs.gallery.is_some() { <GalleryDialog state={state.clone()} choices={choices.clone()} unit={props.unit.clone()} /> }
            if let Some(refused) = dialogs.import.clone() {
                <ImportDialog types={import_types} on_import={import_report(&state, &choices.0)} on_cancel={desk_do.reform(|()| Do::CloseImport)}
                    busy={dialogs.import_waiting} refused={refused.map(AttrValue::from)} />
            }
            if let Some(format) = *asking {
                <DownloadQuestion state={state.clone()} {format} labels={labels.clone()} {on_anyway}
                    on_close={ let asking = asking.clone(); Callback::from(move |()| asking.set(None)) } />
            }
            <Workspace state={state.clone()} {labels} {on_export} />
        </div>
    }
}

/// The report types an imported text is compared with: the open draft's first, then the others
/// the gallery offers (built in, the unit's, opened from files) by their index entries (name
/// and part labels).
fn import_types(state: &AppState, choices: &[crate::domain::model::gallery::Choice]) -> Vec<crate::domain::input::recognise::Candidate> {
    use crate::domain::input::recognise::Candidate;
    let open = &state.template;
    let others =
        choices.iter().filter(|c| c.entry.id != open.id).map(|c| Candidate::from_index(&c.entry.id, &c.entry.name, &c.entry.parts));
    std::iter::once(Candidate::of(open)).chain(others).collect()
}
