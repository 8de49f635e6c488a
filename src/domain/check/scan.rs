//! Small character-level helpers shared by the rule families: what counts as Chinese context,
//! where a line or an enumerated item starts, Chinese numerals, edit distance, and building a
//! `Finding` from a character span.
use super::{Category, Finding, Severity};
use crate::domain::model::text::{is_han, Span};

/// Full-width marks that belong to Chinese text (GB/T 15834).
pub fn is_cjk_punct(c: char) -> bool {
    // A `matches!`, not `"…".contains(c)`: it is asked about nearly every character.
    matches!(
        c,
        '，' | '。'
            | '、'
            | '；'
            | '：'
            | '？'
            | '！'
            | '“'
            | '”'
            | '‘'
            | '’'
            | '《'
            | '》'
            | '（'
            | '）'
            | '【'
            | '】'
            | '〔'
            | '〕'
            | '〈'
            | '〉'
            | '「'
            | '」'
            | '『'
            | '』'
            | '…'
            | '—'
            | '～'
            | '·'
    )
}

/// A Han character or a full-width Chinese mark: the surroundings in which a half-width mark
/// is out of place.
pub fn is_chinese(c: char) -> bool {
    is_han(c) || is_cjk_punct(c)
}

#[inline(always)]
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

/// A text's characters, decoded by hand: the page is built for size (`opt-level = "z"`), which
/// leaves the standard decoder's step out of line, a call per character; this loop is the
/// check's first pass over every draft, so it is written out.
pub fn chars_of(text: &str) -> Vec<char> {
    // One decoder for both (the page is built for size); a field's few breaks cost nothing.
    chars_and_breaks(text).0
}

/// `chars_of`, and where the line breaks are: `(character offset, byte offset)` of every `\n`
/// and `\r` (`import::split_at_breaks` reads the lines off them).
pub fn chars_and_breaks(text: &str) -> (Vec<char>, Vec<(usize, usize)>) {
    let mut breaks = Vec::new();
    let chars = decode(text, &mut breaks);
    (chars, breaks)
}

fn decode(text: &str, breaks: &mut Vec<(usize, usize)>) -> Vec<char> {
    let b = text.as_bytes();
    // Written by index into a vector as long as the bytes (no call per character), then cut to
    // the characters' count.
    let mut out = vec!['\0'; b.len()];
    let mut n_out = 0;
    let mut i = 0;
    while i < b.len() {
        let x = b[i] as u32;
        let (c, n) = if x < 0x80 {
            if x == 0x0A || x == 0x0D {
                breaks.push((n_out, i));
            }
            (x, 1)
        } else if x < 0xE0 {
            (((x & 0x1F) << 6) | (b[i + 1] as u32 & 0x3F), 2)
        } else if x < 0xF0 {
            (((x & 0x0F) << 12) | ((b[i + 1] as u32 & 0x3F) << 6) | (b[i + 2] as u32 & 0x3F), 3)
        } else {
            (((x & 0x07) << 18) | ((b[i + 1] as u32 & 0x3F) << 12) | ((b[i + 2] as u32 & 0x3F) << 6) | (b[i + 3] as u32 & 0x3F), 4)
        };
        // A `&str` is valid UTF-8, so every sequence decodes to a character.
        out[n_out] = char::from_u32(c).unwrap_or('\u{FFFD}');
        n_out += 1;
        i += n;
    }
    out.truncate(n_out);
    out
}

/// The first character of a non-empty word, decoded in place (see `chars_of`).
#[inline(always)]
fn first_char(word: &str) -> Option<char> {
    let b = word.as_bytes();
    let x = *b.first()? as u32;
    let c = if x < 0x80 {
        x
    } else if x >= 0xE0 && x < 0xF0 && b.len() >= 3 {
        ((x & 0x0F) << 12) | ((b[1] as u32 & 0x3F) << 6) | (b[2] as u32 & 0x3F)
    } else {
        return word.chars().next();
    };
    char::from_u32(c)
}

