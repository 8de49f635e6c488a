//! Report templates a clerk opened from a file, kept in the browser (under
//! `gongwen.template.<id>`, the file's text as it was) so that drafts of them open again after a
//! reload. Built-in templates and a unit's templates beside the page are never stored: the page
//! embeds or fetches those.
use std::rc::Rc;

use crate::domain::model::limits;
use crate::domain::model::template::Template;
use crate::domain::store::library_store::{KeyValue, Templates};

const PREFIX: &str = "gongwen.template.";

pub fn key(id: &str) -> String {
    format!("{PREFIX}{id}")
}

/// Keep a template opened from a file (its text, checked by the caller with `Template::from_json`),
/// if the kept templates stay within `limits::KEPT_TEMPLATES_BYTES` together (one of the same
/// id is replaced, so it does not count). `Err` is the Chinese reason, naming the sizes.
pub fn save(kv: &impl KeyValue, template: &Template, json: &str) -> Result<(), String> {
    let others: usize = kept(kv).iter().filter(|k| k.id != template.id).map(|k| k.bytes).sum();
    if others + json.len() > limits::KEPT_TEMPLATES_BYTES {
        return Err(format!(
            "本机保存的模板合计最多 {}，已保存的 {} 加上这份 {} 就超过了；请先在“新建草稿”的“本机保存的模板”里删除不用的模板",
            limits::size_words(limits::KEPT_TEMPLATES_BYTES),
            limits::size_words(others),
            limits::size_words(json.len())
        ));
    }
    kv.set(&key(&template.id), json)
}

/// A template kept in this browser, as the gallery lists it for removal.
#[derive(Clone, Debug, PartialEq)]
pub struct Kept {
    pub id: String,
    /// Its name, or `None` when it no longer loads (too large or broken, e.g. kept by an older
    /// version): it still takes room, and can still be removed.
    pub name: Option<String>,
    /// Its size as kept, in bytes.
    pub bytes: usize,
}

/// Every template kept in this browser, loading or not, by id.
pub fn kept(kv: &impl KeyValue) -> Vec<Kept> {
    let keys = kv.keys().unwrap_or_default();
    keys.iter()
        .filter_map(|k| k.strip_prefix(PREFIX).map(|id| (id, k)))
        .filter_map(|(id, k)| {
            let json = kv.get(k).ok().flatten()?;
            let name = Template::from_json(&json).ok().filter(|t| t.id == id).map(|t| t.name);
            Some(Kept { id: id.to_string(), name, bytes: json.len() })
        })
        .collect()
}

/// The question 删除本机模板 asks first.
pub fn remove_question(name: &str) -> String {
    format!("确定从这台电脑删除模板“{name}”吗？用它写的草稿仍留在“我的草稿”里，但要再打开这个模板文件才能接着写。")
}

/// Remove a kept template. Its drafts stay as they are (`library_store::open` keeps a draft of
/// a type that is not loaded); opening the template file again lets them be written on.
pub fn remove(kv: &impl KeyValue, id: &str) {
    kv.remove(&key(id));
}

/// Every kept template that still loads (one that no longer does is left where it is).
pub fn stored(kv: &impl KeyValue) -> Vec<Template> {
    let keys = kv.keys().unwrap_or_default();
    keys.iter()
        .filter(|k| k.starts_with(PREFIX))
        .filter_map(|k| kv.get(k).ok().flatten())
        .filter_map(|json| Template::from_json(&json).ok())
        .collect()
}

/// The kept template of a report type, if there is one and it loads.
pub fn load(kv: &impl KeyValue, id: &str) -> Option<Template> {
    let json = kv.get(&key(id)).ok().flatten()?;
    Template::from_json(&json).ok().filter(|t| t.id == id)
}

/// The templates the page has loaded so far; the first is the one a new draft is of by default.
#[derive(Clone, Debug)]
pub struct Loaded {
    pub list: Vec<Rc<Template>>,
}

impl Loaded {
    pub fn new(default: Template) -> Self {
        Loaded { list: vec![Rc::new(default)] }
    }

    pub fn get(&self, id: &str) -> Option<Rc<Template>> {
        self.list.iter().find(|t| t.id == id).cloned()
    }

    /// Forget a template (a kept one the clerk removed); the default, the first, stays.
    pub fn remove(&mut self, id: &str) {
        if self.list.len() > 1 {
            let first = self.list[0].id.clone();
            self.list.retain(|t| t.id != id || t.id == first);
        }
    }

    /// Add a template (replacing one of the same type, which a reopened file may update).
    pub fn add(&mut self, template: Rc<Template>) {
        match self.list.iter_mut().find(|t| t.id == template.id) {
            Some(t) => *t = template,
            None => self.list.push(template),
        }
    }
}

