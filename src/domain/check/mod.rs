//! The check engine: findings over one field's text, or over a whole draft.
//!
//! Each rule family lives in its own file with a table of texts that must and must not fire.
//! Rules see plain `&str` and report character spans inside it.
use serde::Serialize;

use crate::domain::model::draft::Draft;
use crate::domain::model::template::Template;
use crate::domain::model::text::Span;

pub mod approx;
pub mod characters;
pub mod confusable;
pub mod doc_number;
pub mod document;
pub mod duplicate;
pub mod formulation;
pub mod latin;
pub mod missing;
pub mod numbers;
pub mod ordinal;
pub mod phrase;
pub mod placeholder;
pub mod punctuation;
pub mod range;
pub mod relations;
pub mod report_type;
mod scan;
pub mod slots;
pub mod spacing;
pub mod stale_year;
pub mod structure;
#[cfg(test)]
mod table;
mod terms;
pub mod usage;
pub mod width;
mod word_list;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    Placeholder,
    Missing,
    Number,
    Punctuation,
    Formulation,
    Structure,
    /// Invisible, control or garbled characters (pasted or imported).
    Character,
    /// Words and phrases: a confusable word, a fixed phrase one character off, a repeat.
    Wording,
}

/// How sure a rule is that the text is wrong. Every rule family's module doc says which of its
/// findings has which severity; `tests/real_text.rs` holds the result to published text.
///
/// - `Error`: certainly wrong in a 公文, whoever reads it — a placeholder left in, half-width
///   punctuation between Chinese characters, an unmatched quotation mark, a date that does not
///   exist, an empty required part, 请示 wording in a 报告. Published, proofread text has none.
/// - `Warning`: very likely wrong, but a careful writer may have meant it — a quotation nested
///   the wrong way, swapped pairings (`坚定“四个意识”`), a dated event in a later year, an upward
///   报告 without 落款 or 成文日期.
/// - `Hint`: style or preference, where authoritative texts differ — 、 between quoted items,
///   numeral style, 强化 instead of 增强“四个意识”, a bare later year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Error,
    Warning,
    Hint,
}

impl Severity {
    /// The word a clerk sees.
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "错误",
            Severity::Warning => "警告",
            Severity::Hint => "提示",
        }
    }
}

/// One problem found in one piece of text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// Stable rule id, e.g. `placeholder`.
    pub rule: &'static str,
    pub category: Category,
    pub severity: Severity,
    /// Chinese, saying what to do.
    pub message: String,
    /// Character span inside the checked text.
    pub span: Span,
    /// The flagged characters themselves.
    pub text: String,
    /// A mechanical fix, where there is one.
    pub replacement: Option<String>,
}

/// A finding located in a draft field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FieldFinding {
    /// The field's key (see `draft::key`).
    pub key: String,
    /// The part (outline step) the field belongs to.
    pub part: String,
    pub finding: Finding,
}

/// What the rules need to know beyond the text itself. Plain data: the domain reads no clock
/// (`std::time` panics on wasm32-unknown-unknown), so the caller supplies the year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Context {
    /// The year the report is written in: later years are flagged by `numbers`.
    pub current_year: i32,
}

/// The year `Context::default` assumes when the caller does not say.
pub const DEFAULT_CURRENT_YEAR: i32 = 2026;

impl Default for Context {
    fn default() -> Self {
        Context { current_year: DEFAULT_CURRENT_YEAR }
    }
}

/// The findings inside one field's text, in text order. Findings about a field as a whole (an
/// empty required field, an unanswered problem) have no span and are left out: they are shown
/// in the outline, the summary and the panel, not inside the text.
pub fn inside_field(all: &[FieldFinding], key: &str) -> Vec<Finding> {
    all.iter().filter(|f| f.key == key && !f.finding.span.is_empty()).map(|f| f.finding.clone()).collect()
}

/// Every text rule over one piece of text, sorted by position (default `Context`).
pub fn check_text(text: &str) -> Vec<Finding> {
    check_text_with(text, &Context::default())
}

/// Every text rule over one piece of text, sorted by position.
pub fn check_text_with(text: &str, ctx: &Context) -> Vec<Finding> {
    check_chars(&scan::chars_of(text), ctx)
}

/// Every text rule over one piece of text given as its characters, sorted by position. The
/// characters are collected once and every family reads the same slice (`check_document` hands
/// in each line as a slice of the whole text's characters).
pub fn check_chars(chars: &[char], ctx: &Context) -> Vec<Finding> {
    text_rules(chars, Some(ctx))
}

