//! Words, phrases and sentences written twice back to back: `的的`, `进一步进一步`,
//! `坚持以人民为中心的发展思想坚持以人民为中心的发展思想`, a whole sentence repeated.
//!
//! Chinese doubles words on purpose (`常常`, `看看`, `天天讲`, `一个个`, `踏踏实实`,
//! `一步一步`), so a single doubled character is reported only where it cannot be that:
//! - a function word doubled inside a sentence (`的的`, `了了`, `在在`, `是是`, `把把`, `被被`),
//!   except where the pair is two words (`目的的`, `为了了解`, `现在在岗`, `是是非非`, `一把把`);
//! - any character doubled at the end of a clause (`项目库库。`) that is not one of the usual
//!   reduplications (`REDUPLICATED`), not the end of an AABB word and not after 一 (`一个个`).
//!
//! Chinese numerals are never a repeat (`十五五`, `二〇二〇`).
//!
//! Longer repeats: two to eight characters anywhere (not `一X一X`, which counts one by one),
//! and up to 80 characters (a clause or a sentence, marks included) starting at a clause start.
//!
//! Rule `duplicate`, a **warning** (a repeat is very likely a slip of copy and paste, but some
//! rhetoric repeats on purpose); the fix keeps one copy.
use super::scan::{finding, is_cn_numeral};
use super::{Category, Finding, Severity};
use crate::domain::model::text::{is_han, Span};

pub const RULE: &str = "duplicate";

/// Characters doubled on purpose at the end of a clause.
const REDUPLICATED: &str = "天常人个年月日处事时层步家户村样件条项次回遍刚渐仅往久默纷种多好慢快轻紧牢深稳看想谈说听问试走等哈妈爸爷奶哥姐弟妹叔宝星娃偏恰统通明白堂区茫滔熊匆冉隆欣赫累平寥楚翩栩井彬谢滚蒸节声片朵串排对双点滴团簇代辈世生忡洋融悄晶油彤乎甸灿压蒙糟哄零荡冲呼眯腾喷飕漉裸秃淋晃邦绵飘灵睁狠勃满仆济翼眈迢汹鼎奕粼皑凛耿夭睽然";

pub fn check(text: &str, out: &mut Vec<Finding>) {
    check_chars(&super::scan::chars_of(text), out);
}

/// Where each character was last seen, twice: `(pass, character, last, the one before)`, in a
/// small direct-mapped table kept between calls (a new pass number makes old entries stale, so
/// the table is not cleared for every line).
type Seen = [(u32, char, u32, u32); 1024];

thread_local! {
    static SEEN: std::cell::RefCell<(u32, Box<Seen>)> = std::cell::RefCell::new((0, Box::new([(0, '\0', 0, 0); 1024])));
}

pub fn check_chars(chars: &[char], out: &mut Vec<Finding>) {
    if chars.len() < 2 || chars.len() > u32::MAX as usize {
        return;
    }
    SEEN.with(|cell| {
        let mut guard = cell.borrow_mut();
        let (pass, seen) = &mut *guard;
        *pass = pass.wrapping_add(1);
        if *pass == 0 {
            // After 2^32 passes, the table's old numbers could look current: clear it once.
            seen.fill((0, '\0', 0, 0));
            *pass = 1;
        }
        scan(chars, *pass, seen, out);
    });
}

/// A repeat of `w` ends its first copy where the second starts with the same character, so
/// each place is compared only with the one or two earlier places of its own character.
fn scan(chars: &[char], pass: u32, seen: &mut Seen, out: &mut Vec<Finding>) {
    const NONE: usize = usize::MAX;
    let mut reported_until = 0;
    for (j, &c) in chars.iter().enumerate() {
        let slot = &mut seen[c as usize & 1023];
        let (last, second) = if slot.0 == pass && slot.1 == c { (slot.2 as usize, slot.3 as usize) } else { (NONE, NONE) };
        *slot = (pass, c, j as u32, if last == NONE { u32::MAX } else { last as u32 });
        // Most characters were last seen further back than any repeat reaches.
        if last == NONE || j - last > 80 || j < reported_until {
            continue;
        }
        let second = if second == u32::MAX as usize || j - second > 80 { NONE } else { second };
        // A repeat longer than one character has its second characters equal too: most places
        // fail that test, which is made here before the call.
        let next = chars.get(j + 1);
        let mut found = None;
        if j - last == 1 || chars.get(last + 1) == next {
            found = repeat_from(chars, last, j).map(|l| (last, l));
        }
        if found.is_none() && second != NONE && (j - second == 1 || chars.get(second + 1) == next) {
            found = repeat_from(chars, second, j).map(|l| (second, l));
        }
        if let Some((i, len)) = found {
            let w: String = chars[i..i + len].iter().collect();
            let msg = if len == 1 {
                format!("“{w}”重复了，请删去一个。")
            } else {
                format!("“{w}”连写了两遍，请删去一遍。")
            };
            out.push(finding(RULE, Category::Wording, Severity::Warning, chars, Span::new(i, i + 2 * len), msg, Some(w)));
            reported_until = i + 2 * len;
        }
    }
}

fn at_clause_start(chars: &[char], i: usize) -> bool {
    i == 0 || matches!(chars[i - 1], '\n' | '。' | '，' | '；' | '：' | '！' | '？' | '、' | ' ' | '　')
}

