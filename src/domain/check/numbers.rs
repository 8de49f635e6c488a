//! Numbers (GB/T 15835-2011 数字用法, as `domain.md` applies it to a 报告).
//!
//! What fires, by rule id:
//! - `number-year-future`: a four-digit year after the current one (`Context::current_year`).
//!   An error with `以来` (`2030年以来` cannot have happened yet); nothing at all where the year
//!   is a plan or deadline (`到2030年`, `2027年底前完成`, `2022—2027年`, `2035年远景目标`,
//!   `2027年、2028年分别建成`); otherwise a warning when a month follows (`2027年3月召开`: an
//!   event), a hint for a bare year (most likely a plan without a plan word).
//! - `number-year-early`: a four-digit year before 1949, usually a slip (`1022年`); a warning.
//!   Years of Party history (1919, 1921, 1927, 1935, 1945) are left alone.
//! - `number-year-short`: a shortened year (`24年3月`, `23年以来`, `24年度`, `'24年`). Fix:
//!   the four-digit year. Conservative on purpose: two digits + `年` alone is usually a
//!   duration (`工作24年`, `近20年来`), so it fires only with an apostrophe, or when the `年` is
//!   followed by a month (`24年3月`) or by `以来`/`度`/`底`/`初`/`上半年`/`下半年`, and not after
//!   `近`, `约`, `满`…
//! - `number-date-zero`: a leading zero in a date: `2024年03月05日`. Fix: `2024年3月5日`.
//! - `number-date-invalid`: a date that does not exist: `2023年2月30日`, `2024年13月`.
//! - `number-count-impossible`: a count of people that cannot be: `-3名`, `1.5名`, `0.5人`
//!   (averages and rates such as `人均1.5人`, `0.6人/百亿元`, `1.5人次` are fine).
//! - `number-count-style`: Arabic and Chinese numerals mixed for the same measure word in one
//!   sentence (`选派3名干部，推荐五名干部`): a hint on the minority (Chinese on a tie), with the
//!   other form as the fix. Only like with like: the same measure word (`名` and `人` are not
//!   compared; `个月` is its own word) in the same sentence (GB/T 15835's 同一场合) — a small
//!   narrative count in one sentence (`三项制度`) and a statistic in another (`692项`) are both
//!   right, and numeral style is a preference, never an error.
//!
//! Severities (the policy is on `check::Severity`): errors for what cannot be right —
//! `以来` after a later year, shortened years, zero-padded or impossible dates, fractional or
//! negative head counts; warnings for what is very likely a slip — a dated later year, a year
//! before 1949; hints for preferences — numeral style, a bare later year.
//!
//! Not counts (never `number-count-style`): `一` and `两` (`两名` and `两次` are the seed's own,
//! and `一个`, `一批` read as articles), `二` alone (`二期`), fixed words (`一律`, `一方面`),
//! adjacent-number approximations (`三四个月`), ordinals (`第五次`), named formulations
//! (`“四个意识”`, `四个全面`, `八项规定`, `五位一体`), anything in quotes or 书名号 (`“5＋5”`).
//!
//! The table at the bottom shows what fires and what must not; read it first.
use super::scan::{at, before, cn_count, cn_value, finding, is_cn_numeral, run_end, starts_with, NumberPlaces};
use super::{Category, Context, Finding, Severity};
use crate::domain::model::text::Span;

pub const YEAR_FUTURE: &str = "number-year-future";
pub const YEAR_EARLY: &str = "number-year-early";
pub const YEAR_SHORT: &str = "number-year-short";
pub const DATE_ZERO: &str = "number-date-zero";
pub const DATE_INVALID: &str = "number-date-invalid";
pub const COUNT_IMPOSSIBLE: &str = "number-count-impossible";
pub const COUNT_STYLE: &str = "number-count-style";

/// The first year a 选人用人 report may plausibly name without being a slip.
const EARLIEST_YEAR: u64 = 1949;
/// Years of Party history a report may cite.
const HISTORIC_YEARS: &[u64] = &[1919, 1921, 1927, 1935, 1945];

