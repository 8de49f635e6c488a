//! The fuzzers' seed draft file is a real, current draft file: it loads, and it is what saving
//! the example draft writes (so the seed follows format changes).
use gongwen::domain::model::draft::Draft;
use gongwen::domain::model::template::xuanren;
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