/// Is `chars[i..j]` written again from `j` (`chars[i] == chars[j]`)? Its length if so.
#[inline]
fn repeat_from(chars: &[char], i: usize, j: usize) -> Option<usize> {
    let len = j - i;
    let c = chars[i];
    if j + len > chars.len() || len > 80 {
        return None;
    }
    if len == 1 {
        return (is_han(c) && !is_cn_numeral(c) && doubled_char_is_a_slip(chars, i)).then_some(1);
    }
    let same = chars[i + 1] == chars[j + 1] && chars[i..j] == chars[j..j + len];
    if !same {
        return None;
    }
    // An item of a list written twice (`党委、党委、总支`): two or more Chinese characters and
    // their 、, the first copy opening an item (not the end of a longer name: `镇党委、党委办公室`).
    // `学习、学习、再学习` repeats on purpose.
    if len >= 3
        && chars[j - 1] == '、'
        && chars[i..j - 1].iter().all(|&x| is_han(x))
        && !is_cn_numeral(c)
        && chars.get(j + len) != Some(&'再')
    {
        let prev = i.checked_sub(1).map(|p| chars[p]);
        if at_clause_start(chars, i) || prev.is_some_and(|p| "个各和及与对等的".contains(p)) {
            return Some(len);
        }
    }
    if len <= 8 {
        // Chinese numerals repeat digits (`十五五`, `二〇二〇`); `一个一个` counts one by one.
        let words = chars[i..j].iter().all(|&x| is_han(x)) && !is_cn_numeral(c) && chars[i + 1] != c;
        if words && !(c == '一' && len == 2) {
            return Some(len);
        }
    }
    // Clauses and sentences: from a clause start, at least four Chinese characters.
    (len > 8 || !is_han(c)).then_some(()).filter(|_| at_clause_start(chars, i) && han_count(&chars[i..j]) >= 4).map(|_| len)
}

fn han_count(w: &[char]) -> usize {
    w.iter().filter(|&&c| is_han(c)).count()
}

/// `chars[i] == chars[i + 1]`: is this pair a slip?
fn doubled_char_is_a_slip(chars: &[char], i: usize) -> bool {
    let c = chars[i];
    let prev = i.checked_sub(1).map(|j| chars[j]);
    let next = chars.get(i + 2).copied();
    // AABB (踏踏实实, 是是非非, 的的确确) and ABB after 一 (一个个, 一把把).
    if next.is_some_and(|x| chars.get(i + 3) == Some(&x) && x != c) || prev == Some('一') {
        return false;
    }
    if prev.is_some_and(|p| chars.get(i.wrapping_sub(2)) == Some(&p) && p != c) {
        return false; // the BB of AABB
    }
    let inside = match c {
        '的' => prev != Some('目'),
        '了' => !prev.is_some_and(|p| "为除不".contains(p)) && !next.is_some_and(|x| "解结却然如无".contains(x)),
        '在' => !prev.is_some_and(|p| "现存实所正自内外好旨志潜".contains(p)),
        '是' => {
            !next.is_some_and(|x| "否非".contains(x))
                && !prev.is_some_and(|p| "但就总还也正倒硬凡要于若可真老像算便都不实乃即或只而则又".contains(p))
        }
        '把' | '被' => true,
        _ => false,
    };
    let clause_end = next.is_none_or(|x| !is_han(x));
    inside || (clause_end && !REDUPLICATED.contains(c))
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
        ("带动各项工作的的“牛鼻子”", &[(RULE, "的的", Some("的"))]),
        ("进一步进一步优化营商环境", &[(RULE, "进一步进一步", Some("进一步"))]),
        ("扩大互认项目库库。", &[(RULE, "库库", Some("库"))]),
        ("坚持以人民为中心的发展思想坚持以人民为中心的发展思想，持续改善民生",
            &[(RULE, "坚持以人民为中心的发展思想坚持以人民为中心的发展思想", Some("坚持以人民为中心的发展思想"))]),
        ("必须清醒看到，工作还存在许多不足。必须清醒看到，工作还存在许多不足。",
            &[(RULE, "必须清醒看到，工作还存在许多不足。必须清醒看到，工作还存在许多不足。", Some("必须清醒看到，工作还存在许多不足。"))]),
        ("把把好政治关", &[(RULE, "把把", Some("把"))]),
        ("共十个党委、党委、总支、支部参加", &[(RULE, "党委、党委、", Some("党委、"))]),
        ("加强学习、调研、调研、督查", &[(RULE, "调研、调研、", Some("调研、"))]),
    ];

    const MISSES: &[&str] = &[
        "常常看看群众的脸色，一个个问题抓落实，天天讲、月月讲。",
        "踏踏实实干事，明明白白做人，是是非非分清楚。",
        "达到目的的手段，为了了解情况，现在在岗干部",
        "一步一步推进，一年接着一年干",
        "学习、学习、再学习",
        "层层压实责任，步步为营，人人有责。",
        "一把把钥匙开一把把锁",
        "的确如此，的的确确",
        "“十五五”时期，二〇二〇年，五五分成",
        "忧心忡忡，喜气洋洋，其乐融融。",
        "镇党委、党委办公室、纪委",
        "发展、发展、再发展",
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
