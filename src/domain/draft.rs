//! A draft: what the clerk has typed, field by field, for one template.
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use super::template::Template;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    /// The template's `id`.
    pub template: String,
    /// Field text by part id. A missing entry and an empty string both mean "not written yet".
    pub fields: BTreeMap<String, String>,
}

impl Draft {
    pub fn new(template: &Template) -> Self {
        Draft { template: template.id.clone(), fields: BTreeMap::new() }
    }

    /// A draft filled with the template's examples (the reference report's own words).
    pub fn example(template: &Template) -> Self {
        let mut d = Draft::new(template);
        for p in &template.parts {
            d.fields.insert(p.id.clone(), p.example.clone());
        }
        d
    }

    pub fn field(&self, id: &str) -> &str {
        self.fields.get(id).map(String::as_str).unwrap_or("")
    }

    pub fn set_field(&mut self, id: &str, text: String) {
        self.fields.insert(id.to_string(), text);
    }
}
