//! A report type described as data. Templates live in `templates/*.json` and are embedded at
//! build time; `templates/README.md` documents the format. More report types are new files,
//! not new code.
use serde::{Deserialize, Serialize};

/// The template format version this build understands.
pub const FORMAT: u32 = 1;

/// In a title pattern: a point between words where a long title may go onto a new line.
pub const TITLE_BREAK: char = '|';

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Template {
    /// Format version of the file itself (see `FORMAT`).
    pub format: u32,
    /// Stable identifier, stored in drafts so a draft knows its report type.
    pub id: String,
    /// The report type's name as a clerk knows it.
    pub name: String,
    /// The title, with `{slot}` markers, e.g. `关于{unit}领导班子{start_year}年以来…的报告`.
    /// In the file it may hold `|` (`TITLE_BREAK`) where a long title may go onto a new line;
    /// `from_json` takes those out, into `title_breaks`.
    pub title: String,
    /// Where the title may break: byte offsets into `title` (no break points: the title wraps
    /// wherever a line is full, as in a plain paragraph).
    #[serde(skip)]
    pub title_breaks: Vec<usize>,
    /// The key figures typed inside sentences (`{slot}` in titles and examples).
    #[serde(default)]
    pub slots: Vec<SlotSpec>,
    pub parts: Vec<Part>,
}

/// A key figure: one value, typed once, shown in every sentence that names it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SlotSpec {
    pub id: String,
    pub label: String,
    pub hint: String,
    pub kind: SlotKind,
    /// The value used by "填入示例" (the seed's masked figures get plausible values).
    pub example: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
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
}

