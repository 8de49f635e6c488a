//! `gongwen render --docx 草稿.json [-o 报告.docx]`: a saved draft file (the page's “保存草稿文件”)
//! as the same Word document the page downloads.
use std::io::{self, Write};
use std::path::Path;

use super::{read_bytes, this_year, USAGE};
use crate::domain::check::{check_draft_with, Context, Severity};
use crate::domain::model::template::xuanren;
use crate::domain::output::docx::docx_bytes;
use crate::domain::output::render::file_stem;
use crate::domain::store::saved::from_json;

struct Request<'a> {
    draft: &'a str,
    output: Option<&'a str>,
}

enum Parsed<'a> {
    Help,
    Render(Request<'a>),
}

pub fn command(args: &[String], out: &mut impl Write, err: &mut impl Write) -> io::Result<i32> {
    match parse(args) {
        Ok(Parsed::Help) => {
            out.write_all(USAGE.as_bytes())?;
            out.flush()?;
            Ok(0)
        }
        Ok(Parsed::Render(request)) => render(&request, out, err),
        Err(problem) => {
            write!(err, "gongwen：{problem}\n\n{USAGE}")?;
            Ok(2)
        }
    }
}

fn parse(args: &[String]) -> Result<Parsed<'_>, String> {
    let (mut docx, mut output, mut inputs, mut options_done) = (false, None, Vec::new(), false);
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            _ if options_done => inputs.push(arg.as_str()),
            "--" => options_done = true,
            "--docx" => docx = true,
            "-h" | "--help" => return Ok(Parsed::Help),
            "-o" | "--output" => {
                let file = rest.next().ok_or_else(|| format!("选项 {arg} 后面要写保存到哪个文件，例如 {arg} 报告.docx"))?;
                output = Some(file.as_str());
            }
            a if a.starts_with("--output=") => output = Some(&a["--output=".len()..]),
            a if a.starts_with('-') => return Err(format!("不认识的选项“{a}”。")),
            a => inputs.push(a),
        }
    }
    if !docx {
        return Err("请写上 --docx，生成 Word 文件，例如 gongwen render --docx 草稿.json -o 报告.docx".to_string());
    }
    match inputs.as_slice() {
        [] => Err("请给出草稿文件（网页上“保存草稿文件”得到的 .json 文件），例如 gongwen render --docx 草稿.json".to_string()),
        [draft] => Ok(Parsed::Render(Request { draft, output })),
        more => Err(format!("一次只能生成一份报告，却给了 {} 个草稿文件。", more.len())),
    }
}

fn render(request: &Request<'_>, out: &mut impl Write, err: &mut impl Write) -> io::Result<i32> {
    let template = xuanren();
    let file = request.draft;
    let loaded = read_bytes(Path::new(file)).and_then(|bytes| {
        let text = std::str::from_utf8(&bytes).map_err(|_| not_a_draft())?;
        from_json(text.trim_start_matches('\u{FEFF}'), &template).map_err(|e| e.to_string())
    });
    let saved = match loaded {
        Ok(saved) => saved,
        Err(why) => {
            writeln!(err, "gongwen：无法打开草稿文件“{file}”：{why}")?;
            return Ok(2);
        }
    };
    let bytes = match docx_bytes(&template, &saved.draft) {
        Ok(bytes) => bytes,
        Err(e) => {
            writeln!(err, "gongwen：{e}")?;
            return Ok(2);
        }
    };
    let target = request.output.map_or_else(|| format!("{}.docx", file_stem(&template, &saved.draft)), str::to_string);
    if let Err(why) = write_file(Path::new(&target), &bytes) {
        writeln!(err, "gongwen：无法保存“{target}”：{why}")?;
        return Ok(2);
    }
    writeln!(out, "已生成 Word 文件：{target}")?;
    // The page asks before downloading a report with errors; here the file is made and the
    // clerk told, as a command cannot ask.
    let ctx = Context { current_year: this_year().unwrap_or(Context::default().current_year) };
    let errors = check_draft_with(&template, &saved.draft, &ctx).iter().filter(|f| f.finding.severity == Severity::Error).count();
    if errors > 0 {
        writeln!(
            err,
            "注意：报告里还有 {errors} 处需要修改的问题（如漏填的数字），文件里也带着它们。请在网页上打开这个草稿文件逐项修改。"
        )?;
    }
    out.flush()?;
    Ok(0)
}

fn not_a_draft() -> String {
    "这不是草稿文件。草稿文件是网页上“保存草稿文件”得到的 .json 文件。".to_string()
}

fn write_file(path: &Path, bytes: &[u8]) -> Result<(), String> {
    if path.is_dir() {
        return Err("这是一个文件夹，请写上文件名，例如 报告.docx。".to_string());
    }
    std::fs::write(path, bytes).map_err(|e| match e.kind() {
        io::ErrorKind::NotFound => "所在的文件夹不存在。".to_string(),
        io::ErrorKind::PermissionDenied => "没有写入的权限。".to_string(),
        _ => format!("写入出错（{e}）。"),
    })
}

#[cfg(test)]
mod tests {
    use super::super::run;
    use crate::domain::model::draft::Draft;
    use crate::domain::model::template::xuanren;
    use crate::domain::store::saved::to_json;
    use std::io::Read;

