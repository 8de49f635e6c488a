//! Importing last year's report: its type is recognised, the title's figures are carried,
//! and once the clerk types this year's year, last year's year left in the text is flagged and
//! fixed in one click.
use serde_json::{json, Value};

use super::harness::Browser;

/// A made-up old report (not a published text) whose title carries the year 2023.
const OLD: &str = "关于市财政局党组领导班子2023年以来选人用人工作情况的报告\n市委第二巡察组：\n2023年以来，市财政局党组认真贯彻干部工作方针政策，现将有关情况报告如下：\n一、总体情况\n（一）强化教育培训\n2023年，共选派12名干部参加市委党校培训，较2022年增加3名。\n二、存在的主要问题\n一是培养力度不够。\n三、今后整改措施和努力方向\n（一）加大培养力度。每年选派干部参加培训。\n特此报告。\n市财政局党组\n2024年3月5日\n";

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run scripts/test.sh"]
async fn last_years_year_is_flagged_once_the_new_year_is_typed_and_fixed_in_one_click() {
    let b = Browser::open().await;
    let recognised = paste_for_import(&b, OLD).await;
    assert_eq!(recognised, "识别为：选人用人工作情况报告（把握较大）");
    b.click("#import-submit").await;
    // The summary names the figures carried from the title and the date line.
    let notice = b
        .wait_js("return Array.from(document.querySelectorAll('.notice')).map(n => n.textContent).join(' ');", |v| {
            v.as_str().is_some_and(|s| s.contains("带入的关键数字"))
        })
        .await;
    assert!(notice.as_str().is_some_and(|s| s.contains("单位名称“市财政局党组”、起始年份“2023”、成文日期“2024年3月5日”")), "{notice}");
    let year = ".step-view input[data-slot=start_year]";
    assert_eq!(b.js(&format!("return document.querySelector('{year}').value;")).await, json!("2023"));
    let stale =
        "return Array.from(document.querySelectorAll('#findings-panel .panel-finding[data-rule=stale_year]')).map(li => li.textContent);";
    assert_eq!(b.js(stale).await, json!([]), "nothing is stale before the year changes");

    // This year's report starts a year later.
    b.type_into(year, "2024").await;
    let found = b.wait_js(stale, |v| v.as_array().is_some_and(|a| !a.is_empty())).await;
    // The title says {start_year}年以来, so the opening's 2023年以来 is that figure; 较2022年 is
    // another year, left alone.
    let found = found.as_array().cloned().unwrap_or_default();
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found.iter().all(|f| f.as_str().is_some_and(|s| s.contains("改为“2024年”"))), "{found:?}");
    let bar = b.wait_js("return document.getElementById('stale-years')?.textContent ?? null;", Value::is_string).await;
    assert!(bar.as_str().is_some_and(|s| s.contains("还有 2 处“2023年”") && s.contains("全部改为“2024年”")), "{bar}");
    // One click on a finding's fix.
    b.js("document.querySelector('#findings-panel .panel-finding[data-rule=stale_year] .apply-fix').click(); return null;").await;
    b.wait_js(stale, |v| v.as_array().is_some_and(|a| a.len() == 1)).await;
    // The rest with 全部改为.
    b.click("#replace-stale").await;
    b.wait_js(stale, |v| v == &json!([])).await;
    assert_eq!(b.js("return document.getElementById('stale-years');").await, Value::Null);
    let text = b.preview_text().await;
    assert!(text.contains("2024年以来，市财政局党组认真贯彻干部工作方针政策"), "{text}");
    assert!(text.contains("2024年，共选派12名干部参加市委党校培训，较2022年增加3名。"), "{text}");
    assert!(text.contains("关于市财政局党组领导班子2024年以来选人用人工作情况的报告"), "{text}");
    b.finish().await;
}

/// Pastes `text` into the import dialog as a clerk would (the input event makes the dialog
/// recognise the type) and returns what it says it recognised.
pub(crate) async fn paste_for_import(b: &Browser, text: &str) -> String {
    b.click("#import-report").await;
    b.wait_for("#import-text").await;
    b.client
        .execute(
            "const a = document.getElementById('import-text'); a.value = arguments[0]; a.dispatchEvent(new InputEvent('input', { bubbles: true })); return null;",
            vec![json!(text)],
        )
        .await
        .expect("paste");
    let said = b.wait_js("return document.getElementById('import-recognised')?.textContent ?? null;", Value::is_string).await;
    said.as_str().unwrap_or_default().to_string()
}

/// Last year's report of another type than the open draft's (a 巡察整改 report while a 选人用人
/// draft is open): recognised, picked in 导入为, and imported as a new draft of its own type,
/// its template loaded on demand; the clerk may pick the open draft's type instead.
#[tokio::test]
#[ignore = "needs dist/ and Chromium: run scripts/test.sh"]
async fn a_report_of_another_type_becomes_a_draft_of_its_own_type() {
    use gongwen::domain::model::{builtin, draft::Draft};
    let t = builtin::load("rectification-progress").expect("built in").expect("valid");
    let old = gongwen::domain::output::render::plain_text(&t, &Draft::example(&t));
    let title = old.lines().next().unwrap_or_default().to_string();
    let xuanren = builtin::load(builtin::DEFAULT).expect("built in").expect("valid");
    let current_type =
        "return Array.from(document.querySelectorAll('#drafts-panel .draft-row.is-current .draft-type')).map(k => k.textContent);";
    let b = Browser::open().await;

    // Picked: imported as the open draft's type (选人用人), whatever it looks like.
    let said = paste_for_import(&b, &old).await;
    assert!(said.starts_with(&format!("识别为：{}", t.name)) && said.contains("将新建一份"), "{said}");
    let picked = "const s = document.getElementById('import-as'); return s.options[s.selectedIndex].textContent;";
    assert_eq!(b.js(picked).await, json!(format!("{}（新建一份这类草稿）", t.name)), "the recognised type is picked");
    b.js("const s = document.getElementById('import-as'); s.value = '0'; s.dispatchEvent(new Event('change', { bubbles: true })); return null;").await;
    assert_eq!(b.js(picked).await, json!(format!("{}（正在写的这类）", xuanren.name)));
    b.click("#import-submit").await;
    b.wait_js("return document.getElementById('import-dialog');", Value::is_null).await;
    b.click("#my-drafts").await;
    assert_eq!(b.js(current_type).await, json!([xuanren.name]));
    b.click("#drafts-close").await;

    // As recognised: a new draft of its own type, its template loaded on demand; the 选人用人
    // draft stays in 我的草稿.
    paste_for_import(&b, &old).await;
    b.click("#import-submit").await;
    b.wait_js("return document.getElementById('import-dialog');", Value::is_null).await;
    // The preview is the imported report, laid out by its own template: its title, its parts.
    let text = b.preview_text().await;
    assert!(text.contains(&title), "{title} not in {text}");
    for part in t.parts.iter().filter(|p| !p.heading.is_empty()) {
        assert!(text.contains(&part.heading), "{} not in {text}", part.heading);
    }
    b.click("#my-drafts").await;
    assert_eq!(b.js(current_type).await, json!([t.name]), "the open draft is of the imported report's type");
    let kinds = b.js("return Array.from(document.querySelectorAll('#drafts-panel .draft-type')).map(k => k.textContent).sort();").await;
    let mut expected = vec![xuanren.name.clone(), t.name.clone()];
    expected.sort();
    assert_eq!(kinds, json!(expected), "both drafts kept");
    b.finish().await;
}
