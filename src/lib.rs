//! 公文起草助手 (Gongwen Drafter).
//!
//! `domain` is plain Rust: templates, drafts, checks and rendering, with no browser types.
//! `ui` holds the Yew components; they only display state and dispatch actions.
pub mod domain;
pub mod ui;
