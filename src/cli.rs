//! `gongwen check`: the web page's checks on plain-text reports, from the command line;
//! `gongwen render --docx`: a saved draft file as a Word document (see [`render`]).
//!
//! The binary (`src/bin/gongwen.rs`) only collects its arguments and calls [`run`], so the whole
//! command is tested here without spawning a process. Native only: it reads files and decodes
//! GB18030 with `encoding_rs`, which never enters the wasm bundle.
//!
//! Exit status of `check`: 0 no error-severity finding, 1 at least one, 2 unreadable input or
//! bad arguments. `render`: 0 written, 2 otherwise.
use std::io::{self, Read, Write};
use std::path::Path;

use serde::Serialize;

use crate::domain::check::document::{check_document_with, LineFinding};
use crate::domain::check::report_type::{check_as, Expect};
use crate::domain::check::{Category, Context, Severity};
use crate::domain::input::decode::Decoded;

mod choose;
mod example;
mod index_check;
mod inputs;
mod render;
mod template;

pub const USAGE: &str = "\
公文起草助手·命令行

用法：
  gongwen check [--json] [--template 报告类型或模板文件] 文件或文件夹...
  gongwen render --docx 草稿文件.json [-o 输出文件.docx]
  gongwen template check 模板文件.json...
  gongwen template from 范文.txt [-o 模板文件.json]
  gongwen template list
  gongwen example --template 报告类型或模板文件
  gongwen --help

检查（check）
逐行检查报告（纯文本或 Word 文档），规则与网页版相同：没填的占位符（*名、**镇、20XX年）、标点、数字用法、
规范提法；还检查全文有没有落款和成文日期，有没有夹带“妥否，请批示”之类的请示用语。
文件可以是 Word 文档（.docx，读正文、表格和自动编号，修订按接受后的样子），或 UTF-8（带不带 BOM
均可）、GB18030/GBK 编码的纯文本（.txt）；.doc、.wps、.odt、.pdf、.rtf 请先在 Word 或 WPS 里“另存为”.docx。
Word 文档的行号按读出的文字算：每段一行，表格每行一行（各格之间是制表符）。
给出文件夹时，检查其中（包括各级子文件夹）所有 .txt 和 .docx 文件，按路径排序，用上电脑的全部处理器核心；
文件名写作 - 时，读取标准输入（例如 cat 报告.txt | gongwen check -）。

输出：每处问题一行，格式为
  文件:行:列: 级别 规则 说明
行号、列号从 1 起，按字数计；级别是 error（错误）、warning（警告）或 hint（提示）。
检查了不止一个文件时，每个文件的问题之后有一行该文件的小计（文件：错误 1 处，警告 0 处，提示 0 处。），
最后一行是总计。

选项：
  --template 类型  按这种报告检查：写内置报告类型的编号（如 rectification-progress）或模板文件；
                 上行文报告必须有主送机关、“特此报告。”、落款和成文日期，会议材料和个人述职
                 不用主送机关和“特此报告。”
  --json         改为输出一个 JSON 数组，每处问题一个对象，字段有 file、line、col、
                 start、end（在全文中的字符偏移，从 0 起，不计 BOM）、text（标出的文字）、
                 rule、category、severity、message、replacement、part（所在部分）
  -h, --help     显示本说明
  -V, --version  显示版本

退出状态：0 没有错误级的问题；1 有错误级的问题；2 有文件无法读取（或文件夹里没有 .txt 或 .docx 文件），或参数有误。

检查模板（template check）、列出内置的报告类型（template list）
检查单位自己写的报告模板（.json）能不能用，说明与网页上打开模板时相同，写明文件和出错的位置。
也可以检查网页旁边的模板索引 templates/index.json：列出的每个模板文件都在同一文件夹里、能用，编号、名称等与文件一致。
退出状态：0 模板都能用；1 有模板有误；2 有文件无法读取，或参数有误。