/// Measure words after which a number is a count.
const MEASURES: &str = "名人位个次批项条件篇家期场轮起户份本";
/// Words after `N个` / `N项` / `N位` that make a named formulation, not a count.
const FIXED_AFTER: &[&str] = &[
    "代表",
    "意识",
    "自信",
    "维护",
    "确立",
    "全面",
    "务必",
    "服从",
    "伟大",
    "有利于",
    "一体",
    "规定",
    "基本原则",
    "注意",
    "纪律",
    "不准",
    "严禁",
    "坚持",
    "面向",
    "统筹",
];

/// Check with the default context (see `Context::default`).
pub fn check(text: &str, out: &mut Vec<Finding>) {
    check_with(text, &Context::default(), out);
}

pub fn check_with(text: &str, ctx: &Context, out: &mut Vec<Finding>) {
    check_chars(&super::scan::chars_of(text), ctx, out);
}

/// `check_with` over the text's characters: the driver collects them once for every family.
pub fn check_chars(chars: &[char], ctx: &Context, out: &mut Vec<Finding>) {
    check_places(chars, ctx, &NumberPlaces::of(chars), out);
}

/// The rules from the places where numbers start (`NumberPlaces`, found once for the
/// whole-text rules); a place inside a number read before is passed over (`3.5`: the `5`).
pub fn check_places(chars: &[char], ctx: &Context, places: &NumberPlaces, out: &mut Vec<Finding>) {
    let mut counts = Vec::new();
    let mut i = 0;
    for &(start, quoted) in &places.starts {
        if start < i {
            continue;
        }
        i = start;
        if !chars[i].is_ascii_digit() {
            if is_cn_numeral(chars[i]) {
                let end = run_end(chars, i, is_cn_numeral);
                if let Some(c) = chinese_count(chars, i, end) {
                    if !quoted {
                        counts.push(c);
                    }
                }
                i = end;
            }
            continue;
        }
        let end = run_end(chars, i, |c| c.is_ascii_digit());
        let frac_end = match (at(chars, end), at(chars, end + 1)) {
            (Some('.'), Some(d)) if d.is_ascii_digit() => Some(run_end(chars, end + 1, |c| c.is_ascii_digit())),
            _ => None,
        };
        let num = Num { start: i, end, frac_end };
        match at(chars, end) {
            Some('年') if frac_end.is_none() => year(chars, &num, ctx, out),
            Some('月') if frac_end.is_none() => date(chars, &num, out),
            _ => {}
        }
        impossible_count(chars, &num, out);
        if let Some(c) = arabic_count(chars, &num) {
            if !quoted {
                counts.push(c);
            }
        }
        i = frac_end.unwrap_or(end);
    }
    style(chars, &counts, out);
}

/// An ASCII number: integer digits `[start, end)`, and a fraction up to `frac_end`.
struct Num {
    start: usize,
    end: usize,
    frac_end: Option<usize>,
}

impl Num {
    fn digits(&self, chars: &[char]) -> String {
        chars[self.start..self.end].iter().collect()
    }
    fn value(&self, chars: &[char]) -> Option<u64> {
        digits_value(&chars[self.start..self.end])
    }
}

fn push(out: &mut Vec<Finding>, rule: &'static str, severity: Severity, chars: &[char], span: Span, message: String, fix: Option<String>) {
    out.push(finding(rule, Category::Number, severity, chars, span, message, fix));
}

/// The characters of the clause around `[start, end)`: up to `n` each side, stopping at
/// clause marks and line ends.
fn clause_around(chars: &[char], start: usize, end: usize, n: usize) -> (String, String) {
    let stop = |c: char| matches!(c, '，' | '。' | '；' | '！' | '？' | '\n' | '\r' | ',' | ';');
    let mut s = start;
    while s > 0 && start - s < n && !stop(chars[s - 1]) {
        s -= 1;
    }
    let mut e = end;
    while e < chars.len() && e - end < n && !stop(chars[e]) {
        e += 1;
    }
    (chars[s..start].iter().collect(), chars[end..e].iter().collect())
}

const PLAN_BEFORE: &[&str] =
    &["到", "力争", "计划", "预计", "争取", "确保", "目标", "规划", "展望", "今后", "未来", "下一步", "—", "－", "-", "～", "~"];
const PLAN_AFTER: &[&str] = &[
    "前", "底", "以前", "将", "起", "开始", "目标", "远景", "规划", "计划", "完成", "实现", "达到", "力争", "建成", "分别", "基本", "全面",
];

