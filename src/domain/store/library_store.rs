//! The drafts kept in a key-value store (the browser's localStorage; a map in tests): the list
//! under `INDEX_KEY`, each draft's saved form under `gongwen.draft.<id>`.
//!
//! Nothing here throws a draft away except the one a newer deletion replaces: a broken list is
//! rebuilt from the stored drafts (and kept aside), a stored draft missing from the list is put
//! back in it, an unreadable draft is left as it is, and the old single autosave is copied into
//! the list before its key is removed.
use crate::domain::model::draft::Draft;
use crate::domain::model::template::Template;
use crate::domain::store::library::{fresh_id, is_valid_id, report_title, Entry, Library, Name, UNTITLED};
use crate::domain::store::revision::{check, Check, Rev};
use crate::domain::store::saved::{from_json, from_json_any, template_of, Saved};

/// The list of drafts.
pub const INDEX_KEY: &str = gongwen_shared::STORED_LIST_KEY;
/// Where a list that could not be read is kept.
pub const INDEX_BACKUP_KEY: &str = "gongwen.drafts.unreadable";
/// The single autosave of earlier versions.
pub const OLD_KEY: &str = gongwen_shared::STORED_OLD_KEY;
/// Where an old autosave that could not be read is kept (as earlier versions did).
pub const OLD_BACKUP_KEY: &str = "gongwen.draft.unreadable";
const DRAFT_PREFIX: &str = "gongwen.draft.";

/// A string store; every failure is a Chinese message for the clerk.
pub trait KeyValue {
    fn get(&self, key: &str) -> Result<Option<String>, String>;
    fn set(&self, key: &str, value: &str) -> Result<(), String>;
    fn remove(&self, key: &str);
    fn keys(&self) -> Result<Vec<String>, String>;
}

/// The report types the store can read drafts of: a draft of another type is left as it is,
/// with a message. A single template is such a set (its type only).
pub trait Templates {
    /// The type a new draft is of when nothing else is asked for.
    fn first(&self) -> &Template;
    fn find(&self, id: &str) -> Option<&Template>;
}

impl Templates for Template {
    fn first(&self) -> &Template {
        self
    }
    fn find(&self, id: &str) -> Option<&Template> {
        (self.id == id).then_some(self)
    }
}

pub fn draft_key(id: &str) -> String {
    format!("{DRAFT_PREFIX}{id}")
}

/// What the page opens with.
#[derive(Debug)]
pub struct Opened {
    pub library: Library,
    /// The draft to show, and what is stored for it (a new draft: empty, step unknown).
    pub id: String,
    pub saved: Saved,
    /// What the clerk should be told, in Chinese.
    pub notices: Vec<String>,
    /// The report type of the draft open last time, when `templates` lacks it (then another
    /// draft was opened): the page may load that template and open again.
    pub unloaded: Option<String>,
}

