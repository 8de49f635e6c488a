//! The four report types of issue #14's second half, as the built-in templates describe them:
//! 意识形态工作责任制落实情况报告 (an upward 报告), 述责述廉报告 and 党组织书记抓基层党建工作述职报告
//! (personal: first person, no 主送, 请予评议, signed by name), 年度干部选拔任用工作情况报告
//! (meeting material, read out at the 全委会 or 干部大会 and evaluated). For each: it is built in
//! and loads, every field guides the clerk, its example renders (text and Word file) to a report the checks pass (no
//! error, no warning), the example's figures agree with the template's relations, and the
//! examples speak of the clerk's own unit and person, never of the example's.
use std::collections::BTreeMap;

use gongwen::domain::check::document::{check_document, check_document_as};
use gongwen::domain::check::relations::{RATE, SUM, YEAR};
use gongwen::domain::check::{check_draft, Context, Severity};
use gongwen::domain::model::builtin;
use gongwen::domain::model::draft::Draft;
use gongwen::domain::model::template::{Genre, PartKind, Relation, Template};
use gongwen::domain::output::docx::docx_bytes;
use gongwen::domain::output::render::{paragraphs, plain_text};

/// (id, file, genre, number of relations)
const TYPES: [(&str, &str, Genre, usize); 4] = [
    ("ideology-responsibility", "ideology.json", Genre::Report, 0),
    ("duty-integrity", "duty-integrity.json", Genre::Personal, 2),
    ("party-building-debrief", "party-building.json", Genre::Personal, 3),
    ("cadre-selection-annual", "cadre-selection.json", Genre::Meeting, 5),
];

fn templates() -> Vec<(&'static str, Template)> {
    TYPES
        .iter()
        .map(|&(id, file, genre, relations)| {
            let entry = builtin::entry(id).unwrap_or_else(|| panic!("{file} is not built in"));
            assert_eq!((entry.file, entry.genre), (file, genre));
            let t = match builtin::load(id) {
                Some(Ok(t)) => t,
                Some(Err(e)) => panic!("文件 {file}：{e}"),
                None => panic!("{file} is not embedded natively"),
            };
            assert_eq!((t.genre, t.relations.len()), (genre, relations), "{file}");
            (file, t)
        })
        .collect()
}

#[test]
fn every_field_has_a_hint_and_an_example() {
    for (file, t) in templates() {
        assert!(t.summary.chars().count() >= 10, "{file}: no gallery line");
        for s in &t.slots {
            assert!(s.hint.chars().count() >= 6, "{file}: slot {} has no useful hint", s.id);
            assert!(!s.example.trim().is_empty(), "{file}: slot {} has no example", s.id);
        }
        for p in &t.parts {
            assert!(!p.label.trim().is_empty(), "{file}: {} has no label", p.id);
            assert!(p.hint.chars().count() >= 10, "{file}: {} has no useful hint", p.id);
            assert!(!p.example.trim().is_empty(), "{file}: {} has no example", p.id);
            let Some(items) = &p.items else { continue };
            assert!(items.heading_hint.chars().count() >= 8, "{file}: {} items have no heading hint", p.id);
            assert!(items.body_hint.chars().count() >= 4, "{file}: {} items have no body hint", p.id);
            assert!(items.examples.len() >= items.min.max(2), "{file}: {} has too few examples", p.id);
            for ex in &items.examples {
                assert!(!ex.heading.trim().is_empty(), "{file}: {} has an example without heading", p.id);
                assert!(!ex.body.trim().is_empty() || !ex.points.is_empty(), "{file}: {} example “{}” is empty", p.id, ex.heading);
                for f in items.fields.iter().filter(|f| f.required) {
                    assert!(
                        ex.fields.get(&f.id).is_some_and(|v| !v.trim().is_empty()),
                        "{file}: {} example “{}” lacks {}",
                        p.id,
                        ex.heading,
                        f.id
                    );
                }
            }
            for f in &items.fields {
                assert!(f.hint.chars().count() >= 6, "{file}: {} field {} has no useful hint", p.id, f.id);
            }
            if items.answers.is_some() {
                assert!(items.answers_hint.chars().count() >= 8, "{file}: {}", p.id);
                assert!(items.examples.iter().all(|ex| !ex.answers.is_empty()), "{file}: an example of {} answers nothing", p.id);
            }
            if let Some(points) = &items.points {
                assert!(points.topic_hint.chars().count() >= 8 && points.body_hint.chars().count() >= 8, "{file}: {}", p.id);
                for ex in &items.examples {
                    assert!(!ex.points.is_empty(), "{file}: {} example “{}” has no points", p.id, ex.heading);
                    for pt in &ex.points {
                        assert!(!pt.topic.trim().is_empty() && !pt.body.trim().is_empty(), "{file}: {}", p.id);
                    }
                }
            }
        }
    }
}

