//! Full-width and half-width forms of the same sign mixed in one text: `％` with `%`, `＋` with
//! `+`, full-width digits `２０２５` with ASCII digits. GB/T 15835-2011 (4.1.1) writes Arabic
//! numerals half-width; whichever form a text uses for `%` and `+`, it should use one.
//!
//! Judged over a whole text (a report, or all fields of a draft together): when both forms of a
//! sign occur, the rarer one is reported at each place (on a tie, the full-width one; full-width
//! digits always, when ASCII digits occur). A text that uses only one form is left alone: the
//! seed's `5＋5` and `1＋1` are consistent.
//!
//! Rule `mixed-width`. Severities (policy on `check::Severity`): full-width digits among ASCII
//! ones are a **warning** (GB/T 15835 writes digits half-width: very likely pasted); `％` with `%`
//! and `＋` with `+` a **hint** (both forms are in use — published reports mix them, e.g.
//! `“调解＋仲裁＋诉讼”` beside `“园区+科研+教育”` in `tests/corpus/a-gzbg-2026-hainan.txt` — so one
//! text should keep to one, a matter of consistency). The fix is the form the text uses most.
use super::scan::finding;
use super::{Category, Finding, Severity};
use crate::domain::model::text::Span;

pub const RULE: &str = "mixed-width";

/// (full-width, half-width) pairs counted one by one (`NumberPlaces::signs` in this order).
const PAIRS: [(char, char); 2] = [('％', '%'), ('＋', '+')];

#[inline(always)]
fn is_full_digit(c: char) -> bool {
    '０' <= c && c <= '９'
}

pub fn check(text: &str, out: &mut Vec<Finding>) {
    check_chars(&super::scan::chars_of(text), out);
}

pub fn check_chars(chars: &[char], out: &mut Vec<Finding>) {
    check_places(chars, &super::scan::NumberPlaces::of(chars), out);
}

/// The rule given the counts of each form (`NumberPlaces`, counted in the one pass the
/// whole-text rules share); the text is read again only when two forms are mixed.
pub fn check_places(chars: &[char], places: &super::scan::NumberPlaces, out: &mut Vec<Finding>) {
    let counts = places.signs;
    let (full_digits, ascii_digits) = (places.full_digits, places.ascii_digits);
    let mixed_pair = counts.iter().any(|&(f, h)| f > 0 && h > 0);
    let mixed_digits = full_digits > 0 && ascii_digits > 0;
    if !mixed_pair && !mixed_digits {
        return;
    }
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if mixed_digits && is_full_digit(c) {
            let end = super::scan::run_end(chars, i, is_full_digit);
            let ascii: String = chars[i..end].iter().map(|&d| char::from(b'0' + (d as u32 - '０' as u32) as u8)).collect();
            let msg =
                format!("全文其他地方用半角数字，这里是全角数字“{}”：请改为“{ascii}”。", super::scan::text_of(chars, Span::new(i, end)));
            out.push(finding(RULE, Category::Number, Severity::Warning, chars, Span::new(i, end), msg, Some(ascii)));
            i = end;
            continue;
        }
        for (k, &(full, half)) in PAIRS.iter().enumerate() {
            let (f, h) = counts[k];
            if f == 0 || h == 0 {
                continue;
            }
            // The rarer form is the slip; on a tie, the full-width one.
            let (slip, keep) = if h < f { (half, full) } else { (full, half) };
            if c == slip {
                let msg = format!("同一篇文字里“{full}”和“{half}”混用：全文统一用“{keep}”。");
                out.push(finding(RULE, Category::Number, Severity::Hint, chars, Span::new(i, i + 1), msg, Some(keep.to_string())));
            }
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
        ("失业率5.2%，收入增长5.6％。", &[(RULE, "％", Some("%"))]),
        ("增长5.1%，收入增长3.2％，投资增长4.0％。", &[(RULE, "%", Some("％"))]),
        ("构建“1＋N+X”政策体系，打造“5+5”工作机制。", &[(RULE, "＋", Some("+"))]),
        ("工业增加值增长８.5%，投资增长3.1%。", &[(RULE, "８", Some("8"))]),
        ("２０２５年，投资增长3.1%。", &[(RULE, "２０２５", Some("2025"))]),
    ];

    const MISSES: &[&str] =
        &["创新建立“5＋5”工作机制和“1＋1”帮扶机制", "增长5.1%，收入增长3.2%", "增长５.１％，收入增长３.２％", "没有数字的文字"];

    #[test]
    fn hits_fire_at_their_exact_spans() {
        table::assert_hits(found, HITS);
    }

    #[test]
    fn severities_follow_the_policy() {
        let sev = |t: &str| {
            let mut out = Vec::new();
            check(t, &mut out);
            out.iter().map(|f| f.severity).collect::<Vec<_>>()
        };
        assert_eq!(sev("增长８.5%，投资增长3.1%"), [Severity::Warning]);
        assert_eq!(sev("“1＋N”和“5+5”，“2+2”"), [Severity::Hint]);
    }

    #[test]
    fn traps_do_not_fire() {
        table::assert_misses(found, MISSES);
    }
}
