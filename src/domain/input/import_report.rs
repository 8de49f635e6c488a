//! Importing last year's report: plain text (pasted, or a `.txt`) becomes a draft of the
//! template. Lines are classified by `import::split`; sections are matched in order, their
//! `（一）` headings, `一是……` points and paragraphs become items and points. Nothing is dropped:
//! whatever fits no part goes to `Draft::unplaced` ("未归类内容"), from which the clerk moves it.
use crate::domain::input::import::{split, LineKind};
use crate::domain::input::recognise::dice;
use crate::domain::input::title_figures::{from_title, matches_pattern};
use crate::domain::model::draft::{key, Draft, Field, Item};
use crate::domain::model::limits;
use crate::domain::model::numbering;
use crate::domain::model::pattern::slot_ids;
use crate::domain::model::template::{ItemLayout, Part, PartKind, SlotKind, Template};

/// Whether a text may be imported, decided before anything reads it (recognition included):
/// `Err` says why not, naming the bound.
pub fn importable(text: &str) -> Result<(), String> {
    if limits::more_chars_than(text, limits::MAX_IMPORT_CHARS) {
        return Err(format!(
            "这段文字超过了导入旧报告的上限 {}，不像是一份报告，没有识别也没有导入。现在的草稿没有改动。",
            limits::chars_words(limits::MAX_IMPORT_CHARS)
        ));
    }
    if text.trim().is_empty() {
        return Err("没有可导入的内容：请先粘贴旧报告全文。".into());
    }
    Ok(())
}

/// The draft a report's text gives (at most `MAX_IMPORT_CHARS` of it: see `importable`).
pub fn into_draft(template: &Template, text: &str) -> Draft {
    let mut d = Draft { template: template.id.clone(), ..Draft::default() };
    let sections: Vec<&str> = template.parts.iter().filter(|p| p.kind == PartKind::Section).map(|p| p.id.as_str()).collect();
    let part_of = |kind: PartKind| template.parts.iter().find(|p| p.kind == kind).map(|p| p.id.clone());
    // Where body lines go: before any section, into the opening; inside a section, into it.
    let mut section: Option<(String, ItemLayout)> = None;
    // A section without items (a lead paragraph only): where its paragraphs go.
    let mut lead_only: Option<String> = None;
    let mut seen_section = false;
    let mut after_closing = false;
    // The item field (`整改措施：……`) the last line went into, by key.
    let mut field: Option<String> = None;

    for line in split(text) {
        let t = line.text.trim();
        if !matches!(line.kind, LineKind::Body | LineKind::Blank) {
            field = None;
        }
        match line.kind {
            LineKind::Blank => {}
            LineKind::Title => {
                let figures = from_title(template, t);
                // The title prints from the pattern: one worded otherwise is kept aside too.
                if !matches_pattern(template, t) {
                    d.unplaced.push(t.to_string());
                }
                for (id, v) in figures {
                    d.carried.insert(id.clone(), v.clone());
                    d.set_slot(&id, v);
                }
            }
            LineKind::Addressee => place(&mut d, part_of(PartKind::Addressee), t),
            LineKind::Section(n) => {
                seen_section = true;
                let target = section_for(template, &sections, heading_text(t), n);
                section = target.and_then(|p| p.items.as_ref().map(|i| (p.id.clone(), i.layout)));
                lead_only = target.filter(|p| p.items.is_none()).map(|p| p.id.clone());
                // The template prints its own heading; one worded differently (`一、基本情况`) is
                // kept aside for the clerk to see, never dropped.
                let same_heading = target.is_some_and(|p| heading_text(t) == p.heading.trim());
                if target.is_none() || !same_heading {
                    d.unplaced.push(t.to_string());
                }
            }
            LineKind::SubHeading(_) => match &section {
                Some((id, layout)) if *layout != ItemLayout::Point => {
                    let (id, layout) = (id.clone(), *layout);
                    let rest = after_ordinal(t);
                    let item = new_item(&mut d, &id);
                    match layout {
                        // `（一）heading` on its own line; its paragraph follows.
                        ItemLayout::Subsection => set(&mut d, &key::item(&id, item, "heading"), rest.to_string()),
                        // `（一）heading。body` in one paragraph.
                        _ => {
                            let (h, b) = topic_and_body(rest);
                            set(&mut d, &key::item(&id, item, "heading"), h);
                            set(&mut d, &key::item(&id, item, "body"), b);
                        }
                    }
                }
                _ => d.unplaced.push(t.to_string()),
            },
            // After 特此报告: a short line is the 落款 (when `split` could not tell), the rest is kept aside.
            LineKind::Body if after_closing => {
                let signature = part_of(PartKind::Signature);
                let short = t.chars().count() <= 30 && !t.contains(['。', '：', ':']);
                if short && signature.as_ref().is_some_and(|id| d.text(id).trim().is_empty()) {
                    place(&mut d, signature, t);
                } else {
                    d.unplaced.push(t.to_string());
                }
            }
            LineKind::Body => match &section {
                None if !seen_section => {
                    place(&mut d, template.parts.iter().find(|p| p.kind == PartKind::Paragraph).map(|p| p.id.clone()), t)
                }
                None => match &lead_only {
                    Some(id) => append(&mut d, id, t),
                    None => d.unplaced.push(t.to_string()),
                },
                Some((id, layout)) => {
                    let (id, layout) = (id.clone(), *layout);
                    field = match field_line(template, &id, t) {
                        Some((f, rest)) => into_field(&mut d, &id, &f, rest),
                        // A paragraph after a field's line goes on in that field, until the next item.
                        None => match field.take() {
                            Some(key) if layout != ItemLayout::Point || strip_point_ordinal(t).is_none() => {
                                append(&mut d, &key, t);
                                Some(key)
                            }
                            _ => {
                                body_line(&mut d, &id, layout, t);
                                None
                            }
                        },
                    };
                }
            },
            LineKind::Closing => {
                after_closing = true;
                place(&mut d, part_of(PartKind::Closing), t);
            }
            LineKind::Signature => place(&mut d, part_of(PartKind::Signature), t),
            LineKind::Date => {
                let slot = date_slot(template);
                match slot.filter(|_| crate::domain::model::dates::parse(t).is_ok()) {
                    Some(id) => {
                        d.set_slot(&id, t.to_string());
                        d.carried.insert(id.clone(), t.to_string());
                        if let Some(part) = part_of(PartKind::Date) {
                            d.fields.insert(part, Field::Slotted { pattern: format!("{{{id}}}") });
                        }
                    }
                    None => place(&mut d, part_of(PartKind::Date), t),
                }
            }
        }
    }
    // Every section keeps at least one item to write in.
    for id in &sections {
        if d.items(id).is_empty() {
            d.add_item(template, id);
        }
    }
    crate::domain::model::bounds::fit(template, &mut d);
    d
}

