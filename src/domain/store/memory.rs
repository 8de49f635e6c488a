//! localStorage in memory, for the store's native tests: writes to keys starting with `failing`
//! fail as a full store's do.
use crate::domain::store::library_store::KeyValue;
use std::cell::RefCell;
use std::collections::BTreeMap;

#[derive(Default)]
pub struct Memory {
    pub map: RefCell<BTreeMap<String, String>>,
    pub failing: RefCell<Option<String>>,
}

impl Memory {
    pub fn with(pairs: &[(&str, &str)]) -> Memory {
        let m = Memory::default();
        for (k, v) in pairs {
            m.map.borrow_mut().insert(k.to_string(), v.to_string());
        }
        m
    }
    pub fn fail(&self, prefix: Option<&str>) {
        *self.failing.borrow_mut() = prefix.map(String::from);
    }
    pub fn value(&self, key: &str) -> Option<String> {
        self.map.borrow().get(key).cloned()
    }
}

impl KeyValue for Memory {
    fn get(&self, key: &str) -> Result<Option<String>, String> {
        Ok(self.value(key))
    }
    fn set(&self, key: &str, value: &str) -> Result<(), String> {
        if self.failing.borrow().as_deref().is_some_and(|p| key.starts_with(p)) {
            return Err("存储空间已满。".to_string());
        }
        self.map.borrow_mut().insert(key.to_string(), value.to_string());
        Ok(())
    }
    fn remove(&self, key: &str) {
        self.map.borrow_mut().remove(key);
    }
    fn keys(&self) -> Result<Vec<String>, String> {
        Ok(self.map.borrow().keys().cloned().collect())
    }
}
