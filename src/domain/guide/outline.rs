//! The outline of steps a clerk walks through, and which findings are told while writing.
use crate::domain::check::{Category, FieldFinding, Severity};
use crate::domain::model::draft::{Draft, Field};
use crate::domain::model::fields::{fields, TITLE_STEP};
use crate::domain::model::template::Template;

/// How far a step is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StepState {
    /// Not reached yet (未填写): nothing written in it or after it.
    Empty,
    Filled,
    HasFindings,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step {
    pub part: String,
    pub label: String,
    pub state: StepState,
    /// Findings shown in this step (the badge).
    pub findings: usize,
}

/// Whether the clerk has put anything into each step (the title, then every part), judged
/// against a new draft: a field that is not the one a new draft starts with (typed, cleared,
/// brought in by an import or a file), or a key figure the step shows that the title does not
/// (the date). The unit's name shown in the 落款 belongs to the title.
fn touched(template: &Template, draft: &Draft) -> Vec<(String, bool)> {
    let fresh = Draft::new(template);
    let title_slots = crate::domain::model::pattern::slot_ids(&template.title);
    let filled = |id: &str| draft.slots.get(id).is_some_and(|v| !v.trim().is_empty());
    let all = fields(template, draft);
    let mut out = vec![(TITLE_STEP.to_string(), title_slots.iter().any(|id| filled(id)))];
    for part in &template.parts {
        let touched = all.iter().filter(|f| f.part == part.id).any(|f| {
            let field = draft.field(&f.key);
            let shows_own_figure = match field {
                Some(Field::Slotted { pattern }) => {
                    crate::domain::model::pattern::slot_ids(pattern).iter().any(|id| !title_slots.contains(id) && filled(id))
                }
                _ => false,
            };
            field != fresh.field(&f.key) || shows_own_figure
        });
        out.push((part.id.clone(), touched));
    }
    out
}

/// The steps the clerk has not reached yet: nothing put into them, nor into any step after
/// them. A step left empty before one that has content was skipped, not "not reached".
pub fn not_reached(template: &Template, draft: &Draft) -> Vec<String> {
    let steps = touched(template, draft);
    let last = steps.iter().rposition(|(_, t)| *t);
    steps.into_iter().skip(last.map_or(0, |i| i + 1)).map(|(id, _)| id).collect()
}

/// What the page shows while the clerk writes: every finding except the missing content of the
/// steps not reached yet (they show 未填写), so a new draft is not a wall of errors. Output
/// (download, copy, print) lists all of it: `check::missing::for_output`.
pub fn while_writing(template: &Template, draft: &Draft, findings: &[FieldFinding]) -> Vec<FieldFinding> {
    let calm = not_reached(template, draft);
    findings.iter().filter(|f| !(f.finding.category == Category::Missing && calm.contains(&f.part))).cloned().collect()
}

/// The outline: the title step, then one step a part, with its state. `findings` are all of
/// the draft's findings; a step not reached yet whose only findings are missing content is
/// 未填写 without a badge.
pub fn steps(template: &Template, draft: &Draft, findings: &[FieldFinding]) -> Vec<Step> {
    let shown = while_writing(template, draft, findings);
    let title = (TITLE_STEP.to_string(), "标题".to_string());
    std::iter::once(title)
        .chain(template.parts.iter().map(|p| (p.id.clone(), p.label.clone())))
        .map(|(part, label)| {
            let all = findings.iter().filter(|f| f.part == part).count();
            let n = shown.iter().filter(|f| f.part == part).count();
            let state = match (n, all) {
                (0, 0) => StepState::Filled,
                (0, _) => StepState::Empty,
                _ => StepState::HasFindings,
            };
            Step { part, label, state, findings: n }
        })
        .collect()
}

