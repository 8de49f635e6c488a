use super::*;
use crate::domain::model::draft::{key, Draft};
use crate::domain::model::fields::fields;

#[test]
fn embedded_template_loads_and_everything_is_guided() {
    let t = xuanren();
    assert_eq!(t.id, "xuanren-report");
    assert_eq!(t.genre, Genre::Report);
    assert!(t.summary.chars().count() >= 10, "the gallery needs a line on when it is written");
    for p in &t.parts {
        assert!(!p.label.trim().is_empty(), "{} has no label", p.id);
        assert!(p.hint.chars().count() >= 10, "{} has no useful hint", p.id);
        assert!(!p.example.trim().is_empty(), "{} has no example", p.id);
        if let Some(items) = &p.items {
            assert!(items.heading_hint.chars().count() >= 8, "{} items have no hint", p.id);
            assert!(items.examples.len() >= items.min, "{} has too few examples", p.id);
            if let Some(points) = &items.points {
                assert!(points.topic_hint.chars().count() >= 8 && points.body_hint.chars().count() >= 8);
            }
        }
    }
    for s in &t.slots {
        assert!(s.hint.chars().count() >= 6, "slot {} has no useful hint", s.id);
        assert!(!s.example.is_empty(), "slot {} has no example", s.id);
    }
}

#[test]
fn title_break_points_are_taken_out_of_the_pattern() {
    let t = xuanren();
    assert_eq!(t.title, "关于{unit}领导班子{start_year}年以来选人用人工作情况的报告");
    let at: Vec<&str> = t.title_breaks.iter().map(|&b| t.title.get(b..).unwrap_or_default()).collect();
    assert_eq!(
        at,
        ["领导班子{start_year}年以来选人用人工作情况的报告", "{start_year}年以来选人用人工作情况的报告", "选人用人工作情况的报告"]
    );
    let plain = Template::from_json(r#"{"format":1,"id":"x","name":"x","title":"t","parts":[]}"#);
    assert_eq!(plain.map(|t| t.title_breaks), Ok(vec![]));
}

/// A small format-2 template with every new feature: summary, genre, title_year, number and
/// percent slots, the three relations, item fields with `unless`, example fields.
pub(crate) const SMALL: &str = r#"{
  "format": 2, "id": "small", "name": "整改进展情况报告",
  "summary": "集中整改期满时报告整改进展。", "genre": "meeting",
  "title": "{unit}关于{report_year}年|整改进展情况的报告", "title_year": "report_year",
  "slots": [
    {"id": "unit", "label": "单位名称", "hint": "写单位全称", "kind": "text", "example": "某某局党组"},
    {"id": "report_year", "label": "报告年度", "hint": "四位数字", "kind": "year", "example": "2024"},
    {"id": "plan_year", "label": "下一年度", "hint": "报告年度加一", "kind": "year", "example": "2025"},
    {"id": "problems", "label": "问题总数", "hint": "反馈的问题数", "kind": "count", "example": "46"},
    {"id": "done", "label": "已完成整改数", "hint": "已完成的", "kind": "count", "example": "41"},
    {"id": "ongoing", "label": "正在推进数", "hint": "正在推进的", "kind": "number", "example": "5"},
    {"id": "done_rate", "label": "完成率", "hint": "百分比", "kind": "percent", "example": "89.1%"}
  ],
  "relations": [
    {"kind": "sum", "total": "problems", "of": ["done", "ongoing"]},
    {"kind": "rate", "rate": "done_rate", "part": "done", "whole": "problems"},
    {"kind": "year_after", "slot": "plan_year", "of": "report_year"}
  ],
  "parts": [
    {"id": "opening", "kind": "paragraph", "label": "开头语", "hint": "说明整改总体情况",
     "example": "{unit}共收到反馈问题{problems}个，已完成{done}个。", "required": true},
    {"id": "feedback", "kind": "section", "label": "一、反馈问题整改落实情况", "heading": "反馈问题整改落实情况",
     "hint": "逐条写", "example": "逐条报告如下：",
     "items": {"layout": "subsection", "label": "问题", "heading_hint": "概括反馈问题", "min": 1, "max": 20,
       "fields": [
         {"id": "measures", "label": "整改措施", "lead": "整改措施：", "hint": "写采取的措施", "required": true},
         {"id": "progress", "label": "整改进展", "lead": "整改进展：", "hint": "写进展", "required": true},
         {"id": "deadline", "label": "完成时限", "lead": "完成时限：", "hint": "未完成的写时限", "required": true,
          "unless": {"field": "progress", "starts_with": ["已完成"]}}
       ],
       "examples": [
         {"heading": "理论学习不够深入", "body": "", "fields": {"measures": "{unit}制定学习计划。", "progress": "已完成。"}},
         {"heading": "制度执行不严", "fields": {"measures": "修订制度。", "progress": "正在推进。", "deadline": "{plan_year}年6月底前"}}
       ]}}
  ]
}"#;

