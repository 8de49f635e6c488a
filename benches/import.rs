//! How long recognising and importing a pasted report take: `cargo bench --bench import`.
//!
//! The text is the published texts of `tests/corpus/` over and over, cut at 128 KB, 512 KB, 1 MB
//! and 2 MB (also 2 MB as one line, the worst first line recognition can meet); throughput in
//! bytes a second, which stays flat when the work is linear in the text:
//! - `recognise/N`: `recognise::best` against every built-in type, as the import dialog runs it
//!   on paste;
//! - `split/N`: the lines and their kinds (`import::split`);
//! - `into_draft/N`: the whole import into a 选人用人 draft (`import_report::into_draft`).
//!
//! The page refuses a text over `limits::MAX_IMPORT_CHARS` (20 万字, about 600 KB) before any of
//! this; the larger sizes show that what it accepts costs what its length says. As in `check.rs`,
//! `GONGWEN_BENCH_CLOCK=cpu` times by the thread's CPU time.
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

#[path = "common/clock.rs"]
mod clock;
#[path = "common/corpus.rs"]
mod corpus;
use clock::{config, Clock};
use corpus::corpus_text;
use std::hint::black_box;
use std::time::Duration;

use gongwen::domain::input::import::split;
use gongwen::domain::input::import_report::into_draft;
use gongwen::domain::input::recognise::{best, Candidate};
use gongwen::domain::model::builtin;
use gongwen::domain::model::template::xuanren;

const SIZES: [(&str, usize); 4] = [("128K", 128 << 10), ("512K", 512 << 10), ("1M", 1 << 20), ("2M", 2 << 20)];

fn import(c: &mut Criterion<Clock>) {
    let candidates: Vec<Candidate> = builtin::INDEX.iter().filter_map(|e| builtin::load(e.id)?.ok()).map(|t| Candidate::of(&t)).collect();
    let template = xuanren();
    let mut texts: Vec<(String, String)> = SIZES.iter().map(|(name, n)| (name.to_string(), corpus_text(*n))).collect();
    texts.push(("2M-one-line".into(), corpus_text(2 << 20).replace('\n', "")));
    for (group, run) in [("recognise", 0), ("split", 1), ("into_draft", 2)] {
        let mut g = c.benchmark_group(group);
        g.sample_size(10).measurement_time(Duration::from_secs(3)).warm_up_time(Duration::from_millis(500));
        for (name, text) in &texts {
            g.throughput(Throughput::Bytes(text.len() as u64));
            g.bench_with_input(BenchmarkId::from_parameter(name), text, |b, text| match run {
                0 => b.iter(|| black_box(best(&candidates, black_box(text)))),
                1 => b.iter(|| black_box(split(black_box(text)).len())),
                _ => b.iter(|| black_box(into_draft(&template, black_box(text)))),
            });
        }
        g.finish();
    }
}

criterion_group! {
    name = benches;
    config = config();
    targets = import
}
criterion_main!(benches);
