//! The workshop's adjustments (`domain::workshop::edit`): each edit on a template proposed from
//! a model report, what the saved template then is, the live flaws at their `TemplateError`
//! places, edits refused with the state unchanged, and the marks of the model view.
use gongwen::domain::check::{check_draft, Severity};
use gongwen::domain::model::builtin;
use gongwen::domain::model::draft::Draft;
use gongwen::domain::model::gallery::{builtin_index, may_add, parse_index};
use gongwen::domain::model::template::{Genre, PartKind, Relation, Template};
use gongwen::domain::output::render::plain_text;
use gongwen::domain::workshop::edit::{Edit, FieldWords, ItemWords, Workshop};

const MODEL: &str = include_str!("fixtures/workshop/union-report.txt");

fn workshop() -> Workshop {
    Workshop::from_model(MODEL).unwrap_or_else(|e| panic!("{e}"))
}

fn part(w: &Workshop, id: &str) -> usize {
    w.template.parts.iter().position(|p| p.id == id).unwrap_or_else(|| panic!("no part {id}"))
}

fn labels(t: &Template) -> Vec<String> {
    t.parts.iter().map(|p| p.label.clone()).collect()
}

/// No error and no warning on the example of the saved template.
fn serious(t: &Template) -> Vec<String> {
    check_draft(t, &Draft::example(t))
        .into_iter()
        .filter(|f| f.finding.severity != Severity::Hint)
        .map(|f| format!("{} {} {}", f.key, f.finding.rule, f.finding.message))
        .collect()
}

/// The template the workshop would save, read back as the page reads a file.
fn saved(w: &Workshop) -> Template {
    let (t, json) = w.finished().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(Template::from_json(&json).as_ref(), Ok(&t));
    t
}

#[test]
fn the_proposal_is_saved_as_it_was_derived() {
    let w = workshop();
    assert_eq!(w.flaws(), vec![]);
    let t = saved(&w);
    assert_eq!(t, w.template);
    assert_eq!(serious(&t), Vec::<String>::new());
}

#[test]
fn renaming_a_section_renames_its_heading_and_numbered_label() {
    let mut w = workshop();
    let p = part(&w, "practices");
    w.apply(Edit::Rename { part: p, name: "工会工作开展情况".into() }).unwrap();
    let t = saved(&w);
    assert_eq!((t.parts[p].heading.as_str(), t.parts[p].label.as_str()), ("工会工作开展情况", "一、工会工作开展情况"));
    assert!(plain_text(&t, &Draft::example(&t)).contains("一、工会工作开展情况"));
    // Another part: its label only.
    w.apply(Edit::Rename { part: 0, name: "报送机关".into() }).unwrap();
    assert_eq!(w.template.parts[0].label, "报送机关");
}

#[test]
fn edits_of_names_hints_required_genre_and_closing() {
    let mut w = workshop();
    let p = part(&w, "problems");
    let edits = [
        Edit::Name("工会年度工作报告".into()),
        Edit::Summary("每年年底向市直机关工会工委报告".into()),
        Edit::Hint { part: p, hint: "写问题，一条一条写。".into() },
        Edit::Required { part: p, required: false },
        Edit::SlotLabel { slot: "count1".into(), label: "会员总数".into() },
        Edit::SlotHint { slot: "count1".into(), hint: "写年底的会员人数。".into() },
    ];
    for e in edits {
        w.apply(e).unwrap();
    }
    let t = saved(&w);
    assert_eq!((t.name.as_str(), t.summary.as_str()), ("工会年度工作报告", "每年年底向市直机关工会工委报告"));
    assert_eq!((t.parts[p].hint.as_str(), t.parts[p].required), ("写问题，一条一条写。", false));
    let count = t.slot("count1").unwrap();
    assert_eq!((count.label.as_str(), count.hint.as_str()), ("会员总数", "写年底的会员人数。"));

    // Meeting material, ending otherwise: the closing part's text; then none at all.
    w.apply(Edit::Genre(Genre::Meeting)).unwrap();
    w.apply(Edit::Closing("以上报告，请予审议。".into())).unwrap();
    let t = saved(&w);
    assert_eq!(t.genre, Genre::Meeting);
    assert_eq!(t.parts.iter().find(|p| p.kind == PartKind::Closing).map(|p| p.example.as_str()), Some("以上报告，请予审议。"));
    w.apply(Edit::Closing(String::new())).unwrap();
    assert!(saved(&w).parts.iter().all(|p| p.kind != PartKind::Closing));
    // Back, before the 落款.
    w.apply(Edit::Closing("特此报告。".into())).unwrap();
    let kinds: Vec<PartKind> = saved(&w).parts.iter().map(|p| p.kind).rev().take(3).collect();
    assert_eq!(kinds, [PartKind::Date, PartKind::Signature, PartKind::Closing]);
}

