//! Structure. A 报告 carries no 请示 wording (`妥否，请批示`): a text rule, `request_phrases`.
//! And every problem reported in 二 should be answered by at least one measure in 三
//! (inspection practice keeps a 问题清单 and a 整改清单 side by side). A drafter links each
//! measure to the problems it answers; a problem no measure answers is reported on the problem.
//!
//! | draft                                   | fires on        |
//! | --------------------------------------- | --------------- |
//! | problems 一 二 三, measures → 二, 三      | problem 一      |
//! | problems 一 二, measures → 一, 二        | nothing         |
//! | an empty problem item, no measures      | nothing (nothing written yet) |
//!
//! Severities (policy on `check::Severity`): `structure-request-phrase` is an error (the
//! 条例 forbids it); `structure-unanswered` is a warning (a measure may answer it unlinked).
use super::{Category, FieldFinding, Finding, Severity};
use crate::domain::model::draft::{key, Draft};
use crate::domain::model::numbering;
use crate::domain::model::template::Template;
use crate::domain::model::text::Span;

pub const UNANSWERED: &str = "structure-unanswered";

pub const REQUEST_PHRASE: &str = "structure-request-phrase";

/// 请示 wording in a 报告: `妥否，请批示`, `当否，请批示`, `请批示`, `请批复`.
/// 《党政机关公文处理工作条例》: a 报告 must not carry requests for instructions.
pub fn request_phrases(text: &str, out: &mut Vec<Finding>) {
    request_phrases_in(&super::scan::chars_of(text), out);
}

/// What every 请示 wording found by `request_phrases_in` starts with.
pub const REQUEST_ANCHOR: &str = "请批";

/// `request_phrases` over the text's characters: the driver collects them once for every rule.
pub fn request_phrases_in(chars: &[char], out: &mut Vec<Finding>) {
    let mut i = 0;
    while i + 3 <= chars.len() {
        if chars[i] != '请' || chars[i + 1] != '批' || !matches!(chars[i + 2], '示' | '复') {
            i += 1;
            continue;
        }
        // Take in a leading `妥否，` / `当否，` (any comma).
        let lead =
            i >= 3 && matches!(chars[i - 3], '妥' | '当') && chars[i - 2] == '否' && matches!(chars[i - 1], '，' | ',' | '、' | '　' | ' ');
        let start = if lead { i - 3 } else { i };
        let span = Span::new(start, i + 3);
        let found: String = chars[span.start..span.end].iter().collect();
        out.push(Finding {
            rule: REQUEST_PHRASE,
            category: Category::Structure,
            severity: Severity::Error,
            message: format!("“{found}”是请示的用语，报告中不得夹带请示事项：请删去，以“特此报告。”结尾；确需上级批复的事项另行请示。"),
            span,
            text: found,
            replacement: None,
        });
        i += 3;
    }
}

pub fn check(template: &Template, draft: &Draft, out: &mut Vec<FieldFinding>) {
    for part in &template.parts {
        let Some(spec) = &part.items else { continue };
        let Some(target) = &spec.answers else { continue };
        let Some(target_part) = template.part(target) else { continue };
        let answered: Vec<u64> = draft.items(&part.id).iter().flat_map(|i| i.answers.iter().copied()).collect();
        let target_label = target_part.items.as_ref().map_or("一项", |s| s.label.as_str());
        for (i, item) in draft.items(target).iter().enumerate() {
            let heading = key::item(target, item.id, "heading");
            let written = !draft.text(&heading).trim().is_empty() || !draft.text(&key::item(target, item.id, "body")).trim().is_empty();
            if !written || answered.contains(&item.id) {
                continue;
            }
            out.push(FieldFinding {
                key: heading,
                part: target.clone(),
                finding: Finding {
                    rule: UNANSWERED,
                    category: Category::Structure,
                    severity: Severity::Warning,
                    message: format!(
                        "{}这个{target_label}在“{}”中还没有对应的{}：请在某条{}下勾选它，或补写一条。",
                        numbering::point(i + 1),
                        part.label,
                        spec.label,
                        spec.label
                    ),
                    span: Span::new(0, 0),
                    text: String::new(),
                    replacement: None,
                },
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::template::xuanren;

    fn unanswered(d: &Draft) -> Vec<String> {
        let mut out = Vec::new();
        check(&xuanren(), d, &mut out);
        out.into_iter().map(|f| f.key).collect()
    }

    #[test]
    fn a_problem_left_without_a_measure_is_flagged() {
        let t = xuanren();
        let mut d = Draft::example(&t);
        // The example answers every problem (the seed left its first one without a measure).
        assert!(unanswered(&d).is_empty());
        let first = d.items("problems")[0].id;
        let measure = d.items("measures")[1].id;
        d.set_answer("measures", measure, first, false);
        assert_eq!(unanswered(&d), vec![key::item("problems", first, "heading")]);
    }

    #[test]
    fn linking_a_measure_answers_it_and_removing_the_measure_unanswers_it() {
        let t = xuanren();
        let mut d = Draft::example(&t);
        let first = d.items("problems")[0].id;
        d.set_answer("measures", d.items("measures")[1].id, first, false);
        let measure = d.items("measures")[0].id;
        d.set_answer("measures", measure, first, true);
        assert!(unanswered(&d).is_empty());
        d.remove_item("measures", measure);
        assert_eq!(unanswered(&d).len(), 1);
    }

    #[test]
    fn request_wording_is_flagged_in_any_field_of_a_draft() {
        let t = xuanren();
        let mut d = Draft::example(&t);
        d.set_text("closing", "妥否，请批示。".into());
        let found = crate::domain::check::check_draft(&t, &d);
        let hit: Vec<_> =
            found.iter().filter(|f| f.finding.rule == REQUEST_PHRASE).map(|f| (f.key.as_str(), f.finding.text.as_str())).collect();
        assert_eq!(hit, [("closing", "妥否，请批示")]);
    }

    #[test]
    fn empty_problems_are_not_reported() {
        let t = xuanren();
        assert!(unanswered(&Draft::new(&t)).is_empty());
    }
}
