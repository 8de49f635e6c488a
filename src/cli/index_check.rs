//! `gongwen template check templates/index.json`: the list of templates beside the served page
//! (`{ "format": 2, "templates": [ { "id", "file", "name", "summary", "genre", "parts" } ] }`),
//! which an administrator extends by hand. Each entry's file must be a plain `.json` name in the
//! same folder, load as a template, and be listed as it is (id, name, and summary, genre and
//! part labels where given): the gallery shows the index, the draft uses the file.
use std::path::Path;

use serde_json::Value;

use super::choose::{self, Failed};
use crate::domain::model::template::Template;

/// Whether `value` is an index rather than a template: a `templates` list and no `parts`.
pub fn is_index(value: &Value) -> bool {
    value.get("templates").is_some_and(Value::is_array) && value.get("parts").is_none()
}

/// The problems of an index file `name` at `path` (already parsed as `value`), each a line
/// `文件 NAME：templates[i]：…`; empty when every entry is right. Also the number of entries.
pub fn problems(path: &Path, name: &str, value: &Value) -> (usize, Vec<String>) {
    let mut out = Vec::new();
    let folder = path.parent().unwrap_or(Path::new("."));
    if value.get("format").and_then(Value::as_u64) != Some(2) {
        out.push(format!("文件 {name}：format：模板索引的格式版本应是 2"));
    }
    let entries = value.get("templates").and_then(Value::as_array).map_or(&[][..], Vec::as_slice);
    for (i, entry) in entries.iter().enumerate() {
        let at = |what: String| format!("文件 {name}：templates[{i}]：{what}");
        let text = |key: &str| entry.get(key).and_then(Value::as_str);
        let (Some(id), Some(file), Some(_)) = (text("id"), text("file"), text("name")) else {
            out.push(at("缺少 id、file 或 name".to_string()));
            continue;
        };
        if !plain_file(file) {
            out.push(at(format!("file“{file}”应是同一文件夹里的 .json 文件名")));
            continue;
        }
        let template = match choose::file(&folder.join(file), file) {
            Ok(t) => t,
            Err(Failed::Unreadable(why) | Failed::Refused(why)) => {
                out.push(at(why));
                continue;
            }
        };
        out.extend(mismatches(entry, &template).into_iter().map(|m| at(format!("{m}（模板文件 {file} 里是“{id}”的模板）"))));
    }
    (entries.len(), out)
}

/// Where an entry lists its template otherwise than the file says.
fn mismatches(entry: &Value, t: &Template) -> Vec<String> {
    let mut out = Vec::new();
    let text = |key: &str| entry.get(key).and_then(Value::as_str);
    for (key, listed, actual) in [("id", text("id"), t.id.as_str()), ("name", text("name"), t.name.as_str())] {
        if listed != Some(actual) {
            out.push(format!("{key} 写的是“{}”，模板文件里是“{actual}”", listed.unwrap_or_default()));
        }
    }
    if let Some(summary) = text("summary") {
        if summary != t.summary {
            out.push(format!("summary 与模板文件里的“{}”不一致", t.summary));
        }
    }
    if let Some(genre) = text("genre") {
        let actual = serde_json::to_value(t.genre).ok();
        if actual.as_ref().and_then(Value::as_str) != Some(genre) {
            out.push(format!("genre 写的是“{genre}”，模板文件里是“{}”", actual.as_ref().and_then(Value::as_str).unwrap_or_default()));
        }
    }
    if let Some(parts) = entry.get("parts").and_then(Value::as_array) {
        let listed: Vec<&str> = parts.iter().filter_map(Value::as_str).collect();
        let actual: Vec<&str> = t.parts.iter().map(|p| p.label.as_str()).collect();
        if listed != actual {
            out.push(format!("parts 应是模板各部分的名称：{}", actual.join("、")));
        }
    }
    out
}

/// A file name the page may fetch from `templates/`: no folder, no `..`, `.json`.
fn plain_file(file: &str) -> bool {
    file.len() > ".json".len()
        && file.ends_with(".json")
        && !file.starts_with('.')
        && file.chars().all(|c| !matches!(c, '/' | '\\' | ':' | '?' | '#' | '%') && !c.is_control())
}
