//! Two words of approximation on one number: `约60余万人`, `近5000多万人次`, `约1万亿元左右`,
//! `大约30人左右`. One is enough (约60万人 or 60余万人); `近` (a little under) with `多`/`余`
//! (a little over) even says two things at once.
//!
//! A number counts when the first word stands right before it (`约`, `大约`, `近`, `将近`,
//! `接近`, `大概`) and the second right after it and its magnitude (`余`, `多`: `60余万`,
//! `60万多`), or after its unit (`左右`, up to three characters on: `1万亿元左右`). Left alone:
//! words that end in 约 or 近 (`节约60万元`, `最近3年多来`, `附近2公里`), and the two words on two
//! numbers (`约60万人，增长10%左右`).
//!
//! Rule `number-approx`, a **warning** (the doubling is very likely an oversight); no fix, since
//! which word to keep is the writer's choice.
use super::scan::{finding, is_cn_numeral, starts_with};
use super::{Category, Finding, Severity};
use crate::domain::model::text::Span;

pub const RULE: &str = "number-approx";

/// Words before a number, longest first.
const BEFORE: &[&str] = &["大约", "将近", "接近", "大概", "约", "近"];

fn is_num(c: char) -> bool {
    c.is_ascii_digit() || matches!(c, '.' | ',') || (is_cn_numeral(c) && !matches!(c, '万' | '千' | '百')) || ('０'..='９').contains(&c)
}

pub fn check(text: &str, out: &mut Vec<Finding>) {
    check_chars(&super::scan::chars_of(text), out);
}

pub fn check_chars(chars: &[char], out: &mut Vec<Finding>) {
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if !matches!(c, '约' | '近' | '大' | '将' | '接') {
            i += 1;
            continue;
        }
        let Some(word) = BEFORE.iter().find(|w| starts_with(chars, i, w)) else {
            i += 1;
            continue;
        };
        let wlen = word.chars().count();
        let prev = i.checked_sub(1).map(|j| chars[j]);
        let part_of_word = wlen == 1
            && prev.is_some_and(|p| {
                if c == '约' { "节制合公条契预邀相违履签特简隐婉" } else { "最附临靠亲远就邻贴逼迫挨相" }.contains(p)
            });
        let n0 = i + wlen;
        let n1 = super::scan::run_end(chars, n0, is_num);
        if part_of_word || n1 == n0 || !chars[n0].is_ascii_digit() && !is_cn_numeral(chars[n0]) && !('０'..='９').contains(&chars[n0]) {
            i += 1;
            continue;
        }
        let mag = super::scan::run_end(chars, n1, |m| matches!(m, '万' | '亿' | '千' | '百' | '十'));
        let second = if matches!(chars.get(n1), Some('余' | '多')) {
            Some(Span::new(n1, n1 + 1))
        } else if matches!(chars.get(mag), Some('余' | '多')) && mag > n1 {
            Some(Span::new(mag, mag + 1))
        } else {
            (mag..(mag + 4).min(chars.len()))
                .find(|&k| starts_with(chars, k, "左右"))
                .filter(|&k| chars[mag..k].iter().all(|&u| crate::domain::model::text::is_han(u) || u == '%' || u == '％'))
                .map(|k| Span::new(k, k + 2))
        };
        if let Some(s) = second {
            let span = Span::new(i, s.end);
            let first = &word;
            let other = super::scan::text_of(chars, s);
            let msg = format!("“{first}”和“{other}”都表示约数，用在同一个数上重复了：保留一个即可。");
            out.push(finding(RULE, Category::Number, Severity::Warning, chars, span, msg, None));
            i = s.end;
        } else {
            i = n1;
        }
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
        ("新增城镇就业约60余万人", &[(RULE, "约60余", None)]),
        ("惠及近10万多名儿童", &[(RULE, "近10万多", None)]),
        ("完成投资约1万亿元左右", &[(RULE, "约1万亿元左右", None)]),
        ("大约三十人左右参加", &[(RULE, "大约三十人左右", None)]),
        ("吞吐量近5000多万人次", &[(RULE, "近5000多", None)]),
    ];

    const MISSES: &[&str] = &[
        "新增城镇就业约60万人，60余万人",
        "惠及近10万儿童，每年70%左右财政支出",
        "节约60余万元，最近3年多来，附近2公里左右",
        "约60万人，增长10%左右",
        "接近目标，约定俗成",
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
