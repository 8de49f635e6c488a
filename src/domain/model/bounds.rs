//! A draft held to the bounds (`model::limits`) before the page shows it: a draft file that no
//! real draft comes near is refused with the bound named (`refusal`); what is beyond a
//! template's `max` or a box's length is moved to 未归类内容 (`fit`), never dropped.
use crate::domain::model::draft::{key, Draft, Field, Item};
use crate::domain::model::limits::{self, chars_words};
use crate::domain::model::template::Template;

/// Why a draft (from a file) is not opened at all: a section with more than `MAX_ITEMS` items,
/// or more than `MAX_DRAFT_CHARS` characters in all. `None`: it may be opened (then `fit`).
pub fn refusal(template: &Template, d: &Draft) -> Option<String> {
    for (section, items) in &d.sections {
        if items.len() > limits::MAX_ITEMS {
            let name = template.part(section).map_or(section.as_str(), |p| p.label.as_str());
            return Some(format!("草稿里“{name}”有 {} 项，超过了上限 {} 项，不像是一份报告", items.len(), limits::MAX_ITEMS));
        }
    }
    let mut chars = 0usize;
    for (_, t) in texts(d) {
        // Bytes first: a text of fewer bytes than the rest of the budget is counted only then.
        chars += if t.len() <= limits::MAX_DRAFT_CHARS { t.chars().count() } else { limits::MAX_DRAFT_CHARS + 1 };
        if chars > limits::MAX_DRAFT_CHARS {
            return Some(format!("草稿的文字超过了上限 {}，不像是一份报告", chars_words(limits::MAX_DRAFT_CHARS)));
        }
    }
    None
}

/// Hold a draft to the bounds a draft keeps (`model::limits`, the template's `max`): items and
/// points beyond the maximum, and the paragraphs of a box beyond `MAX_FIELD_CHARS`, go to the end
/// of the unplaced list in their order — kept, not dropped, and not in a box too long to type in.
/// Returns how many paragraphs went there.
pub fn fit(template: &Template, d: &mut Draft) -> usize {
    let before = d.unplaced.len();
    for part in &template.parts {
        let Some(spec) = &part.items else { continue };
        let max_items = spec.max.min(limits::MAX_ITEMS);
        let max_points = spec.points.as_ref().map_or(limits::MAX_POINTS, |p| p.max.min(limits::MAX_POINTS));
        let Some(items) = d.sections.get_mut(&part.id) else { continue };
        let extra: Vec<Item> = if items.len() > max_items { items.split_off(max_items) } else { Vec::new() };
        let mut extra_points = Vec::new();
        for item in items.iter_mut() {
            if item.points.len() > max_points {
                extra_points.extend(item.points.split_off(max_points).into_iter().map(|p| (item.id, p)));
            }
        }
        let boxes = |item: u64| -> Vec<String> {
            let mut keys = vec![key::item(&part.id, item, "heading"), key::item(&part.id, item, "body")];
            keys.extend(spec.fields.iter().map(|f| key::item(&part.id, item, &f.id)));
            keys
        };
        for (item, point) in extra_points {
            for what in ["topic", "body"] {
                take_aside(d, &key::point(&part.id, item, point, what));
            }
        }
        for item in extra {
            for k in boxes(item.id) {
                take_aside(d, &k);
            }
            for p in item.points {
                for what in ["topic", "body"] {
                    take_aside(d, &key::point(&part.id, item.id, p, what));
                }
            }
        }
    }
    for field in d.fields.values_mut() {
        let Field::Free { text } = field else { continue };
        if !limits::more_chars_than(text, limits::MAX_FIELD_CHARS) {
            continue;
        }
        // Cut before the paragraph that would pass the bound (or, for one paragraph longer
        // than that, after the bound's character).
        let (mut chars, mut cut) = (0, text.len());
        for (at, _) in text.char_indices() {
            chars += 1;
            if chars > limits::MAX_FIELD_CHARS {
                cut = text[..at].rfind('\n').filter(|&n| n > 0).unwrap_or(at);
                break;
            }
        }
        let rest = text.split_off(cut);
        d.unplaced.extend(rest.split('\n').filter(|l| !l.trim().is_empty()).map(str::to_string));
    }
    d.unplaced.len() - before
}

/// What became of a box's new text (`set_text_within`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fit {
    /// All of it is in the box.
    Whole,
    /// Past the box's bound: the rest is at the end of 未归类内容.
    RestAside,
    /// The draft would pass `MAX_DRAFT_CHARS`: only what fits went in; `dropped` characters did
    /// not (a paste: they are still on the clipboard). A draft file of the draft opens again.
    Cut { dropped: usize },
}

/// Every text a draft holds, as the whole-draft bound counts it: each box's (with its key), then
/// 未归类内容 and the key figures.
fn texts(d: &Draft) -> impl Iterator<Item = (Option<&str>, &str)> {
    let fields = d.fields.iter().map(|(k, f)| match f {
        Field::Free { text } => (Some(k.as_str()), text.as_str()),
        Field::Slotted { pattern } => (Some(k.as_str()), pattern.as_str()),
    });
    fields.chain(d.unplaced.iter().chain(d.slots.values()).map(|t| (None, t.as_str())))
}