#[test]
fn merging_two_sections_keeps_both_and_numbers_the_rest_again() {
    let mut w = workshop();
    let (a, b) = (part(&w, "practices"), part(&w, "problems"));
    assert_eq!(b, a + 1);
    let parts = w.template.parts.len();
    w.apply(Edit::MergeWithNext(a)).unwrap();
    let t = saved(&w);
    assert_eq!(t.parts.len(), parts - 1);
    assert_eq!(t.parts[a].items.as_ref().map(|i| i.examples.len()), Some(2), "the problems' items");
    assert!(t.parts[a].example.ends_with("工作中还存在一些不足："), "{}", t.parts[a].example);
    // The plans answered the problems: now they answer the merged part.
    let plans = &t.parts[a + 1];
    assert_eq!(plans.label, "二、下一步打算");
    assert_eq!(plans.items.as_ref().and_then(|i| i.answers.as_deref()), Some("practices"));
    assert_eq!(serious(&t), Vec::<String>::new());
}

#[test]
fn splitting_a_section_at_an_item_makes_a_new_numbered_section() {
    let mut w = workshop();
    let p = part(&w, "problems");
    w.apply(Edit::Split { part: p, at: 1 }).unwrap();
    let t = saved(&w);
    assert_eq!(labels(&t)[p..p + 3], ["二、存在的问题", "三、新的部分", "四、下一步打算"]);
    assert_eq!(t.parts[p].items.as_ref().map(|i| i.examples.len()), Some(1));
    assert_eq!(t.parts[p + 1].items.as_ref().map(|i| i.examples[0].heading.as_str()), Some("基层工会经费使用不够规范"));
    // The plans' links to the item that moved are gone; the other stays.
    let answers: Vec<Vec<usize>> = t.parts[p + 2].items.as_ref().unwrap().examples.iter().map(|e| e.answers.clone()).collect();
    assert!(answers.iter().all(|a| a.iter().all(|&i| i < 1)), "{answers:?}");
    assert_eq!(serious(&t), Vec::<String>::new());
    // The plans (which answer the problems) split: the problem only the moved plan answered is
    // answered by the last plan kept, and the new section, with no lead of its own, needs none.
    let mut w = workshop();
    let plans = part(&w, "plans");
    w.apply(Edit::Split { part: plans, at: 1 }).unwrap();
    let t = saved(&w);
    let kept = t.parts[plans].items.as_ref().unwrap();
    assert_eq!(kept.examples.iter().map(|e| e.answers.clone()).collect::<Vec<_>>(), [vec![0, 1]]);
    assert_eq!((t.parts[plans + 1].required, t.parts[plans + 1].items.as_ref().unwrap().answers.as_deref()), (false, None));
    assert_eq!(serious(&t), Vec::<String>::new());
    // A paragraph of one line has nowhere to split.
    let mut w = workshop();
    let opening = part(&w, "opening");
    assert_eq!(w.apply(Edit::Split { part: opening, at: 1 }).map_err(|e| e.contains("只有 1 段")), Err(true));
}

