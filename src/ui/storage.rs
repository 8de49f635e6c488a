//! Autosave in the browser's localStorage. Every failure becomes a Chinese message; nothing
//! here ever throws away what the clerk wrote.
const KEY: &str = "gongwen.draft.v1";
/// Where an autosave that could not be read is moved, so a newer app or a person can recover it.
const BACKUP_KEY: &str = "gongwen.draft.unreadable";

fn storage() -> Result<web_sys::Storage, String> {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .ok_or_else(|| "这个浏览器禁止网页保存数据，草稿不能自动保存。".to_string())
}

/// The stored draft's JSON, if any.
pub fn load() -> Result<Option<String>, String> {
    // Rendered natively (SSR tests) there is no browser and so nothing stored.
    if cfg!(not(target_arch = "wasm32")) {
        return Ok(None);
    }
    storage()?.get_item(KEY).map_err(|_| "无法读取自动保存的草稿。".to_string())
}

pub fn save(json: &str) -> Result<(), String> {
    storage()?
        .set_item(KEY, json)
        .map_err(|_| "浏览器的存储空间已满或被禁用，草稿没能自动保存。".to_string())
}

/// Keep an unreadable autosave under another key before it is overwritten.
pub fn keep_unreadable(json: &str) {
    if let Ok(s) = storage() {
        let _ = s.set_item(BACKUP_KEY, json);
    }
}
