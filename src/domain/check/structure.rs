//! Structure: every problem reported in 二 should be answered by at least one measure in 三
//! (inspection practice keeps a 问题清单 and a 整改清单 side by side). A drafter links each
//! measure to the problems it answers; a problem no measure answers is reported on the problem.
//!
//! | draft                                   | fires on        |
//! | --------------------------------------- | --------------- |
//! | problems 一 二 三, measures → 二, 三      | problem 一      |
//! | problems 一 二, measures → 一, 二        | nothing         |
//! | an empty problem item, no measures      | nothing (nothing written yet) |
use super::{Category, FieldFinding, Finding, Severity};
use crate::domain::draft::{key, Draft};
use crate::domain::numbering;
use crate::domain::template::Template;
use crate::domain::text::Span;

pub const UNANSWERED: &str = "structure-unanswered";

pub fn check(template: &Template, draft: &Draft, out: &mut Vec<FieldFinding>) {
    for part in &template.parts {
        let Some(spec) = &part.items else { continue };
        let Some(target) = &spec.answers else { continue };
        let Some(target_part) = template.part(target) else { continue };
        let answered: Vec<u64> = draft.items(&part.id).iter().flat_map(|i| i.answers.iter().copied()).collect();
        let target_label = target_part.items.as_ref().map_or("一项", |s| s.label.as_str());
        for (i, item) in draft.items(target).iter().enumerate() {
            let heading = key::item(target, item.id, "heading");
            let written = !draft.text(&heading).trim().is_empty()
                || !draft.text(&key::item(target, item.id, "body")).trim().is_empty();
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
    use crate::domain::template::xuanren;

    fn unanswered(d: &Draft) -> Vec<String> {
        let mut out = Vec::new();
        check(&xuanren(), d, &mut out);
        out.into_iter().map(|f| f.key).collect()
    }

    #[test]
    fn the_seed_leaves_its_first_problem_unanswered() {
        let t = xuanren();
        let d = Draft::example(&t);
        let first = d.items("problems")[0].id;
        assert_eq!(unanswered(&d), vec![key::item("problems", first, "heading")]);
    }

    #[test]
    fn linking_a_measure_answers_it_and_removing_the_measure_unanswers_it() {
        let t = xuanren();
        let mut d = Draft::example(&t);
        let first = d.items("problems")[0].id;
        let measure = d.items("measures")[0].id;
        d.set_answer("measures", measure, first, true);
        assert!(unanswered(&d).is_empty());
        d.remove_item("measures", measure);
        assert_eq!(unanswered(&d).len(), 1);
    }

    #[test]
    fn empty_problems_are_not_reported() {
        let t = xuanren();
        assert!(unanswered(&Draft::new(&t)).is_empty());
    }
}
