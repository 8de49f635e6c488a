//! Small character-level helpers shared by the rule families: what counts as Chinese context,
//! where a line or an enumerated item starts, Chinese numerals, edit distance, and building a
//! `Finding` from a character span.
use super::{Category, Finding, Severity};
use crate::domain::text::{is_han, Span};

/// Full-width marks that belong to Chinese text (GB/T 15834).
pub fn is_cjk_punct(c: char) -> bool {
    "，。、；：？！“”‘’《》（）【】〔〕〈〉「」『』…—～·".contains(c)
}

/// A Han character or a full-width Chinese mark: the surroundings in which a half-width mark
/// is out of place.
pub fn is_chinese(c: char) -> bool {
    is_han(c) || is_cjk_punct(c)
}

pub fn is_latin(c: char) -> bool {
    c.is_ascii_alphabetic() || matches!(c, 'Ａ'..='Ｚ' | 'ａ'..='ｚ')
}

pub fn is_blank(c: char) -> bool {
    matches!(c, ' ' | '\t' | '　' | '\u{a0}')
}

pub fn before(chars: &[char], i: usize) -> Option<char> {
    i.checked_sub(1).and_then(|j| chars.get(j).copied())
}

pub fn at(chars: &[char], i: usize) -> Option<char> {
    chars.get(i).copied()
}

/// True when `i` is the first non-blank character of its line.
pub fn at_line_start(chars: &[char], i: usize) -> bool {
    let mut j = i;
    while j > 0 && is_blank(chars[j - 1]) {
        j -= 1;
    }
    j == 0 || matches!(chars[j - 1], '\n' | '\r')
}

/// True where an enumerated item may begin: a line start, or right after a sentence or clause
/// end (`。；：！？`), blanks allowed in between.
pub fn at_item_start(chars: &[char], i: usize) -> bool {
    let mut j = i;
    while j > 0 && is_blank(chars[j - 1]) {
        j -= 1;
    }
    j == 0 || matches!(chars[j - 1], '\n' | '\r' | '。' | '；' | '：' | '！' | '？')
}

pub fn text_of(chars: &[char], span: Span) -> String {
    chars[span.start.min(chars.len())..span.end.min(chars.len())].iter().collect()
}

/// End of the run of characters matching `pred` that starts at `i`.
pub fn run_end(chars: &[char], i: usize, pred: impl Fn(char) -> bool) -> usize {
    let mut j = i;
    while j < chars.len() && pred(chars[j]) {
        j += 1;
    }
    j
}

/// Start of the run of characters matching `pred` that ends just before `i`.
pub fn run_start(chars: &[char], i: usize, pred: impl Fn(char) -> bool) -> usize {
    let mut j = i;
    while j > 0 && pred(chars[j - 1]) {
        j -= 1;
    }
    j
}

pub fn finding(
    rule: &'static str,
    category: Category,
    severity: Severity,
    chars: &[char],
    span: Span,
    message: String,
    replacement: Option<String>,
) -> Finding {
    Finding { rule, category, severity, message, span, text: text_of(chars, span), replacement }
}

/// Does `span` overlap any finding already in `found`?
pub fn overlaps(found: &[Finding], span: Span) -> bool {
    found.iter().any(|f| f.span.start < span.end && span.start < f.span.end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn item_starts() {
        let c: Vec<char> = "一是。1.好\n  2.好".chars().collect();
        assert!(at_item_start(&c, 0));
        assert!(at_item_start(&c, 3));
        assert!(!at_item_start(&c, 1));
        assert!(at_line_start(&c, 9));
        assert!(!at_line_start(&c, 3));
    }
}
