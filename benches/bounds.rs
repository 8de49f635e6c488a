//! One keystroke in a draft at the bounds, natively: `cargo bench --bench bounds`.
//!
//! What the page computes after a keystroke, as domain work: the checks through the cache the
//! page keeps (`check_draft_cached`: only the edited box is checked again, the whole-report rules
//! read everything), the outline's state (`while_writing`, `steps`), the labels of every box and
//! the preview's paragraphs (`render::paragraphs`). The draft is a 选人用人 report:
//! - `items/N`: N items in each of its three sections (a heading and a body sentence each), the
//!   last item's body typed in; 200 is `limits::MAX_ITEMS`, 5000 the attack's draft in one section;
//! - `paragraph/N`: the opening paragraph N characters long, typed at its end; 20,000 is
//!   `limits::MAX_FIELD_CHARS`, 700,000 the attack's paragraph.
//!
//! A frame is 16.7 ms; the page (wasm, and the DOM) takes a few times this domain work. As in
//! `check.rs`, `GONGWEN_BENCH_CLOCK=cpu` times by the thread's CPU time.
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};

#[path = "common/clock.rs"]
mod clock;
use clock::{config, Clock};
use std::hint::black_box;
use std::time::Duration;

use gongwen::domain::check::{check_draft_cached, Context, TextCache};
use gongwen::domain::guide::outline::{steps, while_writing};
use gongwen::domain::model::draft::{key, Draft};
use gongwen::domain::model::fields::labels;
use gongwen::domain::model::template::{xuanren, Template};
use gongwen::domain::output::render::paragraphs;

const SEED: &str = include_str!("../tests/fixtures/seed-report.txt");

/// The template with room for `items` items in every section (its own max is 8).
fn roomy(items: usize) -> Template {
    let mut t = xuanren();
    for p in &mut t.parts {
        if let Some(spec) = &mut p.items {
            spec.max = spec.max.max(items);
        }
    }
    t
}

fn with_items(t: &Template, per_section: usize, only_one: bool) -> (Draft, String) {
    let mut d = Draft::example(t);
    let sentences: Vec<&str> = SEED.split('。').filter(|s| s.chars().count() > 10).collect();
    let sections: Vec<String> = t.parts.iter().filter(|p| p.items.is_some()).map(|p| p.id.clone()).collect();
    let mut n = 0;
    for (k, s) in sections.iter().enumerate() {
        if only_one && k > 0 {
            break;
        }
        while d.items(s).len() < per_section {
            let id = d.add_item(t, s);
            d.set_text(&key::item(s, id, "heading"), format!("第{n}项"));
            d.set_text(&key::item(s, id, "body"), format!("{}。", sentences[n % sentences.len()]));
            n += 1;
        }
    }
    let last = d.items(&sections[0]).last().map(|i| i.id).unwrap_or_default();
    (d, key::item(&sections[0], last, "body"))
}

fn with_paragraph(t: &Template, chars: usize) -> (Draft, String) {
    let mut d = Draft::example(t);
    let body: String = SEED.lines().filter(|l| l.chars().count() > 40).collect::<Vec<_>>().join("");
    let text: String = body.chars().cycle().take(chars).collect();
    d.set_text("opening", text);
    (d, "opening".to_string())
}

/// One keystroke: the box gets one more character, then everything the page recomputes.
fn keystroke(t: &Template, d: &Draft, field: &str, cache: &TextCache, ctx: &Context) -> usize {
    let mut d = d.clone();
    let mut text = d.text(field);
    text.push('字');
    d.set_text(field, text);
    let (findings, _) = check_draft_cached(t, &d, ctx, cache);
    let shown = while_writing(t, &d, &findings);
    let outline = steps(t, &d, &findings);
    let labels = labels(t, &d);
    let preview = paragraphs(t, &d);
    shown.len() + outline.len() + labels.len() + preview.len()
}

fn bench(c: &mut Criterion<Clock>) {
    let ctx = Context::default();
    let mut g = c.benchmark_group("keystroke_at_bounds");
    g.sample_size(10).measurement_time(Duration::from_secs(3)).warm_up_time(Duration::from_millis(500));
    let cases: Vec<(String, Template, (Draft, String))> = vec![
        ("items/200x3".into(), roomy(200), with_items(&roomy(200), 200, false)),
        ("items/5000x1".into(), roomy(5000), with_items(&roomy(5000), 5000, true)),
        ("paragraph/20000".into(), xuanren(), with_paragraph(&xuanren(), 20_000)),
        ("paragraph/700000".into(), xuanren(), with_paragraph(&xuanren(), 700_000)),
        // As benches/keystroke.rs in the page: a 20,000-character draft, typing in a short box.
        ("draft20000/short-box".into(), xuanren(), {
            let (d, _) = with_paragraph(&xuanren(), 16_000);
            (d, "addressee".to_string())
        }),
    ];
    for (name, t, (d, field)) in &cases {
        let (_, cache) = check_draft_cached(t, d, &ctx, &TextCache::default());
        g.bench_with_input(BenchmarkId::from_parameter(name), &(), |b, _| b.iter(|| black_box(keystroke(t, d, field, &cache, &ctx))));
    }
    g.finish();
}

criterion_group! {
    name = benches;
    config = config();
    targets = bench
}
criterion_main!(benches);