#[test]
fn each_example_renders_and_passes_the_checks() {
    for (file, t) in templates() {
        let d = Draft::example(&t);
        let text = plain_text(&t, &d);
        assert!(!text.contains('＿'), "{file}: a figure is left empty:\n{text}");
        // Every part of the template is in the finished text.
        let parts: Vec<String> = paragraphs(&t, &d).into_iter().map(|p| p.part).collect();
        for p in &t.parts {
            assert!(parts.contains(&p.id), "{file}: {} is not in the example's text", p.id);
        }
        let serious: Vec<String> = check_draft(&t, &d)
            .into_iter()
            .filter(|f| f.finding.severity != Severity::Hint)
            .map(|f| format!("{} {} {} “{}”", f.key, f.finding.rule, f.finding.message, f.finding.text))
            .collect();
        assert!(serious.is_empty(), "{file}: the example draft has findings:\n{}", serious.join("\n"));
        // The downloaded text, checked as `gongwen check` checks a file: as any text (its genre
        // guessed) and as this report type.
        let serious: Vec<String> = check_document(&text)
            .into_iter()
            .chain(check_document_as(&text, &Context::default(), Some(t.genre)))
            .filter(|f| f.finding.severity != Severity::Hint)
            .map(|f| format!("line {}: {} {}", f.line + 1, f.finding.rule, f.finding.message))
            .collect();
        assert!(serious.is_empty(), "{file}: the example's text has findings:\n{}", serious.join("\n"));
        // And the Word file is made.
        let docx = docx_bytes(&t, &d).unwrap_or_else(|e| panic!("{file}: {e:?}"));
        assert!(docx.starts_with(b"PK") && docx.len() > 4000, "{file}");
    }
}

/// The example figures agree with each relation, computed here from the examples as written.
#[test]
fn the_example_figures_agree_with_the_relations() {
    for (file, t) in templates() {
        let value = |id: &str| -> f64 {
            let s = t.slot(id).unwrap_or_else(|| panic!("{file}: {id}"));
            s.example.trim_end_matches('%').parse().unwrap_or_else(|_| panic!("{file}: {id} is no number"))
        };
        for r in &t.relations {
            match r {
                Relation::Sum { total, of } => {
                    assert_eq!(value(total), of.iter().map(|s| value(s)).sum::<f64>(), "{file}: {r:?}");
                }
                Relation::Rate { rate, part, whole } => {
                    let exact = value(part) / value(whole) * 100.0;
                    assert!((value(rate) - exact).abs() < 0.05, "{file}: {r:?}: {exact:.2}");
                }
                Relation::YearAfter { slot, of } => assert_eq!(value(slot), value(of) + 1.0, "{file}: {r:?}"),
            }
        }
    }
}

