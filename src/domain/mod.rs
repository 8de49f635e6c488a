//! The domain: everything about a report that does not depend on a browser, grouped as the data
//! flows: `model` (templates, drafts, fields) → `input` (files and last year's text coming in)
//! → `check` (findings) → `guide` (the steps and words the page leads the clerk with) →
//! `output` (the finished text, the GB/T 9704 page, the .docx) → `workshop` (a template
//! proposed from a model report, rendered and checked before it is offered); `store` keeps
//! drafts beside them.
//!
//! Invariants: nothing under `domain` names a web-sys, wasm-bindgen or yew type. Code in a room
//! uses only rooms before it in that order (`store` uses `model` and `output`); tests may use
//! any room (an import test renders its draft back to text).
pub mod check;
pub mod guide;
pub mod input;
pub mod model;
pub mod output;
pub mod store;
pub mod workshop;
