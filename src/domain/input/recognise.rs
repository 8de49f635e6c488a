//! Which report type an old report is: its title and its `一、` headings compared with each
//! template's title pattern (or, when only the index is at hand, its name) and section headings.
//!
//! Similarity is the overlap of two-character pieces (bigrams, Dice's coefficient), which
//! tolerates a word added, dropped or changed; the figures (`{unit}`, digits) are left out of
//! both sides. The title weighs as much as the headings; a report without `一、` headings is
//! judged by its title alone. The best type is given with how sure the guess is, or none when
//! nothing is close: then the clerk picks.
use crate::domain::model::pattern::{pieces, Piece};
use crate::domain::model::template::{PartKind, Template};

/// What recognition knows of one report type.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    pub id: String,
    pub name: String,
    /// The title pattern (`{slot}`s are ignored), or the name when only that is known.
    pub title: String,
    /// The section headings, without their ordinals (`总体情况`).
    pub headings: Vec<String>,
}

impl Candidate {
    pub fn of(t: &Template) -> Candidate {
        let headings = t.parts.iter().filter(|p| p.kind == PartKind::Section).map(|p| p.heading.clone()).collect();
        Candidate { id: t.id.clone(), name: t.name.clone(), title: t.title.clone(), headings }
    }

    /// From an index entry: the name stands for the title, and the part labels that are
    /// numbered (`二、反馈问题整改落实情况`) give the headings.
    pub fn from_index(id: &str, name: &str, part_labels: &[String]) -> Candidate {
        let headings = part_labels.iter().filter_map(|l| numbered(l)).map(str::to_string).collect();
        Candidate { id: id.to_string(), name: name.to_string(), title: name.to_string(), headings }
    }
}

/// How sure a recognition is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Confidence {
    /// Title and headings agree with one type clearly more than with any other.
    High,
    /// The closest type, but not by much or not closely.
    Low,
}

impl Confidence {
    pub fn label(self) -> &'static str {
        match self {
            Confidence::High => "把握较大",
            Confidence::Low => "把握不大，请核对",
        }
    }
}

/// The best-scoring candidate, scored 0–1, at least this to be offered at all.
const MIN_SCORE: f64 = 0.3;
/// A guess is `High` from this score on, with this lead over the second.
const HIGH_SCORE: f64 = 0.55;
const HIGH_LEAD: f64 = 0.15;

/// The most of a text recognition reads, so that its work is bounded whatever is pasted: a
/// title is at most this many characters (a longer first line is cut), …
const TITLE_CHARS: usize = 100;
/// … a heading at most this many, …
const HEADING_CHARS: usize = 60;
/// … and only the first headings count (a report has a handful).
const MAX_HEADINGS: usize = 40;

/// The candidates' scores for the text, in the candidates' order. Reading the lines is linear in
/// the text; the comparisons read at most a title and `MAX_HEADINGS` headings, each cut short.
pub fn scores(candidates: &[Candidate], text: &str) -> Vec<f64> {
    // The first line is the title if there is one (a report pasted from its first heading has
    // none, and then that heading only adds a little to every type's title score).
    // `lines` finds `\n` by memchr; a lone `\r` (old Mac files) breaks a line too.
    let all_lines = || text.lines().flat_map(|l| l.split('\r'));
    let mut lines = all_lines().map(str::trim).filter(|l| !l.is_empty());
    let title = literal(cut(lines.next().unwrap_or_default(), TITLE_CHARS));
    let headings: Vec<String> =
        all_lines().filter_map(|l| numbered(l.trim())).take(MAX_HEADINGS).map(|h| literal(cut(h, HEADING_CHARS))).collect();
    candidates
        .iter()
        .map(|c| {
            let by_title = dice(&literal(&c.title), &title).max(dice(&literal(&c.name), &title));
            if headings.is_empty() || c.headings.is_empty() {
                return by_title;
            }
            // Each old heading's closest heading of the type, and each of the type's headings'
            // closest old one: extra or missing sections both lower the score.
            let found = mean(headings.iter().map(|h| c.headings.iter().map(|t| dice(t, h)).fold(0.0, f64::max)));
            let covered = mean(c.headings.iter().map(|t| headings.iter().map(|h| dice(t, h)).fold(0.0, f64::max)));
            (by_title + (found + covered) / 2.0) / 2.0
        })
        .collect()
}

/// The text's first `max` characters.
fn cut(text: &str, max: usize) -> &str {
    text.char_indices().nth(max).map_or(text, |(at, _)| &text[..at])
}

/// The best candidate (its index) and how sure that is; `None` when none is close.
pub fn best(candidates: &[Candidate], text: &str) -> Option<(usize, Confidence)> {
    let s = scores(candidates, text);
    let (i, top) = s.iter().copied().enumerate().fold((0, f64::MIN), |a, b| if b.1 > a.1 { b } else { a });
    if s.is_empty() || top < MIN_SCORE {
        return None;
    }
    let second = s.iter().copied().enumerate().filter(|&(j, _)| j != i).map(|(_, v)| v).fold(0.0, f64::max);
    let sure = top >= HIGH_SCORE && top - second >= HIGH_LEAD;
    Some((i, if sure { Confidence::High } else { Confidence::Low }))
}