fn year(chars: &[char], num: &Num, ctx: &Context, out: &mut Vec<Finding>) {
    let len = num.end - num.start;
    let Some(value) = num.value(chars) else { return };
    let nian = num.end; // index of 年
    if len == 4 {
        let span = Span::new(num.start, nian + 1);
        let text = num.digits(chars);
        let current = u64::try_from(ctx.current_year).unwrap_or(0);
        if value > current {
            if starts_with(chars, nian + 1, "以来") || starts_with(chars, nian + 1, "来") {
                let msg = format!("“{text}年以来”说的是过去，但{text}年还没到（今年是{current}年）：请核对年份。");
                push(out, YEAR_FUTURE, Severity::Error, chars, span, msg, None);
                return;
            }
            let (pre, post) = clause_around(chars, num.start, nian + 1, 8);
            let plan = PLAN_BEFORE.iter().any(|w| pre.contains(w))
                || (pre.contains('至') && !pre.contains("截至"))
                || PLAN_AFTER.iter().any(|w| post.contains(w));
            if !plan {
                // A later year with a month (`2027年3月召开`) reads as an event that happened: likely
                // a slip. A bare later year is usually a plan written without a plan word.
                let month = run_end(chars, nian + 1, |c| c.is_ascii_digit() || is_cn_numeral(c));
                let dated = month > nian + 1 && at(chars, month) == Some('月');
                let severity = if dated { Severity::Warning } else { Severity::Hint };
                let msg = format!("{text}年晚于今年（{current}年）：如果不是计划或期限，请核对年份。");
                push(out, YEAR_FUTURE, severity, chars, span, msg, None);
            }
        } else if value < EARLIEST_YEAR && !HISTORIC_YEARS.contains(&value) {
            let msg = format!("{text}年早于1949年，像是笔误（例如把“2022年”打成了“1022年”）：请核对年份。");
            push(out, YEAR_EARLY, Severity::Warning, chars, span, msg, None);
        }
    } else if len == 2 {
        short_year(chars, num, value, ctx, out);
    }
}

/// Characters before a two-digit `N年` that make it a duration: `近20年`, `满10年`.
const DURATION_BEFORE: &str = "近约逾满历经这那前后过去共计整多了";

fn short_year(chars: &[char], num: &Num, yy: u64, ctx: &Context, out: &mut Vec<Finding>) {
    let nian = num.end;
    let prev = before(chars, num.start);
    let apostrophe =
        prev.is_some_and(|c| matches!(c, '\'' | '’' | '‘')) && !before(chars, num.start - 1).is_some_and(|c| c.is_ascii_alphanumeric());
    let month_after = {
        let e = run_end(chars, nian + 1, |c| c.is_ascii_digit());
        e > nian + 1 && e - nian - 1 <= 2 && at(chars, e) == Some('月')
    };
    let word_after = ["以来", "度", "底", "初", "上半年", "下半年"].iter().any(|w| starts_with(chars, nian + 1, w));
    let duration = prev.is_some_and(|c| DURATION_BEFORE.contains(c));
    if !(apostrophe || ((month_after || word_after) && !duration)) {
        return;
    }
    let current = u64::try_from(ctx.current_year).unwrap_or(2000);
    let century = if yy <= current % 100 { current / 100 * 100 } else { (current / 100).saturating_sub(1) * 100 };
    let full = century + yy;
    let start = if apostrophe { num.start - 1 } else { num.start };
    let span = Span::new(start, nian + 1);
    let text: String = chars[start..=nian].iter().collect();
    let msg = format!("年份不能简写：“{text}”请写全四位，如“{full}年”。");
    push(out, YEAR_SHORT, Severity::Error, chars, span, msg, Some(format!("{full}年")));
}

fn days_in_month(month: u64, year: Option<u64>) -> u64 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 => match year {
            Some(y) if !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) => 28,
            _ => 29,
        },
        _ => 0,
    }
}

