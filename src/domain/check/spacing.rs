//! Stray spaces between Chinese characters: `北院 区`, `和美 乡村`, `公立医院 改革。` — a space
//! left by a line break in a PDF or a pasted table. Chinese text has no spaces between words.
//!
//! Deliberate spaces, left alone (decided for issue #23):
//! - in a line with no sentence mark (`，。；：？！`): a title set in two halves
//!   (`决胜全面建成小康社会 夺取新时代中国特色社会主义伟大胜利`), a signature with a spaced
//!   two-character name (`王 伟`), a date line;
//! - inside quotation marks: a slogan quoted with its own space (`“打虎 拍蝇”`);
//! - at the start of a line (indentation) and between a number and a word (`2025 年`, for the
//!   number rules).
//!
//! Rule `cjk-space`, a **warning** (very likely a leftover, but a text may space on purpose in
//! ways no rule knows); the fix removes the space.
use super::scan::finding;
use super::{Category, Finding, Severity};
use crate::domain::model::text::{is_han, Span};

pub const RULE: &str = "cjk-space";

pub fn check(text: &str, out: &mut Vec<Finding>) {
    check_chars(&text.chars().collect::<Vec<char>>(), out);
}

pub fn check_chars(chars: &[char], out: &mut Vec<Finding>) {
    let mut start = 0;
    while start < chars.len() {
        let end = chars[start..].iter().position(|&c| c == '\n' || c == '\r').map_or(chars.len(), |k| start + k);
        line(chars, start, end, out);
        start = end + 1;
    }
}

/// A space between words: a tab is left to `characters`, which already points at it (one slip,
/// one finding).
fn is_space(c: char) -> bool {
    matches!(c, ' ' | '　' | '\u{a0}')
}

fn line(chars: &[char], start: usize, end: usize, out: &mut Vec<Finding>) {
    let text = &chars[start..end];
    if !text.iter().any(|&c| is_space(c)) || !text.iter().any(|&c| matches!(c, '，' | '。' | '；' | '：' | '？' | '！')) {
        return;
    }
    let mut quoted = 0i32;
    let mut i = start;
    while i < end {
        let c = chars[i];
        match c {
            '“' | '‘' | '「' => quoted += 1,
            '”' | '’' | '」' => quoted -= 1,
            _ => {}
        }
        if is_space(c) && i > start && is_han(chars[i - 1]) {
            let j = super::scan::run_end(&chars[..end], i, is_space);
            if j < end && is_han(chars[j]) && quoted <= 0 {
                let msg = "汉字之间多了空格：请删去。".to_string();
                out.push(finding(RULE, Category::Punctuation, Severity::Warning, chars, Span::new(i, j), msg, Some(String::new())));
            }
            i = j;
            continue;
        }
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::check::table::{self, Expected, Found};

    fn found(text: &str) -> Found {
        table::found(check, text)
    }

    #[rustfmt::skip]
    const HITS: &[(&str, Expected)] = &[
        ("积极推进北院 区建设，完善医疗服务体系。", &[(RULE, " ", Some(""))]),
        ("建设宜居宜业和美　乡村。", &[(RULE, "　", Some(""))]),
        ("深化公立医院  改革。\n第二行 也有。", &[(RULE, "  ", Some("")), (RULE, " ", Some(""))]),
    ];

    const MISSES: &[&str] = &[
        "决胜全面建成小康社会 夺取新时代中国特色社会主义伟大胜利",
        "王 伟",
        "坚持“打虎 拍蝇”，一体推进。",
        "　　一是加强学习。",
        "2025 年，全省增长5%。",
        "党工委　2024年3月5日",
        // A tab is the control-character rule's (`characters`): one slip, one finding.
        "开头\t语：现将情况报告如下。",
    ];

    #[test]
    fn hits_fire_at_their_exact_spans() {
        table::assert_hits(found, HITS);
    }

    #[test]
    fn traps_do_not_fire() {
        table::assert_misses(found, MISSES);
    }
}
