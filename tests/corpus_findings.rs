//! The checks find the same things after a change made for speed: every finding of the whole
//! check on the published corpus (`tests/corpus/`) and on the reference report, and on the same
//! texts damaged on purpose (a slip every few dozen characters, so that every rule family has
//! work to do), is compared with the snapshot in `tests/fixtures/corpus-findings.txt`.
//!
//! The undamaged texts' findings are listed one a line (`file:line:col-end severity rule «text»
//! → fix: message`); the damaged texts have thousands, so the snapshot keeps their count per
//! rule and one checksum over all of them (rule, place, text, fix, message).
//!
//! A change that means to change what a rule finds updates the snapshot:
//! `GONGWEN_UPDATE_SNAPSHOT=1 cargo test --test corpus_findings`, and the diff shows what changed.
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::PathBuf;

use gongwen::domain::check::document::{check_document_with, LineFinding};
use gongwen::domain::check::Context;

const YEAR: i32 = 2026;
const SNAPSHOT: &str = "tests/fixtures/corpus-findings.txt";

/// The texts: every corpus file and the reference report, by name.
fn texts() -> Vec<(String, String)> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<PathBuf> = std::fs::read_dir(root.join("tests/corpus"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files.push(root.join("tests/fixtures/seed-report.txt"));
    files.into_iter().map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read_to_string(&p).unwrap())).collect()
}

/// Slips a clerk or a bad copy makes, one of which replaces every 37th character.
const SLIPS: &[&str] = &[
    ".",
    ",",
    ":",
    ";",
    "(",
    ")",
    "\"",
    "?",
    "、",
    "。。",
    "，，",
    "...",
    "…",
    "X",
    "*",
    "**",
    "○○",
    "□",
    "___",
    "一是：",
    "（一）、",
    "1、",
    "一.",
    "”、“",
    "》、《",
    "“",
    "‘",
    "2030年以来",
    "24年3月",
    "2024年03月05日",
    "1.5名",
    "五名",
    "3名",
    "四个意识",
    "大局意识、政治意识、核心意识、看齐意识",
    "习近平新时代中国特色主义思想",
    "选拔任用条例",
    "请批示",
    "v",
    "\u{200B}",
    "\t",
    "【待补】",
    "（数字）",
    "x%",
    "X张",
];

fn damaged(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    for (i, c) in text.chars().enumerate() {
        if i % 37 == 36 && c != '\n' && c != '\r' {
            out.push_str(SLIPS[(i / 37) % SLIPS.len()]);
        } else {
            out.push(c);
        }
    }
    out
}

fn line_of(name: &str, f: &LineFinding) -> String {
    let g = &f.finding;
    format!(
        "{name}:{}:{}-{} {:?} {} «{}» → {:?}: {}",
        f.line + 1,
        g.span.start + 1,
        g.span.end + 1,
        g.severity,
        g.rule,
        g.text,
        g.replacement,
        g.message
    )
}

/// FNV-1a, 64 bits: a checksum that needs no crate.
fn fnv(hash: &mut u64, s: &str) {
    for b in s.bytes().chain([b'\n']) {
        *hash ^= u64::from(b);
        *hash = hash.wrapping_mul(0x100_0000_01b3);
    }
}

fn snapshot() -> String {
    let ctx = Context { current_year: YEAR };
    let texts = texts();
    let mut out = String::from("# The whole check's findings on tests/corpus and the reference report (tests/corpus_findings.rs).\n");
    for (name, text) in &texts {
        for f in check_document_with(text, &ctx) {
            out.push_str(&line_of(name, &f));
            out.push('\n');
        }
    }
    out.push_str("# The same texts with a slip every 37 characters: findings per rule, and a checksum over all.\n");
    let mut per_rule: BTreeMap<&str, usize> = BTreeMap::new();
    let mut hash = 0xcbf2_9ce4_8422_2325u64;
    for (name, text) in &texts {
        for f in check_document_with(&damaged(text), &ctx) {
            *per_rule.entry(f.finding.rule).or_default() += 1;
            fnv(&mut hash, &line_of(name, &f));
        }
    }
    for (rule, n) in per_rule {
        writeln!(out, "damaged {rule} {n}").unwrap();
    }
    writeln!(out, "damaged checksum {hash:016x}").unwrap();
    out
}

#[test]
fn the_checks_find_what_the_snapshot_holds() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(SNAPSHOT);
    let now = snapshot();
    if std::env::var_os("GONGWEN_UPDATE_SNAPSHOT").is_some() {
        std::fs::write(&path, &now).unwrap();
        return;
    }
    let want = std::fs::read_to_string(&path).unwrap();
    // Line by line first, so that a failure names the first finding that differs.
    for (k, (got, want)) in now.lines().zip(want.lines()).enumerate() {
        assert_eq!(got, want, "line {} of {SNAPSHOT}", k + 1);
    }
    assert_eq!(now.lines().count(), want.lines().count(), "number of lines in {SNAPSHOT}");
    // The damaged texts really exercise every family.
    for family in ["placeholder", "punct-", "number-", "formulation-", "structure-", "char-", "latin-"] {
        assert!(now.lines().any(|l| l.starts_with("damaged ") && l.contains(family)), "no {family} finding in the damaged texts");
    }
}
