//! Canonical formulations (规范提法): the texts `domain.md` lists, checked character by
//! character, with near misses reported and the canonical text as the fix.
//!
//! What fires, by rule id:
//! - `formulation-element`: one element of a canonical list written wrong, inside a run that is
//!   clearly that list: `政治意识、大局意识、核心意识、看齐意思`, `…、三个代表重要思想、…`
//!   (quotes missing), `…、习近平新时代中国特色主义思想`. Fix: the element.
//! - `formulation-list`: a canonical list with an element missing, repeated, or out of order
//!   (`大局意识、政治意识、核心意识、看齐意识`). `“四个意识”` and `“四个自信”` must be complete;
//!   the guiding-thought list may be a contiguous part (`邓小平理论、“三个代表”重要思想、科学发展观`
//!   is 中国特色社会主义理论体系), but not one with a hole in it. Fix: the canonical list.
//!   A run counts as the list when at least three of its items match elements (two exactly).
//! - `formulation-quotes`: `三个代表`, `四个意识`, `四个自信`, `两个维护`, `两个确立` without their
//!   quotation marks (`增强四个意识`, `《四个自信》`). Fix: `“四个意识”` (`‘…’` inside quotes).
//! - `formulation-pairing`: the verb before one of them is not the usual pairing: 增强“四个意识”,
//!   坚定“四个自信”, 做到“两个维护”, 拥护“两个确立”. A warning when the verbs are swapped
//!   (`坚定“四个意识”`); a hint for other verbs (`强化“四个意识”`, the seed's own: the canonical
//!   pairing is 增强, but 强化 is not wrong enough to be an error). Fix: the canonical verb.
//! - `formulation-weihu`: a near miss of the “两个维护” wording. Two wordings are accepted: the
//!   canonical `坚决维护习近平总书记党中央的核心、全党的核心地位，坚决维护党中央权威和集中统一领导`
//!   and the seed's `坚决维护习近平总书记在党中央和全党的核心地位、坚决维护党中央权威和集中统一领导`.
//! - `formulation-thought`: a near miss of `习近平新时代中国特色社会主义思想` anywhere.
//! - `formulation-title`: the title `《党政领导干部选拔任用工作条例》` abbreviated, altered, or
//!   without its 书名号 (`选拔任用条例`, `《干部任用工作条例》`). Fix: the exact title.
//!
//! Not findings: the canonical texts themselves, `增强法治意识`, `政治意识、法治意识` (not the
//! list), `深刻领悟“两个确立”`, `习近平新时代中国特色社会主义经济思想`, `干部选拔任用工作`.
//!
//! Severities (policy on `check::Severity`): a wrong element, list, missing quotes, a near miss
//! of the “两个维护” wording, of the thought's name or of the 条例's title are errors (the
//! canonical text is fixed); commas for 、 in a list and swapped pairings are warnings; other
//! pairing verbs (`强化“四个意识”`) are hints.
//!
//! The table at the bottom shows what fires and what must not; read it first.
use super::scan::{at, before, edit_distance, ends_with, finding, overlaps, starts_with, text_of, within_distance};
use super::terms::Terms;
use super::{Category, Finding, Severity};
use crate::domain::model::text::Span;

pub const ELEMENT: &str = "formulation-element";
pub const LIST: &str = "formulation-list";
pub const QUOTES: &str = "formulation-quotes";
pub const PAIRING: &str = "formulation-pairing";
pub const WEIHU: &str = "formulation-weihu";
pub const THOUGHT: &str = "formulation-thought";
pub const TITLE: &str = "formulation-title";

/// A canonical list, written with 、 between its elements.
pub struct CanonList {
    pub name: &'static str,
    pub elements: &'static [&'static str],
    /// Must every element be there? (The guiding thought may be cited in part.)
    pub complete: bool,
}

pub const LISTS: &[CanonList] = &[
    CanonList {
        name: "指导思想",
        elements: &["马克思列宁主义", "毛泽东思想", "邓小平理论", "“三个代表”重要思想", "科学发展观", "习近平新时代中国特色社会主义思想"],
        complete: false,
    },
    CanonList { name: "“四个意识”", elements: &["政治意识", "大局意识", "核心意识", "看齐意识"], complete: true },
    CanonList { name: "“四个自信”", elements: &["道路自信", "理论自信", "制度自信", "文化自信"], complete: true },
];

