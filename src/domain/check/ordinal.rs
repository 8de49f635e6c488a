//! Ordinal sequences: `一是/二是/三是`, `（一）（二）`, `1. 2.`, `第一，第二，` and the `一、二、`
//! headings, each read in text order over a whole text (a part's field, or a whole report):
//! an ordinal that repeats the one before it (`二是……二是`), goes back (`三是……二是`) or skips one
//! (`一是……三是`) is reported.
//!
//! How a sequence is read:
//! - a higher level starts its lower levels afresh: a `一、` heading the `（一）`, `1.`, `一是` and
//!   `第一` after it; a `（一）` the `1.`, `一是` and `第一`; a `1.` the `一是` and `第一`;
//! - `一` (`1`) always starts a sequence; a sequence started inside another (three items listed
//!   inside the second of five) is stacked, and the outer one goes on after it (`二是……一是、二是、
//!   三是……三是`);
//! - the first ordinal of a text is taken as it is (the list may have started in another part).
//!
//! Where an ordinal counts: `N是` after a mark or at a line start (not `统一是`), `（N）` and `N.`
//! (followed by a Chinese character, `“` or `《`) at the start of an item, `第N` followed by `，` or `、` at
//! the start of a clause, `N、` at the start of a line.
//!
//! Rule `ordinal-sequence`, a **warning**: a repeat or a gap is very likely a slip of editing,
//! but a text may number on purpose in its own way. A repeat gets the next ordinal as its fix; a
//! gap gets none (an item may be missing rather than misnumbered).
use super::scan::{at_item_start, at_line_start, cn_value, finding, is_cn_numeral};
use super::{Category, Finding, Severity};
use crate::domain::model::text::{is_han, Span};

pub const RULE: &str = "ordinal-sequence";

/// The kinds of ordinal, highest level first.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Heading,
    Paren,
    Arabic,
    Shi,
    Di,
}

const KINDS: usize = 5;

fn level(k: Kind) -> usize {
    match k {
        Kind::Heading => 0,
        Kind::Paren => 1,
        Kind::Arabic => 2,
        Kind::Shi | Kind::Di => 3,
    }
}

fn index(k: Kind) -> usize {
    match k {
        Kind::Heading => 0,
        Kind::Paren => 1,
        Kind::Arabic => 2,
        Kind::Shi => 3,
        Kind::Di => 4,
    }
}

/// The ordinal as written for value `v`.
fn written(k: Kind, v: u64) -> Option<String> {
    let cn = || Some(crate::domain::model::numbering::chinese(v as usize));
    Some(match k {
        Kind::Heading => format!("{}、", cn()?),
        Kind::Paren => format!("（{}）", cn()?),
        Kind::Arabic => format!("{v}."),
        Kind::Shi => format!("{}是", cn()?),
        Kind::Di => format!("第{}", cn()?),
    })
}

/// One ordinal found: kind, value, span.
struct Ord {
    kind: Kind,
    value: u64,
    span: Span,
}

fn cn_ordinal(chars: &[char], i: usize) -> Option<(u64, usize)> {
    let end = super::scan::run_end(chars, i, |c| is_cn_numeral(c) && !matches!(c, '〇' | '零' | '百' | '千' | '万' | '两'));
    if end == i || end - i > 3 {
        return None;
    }
    cn_value(chars[i..end].iter().copied()).map(|v| (v, end))
}

fn ordinal_at(chars: &[char], i: usize) -> Option<Ord> {
    let c = chars[i];
    let prev = i.checked_sub(1).map(|j| chars[j]);
    if c == '（' || c == '(' {
        if !at_item_start(chars, i) {
            return None;
        }
        let (v, end) = cn_ordinal(chars, i + 1)?;
        return matches!(chars.get(end), Some('）' | ')')).then(|| Ord { kind: Kind::Paren, value: v, span: Span::new(i, end + 1) });
    }
    if c.is_ascii_digit() {
        if prev.is_some_and(|p| p.is_ascii_digit()) || !at_item_start(chars, i) {
            return None;
        }
        let end = super::scan::run_end(chars, i, |d| d.is_ascii_digit());
        if end - i > 2
            || !matches!(chars.get(end), Some('.' | '．'))
            || !chars.get(end + 1).is_some_and(|&n| is_han(n) || matches!(n, '“' | '《'))
        {
            return None;
        }
        let v: u64 = chars[i..end].iter().collect::<String>().parse().ok()?;
        return Some(Ord { kind: Kind::Arabic, value: v, span: Span::new(i, end + 1) });
    }
    if c == '第' {
        if prev.is_some_and(is_han) && !at_item_start(chars, i) {
            return None;
        }
        let (v, end) = cn_ordinal(chars, i + 1)?;
        return matches!(chars.get(end), Some('，' | '、')).then(|| Ord { kind: Kind::Di, value: v, span: Span::new(i, end) });
    }
    if !is_cn_numeral(c) || prev.is_some_and(|p| is_han(p) || p.is_ascii_alphanumeric() || p == '（' || p == '(') {
        return None;
    }
    let (v, end) = cn_ordinal(chars, i)?;
    match chars.get(end) {
        Some('是') => Some(Ord { kind: Kind::Shi, value: v, span: Span::new(i, end + 1) }),
        Some('、')
            if at_line_start(chars, i)
                && chars.get(end + 1).is_some_and(|&n| is_han(n) || n.is_ascii_digit() || matches!(n, '“' | '《')) =>
        {
            Some(Ord { kind: Kind::Heading, value: v, span: Span::new(i, end + 1) })
        }
        _ => None,
    }
}

