//! The structure of a model report, read with the importer's line classifier
//! (`input::import::split`): title, 主送机关 or 称呼, 开头语, the `一、` sections with their items,
//! 结束语, 落款 or 署名, 成文日期. Lines are trimmed (a pasted report often indents with `　　`);
//! nothing else is changed, so the template's example can give the model back line for line.
use crate::domain::input::import::{split, LineKind};
use crate::domain::model::numbering;

/// A model report cut into the parts a template has.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Shape {
    pub title: Option<String>,
    pub addressee: Option<String>,
    pub opening: Vec<String>,
    pub sections: Vec<Section>,
    pub closing: Option<String>,
    pub signature: Vec<String>,
    pub date: Option<String>,
}

/// One `一、` section: its heading, the paragraphs before its first item, its items.
#[derive(Clone, Debug, PartialEq)]
pub struct Section {
    pub heading: String,
    pub lead: Vec<String>,
    pub layout: Option<Layout>,
    pub items: Vec<ItemShape>,
    /// The leads of the item fields (`整改措施：`), in order: paragraphs of sub-sections that
    /// start with the same short label in two items or more.
    pub fields: Vec<String>,
    /// Every line under the heading as written: the section's example when its items cannot
    /// be laid out as a template lays them out.
    pub lines: Vec<String>,
}

/// How the items are written, as `ItemLayout`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// `（一）标题` on its own line, then paragraphs (the last one may hold `一是……二是……`).
    Subsection,
    /// `（一）标题。正文` in one paragraph.
    Measure,
    /// `一是标题。正文` in one paragraph.
    Point,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct ItemShape {
    pub heading: String,
    /// The item's paragraphs, one a line.
    pub body: String,
    /// `一是……` points of a sub-section: (topic, body).
    pub points: Vec<(String, String)>,
    /// The item fields' texts, by lead (without it).
    pub fields: Vec<(String, String)>,
}

/// Words of a closing formula (`以上报告，请予评议。`).
const CLOSING_WORDS: [&str; 8] = ["特此报告", "请予评议", "请予审议", "以上报告", "以上述职", "请审阅", "批评指正", "特此说明"];

pub fn clean(line: &str) -> &str {
    line.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}')
}

/// The report's structure.
pub fn read(text: &str) -> Shape {
    let lines: Vec<(LineKind, String)> =
        split(text).into_iter().filter(|l| l.kind != LineKind::Blank).map(|l| (l.kind, clean(l.text).to_string())).collect();
    let mut shape = Shape::default();
    // The tail, from the end: date, 落款 lines, closing formula.
    let mut end = lines.len();
    if end > 0 && lines[end - 1].0 == LineKind::Date {
        shape.date = Some(lines[end - 1].1.clone());
        end -= 1;
    }
    let mut signature_from = end;
    while signature_from > 0 && lines[signature_from - 1].0 == LineKind::Signature {
        signature_from -= 1;
    }
    shape.signature = lines[signature_from..end].iter().map(|l| l.1.clone()).collect();
    end = signature_from;
    if end > 0 {
        let (kind, text) = &lines[end - 1];
        let formula = *kind == LineKind::Closing
            || (*kind == LineKind::Body && text.chars().count() <= 40 && CLOSING_WORDS.iter().any(|w| text.contains(w)));
        if formula {
            shape.closing = Some(text.clone());
            end -= 1;
        }
    }
    // The front: title, then 主送机关 or 称呼.
    let mut at = 0;
    if at < end && lines[at].0 == LineKind::Title {
        shape.title = Some(lines[at].1.clone());
        at += 1;
    }
    if at < end && lines[at].0 == LineKind::Addressee {
        shape.addressee = Some(lines[at].1.clone());
        at += 1;
    }
    // The body: the opening, then sections.
    for (kind, text) in &lines[at..end] {
        match kind {
            // Only the next number opens a section (the page numbers them 一、二、三 in order): an
            // appendix's own `一、` or a skipped number is a line of the section it stands in.
            LineKind::Section(n) if *n == shape.sections.len() + 1 => shape.sections.push(Section {
                heading: after_section_number(text).to_string(),
                lead: Vec::new(),
                layout: None,
                items: Vec::new(),
                fields: Vec::new(),
                lines: Vec::new(),
            }),
            _ => match shape.sections.last_mut() {
                Some(s) => s.lines.push(text.clone()),
                None => shape.opening.push(text.clone()),
            },
        }
    }
    for s in &mut shape.sections {
        lay_out(s, true);
    }
    shape
}

