//! A free-text box drawn over a copy of its text in which findings are marked.
use yew::prelude::*;

use super::highlight::{segments, Segment};
use super::ime::use_ime_input;
use crate::domain::check::Finding;

#[derive(Properties, PartialEq)]
pub struct FieldEditorProps {
    /// The element id (for labels and jumps).
    pub id: AttrValue,
    pub value: AttrValue,
    pub findings: Vec<Finding>,
    pub on_change: Callback<String>,
    #[prop_or_default]
    pub describedby: Option<AttrValue>,
    #[prop_or(false)]
    pub single_line: bool,
    #[prop_or_default]
    pub placeholder: Option<AttrValue>,
}

#[function_component(FieldEditor)]
pub fn field_editor(props: &FieldEditorProps) -> Html {
    let node = use_node_ref();
    let oninput = use_ime_input(node.clone(), props.on_change.clone());
    let spans: Vec<_> = props.findings.iter().map(|f| f.span).collect();
    let has_errors = props.findings.iter().any(|f| !f.span.is_empty());
    html! {
        <div class="field-editor">
            <div class="field-backdrop" aria-hidden="true">
                { for segments(&props.value, &spans).into_iter().map(|s| match s {
                    Segment::Plain(t) => html! { {t} },
                    Segment::Marked { text, span } => html! {
                        <mark class="finding-mark" data-start={span.start.to_string()}
                              data-end={span.end.to_string()}>{ text }</mark>
                    },
                }) }
                // A trailing newline keeps the backdrop as tall as the text box.
                { "\n" }
            </div>
            <textarea id={props.id.clone()} class="field-input" ref={node}
                rows={if props.single_line { "1" } else { "3" }}
                aria-describedby={props.describedby.clone()} aria-invalid={has_errors.to_string()}
                placeholder={props.placeholder.clone()}
                spellcheck="false" value={props.value.clone()} {oninput} />
        </div>
    }
}
