//! Report templates a clerk opened from a file, kept in the browser (under
//! `gongwen.template.<id>`, the file's text as it was) so that drafts of them open again after a
//! reload. Built-in templates and a unit's templates beside the page are never stored: the page
//! embeds or fetches those.
use std::rc::Rc;

use crate::domain::model::template::Template;
use crate::domain::store::library_store::{KeyValue, Templates};

const PREFIX: &str = "gongwen.template.";

pub fn key(id: &str) -> String {
    format!("{PREFIX}{id}")
}

/// Keep a template opened from a file (its text, checked by the caller with `Template::from_json`).
pub fn save(kv: &impl KeyValue, template: &Template, json: &str) -> Result<(), String> {
    kv.set(&key(&template.id), json)
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
}