由范文生成模板（template from）
把一份写好的报告（范文，纯文本 .txt）变成一个报告模板（.json）：标题里的单位、年份、轮次，
正文里的人数、次数、比例、金额、日期成为关键数字（同一个数字只算一个）；“一、”各部分、
“（一）”或“一是”各条成为可增减的分条，范文的原话就是例文；看得出的合计、比例、
“下一年 = 本年 + 1”作为推测的关系写进模板，并在提示里注明。模板的例文印出来与范文逐段相同。
生成的只是草案：请管理员核对名称和提示后再用；它不改动范文。
  -o, --output 文件  保存到这个文件；不写时模板印在标准输出，说明印在标准错误
退出状态：0 已生成；2 范文无法读取、不像一份中文报告，或参数有误。

印出例文（example）
按报告类型或模板文件的例文，印出一份完整的报告（纯文本），与网页上“填入示例”得到的相同。
内置的报告类型和它们的编号，用 gongwen template list 列出。
退出状态：0 已印出；2 模板无法读取或有误，或参数有误。

生成 Word 文件（render）
把网页上“保存草稿文件”得到的草稿文件（.json）排成 Word 文件（.docx），格式按 GB/T 9704：
A4 纸，上边距 37 毫米、左边距 28 毫米，每页 22 行、每行 28 字；标题 2 号方正小标宋简体，
正文 3 号仿宋_GB2312，页码 4 号宋体。与网页上“下载 Word（.docx）”得到的文件相同。

选项：
  --docx             生成 Word 文件（.docx），必须写明
  -o, --output 文件  保存到这个文件；不写时文件名取自报告标题，存在当前文件夹
报告里还有需要修改的问题（如漏填的数字）时照样生成，并提醒有几处。
退出状态：0 已生成；2 草稿文件无法读取、不是草稿文件，输出文件无法写入，或参数有误。

例：gongwen check 报告.txt
    gongwen check 去年的报告.docx
    gongwen check 各单位报告/
    gongwen render --docx 草稿.json -o 报告.docx
    gongwen template check templates/工会工作.json
    gongwen template from 去年的工会工作报告.txt -o templates/工会工作.json
    gongwen example --template annual-summary
    gongwen check --template annual-summary 年度总结.txt
    cargo run --release --bin gongwen -- check 报告.txt
";

/// Run the command line with `args` (without the program name); returns the exit status.
/// `gongwen check -` reads the process's standard input.
pub fn run(args: &[String], out: &mut impl Write, err: &mut impl Write) -> i32 {
    run_with_input(args, &mut io::stdin().lock(), out, err)
}

/// `run`, with `input` as what `gongwen check -` reads.
pub fn run_with_input(args: &[String], input: &mut impl Read, out: &mut impl Write, err: &mut impl Write) -> i32 {
    match command(args, input, out, err) {
        Ok(code) => code,
        Err(e) => {
            // The output could not be written (e.g. a closed pipe): say so if stderr still works.
            let _ = writeln!(err, "gongwen：无法输出结果：{e}");
            2
        }
    }
}

fn command(args: &[String], input: &mut impl Read, out: &mut impl Write, err: &mut impl Write) -> io::Result<i32> {
    let Some(first) = args.first() else {
        write!(err, "gongwen：请给出要做的事，例如 gongwen check 报告.txt\n\n{USAGE}")?;
        return Ok(2);
    };
    match first.as_str() {
        "-h" | "--help" | "help" => {
            out.write_all(USAGE.as_bytes())?;
            out.flush()?;
            Ok(0)
        }
        "-V" | "--version" => {
            writeln!(out, "gongwen {}", env!("CARGO_PKG_VERSION"))?;
            out.flush()?;
            Ok(0)
        }
        "check" => match parse_check(&args[1..]) {
            Ok(Parsed::Help) => {
                out.write_all(USAGE.as_bytes())?;
                out.flush()?;
                Ok(0)
            }
            Ok(Parsed::Check { json, files, template }) => {
                let expect = match template.map(choose::template) {
                    None => None,
                    Some(Ok(t)) => Some(Expect::of(&t)),
                    Some(Err(failed)) => {
                        writeln!(err, "gongwen：{}", failed.message())?;
                        return Ok(2);
                    }
                };
                check(&files, json, expect, input, out, err)
            }
            Err(problem) => {
                write!(err, "gongwen：{problem}\n\n{USAGE}")?;
                Ok(2)
            }
        },
        "render" => render::command(&args[1..], out, err),
        "template" => template::command(&args[1..], out, err),
        "example" => example::command(&args[1..], out, err),
        other => {
            write!(err, "gongwen：不认识的命令“{other}”：只有 check、render、template 和 example。\n\n{USAGE}")?;
            Ok(2)
        }
    }
}

