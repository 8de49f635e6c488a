//! Punctuation (GB/T 15834-2011 标点符号用法, as `domain.md` applies it to a 报告).
//!
//! What fires, by rule id:
//! - `punct-halfwidth`: a half-width `.` `,` `:` `;` `(` `)` `?` `!` `"` (or the full-width
//!   stop `．`) next to Chinese text: `岗位需求.干部`, `市委巡察组:`, `县(市)`. Fix: the
//!   full-width mark. Not decimals (`3.5`), thousands (`1,000`), times (`10:30`), `1.`
//!   ordinals at the start of an item, file names and URLs (`报告.docx`, `www.gov.cn`).
//! - `punct-ordinal-shi`: a mark right after `一是`, `二是`…: `一是：`, `二是，`. Fix: remove it.
//! - `punct-ordinal-bracket`: a mark after a bracketed ordinal at the start of an item:
//!   `（一）、`, `（一）.`, `（1），`. Fix: remove it.
//! - `punct-ordinal-mark`: the wrong mark after a bare ordinal at the start of an item: `1、`
//!   (fix `1.`), `一.` / `一，` at a line start (fix `一、`); a Chinese ordinal with no mark and
//!   no `是` before the item's verb at the start of an item (`三切实履行`, `四以打造……为着力点`;
//!   a warning: fix `三是` or `三、`).
//! - `punct-event-date`: an event named by its month and day with a full stop between them,
//!   `“5.12”特大地震`; GB/T 15834-2011 4.15.3 writes `“5·12”` (a warning: fix `·`).
//! - `punct-dunhao-pairs`: a 顿号 between adjacent 书名号 or quotation pairs: `《条例》、《规定》`,
//!   `“充电”、“补课”`. Fix: remove the 、. A hint only: GB/T 15834 says such pairs are
//!   *usually* (通常) written without it, and authoritative texts write `“一国两制”、“港人治港”`
//!   (the 19th and 20th congress reports do); `domain.md` prefers it without.
//! - `punct-unbalanced`: an unmatched `《》` `“”` `‘’` `（）` `〔〕` `【】` inside one line.
//! - `punct-quote-nesting`: single quotes used outside double ones, or double quotes nested in
//!   double quotes (`“ ”` outside, `‘ ’` inside).
//!   Pairs that only look nested because an earlier `“` of their line is unmatched are not
//!   reported: that `“` is (one slip, one finding).
//! - `punct-doubled`: two marks in a row: `。。`, `，，`, `，。`. Fix (same mark): one of it.
//! - `punct-ellipsis`: `...`, `。。。`, `···` or a lone `…` used as an ellipsis. Fix: `……`.
//!   A point mark right after `……` (`工作中去……。`) is a warning: GB/T 15834-2011 4.11 lets
//!   the ellipsis carry the pause. Fix: remove the mark.
//!
//! Severities (the policy is on `check::Severity`): errors for what is certainly wrong in a 公文
//! — `punct-halfwidth`, `punct-ordinal-*`, `punct-unbalanced`, `punct-doubled`,
//! `punct-ellipsis` (but a mark after `……`: a warning); a warning for `punct-quote-nesting` (very likely wrong, but a quotation
//! inside a quotation can be read either way); a hint for `punct-dunhao-pairs` (a preference).
//!
//! Not findings (the traps): `县（市）`, `“1＋1”`, `“5＋5”`, `（一）强组织建设`,
//! `《关于新形势下党内政治生活的若干准则》`, `《条例》《规定》`, `3.5%`, `10:30`, `Xi’an`.
//!
//! The table at the bottom shows what fires and what must not; read it first.
use super::scan::{
    at, at_item_start, at_line_start, before, finding, is_blank, is_chinese, is_latin, overlaps, run_end, run_start, starts_with,
    ByteFilter,
};
use super::{Category, Finding, Severity};
use crate::domain::model::text::{is_han, Span};

pub const HALFWIDTH: &str = "punct-halfwidth";
pub const ORDINAL_SHI: &str = "punct-ordinal-shi";
pub const ORDINAL_BRACKET: &str = "punct-ordinal-bracket";
pub const ORDINAL_MARK: &str = "punct-ordinal-mark";
pub const DUNHAO_PAIRS: &str = "punct-dunhao-pairs";
pub const UNBALANCED: &str = "punct-unbalanced";
pub const QUOTE_NESTING: &str = "punct-quote-nesting";
pub const DOUBLED: &str = "punct-doubled";
pub const ELLIPSIS: &str = "punct-ellipsis";
pub const EVENT_DATE: &str = "punct-event-date";

pub fn check(text: &str, out: &mut Vec<Finding>) {
    check_chars(&super::scan::chars_of(text), out);
}