#[test]
fn a_format_2_template_with_every_new_feature_loads() {
    let t = Template::from_json(SMALL).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        (t.genre, t.summary.as_str(), t.title_year.as_deref()),
        (Genre::Meeting, "集中整改期满时报告整改进展。", Some("report_year"))
    );
    assert_eq!(t.slot("ongoing").map(|s| s.kind), Some(SlotKind::Number));
    assert_eq!(t.slot("done_rate").map(|s| s.kind), Some(SlotKind::Percent));
    assert_eq!(t.relations.len(), 3);
    assert_eq!(t.relations[2], Relation::YearAfter { slot: "plan_year".into(), of: "report_year".into() });
    let written = serde_json::to_string(&t.relations).unwrap();
    assert!(written.contains(r#"{"kind":"year_after","slot":"plan_year","of":"report_year"}"#), "{written}");
    // What is written reads back the same (the title's break points are not written).
    let again = Template::from_json(&serde_json::to_string(&t).unwrap()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(again, Template { title_breaks: Vec::new(), ..t.clone() });
    let fields_spec = t.item_fields("feedback");
    assert_eq!(fields_spec.iter().map(|f| f.id.as_str()).collect::<Vec<_>>(), ["measures", "progress", "deadline"]);
    assert!(fields_spec[2].unless.as_ref().is_some_and(|u| u.holds(" 已完成整改") && !u.holds("尚未完成")));

    // A new draft has the boxes, empty; the listed fields name them as the form does.
    let d = Draft::new(&t);
    let item = d.items("feedback")[0].id;
    assert!(d.field(&key::item("feedback", item, "deadline")).is_some());
    assert_eq!(d.text(&key::item("feedback", item, "deadline")), "");
    let listed = fields(&t, &d);
    let deadline = listed.iter().find(|f| f.key == key::item("feedback", item, "deadline")).unwrap();
    assert_eq!(deadline.label, "一、反馈问题整改落实情况 （一）完成时限");
    assert!(deadline.required);
    // `unless`: a finished problem needs no deadline.
    let mut d = d;
    d.set_text(&key::item("feedback", item, "progress"), "已完成。".into());
    let listed = fields(&t, &d);
    assert!(!listed.iter().any(|f| f.key == key::item("feedback", item, "deadline") && f.required));

    // The example: item fields from the example, `{slot}`s in the clerk's figures where typed.
    let ex = Draft::example(&t);
    let second = ex.items("feedback")[1].id;
    assert_eq!(ex.text(&key::item("feedback", second, "deadline")), "2025年6月底前");
    let typed = [("unit".to_string(), "城南街道党工委".to_string()), ("done".to_string(), " ".to_string())].into();
    let ours = Draft::example_in(&t, &typed);
    let first = ours.items("feedback")[0].id;
    assert_eq!(ours.text(&key::item("feedback", first, "measures")), "城南街道党工委制定学习计划。");
    assert_eq!(ours.text("opening"), "城南街道党工委共收到反馈问题46个，已完成41个。", "a blank figure takes the example");
    // A new item has the boxes too.
    let mut with_added = ours;
    let id = with_added.add_item(&t, "feedback");
    assert!(with_added.field(&key::item("feedback", id, "measures")).is_some());
}

/// Each plain enum reads back the name serde writes for it, and an unknown name is refused
/// naming the names there are.
#[test]
fn enum_names_read_back() {
    fn back<T: Serialize + PartialEq + Copy + std::fmt::Debug>(names: &[(&str, T)], count: usize) {
        assert_eq!(names.len(), count, "every value has its name");
        for (name, v) in names {
            assert_eq!(serde_json::to_string(v).unwrap(), format!("\"{name}\""));
        }
    }
    use super::read::{GENRES, LAYOUTS, PART_KINDS, SLOT_KINDS};
    back(GENRES, 3);
    back(SLOT_KINDS, 8);
    back(PART_KINDS, 6);
    back(LAYOUTS, 3);
    let err = Template::from_json(&SMALL.replacen(r#""genre": "meeting""#, r#""genre": "speech""#, 1)).unwrap_err();
    assert_eq!(err.to_string(), "genre：只能是 report、meeting、personal 之一");
}

/// A field missing or of the wrong kind is refused naming its place, in Chinese.
#[test]
fn a_missing_or_mistyped_field_names_its_place() {
    let cases: &[(&str, &str, &str)] = &[
        (r#""min": 1,"#, r#""min": "1","#, "parts[1].items.min：应是不带引号的整数"),
        (r#""required": true"#, r#""required": "是""#, "parts[0].required：应是 true 或 false"),
        (r#""label": "问题""#, r#""lable": "问题""#, "parts[1].items.label：缺少这一项"),
        (r#""of": ["done", "ongoing"]"#, r#""of": 3"#, "relations[0].of：应是一个编号，或用 [ ] 括起的编号列表"),
    ];
    for (from, to, message) in cases {
        assert!(SMALL.contains(from), "{from} is not in the template");
        let err = Template::from_json(&SMALL.replacen(from, to, 1)).unwrap_err();
        assert_eq!(&err.to_string(), message);
    }
    let not_object = Template::from_json("[]").unwrap_err();
    assert_eq!(not_object.to_string(), "应是用 { } 括起的一组内容");
}

#[test]
fn format_1_is_migrated_and_a_newer_format_refused() {
    let old = Template::from_json(r#"{"format":1,"id":"x","name":"x","title":"t","parts":[]}"#).unwrap();
    assert_eq!((old.format, old.genre, old.summary.as_str(), old.relations.len()), (FORMAT, Genre::Report, "", 0));
    // A newer file is refused by its version, whatever fields it has.
    let newer = r#"{"format":3,"id":"x","name":"x","title":"t","parts":[],"sections":{"new":true}}"#;
    let err = Template::from_json(newer).unwrap_err();
    assert_eq!(err.problem, Problem::NewerFormat(3));
    assert!(err.to_string().contains("比本程序新"), "{err}");
}

/// One refused case per rule: a change to `SMALL`, the place and the problem.
#[test]
fn each_inconsistency_is_refused_naming_its_place() {
    let cases: &[(&str, &str, &str, Problem)] = &[
        ("not JSON", r#""id": "small""#, r#""id": "small",,"#, Problem::Malformed { line: 0, column: 0, detail: String::new() }),
        ("duplicate part", r#""id": "feedback""#, r#""id": "opening""#, Problem::Duplicate("opening".into())),
        ("duplicate slot", r#""id": "plan_year""#, r#""id": "report_year""#, Problem::Duplicate("report_year".into())),
        ("duplicate field", r#""id": "deadline""#, r#""id": "progress""#, Problem::Duplicate("progress".into())),
        ("field named like a built-in box", r#""id": "deadline""#, r#""id": "body""#, Problem::Duplicate("body".into())),
        ("bad slot id", r#""id": "ongoing""#, r#""id": "on-going""#, Problem::BadId("on-going".into())),
        ("undeclared slot in the title", "{unit}关于", "{unit_full}关于", Problem::UnknownSlot("unit_full".into())),
        ("undeclared slot in a field example", "{plan_year}年6月", "{next_year}年6月", Problem::UnknownSlot("next_year".into())),
        ("break inside a slot", "{report_year}年|", "{report|_year}年", Problem::BreakInSlot),
        ("answers to no part", r#""min": 1,"#, r#""min": 1, "answers": "measures","#, Problem::AnswersUnknownPart("measures".into())),
        (
            "answers to a part without items",
            r#""min": 1,"#,
            r#""min": 1, "answers": "opening","#,
            Problem::AnswersPartWithoutItems("opening".into()),
        ),
        (
            "relation on an unknown slot",
            r#""of": ["done", "ongoing"]"#,
            r#""of": ["done", "pending"]"#,
            Problem::RelationUnknownSlot("pending".into()),
        ),
        (
            "sum over a year",
            r#""of": ["done", "ongoing"]"#,
            r#""of": ["done", "plan_year"]"#,
            Problem::RelationWrongKind { slot: "plan_year".into(), year: false },
        ),
        ("rate of a text", r#""whole": "problems""#, r#""whole": "unit""#, Problem::RelationWrongKind { slot: "unit".into(), year: false }),
        ("a relation without its names", r#""whole": "problems""#, r#""hole": "problems""#, Problem::RelationUnknownSlot(String::new())),
        (
            "year_after on a count",
            r#""of": "report_year""#,
            r#""of": "problems""#,
            Problem::RelationWrongKind { slot: "problems".into(), year: true },
        ),
        ("unless on an unknown field", r#""field": "progress""#, r#""field": "status""#, Problem::UnknownField("status".into())),
        ("example field unknown", r#""progress": "正在推进。""#, r#""status": "正在推进。""#, Problem::UnknownField("status".into())),
        (
            "title_year not a year",
            r#""title_year": "report_year""#,
            r#""title_year": "problems""#,
            Problem::TitleYearNotYear("problems".into()),
        ),
        ("title_year unknown", r#""title_year": "report_year""#, r#""title_year": "year""#, Problem::TitleYearNotYear("year".into())),
    ];
    let places = [
        "",
        "parts[1]",
        "slots[2]",
        "parts[1].items.fields[2]",
        "parts[1].items.fields[2]",
        "slots[5]",
        "title",
        "parts[1].items.examples[1].fields.deadline",
        "title",
        "parts[1].items.answers",
        "parts[1].items.answers",
        "relations[0]",
        "relations[0]",
        "relations[1]",
        "relations[1]",
        "relations[2]",
        "parts[1].items.fields[2].unless",
        "parts[1].items.examples[1].fields",
        "title_year",
        "title_year",
    ];
    assert_eq!(cases.len(), places.len());
    for ((name, from, to, problem), place) in cases.iter().zip(places) {
        assert!(SMALL.contains(from), "{name}: {from} is not in the template");
        let json = SMALL.replacen(from, to, 1);
        let err = match Template::from_json(&json) {
            Ok(_) => panic!("{name}: loaded"),
            Err(e) => e,
        };
        if let Problem::Malformed { line, .. } = &err.problem {
            assert!(matches!(problem, Problem::Malformed { .. }) && *line == 2, "{name}: {err}");
        } else {
            assert_eq!(&err.problem, problem, "{name}");
        }
        assert_eq!(err.place, place, "{name}");
        let message = err.to_string();
        assert!(message.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "{name}: not Chinese: {message}");
        assert!(message.starts_with(place), "{name}: the message names the place: {message}");
    }
}

/// `min`/`max` out of order, negative, or above the bounds a draft keeps are refused at their
/// place, with a message; `min` 100000 is one of them (it used to make 100,000 items).
#[test]
fn counts_are_refused_at_their_place_when_out_of_range() {
    assert!(SMALL.contains(r#""min": 1, "max": 20"#), "the items' counts are in the template");
    let cases: &[(&str, &str, &str)] = &[
        (r#""min": 100000, "max": 20"#, "parts[1].items.min", "最少 100000 项（min），比最多 20 项（max）还多"),
        (r#""min": 100000, "max": 100000"#, "parts[1].items.max", "100000 超过了上限 200"),
        (r#""min": -1, "max": 8"#, "parts[1].items.min", "应是 0 或更大的整数，不能是负数"),
        (r#""min": 3, "max": 2"#, "parts[1].items.min", "最少 3 项（min），比最多 2 项（max）还多"),
        (r#""min": 1, "max": 18446744073709551615"#, "parts[1].items.max", "超过了上限 200"),
        (r#""min": 1, "max": 1e300"#, "parts[1].items.max", "应是不带引号的整数"),
    ];
    for (to, place, words) in cases {
        let err = Template::from_json(&SMALL.replacen(r#""min": 1, "max": 20"#, to, 1)).expect_err(to);
        assert_eq!(err.place, *place, "{to}");
        assert!(err.to_string().starts_with(&format!("{place}：")) && err.to_string().contains(words), "{to}: {err}");
    }
    assert!(Template::from_json(&SMALL.replacen(r#""min": 1, "max": 20"#, r#""min": 0, "max": 200"#, 1)).is_ok());
    // 填入示例 makes an item of each example: no more of them than `max`.
    let err = Template::from_json(&SMALL.replacen(r#""min": 1, "max": 20"#, r#""min": 1, "max": 1"#, 1)).unwrap_err();
    assert_eq!(err.to_string(), "parts[1].items.examples：有 2 个示例，比最多 1 项（max）还多");
}

/// The nastiest files a clerk or a broken tool could hand over: each refused with a message of
/// its own, none panicking, none taking long (a linear pass decides size and depth first).
#[test]
fn hostile_templates_are_refused_by_name_and_never_panic() {
    use crate::domain::model::limits;
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let err = Template::from_json(&deep).unwrap_err();
    assert_eq!(err.problem, Problem::TooDeep(1));
    assert!(err.to_string().contains("嵌套层数超过 32 层"), "{err}");
    // Deep inside an otherwise good file: the line is named.
    let nested = SMALL.replacen(r#""summary": "#, &format!("\"extra\": {}1{},\n\"summary\": ", "[".repeat(200), "]".repeat(200)), 1);
    assert!(matches!(Template::from_json(&nested).unwrap_err().problem, Problem::TooDeep(3)));

    let huge = format!(r#"{{"format":2,"id":"x","name":"x","title":"t","parts":[],"pad":"{}"}}"#, "字".repeat(5 * 1024 * 1024 / 3));
    let err = Template::from_json(&huge).unwrap_err();
    assert!(matches!(err.problem, Problem::TooLarge(n) if n > 5_000_000), "{err}");
    assert!(err.to_string().contains("超过了报告模板的上限 512 KB"), "{err}");
    assert!(matches!(Template::from_bytes(huge.as_bytes()).unwrap_err().problem, Problem::TooLarge(_)));

    let part = r#"{"id":"p_ID","kind":"paragraph","label":"正文","hint":"写正文。","example":"正文。"}"#;
    let parts: Vec<String> = (0..10_000).map(|i| part.replace("ID", &i.to_string())).collect();
    let many = format!(r#"{{"format":2,"id":"x","name":"x","title":"t","parts":[{}]}}"#, parts.join(","));
    // 10,000 parts are over 900 KB: refused by size before they are read.
    assert!(matches!(Template::from_json(&many).map(|_| ()).unwrap_err().problem, Problem::TooLarge(_)));
    let over = format!(r#"{{"format":2,"id":"x","name":"x","title":"t","parts":[{}]}}"#, parts[..limits::MAX_PARTS + 1].join(","));
    let err = Template::from_json(&over).map(|_| ()).unwrap_err();
    assert_eq!((err.place.as_str(), &err.problem), ("parts", &Problem::TooManyParts(limits::MAX_PARTS + 1)));
    assert_eq!(err.to_string(), "parts：有 101 个部分，超过了上限 100 个");
    let just = format!(r#"{{"format":2,"id":"x","name":"x","title":"t","parts":[{}]}}"#, parts[..limits::MAX_PARTS].join(","));
    assert!(Template::from_json(&just).is_ok());

    for number in ["1e400", "-1e400", "18446744073709551616", "-9223372036854775809", "0.5", "-0"] {
        let json = format!(r#"{{"format":{number},"id":"x","name":"x","title":"t","parts":[]}}"#);
        let _ = Template::from_json(&json).map(|_| ()).map_err(|e| assert!(!e.to_string().is_empty()));
    }
    for bad in ["", "\"", "{", "[", "null", "{\"format\":2}", "\u{feff}{}", "{\"format\":2,\"parts\":{}}"] {
        assert!(Template::from_json(bad).is_err(), "{bad:?}");
    }
}

#[test]
fn bytes_that_are_not_utf8_are_refused_not_replaced() {
    let mut bytes = SMALL.as_bytes().to_vec();
    let at = SMALL.find("整改进展情况报告").unwrap();
    bytes[at + 1] = 0xFF;
    let err = Template::from_bytes(&bytes).unwrap_err();
    assert_eq!(err.problem, Problem::NotUtf8(2));
    assert!(err.to_string().contains("UTF-8"), "{err}");
    assert!(Template::from_bytes(SMALL.as_bytes()).is_ok());
}
