//! The real `gongwen` binary on the reference report: every masked figure is reported, and the
//! exit status is 1; `render --docx` on a saved draft file. (Everything else about the command
//! is tested in `src/cli.rs` and `src/cli/render.rs`, in process.) Word files made by LibreOffice
//! from the same texts give the same findings as the texts.
use std::process::Command;

#[test]
fn gongwen_check_on_the_seed_report() {
    let seed = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/seed-report.txt");
    let run =
        Command::new(env!("CARGO_BIN_EXE_gongwen")).args(["check", seed]).output().unwrap_or_else(|e| panic!("cannot run gongwen: {e}"));
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
    let found: Vec<serde_json::Value> = serde_json::from_slice(&json.stdout).unwrap_or_else(|e| panic!("--json output is not JSON: {e}"));
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
    // Not a report file (a folder's .docx are checked since issue #22: tested below).
    write("2024/report.xlsx", b"PK\x03\x04\x00\x00");
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
    assert!(!out.contains("notes.md") && !out.contains("report.xlsx"), "{out}");
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

/// Run the real binary in `dir`; (status, stdout, stderr).
fn gongwen_in(dir: &std::path::Path, args: &[&str]) -> (Option<i32>, String, String) {
    let run = Command::new(env!("CARGO_BIN_EXE_gongwen"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap_or_else(|e| panic!("cannot run gongwen: {e}"));
    (run.status.code(), String::from_utf8_lossy(&run.stdout).into_owned(), String::from_utf8_lossy(&run.stderr).into_owned())
}

/// The built-in template files, `templates/*.json` but the index.
fn template_files() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/templates");
    let mut files: Vec<String> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json") && p.file_name().is_some_and(|n| n != "index.json"))
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    files.sort();
    files
}

/// `gongwen template check`: every built-in file is usable (0); a refused template is named
/// with the place and the page's message (1); an unreadable file is said on stderr (2).
#[test]
fn gongwen_template_check() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("temp dir: {e}"));
    let files = template_files();
    assert!(files.len() >= 5, "{files:?}");
    let mut args = vec!["template", "check"];
    args.extend(files.iter().map(String::as_str));
    let (code, out, err) = gongwen_in(dir.path(), &args);
    assert_eq!((code, err.as_str()), (Some(0), ""), "{out}");
    for f in &files {
        assert!(out.contains(&format!("{f}：可以使用（")), "{f}: {out}");
    }
    assert_eq!(out.lines().last(), Some(format!("检查了 {} 个模板文件：{} 个可以使用，0 个有误。", files.len(), files.len()).as_str()));

    // Broken templates: (file, its text, what the message says).
    let good = std::fs::read_to_string(&files[0]).unwrap_or_else(|e| panic!("{e}"));
    let table: [(&str, String, &str); 4] = [
        ("cut.json", good.chars().take(good.chars().count() / 2).collect(), "文件 cut.json：第 "),
        ("newer.json", good.replacen("\"format\": 1", "\"format\": 9", 1).replacen("\"format\": 2", "\"format\": 9", 1), "文件 newer.json：format：报告模板的格式版本 9 比本程序新"),
        ("slot.json", good.replacen("\"example\": \"特此报告。\"", "\"example\": \"特此报告。{no_such_figure}\"", 1), "no_such_figure"),
        (
            "answers.json",
            r#"{"format":2,"id":"x","name":"某报告","title":"关于某事的报告","parts":[
                {"id":"measures","kind":"section","label":"一、措施","heading":"措施","hint":"写措施","example":"例",
                 "items":{"layout":"measure","label":"措施","min":1,"max":3,"heading_hint":"写措施","answers":"problems","examples":[{"heading":"措施"}]}}]}"#
                .to_string(),
            "文件 answers.json：parts[0].items.answers：answers 指向的部分“problems”不存在",
        ),
    ];
    for (name, text, says) in &table {
        std::fs::write(dir.path().join(name), text).unwrap_or_else(|e| panic!("{e}"));
        let (code, out, err) = gongwen_in(dir.path(), &["template", "check", name]);
        assert_eq!((code, err.as_str()), (Some(1), ""), "{name}: {out}");
        assert!(out.contains(says), "{name}: {out}");
        assert!(out.ends_with("检查了 1 个模板文件：0 个可以使用，1 个有误。\n"), "{out}");
    }
    // The slot message names the place: the closing part's example.
    let (_, out, _) = gongwen_in(dir.path(), &["template", "check", "slot.json"]);
    assert!(out.starts_with("文件 slot.json：parts["), "{out}");

    // A good file, a refused one and a missing one: 2, the good one still said usable.
    let (code, out, err) = gongwen_in(dir.path(), &["template", "check", &files[0], "answers.json", "没有这个模板.json"]);
    assert_eq!(code, Some(2), "{out}");
    assert!(err.contains("无法读取“没有这个模板.json”：找不到这个文件。"), "{err}");
    assert!(out.contains("可以使用") && out.contains("文件 answers.json："), "{out}");
    assert!(out.ends_with("检查了 3 个模板文件：1 个可以使用，1 个有误，1 个无法读取。\n"), "{out}");
    // Usage: 2.
    for args in [&["template"][..], &["template", "check"], &["template", "lint", "a.json"]] {
        let (code, out, err) = gongwen_in(dir.path(), args);
        assert_eq!((code, out.as_str()), (Some(2), ""), "{args:?}");
        assert!(err.contains("用法"), "{err}");
    }
}