/// `check` over the text's characters: the driver collects them once for every family.
///
/// One pass over the characters notes where each rule has something to look at (`Marks`);
/// each rule then reads only those places, in the order below, so that the first rule to
/// claim a character keeps it (see `push`). Chinese text is mostly Han characters, which no
/// rule looks at.
pub fn check_chars(chars: &[char], out: &mut Vec<Finding>) {
    let marks = Marks::of(chars);
    if marks.list.is_empty() {
        return;
    }
    let mut found = Vec::new();
    ellipsis(chars, marks.places(DOTS), &mut found);
    doubled(chars, marks.places(STOPS), &mut found);
    ordinal_shi(chars, marks.places(SHI), &mut found);
    ordinal_bracket(chars, marks.places(BRACKET), &mut found);
    ordinal_mark(chars, marks.places(ORDINAL), &mut found);
    dunhao_pairs(chars, marks.places(DUNHAO), &mut found);
    event_date(chars, marks.places(PAIRED), &mut found);
    balance(chars, marks.places(PAIRED), &mut found);
    // Characters another rule has already explained are not reported again as half-width.
    halfwidth(chars, &marks, &mut found);
    out.extend(found);
}

/// What a rule may look at a place for (bits of `Mark::what`).
/// The start of a run of dots (`is_dot`) or of `…`.
const DOTS: u16 = 1;
/// The start of a run of clause marks (`is_stop`) or of `.`.
const STOPS: u16 = 2;
/// `是` after an ordinal numeral.
const SHI: u16 = 4;
/// An opening bracket `（` `(`.
const BRACKET: u16 = 8;
/// The start of a run of ASCII digits or of ordinal numerals.
const ORDINAL: u16 = 16;
/// `、` with a character on each side.
const DUNHAO: u16 = 32;
/// A paired mark or a line end.
const PAIRED: u16 = 64;
/// A half-width mark.
const HALF: u16 = 128;

/// A place some rule looks at.
struct Mark {
    at: usize,
    what: u16,
    /// For a half-width mark: the straight quotes `"` on its line so far, itself included.
    quotes: usize,
}

/// The places the rules look at, found in one pass, in text order; one list for all of them
/// (one allocation per text rather than one per rule).
struct Marks {
    list: Vec<Mark>,
    /// Matching half-width `(` `)` inside each line.
    parens: Vec<(usize, usize)>,
}

impl Marks {
    fn of(chars: &[char]) -> Marks {
        let mut m = Marks { list: Vec::with_capacity(chars.len() / 4), parens: Vec::new() };
        let mut prev: Option<char> = None;
        let mut straight_quotes_in_line = 0usize;
        let mut open_parens: Vec<usize> = Vec::new();
        // The Han characters a rule here looks at: `是` and the ordinal numerals.
        const LOOKED_AT: ByteFilter = ByteFilter::new(&['是', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十']);
        for (i, &c) in chars.iter().enumerate() {
            if ('\u{4E00}' <= c && c <= '\u{9FFF}') && !LOOKED_AT.may(c) {
                // Most of a report: a Han character no rule here looks at.
            } else if c == '是' {
                if prev.is_some_and(is_ordinal_numeral) {
                    m.list.push(Mark { at: i, what: SHI, quotes: 0 });
                }
            } else if is_ordinal_numeral(c) || c.is_ascii_digit() {
                // `ordinal_mark` wants an item's or a line's start: never after a Han character
                // (`统一`, `第一`), which leaves most numerals unmarked.
                if !prev.is_some_and(|b| b.is_ascii_digit() || is_ordinal_numeral(b) || is_han(b)) {
                    m.list.push(Mark { at: i, what: ORDINAL, quotes: 0 });
                }
            } else if !(('\u{4E00}' <= c && c <= '\u{9FFF}') || c.is_ascii_alphabetic()) {
                // No rule looks at another Han character or a Latin letter.
                m.mark(chars, i, c, prev, &mut straight_quotes_in_line, &mut open_parens);
            }
            prev = Some(c);
        }
        m
    }

    fn mark(&mut self, chars: &[char], i: usize, c: char, prev: Option<char>, quotes: &mut usize, open_parens: &mut Vec<usize>) {
        let mut what = 0;
        if is_dot(c) && !prev.is_some_and(is_dot) || c == '…' && prev != Some('…') {
            what |= DOTS;
        }
        if is_stop(c) && !prev.is_some_and(is_stop) || c == '.' && prev != Some('.') {
            what |= STOPS;
        }
        if matches!(c, '（' | '(') {
            what |= BRACKET;
        }
        if c == '、' && i > 0 && i + 1 < chars.len() {
            what |= DUNHAO;
        }
        if matches!(c, '\n' | '\r') || closer_of(c).is_some() || is_closer(c) {
            what |= PAIRED;
        }
        match c {
            '\n' => {
                *quotes = 0;
                open_parens.clear();
            }
            '"' => *quotes += 1,
            '(' => open_parens.push(i),
            ')' => {
                if let Some(o) = open_parens.pop() {
                    self.parens.push((o, i));
                }
            }
            _ => {}
        }
        if matches!(c, '.' | '．' | ',' | ':' | ';' | '?' | '!' | '"' | '(' | ')') {
            what |= HALF;
        }
        if what != 0 {
            self.list.push(Mark { at: i, what, quotes: *quotes });
        }
    }

    /// The places marked `what`, in text order.
    fn places(&self, what: u16) -> Places<'_> {
        Places { list: &self.list, what, k: 0 }
    }
}

/// `Marks::places`: a loop the compiler keeps inline in each rule (a filter's closure is a
/// call per mark in the page's size-optimised build, and every rule reads the whole list).
struct Places<'a> {
    list: &'a [Mark],
    what: u16,
    k: usize,
}