#[test]
fn edits_that_cannot_be_made_are_refused_and_change_nothing() {
    let w0 = workshop();
    let (problems, plans, closing) = (part(&w0, "problems"), part(&w0, "plans"), part(&w0, "closing"));
    let cases: [(Edit, &str); 8] = [
        (Edit::MergeWithNext(problems), "分条写法不同"),
        (Edit::MergeWithNext(closing), "只能合并相邻的两个正文部分"),
        (Edit::MergeWithNext(99), "没有这一部分"),
        (Edit::Split { part: plans, at: 0 }, "第 2 到第 2 条"),
        (Edit::Split { part: closing, at: 1 }, "只能拆分正文部分"),
        (Edit::Fix("nothing".into()), "没有关键数字“nothing”"),
        (Edit::RemoveRelation(9), "没有这一条关系"),
        (Edit::AddRelation(w0.template.relations[0].clone()), "已经有了"),
    ];
    for (edit, why) in cases {
        let mut w = w0.clone();
        let got = w.apply(edit.clone());
        assert!(got.as_ref().is_err_and(|e| e.contains(why)), "{edit:?}: {got:?}");
        assert_eq!(w, w0, "{edit:?} changed the state");
    }
}

#[test]
fn a_key_figure_becomes_fixed_text_and_back() {
    let mut w = workshop();
    let sum = Relation::Sum { total: "count1".into(), of: vec!["count2".into(), "count3".into()] };
    assert!(w.template.relations.contains(&sum));
    w.apply(Edit::Fix("count3".into())).unwrap();
    let t = saved(&w);
    assert!(t.slot("count3").is_none());
    assert!(!t.relations.contains(&sum), "a relation on a fixed figure goes with it");
    let practices = t.part("practices").unwrap();
    assert!(practices.example.contains("新入会6名"), "{}", practices.example);
    assert_eq!(serious(&t), Vec::<String>::new());
    w.apply(Edit::Unfix("count3".into())).unwrap();
    assert_eq!(saved(&w), workshop().template);

    // The title's year: fixed, the title carries the year as text and no title year.
    w.apply(Edit::Fix("report_year".into())).unwrap();
    let t = saved(&w);
    assert_eq!((t.title_year.as_deref(), t.title.contains("2025年度")), (None, true));
    assert!(t.relations.iter().all(|r| !matches!(r, Relation::YearAfter { .. })));
    assert!(plain_text(&t, &Draft::example(&t)).starts_with("关于市财政局工会2025年度工作情况的报告"));
}

#[test]
fn flaws_are_live_at_the_places_the_page_names() {
    let cases: [(Vec<Edit>, &str, &str); 4] = [
        (vec![Edit::Rename { part: 2, name: " ".into() }], "parts[2].label", "不能空着"),
        (vec![Edit::Name(String::new())], "name", "不能空着"),
        (
            vec![Edit::AddRelation(Relation::Sum { total: "count1".into(), of: vec!["nobody".into()] })],
            "relations[2]",
            "用到了关键数字“nobody”，但 slots 里没有定义它",
        ),
        (vec![Edit::AddRelation(Relation::YearAfter { slot: "count1".into(), of: "report_year".into() })], "relations[2]", "应是年份"),
    ];
    for (edits, place, message) in cases {
        let mut w = workshop();
        for e in edits {
            w.apply(e).unwrap();
        }
        let flaws = w.flaws();
        assert!(flaws.iter().any(|f| f.place == place && f.message.contains(message)), "{place}: {flaws:?}");
        assert!(w.finished().is_err_and(|e| e.contains(message)));
        if let Some(p) = place.strip_prefix("parts[").and_then(|r| r.split(']').next()) {
            assert_eq!(flaws[0].part().map(|n| n.to_string()).as_deref(), Some(p));
        }
    }
    // Said where in words, with the file's place.
    let mut w = workshop();
    let problems = part(&w, "problems");
    let table: [(Edit, String); 4] = [
        (Edit::Rename { part: 1, name: " ".into() }, "第2部分（parts[1].label）：这一部分的名称不能空着".into()),
        (Edit::Name(String::new()), "报告类型名称（name）：报告类型的名称不能空着".into()),
        (
            Edit::Items { part: problems, what: ItemWords::Label, text: String::new() },
            format!("第{}部分“存在的问题”的分条（parts[{problems}].items.label）：", problems + 1),
        ),
        (Edit::AddRelation(Relation::YearAfter { slot: "count1".into(), of: "report_year".into() }), "第3条关系（relations[2]）：".into()),
    ];
    for (edit, said) in table {
        w.apply(edit).unwrap();
        let flaws: Vec<String> = w.flaws().iter().map(|f| f.describe(&w.template)).collect();
        assert!(flaws.iter().any(|f| f.starts_with(&said)), "{said}: {flaws:?}");
    }
    // Removing the bad relation clears it.
    let mut w = workshop();
    w.apply(Edit::AddRelation(Relation::Sum { total: "count1".into(), of: vec!["nobody".into()] })).unwrap();
    w.apply(Edit::RemoveRelation(2)).unwrap();
    assert_eq!(w.flaws(), vec![]);
}

