//! `gongwen template from REPORT.txt [-o TEMPLATE.json]`: a template proposed from a model
//! report (`domain::workshop`), written as a file `template check` accepts as it is.
//! `gongwen template list`: the built-in report types. `gongwen template check FILE...`: are
//! these template files usable? Each is loaded as the page loads a unit's own template, with
//! the same Chinese messages (naming the file and the place in it). An index of templates
//! (`templates/index.json` beside the page) is checked too: each entry's file loads and is listed
//! as it is (`index_check`). Exit status: 0 every template usable, 1 at least one refused, 2 a
//! file could not be read or the arguments are wrong.
use std::io::{self, Write};
use std::path::Path;

use super::choose::{self, Failed};
use super::index_check;
use super::USAGE;

pub fn command(args: &[String], out: &mut impl Write, err: &mut impl Write) -> io::Result<i32> {
    let (verb, rest) = match args.split_first() {
        Some((verb, rest)) => (verb.as_str(), rest),
        None => ("", args),
    };
    match verb {
        "check" => {}
        "from" => return from(rest, out, err),
        "list" => return list(out),
        "-h" | "--help" => return help(out),
        "" => return usage(err, "请写明要做的事：gongwen template check 模板文件.json"),
        other => return usage(err, &format!("不认识的命令“template {other}”：只有 template check、template from 和 template list。")),
    }
    let mut files = Vec::new();
    let mut options_done = false;
    for arg in rest {
        match arg.as_str() {
            _ if options_done => files.push(arg.as_str()),
            "--" => options_done = true,
            "-h" | "--help" => return help(out),
            a if a.starts_with('-') => return usage(err, &format!("不认识的选项“{a}”。")),
            a => files.push(a),
        }
    }
    if files.is_empty() {
        return usage(err, "请给出要检查的模板文件，例如 gongwen template check templates/工会工作.json");
    }
    let (mut usable, mut refused, mut unreadable) = (0, 0, 0);
    for file in &files {
        let path = Path::new(file);
        if let Some(index) = index_value(path) {
            match index_check::problems(path, file, &index) {
                (n, problems) if problems.is_empty() => {
                    usable += 1;
                    writeln!(out, "{file}：模板索引，列出的 {n} 个模板都可以使用。")?;
                }
                (_, problems) => {
                    refused += 1;
                    for p in problems {
                        writeln!(out, "{p}")?;
                    }
                }
            }
            continue;
        }
        match choose::file(path, file) {
            Ok(t) => {
                usable += 1;
                writeln!(out, "{file}：可以使用（{}，{}，{} 个部分）。", t.name, t.id, t.parts.len())?;
            }
            Err(Failed::Refused(why)) => {
                refused += 1;
                writeln!(out, "{why}")?;
            }
            Err(Failed::Unreadable(why)) => {
                unreadable += 1;
                writeln!(err, "gongwen：{why}")?;
            }
        }
    }
    let mut summary = format!("检查了 {} 个模板文件：{usable} 个可以使用，{refused} 个有误", files.len());
    if unreadable > 0 {
        summary.push_str(&format!("，{unreadable} 个无法读取"));
    }
    writeln!(out, "{summary}。")?;
    out.flush()?;
    Ok(if unreadable > 0 {
        2
    } else if refused > 0 {
        1
    } else {
        0
    })
}