impl Iterator for Places<'_> {
    type Item = usize;

    #[inline(always)]
    fn next(&mut self) -> Option<usize> {
        while self.k < self.list.len() {
            let m = &self.list[self.k];
            self.k += 1;
            if m.what & self.what != 0 {
                return Some(m.at);
            }
        }
        None
    }
}

fn push(
    out: &mut Vec<Finding>,
    rule: &'static str,
    severity: Severity,
    chars: &[char],
    span: Span,
    message: String,
    replacement: Option<&str>,
) {
    // One explanation per character: the first rule to claim it wins (ellipsis before doubled
    // marks before ordinals…).
    if overlaps(out, span) {
        return;
    }
    out.push(finding(rule, Category::Punctuation, severity, chars, span, message, replacement.map(str::to_string)));
}

#[inline(always)]
fn is_dot(c: char) -> bool {
    matches!(c, '.' | '。' | '．' | '·' | '・')
}

/// `...`, `。。。`, `······`: three or more dots are an ellipsis, written `……`. A lone `…`
/// (or three of them) is half an ellipsis; `……` and `…………` are fine.
/// `starts`: where runs of dots and of `…` start.
fn ellipsis(chars: &[char], starts: impl Iterator<Item = usize>, out: &mut Vec<Finding>) {
    for i in starts {
        let c = chars[i];
        if is_dot(c) {
            let end = run_end(chars, i, is_dot);
            let ascii_both =
                before(chars, i).is_some_and(|c| c.is_ascii_alphanumeric()) && at(chars, end).is_some_and(|c| c.is_ascii_alphanumeric());
            if end - i >= 3 && !ascii_both {
                let span = Span::new(i, end);
                let msg = format!("省略号应写作“……”（两个“…”），不要用“{}”。", chars[i..end].iter().collect::<String>());
                push(out, ELLIPSIS, Severity::Error, chars, span, msg, Some("……"));
            }
        } else {
            let end = run_end(chars, i, |c| c == '…');
            if (end - i) % 2 == 1 {
                let msg = "省略号是两个“…”连写的“……”，这里只有半个。".to_string();
                push(out, ELLIPSIS, Severity::Error, chars, Span::new(i, end), msg, Some("……"));
            } else if let Some(m) = at(chars, end).filter(|&m| matches!(m, '。' | '，' | '；' | '、' | '：')) {
                // GB/T 15834-2011 4.11: the ellipsis stands for what is left out, the pause
                // included; a point mark after it is one too many.
                let msg = format!("省略号“……”后面一般不再加“{m}”，请删去。");
                push(out, ELLIPSIS, Severity::Warning, chars, Span::new(end, end + 1), msg, Some(""));
            }
        }
    }
}

/// Sentence and clause marks that never stand twice in a row.
#[inline(always)]
fn is_stop(c: char) -> bool {
    matches!(c, '。' | '，' | '、' | '；' | '：')
}

/// `。。`, `，，`, `，。`, and `..` next to Chinese text; `starts`: where runs of clause marks
/// and of `.` start.
fn doubled(chars: &[char], starts: impl Iterator<Item = usize>, out: &mut Vec<Finding>) {
    for i in starts {
        let c = chars[i];
        {
            let pred = |x: char| if c == '.' { x == '.' } else { is_stop(x) };
            let end = run_end(chars, i, pred);
            let len = end - i;
            let span = Span::new(i, end);
            if c == '.' {
                let near = before(chars, i).is_some_and(is_han) || at(chars, end).is_some_and(is_han);
                if len == 2 && near {
                    let msg = "这里有两个半角句点“..”：句末请改为“。”，省略请改为“……”。".to_string();
                    push(out, DOUBLED, Severity::Error, chars, span, msg, None);
                }
            } else if len == 2 || (len > 2 && chars[i..end].iter().any(|&x| x != '。')) {
                // (three or more 。 alone are an ellipsis attempt, reported above)
                let same = chars[i..end].iter().all(|&x| x == c);
                let msg = if same {
                    format!("标点“{c}”重复了，请只保留一个。")
                } else {
                    format!("这里连用了“{}”几个标点，请只保留一个。", chars[i..end].iter().collect::<String>())
                };
                let fix = same.then(|| c.to_string());
                push(out, DOUBLED, Severity::Error, chars, span, msg, fix.as_deref());
            }
        }
    }
}

#[inline(always)]
fn is_ordinal_numeral(c: char) -> bool {
    matches!(c, '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十')
}

