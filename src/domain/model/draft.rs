//! A draft: what the clerk has written for one template — the key figures, the text of every
//! field, and the items of every section.
//!
//! Every piece of text lives in `fields` under a key (see `key`), so checks, findings and the
//! UI address all text the same way whatever part of the report it belongs to.
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use crate::domain::model::pattern::{fill, SlotPlace};
use crate::domain::model::template::{ItemExample, ItemsSpec, Part, PartKind, Template};

/// The text of one field. Stored `{"mode": "free", "text": …}` or `{"mode": "slotted",
/// "pattern": …}`; read through the flat `StoredField` (serde's reader of a tagged enum
/// buffers every value, which costs the page kilobytes).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "mode", rename_all = "snake_case", from = "StoredField")]
pub enum Field {
    /// Typed freely.
    Free { text: String },
    /// A template sentence whose `{slot}`s are filled from the draft's key figures.
    Slotted { pattern: String },
}

#[derive(Clone, Copy)]
enum Mode {
    Free,
    Slotted,
}
crate::domain::model::names::deserialize_by_name!(Mode, "free" => Mode::Free, "slotted" => Mode::Slotted);

#[derive(Deserialize)]
struct StoredField {
    mode: Mode,
    #[serde(default)]
    text: String,
    #[serde(default)]
    pattern: String,
}

impl From<StoredField> for Field {
    fn from(f: StoredField) -> Self {
        match f.mode {
            Mode::Free => Field::Free { text: f.text },
            Mode::Slotted => Field::Slotted { pattern: f.pattern },
        }
    }
}

/// One numbered item of a section; its texts are in `Draft::fields`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    pub id: u64,
    #[serde(default)]
    pub points: Vec<u64>,
    /// Ids of the items (of the section named by `ItemsSpec::answers`) this item answers.
    /// An id whose item was removed is kept, so undoing the removal restores the link.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub answers: Vec<u64>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    /// The template's `id`.
    pub template: String,
    /// Key figures by slot id.
    #[serde(default)]
    pub slots: BTreeMap<String, String>,
    /// Field text by key.
    #[serde(default)]
    pub fields: BTreeMap<String, Field>,
    /// Items by section part id, in order.
    #[serde(default)]
    pub sections: BTreeMap<String, Vec<Item>>,
    /// The next id for an item or point.
    #[serde(default)]
    pub next_id: u64,
    /// Imported text that fits no part ("未归类内容"), kept until the clerk moves or deletes it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unplaced: Vec<String>,
    /// The key figures an imported report's title gave (slot id → the value as imported), so
    /// that last year's year left in the text can be found once the clerk changes it
    /// (`check::stale_year`). Empty for a draft not imported.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub carried: BTreeMap<String, String>,
}

/// Field keys. A simple part's key is its id; a section's lead paragraph is the section's id.
pub mod key {
    /// An item's box: `heading`, `body`, or one of its section's item fields by id.
    pub fn item(section: &str, item: u64, what: &str) -> String {
        format!("{section}/{item}/{what}")
    }
    pub fn point(section: &str, item: u64, point: u64, what: &str) -> String {
        format!("{section}/{item}/{point}/{what}")
    }
}

/// What `remove_item` took out, so that undo can put it back exactly.
#[derive(Clone, Debug, PartialEq)]
pub struct Removed {
    pub section: String,
    pub index: usize,
    pub item: Item,
    /// Set when a single point was removed from `item` (then `item` is its owner).
    pub point: Option<(usize, u64)>,
    pub fields: Vec<(String, Field)>,
}

impl Draft {
    /// An empty draft with each section's minimum number of (empty) items.
    pub fn new(template: &Template) -> Self {
        let mut d = Draft { template: template.id.clone(), ..Draft::default() };
        for part in &template.parts {
            match part.kind {
                PartKind::Closing => d.set_text(&part.id, part.example.clone()),
                PartKind::Signature | PartKind::Date => {
                    d.fields.insert(part.id.clone(), Field::Slotted { pattern: part.example.clone() });
                }
                _ => {}
            }
            if let Some(items) = &part.items {
                for _ in 0..items.min.max(1) {
                    d.add_item(template, &part.id);
                }
            }
        }
        d
    }

