//! The domain: everything about a report that does not depend on a browser.
//!
//! Invariant: nothing under `domain` names a web-sys, wasm-bindgen or yew type.
pub mod check;
pub mod clock;
pub mod dates;
pub mod decode;
pub mod document;
pub mod docx;
pub mod draft;
pub mod import;
pub mod import_report;
pub mod library;
pub mod library_store;
pub mod numbering;
pub mod outline;
pub mod pattern;
pub mod progress;
pub mod render;
pub mod saved;
pub mod slots;
pub mod template;
pub mod text;
