//! What a report is: its template (report type), the clerk's draft of it, the key figures and
//! the text helpers every later stage shares.
pub mod dates;
pub mod draft;
pub mod fields;
pub mod gallery;
pub mod numbering;
pub mod pattern;
pub mod template;
pub mod text;
