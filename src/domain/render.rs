//! Assembling the finished report from a draft: numbered headings, points run together, the
//! title from the key figures; then the `.txt` bytes.
use super::draft::{key, Draft};
use super::numbering;
use super::template::{ItemLayout, Part, PartKind, Template};
use super::text::to_crlf;

/// How a paragraph is set (GB/T 9704): it decides font, alignment and indent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParaKind {
    /// 2号小标宋, centred.
    Title,
    /// Flush left, ending in a colon.
    Addressee,
    /// 3号仿宋, two-character first-line indent.
    Body,
    /// `一、` heading, 黑体.
    Heading1,
    /// `（一）` heading, 楷体.
    Heading2,
    /// 落款, right-aligned above the date.
    Signature,
    /// 成文日期, right-aligned.
    Date,
}

/// One paragraph of the finished report and the part it came from (for the "edit" link).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paragraph {
    pub kind: ParaKind,
    pub part: String,
    pub text: String,
}

fn para(kind: ParaKind, part: &str, text: String) -> Paragraph {
    Paragraph { kind, part: part.to_string(), text }
}

/// End a topic sentence with 。 unless it already ends with a stop.
fn sentence(topic: &str) -> String {
    let t = topic.trim_end();
    if t.ends_with(['。', '！', '？', '；', '：']) || t.is_empty() {
        t.to_string()
    } else {
        format!("{t}。")
    }
}

/// The report's title from the template's pattern and the draft's figures.
pub fn title(template: &Template, draft: &Draft) -> String {
    super::pattern::fill(&template.title, |id| draft.slots.get(id).map(String::as_str)).0
}

/// The report's paragraphs in order. Empty fields are left out; a field with line breaks gives
/// one paragraph per non-empty line.
pub fn paragraphs(template: &Template, draft: &Draft) -> Vec<Paragraph> {
    let mut out = vec![para(ParaKind::Title, "title", title(template, draft))];
    let mut section_no = 0;
    for part in &template.parts {
        match part.kind {
            PartKind::Addressee => push_lines(&mut out, ParaKind::Addressee, part, &draft.text(&part.id)),
            PartKind::Paragraph | PartKind::Closing => push_lines(&mut out, ParaKind::Body, part, &draft.text(&part.id)),
            PartKind::Signature => push_lines(&mut out, ParaKind::Signature, part, &draft.text(&part.id)),
            PartKind::Date => push_lines(&mut out, ParaKind::Date, part, &draft.text(&part.id)),
            PartKind::Section => {
                section_no += 1;
                section(&mut out, part, draft, section_no);
            }
        }
    }
    out
}

fn push_lines(out: &mut Vec<Paragraph>, kind: ParaKind, part: &Part, text: &str) {
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        out.push(para(kind, &part.id, line.to_string()));
    }
}

fn section(out: &mut Vec<Paragraph>, part: &Part, draft: &Draft, number: usize) {
    out.push(para(ParaKind::Heading1, &part.id, format!("{}{}", numbering::section(number), part.heading)));
    push_lines(out, ParaKind::Body, part, &draft.text(&part.id));
    let Some(spec) = &part.items else { return };
    for (i, item) in draft.items(&part.id).iter().enumerate() {
        let heading = draft.text(&key::item(&part.id, item.id, "heading"));
        let body = draft.text(&key::item(&part.id, item.id, "body"));
        match spec.layout {
            ItemLayout::Subsection => {
                if !heading.trim().is_empty() {
                    out.push(para(ParaKind::Heading2, &part.id, format!("{}{}", numbering::sub(i + 1), heading.trim())));
                }
                let mut text = body.trim().to_string();
                let mut n = 0;
                for &p in &item.points {
                    let topic = draft.text(&key::point(&part.id, item.id, p, "topic"));
                    let pbody = draft.text(&key::point(&part.id, item.id, p, "body"));
                    if topic.trim().is_empty() && pbody.trim().is_empty() {
                        continue;
                    }
                    n += 1;
                    text.push_str(&format!("{}{}{}", numbering::point(n), sentence(&topic), pbody.trim()));
                }
                push_lines(out, ParaKind::Body, part, &text);
            }
            ItemLayout::Point | ItemLayout::Measure => {
                if heading.trim().is_empty() && body.trim().is_empty() {
                    continue;
                }
                let ordinal = if spec.layout == ItemLayout::Point { numbering::point(i + 1) } else { numbering::sub(i + 1) };
                let text = format!("{ordinal}{}{}", sentence(&heading), body.trim());
                push_lines(out, ParaKind::Body, part, &text);
            }
        }
    }
}

/// The report as plain text: one paragraph a line, LF line endings.
pub fn plain_text(template: &Template, draft: &Draft) -> String {
    let mut s = String::new();
    for p in paragraphs(template, draft) {
        s.push_str(&p.text);
        s.push('\n');
    }
    s
}

/// The bytes of the `.txt` download: UTF-8 without a byte-order mark, CRLF line endings so
/// Notepad and WPS open it cleanly.
pub fn txt_bytes(template: &Template, draft: &Draft) -> Vec<u8> {
    to_crlf(&plain_text(template, draft)).into_bytes()
}

/// The download's file name: the report's title (or the template's name while the title still
/// has gaps), without characters Windows forbids in file names.
pub fn file_stem(template: &Template, draft: &Draft) -> String {
    let t = title(template, draft);
    let t = if t.contains(super::pattern::EMPTY_SLOT) { template.name.clone() } else { t };
    t.chars().filter(|c| !matches!(c, '\\' | '/' | ':' | '*' | '?' | '"' | '<' | '>' | '|') && !c.is_control()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::template::xuanren;

    #[test]
    fn numbering_follows_the_order_of_items() {
        let t = xuanren();
        let mut d = Draft::example(&t);
        let ids: Vec<u64> = d.items("problems").iter().map(|i| i.id).collect();
        d.move_item("problems", ids[2], -2);
        let text = plain_text(&t, &d);
        let first = text.lines().skip_while(|l| !l.starts_with("二、")).find(|l| l.starts_with("一是")).unwrap_or_default();
        assert!(first.starts_with("一是履行管理职责不够到位。"), "{first}");
    }

    #[test]
    fn txt_download_uses_crlf_and_skips_empty_fields() {
        let t = xuanren();
        let d = Draft::new(&t);
        let bytes = txt_bytes(&t, &d);
        let text = String::from_utf8(bytes).unwrap_or_default();
        assert!(text.contains("\r\n一、总体情况\r\n"), "{text}");
        assert!(!text.contains("\n\r\n"), "no empty paragraphs: {text:?}");
        assert!(!text.replace("\r\n", "").contains('\n'));
    }

    #[test]
    fn file_name_comes_from_the_title() {
        let t = xuanren();
        let d = Draft::example(&t);
        assert_eq!(file_stem(&t, &d), "关于党工委领导班子2022年以来选人用人工作情况的报告");
        assert_eq!(file_stem(&t, &Draft::new(&t)), "选人用人工作情况报告");
        let mut d = d;
        d.set_slot("unit", "a/b:c".into());
        assert_eq!(file_stem(&t, &d), "关于abc领导班子2022年以来选人用人工作情况的报告");
    }
}