/// `gongwen template list`, `gongwen example --template ID`, then `gongwen check --template ID`
/// on what it printed: every built-in report type's example is clean as its own type.
#[test]
fn gongwen_example_then_check_as_that_type_for_every_builtin() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("temp dir: {e}"));
    let (code, list, _) = gongwen_in(dir.path(), &["template", "list"]);
    assert_eq!(code, Some(0));
    let ids: Vec<&str> = list.lines().filter_map(|l| l.split('\t').next()).collect();
    assert_eq!(ids.len(), template_files().len(), "{list}");
    assert!(ids.contains(&"rectification-progress") && ids.contains(&"life-meeting-check"), "{list}");
    for id in ids {
        let (code, text, err) = gongwen_in(dir.path(), &["example", "--template", id]);
        assert_eq!((code, err.as_str()), (Some(0), ""), "{id}");
        assert!(text.lines().count() > 8, "{id}: {text}");
        let file = dir.path().join(format!("{id}.txt"));
        std::fs::write(&file, &text).unwrap_or_else(|e| panic!("{e}"));
        let (code, out, err) = gongwen_in(dir.path(), &["check", "--template", id, &file.to_string_lossy()]);
        assert_eq!((code, err.as_str()), (Some(0), ""), "{id}: {out}");
        assert!(!out.contains(" error ") && !out.contains(" warning "), "{id}: {out}\n{text}");
    }
}