/// The key figure the 成文日期 prints: the date slot its example names, else the first date slot.
fn date_slot(template: &Template) -> Option<String> {
    let is_date = |id: &str| template.slot(id).is_some_and(|s| s.kind == SlotKind::Date);
    let named = template.parts.iter().filter(|p| p.kind == PartKind::Date).flat_map(|p| slot_ids(&p.example)).find(|id| is_date(id));
    named.map(str::to_string).or_else(|| template.slots.iter().find(|s| s.kind == SlotKind::Date).map(|s| s.id.clone()))
}

/// A heading at least this close to a section's (bigram overlap) names that section.
const SAME_SECTION: f64 = 0.5;

/// The section an old `一、` heading opens: the one whose heading is closest, if close enough;
/// else the `n`th, as numbered.
fn section_for<'t>(template: &'t Template, sections: &[&str], heading: &str, n: usize) -> Option<&'t Part> {
    let closest = sections.iter().filter_map(|id| template.part(id)).map(|p| (dice(&p.heading, heading), p)).fold(
        None::<(f64, &Part)>,
        |best, (s, p)| match best {
            Some((b, _)) if b >= s => best,
            _ => Some((s, p)),
        },
    );
    match closest {
        Some((s, p)) if s >= SAME_SECTION => Some(p),
        _ => sections.get(n.saturating_sub(1)).and_then(|id| template.part(id)),
    }
}

/// `整改措施：已制定清单。` in a section whose items have a field led by `整改措施：`: that field's
/// id and the text after the lead. The lead counts with or without its colon being full-width.
fn field_line<'a>(template: &Template, section: &str, text: &'a str) -> Option<(String, &'a str)> {
    let spec = template.part(section)?.items.as_ref()?;
    spec.fields.iter().find_map(|f| {
        let name = f.lead.trim().trim_end_matches(['：', ':']);
        let rest = text.strip_prefix(name).filter(|_| !name.is_empty())?.strip_prefix(['：', ':'])?;
        Some((f.id.clone(), rest.trim()))
    })
}

/// Put a field's text into the section's last item (an item is made if there is none yet);
/// returns the field's key, where following paragraphs go on.
fn into_field(d: &mut Draft, section: &str, field: &str, text: &str) -> Option<String> {
    let item = match d.items(section).last() {
        Some(i) => i.id,
        None => new_item(d, section),
    };
    let key = key::item(section, item, field);
    append(d, &key, text);
    Some(key)
}

