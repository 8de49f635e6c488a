//! Every built-in report type (iterated from the registry, so a template added to
//! `templates/` is covered without touching this file): its example renders and checks with
//! no error and no warning, as a draft and as the plain text `gongwen check --template` reads;
//! every part, item, point, item field and key figure has a hint and an example; the examples
//! are in the clerk's unit (no hard-coded 党工委, and with the clerk's own names typed none of the
//! example names is left); and each relation between key figures holds
//! on the example and is reported when broken. The worked example of `templates/README.md` is
//! held to the same.
#[path = "common/title_fit.rs"]
mod title_fit;
use title_fit::assert_title_lines_fit;

use gongwen::domain::check::report_type::{check_as, Expect};
use gongwen::domain::check::{check_draft, Context, Severity};
use gongwen::domain::model::builtin;
use gongwen::domain::model::draft::Draft;
use gongwen::domain::model::pattern::slot_ids;
use gongwen::domain::model::template::{PartKind, Relation, Template};
use gongwen::domain::output::render::{plain_text, title};

fn builtins() -> Vec<Template> {
    assert!(builtin::INDEX.len() >= 5, "the four new report types are built in");
    builtin::INDEX
        .iter()
        .map(|e| match builtin::load(e.id) {
            Some(Ok(t)) => t,
            Some(Err(err)) => panic!("文件 {}：{err}", e.file),
            None => panic!("{} is not embedded natively", e.id),
        })
        .collect()
}

/// The errors and warnings (not hints) of a draft, as `key rule message` lines.
fn serious(t: &Template, d: &Draft) -> Vec<String> {
    check_draft(t, d)
        .into_iter()
        .filter(|f| f.finding.severity != Severity::Hint)
        .map(|f| format!("{} {} {}", f.key, f.finding.rule, f.finding.message))
        .collect()
}

/// The example of `t` renders with every part and checks clean.
fn example_is_clean(t: &Template) {
    let d = Draft::example(t);
    let text = plain_text(t, &d);
    assert!(text.starts_with(&title(t, &d)), "{}: {text}", t.id);
    assert!(!text.contains('{') && !text.contains('＿'), "{}: a key figure left unfilled: {text}", t.id);
    for p in &t.parts {
        if let Some(items) = &p.items {
            assert!(text.contains(&p.heading), "{}: no heading {}", t.id, p.heading);
            for f in &items.fields {
                let shown = items.examples.iter().any(|ex| ex.fields.get(&f.id).is_some_and(|v| !v.trim().is_empty()));
                if shown && !f.lead.is_empty() {
                    assert!(text.contains(&f.lead), "{}: item field {} not printed: {text}", t.id, f.id);
                }
            }
        }
    }
    assert_eq!(serious(t, &d), Vec::<String>::new(), "{}: the example draft has findings", t.id);
    // As a text file checked as its type (`gongwen check --template`).
    let found: Vec<String> = check_as(&text, &Context::default(), &Expect::of(t))
        .into_iter()
        .filter(|f| f.finding.severity != Severity::Hint)
        .map(|f| format!("line {} {} {}", f.line + 1, f.finding.rule, f.finding.message))
        .collect();
    assert_eq!(found, Vec::<String>::new(), "{}: the example as text has findings:\n{text}", t.id);
}

#[test]
fn every_example_renders_and_checks_with_no_error_and_no_warning() {
    for t in builtins() {
        example_is_clean(&t);
    }
}

/// Every text an example may hold `{slot}`s in: (where, text).
fn example_texts(t: &Template) -> Vec<(String, String)> {
    let mut out = vec![("title".to_string(), t.title.clone())];
    for p in &t.parts {
        out.push((p.id.clone(), p.example.clone()));
        for (i, ex) in p.items.iter().flat_map(|items| items.examples.iter()).enumerate() {
            let at = format!("{}.examples[{i}]", p.id);
            out.push((at.clone(), ex.heading.clone()));
            out.push((at.clone(), ex.body.clone()));
            for pt in &ex.points {
                out.push((at.clone(), pt.topic.clone()));
                out.push((at.clone(), pt.body.clone()));
            }
            for (id, text) in &ex.fields {
                out.push((format!("{at}.fields.{id}"), text.clone()));
            }
        }
    }
    out
}