#[test]
fn an_existing_template_opens_in_the_workshop_a_built_in_one_as_a_copy() {
    for e in builtin::INDEX {
        let t = builtin::load(e.id).and_then(Result::ok).unwrap();
        let w = Workshop::from_template(&t, true);
        let copy = saved(&w);
        assert_ne!(copy.id, t.id);
        assert!(copy.name.contains(&t.name) && copy.name != t.name, "{}", copy.name);
        assert_eq!(may_add(&copy, &builtin_index()), Ok(()));
        assert_eq!(copy.parts, t.parts, "{}", e.id);
        // Its marks: every line of its example is placed in a part.
        let unplaced: Vec<String> = w.marks().into_iter().filter(|l| l.part.is_none()).map(|l| l.text).collect();
        assert_eq!(unplaced, Vec::<String>::new(), "{}", e.id);
    }
    // A unit's own keeps its id: saving replaces it.
    let own = Workshop::from_template(&workshop().template, false);
    assert_eq!(own.template.id, workshop().template.id);
}

#[test]
fn the_model_view_marks_each_line_with_its_part_and_its_key_figures() {
    let mut w = workshop();
    let marks = w.marks();
    let parts: Vec<Option<&str>> = marks.iter().map(|l| l.part.as_deref()).collect();
    assert_eq!(parts[..5], [Some("title"), Some("addressee"), Some("opening"), Some("practices"), Some("practices")]);
    assert_eq!(parts.last(), Some(&Some("date")));
    assert!(parts.iter().all(Option::is_some), "{parts:?}");
    let line = &marks[4];
    let figure = |id: &str| {
        line.slots
            .iter()
            .filter(|(_, s)| s == id)
            .map(|(span, _)| line.text.chars().skip(span.start).take(span.end - span.start).collect::<String>())
            .collect::<Vec<_>>()
    };
    assert_eq!(figure("count1"), ["86"]);
    assert_eq!(figure("count3"), ["6"], "新入会6名, not the 6 of 86");
    assert_eq!(figure("count4"), ["6"], "the other 6 is 文体活动6次's");
    assert_eq!(figure("rate1"), ["100"]);
    let title = &marks[0];
    assert_eq!(title.slots.iter().map(|(_, s)| s.as_str()).collect::<Vec<_>>(), ["unit", "report_year"]);
    // A fixed figure is not marked; the line still is its part's.
    w.apply(Edit::Fix("count3".into())).unwrap();
    let line = &w.marks()[4];
    assert_eq!(line.part.as_deref(), Some("practices"));
    assert!(line.slots.iter().all(|(_, s)| s != "count3"));
}

