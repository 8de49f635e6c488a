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

/// The candidates' scores for the text, in the candidates' order.
pub fn scores(candidates: &[Candidate], text: &str) -> Vec<f64> {
    // The first line is the title if there is one (a report pasted from its first heading has
    // none, and then that heading only adds a little to every type's title score).
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    let title = lines.next().unwrap_or_default();
    let headings: Vec<String> = text.lines().filter_map(|l| numbered(l.trim())).map(literal).collect();
    candidates
        .iter()
        .map(|c| {
            let by_title = dice(&literal(&c.title), &literal(title)).max(dice(&literal(&c.name), &literal(title)));
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

/// Dice's coefficient over character bigrams (a one-character text is its own bigram).
pub fn dice(a: &str, b: &str) -> f64 {
    let grams = |s: &str| -> Vec<(char, char)> {
        let c: Vec<char> = s.chars().collect();
        match c.len() {
            0 => Vec::new(),
            1 => vec![(c[0], c[0])],
            _ => c.windows(2).map(|w| (w[0], w[1])).collect(),
        }
    };
    let (ga, mut gb) = (grams(a), grams(b));
    if ga.is_empty() || gb.is_empty() {
        return 0.0;
    }
    let total = ga.len() + gb.len();
    let mut common = 0;
    for g in &ga {
        if let Some(at) = gb.iter().position(|x| x == g) {
            gb.swap_remove(at);
            common += 1;
        }
    }
    2.0 * common as f64 / total as f64
}

#[cfg(test)]
mod tests {
    use super::*;

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