pub const THOUGHT_NAME: &str = "习近平新时代中国特色社会主义思想";
/// Longer names that start like the thought and are not near misses of it.
const THOUGHT_ALLOWED: &[&str] =
    &["习近平新时代中国特色社会主义经济思想", "习近平新时代中国特色社会主义外交思想", "习近平新时代中国特色社会主义强军思想"];

pub const TITLE_NAME: &str = "党政领导干部选拔任用工作条例";

/// The two halves of “两个维护”, each with its accepted wordings (from `维护` on; `坚决` before
/// it is the text's own).
const WEIHU_HALVES: &[&[&str]] =
    &[&["维护习近平总书记党中央的核心、全党的核心地位", "维护习近平总书记在党中央和全党的核心地位"], &["维护党中央权威和集中统一领导"]];

/// Quoted formulations: (name, canonical verbs; the first is the one suggested).
const SLOGANS: &[(&str, &[&str])] = &[
    ("三个代表", &[]),
    ("四个意识", &["增强"]),
    ("四个自信", &["坚定"]),
    ("两个维护", &["做到"]),
    ("两个确立", &["拥护", "领悟", "捍卫"]),
];

/// Verbs that may stand before a slogan, longest first.
const VERBS: &[&str] = &[
    "牢固树立",
    "深刻领悟",
    "树牢",
    "树立",
    "强化",
    "增强",
    "增进",
    "提高",
    "加强",
    "坚定",
    "坚持",
    "做到",
    "落实",
    "践行",
    "拥护",
    "捍卫",
    "维护",
    "领悟",
];

pub fn check(text: &str, out: &mut Vec<Finding>) {
    check_chars(&super::scan::chars_of(text), out);
}

/// The words every rule here starts from, found in one pass, and where each rule's
/// words are in that list: every list's elements, each “两个维护” half's anchor, the thought's
/// anchor `习近平新时代`, `任用`, the slogans.
struct Searches {
    words: Vec<String>,
    /// Where each list's elements start, and one past the last list's.
    list_at: Vec<usize>,
    weihu_at: usize,
    thought_at: usize,
    title_at: usize,
    slogans_at: usize,
}

const THOUGHT_ANCHOR: &str = "习近平新时代";
const TITLE_ANCHOR: &str = "任用";

fn searches() -> &'static Searches {
    static SEARCHES: std::sync::OnceLock<Searches> = std::sync::OnceLock::new();
    SEARCHES.get_or_init(|| {
        let mut words: Vec<String> = Vec::new();
        let mut list_at = vec![0];
        for list in LISTS {
            words.extend(list.elements.iter().map(|e| e.to_string()));
            list_at.push(words.len());
        }
        let weihu_at = words.len();
        words.extend(WEIHU_HALVES.iter().map(|half| half[0].chars().take(5).collect::<String>()));
        let thought_at = words.len();
        words.push(THOUGHT_ANCHOR.to_string());
        let title_at = words.len();
        words.push(TITLE_ANCHOR.to_string());
        let slogans_at = words.len();
        words.extend(SLOGANS.iter().map(|(name, _)| name.to_string()));
        Searches { words, list_at, weihu_at, thought_at, title_at, slogans_at }
    })
}

/// `check` over the text's characters: the driver collects them once for every family.
pub fn check_chars(chars: &[char], out: &mut Vec<Finding>) {
    // The automaton is built only for this entry point (the family alone, in tests and benches):
    // the full check finds the words in its one search with the other families' (`check::word_rules`),
    // so the page carries no automaton.
    static TERMS: std::sync::OnceLock<Terms> = std::sync::OnceLock::new();
    let terms = TERMS.get_or_init(|| Terms::new(&searches().words.iter().map(String::as_str).collect::<Vec<_>>()));
    // Every rule here starts from one of the words: without any, nothing can fire.
    let Some(hits) = terms.starts_if_any(chars) else { return };
    check_from(chars, &hits, out);
}

/// The words every rule here starts from (`words_looked_for()[k]` is word `k` of `check_from`'s
/// `hits`): the driver looks for them in its one search with the other families' words.
pub(super) fn words_looked_for() -> &'static [String] {
    &searches().words
}

