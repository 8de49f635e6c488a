//! The year of a document number (发文字号) in the wrong brackets: `县委[2004]14号`,
//! `国发(2023)16号`, `某办【2024】3号`. GB/T 9704-2012 (7.2.4) writes the year of a 发文字号 in
//! full, in 六角括号 `〔〕`: `国发〔2023〕16号`.
//!
//! A place counts only as a document number's shape: a Han character (the issuer's code) before
//! the bracket, a four-digit year 19xx or 20xx inside it, and a serial number with `号` after it.
//! A court's case number (`（2024）京01民初14号`: a place code after the bracket) and a year in
//! brackets in running text (`（2024）`) are left alone.
//!
//! Rule `doc-number-brackets`, a **warning**: the shape is very likely a 发文字号, but a text may
//! quote one from a body that writes it otherwise. Fix: `〔2004〕`.
use super::scan::finding;
use super::{Category, Finding, Severity};
use crate::domain::model::text::{is_han, Span};

pub const RULE: &str = "doc-number-brackets";

/// Does a bracket here open a document number's year? (The trigger the driver looks for.)
#[inline(always)]
pub fn may_open(c: char) -> bool {
    matches!(c, '[' | '【' | '(' | '（' | '［')
}

fn closing(open: char) -> char {
    match open {
        '[' => ']',
        '【' => '】',
        '(' => ')',
        '［' => '］',
        _ => '）',
    }
}

pub fn check(text: &str, out: &mut Vec<Finding>) {
    check_chars(&super::scan::chars_of(text), out);
}

pub fn check_chars(chars: &[char], out: &mut Vec<Finding>) {
    for (i, &c) in chars.iter().enumerate() {
        if !may_open(c) || i == 0 || !is_han(chars[i - 1]) || i + 6 >= chars.len() {
            continue;
        }
        let year = &chars[i + 1..i + 5];
        if !year.iter().all(char::is_ascii_digit) || !matches!((year[0], year[1]), ('1', '9') | ('2', '0')) {
            continue;
        }
        if chars[i + 5] != closing(c) {
            continue;
        }
        let serial = super::scan::run_end(chars, i + 6, |d| d.is_ascii_digit());
        if serial == i + 6 || serial - (i + 6) > 4 || chars.get(serial) != Some(&'号') {
            continue;
        }
        let y: String = year.iter().collect();
        let msg = format!("发文字号的年份用六角括号“〔〕”括入：“〔{y}〕”（GB/T 9704）。");
        out.push(finding(RULE, Category::Punctuation, Severity::Warning, chars, Span::new(i, i + 6), msg, Some(format!("〔{y}〕"))));
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
        ("以县委[2004]14号文为目标", &[(RULE, "[2004]", Some("〔2004〕"))]),
        ("根据国发(2023)16号文件", &[(RULE, "(2023)", Some("〔2023〕"))]),
        ("按照市办【2024】3号通知", &[(RULE, "【2024】", Some("〔2024〕"))]),
        ("依据某委（2019）102号", &[(RULE, "（2019）", Some("〔2019〕"))]),
    ];

    const MISSES: &[&str] =
        &["根据国发〔2023〕16号文件", "（2024）京01民初14号判决", "全年（2024）完成12项", "第（2024）号", "附件（1999）", "[2024]"];

    #[test]
    fn hits_fire_at_their_exact_spans() {
        table::assert_hits(found, HITS);
    }

    #[test]
    fn traps_do_not_fire() {
        table::assert_misses(found, MISSES);
    }
}
