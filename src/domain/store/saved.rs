//! The stored form of a draft (autosave and draft files): a versioned envelope around the
//! draft and the step the clerk was on. Reading it back never panics: every way it can be
//! wrong has a Chinese message, and the caller keeps whatever it had.
use serde::{Deserialize, Serialize};

use crate::domain::model::draft::Draft;
use crate::domain::model::template::Template;

/// The envelope version this build writes. Older versions are migrated on load.
pub const VERSION: u32 = 1 + MIGRATIONS.len() as u32;

/// A step that turns a stored envelope of one version into the next, on the raw JSON (the old
/// shape may no longer deserialise into today's types). It may refuse, with a Chinese reason.
pub type Migration = fn(&mut serde_json::Value) -> Result<(), String>;

/// `MIGRATIONS[i]` turns version `i + 1` into version `i + 2`; `VERSION` follows from its length.
/// To change the stored shape: write the step, append it here, and add the old shape as a test
/// fixture that must still open. Version 1 is the first published shape, so none exist yet.
pub const MIGRATIONS: &[Migration] = &[];

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
    /// A draft of a report type this page has no template for (a unit's own, removed).
    UnknownType(String),
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoadError::Malformed(why) => write!(f, "这不是一个完整的草稿文件（{why}）。"),
            LoadError::Newer(v) => write!(f, "这个草稿由较新版本的公文起草助手保存（格式版本 {v}），请更新后再打开。"),
            LoadError::WrongType(t) => write!(f, "这个草稿属于另一种报告（{t}），不能在这里打开。"),
            LoadError::UnknownType(t) => {
                write!(f, "这个草稿的报告类型（{t}）在这里找不到模板，暂时打不开；草稿原样保留，添加这种报告的模板后即可打开。")
            }
        }
    }
}

pub fn to_json(draft: &Draft, step: &str) -> String {
    let saved = Saved { version: VERSION, draft: draft.clone(), step: step.to_string() };
    // Serialising plain strings and maps cannot fail; fall back to an empty object regardless.
    serde_json::to_string(&saved).unwrap_or_else(|_| "{}".to_string())
}

/// A stored draft of the report type `template`.
pub fn from_json(text: &str, template: &Template) -> Result<Saved, LoadError> {
    let saved = read(text)?;
    if saved.draft.template != template.id {
        return Err(LoadError::WrongType(saved.draft.template));
    }
    Ok(saved)
}

/// A stored draft of any report type, with its template found by `find` (by the template id
/// the draft names). A type `find` does not know is `UnknownType`: the caller keeps the stored
/// text as it is.
pub fn from_json_any<'t>(text: &str, find: impl FnOnce(&str) -> Option<&'t Template>) -> Result<(Saved, &'t Template), LoadError> {
    let saved = read(text)?;
    match find(&saved.draft.template) {
        Some(template) => Ok((saved, template)),
        None => Err(LoadError::UnknownType(saved.draft.template)),
    }
}

/// The stored envelope, whatever report type its draft is of (`Saved::draft.template`).
pub fn read(text: &str) -> Result<Saved, LoadError> {
    /// Just the version, read first: the rest is read according to it.
    #[derive(Deserialize)]
    struct Header {
        version: Option<u64>,
    }
    let header: Header = serde_json::from_str(text).map_err(|e| LoadError::Malformed(short(&e)))?;
    let version = known_version(header.version, MIGRATIONS)?;
    // A current file is read straight into the types. Only an older one goes through
    // `serde_json::Value` for its migrations (which also keeps that code out of the bundle
    // while there are none).
    // (`known_version` refused anything newer, so with no migrations the version is current.)
    let saved: Saved = if MIGRATIONS.is_empty() || version == u64::from(VERSION) {
        serde_json::from_str(text).map_err(|e| LoadError::Malformed(short(&e)))?
    } else {
        let value = serde_json::from_str(text).map_err(|e| LoadError::Malformed(short(&e)))?;
        serde_json::from_value(migrate(value, MIGRATIONS)?).map_err(|e| LoadError::Malformed(short(&e)))?
    };
    Ok(saved)
}

/// The report type (template id) a stored draft or draft file is of: the page loads that
/// template first. `None` when the text is not a draft this build reads.
pub fn template_of(text: &str) -> Option<String> {
    read(text).ok().map(|s| s.draft.template)
}

/// The stored version, if this build can read it (after `migrations`).
fn known_version(version: Option<u64>, migrations: &[Migration]) -> Result<u64, LoadError> {
    let newest = 1 + migrations.len() as u64;
    match version {
        None => Err(LoadError::Malformed("缺少版本号".into())),
        Some(0) => Err(LoadError::Malformed("版本号无效".into())),
        Some(v) if v > newest => Err(LoadError::Newer(u32::try_from(v).unwrap_or(u32::MAX))),
        Some(v) => Ok(v),
    }
}

