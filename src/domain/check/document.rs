//! Checking a whole report given as plain text: every text rule (`check_text`, which includes
//! the 请示 wording rule) on every line, plus the rules that need the whole document — a 落款
//! and a date at the end of an upward 报告.
//!
//! Severities (see `check::Severity`): `missing-signature` and `missing-date` are warnings, and
//! only for an upward 报告 (it has a 主送机关 or ends with `特此报告`, `is_upward_report`): a
//! speech, a 通报 or a 工作总结 published without them is not wrong.
//!
//! The lines and their kinds come from `import::split`; each finding is located by line.
use super::{check_chars_but_numbers, Category, Context, Finding, Severity};
use crate::domain::input::import::{split_at_breaks, Line, LineKind};
use crate::domain::model::template::Genre;
use crate::domain::model::text::Span;

/// A finding on one line of a document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineFinding {
    /// 0-based line number.
    pub line: usize,
    /// Character offset of that line in the whole text.
    pub line_start: usize,
    /// What the line is (section heading, body, …).
    pub kind: LineKind,
    /// `finding.span` is inside the line.
    pub finding: Finding,
}

impl LineFinding {
    /// The finding's span in the whole text (character offsets).
    pub fn span_in_text(&self) -> Span {
        Span::new(self.line_start + self.finding.span.start, self.line_start + self.finding.span.end)
    }
}

/// Every rule over a whole report, in reading order (default `Context`).
pub fn check_document(text: &str) -> Vec<LineFinding> {
    check_document_with(text, &Context::default())
}

/// Every rule over a whole report, in reading order; its genre guessed (`is_upward_report`).
pub fn check_document_with(text: &str, ctx: &Context) -> Vec<LineFinding> {
    check_document_as(text, ctx, None)
}

/// Every rule over a whole report of a known genre (a report checked as a template's type);
/// `None`: the genre is guessed, as for any text.
pub fn check_document_as(text: &str, ctx: &Context, genre: Option<Genre>) -> Vec<LineFinding> {
    // The characters are collected once, the lines found in the same pass; each line's rules
    // read its slice of them.
    let (chars, breaks) = super::scan::chars_and_breaks(text);
    let lines = split_at_breaks(text, &breaks);
    let mut out = Vec::new();
    for (k, line) in lines.iter().enumerate() {
        if line.kind == LineKind::Blank {
            continue;
        }
        let line_chars = &chars[line.start.min(chars.len())..line_end(&lines, k, &chars)];
        let found = check_chars_but_numbers(line_chars);
        out.extend(found.into_iter().map(|finding| at(line, finding)));
    }
    // The whole-text rules once over the whole text: the number rules stop at line ends, and
    // GB/T 15835 asks for one numeral style per kind of count in the whole text; ordinal
    // sequences and mixed widths are read across lines. Each finding goes back to its line.
    let mut numbers_found = Vec::new();
    super::whole_text_rules(&chars, ctx, &mut numbers_found);
    for mut f in numbers_found {
        // The last line starting at or before the finding (lines are in text order).
        let Some(line) = lines.partition_point(|l| l.start <= f.span.start).checked_sub(1).map(|k| &lines[k]) else { continue };
        f.span = Span::new(f.span.start - line.start, f.span.end - line.start);
        out.push(at(line, f));
    }
    out.extend(missing_parts(&lines, genre));
    if let Some(genre) = genre {
        for line in lines.iter().filter(|l| matches!(l.kind, LineKind::Closing | LineKind::Body)) {
            out.extend(super::missing::genre_closing(genre, line.text).map(|f| at(line, f)));
        }
    }
    out.sort_by_key(|f| (f.line, f.finding.span.start, f.finding.span.end));
    out
}

