//! The value of a quantity as a clerk types it: a count in Arabic or Chinese numerals (`12`,
//! `十二`, `两`), a figure (`3.5`, `1,200`), a percentage (`92.5`, `92.5%`). Sums and rates
//! (`check::relations`) compare these values; `check::slots` says why a value is not one.
//!
//! Values are fixed-point integers (millionths), never `f64`: exact sums, and no float parsing
//! or formatting code in the page (formatting one `f64` costs the bundle kilobytes).
use crate::domain::model::template::SlotKind;

/// Millionths: a quantity's value is `micros / MICRO`.
pub const MICRO: u64 = 1_000_000;

/// A typed quantity: its value in millionths and how many decimals the clerk typed (a rate
/// typed `92.5` is right if the exact rate rounds to it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Quantity {
    pub micros: u64,
    pub decimals: u32,
}

impl Quantity {
    fn whole(n: u64) -> Self {
        Quantity { micros: n * MICRO, decimals: 0 }
    }
}

/// The value of a slot of a quantity kind (count, number, percent); `None` for an empty or
/// unreadable value, or another kind.
pub fn read(kind: SlotKind, typed: &str) -> Option<Quantity> {
    let v = typed.trim();
    match kind {
        SlotKind::Count => count(v).map(Quantity::whole),
        SlotKind::Number => figure(v).or_else(|| count(v).map(Quantity::whole)),
        SlotKind::Percent => figure(v.strip_suffix(['%', '％']).unwrap_or(v).trim_end()),
        _ => None,
    }
}

/// A year slot's value.
pub fn year(typed: &str) -> Option<i32> {
    let v = typed.trim();
    (v.len() == 4 && v.bytes().all(|b| b.is_ascii_digit())).then(|| v.parse().ok()).flatten()
}

/// Arabic digits (`12`, at most 9) or Chinese numerals up to the thousands (`三`, `两`, `十二`,
/// `一百零五`).
pub fn count(v: &str) -> Option<u64> {
    if !v.is_empty() && v.len() <= 9 && v.bytes().all(|b| b.is_ascii_digit()) {
        return v.parse().ok();
    }
    chinese(v)
}

fn chinese_digit(c: char) -> Option<u64> {
    Some(match c {
        '〇' | '零' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// The value of a Chinese numeral: `五` 5, `十二` 12, `二十` 20, `两百零五` 205, `三万` 30000.
/// `None` for anything that is not a well-formed numeral.
pub fn chinese_value(s: impl IntoIterator<Item = char>) -> Option<u64> {
    let mut total = 0u64;
    let mut section = 0u64;
    let mut digit: Option<u64> = None;
    let mut any = false;
    for c in s {
        any = true;
        if let Some(d) = chinese_digit(c) {
            if digit.is_some_and(|x| x != 0) {
                return None; // two digits in a row: 二三 is an approximation, not a number
            }
            digit = Some(d);
            continue;
        }
        let unit = match c {
            '十' => 10,
            '百' => 100,
            '千' => 1000,
            '万' => {
                section += digit.take().unwrap_or(0);
                total += section.max(1) * 10_000;
                section = 0;
                continue;
            }
            _ => return None,
        };
        section += digit.take().unwrap_or(1) * unit;
    }
    any.then_some(total + section + digit.unwrap_or(0))
}

/// A count typed in Chinese numerals, stricter than `chinese_value`: every unit (十, 百, 千,
/// 万) follows a digit, except a leading 十 (`十二`); so `百` or `十百` are not counts.
/// `十二` = 12, `二十` = 20, `一百零五` = 105, `两千三百` = 2300.
fn chinese(v: &str) -> Option<u64> {
    let mut before: Option<char> = None;
    for c in v.chars() {
        let unit = matches!(c, '十' | '百' | '千' | '万');
        let after_digit = before.is_some_and(|b| chinese_digit(b).is_some_and(|d| d != 0));
        if unit && !after_digit && !(c == '十' && before.is_none()) {
            return None;
        }
        before = Some(c);
    }
    chinese_value(v.chars())
}

/// `3.5`, `1,200`, `12`: digits with optional thousands commas and one decimal point (at most
/// 9 digits before it and 6 after, so that sums and rates stay within `u64`).
fn figure(v: &str) -> Option<Quantity> {
    let (int, frac) = v.split_once('.').unwrap_or((v, ""));
    let groups: Vec<&str> = int.split(',').collect();
    let grouped_ok = groups.len() == 1 || (!groups[0].is_empty() && groups[0].len() <= 3 && groups[1..].iter().all(|g| g.len() == 3));
    let digits: String = groups.concat();
    let ok = grouped_ok
        && !digits.is_empty()
        && digits.len() <= 9
        && frac.len() <= 6
        && digits.bytes().all(|b| b.is_ascii_digit())
        && frac.bytes().all(|b| b.is_ascii_digit())
        && !(v.contains('.') && frac.is_empty());
    if !ok {
        return None;
    }
    let whole: u64 = digits.parse().ok()?;
    let decimals = frac.len() as u32;
    let part: u64 = if frac.is_empty() { 0 } else { frac.parse().ok()? };
    Some(Quantity { micros: whole * MICRO + part * 10u64.pow(6 - decimals), decimals })
}

/// A value in millionths as a clerk writes it: `45`, `3.5`, `89.13`.
pub fn shown(micros: u64) -> String {
    let (whole, part) = (micros / MICRO, micros % MICRO);
    if part == 0 {
        return whole.to_string();
    }
    let frac = format!("{part:06}");
    format!("{whole}.{}", frac.trim_end_matches('0'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_in_arabic_and_chinese_numerals() {
        for (typed, n) in [
            ("12", 12),
            ("三", 3),
            ("两", 2),
            ("十", 10),
            ("十二", 12),
            ("二十", 20),
            ("四十六", 46),
            ("一百零五", 105),
            ("一百二十", 120),
            ("两千三百", 2300),
        ] {
            assert_eq!(count(typed), Some(n), "{typed}");
        }
        for bad in ["", "二三", "3名", "百", "-1", "1.5", "abc", "1234567890"] {
            assert_eq!(count(bad), None, "{bad}");
        }
    }

    #[test]
    fn figures_and_percentages() {
        let q = |k, v| read(k, v).map(|q| (shown(q.micros), q.decimals));
        assert_eq!(q(SlotKind::Number, "1,200"), Some(("1200".into(), 0)));
        assert_eq!(q(SlotKind::Number, "3.5"), Some(("3.5".into(), 1)));
        assert_eq!(q(SlotKind::Number, "十二"), Some(("12".into(), 0)));
        assert_eq!(q(SlotKind::Percent, "92.5%"), Some(("92.5".into(), 1)));
        assert_eq!(q(SlotKind::Percent, "92.50 ％"), Some(("92.5".into(), 2)));
        assert_eq!(q(SlotKind::Percent, "100"), Some(("100".into(), 0)));
        assert_eq!(q(SlotKind::Number, "0.000001"), Some(("0.000001".into(), 6)));
        for bad in ["", "1,20", ",100", "3.", "3.5.1", "约50", "50%%", "1.0000001"] {
            assert_eq!(q(SlotKind::Percent, bad), None, "{bad}");
        }
        assert_eq!(q(SlotKind::Text, "12"), None, "a text slot is not a quantity");
        assert_eq!(year(" 2024 "), Some(2024));
        assert_eq!(year("20XX"), None);
    }
}
