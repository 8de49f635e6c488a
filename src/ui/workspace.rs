//! The workspace: the outline on the left; the status, the findings, 未归类内容, the current step
//! and 上一步/下一步 in the middle; the live preview on the right.
use std::rc::Rc;
use yew::prelude::*;

use super::browser;
use super::desk_files::Store;
use super::done_step::DoneStep;
use super::export::Export;
use super::findings_panel::{FindingsPanel, Jump};
use super::outline::Outline;
use super::preview::Preview;
use super::shared::{use_stable, Shared};
use super::state::{Action, DONE_STEP};
use super::step_view::StepView;
use super::unplaced::Unplaced;
use crate::domain::check::{FieldFinding, Severity};
use crate::domain::guide::outline::{status, steps, while_writing, Step, StepState};
use crate::domain::model::draft::Draft;
use crate::domain::model::template::Template;
use crate::domain::output::render::{paragraphs, Paragraph};

#[derive(Properties, PartialEq)]
pub struct WorkspaceProps {
    pub state: Store,
    pub labels: Shared<Vec<(String, String)>>,
    /// The 完成 step's downloads, copy.
    pub on_export: Callback<Export>,
}

/// The workspace's callbacks.
#[derive(Clone)]
struct Handlers {
    goto: Callback<String>,
    on_jump: Callback<Jump>,
    on_fix: Callback<(String, crate::domain::model::text::Span, String)>,
    on_place: Callback<(usize, String)>,
}

#[function_component(Workspace)]
pub fn workspace(props: &WorkspaceProps) -> Html {
    let state = &props.state;
    // Callbacks made once (the dispatcher never changes): the panels, the outline and the
    // preview paragraphs given them re-render only when what they show changed.
    let handlers = use_memo(state.dispatcher(), |d| {
        let (a, b, c, e) = (d.clone(), d.clone(), d.clone(), d.clone());
        Handlers {
            goto: Callback::from(move |step| a.dispatch(Action::Goto(step))),
            on_jump: Callback::from(move |j: Jump| b.dispatch(Action::Jump { key: j.key, part: j.part, span: j.span })),
            on_fix: Callback::from(move |(key, span, replacement)| c.dispatch(Action::ApplyFix { key, span, replacement })),
            on_place: Callback::from(move |(index, key)| e.dispatch(Action::Place { index, key })),
        }
    });
    let Handlers { goto, on_jump, on_fix, on_place } = (*handlers).clone();

    let done = state.step == DONE_STEP;
    // What the findings say (the outline's states, the panel, the summary): computed again only
    // with new findings, so a keystroke's frame (whose check comes after it) does not.
    let said = use_memo((Shared::from(state.findings.clone()), done), |_| {
        let mut outline_steps = steps(&state.template, &state.draft, &state.findings);
        // While writing, the steps not reached yet say 未填写 instead of listing what is missing;
        // the output summary (the dialog) and the 完成 step list all of it.
        let shown = if done { state.findings.to_vec() } else { while_writing(&state.template, &state.draft, &state.findings) };
        let summary = status(&outline_steps, &shown);
        let errors = state.findings.iter().filter(|f| f.finding.severity == Severity::Error).count();
        outline_steps.push(Step {
            part: DONE_STEP.to_string(),
            label: "完成".to_string(),
            state: match (state.is_untouched(), errors) {
                (true, _) => StepState::Empty,
                (false, 0) => StepState::Filled,
                _ => StepState::HasFindings,
            },
            findings: errors,
        });
        (outline_steps, shown, summary)
    });
    let (outline_steps, shown, summary) = (*said).clone();
    let shown: Shared<Vec<FieldFinding>> = use_stable(shown);
    let paragraphs = use_settled_preview(state);
    let ids = state.step_ids();
    let at = ids.iter().position(|s| *s == state.step).unwrap_or(0);
    let nav_button = |target: Option<&String>, text: &str, class: &str| match target.cloned() {
        Some(t) => html! {
            <button type="button" class={classes!("button", class.to_string())} onclick={goto.reform(move |_: MouseEvent| t.clone())}>{ text }</button>
        },
        None => html! {},
    };
    let undo_bar = state.undo.as_ref().map(|(what, _)| {
        let state = state.clone();
        html! {
            <p class="notice undo-bar" role="status">
                { what }
                <button type="button" class="link-button" id="undo" onclick={Callback::from(move |_: MouseEvent| state.dispatch(Action::Undo))}>{ "撤销" }</button>
            </p>
        }
    });
    let labels = props.labels.clone();
    html! {
        <main class="workspace">
            <Outline steps={outline_steps} current={state.step.clone()} on_select={goto.clone()} />
            <div class="editor-pane">
                <p class="check-summary" aria-live="polite" id="check-summary">{ summary }</p>
                if !done { <FindingsPanel findings={shown.clone()} labels={labels.clone()} on_jump={on_jump.clone()} on_fix={on_fix.clone()} /> }
                <Unplaced pieces={state.draft.unplaced.clone()} fields={labels.clone()} {on_place} />
                { for undo_bar }
                <div class="step-view" id="step-view" data-step={state.step.clone()} onkeydown={Callback::from(on_enter)}>
                    if done {
                        <DoneStep findings={shown} {labels} on_export={props.on_export.clone()} {on_jump} {on_fix} />
                    } else {
                        <StepView state={state.clone()} />
                    }
                </div>
                <div class="step-nav">
                    { nav_button(at.checked_sub(1).and_then(|i| ids.get(i)), "上一步", "step-prev") }
                    { nav_button(ids.get(at + 1), "下一步", "step-next") }
                </div>
            </div>
            // Busy while the preview waits for the frame after typing (what tests wait for).
            <div class="preview-pane" aria-busy={state.stale.then_some("true")}>
                <h2 class="pane-title">{ "预览" }</h2>
                <Preview paragraphs={(*paragraphs).clone()} on_edit={goto} />
            </div>
        </main>
    }
}

/// The preview's paragraphs, made again only for a new draft, and after typing only once the
/// draft is settled (`AppState::stale`: right after the typed character's frame is painted, with
/// the checks). The keystroke's frame on a 20,000-character draft then neither renders the whole
/// report nor diffs its paragraphs (issue #24); the preview follows one frame later, and anything
/// else the clerk does settles first. Printing settles too (`ui::autosave`).
#[hook]
fn use_settled_preview(state: &Store) -> Rc<Vec<Paragraph>> {
    let kept = use_mut_ref(|| None::<(Rc<Template>, Rc<Draft>, Rc<Vec<Paragraph>>)>);
    let mut kept = kept.borrow_mut();
    match &*kept {
        Some((template, draft, shown)) if Rc::ptr_eq(template, &state.template) && (Rc::ptr_eq(draft, &state.draft) || state.stale) => {
            shown.clone()
        }
        _ => {
            let shown = Rc::new(paragraphs(&state.template, &state.draft));
            *kept = Some((state.template.clone(), state.draft.clone(), shown.clone()));
            shown
        }
    }
}

/// Enter in a one-line box (a key figure, 主送机关, 落款…) moves on to the next box, as a form's
/// Tab does; in a paragraph it is a line break.
fn on_enter(e: KeyboardEvent) {
    if e.key() != "Enter" || e.is_composing() || e.shift_key() {
        return;
    }
    let Some(t) = e.target_dyn_into::<web_sys::Element>() else { return };
    if t.get_attribute("type").as_deref() == Some("text") || t.get_attribute("rows").as_deref() == Some("1") {
        e.prevent_default();
        browser::focus_next(&t);
    }
}