/// `一、总体情况` → `总体情况`.
fn after_section_number(t: &str) -> &str {
    t.split_once(['、', '.', '．']).map_or(t, |(_, h)| h).trim()
}

/// `（一）强组织建设` → `强组织建设`, if the line starts with the `n`th sub-heading number.
fn after_sub_number(t: &str, n: usize) -> Option<&str> {
    let number = numbering::chinese(n);
    let rest = t.strip_prefix(['（', '('])?.strip_prefix(number.as_str())?;
    rest.strip_prefix(['）', ')']).map(str::trim_start)
}

/// `一是……` → the text after it, if the paragraph starts with the `n`th point.
fn after_point_number(t: &str, n: usize) -> Option<&str> {
    t.strip_prefix(numbering::point(n).as_str())
}

/// A topic sentence and the rest, as the page prints them back (`topic。rest`): the topic ends
/// at the first 。 (dropped: the page adds it) or at another stop (kept); `None` when the text
/// has no stop to end a topic.
pub fn topic_and_body(text: &str) -> Option<(String, String)> {
    let cut = text.char_indices().find(|(_, c)| matches!(c, '。' | '！' | '？' | '；'))?;
    let (i, c) = cut;
    if i == 0 {
        return None;
    }
    if c == '。' {
        Some((text[..i].to_string(), text[i + c.len_utf8()..].to_string()))
    } else {
        Some((text[..i + c.len_utf8()].to_string(), text[i + c.len_utf8()..].to_string()))
    }
}

/// A paragraph's lead and its `一是……二是……` points (each starting where a sentence ended),
/// or `None` when it has none or one cannot be cut into topic and body.
fn points_of(text: &str) -> Option<(String, Vec<(String, String)>)> {
    let mut cuts = Vec::new();
    let mut from = 0;
    for n in 1..=20 {
        let mark = numbering::point(n);
        let found = text[from..]
            .match_indices(mark.as_str())
            .map(|(i, _)| from + i)
            .find(|&i| i == 0 || text[..i].ends_with(['。', '；', '！', '？', '：']));
        let Some(i) = found else { break };
        cuts.push((i, mark.len()));
        from = i + mark.len();
    }
    let &(first, _) = cuts.first()?;
    let mut points = Vec::new();
    for (k, &(at, len)) in cuts.iter().enumerate() {
        let end = cuts.get(k + 1).map_or(text.len(), |c| c.0);
        points.push(topic_and_body(&text[at + len..end])?);
    }
    Some((text[..first].to_string(), points))
}

/// The section's items: `（一）` sub-headings, else `一是` paragraphs, else none.
/// With `fields`, sub-sections' labelled paragraphs (`整改措施：……`) become item fields.
pub fn lay_out(s: &mut Section, fields: bool) {
    s.layout = None;
    s.items.clear();
    s.fields.clear();
    s.lead.clear();
    let subs: Vec<usize> =
        s.lines.iter().enumerate().filter(|(_, l)| after_sub_number(l, 1).is_some() || is_sub(l)).map(|(i, _)| i).collect();
    if !subs.is_empty() {
        lay_out_subs(s, &subs, fields);
    } else {
        lay_out_points(s);
    }
    if s.layout.is_none() {
        s.lead = s.lines.clone();
        s.items.clear();
    }
}

/// `整改措施：……` → `整改措施：`: a label of two to six Chinese characters and a full-width colon.
fn lead_of(line: &str) -> Option<&str> {
    let (label, _) = line.split_once('：')?;
    let n = label.chars().count();
    ((2..=6).contains(&n) && label.chars().all(crate::domain::model::text::is_han)).then(|| &line[..label.len() + '：'.len_utf8()])
}

/// The labels of item fields (`整改措施：`), in order: those that start paragraphs in two
/// sub-sections or more, and after the first of these in an item, every other label too
/// (`完成时限：` where only an unfinished problem has one).
fn field_leads(bodies: &[&[String]]) -> Vec<String> {
    let per_item: Vec<Vec<&str>> = bodies.iter().map(|b| b.iter().filter_map(|l| lead_of(l)).collect()).collect();
    let shared: Vec<&str> =
        per_item.iter().flatten().copied().filter(|lead| per_item.iter().filter(|leads| leads.contains(lead)).count() >= 2).collect();
    let mut out: Vec<String> = Vec::new();
    for leads in &per_item {
        let Some(first) = leads.iter().position(|l| shared.contains(l)) else { continue };
        for lead in &leads[first..] {
            if !out.iter().any(|o| o == lead) {
                out.push(lead.to_string());
            }
        }
    }
    out
}

