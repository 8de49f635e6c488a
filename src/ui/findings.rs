//! A list of findings for one field: what is wrong, where (1-based character positions, as a
//! clerk counts), and what to do.
use yew::prelude::*;

use crate::domain::check::Finding;

#[derive(Properties, PartialEq)]
pub struct FindingListProps {
    pub field_key: AttrValue,
    pub findings: Vec<Finding>,
}

#[function_component(FindingList)]
pub fn finding_list(props: &FindingListProps) -> Html {
    if props.findings.is_empty() {
        return html! {};
    }
    html! {
        <ul class="finding-list" data-key={props.field_key.clone()}>
            { for props.findings.iter().map(|f| {
                let place = match f.span.len() {
                    0 => String::new(),
                    1 => format!("第{}字：", f.span.end),
                    _ => format!("第{}至{}字：", f.span.start + 1, f.span.end),
                };
                html! {
                    <li class={classes!("finding", severity_class(f))}
                        data-rule={f.rule}
                        data-start={f.span.start.to_string()}
                        data-end={f.span.end.to_string()}
                        data-text={f.text.clone()}>
                        <span class="finding-severity">{ f.severity.label() }</span>
                        { place }{ &f.message }
                    </li>
                }
            }) }
        </ul>
    }
}

fn severity_class(f: &Finding) -> &'static str {
    match f.severity {
        crate::domain::check::Severity::Error => "is-error",
        crate::domain::check::Severity::Warning => "is-warning",
        crate::domain::check::Severity::Hint => "is-hint",
    }
}