/// Every text rule but the whole-text ones (`whole_text_rules`), sorted by position:
/// `check_document` runs those once over the whole text instead (the number rules stop at line
/// ends, so they find the same per line; ordinals and mixed widths are read across lines).
pub fn check_chars_but_numbers(chars: &[char]) -> Vec<Finding> {
    text_rules(chars, None)
}

/// Which of the families that look only at a few characters can fire on a text: one pass over
/// its characters instead of one per family (most of a report is Chinese characters, which
/// only `approx` and the placeholder `〇` look at). Each bit is exact: a family left out here
/// finds nothing, since it starts only from such a character.
mod triggers {
    pub const PLACEHOLDER: u8 = 1;
    pub const CHARACTERS: u8 = 2;
    pub const LATIN: u8 = 4;
    pub const SPACING: u8 = 8;
    pub const RANGE: u8 = 16;
    pub const APPROX: u8 = 32;
    pub const DOC_NUMBER: u8 = 64;
}

fn triggers(chars: &[char]) -> u8 {
    use triggers::*;
    let mut m = 0;
    const APPROX_WORDS: scan::ByteFilter = scan::ByteFilter::new(&['约', '近', '大', '将', '接']);
    for &c in chars {
        if '\u{4E00}' <= c && c <= '\u{9FFF}' {
            // Most of a report: one lookup rules the character out.
            if APPROX_WORDS.may(c) && matches!(c, '约' | '近' | '大' | '将' | '接') {
                m |= APPROX;
            }
            continue;
        }
        if crate::domain::model::text::is_han(c) {
            if matches!(c, '约' | '近' | '大' | '将' | '接') {
                m |= APPROX;
            } else if c == '〇' {
                m |= PLACEHOLDER;
            }
            continue;
        }
        if placeholder::may_start(c) {
            m |= PLACEHOLDER;
        }
        if characters::may_be_odd(c) && characters::kind(c).is_some() {
            m |= CHARACTERS;
        }
        if scan::is_latin(c) {
            m |= LATIN;
        }
        if spacing::is_space(c) {
            m |= SPACING;
        }
        if matches!(c, '-' | '－') {
            m |= RANGE;
        }
        if doc_number::may_open(c) {
            m |= DOC_NUMBER;
        }
    }
    m
}

fn text_rules(chars: &[char], whole_text: Option<&Context>) -> Vec<Finding> {
    let mut out = Vec::new();
    let t = triggers(chars);
    if t & triggers::PLACEHOLDER != 0 {
        placeholder::check_chars(chars, &mut out);
    }
    if t & triggers::CHARACTERS != 0 {
        characters::check_chars(chars, &mut out);
    }
    if t & triggers::LATIN != 0 {
        latin::check_chars(chars, &mut out);
    }
    punctuation::check_chars(chars, &mut out);
    if t & triggers::SPACING != 0 {
        spacing::check_chars(chars, &mut out);
    }
    if let Some(ctx) = whole_text {
        whole_text_rules(chars, ctx, &mut out);
    }
    if t & triggers::RANGE != 0 {
        range::check_chars(chars, &mut out);
    }
    if t & triggers::APPROX != 0 {
        approx::check_chars(chars, &mut out);
    }
    if t & triggers::DOC_NUMBER != 0 {
        doc_number::check_chars(chars, &mut out);
    }
    word_rules(chars, &mut out);
    duplicate::check_chars(chars, &mut out);
    sort_by_position(&mut out);
    out
}

/// `confusable`, `phrase`, `formulation`, the 请示 wording and `usage` with one search for all their words
/// (one lookup a character instead of one pass per family); each family then reads its own
/// places.
fn word_rules(chars: &[char], out: &mut Vec<Finding>) {
    struct Words {
        search: scan::Anchored,
        /// Where the phrase halves, the formulation words and the 请示 wording start in the list.
        phrase_at: usize,
        formulation_at: usize,
        request_at: usize,
        usage_at: usize,
    }
    static WORDS: std::sync::OnceLock<Words> = std::sync::OnceLock::new();
    let w = WORDS.get_or_init(|| {
        let mut list: Vec<String> = confusable::words_looked_for().into_iter().map(str::to_string).collect();
        let phrase_at = list.len();
        list.extend(phrase::words_looked_for());
        let formulation_at = list.len();
        list.extend(formulation::words_looked_for().iter().cloned());
        let request_at = list.len();
        list.push(structure::REQUEST_ANCHOR.to_string());
        let usage_at = list.len();
        list.extend(usage::words_looked_for().into_iter().map(str::to_string));
        let search = scan::Anchored::new(&list.iter().map(String::as_str).collect::<Vec<_>>());
        Words { search, phrase_at, formulation_at, request_at, usage_at }
    });
    let (mut mixups, mut halves, mut wording) = (Vec::new(), Vec::new(), Vec::new());
    let mut terms: Option<Vec<Vec<usize>>> = None;
    let mut requests = false;
    w.search.each_match(chars, |k, start| {
        if k < w.phrase_at {
            mixups.push((k, start));
        } else if k < w.formulation_at {
            halves.push((k - w.phrase_at, start));
        } else if k < w.request_at {
            terms.get_or_insert_with(|| vec![Vec::new(); w.request_at - w.formulation_at])[k - w.formulation_at].push(start);
        } else if k < w.usage_at {
            requests = true;
        } else {
            wording.push((k - w.usage_at, start));
        }
    });
    if let Some(hits) = terms {
        formulation::check_from(chars, &hits, out);
    }
    confusable::report(chars, mixups, out);
    phrase::report(chars, halves, out);
    if !wording.is_empty() {
        usage::report(chars, wording, out);
    }
    if requests {
        structure::request_phrases_in(chars, out);
    }
}