/// The findings, given where each word of `words_looked_for` starts (in text order).
pub(super) fn check_from(chars: &[char], hits: &[Vec<usize>], out: &mut Vec<Finding>) {
    let s = searches();
    let mut found = Vec::new();
    // The lists' rules need the items only where an element is written out.
    if hits[..s.weihu_at].iter().any(|h| !h.is_empty()) {
        let items = items(chars);
        for (k, list) in LISTS.iter().enumerate() {
            lists(chars, &items, list, &hits[s.list_at[k]..s.list_at[k + 1]], &mut found);
        }
    }
    weihu(chars, &hits[s.weihu_at..s.thought_at], &mut found);
    thought(chars, &hits[s.thought_at], &mut found);
    title(chars, &hits[s.title_at], &mut found);
    slogans(chars, &hits[s.slogans_at..], &mut found);
    out.extend(found);
}

fn push(out: &mut Vec<Finding>, rule: &'static str, severity: Severity, chars: &[char], span: Span, message: String, fix: Option<String>) {
    out.push(finding(rule, Category::Formulation, severity, chars, span, message, fix));
}

fn to_chars(s: &str) -> Vec<char> {
    s.chars().collect()
}

fn is_quote(c: char) -> bool {
    matches!(c, '“' | '”' | '‘' | '’' | '"' | '\'')
}

fn unquoted(s: &[char]) -> Vec<char> {
    s.iter().copied().filter(|&c| !is_quote(c)).collect()
}

/// How many edits a near miss of an element of this length may have.
fn tolerance(len: usize) -> usize {
    match len {
        0..=5 => 1,
        6..=9 => 2,
        _ => 3,
    }
}

/// A piece of a line between marks: a candidate list element.
#[derive(Clone, Copy, Debug)]
struct Item {
    start: usize,
    end: usize,
    /// The mark right after the item.
    sep: Option<char>,
}

fn is_item_boundary(c: char) -> bool {
    matches!(
        c,
        '、' | '，'
            | ','
            | '；'
            | ';'
            | '。'
            | '：'
            | ':'
            | '！'
            | '？'
            | '!'
            | '?'
            | '（'
            | '）'
            | '('
            | ')'
            | '《'
            | '》'
            | '【'
            | '】'
            | '\n'
            | '\r'
            | ' '
            | '\t'
            | '　'
    )
}

fn items(chars: &[char]) -> Vec<Item> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 0..=chars.len() {
        if i == chars.len() || is_item_boundary(chars[i]) {
            if i > start {
                out.push(Item { start, end: i, sep: at(chars, i) });
            }
            start = i + 1;
        }
    }
    out
}

#[derive(Clone, Copy, Debug)]
struct Match {
    elem: usize,
    start: usize,
    end: usize,
    /// Edit distance to the element as written (quotes count).
    dist: usize,
}

/// A canonical list's elements as characters, as written and without quotes.
struct Prepared {
    raw: Vec<Vec<char>>,
    loose: Vec<Vec<char>>,
}

impl Prepared {
    fn new(list: &CanonList) -> Self {
        let raw: Vec<Vec<char>> = list.elements.iter().map(|e| to_chars(e)).collect();
        let loose = raw.iter().map(|e| unquoted(e)).collect();
        Prepared { raw, loose }
    }
}

/// The best element for `chars[start..end]`, if within tolerance (quotes ignored for the
/// tolerance, counted for the distance).
fn best_element(chars: &[char], start: usize, end: usize, p: &Prepared) -> Option<Match> {
    let cand = &chars[start..end];
    let loose_len = cand.iter().filter(|&&c| !is_quote(c)).count();
    let mut cand_loose: Option<Vec<char>> = None;
    let mut best: Option<Match> = None;
    for (k, e_loose) in p.loose.iter().enumerate() {
        let tol = tolerance(e_loose.len());
        // A cheap rejection before the edit distance: the length. (The distance itself stops
        // as soon as it exceeds the tolerance.)
        if loose_len.abs_diff(e_loose.len()) > tol {
            continue;
        }
        let cl: &[char] = if loose_len == cand.len() { cand } else { cand_loose.get_or_insert_with(|| unquoted(cand)) };
        if !within_distance(cl, e_loose, tol) {
            continue;
        }
        let dist = edit_distance(cand, &p.raw[k]);
        if best.is_none_or(|b| dist < b.dist) {
            best = Some(Match { elem: k, start, end, dist });
        }
    }
    best
}

/// Besides matching whole, an item may match by its tail (the first item of a run:
/// `坚持以马克思列宁主义`) or by its head (the last: `习近平新时代中国特色社会主义思想为指导`).
#[derive(Clone, Copy, PartialEq)]
enum Fit {
    Tail,
    Head,
}

