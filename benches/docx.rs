//! How long building the Word file takes: `scripts/bench.sh` (`cargo bench --bench docx`).
//!
//! - `docx/example`: the example draft (the reference report, about 5,000 characters), the
//!   whole file: paragraphs, XML, zip.
//! - `docx/example_x8`: the same with the overview's lead eight times as long (~40,000
//!   characters), to see that the time grows with the text and nothing else.
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;
use std::time::Duration;

use gongwen::domain::model::draft::Draft;
use gongwen::domain::model::template::xuanren;
use gongwen::domain::output::docx::docx_bytes;
use gongwen::domain::output::render::plain_text;

fn bench(c: &mut Criterion) {
    let template = xuanren();
    let example = Draft::example(&template);
    let mut long = example.clone();
    let body = plain_text(&template, &example);
    long.set_text("overview", format!("{}\n{}", long.text("overview"), body.repeat(7)));

    let mut group = c.benchmark_group("docx");
    group.warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(4));
    for (name, draft) in [("example", &example), ("example_x8", &long)] {
        let chars = plain_text(&template, draft).chars().count();
        group.throughput(Throughput::Elements(chars as u64));
        group.bench_function(name, |b| b.iter(|| docx_bytes(black_box(&template), black_box(draft)).map(|d| d.len())));
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
