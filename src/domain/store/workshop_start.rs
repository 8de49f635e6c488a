//! What 模板制作 starts from, as text: the app and the workshop are two WebAssembly modules (the
//! workshop is loaded when the clerk opens it), so the start the desk holds crosses between them
//! as a short text (`WorkshopStart::to_text`). The workshop gets the template itself
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
    /// As text: "" (a model report), `copy:<id>` or `own:<id>` (a template changed as a copy, or
    /// in place).
    pub fn to_text(&self) -> String {
        match self {
            WorkshopStart::Blank => String::new(),
            WorkshopStart::From { id, copy: true } => format!("copy:{id}"),
            WorkshopStart::From { id, copy: false } => format!("own:{id}"),
        }
    }

    /// Read back what `to_text` wrote.
    pub fn from_text(text: &str) -> Result<WorkshopStart, String> {
        let from = |id: &str, copy| WorkshopStart::From { id: id.to_string(), copy };
        match (text.strip_prefix("copy:"), text.strip_prefix("own:")) {
            _ if text.is_empty() => Ok(WorkshopStart::Blank),
            (Some(id), _) if !id.is_empty() => Ok(from(id, true)),
            (_, Some(id)) if !id.is_empty() => Ok(from(id, false)),
            _ => Err("模板制作没能打开：不知道要修改哪个模板。".to_string()),
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
            WorkshopStart::From { id: "a:b\"c\n".into(), copy: true },
            WorkshopStart::From { id: "copy:x".into(), copy: false },
        ] {
            assert_eq!(WorkshopStart::from_text(&start.to_text()), Ok(start.clone()), "{}", start.to_text());
        }
    }

    #[test]
    fn what_is_not_a_start_is_refused_in_chinese() {
        for bad in ["copy:", "own:", "x", r#"{"id":null}"#, "Copy:x"] {
            let why = WorkshopStart::from_text(bad).unwrap_err();
            assert!(why.starts_with("模板制作没能打开"), "{bad}: {why}");
        }
    }
}