/// `一是：`, `二是，`: the ordinal `N是` is followed directly by its content; `at_shi`: every
/// `是` after an ordinal numeral.
fn ordinal_shi(chars: &[char], at_shi: impl Iterator<Item = usize>, out: &mut Vec<Finding>) {
    for i in at_shi {
        let start = run_start(chars, i, is_ordinal_numeral);
        if i - start > 2 || before(chars, start).is_some_and(is_han) {
            continue; // 统一是…, 第一是…: not an enumeration
        }
        let Some(mark) = at(chars, i + 1) else { continue };
        if matches!(mark, '：' | ':' | '，' | ',' | '、' | '.' | '．') {
            let word: String = chars[start..=i].iter().collect();
            let msg = format!("“{word}”后面直接接内容，不加“{mark}”：请删去这个标点。");
            push(out, ORDINAL_SHI, Severity::Error, chars, Span::new(i + 1, i + 2), msg, Some(""));
        }
    }
}

/// `（一）、`, `（一）.`, `(1)，`: nothing follows the closing bracket of an ordinal;
/// `brackets`: every `（` and `(`.
fn ordinal_bracket(chars: &[char], brackets: impl Iterator<Item = usize>, out: &mut Vec<Finding>) {
    for i in brackets {
        if !at_item_start(chars, i) {
            continue;
        }
        let end = run_end(chars, i + 1, |c| is_ordinal_numeral(c) || c.is_ascii_digit());
        if end == i + 1 || end - i > 4 || !matches!(at(chars, end), Some('）' | ')')) {
            continue;
        }
        let Some(mark) = at(chars, end + 1) else { continue };
        if matches!(mark, '、' | '.' | '．' | '，' | ',' | '：' | ':') {
            let ordinal: String = chars[i..=end].iter().collect();
            let msg = format!("序号“{ordinal}”的括号后面不再加标点：请删去“{mark}”。");
            push(out, ORDINAL_BRACKET, Severity::Error, chars, Span::new(end + 1, end + 2), msg, Some(""));
        }
    }
}

/// `1、` → `1.`; `一.` / `一，` at a line start → `一、`; `starts`: where runs of digits or of
/// ordinal numerals start (not right after another digit or numeral).
fn ordinal_mark(chars: &[char], starts: impl Iterator<Item = usize>, out: &mut Vec<Finding>) {
    for i in starts {
        let c = chars[i];
        let arabic = c.is_ascii_digit();
        let pred: fn(char) -> bool = if arabic { |c| c.is_ascii_digit() } else { is_ordinal_numeral };
        let end = run_end(chars, i, pred);
        let mark = at(chars, end);
        let next = at(chars, end + 1);
        let next_is_text = next.is_some_and(|n| is_han(n) || n == '“' || n == '《');
        if !next_is_text || end - i > 2 {
            continue;
        }
        let ordinal: String = chars[i..end].iter().collect();
        if arabic && end - i <= 2 && mark == Some('、') && next_is_text && at_item_start(chars, i) {
            let msg = format!("阿拉伯数字序号后用下脚点：“{ordinal}、”应为“{ordinal}.”。");
            push(out, ORDINAL_MARK, Severity::Error, chars, Span::new(end, end + 1), msg, Some("."));
        } else if !arabic && end - i <= 2 && matches!(mark, Some('.' | '．' | '，' | ',')) && next_is_text && at_line_start(chars, i) {
            let m = mark.unwrap_or('.');
            let msg = format!("汉字序号后用顿号：“{ordinal}{m}”应为“{ordinal}、”。");
            push(out, ORDINAL_MARK, Severity::Error, chars, Span::new(end, end + 1), msg, Some("、"));
        } else if !arabic && end - i == 1 && mark.is_some_and(is_han) && at_item_start(chars, i) && bare_ordinal(chars, i, end) {
            let msg = format!("序号“{ordinal}”后面缺“是”或“、”：应为“{ordinal}是”或“{ordinal}、”。");
            push(out, ORDINAL_MARK, Severity::Warning, chars, Span::new(i, end), msg, None);
        }
    }
}

/// The verbs and adverbs an item of a report opens with (`一是切实履行`, `二、坚持`): right after a
/// bare numeral they show that its `是` or `、` is missing, since no word starts `三切实`. `以` only
/// with a `为` after it (`四以打造特色社区为着力点`), never `一以贯之`; `一切实际` is 一切.
const ITEM_VERBS: &[&str] = &[
    "切实", "坚持", "加强", "强化", "推进", "深化", "抓好", "做好", "完善", "健全", "持续", "认真", "扎实", "积极", "着力", "围绕", "聚焦",
    "突出", "狠抓", "严格", "落实", "注重", "提升", "优化", "全力", "大力", "深入", "不断", "规范", "建立", "实施", "开展", "加快", "提高",
    "夯实", "筑牢", "坚决", "以",
];

fn bare_ordinal(chars: &[char], i: usize, end: usize) -> bool {
    if chars[i] == '一' && matches!(at(chars, end), Some('切' | '体' | '直' | '律' | '致' | '以')) {
        return false;
    }
    let Some(verb) = ITEM_VERBS.iter().find(|w| starts_with(chars, end, w)) else { return false };
    if *verb == "以" {
        // `以……为`: the 为 within the clause.
        return chars[end + 1..].iter().take(24).take_while(|&&c| !matches!(c, '，' | '。' | '；' | '\n')).any(|&c| c == '为');
    }
    true
}

