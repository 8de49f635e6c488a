//! Last year's year left in the text. A draft imported from last year's report remembers the
//! figures its title gave (`Draft::carried`); once the clerk has typed this year's value for a
//! year figure (2024 → 2025), every `2024年` still in the text that stood for the report year
//! is flagged, with the fix `改为“2025年”`.
//!
//! Which `2024年` stood for the report year is read from the words around it. Left alone, as
//! legitimate references to an earlier year (the table below has the examples):
//! comparisons (`较2024年`, `比2024年`, `与2024年相比`, `2024年同期`), since-ranges and starts
//! (`2024年以来`, `2024年3月以来`, `自2024年起`; but when the template's title says
//! `{start_year}年以来`, a `2023年以来` is that figure: the reported period's start), ranges and lists of years (`2023年至2024年`,
//! `2024年至2026年`, `2023年、2024年`), and a longer number (`12024年`). An old year that is
//! this year's value of another year figure (last year's plan year is this year's report year)
//! is not stale.
//!
//! Severity **warning**: in text copied from last year's report such a year is very likely
//! wrong, but a sentence the clerk writes this year may name last year on purpose
//! (`2024年度民主生活会查摆问题已整改`, an event dated last year), which no wording tells apart.
//! It is not an error because it can be right, and not a hint because a forgotten old year in
//! a report sent upwards is a real mistake. `tests/stale_year_real.rs` measures how often it
//! fires on published texts written for their own year.
use crate::domain::check::{Category, FieldFinding, Finding, Severity};
use crate::domain::model::draft::Draft;
use crate::domain::model::template::{SlotKind, Template};
use crate::domain::model::text::Span;

pub const RULE: &str = "stale_year";

/// A year carried from last year's report that the clerk has since changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stale {
    /// Last year's value, four digits.
    pub old: String,
    /// This year's value.
    pub new: String,
    /// The template's title says `{slot}年以来`: the year is where the period reported on
    /// starts, so `2023年以来` in the text is that figure too, not a range of its own.
    pub since: bool,
}

/// The carried years the clerk has changed, and what they became. A year is left out if it is
/// still this year's value of some year figure.
pub fn stale_years(template: &Template, draft: &Draft) -> Vec<Stale> {
    let years: Vec<&str> =
        template.slots.iter().filter(|s| s.kind == SlotKind::Year).filter_map(|s| draft.slots.get(&s.id).map(|v| v.trim())).collect();
    let mut out: Vec<Stale> = Vec::new();
    for (id, old) in &draft.carried {
        if template.slot(id).map(|s| s.kind) != Some(SlotKind::Year) || !is_year(old) {
            continue;
        }
        let Some(new) = draft.slots.get(id).map(|v| v.trim()).filter(|v| is_year(v)) else { continue };
        if new != old && !years.contains(&old.as_str()) && !out.iter().any(|s| &s.old == old) {
            let since = template.title.contains(&format!("{{{id}}}年以来"));
            out.push(Stale { old: old.clone(), new: new.to_string(), since });
        }
    }
    out
}

fn is_year(v: &str) -> bool {
    v.len() == 4 && v.bytes().all(|b| b.is_ascii_digit())
}

/// Every field of the draft, checked for the stale years.
pub fn check(template: &Template, draft: &Draft, out: &mut Vec<FieldFinding>) {
    let stale = stale_years(template, draft);
    if stale.is_empty() {
        return;
    }
    for field in crate::domain::model::fields::fields(template, draft) {
        let (text, slots) = draft.text_with_slots(&field.key);
        let chars: Vec<char> = text.chars().collect();
        let mut found = Vec::new();
        for s in &stale {
            find(&chars, s, &mut found);
        }
        // A key figure in a sentence (the 成文日期, the title's years) is typed in its own box.
        found.retain(|f| !slots.iter().any(|p| p.span.start < f.span.end && f.span.start < p.span.end));
        crate::domain::check::sort_by_position(&mut found);
        out.extend(found.into_iter().map(|finding| FieldFinding { key: field.key.clone(), part: field.part.clone(), finding }));
    }
}

/// A four-digit year written in another script: full-width digits (`２０２４`), Chinese
/// numerals with `〇` (`二〇二四`) or with its look-alike `○` (`二○二四`, common in typed text).
fn in_script(year: &str, script: usize) -> String {
    const CN: [char; 10] = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    year.chars()
        .map(|d| {
            let k = d.to_digit(10).unwrap_or(0) as usize;
            match script {
                1 => char::from_u32('０' as u32 + k as u32).unwrap_or(d),
                2 => CN[k],
                3 if k == 0 => '○',
                3 => CN[k],
                _ => d,
            }
        })
        .collect()
}

