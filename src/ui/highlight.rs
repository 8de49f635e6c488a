//! Splitting a field's text into plain and flagged runs, for the highlight layer drawn behind
//! the text box. Plain Rust so it is tested natively.
use crate::domain::model::text::Span;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Segment {
    Plain(String),
    Marked { text: String, span: Span },
}

/// Cut `text` at the given spans (overlaps merged, out-of-range clamped). Empty spans are
/// skipped: they mark a whole field, not characters.
pub fn segments(text: &str, spans: &[Span]) -> Vec<Segment> {
    let chars: Vec<char> = text.chars().collect();
    let mut sorted: Vec<Span> = spans.iter().copied().filter(|s| !s.is_empty()).collect();
    sorted.sort_unstable();
    let mut out = Vec::new();
    let mut pos = 0;
    for s in sorted {
        let start = s.start.max(pos).min(chars.len());
        let end = s.end.min(chars.len());
        if start >= end {
            continue;
        }
        if start > pos {
            out.push(Segment::Plain(chars[pos..start].iter().collect()));
        }
        out.push(Segment::Marked { text: chars[start..end].iter().collect(), span: Span::new(start, end) });
        pos = end;
    }
    if pos < chars.len() {
        out.push(Segment::Plain(chars[pos..].iter().collect()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_at_spans() {
        let got = segments("现将**党工委20XX年", &[Span::new(2, 4), Span::new(7, 11)]);
        assert_eq!(
            got,
            vec![
                Segment::Plain("现将".into()),
                Segment::Marked { text: "**".into(), span: Span::new(2, 4) },
                Segment::Plain("党工委".into()),
                Segment::Marked { text: "20XX".into(), span: Span::new(7, 11) },
                Segment::Plain("年".into()),
            ]
        );
    }

    #[test]
    fn merges_overlaps_and_clamps() {
        let got = segments("abcdef", &[Span::new(1, 3), Span::new(2, 4), Span::new(5, 50), Span::new(0, 0)]);
        assert_eq!(
            got,
            vec![
                Segment::Plain("a".into()),
                Segment::Marked { text: "bc".into(), span: Span::new(1, 3) },
                Segment::Marked { text: "d".into(), span: Span::new(3, 4) },
                Segment::Plain("e".into()),
                Segment::Marked { text: "f".into(), span: Span::new(5, 6) },
            ]
        );
    }
}
