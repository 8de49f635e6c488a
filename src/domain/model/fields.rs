//! The report's text fields in document order, each named as the form numbers it.
use crate::domain::model::draft::{key, Draft};
use crate::domain::model::numbering;
use crate::domain::model::template::{ItemLayout, PartKind, Template};

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
            for f in &spec.fields {
                // Not required when its `unless` holds (a finished problem needs no deadline).
                let excused = f.unless.as_ref().is_some_and(|u| u.holds(&draft.text(&key::item(&part.id, item.id, &u.field))));
                out.push(FieldRef {
                    key: key::item(&part.id, item.id, &f.id),
                    part: part.id.clone(),
                    label: join(&name, &f.label),
                    required: f.required && !excused,
                });
            }
        }
    }
    out
}

/// The outline's first step: the title and the figures it is made of (not a template part).
pub const TITLE_STEP: &str = "title";

/// The label of every field key a finding can name, the title included.
pub fn labels(template: &Template, draft: &Draft) -> Vec<(String, String)> {
    let title = (TITLE_STEP.to_string(), "标题".to_string());
    std::iter::once(title).chain(fields(template, draft).into_iter().map(|f| (f.key, f.label))).collect()
}

/// `（二）` + `标题` → `（二）标题`; `二是` + `标题` → `二是 标题`.
fn join(name: &str, role: &str) -> String {
    let gap = if name.ends_with('）') { "" } else { " " };
    format!("{name}{gap}{role}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::template::xuanren;

    #[test]
    fn labels_name_the_title() {
        let t = xuanren();
        let l = labels(&t, &Draft::new(&t));
        assert_eq!(l[0], ("title".to_string(), "标题".to_string()));
        assert!(l.iter().any(|(k, v)| k == "addressee" && v == "主送机关"));
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
