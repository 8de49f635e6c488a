//! Missing content: a required field left empty.
use super::{Category, Finding, Severity};
use crate::domain::template::Part;
use crate::domain::text::Span;

pub fn check_required(part: &Part, text: &str) -> Option<Finding> {
    if !part.required || !text.trim().is_empty() {
        return None;
    }
    Some(Finding {
        rule: "missing-required",
        category: Category::Missing,
        severity: Severity::Warning,
        message: format!("“{}”还没有填写，这是报告必须有的部分。", part.label),
        span: Span::new(0, 0),
        text: String::new(),
        replacement: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::template::xuanren;

    #[test]
    fn table() {
        let t = xuanren();
        let part = t.part("opening").cloned().unwrap_or_else(|| t.parts[0].clone());
        // (text, fires)
        let table = [("", true), ("   ", true), ("\n", true), ("现将", false)];
        for (text, fires) in table {
            assert_eq!(check_required(&part, text).is_some(), fires, "{text:?}");
        }
        let mut optional = part.clone();
        optional.required = false;
        assert!(check_required(&optional, "").is_none());
    }
}