/// The byte offset after the first `n` characters of `text` (its length when it is shorter).
fn after_chars(text: &str, n: usize) -> usize {
    text.char_indices().nth(n).map_or(text.len(), |(at, _)| at)
}

/// A box's new text as typed or pasted: up to `MAX_FIELD_CHARS` in the box, the rest (a paste
/// past the bound) to the end of the unplaced list, where the clerk sees it; and never so much
/// that the whole draft passes `MAX_DRAFT_CHARS` (which a draft file is refused past).
pub fn set_text_within(d: &mut Draft, key: &str, mut text: String) -> Fit {
    // Bytes first: the draft is counted in characters only when its bytes could pass the bound.
    let bytes: usize = texts(d).map(|(_, t)| t.len()).sum();
    let mut dropped = 0;
    if bytes + text.len() > limits::MAX_DRAFT_CHARS {
        let besides: usize = texts(d).filter(|(k, _)| *k != Some(key)).map(|(_, t)| t.chars().count()).sum();
        let room = limits::MAX_DRAFT_CHARS.saturating_sub(besides);
        if limits::more_chars_than(&text, room) {
            let cut = after_chars(&text, room);
            dropped = text[cut..].chars().count();
            text.truncate(cut);
        }
    }
    let over = limits::more_chars_than(&text, limits::MAX_FIELD_CHARS);
    if over {
        let rest = text.split_off(after_chars(&text, limits::MAX_FIELD_CHARS));
        d.unplaced.push(rest);
    }
    d.set_text(key, text);
    match (dropped, over) {
        (0, false) => Fit::Whole,
        (0, true) => Fit::RestAside,
        (dropped, _) => Fit::Cut { dropped },
    }
}

/// What the page says when the whole draft reached its bound (`Fit::Cut`).
pub fn cut_notice(dropped: usize) -> String {
    format!(
        "一份草稿最多 {}，已经到了上限：刚才输入或粘贴的最后 {dropped} 字没有放进去（粘贴的内容还在剪贴板里）。",
        chars_words(limits::MAX_DRAFT_CHARS)
    )
}

/// What the page says when `set_text_within` put the rest of a text aside.
pub fn rest_aside_notice() -> String {
    format!("一个框最多 {}，超出的部分已放到最后的“未归类内容”里，没有丢失。", chars_words(limits::MAX_FIELD_CHARS))
}

/// A box's text to the unplaced list (line by line), the box taken out of the draft.
fn take_aside(d: &mut Draft, key: &str) {
    let text = d.text(key);
    d.fields.remove(key);
    d.unplaced.extend(text.split('\n').filter(|l| !l.trim().is_empty()).map(str::to_string));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typing_never_makes_a_draft_its_own_file_would_refuse() {
        let t = crate::domain::model::template::xuanren();
        let mut d = Draft::default();
        let box_full = "甲".repeat(limits::MAX_FIELD_CHARS);
        for i in 0..limits::MAX_DRAFT_CHARS / limits::MAX_FIELD_CHARS {
            assert_eq!(set_text_within(&mut d, &format!("f{i}"), box_full.clone()), Fit::Whole, "box {i}");
        }
        assert_eq!(refusal(&t, &d), None, "at the bound exactly");
        assert_eq!(set_text_within(&mut d, "opening", "乙丙".to_string()), Fit::Cut { dropped: 2 });
        assert_eq!((d.text("opening"), refusal(&t, &d)), (String::new(), None));
        // Making room lets the text in again; editing a full box within its length is no growth.
        assert_eq!(set_text_within(&mut d, "f0", "甲".repeat(limits::MAX_FIELD_CHARS - 5)), Fit::Whole);
        assert_eq!(set_text_within(&mut d, "opening", "乙丙丁戊己庚".to_string()), Fit::Cut { dropped: 1 });
        assert_eq!(d.text("opening"), "乙丙丁戊己");
        assert_eq!(set_text_within(&mut d, "f1", format!("乙{}", "甲".repeat(limits::MAX_FIELD_CHARS - 1))), Fit::Whole);
        assert_eq!(refusal(&t, &d), None);
        assert!(cut_notice(2).contains("20 万字") && cut_notice(2).contains("最后 2 字"));
    }

    #[test]
    fn a_paste_past_the_bound_keeps_the_rest_aside() {
        let mut d = Draft::default();
        assert_eq!(set_text_within(&mut d, "opening", "甲".repeat(limits::MAX_FIELD_CHARS)), Fit::Whole);
        assert!(d.unplaced.is_empty());
        assert_eq!(set_text_within(&mut d, "opening", format!("{}乙丙", "甲".repeat(limits::MAX_FIELD_CHARS))), Fit::RestAside);
        assert_eq!(d.text("opening").chars().count(), limits::MAX_FIELD_CHARS);
        assert_eq!(d.unplaced, vec!["乙丙"]);
    }
}
