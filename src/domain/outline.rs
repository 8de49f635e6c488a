//! The report's fields in document order, and the outline of steps a clerk walks through.
use super::check::FieldFinding;
use super::draft::{key, Draft};
use super::numbering;
use super::pattern::EMPTY_SLOT;
use super::template::{ItemLayout, PartKind, Template};

/// One text field of the draft, named for a clerk.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldRef {
    pub key: String,
    /// The part (outline step) it belongs to.
    pub part: String,
    /// e.g. `开头语`, `一、总体情况 （二）一是 要点`, as the form numbers them.
    pub label: String,
    /// Whether an empty value is a finding.
    pub required: bool,
}

/// Every text field of the draft, in the order it is printed.
pub fn fields(template: &Template, draft: &Draft) -> Vec<FieldRef> {
    let mut out = Vec::new();
    for part in &template.parts {
        let lead_label = if part.kind == PartKind::Section { format!("{} 导语", part.label) } else { part.label.clone() };
        out.push(FieldRef { key: part.id.clone(), part: part.id.clone(), label: lead_label, required: part.required });
        let Some(spec) = &part.items else { continue };
        for (i, item) in draft.items(&part.id).iter().enumerate() {
            // Named as the form names them: `（二）`, `二是`, then the box's own label.
            let ordinal = match spec.layout {
                ItemLayout::Point => numbering::point(i + 1),
                _ => numbering::sub(i + 1),
            };
            let name = format!("{} {ordinal}", part.label);
            let body = if spec.layout == ItemLayout::Subsection { "总述" } else { "内容" };
            out.push(FieldRef {
                key: key::item(&part.id, item.id, "heading"),
                part: part.id.clone(),
                label: join(&name, "标题"),
                required: true,
            });
            out.push(FieldRef {
                key: key::item(&part.id, item.id, "body"),
                part: part.id.clone(),
                label: join(&name, body),
                required: false,
            });
            for (j, &p) in item.points.iter().enumerate() {
                let pname = format!("{name}{}", numbering::point(j + 1));
                out.push(FieldRef {
                    key: key::point(&part.id, item.id, p, "topic"),
                    part: part.id.clone(),
                    label: join(&pname, "要点"),
                    required: true,
                });
                out.push(FieldRef {
                    key: key::point(&part.id, item.id, p, "body"),
                    part: part.id.clone(),
                    label: join(&pname, "具体内容"),
                    required: false,
                });
            }
        }
    }
    out
}

/// `（二）` + `标题` → `（二）标题`; `二是` + `标题` → `二是 标题`.
fn join(name: &str, role: &str) -> String {
    let gap = if name.ends_with('）') { "" } else { " " };
    format!("{name}{gap}{role}")
}

/// How far a step is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StepState {
    Empty,
    Filled,
    HasFindings,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step {
    pub part: String,
    pub label: String,
    pub state: StepState,
    /// Findings in this step (shown as a badge).
    pub findings: usize,
}

/// The outline: one step a part, with its state.
pub fn steps(template: &Template, draft: &Draft, findings: &[FieldFinding]) -> Vec<Step> {
    let all = fields(template, draft);
    template
        .parts
        .iter()
        .map(|part| {
            let n = findings.iter().filter(|f| f.part == part.id).count();
            // Empty key figures in a template sentence (落款's 单位名称) are not writing.
            let written = all.iter().filter(|f| f.part == part.id).any(|f| !draft.text(&f.key).replace(EMPTY_SLOT, "").trim().is_empty());
            // A step nothing has been written in is just "not written yet": its missing
            // fields are not counted as problems, so a new draft's outline stays calm.
            let (state, n) = match (written, n) {
                (false, _) => (StepState::Empty, 0),
                (true, 0) => (StepState::Filled, 0),
                (true, n) => (StepState::HasFindings, n),
            };
            Step { part: part.id.clone(), label: part.label.clone(), state, findings: n }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::check::check_draft;
    use crate::domain::template::xuanren;

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

    #[test]
    fn fields_are_in_document_order_with_readable_labels() {
        let t = xuanren();
        let d = Draft::example(&t);
        let f = fields(&t, &d);
        assert_eq!(f[0].key, "addressee");
        assert!(f.iter().any(|x| x.label == "二、存在的主要问题 二是 标题"), "{:?}", f.iter().map(|x| &x.label).collect::<Vec<_>>());
        let overview_points = f.iter().filter(|x| x.part == "overview" && x.key.ends_with("/topic")).count();
        assert_eq!(overview_points, 15);
        assert!(f.iter().any(|x| x.label == "一、总体情况 （一）二是 要点"), "points are named 二是, as the form does");
        assert!(f.iter().any(|x| x.label == "三、今后整改措施和努力方向 （二）标题"));
    }
}