/// `check --template`: the type's head and tail are demanded, not guessed. A report with
/// neither 主送机关 nor 特此报告 passes the guess, not its type; meeting material must not
/// close with 特此报告.
#[test]
fn gongwen_check_as_a_type() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("temp dir: {e}"));
    let bare = "关于某事的报告\n一、主要工作\n全年开展活动6次。\n";
    std::fs::write(dir.path().join("bare.txt"), bare).unwrap_or_else(|e| panic!("{e}"));
    let (code, out, _) = gongwen_in(dir.path(), &["check", "bare.txt"]);
    assert_eq!((code, out.as_str()), (Some(0), "检查了 1 个文件：没有发现问题。\n"));
    let (code, out, _) = gongwen_in(dir.path(), &["check", "--template", "annual-summary", "bare.txt"]);
    assert_eq!(code, Some(0), "warnings only: {out}");
    for rule in ["missing-addressee", "missing-closing", "missing-signature", "missing-date"] {
        assert!(out.contains(&format!(": warning {rule} ")), "{rule}: {out}");
    }
    assert!(out.starts_with("bare.txt:2:1: warning missing-addressee "), "{out}");

    let meeting = "某领导班子对照检查材料\n一、存在的主要问题\n学习不够深入。\n特此报告。\n某领导班子\n2026年1月16日\n";
    std::fs::write(dir.path().join("meeting.txt"), meeting).unwrap_or_else(|e| panic!("{e}"));
    let (_, out, _) = gongwen_in(dir.path(), &["check", "--template=life-meeting-check", "meeting.txt"]);
    assert!(out.contains("meeting.txt:4:1: warning genre-closing "), "{out}");
    assert!(!out.contains("missing-"), "{out}");

    // A 述职 (a template file of genre personal, its 称呼 optional): no 主送机关 asked for, a name
    // and a date are; 特此报告 is another genre's closing.
    let personal = r#"{"format":2,"id":"debrief","name":"述职报告","genre":"personal","title":"{year}年度述职报告",
        "slots":[{"id":"year","label":"年度","hint":"写四位数字","kind":"year","example":"2025"}],
        "parts":[{"id":"salutation","kind":"addressee","label":"称呼","hint":"口头述职时写","example":"各位领导、同志们：","required":false},
        {"id":"body","kind":"paragraph","label":"正文","hint":"写本人履职情况","example":"本人认真履职。","required":true},
        {"id":"signature","kind":"signature","label":"署名","hint":"写述职人姓名","example":"张伟","required":true},
        {"id":"date","kind":"date","label":"日期","hint":"写日期","example":"2026年1月10日","required":true}]}"#;
    std::fs::write(dir.path().join("debrief.json"), personal).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(dir.path().join("debrief.txt"), "2025年度述职报告\n本人认真履职，完成各项任务。\n特此报告。\n")
        .unwrap_or_else(|e| panic!("{e}"));
    let (code, out, _) = gongwen_in(dir.path(), &["check", "--template", "debrief.json", "debrief.txt"]);
    assert_eq!(code, Some(0), "{out}");
    for rule in ["genre-closing", "missing-signature", "missing-date"] {
        assert!(out.contains(&format!(": warning {rule} ")), "{rule}: {out}");
    }
    assert!(!out.contains("missing-addressee") && !out.contains("missing-closing"), "{out}");

    // A template that cannot be had: 2, and the built-in types are listed.
    let (code, out, err) = gongwen_in(dir.path(), &["check", "--template", "no-such-type", "bare.txt"]);
    assert_eq!((code, out.as_str()), (Some(2), ""));
    assert!(err.contains("“no-such-type”既不是内置的报告类型") && err.contains("xuanren-report（选人用人工作情况报告）"), "{err}");
    let (code, _, err) = gongwen_in(dir.path(), &["check", "--template"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("选项 --template 后面要写报告类型或模板文件"), "{err}");
}

/// `example --template FILE`: a unit's own template file (the README's worked example).
#[test]
fn gongwen_example_from_a_template_file() {
    let readme = include_str!("../templates/README.md");
    let worked = readme.split("```json\n").last().and_then(|b| b.split("\n```").next()).unwrap_or_default();
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("temp dir: {e}"));
    std::fs::write(dir.path().join("union-work.json"), worked).unwrap_or_else(|e| panic!("{e}"));
    let (code, out, err) = gongwen_in(dir.path(), &["template", "check", "union-work.json"]);
    assert_eq!((code, err.as_str()), (Some(0), ""), "{out}");
    let (code, out, err) = gongwen_in(dir.path(), &["example", "--template", "union-work.json"]);
    assert_eq!((code, err.as_str()), (Some(0), ""));
    assert!(out.starts_with("关于市财政局工会2025年度工作情况的报告\n市直机关工会工作委员会：\n"), "{out}");
    assert!(out.ends_with("特此报告。\n市财政局工会\n2025年12月20日\n"), "{out}");
    // A broken file: 2, the page's message naming the file.
    std::fs::write(dir.path().join("broken.json"), "{\"format\": 2,").unwrap_or_else(|e| panic!("{e}"));
    let (code, out, err) = gongwen_in(dir.path(), &["example", "--template", "broken.json"]);
    assert_eq!((code, out.as_str()), (Some(2), ""));
    assert!(err.starts_with("gongwen：文件 broken.json：第 1 行"), "{err}");
}

