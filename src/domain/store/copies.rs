//! Copies of the single file. Chromium gives every page opened from a file (`file://`) one
//! origin, so every copy of `公文起草助手.html` would see, and overwrite, the same drafts. A page
//! opened from a file therefore keeps its drafts under keys of its own: `gongwen@<host><path>#`
//! before each key (the file's location, as `location.host` and `location.pathname` give it,
//! percent-encoded, so it holds no `#`). A served page keeps the keys it always had: its origin
//! (the server) already sets it apart. Templates opened from a file stay shared by all copies.
//!
//! Nothing moves without the clerk: drafts saved under the shared keys by an earlier version go
//! to the first copy opened after the update (the others may bring them in from it), and a copy
//! brings in another copy's drafts only on request (`import`).
use crate::domain::store::library::{Entry, Library};
use crate::domain::store::library_store::{draft_key, new_id, refresh, KeyValue, INDEX_KEY, OLD_KEY};
use crate::domain::store::revision::Rev;

const MARK: &str = gongwen_shared::COPY_KEY_MARK;
/// The keys a copy's drafts are under (the list, each draft, the old autosave, their backups).
const DRAFT_KEYS: &str = "gongwen.draft";

/// The key prefix of a page's drafts: empty for a served page; the file's identity for a page
/// opened from a file.
pub fn prefix(protocol: &str, host: &str, path: &str) -> String {
    if protocol == "file:" {
        format!("{MARK}{host}{path}#")
    } else {
        String::new()
    }
}

/// A store seen through a prefix: `get("gongwen.drafts.v1")` reads `<prefix>gongwen.drafts.v1`,
/// and `keys` lists only this prefix's keys, without it. With an empty prefix, the keys of
/// file copies are left out.
pub struct Namespaced<K> {
    pub inner: K,
    pub prefix: String,
}

impl<K: KeyValue> Namespaced<K> {
    /// The key as it is in the store (what a `storage` event names).
    pub fn full_key(&self, key: &str) -> String {
        format!("{}{key}", self.prefix)
    }
}

impl<K: KeyValue> KeyValue for Namespaced<K> {
    fn get(&self, key: &str) -> Result<Option<String>, String> {
        self.inner.get(&self.full_key(key))
    }
    fn set(&self, key: &str, value: &str) -> Result<(), String> {
        self.inner.set(&self.full_key(key), value)
    }
    fn remove(&self, key: &str) {
        self.inner.remove(&self.full_key(key))
    }
    fn keys(&self) -> Result<Vec<String>, String> {
        let keys = self.inner.keys()?;
        Ok(if self.prefix.is_empty() {
            keys.into_iter().filter(|k| !k.starts_with(MARK)).collect()
        } else {
            keys.iter().filter_map(|k| k.strip_prefix(self.prefix.as_str())).map(String::from).collect()
        })
    }
}

impl<K: KeyValue> KeyValue for &K {
    fn get(&self, key: &str) -> Result<Option<String>, String> {
        (*self).get(key)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), String> {
        (*self).set(key, value)
    }
    fn remove(&self, key: &str) {
        (*self).remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, String> {
        (*self).keys()
    }
}

/// Another copy of the page whose drafts are in this browser.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Copy {
    /// Its key prefix (empty: the drafts an earlier version kept for all copies).
    pub prefix: String,
    /// Its location as its keys hold it (percent-encoded); empty for an earlier version's.
    pub location: String,
    /// How many drafts it keeps.
    pub drafts: usize,
}

fn is_draft_key(rest: &str) -> bool {
    rest.strip_prefix("gongwen.draft.").is_some_and(crate::domain::store::library::is_valid_id)
}

/// The other copies with drafts in `root` (the whole store), but not `own` (this page's prefix).
pub fn others(root: &impl KeyValue, own: &str) -> Vec<Copy> {
    let mut found: Vec<Copy> = Vec::new();
    for key in root.keys().unwrap_or_default() {
        let (prefix, rest) = match key.strip_prefix(MARK).and_then(|k| k.split_once('#')) {
            Some((location, rest)) => (format!("{MARK}{location}#"), rest),
            None => (String::new(), key.as_str()),
        };
        if prefix == own || !is_draft_key(rest) {
            continue;
        }
        match found.iter_mut().find(|c| c.prefix == prefix) {
            Some(copy) => copy.drafts += 1,
            None => {
                let location = prefix.strip_prefix(MARK).and_then(|p| p.strip_suffix('#')).unwrap_or_default().to_string();
                found.push(Copy { prefix, location, drafts: 1 });
            }
        }
    }
    found.sort_by(|a, b| a.location.cmp(&b.location));
    found
}

