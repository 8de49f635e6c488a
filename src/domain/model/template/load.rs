//! Reading a template file: the format version first (a newer file is refused before its
//! fields are read), then the fields (format 1 files are migrated by the defaults: genre
//! `report`, summary `""`, no relations, no item fields), then `validate`.
use super::{Template, FORMAT, TITLE_BREAK};
use crate::domain::model::json::{Obj, Shape, ShapeError};
use crate::domain::model::limits;
use crate::domain::model::pattern::slot_ids;

/// Why a template was refused, and where in the file (`parts[3].items.fields[1]`,
/// `relations[0]`, `title`; empty for the file as a whole). Its `Display` is the Chinese
/// message; callers add the file's name (`文件 xxx.json：…`).
#[derive(Clone, Debug, PartialEq)]
pub struct TemplateError {
    pub place: String,
    pub problem: Problem,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    /// Not JSON: where, and (natively) serde's words.
    Malformed { line: usize, column: usize, detail: String },
    /// A field missing or of the wrong kind (the place says which).
    Shape(Shape),
    /// A format this build does not know.
    NewerFormat(u32),
    /// Two parts, slots or item fields with one id (or an item field named like a built-in box).
    Duplicate(String),
    /// An id that is not ASCII letters, digits and `_`.
    BadId(String),
    /// A `{slot}` in the title or an example that no slot declares.
    UnknownSlot(String),
    /// A title break `|` inside a `{slot}` marker.
    BreakInSlot,
    /// `answers` names a part that does not exist.
    AnswersUnknownPart(String),
    /// `answers` names a part without items.
    AnswersPartWithoutItems(String),
    /// A relation names a slot the template does not declare.
    RelationUnknownSlot(String),
    /// A relation names a slot of the wrong kind: which, and what it must be.
    RelationWrongKind { slot: String, year: bool },
    /// `unless` (or an example's `fields`) names a field the item does not have.
    UnknownField(String),
    /// `title_year` is not a year slot.
    TitleYearNotYear(String),
    /// The file is larger than `limits::MAX_TEMPLATE_BYTES`: its size in bytes.
    TooLarge(usize),
    /// `{`/`[` nested deeper than `limits::MAX_NESTING`, first at this line.
    TooDeep(usize),
    /// Bytes that are not UTF-8, first at this line.
    NotUtf8(usize),
    /// `min` above `max` (of items or points).
    MinAboveMax { min: usize, max: usize },
    /// A count above the most a draft may hold (`limits::MAX_ITEMS`, `MAX_POINTS`): the count and that most.
    AboveLimit { value: usize, max: usize },
    /// More parts than `limits::MAX_PARTS`.
    TooManyParts(usize),
    /// More examples than the items (or points) may number: how many, and the `max`.
    TooManyExamples { count: usize, max: usize },
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Problem::Malformed { line, column, detail } => {
                write!(f, "第 {line} 行第 {column} 列附近有误，不是有效的报告模板")?;
                if !detail.is_empty() {
                    write!(f, "（{detail}）")?;
                }
                Ok(())
            }
            Problem::Shape(shape) => write!(f, "{shape}"),
            Problem::NewerFormat(v) => {
                write!(f, "报告模板的格式版本 {v} 比本程序新（本程序能读到版本 {FORMAT}），请更新公文起草助手。")
            }
            Problem::Duplicate(id) => write!(f, "编号“{id}”重复了，每个编号只能用一次"),
            Problem::BadId(id) => write!(f, "编号“{id}”只能由英文字母、数字和下划线组成"),
            Problem::UnknownSlot(id) => write!(f, "用到了关键数字{{{id}}}，但 slots 里没有定义它"),
            Problem::BreakInSlot => write!(f, "标题的断行标记“|”不能放在{{…}}里"),
            Problem::AnswersUnknownPart(id) => write!(f, "answers 指向的部分“{id}”不存在"),
            Problem::AnswersPartWithoutItems(id) => write!(f, "answers 指向的部分“{id}”没有分项（items），无法对应"),
            Problem::RelationUnknownSlot(id) if id.is_empty() => write!(f, "缺少要比较的关键数字（total、of、rate、part、whole 或 slot）"),
            Problem::RelationUnknownSlot(id) => write!(f, "用到了关键数字“{id}”，但 slots 里没有定义它"),
            Problem::RelationWrongKind { slot, year: true } => {
                write!(f, "关键数字“{slot}”应是年份（kind 为 year）")
            }
            Problem::RelationWrongKind { slot, year: false } => {
                write!(f, "关键数字“{slot}”应是数量（kind 为 count、number 或 percent）")
            }
            Problem::UnknownField(id) => write!(f, "本分项没有编号为“{id}”的内容框（fields）"),
            Problem::TitleYearNotYear(id) => write!(f, "title_year 应指向一个年份关键数字（kind 为 year），“{id}”不是"),
            Problem::TooLarge(bytes) => write!(
                f,
                "文件有 {}，超过了报告模板的上限 {}，不像是报告模板",
                limits::size_words(*bytes),
                limits::size_words(limits::MAX_TEMPLATE_BYTES)
            ),
            Problem::TooDeep(line) => {
                write!(f, "第 {line} 行的嵌套层数超过 {} 层（{{ }} 或 [ ] 套得太深），不是有效的报告模板", limits::MAX_NESTING)
            }
            Problem::NotUtf8(line) => write!(f, "第 {line} 行有不是 UTF-8 编码的字节：报告模板应存为 UTF-8 编码的文本"),
            Problem::MinAboveMax { min, max } => write!(f, "最少 {min} 项（min），比最多 {max} 项（max）还多"),
            Problem::AboveLimit { value, max } => write!(f, "{value} 超过了上限 {max}"),
            Problem::TooManyParts(n) => write!(f, "有 {n} 个部分，超过了上限 {} 个", limits::MAX_PARTS),
            Problem::TooManyExamples { count, max } => write!(f, "有 {count} 个示例，比最多 {max} 项（max）还多"),
        }
    }
}

