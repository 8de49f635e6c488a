//! Key figures from an imported report's title: the title pattern's `{slot}`s read back out of
//! last year's title (`关于{unit}领导班子{start_year}年以来…` and `关于市财政局党组领导班子2023年
//! 以来…` give the unit and the year).
//!
//! The whole pattern is tried first (`pattern::match_slots`). A title worded a little otherwise
//! (a word added or left out) still gives the figures whose neighbouring words are there: each
//! slot is looked for between the last characters of the words before it and the first
//! characters of the words after it. A value is kept only if it looks like its kind (a year is
//! four digits, a name has no punctuation), so a wrong guess is left empty rather than filled
//! with a piece of sentence.
use crate::domain::model::pattern::{pieces, Piece};
use crate::domain::model::template::{SlotKind, Template, TITLE_BREAK};

/// The longest neighbouring words used to find a slot, in characters.
const ANCHOR: usize = 4;
/// A unit's, person's or place's name longer than this is a piece of sentence, not a name.
const MAX_NAME: usize = 30;

/// The key figures a title gives, in the pattern's order: `(slot id, value)`.
pub fn from_title(template: &Template, title: &str) -> Vec<(String, String)> {
    let title = normalised(title);
    if let Some(all) = whole(template, &title) {
        return all;
    }
    let accepted = |id: &str, v: &str| template.slot(id).is_some_and(|s| looks_like(s.kind, v));
    let ps = pieces(&template.title);
    let mut out: Vec<(String, String)> = Vec::new();
    for (i, piece) in ps.iter().enumerate() {
        let Piece::Slot(id) = piece else { continue };
        let before = match i.checked_sub(1).map(|j| &ps[j]) {
            Some(Piece::Text(t)) => Some(*t),
            _ => None,
        };
        let after = match ps.get(i + 1) {
            Some(Piece::Text(t)) => Some(*t),
            _ => None,
        };
        let kind = template.slot(id).map(|s| s.kind);
        let mut found = between(&title, before, after);
        // Right before a year figure (`{unit}{report_year}年…`): up to the first digit.
        if let Some(Piece::Slot(next)) = ps.get(i + 1) {
            if template.slot(next).is_some_and(|s| s.kind == SlotKind::Year) {
                found = found.and_then(|v| v.find(|c: char| is_digit(c)).map(|at| v[..at].to_string()));
            }
        }
        let found = found.filter(|v| accepted(id, v));
        // A year whose left neighbour was reworded is still the four digits before its right one.
        let found = found.or_else(|| if kind == Some(SlotKind::Year) { year_before(&title, after?) } else { None });
        if let Some(v) = found {
            if !out.iter().any(|(o, _)| o == id) {
                out.push((id.to_string(), normal(template, id, v)));
            }
        }
    }
    out
}

/// Whether the title is the pattern word for word (then it prints back the same from its
/// figures, and nothing of it needs keeping aside).
pub fn matches_pattern(template: &Template, title: &str) -> bool {
    whole(template, &normalised(title)).is_some()
}

