//! What the page starts from, gathered before it is shown: the draft open last time (with its
//! template, fetched if it is not built in), 我的草稿, what the clerk should be told, and the
//! unit's own report types.
use std::rc::Rc;
use yew::prelude::*;

use super::browser;
use super::shared::Shared;
use super::state::AppState;
use super::storage;
use super::templates;
use crate::domain::model::gallery::{builtin_index, gallery, IndexRead};
use crate::domain::model::template::xuanren;
use crate::domain::store::desk::{Desk, Notice};
use crate::domain::store::library_store;
use crate::domain::store::revision::writer_id;
use crate::domain::store::template_store::{self, Loaded};

/// What the page mounts with: the state it starts from, and the unit's own report types.
#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub boot: Shared<AppState>,
    pub unit: Shared<IndexRead>,
}

/// The templates the page has at once: the built-in default and those kept from files.
fn first_templates() -> Loaded {
    let mut loaded = Loaded::new(xuanren());
    for t in template_store::stored(&storage::Local) {
        loaded.add(Rc::new(t));
    }
    loaded
}

/// The state to start from: the draft open last time, at the same step (see
/// `library_store::open` for what happens to a broken list or an unreadable draft, or one whose
/// template is not loaded); what the clerk should be told about it (`problem` first).
fn boot(loaded: Loaded, problem: Option<String>) -> AppState {
    boot_from(library_store::open(&storage::drafts(), &loaded, browser::now()), loaded, problem)
}

fn boot_from(opened: library_store::Opened, loaded: Loaded, problem: Option<String>) -> AppState {
    let template = loaded.get(&opened.saved.draft.template).unwrap_or_else(|| loaded.list[0].clone());
    let state = AppState::restored(template, opened.saved);
    let context = crate::domain::check::Context { current_year: browser::current_year().unwrap_or(state.context.current_year) };
    let notices: Vec<String> = problem.into_iter().chain(opened.notices).collect();
    let mut desk = Desk::new(opened.id, opened.library, loaded, writer_id(browser::now(), browser::random()));
    desk.notice = if notices.is_empty() { None } else { Notice::problem(notices.join(" ")) };
    state.in_context(context).with_desk(desk)
}

/// The page's start, before it is shown: the unit's index beside the served page (none: silent),
/// and the template of the draft open last time when it is not built in — kept from a file or in
/// the single file at once, or fetched beside the served page. If it cannot be had, another
/// draft opens and the clerk is told; the draft is kept as it is.
pub async fn props() -> AppProps {
    let unit = templates::unit_index().await;
    let mut loaded = first_templates();
    // A copy of the single file opened for the first time since drafts are kept per copy takes
    // the drafts an earlier version kept for all copies (see `copies`); if they cannot be
    // moved, they stay where they were, and the page opens on its own drafts.
    let _ = crate::domain::store::copies::adopt_shared(&storage::Local, &storage::drafts());
    let opened = library_store::open(&storage::drafts(), &loaded, browser::now());
    let boot = match opened.unloaded.clone() {
        Some(kind) => {
            let choices = Rc::new(gallery(&builtin_index(), &unit.entries, &[]));
            match templates::ensure(loaded.clone(), choices, kind).await {
                Ok(t) => {
                    loaded.add(t);
                    boot(loaded, None)
                }
                Err(problem) => boot_from(opened, loaded, Some(problem)),
            }
        }
        None => boot_from(opened, loaded, None),
    };
    AppProps { boot: Shared(Rc::new(boot)), unit: Shared(Rc::new(unit)) }
}

/// The same start without loading anything (natively, for the SSR tests).
pub fn props_now() -> AppProps {
    AppProps { boot: Shared(Rc::new(boot(first_templates(), None))), unit: Shared(Rc::new(IndexRead::default())) }
}