/// After a quoted number, a unit shows it is a number (`“3.5”个百分点`), not an event.
const UNITS: &str = "个倍万亿元千百米级版分秒折成度天年月日次人家项吨";

/// `“5.12”特大地震`: an event named by month and day (GB/T 15834-2011 4.15.3: `“5·12”`, `“9·11”`).
/// `opens`: the paired marks and line ends; only `“` is looked at.
fn event_date(chars: &[char], opens: impl Iterator<Item = usize>, out: &mut Vec<Finding>) {
    for i in opens {
        if chars[i] != '“' {
            continue;
        }
        let m_end = run_end(chars, i + 1, |c| c.is_ascii_digit());
        if !(1..=2).contains(&(m_end - i - 1)) || at(chars, m_end) != Some('.') {
            continue;
        }
        let d_end = run_end(chars, m_end + 1, |c| c.is_ascii_digit());
        if !(1..=2).contains(&(d_end - m_end - 1))
            || at(chars, d_end) != Some('”')
            || !at(chars, d_end + 1).is_some_and(|c| is_han(c) && !UNITS.contains(c))
        {
            continue;
        }
        let number = |a: usize, b: usize| chars[a..b].iter().fold(0u32, |n, c| n * 10 + c.to_digit(10).unwrap_or(0));
        let (month, day) = (number(i + 1, m_end), number(m_end + 1, d_end));
        if (1..=12).contains(&month) && (1..=31).contains(&day) {
            let msg = format!("以月日称呼的事件，月和日之间用间隔号：“{month}·{day}”。");
            push(out, EVENT_DATE, Severity::Warning, chars, Span::new(m_end, m_end + 1), msg, Some("·"));
        }
    }
}

/// `《条例》、《规定》`, `“充电”、“补课”`: no 顿号 between adjacent paired marks; `at_dunhao`:
/// every `、` with a character on each side.
fn dunhao_pairs(chars: &[char], at_dunhao: impl Iterator<Item = usize>, out: &mut Vec<Finding>) {
    for i in at_dunhao {
        let (Some(p), Some(n)) = (before(chars, i), at(chars, i + 1)) else { continue };
        let books = p == '》' && n == '《';
        let quotes = (p == '”' && n == '“') || (p == '’' && n == '‘');
        if books || quotes {
            let what = if books { "书名号" } else { "引号" };
            let msg = match joined_pairs(chars, i) {
                Some(fixed) => format!("并列的{what}之间通常不用顿号，可以删去“、”，写成{fixed}。"),
                None => format!("并列的{what}之间通常不用顿号，可以删去“、”。"),
            };
            push(out, DUNHAO_PAIRS, Severity::Hint, chars, Span::new(i, i + 1), msg, Some(""));
        }
    }
}

/// The two pairs around the 顿号 at `i`, written without it: `“压担子”“搭梯子”`.
fn joined_pairs(chars: &[char], i: usize) -> Option<String> {
    let close = chars[i - 1];
    let open = chars[i + 1];
    let left = (i.saturating_sub(30)..i - 1).rev().find(|&k| closer_of(chars[k]) == Some(close))?;
    let want = closer_of(open)?;
    let right = (i + 2..(i + 32).min(chars.len())).find(|&k| chars[k] == want)?;
    let mut s: String = chars[left..i].iter().collect();
    s.extend(&chars[i + 1..=right]);
    Some(s)
}

fn closer_of(c: char) -> Option<char> {
    Some(match c {
        '《' => '》',
        '“' => '”',
        '‘' => '’',
        '（' | '(' => '）',
        '〔' => '〕',
        '【' => '】',
        _ => return None,
    })
}

fn is_closer(c: char) -> bool {
    matches!(c, '》' | '”' | '’' | '）' | ')' | '〕' | '】')
}

/// Half-width brackets pair with full-width ones here (`（市)`); the half-width one itself is
/// reported by `punct-halfwidth`, not as unbalanced.
fn same_closer(c: char) -> char {
    if c == ')' {
        '）'
    } else {
        c
    }
}

