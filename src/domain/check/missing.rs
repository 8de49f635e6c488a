//! Missing content: a required field left empty, a key figure not filled in.
use super::{Category, Finding, Severity};
use crate::domain::outline::FieldRef;
use crate::domain::pattern::{SlotPlace, EMPTY_SLOT};
use crate::domain::template::Template;
use crate::domain::text::Span;

pub fn check_required(field: &FieldRef, text: &str) -> Option<Finding> {
    if !field.required || !text.trim().is_empty() {
        return None;
    }
    Some(Finding {
        rule: "missing-required",
        category: Category::Missing,
        severity: Severity::Warning,
        message: format!("“{}”还没有填写。", field.label),
        span: Span::new(0, 0),
        text: String::new(),
        replacement: None,
    })
}

pub fn unfilled_slot(template: &Template, place: &SlotPlace) -> Finding {
    let label = template.slot(&place.slot).map_or(place.slot.as_str(), |s| s.label.as_str());
    Finding {
        rule: "missing-slot",
        category: Category::Missing,
        severity: Severity::Error,
        message: format!("还没有填写“{label}”。"),
        span: place.span,
        text: EMPTY_SLOT.to_string(),
        replacement: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        let field = FieldRef { key: "opening".into(), part: "opening".into(), label: "开头语".into(), required: true };
        // (text, fires)
        let table = [("", true), ("   ", true), ("\n", true), ("现将", false)];
        for (text, fires) in table {
            assert_eq!(check_required(&field, text).is_some(), fires, "{text:?}");
        }
        let optional = FieldRef { required: false, ..field };
        assert!(check_required(&optional, "").is_none());
    }

    #[test]
    fn an_empty_key_figure_is_named() {
        let t = crate::domain::template::xuanren();
        let place = SlotPlace { slot: "party_school_count".into(), span: Span::new(4, 6) };
        let f = unfilled_slot(&t, &place);
        assert_eq!(f.message, "还没有填写“参加党校培训人数”。");
        assert_eq!(f.span, Span::new(4, 6));
    }
}
