//! The Yew components. They display state and dispatch actions; every rule lives in
//! `crate::domain`. This is the only module that may touch web-sys.
mod app;
mod browser;
mod drafts;
pub mod drafts_panel;
mod field_editor;
mod findings;
mod findings_panel;
mod guided_field;
mod import_dialog;
pub mod highlight;
mod ime;
mod outline;
mod preview;
mod section;
pub mod shared;
mod slotted;
mod storage;
mod templates;
mod gallery;
mod unplaced;
pub mod state;

pub use app::{start, start_now, App, AppProps};
pub use drafts_panel::{DraftRow, DraftsPanel, DraftsPanelProps};
pub use findings::FindingList;
pub use guided_field::{GuidedField, GuidedFieldProps};
pub use outline::{Outline, OutlineProps};
pub use preview::{Preview, PreviewProps};
pub use section::{SectionProps, SectionStep};