fn everything_is_guided(t: &Template) {
    let id = &t.id;
    assert!(t.summary.chars().count() >= 10, "{id}: no summary for the gallery");
    for s in &t.slots {
        assert!(!s.label.trim().is_empty(), "{id}: slot {} has no label", s.id);
        assert!(s.hint.chars().count() >= 6, "{id}: slot {} has no useful hint", s.id);
        assert!(!s.example.trim().is_empty(), "{id}: slot {} has no example", s.id);
    }
    let texts = example_texts(t);
    for s in &t.slots {
        let used = texts.iter().any(|(_, text)| slot_ids(text).contains(&s.id.as_str()));
        assert!(used, "{id}: slot {} appears in no example and not in the title", s.id);
    }
    for p in &t.parts {
        assert!(!p.label.trim().is_empty(), "{id}: {} has no label", p.id);
        assert!(p.hint.chars().count() >= 10, "{id}: {} has no useful hint", p.id);
        assert!(!p.example.trim().is_empty(), "{id}: {} has no example", p.id);
        if p.kind == PartKind::Section {
            assert!(!p.heading.trim().is_empty(), "{id}: section {} has no heading", p.id);
        }
        let Some(items) = &p.items else { continue };
        assert!(items.heading_hint.chars().count() >= 8, "{id}: {} items have no heading hint", p.id);
        assert!(items.body_hint.chars().count() >= 4, "{id}: {} items have no body hint", p.id);
        assert!(!items.examples.is_empty() && items.examples.len() >= items.min, "{id}: {} has too few examples", p.id);
        for (i, ex) in items.examples.iter().enumerate() {
            assert!(!ex.heading.trim().is_empty(), "{id}: {}.examples[{i}] has no heading", p.id);
        }
        if let Some(points) = &items.points {
            assert!(points.topic_hint.chars().count() >= 8 && points.body_hint.chars().count() >= 8, "{id}: {} points unguided", p.id);
            assert!(items.examples.iter().any(|ex| !ex.points.is_empty()), "{id}: {} has no example point", p.id);
        }
        if items.answers.is_some() {
            assert!(items.answers_hint.chars().count() >= 8, "{id}: {} has no answers hint", p.id);
        }
        for f in &items.fields {
            assert!(!f.label.trim().is_empty(), "{id}: {}.{} has no label", p.id, f.id);
            assert!(f.hint.chars().count() >= 8, "{id}: {}.{} has no useful hint", p.id, f.id);
            let shown = items.examples.iter().any(|ex| ex.fields.get(&f.id).is_some_and(|v| !v.trim().is_empty()));
            assert!(shown, "{id}: no example of {} shows its {}", p.id, f.id);
        }
    }
}

#[test]
fn every_part_item_point_field_and_figure_has_a_hint_and_an_example() {
    for t in builtins() {
        everything_is_guided(&t);
    }
}

/// No example hard-codes a unit: it says `{unit}` (issue #14: the examples are in the clerk's
/// unit). The slots' own example values may name one.
#[test]
fn examples_name_the_clerks_unit_not_a_fixed_one() {
    for t in builtins() {
        let unit = t.slot("unit").map(|s| s.example.clone()).unwrap_or_default();
        for (at, text) in example_texts(&t) {
            assert!(!text.contains("党工委"), "{}: {at} hard-codes 党工委: {text}", t.id);
            assert!(unit.is_empty() || !text.contains(&unit), "{}: {at} hard-codes {unit}: {text}", t.id);
        }
    }
}

/// A figure one step away from what the relation wants.
fn off_by_one(value: &str) -> String {
    let v: f64 = value.trim_end_matches('%').parse().unwrap_or_else(|_| panic!("example figure {value} is not Arabic"));
    format!("{}", v + 1.0)
}

/// Each relation holds on the example (no warning above), and breaking it — the first figure
/// one more than it should be — gives a warning naming another figure of the relation.
fn relations_are_live(t: &Template) {
    let example = Draft::example(t);
    for (i, r) in t.relations.iter().enumerate() {
        let (broken, other) = match r {
            Relation::Sum { total, of } => (total, &of[0]),
            Relation::Rate { rate, part, .. } => (rate, part),
            Relation::YearAfter { slot, of } => (slot, of),
        };
        let label = |id: &str| t.slot(id).map(|s| s.label.clone()).unwrap_or_else(|| panic!("{}: no slot {id}", t.id));
        let mut d = example.clone();
        let value = d.slots.get(broken.as_str()).cloned().unwrap_or_default();
        d.set_slot(broken, off_by_one(&value));
        let before = serious(t, &example);
        let after: Vec<String> = serious(t, &d).into_iter().filter(|f| !before.contains(f)).collect();
        assert!(
            after.iter().any(|f| f.contains(&label(broken)) && f.contains(&label(other))),
            "{}: relations[{i}] broken ({broken} = {}) is not reported: {after:?}",
            t.id,
            off_by_one(&value)
        );
    }
}

#[test]
fn relations_hold_on_every_example_and_are_reported_when_broken() {
    let all = builtins();
    assert!(all.iter().any(|t| !t.relations.is_empty()), "some built-in template has relations");
    for t in &all {
        relations_are_live(t);
    }
}

const README: &str = include_str!("../templates/README.md");

/// The README's ```json blocks (the index example first, the worked example last).
fn readme_blocks() -> Vec<&'static str> {
    README.split("```json\n").skip(1).filter_map(|b| b.split("```").next()).collect()
}

