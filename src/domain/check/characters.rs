//! Characters that do not belong in a report: they come in with pasted or imported text and
//! either cannot be seen on screen or show that the text was damaged.
//!
//! What fires, by rule id:
//! - `char-invisible`: zero-width and direction-control characters (`U+200B` 零宽空格,
//!   `U+200C`/`U+200D`, `U+2060`, `U+FEFF`, the soft hyphen `U+00AD`, `U+200E`/`U+200F`,
//!   `U+202A`–`U+202E`, `U+2066`–`U+2069`). They are invisible but break searches and can
//!   hide a placeholder (`*\u{200B}名`). Fix: delete them.
//! - `char-control`: control characters other than the line break: tab, `U+0000`–`U+001F`,
//!   `U+007F`–`U+009F`. Fix: a tab becomes nothing (the layout comes from the format), others
//!   are deleted.
//! - `char-garbled`: `�` (`U+FFFD`), what a text decoder writes for bytes it could not read —
//!   a damaged file, or a character that was lost in copying. No fix: only the clerk knows
//!   what stood there.
//!
//! Not findings: the line break, the full-width space `　` (used for blank fields and
//! indents), ordinary spaces, CJK text, `·` in names (`阿依古丽·买买提`).
//!
//! Severities (policy on `check::Severity`): all three are errors — such a character is never
//! right in a 公文.
//!
//! A run of such characters is one finding. The table at the bottom shows what fires.
use super::scan;
use super::{Category, Finding, Severity};
use crate::domain::model::text::Span;

pub const INVISIBLE: &str = "char-invisible";
pub const CONTROL: &str = "char-control";
pub const GARBLED: &str = "char-garbled";

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Invisible,
    Control,
    Garbled,
}

pub(super) fn kind(c: char) -> Option<Kind> {
    match c {
        '\n' => None,
        '\u{FFFD}' => Some(Kind::Garbled),
        '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}' => {
            Some(Kind::Invisible)
        }
        c if c.is_control() => Some(Kind::Control),
        _ => None,
    }
}

pub fn check(text: &str, out: &mut Vec<Finding>) {
    // Almost every text has none of these: one pass without allocating.
    if !text.chars().any(|c| kind(c).is_some()) {
        return;
    }
    check_chars(&super::scan::chars_of(text), out);
}

/// Could `kind` be `Some`? A test that the compiler keeps inline, true for every character
/// `kind` reports (control characters are below U+00A0) and false for Han characters.
#[inline(always)]
pub(super) fn may_be_odd(c: char) -> bool {
    c < ' ' || ('\u{7F}' <= c && c <= '\u{AD}') || ('\u{2000}' <= c && c <= '\u{206F}') || c >= '\u{FEFF}'
}

/// `check` over the text's characters: the driver collects them once for every family.
pub fn check_chars(chars: &[char], out: &mut Vec<Finding>) {
    let mut i = 0;
    while i < chars.len() {
        let Some(k) = Some(chars[i]).filter(|&c| may_be_odd(c)).and_then(kind) else {
            i += 1;
            continue;
        };
        let mut end = i + 1;
        while end < chars.len() && kind(chars[end]) == Some(k) {
            end += 1;
        }
        out.push(finding(k, &chars, Span::new(i, end)));
        i = end;
    }
}

fn finding(k: Kind, chars: &[char], span: Span) -> Finding {
    let run = &chars[span.start..span.end];
    let n = run.len();
    let (rule, severity, message, replacement) = match k {
        Kind::Invisible => (
            INVISIBLE,
            Severity::Error,
            format!("这里夹着{}个看不见的字符（多半是从网页或聊天软件复制来的），会妨碍查找和排版，请删除。", count(n)),
            Some(String::new()),
        ),
        Kind::Control if run.iter().all(|&c| c == '\t') => {
            (CONTROL, Severity::Error, format!("这里有{}个制表符（Tab）：公文的缩进由格式决定，请删除。", count(n)), Some(String::new()))
        }
        Kind::Control => (
            CONTROL,
            Severity::Error,
            format!("这里夹着{}个不能显示的控制字符（多半来自损坏的文件或复制），请删除。", count(n)),
            Some(String::new()),
        ),
        Kind::Garbled => (
            GARBLED,
            Severity::Error,
            format!("这里有{}个无法识别的字符“�”：原文在复制或转换编码时损坏了，请对照原件改正。", count(n)),
            None,
        ),
    };
    scan::finding(rule, Category::Character, severity, chars, span, message, replacement)
}

/// `一`, `两`, `3`: how many, as the message says it.
fn count(n: usize) -> String {
    match n {
        1 => "一".to_string(),
        2 => "两".to_string(),
        n => n.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::table::{assert_hits, assert_misses, found, Expected};
    use super::*;

    const HITS: &[(&str, Expected)] = &[
        ("选派*\u{200B}名干部", &[(INVISIBLE, "\u{200B}", Some(""))]),
        ("\u{FEFF}市委组织部：", &[(INVISIBLE, "\u{FEFF}", Some(""))]),
        ("干部\u{200D}\u{200C}任用", &[(INVISIBLE, "\u{200D}\u{200C}", Some(""))]),
        ("条例\u{202E}例条", &[(INVISIBLE, "\u{202E}", Some(""))]),
        ("选\u{00AD}人用人", &[(INVISIBLE, "\u{00AD}", Some(""))]),
        ("一是\t加强学习", &[(CONTROL, "\t", Some(""))]),
        ("干部\u{0007}\u{0000}名单", &[(CONTROL, "\u{0007}\u{0000}", Some(""))]),
        ("报告\u{0085}如下", &[(CONTROL, "\u{0085}", Some(""))]),
        ("行尾\r\n下一行", &[(CONTROL, "\r", Some(""))]),
        ("选拔��名干部", &[(GARBLED, "��", None)]),
        // Each kind is its own finding, even when they touch.
        ("a\u{200B}\t\u{FFFD}b", &[(INVISIBLE, "\u{200B}", Some("")), (CONTROL, "\t", Some("")), (GARBLED, "\u{FFFD}", None)]),
    ];

    const MISSES: &[&str] = &["第一段\n第二段", "姓名：　　　　", "Word 文档", "阿依古丽·买买提同志", "市委组织部：", ""];

    #[test]
    fn table() {
        assert_hits(|t| found(check, t), HITS);
        assert_misses(|t| found(check, t), MISSES);
    }

    #[test]
    fn messages_count_the_characters() {
        let mut out = Vec::new();
        check("甲\u{200B}\u{200B}\u{200B}乙", &mut out);
        assert!(out[0].message.contains("3个看不见的字符"), "{}", out[0].message);
        assert_eq!(out[0].span, Span::new(1, 4));
    }
}
