//! How long building the Word file takes: `scripts/bench.sh` (`cargo bench --bench docx`).
//!
//! - `docx/example`: the example draft (the reference report, about 5,000 characters), the
//!   whole file: paragraphs, XML, zip.
//! - `docx/example_x8`: the same with the overview's lead eight times as long (~40,000
//!   characters), to see that the time grows with the text and nothing else.
//! - `docx/read_example`, `docx/read_example_x8`: reading those files back
//!   (`domain::input::docx::read`: inflate, XML, numbering) into the import's text.
//! - `docx/read_100k_paragraphs`: a file of 100,000 short paragraphs (deflated as Word does,
//!   about 3.5 MB of XML), to see that reading is linear.
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;
use std::time::Duration;

use gongwen::domain::input::docx::read;
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
    for (name, draft) in [("read_example", &example), ("read_example_x8", &long)] {
        let file = docx_bytes(&template, draft).expect("the Word file");
        let chars = plain_text(&template, draft).chars().count();
        group.throughput(Throughput::Elements(chars as u64));
        group.bench_function(name, |b| b.iter(|| read(black_box(&file)).map(|t| t.len())));
    }
    let many = hundred_thousand_paragraphs();
    group.throughput(Throughput::Elements(100_000));
    group.sample_size(10);
    group.bench_function("read_100k_paragraphs", |b| b.iter(|| read(black_box(&many)).map(|t| t.len())));
    group.finish();
}

/// A .docx of 100,000 paragraphs `第N段。`, its document deflated.
fn hundred_thousand_paragraphs() -> Vec<u8> {
    use std::io::Write;
    let body: String = (0..100_000).map(|i| format!("<w:p><w:r><w:t>第{i}段。</w:t></w:r></w:p>")).collect();
    let xml = format!(
        "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}</w:body></w:document>"
    );
    let crc = crc::Crc::<u32>::new(&crc::CRC_32_ISO_HDLC).checksum(xml.as_bytes());
    let mut out = Vec::new();
    let mut archive = rawzip::ZipArchiveWriter::new(&mut out);
    let (mut entry, _) =
        archive.new_file("word/document.xml").compression_method(rawzip::CompressionMethod::DEFLATE).start().expect("entry");
    entry.write_all(&miniz_oxide::deflate::compress_to_vec(xml.as_bytes(), 6)).expect("write");
    entry.finish(rawzip::DataDescriptorOutput::new(crc, xml.len() as u64)).expect("finish");
    archive.finish().expect("zip");
    out
}

criterion_group!(benches, bench);
criterion_main!(benches);
