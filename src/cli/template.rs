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
        "list" => return list(out),
        "-h" | "--help" => return help(out),
        "" => return usage(err, "请写明要做的事：gongwen template check 模板文件.json"),
        other => return usage(err, &format!("不认识的命令“template {other}”：只有 template check 和 template list。")),
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
