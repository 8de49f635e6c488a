//! What 模板制作 starts from, as text: the app and the workshop are two WebAssembly modules (the
//! workshop is loaded when the clerk opens it), so the start the desk holds crosses between them
//! as `{"id": <the template's id> | null, "copy": bool}`. The workshop gets the template itself
//! by its id, from where the app gets it (built in, in the single file, kept in this browser, or
//! beside the served page): no template is written out in the app's module.
use std::rc::Rc;

use crate::domain::model::template::Template;
use crate::domain::store::desk::WorkshopStart;

/// The workshop's page opened: on a model report to paste, or on the template to change.
#[derive(Clone, Debug, PartialEq)]
pub enum Opened {
    Blank,
    From { template: Rc<Template>, copy: bool },
}

impl WorkshopStart {
    pub fn to_json(&self) -> String {
        match self {
            WorkshopStart::Blank => r#"{"id":null,"copy":false}"#.to_string(),
            WorkshopStart::From { id, copy } => format!(r#"{{"id":{},"copy":{copy}}}"#, serde_json::to_string(id).unwrap_or_default()),
        }
    }

    /// Read back what `to_json` wrote.
    pub fn from_json(json: &str) -> Result<WorkshopStart, String> {
        let unreadable = || "模板制作没能打开：不知道要修改哪个模板。".to_string();
        let value: serde_json::Value = serde_json::from_str(json).map_err(|_| unreadable())?;
        let copy = value.get("copy").and_then(serde_json::Value::as_bool).ok_or_else(unreadable)?;
        match value.get("id") {
            Some(serde_json::Value::Null) => Ok(WorkshopStart::Blank),
            Some(serde_json::Value::String(id)) => Ok(WorkshopStart::From { id: id.clone(), copy }),
            _ => Err(unreadable()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_start_crosses_as_its_templates_id() {
        for start in [
            WorkshopStart::Blank,
            WorkshopStart::From { id: "xuanren-report".into(), copy: true },
            WorkshopStart::From { id: "own-kind".into(), copy: false },
            // An id is written as a JSON string, whatever it holds.
            WorkshopStart::From { id: "a\"b\\c\n".into(), copy: true },
        ] {
            assert_eq!(WorkshopStart::from_json(&start.to_json()), Ok(start.clone()), "{}", start.to_json());
        }
    }

    #[test]
    fn what_is_not_a_start_is_refused_in_chinese() {
        for bad in ["", "{}", "[1]", r#"{"id":null}"#, r#"{"id":3,"copy":true}"#, r#"{"copy":true}"#] {
            let why = WorkshopStart::from_json(bad).unwrap_err();
            assert!(why.starts_with("模板制作没能打开"), "{bad}: {why}");
        }
    }
}