/// Each relation is live on the example: a total, rate or later year typed one off is reported
/// as a warning naming the figure (a total shared by rates trips those too), and nothing else.
#[test]
fn a_figure_that_does_not_agree_is_reported() {
    for (file, t) in templates() {
        for r in &t.relations {
            let (slot, rule) = match r {
                Relation::Sum { total, .. } => (total, SUM),
                Relation::Rate { rate, .. } => (rate, RATE),
                Relation::YearAfter { slot, .. } => (slot, YEAR),
            };
            let mut d = Draft::example(&t);
            let typed: f64 = d.slots[slot].parse().unwrap();
            d.slots.insert(slot.clone(), format!("{}", typed + if rule == RATE { 5.0 } else { 1.0 }));
            let fired: Vec<_> = check_draft(&t, &d).into_iter().filter(|f| f.finding.severity != Severity::Hint).collect();
            let label = &t.slot(slot).unwrap().label;
            let named = |f: &gongwen::domain::check::FieldFinding| f.finding.rule == rule && f.finding.message.contains(label.as_str());
            assert!(fired.iter().any(named), "{file}: {slot} one off: {fired:?}");
            // Nothing else: only relations (others naming the same figure may fire too), all warnings.
            assert!(
                fired.iter().all(|f| [SUM, RATE, YEAR].contains(&f.finding.rule) && f.finding.severity == Severity::Warning),
                "{file}: {fired:?}"
            );
        }
    }
}

/// The genre shows in the parts: an upward 报告 has a required 主送 and 特此报告; a personal
/// report and meeting material have at most a 称呼 (not required) and end 请予评议; a personal
/// report is signed with the speaker's name and speaks in the first person.
#[test]
fn each_genre_has_its_opening_closing_and_signature() {
    for (file, t) in templates() {
        let part = |kind: PartKind| t.parts.iter().find(|p| p.kind == kind).unwrap_or_else(|| panic!("{file}: {kind:?}"));
        let (addressee, closing, signature) = (part(PartKind::Addressee), part(PartKind::Closing), part(PartKind::Signature));
        assert!(addressee.example.ends_with('：'), "{file}");
        match t.genre {
            Genre::Report => {
                assert!(addressee.required, "{file}: a 报告 needs its 主送机关");
                assert_eq!(closing.example, "特此报告。", "{file}");
            }
            Genre::Personal | Genre::Meeting => {
                assert!(!addressee.required, "{file}: a 称呼 is not required");
                assert!(closing.example.contains("请予评议"), "{file}");
                assert!(!t.parts.iter().any(|p| p.example.contains("特此报告")), "{file}");
            }
        }
        if t.genre == Genre::Personal {
            assert_eq!(signature.example, "{name}", "{file}: signed by the speaker's name");
            assert!(t.part("opening").is_some_and(|p| p.example.contains('我')), "{file}: first person");
        }
    }
}

/// Every title carries its report year (so a stale year can be caught), and the example's
/// title renders with it.
#[test]
fn each_title_carries_the_report_year() {
    for (file, t) in templates() {
        let year = t.title_year.clone().unwrap_or_else(|| panic!("{file}: no title_year"));
        assert!(t.title.contains(&format!("{{{year}}}")), "{file}");
        let example = t.slot(&year).map(|s| s.example.clone()).unwrap_or_default();
        let title = &paragraphs(&t, &Draft::example(&t))[0];
        assert!(title.text.contains(&format!("{example}年")), "{file}: {}", title.text);
    }
}

/// With the clerk's own unit, person and superior typed in, the example names none of the
/// example's: every name in the examples comes from a key figure.
#[test]
fn the_examples_speak_of_the_clerks_own_unit() {
    let typed: BTreeMap<String, String> = [
        ("unit", "市财政局党组"),
        ("unit_full", "某市财政局党组"),
        ("superior", "某市委"),
        ("team", "中共某县委常委会"),
        ("post", "市财政局党组书记"),
        ("name", "赵敏"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    for (file, t) in templates() {
        let text = plain_text(&t, &Draft::example_in(&t, &typed));
        for theirs in ["江州", "清源", "开发区", "党工委", "王丽", "陈刚"] {
            assert!(!text.contains(theirs), "{file}: “{theirs}” is written into the example:\n{text}");
        }
        assert!(typed.values().any(|v| text.contains(v.as_str())), "{file}");
    }
}