/// Put a line into a simple part; if the part already has text (or there is no such part), the
/// line goes to the unplaced list instead of overwriting anything.
fn place(d: &mut Draft, part: Option<String>, text: &str) {
    match part {
        Some(id) if d.text(&id).trim().is_empty() => set(d, &id, text.to_string()),
        _ => d.unplaced.push(text.to_string()),
    }
}

fn set(d: &mut Draft, key: &str, text: String) {
    d.set_text(key, text);
}

fn new_item(d: &mut Draft, section: &str) -> u64 {
    d.next_id += 1;
    let id = d.next_id;
    d.sections.entry(section.to_string()).or_default().push(Item { id, points: Vec::new(), answers: Vec::new() });
    id
}

/// A body line inside a section.
fn body_line(d: &mut Draft, section: &str, layout: ItemLayout, text: &str) {
    let last = d.items(section).last().map(|i| i.id);
    match (layout, last) {
        // Before any item: the section's lead paragraph.
        (ItemLayout::Subsection | ItemLayout::Measure, None) => append(d, section, text),
        // A sub-section's paragraph: its own lead, then `一是……二是……` points.
        (ItemLayout::Subsection, Some(item)) => {
            let (lead, points) = split_points(text);
            if !lead.is_empty() {
                // Text before this paragraph's first point follows what came last: the item's
                // last point if it has one (keeping the order), else the item's own body.
                // `item` is the section's last item.
                let last_point = d.items(section).last().and_then(|i| i.points.last().copied());
                let target = match last_point {
                    Some(p) => key::point(section, item, p, "body"),
                    None => key::item(section, item, "body"),
                };
                append(d, &target, &lead);
            }
            for (topic, body) in points {
                d.next_id += 1;
                let p = d.next_id;
                if let Some(it) = d.sections.get_mut(section).and_then(|v| v.last_mut()).filter(|i| i.id == item) {
                    it.points.push(p);
                }
                set(d, &key::point(section, item, p, "topic"), topic);
                set(d, &key::point(section, item, p, "body"), body);
            }
        }
        (ItemLayout::Measure, Some(item)) => append(d, &key::item(section, item, "body"), text),
        // Problems: each `一是……` paragraph is an item; other lines lead or continue one.
        (ItemLayout::Point, _) => match strip_point_ordinal(text) {
            Some(rest) => {
                let item = new_item(d, section);
                let (h, b) = topic_and_body(rest);
                set(d, &key::item(section, item, "heading"), h);
                set(d, &key::item(section, item, "body"), b);
            }
            None => match last {
                None => append(d, section, text),
                Some(item) => append(d, &key::item(section, item, "body"), text),
            },
        },
    }
}

/// Add a paragraph to a field, after what it holds: in place, so that a field of many lines
/// costs its length once (copying it for every line made an import quadratic).
fn append(d: &mut Draft, key: &str, text: &str) {
    if let Some(Field::Free { text: old }) = d.fields.get_mut(key) {
        if old.trim().is_empty() {
            *old = text.to_string();
        } else {
            old.push('\n');
            old.push_str(text);
        }
        return;
    }
    let old = d.text(key);
    let new = if old.trim().is_empty() { text.to_string() } else { format!("{old}\n{text}") };
    set(d, key, new);
}

/// `（一）牢牢把握总体要求。…` → `牢牢把握总体要求。…`
/// `一、总体情况` → `总体情况` (also after `一.` or `一．`), without a closing stop.
fn heading_text(t: &str) -> &str {
    let rest = t.split_once(['、', '.', '．']).map_or(t, |(_, h)| h);
    rest.trim().trim_end_matches(['。', '：', ':']).trim()
}

fn after_ordinal(t: &str) -> &str {
    t.find(['）', ')']).map_or(t, |i| t[i..].trim_start_matches(['）', ')']))
}

/// The topic sentence (without its 。) and the rest.
fn topic_and_body(text: &str) -> (String, String) {
    match text.split_once('。') {
        // No topic before the stop (`一是。……`): all of it is body, so the stop is kept.
        // A topic already ending in a stop (`廄：。`) is printed without an added 。, so the
        // 。 stays with the body.
        Some((topic, body)) if topic.trim_end().ends_with(['。', '！', '？', '；', '：']) => (topic.to_string(), format!("。{body}")),
        Some((topic, body)) if !topic.trim().is_empty() => (topic.to_string(), body.to_string()),
        Some(_) => (String::new(), text.to_string()),
        None => (text.to_string(), String::new()),
    }
}

