//! The outline: every step of the report with its state (empty / filled / has findings);
//! clicking one jumps there. Nothing typed is lost by moving.
use yew::prelude::*;

use crate::domain::guide::outline::{Step, StepState};

#[derive(Properties, PartialEq)]
pub struct OutlineProps {
    pub steps: Vec<Step>,
    pub current: AttrValue,
    pub on_select: Callback<String>,
}

#[function_component(Outline)]
pub fn outline(props: &OutlineProps) -> Html {
    html! {
        <nav class="outline" aria-label="报告提纲">
            <ol>
                { for props.steps.iter().map(|s| {
                    let on_select = props.on_select.clone();
                    let part = s.part.clone();
                    let current = s.part == props.current.as_str();
                    let (class, state) = match s.state {
                        StepState::Empty => ("is-empty", "（未填写）".to_string()),
                        StepState::Filled => ("is-filled", "（已填写）".to_string()),
                        StepState::HasFindings => ("has-findings", format!("（有 {} 处问题）", s.findings)),
                    };
                    html! {
                        <li>
                            <button type="button" class={classes!("outline-step", class, current.then_some("is-current"))}
                                data-step={s.part.clone()} aria-current={current.then_some("step")}
                                onclick={Callback::from(move |_: MouseEvent| on_select.emit(part.clone()))}>
                                <span class="outline-label">{ &s.label }</span>
                                <span class="visually-hidden">{ state }</span>
                                if s.findings > 0 {
                                    <span class="outline-badge" aria-hidden="true">{ s.findings }</span>
                                } else if s.state == StepState::Filled {
                                    <span class="outline-done" aria-hidden="true">{ "✓" }</span>
                                }
                            </button>
                        </li>
                    }
                }) }
            </ol>
        </nav>
    }
}
