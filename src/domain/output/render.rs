//! Assembling the finished report from a draft: numbered headings, points run together, the
//! title from the key figures; then the `.txt` bytes.
use crate::domain::model::draft::{key, Draft};
use crate::domain::model::numbering;
use crate::domain::model::template::{ItemLayout, Part, PartKind, Template};
use crate::domain::model::text::to_crlf;
use crate::domain::output::layout::ParaKind;
use crate::domain::output::layout::{title_width, TITLE_LINE};

/// One paragraph of the finished report and the part it came from (for the "edit" link).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paragraph {
    pub kind: ParaKind,
    pub part: String,
    pub text: String,
    /// Where the paragraph goes onto a new line, as byte offsets into `text`: only a long title
    /// has any (`title_paragraph`). The text itself stays one line.
    pub line_breaks: Vec<usize>,
}

impl Paragraph {
    /// The text cut at `line_breaks`: what the Word file and the preview set as separate lines.
    pub fn lines(&self) -> Vec<&str> {
        let (mut out, mut at) = (Vec::new(), 0);
        for &end in &self.line_breaks {
            out.push(self.text.get(at..end).unwrap_or_default());
            at = end;
        }
        out.push(self.text.get(at..).unwrap_or_default());
        out
    }
}

fn para(kind: ParaKind, part: &str, text: String) -> Paragraph {
    Paragraph { kind, part: part.to_string(), text, line_breaks: Vec::new() }
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
    title_paragraph(template, draft).text
}

/// The title paragraph: the pattern filled piece by piece between the template's break points,
/// and the line breaks `choose_breaks` picks for a 2号 line.
pub fn title_paragraph(template: &Template, draft: &Draft) -> Paragraph {
    let value = |id: &str| draft.slots.get(id).map(String::as_str);
    let mut p = para(ParaKind::Title, "title", String::new());
    let (mut at, mut ends, mut widths) = (0, Vec::new(), Vec::new());
    for &end in template.title_breaks.iter().chain([&template.title.len()]) {
        let piece = crate::domain::model::pattern::fill(template.title.get(at..end).unwrap_or_default(), value).0;
        at = end;
        widths.push(title_width(&piece));
        p.text.push_str(&piece);
        ends.push(p.text.len());
    }
    let set = choose_breaks(&widths, TITLE_LINE);
    for (i, end) in ends.into_iter().enumerate().take(MAX_BREAKS) {
        if (set >> i) & 1 == 1 {
            p.line_breaks.push(end);
        }
    }
    p
}

/// How many of a title's break points `choose_breaks` tries (the first ones).
const MAX_BREAKS: usize = 12;

/// Which break points a title uses, from the widths of the pieces between them and a line's
/// capacity: bit `i` set for the point after piece `i`. GB/T 9704 §7.3.1 sets a long title as a
/// 梯形 or 菱形, 排列对称, never breaking a word; so, of every set of the template's break
/// points, the one whose lines go over the capacity by the least (nothing, if one can), then
/// with the fewest lines (none if the title fits one line, two if two can hold it), then with
/// the least difference between its longest and shortest line; on a tie, the later points. A
/// line still too long wraps where it is full. Only the first `MAX_BREAKS` points are tried.
pub fn choose_breaks(widths: &[u32], capacity: u32) -> u32 {
    let n = widths.len().saturating_sub(1).min(MAX_BREAKS);
    let (mut best, mut best_key) = (0, (u32::MAX, u32::MAX, u32::MAX));
    for set in (0..1u32 << n).rev() {
        let (mut line, mut over, mut lines, mut longest, mut shortest) = (0u32, 0u32, 0u32, 0u32, u32::MAX);
        for (i, &w) in widths.iter().enumerate() {
            line = line.saturating_add(w);
            if (i < n && (set >> i) & 1 == 1) || i + 1 == widths.len() {
                over = over.saturating_add(line.saturating_sub(capacity));
                lines += 1;
                longest = longest.max(line);
                shortest = shortest.min(line);
                line = 0;
            }
        }
        let key = (over, lines, longest.saturating_sub(shortest));
        if key < best_key {
            (best, best_key) = (set, key);
        }
    }
    best
}

/// The report's paragraphs in order. Empty fields are left out; a field with line breaks gives
/// one paragraph per non-empty line.
pub fn paragraphs(template: &Template, draft: &Draft) -> Vec<Paragraph> {
    let mut out = vec![title_paragraph(template, draft)];
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
                if !heading.trim().is_empty() || !body.trim().is_empty() {
                    let ordinal = if spec.layout == ItemLayout::Point { numbering::point(i + 1) } else { numbering::sub(i + 1) };
                    let text = format!("{ordinal}{}{}", sentence(&heading), body.trim());
                    push_lines(out, ParaKind::Body, part, &text);
                }
            }
        }
        for f in &spec.fields {
            let text = draft.text(&key::item(&part.id, item.id, &f.id));
            push_lines(out, ParaKind::Body, part, &led(&f.lead, &text));
        }
    }
}