enum Parsed<'a> {
    Help,
    Check { json: bool, files: Vec<&'a str>, template: Option<&'a str> },
}

fn parse_check(args: &[String]) -> Result<Parsed<'_>, String> {
    let mut json = false;
    let mut files = Vec::new();
    let mut template = None;
    let mut options_done = false;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            _ if options_done => files.push(arg.as_str()),
            "--" => options_done = true,
            "--json" => json = true,
            "--template" | "-t" => {
                let value = rest.next().ok_or_else(|| format!("选项 {arg} 后面要写报告类型或模板文件，例如 {arg} annual-summary"))?;
                template = Some(value.as_str());
            }
            a if a.starts_with("--template=") => template = Some(&a["--template=".len()..]),
            "-h" | "--help" => return Ok(Parsed::Help),
            "-" => files.push(arg.as_str()),
            a if a.starts_with('-') => return Err(format!("不认识的选项“{a}”。")),
            a => files.push(a),
        }
    }
    if files.is_empty() {
        return Err("请给出要检查的文件，例如 gongwen check 报告.txt".to_string());
    }
    Ok(Parsed::Check { json, files, template })
}

/// One finding as `--json` prints it.
#[derive(Serialize)]
struct JsonFinding<'a> {
    file: &'a str,
    /// 1-based line.
    line: usize,
    /// 1-based column, in characters.
    col: usize,
    /// Character offsets in the whole file (after a BOM), half-open.
    start: usize,
    end: usize,
    text: &'a str,
    rule: &'static str,
    category: Category,
    severity: Severity,
    message: &'a str,
    replacement: Option<&'a str>,
    /// The part of the report the line is: `section`, `body`, `signature`, ….
    part: &'static str,
}

fn check(
    files: &[&str],
    json: bool,
    expect: Option<Expect>,
    input: &mut impl Read,
    out: &mut impl Write,
    err: &mut impl Write,
) -> io::Result<i32> {
    let inputs = inputs::gather(files);
    // Standard input is read once, before the files are shared out among the cores.
    let stdin = if inputs.iter().any(|i| matches!(i.source, Ok(inputs::Source::Stdin))) {
        let mut bytes = Vec::new();
        Some(input.read_to_end(&mut bytes).map(|_| bytes).map_err(|e| format!("读取标准输入出错（{e}）。")))
    } else {
        None
    };
    let ctx = Context { current_year: this_year().unwrap_or(Context::default().current_year) };
    let results = inputs::map_on_all_cores(&inputs, |i| {
        let text = match &i.source {
            Ok(inputs::Source::File(path)) => read_text(path),
            Ok(inputs::Source::Stdin) => match &stdin {
                Some(Ok(bytes)) => text_of("-", bytes),
                Some(Err(why)) => Err(why.clone()),
                None => Err(String::new()),
            },
            Err(why) => Err(why.clone()),
        };
        text.map(|text| match &expect {
            Some(expect) => check_as(&text, &ctx, expect),
            None => check_document_with(&text, &ctx),
        })
    });
    let mut checked: Vec<(&str, Vec<LineFinding>)> = Vec::new();
    let mut unreadable = 0;
    for (input, result) in inputs.iter().zip(results) {
        match result {
            Ok(found) => checked.push((&input.name, found)),
            Err(why) => {
                writeln!(err, "gongwen：无法读取“{}”：{why}", input.name)?;
                unreadable += 1;
            }
        }
    }
    if json {
        let all: Vec<JsonFinding<'_>> = checked.iter().flat_map(|(file, found)| found.iter().map(move |f| json_finding(file, f))).collect();
        serde_json::to_writer_pretty(&mut *out, &all).map_err(io::Error::other)?;
        writeln!(out)?;
    } else {
        // More than one file: each file's findings end with its own count.
        let per_file = checked.len() + unreadable > 1;
        for (file, found) in &checked {
            for f in found {
                writeln!(
                    out,
                    "{file}:{}:{}: {} {} {}",
                    f.line + 1,
                    f.finding.span.start + 1,
                    severity_word(f.finding.severity),
                    f.finding.rule,
                    f.finding.message
                )?;
            }
            if per_file {
                writeln!(out, "{file}：{}", counts(found))?;
            }
        }
        writeln!(out, "{}", summary(&checked, unreadable))?;
    }
    out.flush()?;
    let any_error = checked.iter().flat_map(|(_, found)| found).any(|f| f.finding.severity == Severity::Error);
    Ok(if unreadable > 0 {
        2
    } else if any_error {
        1
    } else {
        0
    })
}

