//! Opening a draft file (保存草稿文件 wrote it): its size first (`limits::MAX_DRAFT_FILE_BYTES`),
//! its bytes read as UTF-8 with damaged ones shown as `�` by the caller (`input::decode::
//! decode_utf8_file`, with the notice an imported report with damaged bytes gets), then the stored form (`saved::from_json`) and the bounds a draft keeps
//! (`model::bounds`): refused beyond the hard bounds, held to the template's `max` otherwise.
use crate::domain::model::bounds;
use crate::domain::model::limits::{self, size_words};
use crate::domain::model::template::Template;
use crate::domain::store::saved::{from_json, Saved};

/// Whether a file of `bytes` bytes is read as a draft file at all (then its text is
/// `input::decode::decode_utf8_file`'s); `Err` names the bound.
pub fn size_ok(bytes: usize) -> Result<(), String> {
    if bytes > limits::MAX_DRAFT_FILE_BYTES {
        return Err(format!(
            "文件有 {}，超过了草稿文件的上限 {}，不像是草稿文件。",
            size_words(bytes),
            size_words(limits::MAX_DRAFT_FILE_BYTES)
        ));
    }
    Ok(())
}

/// A draft file opened as a draft of `template`.
pub struct Opened {
    pub saved: Saved,
    /// Paragraphs beyond the template's `max` or a box's length, moved to 未归类内容.
    pub moved: usize,
}

/// The draft in a draft file's text, held to the bounds; `Err` is a Chinese sentence.
pub fn open(text: &str, template: &Template) -> Result<Opened, String> {
    let mut saved = from_json(text, template).map_err(|e| e.to_string())?;
    if let Some(why) = bounds::refusal(template, &saved.draft) {
        return Err(format!("{why}。"));
    }
    let moved = bounds::fit(template, &mut saved.draft);
    Ok(Opened { saved, moved })
}

/// What the page adds after opening a draft that `fit` changed.
pub fn moved_notice(moved: usize) -> Option<String> {
    (moved > 0).then(|| format!("超出这类报告上限（项数或一个框的字数）的 {moved} 段内容已放进“未归类内容”，可逐段放回或删除。"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::draft::{key, Draft};
    use crate::domain::model::template::xuanren;
    use crate::domain::store::saved::to_json;

    fn with_problems(n: usize) -> String {
        let t = xuanren();
        let mut d = Draft::new(&t);
        while d.items("problems").len() < n {
            d.add_item(&t, "problems");
        }
        let items: Vec<u64> = d.items("problems").iter().map(|i| i.id).collect();
        for (i, id) in items.iter().enumerate() {
            d.set_text(&key::item("problems", *id, "heading"), format!("问题{i}"));
        }
        to_json(&d, "problems")
    }

    #[test]
    fn five_thousand_items_are_refused_naming_the_bound() {
        let t = xuanren();
        let why = open(&with_problems(5_000), &t).err().expect("refused");
        assert!(why.contains("5000 项") && why.contains("上限 200 项") && why.ends_with('。'), "{why}");
    }

    #[test]
    fn items_beyond_the_templates_max_go_to_unplaced_not_away() {
        let t = xuanren();
        let max = t.part("problems").and_then(|p| p.items.as_ref()).map(|i| i.max).unwrap();
        let opened = open(&with_problems(max + 3), &t).ok().expect("opened");
        assert_eq!(opened.saved.draft.items("problems").len(), max);
        assert_eq!(opened.moved, 3);
        let unplaced = &opened.saved.draft.unplaced;
        assert_eq!(unplaced, &[format!("问题{max}"), format!("问题{}", max + 1), format!("问题{}", max + 2)]);
        assert!(moved_notice(3).unwrap().contains("3 段"));
    }

    #[test]
    fn a_long_box_and_a_large_file() {
        let t = xuanren();
        let mut d = Draft::new(&t);
        let long: Vec<String> = (0..30).map(|i| format!("第{i}段{}", "情".repeat(1_000))).collect();
        d.set_text("opening", long.join("\n"));
        let opened = open(&to_json(&d, "opening"), &t).ok().expect("opened");
        assert!(opened.saved.draft.text("opening").chars().count() <= limits::MAX_FIELD_CHARS);
        assert_eq!(opened.moved, 11);
        let mut all = opened.saved.draft.text("opening");
        for u in &opened.saved.draft.unplaced {
            all.push('\n');
            all.push_str(u);
        }
        assert_eq!(all, long.join("\n"), "nothing lost, in order");

        d.set_text("opening", "情".repeat(limits::MAX_DRAFT_CHARS + 1));
        assert!(open(&to_json(&d, "opening"), &t).err().unwrap().contains("20 万字"));
        assert!(size_ok(limits::MAX_DRAFT_FILE_BYTES + 1).unwrap_err().contains("上限 4 MB"));
        assert!(size_ok(limits::MAX_DRAFT_FILE_BYTES).is_ok());
    }
}
