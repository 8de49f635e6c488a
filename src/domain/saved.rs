//! The stored form of a draft (autosave and draft files): a versioned envelope around the
//! draft and the step the clerk was on. Reading it back never panics: every way it can be
//! wrong has a Chinese message, and the caller keeps whatever it had.
use serde::{Deserialize, Serialize};

use super::draft::Draft;
use super::template::Template;

/// The envelope version this build writes. Older versions are migrated on load.
pub const VERSION: u32 = 1;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Saved {
    pub version: u32,
    pub draft: Draft,
    /// The outline step on screen when it was saved.
    #[serde(default)]
    pub step: String,
}

#[derive(Debug, PartialEq)]
pub enum LoadError {
    /// Not JSON, truncated, or not a draft at all.
    Malformed(String),
    /// Written by a newer version of the app.
    Newer(u32),
    /// A draft of another report type.
    WrongType(String),
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoadError::Malformed(why) => write!(f, "这不是一个完整的草稿文件（{why}）。"),
            LoadError::Newer(v) => write!(f, "这个草稿由较新版本的公文起草助手保存（格式版本 {v}），请更新后再打开。"),
            LoadError::WrongType(t) => write!(f, "这个草稿属于另一种报告（{t}），不能在这里打开。"),
        }
    }
}

pub fn to_json(draft: &Draft, step: &str) -> String {
    let saved = Saved { version: VERSION, draft: draft.clone(), step: step.to_string() };
    // Serialising plain strings and maps cannot fail; fall back to an empty object regardless.
    serde_json::to_string(&saved).unwrap_or_else(|_| "{}".to_string())
}

pub fn from_json(text: &str, template: &Template) -> Result<Saved, LoadError> {
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| LoadError::Malformed(short(&e)))?;
    let version = value.get("version").and_then(serde_json::Value::as_u64).ok_or_else(|| LoadError::Malformed("缺少版本号".into()))?;
    if version > u64::from(VERSION) {
        return Err(LoadError::Newer(u32::try_from(version).unwrap_or(u32::MAX)));
    }
    let saved: Saved = serde_json::from_value(value).map_err(|e| LoadError::Malformed(short(&e)))?;
    if saved.draft.template != template.id {
        return Err(LoadError::WrongType(saved.draft.template));
    }
    Ok(saved)
}

/// serde's message without the Rust type names, which mean nothing to a clerk.
fn short(e: &serde_json::Error) -> String {
    format!("第 {} 行第 {} 列附近有误", e.line(), e.column())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::template::xuanren;

    #[test]
    fn round_trips_a_draft_and_its_step() {
        let t = xuanren();
        let d = Draft::example(&t);
        let back = from_json(&to_json(&d, "problems"), &t).expect("loads");
        assert_eq!(back.draft, d);
        assert_eq!(back.step, "problems");
    }

    #[test]
    fn every_bad_input_has_a_message() {
        let t = xuanren();
        let good = to_json(&Draft::example(&t), "opening");
        let truncated: String = good.chars().take(good.chars().count() / 2).collect();
        assert!(matches!(from_json(&truncated, &t), Err(LoadError::Malformed(_))));
        assert!(matches!(from_json("<html>", &t), Err(LoadError::Malformed(_))));
        assert!(matches!(from_json("{}", &t), Err(LoadError::Malformed(_))));
        let newer = good.replacen("\"version\":1", "\"version\":7", 1);
        assert_eq!(from_json(&newer, &t), Err(LoadError::Newer(7)));
        let other = good.replacen("xuanren-report", "qingshi", 1);
        assert_eq!(from_json(&other, &t), Err(LoadError::WrongType("qingshi".into())));
        for e in [LoadError::Malformed("x".into()), LoadError::Newer(2), LoadError::WrongType("y".into())] {
            assert!(e.to_string().chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)));
        }
    }
}
