//! Stray spaces between Chinese characters: `北院 区`, `和美 乡村`, `公立医院 改革。` — a space
//! left by a line break in a PDF or a pasted table. Chinese text has no spaces between words,
//! nor before or after its full-width marks: `成绩 。`, `98% 。`, `免疫、 人禽流感`,
//! `违法及 “蝇贪”` (GB/T 15834: the full-width marks take a character's width and no space).
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
    check_chars(&super::scan::chars_of(text), out);
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
pub(super) fn is_space(c: char) -> bool {
    matches!(c, ' ' | '　' | '\u{a0}')
}

/// Marks after which text follows at once: a space before one of them is stray.
const CLOSING: &str = "，。、；：？！）》”";
/// Marks before which text stands at once: a space after one of them is stray.
const OPENING_SPACED: &str = "，。、；：？！（《“";

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
        if is_space(c) && i > start {
            let j = super::scan::run_end(&chars[..end], i, is_space);
            if j < end && quoted <= 0 {
                let (l, r) = (chars[i - 1], chars[j]);
                let msg = if is_han(l) && is_han(r) {
                    Some("汉字之间多了空格：请删去。")
                } else if (is_han(l) || l.is_ascii_digit() || matches!(l, '%' | '％' | '）' | '”' | '》')) && CLOSING.contains(r)
                    || OPENING_SPACED.contains(l) && (is_han(r) || r.is_ascii_digit())
                    || is_han(l) && matches!(r, '“' | '《' | '（')
                {
                    Some("中文标点前后不留空格：请删去。")
                } else {
                    None
                };
                if let Some(msg) = msg {
                    out.push(finding(
                        RULE,
                        Category::Punctuation,
                        Severity::Warning,
                        chars,
                        Span::new(i, j),
                        msg.to_string(),
                        Some(String::new()),
                    ));
                }
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
        ("各项事业都取得了令人鼓舞的成绩 。", &[(RULE, " ", Some(""))]),
        ("散养户免疫率达98% 。", &[(RULE, " ", Some(""))]),
        ("抓好儿童计划免疫、 人禽流感、麻疹的防治。", &[(RULE, " ", Some(""))]),
        ("基层干部违纪违法及 “蝇贪”现象屡禁不止。", &[(RULE, " ", Some(""))]),
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
        "坚持“打虎 ”，一体推进。",
        "全年增长5.2 %，达到2025 年目标。",
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