/// Read the list (repairing it), move the old single autosave into it, and pick the draft to
/// show: the one open last time, else the newest readable one, else a new empty draft.
pub fn open(kv: &impl KeyValue, templates: &impl Templates, now: f64) -> Opened {
    let template = templates.first();
    let mut notices = Vec::new();
    let mut note = |msg: String| {
        if !notices.contains(&msg) {
            notices.push(msg);
        }
    };
    let stored: Option<Vec<String>> = match kv.keys() {
        Ok(keys) => Some(keys.iter().filter_map(|k| k.strip_prefix(DRAFT_PREFIX)).filter(|id| is_valid_id(id)).map(String::from).collect()),
        Err(msg) => {
            note(msg);
            None
        }
    };
    let mut library = match kv.get(INDEX_KEY) {
        Ok(Some(text)) => Library::from_json(&text).unwrap_or_else(|why| {
            let kept = if kv.set(INDEX_BACKUP_KEY, &text).is_ok() { "原来的列表已另存备份。" } else { "" };
            note(format!("草稿列表无法读取（{why}），已按本机保存的草稿重新整理，草稿内容都在。{kept}"));
            Library::new()
        }),
        Ok(None) => Library::new(),
        Err(msg) => {
            note(msg);
            Library::new()
        }
    };
    if let Some(stored) = &stored {
        repair(kv, templates, &mut library, stored);
    }
    let mut fallback = None;
    migrate(kv, template, &mut library, now, &mut note, &mut fallback);
    if let Some((id, saved)) = fallback {
        return Opened { library, id, saved, notices, unloaded: None };
    }
    let unloaded = type_of(kv, &library.active).filter(|kind| templates.find(kind).is_none());

    let order: Vec<String> = std::iter::once(library.active.clone())
        .filter(|id| library.get(id).is_some())
        .chain(library.drafts.iter().map(|e| e.id.clone()).filter(|id| *id != library.active))
        .collect();
    for id in order {
        match read(kv, templates, &id) {
            Ok(saved) => {
                library.active = id.clone();
                return Opened { library, id, saved, notices, unloaded };
            }
            Err(why) => {
                let title = library.get(&id).map_or(UNTITLED, |e| e.title.as_str()).to_string();
                note(format!("草稿“{title}”无法打开：{why}它原样保留在本机，没有改动。"));
            }
        }
    }
    let id = fresh_id(now, |id| library.knows(id) || stored.as_ref().is_some_and(|s| s.iter().any(|s| s == id)));
    let entry = library.new_entry(id.clone(), None, now);
    library.add(entry);
    library.active = id.clone();
    Opened {
        library,
        id,
        saved: Saved { version: crate::domain::store::saved::VERSION, draft: Draft::new(template), step: String::new() },
        notices,
        unloaded,
    }
}

/// Make the list match the stored drafts: entries whose draft is gone are dropped; stored drafts
/// the list lacks are added at its end (newest first among them), titled from their report.
fn repair(kv: &impl KeyValue, templates: &impl Templates, library: &mut Library, stored: &[String]) {
    library.drafts.retain(|e| stored.contains(&e.id));
    if library.deleted.as_ref().is_some_and(|d| !stored.contains(&d.entry.id)) {
        library.deleted = None;
    }
    let mut missing: Vec<&String> = stored.iter().filter(|id| !library.knows(id)).collect();
    missing.sort_unstable_by_key(|id| std::cmp::Reverse(crate::domain::store::library::id_age(id)));
    for id in missing {
        let title = match read(kv, templates, id) {
            Ok(saved) => {
                templates.find(&saved.draft.template).and_then(|t| report_title(t, &saved.draft)).unwrap_or_else(|| UNTITLED.to_string())
            }
            Err(_) => "无法读取的草稿".to_string(),
        };
        library.drafts.push(Entry { id: id.clone(), title, changed: 0.0, renamed: false, rev: Default::default() });
    }
}

/// Copy the old single autosave into the list as its newest draft; its key is removed only
/// once the copy and the list are written. If they cannot be written, the old draft is opened
/// from memory (`fallback`) and its key stays for the next start.
fn migrate(
    kv: &impl KeyValue,
    template: &Template,
    library: &mut Library,
    now: f64,
    note: &mut impl FnMut(String),
    fallback: &mut Option<(String, Saved)>,
) {
    let Ok(Some(text)) = kv.get(OLD_KEY) else { return };
    let saved = match from_json(&text, template) {
        Ok(saved) => saved,
        Err(e) => {
            let start = if library.drafts.is_empty() { "现在从空白草稿开始。" } else { "" };
            if kv.set(OLD_BACKUP_KEY, &text).is_ok() {
                kv.remove(OLD_KEY);
                note(format!("上次自动保存的草稿无法读取：{e}它已另存备份。{start}"));
            } else {
                note(format!("上次自动保存的草稿无法读取：{e}它原样保留在本机，没有改动。{start}"));
            }
            return;
        }
    };
    // An earlier start copied it but could not remove the old key.
    if library.drafts.iter().any(|e| kv.get(&draft_key(&e.id)).ok().flatten().as_deref() == Some(text.as_str())) {
        kv.remove(OLD_KEY);
        return;
    }
    let id = fresh_id(now, |id| library.knows(id) || !matches!(kv.get(&draft_key(id)), Ok(None)));
    let entry = library.new_entry(id.clone(), report_title(template, &saved.draft), now);
    library.add(entry);
    library.active = id.clone();
    let written = kv.set(&draft_key(&id), &text).and_then(|()| kv.set(INDEX_KEY, &library.to_json()));
    match written {
        Ok(()) => kv.remove(OLD_KEY),
        Err(msg) => {
            note(format!("{msg}上次的草稿已经打开，但还没能存入“我的草稿”，请先下载草稿文件保存。"));
            *fallback = Some((id, saved));
        }
    }
}