#[test]
fn the_index_line_is_read_by_the_server_index_reader() {
    let mut w = workshop();
    w.apply(Edit::Name("工会年度工作报告".into())).unwrap();
    let index = format!("{{\"format\": 2, \"templates\": [{}]}}", w.index_line());
    let entries = parse_index(&index).unwrap_or_else(|e| panic!("{e}: {index}"));
    assert_eq!(entries.len(), 1);
    assert_eq!((entries[0].id.as_str(), entries[0].name.as_str()), (w.template.id.as_str(), "工会年度工作报告"));
    assert_eq!(entries[0].file, w.file_name());
    assert_eq!(entries[0].parts, labels(&w.template));
}

/// A built-in type's template opened as a copy.
fn builtin_copy(id: &str) -> Workshop {
    Workshop::from_template(&builtin::load(id).and_then(Result::ok).unwrap_or_else(|| panic!("{id} is built in")), true)
}

#[test]
fn the_items_words_are_edited_and_refused_where_the_items_have_none() {
    let mut w = workshop();
    let p = part(&w, "problems");
    for (what, text) in
        [(ItemWords::Label, " 不足 "), (ItemWords::HeadingHint, "用一句话点明不足。"), (ItemWords::BodyHint, "写具体表现。")]
    {
        w.apply(Edit::Items { part: p, what, text: text.into() }).unwrap();
    }
    let items = saved(&w).parts[p].items.clone().unwrap();
    assert_eq!(
        (items.label.as_str(), items.heading_hint.as_str(), items.body_hint.as_str()),
        ("不足", "用一句话点明不足。", "写具体表现。")
    );
    // Points' words only where the items have points; a part without items has no items' words.
    let w0 = w.clone();
    let refused = [
        (Edit::Items { part: p, what: ItemWords::TopicHint, text: "x".into() }, "没有“一是……”这样的要点"),
        (Edit::Items { part: part(&w, "opening"), what: ItemWords::Label, text: "x".into() }, "没有分条"),
        (Edit::Items { part: 99, what: ItemWords::Label, text: "x".into() }, "没有这一部分"),
    ];
    for (edit, why) in refused {
        let got = w.apply(edit.clone());
        assert!(got.as_ref().is_err_and(|e| e.contains(why)), "{edit:?}: {got:?}");
        assert_eq!(w, w0);
    }
    // An empty name of an item is a live flaw at its place, and saving says so.
    w.apply(Edit::Items { part: p, what: ItemWords::Label, text: " ".into() }).unwrap();
    let place = format!("parts[{p}].items.label");
    assert!(w.flaws().iter().any(|f| f.place == place && f.message.contains("不能空着") && f.part() == Some(p)), "{:?}", w.flaws());
    assert!(w.finished().is_err());

    // How the plans are linked to the problems they answer: only where the items answer another part's.
    let plans = part(&w, "plans");
    w.apply(Edit::Items { part: plans, what: ItemWords::AnswersHint, text: "勾选这条打算解决的问题。".into() }).unwrap();
    assert_eq!(w.template.parts[plans].items.as_ref().map(|i| i.answers_hint.as_str()), Some("勾选这条打算解决的问题。"));
    let got = w.clone().apply(Edit::Items { part: p, what: ItemWords::AnswersHint, text: "x".into() });
    assert!(got.is_err_and(|e| e.contains("不对应")));
    // Points inside items (选人用人's 总体情况: 一是…二是…).
    let mut w = builtin_copy("xuanren-report");
    let p = part(&w, "overview");
    w.apply(Edit::Items { part: p, what: ItemWords::TopicHint, text: "点明做法。".into() }).unwrap();
    w.apply(Edit::Items { part: p, what: ItemWords::PointBodyHint, text: "写怎么做的。".into() }).unwrap();
    let points = saved(&w).parts[p].items.clone().and_then(|i| i.points).unwrap();
    assert_eq!((points.topic_hint.as_str(), points.body_hint.as_str()), ("点明做法。", "写怎么做的。"));
}

