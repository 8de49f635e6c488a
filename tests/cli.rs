//! The real `gongwen` binary on the reference report: every masked figure is reported, and the
//! exit status is 1. (Everything else about the command is tested in `src/cli.rs`, in process.)
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