/// `gongwen template check templates/index.json`: the index beside the page, as the build
/// writes it (every built-in template) and extended by hand with a unit's own; then spoilt.
#[test]
fn gongwen_template_check_an_index() {
    use gongwen::domain::model::builtin::{index_json, INDEX};
    use serde_json::json;
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("temp dir: {e}"));
    let built: serde_json::Value = serde_json::from_str(&index_json()).unwrap_or_else(|e| panic!("{e}"));
    let mut entries: Vec<serde_json::Value> = built["templates"].as_array().cloned().unwrap_or_default();
    assert_eq!(entries.len(), INDEX.len());
    for f in template_files() {
        let name = std::path::Path::new(&f).file_name().unwrap_or_default().to_owned();
        std::fs::copy(&f, dir.path().join(name)).unwrap_or_else(|e| panic!("{e}"));
    }
    let readme = include_str!("../templates/README.md");
    let worked = readme.split("```json\n").last().and_then(|b| b.split("\n```").next()).unwrap_or_default();
    std::fs::write(dir.path().join("union-work.json"), worked).unwrap_or_else(|e| panic!("{e}"));
    entries.push(json!({ "id": "union-work-report", "file": "union-work.json", "name": "工会工作情况报告" }));
    let write = |entries: &[serde_json::Value]| {
        std::fs::write(dir.path().join("index.json"), json!({ "format": 2, "templates": entries }).to_string())
            .unwrap_or_else(|e| panic!("{e}"));
    };
    write(&entries);
    let (code, out, err) = gongwen_in(dir.path(), &["template", "check", "index.json"]);
    assert_eq!((code, err.as_str()), (Some(0), ""), "{out}");
    assert!(out.starts_with(&format!("index.json：模板索引，列出的 {} 个模板都可以使用。\n", INDEX.len() + 1)), "{out}");

    // Spoilt: a wrong name, a file in another folder, a missing file, parts out of date.
    let n = entries.len();
    entries[n - 1]["name"] = json!("工会报告");
    entries[0]["file"] = json!("../xuanren.json");
    entries[1]["file"] = json!("没有这个.json");
    entries[2]["parts"] = json!(["开头语"]);
    write(&entries);
    let (code, out, _) = gongwen_in(dir.path(), &["template", "check", "index.json"]);
    assert_eq!(code, Some(1), "{out}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 5, "{out}");
    assert!(lines[0].starts_with("文件 index.json：templates[0]：file“../xuanren.json”应是同一文件夹里的 .json 文件名"), "{out}");
    assert!(lines[1].starts_with("文件 index.json：templates[1]：无法读取“没有这个.json”：找不到这个文件。"), "{out}");
    assert!(lines[2].starts_with("文件 index.json：templates[2]：parts 应是模板各部分的名称："), "{out}");
    assert!(
        lines[3].starts_with(&format!("文件 index.json：templates[{}]：name 写的是“工会报告”，模板文件里是“工会工作情况报告”", n - 1)),
        "{out}"
    );
    assert_eq!(lines[4], "检查了 1 个模板文件：0 个可以使用，1 个有误。");
}

