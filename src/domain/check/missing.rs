//! Missing content: a required field left empty, a key figure not filled in (in a field or in
//! the title). Each is an error: a report must not leave the page with a part or a figure
//! missing.
//!
//! While the clerk writes, the page keeps a new draft calm: the steps not reached yet show
//! 未填写 instead of these errors (`outline::while_writing`). The moment the report leaves the
//! page (download, copy, print), `for_output` lists everything missing, reached or not.
//!
//! An item field (`整改措施`, `完成时限` …) marked required is missing when empty, unless its
//! `unless` holds (`完成时限` is not asked of a problem whose 整改进展 starts `已完成`): see
//! `fields::fields`. The genre decides the closing (`genre_closing`, a warning): an upward 报告
//! ends `特此报告。`, meeting material has no such formula, a 述职 ends `请予评议`; a part the
//! genre does not have is absent from its template, so nothing asks for it (no 主送 in a 述职).
use super::{Category, FieldFinding, Finding, Severity};
use crate::domain::model::draft::Draft;
use crate::domain::model::fields::{FieldRef, TITLE_STEP};
use crate::domain::model::pattern::{fill, SlotPlace, EMPTY_SLOT};
use crate::domain::model::template::{Genre, PartKind, Template};
use crate::domain::model::text::Span;

/// A required field is empty.
pub const REQUIRED: &str = "missing-required";
/// A key figure shows as a gap (`＿＿`).
pub const SLOT: &str = "missing-slot";
/// The 主送机关 does not end in a full-width colon.
pub const ADDRESSEE_COLON: &str = "addressee-colon";
/// A closing formula of another genre (`特此报告` in a 述职).
pub const GENRE_CLOSING: &str = "genre-closing";

/// The checks of whole parts that no field's text rules see: the title's key figures and the
/// 主送机关's closing colon.
pub fn draft(template: &Template, draft: &Draft, out: &mut Vec<FieldFinding>) {
    title(template, draft, out);
    for part in template.parts.iter().filter(|p| p.kind == PartKind::Addressee) {
        if let Some(finding) = addressee_colon(&draft.text(&part.id)) {
            out.push(FieldFinding { key: part.id.clone(), part: part.id.clone(), finding });
        }
    }
    for part in template.parts.iter().filter(|p| matches!(p.kind, PartKind::Closing | PartKind::Paragraph)) {
        if let Some(finding) = genre_closing(template.genre, &draft.text(&part.id)) {
            out.push(FieldFinding { key: part.id.clone(), part: part.id.clone(), finding });
        }
    }
}

/// A closing formula that belongs to another genre: `特此报告` outside an upward 报告, or
/// `请予评议`/`请予审议` in one. A warning on the words.
pub fn genre_closing(genre: Genre, text: &str) -> Option<Finding> {
    let (words, message): (&[&str], &str) = match genre {
        Genre::Report => (&["请予评议", "请予审议"], "这是述职、会议报告的用语；向上级的报告以“特此报告。”结尾。"),
        Genre::Meeting => (&["特此报告"], "会议材料不用“特此报告”结尾，写完最后一部分即可。"),
        Genre::Personal => (&["特此报告"], "述职报告不用“特此报告”，一般以“以上报告，请予评议。”结尾。"),
    };
    let (at, word) = words.iter().filter_map(|w| text.find(w).map(|at| (at, *w))).min()?;
    let start = text[..at].chars().count();
    Some(Finding {
        rule: GENRE_CLOSING,
        category: Category::Structure,
        severity: Severity::Warning,
        message: format!("“{word}”：{message}"),
        span: Span::new(start, start + word.chars().count()),
        text: word.to_string(),
        replacement: None,
    })
}

/// GB/T 9704 §7.2.2: the 主送机关 ends in a full-width `：`. A half-width or other closing mark
/// is replaced; a missing one is added after the last character. Empty text is left to
/// `check_required`.
pub fn addressee_colon(text: &str) -> Option<Finding> {
    let trimmed = text.trim_end();
    let last = trimmed.chars().last()?;
    if last == '：' {
        return None;
    }
    let at = trimmed.chars().count() - 1;
    let replaced = matches!(last, ':' | '︰' | '∶' | '；' | ';' | '，' | ',' | '。' | '.' | '、');
    let (message, replacement) = if replaced {
        (format!("主送机关末尾应是全角冒号“：”，不是“{last}”。"), "：".to_string())
    } else {
        ("主送机关末尾缺少全角冒号“：”。".to_string(), format!("{last}："))
    };
    Some(Finding {
        rule: ADDRESSEE_COLON,
        category: Category::Punctuation,
        severity: Severity::Error,
        message,
        span: Span::new(at, at + 1),
        text: last.to_string(),
        replacement: Some(replacement),
    })
}