fn match_item(chars: &[char], item: Item, p: &Prepared, fit: Fit) -> Option<Match> {
    // Rank: fewest edits, then the length closest to the element's.
    let key = |m: &Match| (m.dist, (m.end - m.start).abs_diff(p.raw[m.elem].len()));
    let mut best = best_element(chars, item.start, item.end, p);
    let item_len = item.end - item.start;
    let min = p.raw.iter().map(|e| e.len().saturating_sub(tolerance(e.len()))).min().unwrap_or(1).max(1);
    let max = p.raw.iter().map(|e| e.len() + tolerance(e.len())).max().unwrap_or(0).min(item_len.saturating_sub(1));
    for len in min..=max {
        let (s, en) = if fit == Fit::Tail { (item.end - len, item.end) } else { (item.start, item.start + len) };
        if let Some(m) = best_element(chars, s, en, p) {
            if best.is_none_or(|b| key(&m) < key(&b)) {
                best = Some(m);
            }
        }
    }
    best
}

/// `element_starts[k]`: where the list's element `k` is written out (see `Searches`).
fn lists(chars: &[char], items: &[Item], list: &CanonList, element_starts: &[Vec<usize>], out: &mut Vec<Finding>) {
    // A run is judged only when two of its elements are exact, so it holds an item that
    // contains an element as written. Fuzzy matching (the costly part) is tried only from items
    // at most twice the list's length before such an item; elsewhere nothing can fire.
    // No element holds an item boundary, so an element written out lies inside the one item
    // where it starts.
    let mut anchors: Vec<usize> = element_starts
        .iter()
        .flatten()
        .filter_map(|&at| items.partition_point(|it| it.start <= at).checked_sub(1).filter(|&k| at < items[k].end))
        .collect();
    if anchors.is_empty() {
        return;
    }
    anchors.sort_unstable();
    anchors.dedup();
    let p = Prepared::new(list);
    let reach = 2 * list.elements.len();
    let near = |i: usize| anchors.get(anchors.partition_point(|&a| a < i)).is_some_and(|&a| a - i <= reach);
    let mut i = 0;
    while i < items.len() {
        if !near(i) {
            i += 1;
            continue;
        }
        let Some(first) = match_item(chars, items[i], &p, Fit::Tail) else {
            i += 1;
            continue;
        };
        let mut run = vec![first];
        let mut j = i;
        // A comma carries the run on only after an exact element (`政治意识，大局意识`), not after
        // a clause that merely resembles one (`新时代中国特色社会主义思想，是对马克思列宁主义、…`).
        let joins = |sep: Option<char>, last: &Match| sep == Some('、') || (matches!(sep, Some('，' | ',')) && last.dist == 0);
        while run.last().is_some_and(|last| joins(items[j].sep, last)) && j + 1 < items.len() && items[j + 1].start == items[j].end + 1 {
            let next = items[j + 1];
            let Some(m) = match_item(chars, next, &p, Fit::Head) else { break };
            run.push(m);
            j += 1;
            if m.end < next.end {
                break; // matched the head of an item: the list ends inside it
            }
        }
        let exact = run.iter().filter(|m| m.dist == 0).count();
        if run.len() >= 3 && exact >= 2 {
            judge_run(chars, list, &run, out);
        }
        i = j + 1;
    }
}