    fn gongwen(args: &[&str]) -> (i32, String, String) {
        let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let code = run(&args, &mut out, &mut err);
        (code, String::from_utf8_lossy(&out).into_owned(), String::from_utf8_lossy(&err).into_owned())
    }

    fn dir() -> tempfile::TempDir {
        tempfile::tempdir().unwrap_or_else(|e| panic!("temp dir: {e}"))
    }

    fn path(d: &tempfile::TempDir, name: &str) -> String {
        d.path().join(name).to_string_lossy().into_owned()
    }

    fn document_xml(docx: &[u8]) -> String {
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap_or_else(|e| panic!("not a zip: {e}"));
        let mut text = String::new();
        let mut entry = archive.by_name("word/document.xml").unwrap_or_else(|e| panic!("no document.xml: {e}"));
        entry.read_to_string(&mut text).unwrap_or_else(|e| panic!("{e}"));
        text
    }

    #[test]
    fn a_saved_draft_becomes_the_docx_the_page_makes() {
        let t = xuanren();
        let mut d = Draft::example(&t);
        let d_ = dir();
        let draft = path(&d_, "草稿.json");
        std::fs::write(&draft, to_json(&d, "title")).unwrap_or_else(|e| panic!("{e}"));
        let docx = path(&d_, "报告.docx");
        let (code, out, err) = gongwen(&["render", "--docx", &draft, "-o", &docx]);
        assert_eq!(code, 0, "{err}");
        // The example is clean: nothing to mention.
        assert_eq!(err, "");
        assert_eq!(out, format!("已生成 Word 文件：{docx}\n"));
        let bytes = std::fs::read(&docx).unwrap_or_default();
        assert_eq!(bytes, crate::domain::output::docx::docx_bytes(&t, &d).unwrap_or_default());

        // With a gap left too, the file is still made, and the count follows.
        d.set_slot("party_school_count", String::new());
        std::fs::write(&draft, to_json(&d, "title")).unwrap_or_else(|e| panic!("{e}"));
        let (code, _, err) = gongwen(&["render", &draft, "--output", &docx, "--docx"]);
        assert_eq!(code, 0);
        assert!(err.starts_with("注意：报告里还有 1 处需要修改的问题"), "{err}");
        assert!(document_xml(&std::fs::read(&docx).unwrap_or_default()).contains("有计划组织＿＿名干部"));
    }

    #[test]
    fn every_bad_input_exits_2_with_a_chinese_message() {
        let d_ = dir();
        let t = xuanren();
        let good = path(&d_, "good.json");
        std::fs::write(&good, to_json(&Draft::example(&t), "title")).unwrap_or_else(|e| panic!("{e}"));
        let bad_json = path(&d_, "bad.json");
        std::fs::write(&bad_json, "{\"version\": 1, \"draft\": ").unwrap_or_else(|e| panic!("{e}"));
        let binary = path(&d_, "x.json");
        std::fs::write(&binary, b"PK\x03\x04\xFF\xFE").unwrap_or_else(|e| panic!("{e}"));
        let newer = path(&d_, "newer.json");
        std::fs::write(&newer, to_json(&Draft::example(&t), "title").replacen("\"version\":1", "\"version\":9", 1))
            .unwrap_or_else(|e| panic!("{e}"));
        let missing = path(&d_, "没有.json");
        let folder = d_.path().to_string_lossy().into_owned();
        let no_folder = path(&d_, "没有的文件夹/报告.docx");
        let out_docx = path(&d_, "out.docx");
        // (arguments, what stderr says)
        let table: Vec<(Vec<&str>, &str)> = vec![
            (vec!["render"], "请写上 --docx"),
            (vec!["render", "--docx"], "请给出草稿文件"),
            (vec!["render", "--docx", &good, &good], "一次只能生成一份报告"),
            (vec!["render", "--docx", &good, "-o"], "选项 -o 后面要写保存到哪个文件"),
            (vec!["render", "--pdf", &good], "不认识的选项“--pdf”"),
            (vec!["render", "--docx", &missing, "-o", &out_docx], "找不到这个文件"),
            (vec!["render", "--docx", &folder, "-o", &out_docx], "这是一个文件夹"),
            (vec!["render", "--docx", &binary, "-o", &out_docx], "这不是草稿文件"),
            (vec!["render", "--docx", &bad_json, "-o", &out_docx], "这不是一个完整的草稿文件"),
            (vec!["render", "--docx", &newer, "-o", &out_docx], "较新版本"),
            (vec!["render", "--docx", &good, "-o", &no_folder], "所在的文件夹不存在"),
            (vec!["render", "--docx", &good, "-o", &folder], "这是一个文件夹，请写上文件名"),
        ];
        for (args, says) in table {
            let (code, out, err) = gongwen(&args);
            assert_eq!(code, 2, "{args:?}");
            assert_eq!(out, "", "{args:?}");
            assert!(err.contains(says), "{args:?}: {err}");
        }
        assert!(!std::path::Path::new(&out_docx).exists(), "nothing is written from a bad draft");
        assert_eq!(gongwen(&["render", "--help"]).1, super::USAGE);
    }
}
