//! The report desk's gallery: which report types the page offers a new draft, and where each
//! template comes from. Plain data over the index format of `templates/index.json`
//! (`{ "format": 2, "templates": [ { "id", "file", "name", "summary", "genre", "parts" } ] }`):
//! the built-in index is embedded in the app; a unit's own index beside the served page adds
//! its templates; templates a clerk opened from disk are kept in the browser and listed too.
use serde::Serialize;

use crate::domain::model::builtin;
use crate::domain::model::json::{Obj, Read};
use crate::domain::model::template::{Genre, Template};

/// The index format this build reads (the template format it goes with).
pub const INDEX_FORMAT: u32 = 2;
/// Where the served page finds the templates it does not embed, beside itself.
pub const TEMPLATES_DIR: &str = gongwen_shared::TEMPLATES_DIR;
/// The index of the templates beside the page.
pub const INDEX_FILE: &str = gongwen_shared::TEMPLATE_INDEX_FILE;

/// One report type as the index lists it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct IndexEntry {
    pub id: String,
    /// The template's file name in `templates/` (a plain name ending `.json`).
    pub file: String,
    pub name: String,
    /// One line on when this report is written.
    pub summary: String,
    pub genre: Genre,
    /// The labels of its parts, in order.
    pub parts: Vec<String>,
}

fn entry(o: Obj) -> Read<IndexEntry> {
    Ok(IndexEntry {
        id: o.text("id")?,
        file: o.text("file")?,
        name: o.text("name")?,
        summary: o.text_or_empty("summary")?,
        genre: crate::domain::model::template::genre_of(&o, "genre")?,
        parts: o.texts("parts")?,
    })
}

/// An index as far as it could be read: the good entries, and a Chinese sentence for each
/// problem (the whole file, or one entry by its number and place), which the page shows the
/// clerk while it still lists the good entries.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct IndexRead {
    pub entries: Vec<IndexEntry>,
    pub problems: Vec<String>,
}

/// Where the page's index is, as its messages name it.
const INDEX_NAME: &str = "本单位模板目录 templates/index.json";

/// Read an index file entry by entry: one that cannot be read (a field missing or mistyped, no
/// id or name, a `file` that is not a plain `.json` name in the same folder — `../index.html`,
/// an absolute path, a backslash) is skipped and named; the others are kept. A file that is not
/// JSON at all gives no entries and the line where it breaks.
pub fn read_index(json: &str) -> IndexRead {
    let whole =
        |why: String| IndexRead { entries: Vec::new(), problems: vec![format!("{INDEX_NAME} {why}，只列出内置的报告类型。")] };
    if let Some(line) = super::limits::too_deep(json, super::limits::MAX_NESTING) {
        return whole(format!("第 {line} 行的嵌套层数超过 {} 层，无法读取", super::limits::MAX_NESTING));
    }
    let value: serde_json::Value = match serde_json::from_str(json) {
        Ok(v) => v,
        Err(e) => return whole(format!("第 {} 行第 {} 列附近有误（常见的是多了或少了逗号、引号），无法读取", e.line(), e.column())),
    };
    let index = match Obj::root(&value) {
        Ok(o) => o,
        Err(e) => return whole(format!("不是一组内容（{e}），无法读取")),
    };
    match index.number("format") {
        Ok(f) if f > u64::from(INDEX_FORMAT) => return whole(format!("的格式版本 {f} 比本程序新，请更新公文起草助手")),
        Ok(_) => {}
        Err(e) => return whole(format!("的 {e}")),
    }
    let mut out = IndexRead::default();
    let list = match index.objects("templates", true, Ok) {
        Ok(list) => list,
        Err(e) => return whole(format!("的 {e}")),
    };
    for (i, o) in list.into_iter().enumerate() {
        let n = i + 1;
        let e = match entry(o) {
            Ok(e) => e,
            Err(e) => {
                out.problems.push(format!("{INDEX_NAME} 的第 {n} 项有误（{e}），已跳过这一项。"));
                continue;
            }
        };
        if e.id.trim().is_empty() || e.name.trim().is_empty() {
            out.problems.push(format!("{INDEX_NAME} 的第 {n} 项（templates[{i}]）缺少 id 或 name，已跳过这一项。"));
        } else if !is_plain_file(&e.file) {
            out.problems.push(format!(
                "{INDEX_NAME} 的第 {n} 项（templates[{i}]）“{}”的 file“{}”不是 templates 文件夹里的 .json 文件名（不能含 ../、/、\\ 或盘符），已跳过这一项。",
                e.name, e.file
            ));
        } else {
            out.entries.push(e);
        }
    }
    out
}