pub fn check_required(field: &FieldRef, text: &str) -> Option<Finding> {
    if !field.required || !text.trim().is_empty() {
        return None;
    }
    Some(Finding {
        rule: REQUIRED,
        category: Category::Missing,
        severity: Severity::Error,
        message: format!("“{}”还没有填写。", field.label),
        span: Span::new(0, 0),
        text: String::new(),
        replacement: None,
    })
}

pub fn unfilled_slot(template: &Template, place: &SlotPlace) -> Finding {
    let label = template.slot(&place.slot).map_or(place.slot.as_str(), |s| s.label.as_str());
    Finding {
        rule: SLOT,
        category: Category::Missing,
        severity: Severity::Error,
        message: format!("还没有填写“{label}”。"),
        span: place.span,
        text: EMPTY_SLOT.to_string(),
        replacement: None,
    }
}

/// The title's empty key figures. The title is made from the template's pattern, not typed in
/// a field, so its gaps are findings of the title step (key and part `title`), with spans in
/// the title's text.
pub fn title(template: &Template, draft: &Draft, out: &mut Vec<FieldFinding>) {
    let (_, places) = fill(&template.title, |id| draft.slots.get(id).map(String::as_str));
    for place in places {
        let filled = draft.slots.get(&place.slot).is_some_and(|v| !v.trim().is_empty());
        if !filled {
            let finding = unfilled_slot(template, &place);
            out.push(FieldFinding { key: TITLE_STEP.to_string(), part: TITLE_STEP.to_string(), finding });
        }
    }
}

