//! The workshop natively: a small report in parts, its figures and relations, bad models.
use super::*;
use crate::domain::check::{check_draft, Severity};
use crate::domain::model::template::Relation;

const UNION: &str = "关于市财政局工会2025年度工作情况的报告
市直机关工会工作委员会：
现将市财政局工会2025年度工作情况报告如下：
一、主要工作
2025年，市财政局工会有会员86名，其中原有会员80名、新入会6名。全年开展职工文体活动6次，走访慰问困难职工12人次，慰问覆盖率100%。
二、存在的问题
工作中还存在一些不足：
一是活动形式比较单一。以文体活动为主，技能竞赛偏少。
二是基层工会经费使用不够规范。个别小组报销手续不全。
三、下一步打算
2026年，我们将着力补齐短板。
（一）丰富活动形式。每季度组织一次岗位技能竞赛。
（二）规范经费管理。每半年检查一次经费使用。
特此报告。
市财政局工会
2025年12月20日
";

fn serious(t: &Template) -> Vec<String> {
    check_draft(t, &Draft::example(t))
        .into_iter()
        .filter(|f| f.finding.severity != Severity::Hint)
        .map(|f| format!("{} {} {}", f.key, f.finding.rule, f.finding.message))
        .collect()
}

#[test]
fn a_report_becomes_a_template_that_gives_it_back() {
    let d = derive(UNION).unwrap_or_else(|e| panic!("{e}"));
    let t = &d.template;
    assert_eq!(t.genre, Genre::Report);
    assert_eq!(rendered_paragraphs(t, &Draft::example(t)), model_paragraphs(UNION));
    assert_eq!(serious(t), Vec::<String>::new());
    // The title: the unit and the year are key figures, with break points.
    assert_eq!(
        to_json(t).lines().find(|l| l.contains("\"title\"")).map(str::trim),
        Some("\"title\": \"关于{unit}|{report_year}年度|工作情况的报告\",")
    );
    assert_eq!(t.title_year.as_deref(), Some("report_year"));
    let ids: Vec<&str> = t.parts.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["addressee", "opening", "practices", "problems", "plans", "closing", "signature", "date"]);
    let layouts: Vec<Option<ItemLayout>> = t.parts.iter().map(|p| p.items.as_ref().map(|i| i.layout)).collect();
    assert_eq!(layouts[3..5], [Some(ItemLayout::Point), Some(ItemLayout::Measure)]);
    // The same figure is one key figure; 6名 and 6次 are two.
    let kinds: Vec<(String, SlotKind, String)> = t.slots.iter().map(|s| (s.id.clone(), s.kind, s.example.clone())).collect();
    assert!(kinds.contains(&("unit".into(), SlotKind::Text, "市财政局工会".into())), "{kinds:?}");
    assert!(kinds.contains(&("next_year".into(), SlotKind::Year, "2026".into())), "{kinds:?}");
    assert!(kinds.contains(&("date".into(), SlotKind::Date, "2025年12月20日".into())), "{kinds:?}");
    assert_eq!(t.slots.iter().filter(|s| s.example == "6").count(), 2, "{kinds:?}");
    // Relations: 86 = 80 + 6, next year = report year + 1; each marked as a guess.
    assert!(
        t.relations.contains(&Relation::Sum { total: "count1".into(), of: vec!["count2".into(), "count3".into()] }),
        "{:?}",
        t.relations
    );
    assert!(t.relations.contains(&Relation::YearAfter { slot: "next_year".into(), of: "report_year".into() }));
    assert!(t.slot("count1").is_some_and(|s| s.hint.contains("据范文推测")));
    // Hints from the library; the file loads as it is.
    assert!(t.part("problems").is_some_and(|p| p.hint.contains("问题")));
    assert_eq!(Template::from_json(&d.json).as_ref(), Ok(t));
}

#[test]
fn genres_are_guessed_from_the_salutation_and_the_signature() {
    let meeting = "同志们：\n现将情况报告如下：\n一、总体情况\n做了工作。\n以上报告，请予评议。\n中共某县委常委会\n2026年1月8日";
    let personal = "某局局长王丽2025年度述职报告\n各位领导、同志们：\n现将情况报告如下：\n一、履职情况\n我做了工作。\n以上报告，请予评议。\n王丽\n2026年1月20日";
    let table = [(UNION, Genre::Report), (meeting, Genre::Meeting), (personal, Genre::Personal)];
    for (text, want) in table {
        let d = derive(text).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(d.template.genre, want, "{text}");
        assert_eq!(serious(&d.template), Vec::<String>::new(), "{text}");
        assert_eq!(rendered_paragraphs(&d.template, &Draft::example(&d.template)), model_paragraphs(text));
    }
    let d = derive(personal).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(d.template.slot("name").map(|s| s.kind), Some(SlotKind::Name));
    assert_eq!(d.template.slot("post").map(|s| s.example.as_str()), Some("某局局长"));
    assert!(!d.template.part("addressee").is_some_and(|p| p.required), "a 称呼 is optional");
}

