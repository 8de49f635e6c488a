//! Reading typed fields out of parsed JSON by hand, naming the place of anything missing or of
//! the wrong kind (`parts[2].items.min`). serde_json parses the text into one `Value`; the
//! readers of templates, the template index and stored drafts take their fields from it here.
//!
//! Why not serde's derived readers: each derived type brings its own reader per list and per
//! option, about 70 KB of wasm for the template and draft types, the largest code in the page
//! that is ours (ARCHITECTURE.md, "Bundle budget"). One `Value` reader plus these accessors
//! cost a fraction of that, and their errors say where in Chinese.
//!
//! Leniency is serde's: unknown keys are ignored; `null` counts as absent.
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// What was wrong, and where (`parts[2].items.min`).
#[derive(Clone, Debug, PartialEq)]
pub struct ShapeError {
    pub place: String,
    pub problem: Shape,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Shape {
    /// A required key is absent.
    Missing,
    /// The value is of another kind.
    Expected(Kind),
    /// A name that is not one of these.
    OneOf(Vec<&'static str>),
    /// A whole number below 0 where a count is asked for.
    Negative,
}

/// The kinds of JSON value a field can require.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Text,
    Number,
    Bool,
    List,
    Object,
    TextOrList,
}

impl std::fmt::Display for Shape {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Shape::Missing => f.write_str("缺少这一项"),
            Shape::Expected(kind) => f.write_str(match kind {
                Kind::Text => "应是用英文双引号括起的文字",
                Kind::Number => "应是不带引号的整数",
                Kind::Bool => "应是 true 或 false",
                Kind::List => "应是用 [ ] 括起的列表",
                Kind::Object => "应是用 { } 括起的一组内容",
                Kind::TextOrList => "应是一个编号，或用 [ ] 括起的编号列表",
            }),
            Shape::OneOf(names) => write!(f, "只能是 {} 之一", names.join("、")),
            Shape::Negative => f.write_str("应是 0 或更大的整数，不能是负数"),
        }
    }
}

impl std::fmt::Display for ShapeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.place.is_empty() {
            write!(f, "{}", self.problem)
        } else {
            write!(f, "{}：{}", self.place, self.problem)
        }
    }
}

pub type Read<T> = Result<T, ShapeError>;

fn wrong(place: String, kind: Kind) -> ShapeError {
    ShapeError { place, problem: Shape::Expected(kind) }
}

/// A whole number ≥ 0; a negative one is named as such (`-1` is an integer, so "应是整数" would
/// mislead).
fn count_of(v: &Value, place: impl FnOnce() -> String) -> Read<u64> {
    match v.as_u64() {
        Some(n) => Ok(n),
        None if v.as_i64().is_some() => Err(ShapeError { place: place(), problem: Shape::Negative }),
        None => Err(wrong(place(), Kind::Number)),
    }
}

/// A JSON object being read, and where it sits in the file.
pub struct Obj<'a> {
    map: &'a Map<String, Value>,
    place: String,
}

impl<'a> Obj<'a> {
    /// The whole file, which must be an object.
    pub fn root(value: &'a Value) -> Read<Obj<'a>> {
        Obj::at(value, String::new())
    }

    fn at(value: &'a Value, place: String) -> Read<Obj<'a>> {
        match value {
            Value::Object(map) => Ok(Obj { map, place }),
            _ => Err(wrong(place, Kind::Object)),
        }
    }

    /// Where a key of this object is.
    pub fn place_of(&self, key: &str) -> String {
        if self.place.is_empty() {
            key.to_string()
        } else {
            format!("{}.{key}", self.place)
        }
    }

    /// The value of a key, absent when missing or `null`.
    fn get(&self, key: &str) -> Option<&'a Value> {
        self.map.get(key).filter(|v| !v.is_null())
    }

    fn required(&self, key: &str) -> Read<&'a Value> {
        self.get(key).ok_or_else(|| ShapeError { place: self.place_of(key), problem: Shape::Missing })
    }