/// One part of the report, in the order it appears in the finished text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Part {
    pub id: String,
    pub kind: PartKind,
    /// Shown above the field and in the outline.
    pub label: String,
    /// What to write and why.
    pub hint: String,
    /// The reference report's own words (for a section: its lead paragraph). May hold `{slot}`s.
    pub example: String,
    #[serde(default)]
    pub required: bool,
    /// A section's heading after its number, e.g. `总体情况` (printed `一、总体情况`).
    #[serde(default)]
    pub heading: String,
    /// A section's numbered items.
    #[serde(default)]
    pub items: Option<ItemsSpec>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PartKind {
    /// 主送机关: one line, flush left, ending in a full-width colon.
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
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ItemsSpec {
    pub layout: ItemLayout,
    /// What one item is called (`方面`, `问题`, `措施`).
    pub label: String,
    pub heading_hint: String,
    #[serde(default)]
    pub body_hint: String,
    pub min: usize,
    pub max: usize,
    /// The section whose items these items answer (measures answer problems): each item can
    /// be linked to the items it answers, and an item left unanswered is reported.
    #[serde(default)]
    pub answers: Option<String>,
    #[serde(default)]
    pub answers_hint: String,
    /// Numbered points inside each item (`一是……二是……`), for the subsection layout.
    #[serde(default)]
    pub points: Option<PointsSpec>,
    /// The seed's items, used by "填入示例" and shown as examples.
    pub examples: Vec<ItemExample>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemLayout {
    /// `（一）heading` on its own line, then one paragraph: the body, then `一是……二是……`.
    Subsection,
    /// One paragraph per item: `一是topic。body`.
    Point,
    /// One paragraph per item: `（一）heading。body`.
    Measure,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PointsSpec {
    pub topic_hint: String,
    pub body_hint: String,
    pub min: usize,
    pub max: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ItemExample {
    pub heading: String,
    #[serde(default)]
    pub body: String,
    #[serde(default)]
    pub points: Vec<PointExample>,
    /// Indexes (from 0) of the examples of the answered section that this one answers.
    #[serde(default)]
    pub answers: Vec<usize>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PointExample {
    pub topic: String,
    pub body: String,
}

#[derive(Debug, PartialEq)]
pub enum TemplateError {
    Malformed(String),
    UnsupportedFormat(u32),
    DuplicatePart(String),
    UnknownSlot(String),
}

impl std::fmt::Display for TemplateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TemplateError::Malformed(e) => write!(f, "报告模板格式有误：{e}"),
            TemplateError::UnsupportedFormat(v) => {
                write!(f, "报告模板的格式版本 {v} 比本程序新，请更新公文起草助手。")
            }
            TemplateError::DuplicatePart(id) => write!(f, "报告模板中有重复的部分：{id}"),
            TemplateError::UnknownSlot(id) => write!(f, "报告模板引用了未定义的关键数字：{id}"),
        }
    }
}

/// serde's full message for whoever edits a template (tests, the command line). The page only
/// loads the template built into it, so it says just where: formatting serde_json's errors
/// would add a few KB of messages to the bundle for a case the tests rule out.
fn json_error(e: &serde_json::Error) -> String {
    if cfg!(target_arch = "wasm32") {
        format!("第 {} 行第 {} 列附近有误", e.line(), e.column())
    } else {
        e.to_string()
    }
}

impl Template {
    pub fn from_json(json: &str) -> Result<Template, TemplateError> {
        let mut t: Template =
            serde_json::from_str(json).map_err(|e| TemplateError::Malformed(json_error(&e)))?;
        // A break point inside a `{slot}` marker would make it a slot only once taken out.
        let slots = crate::domain::model::pattern::slot_ids(&t.title).len();
        while let Some(at) = t.title.find(TITLE_BREAK) {
            t.title.remove(at);
            t.title_breaks.push(at);
        }
        if crate::domain::model::pattern::slot_ids(&t.title).len() != slots {
            return Err(TemplateError::Malformed("标题的断行标记“|”不能放在{…}里".to_string()));
        }
        if t.format > FORMAT {
            return Err(TemplateError::UnsupportedFormat(t.format));
        }
        let mut seen = std::collections::BTreeSet::new();
        for p in &t.parts {
            if !seen.insert(p.id.as_str()) {
                return Err(TemplateError::DuplicatePart(p.id.clone()));
            }
        }
        for text in t.texts() {
            for id in crate::domain::model::pattern::slot_ids(text) {
                if t.slot(id).is_none() {
                    return Err(TemplateError::UnknownSlot(id.to_string()));
                }
            }
        }
        Ok(t)
    }

    pub fn part(&self, id: &str) -> Option<&Part> {
        self.parts.iter().find(|p| p.id == id)
    }

    pub fn slot(&self, id: &str) -> Option<&SlotSpec> {
        self.slots.iter().find(|s| s.id == id)
    }

    /// Every text of the template that may hold `{slot}` markers.
    fn texts(&self) -> Vec<&str> {
        let mut out = vec![self.title.as_str()];
        for p in &self.parts {
            out.push(&p.example);
            if let Some(items) = &p.items {
                for ex in &items.examples {
                    out.push(&ex.heading);
                    out.push(&ex.body);
                    for pt in &ex.points {
                        out.push(&pt.topic);
                        out.push(&pt.body);
                    }
                }
            }
        }
        out
    }
}

// `templates/xuanren.json` without its indentation (written by build.rs).
const XUANREN_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/xuanren.json"));

/// The 选人用人工作情况报告 template, embedded in the binary.
pub fn xuanren() -> Template {
    // The embedded file is part of the build and covered by a test below, so a failure here
    // is a build defect, not user input.
    Template::from_json(XUANREN_JSON).expect("embedded template templates/xuanren.json is valid")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_template_loads_and_everything_is_guided() {
        let t = xuanren();
        assert_eq!(t.id, "xuanren-report");
        for p in &t.parts {
            assert!(!p.label.trim().is_empty(), "{} has no label", p.id);
            assert!(p.hint.chars().count() >= 10, "{} has no useful hint", p.id);
            assert!(!p.example.trim().is_empty(), "{} has no example", p.id);
            if let Some(items) = &p.items {
                assert!(items.heading_hint.chars().count() >= 8, "{} items have no hint", p.id);
                assert!(items.examples.len() >= items.min, "{} has too few examples", p.id);
                if let Some(points) = &items.points {
                    assert!(points.topic_hint.chars().count() >= 8 && points.body_hint.chars().count() >= 8);
                }
            }
        }
        for s in &t.slots {
            assert!(s.hint.chars().count() >= 6, "slot {} has no useful hint", s.id);
            assert!(!s.example.is_empty(), "slot {} has no example", s.id);
        }
    }

    #[test]
    fn rejects_a_newer_format_duplicates_and_unknown_slots() {
        let newer = r#"{"format":99,"id":"x","name":"x","title":"t","parts":[]}"#;
        assert_eq!(Template::from_json(newer), Err(TemplateError::UnsupportedFormat(99)));
        let dup = r#"{"format":1,"id":"x","name":"x","title":"t","parts":[
            {"id":"a","kind":"paragraph","label":"l","hint":"h","example":"e"},
            {"id":"a","kind":"paragraph","label":"l","hint":"h","example":"e"}]}"#;
        assert_eq!(Template::from_json(dup), Err(TemplateError::DuplicatePart("a".into())));
        let slot = r#"{"format":1,"id":"x","name":"x","title":"关于{unit}","parts":[]}"#;
        assert_eq!(Template::from_json(slot), Err(TemplateError::UnknownSlot("unit".into())));
        assert!(matches!(Template::from_json("{"), Err(TemplateError::Malformed(_))));
        let cut = r#"{"format":1,"id":"x","name":"x","title":"关于{un|it}","slots":[
            {"id":"unit","label":"l","hint":"h","kind":"text","example":"e"}],"parts":[]}"#;
        assert!(matches!(Template::from_json(cut), Err(TemplateError::Malformed(_))));
    }

    #[test]
    fn title_break_points_are_taken_out_of_the_pattern() {
        let t = xuanren();
        assert_eq!(t.title, "关于{unit}领导班子{start_year}年以来选人用人工作情况的报告");
        let at: Vec<&str> = t.title_breaks.iter().map(|&b| t.title.get(b..).unwrap_or_default()).collect();
        assert_eq!(at, ["领导班子{start_year}年以来选人用人工作情况的报告", "{start_year}年以来选人用人工作情况的报告", "选人用人工作情况的报告"]);
        let plain = Template::from_json(r#"{"format":1,"id":"x","name":"x","title":"t","parts":[]}"#);
        assert_eq!(plain.map(|t| t.title_breaks), Ok(vec![]));
    }
}
