//! The fuzzers' seed draft file is a real, current draft file: it loads, and it is what saving
//! the example draft writes (so the seed follows format changes); likewise the Word seeds.
use gongwen::domain::input::docx::read;
use gongwen::domain::model::draft::Draft;
use gongwen::domain::model::template::xuanren;
use gongwen::domain::output::docx::docx_bytes;
use gongwen::domain::store::saved::{from_json, to_json};

#[test]
fn the_seed_draft_file_is_the_saved_example() {
    let t = xuanren();
    let want = to_json(&Draft::example(&t), "problems");
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/fuzz/seeds/draft_file/example.json");
    if std::env::var_os("GONGWEN_WRITE_SEEDS").is_some() {
        std::fs::write(path, &want).expect("write the seed");
    }
    let got = std::fs::read_to_string(path).expect("the seed exists: run with GONGWEN_WRITE_SEEDS=1 to write it");
    assert_eq!(got, want, "run with GONGWEN_WRITE_SEEDS=1 to refresh the seed");
    assert!(from_json(&got, &t).is_ok());
}

#[path = "common/word.rs"]
mod word;

/// The docx_read fuzzer's seeds: this app's own Word file of the example, a report numbered by
/// Word, and a hand-made file with a table, tracked changes, a field and a text box.
#[test]
fn the_docx_seeds_are_current() {
    let t = xuanren();
    let numbered =
        word::word_numbered(&[(None, "关于2024年工作情况的报告"), (Some(0), "总体情况"), (Some(1), "主要做法"), (None, "特此报告。")]);
    let w = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\"";
    let body = "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>序号</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>问题</w:t></w:r></w:p></w:tc></w:tr></w:tbl>\
        <w:p><w:ins w:id=\"1\"><w:r><w:t>新增</w:t></w:r></w:ins><w:del w:id=\"2\"><w:r><w:delText>删去</w:delText></w:r></w:del>\
        <w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>\
        <w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:txbxContent><w:p><w:r><w:t>框</w:t><w:br/><w:tab/></w:r></w:p></w:txbxContent></mc:Choice><mc:Fallback/></mc:AlternateContent></w:r></w:p>";
    let shapes = word::package(&[("word/document.xml", format!("<w:document {w}><w:body>{body}</w:body></w:document>"))]);
    let seeds =
        [("example.docx", docx_bytes(&t, &Draft::example(&t)).expect("docx")), ("numbered.docx", numbered), ("shapes.docx", shapes)];
    for (name, want) in seeds {
        let path = format!("{}/fuzz/seeds/docx_read/{name}", env!("CARGO_MANIFEST_DIR"));
        if std::env::var_os("GONGWEN_WRITE_SEEDS").is_some() {
            std::fs::create_dir_all(format!("{}/fuzz/seeds/docx_read", env!("CARGO_MANIFEST_DIR"))).expect("seed folder");
            std::fs::write(&path, &want).expect("write the seed");
        }
        let got = std::fs::read(&path).expect("the seed exists: run with GONGWEN_WRITE_SEEDS=1 to write it");
        assert_eq!(got, want, "{name}: run with GONGWEN_WRITE_SEEDS=1 to refresh the seed");
        assert!(read(&got).is_ok(), "{name}");
    }
}

/// The template fuzzer's seeds that are built-in templates are the current files (so they load
/// and the fuzzer starts from templates that reach every reader).
#[test]
fn the_template_seeds_are_the_current_templates() {
    let root = env!("CARGO_MANIFEST_DIR");
    for name in ["xuanren.json", "rectification.json"] {
        let seed = std::fs::read(format!("{root}/fuzz/seeds/template_json/{name}")).expect("the seed exists");
        let current = std::fs::read(format!("{root}/templates/{name}")).expect("the template exists");
        assert!(seed == current, "fuzz/seeds/template_json/{name} differs from templates/{name}: copy it again");
        assert!(gongwen::domain::model::template::Template::from_bytes(&seed).is_ok(), "{name} loads");
    }
}
