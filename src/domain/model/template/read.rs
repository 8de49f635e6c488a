//! A template's fields taken out of the parsed file (`model::json`), with serde's defaults of
//! format 1 (genre `report`, summary `""`, no relations, no item fields). The names of the
//! plain enums are those the `Serialize` derive writes (`rename_all = "snake_case"`); a test
//! reads back what it writes.
use super::*;
use crate::domain::model::json::{Obj, Read};

pub(super) const GENRES: &[(&str, Genre)] = &[("report", Genre::Report), ("meeting", Genre::Meeting), ("personal", Genre::Personal)];
pub(super) const SLOT_KINDS: &[(&str, SlotKind)] = &[
    ("text", SlotKind::Text),
    ("count", SlotKind::Count),
    ("year", SlotKind::Year),
    ("date", SlotKind::Date),
    ("name", SlotKind::Name),
    ("place", SlotKind::Place),
    ("number", SlotKind::Number),
    ("percent", SlotKind::Percent),
];
pub(super) const PART_KINDS: &[(&str, PartKind)] = &[
    ("addressee", PartKind::Addressee),
    ("paragraph", PartKind::Paragraph),
    ("section", PartKind::Section),
    ("closing", PartKind::Closing),
    ("signature", PartKind::Signature),
    ("date", PartKind::Date),
];
pub(super) const LAYOUTS: &[(&str, ItemLayout)] =
    &[("subsection", ItemLayout::Subsection), ("point", ItemLayout::Point), ("measure", ItemLayout::Measure)];

#[derive(Clone, Copy)]
enum RelationKind {
    Sum,
    Rate,
    YearAfter,
}
const RELATION_KINDS: &[(&str, RelationKind)] =
    &[("sum", RelationKind::Sum), ("rate", RelationKind::Rate), ("year_after", RelationKind::YearAfter)];

/// A count in the file (`min`, `max`): one too large for this machine reads as the largest.
fn count(o: &Obj, key: &str) -> Read<usize> {
    Ok(usize::try_from(o.number(key)?).unwrap_or(usize::MAX))
}

pub(super) fn template(o: Obj) -> Read<Template> {
    Ok(Template {
        format: u32::try_from(o.number("format")?).unwrap_or(u32::MAX),
        id: o.text("id")?,
        name: o.text("name")?,
        summary: o.text_or_empty("summary")?,
        genre: genre(&o, "genre")?,
        title: o.text("title")?,
        title_breaks: Vec::new(),
        title_year: o.opt_text("title_year")?,
        slots: o.objects("slots", false, slot)?,
        relations: o.objects("relations", false, relation)?,
        parts: o.objects("parts", true, part)?,
    })
}

/// A genre, `report` when absent (format 1 had only reports).
pub(crate) fn genre(o: &Obj, key: &str) -> Read<Genre> {
    o.name(key, GENRES, Some(Genre::Report))
}

fn slot(o: Obj) -> Read<SlotSpec> {
    Ok(SlotSpec {
        id: o.text("id")?,
        label: o.text("label")?,
        hint: o.text("hint")?,
        kind: o.name("kind", SLOT_KINDS, None)?,
        example: o.text("example")?,
    })
}

/// A relation as written: its names all optional here (a missing one is refused by
/// `validate`, naming the relation).
fn relation(o: Obj) -> Read<Relation> {
    let name = |key| o.text_or_empty(key);
    Ok(match o.name("kind", RELATION_KINDS, None)? {
        RelationKind::Sum => Relation::Sum { total: name("total")?, of: o.one_or_many("of")? },
        RelationKind::Rate => Relation::Rate { rate: name("rate")?, part: name("part")?, whole: name("whole")? },
        RelationKind::YearAfter => {
            Relation::YearAfter { slot: name("slot")?, of: o.one_or_many("of")?.into_iter().next().unwrap_or_default() }
        }
    })
}

fn part(o: Obj) -> Read<Part> {
    Ok(Part {
        id: o.text("id")?,
        kind: o.name("kind", PART_KINDS, None)?,
        label: o.text("label")?,
        hint: o.text("hint")?,
        example: o.text("example")?,
        required: o.flag("required")?,
        heading: o.text_or_empty("heading")?,
        items: o.opt_obj("items")?.map(items).transpose()?,
    })
}

fn items(o: Obj) -> Read<ItemsSpec> {
    Ok(ItemsSpec {
        layout: o.name("layout", LAYOUTS, None)?,
        label: o.text("label")?,
        heading_hint: o.text("heading_hint")?,
        body_hint: o.text_or_empty("body_hint")?,
        min: count(&o, "min")?,
        max: count(&o, "max")?,
        answers: o.opt_text("answers")?,
        answers_hint: o.text_or_empty("answers_hint")?,
        points: o.opt_obj("points")?.map(points).transpose()?,
        fields: o.objects("fields", false, item_field)?,
        examples: o.objects("examples", true, item_example)?,
    })
}

fn item_field(o: Obj) -> Read<ItemField> {
    Ok(ItemField {
        id: o.text("id")?,
        label: o.text("label")?,
        lead: o.text_or_empty("lead")?,
        hint: o.text("hint")?,
        required: o.flag("required")?,
        unless: match o.opt_obj("unless")? {
            Some(u) => Some(Unless { field: u.text("field")?, starts_with: u.texts("starts_with")? }),
            None => None,
        },
    })
}

fn points(o: Obj) -> Read<PointsSpec> {
    Ok(PointsSpec { topic_hint: o.text("topic_hint")?, body_hint: o.text("body_hint")?, min: count(&o, "min")?, max: count(&o, "max")? })
}

fn item_example(o: Obj) -> Read<ItemExample> {
    Ok(ItemExample {
        heading: o.text("heading")?,
        body: o.text_or_empty("body")?,
        points: o.objects("points", false, |p| Ok(PointExample { topic: p.text("topic")?, body: p.text("body")? }))?,
        answers: o.numbers("answers")?.into_iter().map(|n| usize::try_from(n).unwrap_or(usize::MAX)).collect(),
        fields: o.text_map("fields")?,
    })
}