/// The line above the findings: what is left to fix, and how many steps are not written yet.
/// It never says 没有发现问题 while a step is still empty.
pub fn status(steps: &[Step], shown: &[FieldFinding]) -> String {
    let errors = shown.iter().filter(|f| f.finding.severity == Severity::Error).count();
    let others = shown.len() - errors;
    let empty = steps.iter().filter(|s| s.state == StepState::Empty).count();
    let found = match (errors, others) {
        (0, 0) => String::new(),
        (0, n) => format!("有 {n} 处提醒"),
        (e, 0) => format!("还有 {e} 处需要修改"),
        (e, n) => format!("还有 {e} 处需要修改，另有 {n} 处提醒"),
    };
    match (found.is_empty(), empty) {
        (true, 0) => "没有发现问题。".to_string(),
        (true, u) => format!("还有 {u} 部分未填写。"),
        (false, 0) => format!("{found}。"),
        (false, u) => format!("{found}；{u} 部分未填写。"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::check::check_draft;
    use crate::domain::model::template::xuanren;

    fn step<'a>(steps: &'a [Step], part: &str) -> &'a Step {
        steps.iter().find(|s| s.part == part).expect("a step")
    }

    #[test]
    fn step_states() {
        let t = xuanren();
        let mut d = Draft::new(&t);
        let s = steps(&t, &d, &check_draft(&t, &d));
        assert_eq!(step(&s, "addressee").state, StepState::Empty);
        assert_eq!(step(&s, "addressee").findings, 0, "an untouched step has no badge");
        d.set_text("addressee", "市委**巡察组：".into());
        let s = steps(&t, &d, &check_draft(&t, &d));
        assert_eq!((step(&s, "addressee").state, step(&s, "addressee").findings), (StepState::HasFindings, 1));
        d.set_text("addressee", "市委巡察组：".into());
        let s = steps(&t, &d, &check_draft(&t, &d));
        assert_eq!(step(&s, "addressee").state, StepState::Filled);
    }

    fn empty_steps(s: &[Step]) -> Vec<&str> {
        s.iter().filter(|s| s.state == StepState::Empty).map(|s| s.part.as_str()).collect()
    }

    #[test]
    fn a_new_draft_is_calm_and_says_what_is_not_written() {
        let t = xuanren();
        let d = Draft::new(&t);
        let all = check_draft(&t, &d);
        assert!(all.iter().any(|f| f.finding.category == Category::Missing), "the findings hold what is missing");
        assert_eq!(not_reached(&t, &d).len(), 1 + t.parts.len());
        let shown = while_writing(&t, &d, &all);
        assert!(shown.is_empty(), "{shown:?}");
        let s = steps(&t, &d, &all);
        // 特此报告。 is already there: the 结束语 is filled.
        assert_eq!(empty_steps(&s), ["title", "addressee", "opening", "overview", "problems", "measures", "signature", "date"]);
        assert_eq!(status(&s, &shown), "还有 8 部分未填写。");
    }

    #[test]
    fn writing_in_order_keeps_the_later_steps_calm() {
        let t = xuanren();
        let mut d = Draft::new(&t);
        d.set_slot("unit", "党工委".into());
        d.set_slot("start_year", "2022".into());
        d.set_text("addressee", "市委巡察组：".into());
        assert_eq!(not_reached(&t, &d), ["opening", "overview", "problems", "measures", "closing", "signature", "date"]);
        let all = check_draft(&t, &d);
        let s = steps(&t, &d, &all);
        assert_eq!(step(&s, "title").state, StepState::Filled);
        // The 落款 shows the unit's name now: filled, though the clerk has not been there.
        assert_eq!(step(&s, "signature").state, StepState::Filled);
        assert_eq!(empty_steps(&s), ["opening", "overview", "problems", "measures", "date"]);
        assert_eq!(status(&s, &while_writing(&t, &d, &all)), "还有 5 部分未填写。");
    }

    /// The report: the title's figures and the date filled, nothing in between. Every
    /// step between them was skipped: its missing parts are errors on screen too.
    #[test]
    fn steps_skipped_before_one_with_content_show_their_errors() {
        let t = xuanren();
        let d = crate::domain::model::draft::empty_body(&t);
        assert!(not_reached(&t, &d).is_empty());
        let all = check_draft(&t, &d);
        let shown = while_writing(&t, &d, &all);
        assert_eq!(shown, all);
        let s = steps(&t, &d, &all);
        assert!(empty_steps(&s).is_empty());
        for part in ["addressee", "opening", "overview", "problems", "measures", "closing"] {
            let st = step(&s, part);
            assert!(st.state == StepState::HasFindings && st.findings > 0, "{st:?}");
        }
        let status = status(&s, &shown);
        assert!(status.starts_with("还有 ") && status.contains("处需要修改"), "{status}");
    }

    #[test]
    fn an_imported_report_is_reached_everywhere() {
        let t = xuanren();
        let d = crate::domain::input::import_report::into_draft(&t, include_str!("../../../tests/fixtures/seed-report.txt"));
        assert!(not_reached(&t, &d).is_empty());
        let all = check_draft(&t, &d);
        let s = steps(&t, &d, &all);
        for part in ["title", "closing", "signature", "date"] {
            assert_eq!(step(&s, part).state, StepState::HasFindings, "{part}");
        }
    }
}