fn json_finding<'a>(file: &'a str, f: &'a LineFinding) -> JsonFinding<'a> {
    let span = f.span_in_text();
    JsonFinding {
        file,
        line: f.line + 1,
        col: f.finding.span.start + 1,
        start: span.start,
        end: span.end,
        text: &f.finding.text,
        rule: f.finding.rule,
        category: f.finding.category,
        severity: f.finding.severity,
        message: &f.finding.message,
        replacement: f.finding.replacement.as_deref(),
        part: f.kind.id(),
    }
}

fn severity_word(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Hint => "hint",
    }
}

/// `没有发现问题。` or `错误 1 处，警告 2 处，提示 0 处。`
fn counts<'a>(found: impl IntoIterator<Item = &'a LineFinding> + Clone) -> String {
    let count = |s: Severity| found.clone().into_iter().filter(|f| f.finding.severity == s).count();
    let (e, w, h) = (count(Severity::Error), count(Severity::Warning), count(Severity::Hint));
    if e + w + h == 0 {
        "没有发现问题。".to_string()
    } else {
        format!("错误 {e} 处，警告 {w} 处，提示 {h} 处。")
    }
}

fn summary(checked: &[(&str, Vec<LineFinding>)], unreadable: usize) -> String {
    if checked.is_empty() {
        return format!("没有检查任何文件：{unreadable} 个文件无法读取。");
    }
    let mut line = format!("检查了 {} 个文件：", checked.len());
    line.push_str(&counts(checked.iter().flat_map(|(_, found)| found)));
    if unreadable > 0 {
        line.push_str(&format!("另有 {unreadable} 个文件无法读取。"));
    }
    line
}

/// The calendar year now (UTC), for the rule on years later than this one; `None` if the
/// clock is set before 1970.
pub fn this_year() -> Option<i32> {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).ok()?.as_secs();
    i32::try_from(secs / 86_400).ok().map(year_of_day)
}

/// The year of a day counted from 1970-01-01 (the calendar arithmetic lives in `domain::store::clock`).
fn year_of_day(days: i32) -> i32 {
    i32::try_from(crate::domain::store::clock::civil_from_days(i64::from(days)).0).unwrap_or(i32::MAX)
}

/// A file's bytes, or why it cannot be read, in Chinese.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, String> {
    if path.is_dir() {
        return Err("这是一个文件夹，不是文件。".to_string());
    }
    std::fs::read(path).map_err(|e| match e.kind() {
        io::ErrorKind::NotFound => "找不到这个文件。".to_string(),
        io::ErrorKind::PermissionDenied => "没有读取这个文件的权限。".to_string(),
        _ => format!("读取出错（{e}）。"),
    })
}

const NOT_TEXT: &str =
    "这不是 Word 文档（.docx），也不是 UTF-8 或 GB18030 编码的纯文本。如果是其他格式的文档，请在 Word 或 WPS 中“另存为”.docx 后再检查。";

/// Read a report: a Word file's text (`domain::input::docx`), or its bytes decoded (see
/// [`decode`]), or why it cannot be read, in Chinese.
pub fn read_text(path: &Path) -> Result<String, String> {
    let bytes = read_bytes(path)?;
    text_of(&path.to_string_lossy(), &bytes)
}