/// A stored draft, read back (its report type must be one of `templates`).
pub fn read(kv: &impl KeyValue, templates: &impl Templates, id: &str) -> Result<Saved, String> {
    let text = kv.get(&draft_key(id))?.ok_or_else(|| "本机找不到这份草稿的内容。".to_string())?;
    from_json_any(&text, |kind| templates.find(kind)).map(|(saved, _)| saved).map_err(|e| e.to_string())
}

/// The report type (template id) of a stored draft, read before the draft itself: the page
/// loads that template first. `None` when the draft is missing or unreadable.
pub fn type_of(kv: &impl KeyValue, id: &str) -> Option<String> {
    kv.get(&draft_key(id)).ok().flatten().and_then(|text| template_of(&text))
}

/// What an autosave did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Written {
    /// Stored (or already stored as it is), now at this revision.
    Stored(Rev),
    /// Another tab or copy wrote the draft since `base`: nothing was written.
    ChangedElsewhere(Rev),
    /// It was deleted elsewhere since `base`: nothing was written.
    DeletedElsewhere,
}

/// Autosave, as compare-and-swap: only if the stored draft is still at `base` (the revision this
/// tab last read or wrote), the draft's text, then the list, with this draft as the open one and
/// at the next revision (by `writer`). `changed` is the time when the text changed (not when the
/// clerk only moved to another step); text that is stored as it is already is not written again.
/// The list is read first, so what other tabs changed in it is kept.
#[allow(clippy::too_many_arguments)]
pub fn save(
    kv: &impl KeyValue,
    library: &mut Library,
    id: &str,
    json: &str,
    title: Option<String>,
    changed: Option<f64>,
    base: &Rev,
    writer: &str,
) -> Result<Written, String> {
    let stored_list = refresh(kv, library);
    let listed = library.get(id).map(|e| e.rev.clone());
    let pending = library.deleted.as_ref().is_some_and(|d| d.entry.id == id);
    match check(listed.as_ref(), pending, base) {
        Check::Changed(rev) => return Ok(Written::ChangedElsewhere(rev)),
        Check::Deleted => return Ok(Written::DeletedElsewhere),
        Check::Free => {}
    }
    let unchanged = listed.is_some() && changed.is_none() && kv.get(&draft_key(id)).ok().flatten().as_deref() == Some(json);
    let rev = if unchanged {
        base.clone()
    } else {
        kv.set(&draft_key(id), json)?;
        base.next(writer)
    };
    library.touch(id, title, changed);
    if let Some(entry) = library.drafts.iter_mut().find(|e| e.id == id) {
        entry.rev = rev.clone();
    }
    library.active = id.to_string();
    let list = library.to_json();
    if stored_list.as_deref() != Some(list.as_str()) {
        kv.set(INDEX_KEY, &list)?;
    }
    Ok(Written::Stored(rev))
}

/// Read the stored list into `library`, so an operation starts from what other tabs wrote into
/// it (a new, renamed or deleted draft). A list that cannot be read leaves `library` as it is;
/// a missing one (cleared elsewhere) keeps only the entries whose drafts are still stored.
/// Returns the stored list's text.
pub fn refresh(kv: &impl KeyValue, library: &mut Library) -> Option<String> {
    match kv.get(INDEX_KEY) {
        Ok(Some(text)) => {
            if let Ok(stored) = Library::from_json(&text) {
                *library = stored;
            }
            Some(text)
        }
        Ok(None) => {
            let stored = |id: &str| matches!(kv.get(&draft_key(id)), Ok(Some(_)));
            library.drafts.retain(|e| stored(&e.id));
            if library.deleted.as_ref().is_some_and(|d| !stored(&d.entry.id)) {
                library.deleted = None;
            }
            None
        }
        Err(_) => None,
    }
}