/// `gongwen template from`: a model report (here the rectification example, as `gongwen example`
/// prints it, saved in GB18030 as Windows tools save it) becomes a template file that
/// `template check` accepts as it is, whose example `gongwen example` prints back as the model;
/// without `-o` the JSON goes to standard output; a bad model or a Word file gets a Chinese
/// message and exit 2, and nothing is written.
#[test]
fn gongwen_template_from_a_model_report() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("temp dir: {e}"));
    let (code, model, _) = gongwen_in(dir.path(), &["example", "--template", "rectification-progress"]);
    assert_eq!(code, Some(0));
    let (gbk, _, _) = encoding_rs::GB18030.encode(&model);
    std::fs::write(dir.path().join("范文.txt"), &gbk).unwrap_or_else(|e| panic!("{e}"));

    let (code, said, err) = gongwen_in(dir.path(), &["template", "from", "范文.txt", "-o", "整改.json"]);
    assert_eq!((code, err.as_str()), (Some(0), ""), "{said}");
    assert!(said.starts_with("由范文 范文.txt 生成了模板“"), "{said}");
    assert!(said.contains("已保存到 整改.json。") && said.contains("推测的关系"), "{said}");
    let (code, out, err) = gongwen_in(dir.path(), &["template", "check", "整改.json"]);
    assert_eq!((code, err.as_str()), (Some(0), ""), "{out}");
    assert!(out.starts_with("整改.json：可以使用（"), "{out}");
    let (code, again, _) = gongwen_in(dir.path(), &["example", "--template", "整改.json"]);
    assert_eq!((code, again), (Some(0), model.clone()));
    // The line it gives for templates/index.json passes the index check.
    let line = said.lines().find(|l| l.starts_with('{')).unwrap_or_else(|| panic!("no index line: {said}"));
    std::fs::write(dir.path().join("index.json"), format!("{{\"format\": 2, \"templates\": [{line}]}}")).unwrap_or_else(|e| panic!("{e}"));
    let (code, checked, err) = gongwen_in(dir.path(), &["template", "check", "index.json"]);
    assert_eq!((code, err.as_str()), (Some(0), ""), "{checked}");

    // To standard output: the same file; the notes on standard error.
    let (code, json, err) = gongwen_in(dir.path(), &["template", "from", "范文.txt"]);
    assert_eq!(code, Some(0));
    assert_eq!(json, std::fs::read_to_string(dir.path().join("整改.json")).unwrap_or_default());
    assert!(err.contains("生成了模板"), "{err}");

    // Bad models and arguments: exit 2, a Chinese message, nothing written.
    std::fs::write(dir.path().join("空.txt"), "").unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(dir.path().join("english.txt"), "Annual report of the finance bureau, in English only.")
        .unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(dir.path().join("范文.docx"), b"PK\x03\x04").unwrap_or_else(|e| panic!("{e}"));
    let table: [(&[&str], &str); 6] = [
        (&["template", "from", "空.txt", "-o", "x.json"], "范文是空的"),
        (&["template", "from", "english.txt", "-o", "x.json"], "几乎没有汉字"),
        (&["template", "from", "范文.docx", "-o", "x.json"], "已损坏"),
        (&["template", "from", "没有这个文件.txt", "-o", "x.json"], "找不到这个文件"),
        (&["template", "from"], "请给出范文"),
        (&["template", "from", "范文.txt", "-o"], "后面要写保存到哪个文件"),
    ];
    for (args, says) in table {
        let (code, out, err) = gongwen_in(dir.path(), args);
        assert_eq!(code, Some(2), "{args:?}: {out}");
        assert!(err.contains(says), "{args:?}: {err}");
    }
    assert!(!dir.path().join("x.json").exists());
}