#[test]
fn an_item_box_is_renamed_led_otherwise_hinted_and_made_optional() {
    let mut w = builtin_copy("rectification-progress");
    let p = part(&w, "feedback");
    let field = |w: &Workshop, id: &str| w.template.parts[p].items.as_ref().and_then(|i| i.field(id)).cloned().unwrap();
    let edits = [
        Edit::Field { part: p, field: "measures".into(), what: FieldWords::Label, text: " 采取的措施 ".into() },
        Edit::Field { part: p, field: "measures".into(), what: FieldWords::Lead, text: "主要措施：".into() },
        Edit::Field { part: p, field: "measures".into(), what: FieldWords::Hint, text: "写采取了哪些措施。".into() },
        Edit::FieldRequired { part: p, field: "leader".into(), required: false },
    ];
    for e in edits {
        w.apply(e).unwrap();
    }
    let t = saved(&w);
    let m = field(&w, "measures");
    assert_eq!((m.label.as_str(), m.lead.as_str(), m.hint.as_str()), ("采取的措施", "主要措施", "写采取了哪些措施。"));
    assert!(!field(&w, "leader").required);
    // The example is printed with the new lead, once, and still checks clean.
    let text = plain_text(&t, &Draft::example(&t));
    assert!(text.contains("主要措施：") && !text.contains("整改措施：") && !text.contains("主要措施：："), "{text}");
    assert_eq!(serious(&t), Vec::<String>::new());
    // An empty box name is a flaw at its place; a box the items lack is refused.
    w.apply(Edit::Field { part: p, field: "progress".into(), what: FieldWords::Label, text: String::new() }).unwrap();
    assert!(w.flaws().iter().any(|f| f.place == format!("parts[{p}].items.fields[1].label")), "{:?}", w.flaws());
    let w0 = w.clone();
    let got = w.apply(Edit::Field { part: p, field: "nothing".into(), what: FieldWords::Hint, text: "x".into() });
    assert!(got.is_err_and(|e| e.contains("没有这一栏")));
    assert_eq!(w, w0);
}

#[test]
fn a_copy_gets_an_id_and_a_name_no_other_template_has() {
    let t = builtin::load("xuanren-report").and_then(Result::ok).unwrap();
    let id_name = |w: &Workshop| (w.template.id.clone(), w.template.name.clone());
    let first = id_name(&Workshop::from_template_beside(&t, true, &[]));
    assert_eq!(first, ("xuanren-report-own".to_string(), format!("{}（本单位）", t.name)));
    // Copied again beside the first copy kept in this browser: the next free id and name.
    let second = id_name(&Workshop::from_template_beside(&t, true, &[first.clone()]));
    assert_eq!(second, ("xuanren-report-own2".to_string(), format!("{}（本单位之二）", t.name)));
    let third = id_name(&Workshop::from_template_beside(&t, true, &[first.clone(), second.clone()]));
    assert_eq!(third, ("xuanren-report-own3".to_string(), format!("{}（本单位之三）", t.name)));
    // A 本机模板 that only shares the id, or only the name, takes it as well.
    let by_id = id_name(&Workshop::from_template_beside(&t, true, &[("xuanren-report-own".into(), "别的模板".into())]));
    assert_eq!(by_id.0, "xuanren-report-own2");
    let by_name = id_name(&Workshop::from_template_beside(&t, true, &[("other".into(), first.1.clone())]));
    assert_eq!(by_name.0, "xuanren-report-own2");
    // A copy of a copy is named after the original, not `-own-own`.
    let copy = Workshop::from_template_beside(&t, true, &[]).template;
    assert_eq!(id_name(&Workshop::from_template_beside(&copy, true, &[first.clone()])), second);
    // Every copy saves, and is not taken for a built-in type.
    for w in [&t, &copy].map(|t| Workshop::from_template_beside(t, true, &[first.clone(), second.clone()])) {
        assert_eq!(may_add(&saved(&w), &builtin_index()), Ok(()));
    }
    // A unit's own template opened in place keeps its id and name.
    let own = Workshop::from_template_beside(&copy, false, &[first.clone()]);
    assert_eq!(id_name(&own), first);
}