/// A title as compared: no spaces, no break marks.
fn normalised(title: &str) -> String {
    title.chars().filter(|c| !c.is_whitespace() && *c != TITLE_BREAK).collect()
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// The title read as the pattern word for word, each figure looking like its kind (so
/// `{unit}{report_year}年` splits `市民政局2024年` before the four digits).
fn whole(template: &Template, title: &str) -> Option<Vec<(String, String)>> {
    let ps = pieces(&template.title);
    let chars: Vec<char> = title.chars().collect();
    let mut out = Vec::new();
    fit(template, &ps, &chars, 0, &mut out).then_some(out)
}

/// Match `ps` against `chars[pos..]`, each slot taking the shortest value that lets the rest
/// match.
fn fit(template: &Template, ps: &[Piece<'_>], chars: &[char], pos: usize, out: &mut Vec<(String, String)>) -> bool {
    let Some((first, rest)) = ps.split_first() else { return pos == chars.len() };
    match first {
        Piece::Text(t) => {
            let t: Vec<char> = t.chars().collect();
            chars[pos..].starts_with(&t) && fit(template, rest, chars, pos + t.len(), out)
        }
        Piece::Slot(id) => {
            let Some(kind) = template.slot(id).map(|s| s.kind) else { return false };
            for end in pos + 1..=chars.len().min(pos + MAX_NAME) {
                let v: String = chars[pos..end].iter().collect();
                if !looks_like(kind, &v) {
                    continue;
                }
                out.push((id.to_string(), normal(template, id, v)));
                if fit(template, rest, chars, end, out) {
                    return true;
                }
                out.pop();
            }
            false
        }
    }
}

/// The text between the end of `before` and the start of `after` in `title`, using the
/// longest neighbouring words found (up to `ANCHOR` characters of each). A missing `before`
/// means the slot starts the title, a missing `after` that it ends it.
fn between(title: &str, before: Option<&str>, after: Option<&str>) -> Option<String> {
    let tails: Vec<String> = match before {
        None => vec![String::new()],
        Some(b) => anchors(b, true),
    };
    let heads: Vec<String> = match after {
        None => vec![String::new()],
        Some(a) => anchors(a, false),
    };
    for tail in &tails {
        let start = if before.is_none() {
            0
        } else {
            match title.find(tail.as_str()) {
                Some(at) => at + tail.len(),
                None => continue,
            }
        };
        let rest = &title[start..];
        for head in &heads {
            let end = if after.is_none() { Some(rest.len()) } else { rest.find(head.as_str()) };
            if let Some(end) = end.filter(|&e| e > 0) {
                return Some(rest[..end].to_string());
            }
        }
    }
    None
}

/// The four characters before the first of `after`'s neighbouring words, if they are digits.
fn year_before(title: &str, after: &str) -> Option<String> {
    anchors(after, false).iter().find_map(|head| {
        let at = title.find(head.as_str())?;
        let before: Vec<char> = title[..at].chars().collect();
        let year: String = before.get(before.len().checked_sub(4)?..)?.iter().collect();
        looks_like(SlotKind::Year, &year).then_some(year)
    })
}

/// The last (or first) `ANCHOR`, then fewer, characters of a literal piece; never empty.
fn anchors(text: &str, tail: bool) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    (1..=ANCHOR.min(chars.len()))
        .rev()
        .filter(|&n| n >= 2 || chars.len() == 1)
        .map(|n| if tail { chars[chars.len() - n..].iter().collect() } else { chars[..n].iter().collect() })
        .collect()
}

/// Whether a value read from a title can be a figure of this kind.
fn looks_like(kind: SlotKind, value: &str) -> bool {
    let v = value.trim();
    let digits = |s: &str| !s.is_empty() && s.chars().all(is_digit);
    match kind {
        SlotKind::Year => v.chars().count() == 4 && digits(v),
        SlotKind::Date => crate::domain::model::dates::parse(v).is_ok(),
        SlotKind::Count => v.chars().count() <= 6 && v.chars().all(|c| c.is_ascii_digit() || "〇零一二两三四五六七八九十百".contains(c)),
        _ => {
            let n = v.chars().count();
            n > 0 && n <= MAX_NAME && !v.contains(['，', '。', '；', '：', '、', '“', '”'])
        }
    }
}

/// A year typed with full-width digits is carried with ASCII ones, as the year box takes it.
fn normal(template: &Template, id: &str, value: String) -> String {
    match template.slot(id).map(|s| s.kind) {
        Some(SlotKind::Year) => {
            value.chars().map(|c| if ('０'..='９').contains(&c) { char::from(b'0' + (c as u32 - '０' as u32) as u8) } else { c }).collect()
        }
        _ => value.trim().to_string(),
    }
}

/// What the import summary says of the figures carried (`Draft::carried`), in the template's
/// order of key figures: `带入的关键数字：单位名称“市财政局党组”、起始年份“2023”。`, and, if a
/// year was carried, that last year's year left in the text is flagged once it is changed.
pub fn summary(template: &Template, carried: &std::collections::BTreeMap<String, String>) -> Option<String> {
    let listed: Vec<String> = template.slots.iter().filter_map(|s| carried.get(&s.id).map(|v| format!("{}“{}”", s.label, v))).collect();
    if listed.is_empty() {
        return None;
    }
    let years: Vec<&str> =
        template.slots.iter().filter(|s| s.kind == SlotKind::Year).filter_map(|s| carried.get(&s.id).map(String::as_str)).collect();
    let then = match years.first() {
        Some(y) => format!("把年份改成今年的以后，正文里还留着的“{y}年”会标出，可一键改正。"),
        None => String::new(),
    };
    Some(format!("带入的关键数字：{}。{then}", listed.join("、")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::template::xuanren;

    fn figures(title: &str) -> Vec<(&'static str, String)> {
        let t = xuanren();
        from_title(&t, title)
            .into_iter()
            .map(|(id, v)| {
                (
                    if id == "unit" {
                        "unit"
                    } else if id == "start_year" {
                        "start_year"
                    } else {
                        "other"
                    },
                    v,
                )
            })
            .collect()
    }

    #[test]
    fn the_summary_lists_the_carried_figures_in_the_templates_order() {
        let t = xuanren();
        let carried = [("start_year", "2023"), ("unit", "市财政局党组"), ("date", "2024年3月5日")]
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .into_iter()
            .collect();
        assert_eq!(
            summary(&t, &carried).as_deref(),
            Some("带入的关键数字：单位名称“市财政局党组”、起始年份“2023”、成文日期“2024年3月5日”。把年份改成今年的以后，正文里还留着的“2023年”会标出，可一键改正。")
        );
        assert_eq!(summary(&t, &Default::default()), None);
    }
    #[test]
    fn title_figures_table() {
        let u = |v: &str| ("unit", v.to_string());
        let y = |v: &str| ("start_year", v.to_string());
        let cases: Vec<(&str, Vec<(&str, String)>)> = vec![
            // The pattern word for word.
            ("关于市财政局党组领导班子2023年以来选人用人工作情况的报告", vec![u("市财政局党组"), y("2023")]),
            // Spaces and a line break mark from a copied title.
            ("关于 高新区党工委 领导班子2022年以来|选人用人工作情况的报告", vec![u("高新区党工委"), y("2022")]),
            // Full-width digits.
            ("关于县委组织部领导班子２０２４年以来选人用人工作情况的报告", vec![u("县委组织部"), y("2024")]),
            // Worded otherwise: a word more in the middle; both figures still found by their neighbours.
            ("关于市委政法委领导班子2021年以来干部选拔任用和选人用人工作情况的报告", vec![u("市委政法委"), y("2021")]),
            // 领导班子 left out: the unit has no right neighbour, the year still has its own.
            ("关于市审计局2024年以来选人用人工作情况的报告", vec![y("2024")]),
            // A year that is not four digits is left empty rather than guessed.
            ("关于市审计局领导班子近年来选人用人工作情况的报告", vec![u("市审计局")]),
            // Another report's title gives nothing.
            ("2024年度落实全面从严治党主体责任情况报告", vec![]),
            ("", vec![]),
        ];
        for (title, want) in cases {
            assert_eq!(figures(title), want, "{title}");
        }
    }
}
