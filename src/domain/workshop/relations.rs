//! Relations between key figures that the model shows, proposed as guesses: a total followed in
//! the same paragraph by parts with the same measure word that add up to it (`18个问题已完成整改
//! 15个，正在推进3个`); a percentage that is one figure of its paragraph divided by another
//! (`开工项目28个，开工率87.5%`); the year after, or before, the report's year. Each is kept only
//! if it holds on the example (`check::relations`), and marked in its figure's hint as a guess.
use super::figures::{find, FigureKind};
use super::shape::Shape;
use super::slots::Slots;
use crate::domain::check::relations::check;
use crate::domain::model::draft::Draft;
use crate::domain::model::quantity::{self, Quantity};
use crate::domain::model::template::{Relation, Template};

/// A figure of a paragraph: its slot, value, measure word, kind and character offset.
type Fig = (String, Quantity, &'static str, FigureKind, usize);

/// How many proposed relations are checked at most.
const MAX_PROPOSED: usize = 60;

/// How far before a percentage (in characters) its part and whole may stand.
const RATE_REACH: usize = 100;

pub fn guess(template: &mut Template, shape: &Shape, slots: &Slots, notes: &mut Vec<String>) {
    let mut proposed: Vec<Relation> = Vec::new();
    let lines = shape.opening.iter().chain(shape.sections.iter().flat_map(|s| s.lines.iter()));
    for line in lines {
        // (slot, value, measure, kind, character offset) of the line's quantities, in order.
        let figures: Vec<Fig> = find(line)
            .into_iter()
            .filter(|f| matches!(f.kind, FigureKind::Count | FigureKind::Amount | FigureKind::Percent))
            .filter_map(|f| {
                let id = slots.figure_slot(&f)?.to_string();
                let kind = template.slot(&id)?.kind;
                Some((id, quantity::read(kind, &f.value)?, f.measure, f.kind, line[..f.start].chars().count()))
            })
            .collect();
        sums(&figures, &mut proposed);
        rates(&figures, &mut proposed);
    }
    years(template, &mut proposed);
    let example = Draft::example(template);
    // Each is checked on the example; a text with very many figures gets its first ones checked.
    for relation in proposed.into_iter().take(MAX_PROPOSED) {
        if template.relations.contains(&relation) {
            continue;
        }
        let mut alone = template.clone();
        alone.relations = vec![relation.clone()];
        let mut found = Vec::new();
        check(&alone, &example, &mut found);
        if !found.is_empty() {
            continue;
        }
        let label = |id: &str| template.slot(id).map_or(id.to_string(), |s| s.label.clone());
        let (about, said) = match &relation {
            Relation::Sum { total, of } => {
                (total.clone(), format!("{}等于{}之和", label(total), of.iter().map(|id| label(id)).collect::<Vec<_>>().join("、")))
            }
            Relation::Rate { rate, part, whole } => (rate.clone(), format!("{}等于{}除以{}", label(rate), label(part), label(whole))),
            Relation::YearAfter { slot, of } => (slot.clone(), format!("{}是{}的下一年", label(slot), label(of))),
        };
        if let Some(spec) = template.slots.iter_mut().find(|s| s.id == about) {
            spec.hint.push_str(&format!("（据范文推测：{said}，填写时会核对；不对请删去这条关系。）"));
        }
        notes.push(format!("推测的关系：{said}。"));
        template.relations.push(relation);
    }
}

/// A total and the parts after it with its measure word, two to four of them, that add up to it.
fn sums(figures: &[Fig], out: &mut Vec<Relation>) {
    for (i, (total, t, measure, kind, _)) in figures.iter().enumerate() {
        if *kind == FigureKind::Percent {
            continue;
        }
        let after: Vec<&Fig> = figures[i + 1..].iter().filter(|f| f.2 == *measure && f.3 != FigureKind::Percent).take(4).collect();
        for n in 2..=4.min(after.len()) {
            let parts = &after[..n];
            let mut ids: Vec<&String> = parts.iter().map(|p| &p.0).collect();
            let sum = parts.iter().try_fold(0u64, |s, p| s.checked_add(p.1.micros));
            ids.push(total);
            let distinct = ids.iter().enumerate().all(|(k, id)| !ids[..k].contains(id));
            if sum == Some(t.micros) && distinct {
                out.push(Relation::Sum { total: total.clone(), of: parts.iter().map(|p| p.0.clone()).collect() });
                break;
            }
        }
    }
}

/// A percentage and two other figures with one measure word shortly before it (`RATE_REACH`),
/// whose quotient it is: the part the nearest, the whole any other. Which pair holds is
/// checked again by `check::relations`.
fn rates(figures: &[Fig], out: &mut Vec<Relation>) {
    for (i, (rate, r, _, kind, at)) in figures.iter().enumerate() {
        if *kind != FigureKind::Percent {
            continue;
        }
        // Nearest first.
        let before: Vec<&Fig> =
            figures[..i].iter().rev().take_while(|f| f.4 + RATE_REACH >= *at).filter(|f| f.3 != FigureKind::Percent).collect();
        'found: for part in &before {
            for whole in &before {
                if part.0 == whole.0 || whole.1.micros == 0 || part.2 != whole.2 {
                    continue;
                }
                // part / whole × 100, to a tenth either side (`check::relations` rounds as typed).
                let micro = u128::from(quantity::MICRO);
                let exact = u128::from(part.1.micros) * 100 * micro;
                let typed = u128::from(r.micros) * u128::from(whole.1.micros);
                let tenth = u128::from(whole.1.micros) * micro / 10;
                if exact.abs_diff(typed) <= tenth {
                    out.push(Relation::Rate { rate: rate.clone(), part: part.0.clone(), whole: whole.0.clone() });
                    break 'found;
                }
            }
        }
    }
}

/// The years next to the report's year.
fn years(template: &Template, out: &mut Vec<Relation>) {
    let has = |id: &str| template.slot(id).is_some();
    if has("report_year") && has("next_year") {
        out.push(Relation::YearAfter { slot: "next_year".to_string(), of: "report_year".to_string() });
    }
    if has("report_year") && has("last_year") {
        out.push(Relation::YearAfter { slot: "report_year".to_string(), of: "last_year".to_string() });
    }
}