fn judge_run(chars: &[char], list: &CanonList, run: &[Match], out: &mut Vec<Finding>) {
    let canon = |k: usize| list.elements[k];
    for m in run.iter().filter(|m| m.dist > 0) {
        let span = Span::new(m.start, m.end);
        let written = text_of(chars, span);
        let quotes_only = unquoted(&to_chars(&written)) == unquoted(&to_chars(canon(m.elem)));
        let what = if quotes_only { "引号缺少或不对" } else { "有字写错或漏写" };
        let msg = format!("{}的规范提法是：{}。这里写作：{written}，{what}。", list.name, canon(m.elem));
        push(out, ELEMENT, Severity::Error, chars, span, msg, Some(canon(m.elem).to_string()));
    }
    let mut seen: Vec<usize> = Vec::new();
    let mut problems: Vec<String> = Vec::new();
    for m in run {
        if seen.contains(&m.elem) {
            problems.push(format!("“{}”重复", unquoted(&to_chars(canon(m.elem))).iter().collect::<String>()));
        } else {
            seen.push(m.elem);
        }
    }
    let lo = seen.iter().copied().min().unwrap_or(0);
    let hi = seen.iter().copied().max().unwrap_or(0);
    let range = if list.complete { 0..list.elements.len() } else { lo..hi + 1 };
    let missing: Vec<String> =
        range.clone().filter(|k| !seen.contains(k)).map(|k| unquoted(&to_chars(canon(k))).iter().collect()).collect();
    if !missing.is_empty() {
        problems.insert(0, format!("缺少“{}”", missing.join("”“")));
    }
    if seen.windows(2).any(|w| w[0] > w[1]) {
        problems.push("顺序不对".to_string());
    }
    let span = Span::new(run[0].start, run[run.len() - 1].end);
    let canonical: Vec<&str> = range.map(canon).collect();
    let canonical = canonical.join("、");
    if !problems.is_empty() {
        let msg = format!("{}的规范表述是：{canonical}。这里{}。", list.name, problems.join("，"));
        push(out, LIST, Severity::Error, chars, span, msg, Some(canonical));
        return;
    }
    // Everything right but the separators: 政治意识，大局意识… → 、
    for w in run.windows(2) {
        if at(chars, w[0].end) == Some('，') && w[1].start == w[0].end + 1 {
            let span = Span::new(w[0].end, w[0].end + 1);
            let msg = format!("{}的各项之间用顿号“、”。", list.name);
            push(out, LIST, Severity::Warning, chars, span, msg, Some("、".to_string()));
        }
    }
}

/// The best prefix of `chars[start..]` (within its line) for `target`: (distance, end).
fn best_prefix(chars: &[char], start: usize, target: &[char], slack: usize, must_end: Option<&str>) -> Option<(usize, usize)> {
    let line_end = (start..chars.len()).find(|&k| matches!(chars[k], '\n' | '\r')).unwrap_or(chars.len());
    let n = target.len();
    let mut best: Option<(usize, usize, usize)> = None;
    for len in n.saturating_sub(slack).max(1)..=n + slack {
        let end = start + len;
        if end > line_end {
            break;
        }
        if must_end.is_some_and(|w| !ends_with(chars, end, w)) {
            continue;
        }
        let d = edit_distance(&chars[start..end], target);
        let key = (d, len.abs_diff(n), end);
        if best.is_none_or(|b| (key.0, key.1) < (b.0, b.1)) {
            best = Some(key);
        }
    }
    best.map(|(d, _, end)| (d, end))
}

/// “两个维护” near misses; `anchors[h]`: where half `h`'s first five characters are.
fn weihu(chars: &[char], anchors: &[Vec<usize>], out: &mut Vec<Finding>) {
    for (half, starts) in WEIHU_HALVES.iter().zip(anchors) {
        for &p in starts {
            let mut best: Option<(usize, usize, &str)> = None;
            for v in half.iter() {
                if let Some((d, end)) = best_prefix(chars, p, &to_chars(v), 4, None) {
                    if best.is_none_or(|b| d < b.0) {
                        best = Some((d, end, v));
                    }
                }
            }
            let Some((d, end, v)) = best else { continue };
            // Two edits at most: `维护党中央集中统一领导` (three) is a wording of its own.
            if d == 0 || d > 2 {
                continue;
            }
            let span = Span::new(p, end);
            if overlaps(out, span) {
                continue;
            }
            let msg = format!("“两个维护”要照原文写：{v}。");
            push(out, WEIHU, Severity::Error, chars, span, msg, Some(v.to_string()));
        }
    }
}

/// `习近平新时代中国特色主义思想` and other near misses of the thought's name; `starts`: where
/// `THOUGHT_ANCHOR` is.
fn thought(chars: &[char], starts: &[usize], out: &mut Vec<Finding>) {
    let target = to_chars(THOUGHT_NAME);
    for &p in starts {
        if THOUGHT_ALLOWED.iter().any(|w| starts_with(chars, p, w)) {
            continue;
        }
        let Some((d, end)) = best_prefix(chars, p, &target, 3, Some("思想")) else { continue };
        if d == 0 || d > 3 {
            continue;
        }
        let span = Span::new(p, end);
        if overlaps(out, span) {
            continue;
        }
        let msg = format!("规范提法是：{THOUGHT_NAME}。这里写作：{}。", text_of(chars, span));
        push(out, THOUGHT, Severity::Error, chars, span, msg, Some(THOUGHT_NAME.to_string()));
    }
}

