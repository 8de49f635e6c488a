//! A report of a known type given as plain text (`gongwen check --template`): the document
//! checks with the template's genre (`document::check_document_as`: 落款 and date demanded by
//! the genre, a closing formula of another genre flagged), plus what only the template's parts
//! can say:
//!
//! - an upward 报告 whose template has a 主送机关 and `特此报告。` needs both — even when both
//!   are missing, which the guess for a text of unknown type cannot see;
//! - meeting material, which the genre leaves unsigned, is signed (the 班子's name) and dated
//!   when its template has those parts.
//!
//! Every finding here is a warning (`Severity::Warning`), like the genre's own: the clerk decides.
use super::document::{check_document_as, is_upward_report, LineFinding, MISSING_DATE, MISSING_SIGNATURE};
use super::{Category, Context, Finding, Severity};
use crate::domain::input::import::{split, Line, LineKind};
use crate::domain::model::template::{Genre, PartKind, Template};
use crate::domain::model::text::Span;

/// No 主送机关 at the head of an upward 报告.
pub const MISSING_ADDRESSEE: &str = "missing-addressee";
/// No `特此报告。` at the end of an upward 报告.
pub const MISSING_CLOSING: &str = "missing-closing";

/// What a report of one type must have, read from its template.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Expect {
    pub genre: Genre,
    /// A required 主送机关 (a 述职's optional 称呼 is not demanded).
    pub addressee: bool,
    /// `特此报告。` (only an upward 报告 closes so).
    pub closing: bool,
    pub signature: bool,
    pub date: bool,
}

impl Expect {
    pub fn of(template: &Template) -> Expect {
        let has = |kind: PartKind| template.parts.iter().any(|p| p.kind == kind && p.required);
        Expect {
            genre: template.genre,
            addressee: template.genre == Genre::Report && has(PartKind::Addressee),
            closing: template.genre == Genre::Report && has(PartKind::Closing),
            signature: has(PartKind::Signature),
            date: has(PartKind::Date),
        }
    }
}

/// Every rule over a report of the type `expect` describes, in reading order.
pub fn check_as(text: &str, ctx: &Context, expect: &Expect) -> Vec<LineFinding> {
    let mut out = check_document_as(text, ctx, Some(expect.genre));
    out.extend(head_and_tail(&split(text), expect));
    out.sort_by_key(|f| (f.line, f.finding.span.start, f.finding.span.end));
    out
}

/// What the genre's rules leave to the template: a missing 主送机关 (at the start of the first
/// line after the title), a missing `特此报告。`, and meeting material's missing 署名 or date
/// (at the end of the last line).
pub fn head_and_tail(lines: &[Line<'_>], expect: &Expect) -> Vec<LineFinding> {
    let mut out = Vec::new();
    let content: Vec<&Line<'_>> = lines.iter().filter(|l| l.kind != LineKind::Blank).collect();
    let (Some(first), Some(last)) = (content.iter().find(|l| l.kind != LineKind::Title), content.last()) else {
        return out;
    };
    let has = |k: LineKind| content.iter().any(|l| l.kind == k);
    let end = last.text.chars().count();
    let warning = |line: &Line<'_>, rule: &'static str, message: &str, at: usize| LineFinding {
        line: line.index,
        line_start: line.start,
        kind: line.kind,
        finding: Finding {
            rule,
            category: Category::Missing,
            severity: Severity::Warning,
            message: message.to_string(),
            span: Span::new(at, at),
            text: String::new(),
            replacement: None,
        },
    };
    // A 主送机关, not a speech's salutation (`各位领导：`).
    let addressed = content.iter().any(|l| l.kind == LineKind::Addressee && is_upward_report(std::slice::from_ref(*l)));
    if expect.addressee && !addressed {
        let message = "报告开头没有主送机关：请在标题下一行顶格写上级机关的名称，末尾用全角冒号，如“市委巡察组：”。";
        out.push(warning(first, MISSING_ADDRESSEE, message, 0));
    }
    if expect.closing && !has(LineKind::Closing) {
        out.push(warning(last, MISSING_CLOSING, "报告末尾没有结束语：请在正文之后单独一段写上“特此报告。”。", end));
    }
    // Meeting material: the genre asks for neither; its template may.
    if expect.genre == Genre::Meeting {
        if expect.signature && !has(LineKind::Signature) {
            out.push(warning(last, MISSING_SIGNATURE, "材料末尾没有署名：请在正文之后另起一行写上领导班子的名称。", end));
        }
        if expect.date && !has(LineKind::Date) {
            out.push(warning(last, MISSING_DATE, "材料末尾没有日期：请在署名下一行写上日期，用阿拉伯数字，如“2026年1月16日”。", end));
        }
    }
    out
}
