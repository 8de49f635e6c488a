//! The model report as the workshop shows it beside the form: each line with the part it
//! became, and the key figures in it. Lines are matched in order to the proposal's example,
//! rendered (a line the proposal does not give back is left unmarked); in a matched line, a
//! figure is marked where the part's example, filled, shows it.
use super::edit::Workshop;
use super::normal_numbering;
use crate::domain::model::draft::Draft;
use crate::domain::model::pattern::fill;
use crate::domain::model::template::{Part, Template};
use crate::domain::model::text::Span;
use crate::domain::output::render::paragraphs;

/// One line of the model.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MarkedLine {
    pub text: String,
    /// The part it became (`title` for the title), if any.
    pub part: Option<String>,
    /// Key figures in it: where (in characters) and which.
    pub slots: Vec<(Span, String)>,
}

/// How far ahead a line is looked for among the rendered paragraphs (a line the proposal
/// dropped, such as a stray note, must not make the rest unmarked).
const LOOK_AHEAD: usize = 6;

impl Workshop {
    /// The model's non-empty lines, each with its part and key figures.
    pub fn marks(&self) -> Vec<MarkedLine> {
        let t = self.proposal();
        let rendered = paragraphs(&t, &Draft::example(&t));
        let mut next = 0;
        let mut out = Vec::new();
        for line in self.model.lines().map(|l| l.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}')).filter(|l| !l.is_empty()) {
            let want = normal_numbering(line);
            let found = rendered.iter().enumerate().skip(next).take(LOOK_AHEAD).find(|(_, p)| normal_numbering(&p.text) == want);
            let part = found.map(|(i, p)| {
                next = i + 1;
                p.part.clone()
            });
            let slots = part.as_deref().map(|id| figures_in(&t, id, line)).unwrap_or_default();
            out.push(MarkedLine { text: line.to_string(), part, slots });
        }
        out
    }
}

/// Every text of a part that may name key figures, line by line (the title's for `title`).
fn patterns<'t>(t: &'t Template, part: &str) -> Vec<&'t str> {
    let mut out: Vec<&str> = Vec::new();
    if part == "title" {
        out.push(&t.title);
    }
    if let Some(p) = t.part(part) {
        part_texts(p, &mut |s| out.extend(s.lines()));
    }
    out.retain(|s| s.contains('{'));
    out
}

fn part_texts<'t>(p: &'t Part, add: &mut impl FnMut(&'t str)) {
    add(&p.example);
    for ex in p.items.iter().flat_map(|i| &i.examples) {
        add(&ex.heading);
        add(&ex.body);
        ex.points.iter().for_each(|pt| {
            add(&pt.topic);
            add(&pt.body);
        });
        ex.fields.values().for_each(|f| add(f));
    }
}

/// Where the line shows key figures: each of its part's texts filled with the examples and
/// found in the line gives its figures' places (so of two figures with the same value, each is
/// marked where its own sentence has it).
fn figures_in(t: &Template, part: &str, line: &str) -> Vec<(Span, String)> {
    let value = |id: &str| t.slot(id).map(|s| s.example.as_str());
    let mut out: Vec<(Span, String)> = Vec::new();
    for pattern in patterns(t, part) {
        let (filled, places) = fill(pattern, value);
        let Some(at) = line.find(filled.as_str()) else { continue };
        let shift = line[..at].chars().count();
        for place in places {
            let span = Span::new(place.span.start + shift, place.span.end + shift);
            if !out.iter().any(|(s, _)| span.start < s.end && s.start < span.end) {
                out.push((span, place.slot));
            }
        }
    }
    out.sort_by_key(|(s, _)| s.start);
    out
}