pub fn check(text: &str, out: &mut Vec<Finding>) {
    check_chars(&super::scan::chars_of(text), out);
}

pub fn check_chars(chars: &[char], out: &mut Vec<Finding>) {
    check_places(chars, &super::scan::NumberPlaces::of(chars), out);
}

/// The rule from the places where numbers and brackets start (`NumberPlaces`, found once for the
/// whole-text rules): an ordinal starts at one of them, never inside a run of digits or numerals.
pub fn check_places(chars: &[char], places: &super::scan::NumberPlaces, out: &mut Vec<Finding>) {
    // Per kind, a stack of sequences: the last value of each.
    let mut seqs: [Vec<u64>; KINDS] = Default::default();
    let mut i = 0;
    for &(start, _) in &places.starts {
        if start < i {
            continue;
        }
        i = start;
        let c = chars[i];
        // A numeral inside a word (`统一`, `进一步`) is no ordinal (`ordinal_at` says so too):
        // most numerals are passed over here without the call.
        if is_cn_numeral(c) && i > 0 && is_han(chars[i - 1]) {
            continue;
        }
        let Some(o) = ordinal_at(chars, i) else {
            continue;
        };
        i = o.span.end;
        for k in [Kind::Heading, Kind::Paren, Kind::Arabic, Kind::Shi, Kind::Di] {
            if level(k) > level(o.kind) {
                seqs[index(k)].clear();
            }
        }
        let stack = &mut seqs[index(o.kind)];
        let v = o.value;
        if v == 1 {
            stack.push(1);
            continue;
        }
        // The innermost sequence this ordinal continues.
        if let Some(k) = stack.iter().rposition(|&last| v == last + 1) {
            stack.truncate(k + 1);
            stack[k] = v;
            continue;
        }
        let Some(&last) = stack.last() else {
            stack.push(v); // the first of the text: taken as it is
            continue;
        };
        let (Some(this), Some(before)) = (written(o.kind, v), written(o.kind, last)) else { continue };
        let (msg, fix) = if v <= last {
            let next = written(o.kind, last + 1);
            let want = next.clone().unwrap_or_default();
            (format!("序号“{this}”与前面的“{before}”重复或倒退了：这里应是“{want}”吧？"), next)
        } else {
            let missing = written(o.kind, last + 1).unwrap_or_default();
            (format!("序号从“{before}”跳到了“{this}”，中间缺少“{missing}”：请补上或改正序号。"), None)
        };
        out.push(finding(RULE, Category::Structure, Severity::Warning, chars, o.span, msg, fix));
        if let Some(top) = stack.last_mut() {
            *top = v.max(*top);
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
        ("亮点：一是增长快；二是创新强；二是发展协调；三是民生有力。", &[(RULE, "二是", Some("三是"))]),
        ("一是聚焦经济建设；三是聚焦改革开放；四是聚焦民生。", &[(RULE, "三是", None)]),
        ("（一）深化改革。（二）加快创新。（二）实施乡村振兴战略。", &[(RULE, "（二）", Some("（三）"))]),
        ("主要做法：1.强化组织领导；2.完善制度机制；4.严格督查考核。", &[(RULE, "4.", None)]),
        ("第一，提高认识；第二，完善机制；第二，强化督查。", &[(RULE, "第二", Some("第三"))]),
        ("一、总体情况\n二、主要做法\n二、存在问题", &[(RULE, "二、", Some("三、"))]),
        ("一、2025年工作回顾\n二、“十五五”目标\n四、2026年工作", &[(RULE, "四、", None)]),
        ("1.“四上”企业：……\n2.“双高计划”：……\n2.《条例》", &[(RULE, "2.", Some("3."))]),
        ("一是学习。\n二是调研。\n二是整改。", &[(RULE, "二是", Some("三是"))]),
    ];

    const MISSES: &[&str] = &[
        "一是增长快；二是创新强；三是发展协调。",
        "一、总体情况\n（一）学习\n（二）调研\n二、主要做法\n（一）整改\n（二）督查",
        "二是要抓好三件大事：一是迎来建党百年，二是进入新时代，三是完成脱贫攻坚。三是要抓好落实。",
        "统一是前提，第一是关键，唯一是标准",
        "第一个百年奋斗目标，居世界第一，第二产业",
        "（二）加快创新。1.强化领导；2.完善机制。（三）实施战略。1.抓落实。",
        "增长1.5%，下降2.3个百分点",
        "二是落实责任。三是强化督查。",
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