/// Each `old年` in `chars` that stands for the report year, in any of the scripts a year is
/// typed in (`2024年`, `２０２４年`, `二〇二四年`, `二○二四年`); the fix keeps the script.
pub fn find(chars: &[char], stale: &Stale, out: &mut Vec<Finding>) {
    for script in 0..4 {
        let (old, new) = (in_script(&stale.old, script), in_script(&stale.new, script));
        if script == 3 && !old.contains('○') {
            continue; // the same as script 2
        }
        find_written(chars, stale, &old, &new, out);
    }
}

fn find_written(chars: &[char], stale: &Stale, old_year: &str, new_year: &str, out: &mut Vec<Finding>) {
    let old: Vec<char> = old_year.chars().chain(['年']).collect();
    let n = old.len();
    let mut i = 0;
    while i + n <= chars.len() {
        if chars[i] != old[0] || chars[i..i + n] != old[..] || legit(chars, i, i + n, stale.since) {
            i += 1;
            continue;
        }
        out.push(Finding {
            rule: RULE,
            category: Category::Number,
            severity: Severity::Warning,
            message: format!(
                "“{old_year}年”是去年报告的年份，今年的报告是{}年：如指的是报告年度，应改为“{new_year}年”；确指{}年的（如对比、回顾），可不改。",
                stale.new, stale.old
            ),
            span: Span::new(i, i + n),
            text: chars[i..i + n].iter().collect(),
            replacement: Some(format!("{new_year}年")),
        });
        i += n;
    }
}

/// A digit in any script a year is typed in (a longer number, the other end of a range).
fn is_digit(c: char) -> bool {
    c.is_ascii_digit()
        || ('０'..='９').contains(&c)
        || matches!(c, '〇' | '○' | '零' | '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九')
}