/// Bring an envelope of any known version up to the newest one `migrations` lead to.
fn migrate(mut value: serde_json::Value, migrations: &[Migration]) -> Result<serde_json::Value, LoadError> {
    let newest = 1 + migrations.len() as u64;
    let version = known_version(value.get("version").and_then(serde_json::Value::as_u64), migrations)?;
    for (from, step) in (version..newest).zip(&migrations[(version - 1) as usize..]) {
        step(&mut value).map_err(|why| LoadError::Malformed(format!("无法从第 {from} 版转换：{why}")))?;
        value["version"] = serde_json::Value::from(from + 1);
    }
    Ok(value)
}

/// serde's message without the Rust type names, which mean nothing to a clerk.
fn short(e: &serde_json::Error) -> String {
    format!("第 {} 行第 {} 列附近有误", e.line(), e.column())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::template::xuanren;

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
        for e in
            [LoadError::Malformed("x".into()), LoadError::Newer(2), LoadError::WrongType("y".into()), LoadError::UnknownType("z".into())]
        {
            assert!(e.to_string().chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)));
        }
    }

    /// A draft stored before template format 2 (the example as saved then: no item fields, the
    /// unit's name typed into its examples) opens as before and prints the same report.
    #[test]
    fn a_draft_stored_before_format_2_opens_as_before() {
        let t = xuanren();
        let old = include_str!("../../../tests/fixtures/draft-before-format-2.json");
        let saved = from_json(old, &t).expect("opens");
        assert_eq!(saved.step, "problems");
        let render = crate::domain::output::render::plain_text;
        assert_eq!(render(&t, &saved.draft), render(&t, &Draft::example(&t)));
        let (again, found) = from_json_any(old, |id| (id == t.id).then_some(&t)).expect("opens by its own type");
        assert_eq!((again, found.id.as_str()), (saved, "xuanren-report"));
    }

    /// A draft naming a report type nobody has a template for is not opened, with a message
    /// that says it is kept; reading it changes nothing.
    #[test]
    fn a_draft_of_an_unknown_type_is_refused_and_kept() {
        let t = xuanren();
        let stored = to_json(&Draft::example(&t), "opening").replacen("xuanren-report", "unit-own-report", 1);
        let copy = stored.clone();
        let err = from_json_any(&stored, |id| (id == t.id).then_some(&t)).unwrap_err();
        assert_eq!(err, LoadError::UnknownType("unit-own-report".into()));
        assert!(err.to_string().contains("草稿原样保留"), "{err}");
        assert_eq!(stored, copy);
        assert_eq!(read(&stored).map(|s| s.draft.template), Ok("unit-own-report".to_string()));
    }

    /// Version 1 stored the addressee under `to`; version 2 under `fields.addressee` (made up
    /// for the test: it exercises the chain, not a real change).
    fn rename_to(v: &mut serde_json::Value) -> Result<(), String> {
        let to = v["draft"].as_object_mut().and_then(|d| d.remove("to")).ok_or("缺少主送机关")?;
        v["draft"]["fields"]["addressee"] = to;
        Ok(())
    }
    fn add_step(v: &mut serde_json::Value) -> Result<(), String> {
        v["step"] = serde_json::Value::from("addressee");
        Ok(())
    }

    #[test]
    fn migrations_run_in_order_from_the_stored_version() {
        let chain: &[Migration] = &[rename_to, add_step];
        let v1 = serde_json::json!({"version": 1, "draft": {"to": "市委巡察组：", "fields": {}}});
        let v3 = migrate(v1, chain).expect("migrates");
        assert_eq!(v3["version"], 3);
        assert_eq!(v3["draft"]["fields"]["addressee"], "市委巡察组：");
        assert_eq!(v3["step"], "addressee");
        // A version-2 envelope skips the first step.
        let v2 = serde_json::json!({"version": 2, "draft": {"fields": {}}});
        assert_eq!(migrate(v2, chain).expect("migrates")["step"], "addressee");
        // A step that refuses says why; newer and version 0 are refused.
        let broken = serde_json::json!({"version": 1, "draft": {}});
        assert!(matches!(migrate(broken, chain), Err(LoadError::Malformed(m)) if m.contains("缺少主送机关")));
        assert_eq!(migrate(serde_json::json!({"version": 4}), chain), Err(LoadError::Newer(4)));
        assert!(matches!(migrate(serde_json::json!({"version": 0}), chain), Err(LoadError::Malformed(_))));
    }

    #[test]
    fn the_type_is_read_before_the_draft() {
        let t = xuanren();
        assert_eq!(template_of(&to_json(&Draft::example(&t), "opening")).as_deref(), Some("xuanren-report"));
        assert_eq!(template_of("{\"version\":1}"), None);
        assert_eq!(template_of("<html>"), None);
    }

    #[test]
    fn this_build_writes_the_newest_version() {
        assert_eq!(VERSION as usize, 1 + MIGRATIONS.len());
        let t = xuanren();
        let v: serde_json::Value = serde_json::from_str(&to_json(&Draft::new(&t), "")).expect("JSON");
        assert_eq!(v["version"], VERSION);
    }
}
