//! `--template ID|FILE`, and the files of `gongwen template check`: a built-in report type by
//! its id, or a template file read from disk and loaded with the page's own validation
//! (`Template::from_json`), its messages prefixed with the file's name as the page does.
use std::path::Path;

use super::read_bytes;
use crate::domain::model::builtin;
use crate::domain::model::template::Template;

/// Why no template came out of an argument, in Chinese.
pub enum Failed {
    /// The file could not be read (missing, a folder, not UTF-8 text), or the argument names
    /// neither a built-in report type nor a file.
    Unreadable(String),
    /// The file was read and the template refused: `文件 xxx.json：…` with the place.
    Refused(String),
}

impl Failed {
    pub fn message(&self) -> &str {
        match self {
            Failed::Unreadable(m) | Failed::Refused(m) => m,
        }
    }
}

/// The template `arg` names: a built-in report type's id (`xuanren-report`), else a file.
pub fn template(arg: &str) -> Result<Template, Failed> {
    if builtin::entry(arg).is_some() {
        return match builtin::load(arg) {
            Some(Ok(t)) => Ok(t),
            // Every built-in template is embedded natively and loads (a test sees to it).
            Some(Err(e)) => Err(Failed::Refused(format!("内置模板 {arg}：{e}"))),
            None => Err(Failed::Unreadable(format!("内置模板 {arg} 没有编进本程序。"))),
        };
    }
    let path = Path::new(arg);
    if !path.exists() {
        return Err(Failed::Unreadable(format!(
            "“{arg}”既不是内置的报告类型，也找不到这个文件。内置的报告类型有：{}。",
            builtin::INDEX.iter().map(|e| format!("{}（{}）", e.id, e.name)).collect::<Vec<_>>().join("、")
        )));
    }
    file(path, arg)
}

/// A template file, `name` being how the messages call it.
pub fn file(path: &Path, name: &str) -> Result<Template, Failed> {
    let bytes = read_bytes(path).map_err(|why| Failed::Unreadable(format!("无法读取“{name}”：{why}")))?;
    let text =
        std::str::from_utf8(&bytes).map_err(|_| Failed::Unreadable(format!("无法读取“{name}”：模板文件应是 UTF-8 编码的 JSON 文本。")))?;
    Template::from_json(text.trim_start_matches('\u{FEFF}')).map_err(|e| Failed::Refused(format!("文件 {name}：{e}")))
}
