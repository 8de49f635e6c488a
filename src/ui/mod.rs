//! The Yew components. They display state and dispatch actions; every rule lives in
//! `crate::domain`. This is the only module that may touch web-sys.
mod app;
mod autosave;
mod boot;
mod browser;
pub mod carry;
mod conflict_notice;
mod desk_files;
mod dialog;
mod done_step;
mod drafts_dialog;
pub mod drafts_panel;
mod export;
mod field_editor;
mod findings;
mod findings_panel;
mod gallery;
mod gallery_dialog;
mod guided_field;
mod header;
pub mod highlight;
mod id_scope;
mod ime;
mod import_dialog;
mod notices;
mod outline;
mod preview;
mod saved_here;
mod section;
pub mod shared;
mod slotted;
pub mod state;
mod step_view;
mod storage;
mod templates;
mod unplaced;
mod widgets;
mod word_file;
/// 模板制作's page: only in the workshop's own module (feature `workshop-page`, `src/workshop_main.rs`).
#[cfg(feature = "workshop-page")]
mod workshop;
mod workshop_host;
#[cfg(feature = "workshop-page")]
pub mod workshop_module;
mod workspace;

pub use app::{props, props_now, App, AppProps};
pub use drafts_panel::{DraftRow, DraftsPanel, DraftsPanelProps};
pub use findings::FindingList;
pub use guided_field::{GuidedField, GuidedFieldProps};
pub use outline::{Outline, OutlineProps};
pub use preview::{Preview, PreviewProps};
pub use section::{SectionProps, SectionStep};

/// Start the app in the page (the wasm entry point). The shell prerendered at build time (or a
/// returning clerk's snapshot, `xtask/js/restore.js`) goes and the app renders in its place: yew renders
/// in a microtask of this same task, so the browser paints no frame between the two. The
/// shell's text boxes are live: what was typed into them is carried into the app (`carry`).
/// First the app gathers what it opens with (`props`: the unit's index beside the page, the
/// open draft's template), while the shell stays on screen.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    wasm_bindgen_futures::spawn_local(async {
        let mut props = props().await;
        // What the clerk typed into the shell meanwhile goes to the app's boxes (issue #24).
        let mut carried = carry::take_from_shell();
        let opened = props.boot.desk.shown_version().map(|(id, rev)| (id, rev.0.as_str()));
        if !carried.edits.is_empty() && !carry::fits(&carried.from, opened) {
            // A snapshot of a version another window has changed since: told, not overwritten.
            let mut boot = (*props.boot).clone();
            let mut desk = (*boot.desk).clone();
            desk.notice = crate::domain::store::desk::Notice::problem(carry::not_carried_notice(&carried.edits));
            boot.desk = shared::Shared(std::rc::Rc::new(desk));
            props.boot = shared::Shared(std::rc::Rc::new(boot));
            carried = carry::Carried::default();
        }
        // Mounting empties <body>: its data blocks (templates, modules, the decoder) go to <head> first.
        browser::keep_data_blocks();
        browser::remove_shell();
        yew::Renderer::<App>::with_props(props).render();
        if carried != carry::Carried::default() {
            // After yew's first render, which runs before this in the same task's microtasks.
            wasm_bindgen_futures::spawn_local(async move { carry::replay(&carried) });
        }
    });
}
