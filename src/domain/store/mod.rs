//! Where drafts are kept: the saved form of one draft, 我的草稿 and its key-value store.
pub mod clock;
pub mod concurrent;
pub mod copies;
pub mod desk;
pub mod draft_file;
pub mod library;
pub mod library_store;
#[cfg(test)]
pub mod memory;
pub mod revision;
pub mod saved;
pub mod template_store;
pub mod workshop_start;
