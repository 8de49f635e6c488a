//! How long the full check takes: `scripts/bench.sh` (`cargo bench --bench check`).
//!
//! On real published text (throughput in characters a second):
//! - `real_text/document/NAME`: the whole check of a plain-text report as `gongwen check` runs it
//!   (`check_document_with`: split into lines, every text rule on every line, numeral style over
//!   the whole text, the document rules).
//! - `real_text/NAME/FAMILY`: one rule family alone over the same text's lines, as the document
//!   check feeds them, to see where the time goes.
//!
//!   NAME is `seed×6` (the reference report, `tests/fixtures/seed-report.txt`, six times: about
//!   22,000 characters) and, when the folder exists, `corpus` (every `tests/corpus/*.txt`, the
//!   published texts the false-alarm test reads, one document each).
//!
//! On synthetic drafts:
//! - `check_document/N`: a plain-text report of N characters made of the seed's body lines,
//!   masked figures included, for N = 5k, 10k, 20k, 40k; the time per character should stay
//!   flat (linear growth).
//! - `check_text_one_field/N`: the same text as one field, the worst a clerk can paste into
//!   one box of the page, which rechecks it on every keystroke.
//! - `rule_family/NAME`: each rule family alone over the 20k text as one field.
//! - `check_draft/example`: the page's whole check of the example draft (the reference report).
//!
//! The clock is the wall clock; with `GONGWEN_BENCH_CLOCK=cpu` it is the thread's CPU time, which
//! other jobs on a shared machine disturb much less (they still share its caches and cores).
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

#[path = "common/clock.rs"]
mod clock;
use clock::{config, Clock};
use std::hint::black_box;
use std::time::Duration;

use gongwen::domain::check::document::{check_document, check_document_with};
use gongwen::domain::check::{
    approx, characters, check_draft, check_text, confusable, duplicate, formulation, latin, numbers, ordinal, phrase, placeholder,
    punctuation, range, spacing, structure, usage, width, Context, Finding,
};
use gongwen::domain::input::import::{split, LineKind};
use gongwen::domain::model::draft::Draft;
use gongwen::domain::model::template::xuanren;

const SEED: &str = include_str!("../tests/fixtures/seed-report.txt");
const SIZES: [usize; 4] = [5_000, 10_000, 20_000, 40_000];

/// One rule family's entry point.
type Family = fn(&str, &mut Vec<Finding>);

const FAMILIES: [(&str, Family); 16] = [
    ("placeholder", placeholder::check),
    ("characters", characters::check),
    ("latin", latin::check),
    ("punctuation", punctuation::check),
    ("numbers", numbers::check),
    ("formulation", formulation::check),
    ("request_phrases", structure::request_phrases),
    ("confusable", confusable::check),
    ("phrase", phrase::check),
    ("duplicate", duplicate::check),
    ("ordinal", ordinal::check),
    ("spacing", spacing::check),
    ("width", width::check),
    ("range", range::check),
    ("approx", approx::check),
    ("usage", usage::check),
];

/// A draft of exactly `chars` characters: the seed's body lines, one per line, over and over.
fn draft_of(chars: usize) -> String {
    let body: Vec<&str> = split(SEED).into_iter().filter(|l| l.kind == LineKind::Body).map(|l| l.text).collect();
    let mut text = String::new();
    let mut count = 0;
    'fill: loop {
        for line in &body {
            for c in line.chars().chain(std::iter::once('\n')) {
                if count == chars {
                    break 'fill;
                }
                text.push(c);
                count += 1;
            }
        }
    }
    text
}

/// The real texts: (name, documents). The published corpus joins in when it is there.
fn real_texts() -> Vec<(String, Vec<String>)> {
    let mut texts = vec![("seed×6".to_string(), vec![SEED.repeat(6)])];
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus");
    if let Ok(entries) = std::fs::read_dir(dir) {
        let mut paths: Vec<_> =
            entries.filter_map(Result::ok).map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "txt")).collect();
        paths.sort();
        let docs: Vec<String> = paths.iter().filter_map(|p| std::fs::read(p).ok()).filter_map(|b| gongwen::cli::decode(&b)).collect();
        if !docs.is_empty() {
            texts.push(("corpus".to_string(), docs));
        }
    }
    texts
}

fn bench_real_text(c: &mut Criterion<Clock>) {
    let ctx = Context::default();
    let mut group = c.benchmark_group("real_text");
    group.warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(3));
    for (name, docs) in real_texts() {
        let chars: usize = docs.iter().map(|d| d.chars().count()).sum();
        group.throughput(Throughput::Elements(chars as u64));
        group.bench_function(format!("document/{name}"), |b| {
            b.iter(|| docs.iter().map(|d| check_document_with(black_box(d), &ctx).len()).sum::<usize>())
        });
        // The non-blank lines, as the document check hands them to the text rules.
        let lines: Vec<&str> = docs.iter().flat_map(|d| split(d)).filter(|l| l.kind != LineKind::Blank).map(|l| l.text).collect();
        for (family_name, family) in FAMILIES {
            group.bench_function(format!("{name}/{family_name}"), |b| {
                b.iter(|| {
                    let mut out = Vec::new();
                    for line in &lines {
                        family(black_box(line), &mut out);
                    }
                    out.len()
                })
            });
        }
    }
    group.finish();
}

fn bench_synthetic(c: &mut Criterion<Clock>) {
    for (name, run) in [
        ("check_document", (|t: &str| check_document(t).len()) as fn(&str) -> usize),
        ("check_text_one_field", |t: &str| check_text(t).len()),
    ] {
        let mut group = c.benchmark_group(name);
        group.warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(3));
        for n in SIZES {
            let text = draft_of(n);
            group.throughput(Throughput::Elements(n as u64));
            group.bench_with_input(BenchmarkId::from_parameter(n), &text, |b, text| b.iter(|| run(black_box(text))));
        }
        group.finish();
    }

    let text = draft_of(20_000);
    let mut group = c.benchmark_group("rule_family");
    group.warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(3));
    group.throughput(Throughput::Elements(20_000));
    for (name, family) in FAMILIES {
        group.bench_function(name, |b| {
            b.iter(|| {
                let mut out = Vec::new();
                family(black_box(&text), &mut out);
                out.len()
            })
        });
    }
    group.finish();

    let template = xuanren();
    let draft = Draft::example(&template);
    let mut group = c.benchmark_group("check_draft");
    group.warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(3));
    group.bench_function("example", |b| b.iter(|| check_draft(black_box(&template), black_box(&draft)).len()));
    group.finish();
}

criterion_group! {
    name = benches;
    config = config();
    targets = bench_real_text, bench_synthetic
}
criterion_main!(benches);