#[test]
fn the_readmes_worked_example_is_a_clean_template_and_its_index_entry_matches() {
    let blocks = readme_blocks();
    let worked = blocks.last().copied().unwrap_or_default();
    let t = Template::from_json(worked).unwrap_or_else(|e| panic!("templates/README.md 的例子：{e}"));
    example_is_clean(&t);
    everything_is_guided(&t);
    relations_are_live(&t);
    // The index example lists it as the worked example says.
    let index: serde_json::Value = serde_json::from_str(blocks[0]).unwrap_or_else(|e| panic!("index example: {e}"));
    let entry = index["templates"].as_array().and_then(|a| a.iter().find(|e| e["id"] == t.id.as_str()));
    let entry = entry.unwrap_or_else(|| panic!("the README's index example does not list {}", t.id));
    assert_eq!(entry["name"], t.name.as_str());
    assert_eq!(entry["summary"], t.summary.as_str());
    assert_eq!(entry["genre"], "report");
    let labels: Vec<&str> = t.parts.iter().map(|p| p.label.as_str()).collect();
    assert_eq!(entry["parts"], serde_json::json!(labels));
    // The built-in types it lists are listed as the built-in index has them.
    for listed in index["templates"].as_array().into_iter().flatten() {
        let Some(e) = listed["id"].as_str().and_then(builtin::entry) else { continue };
        assert_eq!(
            (listed["name"].as_str(), listed["summary"].as_str(), listed["file"].as_str()),
            (Some(e.name), Some(e.summary), Some(e.file)),
            "{}",
            e.id
        );
        assert_eq!(listed["parts"], serde_json::json!(e.parts), "{}", e.id);
    }
}

/// 填入示例 in the clerk's own unit: with every name-like key figure typed (unit, superior,
/// person, place), the example shows none of the template's own example names — each comes
/// from its slot, none is written into a sentence.
#[test]
fn the_example_in_the_clerks_unit_keeps_no_example_name() {
    use gongwen::domain::model::template::SlotKind;
    for t in builtins() {
        let names: Vec<_> = t.slots.iter().filter(|s| matches!(s.kind, SlotKind::Text | SlotKind::Name | SlotKind::Place)).collect();
        let typed: std::collections::BTreeMap<String, String> = names.iter().map(|s| (s.id.clone(), format!("〈{}〉", s.id))).collect();
        let text = plain_text(&t, &Draft::example_in(&t, &typed));
        for s in &names {
            assert!(text.contains(&typed[&s.id]), "{}: {} typed is not shown", t.id, s.id);
            if s.example.chars().count() >= 2 {
                assert!(!text.contains(&s.example), "{}: the example {} “{}” is written into a sentence:\n{text}", t.id, s.id, s.example);
            }
        }
    }
}

/// Each built-in example as the Word file the page downloads: every paragraph of the report
/// (item fields included) is in `word/document.xml`, in order, read back with roxmltree.
#[test]
fn every_example_makes_its_word_file() {
    use gongwen::domain::output::docx::docx_bytes;
    use gongwen::domain::output::render::paragraphs;
    use std::io::Read;
    for t in builtins() {
        let d = Draft::example(&t);
        let bytes = docx_bytes(&t, &d).unwrap_or_else(|e| panic!("{}: {e:?}", t.id));
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap_or_else(|e| panic!("{}: not a zip: {e}", t.id));
        let mut xml = String::new();
        zip.by_name("word/document.xml")
            .unwrap_or_else(|e| panic!("{}: no document.xml: {e}", t.id))
            .read_to_string(&mut xml)
            .unwrap_or_else(|e| panic!("{e}"));
        let doc = roxmltree::Document::parse(&xml).unwrap_or_else(|e| panic!("{}: {e}", t.id));
        // The text of each w:p, its runs joined.
        let word: Vec<String> = doc
            .descendants()
            .filter(|n| n.has_tag_name("p"))
            .map(|p| p.descendants().filter(|n| n.has_tag_name("t")).filter_map(|n| n.text()).collect())
            .filter(|s: &String| !s.is_empty())
            .collect();
        let report: Vec<String> = paragraphs(&t, &d).into_iter().map(|p| p.text).collect();
        assert_eq!(word, report, "{}: the Word file's paragraphs", t.id);
    }
}

/// Every built-in title fits its lines (GB/T 9704 §7.3.1: a long title breaks between words):
/// with the example's figures and with a unit's name of 17 characters, each line the template's
/// break points give holds at most 20 characters of 2号 (a figure counted 0.6), so none wraps
/// inside a word.
#[test]
fn every_title_breaks_into_lines_that_fit() {
    for t in builtins() {
        assert_title_lines_fit(&t, &t.id);
    }
}