/// A sub-section's lines cut where its first labelled paragraph starts: the body, and each
/// field's text (the lines after a labelled paragraph belong to it).
fn split_fields<'a>(body: &'a [String], leads: &[String]) -> (&'a [String], Vec<(String, String)>) {
    fn is_field<'l>(l: &'l str, leads: &[String]) -> Option<&'l str> {
        lead_of(l).filter(|lead| leads.iter().any(|x| x == lead))
    }
    let Some(first) = body.iter().position(|l| is_field(l, leads).is_some()) else { return (body, Vec::new()) };
    let mut fields: Vec<(String, String)> = Vec::new();
    for line in &body[first..] {
        match (is_field(line, leads), fields.last_mut()) {
            (Some(lead), _) => fields.push((lead.to_string(), line[lead.len()..].to_string())),
            (None, Some(last)) => last.1 = format!("{}\n{line}", last.1),
            (None, None) => {}
        }
    }
    (&body[..first], fields)
}

fn is_sub(line: &str) -> bool {
    (1..=99).any(|n| after_sub_number(line, n).is_some())
}

fn lay_out_subs(s: &mut Section, subs: &[usize], fields: bool) {
    // Numbered 1, 2, 3 … as the page numbers them, or left as paragraphs.
    let headings: Option<Vec<&str>> = subs.iter().enumerate().map(|(k, &i)| after_sub_number(&s.lines[i], k + 1)).collect();
    let Some(headings) = headings else { return };
    let bodies: Vec<&[String]> =
        subs.iter().enumerate().map(|(k, &i)| &s.lines[i + 1..subs.get(k + 1).copied().unwrap_or(s.lines.len())]).collect();
    // Every heading line runs on into its text (`（一）标题。正文`): one paragraph each.
    let inline: Option<Vec<(String, String)>> =
        headings.iter().map(|h| topic_and_body(h).filter(|(_, body)| !body.trim().is_empty())).collect();
    s.lead = s.lines[..subs[0]].to_vec();
    if let Some(inline) = inline {
        s.layout = Some(Layout::Measure);
        s.items = inline
            .into_iter()
            .zip(&bodies)
            .map(|((heading, first), more)| {
                let body = std::iter::once(first).chain(more.iter().cloned()).collect::<Vec<_>>().join("\n");
                ItemShape { heading, body, ..ItemShape::default() }
            })
            .collect();
        return;
    }
    s.layout = Some(Layout::Subsection);
    s.fields = if fields { field_leads(&bodies) } else { Vec::new() };
    s.items = headings
        .iter()
        .zip(&bodies)
        .map(|(h, body)| {
            let (body, fields) = split_fields(body, &s.fields);
            ItemShape { fields, ..subsection(h, body) }
        })
        .collect();
}

/// A sub-section: its paragraphs, the last one's `一是……` points taken out when the page can
/// print them back the same (after a lead of their own, or as the only paragraph).
fn subsection(heading: &str, body: &[String]) -> ItemShape {
    let mut item = ItemShape { heading: heading.to_string(), body: body.join("\n"), ..ItemShape::default() };
    let Some((last, before)) = body.split_last() else { return item };
    let Some((lead, points)) = points_of(last) else { return item };
    if lead.is_empty() && !before.is_empty() {
        return item;
    }
    let mut paragraphs: Vec<String> = before.to_vec();
    if !lead.is_empty() {
        paragraphs.push(lead);
    }
    item.body = paragraphs.join("\n");
    item.points = points;
    item
}