/// Whether the year at `start..end` (`2024年`) names an earlier year on purpose.
fn legit(chars: &[char], start: usize, end: usize, since: bool) -> bool {
    let at = |i: usize| chars.get(i).copied();
    let prev = start.checked_sub(1).and_then(at);
    let prev2 = start.checked_sub(2).and_then(at);
    // A longer number: 12024年.
    if prev.is_some_and(is_digit) {
        return true;
    }
    // Comparisons and starts: 较2024年, 比2024年, 与2024年相比, 同2024年, 高于2024年, 自2024年起, 从2024年.
    if prev.is_some_and(|c| "较比与同于自从".contains(c)) {
        return true;
    }
    // The end of a range or a list: 2023年至2024年, 2023—2024年, 2023年、2024年, 2023年和2024年.
    if prev.is_some_and(|c| "至到—－-～~、和及".contains(c)) && prev2.is_some_and(|c| c == '年' || is_digit(c)) {
        return true;
    }
    // What follows the year, past a month and day or 底/初/末/上半年: 以来, 起, 同期, 相比.
    let mut j = end;
    while at(j).is_some_and(|c| is_digit(c) || "月日底初末上下半年度一二三四五六七八九十".contains(c)) {
        j += 1;
    }
    let rest: String = chars[j.min(chars.len())..chars.len().min(j + 2)].iter().collect();
    // `2023年以来` right after the year is the reported period's start when the title says so.
    if since && j == end && rest == "以来" {
        return false;
    }
    if ["以来", "同期", "相比", "开始"].iter().any(|w| rest.starts_with(w)) || rest.starts_with('起') {
        return true;
    }
    // The start of a range or a list: 2024年至2026年, 2024年—2025年, 2024年、2025年.
    let next = at(end);
    let next2 = at(end + 1);
    next.is_some_and(|c| "至到—－-～~、和及".contains(c)) && next2.is_some_and(is_digit)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fired(text: &str) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        let mut out = Vec::new();
        find(&chars, &Stale { old: "2024".into(), new: "2025".into(), since: false }, &mut out);
        out.into_iter().map(|f| f.text).collect()
    }

    #[test]
    fn stale_year_table() {
        let must_fire = [
            "2024年，我局共选拔任用干部12名。",
            "召开2024年度民主生活会。",
            "截至2024年底，共有在职干部86名。",
            "2024年3月，党组召开专题会议。",
            "印发《2024年干部教育培训计划》。",
            "提升到2024年的92%。",
            "现将2024年工作总结如下：",
            "2024年上半年完成轮训。",
        ];
        for text in must_fire {
            assert_eq!(fired(text), vec!["2024年"], "must fire: {text}");
        }
        let must_not_fire = [
            "较2024年增长5%。",
            "比2024年减少3人。",
            "与2024年相比，培训人次翻番。",
            "同2024年相比有所提高。",
            "高于2024年水平。",
            "2024年以来，党组坚持……",
            "2024年3月以来，共开展4次。",
            "2024年底以来持续推进。",
            "自2024年起实行。",
            "从2024年开始试点。",
            "2023年至2024年共选拔10名。",
            "2023—2024年两年间。",
            "2024年至2026年三年规划。",
            "2024年—2025年连续两年。",
            "2023年、2024年连续两年获评优秀。",
            "2024年、2025年实现矿山较大事故零发生。",
            "2024年同期为12人。",
            "12024年不是年份。",
            "2025年工作要点。",
            "2024届毕业生",
            "较二〇二四年增长5%。",
            "二〇二三年至二〇二四年共选拔10名。",
            "二〇二五年工作要点。",
        ];
        for text in must_not_fire {
            assert_eq!(fired(text), Vec::<String>::new(), "must not fire: {text}");
        }
    }

    /// Issue #23: a year in Chinese numerals (`〇`, or the look-alike `○`) or in full-width
    /// digits is the same year (before, `二〇二四年三月五日` was left alone); the fix keeps its script.
    #[test]
    fn a_year_in_another_script_is_flagged_in_its_script() {
        let fixes = |text: &str| {
            let chars: Vec<char> = text.chars().collect();
            let mut out = Vec::new();
            find(&chars, &Stale { old: "2024".into(), new: "2025".into(), since: false }, &mut out);
            out.into_iter().map(|f| (f.text, f.replacement.unwrap_or_default())).collect::<Vec<_>>()
        };
        let s = |a: &str, b: &str| (a.to_string(), b.to_string());
        assert_eq!(fixes("二〇二四年三月五日"), [s("二〇二四年", "二〇二五年")]);
        assert_eq!(fixes("二○二四年工作总结"), [s("二○二四年", "二○二五年")]);
        assert_eq!(fixes("２０２４年工作总结"), [s("２０２４年", "２０２５年")]);
    }

    #[test]
    fn a_year_fires_once_each_time_it_stands_for_the_report_year() {
        assert_eq!(fired("2024年完成，较2024年增长，2024年度考核。"), vec!["2024年", "2024年"]);
    }

    #[test]
    fn a_since_range_is_the_figure_when_the_title_says_so() {
        let chars: Vec<char> = "2024年以来，共选拔干部8名。".chars().collect();
        let run = |since| {
            let mut out = Vec::new();
            find(&chars, &Stale { old: "2024".into(), new: "2025".into(), since }, &mut out);
            out.len()
        };
        assert_eq!((run(false), run(true)), (0, 1));
        // A month between the year and 以来 is a date of its own, never the figure.
        let chars: Vec<char> = "2024年3月以来".chars().collect();
        let mut out = Vec::new();
        find(&chars, &Stale { old: "2024".into(), new: "2025".into(), since: true }, &mut out);
        assert!(out.is_empty());
    }
    #[test]
    fn only_changed_carried_years_are_stale() {
        let t = crate::domain::model::template::xuanren();
        let mut d = Draft::new(&t);
        d.carried.insert("start_year".into(), "2022".into());
        d.set_text("opening", "2022年以来，党工委选拔干部5名。".into());
        d.set_slot("start_year", "2022".into());
        let stale = |d: &Draft| {
            let mut out = Vec::new();
            check(&t, d, &mut out);
            out.into_iter().map(|f| (f.key, f.finding.text, f.finding.replacement)).collect::<Vec<_>>()
        };
        // Unchanged: nothing is stale.
        assert_eq!(stale(&d), vec![]);
        // Half typed: not a year yet.
        d.set_slot("start_year", "202".into());
        assert_eq!(stale(&d), vec![]);
        d.set_slot("start_year", "2023".into());
        // The title says {start_year}年以来, so the opening's 2022年以来 is the figure too.
        assert_eq!(stale(&d), vec![("opening".to_string(), "2022年".to_string(), Some("2023年".to_string()))]);
        // A figure not carried from an old report never makes a year stale.
        d.carried.clear();
        assert_eq!(stale(&d), vec![]);
    }
}
