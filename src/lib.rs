//! 公文起草助手 (Gongwen Drafter).
//!
//! `domain` is plain Rust: templates, drafts, checks and rendering, with no browser types.
//! `ui` holds the Yew components; they only display state and dispatch actions.
//! `cli` (native only) is the `gongwen` command line: `check` on the same check engine,
//! `render --docx` on the same Word builder.
#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
pub mod domain;
pub mod ui;