    /// Required text.
    pub fn text(&self, key: &str) -> Read<String> {
        as_text(self.required(key)?, || self.place_of(key))
    }

    /// Text, `""` when absent.
    pub fn text_or_empty(&self, key: &str) -> Read<String> {
        Ok(self.opt_text(key)?.unwrap_or_default())
    }

    pub fn opt_text(&self, key: &str) -> Read<Option<String>> {
        self.get(key).map(|v| as_text(v, || self.place_of(key))).transpose()
    }

    /// A whole number ≥ 0, required.
    pub fn number(&self, key: &str) -> Read<u64> {
        count_of(self.required(key)?, || self.place_of(key))
    }

    pub fn opt_number(&self, key: &str) -> Read<Option<u64>> {
        self.get(key).map(|v| count_of(v, || self.place_of(key))).transpose()
    }

    /// `true`/`false`, `false` when absent.
    pub fn flag(&self, key: &str) -> Read<bool> {
        match self.get(key) {
            None => Ok(false),
            Some(v) => v.as_bool().ok_or_else(|| wrong(self.place_of(key), Kind::Bool)),
        }
    }

    /// One name of a fixed list (`"report"` → `Genre::Report`); `default` when absent, or
    /// required when there is none.
    pub fn name<T: Copy>(&self, key: &str, names: &[(&'static str, T)], default: Option<T>) -> Read<T> {
        let text = match (self.get(key), default) {
            (None, Some(d)) => return Ok(d),
            _ => self.text(key)?,
        };
        names
            .iter()
            .find(|(n, _)| *n == text)
            .map(|&(_, v)| v)
            .ok_or_else(|| ShapeError { place: self.place_of(key), problem: Shape::OneOf(names.iter().map(|(n, _)| *n).collect()) })
    }

    /// A nested object, absent or present.
    pub fn opt_obj(&self, key: &str) -> Read<Option<Obj<'a>>> {
        self.get(key).map(|v| Obj::at(v, self.place_of(key))).transpose()
    }

    /// A list of objects (`[]` when absent unless `required`), each read by `read` with its
    /// place (`parts[2]`).
    pub fn objects<T>(&self, key: &str, required: bool, mut read: impl FnMut(Obj<'a>) -> Read<T>) -> Read<Vec<T>> {
        let Some(list) = self.list(key, required)? else { return Ok(Vec::new()) };
        let place = self.place_of(key);
        list.iter().enumerate().map(|(i, v)| read(Obj::at(v, format!("{place}[{i}]"))?)).collect()
    }

    /// A list of texts, `[]` when absent.
    pub fn texts(&self, key: &str) -> Read<Vec<String>> {
        let Some(list) = self.list(key, false)? else { return Ok(Vec::new()) };
        let place = self.place_of(key);
        list.iter().enumerate().map(|(i, v)| as_text(v, || format!("{place}[{i}]"))).collect()
    }

    /// A list of whole numbers, `[]` when absent.
    pub fn numbers(&self, key: &str) -> Read<Vec<u64>> {
        let Some(list) = self.list(key, false)? else { return Ok(Vec::new()) };
        let place = self.place_of(key);
        list.iter().enumerate().map(|(i, v)| count_of(v, || format!("{place}[{i}]"))).collect()
    }

    /// One text or a list of them (`"of": "report_year"` or `"of": ["done", "ongoing"]`).
    pub fn one_or_many(&self, key: &str) -> Read<Vec<String>> {
        match self.get(key) {
            None => Ok(Vec::new()),
            Some(Value::String(s)) => Ok(vec![s.clone()]),
            Some(Value::Array(_)) => self.texts(key),
            Some(_) => Err(wrong(self.place_of(key), Kind::TextOrList)),
        }
    }

    /// An object of texts by key, empty when absent.
    pub fn text_map(&self, key: &str) -> Read<BTreeMap<String, String>> {
        let Some(obj) = self.opt_obj(key)? else { return Ok(BTreeMap::new()) };
        obj.map.iter().map(|(k, v)| Ok((k.clone(), as_text(v, || obj.place_of(k))?))).collect()
    }

    fn list(&self, key: &str, required: bool) -> Read<Option<&'a Vec<Value>>> {
        let value = if required { Some(self.required(key)?) } else { self.get(key) };
        value.map(|v| v.as_array().ok_or_else(|| wrong(self.place_of(key), Kind::List))).transpose()
    }
}

fn as_text(value: &Value, place: impl FnOnce() -> String) -> Read<String> {
    value.as_str().map(str::to_string).ok_or_else(|| wrong(place(), Kind::Text))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read<T>(json: &str, f: impl FnOnce(Obj) -> Read<T>) -> Read<T> {
        let value: Value = serde_json::from_str(json).unwrap();
        f(Obj::root(&value)?)
    }

    /// Each accessor: what it reads, its default, and the place and problem when it cannot.
    #[test]
    fn accessors_read_or_name_the_place() {
        assert_eq!(read(r#"{"a":"x"}"#, |o| o.text("a")), Ok("x".into()));
        assert_eq!(read(r#"{"a":null}"#, |o| o.text_or_empty("a")), Ok(String::new()));
        let missing = read(r#"{}"#, |o| o.text("a")).unwrap_err();
        assert_eq!((missing.place.as_str(), &missing.problem), ("a", &Shape::Missing));
        assert_eq!(missing.to_string(), "a：缺少这一项");
        let nested = read(r#"{"p":[{"q":{"n":"1"}}]}"#, |o| o.objects("p", true, |p| p.opt_obj("q")?.map(|q| q.number("n")).transpose()))
            .unwrap_err();
        assert_eq!((nested.place.as_str(), &nested.problem), ("p[0].q.n", &Shape::Expected(Kind::Number)));
        assert_eq!(read(r#"{"f":true}"#, |o| o.flag("f")), Ok(true));
        assert_eq!(read(r#"{}"#, |o| o.flag("f")), Ok(false));
        assert_eq!(read(r#"{"f":"yes"}"#, |o| o.flag("f")).unwrap_err().problem, Shape::Expected(Kind::Bool));
        let names = [("a", 1), ("b", 2)];
        assert_eq!(read(r#"{"k":"b"}"#, |o| o.name("k", &names, None)), Ok(2));
        assert_eq!(read(r#"{}"#, |o| o.name("k", &names, Some(1))), Ok(1));
        let bad = read(r#"{"k":"c"}"#, |o| o.name("k", &names, Some(1))).unwrap_err();
        assert_eq!(bad.to_string(), "k：只能是 a、b 之一");
        assert_eq!(read(r#"{"o":"x"}"#, |o| o.one_or_many("o")), Ok(vec!["x".to_string()]));
        assert_eq!(read(r#"{"o":["x","y"]}"#, |o| o.one_or_many("o")), Ok(vec!["x".to_string(), "y".to_string()]));
        assert_eq!(read(r#"{"o":3}"#, |o| o.one_or_many("o")).unwrap_err().problem, Shape::Expected(Kind::TextOrList));
        assert_eq!(read(r#"{"t":["x",2]}"#, |o| o.texts("t")).unwrap_err().place, "t[1]");
        assert_eq!(read(r#"{"n":[1,2]}"#, |o| o.numbers("n")), Ok(vec![1, 2]));
        assert_eq!(read(r#"{"m":{"k":"v"}}"#, |o| o.text_map("m")), Ok([("k".to_string(), "v".to_string())].into()));
        assert_eq!(read(r#"{"m":{"k":1}}"#, |o| o.text_map("m")).unwrap_err().place, "m.k");
        assert_eq!(read(r#"{"l":{}}"#, |o| o.objects("l", false, |_| Ok(()))).unwrap_err().problem, Shape::Expected(Kind::List));
        assert_eq!(read(r#"{}"#, |o| o.objects("l", true, |_| Ok(()))).unwrap_err().problem, Shape::Missing);
        let root: Value = serde_json::from_str("[1]").unwrap();
        assert_eq!(Obj::root(&root).err().map(|e| e.problem), Some(Shape::Expected(Kind::Object)));
    }
}
