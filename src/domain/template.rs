//! A report type described as data. Templates live in `templates/*.json` and are embedded at
//! build time; `templates/README.md` documents the format. More report types are new files,
//! not new code.
use serde::{Deserialize, Serialize};

/// The template format version this build understands.
pub const FORMAT: u32 = 1;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Template {
    /// Format version of the file itself (see `FORMAT`).
    pub format: u32,
    /// Stable identifier, stored in drafts so a draft knows its report type.
    pub id: String,
    /// The report type's name as a clerk knows it.
    pub name: String,
    pub parts: Vec<Part>,
}

/// One guided field of the report, in the order it appears in the finished text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Part {
    pub id: String,
    pub kind: PartKind,
    /// Shown above the field.
    pub label: String,
    /// What to write and why.
    pub hint: String,
    /// The reference report's own words for this part.
    pub example: String,
    #[serde(default)]
    pub required: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PartKind {
    /// 主送机关: one line, flush left, ending in a full-width colon.
    Addressee,
    /// A body paragraph with a two-character first-line indent.
    Paragraph,
}

#[derive(Debug, PartialEq)]
pub enum TemplateError {
    Malformed(String),
    UnsupportedFormat(u32),
    DuplicatePart(String),
}

impl std::fmt::Display for TemplateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TemplateError::Malformed(e) => write!(f, "报告模板格式有误：{e}"),
            TemplateError::UnsupportedFormat(v) => {
                write!(f, "报告模板的格式版本 {v} 比本程序新，请更新公文起草助手。")
            }
            TemplateError::DuplicatePart(id) => write!(f, "报告模板中有重复的部分：{id}"),
        }
    }
}

impl Template {
    pub fn from_json(json: &str) -> Result<Template, TemplateError> {
        let t: Template =
            serde_json::from_str(json).map_err(|e| TemplateError::Malformed(e.to_string()))?;
        if t.format > FORMAT {
            return Err(TemplateError::UnsupportedFormat(t.format));
        }
        let mut seen = std::collections::BTreeSet::new();
        for p in &t.parts {
            if !seen.insert(p.id.as_str()) {
                return Err(TemplateError::DuplicatePart(p.id.clone()));
            }
        }
        Ok(t)
    }

    pub fn part(&self, id: &str) -> Option<&Part> {
        self.parts.iter().find(|p| p.id == id)
    }
}

const XUANREN_JSON: &str = include_str!("../../templates/xuanren.json");

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
    fn embedded_template_loads_and_every_part_is_guided() {
        let t = xuanren();
        assert_eq!(t.id, "xuanren-report");
        assert!(!t.parts.is_empty());
        for p in &t.parts {
            assert!(!p.label.trim().is_empty(), "{} has no label", p.id);
            assert!(p.hint.chars().count() >= 10, "{} has no useful hint", p.id);
            assert!(!p.example.trim().is_empty(), "{} has no example", p.id);
        }
    }

    #[test]
    fn examples_come_from_the_seed_report() {
        let seed = include_str!("../../tests/fixtures/seed-report.txt");
        let t = xuanren();
        let opening = t.part("opening").map(|p| p.example.as_str()).unwrap_or_default();
        assert!(seed.contains(opening), "开头语 example is not the seed's wording");
    }

    #[test]
    fn rejects_a_newer_format_and_duplicates() {
        let newer = r#"{"format":99,"id":"x","name":"x","parts":[]}"#;
        assert_eq!(Template::from_json(newer), Err(TemplateError::UnsupportedFormat(99)));
        let dup = r#"{"format":1,"id":"x","name":"x","parts":[
            {"id":"a","kind":"paragraph","label":"l","hint":"h","example":"e"},
            {"id":"a","kind":"paragraph","label":"l","hint":"h","example":"e"}]}"#;
        assert_eq!(Template::from_json(dup), Err(TemplateError::DuplicatePart("a".into())));
        assert!(matches!(Template::from_json("{"), Err(TemplateError::Malformed(_))));
    }
}