/// Read an index file whole (the command line's `template check`): any problem refuses it, with
/// the place named (`templates[2]`).
pub fn parse_index(json: &str) -> Result<Vec<IndexEntry>, String> {
    let read = read_index(json);
    match read.problems.first() {
        Some(_) => Err(read.problems.join("")),
        None => Ok(read.entries),
    }
}

/// A file name the page may fetch from `templates/`: no folder, no `..`, no scheme, `.json`.
pub fn is_plain_file(file: &str) -> bool {
    file.ends_with(".json")
        && file.len() > ".json".len()
        && !file.starts_with('.')
        && file.chars().all(|c| !matches!(c, '/' | '\\' | ':' | '?' | '#' | '%') && !c.is_control())
}

/// The address of an entry's template, relative to the page.
pub fn url_of(entry: &IndexEntry) -> String {
    format!("{TEMPLATES_DIR}{}", entry.file)
}

/// Where a report type in the gallery comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// Built into the app.
    Builtin,
    /// Listed in the unit's `templates/index.json` beside the page.
    Unit,
    /// Opened by the clerk from a file and kept in this browser.
    Opened,
}

impl Origin {
    /// The mark the gallery and 我的草稿 put on a template a unit added itself.
    pub fn mark(self) -> Option<&'static str> {
        match self {
            Origin::Builtin => None,
            Origin::Unit | Origin::Opened => Some(UNIT_MARK),
        }
    }
}

pub const UNIT_MARK: &str = "本单位模板";

#[derive(Clone, Debug, PartialEq)]
pub struct Choice {
    pub entry: IndexEntry,
    pub origin: Origin,
}

/// The gallery: the built-in report types in their order, then the unit's own (an entry whose
/// id is built in is the built-in one: a unit cannot replace it), then those opened from files
/// that neither lists.
pub fn gallery(builtin: &[IndexEntry], unit: &[IndexEntry], opened: &[IndexEntry]) -> Vec<Choice> {
    let mut out: Vec<Choice> = builtin.iter().map(|e| Choice { entry: e.clone(), origin: Origin::Builtin }).collect();
    for (list, origin) in [(unit, Origin::Unit), (opened, Origin::Opened)] {
        for e in list {
            if !out.iter().any(|c| c.entry.id == e.id) {
                out.push(Choice { entry: e.clone(), origin });
            }
        }
    }
    out
}

/// How 我的草稿 names a draft's report type: its name in the gallery, marked when it is a
/// unit's own; a type the page does not know is named by its id.
pub fn type_label(choices: &[Choice], id: &str) -> String {
    match choices.iter().find(|c| c.entry.id == id) {
        Some(c) => match c.origin.mark() {
            Some(mark) => format!("{}（{mark}）", c.entry.name),
            None => c.entry.name.clone(),
        },
        None => format!("未知报告类型（{id}）"),
    }
}

/// The entry where a template's file can be fetched, if an index lists it.
pub fn entry_for<'a>(choices: &'a [Choice], id: &str) -> Option<&'a IndexEntry> {
    choices.iter().find(|c| c.entry.id == id && c.origin != Origin::Opened).map(|c| &c.entry)
}

/// A template opened from a file, as the gallery lists it.
pub fn entry_of(template: &Template, file: &str) -> IndexEntry {
    IndexEntry {
        id: template.id.clone(),
        file: file.to_string(),
        name: template.name.clone(),
        summary: template.summary.clone(),
        genre: template.genre,
        parts: template.parts.iter().map(|p| p.label.clone()).collect(),
    }
}

