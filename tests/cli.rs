//! The real `gongwen` binary on the reference report: every masked figure is reported, and the
//! exit status is 1; `render --docx` on a saved draft file. (Everything else about the command
//! is tested in `src/cli.rs` and `src/cli/render.rs`, in process.)
use std::process::Command;

#[test]
fn gongwen_check_on_the_seed_report() {
    let seed = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/seed-report.txt");
    let run = Command::new(env!("CARGO_BIN_EXE_gongwen"))
        .args(["check", seed])
        .output()
        .unwrap_or_else(|e| panic!("cannot run gongwen: {e}"));
    let out = String::from_utf8_lossy(&run.stdout);
    let err = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "stdout:\n{out}\nstderr:\n{err}");
    assert_eq!(err, "");
    let masks: Vec<&str> = out.lines().filter(|l| l.contains(": error placeholder “*")).collect();
    // *名 three times, **镇 four times, **同志 once.
    assert_eq!(masks.len(), 8, "{out}");
    assert!(masks.iter().all(|l| l.starts_with(&format!("{seed}:"))), "{out}");
    assert!(out.contains("warning missing-date"), "{out}");

    let json = Command::new(env!("CARGO_BIN_EXE_gongwen"))
        .args(["check", "--json", seed])
        .output()
        .unwrap_or_else(|e| panic!("cannot run gongwen: {e}"));
    assert_eq!(json.status.code(), Some(1));
    let found: Vec<serde_json::Value> =
        serde_json::from_slice(&json.stdout).unwrap_or_else(|e| panic!("--json output is not JSON: {e}"));
    assert_eq!(found.iter().filter(|f| f["rule"] == "placeholder").count(), 8);
}

/// The real binary on a saved draft file (the fuzzers' seed, the saved example): without `-o`
/// the Word file is named after the title, in the current folder, like the page's download.
#[test]
fn gongwen_render_docx_on_a_saved_draft() {
    let draft = concat!(env!("CARGO_MANIFEST_DIR"), "/fuzz/seeds/draft_file/example.json");
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("temp dir: {e}"));
    let run = Command::new(env!("CARGO_BIN_EXE_gongwen"))
        .args(["render", "--docx", draft])
        .current_dir(dir.path())
        .output()
        .unwrap_or_else(|e| panic!("cannot run gongwen: {e}"));
    let out = String::from_utf8_lossy(&run.stdout);
    let err = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(0), "stdout:\n{out}\nstderr:\n{err}");
    let name = "关于党工委领导班子2022年以来选人用人工作情况的报告.docx";
    assert_eq!(out, format!("已生成 Word 文件：{name}\n"));
    let bytes = std::fs::read(dir.path().join(name)).unwrap_or_else(|e| panic!("no {name}: {e}"));
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap_or_else(|e| panic!("not a zip: {e}"));
    let mut document = String::new();
    std::io::Read::read_to_string(
        &mut archive.by_name("word/document.xml").unwrap_or_else(|e| panic!("no document.xml: {e}")),
        &mut document,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    // The title in two lines, one paragraph (as the page's Word file).
    assert!(document.contains(">关于党工委领导班子2022年以来</w:t><w:br/><w:t xml:space=\"preserve\">选人用人工作情况的报告</w:t>"));

    // A file that is not a draft: exit 2, a Chinese message, nothing written.
    let seed = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/seed-report.txt");
    let bad = Command::new(env!("CARGO_BIN_EXE_gongwen"))
        .args(["render", "--docx", seed, "-o", "x.docx"])
        .current_dir(dir.path())
        .output()
        .unwrap_or_else(|e| panic!("cannot run gongwen: {e}"));
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("这不是一个完整的草稿文件"));
    assert!(!dir.path().join("x.docx").exists());
}