/// `gongwen check X.docx` finds what `gongwen check X.txt` finds, rule and line, for Word files
/// LibreOffice made from those texts (`tests/fixtures/docx/README.md`); a folder of both checks
/// both.
#[test]
fn gongwen_check_a_libreoffice_word_file_finds_what_its_text_finds() {
    let root = env!("CARGO_MANIFEST_DIR");
    let cases = [
        ("seed-report", format!("{root}/tests/fixtures/seed-report.txt")),
        ("b-gzbg-2026-qinghai", format!("{root}/tests/corpus/b-gzbg-2026-qinghai.txt")),
        ("xuanren-report.1", format!("{root}/tests/fixtures/old-reports/xuanren-report.1.txt")),
        ("test-rectification-progress.1", format!("{root}/tests/fixtures/old-reports/test-rectification-progress.1.txt")),
    ];
    let findings = |path: &str| {
        let (code, out, err) = gongwen(&["check", "--json", path], b"");
        assert_eq!(err, "", "{path}");
        let found: Vec<serde_json::Value> = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{path}: not JSON ({e}): {out}"));
        let found: Vec<(String, u64, u64, String)> = found
            .iter()
            .map(|f| {
                (
                    f["rule"].as_str().unwrap_or_default().to_string(),
                    f["line"].as_u64().unwrap_or(0),
                    f["col"].as_u64().unwrap_or(0),
                    f["text"].to_string(),
                )
            })
            .collect();
        (code, found)
    };
    let mut any = 0;
    for (name, txt) in cases {
        let docx = format!("{root}/tests/fixtures/docx/{name}.docx");
        let (code, from_word) = findings(&docx);
        assert_eq!((code, &from_word), (findings(&txt).0, &findings(&txt).1), "{name}");
        any += from_word.len();
    }
    assert!(any > 10, "the fixtures have findings to compare");
    // A folder with a .docx and a .txt checks both.
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("temp dir: {e}"));
    std::fs::copy(format!("{root}/tests/fixtures/docx/seed-report.docx"), dir.path().join("去年.docx")).unwrap_or_else(|e| panic!("{e}"));
    std::fs::copy(format!("{root}/tests/fixtures/seed-report.txt"), dir.path().join("去年.txt")).unwrap_or_else(|e| panic!("{e}"));
    let (code, out, _) = gongwen(&["check", &dir.path().to_string_lossy()], b"");
    assert_eq!(code, Some(1), "{out}");
    let count = |ext: &str| out.lines().filter(|l| l.contains(&format!("去年.{ext}:"))).count();
    assert!(count("docx") > 0 && count("docx") == count("txt"), "{out}");
    assert!(out.contains("检查了 2 个文件"), "{out}");
}

/// `gongwen template from` takes a Word file as it takes text: LibreOffice's .docx of an old
/// report gives the same template as the report's text.
#[test]
fn gongwen_template_from_a_word_file_equals_from_its_text() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("temp dir: {e}"));
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let docx = fixtures.join("docx/test-rectification-progress.1.docx");
    let txt = fixtures.join("old-reports/test-rectification-progress.1.txt");
    let (code, from_word, err) = gongwen_in(dir.path(), &["template", "from", docx.to_str().unwrap_or_default()]);
    assert_eq!(code, Some(0), "{err}");
    let (code, from_text, err) = gongwen_in(dir.path(), &["template", "from", txt.to_str().unwrap_or_default()]);
    assert_eq!(code, Some(0), "{err}");
    assert!(from_word.contains("\"parts\""), "a template: {from_word}");
    assert_eq!(from_word, from_text);
}

/// The rules added for issue #23's fourth round run in the command too (the page runs the same
/// checker): a line of each of the held6 slips' kinds, reported on its line with its rule.
#[test]
fn gongwen_check_reports_the_wording_rules() {
    let text = "现就将上半年工作进展情况汇报如下：\n三切实履行“一岗双责”。\n成功应对“5.12”特大地震。\n严格按照重要事件节点推进工作。\n";
    let (code, out, err) = gongwen(&["check", "-"], text.as_bytes());
    assert_eq!(err, "", "{out}");
    for (line, rule) in
        [(1, "warning usage"), (2, "warning punct-ordinal-mark"), (3, "warning punct-event-date"), (4, "warning confusable")]
    {
        assert!(out.lines().any(|l| l.starts_with(&format!("-:{line}:")) && l.contains(rule)), "no {rule} on line {line}:\n{out}");
    }
    assert!(out.contains("“现就将”用词不当，应为“现将”"), "{out}");
    // Warnings only: the status stays 0 (only errors make it 1).
    assert_eq!(code, Some(0), "{out}");
}