    /// A draft filled with the reference report's wording and example figures.
    pub fn example(template: &Template) -> Self {
        Draft::example_in(template, &BTreeMap::new())
    }

    /// The example in the clerk's unit: every `{slot}` of the example texts shows the figure the
    /// clerk has typed (`typed`, by slot id; blank ones do not count) and the slot's example
    /// where there is none, so a typed figure is never overwritten.
    pub fn example_in(template: &Template, typed: &BTreeMap<String, String>) -> Self {
        let mut d = Draft { template: template.id.clone(), ..Draft::default() };
        for s in &template.slots {
            let value = typed.get(&s.id).filter(|v| !v.trim().is_empty()).unwrap_or(&s.example);
            d.slots.insert(s.id.clone(), value.clone());
        }
        for part in &template.parts {
            d.fields.insert(part.id.clone(), field_from(&part.example));
            if let Some(items) = &part.items {
                for ex in &items.examples {
                    d.push_example_item(part, items, ex);
                }
            }
        }
        // Links between example items, by example index.
        for part in &template.parts {
            let Some(spec) = &part.items else { continue };
            let Some(target) = &spec.answers else { continue };
            let target_ids: Vec<u64> = d.items(target).iter().map(|i| i.id).collect();
            if let Some(items) = d.sections.get_mut(&part.id) {
                for (item, ex) in items.iter_mut().zip(&spec.examples) {
                    item.answers = ex.answers.iter().filter_map(|&i| target_ids.get(i).copied()).collect();
                }
            }
        }
        d
    }

    /// Link or unlink an item to an item it answers.
    pub fn set_answer(&mut self, section: &str, item: u64, answered: u64, on: bool) {
        let Some(it) = self.sections.get_mut(section).and_then(|v| v.iter_mut().find(|i| i.id == item)) else { return };
        it.answers.retain(|&a| a != answered);
        if on {
            it.answers.push(answered);
        }
    }

    fn push_example_item(&mut self, part: &Part, spec: &ItemsSpec, ex: &ItemExample) {
        let id = self.fresh_id();
        let mut item = Item { id, points: Vec::new(), answers: Vec::new() };
        self.fields.insert(key::item(&part.id, id, "heading"), field_from(&ex.heading));
        self.fields.insert(key::item(&part.id, id, "body"), field_from(&ex.body));
        for pt in &ex.points {
            let pid = self.fresh_id();
            self.fields.insert(key::point(&part.id, id, pid, "topic"), field_from(&pt.topic));
            self.fields.insert(key::point(&part.id, id, pid, "body"), field_from(&pt.body));
            item.points.push(pid);
        }
        for f in &spec.fields {
            let text = ex.fields.get(&f.id).map_or(Field::Free { text: String::new() }, |t| field_from(t));
            self.fields.insert(key::item(&part.id, id, &f.id), text);
        }
        self.sections.entry(part.id.clone()).or_default().push(item);
    }

    fn fresh_id(&mut self) -> u64 {
        self.next_id += 1;
        self.next_id
    }

    pub fn field(&self, key: &str) -> Option<&Field> {
        self.fields.get(key)
    }

    /// The field's text as it will be printed, and where its slots landed.
    pub fn text_with_slots(&self, key: &str) -> (String, Vec<SlotPlace>) {
        match self.fields.get(key) {
            None => (String::new(), Vec::new()),
            Some(Field::Free { text }) => (text.clone(), Vec::new()),
            Some(Field::Slotted { pattern }) => fill(pattern, |id| self.slots.get(id).map(String::as_str)),
        }
    }