/// The rules that read a whole text at once: numbers (numeral style per text), ordinal
/// sequences (across lines and parts), mixed full- and half-width forms.
/// The three read the places where numbers start, found in one pass for all
/// (`scan::NumberPlaces`).
pub fn whole_text_rules(chars: &[char], ctx: &Context, out: &mut Vec<Finding>) {
    let places = scan::NumberPlaces::of(chars);
    numbers::check_places(chars, ctx, &places, out);
    ordinal::check_places(chars, &places, out);
    width::check_places(chars, &places, out);
}

/// Sort findings by span; findings at the same span keep their order (rule family order).
/// An unstable sort on (span, original index) gives exactly the stable order: one sort routine
/// in the bundle instead of two (the stable one is several KB of wasm).
pub fn sort_by_position(out: &mut Vec<Finding>) {
    if out.len() < 2 {
        return;
    }
    let mut keyed: Vec<(usize, Finding)> = std::mem::take(out).into_iter().enumerate().collect();
    keyed.sort_unstable_by_key(|(i, f)| (f.span.start, f.span.end, *i));
    out.extend(keyed.into_iter().map(|(_, f)| f));
}

/// A whole report as one plain text (e.g. a `.txt` file): spans are relative to the whole
/// text. The rules that look at lines (ordinals, paired marks) see each line; numeral
/// consistency is judged over the whole text rather than one field.
pub fn check_plain_text(text: &str) -> Vec<Finding> {
    check_text(text)
}

/// Every rule over a whole draft, in document order (default `Context`).
pub fn check_draft(template: &Template, draft: &Draft) -> Vec<FieldFinding> {
    check_draft_with(template, draft, &Context::default())
}

/// Every rule over a whole draft, in document order.
pub fn check_draft_with(template: &Template, draft: &Draft, ctx: &Context) -> Vec<FieldFinding> {
    check_draft_cached(template, draft, ctx, &TextCache::default()).0
}

/// The text rules' findings by field text, from the previous pass. A keystroke changes one
/// field, so with the cache only that field's text is checked again; the others are looked up.
/// Each pass returns a new cache holding just the texts of the draft it checked, so it never
/// grows beyond one draft's worth.
#[derive(Clone, Debug, Default)]
pub struct TextCache {
    by_text: std::collections::HashMap<String, Checked>,
    context: Option<Context>,
}

/// One field text's findings: the text rules', and the numeral style's (`numeral_style`).
#[derive(Clone, Debug)]
struct Checked {
    found: Vec<Finding>,
    style: Vec<Finding>,
}

