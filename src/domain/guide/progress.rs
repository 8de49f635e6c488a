//! How the page words where the clerk stands: what the 完成 step says, where in a field a
//! finding sits, and a finding's badge. (Which findings are told while writing, and the line
//! above them: `outline::while_writing`, `outline::status`.)
use crate::domain::check::{FieldFinding, Finding, Severity};
use crate::domain::guide::outline::status;

/// What the 完成 step says above its downloads and its list of what is left.
pub fn done(findings: &[FieldFinding]) -> String {
    let errors = findings.iter().any(|f| f.finding.severity == Severity::Error);
    match (findings.is_empty(), errors) {
        (true, _) => "报告已经写好，可以下载、复制或打印。".to_string(),
        (false, false) => format!("{}请看看下面的提醒；报告可以下载、复制或打印。", status(&[], findings)),
        (false, true) => format!("{}点下面的问题可以跳过去修改；也可以先下载，文件里会留着这些问题。", status(&[], findings)),
    }
}

/// Where in its field a finding sits, as a clerk counts (`第3字：`, `第3至5字：`); nothing for a
/// finding about the field as a whole or an empty key figure (its message names the figure, and
/// the clerk never sees the gap's own characters).
pub fn place(f: &Finding) -> String {
    match f.span.len() {
        _ if f.rule == "missing-slot" => String::new(),
        0 => String::new(),
        1 => format!("第{}字：", f.span.end),
        _ => format!("第{}至{}字：", f.span.start + 1, f.span.end),
    }
}

/// The words on a finding's badge, by severity: not told by colour alone.
pub fn badge(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "需修改",
        Severity::Warning => "提醒",
        Severity::Hint => "建议",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::check::check_draft;
    use crate::domain::guide::outline::{steps, while_writing};
    use crate::domain::model::draft::Draft;
    use crate::domain::model::template::xuanren;
    use crate::domain::model::text::Span;

    #[test]
    fn a_begun_step_tells_what_is_missing_in_it() {
        let t = xuanren();
        let mut d = Draft::new(&t);
        d.slots.insert("unit".into(), "市财政局党组".into());
        d.slots.insert("start_year".into(), "2022".into());
        d.set_text("addressee", "市委**巡察组：".into());
        let all = check_draft(&t, &d);
        let shown = while_writing(&t, &d, &all);
        let parts: Vec<_> = shown.iter().map(|f| (f.part.as_str(), f.finding.rule)).collect();
        assert_eq!(parts, [("addressee", "placeholder")], "the date is not begun");
        let line = status(&steps(&t, &d, &all), &shown);
        assert!(line.starts_with("还有 1 处需要修改；") && line.ends_with("部分未填写。"), "{line}");
    }

    #[test]
    fn the_done_step_says_what_is_left() {
        let t = xuanren();
        let mut d = Draft::example(&t);
        assert!(done(&[]).starts_with("报告已经写好"));
        let left = done(&check_draft(&t, &d));
        assert!(left.contains("请看看下面的提醒") && !left.contains("需要修改"), "the example has style hints only: {left}");
        d.set_text("addressee", "市委**巡察组：".into());
        let left = done(&check_draft(&t, &d));
        assert!(left.starts_with("还有 1 处需要修改") && left.contains("跳过去修改"), "a placeholder: {left}");
        d.set_text("opening", String::new());
        let left = done(&check_draft(&t, &d));
        assert!(!left.starts_with("报告已经写好"), "an empty 开头语 is left: {left}");
    }

    #[test]
    fn places_read_as_a_clerk_counts() {
        let f = |rule, start, end| Finding {
            rule,
            category: crate::domain::check::Category::Missing,
            severity: Severity::Error,
            message: String::new(),
            span: Span::new(start, end),
            text: String::new(),
            replacement: None,
        };
        // (finding, place)
        let table = [
            (f("placeholder", 2, 4), "第3至4字："),
            (f("punctuation", 4, 5), "第5字："),
            (f("missing-required", 0, 0), ""),
            (f("missing-slot", 0, 2), ""),
        ];
        for (finding, place_) in table {
            assert_eq!(place(&finding), place_, "{finding:?}");
        }
        assert_ne!(badge(Severity::Error), badge(Severity::Warning));
        assert_ne!(badge(Severity::Warning), badge(Severity::Hint));
    }
}
