//! 我的草稿: the list of the clerk's drafts (id, title, last change), newest first, with the one
//! being edited and the last deletion (kept until it is undone or a newer deletion replaces it).
//! Plain data: `library_store` keeps it, with each draft's text, in a key-value store.
use serde::{Deserialize, Serialize};

use crate::domain::model::draft::Draft;
use crate::domain::model::template::Template;
use crate::domain::store::revision::Rev;

/// The title of a draft whose report title has no figure filled in yet.
pub const UNTITLED: &str = "未命名草稿";
/// The longest name a clerk may give a draft, in characters.
pub const MAX_TITLE: usize = 100;
/// The index format this build writes.
pub const VERSION: u32 = 1;
/// The name of the example when it is put into a draft of its own.
pub const EXAMPLE_NAME: &str = "示例";
/// The name of an imported report whose title has none of the report's figures.
pub const IMPORTED_NAME: &str = "导入的旧报告";

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub id: String,
    pub title: String,
    /// Last change, ms since 1970 (the browser's clock); 0 when unknown.
    pub changed: f64,
    /// Named by the clerk: the title no longer follows the report's title.
    #[serde(default)]
    pub renamed: bool,
    /// The stored draft's revision (`revision::Rev`; none, i.e. 0, in lists stored before).
    #[serde(default, skip_serializing_if = "Rev::is_zero")]
    pub rev: Rev,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Deleted {
    pub entry: Entry,
    /// Where it was in the list, so undo puts it back there.
    pub at: usize,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Library {
    pub version: u32,
    /// Newest first.
    pub drafts: Vec<Entry>,
    /// The draft on screen, opened again after a reload.
    #[serde(default)]
    pub active: String,
    #[serde(default)]
    pub deleted: Option<Deleted>,
}

/// The report's title as a draft's title: `None` while none of its figures is filled in.
pub fn report_title(template: &Template, draft: &Draft) -> Option<String> {
    let title = crate::domain::output::render::title(template, draft);
    (title != crate::domain::output::render::title(template, &Draft::new(template))).then_some(title)
}

/// How a new draft is listed.
#[derive(Clone, Debug, PartialEq)]
pub enum Name {
    /// By its report's title (未命名草稿 while it has none), which it follows as the report changes.
    Report(Option<String>),
    /// By a name of its own, kept as a name the clerk typed is (重命名 changes it).
    Given(String),
}

/// How a draft brought in from outside (a draft file, an old report) is listed: by its report's
/// title, which it then follows like any draft; while none of the title's figures is filled in,
/// by `fallback` (the file's name, 导入的旧报告), so that it is not one more 未命名草稿.
pub fn incoming_name(report_title: Option<String>, fallback: Option<String>) -> Name {
    match (report_title, fallback) {
        (None, Some(name)) => Name::Given(name),
        (title, _) => Name::Report(title),
    }
}

/// A file's name as a draft's name: without its extension (`.json`), trimmed, at most
/// `MAX_TITLE` characters; `None` when nothing is left.
pub fn name_from_file(file: &str) -> Option<String> {
    let stem = match file.rsplit_once('.') {
        Some((stem, ext)) if !stem.trim().is_empty() && !ext.is_empty() => stem,
        _ => file,
    };
    let name: String = stem.trim().chars().take(MAX_TITLE).collect();
    clean_title(&name).ok()
}

/// A draft title the clerk typed, trimmed; refused (with a message) when empty or too long.
pub fn clean_title(name: &str) -> Result<String, String> {
    let name = name.trim();
    if name.is_empty() {
        return Err("草稿名称不能为空，请输入一个名称。".to_string());
    }
    if name.chars().count() > MAX_TITLE {
        return Err(format!("草稿名称太长，请不要超过 {MAX_TITLE} 个字。"));
    }
    Ok(name.to_string())
}

/// Whether `id` is one this module makes (`d` and lowercase letters, digits or `-`). Other keys
/// under the drafts' prefix, like the old autosave's `v1`, are never taken for a draft.
pub fn is_valid_id(id: &str) -> bool {
    id.len() >= 2 && id.len() <= 40 && id.starts_with('d') && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// A new id from the clock, different from every id `taken` knows.
pub fn fresh_id(now: f64, taken: impl Fn(&str) -> bool) -> String {
    let base = format!("d{}", base36(if now.is_finite() && now > 0.0 { now as u64 } else { 0 }));
    (1u32..).map(|n| if n == 1 { base.clone() } else { format!("{base}-{n}") }).find(|id| !taken(id)).unwrap_or(base)
}

/// The creation order an id records: (time, then the number added when the time was taken).
pub fn id_age(id: &str) -> (u64, u32) {
    let rest = id.strip_prefix('d').unwrap_or(id);
    let (time, n) = rest.split_once('-').unwrap_or((rest, "1"));
    (u64::from_str_radix(time, 36).unwrap_or(0), n.parse().unwrap_or(0))
}

pub(crate) fn base36(mut n: u64) -> String {
    let mut digits = Vec::new();
    loop {
        digits.push(char::from_digit((n % 36) as u32, 36).unwrap_or('0'));
        n /= 36;
        if n == 0 {
            break;
        }
    }
    digits.iter().rev().collect()
}

impl Library {
    pub fn new() -> Self {
        Library { version: VERSION, ..Library::default() }
    }

    pub fn get(&self, id: &str) -> Option<&Entry> {
        self.drafts.iter().find(|e| e.id == id)
    }

    /// Whether `id` is in the list or is the deletion that can still be undone.
    pub fn knows(&self, id: &str) -> bool {
        self.get(id).is_some() || self.deleted.as_ref().is_some_and(|d| d.entry.id == id)
    }

    /// The title a draft shows: the clerk's name for it, else its report's title, else 未命名草稿.
    pub fn title_of(&self, id: &str, report_title: Option<String>) -> String {
        match self.get(id) {
            Some(e) if e.renamed => e.title.clone(),
            _ => report_title.unwrap_or_else(|| UNTITLED.to_string()),
        }
    }

    /// Add a draft at the top of the list.
    pub fn add(&mut self, entry: Entry) {
        self.drafts.retain(|e| e.id != entry.id);
        self.drafts.insert(0, entry);
    }

    /// A new entry for a new draft: its report title, or 未命名草稿.
    pub fn new_entry(&self, id: String, report_title: Option<String>, now: f64) -> Entry {
        Entry { id, title: report_title.unwrap_or_else(|| UNTITLED.to_string()), changed: now, renamed: false, rev: Rev::default() }
    }

    /// A new entry listed under `name`.
    pub fn named_entry(&self, id: String, name: Name, now: f64) -> Entry {
        match name {
            Name::Report(title) => self.new_entry(id, title, now),
            Name::Given(title) => Entry { id, title, changed: now, renamed: true, rev: Rev::default() },
        }
    }

    /// A file, an old report or the example was put into the draft `id` (which held nothing
    /// that could be lost): it takes `name`, unless the clerk has named it already.
    pub fn adopt(&mut self, id: &str, name: Name) {
        if let (Some(entry), Name::Given(title)) = (self.drafts.iter_mut().find(|e| e.id == id), name) {
            if !entry.renamed {
                entry.title = title;
                entry.renamed = true;
            }
        }
    }

    /// The draft was saved: its title follows the report's title (unless the clerk named it) and,
    /// when its text changed (`changed` is the time), it moves to the top. An id the list lacks is
    /// added, so a saved draft is always listed.
    pub fn touch(&mut self, id: &str, report_title: Option<String>, changed: Option<f64>) {
        let Some(at) = self.drafts.iter().position(|e| e.id == id) else {
            // Saved after its deletion (the page could not open another draft): it is back.
            if self.deleted.as_ref().is_some_and(|d| d.entry.id == id) {
                self.deleted = None;
            }
            let entry = self.new_entry(id.to_string(), report_title, changed.unwrap_or(0.0));
            self.add(entry);
            return;
        };
        self.drafts[at].title = self.title_of(id, report_title);
        if let Some(now) = changed {
            let mut entry = self.drafts.remove(at);
            entry.changed = now;
            self.drafts.insert(0, entry);
        }
    }

    pub fn rename(&mut self, id: &str, name: &str) -> Result<(), String> {
        let name = clean_title(name)?;
        let entry = self.drafts.iter_mut().find(|e| e.id == id).ok_or_else(gone)?;
        entry.title = name;
        entry.renamed = true;
        Ok(())
    }

    /// The entry of a copy of `id`: 「…（副本）」, at the top. Its text is copied by the caller.
    pub fn duplicate(&mut self, id: &str, new_id: String, now: f64) -> Result<Entry, String> {
        let source = self.get(id).ok_or_else(gone)?;
        let entry = Entry { id: new_id, title: format!("{}（副本）", source.title), changed: now, renamed: true, rev: Rev::default() };
        self.add(entry.clone());
        Ok(entry)
    }

    /// Take `id` out of the list, keeping it for undo. Returns the older deletion it replaces,
    /// whose text may now be thrown away.
    pub fn delete(&mut self, id: &str) -> Result<Option<Entry>, String> {
        let at = self.drafts.iter().position(|e| e.id == id).ok_or_else(gone)?;
        let entry = self.drafts.remove(at);
        if self.active == id {
            self.active.clear();
        }
        Ok(self.deleted.replace(Deleted { entry, at }).map(|d| d.entry))
    }

    /// Put the last deleted draft back where it was.
    pub fn undo_delete(&mut self) -> Option<Entry> {
        let Deleted { entry, at } = self.deleted.take()?;
        self.drafts.retain(|e| e.id != entry.id);
        self.drafts.insert(at.min(self.drafts.len()), entry.clone());
        Some(entry)
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|_| "{}".to_string())
    }

    /// The stored index; `Err` when it is broken or newer than this build (the caller then
    /// rebuilds the list from the stored drafts).
    pub fn from_json(text: &str) -> Result<Library, String> {
        let library: Library = serde_json::from_str(text).map_err(|e| format!("第 {} 行第 {} 列附近有误", e.line(), e.column()))?;
        if library.version > VERSION {
            return Err(format!("由较新版本保存（格式版本 {}）", library.version));
        }
        let mut seen = std::collections::HashSet::new();
        if library.drafts.iter().any(|e| !is_valid_id(&e.id) || !seen.insert(e.id.clone())) {
            return Err("列表中的草稿编号有误".to_string());
        }
        Ok(library)
    }
}

fn gone() -> String {
    "这份草稿已不在列表里，可能已在另一个窗口中删除。".to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::template::xuanren;

    fn entry(id: &str, title: &str, changed: f64) -> Entry {
        Entry { id: id.into(), title: title.into(), changed, renamed: false, rev: Rev::default() }
    }

    fn three() -> Library {
        let mut l = Library::new();
        for (id, title, t) in [("da", "甲", 1.0), ("db", "乙", 2.0), ("dc", "丙", 3.0)] {
            l.add(entry(id, title, t));
        }
        l
    }

    fn ids(l: &Library) -> Vec<&str> {
        l.drafts.iter().map(|e| e.id.as_str()).collect()
    }

    #[test]
    fn a_new_draft_is_titled_from_the_report_or_untitled() {
        let t = xuanren();
        let mut d = Draft::new(&t);
        assert_eq!(report_title(&t, &d), None);
        d.set_slot("unit", "高新区党工委".into());
        let partial = report_title(&t, &d).expect("a title once a figure is in");
        assert!(partial.contains("高新区党工委") && partial.contains("＿＿"), "{partial}");
        let l = Library::new();
        assert_eq!(l.new_entry("dx".into(), None, 5.0).title, UNTITLED);
        assert_eq!(
            l.new_entry("dx".into(), report_title(&t, &Draft::example(&t)), 5.0).title,
            "关于党工委领导班子2022年以来选人用人工作情况的报告"
        );
    }

    #[test]
    fn a_draft_from_outside_is_named_by_its_report_else_by_where_it_came_from() {
        let t = xuanren();
        let titled = report_title(&t, &Draft::example(&t));
        assert_eq!(incoming_name(titled.clone(), Some("去年的.json".into())), Name::Report(titled));
        assert_eq!(incoming_name(None, Some("张三的初稿".into())), Name::Given("张三的初稿".into()));
        assert_eq!(incoming_name(None, None), Name::Report(None));

        assert_eq!(name_from_file("关于……的报告（草稿）.json").as_deref(), Some("关于……的报告（草稿）"));
        assert_eq!(name_from_file(" 初稿 v2.JSON").as_deref(), Some("初稿 v2"));
        assert_eq!(name_from_file("旧稿").as_deref(), Some("旧稿"));
        assert_eq!(name_from_file("a.b.json").as_deref(), Some("a.b"));
        assert_eq!(name_from_file(".json").as_deref(), Some(".json"));
        assert_eq!(name_from_file(" \u{3000} "), None);
        assert_eq!(name_from_file(""), None);
        let long = format!("{}.json", "字".repeat(MAX_TITLE + 20));
        assert_eq!(name_from_file(&long).map(|n| n.chars().count()), Some(MAX_TITLE));

        let l = Library::new();
        let given = l.named_entry("dx".into(), Name::Given(EXAMPLE_NAME.into()), 5.0);
        assert_eq!((given.title.as_str(), given.renamed), (EXAMPLE_NAME, true));
        assert_eq!(l.named_entry("dx".into(), Name::Report(None), 5.0), l.new_entry("dx".into(), None, 5.0));
    }

    #[test]
    fn content_put_into_the_open_draft_names_it_unless_the_clerk_did() {
        let mut l = three();
        l.adopt("da", Name::Given(EXAMPLE_NAME.into()));
        assert_eq!((l.drafts[2].title.as_str(), l.drafts[2].renamed), (EXAMPLE_NAME, true));
        // Its name now stays when the report's title changes.
        l.touch("da", Some("关于……的报告".into()), Some(9.0));
        assert_eq!(l.drafts[0].title, EXAMPLE_NAME);
        // A report title is left to the autosave; a name the clerk gave is kept; an unknown id changes nothing.
        l.adopt("db", Name::Report(Some("关于……的报告".into())));
        assert_eq!((l.get("db").map(|e| e.title.as_str()), l.get("db").map(|e| e.renamed)), (Some("乙"), Some(false)));
        l.rename("dc", "给巡察组的").expect("renamed");
        l.adopt("dc", Name::Given("去年的".into()));
        assert_eq!(l.get("dc").map(|e| e.title.as_str()), Some("给巡察组的"));
        let before = l.clone();
        l.adopt("dq", Name::Given("去年的".into()));
        assert_eq!(l, before);
    }

    #[test]
    fn ids_are_fresh_and_never_the_old_keys() {
        // 1 700 000 000 000 ms is loyw3v28 in base 36.
        assert_eq!(fresh_id(1_700_000_000_000.0, |_| false), "dloyw3v28");
        let taken = ["dloyw3v28", "dloyw3v28-2"];
        let id = fresh_id(1_700_000_000_000.0, |id| taken.contains(&id));
        assert_eq!(id, "dloyw3v28-3");
        assert!(is_valid_id(&id));
        assert_eq!(id_age(&id), (1_700_000_000_000, 3));
        assert!(id_age("dloyw3v28-12") > id_age("dloyw3v28-3"));
        assert!(id_age(&fresh_id(1_700_000_000_001.0, |_| false)) > id_age(&id));
        assert!(is_valid_id(&fresh_id(f64::NAN, |_| false)));
        for not_a_draft in ["v1", "unreadable", "d", "dA", "d.x", ""] {
            assert!(!is_valid_id(not_a_draft), "{not_a_draft}");
        }
    }

    #[test]
    fn editing_moves_a_draft_to_the_top_and_its_title_follows_the_report() {
        let mut l = three();
        assert_eq!(ids(&l), ["dc", "db", "da"]);
        l.touch("da", Some("关于……的报告".into()), Some(9.0));
        assert_eq!(ids(&l), ["da", "dc", "db"]);
        assert_eq!((l.drafts[0].title.as_str(), l.drafts[0].changed), ("关于……的报告", 9.0));
        // Opening without a change keeps the order and the time.
        l.touch("db", None, None);
        assert_eq!(ids(&l), ["da", "dc", "db"]);
        assert_eq!((l.drafts[2].title.as_str(), l.drafts[2].changed), (UNTITLED, 2.0));
        // A renamed draft keeps its name.
        l.rename("dc", "  给巡察组的  ").expect("renamed");
        l.touch("dc", Some("关于……的报告".into()), Some(10.0));
        assert_eq!(l.drafts[0].title, "给巡察组的");
        assert_eq!(l.title_of("dc", None), "给巡察组的");
        assert_eq!(l.title_of("db", Some("关于……的报告".into())), "关于……的报告");
        assert_eq!(l.title_of("dq", None), UNTITLED);
        // A draft missing from the list is added, never dropped.
        l.touch("dz", None, Some(11.0));
        assert_eq!(ids(&l)[0], "dz");
    }

    #[test]
    fn a_name_is_trimmed_and_an_empty_or_overlong_one_refused() {
        let mut l = three();
        let before = l.clone();
        for bad in ["", "   ", "\u{3000}\t"] {
            let msg = l.rename("da", bad).expect_err("refused");
            assert!(msg.contains("不能为空"), "{msg}");
        }
        let long: String = "字".repeat(MAX_TITLE + 1);
        assert!(l.rename("da", &long).expect_err("refused").contains("太长"));
        assert!(l.rename("dq", "新名").is_err(), "an unknown draft");
        assert_eq!(l, before, "a refused name changes nothing");
        assert_eq!(clean_title("\u{3000}报告 初稿 "), Ok("报告 初稿".to_string()));
    }

    #[test]
    fn a_copy_is_named_as_a_copy_and_listed_first() {
        let mut l = three();
        let copy = l.duplicate("db", "dn".into(), 20.0).expect("copied");
        assert_eq!((copy.title.as_str(), copy.changed, copy.renamed), ("乙（副本）", 20.0, true));
        assert_eq!(ids(&l), ["dn", "dc", "db", "da"]);
        assert!(l.duplicate("dq", "do".into(), 21.0).is_err());
    }

    #[test]
    fn a_deletion_is_kept_until_undone_or_replaced() {
        let mut l = three();
        l.active = "db".into();
        assert_eq!(l.delete("db"), Ok(None));
        assert_eq!(ids(&l), ["dc", "da"]);
        assert_eq!(l.active, "", "the deleted draft is no longer the open one");
        assert!(l.knows("db"));
        assert_eq!(l.undo_delete().map(|e| e.id), Some("db".to_string()));
        assert_eq!(ids(&l), ["dc", "db", "da"], "back where it was");
        assert_eq!(l.undo_delete(), None, "one undo per deletion");

        // A newer deletion replaces the older one, which is handed back to be thrown away.
        assert_eq!(l.delete("dc"), Ok(None));
        assert_eq!(l.delete("da").map(|e| e.map(|e| e.id)), Ok(Some("dc".to_string())));
        assert!(!l.knows("dc") && l.knows("da"));
        assert_eq!(l.undo_delete().map(|e| e.id), Some("da".to_string()));
        assert_eq!(ids(&l), ["db", "da"]);
        assert!(l.delete("dq").is_err());
    }

    #[test]
    fn a_deleted_draft_saved_again_is_listed_and_no_longer_pending() {
        let mut l = three();
        l.delete("db").expect("deleted");
        l.touch("db", None, Some(7.0));
        assert!(l.get("db").is_some() && l.deleted.is_none());
        assert_eq!(l.delete("dc"), Ok(None), "so a newer deletion never throws it away");
    }

    #[test]
    fn the_index_round_trips_and_a_broken_one_is_refused() {
        let mut l = three();
        l.active = "db".into();
        l.delete("da").expect("deleted");
        let back = Library::from_json(&l.to_json()).expect("reads");
        assert_eq!(back, l);
        let good = l.to_json();
        let cases = [
            good.chars().take(good.chars().count() / 2).collect::<String>(),
            "<html>".to_string(),
            good.replacen("\"version\":1", "\"version\":2", 1),
            good.replacen("\"id\":\"dc\"", "\"id\":\"v1\"", 1),
            good.replacen("\"id\":\"dc\"", "\"id\":\"db\"", 1),
        ];
        for bad in cases {
            assert!(Library::from_json(&bad).is_err(), "{bad}");
        }
    }
}
