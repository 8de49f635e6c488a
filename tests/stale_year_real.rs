//! False alarms of the stale-year rule (`check::stale_year`) on published texts
//! (`tests/corpus/`), each read as this year's report correctly written for its own years.
//!
//! A 政府工作报告 delivered in year D reviews year D−1 and plans year D, like a 年度工作总结和
//! 下年工作打算 whose report year is D−1 and plan year D. As if it had been imported from last
//! year's report (report year D−2, plan year D−1) and the clerk had typed this year's years,
//! the stale year is D−2 → D−1 (D−1 is this year's report year, so never stale). Every `D−2年`
//! the rule flags in these correct texts is a false alarm; the test allows at most the
//! real-text limit, 0.3 per 10,000 characters. Run with `--nocapture` for the figures, and for
//! the harder case of a report type with one year (D−1 → D, where every mention of last year
//! in a review would be flagged), which is printed, not asserted: that is what the warning's
//! "确指……可不改" is for.
use std::path::PathBuf;

use gongwen::domain::check::stale_year::{find, Stale};

/// Errors and warnings allowed per 10,000 characters (as `tests/real_text.rs`).
const MAX_RATE: f64 = 0.3;

/// The year a corpus file was delivered in, from its name.
fn delivered(name: &str) -> i32 {
    if name.contains("2026") {
        2026
    } else if name.contains("19th") {
        2017
    } else if name.contains("20th") {
        2022
    } else {
        panic!("{name}: say in `delivered` which year this corpus file was delivered in");
    }
}

fn flags(text: &str, old: i32, new: i32) -> Vec<String> {
    let stale = Stale { old: old.to_string(), new: new.to_string(), since: false };
    let mut out = Vec::new();
    for line in text.lines() {
        let chars: Vec<char> = line.chars().collect();
        let mut found = Vec::new();
        find(&chars, &stale, &mut found);
        out.extend(found.into_iter().map(|f| format!("{}: {line}", f.text)));
    }
    out
}

#[test]
fn stale_year_false_alarms_on_published_text() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut files: Vec<PathBuf> =
        std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|x| x == "txt")).collect();
    files.sort();
    assert!(files.len() >= 5, "the corpus is there");
    let (mut chars, mut two_year, mut one_year) = (0usize, Vec::new(), Vec::new());
    for path in &files {
        let text = std::fs::read_to_string(path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let d = delivered(&name);
        chars += text.chars().count();
        two_year.extend(flags(&text, d - 2, d - 1).into_iter().map(|f| format!("{name}: {f}")));
        one_year.extend(flags(&text, d - 1, d).into_iter().map(|f| format!("{name}: {f}")));
    }
    let rate = |n: usize| n as f64 * 10_000.0 / chars as f64;
    println!("{chars} characters in {} files", files.len());
    println!("report and plan year (asserted): {} flags, {:.3} per 10,000", two_year.len(), rate(two_year.len()));
    for f in &two_year {
        println!("  {}", f.chars().take(90).collect::<String>());
    }
    println!("one year (not asserted): {} flags, {:.3} per 10,000", one_year.len(), rate(one_year.len()));
    assert!(rate(two_year.len()) <= MAX_RATE, "{two_year:#?}");
}