/// Words that may stand before `任用` in (a near miss of) the title, read right to left.
const TITLE_WORDS: &[&str] = &["选拔", "选拨", "干部", "领导", "党政"];

/// `《党政领导干部选拔任用工作条例》`: exact, in 书名号; `starts`: where `TITLE_ANCHOR` is.
fn title(chars: &[char], starts: &[usize], out: &mut Vec<Finding>) {
    for &p in starts {
        let mut s = p;
        let mut used = 0;
        while used < 4 {
            match TITLE_WORDS.iter().find(|w| ends_with(chars, s, w)) {
                Some(_) => {
                    s -= 2;
                    used += 1;
                }
                None => break,
            }
        }
        // 条例 within a few characters after 任用 (工作, 暂行).
        let Some(e) = (p + 2..=p + 6).find(|&k| starts_with(chars, k, "条例")).map(|k| k + 2) else { continue };
        if chars[p + 2..e - 2].iter().any(|&c| !"工作暂行".contains(c)) {
            continue;
        }
        let name: String = chars[s..e].iter().collect();
        let open = before(chars, s);
        let close = at(chars, e);
        let in_book = open == Some('《') && close == Some('》');
        if in_book && name == TITLE_NAME {
            continue;
        }
        // Take any wrapping marks into the span so the fix replaces them too.
        let wraps = |c: Option<char>| c.is_some_and(|c| "《》“”\"「」〈〉".contains(c));
        let start = if wraps(open) { s - 1 } else { s };
        let end = if wraps(close) { e + 1 } else { e };
        let span = Span::new(start, end);
        if overlaps(out, span) {
            continue;
        }
        let fix = format!("《{TITLE_NAME}》");
        let what = if name == TITLE_NAME { "要加书名号" } else { "要写全称，不要简写或改字" };
        let msg = format!("条例名称{what}：{fix}。");
        push(out, TITLE, Severity::Error, chars, span, msg, Some(fix));
    }
}

/// Depth of “…” around position `i` on its line, not counting a mark at `i - 1`.
fn quote_depth(chars: &[char], i: usize) -> i32 {
    let mut depth = 0;
    for &c in chars[..i.saturating_sub(1)].iter().rev() {
        match c {
            '\n' | '\r' => break,
            '“' => depth += 1,
            '”' => depth -= 1,
            _ => {}
        }
    }
    depth.max(0)
}

/// `starts[k]`: where slogan `k` is.
fn slogans(chars: &[char], starts: &[Vec<usize>], out: &mut Vec<Finding>) {
    for (&(name, verbs), starts) in SLOGANS.iter().zip(starts) {
        let n = name.chars().count();
        for &p in starts {
            let open = before(chars, p);
            let close = at(chars, p + n);
            let quoted = matches!((open, close), (Some('“'), Some('”')) | (Some('‘'), Some('’')));
            // Wrong marks on both sides (`《四个自信》`) are part of what gets replaced.
            let wrapped = open.is_some_and(|c| "“‘\"'《「『〈".contains(c)) && close.is_some_and(|c| "”’\"'》」』〉".contains(c));
            if !quoted {
                let start = if wrapped { p - 1 } else { p };
                let end = if wrapped { p + n + 1 } else { p + n };
                let span = Span::new(start, end);
                if !overlaps(out, span) {
                    let fix = if quote_depth(chars, p) > 0 { format!("‘{name}’") } else { format!("“{name}”") };
                    let msg = format!("“{name}”是固定提法，要加引号：写作{fix}。");
                    push(out, QUOTES, Severity::Error, chars, span, msg, Some(fix));
                }
            }
            let mark = open.is_some_and(|c| "“‘\"'《「『〈".contains(c));
            pairing(chars, name, verbs, if mark { p - 1 } else { p }, out);
        }
    }
}

