//! A list of findings for one field: what is wrong, where (as a clerk counts characters), what to
//! do, and, where the fix is mechanical, a button that applies it right there. The badge and the
//! fix button are shared with the findings panel.
use yew::prelude::*;

use crate::domain::check::{Finding, Severity};
use crate::domain::guide::progress::{badge, place};
use crate::domain::model::text::Span;

#[derive(Properties, PartialEq)]
pub struct FindingListProps {
    pub field_key: AttrValue,
    pub findings: Vec<Finding>,
    /// Apply a finding's replacement in this field: (span, replacement).
    #[prop_or_default]
    pub on_fix: Option<Callback<(Span, String)>>,
}

#[function_component(FindingList)]
pub fn finding_list(props: &FindingListProps) -> Html {
    if props.findings.is_empty() {
        return html! {};
    }
    html! {
        <ul class="finding-list" data-key={props.field_key.clone()}>
            { for props.findings.iter().map(|f| {
                let span = f.span;
                let fix = props.on_fix.clone().zip(f.replacement.clone()).map(|(on_fix, r)| fix_button(r, on_fix.reform(move |r| (span, r))));
                html! {
                    <li class={classes!("finding", severity_class(f.severity))}
                        data-rule={f.rule}
                        data-start={f.span.start.to_string()}
                        data-end={f.span.end.to_string()}
                        data-text={f.text.clone()}>
                        { severity_badge(f.severity) }
                        { place(f) }{ &f.message }
                        { for fix }
                    </li>
                }
            }) }
        </ul>
    }
}

pub fn severity_class(s: Severity) -> &'static str {
    match s {
        Severity::Error => "is-error",
        Severity::Warning => "is-warning",
        Severity::Hint => "is-hint",
    }
}

/// The badge: its words and its shape differ by severity, not only its colour.
pub fn severity_badge(s: Severity) -> Html {
    html! { <span class="finding-severity">{ badge(s) }</span> }
}

/// `改为“，”` / `删除`: applies a finding's mechanical fix.
pub fn fix_button(replacement: String, apply: Callback<String>) -> Html {
    let shown = if replacement.is_empty() { "删除".to_string() } else { format!("改为“{replacement}”") };
    html! { <button type="button" class="apply-fix" onclick={move |_| apply.emit(replacement.clone())}>{ shown }</button> }
}
