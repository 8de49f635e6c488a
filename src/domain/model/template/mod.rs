//! A report type described as data. Templates live in `templates/*.json` (the built-in ones are
//! embedded at build time, `model::builtin`; a unit's own are read at runtime);
//! `templates/README.md` documents the format. More report types are new files, not new code.
//!
//! This file holds the types; `load.rs` reads a file (format check, migration of format 1),
//! `validate.rs` refuses an inconsistent one, naming the place (`TemplateError`).
use serde::Serialize;
use std::collections::BTreeMap;

mod load;
mod read;
#[cfg(test)]
mod tests;
mod validate;
/// A small format-2 template with every feature, for the tests of later stages.
#[cfg(test)]
pub(crate) use tests::SMALL as SMALL_FOR_TESTS;

pub use load::{Problem, TemplateError};
pub(crate) use read::genre as genre_of;

/// The template format version this build understands (format 1 files are migrated).
pub const FORMAT: u32 = 2;

/// In a title pattern: a point between words where a long title may go onto a new line.
pub const TITLE_BREAK: char = '|';

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Template {
    /// Format version of the file itself (see `FORMAT`).
    pub format: u32,
    /// Stable identifier, stored in drafts so a draft knows its report type.
    pub id: String,
    /// The report type's name as a clerk knows it.
    pub name: String,
    /// One line on when the report is written (the gallery's line). Format 1: empty.
    pub summary: String,
    /// Which kind of document it is; drives the document rules (主送, 特此报告, 落款).
    pub genre: Genre,
    /// The title, with `{slot}` markers, e.g. `关于{unit}领导班子{start_year}年以来…的报告`.
    /// In the file it may hold `|` (`TITLE_BREAK`) where a long title may go onto a new line;
    /// `from_json` takes those out, into `title_breaks`.
    pub title: String,
    /// Where the title may break: byte offsets into `title` (no break points: the title wraps
    /// wherever a line is full, as in a plain paragraph).
    #[serde(skip)]
    pub title_breaks: Vec<usize>,
    /// The year slot whose year the title carries (`2024年度…`), for the stale-year checks;
    /// absent when the title carries no report year.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title_year: Option<String>,
    /// The key figures typed inside sentences (`{slot}` in titles and examples).
    pub slots: Vec<SlotSpec>,
    /// How key figures must agree (sums, rates, year + 1), checked live.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub relations: Vec<Relation>,
    pub parts: Vec<Part>,
}

/// The three kinds of document the report types fall into.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Genre {
    /// An upward 报告: 主送机关 with `：`, `特此报告。`, signed by the unit, dated.
    #[default]
    Report,
    /// Meeting material (对照检查材料): no 主送, no 特此报告.
    Meeting,
    /// A personal 述职/述责述廉: first person, no 主送, ends `请予评议`, signed with a name.
    Personal,
}

impl Genre {
    /// The name a clerk knows it by.
    pub fn label(self) -> &'static str {
        match self {
            Genre::Report => "向上级报告",
            Genre::Meeting => "会议材料",
            Genre::Personal => "个人述职",
        }
    }
}

/// A key figure: one value, typed once, shown in every sentence that names it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SlotSpec {
    pub id: String,
    pub label: String,
    pub hint: String,
    pub kind: SlotKind,
    /// The value used by "填入示例" (the seed's masked figures get plausible values).
    pub example: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SlotKind {
    /// Free text: a unit's name.
    Text,
    /// A count of people or times: Arabic (`3`) or Chinese (`三`, `两`), kept as typed.
    Count,
    /// A four-digit year.
    Year,
    /// A date, chosen and written `2024年3月5日`.
    Date,
    /// A person's name.
    Name,
    /// A place name without its suffix (`城关` in `城关镇`).
    Place,
    /// A figure: `12`, `3.5`, `1,200`.
    Number,
    /// A percentage, typed `92.5` or `92.5%`.
    Percent,
}

impl SlotKind {
    /// Whether it holds a quantity that sums and rates can compare.
    pub fn is_quantity(self) -> bool {
        matches!(self, SlotKind::Count | SlotKind::Number | SlotKind::Percent)
    }
}

/// How key figures must agree. A violated relation is a warning (`check::relations`).
/// In the file: `{"kind": "sum", "total": …, "of": […]}`, `{"kind": "rate", "rate": …,
/// "part": …, "whole": …}`, `{"kind": "year_after", "slot": …, "of": …}` (read through the flat
/// `RelationSpec`: serde's reader of a tagged enum buffers every value, which costs the page
/// kilobytes; written by the derive, tagged).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Relation {
    /// `total` = the sum of `of`.
    Sum { total: String, of: Vec<String> },
    /// `rate` (a percentage) = `part` / `whole` × 100.
    Rate { rate: String, part: String, whole: String },
    /// `slot` = `of` + 1 (a year).
    YearAfter { slot: String, of: String },
}

