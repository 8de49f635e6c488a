//! Importing last year's report of any type: the type recognised from title and headings, on
//! made-up old reports (`tests/fixtures/old-reports/`, named by the type they are) against the
//! built-in template and the format-2 test templates (`tests/fixtures/templates/`).
use std::path::PathBuf;

use gongwen::domain::check::{check_draft, stale_year};
use gongwen::domain::input::import_report::into_draft;
use gongwen::domain::input::recognise::{best, scores, Candidate, Confidence};
use gongwen::domain::model::builtin;
use gongwen::domain::model::draft::{key, Draft};
use gongwen::domain::model::template::Template;
use gongwen::domain::output::render::plain_text;

fn fixtures(dir: &str) -> Vec<(String, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(dir);
    let mut files: Vec<(String, String)> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt" || x == "json"))
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read_to_string(&p).unwrap()))
        .collect();
    files.sort();
    files
}

/// Every built-in template and every test template, loaded.
fn templates() -> Vec<Template> {
    let mut all: Vec<Template> = builtin::INDEX.iter().map(|e| builtin::load(e.id).unwrap().unwrap()).collect();
    all.extend(fixtures("templates").iter().map(|(name, json)| Template::from_json(json).unwrap_or_else(|e| panic!("{name}: {e}"))));
    all
}

fn template(id: &str) -> Template {
    templates().into_iter().find(|t| t.id == id).unwrap()
}

fn candidates() -> Vec<Candidate> {
    templates().iter().map(Candidate::of).collect()
}

fn sample(name: &str) -> String {
    fixtures("old-reports").into_iter().find(|(n, _)| n == name).unwrap().1
}

#[test]
fn every_sample_old_report_is_recognised_as_its_type() {
    let types = candidates();
    assert_eq!(types.len(), builtin::INDEX.len() + 3, "the built-in types and the three test templates");
    let samples = fixtures("old-reports");
    assert!(samples.len() >= 9);
    let (mut right, mut sure) = (0, 0);
    for (name, text) in &samples {
        let want = name.split('.').next().unwrap_or_default();
        let want = if want.starts_with("none-") { "none" } else { want };
        let got = best(&types, text);
        let got_id = got.map(|(i, _)| types[i].id.as_str()).unwrap_or("none");
        let table: Vec<String> = scores(&types, text).iter().zip(&types).map(|(s, c)| format!("{}={s:.2}", c.id)).collect();
        println!("{name}: {got_id} {:?} [{}]", got.map(|g| g.1), table.join(" "));
        // A test template's sample may be recognised as the built-in type of the same name, once
        // that type is built in (`test-annual-summary` → `annual-summary`).
        let name_of = |id: &str| types.iter().find(|c| c.id == id).map(|c| c.name.clone());
        let twin = builtin::INDEX.iter().find(|e| want.starts_with("test-") && name_of(want).as_deref() == Some(e.name)).map(|e| e.id);
        if got_id == want || Some(got_id) == twin {
            right += 1;
        }
        if got.is_some_and(|g| g.1 == Confidence::High) {
            sure += 1;
        }
        assert!(got_id == want || Some(got_id) == twin, "{name}: got {got_id}, want {want}: {}", table.join(" "));
    }
    println!("{right} of {} recognised, {sure} with 把握较大", samples.len());
}

#[test]
fn a_report_by_index_entry_alone_is_recognised_by_name_and_labels() {
    // The served page knows other types by their index entry only (name and part labels).
    let labels = |l: &[&str]| l.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    let types = vec![
        Candidate::of(&template(builtin::DEFAULT)),
        Candidate::from_index(
            "a",
            "落实全面从严治党主体责任情况报告",
            &labels(&["主送机关", "一、履行主体责任情况", "二、存在的问题", "三、下一步工作打算"]),
        ),
    ];
    let text = &sample("test-duty-report.1.txt");
    assert_eq!(best(&types, text).map(|g| g.0), Some(1));
}

#[test]
fn every_templates_example_imports_back_to_the_same_report() {
    for t in templates() {
        let text = plain_text(&t, &Draft::example(&t));
        let d = into_draft(&t, &text);
        assert_eq!(d.unplaced, Vec::<String>::new(), "{}", t.id);
        assert_eq!(plain_text(&t, &d), text, "{}", t.id);
    }
}

/// Every non-empty line of `text` is in the draft's report or kept aside.
fn nothing_lost(t: &Template, d: &Draft, text: &str) {
    let rendered = plain_text(t, d);
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let kept = rendered.lines().any(|r| r.contains(line.trim())) || d.unplaced.iter().any(|u| u.contains(line.trim()));
        assert!(kept, "{}: lost {line}", t.id);
    }
}

#[test]
fn a_problems_fields_are_filled_from_their_leads() {
    let t = template("test-rectification-progress");
    let text = sample("test-rectification-progress.1.txt");
    let d = into_draft(&t, &text);
    nothing_lost(&t, &d, &text);
    let items = d.items("feedback");
    assert_eq!(items.len(), 2);
    let field = |i: usize, f: &str| d.text(&key::item("feedback", items[i].id, f));
    assert_eq!(field(0, "heading"), "落实意识形态工作责任制不够到位");
    assert_eq!(field(0, "measures"), "制定意识形态工作责任清单，每季度专题研究一次。");
    assert_eq!(field(0, "progress"), "已完成。");
    assert_eq!(field(0, "deadline"), "");
    assert_eq!(field(1, "progress"), "正在推进，已排查项目23个。");
    assert_eq!(field(1, "deadline"), "2024年12月底");
    assert_eq!(field(1, "leader"), "分管副局长");
    let figures: Vec<(&str, &str)> = d.carried.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    assert_eq!(figures, [("date", "2024年8月20日"), ("round", "四"), ("superior", "市委"), ("unit", "市交通运输局党组")]);
    assert_eq!(d.unplaced, Vec::<String>::new());
}

#[test]
fn every_sample_loses_nothing_in_its_own_type() {
    let types = templates();
    for (name, text) in fixtures("old-reports").iter().filter(|(n, _)| !n.starts_with("none-")) {
        let id = name.split('.').next().unwrap_or_default();
        let t = types.iter().find(|t| t.id == id).unwrap_or_else(|| panic!("{name}: no template {id}"));
        nothing_lost(t, &into_draft(t, text), text);
    }
}

#[test]
fn last_years_report_year_is_flagged_but_not_this_years() {
    let t = template("test-annual-summary");
    let mut d = into_draft(&t, &sample("test-annual-summary.1.txt"));
    assert_eq!(d.slots.get("report_year").map(String::as_str), Some("2024"));
    assert_eq!(d.slots.get("plan_year").map(String::as_str), Some("2025"));
    assert_eq!(d.slots.get("unit").map(String::as_str), Some("市民政局"));
    let stale = |d: &Draft| {
        check_draft(&t, d).into_iter().filter(|f| f.finding.rule == stale_year::RULE).map(|f| f.finding.text).collect::<Vec<_>>()
    };
    assert_eq!(stale(&d), Vec::<String>::new());
    d.set_slot("report_year", "2025".into());
    d.set_slot("plan_year", "2026".into());
    // 2024 (last year's report year) is flagged where it stood for the report year; 2025, this
    // year's report year (last year's plan year), never is.
    let found = stale(&d);
    // The opening's and a point's; the 成文日期 is a key figure of its own, not flagged in the text.
    assert_eq!(found, ["2024年", "2024年"]);
}
