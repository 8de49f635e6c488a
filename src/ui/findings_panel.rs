//! Every finding of the report in one list: where it is, what to do, a click to jump there and,
//! where the fix is mechanical, a button that applies it.
use yew::prelude::*;

use super::findings::{fix_button, severity_badge, severity_class};
use super::shared::Shared;
use crate::domain::check::{FieldFinding, Severity};
use crate::domain::model::text::Span;

/// Jump to a field (and a span in it).
#[derive(Clone, Debug, PartialEq)]
pub struct Jump {
    pub key: String,
    pub part: String,
    pub span: Span,
}

#[derive(Properties, PartialEq)]
pub struct FindingsPanelProps {
    pub findings: Shared<Vec<FieldFinding>>,
    /// A clerk's name for each field key.
    pub labels: Shared<Vec<(String, String)>>,
    pub on_jump: Callback<Jump>,
    /// Apply a finding's replacement: (key, span, replacement).
    pub on_fix: Callback<(String, Span, String)>,
}

#[function_component(FindingsPanel)]
pub fn findings_panel(props: &FindingsPanelProps) -> Html {
    if props.findings.is_empty() {
        return html! {};
    }
    let label = |key: &str| props.labels.iter().find(|(k, _)| k == key).map_or_else(|| key.to_string(), |(_, l)| l.clone());
    let errors = props.findings.iter().filter(|f| f.finding.severity == Severity::Error).count();
    html! {
        <details class="findings-panel" id="findings-panel" open={errors > 0}>
            <summary>{ format!("全部问题（{}）", props.findings.len()) }</summary>
            <ol>
                { for props.findings.iter().map(|f| {
                    let jump = Jump { key: f.key.clone(), part: f.part.clone(), span: f.finding.span };
                    let on_jump = props.on_jump.clone();
                    let (key, span) = (f.key.clone(), f.finding.span);
                    let fix = f.finding.replacement.clone().map(|r| fix_button(r, props.on_fix.reform(move |r| (key.clone(), span, r))));
                    let class = severity_class(f.finding.severity);
                    html! {
                        <li class={classes!("panel-finding", class)} data-key={f.key.clone()} data-rule={f.finding.rule}>
                            <button type="button" class="panel-jump"
                                onclick={Callback::from(move |_: MouseEvent| on_jump.emit(jump.clone()))}>
                                { severity_badge(f.finding.severity) }
                                <span class="panel-where">{ label(&f.key) }</span>
                                { &f.finding.message }
                            </button>
                            { for fix }
                        </li>
                    }
                }) }
            </ol>
        </details>
    }
}