/// Paired marks inside each line: unmatched ones, and quote nesting; `paired`: every paired
/// mark and line end.
fn balance(chars: &[char], paired: impl Iterator<Item = usize>, out: &mut Vec<Finding>) {
    let mut stack: Vec<(char, usize)> = Vec::new();
    let mut unmatched: Vec<usize> = Vec::new();
    // Quote pairs closed inside a `“` still open, with the places of those `“`: reported as nested
    // only if one of them is matched in the end. After an unmatched `“`, every later pair of its
    // line would otherwise look nested in it: one slip, one finding.
    let mut closed: Vec<(char, usize, usize, Vec<usize>)> = Vec::new();
    // The end of the text ends the last line.
    for i in paired.chain(std::iter::once(chars.len())) {
        let c = at(chars, i).unwrap_or('\n');
        if c == '\n' || c == '\r' {
            unmatched.extend(stack.drain(..).map(|(_, p)| p));
            continue;
        }
        // An apostrophe inside a Latin word (Xi’an) is not a quotation mark.
        if c == '’' && before(chars, i).is_some_and(is_latin) && at(chars, i + 1).is_some_and(is_latin) {
            continue;
        }
        if closer_of(c).is_some() {
            stack.push((c, i));
        } else if is_closer(c) {
            let want = same_closer(c);
            match stack.iter().rposition(|&(o, _)| closer_of(o) == Some(want)) {
                Some(k) => {
                    unmatched.extend(stack.drain(k + 1..).map(|(_, p)| p));
                    if let Some((open, at_open)) = stack.pop() {
                        let inside: Vec<usize> = stack.iter().filter(|&&(o, _)| o == '“').map(|&(_, p)| p).collect();
                        closed.push((open, at_open, i, inside));
                    }
                }
                None => unmatched.push(i),
            }
        }
    }
    unmatched.sort_unstable();
    for (open, at_open, at_close, inside) in closed {
        let inside_double = inside.iter().any(|p| unmatched.binary_search(p).is_err());
        nesting(chars, inside_double, open, at_open, at_close, out);
    }
    for p in unmatched {
        let c = chars[p];
        if matches!(c, '(' | ')') {
            continue;
        }
        let (name, partner) = match closer_of(c) {
            Some(close) => (mark_name(c), mark_name(close)),
            None => (mark_name(c), mark_name(opener_of(c))),
        };
        let msg = format!("这个{name}没有配对的{partner}：请补上{partner}，或删去多余的{name}。");
        push(out, UNBALANCED, Severity::Error, chars, Span::new(p, p + 1), msg, None);
    }
}

fn mark_name(c: char) -> &'static str {
    match c {
        '《' => "左书名号",
        '》' => "右书名号",
        '“' => "左引号",
        '”' => "右引号",
        '‘' => "左单引号",
        '’' => "右单引号",
        '（' | '(' => "左括号",
        '）' | ')' => "右括号",
        '〔' => "左六角括号",
        '〕' => "右六角括号",
        '【' => "左方头括号",
        '】' => "右方头括号",
        _ => "标点",
    }
}

fn opener_of(c: char) -> char {
    match c {
        '》' => '《',
        '”' => '“',
        '’' => '‘',
        '〕' => '〔',
        '】' => '【',
        _ => '（',
    }
}

/// `“ ”` outside, `‘ ’` inside: for a closed quote pair, and whether a matched `“` holds it.
fn nesting(chars: &[char], inside_double: bool, open: char, at_open: usize, at_close: usize, out: &mut Vec<Finding>) {
    let (wrong, fix_open, fix_close, msg) = match open {
        '‘' if !inside_double => (true, "“", "”", "单引号只用在双引号里面；外层引号请用“ ”。"),
        '“' if inside_double => (true, "‘", "’", "引号里面再用引号时，里层用单引号‘ ’。"),
        _ => (false, "", "", ""),
    };
    if wrong {
        push(out, QUOTE_NESTING, Severity::Warning, chars, Span::new(at_open, at_open + 1), msg.to_string(), Some(fix_open));
        push(out, QUOTE_NESTING, Severity::Warning, chars, Span::new(at_close, at_close + 1), msg.to_string(), Some(fix_close));
    }
}