fn pairing(chars: &[char], name: &str, verbs: &[&str], at_mark: usize, out: &mut Vec<Finding>) {
    let Some(&canonical) = verbs.first() else { return };
    let Some(verb) = VERBS.iter().find(|v| ends_with(chars, at_mark, v)) else { return };
    if verbs.iter().any(|v| verb.ends_with(v)) {
        return;
    }
    let swapped = SLOGANS.iter().any(|&(other, vs)| other != name && vs.first() == Some(verb));
    let severity = if swapped { Severity::Warning } else { Severity::Hint };
    let start = at_mark - verb.chars().count();
    let span = Span::new(start, at_mark);
    let msg = if swapped {
        format!("搭配用错了：“{verb}”配的是别的提法，“{name}”的规范搭配是{canonical}“{name}”。")
    } else {
        format!("规范搭配是{canonical}“{name}”；如引用的原文就是“{verb}”，可以不改。")
    };
    push(out, PAIRING, severity, chars, span, msg, Some(canonical.to_string()));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::check::table::{self, Expected, Found};

    fn found(text: &str) -> Found {
        table::found(check, text)
    }

    const GUIDING: &str = "马克思列宁主义、毛泽东思想、邓小平理论、“三个代表”重要思想、科学发展观、习近平新时代中国特色社会主义思想";

    /// Texts that must fire: (text, [(rule, flagged text, replacement)]) in text order.
    #[rustfmt::skip]
    const HITS: &[(&str, Expected)] = &[
        // “四个意识”: wrong character, missing element, wrong order, commas.
        ("牢固树立政治意识、大局意识、核心意识、看齐意思", &[(ELEMENT, "看齐意思", Some("看齐意识"))]),
        ("牢固树立政治意识、大局意识、看齐意识", &[(LIST, "政治意识、大局意识、看齐意识", Some("政治意识、大局意识、核心意识、看齐意识"))]),
        ("牢固树立大局意识、政治意识、核心意识、看齐意识", &[(LIST, "大局意识、政治意识、核心意识、看齐意识", Some("政治意识、大局意识、核心意识、看齐意识"))]),
        ("政治意识，大局意识、核心意识、看齐意识", &[(LIST, "，", Some("、"))]),
        // “四个自信”.
        ("坚定道路自信、理论自信、制度自信", &[(LIST, "道路自信、理论自信、制度自信", Some("道路自信、理论自信、制度自信、文化自信"))]),
        ("坚定道路自信、理论自信、制度自信、文明自信", &[(ELEMENT, "文明自信", Some("文化自信"))]),
        // The guiding thought.
        ("坚持以马克思列宁主义、毛泽东思想、邓小平理论、三个代表重要思想、科学发展观、习近平新时代中国特色社会主义思想为指导",
         &[(ELEMENT, "三个代表重要思想", Some("“三个代表”重要思想"))]),
        ("坚持以马克思列宁主义、毛泽东思想、邓小平理论、“三个代表”重要思想、科学发展观、习近平新时代中国特色主义思想为指导",
         &[(ELEMENT, "习近平新时代中国特色主义思想", Some("习近平新时代中国特色社会主义思想"))]),
        ("坚持马克思列宁主义、毛泽东思想、“三个代表”重要思想、科学发展观", &[(LIST, "马克思列宁主义、毛泽东思想、“三个代表”重要思想、科学发展观", Some("马克思列宁主义、毛泽东思想、邓小平理论、“三个代表”重要思想、科学发展观"))]),
        ("坚持毛泽东思想、马克思列宁主义、邓小平理论", &[(LIST, "毛泽东思想、马克思列宁主义、邓小平理论", Some("马克思列宁主义、毛泽东思想、邓小平理论"))]),
        ("深入学习贯彻习近平新时代中国特色主义思想", &[(THOUGHT, "习近平新时代中国特色主义思想", Some("习近平新时代中国特色社会主义思想"))]),
        ("深入学习习近平新时代中国特社会主义思想", &[(THOUGHT, "习近平新时代中国特社会主义思想", Some("习近平新时代中国特色社会主义思想"))]),
        // Slogans: quotes and pairings.
        ("不断增强四个意识", &[(QUOTES, "四个意识", Some("“四个意识”"))]),
        ("坚定《四个自信》", &[(QUOTES, "《四个自信》", Some("“四个自信”"))]),
        ("坚决做到两个维护", &[(QUOTES, "两个维护", Some("“两个维护”"))]),
        ("他说：“要做到两个维护”", &[(QUOTES, "两个维护", Some("‘两个维护’"))]),
        // The seed's own 强化“四个意识”: a hint (canonical is 增强), not an error.
        ("强化“四个意识”", &[(PAIRING, "强化", Some("增强"))]),
        ("牢固树立“四个意识”", &[(PAIRING, "牢固树立", Some("增强"))]),
        ("坚定“四个意识”", &[(PAIRING, "坚定", Some("增强"))]),
        ("增强“四个自信”", &[(PAIRING, "增强", Some("坚定"))]),
        ("践行“两个维护”", &[(PAIRING, "践行", Some("做到"))]),
        ("增强四个意识", &[(QUOTES, "四个意识", Some("“四个意识”"))]),
        ("强化四个意识", &[(PAIRING, "强化", Some("增强")), (QUOTES, "四个意识", Some("“四个意识”"))]),
        // “两个维护” wording.
        ("坚决维护习近平总书记党中央的核心、全党核心地位", &[(WEIHU, "维护习近平总书记党中央的核心、全党核心地位", Some("维护习近平总书记党中央的核心、全党的核心地位"))]),
        ("坚决维护党中央权威和集中领导", &[(WEIHU, "维护党中央权威和集中领导", Some("维护党中央权威和集中统一领导"))]),
        // The title.
        ("认真贯彻党政领导干部选拔任用工作条例", &[(TITLE, "党政领导干部选拔任用工作条例", Some("《党政领导干部选拔任用工作条例》"))]),
        ("严格执行《选拔任用条例》", &[(TITLE, "《选拔任用条例》", Some("《党政领导干部选拔任用工作条例》"))]),
        ("严格执行《干部任用工作条例》", &[(TITLE, "《干部任用工作条例》", Some("《党政领导干部选拔任用工作条例》"))]),
        ("严格执行干部任用条例", &[(TITLE, "干部任用条例", Some("《党政领导干部选拔任用工作条例》"))]),
        ("严格执行《党政领导干部选拨任用工作条例》", &[(TITLE, "《党政领导干部选拨任用工作条例》", Some("《党政领导干部选拔任用工作条例》"))]),
        ("严格执行“党政领导干部选拔任用工作条例”", &[(TITLE, "“党政领导干部选拔任用工作条例”", Some("《党政领导干部选拔任用工作条例》"))]),
    ];

    /// Texts that must not fire.
    const MISSES: &[&str] = &[
        GUIDING,
        "党工委深入贯彻习近平新时代中国特色社会主义思想，以习近平总书记关于干部培养的重要论述为指导方针",
        "坚持以马克思列宁主义、毛泽东思想、邓小平理论、“三个代表”重要思想、科学发展观、习近平新时代中国特色社会主义思想为指导，全面贯彻",
        "坚持邓小平理论、“三个代表”重要思想、科学发展观",
        "牢固树立政治意识、大局意识、核心意识、看齐意识",
        "坚定道路自信、理论自信、制度自信、文化自信",
        "不断增强“四个意识”、坚定“四个自信”、做到“两个维护”，打造过硬的政治品质",
        "坚决做到“两个维护”",
        "深刻领悟“两个确立”的决定性意义",
        "坚决拥护“两个确立”",
        "坚持“三个代表”重要思想",
        // The seed's wording of 两个维护 is the current official one: not an error.
        "牢牢把握坚决维护习近平总书记在党中央和全党的核心地位、坚决维护党中央权威和集中统一领导这个根本政治责任",
        "坚决维护习近平总书记党中央的核心、全党的核心地位，坚决维护党中央权威和集中统一领导",
        "坚决维护党中央权威",
        "认真贯彻落实《党政领导干部选拔任用工作条例》和《党委（党组）讨论决定干部任免事项守则》",
        "不断改进和规范干部选拔任用工作",
        "增强法治意识",
        "增强政治意识、法治意识",
        "提高政治意识、大局意识",
        "习近平新时代中国特色社会主义经济思想",
        "《习近平新时代中国特色社会主义思想学习纲要》",
        "通过学习教育强化党员的修养的自觉性，增强宗旨意识",
        "他说：“要做到‘两个维护’。”",
        // The 19th congress report's own sentence: a near miss before a comma starts no list.
        "新时代中国特色社会主义思想，是对马克思列宁主义、毛泽东思想、邓小平理论、“三个代表”重要思想、科学发展观的继承和发展",
    ];

    #[test]
    fn hits_fire_at_their_exact_spans() {
        table::assert_hits(found, HITS);
    }

    #[test]
    fn traps_do_not_fire() {
        table::assert_misses(found, MISSES);
    }

    #[test]
    fn seed_formulations() {
        let seed = include_str!("../../../tests/fixtures/seed-report.txt");
        let mut out = Vec::new();
        check(seed, &mut out);
        let got: Vec<(&str, &str, Severity)> = out.iter().map(|f| (f.rule, f.text.as_str(), f.severity)).collect();
        assert_eq!(got, vec![(PAIRING, "强化", Severity::Hint)]);
    }
}