/// `gongwen template from REPORT [-o TEMPLATE.json]`: the proposed template to the file (or to
/// standard output), what was guessed to the other stream. Exit 0 written, 2 otherwise.
fn from(args: &[String], out: &mut impl Write, err: &mut impl Write) -> io::Result<i32> {
    let (mut inputs, mut output, mut rest) = (Vec::new(), None, args.iter());
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "-h" | "--help" => return help(out),
            "-o" | "--output" => match rest.next() {
                Some(file) => output = Some(file.as_str()),
                None => return usage(err, &format!("选项 {arg} 后面要写保存到哪个文件，例如 {arg} 模板.json")),
            },
            a if a.starts_with("--output=") => output = Some(&a["--output=".len()..]),
            a if a.starts_with('-') && a != "-" => return usage(err, &format!("不认识的选项“{a}”。")),
            a => inputs.push(a),
        }
    }
    let model = match inputs.as_slice() {
        [one] => *one,
        [] => return usage(err, "请给出范文（写好的报告，.txt），例如 gongwen template from 工会工作报告.txt -o 工会工作.json"),
        more => return usage(err, &format!("一次只能用一份范文，却给了 {} 个文件。", more.len())),
    };
    let text = match read_model(Path::new(model)) {
        Ok(text) => text,
        Err(why) => {
            writeln!(err, "gongwen：{model}：{why}")?;
            return Ok(2);
        }
    };
    let derived = match crate::domain::workshop::derive(&text) {
        Ok(d) => d,
        Err(why) => {
            writeln!(err, "gongwen：{model}：{why}")?;
            return Ok(2);
        }
    };
    let t = &derived.template;
    let summary = format!(
        "由范文 {model} 生成了模板“{}”（{}，{} 个部分，{} 个关键数字，{} 条推测的关系）。",
        t.name,
        t.genre.label(),
        t.parts.len(),
        t.slots.len(),
        t.relations.len()
    );
    let mut said = vec![summary];
    said.extend(derived.notes.iter().map(|n| format!("  · {n}")));
    said.push("请管理员核对名称、提示和关键数字后再使用；gongwen template check 可检查修改后的文件。".to_string());
    match output {
        Some(file) => {
            if let Err(e) = std::fs::write(file, derived.json.as_bytes()) {
                writeln!(err, "gongwen：无法写入 {file}（{e}）。")?;
                return Ok(2);
            }
            said.insert(1, format!("已保存到 {file}。"));
            if let Some(name) = Path::new(file).file_name().and_then(|n| n.to_str()).filter(|n| n.ends_with(".json")) {
                said.push(format!(
                    "放到网页旁边时，把 {name} 放进 templates/ 文件夹，并在同一文件夹 index.json 的 templates 列表里加上这一行：\n{}",
                    index_entry(t, name)
                ));
            }
            for line in said {
                writeln!(out, "{line}")?;
            }
        }
        None => {
            out.write_all(derived.json.as_bytes())?;
            for line in said {
                writeln!(err, "{line}")?;
            }
        }
    }
    out.flush()?;
    Ok(0)
}

/// The template's line in `templates/index.json` (what `index_check` holds it to).
fn index_entry(t: &crate::domain::model::template::Template, file: &str) -> String {
    let parts: Vec<&str> = t.parts.iter().map(|p| p.label.as_str()).collect();
    let entry = serde_json::json!({ "id": t.id, "file": file, "name": t.name, "summary": t.summary, "genre": t.genre, "parts": parts });
    serde_json::to_string(&entry).unwrap_or_default()
}

/// A model report's text. Plain text in any encoding `check` reads; a Word file is where the
/// .docx reader plugs in once it lands (until then: a Chinese message saying what to do).
fn read_model(path: &Path) -> Result<String, String> {
    // Plain text or a Word file, read as `gongwen check` reads them (.docx through input::docx).
    super::read_text(path)
}

/// `gongwen template list`: the built-in report types, one a line: id, name, genre, and when it is written.
fn list(out: &mut impl Write) -> io::Result<i32> {
    for e in crate::domain::model::builtin::INDEX {
        writeln!(out, "{}\t{}（{}）\t{}", e.id, e.name, e.genre.label(), e.summary)?;
    }
    out.flush()?;
    Ok(0)
}

/// The file as an index of templates (`templates/index.json`), if it is one.
fn index_value(path: &Path) -> Option<serde_json::Value> {
    let bytes = std::fs::read(path).ok()?;
    let value: serde_json::Value = serde_json::from_slice(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes)).ok()?;
    index_check::is_index(&value).then_some(value)
}

fn help(out: &mut impl Write) -> io::Result<i32> {
    out.write_all(USAGE.as_bytes())?;
    out.flush()?;
    Ok(0)
}

fn usage(err: &mut impl Write, problem: &str) -> io::Result<i32> {
    write!(err, "gongwen：{problem}\n\n{USAGE}")?;
    Ok(2)
}
