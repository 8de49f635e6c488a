//! Key figures that must agree, as the template's `relations` say: a total is the sum of its
//! parts (已完成 + 正在推进 = 问题总数), a rate is part / whole × 100, a year is another + 1
//! (下一年度 = 报告年度 + 1). Counts may be typed in Chinese numerals (`四十六`); their values
//! are compared.
//!
//! | figures                                  | fires                      |
//! | ---------------------------------------- | -------------------------- |
//! | 问题 46, 已完成 40, 推进中 5               | sum                        |
//! | 问题 四十六, 已完成 41, 推进中 五           | nothing                    |
//! | 完成率 89.1%, 41 of 46 (89.13…)           | nothing (within 0.1)       |
//! | 完成率 89%, 41 of 46                       | nothing (89.13 rounds to 89) |
//! | 完成率 90%, 41 of 46                       | rate                       |
//! | 下一年度 2026, 报告年度 2024                | year                       |
//! | any figure of a relation empty or unreadable | nothing (`missing`, `slots` say so) |
//!
//! Severity (policy on `check::Severity`): every finding is a `warning` — very likely wrong,
//! but the clerk may know better (a problem counted twice). A finding sits on the figure the
//! relation is about (the total, the rate, the later year) where it is first shown: the title
//! (key `title`, span in the title's text) or the first field that shows it (the part's step);
//! on the title step, without a span, when no text shows it.
use super::{Category, FieldFinding, Finding, Severity};
use crate::domain::model::draft::Draft;
use crate::domain::model::fields::{fields, TITLE_STEP};
use crate::domain::model::pattern::fill;
use crate::domain::model::quantity::{self, shown, Quantity, MICRO};
use crate::domain::model::template::{Relation, Template};
use crate::domain::model::text::Span;

pub const SUM: &str = "relation-sum";
pub const RATE: &str = "relation-rate";
pub const YEAR: &str = "relation-year";

/// Each violated relation of the template, once.
pub fn check(template: &Template, draft: &Draft, out: &mut Vec<FieldFinding>) {
    for relation in &template.relations {
        let Some((rule, about, message)) = violation(template, draft, relation) else { continue };
        let (key, part, span, text) = place(template, draft, &about);
        let finding = Finding { rule, category: Category::Number, severity: Severity::Warning, message, span, text, replacement: None };
        out.push(FieldFinding { key, part, finding });
    }
}

/// A slot's label and its value as a quantity (`None`: empty, unreadable or not a quantity).
fn figure<'a>(template: &'a Template, draft: &'a Draft, id: &'a str) -> Option<(&'a str, &'a str, Quantity)> {
    let spec = template.slot(id)?;
    let typed = draft.slots.get(id)?.trim();
    Some((spec.label.as_str(), typed, quantity::read(spec.kind, typed)?))
}

/// The rule, the slot the finding is about and the message, when the relation does not hold.
fn violation(template: &Template, draft: &Draft, relation: &Relation) -> Option<(&'static str, String, String)> {
    match relation {
        Relation::Sum { total, of } => {
            let (t_label, t_typed, t) = figure(template, draft, total)?;
            let parts: Vec<_> = of.iter().map(|id| figure(template, draft, id)).collect::<Option<_>>()?;
            let sum = parts.iter().try_fold(0u64, |sum, p| sum.checked_add(p.2.micros))?;
            if sum == t.micros {
                return None;
            }
            let named: Vec<String> = parts.iter().map(|(label, typed, _)| format!("{label}（{typed}）")).collect();
            let named = match named.split_last() {
                Some((last, rest)) if !rest.is_empty() => format!("{}与{last}", rest.join("、")),
                _ => named.concat(),
            };
            let message = format!("{named}之和应等于{t_label}（{t_typed}），现在相加是{}，请核对。", shown(sum));
            Some((SUM, total.clone(), message))
        }
        Relation::Rate { rate, part, whole } => {
            let (r_label, r_typed, r) = figure(template, draft, rate)?;
            let (p_label, p_typed, p) = figure(template, draft, part)?;
            let (w_label, w_typed, w) = figure(template, draft, whole)?;
            let w = w.micros;
            if w == 0 {
                return None;
            }
            // The exact rate in millionths is n / w; all in integers (too large: left alone).
            let n = p.micros.checked_mul(100 * MICRO)?;
            let within_a_tenth = n.abs_diff(r.micros.checked_mul(w)?) <= (MICRO / 10).checked_mul(w)?;
            // Rounded (half up) to the decimals the clerk typed.
            let unit = 10u64.pow(6 - r.decimals.min(6));
            let half_up = |unit: u64| -> Option<u64> {
                let d = w.checked_mul(unit)?;
                Some((n.checked_mul(2)?.checked_add(d)? / d.checked_mul(2)?) * unit)
            };
            if within_a_tenth || half_up(unit)? == r.micros {
                return None;
            }
            let exact = half_up(MICRO / 10)?;
            let message =
                format!("{r_label}（{r_typed}）应等于{p_label}（{p_typed}）除以{w_label}（{w_typed}），约为{}%，请核对。", shown(exact));
            Some((RATE, rate.clone(), message))
        }
        Relation::YearAfter { slot, of } => {
            let label = |id: &str| template.slot(id).map_or(id.to_string(), |s| s.label.clone());
            let later = quantity::year(draft.slots.get(slot)?)?;
            let base = quantity::year(draft.slots.get(of)?)?;
            if later == base + 1 {
                return None;
            }
            let message = format!("{}应是{}（{base}年）的下一年，即{}年，现在是{later}年，请核对。", label(slot), label(of), base + 1);
            Some((YEAR, slot.clone(), message))
        }
    }
}