impl Templates for Loaded {
    fn first(&self) -> &Template {
        &self.list[0]
    }
    fn find(&self, id: &str) -> Option<&Template> {
        self.list.iter().find(|t| t.id == id).map(|t| &**t)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::draft::Draft;
    use crate::domain::model::template::xuanren;
    use crate::domain::store::library::Name;
    use crate::domain::store::library_store::{create, open, read};
    use crate::domain::store::saved::to_json;
    use std::cell::RefCell;
    use std::collections::BTreeMap;

    #[derive(Default)]
    struct Memory(RefCell<BTreeMap<String, String>>);
    impl KeyValue for Memory {
        fn get(&self, key: &str) -> Result<Option<String>, String> {
            Ok(self.0.borrow().get(key).cloned())
        }
        fn set(&self, key: &str, value: &str) -> Result<(), String> {
            self.0.borrow_mut().insert(key.into(), value.into());
            Ok(())
        }
        fn remove(&self, key: &str) {
            self.0.borrow_mut().remove(key);
        }
        fn keys(&self) -> Result<Vec<String>, String> {
            Ok(self.0.borrow().keys().cloned().collect())
        }
    }

    const OWN: &str = r#"{"format":1,"id":"own-report","name":"本单位季度报告","title":"关于{unit}季度工作的报告",
        "slots":[{"id":"unit","label":"单位名称","hint":"本单位的名称","kind":"text","example":"某局"}],
        "parts":[{"id":"body","kind":"paragraph","label":"正文","hint":"写本季度的工作。","example":"本季度{unit}完成了各项工作。","required":true}]}"#;

    #[test]
    fn a_draft_of_a_kept_template_opens_again_after_a_reload() {
        let kv = Memory::default();
        let own = Template::from_json(OWN).unwrap();
        save(&kv, &own, OWN).unwrap();
        let mut library = open(&kv, &xuanren(), 1.0).library;
        let mut d = Draft::new(&own);
        d.set_text("body", "甲".into());
        let id = create(&kv, &mut library, &to_json(&d, "body"), Name::Report(None), 2.0).unwrap();

        // After a reload: only the built-in template is loaded; the draft's type is not.
        let bare = Loaded::new(xuanren());
        let refused = read(&kv, &bare, &id).unwrap_err();
        assert!(refused.contains("own-report"), "{refused}");
        let reopened = open(&kv, &bare, 3.0);
        assert_ne!(reopened.id, id, "a draft whose type is not loaded is not opened");
        assert_eq!(reopened.unloaded.as_deref(), Some("own-report"), "the page is told which type to load");
        assert!(reopened.notices.iter().any(|n| n.contains("原样保留")), "{:?}", reopened.notices);
        assert!(kv.get(&crate::domain::store::library_store::draft_key(&id)).unwrap().is_some(), "and it is kept");

        let mut loaded = Loaded::new(xuanren());
        for t in stored(&kv) {
            loaded.add(Rc::new(t));
        }
        assert_eq!(load(&kv, "own-report").map(|t| t.name), Some("本单位季度报告".into()));
        let back = open(&kv, &loaded, 4.0);
        assert_eq!((back.id.as_str(), back.unloaded.as_deref()), (id.as_str(), None));
        assert_eq!(back.saved.draft.text("body"), "甲");
    }

    #[test]
    fn a_kept_template_that_no_longer_loads_is_skipped_not_removed() {
        let kv = Memory::default();
        kv.set(&key("bad"), "{").unwrap();
        assert!(stored(&kv).is_empty());
        assert_eq!(load(&kv, "bad"), None);
        assert!(kv.get(&key("bad")).unwrap().is_some());
    }

    #[test]
    fn kept_templates_are_listed_with_their_size_counted_against_the_budget_and_removed() {
        let kv = Memory::default();
        let own = Template::from_json(OWN).unwrap();
        save(&kv, &own, OWN).unwrap();
        // A template kept by an older version, too large to load now: listed, so it can go.
        let big = format!("{{\"pad\":\"{}\"}}", "x".repeat(limits::KEPT_TEMPLATES_BYTES));
        kv.set(&key("huge"), &big).unwrap();
        let list = kept(&kv);
        assert_eq!(list.len(), 2);
        assert_eq!(list.iter().find(|k| k.id == "own-report").and_then(|k| k.name.clone()), Some("本单位季度报告".into()));
        assert_eq!(list.iter().find(|k| k.id == "huge").map(|k| (k.name.is_none(), k.bytes)), Some((true, big.len())));

        // Over the budget: refused, naming the sizes; nothing stored.
        let other = Template { id: "other".into(), ..own.clone() };
        let why = save(&kv, &other, OWN).unwrap_err();
        assert!(why.contains("最多 1 MB") && why.contains("删除"), "{why}");
        assert_eq!(kv.get(&key("other")).unwrap(), None);

        remove(&kv, "huge");
        save(&kv, &other, OWN).unwrap();
        // The same id again replaces, so it does not count twice.
        save(&kv, &other, OWN).unwrap();
        assert_eq!(kept(&kv).len(), 2);

        let mut loaded = Loaded::new(xuanren());
        loaded.add(Rc::new(own));
        loaded.remove("own-report");
        loaded.remove("xuanren-report");
        assert_eq!(loaded.list.len(), 1, "the default stays");
    }
}
