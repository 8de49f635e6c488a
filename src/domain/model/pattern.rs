//! Sentences with key figures: `有计划组织{party_school_count}名干部参加…`. A `{id}` marker
//! names a slot of the template; anything else is literal text.
use crate::domain::model::text::Span;

/// What an empty slot prints as: a visible gap that the placeholder check flags, never a
/// silently shorter sentence.
pub const EMPTY_SLOT: &str = "＿＿";

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece<'a> {
    Text(&'a str),
    Slot(&'a str),
}

fn is_id_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// Cut a pattern into literal text and slot markers.
pub fn pieces(pattern: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut rest = pattern;
    let mut text_start = 0;
    let mut offset = 0;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let close = after.find('}');
        let id = close.map(|c| &after[..c]);
        match id {
            Some(id) if !id.is_empty() && id.chars().all(is_id_char) => {
                let abs_open = offset + open;
                if abs_open > text_start {
                    out.push(Piece::Text(&pattern[text_start..abs_open]));
                }
                out.push(Piece::Slot(id));
                let consumed = open + 1 + id.len() + 1;
                offset += consumed;
                text_start = offset;
                rest = &rest[consumed..];
            }
            _ => {
                offset += open + 1;
                rest = &rest[open + 1..];
            }
        }
    }
    if text_start < pattern.len() {
        out.push(Piece::Text(&pattern[text_start..]));
    }
    out
}

/// The slot ids a pattern names, in order.
pub fn slot_ids(pattern: &str) -> Vec<&str> {
    pieces(pattern)
        .into_iter()
        .filter_map(|p| match p {
            Piece::Slot(id) => Some(id),
            Piece::Text(_) => None,
        })
        .collect()
}

/// Where one slot's value landed in a filled sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SlotPlace {
    pub slot: String,
    pub span: Span,
}

/// The sentence with every slot replaced by its value (or `EMPTY_SLOT`), and where each went.
/// A value typed with its percent sign before a `%` of the pattern (`{rate}%` with `94.4%`)
/// gives one sign, not `94.4%%`.
pub fn fill<'v>(pattern: &str, value: impl Fn(&str) -> Option<&'v str>) -> (String, Vec<SlotPlace>) {
    let mut out = String::new();
    let mut places = Vec::new();
    let mut pos = 0;
    let all = pieces(pattern);
    for (at, piece) in all.iter().enumerate() {
        match *piece {
            Piece::Text(t) => {
                out.push_str(t);
                pos += t.chars().count();
            }
            Piece::Slot(id) => {
                let mut v = value(id).filter(|v| !v.trim().is_empty()).unwrap_or(EMPTY_SLOT);
                let percent_follows = matches!(all.get(at + 1), Some(Piece::Text(t)) if t.starts_with(['%', '％']));
                if percent_follows {
                    v = Some(v.trim_end().trim_end_matches(['%', '％'])).filter(|v| !v.is_empty()).unwrap_or(EMPTY_SLOT);
                }
                let len = v.chars().count();
                out.push_str(v);
                places.push(SlotPlace { slot: id.to_string(), span: Span::new(pos, pos + len) });
                pos += len;
            }
        }
    }
    (out, places)
}

/// Read the slot values back out of a filled sentence: `关于{unit}领导班子{start_year}年…` and
/// `关于高新区党工委领导班子2022年…` give `unit = 高新区党工委`, `start_year = 2022`. `None` when
/// the literal text does not match, or a slot would be empty.
pub fn match_slots(pattern: &str, text: &str) -> Option<Vec<(String, String)>> {
    let ps = pieces(pattern);
    let mut rest = text;
    let mut out = Vec::new();
    let mut i = 0;
    while i < ps.len() {
        match ps[i] {
            Piece::Text(t) => rest = rest.strip_prefix(t)?,
            Piece::Slot(id) => {
                // The value runs up to the next literal text (or to the end).
                let value = match ps.get(i + 1) {
                    Some(Piece::Text(next)) => {
                        let at = rest.find(next)?;
                        let v = &rest[..at];
                        rest = &rest[at..];
                        v
                    }
                    Some(Piece::Slot(_)) => return None,
                    None => std::mem::take(&mut rest),
                };
                if value.trim().is_empty() {
                    return None;
                }
                out.push((id.to_string(), value.to_string()));
            }
        }
        i += 1;
    }
    rest.is_empty().then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_percent_sign_typed_with_the_figure_is_not_doubled() {
        let rate = |v: &'static str| move |_: &str| Some(v);
        assert_eq!(fill("完成率{rate}%。", rate("94.4%")).0, "完成率94.4%。");
        assert_eq!(fill("完成率{rate}％。", rate("94.4％ ")).0, "完成率94.4％。");
        assert_eq!(fill("完成率{rate}%。", rate("94.4")).0, "完成率94.4%。");
        assert_eq!(fill("完成率为{rate}。", rate("94.4%")).0, "完成率为94.4%。", "no sign in the pattern: the value's own");
        let (text, places) = fill("{rate}%", rate("%"));
        assert_eq!(text, format!("{EMPTY_SLOT}%"));
        assert_eq!(places[0].span, Span::new(0, EMPTY_SLOT.chars().count()));
    }

    #[test]
    fn cuts_text_and_slots() {
        assert_eq!(
            pieces("组织{n}名干部到{town}镇"),
            vec![Piece::Text("组织"), Piece::Slot("n"), Piece::Text("名干部到"), Piece::Slot("town"), Piece::Text("镇")]
        );
        // Braces that are not a marker stay text.
        assert_eq!(pieces("a{b c}d{}e{"), vec![Piece::Text("a{b c}d{}e{")]);
        assert_eq!(slot_ids("{a}{b}"), vec!["a", "b"]);
    }

    #[test]
    fn reads_slot_values_back() {
        let p = "关于{unit}领导班子{start_year}年以来选人用人工作情况的报告";
        assert_eq!(
            match_slots(p, "关于高新区党工委领导班子2022年以来选人用人工作情况的报告"),
            Some(vec![("unit".into(), "高新区党工委".into()), ("start_year".into(), "2022".into())])
        );
        assert_eq!(match_slots(p, "关于领导班子2022年以来选人用人工作情况的报告"), None, "empty unit");
        assert_eq!(match_slots(p, "关于某单位的工作报告"), None);
        assert_eq!(match_slots("{date}", "2024年3月5日"), Some(vec![("date".into(), "2024年3月5日".into())]));
    }

    #[test]
    fn fills_values_and_marks_gaps() {
        let (text, places) = fill("组织{n}名干部到{town}镇", |id| (id == "n").then_some("3"));
        assert_eq!(text, "组织3名干部到＿＿镇");
        assert_eq!(places[0].span, Span::new(2, 3));
        assert_eq!(places[1].span, Span::new(7, 9));
    }
}
