//! The template is embedded in the program; this writes it without the indentation that keeps
//! `templates/xuanren.json` readable (a fifth of its bytes), so the bundle carries less.
use std::path::Path;

fn main() {
    let source = Path::new("templates/xuanren.json");
    println!("cargo::rerun-if-changed={}", source.display());
    let text = std::fs::read_to_string(source).unwrap_or_else(|e| panic!("cannot read {}: {e}", source.display()));
    // A broken template is reported by the template's own loader and tests, with its message;
    // here it is passed on as it is.
    let compact = serde_json::from_str::<serde_json::Value>(&text).map(|v| v.to_string()).unwrap_or(text);
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("xuanren.json");
    std::fs::write(&out, compact).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
}