impl Relation {
    /// The slots it names, each with what it must be: a quantity (`false`) or a year (`true`).
    pub fn slots(&self) -> Vec<(&str, bool)> {
        match self {
            Relation::Sum { total, of } => {
                std::iter::once(total.as_str()).chain(of.iter().map(String::as_str)).map(|s| (s, false)).collect()
            }
            Relation::Rate { rate, part, whole } => vec![(rate, false), (part, false), (whole, false)],
            Relation::YearAfter { slot, of } => vec![(slot, true), (of, true)],
        }
    }
}

/// One part of the report, in the order it appears in the finished text.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Part {
    pub id: String,
    pub kind: PartKind,
    /// Shown above the field and in the outline.
    pub label: String,
    /// What to write and why.
    pub hint: String,
    /// The reference report's own words (for a section: its lead paragraph). May hold `{slot}`s.
    pub example: String,
    pub required: bool,
    /// A section's heading after its number, e.g. `总体情况` (printed `一、总体情况`).
    pub heading: String,
    /// A section's numbered items.
    pub items: Option<ItemsSpec>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PartKind {
    /// 主送机关 (or a personal report's 称呼): one line, flush left, ending in a full-width colon.
    Addressee,
    /// A body paragraph with a two-character first-line indent.
    Paragraph,
    /// A numbered section (`一、`): a lead paragraph, then items.
    Section,
    /// The closing formula, `特此报告。`.
    Closing,
    /// 落款: the issuing unit's name.
    Signature,
    /// 成文日期.
    Date,
}

/// The items of a section and how they are laid out.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ItemsSpec {
    pub layout: ItemLayout,
    /// What one item is called (`方面`, `问题`, `措施`).
    pub label: String,
    pub heading_hint: String,
    pub body_hint: String,
    pub min: usize,
    pub max: usize,
    /// The section whose items these items answer (measures answer problems): each item can
    /// be linked to the items it answers, and an item left unanswered is reported.
    pub answers: Option<String>,
    pub answers_hint: String,
    /// Numbered points inside each item (`一是……二是……`), for the subsection layout.
    pub points: Option<PointsSpec>,
    /// More boxes in every item, printed after its body and points (整改措施, 整改进展 …).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<ItemField>,
    /// The seed's items, used by "填入示例" and shown as examples.
    pub examples: Vec<ItemExample>,
}

impl ItemsSpec {
    pub fn field(&self, id: &str) -> Option<&ItemField> {
        self.fields.iter().find(|f| f.id == id)
    }
}

/// One more text box in every item of a section: its own paragraph, `lead + text`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ItemField {
    pub id: String,
    /// Shown above the box and in finding places (`（一）整改措施`).
    pub label: String,
    /// Printed before the text (`整改措施：`); empty: the text alone.
    pub lead: String,
    pub hint: String,
    pub required: bool,
    /// When an empty required field is fine (a finished problem needs no deadline).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unless: Option<Unless>,
}

/// "Not required when the item's field `field` starts with one of `starts_with`."
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Unless {
    pub field: String,
    pub starts_with: Vec<String>,
}

impl Unless {
    /// Whether it holds for that field's text (leading blanks ignored).
    pub fn holds(&self, text: &str) -> bool {
        let text = text.trim_start();
        self.starts_with.iter().any(|s| !s.is_empty() && text.starts_with(s.as_str()))
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemLayout {
    /// `（一）heading` on its own line, then one paragraph: the body, then `一是……二是……`.
    Subsection,
    /// One paragraph per item: `一是topic。body`.
    Point,
    /// One paragraph per item: `（一）heading。body`.
    Measure,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PointsSpec {
    pub topic_hint: String,
    pub body_hint: String,
    pub min: usize,
    pub max: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ItemExample {
    pub heading: String,
    pub body: String,
    pub points: Vec<PointExample>,
    /// Indexes (from 0) of the examples of the answered section that this one answers.
    pub answers: Vec<usize>,
    /// The item fields' example texts, by field id.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub fields: BTreeMap<String, String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PointExample {
    pub topic: String,
    pub body: String,
}

impl Template {
    pub fn part(&self, id: &str) -> Option<&Part> {
        self.parts.iter().find(|p| p.id == id)
    }

    pub fn slot(&self, id: &str) -> Option<&SlotSpec> {
        self.slots.iter().find(|s| s.id == id)
    }

    /// The item fields of a section (none for other parts).
    pub fn item_fields(&self, section: &str) -> &[ItemField] {
        self.part(section).and_then(|p| p.items.as_ref()).map_or(&[], |i| i.fields.as_slice())
    }
}

/// The 选人用人工作情况报告 template, embedded in every build.
pub fn xuanren() -> Template {
    // The embedded file is part of the build and covered by a test, so a failure here is a
    // build defect, not user input.
    use crate::domain::model::builtin::{embedded_json, DEFAULT};
    embedded_json(DEFAULT).and_then(|json| Template::from_json(json).ok()).expect("embedded template templates/xuanren.json is valid")
}