#[test]
fn bad_models_get_a_template_or_a_chinese_message() {
    for text in ["", "  \n\n　　", "This is an annual report of the finance bureau. It has no Chinese at all."] {
        let Err(Refused(why)) = derive(text) else { panic!("{text:?} gave a template") };
        assert!(why.chars().any(crate::domain::model::text::is_han), "{why}");
    }
    let long = "我局认真贯彻落实上级部署，全年开展检查12次，".repeat(200);
    let sections: String = (1..=200).map(|n| format!("{}、第{n}项工作\n完成任务{n}项。\n", numbering::chinese(n))).collect();
    let html = "<html><body><p>关于某局2025年工作的报告</p><p>市委：</p><div>现将情况报告如下：</div><p>一、总体情况</p><p>开展检查12次&nbsp;。</p><p>特此报告。</p><p>某局</p><p>2025年12月1日</p><script>var a = {b: 1};</script></body></html>";
    let dotted = "关于某局的报告\n市委：\n现将情况报告如下：\n一.总体情况\n(一)抓学习。每月一次。\n(二)抓落实。逐项推进。\n二．问题\n不够深入。\n特此报告。\n某局\n2025年12月1日";
    let d = derive(dotted).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(rendered_paragraphs(&d.template, &Draft::example(&d.template)), model_paragraphs(dotted));
    assert!(model_paragraphs(dotted).contains(&"一、总体情况".to_string()));
    assert_eq!(d.template.parts.iter().filter(|p| p.items.is_some()).count(), 1);
    let braces = "关于某局的报告\n市委：\n写{unit}和{x_1}的文字。\n特此报告。\n某局\n2025年12月1日";
    for text in [long.as_str(), sections.as_str(), html, braces] {
        let d = derive(text).unwrap_or_else(|e| panic!("{e}"));
        assert!(Template::from_json(&d.json).is_ok());
        assert_eq!(rendered_paragraphs(&d.template, &Draft::example(&d.template)).len(), model_paragraphs(text).len(), "{text}");
    }
    let d = derive(html).unwrap_or_else(|e| panic!("{e}"));
    assert!(d.template.parts.iter().all(|p| !p.example.contains('<')), "{:?}", d.template.parts);
    assert!(d.notes.iter().any(|n| n.contains("网页")));
    let d = derive(braces).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        rendered_paragraphs(&d.template, &Draft::example(&d.template)),
        model_paragraphs(braces).into_iter().map(|l| l.replace('{', "｛")).collect::<Vec<_>>()
    );
}

#[test]
fn the_short_unit_the_superior_and_a_start_year_are_key_figures() {
    let text = "中共江州经济开发区工作委员会关于2025年度工作情况的报告\n中共江州市委：\n根据江州市委部署，开发区党工委认真落实。现将情况报告如下：\n一、总体情况\n开发区党工委全年召开会议6次。\n特此报告。\n中共江州经济开发区工作委员会\n2026年1月5日";
    let t = derive(text).unwrap_or_else(|e| panic!("{e}")).template;
    let value = |id: &str| t.slot(id).map(|s| s.example.clone());
    assert_eq!(value("unit_full").as_deref(), Some("中共江州经济开发区工作委员会"));
    assert_eq!(value("unit").as_deref(), Some("开发区党工委"));
    assert_eq!(value("superior").as_deref(), Some("江州市委"));
    assert_eq!(t.part("addressee").map(|p| p.example.as_str()), Some("中共{superior}："));
    assert_eq!(t.part("opening").map(|p| p.example.as_str()), Some("根据{superior}部署，{unit}认真落实。现将情况报告如下："));
    assert_eq!(rendered_paragraphs(&t, &Draft::example(&t)), model_paragraphs(text));
    // `2022年以来`: the year a period starts, not the year reported on.
    let since = "关于党工委领导班子2022年以来选人用人工作情况的报告\n市委巡察组：\n现将情况报告如下：\n一、总体情况\n2022年以来，选派1名干部挂职。\n特此报告。\n党工委\n2024年3月5日";
    let t = derive(since).unwrap_or_else(|e| panic!("{e}")).template;
    assert_eq!(t.slot("start_year").map(|s| s.example.as_str()), Some("2022"));
    let dated = "关于某局工作的报告\n市委：\n现将情况报告如下：\n一、2025年工作回顾\n做了工作。\n特此报告。\n某局\n2025年12月1日";
    let notes = derive(dated).unwrap_or_else(|e| panic!("{e}")).notes;
    assert!(notes.iter().any(|n| n.contains("“2025”：标题里不能放关键数字")), "{notes:?}");
    assert_eq!(t.title_year, None);
}