/// Write a changed list; the library in memory changes only if it was written.
fn commit(kv: &impl KeyValue, library: &mut Library, next: Library) -> Result<(), String> {
    kv.set(INDEX_KEY, &next.to_json())?;
    *library = next;
    Ok(())
}

/// An id no listed, deleted or stored draft has.
pub fn new_id(kv: &impl KeyValue, library: &Library, now: f64) -> String {
    fresh_id(now, |id| library.knows(id) || !matches!(kv.get(&draft_key(id)), Ok(None)))
}

/// A new draft stored under a new id and listed first (and open) under `name`. Returns its id.
pub fn create(kv: &impl KeyValue, library: &mut Library, json: &str, name: Name, now: f64) -> Result<String, String> {
    refresh(kv, library);
    let id = new_id(kv, library, now);
    kv.set(&draft_key(&id), json)?;
    let mut next = library.clone();
    next.add(next.named_entry(id.clone(), name, now));
    next.active = id.clone();
    commit(kv, library, next).inspect_err(|_| kv.remove(&draft_key(&id)))?;
    Ok(id)
}

/// A copy of a stored draft, character for character, listed first as 「…（副本）」.
pub fn duplicate(kv: &impl KeyValue, library: &mut Library, id: &str, now: f64) -> Result<Entry, String> {
    refresh(kv, library);
    let text = kv.get(&draft_key(id))?.ok_or_else(|| "本机找不到这份草稿的内容。".to_string())?;
    let copy_id = new_id(kv, library, now);
    let mut next = library.clone();
    let entry = next.duplicate(id, copy_id.clone(), now)?;
    kv.set(&draft_key(&copy_id), &text)?;
    commit(kv, library, next).inspect_err(|_| kv.remove(&draft_key(&copy_id)))?;
    Ok(entry)
}

pub fn rename(kv: &impl KeyValue, library: &mut Library, id: &str, name: &str) -> Result<(), String> {
    refresh(kv, library);
    let mut next = library.clone();
    next.rename(id, name)?;
    commit(kv, library, next)
}

/// Take a draft out of the list. Its text stays stored for undo; the text of the deletion this
/// one replaces is removed, after the list no longer names it.
pub fn delete(kv: &impl KeyValue, library: &mut Library, id: &str) -> Result<(), String> {
    refresh(kv, library);
    let mut next = library.clone();
    let replaced = next.delete(id)?;
    commit(kv, library, next)?;
    if let Some(old) = replaced {
        kv.remove(&draft_key(&old.id));
    }
    Ok(())
}

/// Put the last deleted draft back in the list.
pub fn undo_delete(kv: &impl KeyValue, library: &mut Library) -> Result<Option<Entry>, String> {
    refresh(kv, library);
    let mut next = library.clone();
    let Some(entry) = next.undo_delete() else { return Ok(None) };
    commit(kv, library, next)?;
    Ok(Some(entry))
}

/// 清除本机保存 of one draft: its text and its entry are removed for good (no undo: the clerk
/// keeps it in a draft file instead).
pub fn purge(kv: &impl KeyValue, library: &mut Library, id: &str) -> Result<(), String> {
    refresh(kv, library);
    let mut next = library.clone();
    next.drafts.retain(|e| e.id != id);
    if next.deleted.as_ref().is_some_and(|d| d.entry.id == id) {
        next.deleted = None;
    }
    if next.active == id {
        next.active.clear();
    }
    commit(kv, library, next)?;
    kv.remove(&draft_key(id));
    // The screen kept for the next visit (xtask/js/restore.js) may show it too.
    kv.remove(gongwen_shared::SNAPSHOT_KEY);
    Ok(())
}

/// 清除本机保存 of every draft this page keeps: the list, each draft, the old autosave, the
/// backups and the screen kept for the next visit. Templates kept from files stay.
pub fn purge_all(kv: &impl KeyValue, library: &mut Library) {
    for key in kv.keys().unwrap_or_default() {
        if key.starts_with("gongwen.draft") || key == gongwen_shared::SNAPSHOT_KEY {
            kv.remove(&key);
        }
    }
    *library = Library::new();
}

#[cfg(test)]
#[path = "library_store_tests.rs"]
mod tests;