/// Paragraphs starting `一是`, `二是` … in order: one item each (the paragraphs after one, up to
/// the next, belong to it).
fn lay_out_points(s: &mut Section) {
    let mut items: Vec<ItemShape> = Vec::new();
    let mut lead = Vec::new();
    for line in &s.lines {
        match after_point_number(line, items.len() + 1) {
            Some(rest) => {
                let Some((heading, body)) = topic_and_body(rest) else { return };
                items.push(ItemShape { heading, body, ..ItemShape::default() });
            }
            None => match items.last_mut() {
                // The page prints `一是标题。` and its body as one paragraph: a paragraph after an
                // item without body would join it.
                Some(item) if item.body.is_empty() => return,
                Some(item) => item.body = format!("{}\n{line}", item.body),
                None => lead.push(line.clone()),
            },
        }
    }
    if items.is_empty() {
        return;
    }
    s.lead = lead;
    s.items = items;
    s.layout = Some(Layout::Point);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_in_parts() {
        let text = "关于某局2025年度工作情况的报告\n市委：\n　　现将情况报告如下：\n一、总体情况\n全年开展检查5次。\n（一）抓学习\n一是学原文。每月一次。二是谈体会。每季度一次。\n（二）抓落实\n按计划推进。\n二、存在的问题\n主要有：\n一是学习不深。停留在读原文。\n二是落实不够。\n三、下一步打算\n（一）加强学习。每月集中学习一次。\n（二）狠抓落实。逐项销号。\n特此报告。\n某局\n2025年12月20日\n";
        let s = read(text);
        assert_eq!(s.title.as_deref(), Some("关于某局2025年度工作情况的报告"));
        assert_eq!(s.addressee.as_deref(), Some("市委："));
        assert_eq!(s.opening, ["现将情况报告如下："]);
        assert_eq!(s.closing.as_deref(), Some("特此报告。"));
        assert_eq!(s.signature, ["某局"]);
        assert_eq!(s.date.as_deref(), Some("2025年12月20日"));
        let layouts: Vec<Option<Layout>> = s.sections.iter().map(|x| x.layout).collect();
        assert_eq!(layouts, [Some(Layout::Subsection), Some(Layout::Point), Some(Layout::Measure)]);
        let first = &s.sections[0];
        assert_eq!(first.lead, ["全年开展检查5次。"]);
        assert_eq!(first.items[0].heading, "抓学习");
        assert_eq!(
            first.items[0].points,
            [("学原文".to_string(), "每月一次。".to_string()), ("谈体会".to_string(), "每季度一次。".to_string())]
        );
        assert_eq!(first.items[1].body, "按计划推进。");
        assert_eq!(s.sections[1].items[1].heading, "落实不够");
        assert_eq!(s.sections[2].items[0].body, "每月集中学习一次。");
    }

    #[test]
    fn labelled_paragraphs_of_sub_sections_are_item_fields() {
        let text = "一、整改情况\n（一）关于甲问题\n问题表现。\n整改措施：制定办法。\n整改进展：已完成。\n（二）关于乙问题\n问题表现。\n整改措施：开展自查。\n整改进展：正在推进。\n完成时限：年底前\n另有说明。";
        let s = read(text);
        let section = &s.sections[0];
        assert_eq!(section.fields, ["整改措施：", "整改进展：", "完成时限："]);
        assert_eq!(section.items[0].body, "问题表现。");
        assert_eq!(section.items[1].fields[2], ("完成时限：".to_string(), "年底前\n另有说明。".to_string()));
    }

    #[test]
    fn items_the_page_would_number_otherwise_stay_paragraphs() {
        // `（一）` then `（三）`: the page would print `（二）`.
        let s = read("一、情况\n（一）甲。乙。\n（三）丙。丁。");
        assert_eq!(s.sections[0].layout, None);
        assert_eq!(s.sections[0].lead, ["（一）甲。乙。", "（三）丙。丁。"]);
        // A point with no stop cannot be cut into topic and body.
        let s = read("一、问题\n一是学习不深\n二是落实不够。");
        assert_eq!(s.sections[0].layout, None);
    }

    #[test]
    fn only_the_next_number_opens_a_section() {
        let s = read("一、情况\n做了工作。\n三、问题\n二、打算\n附件\n一、明细");
        let headings: Vec<&str> = s.sections.iter().map(|x| x.heading.as_str()).collect();
        assert_eq!(headings, ["情况", "打算"]);
        assert_eq!(s.sections[0].lead, ["做了工作。", "三、问题"]);
        assert_eq!(s.sections[1].lead, ["附件", "一、明细"]);
    }

    #[test]
    fn a_personal_closing_formula_is_the_closing() {
        let s = read("各位领导、同志们：\n现将情况报告如下：\n一、履职情况\n做了工作。\n以上报告，请予评议。\n王丽\n2026年1月20日");
        assert_eq!(s.closing.as_deref(), Some("以上报告，请予评议。"));
        assert_eq!(s.signature, ["王丽"]);
    }
}
