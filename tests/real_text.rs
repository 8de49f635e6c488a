//! False alarms on published official text (`tests/corpus/`, sources in its `SOURCES.md`).
//!
//! Every file is checked as a whole document, as `gongwen check` does. Published, proofread
//! texts are as close to right as real text gets, so what fires on them is mostly false alarm:
//! the test allows no error at all and at most 0.3 errors-or-warnings per 10,000 characters.
//! On failure it prints each offending finding as `file:line:col: severity rule message`.
//! Run with `--nocapture` to see the figures by part and by rule.
use std::collections::BTreeMap;
use std::path::PathBuf;

use gongwen::domain::check::document::{check_document_with, LineFinding};
use gongwen::domain::check::{Context, Severity};

/// The year the corpus is read in: its newest texts are 2026 work reports.
const YEAR: i32 = 2026;
/// Errors and warnings allowed per 10,000 characters.
const MAX_RATE: f64 = 0.3;

struct Checked {
    name: String,
    chars: usize,
    findings: Vec<LineFinding>,
}

fn corpus() -> Vec<Checked> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut files: Vec<PathBuf> =
        std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|x| x == "txt")).collect();
    files.sort();
    let ctx = Context { current_year: YEAR };
    files
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).unwrap();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            Checked { name, chars: text.chars().count(), findings: check_document_with(&text, &ctx) }
        })
        .collect()
}

fn serious(f: &LineFinding) -> bool {
    f.finding.severity != Severity::Hint
}

fn located(file: &Checked, f: &LineFinding) -> String {
    format!(
        "{}:{}:{}: {} {} {} «{}»",
        file.name,
        f.line + 1,
        f.finding.span.start + 1,
        f.finding.severity.label(),
        f.finding.rule,
        f.finding.message,
        f.finding.text
    )
}

/// chars, errors, warnings, hints over some files.
fn tally<'a>(files: impl Iterator<Item = &'a Checked>) -> (usize, usize, usize, usize) {
    let mut t = (0, 0, 0, 0);
    for file in files {
        t.0 += file.chars;
        for f in &file.findings {
            match f.finding.severity {
                Severity::Error => t.1 += 1,
                Severity::Warning => t.2 += 1,
                Severity::Hint => t.3 += 1,
            }
        }
    }
    t
}

fn rate(chars: usize, serious: usize) -> f64 {
    serious as f64 * 10_000.0 / chars as f64
}

#[test]
fn published_text_raises_no_error_and_few_warnings() {
    let files = corpus();
    assert!(files.len() >= 10, "the corpus is missing");
    for (label, part) in [("A (rules fixed from)", "a-"), ("B (only measured)", "b-"), ("all", "")] {
        let (chars, e, w, h) = tally(files.iter().filter(|f| f.name.starts_with(part)));
        println!(
            "{label}: {chars} characters, {e} errors, {w} warnings, {h} hints: {:.3} errors-or-warnings per 10,000",
            rate(chars, e + w)
        );
    }
    let mut by_rule: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for f in files.iter().flat_map(|f| &f.findings) {
        *by_rule.entry((f.finding.rule, f.finding.severity.label())).or_default() += 1;
    }
    for ((rule, severity), n) in &by_rule {
        println!("  {rule} ({severity}): {n}");
    }

    let (chars, errors, warnings, _) = tally(files.iter());
    assert!(chars >= 200_000, "the corpus must hold at least 200,000 characters, has {chars}");
    let offending: Vec<String> =
        files.iter().flat_map(|file| file.findings.iter().filter(|f| serious(f)).map(move |f| located(file, f))).collect();
    let r = rate(chars, errors + warnings);
    assert!(
        errors == 0 && r <= MAX_RATE,
        "{errors} errors and {warnings} warnings on published text ({r:.3} per 10,000 characters; at most {MAX_RATE} and no error):\n{}",
        offending.join("\n")
    );
}
