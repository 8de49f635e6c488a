//! `gongwen example --template ID|FILE`: the report a template's examples make (what the
//! page's “填入示例” fills in), as plain text, one paragraph a line — to read a template
//! through, or to start from. Exit status: 0 printed, 2 the template cannot be had or the
//! arguments are wrong.
use std::io::{self, Write};

use super::{choose, USAGE};
use crate::domain::model::draft::Draft;
use crate::domain::output::render::plain_text;

pub fn command(args: &[String], out: &mut impl Write, err: &mut impl Write) -> io::Result<i32> {
    let template = match parse(args) {
        Ok(Some(t)) => t,
        Ok(None) => {
            out.write_all(USAGE.as_bytes())?;
            out.flush()?;
            return Ok(0);
        }
        Err(problem) => {
            write!(err, "gongwen：{problem}\n\n{USAGE}")?;
            return Ok(2);
        }
    };
    let template = match choose::template(template) {
        Ok(t) => t,
        Err(failed) => {
            writeln!(err, "gongwen：{}", failed.message())?;
            return Ok(2);
        }
    };
    out.write_all(plain_text(&template, &Draft::example(&template)).as_bytes())?;
    out.flush()?;
    Ok(0)
}

/// The `--template` argument; `None` for `--help`.
fn parse(args: &[String]) -> Result<Option<&str>, String> {
    let mut template = None;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "-h" | "--help" => return Ok(None),
            "--template" | "-t" => {
                let value = rest.next().ok_or_else(|| format!("选项 {arg} 后面要写报告类型或模板文件，例如 {arg} xuanren-report"))?;
                template = Some(value.as_str());
            }
            a if a.starts_with("--template=") => template = Some(&a["--template=".len()..]),
            a => return Err(format!("不认识的参数“{a}”。")),
        }
    }
    template.map(Some).ok_or_else(|| "请用 --template 写明报告类型或模板文件，例如 gongwen example --template xuanren-report".to_string())
}