/// The first start of a copy after the update: when it keeps nothing yet, the drafts an
/// earlier version kept under the shared keys become its own (copied key for key, then removed
/// from the shared keys, so they are not brought into every copy again). Returns how many keys
/// moved; when one cannot be written, nothing is removed.
pub fn adopt_shared(root: &impl KeyValue, own: &Namespaced<impl KeyValue>) -> Result<usize, String> {
    if own.prefix.is_empty() {
        return Ok(0);
    }
    let mine = own.keys()?;
    if mine.iter().any(|k| k.starts_with(DRAFT_KEYS)) {
        return Ok(0);
    }
    let shared: Vec<String> = root.keys()?.into_iter().filter(|k| k.starts_with(DRAFT_KEYS)).collect();
    for key in &shared {
        if let Some(value) = root.get(key)? {
            own.set(key, &value)?;
        }
    }
    for key in &shared {
        root.remove(key);
    }
    Ok(shared.len())
}

/// Bring every draft another copy keeps (`from`) into this one (`to`), as new drafts at the top
/// of the list under their names there; the other copy keeps its own. A draft this copy holds
/// already (the same text) is not brought in twice. Returns the names of those brought in.
pub fn import(from: &impl KeyValue, to: &impl KeyValue, library: &mut Library, now: f64) -> Result<Vec<String>, String> {
    refresh(to, library);
    let theirs = match from.get(INDEX_KEY)? {
        Some(text) => Library::from_json(&text).unwrap_or_default(),
        None => Library::default(),
    };
    let mut entries: Vec<Entry> = theirs.drafts.clone();
    // Drafts stored there but missing from its list, and its old single autosave.
    for key in from.keys()? {
        let Some(id) = key.strip_prefix("gongwen.draft.") else { continue };
        if crate::domain::store::library::is_valid_id(id) && !theirs.knows(id) || key == OLD_KEY {
            entries.push(Entry {
                id: id.to_string(),
                title: crate::domain::store::library::UNTITLED.to_string(),
                changed: 0.0,
                renamed: false,
                rev: Rev::default(),
            });
        }
    }
    let ours: Vec<String> = library.drafts.iter().filter_map(|e| to.get(&draft_key(&e.id)).ok().flatten()).collect();
    let mut next = library.clone();
    let mut written = Vec::new();
    let mut brought = Vec::new();
    for entry in entries {
        let Some(text) = from.get(&draft_key(&entry.id))? else { continue };
        if ours.contains(&text) {
            continue;
        }
        let id = new_id(to, &next, now);
        if let Err(msg) = to.set(&draft_key(&id), &text) {
            written.iter().for_each(|id: &String| to.remove(&draft_key(id)));
            return Err(msg);
        }
        written.push(id.clone());
        brought.push(entry.title.clone());
        next.drafts.insert(brought.len() - 1, Entry { id, rev: Rev::default(), ..entry });
    }
    if brought.is_empty() {
        return Ok(brought);
    }
    if let Err(msg) = to.set(INDEX_KEY, &next.to_json()) {
        written.iter().for_each(|id| to.remove(&draft_key(id)));
        return Err(msg);
    }
    *library = next;
    Ok(brought)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::draft::Draft;
    use crate::domain::model::template::xuanren;
    use crate::domain::store::library::Name;
    use crate::domain::store::library_store::{create, open, read};
    use crate::domain::store::memory::Memory;
    use crate::domain::store::saved::to_json;

    const NOW: f64 = 1_790_000_000_000.0;

    fn with_opening(text: &str) -> String {
        let mut d = Draft::new(&xuanren());
        d.set_text("opening", text.to_string());
        to_json(&d, "opening")
    }

    fn copy<'a>(root: &'a Memory, path: &str) -> Namespaced<&'a Memory> {
        Namespaced { inner: root, prefix: prefix("file:", "", path) }
    }

    #[test]
    fn a_file_page_gets_a_prefix_of_its_own_and_a_served_page_none() {
        assert_eq!(prefix("file:", "", "/D:/U%E7%9B%98/a.html"), "gongwen@/D:/U%E7%9B%98/a.html#");
        assert_eq!(prefix("file:", "server", "/share/a.html"), "gongwen@server/share/a.html#");
        assert_eq!(prefix("http:", "10.1.2.3", "/gongwen/"), "");
        assert_eq!(prefix("https:", "oa.local", "/a.html"), "");
    }

    /// The report: two copies in two folders overwrote each other's drafts.
    #[test]
    fn two_copies_keep_their_own_drafts() {
        let root = Memory::default();
        let (a, b) = (copy(&root, "/home/u/U盘/a.html"), copy(&root, "/home/u/桌面/a.html"));
        let t = xuanren();
        let mut la = open(&a, &t, NOW).library;
        let mut lb = open(&b, &t, NOW).library;
        let ida = create(&a, &mut la, &with_opening("甲"), Name::Report(None), NOW).expect("a");
        let idb = create(&b, &mut lb, &with_opening("乙"), Name::Report(None), NOW).expect("b");
        assert_eq!(ida, idb, "the same id in each: they do not collide");
        assert_eq!(read(&a, &t, &ida).map(|s| s.draft.text("opening")), Ok("甲".to_string()));
        assert_eq!(read(&b, &t, &idb).map(|s| s.draft.text("opening")), Ok("乙".to_string()));
        assert_eq!(open(&a, &t, NOW).library.drafts.len(), 1);
        // A served page on the same store sees neither.
        let served = Namespaced { inner: &root, prefix: String::new() };
        assert!(served.keys().expect("keys").is_empty(), "{:?}", served.keys());
        // Each sees the other as a copy it may bring drafts in from.
        assert_eq!(others(&root, &a.prefix), vec![Copy { prefix: b.prefix.clone(), location: "/home/u/桌面/a.html".into(), drafts: 1 }]);
        assert_eq!(others(&root, &b.prefix).len(), 1);
    }

    #[test]
    fn the_shared_drafts_of_an_earlier_version_go_to_the_first_copy_opened() {
        let t = xuanren();
        let root = Memory::default();
        let mut shared = open(&root, &t, NOW).library;
        let id = create(&root, &mut shared, &with_opening("去年的"), Name::Given("去年的稿".into()), NOW).expect("stored");
        let old = root.map.borrow().clone();
        root.set("gongwen.template.own", "{}").expect("a kept template");
        let (a, b) = (copy(&root, "/a/x.html"), copy(&root, "/b/x.html"));
        assert_eq!(adopt_shared(&root, &a), Ok(2), "the list and the draft");
        for (key, value) in &old {
            assert_eq!(a.get(key), Ok(Some(value.clone())), "{key}: character for character");
            assert_eq!(root.value(key), None, "{key}: moved");
        }
        assert_eq!(root.value("gongwen.template.own").as_deref(), Some("{}"), "templates stay shared");
        let opened = open(&a, &t, NOW);
        assert_eq!((opened.id.as_str(), opened.library.drafts[0].title.as_str()), (id.as_str(), "去年的稿"));
        // Nothing again for that copy, nor for the next: it brings them in on request.
        assert_eq!(adopt_shared(&root, &a), Ok(0));
        assert_eq!(adopt_shared(&root, &b), Ok(0));
        let mut lb = open(&b, &t, NOW).library;
        assert_eq!(import(&a, &b, &mut lb, NOW).expect("imported"), vec!["去年的稿".to_string()]);
        // A served page moves nothing.
        let served = Namespaced { inner: &root, prefix: String::new() };
        root.set(INDEX_KEY, "{}").expect("set");
        assert_eq!(adopt_shared(&root, &served), Ok(0));
        // When a copy cannot be written, the shared keys stay.
        let root = Memory::with(&old.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect::<Vec<_>>());
        root.fail(Some("gongwen@"));
        assert!(adopt_shared(&root, &copy(&root, "/c/x.html")).is_err());
        assert_eq!(*root.map.borrow(), old);
    }

    #[test]
    fn drafts_are_brought_in_from_another_copy_on_request_once() {
        let t = xuanren();
        let root = Memory::default();
        let (a, b) = (copy(&root, "/a/x.html"), copy(&root, "/b/x.html"));
        let mut la = open(&a, &t, NOW).library;
        create(&a, &mut la, &with_opening("甲一"), Name::Given("甲的第一份".into()), NOW).expect("a1");
        create(&a, &mut la, &with_opening("甲二"), Name::Report(None), NOW + 1.0).expect("a2");
        let mut lb = open(&b, &t, NOW).library;
        let own = create(&b, &mut lb, &with_opening("乙"), Name::Report(None), NOW).expect("b");
        let brought = import(&a, &b, &mut lb, NOW + 5.0).expect("imported");
        assert_eq!(brought, vec!["未命名草稿".to_string(), "甲的第一份".to_string()]);
        let texts: Vec<String> =
            lb.drafts.iter().map(|e| read(&b, &t, &e.id).map(|s| s.draft.text("opening")).unwrap_or_default()).collect();
        assert_eq!(texts, ["甲二", "甲一", "乙"], "at the top, in their order");
        assert_eq!(lb.get(&lb.drafts[1].id).map(|e| e.renamed), Some(true));
        assert!(lb.get(&own).is_some());
        assert_eq!(open(&b, &t, NOW + 6.0).library.drafts, lb.drafts, "stored");
        assert_eq!(open(&a, &t, NOW).library.drafts.len(), 2, "the other copy keeps its own");
        assert_eq!(import(&a, &b, &mut lb, NOW + 7.0), Ok(Vec::new()), "not twice");
        // When they cannot be stored, nothing is half brought in.
        let c = copy(&root, "/c/x.html");
        let mut lc = open(&c, &t, NOW).library;
        let before = root.map.borrow().clone();
        root.fail(Some(c.full_key(INDEX_KEY).as_str()));
        assert!(import(&a, &c, &mut lc, NOW).is_err());
        assert_eq!(*root.map.borrow(), before);
    }
}