/// `一是……` at the start of a paragraph → the text after `一是`.
fn strip_point_ordinal(text: &str) -> Option<&str> {
    (1..=20).find_map(|n| text.strip_prefix(numbering::point(n).as_str()))
}

/// Cut a paragraph into its lead and `一是……二是……` points. An ordinal counts only at the
/// start or after a sentence ends (so `统一是前提` is not a point).
fn split_points(text: &str) -> (String, Vec<(String, String)>) {
    let mut cuts = Vec::new();
    let mut from = 0;
    for n in 1..=20 {
        let mark = numbering::point(n);
        let found = text[from..]
            .match_indices(mark.as_str())
            .map(|(i, _)| from + i)
            .find(|&i| i == 0 || text[..i].ends_with(['。', '；', '！', '？', '：']));
        match found {
            Some(i) => {
                cuts.push((i, mark.len()));
                from = i + mark.len();
            }
            None => break,
        }
    }
    let Some(&(first, _)) = cuts.first() else { return (text.to_string(), Vec::new()) };
    let mut points = Vec::new();
    for (k, &(at, len)) in cuts.iter().enumerate() {
        let end = cuts.get(k + 1).map_or(text.len(), |c| c.0);
        points.push(topic_and_body(&text[at + len..end]));
    }
    (text[..first].to_string(), points)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::template::xuanren;
    use crate::domain::output::render::plain_text;

    const SEED: &str = include_str!("../../../tests/fixtures/seed-report.txt");

    #[test]
    fn the_rendered_example_imports_back_to_the_same_report() {
        let t = xuanren();
        let text = plain_text(&t, &Draft::example(&t));
        let d = into_draft(&t, &text);
        assert_eq!(d.unplaced, Vec::<String>::new());
        assert_eq!(plain_text(&t, &d), text);
    }

    #[test]
    fn the_seed_imports_with_nothing_dropped_and_its_masks_light_up() {
        let t = xuanren();
        let d = into_draft(&t, SEED);
        let rendered = plain_text(&t, &d);
        // Every line of the seed is in the draft's text or in the unplaced list.
        for line in SEED.lines().filter(|l| !l.trim().is_empty()) {
            let kept = rendered.lines().any(|r| r == line) || d.unplaced.iter().any(|u| u == line);
            assert!(kept, "lost: {line}");
        }
        assert_eq!(d.items("overview").len(), 4);
        assert_eq!(d.items("overview")[0].points.len(), 5);
        assert_eq!(d.items("problems").len(), 3);
        assert_eq!(d.items("measures").len(), 3);
        let masks = crate::domain::check::check_draft(&t, &d).into_iter().filter(|f| f.finding.rule == "placeholder").count();
        assert_eq!(masks, 8, "the seed's eight masks are flagged at once");
    }

    #[test]
    fn a_topic_and_its_body_keep_every_character() {
        let cases = [
            ("加强学习。每月一次", ("加强学习", "每月一次")),
            ("。每月一次", ("", "。每月一次")),
            ("要求如下：。", ("要求如下：", "。")),
            ("没有句号", ("没有句号", "")),
        ];
        for (text, (topic, body)) in cases {
            assert_eq!(topic_and_body(text), (topic.to_string(), body.to_string()), "{text}");
        }
    }

    #[test]
    fn a_section_heading_worded_otherwise_is_kept_aside() {
        let t = xuanren();
        let d = into_draft(&t, "一、总体情况\n正文一\n二、存在的问题和不足\n正文二\n一、怔");
        assert_eq!(d.unplaced, vec!["二、存在的问题和不足", "一、怔"]);
        let d = into_draft(&t, "一、总体情况：\n二．存在的主要问题");
        assert_eq!(d.unplaced, Vec::<String>::new());
    }

    #[test]
    fn what_fits_nowhere_is_kept_aside() {
        let t = xuanren();
        let d = into_draft(
            &t,
            "市委巡察组：\n现将情况报告如下：\n又一段开头\n五、多出来的一节\n多出来的正文\n特此报告。\n党工委\n2024年3月5日\n附件：名单",
        );
        assert_eq!(d.text("addressee"), "市委巡察组：");
        assert_eq!(d.text("opening"), "现将情况报告如下：");
        assert_eq!(d.unplaced, vec!["又一段开头", "五、多出来的一节", "多出来的正文", "附件：名单"]);
        assert_eq!(d.text("date"), "2024年3月5日");
    }

    #[test]
    fn a_paragraph_split_in_two_keeps_its_order() {
        // Found by fuzzing: a sub-section's paragraph broken by a line break in the middle of
        // a point used to put the second half's lead before the first half's points.
        let t = xuanren();
        let text = "一、总体情况\n（一）强组织\n党工委高度重视。一是强化建设。制定制度，\n纪实过程由书记把关。二是集体讨论。充分酝酿。";
        let d = into_draft(&t, text);
        let rendered = plain_text(&t, &d);
        assert!(rendered.contains("党工委高度重视。一是强化建设。制定制度，\n纪实过程由书记把关。二是集体讨论。充分酝酿。"), "{rendered}");
    }

    #[test]
    fn the_title_and_date_figures_are_carried_and_remembered() {
        let t = xuanren();
        let d = into_draft(
            &t,
            "关于市财政局党组领导班子2023年以来选人用人工作情况的报告\n市委第二巡察组：\n特此报告。\n市财政局党组\n2024年3月5日",
        );
        assert_eq!(d.slots.get("unit").map(String::as_str), Some("市财政局党组"));
        assert_eq!(d.slots.get("start_year").map(String::as_str), Some("2023"));
        assert_eq!(d.text("date"), "2024年3月5日");
        let carried: Vec<(&str, &str)> = d.carried.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        assert_eq!(carried, [("date", "2024年3月5日"), ("start_year", "2023"), ("unit", "市财政局党组")]);
        // The title matched word for word: nothing of it is kept aside.
        assert_eq!(d.unplaced, Vec::<String>::new());
    }

    #[test]
    fn a_title_worded_otherwise_gives_its_figures_and_is_kept_aside() {
        let t = xuanren();
        let title = "关于市审计局党组领导班子2021年以来干部选拔任用工作情况的报告";
        let d = into_draft(&t, &format!("{title}\n市委巡察组："));
        assert_eq!(d.slots.get("unit").map(String::as_str), Some("市审计局党组"));
        assert_eq!(d.slots.get("start_year").map(String::as_str), Some("2021"));
        assert_eq!(d.unplaced, vec![title]);
    }

    #[test]
    fn a_section_is_found_by_its_heading_not_only_its_number() {
        let t = xuanren();
        // The old report put its problems first.
        let d = into_draft(&t, "一、存在的主要问题\n一是学习不够。\n二是培养不够。\n二、总体情况\n（一）强组织\n正文");
        assert_eq!(d.items("problems").len(), 2);
        assert_eq!(d.text(&key::item("overview", d.items("overview")[0].id, "heading")), "强组织");
    }
    #[test]
    fn points_start_only_after_a_sentence_ends() {
        let (lead, points) = split_points("思想统一是前提。一是强化学习。学了。二是抓落实。");
        assert_eq!(lead, "思想统一是前提。");
        assert_eq!(points, vec![("强化学习".into(), "学了。".into()), ("抓落实".into(), String::new())]);
    }

    #[test]
    fn items_and_boxes_beyond_the_bounds_are_kept_aside_not_dropped() {
        let t = xuanren();
        let mut text = String::from("一、总体情况\n");
        // A lead of 30 paragraphs of 1,000 characters: more than one box holds.
        for i in 0..30 {
            text.push_str(&format!("第{i}段{}\n", "情".repeat(1000)));
        }
        text.push_str("二、存在的主要问题\n");
        for i in 0..20 {
            text.push_str(&format!("一是问题{i}。正文{i}。\n"));
        }
        let d = into_draft(&t, &text);
        assert_eq!(d.items("problems").len(), 8, "the template's max");
        assert!(d.text("overview").chars().count() <= limits::MAX_FIELD_CHARS);
        let rendered = plain_text(&t, &d);
        for line in text.lines().skip(1).filter(|l| !l.starts_with("二、")) {
            let line = line.strip_prefix("一是").unwrap_or(line);
            let kept = rendered.contains(line) || d.unplaced.iter().any(|u| u.contains(line) || line.contains(u.as_str()) && !u.is_empty());
            assert!(kept, "lost: {}", line.chars().take(20).collect::<String>());
        }
        assert!(d.unplaced.iter().any(|u| u.contains("问题19")), "{:?}", d.unplaced);
        assert!(d.unplaced.iter().any(|u| u.starts_with("第29段")));
    }

    #[test]
    fn importable_names_the_bound_before_reading() {
        assert!(importable("一、总体情况").is_ok());
        assert!(importable("  \n").unwrap_err().contains("没有可导入的内容"));
        let long = "字".repeat(limits::MAX_IMPORT_CHARS + 1);
        let why = importable(&long).unwrap_err();
        assert!(why.contains("20 万字") && why.ends_with('。'), "{why}");
        assert!(importable(&"字".repeat(limits::MAX_IMPORT_CHARS)).is_ok());
    }
}
