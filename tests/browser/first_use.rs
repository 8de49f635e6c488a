//! A clerk's first use: a short report written by keyboard alone (WebDriver key actions only),
//! where the focus goes after 下一步/上一步/a jump, the fix button under the field, the 完成
//! step, dates in Chinese order, and the layout at 1366 and 1024 px.
use crate::harness::Browser;
use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use serde_json::{json, Value};

const TAB: char = '\u{E004}';
const ENTER: char = '\u{E007}';
const SHIFT: char = '\u{E008}';
const TITLE: &str = "关于市财政局党组领导班子2022年以来选人用人工作情况的报告";

/// Press keys, one after the other, as a keyboard does (key down, key up).
async fn keys(b: &Browser, text: &str) {
    let mut k = KeyActions::new("keyboard".into());
    for c in text.chars() {
        k = k.then(KeyAction::Down { value: c }).then(KeyAction::Up { value: c });
    }
    b.client.perform_actions(k).await.expect("key actions");
}

async fn shift_tab(b: &Browser) {
    let k = KeyActions::new("keyboard".into())
        .then(KeyAction::Down { value: SHIFT })
        .then(KeyAction::Down { value: TAB })
        .then(KeyAction::Up { value: TAB })
        .then(KeyAction::Up { value: SHIFT });
    b.client.perform_actions(k).await.expect("key actions");
}

/// The focused element: its id, else its last class (`button step-next` → `step-next`).
const FOCUSED: &str = "const e = document.activeElement; return e.id || Array.from(e.classList).pop() || e.tagName;";

async fn wait_focus(b: &Browser, what: &str) {
    b.wait_js(FOCUSED, |v| v == what).await;
}

/// Tab until `what` has the focus (at most `max` presses): how a keyboard user reaches a button.
async fn tab_to(b: &Browser, what: &str, max: usize) {
    for _ in 0..max {
        if b.js(FOCUSED).await == what {
            return;
        }
        keys(b, &TAB.to_string()).await;
    }
    assert_eq!(b.js(FOCUSED).await, what, "not reached by {max} Tabs");
}

