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

const SEED: &str = include_str!("fixtures/seed-report.txt");

/// Run the real binary with `args`, `stdin` as its standard input; (status, stdout, stderr).
fn gongwen(args: &[&str], stdin: &[u8]) -> (Option<i32>, String, String) {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_gongwen"))
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run gongwen: {e}"));
    let mut pipe = child.stdin.take().unwrap_or_else(|| panic!("no stdin pipe"));
    pipe.write_all(stdin).unwrap_or_else(|e| panic!("writing stdin: {e}"));
    drop(pipe);
    let run = child.wait_with_output().unwrap_or_else(|e| panic!("gongwen did not finish: {e}"));
    (run.status.code(), String::from_utf8_lossy(&run.stdout).into_owned(), String::from_utf8_lossy(&run.stderr).into_owned())
}

/// `gongwen check -` reads standard input (UTF-8 or GB18030) and names it `-`.
#[test]
fn gongwen_check_dash_reads_standard_input() {
    let seed = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/seed-report.txt");
    let (code, from_file, _) = gongwen(&["check", seed], b"");
    assert_eq!(code, Some(1));
    let (gb, _, unmappable) = encoding_rs::GB18030.encode(SEED);
    assert!(!unmappable);
    for bytes in [SEED.as_bytes(), &gb] {
        let (code, out, err) = gongwen(&["check", "-"], bytes);
        assert_eq!((code, err.as_str()), (Some(1), ""), "{out}");
        assert_eq!(out, from_file.replace(&format!("{seed}:"), "-:"));
    }
    let (code, out, err) = gongwen(&["check", "--json", "-"], SEED.as_bytes());
    assert_eq!(code, Some(1), "{err}");
    let found: Vec<serde_json::Value> = serde_json::from_str(&out).unwrap_or_else(|e| panic!("not JSON ({e}): {out}"));
    assert!(!found.is_empty() && found.iter().all(|f| f["file"] == "-"), "{out}");
    // Not text on standard input: status 2, said in Chinese.
    let (code, out, err) = gongwen(&["check", "-"], b"PK\x03\x04\x00\x00\x00");
    assert_eq!(code, Some(2));
    assert!(err.contains("无法读取“-”") && err.contains("不是 UTF-8 或 GB18030"), "{err}");
    assert_eq!(out, "没有检查任何文件：1 个文件无法读取。\n");
}

/// `gongwen check DIR`: every .txt at any depth, in path order, a count per file and a total;
/// the counts are the library's own for each text.
#[test]
fn gongwen_check_a_folder_file_by_file() {
    use gongwen::domain::check::Severity;
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("temp dir: {e}"));
    let write = |rel: &str, bytes: &[u8]| {
        let path = dir.path().join(rel);
        std::fs::create_dir_all(path.parent().unwrap_or(dir.path())).unwrap_or_else(|e| panic!("{e}"));
        std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("write {rel}: {e}"));
        path.to_string_lossy().into_owned()
    };
    let clean_text = "市委巡察组：\n一、总体情况\n特此报告。\n党工委\n2024年3月5日\n";
    let gb_text = "一、总体情况\n选派*名干部到**镇挂职。\n党工委\n2024年3月5日\n";
    let (gb, _, _) = encoding_rs::GB18030.encode(gb_text);
    assert!(std::str::from_utf8(&gb).is_err(), "the GB18030 file is not also UTF-8");
    let clean = write("办公室/a.txt", clean_text.as_bytes());
    let seed = write("2024/seed.txt", SEED.as_bytes());
    let quarter = write("2024/一季度/gb18030.txt", &gb);
    write("2024/notes.md", "选派*名干部".as_bytes());
    write("2024/report.docx", b"PK\x03\x04\x00\x00");
    let root = dir.path().to_string_lossy().into_owned();

    let counts = |text: &str| {
        // The year the command line itself uses.
        let ctx = gongwen::domain::check::Context { current_year: gongwen::cli::this_year().unwrap_or(2026) };
        let found = gongwen::domain::check::document::check_document_with(text, &ctx);
        let n = |s: Severity| found.iter().filter(|f| f.finding.severity == s).count();
        (n(Severity::Error), n(Severity::Warning), n(Severity::Hint))
    };
    let line = |(e, w, h): (usize, usize, usize)| {
        if e + w + h == 0 {
            "没有发现问题。".to_string()
        } else {
            format!("错误 {e} 处，警告 {w} 处，提示 {h} 处。")
        }
    };
    // Sorted by path: 2024/seed.txt, 2024/一季度/gb18030.txt, 办公室/a.txt.
    let files = [(&seed, SEED), (&quarter, gb_text), (&clean, clean_text)];
    let (code, out, err) = gongwen(&["check", &root], b"");
    assert_eq!((code, err.as_str()), (Some(1), ""), "{out}");
    let summaries: Vec<&str> = out.lines().filter(|l| l.starts_with(&root) && !l.contains(".txt:")).collect();
    let want: Vec<String> = files.iter().map(|(path, text)| format!("{path}：{}", line(counts(text)))).collect();
    assert_eq!(summaries, want, "{out}");
    let total = files.iter().map(|(_, t)| counts(t)).fold((0, 0, 0), |a, c| (a.0 + c.0, a.1 + c.1, a.2 + c.2));
    assert_eq!(out.lines().last(), Some(format!("检查了 3 个文件：{}", line(total)).as_str()), "{out}");
    // The GB18030 file's findings are read right; each file's lines come before its count.
    assert!(out.contains(&format!("{quarter}:2:3: error placeholder “*”")), "{out}");
    let at = |s: &str| out.find(s).unwrap_or_else(|| panic!("no {s} in {out}"));
    assert!(at(&format!("{quarter}:2:3:")) < at(&format!("{quarter}：")) && at(&format!("{seed}：")) < at(&format!("{quarter}:2:3:")));
    assert!(!out.contains("notes.md") && !out.contains("report.docx"), "{out}");
    // The same output every time, whichever core finishes first.
    assert_eq!(gongwen(&["check", &root], b"").1, out);

    // A binary file named .txt: the others are still checked, the status is 2.
    let broken = write("2024/broken.txt", b"\x00\x01\x02PK\x03\x04");
    let (code, out2, err) = gongwen(&["check", &root], b"");
    assert_eq!(code, Some(2), "{out2}");
    assert!(err.contains(&format!("无法读取“{broken}”")) && err.contains("不是 UTF-8 或 GB18030"), "{err}");
    assert_eq!(out2.lines().last(), Some(format!("检查了 3 个文件：{}另有 1 个文件无法读取。", line(total)).as_str()));

    // A clean folder exits 0.
    let (code, out, _) = gongwen(&["check", &dir.path().join("办公室").to_string_lossy()], b"");
    assert_eq!(code, Some(0), "{out}");
}
