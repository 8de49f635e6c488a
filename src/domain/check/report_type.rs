//! The head and tail a report of a known type must have, for a report given as plain text
//! (`gongwen check --template`): what its template's genre and parts say, instead of the guess
//! `document::is_upward_report` makes for a text of unknown type.
//!
//! - An upward 报告 (`report`) needs its 主送机关, `特此报告。`, 落款 and 成文日期 — even when
//!   both the 主送机关 and `特此报告` are missing, which the guess cannot see.
//! - Meeting material (`meeting`) and a personal 述职 (`personal`) have no 主送机关 and never
//!   close with `特此报告`: that line is flagged. They are signed (the 班子 or the speaker's
//!   name) and dated when their template has those parts.
//!
//! Every finding here is a warning (`Severity::Warning`), like the guessed ones: the text may
//! still be right, the clerk decides.
use super::document::{at, LineFinding, MISSING_DATE, MISSING_SIGNATURE, SALUTATIONS};
use super::{Category, Finding, Severity};
use crate::domain::input::import::{Line, LineKind};
use crate::domain::model::template::{Genre, PartKind, Template};
use crate::domain::model::text::Span;

/// No 主送机关 at the head of an upward 报告.
pub const MISSING_ADDRESSEE: &str = "missing-addressee";
/// No `特此报告。` at the end of an upward 报告.
pub const MISSING_CLOSING: &str = "missing-closing";
/// `特此报告` in meeting material or a 述职.
pub const CLOSING_NOT_FOR_GENRE: &str = "closing-not-for-genre";

/// What a report of one type must have, read from its template.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Expect {
    pub genre: Genre,
    /// A required 主送机关 (a personal report's optional 称呼 is not demanded).
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
            addressee: has(PartKind::Addressee),
            closing: template.genre == Genre::Report && has(PartKind::Closing),
            signature: has(PartKind::Signature),
            date: has(PartKind::Date),
        }
    }
}

/// The findings on the report's head and tail, placed like `document::missing_parts`: a
/// missing part at the end of the last line (the 主送机关 at the start of the first), a
/// `特此报告` that does not belong on its own line.
pub fn head_and_tail(lines: &[Line<'_>], expect: &Expect) -> Vec<LineFinding> {
    let mut out = Vec::new();
    let content: Vec<&Line<'_>> = lines.iter().filter(|l| l.kind != LineKind::Blank).collect();
    let (Some(first), Some(last)) = (content.iter().find(|l| l.kind != LineKind::Title), content.last()) else {
        return out;
    };
    let has = |k: LineKind| content.iter().any(|l| l.kind == k);
    let end = last.text.chars().count();
    let warning = |rule: &'static str, message: &str, span: Span, text: String, replacement: Option<String>| Finding {
        rule,
        category: if rule == CLOSING_NOT_FOR_GENRE { Category::Structure } else { Category::Missing },
        severity: Severity::Warning,
        message: message.to_string(),
        span,
        text,
        replacement,
    };
    let addressed = content.iter().any(|l| {
        l.kind == LineKind::Addressee && !SALUTATIONS.contains(&l.text.trim().trim_end_matches(['：', ':']))
    });
    if expect.addressee && !addressed {
        let message = "报告开头没有主送机关：请在标题下一行顶格写上级机关的名称，末尾用全角冒号，如“市委巡察组：”。";
        out.push(at(first, warning(MISSING_ADDRESSEE, message, Span::new(0, 0), String::new(), None)));
    }
    if expect.closing && !has(LineKind::Closing) {
        let message = "报告末尾没有结束语：请在正文之后单独一段写上“特此报告。”。";
        out.push(at(last, warning(MISSING_CLOSING, message, Span::new(end, end), String::new(), None)));
    }
    if expect.genre != Genre::Report {
        for line in content.iter().filter(|l| l.kind == LineKind::Closing) {
            let text = line.text.trim_end().to_string();
            let start = line.text.chars().count() - line.text.trim_start().chars().count();
            let span = Span::new(start, start + text.trim_start().chars().count());
            let (message, replacement) = if expect.genre == Genre::Personal {
                ("述职报告不用“特此报告。”结尾，可写“以上报告，请予评议。”。", Some("以上报告，请予评议。".to_string()))
            } else {
                ("会议材料不是上行文，不用“特此报告。”结尾：请删去这一句。", None)
            };
            out.push(at(line, warning(CLOSING_NOT_FOR_GENRE, message, span, text.trim_start().to_string(), replacement)));
        }
    }
    let (signature, date) = match expect.genre {
        Genre::Report => (
            "报告末尾没有落款：请在“特此报告。”之后另起一行写上发文单位名称。",
            "报告末尾没有成文日期：请在落款下一行写上日期，用阿拉伯数字，如“2024年3月5日”。",
        ),
        Genre::Meeting => (
            "材料末尾没有署名：请在正文之后另起一行写上领导班子的名称。",
            "材料末尾没有日期：请在署名下一行写上日期，用阿拉伯数字，如“2026年1月16日”。",
        ),
        Genre::Personal => (
            "述职报告末尾没有署名：请在正文之后另起一行写上述职人的姓名。",
            "述职报告末尾没有日期：请在姓名下一行写上日期，用阿拉伯数字，如“2026年1月16日”。",
        ),
    };
    if expect.signature && !has(LineKind::Signature) {
        out.push(at(last, warning(MISSING_SIGNATURE, signature, Span::new(end, end), String::new(), None)));
    }
    if expect.date && !has(LineKind::Date) {
        out.push(at(last, warning(MISSING_DATE, date, Span::new(end, end), String::new(), None)));
    }
    out
}
