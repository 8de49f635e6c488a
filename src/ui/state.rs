//! The app's one store: the draft and its findings, changed only through `Action`s.
use std::rc::Rc;
use yew::Reducible;

use crate::domain::check::{check_draft, FieldFinding};
use crate::domain::draft::Draft;
use crate::domain::template::{xuanren, Template};

#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    pub template: Rc<Template>,
    pub draft: Draft,
    /// Always `check_draft(template, draft)`: recomputed by every action that edits the draft.
    pub findings: Rc<Vec<FieldFinding>>,
}

pub enum Action {
    /// The clerk changed a field (never sent while an IME composition is in progress).
    SetField { part: String, text: String },
    /// Replace the whole draft with the reference report's wording.
    FillExample,
}

impl AppState {
    pub fn new(template: Template) -> Self {
        let draft = Draft::new(&template);
        Self::with_draft(Rc::new(template), draft)
    }

    fn with_draft(template: Rc<Template>, draft: Draft) -> Self {
        let findings = Rc::new(check_draft(&template, &draft));
        AppState { template, draft, findings }
    }

    /// Findings inside one part's text, in text order. Findings about the part as a whole
    /// (an empty required field) have no span and are shown in the summary instead, so a new,
    /// empty draft does not greet the clerk with warnings.
    pub fn findings_in(&self, part: &str) -> Vec<crate::domain::check::Finding> {
        self.findings
            .iter()
            .filter(|f| f.part == part && !f.finding.span.is_empty())
            .map(|f| f.finding.clone())
            .collect()
    }
}

impl Default for AppState {
    fn default() -> Self {
        AppState::new(xuanren())
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match action {
            Action::SetField { part, text } => {
                if self.draft.field(&part) == text {
                    return self;
                }
                let mut draft = self.draft.clone();
                draft.set_field(&part, text);
                Rc::new(AppState::with_draft(self.template.clone(), draft))
            }
            Action::FillExample => {
                let draft = Draft::example(&self.template);
                Rc::new(AppState::with_draft(self.template.clone(), draft))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editing_a_field_rechecks_the_draft() {
        let s = Rc::new(AppState::default());
        assert!(s.findings.iter().all(|f| f.finding.rule == "missing-required"));
        let s = s.reduce(Action::SetField { part: "opening".into(), text: "现将**党工委".into() });
        let f = s.findings_in("opening");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].text, "**");
        let s = s.reduce(Action::FillExample);
        assert!(s.findings.is_empty(), "{:?}", s.findings);
    }
}
