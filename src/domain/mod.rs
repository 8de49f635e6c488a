//! The domain: everything about a report that does not depend on a browser.
//!
//! Invariant: nothing under `domain` names a web-sys, wasm-bindgen or yew type.
pub mod check;
pub mod draft;
pub mod render;
pub mod template;
pub mod text;