/// Half-width marks next to Chinese text (marked `HALF`), unless another rule has explained
/// them already.
fn halfwidth(chars: &[char], marks: &Marks, out: &mut Vec<Finding>) {
    let parens = &marks.parens;
    for &Mark { at: i, quotes: straight_quotes_in_line, .. } in marks.list.iter().filter(|m| m.what & HALF != 0) {
        let c = chars[i];
        if overlaps(out, Span::new(i, i + 1)) {
            continue;
        }
        let prev = before(chars, i);
        let next = at(chars, i + 1);
        let near = prev.is_some_and(is_chinese) || next.is_some_and(is_chinese);
        let digits_both = prev.is_some_and(|p| p.is_ascii_digit()) && next.is_some_and(|n| n.is_ascii_digit());
        let ascii_both = prev.is_some_and(|p| p.is_ascii_alphanumeric()) && next.is_some_and(|n| n.is_ascii_alphanumeric());
        let full = match c {
            '.' | '．' => {
                let ordinal = prev.is_some_and(|p| p.is_ascii_digit()) && at_item_start(chars, run_start(chars, i, |d| d.is_ascii_digit()));
                let file_or_url = next.is_some_and(is_latin) || ascii_both;
                let han_near = prev.is_some_and(is_han) || next.is_some_and(is_han) || prev.is_some_and(|p| "”’）》".contains(p));
                if digits_both || ordinal || file_or_url || !han_near || (c == '．' && prev.is_some_and(|p| p.is_ascii_digit())) {
                    continue;
                }
                '。'
            }
            ',' if near && !digits_both => '，',
            ':' if near && !digits_both && next != Some('/') => '：',
            ';' if near => '；',
            '?' if near && !ascii_both => '？',
            '!' if near && !ascii_both => '！',
            '"' if near => {
                if straight_quotes_in_line % 2 == 1 {
                    '“'
                } else {
                    '”'
                }
            }
            '(' | ')' => {
                let partner = parens.iter().find(|&&(o, cl)| o == i || cl == i).copied();
                let chinese_pair = partner.is_some_and(|(o, cl)| {
                    chars[o + 1..cl].iter().any(|&x| is_han(x))
                        || before(chars, o).is_some_and(is_chinese)
                        || at(chars, cl + 1).is_some_and(is_chinese)
                });
                if !(near || chinese_pair) || (prev.is_some_and(is_blank) && next.is_some_and(is_blank)) {
                    continue;
                }
                if c == '(' {
                    '（'
                } else {
                    '）'
                }
            }
            _ => continue,
        };
        let msg = format!("中文里要用全角标点：把半角“{c}”改为“{full}”。");
        let fix = full.to_string();
        push(out, HALFWIDTH, Severity::Error, chars, Span::new(i, i + 1), msg, Some(&fix));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::check::table::{self, Expected, Found};

    fn found(text: &str) -> Found {
        table::found(check, text)
    }

    /// Texts that must fire: (text, [(rule, flagged text, replacement)]) in text order.
    #[rustfmt::skip]
    const HITS: &[(&str, Expected)] = &[
        // held6: xiexiebang.com 意识形态工作责任制述职报告; m.kj-cy.cn 街道办事处年终总结;
        // doczj.com 2011年静宁县政府工作报告.
        ("二是精心组织学习。三切实履行“一岗双责”。", &[(ORDINAL_MARK, "三", None)]),
        ("四以打造特色社区为着力点，社区建设渐入佳境。", &[(ORDINAL_MARK, "四", None)]),
        ("成功应对“5.12”特大地震", &[(EVENT_DATE, ".", Some("·"))]),
        ("主动深入到新型农村养老保险工作中去……。通过调研", &[(ELLIPSIS, "。", Some(""))]),
        // The seed's own slip.
        ("工作经历符合综合岗位需求.干部队伍专业化水平建设取得初步成效", &[(HALFWIDTH, ".", Some("。"))]),
        ("党工委高度重视,坚决守好这块责任田", &[(HALFWIDTH, ",", Some("，"))]),
        ("市委巡察组:", &[(HALFWIDTH, ":", Some("："))]),
        ("严格执行制度;加强监督", &[(HALFWIDTH, ";", Some("；"))]),
        ("采取市直与县(市)、乡镇双向互挂", &[(HALFWIDTH, "(", Some("（")), (HALFWIDTH, ")", Some("）"))]),
        ("(一)强组织建设", &[(HALFWIDTH, "(", Some("（")), (HALFWIDTH, ")", Some("）"))]),
        ("是否到位?还要加强!", &[(HALFWIDTH, "?", Some("？")), (HALFWIDTH, "!", Some("！"))]),
        ("坚决守好这块\"责任田\"", &[(HALFWIDTH, "\"", Some("“")), (HALFWIDTH, "\"", Some("”"))]),
        ("完成调任程序.2023年", &[(HALFWIDTH, ".", Some("。"))]),
        ("一是：强化领导班子建设", &[(ORDINAL_SHI, "：", Some(""))]),
        ("二是，落实干部培养责任", &[(ORDINAL_SHI, "，", Some(""))]),
        ("三是:建立机制", &[(ORDINAL_SHI, ":", Some(""))]),
        ("（一）、强组织建设", &[(ORDINAL_BRACKET, "、", Some(""))]),
        ("（一）.强组织建设", &[(ORDINAL_BRACKET, ".", Some(""))]),
        ("打牢基础。（二），着力完善机制", &[(ORDINAL_BRACKET, "，", Some(""))]),
        ("1、加强学习", &[(ORDINAL_MARK, "、", Some("."))]),
        ("一.总体情况", &[(ORDINAL_MARK, ".", Some("、"))]),
        ("二，存在的主要问题", &[(ORDINAL_MARK, "，", Some("、"))]),
        ("严格执行《条例》、《规定》", &[(DUNHAO_PAIRS, "、", Some(""))]),
        // domain.md: no 顿号 between adjacent quotation pairs either, so the seed's own
        // “充电”、“补课” fires (as a warning: GB/T 15834 says 通常).
        ("进行“充电”、“补课”", &[(DUNHAO_PAIRS, "、", Some(""))]),
        ("通过“压担子”、“搭梯子”等多种途径", &[(DUNHAO_PAIRS, "、", Some(""))]),
        ("严格执行《党政领导干部选拔任用工作条例", &[(UNBALANCED, "《", None)]),
        ("坚决守好这块“责任田", &[(UNBALANCED, "“", None)]),
        ("守好这块责任田”。", &[(UNBALANCED, "”", None)]),
        ("市直与县（市、乡镇", &[(UNBALANCED, "（", None)]),
        ("“强组织、搭平台“干部培养模式", &[(UNBALANCED, "“", None), (UNBALANCED, "“", None)]),
        // One unmatched “ is one finding, not a nesting warning for every later pair of its line.
        ("要守好“责任田，做到“守土有责”，确保“两个维护”落实，推动“放管服”改革", &[(UNBALANCED, "“", None)]),
        ("深化“放管服改革，推动“高效办成一件事”常态化。", &[(UNBALANCED, "“", None)]),
        ("‘责任田’", &[(QUOTE_NESTING, "‘", Some("“")), (QUOTE_NESTING, "’", Some("”"))]),
        ("他说“要守好“责任田”的边界”", &[(QUOTE_NESTING, "“", Some("‘")), (QUOTE_NESTING, "”", Some("’"))]),
        ("特此报告。。", &[(DOUBLED, "。。", Some("。"))]),
        ("高度重视，，坚决守好", &[(DOUBLED, "，，", Some("，"))]),
        ("高度重视，。坚决守好", &[(DOUBLED, "，。", None)]),
        ("岗位需求..干部", &[(DOUBLED, "..", None)]),
        ("一是……二是...三是", &[(ELLIPSIS, "...", Some("……"))]),
        ("存在等、看的现象。。。", &[(ELLIPSIS, "。。。", Some("……"))]),
        ("大事、要事、急事…", &[(ELLIPSIS, "…", Some("……"))]),
        ("大事、要事······", &[(ELLIPSIS, "······", Some("……"))]),
    ];

    /// Texts that must not fire.
    const MISSES: &[&str] = &[
        "一以贯之抓落实。一切实际出发。一体推进不敢腐。三是切实履行。四、坚持党的领导。五年来，坚持不懈。",
        "四以上人员参加。一致通过。一律不得。一直坚持。",
        "增长“3.5”个百分点，“1.5”倍，“13.1”万元",
        "水果有苹果、香蕉、橙子……\n有人说：“其实，我……”他停了下来",
        "采取市直与县（市）、乡镇双向互挂形式",
        "建立挂职单位主要领导干部与挂职干部“1＋1”帮扶帮带机制",
        "创新建立“5＋5”工作机制",
        "严格执行《关于新形势下党内政治生活的若干准则》等文件",
        "（一）强组织建设，厚植干部培养基础",
        "制定本单位《领导干部重大事项报告制度》《个人信息变动报告制度》",
        "认真贯彻落实《党政领导干部选拔任用工作条例》和《党委（党组）讨论决定干部任免事项守则》",
        "一是强化领导班子建设。二是落实干部培养责任。",
        "一、总体情况",
        "1.加强政治理论学习",
        "打牢基础。2.提高能力",
        "占比达到3.5%，同比增长1,000人",
        "于10:30召开会议",
        "登录www.gov.cn查询",
        "详见附件报告.docx",
        "访问http://www.gov.cn/zhengce",
        "一是……二是……三是……",
        "…………",
        "坚持信念坚定、为民服务、勤政务实",
        "他说：“要守好‘责任田’。”",
        "去Xi’an调研",
        "统一是前提，第一是关键",
        "某发〔2026〕5号",
        "市委巡察组：",
        "Windows 10 (64 bit)",
        "1、2月份开展谈心谈话",
        "（1）严格程序",
    ];

    #[test]
    fn hits_fire_at_their_exact_spans() {
        table::assert_hits(found, HITS);
    }

    #[test]
    fn traps_do_not_fire() {
        table::assert_misses(found, MISSES);
    }

    /// The severity policy (`check::Severity`) for this family. The 、 between quoted items is
    /// how the congress reports write it (tests/corpus): a preference, so a hint.
    #[test]
    fn severities_follow_the_policy() {
        let severity = |text: &str| {
            let mut out = Vec::new();
            check(text, &mut out);
            out.iter().map(|f| (f.rule, f.severity)).collect::<Vec<_>>()
        };
        assert_eq!(severity("坚持“一国两制”、“港人治港”、“澳人治澳”"), [(DUNHAO_PAIRS, Severity::Hint), (DUNHAO_PAIRS, Severity::Hint)]);
        assert_eq!(severity("严格执行《条例》、《规定》"), [(DUNHAO_PAIRS, Severity::Hint)]);
        assert_eq!(severity("‘责任田’"), [(QUOTE_NESTING, Severity::Warning), (QUOTE_NESTING, Severity::Warning)]);
        assert_eq!(severity("岗位需求.干部"), [(HALFWIDTH, Severity::Error)]);
        assert_eq!(severity("坚决守好这块“责任田"), [(UNBALANCED, Severity::Error)]);
    }

    #[test]
    fn spans_count_characters() {
        let mut out = Vec::new();
        check("岗位需求.干部", &mut out);
        assert_eq!(out[0].span, Span::new(4, 5));
    }

    #[test]
    fn dunhao_message_shows_the_pairs_joined() {
        let mut out = Vec::new();
        check("通过“压担子”、“搭梯子”等多种途径", &mut out);
        assert!(out[0].message.contains("写成“压担子”“搭梯子”"), "{}", out[0].message);
    }

    #[test]
    fn unbalanced_marks_are_per_line() {
        assert_eq!(found("“第一行\n第二行”"), vec![(UNBALANCED, "“".to_string(), None), (UNBALANCED, "”".to_string(), None),]);
    }
}
