//! Typing is checked and autosaved off the keystroke's frame (issue #24: that frame, on a
//! 20,000-character draft, no longer checks the draft nor writes it into localStorage):
//! - once the findings are `stale` (state.rs), they are rechecked right after the next frame is
//!   painted — the frame that shows the typed character;
//! - once the draft is `unsaved`, it is saved when the browser is next idle, within a second at
//!   most, and at once when the page is hidden or left (closed, reloaded, put in the
//!   background), before the browser may discard it.
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
        let listeners = browser::on_hide(move || {
            dispatcher.dispatch(Action::SaveTyped);
            dispatcher.dispatch(Action::KeepScreen);
        });
        move || drop(listeners)
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
