//! What comes in: a text file's encoding, a Word file's text, and last year's report split into a draft.
pub mod decode;
pub mod docx;
pub mod import;
pub mod import_report;
pub mod recognise;
pub mod title_figures;