/// A file's text by what its first bytes (and name) say it is: an office document goes to the
/// .docx reader, which reads it or says what to do; the rest is decoded as text.
fn text_of(name: &str, bytes: &[u8]) -> Result<String, String> {
    use crate::domain::input::docx;
    if docx::is_office_file(name, bytes) {
        match docx::read(bytes) {
            // Bytes that only begin like a zip, in a file not named as a document: neither.
            Err(docx::Refusal::Damaged) if !docx::named_as_office(name) => {}
            read => return read.map_err(|refused| refused.message()),
        }
    }
    decode(bytes).ok_or_else(|| NOT_TEXT.to_string())
}

/// Bytes to text: UTF-8 (a BOM is dropped; a few damaged bytes become `�`, which the checks
/// point at), UTF-16 with a BOM (Notepad's "Unicode"), or else GB18030 (which covers GBK and
/// GB2312, what Chinese Windows tools save). `None` for bytes that are none of these, or that
/// hold NUL characters (a binary file). The same choice as the web page (`domain::input::decode`).
pub fn decode(bytes: &[u8]) -> Option<String> {
    match crate::domain::input::decode::decode_unicode(bytes) {
        Decoded::Text { text, .. } => (!text.contains('\0')).then_some(text),
        Decoded::Binary => None,
        Decoded::Legacy => {
            let text = encoding_rs::GB18030.decode_without_bom_handling_and_without_replacement(bytes)?.into_owned();
            (!text.contains('\0')).then_some(text)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    const SEED: &str = include_str!("../tests/fixtures/seed-report.txt");

    /// Run with these arguments; (exit status, stdout, stderr).
    fn gongwen(args: &[&str]) -> (i32, String, String) {
        let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let code = run(&args, &mut out, &mut err);
        let text = |b: Vec<u8>| String::from_utf8(b).unwrap_or_else(|e| panic!("output is not UTF-8: {e}"));
        (code, text(out), text(err))
    }

    fn temp_file(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> String {
        let path = dir.path().join(name);
        fs::write(&path, bytes).unwrap_or_else(|e| panic!("write {name}: {e}"));
        path.to_string_lossy().into_owned()
    }

    fn json(stdout: &str) -> Vec<serde_json::Value> {
        serde_json::from_str(stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {stdout}"))
    }

    fn dir() -> tempfile::TempDir {
        tempfile::tempdir().unwrap_or_else(|e| panic!("temp dir: {e}"))
    }

    #[test]
    fn the_seed_reports_every_mask_and_exits_1() {
        let d = dir();
        let seed = temp_file(&d, "seed.txt", SEED.as_bytes());
        let (code, out, err) = gongwen(&["check", &seed]);
        assert_eq!(code, 1, "{err}");
        assert_eq!(err, "");
        let placeholder_lines: Vec<&str> = out.lines().filter(|l| l.contains(" error placeholder ")).collect();
        // Eight masks: *名 ×3, **镇 ×4, **同志.
        assert_eq!(placeholder_lines.len(), 8, "{out}");
        assert!(placeholder_lines.iter().all(|l| l.starts_with(&format!("{seed}:"))));
        // The first mask: `有计划组织*名干部`, on the seed's 8th line.
        let first = placeholder_lines[0];
        let (line, text) = SEED.lines().enumerate().find(|(_, l)| l.contains('*')).unwrap_or_default();
        let col = text.chars().position(|c| c == '*').map_or(0, |p| p + 1);
        assert_eq!(line + 1, 8);
        assert!(first.starts_with(&format!("{seed}:8:{col}: error placeholder “*”")), "{first}");
        assert!(out.contains(": warning missing-signature "), "{out}");
        assert!(out.contains(": warning missing-date "), "{out}");
        assert!(out.trim_end().ends_with("。"), "a summary closes the output: {out}");
    }

    /// The seed as Word writes it: a paragraph per line, its `一、` and `（一）` Word's
    /// automatic numbers (numbering.xml), a line's runs split at its first comma.
    fn seed_as_word() -> Vec<u8> {
        use crate::domain::input::docx::tests::docx;
        let numerals = "一二三四五六七八九";
        let esc = |t: &str| t.replace('&', "&amp;").replace('<', "&lt;");
        let body: String = SEED
            .lines()
            .map(|line| {
                let section = line.chars().next().filter(|c| numerals.contains(*c) && line.chars().nth(1) == Some('、'));
                let sub = line.strip_prefix('（').and_then(|r| r.chars().next()).filter(|c| numerals.contains(*c));
                let (level, text) = match (section, sub) {
                    (Some(_), _) => (Some(0), line.split_once('、').map_or(line, |(_, t)| t)),
                    (_, Some(_)) => (Some(1), line.split_once('）').map_or(line, |(_, t)| t)),
                    _ => (None, line),
                };
                let num = level.map_or(String::new(), |l| format!("<w:numPr><w:ilvl w:val=\"{l}\"/><w:numId w:val=\"1\"/></w:numPr>"));
                let (a, b) = text.split_at(text.find('，').unwrap_or(0));
                format!("<w:p><w:pPr>{num}</w:pPr><w:r><w:t>{}</w:t></w:r><w:r><w:t>{}</w:t></w:r></w:p>", esc(a), esc(b))
            })
            .collect();
        let numbering = r#"<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>"#;
        docx(&body, Some(numbering), None)
    }

    #[test]
    fn a_word_file_gives_the_findings_of_the_same_report_as_text() {
        let d = dir();
        let txt = temp_file(&d, "seed.txt", SEED.as_bytes());
        let word = temp_file(&d, "seed.docx", &seed_as_word());
        let (code_txt, out_txt, _) = gongwen(&["check", &txt]);
        let (code_word, out_word, err) = gongwen(&["check", &word]);
        assert_eq!(err, "");
        assert_eq!((code_word, out_word.replace(&word, "F")), (code_txt, out_txt.replace(&txt, "F")));
        assert!(out_word.contains(" error placeholder "), "{out_word}");
        // A folder holds both; standard input takes a Word file too.
        let (code, out, _) = gongwen(&["check", &d.path().to_string_lossy()]);
        assert_eq!(code, 1);
        assert!(out.contains("检查了 2 个文件"), "{out}");
        let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
        let code = run_with_input(&["check".to_string(), "-".to_string()], &mut &seed_as_word()[..], &mut stdout, &mut stderr);
        assert_eq!((code, String::from_utf8_lossy(&stdout).replace("-:", "F:")), (code_txt, out_txt.replace(&txt, "F")));
    }

    #[test]
    fn other_formats_say_what_to_do() {
        let d = dir();
        let doc = temp_file(&d, "旧报告.doc", b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0\0");
        let pdf = temp_file(&d, "报告.pdf", b"%PDF-1.4\n");
        let broken = temp_file(&d, "坏的.docx", b"PK\x03\x04 broken");
        for (path, says) in [(&doc, "旧版 Word（.doc）"), (&pdf, "PDF"), (&broken, "已损坏")] {
            let (code, out, err) = gongwen(&["check", path]);
            assert_eq!(code, 2, "{out}");
            assert!(err.contains(says) && err.contains("另存为”.docx"), "{path}: {err}");
        }
    }

    #[test]
    fn json_spans_slice_the_file_to_the_flagged_text() {
        let d = dir();
        let seed = temp_file(&d, "seed.txt", SEED.as_bytes());
        let (code, out, _) = gongwen(&["check", "--json", &seed]);
        assert_eq!(code, 1);
        let found = json(&out);
        let chars: Vec<char> = SEED.chars().collect();
        let masks = SEED.matches('*').count();
        let mut covered = 0;
        for f in &found {
            for field in ["file", "rule", "category", "severity", "message", "line", "col", "start", "end", "text"] {
                assert!(f.get(field).is_some(), "no {field} in {f}");
            }
            let (start, end) = (f["start"].as_u64().unwrap_or(0) as usize, f["end"].as_u64().unwrap_or(0) as usize);
            let slice: String = chars[start..end].iter().collect();
            assert_eq!(Some(slice.as_str()), f["text"].as_str(), "{f}");
            // line and col point at the same character.
            let line = f["line"].as_u64().unwrap_or(0) as usize;
            let col = f["col"].as_u64().unwrap_or(0) as usize;
            let line_start: usize = SEED.split('\n').take(line - 1).map(|l| l.chars().count() + 1).sum();
            assert_eq!(line_start + col - 1, start, "{f}");
            if f["rule"] == "placeholder" {
                covered += slice.matches('*').count();
                assert_eq!(f["severity"], "error");
                assert_eq!(f["category"], "placeholder");
            }
        }
        assert_eq!(covered, masks, "every * is inside a placeholder finding");
    }

    #[test]
    fn gb18030_gives_the_same_findings_as_utf8() {
        let d = dir();
        let (gb, _, unmappable) = encoding_rs::GB18030.encode(SEED);
        assert!(!unmappable);
        assert!(std::str::from_utf8(&gb).is_err(), "the GB18030 copy is not also UTF-8");
        let utf8 = temp_file(&d, "utf8.txt", SEED.as_bytes());
        let gbk = temp_file(&d, "gb.txt", &gb);
        let bom = temp_file(&d, "bom.txt", &[b"\xEF\xBB\xBF".as_slice(), SEED.as_bytes()].concat());
        let strip = |out: String, file: &str| out.replace(&format!("\"file\": {}", serde_json::json!(file)), "");
        let (c1, o1, _) = gongwen(&["check", "--json", &utf8]);
        let (c2, o2, e2) = gongwen(&["check", "--json", &gbk]);
        let (c3, o3, _) = gongwen(&["check", "--json", &bom]);
        assert_eq!((c1, c2, c3), (1, 1, 1), "{e2}");
        assert!(!json(&o1).is_empty());
        assert_eq!(strip(o1.clone(), &utf8), strip(o2, &gbk));
        assert_eq!(strip(o1, &utf8), strip(o3, &bom));
    }

    #[test]
    fn decoding() {
        assert_eq!(decode("现将".as_bytes()).as_deref(), Some("现将"));
        assert_eq!(decode(b"\xEF\xBB\xBF\xE7\x8E\xB0").as_deref(), Some("现"));
        assert_eq!(decode(b"\xCF\xD6\xBD\xAB").as_deref(), Some("现将"), "GBK bytes");
        assert_eq!(decode(b"\xFF\xFE\xB0\x73\x06\x5C").as_deref(), Some("现将"), "UTF-16LE with BOM");
        assert_eq!(decode(b"").as_deref(), Some(""));
        assert_eq!(decode(b"\x81\x7F\xFF"), None, "neither UTF-8 nor GB18030");
        assert_eq!(decode(b"PK\x03\x04\x00\x00"), None, "binary");
        assert_eq!(decode(b"\xEF\xBB\xBF\xFF"), None, "a BOM then invalid UTF-8");
    }

    #[test]
    fn unreadable_input_exits_2_with_a_chinese_message() {
        let d = dir();
        let bad = temp_file(&d, "bad.txt", b"\xFF\xFF\x81\x7F not text");
        let missing = d.path().join("没有这个文件.txt").to_string_lossy().into_owned();
        let empty_folder = d.path().join("空文件夹");
        fs::create_dir(&empty_folder).unwrap_or_else(|e| panic!("{e}"));
        let empty_folder = empty_folder.to_string_lossy().into_owned();
        for (path, says) in [(&bad, "不是 UTF-8 或 GB18030"), (&missing, "找不到这个文件"), (&empty_folder, "没有 .txt 或 .docx 文件")]
        {
            let (code, out, err) = gongwen(&["check", path]);
            assert_eq!(code, 2, "{path}");
            assert!(err.contains(&format!("无法读取“{path}”")) && err.contains(says), "{err}");
            assert_eq!(out, "没有检查任何文件：1 个文件无法读取。\n");
        }
        // One good file and one bad: the good one is still checked, the status is 2.
        let good = temp_file(&d, "good.txt", "市委巡察组：\n特此报告。\n党工委\n2024年3月5日\n".as_bytes());
        let (code, out, _) = gongwen(&["check", "--json", &good, &bad]);
        assert_eq!(code, 2);
        assert_eq!(json(&out), Vec::<serde_json::Value>::new());
        let (_, out, _) = gongwen(&["check", &good, &bad]);
        assert_eq!(out, format!("{good}：没有发现问题。\n检查了 1 个文件：没有发现问题。另有 1 个文件无法读取。\n"));
    }

    #[test]
    fn a_clean_report_exits_0_and_warnings_alone_do_not_fail() {
        let d = dir();
        let clean = temp_file(&d, "clean.txt", "市委巡察组：\r\n一、总体情况\r\n特此报告。\r\n党工委\r\n2024年3月5日\r\n".as_bytes());
        let (code, out, err) = gongwen(&["check", &clean]);
        assert_eq!((code, err.as_str()), (0, ""), "{out}");
        assert_eq!(out, "检查了 1 个文件：没有发现问题。\n");
        let undated = temp_file(&d, "undated.txt", "一、总体情况\n特此报告。\n党工委\n".as_bytes());
        let (code, out, _) = gongwen(&["check", &undated]);
        assert_eq!(code, 0, "a warning is not an error");
        assert!(out.starts_with(&format!("{undated}:3:4: warning missing-date ")), "{out}");
    }

    #[test]
    fn a_request_phrase_is_an_error() {
        let d = dir();
        let f = temp_file(&d, "r.txt", "一、总体情况\n以上报告，妥否，请批示。\n党工委\n2024年3月5日\n".as_bytes());
        let (code, out, _) = gongwen(&["check", &f]);
        assert_eq!(code, 1);
        assert!(out.contains(&format!("{f}:2:6: error structure-request-phrase “妥否，请批示”")), "{out}");
    }

    #[test]
    fn arguments() {
        let (code, out, err) = gongwen(&["--help"]);
        assert_eq!((code, err.as_str()), (0, ""));
        assert!(out.contains("用法") && out.contains("gongwen check"));
        assert_eq!(gongwen(&["check", "-h"]).1, USAGE);
        assert_eq!(gongwen(&["-V"]).1, format!("gongwen {}\n", env!("CARGO_PKG_VERSION")));
        // (arguments, what stderr says)
        let table: [(&[&str], &str); 4] = [
            (&[], "请给出要做的事"),
            (&["check"], "请给出要检查的文件"),
            (&["check", "--jsn", "a.txt"], "不认识的选项“--jsn”"),
            (&["lint", "a.txt"], "不认识的命令“lint”：只有 check、render、template 和 example"),
        ];
        for (args, says) in table {
            let (code, out, err) = gongwen(args);
            assert_eq!(code, 2, "{args:?}");
            assert_eq!(out, "", "{args:?}");
            assert!(err.contains(says) && err.contains("用法"), "{args:?}: {err}");
        }
        // `--` ends the options: what follows is a file name even if it starts with a dash.
        let (code, _, err) = gongwen(&["check", "--", "--json"]);
        assert_eq!(code, 2);
        assert!(err.contains("无法读取“--json”：找不到这个文件。"), "{err}");
    }

    #[test]
    fn years_from_days() {
        // (days since 1970-01-01, year)
        let table = [
            (0, 1970),
            (-1, 1969),
            (59, 1970),
            (365, 1971),
            (19_722, 2023),
            (19_723, 2024),
            (20_088, 2024),
            (20_089, 2025),
            (20_454, 2026),
            (11_016, 2000),
            (11_381, 2001),
        ];
        for (days, year) in table {
            assert_eq!(year_of_day(days), year, "{days}");
        }
        assert!(this_year().is_some_and(|y| y >= 2025));
    }

    #[test]
    fn a_closed_output_is_reported_not_a_panic() {
        struct Closed;
        impl Write for Closed {
            fn write(&mut self, _: &[u8]) -> io::Result<usize> {
                Err(io::Error::new(io::ErrorKind::BrokenPipe, "closed"))
            }
            fn flush(&mut self) -> io::Result<()> {
                Ok(())
            }
        }
        let mut err = Vec::new();
        assert_eq!(run(&["--help".to_string()], &mut Closed, &mut err), 2);
        assert!(String::from_utf8_lossy(&err).contains("无法输出结果"));
    }
}