/// Where line `k`'s characters end: before the break that starts the next line (`\n`, `\r` or
/// `\r\n`); the last line's are counted. Read off the next line's start instead of counting each line's
/// characters again (the lines are consecutive, each break left out).
fn line_end(lines: &[Line<'_>], k: usize, chars: &[char]) -> usize {
    let start = lines[k].start.min(chars.len());
    // The last line: a text may end with a break, which no line follows.
    let Some(next) = lines.get(k + 1) else { return (start + lines[k].text.chars().count()).min(chars.len()) };
    let mut end = next.start.saturating_sub(1).clamp(start, chars.len());
    if end > start && chars.get(end) == Some(&'\n') && chars[end - 1] == '\r' {
        end -= 1;
    }
    end
}

fn at(line: &Line<'_>, finding: Finding) -> LineFinding {
    LineFinding { line: line.index, line_start: line.start, kind: line.kind, finding }
}

pub const MISSING_SIGNATURE: &str = "missing-signature";
pub const MISSING_DATE: &str = "missing-date";

/// Salutations that open a speech (a 政府工作报告, a congress report), not a 主送机关.
const SALUTATIONS: &[&str] = &["各位代表", "各位委员", "同志们", "同志们、朋友们", "各位领导", "女士们、先生们"];

/// Is this an upward 报告 (报告 to a superior body), the genre that must end with a 落款 and a
/// 成文日期? It is when it names a 主送机关 at its head or closes with `特此报告`. A speech
/// (`各位代表：`), a published 通报 or a 工作总结 has neither, and is not asked for them.
pub fn is_upward_report(lines: &[Line<'_>]) -> bool {
    lines.iter().any(|l| match l.kind {
        LineKind::Closing => true,
        LineKind::Addressee => {
            let name = l.text.trim().trim_end_matches(['：', ':']);
            !SALUTATIONS.contains(&name)
        }
        _ => false,
    })
}

/// An upward 报告 (`is_upward_report`, or the genre `report` when known) with no 落款 or no
/// date: a warning each, placed at the end of the last line; a 述职 (genre `personal`) likewise
/// asks for its name and date. Other texts (and meeting material) get nothing here.
pub fn missing_parts(lines: &[Line<'_>], genre: Option<Genre>) -> Vec<LineFinding> {
    let Some(last) = lines.iter().rev().find(|l| l.kind != LineKind::Blank) else {
        return Vec::new();
    };
    let signed = match genre {
        None => is_upward_report(lines),
        Some(Genre::Report | Genre::Personal) => true,
        Some(Genre::Meeting) => false,
    };
    if !signed {
        return Vec::new();
    }
    let has = |k: LineKind| lines.iter().any(|l| l.kind == k);
    let end = last.text.chars().count();
    let missing = |rule: &'static str, message: &str| {
        at(
            last,
            Finding {
                rule,
                category: Category::Missing,
                severity: Severity::Warning,
                message: message.to_string(),
                span: Span::new(end, end),
                text: String::new(),
                replacement: None,
            },
        )
    };
    let mut out = Vec::new();
    if genre == Some(Genre::Personal) && !has(LineKind::Signature) {
        out.push(missing(MISSING_SIGNATURE, "述职报告末尾没有署名：请另起一行写上述职人的姓名。"));
    } else if !has(LineKind::Signature) {
        out.push(missing(MISSING_SIGNATURE, "报告末尾没有落款：请在“特此报告。”之后另起一行写上发文单位名称。"));
    }
    if !has(LineKind::Date) {
        out.push(missing(MISSING_DATE, "报告末尾没有成文日期：请在落款下一行写上日期，用阿拉伯数字，如“2024年3月5日”。"));
    }
    out
}

// The 请示 wording rule is a text rule (the page checks every field with it too).
pub use super::structure::{request_phrases, REQUEST_PHRASE};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::check::numbers;
    use crate::domain::input::import::split;

    fn rules(text: &str) -> Vec<(&'static str, usize, String)> {
        check_document(text).into_iter().map(|f| (f.finding.rule, f.line, f.finding.text)).collect()
    }

    const COMPLETE: &str = "市委巡察组：\n一、总体情况\n工作做得不够。\n特此报告。\n党工委\n2024年3月5日\n";

    #[test]
    fn numeral_style_findings_go_back_to_their_line() {
        // Judged per sentence (GB/T 15835's 同一场合): the 3名 of line 0 is another sentence.
        let text = "现将选派3名干部的情况报告如下：\n一、总体情况\n选派3名干部挂职，推荐五名干部参训。\n";
        let style: Vec<_> = check_document(text)
            .into_iter()
            .filter(|f| f.finding.rule == numbers::COUNT_STYLE)
            .map(|f| (f.line, f.finding.text, f.finding.span))
            .collect();
        assert_eq!(style, [(2, "五名".to_string(), Span::new(11, 13))]);
    }

    /// The number rules run once over the whole text find, line by line, what they find on
    /// each line alone (CRLF, CR and LF line ends; lines ending in a year, a month, a count).
    #[test]
    fn one_numbers_pass_finds_what_each_line_finds() {
        let ctx = Context { current_year: 2024 };
        let seed = include_str!("../../../tests/fixtures/seed-report.txt");
        let tricky = "2025年\r\n24年3月召开\n\n选派1.5名、-3名\r于2024年03月05日，3名\n‘24年\n2024年\n03月\n到2030年\n1.\n5名\n“2025年”";
        for text in [seed, tricky] {
            let mut per_line: Vec<(usize, Finding)> = Vec::new();
            for line in split(text).into_iter().filter(|l| l.kind != LineKind::Blank) {
                let mut found = Vec::new();
                numbers::check_with(line.text, &ctx, &mut found);
                per_line.extend(found.into_iter().filter(|f| f.rule != numbers::COUNT_STYLE).map(|f| (line.index, f)));
            }
            per_line.sort_by_key(|(line, f)| (*line, f.span.start, f.span.end));
            let whole: Vec<(usize, Finding)> = check_document_with(text, &ctx)
                .into_iter()
                // The number rules' own findings (range, approx and width are families of their own).
                .filter(|f| {
                    f.finding.rule.starts_with("number-")
                        && ![numbers::COUNT_STYLE, crate::domain::check::range::RULE, crate::domain::check::approx::RULE]
                            .contains(&f.finding.rule)
                })
                .map(|f| (f.line, f.finding))
                .collect();
            assert_eq!(whole, per_line, "{text:?}");
            assert!(text == seed || whole.len() >= 5, "{whole:#?}");
        }
    }

    #[test]
    fn each_line_is_checked_up_to_its_break_whatever_the_break() {
        // The last character of each line is a slip (a doubled 。, a half-width comma), and the
        // empty lines between them hold nothing: every break gives the same findings per line.
        let lf = "一是加强学习。。\n\n二是改进作风,\n三是";
        let want: Vec<_> = check_document(lf).into_iter().map(|f| (f.line, f.finding.rule, f.finding.span)).collect();
        assert!(want.len() >= 2, "{want:?}");
        for text in [lf.replace('\n', "\r\n"), lf.replace('\n', "\r"), format!("{lf}\r\n")] {
            let got: Vec<_> = check_document(&text).into_iter().map(|f| (f.line, f.finding.rule, f.finding.span)).collect();
            assert_eq!(got, want, "{text:?}");
        }
    }

    #[test]
    fn a_complete_report_has_no_document_finding() {
        assert_eq!(rules(COMPLETE), []);
    }

    #[test]
    fn missing_signature_and_date() {
        // (text, rules at the last non-blank line)
        // An upward 报告 (a 主送机关, or 特此报告) must end with both; other texts are not asked.
        let table: [(&str, &[&str]); 11] = [
            ("一、总体情况\n工作做得不够。\n特此报告。\n", &[MISSING_SIGNATURE, MISSING_DATE]),
            ("一、总体情况\n工作做得不够。\n特此报告。\n党工委\n\n", &[MISSING_DATE]),
            ("市委巡察组：\n一、总体情况\n工作做得不够。\n2024年3月5日", &[MISSING_SIGNATURE]),
            ("市委巡察组：\n一、总体情况\n工作做得不够。\n党工委\n2024年3月5日", &[]),
            ("市委巡察组：\n一、总体情况\n工作做得不够。", &[MISSING_SIGNATURE, MISSING_DATE]),
            ("关于选人用人工作情况的报告\n市委巡察组：\n工作做得不够。", &[MISSING_SIGNATURE, MISSING_DATE]),
            // Not upward reports: a speech, a published 通报 or 总结 without 主送机关 or 特此报告.
            ("一、总体情况\n工作做得不够。", &[]),
            ("一、总体情况\n工作做得不够。\n2024年3月5日", &[]),
            ("各位代表：\n现在，我代表省人民政府，向大会报告工作，请予审议。\n一、2025年工作回顾", &[]),
            ("同志们：\n现在，我代表第十八届中央委员会向大会作报告。", &[]),
            ("关于巡察整改进展情况的通报\n根据市委统一部署，现将整改进展情况予以公布。", &[]),
        ];
        for (text, want) in table {
            let found = check_document(text);
            let got: Vec<&str> = found.iter().map(|f| f.finding.rule).collect();
            assert_eq!(got, want, "{text:?}");
            let last = split(text).into_iter().rev().find(|l| l.kind != LineKind::Blank).map(|l| l.index);
            for f in &found {
                assert_eq!(Some(f.line), last, "{text:?}");
                assert_eq!(f.finding.severity, Severity::Warning);
                assert_eq!(f.finding.category, Category::Missing);
                assert!(f.finding.span.is_empty());
            }
        }
        assert_eq!(rules(""), []);
        assert_eq!(rules("\n\n"), []);
    }

    /// Checked as a template's type, the genre decides instead of the guess.
    #[test]
    fn a_known_genre_replaces_the_guess() {
        let as_genre = |text: &str, genre| -> Vec<&'static str> {
            check_document_as(text, &Context::default(), Some(genre)).into_iter().map(|f| f.finding.rule).collect()
        };
        let plain = "一、总体情况\n工作做得不够。";
        assert_eq!(rules(plain), Vec::<(&str, usize, String)>::new(), "guessed: not an upward report");
        assert_eq!(as_genre(plain, Genre::Report), [MISSING_SIGNATURE, MISSING_DATE]);
        assert_eq!(as_genre(plain, Genre::Meeting), Vec::<&str>::new());
        let personal = "各位领导、同志们：\n一、履职情况\n工作做得不够。\n以上报告，请予评议。\n张三\n2024年3月5日";
        assert_eq!(as_genre(personal, Genre::Personal), Vec::<&str>::new());
        let found = check_document_as("一、履职情况\n工作做得不够。\n特此报告。", &Context::default(), Some(Genre::Personal));
        let got: Vec<_> = found.iter().map(|f| (f.finding.rule, f.finding.message.as_str())).collect();
        assert_eq!(got[0].0, super::super::missing::GENRE_CLOSING);
        assert!(got.iter().any(|(r, m)| *r == MISSING_SIGNATURE && m.contains("述职人的姓名")), "{got:?}");
        assert_eq!(
            as_genre("市委巡察组：\n工作做得不够。\n以上报告，请予评议。\n党工委\n2024年3月5日", Genre::Report),
            [super::super::missing::GENRE_CLOSING]
        );
    }

    #[test]
    fn request_phrases_table() {
        // (line, the flagged text, if any)
        let table: [(&str, &[&str]); 10] = [
            ("以上报告，妥否，请批示。", &["妥否，请批示"]),
            ("当否，请批示。", &["当否，请批示"]),
            ("妥否,请批示", &["妥否,请批示"]),
            ("以上报告请批示。", &["请批示"]),
            ("请批复。", &["请批复"]),
            ("请批示。请批复。", &["请批示", "请批复"]),
            ("特此报告。", &[]),
            ("已报市委批示。", &[]),
            ("请示上级后再定。", &[]),
            ("批复同意", &[]),
        ];
        for (line, want) in table {
            let mut found = Vec::new();
            request_phrases(line, &mut found);
            let got: Vec<&str> = found.iter().map(|f| f.text.as_str()).collect();
            assert_eq!(got, want, "{line:?}");
            for f in &found {
                assert_eq!((f.rule, f.category, f.severity), (REQUEST_PHRASE, Category::Structure, Severity::Error));
                assert_eq!(crate::domain::model::text::slice_chars(line, f.span), f.text);
            }
        }
    }

    #[test]
    fn request_phrase_in_a_whole_report() {
        let text = COMPLETE.replace("特此报告。", "妥否，请批示。");
        let found = check_document(&text);
        let hit: Vec<(usize, Span, Span)> =
            found.iter().filter(|f| f.finding.rule == REQUEST_PHRASE).map(|f| (f.line, f.finding.span, f.span_in_text())).collect();
        // Line 3 starts at character 22: lines of 6, 6 and 7 characters, each with its break.
        assert_eq!(hit, [(3, Span::new(0, 6), Span::new(22, 28))]);
        assert_eq!(crate::domain::model::text::slice_chars(&text, Span::new(22, 28)), "妥否，请批示");
    }

    #[test]
    fn the_seed_report_flags_every_mask_and_lacks_its_tail() {
        let seed = include_str!("../../../tests/fixtures/seed-report.txt");
        let found = check_document(seed);
        let chars: Vec<char> = seed.chars().collect();
        for (at, c) in chars.iter().enumerate() {
            if *c == '*' {
                assert!(
                    found.iter().any(|f| f.finding.rule == "placeholder" && {
                        let s = f.span_in_text();
                        s.start <= at && at < s.end
                    }),
                    "mask at character {at} not flagged"
                );
            }
        }
        for f in &found {
            assert_eq!(crate::domain::model::text::slice_chars(seed, f.span_in_text()), f.finding.text);
        }
        let tail: Vec<&str> = found.iter().map(|f| f.finding.rule).filter(|r| r.starts_with("missing-")).collect();
        assert_eq!(tail, [MISSING_SIGNATURE, MISSING_DATE]);
    }
}
