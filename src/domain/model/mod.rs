//! What a report is: its template (report type), the clerk's draft of it, the key figures and
//! the text helpers every later stage shares.
pub mod bounds;
pub mod builtin;
pub mod dates;
pub mod draft;
pub mod fields;
pub mod gallery;
pub mod json;
pub mod limits;
pub mod names;
pub mod numbering;
pub mod pattern;
pub mod quantity;
pub mod template;
pub mod text;
