//! The browser's localStorage as the store of the drafts (`domain::store::library_store` decides what
//! goes under which key). Every failure becomes a Chinese message; nothing here ever throws
//! away what the clerk wrote.
use crate::domain::store::library_store::KeyValue;

/// localStorage, through `KeyValue`.
pub struct Local;

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
        storage()?.set_item(key, value).map_err(|_| "浏览器的存储空间已满或被禁用，草稿没能自动保存。".to_string())
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
