//! `xtask templates DIST` (a step of `dist`) puts the report templates beside the page, in
//! `templates/` of the build: every `templates/*.json` without its indentation, and
//! `index.json`, the page's list of them (id, file, name, summary, genre, part labels; the
//! default first, then by file name, as `model::builtin::INDEX`), which a unit's administrator
//! extends with the unit's own templates. The served page fetches a template from there when a draft of
//! that type is created or opened (only the default one is built into the wasm), and reads the
//! index for a unit's own templates an administrator adds beside it. `single-file` embeds the
//! same files. Whether each template is valid is the app's own test (`model::gallery`); here a
//! file that is missing, not JSON, or not a plain name in the folder stops the build.
use serde_json::Value;
use std::path::{Path, PathBuf};

pub const DIR: &str = gongwen_shared::TEMPLATES_FOLDER;
pub const INDEX: &str = gongwen_shared::TEMPLATE_INDEX_FILE;
/// The report type listed first (`model::builtin::DEFAULT`).
const DEFAULT: &str = gongwen_shared::DEFAULT_TEMPLATE_ID;

/// One built-in template: its id, its file name, its compact JSON.
pub struct Built {
    pub id: String,
    pub file: String,
    pub json: String,
}

pub fn run(source: &Path, dist: &Path) -> Result<(), String> {
    let out = dist.join(DIR);
    let (index, built) = generate(&source.join(DIR))?;
    std::fs::create_dir_all(&out).map_err(|e| format!("无法创建 {}：{e}", out.display()))?;
    crate::html::write(&out.join(INDEX), index.as_bytes())?;
    for t in &built {
        crate::html::write(&out.join(&t.file), t.json.as_bytes())?;
    }
    println!("报告模板：{} 个，放在 {DIR}/（按需载入）", built.len());
    Ok(())
}

fn compact(path: &Path) -> Result<(Value, String), String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("读不了 {}：{e}", path.display()))?;
    let value: Value = serde_json::from_str(&text).map_err(|e| format!("{} 不是有效的 JSON：{e}", path.display()))?;
    let json = value.to_string();
    Ok((value, json))
}

/// The index (compact) of every template file in a folder, and the templates.
pub fn generate(dir: &Path) -> Result<(String, Vec<Built>), String> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("读不了 {}：{e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json") && p.file_name().is_some_and(|n| n != INDEX))
        .collect();
    files.sort();
    let mut listed = Vec::new();
    for path in files {
        let (t, json) = compact(&path)?;
        let file = path.file_name().and_then(|n| n.to_str()).ok_or_else(|| format!("{}：文件名不是 UTF-8", path.display()))?.to_string();
        let text = |key: &str| t[key].as_str().unwrap_or_default().to_string();
        let parts: Vec<Value> = t["parts"].as_array().map(|a| a.iter().map(|p| p["label"].clone()).collect()).unwrap_or_default();
        let entry = serde_json::json!({
            "id": text("id"), "file": file, "name": text("name"), "summary": text("summary"),
            "genre": t["genre"].as_str().unwrap_or("report"), "parts": parts,
        });
        listed.push((entry, Built { id: text("id"), file, json }));
    }
    listed.sort_by_key(|(_, b)| b.id != DEFAULT);
    if listed.first().is_none_or(|(_, b)| b.id != DEFAULT) {
        return Err(format!("{} 里没有 id 为 {DEFAULT} 的模板", dir.display()));
    }
    let (entries, built): (Vec<Value>, Vec<Built>) = listed.into_iter().unzip();
    Ok((serde_json::json!({ "format": 2, "templates": entries }).to_string(), built))
}

/// The index (compact) and the templates it lists, from a folder of template files.
pub fn read(dir: &Path) -> Result<(String, Vec<Built>), String> {
    let (index, index_json) = compact(&dir.join(INDEX))?;
    let entries = index["templates"].as_array().ok_or_else(|| format!("{} 里没有 templates 列表", dir.join(INDEX).display()))?;
    let mut built = Vec::new();
    for (i, entry) in entries.iter().enumerate() {
        let (Some(id), Some(file)) = (entry["id"].as_str(), entry["file"].as_str()) else {
            return Err(format!("{INDEX} 的 templates[{i}] 缺少 id 或 file"));
        };
        if file.contains(['/', '\\']) || file.starts_with('.') || !file.ends_with(".json") || file == INDEX {
            return Err(format!("{INDEX} 的 templates[{i}]：file“{file}”应是 {DIR}/ 里的 .json 文件名"));
        }
        let (template, json) = compact(&dir.join(file))?;
        if template["id"].as_str() != Some(id) {
            return Err(format!("{DIR}/{file} 的 id 与 {INDEX} 里的“{id}”不一致"));
        }
        built.push(Built { id: id.to_string(), file: file.to_string(), json });
    }
    Ok((index_json, built))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_repository_s_templates_are_all_listed_default_first_and_read_back() {
        let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(DIR);
        let (index, built) = generate(&source).unwrap();
        assert_eq!(built.first().map(|t| t.id.as_str()), Some(DEFAULT));
        assert!(!index.contains('\n') && built.iter().all(|t| !t.json.contains("\n  ")), "written without indentation");
        let out = tempfile_dir();
        std::fs::write(out.join(INDEX), &index).unwrap();
        for t in &built {
            std::fs::write(out.join(&t.file), &t.json).unwrap();
        }
        let (again, listed) = read(&out).unwrap();
        assert_eq!(again, index);
        assert_eq!(listed.iter().map(|t| &t.id).collect::<Vec<_>>(), built.iter().map(|t| &t.id).collect::<Vec<_>>());
        let first: Value = serde_json::from_str(&index).unwrap();
        assert_eq!(first["templates"][0]["file"], "xuanren.json");
        assert!(first["templates"][0]["parts"].as_array().is_some_and(|p| p.len() >= 8), "{index}");
    }

    #[test]
    fn a_missing_mismatched_or_outside_file_stops_the_build() {
        let dir = tempfile_dir();
        let write = |name: &str, text: &str| std::fs::write(dir.join(name), text).unwrap();
        write("a.json", r#"{"id":"a"}"#);
        write(INDEX, r#"{"format":2,"templates":[{"id":"a","file":"a.json"},{"id":"b","file":"b.json"}]}"#);
        assert!(read(&dir).err().unwrap().contains("b.json"));
        write(INDEX, r#"{"format":2,"templates":[{"id":"b","file":"a.json"}]}"#);
        assert!(read(&dir).err().unwrap().contains("不一致"));
        write(INDEX, r#"{"format":2,"templates":[{"id":"a","file":"../a.json"}]}"#);
        assert!(read(&dir).err().unwrap().contains("文件名"));
        write(INDEX, r#"{"format":2,"templates":[{"id":"a","file":"a.json"}]}"#);
        assert_eq!(read(&dir).unwrap().1.len(), 1);
    }

    fn tempfile_dir() -> PathBuf {
        static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!("xtask-templates-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }
}
