//! Importing last year's report of any type: the type recognised from title and headings, on
//! made-up old reports (`tests/fixtures/old-reports/`, named by the type they are) against the
//! built-in template and the format-2 test templates (`tests/fixtures/templates/`).
use std::path::PathBuf;

use gongwen::domain::input::recognise::{best, scores, Candidate, Confidence};
use gongwen::domain::model::template::xuanren;

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

/// A test template as recognition sees it: name, title pattern, section headings.
fn candidate(json: &str) -> Candidate {
    let v: serde_json::Value = serde_json::from_str(json).unwrap();
    let s = |v: &serde_json::Value| v.as_str().unwrap_or_default().to_string();
    let headings = v["parts"].as_array().unwrap().iter().filter(|p| p["kind"] == "section").map(|p| s(&p["heading"])).collect();
    Candidate { id: s(&v["id"]), name: s(&v["name"]), title: s(&v["title"]).replace('|', ""), headings }
}

fn candidates() -> Vec<Candidate> {
    let mut all = vec![Candidate::of(&xuanren())];
    all.extend(fixtures("templates").iter().map(|(_, json)| candidate(json)));
    all
}

#[test]
fn every_sample_old_report_is_recognised_as_its_type() {
    let types = candidates();
    assert_eq!(types.len(), 4);
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
        if got_id == want {
            right += 1;
        }
        if got.is_some_and(|g| g.1 == Confidence::High) {
            sure += 1;
        }
        assert_eq!(got_id, want, "{name}: {}", table.join(" "));
    }
    println!("{right} of {} recognised, {sure} with 把握较大", samples.len());
}

#[test]
fn a_report_by_index_entry_alone_is_recognised_by_name_and_labels() {
    // The served page knows other types by their index entry only (name and part labels).
    let labels = |l: &[&str]| l.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    let types = vec![
        Candidate::of(&xuanren()),
        Candidate::from_index("a", "落实全面从严治党主体责任情况报告", &labels(&["主送机关", "一、履行主体责任情况", "二、存在的问题", "三、下一步工作打算"])),
    ];
    let text = &fixtures("old-reports").into_iter().find(|(n, _)| n == "test-duty-report.1.txt").unwrap().1;
    assert_eq!(best(&types, text).map(|g| g.0), Some(1));
}