async fn on_step(b: &Browser, step: &str) {
    b.wait_for(&format!(".step-view[data-step={step}]")).await;
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run scripts/test.sh"]
async fn a_short_report_is_written_with_the_keyboard_alone() {
    let b = Browser::open().await;
    // The first Tab reaches the skip link; Enter puts the cursor in the title's first figure.
    keys(&b, &TAB.to_string()).await;
    wait_focus(&b, "skip-link").await;
    keys(&b, &ENTER.to_string()).await;
    wait_focus(&b, "slot-title-1").await;
    // One-line boxes take Enter as "next box"; after the last one, 下一步.
    keys(&b, &format!("市财政局党组{ENTER}")).await;
    wait_focus(&b, "slot-title-2").await;
    keys(&b, &format!("2022{ENTER}")).await;
    wait_focus(&b, "step-next").await;
    keys(&b, &ENTER.to_string()).await;
    on_step(&b, "addressee").await;
    wait_focus(&b, "field-addressee").await;
    keys(&b, &format!("市委巡察组：{ENTER}")).await;
    wait_focus(&b, "step-next").await;
    assert_eq!(b.js("return document.querySelector('#field-addressee').value;").await, "市委巡察组：", "Enter added no line");
    keys(&b, &ENTER.to_string()).await;
    on_step(&b, "opening").await;
    wait_focus(&b, "field-opening").await;
    // A paragraph takes Enter as a line break; Tab leaves it.
    keys(&b, &format!("现将有关情况报告如下：{ENTER}")).await;
    assert_eq!(b.js("return document.querySelector('#field-opening').value;").await, "现将有关情况报告如下：\n");
    // The three sections are left for later: Tab to 下一步 through each.
    for step in ["overview", "problems", "measures", "closing", "signature", "date"] {
        tab_to(&b, "step-next", 80).await;
        keys(&b, &ENTER.to_string()).await;
        on_step(&b, step).await;
    }
    // The date, typed with dots, is written as the report writes it when the box is left.
    wait_focus(&b, "slot-date-1").await;
    keys(&b, &format!("2024.3.5{ENTER}")).await;
    wait_focus(&b, "step-next").await;
    b.wait_js("return document.querySelector('#slot-date-1').value;", |v| v == "2024年3月5日").await;
    keys(&b, &ENTER.to_string()).await;
    on_step(&b, "done").await;
    // 完成: the summary names what is still missing; the downloads are a few Tabs away.
    let summary = b.js("return document.getElementById('done-summary').textContent;").await;
    assert!(summary.as_str().is_some_and(|s| s.contains("处")), "{summary}");
    tab_to(&b, "done-txt", 6).await;
    keys(&b, &ENTER.to_string()).await;
    // With errors left the page asks first; the question takes the focus (去修改), and
    // 仍然下载 is one Shift+Tab away.
    if b.js("return !!document.getElementById('download-dialog');").await == json!(true) {
        wait_focus(&b, "go-fix").await;
        shift_tab(&b).await;
        wait_focus(&b, "download-anyway").await;
        keys(&b, &ENTER.to_string()).await;
    }
    let text = String::from_utf8(b.downloaded(&format!("{TITLE}.txt")).await).expect("UTF-8");
    for line in [TITLE, "市委巡察组：", "现将有关情况报告如下：", "市财政局党组", "2024年3月5日"] {
        assert!(text.contains(&format!("{line}\r\n")), "{line} missing from {text:?}");
    }
    b.finish().await;
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run scripts/test.sh"]
async fn the_focus_follows_the_step_and_the_preview_follows_the_part() {
    let b = Browser::open().await;
    b.click(".step-next").await;
    on_step(&b, "addressee").await;
    wait_focus(&b, "field-addressee").await;
    b.click(".step-next").await;
    on_step(&b, "opening").await;
    wait_focus(&b, "field-opening").await;
    b.click(".step-prev").await;
    on_step(&b, "addressee").await;
    wait_focus(&b, "field-addressee").await;
    // A jump from the findings panel: to the field, cursor on the finding.
    b.type_into("#field-addressee", "市委**巡察组：").await;
    b.goto_step("opening").await;
    b.click("#findings-panel .panel-finding[data-key=addressee] .panel-jump").await;
    on_step(&b, "addressee").await;
    wait_focus(&b, "field-addressee").await;
    let selected = b.js("const t = document.activeElement; return [t.selectionStart, t.selectionEnd];").await;
    assert_eq!(selected, json!([2, 4]));

    // The preview shows the part being edited: after moving to 三, its first paragraph is in
    // the preview pane's view.
    b.type_into("#field-addressee", "市委巡察组：").await;
    b.click("#fill-example").await;
    b.goto_step("measures").await;
    let seen = b
        .wait_js(
            "const pane = document.querySelector('.preview-pane').getBoundingClientRect();
             const p = document.querySelector('#preview [data-part=measures]').getBoundingClientRect();
             return [document.querySelector('.preview-pane').scrollTop > 0, p.top >= pane.top && p.top < pane.bottom];",
            |v| v == &json!([true, true]),
        )
        .await;
    assert_eq!(seen, json!([true, true]));
    b.finish().await;
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run scripts/test.sh"]
async fn the_fix_is_offered_under_the_field_and_the_panel_names_boxes_as_the_form_does() {
    let b = Browser::open().await;
    b.goto_step("opening").await;
    b.type_into("#field-opening", "现将情况,报告如下：").await;
    // Under the field: where, what, and the one-click fix.
    let row = ".guided-field[data-key=opening] .finding[data-rule^=punct]";
    let text = b.wait_js(&format!("return document.querySelector('{row}')?.textContent ?? null;"), Value::is_string).await;
    assert!(text.as_str().is_some_and(|t| t.contains("第5字：") && t.contains("改为“，”")), "{text}");
    b.click(&format!("{row} .apply-fix")).await;
    b.wait_js("return document.querySelector('#field-opening').value;", |v| v == "现将情况，报告如下：").await;

    // The panel says （一）, 二是 as the form does; warnings do not wear the error badge.
    b.click("#fill-example").await;
    b.goto_step("problems").await;
    // 二是's heading (the second problem's first box) gets a placeholder (an error) and a 顿号
    // between two 书名号 pairs (a warning).
    b.type_into(".step-view .item-card:nth-child(2) textarea", "对照**要求落实《条例》、《规定》").await;
    let wheres = b
        .wait_js(
            "return Array.from(document.querySelectorAll('#findings-panel .panel-finding .panel-where')).map(w => w.textContent);",
            |v| v.as_array().is_some_and(|a| a.iter().any(|w| w == "二、存在的主要问题 二是 标题")),
        )
        .await;
    assert!(!wheres.to_string().contains("第2个"), "{wheres}");
    let badges = b
        .js("return Array.from(document.querySelectorAll('#findings-panel .panel-finding')).map(li =>
                [li.classList.contains('is-error'), li.querySelector('.finding-severity').textContent,
                 getComputedStyle(li.querySelector('.finding-severity')).borderRadius]);")
        .await;
    let rows = badges.as_array().cloned().unwrap_or_default();
    let error = rows.iter().find(|r| r[0] == true).expect("an error row");
    let other = rows.iter().find(|r| r[0] == false).expect("a warning or hint row");
    assert_ne!(error[1], other[1], "different words: {badges}");
    assert_ne!(error[2], other[2], "different shapes: {badges}");
    b.finish().await;
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run scripts/test.sh"]
async fn the_done_step_lists_what_is_left_and_downloads_copies_and_prints() {
    let b = Browser::open().await;
    b.click("#fill-example").await;
    // The example has no error (issue #11): a placeholder typed into the 主送机关 makes one.
    b.goto_step("addressee").await;
    b.type_into("#field-addressee", "市委**巡察组：").await;
    b.goto_step("done").await;
    for id in ["done-docx", "done-txt", "done-copy", "done-print"] {
        b.wait_for(&format!("#{id}")).await;
    }
    // Listed, with a jump to it.
    let summary = b.js("return document.getElementById('done-summary').textContent;").await;
    assert!(summary.as_str().is_some_and(|s| s.starts_with("还有 1 处需要修改")), "{summary}");
    b.click(".step-view .panel-finding.is-error .panel-jump").await;
    b.wait_js("return document.querySelector('.step-view').dataset.step;", |v| v != "done").await;
    // Back at 完成 after fixing it: ready, and the Word file downloads without a question.
    b.type_into("#field-addressee", "市委巡察组：").await;
    b.goto_step("done").await;
    b.wait_js("return document.getElementById('done-summary').textContent;", |v| {
        v.as_str().is_some_and(|s| !s.is_empty() && !s.contains("需要修改"))
    })
    .await;
    b.click("#done-docx").await;
    let bytes = b.downloaded("关于党工委领导班子2022年以来选人用人工作情况的报告.docx").await;
    assert!(bytes.starts_with(b"PK"), "a zip");
    b.click("#done-copy").await;
    b.wait_js("return document.querySelector('.notice')?.textContent ?? '';", |v| {
        v.as_str().is_some_and(|s| s.contains("已复制") || s.contains("无法复制"))
    })
    .await;
    b.finish().await;
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run scripts/test.sh"]
async fn dates_are_typed_year_month_day_whatever_the_browser_language() {
    let b = Browser::open().await;
    b.goto_step("date").await;
    let input = "#slot-date-1";
    assert_eq!(b.js(&format!("return document.querySelector('{input}').type;")).await, "text", "no locale-bound date picker");
    b.type_into(input, "2023-2-29").await;
    // While the clerk types, a half-typed date is not called wrong (nor announced); leaving the box
    // shows and announces the problem (role=alert).
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert_eq!(b.js("return document.querySelector('.slot-problem');").await, Value::Null, "nothing announced while typing");
    keys(&b, &TAB.to_string()).await;
    let problem = b.wait_js("return document.querySelector('.slot-problem[role=alert]')?.textContent ?? null;", Value::is_string).await;
    assert!(problem.as_str().is_some_and(|p| p.contains("2023年2月只有28天")), "{problem}");
    for typed in ["2024-3-5", "2024.3.5", "2024/03/05", "2024年3月5日"] {
        b.type_into(input, typed).await;
        keys(&b, &TAB.to_string()).await;
        b.wait_js(&format!("return document.querySelector('{input}').value;"), |v| v == "2024年3月5日").await;
        b.wait_js("return document.querySelector('#preview .doc-date').firstChild.textContent;", |v| v == "2024年3月5日").await;
    }
    b.finish().await;
}

/// Esc closes the 更多 menu and puts the cursor back on its button.
#[tokio::test]
#[ignore = "needs dist/ and Chromium: run scripts/test.sh"]
async fn escape_closes_the_more_menu_back_on_its_button() {
    let b = Browser::open().await;
    b.click("#more-menu summary").await;
    b.wait_js("return document.querySelector('#more-menu').open;", |v| v == true).await;
    keys(&b, &format!("{TAB}")).await;
    b.wait_js("return document.querySelector('#more-menu').contains(document.activeElement);", |v| v == true).await;
    keys(&b, "\u{E00C}").await;
    b.wait_js("return document.querySelector('#more-menu').open;", |v| v == false).await;
    assert_eq!(b.js("return document.activeElement === document.querySelector('#more-menu summary');").await, true);
    b.finish().await;
}

/// The page at a clerk's screen sizes: three columns, the header's buttons on one row, each on
/// one line, nothing wider than the window. Screenshots with GONGWEN_SCREENSHOTS.
#[tokio::test]
#[ignore = "needs dist/ and Chromium: run scripts/test.sh"]
async fn the_layout_stays_tidy_at_1366_and_1024() {
    let b = Browser::open().await;
    b.click("#fill-example").await;
    for (width, height) in [(1366, 768), (1024, 768)] {
        b.cdp("Emulation.setDeviceMetricsOverride", json!({ "width": width, "height": height, "deviceScaleFactor": 1, "mobile": false }))
            .await;
        b.goto_step("problems").await;
        let layout = b
            .wait_js(
                "const r = s => document.querySelector(s).getBoundingClientRect();
                 const buttons = Array.from(document.querySelectorAll('.app-actions > .button, .app-actions > details > summary'));
                 return {
                   width: innerWidth,
                   overflow: document.documentElement.scrollWidth > innerWidth,
                   rows: new Set(buttons.map(b => Math.round(b.getBoundingClientRect().top))).size,
                   tallest: Math.max(...buttons.map(b => b.getBoundingClientRect().height)),
                   lowest: Math.min(...buttons.map(b => b.getBoundingClientRect().height)),
                   beside: r('.preview-pane').left >= r('.editor-pane').right,
                   outline: r('.outline').right <= r('.editor-pane').left,
                 };",
                |v| v["width"] == json!(width),
            )
            .await;
        assert_eq!(layout["overflow"], false, "{width}: {layout}");
        assert_eq!(layout["rows"], 1, "{width}: the header's buttons in one row: {layout}");
        assert_eq!(layout["tallest"], layout["lowest"], "{width}: every button label on one line: {layout}");
        assert_eq!(layout["beside"], true, "{width}: the preview beside the form: {layout}");
        assert_eq!(layout["outline"], true, "{width}: {layout}");
        b.screenshot(&format!("first-use-{width}")).await;
        b.click("#more-menu summary").await;
        b.screenshot(&format!("first-use-{width}-menu")).await;
        b.click("#more-menu summary").await;
    }
    b.finish().await;
}