/// `check_draft_with`, reusing the findings of texts that have not changed since `cache` was
/// made (with the same context); returns the findings and the cache for the next pass.
pub fn check_draft_cached(template: &Template, draft: &Draft, ctx: &Context, cache: &TextCache) -> (Vec<FieldFinding>, TextCache) {
    let reuse = cache.context == Some(*ctx);
    let mut next = TextCache { by_text: std::collections::HashMap::new(), context: Some(*ctx) };
    let mut out = Vec::new();
    missing::draft(template, draft, &mut out);
    let mut styles = Vec::new();
    let mut texts = Vec::new();
    for field in crate::domain::model::fields::fields(template, draft) {
        let (text, slots) = draft.text_with_slots(&field.key);
        let mut push = |finding| out.push(FieldFinding { key: field.key.clone(), part: field.part.clone(), finding });
        if let Some(f) = missing::check_required(&field, &text) {
            push(f);
            continue;
        }
        let checked = match next.by_text.get(&text).or_else(|| reuse.then(|| cache.by_text.get(&text)).flatten()) {
            Some(checked) => checked.clone(),
            None => Checked { found: check_text_with(&text, ctx), style: numeral_style(&text, ctx) },
        };
        // Numeral style is judged on the field's lines read as one paragraph, mixed widths over
        // the whole report; both below.
        for f in checked.found.iter().filter(|f| f.rule != numbers::COUNT_STYLE && f.rule != width::RULE) {
            // A gap left by an empty key figure gets a message naming the figure.
            match slots.iter().find(|s| s.span == f.span && f.text == crate::domain::model::pattern::EMPTY_SLOT) {
                Some(place) => push(missing::unfilled_slot(template, place)),
                None => push(f.clone()),
            }
        }
        styles.extend(checked.style.iter().map(|f| FieldFinding { key: field.key.clone(), part: field.part.clone(), finding: f.clone() }));
        next.by_text.insert(text, checked);
        texts.push((field.key.clone(), field.part.clone()));
    }
    out.extend(styles);
    mixed_widths(draft, &texts, &mut out);
    structure::check(template, draft, &mut out);
    stale_year::check(template, draft, &mut out);
    relations::check(template, draft, &mut out);
    (out, next)
}

/// GB/T 15835 asks for one numeral style per kind of count in one place (a sentence, see
/// `numbers::style`). A field's lines are read as one paragraph (a line break inside a box does
/// not end its sentence), and no sentence runs from one field into the next; so each field is
/// judged alone, and its findings are kept with its text in the cache: a keystroke costs the
/// field it changed, where joining every field made it cost the whole report.
fn numeral_style(text: &str, ctx: &Context) -> Vec<Finding> {
    let mut found = Vec::new();
    numbers::check_with(&text.replace(['\n', '\r'], " "), ctx, &mut found);
    found.retain(|f| f.rule == numbers::COUNT_STYLE);
    found
}

