//! The key figures of a template made from a model report: the unit (or the person and post),
//! the round, and every figure (`figures`), each once; and the model's texts rewritten as
//! patterns with `{slot}` markers in their place.
use super::figures::{self, Figure, FigureKind};
use crate::domain::model::template::{SlotKind, SlotSpec};

/// A name written out in the model (`开发区党工委`, `王丽`, `第三巡察组`'s `三`), replaced
/// wherever it stands between `before` and `after`.
#[derive(Clone, Debug)]
struct Named {
    id: String,
    before: String,
    value: String,
    after: String,
}

#[derive(Default)]
pub struct Slots {
    pub specs: Vec<SlotSpec>,
    named: Vec<Named>,
    /// Each figure's slot, by kind, value and measure word.
    figures: std::collections::HashMap<(FigureKind, String, &'static str), String>,
    counters: [usize; 5],
}

/// A slot's spec.
pub fn spec(id: &str, label: &str, kind: SlotKind, example: &str, hint: String) -> SlotSpec {
    SlotSpec { id: id.to_string(), label: label.to_string(), hint, kind, example: example.to_string() }
}

impl Slots {
    /// A name slot (text, name; its value the spec's example): replaced wherever
    /// `before + value + after` is written.
    pub fn add_named(&mut self, spec: SlotSpec, before: &str, after: &str) {
        if spec.example.is_empty() || self.specs.iter().any(|s| s.id == spec.id) {
            return;
        }
        let named = Named { id: spec.id.clone(), before: before.to_string(), value: spec.example.clone(), after: after.to_string() };
        self.specs.push(spec);
        self.named.push(named);
        // The longest first, so `开发区党工委副书记` is taken before `开发区党工委`.
        self.named.sort_by_key(|n| std::cmp::Reverse(n.before.len() + n.value.len() + n.after.len()));
    }

    /// The slot of a figure, made the first time it is seen. `anchor_year`: the title's year, and
    /// whether it is where a period starts (`2022年以来`) rather than the year reported on.
    pub fn add_figure(&mut self, text: &str, f: &Figure, date_line: Option<&str>, anchor_year: Option<(&str, bool)>) -> String {
        let key = (f.kind, f.value.clone(), f.measure);
        if let Some(id) = self.figures.get(&key) {
            return id.clone();
        }
        let v = f.value.as_str();
        let n = |counters: &mut [usize; 5], i: usize| {
            counters[i] += 1;
            counters[i]
        };
        let (mut id, label, kind, hint) = match f.kind {
            FigureKind::Date if Some(v) == date_line => (
                "date".to_string(),
                "成文日期".to_string(),
                SlotKind::Date,
                "用阿拉伯数字写年月日，不写“0”，如“2025年3月5日”。".to_string(),
            ),
            FigureKind::Date => (
                format!("date{}", n(&mut self.counters, 0)),
                format!("日期（{}）", figures::context(text, f)),
                SlotKind::Date,
                format!("范文中为“{v}”，写本期的日期，如“2025年3月5日”。"),
            ),
            FigureKind::Year => {
                let (id, label) = year_id(v, anchor_year);
                (id, label, SlotKind::Year, format!("写四位数字的年份（范文中为{v}年）。"))
            }
            FigureKind::Percent => (
                format!("rate{}", n(&mut self.counters, 2)),
                figures::context(text, f),
                SlotKind::Percent,
                format!("范文中为{v}%（只填数字，“%”已写在句中）。写本期实际的比例。"),
            ),
            FigureKind::Amount => (
                format!("amount{}", n(&mut self.counters, 3)),
                figures::context(text, f),
                SlotKind::Number,
                format!("范文中为“{v}{}”，写本期实际的数值。", f.measure),
            ),
            FigureKind::Count => (
                format!("count{}", n(&mut self.counters, 4)),
                figures::context(text, f),
                SlotKind::Count,
                format!("范文中为“{v}{}”，写本期实际的数字，阿拉伯数字或汉字均可。", f.measure),
            ),
        };
        if self.specs.iter().any(|s| s.id == id) {
            id = format!("{id}_{}", self.specs.len() + 1);
        }
        self.specs.push(SlotSpec { id: id.clone(), label, hint, kind, example: v.to_string() });
        self.figures.insert(key, id.clone());
        id
    }

    /// The slot of a figure already seen.
    pub fn figure_slot(&self, f: &Figure) -> Option<&str> {
        let key = (f.kind, f.value.clone(), f.measure);
        self.figures.get(&key).map(String::as_str)
    }

    /// `text` as a pattern: every name and known figure a `{slot}`; a `{` that would read as a
    /// marker written full-width (`｛`), so the model's own text never names a slot.
    pub fn pattern(&self, text: &str) -> String {
        let found = figures::find(text);
        let mut out = String::new();
        let mut at = 0;
        let mut next_figure = 0;
        while at < text.len() {
            if let Some(n) = self.named.iter().find(|n| named_at(text, at, n)) {
                out.push_str(&n.before);
                out.push('{');
                out.push_str(&n.id);
                out.push('}');
                out.push_str(&n.after);
                at += n.before.len() + n.value.len() + n.after.len();
                continue;
            }
            while next_figure < found.len() && found[next_figure].start < at {
                next_figure += 1;
            }
            if let Some(f) = found.get(next_figure).filter(|f| f.start == at) {
                if let Some(id) = self.figure_slot(f) {
                    out.push('{');
                    out.push_str(id);
                    out.push('}');
                    at = f.end;
                    continue;
                }
            }
            let Some(c) = text[at..].chars().next() else { break };
            if c == '{' && reads_as_marker(&text[at + 1..]) {
                out.push('｛');
            } else {
                out.push(c);
            }
            at += c.len_utf8();
        }
        out
    }
}

fn named_at(text: &str, at: usize, n: &Named) -> bool {
    let rest = &text[at..];
    rest.starts_with(n.before.as_str())
        && rest[n.before.len()..].starts_with(n.value.as_str())
        && rest[n.before.len() + n.value.len()..].starts_with(n.after.as_str())
}

/// After a `{`: `id}` would make it a slot marker.
fn reads_as_marker(rest: &str) -> bool {
    let id_len = rest.bytes().take_while(|b| b.is_ascii_alphanumeric() || *b == b'_').count();
    id_len > 0 && rest[id_len..].starts_with('}')
}

/// A year's id and label against the title's year: `report_year`, `next_year`, `last_year`
/// (or `start_year` for `2022年以来`), else `year_2023`.
fn year_id(v: &str, anchor: Option<(&str, bool)>) -> (String, String) {
    let other = || (format!("year_{v}"), format!("年份（范文中为{v}年）"));
    let Some((anchor, since)) = anchor else { return other() };
    let (Ok(year), Ok(base)) = (v.parse::<i32>(), anchor.parse::<i32>()) else { return other() };
    match (year - base, since) {
        (0, true) => ("start_year".to_string(), "起始年份".to_string()),
        (0, false) => ("report_year".to_string(), "报告年度".to_string()),
        (1, false) => ("next_year".to_string(), "下一年度".to_string()),
        (-1, false) => ("last_year".to_string(), "上一年度".to_string()),
        _ => other(),
    }
}
