//! What makes a template inconsistent, each refused with the place it is at: duplicate or
//! malformed ids, `{slot}`s never declared, `answers` to a part without items, relations on
//! unknown slots or slots of the wrong kind, `unless` naming a field the item lacks,
//! `title_year` that is not a year slot; `min`/`max` out of order or above the bounds a draft
//! keeps (`model::limits`), too many parts.
use super::load::{Problem, TemplateError};
use super::{SlotKind, Template};
use crate::domain::model::limits;
use crate::domain::model::pattern::slot_ids;

/// The item boxes every item has; an item field may not take their names.
const ITEM_BOXES: [&str; 2] = ["heading", "body"];

fn is_id(id: &str, dash: bool) -> bool {
    !id.is_empty() && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || (dash && c == '-'))
}

/// Each id once, and well formed (`-` allowed but in slot ids, which `{…}` markers name). `place(i)` names the i-th.
fn unique<'a>(
    ids: impl Iterator<Item = &'a str>,
    reserved: &[&str],
    dash: bool,
    place: impl Fn(usize) -> String,
) -> Result<(), TemplateError> {
    // A list, not a set: a template has tens of ids, and a set's code costs the page more.
    let mut seen = Vec::new();
    for (i, id) in ids.enumerate() {
        if !is_id(id, dash) {
            return Err(TemplateError::at(place(i), Problem::BadId(id.to_string())));
        }
        if seen.contains(&id) || reserved.contains(&id) {
            return Err(TemplateError::at(place(i), Problem::Duplicate(id.to_string())));
        }
        seen.push(id);
    }
    Ok(())
}

/// A `min`/`max` pair: `max` at most `limit`, `min` at most `max` (both are ≥ 0 once read).
fn counts(place: &str, min: usize, max: usize, limit: usize) -> Result<(), TemplateError> {
    if max > limit {
        return Err(TemplateError::at(format!("{place}.max"), Problem::AboveLimit { value: max, max: limit }));
    }
    if min > max {
        return Err(TemplateError::at(format!("{place}.min"), Problem::MinAboveMax { min, max }));
    }
    Ok(())
}

/// No more examples than items (or points) a draft may have: 填入示例 makes one of each.
fn examples(place: &str, count: usize, max: usize) -> Result<(), TemplateError> {
    if count > max {
        return Err(TemplateError::at(place, Problem::TooManyExamples { count, max }));
    }
    Ok(())
}

impl Template {
    pub(super) fn validate(&self) -> Result<(), TemplateError> {
        if self.parts.len() > limits::MAX_PARTS {
            return Err(TemplateError::at("parts", Problem::TooManyParts(self.parts.len())));
        }
        for (p, part) in self.parts.iter().enumerate() {
            let Some(items) = &part.items else { continue };
            counts(&format!("parts[{p}].items"), items.min, items.max, limits::MAX_ITEMS)?;
            examples(&format!("parts[{p}].items.examples"), items.examples.len(), items.max)?;
            if let Some(points) = &items.points {
                counts(&format!("parts[{p}].items.points"), points.min, points.max, limits::MAX_POINTS)?;
                for (e, ex) in items.examples.iter().enumerate() {
                    examples(&format!("parts[{p}].items.examples[{e}].points"), ex.points.len(), points.max)?;
                }
            }
        }
        unique(self.parts.iter().map(|p| p.id.as_str()), &[], true, |i| format!("parts[{i}]"))?;
        unique(self.slots.iter().map(|s| s.id.as_str()), &[], false, |i| format!("slots[{i}]"))?;
        for (at, text) in self.texts() {
            for id in slot_ids(text) {
                if self.slot(id).is_none() {
                    return Err(TemplateError::at(at.place(), Problem::UnknownSlot(id.to_string())));
                }
            }
        }
        if let Some(year) = &self.title_year {
            if self.slot(year).map(|s| s.kind) != Some(SlotKind::Year) {
                return Err(TemplateError::at("title_year", Problem::TitleYearNotYear(year.clone())));
            }
        }
        for (r, relation) in self.relations.iter().enumerate() {
            for (id, year) in relation.slots() {
                let place = format!("relations[{r}]");
                let Some(slot) = self.slot(id) else {
                    return Err(TemplateError::at(place, Problem::RelationUnknownSlot(id.to_string())));
                };
                let fits = if year { slot.kind == SlotKind::Year } else { slot.kind.is_quantity() };
                if !fits {
                    return Err(TemplateError::at(place, Problem::RelationWrongKind { slot: id.to_string(), year }));
                }
            }
        }
        for (p, part) in self.parts.iter().enumerate() {
            let Some(items) = &part.items else { continue };
            if let Some(target) = &items.answers {
                let place = format!("parts[{p}].items.answers");
                match self.part(target) {
                    None => return Err(TemplateError::at(place, Problem::AnswersUnknownPart(target.clone()))),
                    Some(t) if t.items.is_none() => return Err(TemplateError::at(place, Problem::AnswersPartWithoutItems(target.clone()))),
                    Some(_) => {}
                }
            }
            unique(items.fields.iter().map(|f| f.id.as_str()), &ITEM_BOXES, true, |i| format!("parts[{p}].items.fields[{i}]"))?;
            for (i, field) in items.fields.iter().enumerate() {
                if let Some(unless) = &field.unless {
                    if items.field(&unless.field).is_none() {
                        let place = format!("parts[{p}].items.fields[{i}].unless");
                        return Err(TemplateError::at(place, Problem::UnknownField(unless.field.clone())));
                    }
                }
            }
            for (e, example) in items.examples.iter().enumerate() {
                if let Some(id) = example.fields.keys().find(|id| items.field(id).is_none()) {
                    let place = format!("parts[{p}].items.examples[{e}].fields");
                    return Err(TemplateError::at(place, Problem::UnknownField(id.clone())));
                }
            }
        }
        Ok(())
    }

    /// Every text of the template that may hold `{slot}` markers, with where it is.
    fn texts(&self) -> Vec<(Where<'_>, &str)> {
        let mut out = vec![(Where::Title, self.title.as_str())];
        for (p, part) in self.parts.iter().enumerate() {
            out.push((Where::Part(p), &part.example));
            let Some(items) = &part.items else { continue };
            for (e, ex) in items.examples.iter().enumerate() {
                out.push((Where::Item(p, e, "heading"), &ex.heading));
                out.push((Where::Item(p, e, "body"), &ex.body));
                for (k, pt) in ex.points.iter().enumerate() {
                    out.push((Where::Point(p, e, k, "topic"), &pt.topic));
                    out.push((Where::Point(p, e, k, "body"), &pt.body));
                }
                for (id, text) in &ex.fields {
                    out.push((Where::Item(p, e, id), text));
                }
            }
        }
        out
    }
}

/// Where a text is; written out (`parts[1].items.examples[0].body`) only for a message.
enum Where<'a> {
    Title,
    Part(usize),
    Item(usize, usize, &'a str),
    Point(usize, usize, usize, &'a str),
}

impl Where<'_> {
    fn place(&self) -> String {
        match self {
            Where::Title => "title".to_string(),
            Where::Part(p) => format!("parts[{p}].example"),
            // An item field's id is its place under `fields`; `heading` and `body` are not ids.
            Where::Item(p, e, what) if ITEM_BOXES.contains(what) => format!("parts[{p}].items.examples[{e}].{what}"),
            Where::Item(p, e, id) => format!("parts[{p}].items.examples[{e}].fields.{id}"),
            Where::Point(p, e, k, what) => format!("parts[{p}].items.examples[{e}].points[{k}].{what}"),
        }
    }
}