impl std::fmt::Display for TemplateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.place.is_empty() {
            write!(f, "{}", self.problem)
        } else {
            write!(f, "{}：{}", self.place, self.problem)
        }
    }
}

impl TemplateError {
    pub(super) fn at(place: impl Into<String>, problem: Problem) -> Self {
        TemplateError { place: place.into(), problem }
    }
}

/// serde's own words for whoever edits a template natively (tests, the command line); the
/// page says only where, since formatting serde_json's errors adds kilobytes to the bundle.
fn malformed(e: &serde_json::Error) -> TemplateError {
    let detail = if cfg!(target_arch = "wasm32") { String::new() } else { e.to_string() };
    TemplateError::at("", Problem::Malformed { line: e.line(), column: e.column(), detail })
}

impl From<ShapeError> for TemplateError {
    fn from(e: ShapeError) -> Self {
        TemplateError { place: e.place, problem: Problem::Shape(e.problem) }
    }
}

impl Template {
    /// A template file's bytes: refused when too large or not UTF-8 (never read with `�` in
    /// place of the damaged bytes), else `from_json`.
    pub fn from_bytes(bytes: &[u8]) -> Result<Template, TemplateError> {
        if bytes.len() > limits::MAX_TEMPLATE_BYTES {
            return Err(TemplateError::at("", Problem::TooLarge(bytes.len())));
        }
        let json = std::str::from_utf8(bytes).map_err(|e| {
            let line = 1 + bytes[..e.valid_up_to()].iter().filter(|&&b| b == b'\n').count();
            TemplateError::at("", Problem::NotUtf8(line))
        })?;
        Template::from_json(json)
    }

    /// A template's text. Its size and nesting are measured before it is parsed, so a file of
    /// megabytes or nested 100,000 deep is refused at once, by name.
    pub fn from_json(json: &str) -> Result<Template, TemplateError> {
        if json.len() > limits::MAX_TEMPLATE_BYTES {
            return Err(TemplateError::at("", Problem::TooLarge(json.len())));
        }
        if let Some(line) = limits::too_deep(json, limits::MAX_NESTING) {
            return Err(TemplateError::at("", Problem::TooDeep(line)));
        }
        let value: serde_json::Value = serde_json::from_str(json).map_err(|e| malformed(&e))?;
        let file = Obj::root(&value)?;
        // The version first: a newer file is refused whatever its other fields are.
        let format = file.number("format")?;
        if format > u64::from(FORMAT) {
            return Err(TemplateError::at("format", Problem::NewerFormat(u32::try_from(format).unwrap_or(u32::MAX))));
        }
        let mut t = super::read::template(file)?;
        // A break point inside a `{slot}` marker would make it a slot only once taken out.
        let slots = slot_ids(&t.title).len();
        while let Some(at) = t.title.find(TITLE_BREAK) {
            t.title.remove(at);
            t.title_breaks.push(at);
        }
        if slot_ids(&t.title).len() != slots {
            return Err(TemplateError::at("title", Problem::BreakInSlot));
        }
        t.validate()?;
        // Format 1 is migrated by the defaults of `read`; the template is now format 2.
        t.format = FORMAT;
        Ok(t)
    }
}
