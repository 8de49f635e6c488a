//! Typing is checked and autosaved off the keystroke's frame (issue #24: that frame, on a
//! 20,000-character draft, no longer checks the draft nor writes it into localStorage):
//! - once the findings are `stale` (state.rs), they are rechecked right after the next frame is
//!   painted — the frame that shows the typed character;
//! - once the draft is `unsaved`, it is saved when the browser is next idle, within a second at
//!   most, and at once when the page is hidden or left (closed, reloaded, put in the
//!   background), before the browser may discard it;
//! - the preview follows the draft once it is settled (`ui::workspace`): it is rebuilt with the
//!   checks, not in the keystroke's frame. Printing and leaving the page settle first.
//!
//! Anything else the clerk does checks and saves first (the reducer), so fixes, the desk and the
//! store see what they saw when every keystroke was checked and saved at once.
use yew::prelude::*;

use super::browser;
use super::desk_files::Store;
use super::state::Action;

/// The longest typing stays unsaved while the browser is never idle (ms).
pub const AT_MOST_MS: u32 = 1000;

#[hook]
pub fn use_typing_checked_and_saved(state: &Store) {
    let dispatcher = state.dispatcher();
    use_effect_with((), move |_| {
        let print = dispatcher.clone();
        let listeners = browser::on_hide(move || {
            dispatcher.dispatch(Action::Settle);
            dispatcher.dispatch(Action::SaveTyped);
            // The screen is kept once it is rendered settled (the preview and the marks of what
            // was typed): yew renders in a microtask queued before this one.
            let dispatcher = dispatcher.clone();
            wasm_bindgen_futures::spawn_local(async move { dispatcher.dispatch(Action::KeepScreen) });
        });
        // Ctrl+P or the browser's menu right after a keystroke prints the settled preview (the
        // render runs in a microtask, before the page is laid out for print).
        let printing = browser::on_before_print(move || print.dispatch(Action::Settle));
        move || drop((listeners, printing))
    });
    let dispatcher = state.dispatcher();
    use_effect_with(state.stale, move |&stale| {
        if stale {
            browser::after_paint(move || dispatcher.dispatch(Action::Settle));
        }
    });
    let dispatcher = state.dispatcher();
    use_effect_with(state.unsaved, move |&unsaved| {
        if unsaved {
            browser::when_idle(AT_MOST_MS, move || dispatcher.dispatch(Action::SaveTyped));
        }
    });
}
