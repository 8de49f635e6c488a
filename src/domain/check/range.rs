//! Ranges written with a hyphen: `2023-2035年`, `51-55人`, `3000-5000字`, `8-10万元`.
//! GB/T 15834-2011 (4.13, 连接号) joins the ends of a range of time with `—` (一字线:
//! `2023—2035年`) and the ends of a range of values with `～` (浪纹线: `51～55人`); GB/T 15835
//! writes the numbers themselves. The published reports in `tests/corpus` write `0—6岁`, `1—2个`.
//!
//! A hyphen counts as a range only between two plain numbers followed by a unit or a measure
//! word (`年`, `人`, `万元`, `%`…). Left alone: dates (`2024-3-5`: a second hyphen), document
//! numbers (`〔2024〕3-5号`, `3-5号楼`: `号` is no measure of a range), phone numbers
//! (`0851-86892000`), codes after letters (`GB/T 15835-2011`, `G20-1`), times (`9:00-10:30`).
//!
//! Rule `number-range`, a **warning**: such a hyphen is very likely a range written the
//! informal way. The fix is `—` for years, `～` for other values; a range of dates across months
//! (`8月28-9月6日`) gets no fix, since the first end lacks its `日`. Two whole dates joined by a
//! hyphen (`8月30日-9月1日`) get `—` (GB/T 15834-2011 4.13: 一字线 joins the ends of a time).
//!
//! Rule `punct-dash`, a **warning**: two or more hyphens in a row next to Chinese text
//! (`包括-------《学习制度》`) stand for a dash; GB/T 15834-2011 4.9 writes the 破折号 `——`.
//! A line of hyphens alone (a separator) is left alone.
use super::scan::{finding, is_chinese, is_latin};
use super::{Category, Finding, Severity};
use crate::domain::model::text::Span;

pub const RULE: &str = "number-range";
pub const DASH: &str = "punct-dash";

/// Units and measure words that may follow the second end of a range.
const UNITS: &str = "年月日时分秒人个名家项次元万亿千百米里岁天周倍件所亩吨度字条位户座台套辆篇期批场届轮户册本份元角%％";

fn is_num(c: char) -> bool {
    c.is_ascii_digit() || c == '.'
}

pub fn check(text: &str, out: &mut Vec<Finding>) {
    check_chars(&super::scan::chars_of(text), out);
}

pub fn check_chars(chars: &[char], out: &mut Vec<Finding>) {
    let mut run_to = 0;
    for (i, &c) in chars.iter().enumerate() {
        if !matches!(c, '-' | '－') || i == 0 || i < run_to {
            continue;
        }
        if matches!(chars[i + 1..].first(), Some('-' | '－')) {
            run_to = dash(chars, i, out);
            continue;
        }
        if chars[i - 1] == '日' && i >= 2 && chars[i - 2].is_ascii_digit() && whole_date_follows(chars, i + 1) {
            let msg = "两个日期之间用一字线“—”连接，不用短横线：如“8月30日—9月1日”。".to_string();
            out.push(finding(RULE, Category::Number, Severity::Warning, chars, Span::new(i, i + 1), msg, Some("—".to_string())));
            continue;
        }
        if !chars[i - 1].is_ascii_digit() || !chars.get(i + 1).is_some_and(|d| d.is_ascii_digit()) {
            continue;
        }
        let a = super::scan::run_start(chars, i, is_num);
        let b = super::scan::run_end(chars, i + 1, is_num);
        let before_a = a.checked_sub(1).map(|j| chars[j]);
        if before_a.is_some_and(|p| is_latin(p) || matches!(p, '-' | '－' | '〕' | ']' | '/' | ':' | '：' | '_' | '#'))
            || (before_a == Some(' ') && a >= 2 && is_latin(chars[a - 2]))
        {
            continue;
        }
        let Some(unit) = chars.get(b).copied() else { continue };
        if !UNITS.contains(unit) || matches!(chars.get(b + 1), Some('号')) {
            continue;
        }
        let left = b.min(i) - a;
        let right = b - (i + 1);
        let years = unit == '年' && left == 4 && right == 4;
        let across_months = unit == '月';
        let fix = if across_months {
            None
        } else if years {
            Some("—")
        } else {
            Some("～")
        };
        let range: String = chars[a..b].iter().collect();
        let msg = if across_months {
            format!("“{range}”用了短横线：起止日期写全，用一字线连接，如“8月28日—9月6日”。")
        } else if years {
            format!("年份的起止用一字线“—”连接，不用短横线：“{range}年”应为“{}年”。", range.replace(['-', '－'], "—"))
        } else {
            format!("数值范围用浪纹线“～”连接，不用短横线（GB/T 15834）：如“{}{unit}”。", range.replace(['-', '－'], "～"))
        };
        out.push(finding(RULE, Category::Number, Severity::Warning, chars, Span::new(i, i + 1), msg, fix.map(str::to_string)));
    }
}