/// Does `chars[i..]` start with `word`? (Most places differ at the first character, which is
/// compared before the word is decoded further.)
#[inline]
pub fn starts_with(chars: &[char], i: usize, word: &str) -> bool {
    match first_char(word) {
        None => true,
        Some(f) => {
            if chars.get(i) != Some(&f) {
                return false;
            }
            let mut k = i;
            for w in word.chars() {
                if chars.get(k) != Some(&w) {
                    return false;
                }
                k += 1;
            }
            true
        }
    }
}

/// Does `chars[..i]` end with `word`?
pub fn ends_with(chars: &[char], i: usize, word: &str) -> bool {
    // From the last character back: most places differ there, and the word is never counted.
    let mut k = i.min(chars.len());
    for w in word.chars().rev() {
        if k == 0 || chars[k - 1] != w {
            return false;
        }
        k -= 1;
    }
    i <= chars.len()
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

/// Characters that make up a Chinese numeral (`二十三`, `两百`, `二〇二三`).
#[inline(always)]
pub fn is_cn_numeral(c: char) -> bool {
    matches!(c, '〇' | '零' | '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' | '百' | '千' | '万' | '两')
}

/// The value of a Chinese numeral (`两百零五` 205), shared with the figure boxes.
pub use crate::domain::model::quantity::chinese_value as cn_value;

/// 1–99 as a Chinese count numeral: 2 is `两` (两名), 12 is `十二`, 20 is `二十`.
pub fn cn_count(n: u64) -> Option<String> {
    const D: [&str; 10] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    let s = match n {
        2 => "两".to_string(),
        1..=9 => D[n as usize].to_string(),
        10 => "十".to_string(),
        11..=19 => format!("十{}", D[(n % 10) as usize]),
        20..=99 if n % 10 == 0 => format!("{}十", D[(n / 10) as usize]),
        21..=99 => format!("{}十{}", D[(n / 10) as usize], D[(n % 10) as usize]),
        _ => return None,
    };
    Some(s)
}

/// Levenshtein distance between two character slices.
pub fn edit_distance(a: &[char], b: &[char]) -> usize {
    distance_up_to(a, b, usize::MAX)
}

/// Is the Levenshtein distance between `a` and `b` at most `max`? Stops at the first row of
/// the table whose every entry exceeds `max` (later rows are never smaller).
pub fn within_distance(a: &[char], b: &[char], max: usize) -> bool {
    if max == 1 {
        return within_one(a, b);
    }
    a.len().abs_diff(b.len()) <= max && distance_up_to(a, b, max) <= max
}

/// Is the Levenshtein distance at most 1? One walk: past the common start, the rest must be equal
/// after dropping one character of the longer slice (or one of each, for a substitution).
fn within_one(a: &[char], b: &[char]) -> bool {
    let (a, b) = if a.len() >= b.len() { (a, b) } else { (b, a) };
    if a.len() - b.len() > 1 {
        return false;
    }
    let i = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    if i == b.len() {
        return true;
    }
    if a.len() == b.len() {
        a[i + 1..] == b[i + 1..]
    } else {
        a[i + 1..] == b[i..]
    }
}

/// The distance, or some number above `max` once it is certain to exceed `max`. The two rows
/// of the table live on the stack for the short words the rules compare.
fn distance_up_to(a: &[char], b: &[char], max: usize) -> usize {
    const ON_STACK: usize = 48;
    let (mut heap_prev, mut heap_cur) = (Vec::new(), Vec::new());
    let (mut stack_prev, mut stack_cur) = ([0usize; ON_STACK], [0usize; ON_STACK]);
    let (mut prev, mut cur): (&mut [usize], &mut [usize]) = if b.len() < ON_STACK {
        (&mut stack_prev[..=b.len()], &mut stack_cur[..=b.len()])
    } else {
        heap_prev.resize(b.len() + 1, 0);
        heap_cur.resize(b.len() + 1, 0);
        (&mut heap_prev, &mut heap_cur)
    };
    for (j, p) in prev.iter_mut().enumerate() {
        *p = j;
    }
    for (i, &ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        let mut row_min = cur[0];
        for (j, &cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != cb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
            row_min = row_min.min(cur[j + 1]);
        }
        std::mem::swap(&mut prev, &mut cur);
        if row_min > max {
            return row_min;
        }
    }
    prev[b.len()]
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

/// A quick test that rules out most characters before an exact one: bit `c % 256` is set for
/// each character of a short list, so a clear bit means `c` is none of them (a Han character
/// outside the list passes over with one lookup instead of a comparison per listed character).
pub struct ByteFilter([u64; 4]);

impl ByteFilter {
    pub const fn new(list: &[char]) -> ByteFilter {
        let mut bits = [0u64; 4];
        let mut k = 0;
        while k < list.len() {
            let b = list[k] as usize & 255;
            bits[b >> 6] |= 1 << (b & 63);
            k += 1;
        }
        ByteFilter(bits)
    }

    /// False only if `c` is certainly not in the list.
    #[inline(always)]
    pub fn may(&self, c: char) -> bool {
        let b = c as usize & 255;
        self.0[b >> 6] & (1 << (b & 63)) != 0
    }
}

/// What the whole-text rules (`numbers`, `ordinal`, `width`) start from, found in one pass over
/// the text instead of one each: where a run of ASCII digits or of Chinese numerals starts, each
/// `（` `(` `第`, whether that place is inside quotation marks or 书名号 (on its line), and the
/// counts of the signs whose full- and half-width forms `width` compares.
pub struct NumberPlaces {
    /// (place, inside quotes) in text order.
    pub starts: Vec<(usize, bool)>,
    /// `％` `%` `＋` `+` as (full, half) pairs, in `width::PAIRS` order.
    pub signs: [(usize, usize); 2],
    pub full_digits: usize,
    pub ascii_digits: usize,
}

impl NumberPlaces {
    pub fn of(chars: &[char]) -> NumberPlaces {
        let mut p = NumberPlaces { starts: Vec::new(), signs: [(0, 0); 2], full_digits: 0, ascii_digits: 0 };
        let mut depth = 0i32;
        let mut prev = '\0';
        // Chinese numerals and 第: a Han character outside them passes with one lookup.
        const NUMERALS: ByteFilter =
            ByteFilter::new(&['〇', '零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '百', '千', '万', '两', '第']);
        for (i, &c) in chars.iter().enumerate() {
            if '\u{4E00}' <= c && c <= '\u{9FFF}' {
                if NUMERALS.may(c) && (c == '第' || (is_cn_numeral(c) && !is_cn_numeral(prev))) {
                    p.starts.push((i, depth > 0));
                }
            } else if c.is_ascii() {
                match c {
                    '0'..='9' => {
                        p.ascii_digits += 1;
                        if !prev.is_ascii_digit() {
                            p.starts.push((i, depth > 0));
                        }
                    }
                    '%' => p.signs[0].1 += 1,
                    '+' => p.signs[1].1 += 1,
                    '(' => p.starts.push((i, depth > 0)),
                    '\n' | '\r' => depth = 0,
                    _ => {}
                }
            } else {
                match c {
                    '〇' if !is_cn_numeral(prev) => p.starts.push((i, depth > 0)),
                    '（' => p.starts.push((i, depth > 0)),
                    '“' | '《' => depth += 1,
                    '”' | '》' => depth = (depth - 1).max(0),
                    '０'..='９' => p.full_digits += 1,
                    '％' => p.signs[0].0 += 1,
                    '＋' => p.signs[1].0 += 1,
                    _ => {}
                }
            }
            prev = c;
        }
        p
    }
}

/// Fixed words found by their first two characters. A bitmap over a hash of each place's pair of
/// characters rules out nearly every place with one lookup (one more for one-character words);
/// the few places left are compared word by word. Cheaper than an automaton when the words have
/// many different characters (its table grows with states × characters): the `confusable` and
/// `phrase` rules.
pub struct Anchored {
    /// Bit `c` (for `c` below U+10000; other characters always go on to the pair's hash) for the
    /// first character of every word of two or more: most places are passed over on this one
    /// lookup. Exact, where a bit per `c % 1024` let every place through whose character shared
    /// a slot with a first character (1 in 7 of a report's characters).
    firsts: Vec<u64>,
    /// The same bits for the one-character words: a place whose bit is clear skips `singles`.
    single_firsts: Vec<u64>,
    pairs: Vec<u64>,
    /// The one-character words, `(character, word)`: a handful, compared one by one (cheaper
    /// than a second hash at every place, and a match needs no further comparison).
    singles: Vec<(char, u32)>,
    /// (first two characters, word) sorted; a one-character word has `'\0'` as its second.
    keys: Vec<((char, char), u32)>,
    words: Vec<Vec<char>>,
}

const ANCHOR_BITS: u32 = 13;

/// One bit per character below U+10000.
const BMP_WORDS: usize = 0x10000 / 64;

fn set_bit(bits: &mut [u64], c: char) {
    // Beyond the BMP there is no bit: every such place is looked at (`has_bit`).
    if let Some(w) = bits.get_mut(c as usize >> 6) {
        *w |= 1 << (c as usize & 63);
    }
}

/// Bit `c`; true for every character beyond the BMP.
#[inline(always)]
fn has_bit(bits: &[u64], c: char) -> bool {
    let k = c as usize >> 6;
    k >= bits.len() || bits[k] & (1 << (c as usize & 63)) != 0
}

fn anchor_hash(a: char, b: char) -> usize {
    ((a as u32).wrapping_mul(0x9E37_79B1) ^ (b as u32).wrapping_mul(0x85EB_CA6B)).wrapping_shr(32 - ANCHOR_BITS) as usize
}

impl Anchored {
    pub fn new(words: &[&str]) -> Anchored {
        let size = 1usize << (ANCHOR_BITS - 6);
        let all = words.iter().map(|w| w.chars().collect()).collect();
        let mut a = Anchored {
            firsts: vec![0; BMP_WORDS],
            single_firsts: vec![0; BMP_WORDS],
            pairs: vec![0; size],
            singles: Vec::new(),
            keys: Vec::new(),
            words: all,
        };
        for (k, w) in words.iter().enumerate() {
            let c: Vec<char> = w.chars().collect();
            let Some(&first) = c.first() else { continue };
            let second = c.get(1).copied().unwrap_or('\0');
            if second == '\0' {
                a.singles.push((first, k as u32));
                set_bit(&mut a.single_firsts, first);
                continue;
            } else {
                let h = anchor_hash(first, second);
                a.pairs[h >> 6] |= 1 << (h & 63);
                set_bit(&mut a.firsts, first);
            }
            a.keys.push(((first, second), k as u32));
        }
        a.keys.sort_unstable();
        a
    }

    /// Calls `found(word, start)` for every occurrence of every word, by start.
    pub fn each_match(&self, chars: &[char], mut found: impl FnMut(usize, usize)) {
        let singles = &self.singles[..];
        for i in 0..chars.len() {
            let a = chars[i];
            if has_bit(&self.firsts, a) {
                let b = chars.get(i + 1).copied().unwrap_or('\0');
                let h = anchor_hash(a, b);
                if self.pairs[h >> 6] & (1 << (h & 63)) != 0 {
                    self.matches_at(chars, i, (a, b), &mut found);
                }
            }
            if has_bit(&self.single_firsts, a) {
                for &(c, w) in singles {
                    if c == a {
                        found(w as usize, i);
                    }
                }
            }
        }
    }

    fn matches_at(&self, chars: &[char], i: usize, key: (char, char), found: &mut impl FnMut(usize, usize)) {
        let from = self.keys.partition_point(|&(k, _)| k < key);
        for &(k, w) in &self.keys[from..] {
            if k != key {
                break;
            }
            let word = &self.words[w as usize];
            if chars.len() - i >= word.len() && chars[i..i + word.len()] == word[..] {
                found(w as usize, i);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchored_words_are_found_where_a_plain_search_finds_them() {
        let words = ["即", "即要", "截止", "象", "好象", "布署", "尊法学法", "学法守法", "法"];
        let a = Anchored::new(&words);
        for text in ["即要尽力，截止目前好象布署了", "尊法学法守法用法", "", "即", "法法法"] {
            let chars: Vec<char> = text.chars().collect();
            let mut got = Vec::new();
            a.each_match(&chars, |k, s| got.push((k, s)));
            got.sort_unstable();
            let mut want = Vec::new();
            for (k, w) in words.iter().enumerate() {
                let w: Vec<char> = w.chars().collect();
                for s in 0..chars.len() {
                    if chars.len() - s >= w.len() && chars[s..s + w.len()] == w[..] {
                        want.push((k, s));
                    }
                }
            }
            want.sort_unstable();
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn chars_are_decoded_as_the_standard_library_does() {
        for text in ["", "a", "公文，2024年。", "é×—“”〔〕〇", "😀𠀀a\u{7f}\u{80}\u{7ff}\u{800}\u{ffff}\u{10000}\u{10ffff}"]
        {
            assert_eq!(chars_of(text), text.chars().collect::<Vec<char>>(), "{text:?}");
        }
        for (w, at) in [("公文", 0), ("文，", 1), ("😀", 0), ("a", 0)] {
            let chars = chars_of("公文，a😀");
            assert!(
                starts_with(
                    &chars,
                    if w == "a" {
                        3
                    } else if w == "😀" {
                        4
                    } else {
                        at
                    },
                    w
                ),
                "{w}"
            );
        }
        assert!(!starts_with(&chars_of("公文"), 0, "公式"));
        assert!(starts_with(&chars_of("公文"), 2, ""));
    }

    #[test]
    fn chinese_numerals() {
        let table = [
            ("五", Some(5)),
            ("十", Some(10)),
            ("十二", Some(12)),
            ("二十", Some(20)),
            ("二十三", Some(23)),
            ("两百零五", Some(205)),
            ("三万", Some(30000)),
            ("三四", None),
            ("", None),
        ];
        for (s, v) in table {
            assert_eq!(cn_value(s.chars()), v, "{s}");
        }
        assert_eq!(cn_count(2).as_deref(), Some("两"));
        assert_eq!(cn_count(15).as_deref(), Some("十五"));
        assert_eq!(cn_count(40).as_deref(), Some("四十"));
        assert_eq!(cn_count(100), None);
    }

    #[test]
    fn distances() {
        let c = |s: &str| s.chars().collect::<Vec<_>>();
        assert_eq!(edit_distance(&c("政治意识"), &c("政治意识")), 0);
        assert_eq!(edit_distance(&c("政治意识"), &c("法治意识")), 1);
        assert_eq!(edit_distance(&c("习近平新时代中国特色主义思想"), &c("习近平新时代中国特色社会主义思想")), 2);
        // The bounded test gives the same answer as the full distance, short and long words.
        let words = ["", "政治意识", "法治意识", "政治", "意识政治", "大局意识核心意识", "习近平新时代中国特色社会主义思想"];
        let long: String = "意识".repeat(40);
        for a in words.iter().copied().chain([long.as_str()]) {
            for b in words.iter().copied().chain([long.as_str()]) {
                let d = edit_distance(&c(a), &c(b));
                for max in 0..4 {
                    assert_eq!(within_distance(&c(a), &c(b), max), d <= max, "{a} {b} {max}");
                }
            }
        }
    }

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