/// An item field's paragraph: `整改措施：` + its text. The `：` is added when the lead lacks it
/// and never doubled; a text that already starts with the lead keeps it once. Empty text: nothing.
pub fn led(lead: &str, text: &str) -> String {
    let text = text.trim();
    let lead = lead.trim();
    if text.is_empty() || lead.is_empty() {
        return text.to_string();
    }
    let name = lead.trim_end_matches(['：', ':']);
    if let Some(rest) = text.strip_prefix(name) {
        if rest.starts_with(['：', ':']) || rest.is_empty() {
            // Typed with its lead already: the lead once, with a full-width colon.
            let rest = rest.trim_start_matches(['：', ':']).trim_start();
            return format!("{name}：{rest}");
        }
    }
    let text = text.trim_start_matches(['：', ':']).trim_start();
    format!("{name}：{text}")
}

/// The report as plain text: one paragraph a line, LF line endings. The title stays on one line
/// whatever its `line_breaks`: a line break in plain text reads as a new paragraph (the import, and
/// any other program, would take the title's second half for the addressee or the body).
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
/// has gaps, or when the template has none, as one made from an untitled model report), without
/// characters Windows forbids in file names.
pub fn file_stem(template: &Template, draft: &Draft) -> String {
    let t = title(template, draft);
    let t = if t.contains(crate::domain::model::pattern::EMPTY_SLOT) || t.trim().is_empty() { template.name.clone() } else { t };
    t.chars().filter(|c| !matches!(c, '\\' | '/' | ':' | '*' | '?' | '"' | '<' | '>' | '|') && !c.is_control()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn item_fields_print_after_the_body_and_points_each_its_own_paragraph() {
        let t = Template::from_json(crate::domain::model::template::SMALL_FOR_TESTS).unwrap_or_else(|e| panic!("{e}"));
        let mut d = Draft::example(&t);
        let first = d.items("feedback")[0].id;
        d.set_text(&key::item("feedback", first, "body"), "学习计划执行不到位。".into());
        d.set_text(&key::item("feedback", first, "progress"), "整改进展：：已完成。".into());
        let texts: Vec<String> = paragraphs(&t, &d).into_iter().filter(|p| p.part == "feedback").map(|p| p.text).collect();
        assert_eq!(
            texts,
            [
                "一、反馈问题整改落实情况",
                "逐条报告如下：",
                "（一）理论学习不够深入",
                "学习计划执行不到位。",
                "整改措施：某某局党组制定学习计划。",
                "整改进展：已完成。",
                "（二）制度执行不严",
                "整改措施：修订制度。",
                "整改进展：正在推进。",
                "完成时限：2025年6月底前",
            ],
            "the empty 完成时限 of the first is left out"
        );
    }

    #[test]
    fn a_lead_is_never_doubled() {
        for (lead, text, printed) in [
            ("整改措施：", "修订制度。", "整改措施：修订制度。"),
            ("整改措施", "修订制度。", "整改措施：修订制度。"),
            ("整改措施：", "：修订制度。", "整改措施：修订制度。"),
            ("整改措施：", "整改措施：修订制度。", "整改措施：修订制度。"),
            ("整改措施:", "整改措施:修订制度。", "整改措施：修订制度。"),
            ("整改措施：", "整改措施落实到人。", "整改措施：整改措施落实到人。"),
            ("", "修订制度。", "修订制度。"),
            ("整改措施：", "  ", ""),
        ] {
            assert_eq!(led(lead, text), printed, "{lead:?} + {text:?}");
        }
    }
    use crate::domain::model::template::{xuanren, Template};

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
    fn a_long_title_breaks_between_words_into_even_lines() {
        let t = xuanren();
        let mut d = Draft::example(&t);
        let subject = "选人用人工作情况的报告";
        let time_and_subject = "2022年以来选人用人工作情况的报告";
        // (unit, the title's lines): a line holds 20 characters, a figure counts 0.6.
        let table: [(&str, &[&str]); 10] = [
            ("", &["关于＿＿领导班子2022年以来", subject]),
            ("市委", &["关于市委领导班子2022年以来", subject]),
            ("党工委", &["关于党工委领导班子2022年以来", subject]),
            ("市财政局", &["关于市财政局领导班子2022年以来", subject]),
            // 16.4 and 11 characters or 11 and 16.4: as even either way; the later break wins.
            ("区委组织部", &["关于区委组织部领导班子2022年以来", subject]),
            // From six characters to fourteen, the break after 领导班子 gives the more even lines.
            ("市财政局党组", &["关于市财政局党组领导班子", time_and_subject]),
            // 关于…领导班子 fills a line exactly: 20 characters.
            ("高新技术产业开发区管委会党组", &["关于高新技术产业开发区管委会党组领导班子", time_and_subject]),
            // Two lines cannot hold it without cutting a word (领导班子2022年以来…报告 is 20.4
            // characters): three lines, each within the width.
            ("长江经济带高新技术产业开发区党工委", &["关于长江经济带高新技术产业开发区党工委", "领导班子2022年以来", subject]),
            ("某某省某某市某某区某某街道党工委", &["关于某某省某某市某某区某某街道党工委", "领导班子2022年以来", subject]),
            // Too long for any break: the least overflow, and the first line wraps where it is full.
            (
                "中国（上海）自由贸易试验区临港新片区党工委",
                &["关于中国（上海）自由贸易试验区临港新片区党工委", "领导班子2022年以来", subject],
            ),
        ];
        for (unit, lines) in table {
            d.set_slot("unit", unit.into());
            let p = title_paragraph(&t, &d);
            assert_eq!(p.lines(), lines, "{unit}");
            assert_eq!(p.text, lines.concat(), "{unit}");
            assert_eq!(plain_text(&t, &d).lines().next(), Some(p.text.as_str()), "the .txt title is one line");
            if unit.chars().count() <= 18 {
                assert!(lines.iter().all(|l| title_width(l) <= TITLE_LINE), "{unit}");
            }
        }
        assert_eq!(paragraphs(&t, &Draft::example(&t))[0].line_breaks, ["关于党工委领导班子2022年以来".len()]);
    }

    #[test]
    fn break_choice_table() {
        // (piece widths, capacity) → the breaks used (bit i: after piece i).
        let table: [(&[u32], u32, u32); 10] = [
            (&[50], 40, 0),            // no break points: wraps where full, as before
            (&[10, 8, 12], 40, 0),     // fits one line: no break
            (&[18, 10, 22], 40, 0b10), // 28 + 22 is more even than 18 + 32
            (&[24, 10, 22], 40, 0b01), // 24 + 32 is more even than 34 + 22
            (&[10, 10, 10], 25, 0b10), // 20 + 10 or 10 + 20: the later break
            (&[30, 30, 30], 40, 0b11), // three lines where two cannot hold it
            (&[46, 10, 22], 40, 0b01), // nothing fits: the least overflow, in as few lines
            (&[0, 50, 0], 40, 0),      // break points at either end would leave a line empty
            (&[30, 0, 30], 40, 0b10),  // two points at one place: one line break
            (&[], 40, 0),
        ];
        for (widths, capacity, want) in table {
            assert_eq!(choose_breaks(widths, capacity), want, "{widths:?} in {capacity}");
        }
        // Absurd widths: the sums saturate rather than overflow; more points than are tried.
        choose_breaks(&[u32::MAX, 5, u32::MAX], 40);
        let many = choose_breaks(&[3; 40], 10);
        assert!(many != 0 && many < 1 << MAX_BREAKS, "{many:b}");
    }

    /// A template with this title and the 选人用人 template's two title figures.
    fn with_title(title: &str) -> Template {
        let slot = |id: &str, kind: &str, example: &str| {
            format!(r#"{{"id":"{id}","label":"l","hint":"h","kind":"{kind}","example":"{example}"}}"#)
        };
        let json = format!(
            r#"{{"format":1,"id":"x","name":"x","title":"{title}","slots":[{},{}],"parts":[]}}"#,
            slot("unit", "text", "党工委"),
            slot("start_year", "year", "2022")
        );
        Template::from_json(&json).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn a_title_without_break_points_or_short_enough_is_one_line() {
        let plain = with_title("关于{unit}领导班子{start_year}年以来选人用人工作情况的报告");
        let p = title_paragraph(&plain, &Draft::example(&plain));
        assert_eq!((p.text.as_str(), p.lines()), ("关于党工委领导班子2022年以来选人用人工作情况的报告", vec![p.text.as_str()]));
        let short = with_title("关于{unit}|的报告");
        let p = title_paragraph(&short, &Draft::example(&short));
        assert_eq!((p.text.as_str(), p.line_breaks), ("关于党工委的报告", vec![]));
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
        let untitled = Template { title: String::new(), title_breaks: Vec::new(), ..t.clone() };
        assert_eq!(file_stem(&untitled, &Draft::example(&untitled)), "选人用人工作情况报告");
    }
}