    /// The field's text as it will be printed.
    pub fn text(&self, key: &str) -> String {
        self.text_with_slots(key).0
    }

    pub fn set_text(&mut self, key: &str, text: String) {
        self.fields.insert(key.to_string(), Field::Free { text });
    }

    pub fn set_slot(&mut self, id: &str, value: String) {
        self.slots.insert(id.to_string(), value);
    }

    /// Start a field from a template text: slotted if it names key figures, free otherwise.
    pub fn use_pattern(&mut self, key: &str, pattern: String) {
        self.fields.insert(key.to_string(), field_from(&pattern));
    }

    /// Turn a slotted sentence into free text, keeping every figure typed so far.
    pub fn make_free(&mut self, key: &str) {
        if matches!(self.fields.get(key), Some(Field::Slotted { .. })) {
            let text = self.text(key);
            self.set_text(key, text);
        }
    }

    pub fn items(&self, section: &str) -> &[Item] {
        self.sections.get(section).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Append an empty item (with the minimum number of empty points) and return its id.
    pub fn add_item(&mut self, template: &Template, section: &str) -> u64 {
        let id = self.fresh_id();
        let min_points = template.part(section).and_then(|p| p.items.as_ref()).and_then(|i| i.points.as_ref()).map_or(0, |p| p.min.max(1));
        let mut item = Item { id, points: Vec::new(), answers: Vec::new() };
        for _ in 0..min_points {
            item.points.push(self.fresh_id());
        }
        for f in template.item_fields(section) {
            self.fields.insert(key::item(section, id, &f.id), Field::Free { text: String::new() });
        }
        self.sections.entry(section.to_string()).or_default().push(item);
        id
    }

    pub fn add_point(&mut self, section: &str, item: u64) -> Option<u64> {
        let pid = self.fresh_id();
        let it = self.sections.get_mut(section)?.iter_mut().find(|i| i.id == item)?;
        it.points.push(pid);
        Some(pid)
    }

    /// Take an item out; the returned value restores it with `restore`.
    pub fn remove_item(&mut self, section: &str, item: u64) -> Option<Removed> {
        let items = self.sections.get_mut(section)?;
        let index = items.iter().position(|i| i.id == item)?;
        let it = items.remove(index);
        let prefix = format!("{section}/{item}/");
        let fields = self.take_fields(&prefix);
        Some(Removed { section: section.to_string(), index, item: it, point: None, fields })
    }

    pub fn remove_point(&mut self, section: &str, item: u64, point: u64) -> Option<Removed> {
        let it = self.sections.get_mut(section)?.iter_mut().find(|i| i.id == item)?;
        let index = it.points.iter().position(|&p| p == point)?;
        it.points.remove(index);
        let owner = it.clone();
        let fields = self.take_fields(&format!("{section}/{item}/{point}/"));
        Some(Removed { section: section.to_string(), index: 0, item: owner, point: Some((index, point)), fields })
    }

    fn take_fields(&mut self, prefix: &str) -> Vec<(String, Field)> {
        let keys: Vec<String> = self.fields.keys().filter(|k| k.starts_with(prefix)).cloned().collect();
        keys.into_iter().filter_map(|k| self.fields.remove(&k).map(|f| (k, f))).collect()
    }

    /// Put back what `remove_item` or `remove_point` took out.
    pub fn restore(&mut self, removed: Removed) {
        let items = self.sections.entry(removed.section.clone()).or_default();
        match removed.point {
            None => {
                let at = removed.index.min(items.len());
                items.insert(at, removed.item);
            }
            Some((index, point)) => {
                if let Some(it) = items.iter_mut().find(|i| i.id == removed.item.id) {
                    let at = index.min(it.points.len());
                    it.points.insert(at, point);
                }
            }
        }
        self.fields.extend(removed.fields);
    }

    /// Move an item up (`-1`) or down (`+1`); false if it cannot move.
    pub fn move_item(&mut self, section: &str, item: u64, delta: isize) -> bool {
        let Some(items) = self.sections.get_mut(section) else { return false };
        move_in(items, |i| i.id == item, delta)
    }

    pub fn move_point(&mut self, section: &str, item: u64, point: u64, delta: isize) -> bool {
        let Some(items) = self.sections.get_mut(section) else { return false };
        let Some(it) = items.iter_mut().find(|i| i.id == item) else { return false };
        move_in(&mut it.points, |&p| p == point, delta)
    }
}

fn move_in<T>(list: &mut [T], is: impl Fn(&T) -> bool, delta: isize) -> bool {
    let Some(from) = list.iter().position(is) else { return false };
    let to = from as isize + delta;
    if to < 0 || to as usize >= list.len() {
        return false;
    }
    list.swap(from, to as usize);
    true
}

/// A template text becomes a slotted field when it names a slot, free text otherwise.
fn field_from(example: &str) -> Field {
    if crate::domain::model::pattern::slot_ids(example).is_empty() {
        Field::Free { text: example.to_string() }
    } else {
        Field::Slotted { pattern: example.to_string() }
    }
}

/// Issue #11's report, shared by the tests of the checks and the outline: only the title's unit
/// and year and the date filled, the closing cleared, every part between them empty.
#[cfg(test)]
pub(crate) fn empty_body(template: &Template) -> Draft {
    let mut d = Draft::new(template);
    d.set_slot("unit", "党工委".into());
    d.set_slot("start_year", "2022".into());
    d.set_slot("date", "2024年3月5日".into());
    d.set_text("closing", String::new());
    d
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::template::xuanren;

    #[test]
    fn switching_to_free_text_keeps_the_figures() {
        let t = xuanren();
        let mut d = Draft::example(&t);
        d.set_slot("start_year", "2023".into());
        let before = d.text("opening");
        assert!(before.contains("2023年以来"), "{before}");
        d.make_free("opening");
        assert!(matches!(d.field("opening"), Some(Field::Free { .. })));
        assert_eq!(d.text("opening"), before);
    }

    #[test]
    fn remove_then_restore_is_exact() {
        let t = xuanren();
        let original = Draft::example(&t);
        let mut d = original.clone();
        let section = "overview";
        let second = d.items(section)[1].id;
        let removed = d.remove_item(section, second).expect("item exists");
        assert_eq!(d.items(section).len(), original.items(section).len() - 1);
        assert!(d.fields.keys().all(|k| !k.starts_with(&format!("{section}/{second}/"))));
        d.restore(removed);
        assert_eq!(d, original);

        let first = d.items(section)[0].clone();
        let removed = d.remove_point(section, first.id, first.points[2]).expect("point exists");
        assert_eq!(d.items(section)[0].points.len(), first.points.len() - 1);
        d.restore(removed);
        assert_eq!(d, original);
    }

    #[test]
    fn moving_items_and_points() {
        let t = xuanren();
        let mut d = Draft::example(&t);
        let ids: Vec<u64> = d.items("overview").iter().map(|i| i.id).collect();
        assert!(!d.move_item("overview", ids[0], -1), "the first item cannot move up");
        assert!(d.move_item("overview", ids[0], 1));
        let now: Vec<u64> = d.items("overview").iter().map(|i| i.id).collect();
        assert_eq!(now[..2], [ids[1], ids[0]]);
        let item = d.items("overview")[0].clone();
        assert!(d.move_point("overview", item.id, item.points[1], -1));
        assert_eq!(d.items("overview")[0].points[0], item.points[1]);
    }

    #[test]
    fn a_new_draft_has_each_sections_minimum_items() {
        let t = xuanren();
        let d = Draft::new(&t);
        for part in t.parts.iter().filter(|p| p.items.is_some()) {
            assert!(!d.items(&part.id).is_empty(), "{} has no item", part.id);
        }
        assert_eq!(d.text("closing"), "特此报告。");
    }
}