/// Where a finding about `slot` goes: the title if the title shows it, else the first field that
/// shows it, with the span of its value; else the title step without a span.
fn place(template: &Template, draft: &Draft, slot: &str) -> (String, String, Span, String) {
    let value = |id: &str| draft.slots.get(id).map(String::as_str);
    let (title, places) = fill(&template.title, value);
    if let Some(p) = places.iter().find(|p| p.slot == slot) {
        let text = crate::domain::model::text::slice_chars(&title, p.span).to_string();
        return (TITLE_STEP.to_string(), TITLE_STEP.to_string(), p.span, text);
    }
    for field in fields(template, draft) {
        let (text, places) = draft.text_with_slots(&field.key);
        if let Some(p) = places.iter().find(|p| p.slot == slot) {
            let shown = crate::domain::model::text::slice_chars(&text, p.span).to_string();
            return (field.key, field.part, p.span, shown);
        }
    }
    (TITLE_STEP.to_string(), TITLE_STEP.to_string(), Span::new(0, 0), String::new())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::template::Template;

    fn template() -> Template {
        Template::from_json(crate::domain::model::template::SMALL_FOR_TESTS).unwrap_or_else(|e| panic!("{e}"))
    }

    /// Figures typed (slot, value), over the example's.
    type Figures = &'static [(&'static str, &'static str)];

    /// The rules fired for these figures (slot, value), the rest as the example has them.
    fn fired(figures: &[(&str, &str)]) -> Vec<&'static str> {
        let t = template();
        let mut d = Draft::example(&t);
        for (id, v) in figures {
            d.set_slot(id, v.to_string());
        }
        let mut out = Vec::new();
        check(&t, &d, &mut out);
        assert!(out.iter().all(|f| f.finding.severity == Severity::Warning));
        out.into_iter().map(|f| f.finding.rule).collect()
    }

    #[test]
    fn must_fire() {
        let table: &[(Figures, &[&str])] = &[
            (&[("problems", "46"), ("done", "40"), ("ongoing", "5")], &[SUM, RATE]),
            (&[("problems", "四十六"), ("done", "四十"), ("ongoing", "5"), ("done_rate", "87%")], &[SUM]),
            (&[("done_rate", "90%")], &[RATE]),
            (&[("done_rate", "89.3")], &[RATE]),
            (&[("plan_year", "2026")], &[YEAR]),
            (&[("plan_year", "2024")], &[YEAR]),
            (&[("ongoing", "6"), ("plan_year", "2023")], &[SUM, YEAR]),
        ];
        for (figures, rules) in table {
            assert_eq!(fired(figures), *rules, "{figures:?}");
        }
    }

    #[test]
    fn must_not_fire() {
        let table: &[Figures] = &[
            &[],
            &[("problems", "四十六"), ("done", "四十一"), ("ongoing", "五")],
            &[("done_rate", "89.1%")],
            &[("done_rate", "89.2")],
            &[("done_rate", "89")],
            &[("done_rate", "89.13％")],
            // An empty or unreadable figure is reported elsewhere, not here.
            &[("ongoing", ""), ("done_rate", "")],
            &[("problems", "若干"), ("plan_year", "20XX")],
            &[("problems", "0"), ("done", "0"), ("ongoing", "0"), ("done_rate", "100")],
        ];
        for figures in table {
            assert_eq!(fired(figures), Vec::<&str>::new(), "{figures:?}");
        }
    }

    #[test]
    fn the_message_names_both_figures_and_the_finding_sits_on_the_total() {
        let t = template();
        let mut d = Draft::example(&t);
        d.set_slot("done", "40".into());
        d.set_slot("done_rate", "80%".into());
        let mut out = Vec::new();
        check(&t, &d, &mut out);
        let sum = out.iter().find(|f| f.finding.rule == SUM).unwrap();
        assert_eq!(sum.finding.message, "已完成整改数（40）与正在推进数（5）之和应等于问题总数（46），现在相加是45，请核对。");
        // 问题总数 is not in the title: its first place is the opening's sentence.
        assert_eq!((sum.key.as_str(), sum.finding.text.as_str()), ("opening", "46"));
        assert_eq!(crate::domain::model::text::slice_chars(&d.text("opening"), sum.finding.span), "46");
        let rate = out.iter().find(|f| f.finding.rule == RATE).unwrap();
        assert_eq!(rate.finding.message, "完成率（80%）应等于已完成整改数（40）除以问题总数（46），约为87%，请核对。");
    }

    #[test]
    fn a_finding_sits_where_its_figure_is_first_shown() {
        let t = template();
        let mut d = Draft::example(&t);
        d.set_slot("report_year", "2023".into());
        let mut out = Vec::new();
        check(&t, &d, &mut out);
        let year = out.iter().find(|f| f.finding.rule == YEAR).unwrap();
        assert_eq!(year.finding.message, "下一年度应是报告年度（2023年）的下一年，即2024年，现在是2025年，请核对。");
        // The finding is about 下一年度, which only an example field shows.
        assert!(year.key.ends_with("/deadline"), "{}", year.key);
        // A figure the title shows is placed on the title step, at its place in the title.
        let (key, part, span, text) = place(&t, &d, "report_year");
        assert_eq!((key.as_str(), part.as_str(), span, text.as_str()), (TITLE_STEP, TITLE_STEP, Span::new(7, 11), "2023"));
    }
}
