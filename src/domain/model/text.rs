//! Character-level helpers. Spans in this crate are counted in Unicode scalar values
//! (what a clerk sees as "characters"), never in bytes.

/// A half-open range `[start, end)` of character offsets inside one field's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
}

/// The substring of `text` covered by a character span. Out-of-range spans are clamped.
pub fn slice_chars(text: &str, span: Span) -> String {
    text.chars().skip(span.start).take(span.end.saturating_sub(span.start)).collect()
}

/// Replace the characters in `span` with `replacement`.
pub fn replace_chars(text: &str, span: Span, replacement: &str) -> String {
    let mut out = String::with_capacity(text.len() + replacement.len());
    for (i, c) in text.chars().enumerate() {
        if i == span.start {
            out.push_str(replacement);
        }
        if i < span.start || i >= span.end {
            out.push(c);
        }
    }
    if span.start >= text.chars().count() {
        out.push_str(replacement);
    }
    out
}

/// True for the CJK ideographs a report is written in (the basic block and extension A).
#[inline(always)]
pub fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}' | '〇')
}

/// Convert any line ending to CRLF, as Notepad and WPS expect in a `.txt` file.
pub fn to_crlf(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\r\n");
            }
            '\n' => out.push_str("\r\n"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slices_by_characters_not_bytes() {
        assert_eq!(slice_chars("现将**党工委", Span::new(2, 4)), "**");
        assert_eq!(slice_chars("现将", Span::new(1, 9)), "将");
    }

    #[test]
    fn replaces_a_span() {
        assert_eq!(replace_chars("现将**党工委", Span::new(2, 4), ""), "现将党工委");
        assert_eq!(replace_chars("ab", Span::new(2, 2), "c"), "abc");
        assert_eq!(replace_chars("a，b", Span::new(1, 2), ","), "a,b");
    }

    #[test]
    fn crlf_conversion_is_idempotent() {
        assert_eq!(to_crlf("a\nb\r\nc\rd"), "a\r\nb\r\nc\r\nd");
        assert_eq!(to_crlf(&to_crlf("a\nb")), "a\r\nb");
    }

    #[test]
    fn han_detection() {
        assert!(is_han('党'));
        assert!(is_han('〇'));
        assert!(!is_han('，'));
        assert!(!is_han('a'));
    }
}
