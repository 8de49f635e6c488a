//! One guided field: label, hint, example, then either the sentence with inline key figures
//! or a free-text box with its findings marked in place, and the list of findings.
use yew::prelude::*;

use super::field_editor::FieldEditor;
use super::findings::FindingList;
use super::id_scope::ID_SCOPE;
use super::shared::Shared;
use super::slotted::Slotted;
use super::state::Action;
use crate::domain::check::Finding;
use crate::domain::model::draft::{Draft, Field};
use crate::domain::model::pattern::fill;
use crate::domain::model::template::Template;

#[derive(Properties)]
pub struct GuidedFieldProps {
    pub field_key: AttrValue,
    pub label: AttrValue,
    pub hint: AttrValue,
    /// The example as a template text (may hold `{slot}`s, shown with the example figures).
    pub example: AttrValue,
    pub template: Shared<Template>,
    pub draft: Shared<Draft>,
    pub findings: Vec<Finding>,
    pub dispatch: Callback<Action>,
    #[prop_or(false)]
    pub required: bool,
    #[prop_or(false)]
    pub single_line: bool,
}

/// Equal when the field would show the same: of the whole draft, only this field and the key
/// figures (its sentence and its example show them) count. A keystroke in one box then
/// re-renders that box, not every box of the step (a section's lead of 20,000 characters among
/// them).
impl PartialEq for GuidedFieldProps {
    fn eq(&self, o: &Self) -> bool {
        fn shown(p: &GuidedFieldProps) -> (Option<&Field>, &std::collections::BTreeMap<String, String>) {
            (p.draft.field(&p.field_key), &p.draft.slots)
        }
        self.field_key == o.field_key
            && self.label == o.label
            && self.hint == o.hint
            && self.example == o.example
            && self.template == o.template
            && self.findings == o.findings
            && self.dispatch == o.dispatch
            && self.required == o.required
            && self.single_line == o.single_line
            && (self.draft == o.draft || shown(self) == shown(o))
    }
}

#[function_component(GuidedField)]
pub fn guided_field(props: &GuidedFieldProps) -> Html {
    let key = props.field_key.to_string();
    let id = format!("{ID_SCOPE}field-{key}");
    let hint_id = format!("{ID_SCOPE}hint-{key}");
    // In the clerk's unit: the figures typed so far, the slot's example where none is.
    let typed = |id: &str| props.draft.slots.get(id).map(String::as_str).filter(|v| !v.trim().is_empty());
    let example_text = fill(&props.example, |id| typed(id).or_else(|| props.template.slot(id).map(|s| s.example.as_str()))).0;

    let editor = match props.draft.field(&key) {
        Some(Field::Slotted { pattern }) => html! {
            <Slotted field_key={props.field_key.clone()} pattern={AttrValue::from(pattern.clone())}
                template={props.template.clone()} draft={props.draft.clone()} dispatch={props.dispatch.clone()} />
        },
        _ => {
            let on_change = {
                let dispatch = props.dispatch.clone();
                let key = key.clone();
                Callback::from(move |text: String| dispatch.emit(Action::SetText { key: key.clone(), text }))
            };
            html! {
                <FieldEditor id={id.clone()} value={AttrValue::from(props.draft.text(&key))}
                    findings={props.findings.clone()} {on_change} describedby={AttrValue::from(hint_id.clone())}
                    single_line={props.single_line} />
            }
        }
    };
    let use_example = {
        let dispatch = props.dispatch.clone();
        let key = key.clone();
        let pattern = props.example.to_string();
        Callback::from(move |_: MouseEvent| dispatch.emit(Action::UseExample { key: key.clone(), pattern: pattern.clone() }))
    };
    let is_empty = props.draft.text(&key).trim().is_empty();
    let on_fix = {
        let (dispatch, key) = (props.dispatch.clone(), key.clone());
        Some(Callback::from(move |(span, replacement): (crate::domain::model::text::Span, String)| {
            dispatch.emit(Action::ApplyFix { key: key.clone(), span, replacement })
        }))
    };

    html! {
        <section class="guided-field" data-key={props.field_key.clone()}>
            <label class="field-label" for={id.clone()}>
                { &props.label }
                if props.required { <span class="field-required">{ "（必填）" }</span> }
            </label>
            <p class="field-hint" id={hint_id}>{ &props.hint }</p>
            if !example_text.is_empty() {
                // Open while the field is empty; folded away once the clerk has written something.
                <details class="field-example" open={is_empty}>
                    <summary>{ "示例" }</summary>
                    <p>
                        { example_text }
                        if is_empty {
                            <button type="button" class="link-button" onclick={use_example}>{ "用这句开头" }</button>
                        }
                    </p>
                </details>
            }
            { editor }
            <FindingList field_key={props.field_key.clone()} findings={props.findings.clone()} {on_fix} />
        </section>
    }
}