/// `2024年03月05日`, `3月5日`, `2024年13月`: called at a number followed by `月`.
fn date(chars: &[char], month: &Num, out: &mut Vec<Finding>) {
    if month.end - month.start > 2 {
        return;
    }
    // The year right before: `2024年`.
    let year_start = (month.start >= 5 && chars[month.start - 1] == '年')
        .then(|| month.start - 5)
        .filter(|&s| chars[s..s + 4].iter().all(char::is_ascii_digit) && !before(chars, s).is_some_and(|c| c.is_ascii_digit()));
    let year: Option<u64> = year_start.and_then(|s| chars[s..s + 4].iter().collect::<String>().parse().ok());
    // The day right after: `5日`, `05号`.
    let day_start = month.end + 1;
    let day_end = run_end(chars, day_start, |c| c.is_ascii_digit());
    let day_mark = at(chars, day_end).filter(|&c| (c == '日' || c == '号') && (1..=2).contains(&(day_end - day_start)));
    let start = year_start.unwrap_or(month.start);
    let end = if day_mark.is_some() { day_end + 1 } else { month.end + 1 };
    let span = Span::new(start, end);
    let text: String = chars[start..end].iter().collect();
    let Some(m) = month.value(chars) else { return };
    let d: Option<u64> = day_mark.and_then(|_| chars[day_start..day_end].iter().collect::<String>().parse().ok());
    let in_date = year.is_some() || d.is_some();
    if in_date && (m == 0 || m > 12 || d.is_some_and(|d| d == 0 || d > days_in_month(m, year))) {
        let msg = format!("日期“{text}”不存在：请核对月份和日期。");
        push(out, DATE_INVALID, Severity::Error, chars, span, msg, None);
        return;
    }
    let zero = |s: usize, e: usize| e - s == 2 && chars[s] == '0';
    if zero(month.start, month.end) || (day_mark.is_some() && zero(day_start, day_end)) {
        let mut fix = String::new();
        if let Some(y) = year {
            fix.push_str(&format!("{y}年"));
        }
        fix.push_str(&format!("{m}月"));
        if let (Some(d), Some(mark)) = (d, day_mark) {
            fix.push_str(&format!("{d}{mark}"));
        }
        let msg = format!("日期里的月、日不加“0”：“{text}”应写作“{fix}”。");
        push(out, DATE_ZERO, Severity::Error, chars, span, msg, Some(fix));
    }
}

fn is_person_unit(c: char) -> bool {
    matches!(c, '名' | '人' | '位')
}

/// `-3名`, `1.5名`, `0.5人`: people come in whole, positive numbers.
fn impossible_count(chars: &[char], num: &Num, out: &mut Vec<Finding>) {
    let end = num.frac_end.unwrap_or(num.end);
    if !at(chars, end).is_some_and(is_person_unit) {
        return;
    }
    let sign = before(chars, num.start).filter(|&c| matches!(c, '-' | '－' | '−' | '负'));
    let negative = sign.is_some() && !before(chars, num.start - 1).is_some_and(|c| c.is_ascii_digit());
    let (pre, _) = clause_around(chars, num.start, end, 8);
    // Averages and rates: `人均1.5人`, `0.6人/百亿元`, `1.5人次`.
    let rate = matches!(at(chars, end + 1), Some('/' | '／' | '次'));
    let average = rate || ["均", "平均", "每", "率"].iter().any(|w| pre.contains(w));
    let (start, what) = if negative {
        (num.start - 1, "人数不会是负数")
    } else if num.frac_end.is_some() && !average {
        (num.start, "人数不会是小数")
    } else {
        return;
    };
    let span = Span::new(start, end + 1);
    let text: String = chars[start..=end].iter().collect();
    let msg = format!("“{text}”：{what}，请核对。");
    push(out, COUNT_IMPOSSIBLE, Severity::Error, chars, span, msg, None);
}

/// The value of ASCII digits, as `str::parse` gives it (`None` when empty or too large), without
/// building a string: it is asked of nearly every number.
fn digits_value(digits: &[char]) -> Option<u64> {
    if digits.is_empty() {
        return None;
    }
    digits.iter().try_fold(0u64, |v, &c| v.checked_mul(10)?.checked_add(u64::from(c.to_digit(10)?)))
}

/// One count, Arabic or Chinese, with the measure word that says its kind.
struct Count {
    span: Span,
    arabic: bool,
    value: Option<u64>,
    /// Where what follows the numeral starts: `名`, `余名`, `个` (it ends with `span`).
    suffix_start: usize,
    kind: Kind,
}

/// The measure word that says a count's kind: one character, or `个月` (its own word). Kinds
/// order as the words themselves do (`个` < `个月` < `人`).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Kind {
    word: char,
    /// `个月` rather than `个`.
    months: bool,
}

