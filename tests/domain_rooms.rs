//! The domain's rooms depend on each other only as the data flows (`src/domain/mod.rs`): code in
//! a room names only rooms before it, so no import cycle can come back. Test code (after a
//! file's `#[cfg(test)]`) may use any room.
use std::path::Path;

/// Each room and the rooms its code may use.
const ALLOWED: &[(&str, &[&str])] = &[
    ("model", &[]),
    ("input", &["model"]),
    ("check", &["model", "input"]),
    ("guide", &["model", "input", "check"]),
    ("output", &["model"]),
    ("store", &["model", "output"]),
    ("workshop", &["model", "input", "check", "output"]),
];
const ROOMS: &[&str] = &["model", "input", "check", "guide", "output", "store", "workshop"];

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The rooms a file's non-test code names, as `crate::domain::ROOM`.
fn rooms_used(source: &str) -> Vec<&'static str> {
    let code = source.split("#[cfg(test)]").next().unwrap_or("");
    ROOMS.iter().copied().filter(|room| code.contains(&format!("crate::domain::{room}"))).collect()
}

#[test]
fn rooms_use_only_rooms_before_them() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/domain");
    let mut wrong = Vec::new();
    for (room, allowed) in ALLOWED {
        let mut files = Vec::new();
        rust_files(&root.join(room), &mut files);
        assert!(!files.is_empty(), "room {room} has no files");
        for file in files {
            let source = std::fs::read_to_string(&file).unwrap();
            for used in rooms_used(&source) {
                if used != *room && !allowed.contains(&used) {
                    wrong.push(format!("{} uses {used}", file.display()));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "back edges between rooms: {wrong:#?}");
}

#[test]
fn a_back_edge_is_seen() {
    let source = "use crate::domain::check::Finding;\n#[cfg(test)]\nmod tests { use crate::domain::output::render; }";
    assert_eq!(rooms_used(source), vec!["check"]);
}

/// Browser crates the domain must never name: it is plain Rust, tested natively, and the page's
/// components (src/ui) are the only code that touches the browser.
const BROWSER_CRATES: &[&str] = &["yew", "web_sys", "js_sys", "wasm_bindgen", "gloo", "gloo_events"];

/// The browser crates a file's code names (`yew::…`, `use web_sys`, …), test code included.
fn browser_crates_used(source: &str) -> Vec<&'static str> {
    let names_crate = |krate: &str| {
        source.match_indices(krate).any(|(at, _)| {
            let before = source[..at].chars().next_back();
            let after = &source[at + krate.len()..];
            let starts_name = !before.is_some_and(|c| c.is_alphanumeric() || c == '_');
            starts_name && (after.starts_with("::") || after.starts_with(';') || after.starts_with(" as ") || after.starts_with("::{"))
        })
    };
    BROWSER_CRATES.iter().copied().filter(|krate| names_crate(krate)).collect()
}

#[test]
fn the_domain_names_no_browser_crate() {
    let mut files = Vec::new();
    rust_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src/domain"), &mut files);
    assert!(files.len() > 20, "src/domain holds the domain's files");
    let mut wrong = Vec::new();
    for file in files {
        let source = std::fs::read_to_string(&file).unwrap();
        for krate in browser_crates_used(&source) {
            wrong.push(format!("{} uses {krate}", file.display()));
        }
    }
    assert!(wrong.is_empty(), "browser crates in the domain: {wrong:#?}");
}

#[test]
fn a_browser_crate_is_seen() {
    assert_eq!(browser_crates_used("use yew::prelude::*;\nfn f() {}"), vec!["yew"]);
    assert_eq!(browser_crates_used("let w = web_sys::window();"), vec!["web_sys"]);
    assert_eq!(browser_crates_used("use wasm_bindgen;"), vec!["wasm_bindgen"]);
    // A word that merely contains a crate's name is not a use of it.
    assert!(browser_crates_used("let x = my_yew::x + not_yew::thing;").is_empty());
    assert!(browser_crates_used("fn yewish() {} // gloomy").is_empty());
}
