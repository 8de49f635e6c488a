//! How long the full check takes: `scripts/bench.sh` (`cargo bench --bench check`).
//!
//! - `check_document/N`: a plain-text report of N characters, as `gongwen check` reads it
//!   (split into lines and parts, every text rule on every line, the document rules), for
//!   N = 5k, 10k, 20k, 40k; the time per character should stay flat (linear growth).
//! - `check_text_one_field/N`: the same text as one field, the worst a clerk can paste into
//!   one box of the page, which rechecks it on every keystroke.
//! - `rule_family/NAME`: each rule family alone over the 20k text as one field, to see where
//!   the time goes.
//! - `check_draft/example`: the page's whole check of the example draft (the reference report).
//!
//! The drafts repeat the body lines of the reference report (tests/fixtures/seed-report.txt),
//! masked figures included, so every rule has work to do.
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::hint::black_box;
use std::time::Duration;

use gongwen::domain::check::{check_draft, check_text, formulation, numbers, placeholder, punctuation, Finding};
use gongwen::domain::document::check_document;
use gongwen::domain::draft::Draft;
use gongwen::domain::import::{split, LineKind};
use gongwen::domain::template::xuanren;

const SEED: &str = include_str!("../tests/fixtures/seed-report.txt");
const SIZES: [usize; 4] = [5_000, 10_000, 20_000, 40_000];

/// One rule family's entry point.
type Family = fn(&str, &mut Vec<Finding>);

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

fn bench(c: &mut Criterion) {
    for (name, run) in [
        ("check_document", (|t: &str| check_document(t).len()) as fn(&str) -> usize),
        ("check_text_one_field", |t: &str| check_text(t).len()),
    ] {
        let mut group = c.benchmark_group(name);
        group.warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(4));
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
    let families: [(&str, Family); 4] = [
        ("placeholder", placeholder::check),
        ("punctuation", punctuation::check),
        ("numbers", numbers::check),
        ("formulation", formulation::check),
    ];
    for (name, family) in families {
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
    group.warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(4));
    group.bench_function("example", |b| b.iter(|| check_draft(black_box(&template), black_box(&draft)).len()));
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