/// `9月1日`, `1日` (a day of the same month): digits, an optional month, digits and 日.
fn whole_date_follows(chars: &[char], from: usize) -> bool {
    let digits = |j: usize| super::scan::run_end(chars, j, |c| c.is_ascii_digit());
    let a = digits(from);
    if a == from || a - from > 2 {
        return false;
    }
    match chars.get(a) {
        Some('日') => true,
        Some('月') => {
            let b = digits(a + 1);
            b > a + 1 && b - a - 1 <= 2 && chars.get(b) == Some(&'日')
        }
        _ => false,
    }
}

/// A run of hyphens from `i`: reported when Chinese text touches it and the line holds more than
/// the run (a separator line is not a dash). Returns where the run ends.
fn dash(chars: &[char], i: usize, out: &mut Vec<Finding>) -> usize {
    let end = super::scan::run_end(chars, i, |c| matches!(c, '-' | '－'));
    let prev = chars[..i].last().copied();
    let next = chars.get(end).copied();
    if prev.is_some_and(is_chinese) || next.is_some_and(is_chinese) {
        let msg = "破折号写作“——”（两个一字线），不用一串短横线。".to_string();
        out.push(finding(DASH, Category::Punctuation, Severity::Warning, chars, Span::new(i, end), msg, Some("——".to_string())));
    }
    end
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
        ("制定2026-2030年发展规划", &[(RULE, "-", Some("—"))]),
        ("每个村配备51-55人", &[(RULE, "-", Some("～"))]),
        ("篇幅集中在3000-5000字", &[(RULE, "-", Some("～"))]),
        ("罚款8-10万元", &[(RULE, "-", Some("～"))]),
        ("8月28-9月6日实行限行", &[(RULE, "-", None)]),
        ("做大做强1-2个主导产业，增长1.5-2.0%", &[(RULE, "-", Some("～")), (RULE, "-", Some("～"))]),
        ("8月30日-9月1日，召开专题民主生活会", &[(RULE, "-", Some("—"))]),
        ("3月5日-8日集中整改", &[(RULE, "-", Some("—"))]),
        ("这些规章制度包括--《学习制度》", &[(DASH, "--", Some("——"))]),
        ("规章制度包括-------《学习制度》", &[(DASH, "-------", Some("——"))]),
    ];

    const MISSES: &[&str] = &[
        "依据某发〔2024〕3-5号文件",
        "于2024-3-5召开会议",
        "联系电话0851-86892000",
        "执行GB/T 15835-2011标准",
        "住在3-5号楼",
        "2023—2035年，0—6岁儿童，51～55人",
        "9:00-10:30召开会议",
        "G20-1次会议",
        "8月30日—9月1日，3月5日至8日",
        "----------\n一、总体情况",
        "x--y，a-b",
        "于5日-3号楼集合",
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
