//! The browser's localStorage as the store of the drafts (`domain::store::library_store` decides what
//! goes under which key). Every failure becomes a Chinese message; nothing here ever throws
//! away what the clerk wrote.
use crate::domain::store::copies::{prefix, Namespaced};
use crate::domain::store::library_store::KeyValue;

/// localStorage, through `KeyValue`: all of it (the kept templates are here).
#[derive(Clone, Copy)]
pub struct Local;

/// Where this page's drafts are: the keys they always had on a served page; keys of its own for
/// a page opened from a file (`copies::prefix`, so copies of the single file do not share).
pub type Drafts = Namespaced<Local>;

pub fn drafts() -> Drafts {
    if NO_BROWSER {
        return Namespaced { inner: Local, prefix: String::new() };
    }
    let location = web_sys::window().map(|w| w.location());
    let part =
        |f: fn(&web_sys::Location) -> Result<String, wasm_bindgen::JsValue>| location.as_ref().and_then(|l| f(l).ok()).unwrap_or_default();
    let prefix = prefix(&part(web_sys::Location::protocol), &part(web_sys::Location::host), &part(web_sys::Location::pathname));
    Namespaced { inner: Local, prefix }
}

fn storage() -> Result<web_sys::Storage, String> {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .ok_or_else(|| "这个浏览器禁止网页保存数据，草稿不能自动保存。".to_string())
}

/// Rendered natively (SSR tests) there is no browser and so nothing stored.
const NO_BROWSER: bool = cfg!(not(target_arch = "wasm32"));

impl KeyValue for Local {
    fn get(&self, key: &str) -> Result<Option<String>, String> {
        if NO_BROWSER {
            return Ok(None);
        }
        storage()?.get_item(key).map_err(|_| "无法读取自动保存的草稿。".to_string())
    }

    fn set(&self, key: &str, value: &str) -> Result<(), String> {
        if NO_BROWSER {
            return Err("没有浏览器，草稿不能保存。".to_string());
        }
        let s = storage()?;
        if s.set_item(key, value).is_ok() {
            return Ok(());
        }
        // A full store: a closed page's snapshot (`xtask/js/restore.js`) is only a quicker first screen,
        // so it gives way to the drafts.
        let snapshots: Vec<String> = self.keys()?.into_iter().filter(|k| k.ends_with(gongwen_shared::SNAPSHOT_KEY) && k != key).collect();
        for k in &snapshots {
            let _ = s.remove_item(k);
        }
        if !snapshots.is_empty() && s.set_item(key, value).is_ok() {
            return Ok(());
        }
        Err("浏览器的存储空间已满或被禁用，草稿没能自动保存。".to_string())
    }

    fn remove(&self, key: &str) {
        if NO_BROWSER {
            return;
        }
        if let Ok(s) = storage() {
            let _ = s.remove_item(key);
        }
    }

    fn keys(&self) -> Result<Vec<String>, String> {
        if NO_BROWSER {
            return Ok(Vec::new());
        }
        let s = storage()?;
        let n = s.length().map_err(|_| "无法读取自动保存的草稿。".to_string())?;
        Ok((0..n).filter_map(|i| s.key(i).ok().flatten()).collect())
    }
}