/// The measure word (after an optional `余`/`多`) at `i`: (suffix end, kind).
fn measure_at(chars: &[char], i: usize) -> Option<(usize, Kind)> {
    let m = if matches!(at(chars, i), Some('余' | '多')) { i + 1 } else { i };
    let c = at(chars, m).filter(|&c| MEASURES.contains(c))?;
    let months = c == '个' && at(chars, m + 1) == Some('月');
    Some((if months { m + 2 } else { m + 1 }, Kind { word: c, months }))
}

fn arabic_count(chars: &[char], num: &Num) -> Option<Count> {
    if num.frac_end.is_some() || num.end - num.start > 6 {
        return None;
    }
    if before(chars, num.start).is_some_and(|c| matches!(c, '第' | '.' | '-' | '－' | '−' | '〔' | '＋' | '+')) {
        return None;
    }
    let (end, kind) = measure_at(chars, num.end)?;
    Some(Count { span: Span::new(num.start, end), arabic: true, value: num.value(chars), suffix_start: num.end, kind })
}

fn chinese_count(chars: &[char], start: usize, end: usize) -> Option<Count> {
    let run = &chars[start..end];
    if matches!(run, ['一' | '两' | '二']) || matches!(run.first(), Some('百' | '千' | '万' | '〇' | '零')) {
        return None;
    }
    if before(chars, start).is_some_and(|c| matches!(c, '第' | '初' | '周' | '每' | '其' | '之')) {
        return None;
    }
    let value = cn_value(run.iter().copied())?; // None for approximations: 三四个月, 两三名
    let (suffix_end, kind) = measure_at(chars, end)?;
    if FIXED_AFTER.iter().any(|w| starts_with(chars, suffix_end, w)) {
        return None;
    }
    Some(Count { span: Span::new(start, suffix_end), arabic: false, value: Some(value), suffix_start: end, kind })
}

/// Does a sentence end between `from` and `to`? (`。` `！` `？` or a line break.)
fn sentence_ends(chars: &[char], from: usize, to: usize) -> bool {
    chars[from.min(to)..to].iter().any(|&c| matches!(c, '。' | '！' | '？' | '\n' | '\r'))
}

/// Mixed numeral styles for the same measure word in one sentence: a hint on the minority.
/// GB/T 15835 asks for one form per kind of number *in one place* (同一场合); across a whole
/// document, `三项制度` and `完成692项` are different places and both right.
fn style(chars: &[char], counts: &[Count], out: &mut Vec<Finding>) {
    // Counts come in text order: take them one sentence at a time.
    let mut first = 0;
    while first < counts.len() {
        let mut last = first + 1;
        while last < counts.len() && !sentence_ends(chars, counts[last - 1].span.end, counts[last].span.start) {
            last += 1;
        }
        style_in_sentence(chars, &counts[first..last], out);
        first = last;
    }
}

