//! The check engine: findings over one field's text, or over a whole draft.
//!
//! Each rule family lives in its own file with a table of texts that must and must not fire.
//! Rules see plain `&str` and report character spans inside it.
use serde::Serialize;

use super::draft::Draft;
use super::template::Template;
use super::text::Span;

pub mod formulation;
pub mod missing;
pub mod numbers;
pub mod placeholder;
pub mod punctuation;
mod scan;
pub mod structure;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    Placeholder,
    Missing,
    Number,
    Punctuation,
    Formulation,
    Structure,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Error,
    Warning,
    Hint,
}

impl Severity {
    /// The word a clerk sees.
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "错误",
            Severity::Warning => "警告",
            Severity::Hint => "提示",
        }
    }
}

/// One problem found in one piece of text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// Stable rule id, e.g. `placeholder`.
    pub rule: &'static str,
    pub category: Category,
    pub severity: Severity,
    /// Chinese, saying what to do.
    pub message: String,
    /// Character span inside the checked text.
    pub span: Span,
    /// The flagged characters themselves.
    pub text: String,
    /// A mechanical fix, where there is one.
    pub replacement: Option<String>,
}

/// A finding located in a draft field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FieldFinding {
    /// The field's key (see `draft::key`).
    pub key: String,
    /// The part (outline step) the field belongs to.
    pub part: String,
    pub finding: Finding,
}

/// What the rules need to know beyond the text itself. Plain data: the domain reads no clock
/// (`std::time` panics on wasm32-unknown-unknown), so the caller supplies the year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Context {
    /// The year the report is written in: later years are flagged by `numbers`.
    pub current_year: i32,
}

/// The year `Context::default` assumes when the caller does not say.
pub const DEFAULT_CURRENT_YEAR: i32 = 2026;

impl Default for Context {
    fn default() -> Self {
        Context { current_year: DEFAULT_CURRENT_YEAR }
    }
}

/// Every text rule over one piece of text, sorted by position (default `Context`).
pub fn check_text(text: &str) -> Vec<Finding> {
    check_text_with(text, &Context::default())
}

/// Every text rule over one piece of text, sorted by position.
pub fn check_text_with(text: &str, ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    placeholder::check(text, &mut out);
    punctuation::check(text, &mut out);
    numbers::check_with(text, ctx, &mut out);
    formulation::check(text, &mut out);
    out.sort_by_key(|f| (f.span.start, f.span.end));
    out
}

/// A whole report as one plain text (e.g. a `.txt` file): spans are relative to the whole
/// text. The rules that look at lines (ordinals, paired marks) see each line; numeral
/// consistency is judged over the whole text rather than one field.
pub fn check_plain_text(text: &str) -> Vec<Finding> {
    check_text(text)
}


/// Every rule over a whole draft, in document order.
pub fn check_draft(template: &Template, draft: &Draft) -> Vec<FieldFinding> {
    let mut out = Vec::new();
    for field in crate::domain::outline::fields(template, draft) {
        let (text, slots) = draft.text_with_slots(&field.key);
        let mut push = |finding| out.push(FieldFinding { key: field.key.clone(), part: field.part.clone(), finding });
        if let Some(f) = missing::check_required(&field, &text) {
            push(f);
            continue;
        }
        for f in check_text(&text) {
            // A gap left by an empty key figure gets a message naming the figure.
            match slots.iter().find(|s| s.span == f.span && f.text == crate::domain::pattern::EMPTY_SLOT) {
                Some(place) => push(missing::unfilled_slot(template, place)),
                None => push(f),
            }
        }
    }
    structure::check(template, draft, &mut out);
    out
}