/// Everything missing, as the clerk must be told before the report leaves the page: every
/// empty required part and every empty key figure, in document order; a figure that leaves
/// several gaps (the unit's name in the title, the opening and the 落款) once, at its first.
pub fn for_output(findings: &[FieldFinding]) -> Vec<&FieldFinding> {
    let mut out: Vec<&FieldFinding> = Vec::new();
    for f in findings.iter().filter(|f| f.finding.category == Category::Missing) {
        let repeat = f.finding.rule == SLOT && out.iter().any(|o| o.finding.rule == SLOT && o.finding.message == f.finding.message);
        if !repeat {
            out.push(f);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::check::check_draft;
    use crate::domain::model::template::xuanren;

    #[test]
    fn table() {
        let field = FieldRef { key: "opening".into(), part: "opening".into(), label: "开头语".into(), required: true };
        // (text, fires)
        let table = [("", true), ("   ", true), ("\n", true), ("　", true), ("现将", false)];
        for (text, fires) in table {
            let found = check_required(&field, text);
            assert_eq!(found.is_some(), fires, "{text:?}");
            assert!(found.is_none_or(|f| f.severity == Severity::Error), "an empty required part is an error");
        }
        let optional = FieldRef { required: false, ..field };
        assert!(check_required(&optional, "").is_none());
    }

    #[test]
    fn the_addressee_ends_in_a_full_width_colon() {
        // (text, flagged character, fixed text)
        let table = [
            ("市委巡察组:", Some((":", "市委巡察组："))),
            ("市委巡察组", Some(("组", "市委巡察组："))),
            ("市委巡察组；", Some(("；", "市委巡察组："))),
            ("市委巡察组。 ", Some(("。", "市委巡察组： "))),
            ("市委第二巡察组：", None),
            ("市委巡察组：\n", None),
            ("", None),
            ("  ", None),
        ];
        for (text, want) in table {
            let got = addressee_colon(text).map(|f| {
                assert_eq!(f.severity, Severity::Error);
                let fixed = crate::domain::model::text::replace_chars(text, f.span, f.replacement.as_deref().unwrap_or_default());
                (f.text, fixed)
            });
            assert_eq!(got, want.map(|(t, fixed)| (t.to_string(), fixed.to_string())), "{text:?}");
        }
    }

    #[test]
    fn an_empty_key_figure_is_named() {
        let t = xuanren();
        let place = SlotPlace { slot: "party_school_count".into(), span: Span::new(4, 6) };
        let f = unfilled_slot(&t, &place);
        assert_eq!(f.message, "还没有填写“参加党校培训人数”。");
        assert_eq!(f.span, Span::new(4, 6));
        assert_eq!(f.severity, Severity::Error);
    }

    #[test]
    fn the_titles_gaps_are_findings_of_the_title_step() {
        let t = xuanren();
        let mut d = Draft::new(&t);
        d.set_slot("start_year", "2022".into());
        let mut out = Vec::new();
        title(&t, &d, &mut out);
        let got: Vec<_> = out.iter().map(|f| (f.key.as_str(), f.finding.message.as_str(), f.finding.span)).collect();
        // 关于＿＿领导班子…: the gap is characters 2..4 of the title.
        assert_eq!(got, [("title", "还没有填写“单位名称”。", Span::new(2, 4))]);
        d.set_slot("unit", "党工委".into());
        out.clear();
        title(&t, &d, &mut out);
        assert!(out.is_empty(), "{out:?}");
    }

    /// The report: only the title's unit and year and the date filled, the closing
    /// cleared. Everything else is listed, each part once, each figure once.
    #[test]
    fn an_empty_body_lists_every_empty_part_for_output() {
        let t = xuanren();
        let d = crate::domain::model::draft::empty_body(&t);
        let all = check_draft(&t, &d);
        let listed: Vec<(&str, &str)> = for_output(&all).iter().map(|f| (f.part.as_str(), f.finding.rule)).collect();
        let parts: Vec<&str> = listed.iter().map(|(p, _)| *p).collect();
        for part in ["addressee", "opening", "overview", "problems", "measures", "closing"] {
            assert!(parts.contains(&part), "{part} not listed: {listed:?}");
        }
        assert!(listed.iter().all(|(_, rule)| *rule == REQUIRED), "{listed:?}");
        for f in &all {
            if f.finding.category == Category::Missing {
                assert_eq!(f.finding.severity, Severity::Error, "{f:?}");
            }
        }
        // The parts that are filled are not listed.
        assert!(!parts.contains(&"title") && !parts.contains(&"signature") && !parts.contains(&"date"), "{listed:?}");
    }

    #[test]
    fn a_figure_missing_in_several_places_is_listed_once() {
        let t = xuanren();
        let d = Draft::example(&t);
        let mut d = d;
        d.set_slot("unit", String::new());
        let all = check_draft(&t, &d);
        let gaps = all.iter().filter(|f| f.finding.rule == SLOT).count();
        assert!(gaps >= 3, "title, opening and 落款 each show the gap: {all:?}");
        let listed = for_output(&all);
        assert_eq!(listed.len(), 1, "{listed:?}");
        assert_eq!((listed[0].key.as_str(), listed[0].finding.message.as_str()), ("title", "还没有填写“单位名称”。"));
    }

    #[test]
    fn the_closing_follows_the_genre() {
        // (genre, text, flagged)
        let table = [
            (Genre::Report, "特此报告。", None),
            (Genre::Report, "以上报告，请予评议。", Some("请予评议")),
            (Genre::Meeting, "特此报告。", Some("特此报告")),
            (Genre::Meeting, "以上材料，请各位同志批评指正。", None),
            (Genre::Personal, "以上报告，请予评议。", None),
            (Genre::Personal, "以上报告，特此报告。", Some("特此报告")),
            (Genre::Personal, "", None),
        ];
        for (genre, text, flagged) in table {
            let f = genre_closing(genre, text);
            assert_eq!(f.as_ref().map(|f| f.text.as_str()), flagged, "{genre:?} {text:?}");
            if let Some(f) = f {
                assert_eq!(crate::domain::model::text::slice_chars(text, f.span), f.text);
                assert_eq!(f.severity, Severity::Warning);
            }
        }
    }

    /// A required item field is missing when empty, unless its `unless` holds.
    #[test]
    fn item_fields_are_required_unless_their_condition_holds() {
        use crate::domain::model::draft::key;
        let t = crate::domain::model::template::Template::from_json(crate::domain::model::template::SMALL_FOR_TESTS).unwrap();
        let mut d = Draft::example(&t);
        let first = d.items("feedback")[0].id;
        let missing = |d: &Draft| -> Vec<String> {
            check_draft(&t, d).into_iter().filter(|f| f.finding.rule == REQUIRED).map(|f| f.finding.message).collect()
        };
        assert_eq!(missing(&d), Vec::<String>::new(), "the first is finished: no deadline asked");
        d.set_text(&key::item("feedback", first, "progress"), "正在推进。".into());
        assert_eq!(missing(&d), ["“一、反馈问题整改落实情况 （一）完成时限”还没有填写。"]);
        d.set_text(&key::item("feedback", first, "progress"), String::new());
        assert_eq!(
            missing(&d),
            ["“一、反馈问题整改落实情况 （一）整改进展”还没有填写。", "“一、反馈问题整改落实情况 （一）完成时限”还没有填写。"]
        );
        // The meeting genre's closing rule runs on the draft.
        d.set_text("opening", "特此报告。".into());
        assert!(check_draft(&t, &d).iter().any(|f| f.key == "opening" && f.finding.rule == GENRE_CLOSING));
    }

    /// After an import, an empty title, closing, 落款 and date are all findings.
    #[test]
    fn an_import_without_title_closing_signature_or_date_is_told_so() {
        let t = xuanren();
        let seed = include_str!("../../../tests/fixtures/seed-report.txt");
        let d = crate::domain::input::import_report::into_draft(&t, seed);
        let all = check_draft(&t, &d);
        let listed: Vec<&str> = for_output(&all).iter().map(|f| f.part.as_str()).collect();
        assert_eq!(listed, ["title", "title", "closing", "signature", "date"]);
    }
}