fn style_in_sentence(chars: &[char], counts: &[Count], out: &mut Vec<Finding>) {
    // Most sentences write all their counts one way: nothing to compare, nothing to collect.
    let arabic_any = counts.iter().any(|c| c.arabic);
    if !arabic_any || counts.iter().all(|c| c.arabic) {
        return;
    }
    let mut kinds: Vec<Kind> = counts.iter().map(|c| c.kind).collect();
    kinds.sort_unstable();
    kinds.dedup();
    for kind in kinds {
        let of_kind: Vec<&Count> = counts.iter().filter(|c| c.kind == kind).collect();
        let arabic = of_kind.iter().filter(|c| c.arabic).count();
        let chinese = of_kind.len() - arabic;
        if arabic == 0 || chinese == 0 {
            continue;
        }
        // The minority is flagged; on a tie, the Chinese ones (GB/T 15835 prefers Arabic
        // numerals for counts where they read well).
        let flag_arabic = arabic < chinese;
        let Some(example) = of_kind.iter().find(|c| c.arabic != flag_arabic) else { continue };
        let example: String = chars[example.span.start..example.span.end].iter().collect();
        let style_name = if flag_arabic { "汉字" } else { "阿拉伯数字" };
        for c in of_kind.iter().filter(|c| c.arabic == flag_arabic) {
            let text: String = chars[c.span.start..c.span.end].iter().collect();
            let fix = c.value.and_then(|v| if flag_arabic { cn_count(v) } else { Some(v.to_string()) });
            let fix = fix.map(|n| format!("{n}{}", chars[c.suffix_start..c.span.end].iter().collect::<String>()));
            let advice = match &fix {
                Some(f) => format!("建议改为“{f}”"),
                None => format!("建议统一用{style_name}"),
            };
            let msg = format!("同一句里这类数目多用{style_name}（如“{example}”），“{text}”写法不一致：{advice}。");
            push(out, COUNT_STYLE, Severity::Hint, chars, c.span, msg, fix);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::check::table::{self, Expected, Found};

    fn found_in(text: &str, year: i32) -> Found {
        table::found(|t: &str, out: &mut Vec<Finding>| check_with(t, &Context { current_year: year }, out), text)
    }

    fn found(text: &str) -> Found {
        found_in(text, 2024)
    }

    /// Texts that must fire (current year 2024): (text, [(rule, flagged text, replacement)]).
    #[rustfmt::skip]
    const HITS: &[(&str, Expected)] = &[
        ("现将党工委领导班子2030年以来关于选人用人工作情况报告如下", &[(YEAR_FUTURE, "2030年", None)]),
        ("2025年，选派1名干部到某镇挂职", &[(YEAR_FUTURE, "2025年", None)]),
        ("1022年以来，选派1名干部", &[(YEAR_EARLY, "1022年", None)]),
        ("24年3月召开民主生活会", &[(YEAR_SHORT, "24年", Some("2024年"))]),
        ("23年以来，党工委高度重视", &[(YEAR_SHORT, "23年", Some("2023年"))]),
        ("在23年度考核中获得优秀", &[(YEAR_SHORT, "23年", Some("2023年"))]),
        ("'24年", &[(YEAR_SHORT, "'24年", Some("2024年"))]),
        ("99年底参加工作", &[(YEAR_SHORT, "99年", Some("1999年"))]),
        ("2024年03月05日", &[(DATE_ZERO, "2024年03月05日", Some("2024年3月5日"))]),
        ("于2024年3月05日召开", &[(DATE_ZERO, "2024年3月05日", Some("2024年3月5日"))]),
        ("于03月召开", &[(DATE_ZERO, "03月", Some("3月"))]),
        ("2023年2月29日", &[(DATE_INVALID, "2023年2月29日", None)]),
        ("2024年13月", &[(DATE_INVALID, "2024年13月", None)]),
        ("选派-3名干部", &[(COUNT_IMPOSSIBLE, "-3名", None)]),
        ("选派1.5名干部", &[(COUNT_IMPOSSIBLE, "1.5名", None)]),
        ("推荐0.5人", &[(COUNT_IMPOSSIBLE, "0.5人", None)]),
        // The brief's own example: 3名 and 五名 in one text; a tie flags the Chinese one.
        ("选派3名干部挂职，推荐五名干部参训", &[(COUNT_STYLE, "五名", Some("5名"))]),
        ("组织3名干部参训，选派4名干部挂职，推荐十二名年轻干部", &[(COUNT_STYLE, "十二名", Some("12名"))]),
        ("组织三名干部参训，选派四名干部挂职，推荐2名年轻干部", &[(COUNT_STYLE, "2名", Some("两名"))]),
        ("设立五个专项工作小组5个单位人员组成", &[(COUNT_STYLE, "五个", Some("5个"))]),
        ("组织3名干部参训，选派十余名干部挂职", &[(COUNT_STYLE, "十余名", Some("10余名"))]),
        ("2027年3月召开民主生活会", &[(YEAR_FUTURE, "2027年", None)]),
    ];

    /// Texts that must not fire (current year 2024).
    const MISSES: &[&str] = &[
        // The seed's legitimate numbers.
        "现将党工委领导班子2022年以来关于选人用人专项工作情况报告如下：",
        "选派1名科级年轻干部到某镇挂职锻炼；推荐3名年轻干部到某镇一线抗疫",
        "到位的两名，综合科科长和一级科员",
        "每年至少组织两次谈心谈话活动",
        "创新建立“5＋5”工作机制",
        "与挂职干部“1＋1”帮扶帮带机制",
        "某同志连续两年被列为优秀年轻干部人选",
        "坚决贯彻党的二十大精神",
        // Dates and years done right, plans and durations.
        "2024年3月5日",
        "二〇二三年三月",
        "到2027年底前完成整改",
        "力争2026年实现全覆盖",
        "2022—2027年规划",
        "到2035年基本实现社会主义现代化",
        "1921年中国共产党成立",
        "工作24年",
        "近20年以来",
        "24年来坚持不懈",
        "于10月召开",
        "30日内完成",
        // Counts that cannot be fractional in words, averages, and not counts at all.
        "人均参训1.5次",
        "人均1.5人",
        "增长3.5个百分点",
        "共1.5万人参加",
        "2-3名",
        // Fixed words, approximations, ordinals, formulations next to Arabic counts.
        "选派3名干部，一律按程序办理",
        "选派3名干部，一方面加强学习",
        "选派3个单位，三四个月完成",
        "选派3名干部，第五次会议",
        "选派3名干部，一是强化领导",
        "选派3个单位，增强“四个意识”",
        "选派3个单位，协调推进四个全面战略布局",
        "选派3项制度，落实中央八项规定精神",
        "选派3位干部，统筹推进五位一体总体布局",
        "选派3名干部，建设一支干部队伍，培养一批年轻干部",
        "选派3期培训班，二期工程",
        "选派3名干部，两三名同志",
        "3名干部《关于选派五名干部的通知》",
        // Numeral style compares like with like: the same measure word in the same sentence.
        "选派3名干部，组织十余人参加",
        "完善和新建制度692项。深化三项制度改革",
        "巡察反馈的697个问题，完成整改688个。\n抓好五个方面工作",
        // Real published text (tests/corpus): planned years, rates and ratios.
        "到2030年，基本建成",
        "展望2035年远景目标",
        "2027年、2028年分别建成两个中心",
        "亿元国内生产总值生产安全事故死亡人数0.6人/百亿元",
        "城乡居民收入比缩小到2.50:1",
        "培训干部1.5万人次，人均参训1.5人次",
    ];

    #[test]
    fn hits_fire_at_their_exact_spans() {
        table::assert_hits(found, HITS);
    }

    #[test]
    fn traps_do_not_fire() {
        table::assert_misses(found, MISSES);
    }

    /// The severity policy (`check::Severity`) for this family: certainly wrong → error, very
    /// likely wrong → warning, style → hint.
    #[test]
    fn severities_follow_the_policy() {
        let severity = |text: &str| {
            let mut out = Vec::new();
            check_with(text, &Context { current_year: 2024 }, &mut out);
            out.iter().map(|f| (f.rule, f.severity)).collect::<Vec<_>>()
        };
        assert_eq!(severity("2030年以来"), [(YEAR_FUTURE, Severity::Error)]);
        assert_eq!(severity("2027年3月召开"), [(YEAR_FUTURE, Severity::Warning)]);
        assert_eq!(severity("2027年，选派干部"), [(YEAR_FUTURE, Severity::Hint)]);
        assert_eq!(severity("2027年两会期间"), [(YEAR_FUTURE, Severity::Hint)]);
        assert_eq!(severity("2027年十二月召开"), [(YEAR_FUTURE, Severity::Warning)]);
        assert_eq!(severity("24年3月"), [(YEAR_SHORT, Severity::Error)]);
        assert_eq!(severity("2024年03月05日"), [(DATE_ZERO, Severity::Error)]);
        assert_eq!(severity("1.5名"), [(COUNT_IMPOSSIBLE, Severity::Error)]);
        assert_eq!(severity("选派3名干部，推荐五名干部"), [(COUNT_STYLE, Severity::Hint)]);
    }

    #[test]
    fn the_current_year_is_a_parameter() {
        assert_eq!(found_in("2025年以来", 2026), vec![]);
        assert_eq!(found_in("2025年以来", 2024).len(), 1);
        assert_eq!(found_in("25年以来", 2026)[0].2.as_deref(), Some("2025年"));
    }

    #[test]
    fn seed_numbers_are_not_errors() {
        let seed = include_str!("../../../tests/fixtures/seed-report.txt");
        let mut out = Vec::new();
        check_with(seed, &Context { current_year: 2024 }, &mut out);
        let errors: Vec<&Finding> = out.iter().filter(|f| f.severity == Severity::Error).collect();
        assert!(errors.is_empty(), "{errors:#?}");
        // The one style warning: 五个专项工作小组 next to 5个单位 in the same sentence.
        let texts: Vec<&str> = out.iter().map(|f| f.text.as_str()).collect();
        assert_eq!(texts, vec!["五个"], "{out:#?}");
    }
}