/// Full- and half-width forms are compared over the whole report (`width`), so that rule reads
/// every field together (one line each) and each finding goes back to its field. It is cheap
/// (one pass over the characters), unlike the rules cached per field text.
fn mixed_widths(draft: &Draft, fields: &[(String, String)], out: &mut Vec<FieldFinding>) {
    let mut joined = String::new();
    let mut starts = Vec::with_capacity(fields.len());
    let mut pos = 0;
    for (key, _) in fields {
        let text = draft.text(key).replace(['\n', '\r'], " ");
        starts.push(pos);
        pos += text.chars().count() + 1;
        joined.push_str(&text);
        joined.push('\n');
    }
    let mut found = Vec::new();
    width::check(&joined, &mut found);
    for mut f in found.into_iter().filter(|f| f.rule == width::RULE) {
        let i = starts.partition_point(|&s| s <= f.span.start).saturating_sub(1);
        let Some((key, part)) = fields.get(i) else { continue };
        f.span = Span::new(f.span.start - starts[i], f.span.end - starts[i]);
        out.push(FieldFinding { key: key.clone(), part: part.clone(), finding: f });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numeral_style_is_judged_across_the_whole_draft() {
        let t = crate::domain::model::template::xuanren();
        let mut d = Draft::new(&t);
        d.set_text("opening", "现将选派3名干部的情况报告如下：".into());
        // Numeral style is compared within a sentence (numbers.rs), so both counts are here.
        d.set_text("problems", "一年来，选派3名干部，推荐五名干部参训。".into());
        let style: Vec<_> = check_draft(&t, &d)
            .into_iter()
            .filter(|f| f.finding.rule == numbers::COUNT_STYLE)
            .map(|f| (f.key, f.finding.text, f.finding.span))
            .collect();
        assert_eq!(style, [("problems".to_string(), "五名".to_string(), Span::new(13, 15))]);
    }

    #[test]
    fn the_cached_pass_equals_the_full_pass() {
        let t = crate::domain::model::template::xuanren();
        let ctx = Context::default();
        let mut d = Draft::example(&t);
        let (first, cache) = check_draft_cached(&t, &d, &ctx, &TextCache::default());
        assert_eq!(first, check_draft_with(&t, &d, &ctx));
        d.set_text("addressee", "市委**巡察组：".into());
        let (second, cache) = check_draft_cached(&t, &d, &ctx, &cache);
        assert_eq!(second, check_draft_with(&t, &d, &ctx));
        assert!(second.iter().any(|f| f.key == "addressee" && f.finding.rule == "placeholder"));
        // Another year is another context: nothing is reused from the old one.
        let later = Context { current_year: 2020 };
        let (third, _) = check_draft_cached(&t, &d, &later, &cache);
        assert_eq!(third, check_draft_with(&t, &d, &later));
    }

    const SEED: &str = include_str!("../../../tests/fixtures/seed-report.txt");

    /// Every finding on the seed report, checked line by line as a clerk would paste it.
    fn seed_findings() -> Vec<Finding> {
        SEED.lines().flat_map(check_text).collect()
    }

    #[test]
    fn seed_masks_and_its_half_width_stop_are_reported() {
        let found = seed_findings();
        let masks: Vec<&str> = found.iter().filter(|f| f.category == Category::Placeholder).map(|f| f.text.as_str()).collect();
        assert_eq!(masks, vec!["*", "*", "**", "**", "**", "*", "**", "**"]);
        let stop: Vec<&Finding> = found.iter().filter(|f| f.rule == punctuation::HALFWIDTH).collect();
        assert_eq!(stop.len(), 1, "{stop:#?}");
        assert_eq!(stop[0].text, ".");
        assert_eq!(stop[0].replacement.as_deref(), Some("。"));
        let line = SEED.lines().find(|l| l.contains("岗位需求.")).unwrap_or_default();
        assert_eq!(crate::domain::model::text::slice_chars(line, stop[0].span), ".");
    }

    #[test]
    fn seed_numbers_and_punctuation_are_not_errors_except_the_stop() {
        let found = seed_findings();
        let errors: Vec<(&str, &str)> = found
            .iter()
            .filter(|f| f.severity == Severity::Error && matches!(f.category, Category::Number | Category::Punctuation))
            .map(|f| (f.rule, f.text.as_str()))
            .collect();
        assert_eq!(errors, vec![(punctuation::HALFWIDTH, ".")]);
        // None of the seed's own counts is touched: 2022年, 1名, 3名, 两名, 两次, 5＋5, 1＋1.
        for f in found.iter().filter(|f| f.category == Category::Number) {
            for legit in ["2022", "1名", "3名", "两名", "两次", "5＋5", "1＋1"] {
                assert!(!f.text.contains(legit), "{f:#?}");
            }
        }
    }

    #[test]
    fn seed_warnings_and_hints_are_the_known_ones() {
        let found = seed_findings();
        let got: Vec<(&str, &str)> = found.iter().filter(|f| f.severity != Severity::Error).map(|f| (f.rule, f.text.as_str())).collect();
        // The stray `v` before the addressee; 强化“四个意识” (canonical: 增强); 五个专项工作小组
        // next to 5个单位; “充电”、“补课” and “压担子”、“搭梯子” (domain.md: no 顿号 between
        // quotation pairs).
        assert_eq!(
            got,
            vec![
                (latin::STRAY, "v"),
                (formulation::PAIRING, "强化"),
                (numbers::COUNT_STYLE, "五个"),
                (punctuation::DUNHAO_PAIRS, "、"),
                (punctuation::DUNHAO_PAIRS, "、"),
            ]
        );
    }

    #[test]
    fn findings_are_sorted_by_position() {
        let found = check_text("到**镇，一是：选派3名、五名干部,强化“四个意识”");
        let starts: Vec<usize> = found.iter().map(|f| f.span.start).collect();
        let mut sorted = starts.clone();
        sorted.sort_unstable();
        assert_eq!(starts, sorted);
        assert!(found.len() >= 5, "{found:#?}");
    }

    #[test]
    fn the_year_comes_from_the_context() {
        let late = |year| check_text_with("2027年以来", &Context { current_year: year });
        assert!(late(2027).is_empty());
        assert_eq!(late(2026)[0].rule, numbers::YEAR_FUTURE);
    }

    /// Random text from the characters the rules look at: no rule may panic, and every span
    /// must lie inside the text and match the flagged characters.
    #[test]
    fn no_rule_panics_on_odd_text() {
        let alphabet: Vec<char> = "年月日名人个次第一二三四五两十是〇0123456789.,:;()?!\"'\n　*＊#×Xx_＿□【】[]{}（）《》“”‘’、。，；：…·-－＋意识四个自信维护任用条例习近平新时代思想强化增强".chars().collect();
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..3000 {
            let len = (seed >> 59) as usize + 1;
            let text: String = (0..len * 2)
                .map(|_| {
                    seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
                    alphabet[(seed >> 33) as usize % alphabet.len()]
                })
                .collect();
            let n = text.chars().count();
            for f in check_text(&text) {
                assert!(f.span.start <= f.span.end && f.span.end <= n, "{text:?}: {f:?}");
                assert_eq!(crate::domain::model::text::slice_chars(&text, f.span), f.text, "{text:?}");
            }
        }
    }
}