/// Whether a template opened from a file may be kept: its id must not be a built-in one (a file
/// never replaces a built-in report type). `Err` is the Chinese reason.
pub fn may_add(template: &Template, builtin: &[IndexEntry]) -> Result<(), String> {
    match builtin.iter().find(|e| e.id == template.id) {
        Some(e) => Err(format!("它的 id“{}”与内置的“{}”相同，请给模板另起一个 id", template.id, e.name)),
        None if template.id.trim().is_empty() => Err("它没有 id".to_string()),
        None => Ok(()),
    }
}

/// The built-in report types (`model::builtin::INDEX`), the default first.
pub fn builtin_index() -> Vec<IndexEntry> {
    builtin::INDEX
        .iter()
        .map(|e| IndexEntry {
            id: e.id.into(),
            file: e.file.into(),
            name: e.name.into(),
            summary: e.summary.into(),
            genre: e.genre,
            parts: e.parts.iter().map(|p| p.to_string()).collect(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(id: &str, file: &str) -> IndexEntry {
        IndexEntry {
            id: id.into(),
            file: file.into(),
            name: format!("{id}报告"),
            summary: String::new(),
            genre: Genre::Report,
            parts: vec![],
        }
    }

    #[test]
    fn the_builtin_index_lists_the_default_first_each_with_a_file_the_page_can_fetch() {
        let index = builtin_index();
        assert_eq!(index.first().map(|e| e.id.as_str()), Some(builtin::DEFAULT));
        assert_eq!(index.len(), builtin::INDEX.len());
        for e in &index {
            assert!(is_plain_file(&e.file), "{}", e.file);
            assert!(!e.summary.is_empty() && !e.parts.is_empty(), "{} has a summary and parts in the gallery", e.id);
            let t = builtin::load(&e.id).and_then(Result::ok).unwrap_or_else(|| panic!("{} loads natively", e.id));
            assert_eq!(entry_of(&t, &e.file), *e, "the gallery says of {} what its file says", e.id);
        }
    }

    #[test]
    fn a_broken_or_newer_index_is_refused_with_the_place() {
        assert!(parse_index("{").unwrap_err().contains("第 1 行"));
        assert!(parse_index(r#"{"format":3,"templates":[]}"#).unwrap_err().contains("格式版本 3"));
        let nameless = r#"{"format":2,"templates":[{"id":"a","file":"a.json","name":""}]}"#;
        assert!(parse_index(nameless).unwrap_err().contains("templates[0]"));
        let outside = r#"{"format":2,"templates":[{"id":"a","file":"a.json","name":"甲"},{"id":"b","file":"../x.json","name":"乙"}]}"#;
        assert!(parse_index(outside).unwrap_err().contains("templates[1]"));
        let ok = r#"{"format":2,"templates":[{"id":"a","file":"本单位.json","name":"甲"}]}"#;
        assert_eq!(parse_index(ok).map(|v| v.len()), Ok(1));
    }

    /// The page lists the good entries of a broken index and says what is wrong with the rest,
    /// each sentence ending in 。.
    #[test]
    fn a_broken_index_keeps_its_good_entries_and_names_the_rest() {
        let trailing = "{\"format\":2,\"templates\":[\n{\"id\":\"a\",\"file\":\"a.json\",\"name\":\"甲\"},\n]}";
        let r = read_index(trailing);
        assert!(r.entries.is_empty());
        assert_eq!(r.problems.len(), 1);
        assert!(r.problems[0].contains("第 3 行") && r.problems[0].contains("只列出内置的报告类型"), "{:?}", r.problems);
        let mixed = r#"{"format":2,"templates":[
            {"id":"a","file":"a.json","name":"甲"},
            {"id":"b","file":"../index.html","name":"乙"},
            {"id":"c","file":"/etc/c.json","name":"丙"},
            {"id":"d","file":"sub\\d.json","name":"丁"},
            {"id":"e","file":"e.json","name":"戊","parts":"一"},
            {"id":"f","file":"f.json","name":"己"}]}"#;
        let r = read_index(mixed);
        let ids: Vec<&str> = r.entries.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["a", "f"], "{:?}", r.problems);
        assert_eq!(r.problems.len(), 4, "{:?}", r.problems);
        assert!(r.problems[0].contains("第 2 项（templates[1]）“乙”的 file“../index.html”"), "{}", r.problems[0]);
        assert!(r.problems[1].contains("“/etc/c.json”") && r.problems[2].contains("sub\\d.json"), "{:?}", r.problems);
        assert!(r.problems[3].contains("第 5 项") && r.problems[3].contains("templates[4].parts"), "{}", r.problems[3]);
        for p in &r.problems {
            assert!(p.ends_with('。') && p.matches('。').count() == 1, "one sentence: {p}");
        }
        assert!(parse_index(mixed).is_err());
        let deep = format!("{{\"format\":2,\"templates\":{}{}}}", "[".repeat(1000), "]".repeat(1000));
        assert!(read_index(&deep).problems[0].contains("嵌套层数"));
    }

    #[test]
    fn only_plain_json_names_are_fetched() {
        for good in ["a.json", "本单位-述职.json"] {
            assert!(is_plain_file(good), "{good}");
        }
        for bad in ["a.txt", ".json", "../a.json", "x/a.json", "http://h/a.json", "a.json?x", "..json", "a\\b.json"] {
            assert!(!is_plain_file(bad), "{bad}");
        }
        assert_eq!(url_of(&entry("a", "a.json")), "templates/a.json");
    }

    #[test]
    fn the_gallery_keeps_builtins_first_and_marks_what_a_unit_added() {
        let builtin = [entry("xuanren-report", "xuanren.json")];
        let unit = [entry("xuanren-report", "mine.json"), entry("own", "own.json")];
        let opened = [entry("own", "own.json"), entry("disk", "disk.json")];
        let g = gallery(&builtin, &unit, &opened);
        let seen: Vec<(&str, Origin)> = g.iter().map(|c| (c.entry.id.as_str(), c.origin)).collect();
        assert_eq!(seen, [("xuanren-report", Origin::Builtin), ("own", Origin::Unit), ("disk", Origin::Opened)]);
        assert_eq!(g[0].entry.file, "xuanren.json", "a unit cannot replace a built-in type");
        assert_eq!(type_label(&g, "xuanren-report"), "xuanren-report报告");
        assert_eq!(type_label(&g, "own"), "own报告（本单位模板）");
        assert_eq!(type_label(&g, "gone"), "未知报告类型（gone）");
        assert_eq!(entry_for(&g, "own").map(|e| e.file.as_str()), Some("own.json"));
        assert_eq!(entry_for(&g, "disk"), None, "a template from a file is never fetched");
    }

    #[test]
    fn a_file_may_not_take_a_builtin_id() {
        let t = crate::domain::model::template::xuanren();
        let builtin = builtin_index();
        assert!(may_add(&t, &builtin).unwrap_err().contains("选人用人工作情况报告"));
        let own = Template { id: "own".into(), ..t.clone() };
        assert_eq!(may_add(&own, &builtin), Ok(()));
        let e = entry_of(&own, "own.json");
        assert_eq!((e.id.as_str(), e.parts.len()), ("own", t.parts.len()));
    }

    /// The browser tests' templates (`tests/fixtures/templates/`): the unit's own one loads and
    /// its example is a clean report; each broken one is refused naming what is wrong.
    #[test]
    fn the_test_templates_are_what_the_browser_tests_say() {
        let own = Template::from_json(include_str!("../../../tests/fixtures/unit-templates/unit-quarterly.json"))
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(may_add(&own, &builtin_index()), Ok(()));
        let example = crate::domain::model::draft::Draft::example(&own);
        let findings = crate::domain::check::check_draft(&own, &example);
        let serious: Vec<_> = findings.iter().filter(|f| f.finding.severity != crate::domain::check::Severity::Hint).collect();
        assert!(serious.is_empty(), "{serious:#?}");
        let refused = |json: &str| Template::from_json(json).map(|_| ()).unwrap_err().to_string();
        assert!(refused(include_str!("../../../tests/fixtures/unit-templates/broken-json.json")).contains("第 3 行"));
        assert!(refused(include_str!("../../../tests/fixtures/unit-templates/newer-format.json")).contains("格式版本 3"));
        assert!(refused(include_str!("../../../tests/fixtures/unit-templates/undeclared-slot.json")).contains("{unit}"));
        let clash = Template::from_json(include_str!("../../../tests/fixtures/unit-templates/builtin-id.json")).unwrap();
        assert!(may_add(&clash, &builtin_index()).unwrap_err().contains("内置"));
    }
}