fn mean(values: impl Iterator<Item = f64>) -> f64 {
    let (sum, n) = values.fold((0.0, 0usize), |(s, n), v| (s + v, n + 1));
    if n == 0 {
        0.0
    } else {
        sum / n as f64
    }
}

/// `二、反馈问题整改落实情况` → `反馈问题整改落实情况`; `None` without a `一、`-style ordinal.
fn numbered(label: &str) -> Option<&str> {
    // Most lines are ruled out by their first character, before any search along them.
    if !label.starts_with(|c: char| "一二三四五六七八九十".contains(c)) {
        return None;
    }
    let (ordinal, rest) = label.split_once(['、', '．', '.'])?;
    let is_ordinal = !ordinal.is_empty() && ordinal.chars().all(|c| "一二三四五六七八九十".contains(c));
    is_ordinal.then(|| rest.trim().trim_end_matches(['。', '：', ':']))
}

/// A title's or pattern's words: slot markers, digits, spaces and break marks left out.
fn literal(text: &str) -> String {
    let mut out = String::new();
    for p in pieces(text) {
        if let Piece::Text(t) = p {
            out.extend(t.chars().filter(|c| !c.is_whitespace() && !c.is_ascii_digit() && !('０'..='９').contains(c) && *c != '|'));
        }
    }
    out
}

/// Dice's coefficient over character bigrams (a one-character text is its own bigram). The
/// shared bigrams are counted by merging the two sorted lists: O(n log n), where looking each
/// one up in the other list was O(n·m) on a long line.
pub fn dice(a: &str, b: &str) -> f64 {
    let grams = |s: &str| -> Vec<(char, char)> {
        let c: Vec<char> = s.chars().collect();
        let mut g: Vec<(char, char)> = match c.len() {
            0 => Vec::new(),
            1 => vec![(c[0], c[0])],
            _ => c.windows(2).map(|w| (w[0], w[1])).collect(),
        };
        g.sort_unstable();
        g
    };
    #[cfg(test)]
    tests::DICE_READ.with(|r| r.set(r.get() + a.len() + b.len()));
    let (ga, gb) = (grams(a), grams(b));
    if ga.is_empty() || gb.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < ga.len() && j < gb.len() {
        match ga[i].cmp(&gb[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    2.0 * common as f64 / (ga.len() + gb.len()) as f64
}

#[cfg(test)]
#[path = "../../../benches/common/corpus.rs"]
mod corpus;

#[cfg(test)]
mod tests {
    use super::*;

    thread_local! {
        /// The bytes `dice` has read on this thread: the work recognition does beyond reading lines.
        pub(super) static DICE_READ: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    }

    pub(crate) use super::corpus::corpus_text;

    fn builtin_candidates() -> Vec<Candidate> {
        crate::domain::model::builtin::INDEX
            .iter()
            .map(|e| Candidate::of(&crate::domain::model::builtin::load(e.id).unwrap().unwrap()))
            .collect()
    }

    /// What recognition compares is bounded: 2 MB and 4 MB of published text (and 2 MB on one
    /// line) cost the comparisons the same few hundred kilobytes; only reading the lines grows
    /// with the text.
    #[test]
    fn the_comparisons_do_not_grow_with_the_text() {
        let candidates = builtin_candidates();
        let read = |text: &str| {
            DICE_READ.with(|r| r.set(0));
            let _ = scores(&candidates, text);
            DICE_READ.with(|r| r.get())
        };
        let small = read(&corpus_text(128 * 1024));
        let large = read(&corpus_text(2 * 1024 * 1024));
        let larger = read(&corpus_text(4 * 1024 * 1024));
        let one_line = read(&corpus_text(2 * 1024 * 1024).replace('\n', ""));
        let bound = candidates.len() * (2 * (TITLE_CHARS * 3 + 200) + 2 * MAX_HEADINGS * 10 * (HEADING_CHARS * 3 + 100));
        assert!(small > 0 && large <= bound && one_line <= bound, "{small} {large} {one_line} > {bound}");
        assert_eq!(large, larger, "the same comparisons for 2 and 4 MB");
        assert!(one_line < small, "one long line is one title, cut short: {one_line} bytes");
    }

    #[test]
    fn a_long_title_is_read_only_at_its_start() {
        let c = builtin_candidates();
        let long = format!("关于党工委领导班子2022年以来选人用人工作情况的报告{}", "很长".repeat(500_000));
        assert_eq!(
            best(&c, &long).map(|(i, _)| c[i].id.as_str()),
            best(&c, "关于党工委领导班子2022年以来选人用人工作情况的报告").map(|(i, _)| c[i].id.as_str())
        );
    }

    #[test]
    fn dice_counts_shared_bigrams() {
        assert_eq!(dice("总体情况", "总体情况"), 1.0);
        assert_eq!(dice("", "总体"), 0.0);
        assert!((dice("存在的问题", "存在的主要问题") - 0.6).abs() < 1e-9);
    }

    #[test]
    fn numbered_labels_give_headings() {
        assert_eq!(numbered("二、反馈问题整改落实情况"), Some("反馈问题整改落实情况"));
        assert_eq!(numbered("一、总体情况："), Some("总体情况"));
        assert_eq!(numbered("主送机关"), None);
        assert_eq!(numbered("（一）方面"), None);
    }
}
