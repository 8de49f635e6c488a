//! Layer 3: the release build in real headless Chromium, driven over WebDriver.
//! Run by scripts/test.sh (`cargo test --test browser -- --ignored`), which builds `dist/` first.
mod axe;
mod closing;
mod desk;
mod dialogs;
mod docx;
mod docx_import;
mod drafts;
mod first_use;
mod harness;
mod hostile;
mod import_year;
mod limits;
mod missing;
mod precompressed;
mod prerender;
mod reopen;
mod single_file;
mod two_tabs;
mod workshop;

use harness::Browser;
use serde_json::{json, Value};
use std::time::Duration;

const OPENING: &str = "#field-opening";
const ADDRESSEE: &str = "#field-addressee";

fn findings_of(key: &str) -> String {
    format!("return {};", harness::app_js::placeholder_findings(key))
}

fn marks_of(key: &str) -> String {
    format!(
        "return Array.from(document.querySelectorAll('.guided-field[data-key=\"{key}\"] mark.finding-mark'))
            .map(m => [m.textContent, +m.dataset.start, +m.dataset.end]);"
    )
}

fn is_empty_array(v: &Value) -> bool {
    v.as_array().is_some_and(|a| a.is_empty())
}

fn value_of(css: &str) -> String {
    format!("return document.querySelector('{css}').value;")
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run scripts/test.sh"]
async fn page_loads_with_no_error_and_no_outside_request() {
    let b = Browser::open().await;
    let title = b.client.title().await.expect("a title");
    assert_eq!(title, "公文起草助手");
    let steps = b.js("return Array.from(document.querySelectorAll('.outline-step')).map(s => s.dataset.step);").await;
    assert_eq!(steps, json!(["title", "addressee", "opening", "overview", "problems", "measures", "closing", "signature", "date", "done"]));
    // Everything the page loaded came from the local server.
    let requests = b.requests().await;
    assert!(requests.iter().any(|u| u.ends_with(".wasm")), "the wasm module was not requested: {requests:?}");
    b.finish().await;
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run scripts/test.sh"]
async fn placeholder_is_flagged_while_typing_then_fixed_and_downloaded() {
    let b = Browser::open().await;
    b.goto_step("addressee").await;
    b.type_into(ADDRESSEE, "市委第二巡察组：").await;
    b.goto_step("opening").await;
    b.type_into(OPENING, "现将**党工委领导班子20XX年以来…").await;

    // Both findings, at their exact character spans, in the list and as marks in the field.
    let expected = json!([["**", 2, 4], ["20XX", 11, 15]]);
    let got = b.wait_js(&findings_of("opening"), |v| v.as_array().is_some_and(|a| a.len() == 2)).await;
    assert_eq!(got, expected);
    // The marks in the field: the two placeholders, and the lone “…” that GB/T 15834 writes “……”.
    assert_eq!(b.js(&marks_of("opening")).await, json!([["**", 2, 4], ["20XX", 11, 15], ["…", 18, 19]]));
    // The outline's badge counts them.
    let badge = b.js("return document.querySelector('.outline-step[data-step=opening] .outline-badge')?.textContent;").await;
    assert_eq!(badge, "3");
    b.screenshot("placeholder-findings").await;
    // The preview shows what was typed (from the frame after the keystroke's).
    b.settled().await;
    let preview = b.js("return document.querySelector('#preview [data-part=opening]').firstChild.textContent;").await;
    assert_eq!(preview, "现将**党工委领导班子20XX年以来…");

    // Fix both: the findings, the marks and the badge go away.
    let fixed = "现将党工委领导班子2022年以来关于选人用人专项工作情况报告如下：";
    b.type_into(OPENING, fixed).await;
    b.wait_js(&findings_of("opening"), is_empty_array).await;
    assert!(is_empty_array(&b.js(&marks_of("opening")).await));
    let badge = b.js("return document.querySelector('.outline-step[data-step=opening] .outline-badge');").await;
    assert_eq!(badge, Value::Null);

    // Download the text: it holds exactly what was typed, as whole lines, and equals the preview.
    // The title's figures are still empty, so the app asks first.
    b.click("#download-txt").await;
    b.click("#download-anyway").await;
    let bytes = b.downloaded("选人用人工作情况报告.txt").await;
    let text = String::from_utf8(bytes).expect("UTF-8");
    assert!(text.contains("\r\n市委第二巡察组：\r\n"), "{text:?}");
    assert!(text.contains(&format!("\r\n{fixed}\r\n")), "{text:?}");
    assert_eq!(text, b.preview_text().await);
    b.finish().await;
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run scripts/test.sh"]
async fn ime_composition_is_not_disturbed() {
    let b = Browser::open().await;
    b.goto_step("opening").await;
    // What an IME does: compositionstart, input events flagged isComposing with pinyin in the
    // box, then the chosen characters and compositionend.
    b.js("const t = document.querySelector('#field-opening'); t.focus();
         t.dispatchEvent(new CompositionEvent('compositionstart', {data: ''}));
         t.value = 'xian';
         t.dispatchEvent(new InputEvent('input', {bubbles: true, isComposing: true, data: 'xian', inputType: 'insertCompositionText'}));")
        .await;
    tokio::time::sleep(Duration::from_millis(200)).await;
    // Mid-composition: the box keeps the pinyin and nothing is taken into the draft yet.
    assert_eq!(b.js(&value_of("#field-opening")).await, "xian");
    assert_eq!(b.js("return document.querySelectorAll('#preview [data-part=opening]').length;").await, 0);

    b.js("const t = document.querySelector('#field-opening');
         t.value = '现将';
         t.dispatchEvent(new InputEvent('input', {bubbles: true, isComposing: true, data: '现将', inputType: 'insertCompositionText'}));
         t.dispatchEvent(new CompositionEvent('compositionend', {data: '现将'}));")
        .await;
    b.wait_js("return document.querySelector('#preview [data-part=opening]')?.firstChild.textContent ?? null;", |v| v == "现将").await;
    assert_eq!(b.js(&value_of("#field-opening")).await, "现将");
    b.finish().await;
}

/// The preview follows typing one frame later (with the checks, issue #24), so the keystroke's
/// frame does not rebuild a long report's preview; printing right after a keystroke prints it
/// as typed.
#[tokio::test]
#[ignore = "needs dist/ and Chromium: run scripts/test.sh"]
async fn the_preview_follows_typing_a_frame_later_and_printing_takes_it_as_typed() {
    let b = Browser::open().await;
    b.goto_step("addressee").await;
    // Typing: the frame after the keystroke's settles the preview.
    b.type_into(ADDRESSEE, "市委巡察组：").await;
    b.settled().await;
    let shown = "return document.querySelector('#preview [data-part=addressee]')?.firstChild.textContent ?? null;";
    assert_eq!(b.js(shown).await, "市委巡察组：");
    // A keystroke, then what the page shows once its own work (the microtasks) is done; then the
    // browser's print event (Ctrl+P), and the page once more.
    let seen = b
        .js("const t = document.querySelector('#field-addressee');
             const drained = () => new Promise(r => queueMicrotask(r));
             const now = () => [document.querySelector('.preview-pane').getAttribute('aria-busy'),
               document.querySelector('#preview [data-part=addressee]').firstChild.textContent];
             t.value = '市委第一巡察组：';
             t.dispatchEvent(new InputEvent('input', {bubbles: true, data: '：', inputType: 'insertText'}));
             return drained().then(() => {
               const typed = now();
               window.dispatchEvent(new Event('beforeprint'));
               return drained().then(() => [typed, now()]);
             });")
        .await;
    assert_eq!(seen, json!([["true", "市委巡察组："], [null, "市委第一巡察组："]]));
    // (The draft has errors: the print event also opened the question with the missing list.)
    b.wait_for("#missing-list").await;
    b.finish().await;
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run scripts/test.sh"]
async fn a_section_survives_navigation_and_its_items_move_remove_and_undo() {
    let b = Browser::open().await;
    b.goto_step("problems").await;
    let card = |n: usize, what: &str| {
        format!(".item-card:nth-child({n}) > .guided-field:nth-of-type({}) textarea", if what == "heading" { 1 } else { 2 })
    };
    b.type_into("#field-problems", "总体来看，工作是好的，但还有差距：").await;
    b.type_into(&card(1, "heading"), "组织人事干部队伍建设有待加强").await;
    b.type_into(&card(1, "body"), "人员较少，经验不足。").await;
    b.click(".add-item").await;
    b.wait_for(".item-card:nth-child(2)").await;
    b.type_into(&card(2, "heading"), "年轻干部培养力度不够大").await;

    // Jump away and back: everything is still there.
    b.goto_step("opening").await;
    b.goto_step("problems").await;
    assert_eq!(b.js(&value_of(&card(1, "heading"))).await, "组织人事干部队伍建设有待加强");
    assert_eq!(b.js(&value_of(&card(1, "body"))).await, "人员较少，经验不足。");
    assert_eq!(b.js(&value_of(&card(2, "heading"))).await, "年轻干部培养力度不够大");
    // The same through 上一步 / 下一步.
    b.click(".step-next").await;
    b.wait_for(".step-view[data-step=measures]").await;
    b.click(".step-prev").await;
    b.wait_for(".step-view[data-step=problems]").await;
    assert_eq!(b.js(&value_of(&card(2, "heading"))).await, "年轻干部培养力度不够大");

    let problem_lines = "return Array.from(document.querySelectorAll('#preview [data-part=problems].doc-body'))
        .map(p => p.firstChild.textContent).slice(1);";
    let before = b.js(problem_lines).await;
    assert_eq!(before, json!(["一是组织人事干部队伍建设有待加强。人员较少，经验不足。", "二是年轻干部培养力度不够大。"]));

    // Move the second item up: the numbering follows.
    b.click(".item-card:nth-child(2) .move-up").await;
    let moved = b.wait_js(problem_lines, |v| v[0].as_str().is_some_and(|s| s.starts_with("一是年轻"))).await;
    assert_eq!(moved, json!(["一是年轻干部培养力度不够大。", "二是组织人事干部队伍建设有待加强。人员较少，经验不足。"]));

    // Remove it, undo, remove again.
    b.click(".item-card:nth-child(1) .remove").await;
    b.wait_js(problem_lines, |v| v.as_array().is_some_and(|a| a.len() == 1)).await;
    b.click("#undo").await;
    let restored = b.wait_js(problem_lines, |v| v.as_array().is_some_and(|a| a.len() == 2)).await;
    assert_eq!(restored, moved);
    b.click(".item-card:nth-child(1) .remove").await;
    let after = b.wait_js(problem_lines, |v| v.as_array().is_some_and(|a| a.len() == 1)).await;
    assert_eq!(after, json!(["一是组织人事干部队伍建设有待加强。人员较少，经验不足。"]));

    // The download equals the preview.
    b.click("#download-txt").await;
    b.click("#download-anyway").await;
    let text = String::from_utf8(b.downloaded("选人用人工作情况报告.txt").await).expect("UTF-8");
    assert_eq!(text, b.preview_text().await);
    assert!(text.contains(
        "\r\n二、存在的主要问题\r\n总体来看，工作是好的，但还有差距：\r\n一是组织人事干部队伍建设有待加强。人员较少，经验不足。\r\n"
    ));
    b.finish().await;
}

/// The preview title's lines as laid out: each text node's text, how many rows it takes, its top
/// and how far its middle is from the title's (px).
const TITLE_LINES: &str = "const t = document.querySelector('#preview .doc-title'), box = t.getBoundingClientRect();
    return Array.from(t.childNodes).filter(n => n.nodeType === 3).map(n => {
      const r = document.createRange(); r.selectNodeContents(n);
      const rects = Array.from(r.getClientRects());
      const left = Math.min(...rects.map(x => x.left)), right = Math.max(...rects.map(x => x.right));
      return { text: n.textContent, top: rects[0].top,
               rows: 1 + rects.filter((x, i) => i > 0 && x.top >= rects[i - 1].bottom - 1).length,
               offCentre: Math.abs((left + right) / 2 - (box.left + box.right) / 2) };
    });";

/// GB/T 9704 §7.3.1: a title too long for one line is set on two (or three), centred, broken
/// between words (not wherever the line is full): the preview breaks it where the Word file does.
#[tokio::test]
#[ignore = "needs dist/ and Chromium: run scripts/test.sh"]
async fn a_long_title_breaks_between_words_in_the_preview() {
    let b = Browser::open().await;
    b.click("#fill-example").await;
    let cases: [(&str, &[&str]); 3] = [
        ("党工委", &["关于党工委领导班子2022年以来", "选人用人工作情况的报告"]),
        // A longer unit: the break after 领导班子 gives the more even lines.
        ("市财政局党组", &["关于市财政局党组领导班子", "2022年以来选人用人工作情况的报告"]),
        // Two lines cannot hold this one without cutting a word: three.
        ("长江经济带高新技术产业开发区党工委", &["关于长江经济带高新技术产业开发区党工委", "领导班子2022年以来", "选人用人工作情况的报告"]),
    ];
    for (unit, want) in cases {
        b.type_into(".step-view input[data-slot=unit]", unit).await;
        b.preview_title(|t| t == want.concat()).await;
        let lines = b.js(TITLE_LINES).await;
        let texts: Vec<&str> = lines.as_array().into_iter().flatten().filter_map(|l| l["text"].as_str()).collect();
        assert_eq!(texts, want, "{lines:#}");
        for line in lines.as_array().into_iter().flatten() {
            assert_eq!(line["rows"], 1, "each half is one row: {lines:#}");
            assert!(line["offCentre"].as_f64().is_some_and(|d| d < 2.0), "centred: {lines:#}");
        }
        for i in 1..want.len() {
            assert!(lines[i]["top"].as_f64() > lines[i - 1]["top"].as_f64(), "{lines:#}");
        }
        b.screenshot(&format!("title-{unit}")).await;
    }
    b.finish().await;
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run scripts/test.sh"]
async fn example_fills_the_whole_report_and_figures_are_typed_inline() {
    let b = Browser::open().await;
    b.click("#fill-example").await;
    b.preview_title(|t| t == "关于党工委领导班子2022年以来选人用人工作情况的报告").await;
    // A key figure typed once shows in every sentence that names it: the title, the opening
    // and the signature all follow the unit's name.
    b.type_into(".step-view input[data-slot=unit]", "高新区党工委").await;
    let title = b.preview_title(|t| t.contains("高新区")).await;
    assert_eq!(title, "关于高新区党工委领导班子2022年以来选人用人工作情况的报告");
    let signature = b.js("return document.querySelector('#preview .doc-signature').firstChild.textContent;").await;
    assert_eq!(signature, "高新区党工委");

    // A count takes Chinese numerals as typed; an impossible one gets a message.
    b.goto_step("overview").await;
    b.screenshot("example-overview").await;
    let count = ".step-view input[data-slot=party_school_count]";
    b.type_into(count, "两").await;
    b.wait_js("return document.querySelector('#preview').textContent.includes('有计划组织两名干部');", |v| v == true).await;
    b.type_into(count, "1.5").await;
    let problem = b.wait_js("return document.querySelector('.slot-problem')?.textContent ?? null;", |v| v.is_string()).await;
    assert!(problem.as_str().is_some_and(|s| s.contains("阿拉伯数字")), "{problem}");
    b.type_into(count, "两").await;
    b.wait_js("return document.querySelector('.slot-problem');", Value::is_null).await;

    // Switching a sentence to free text keeps every figure.
    b.goto_step("opening").await;
    b.settled().await;
    let before = b.js("return document.querySelector('#preview [data-part=opening]').firstChild.textContent;").await;
    b.click(".step-view .slotted .link-button").await;
    let free = b.wait_js(&value_of(OPENING), |v| v.is_string()).await;
    assert_eq!(free, before);
    assert_eq!(free, "现将高新区党工委领导班子2022年以来关于选人用人专项工作情况报告如下：");

    // The example has no error (the reference report's 岗位需求. is corrected in it): the file
    // comes without a question.
    b.click("#download-txt").await;
    let name = "关于高新区党工委领导班子2022年以来选人用人工作情况的报告.txt";
    let text = String::from_utf8(b.downloaded(name).await).expect("UTF-8");
    assert_eq!(b.js("return document.getElementById('download-dialog');").await, Value::Null);
    assert_eq!(text, b.preview_text().await);
    assert!(text.ends_with("\r\n特此报告。\r\n高新区党工委\r\n2024年3月5日\r\n"), "{text:?}");
    b.finish().await;
}

/// The harness itself: a console error and a request to another address (a loopback address
/// that is not our server, so nothing leaves the machine) must both be caught.
#[tokio::test]
#[ignore = "needs dist/ and Chromium: run scripts/test.sh"]
async fn harness_catches_console_errors_and_outside_requests() {
    let b = Browser::open().await;
    // The page's own policy would stop the request before it is sent; switch it off and reload,
    // to see that the harness catches a request that does go out.
    b.cdp("Page.setBypassCSP", json!({ "enabled": true })).await;
    b.client.refresh().await.expect("reload");
    b.wait_for(harness::app_js::STARTED).await;
    b.js("console.error('故意的错误'); fetch('http://127.0.0.2:9/leak').catch(() => {}); return null;").await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let (console, foreign) = b.problems().await;
    assert!(console.iter().any(|m| m.contains("故意的错误")), "{console:?}");
    assert!(foreign.iter().any(|u| u.starts_with("http://127.0.0.2:9/leak")), "{foreign:?}");
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run scripts/test.sh"]
async fn every_edit_survives_a_reload() {
    let b = Browser::open().await;
    b.type_into(".step-view input[data-slot=unit]", "高新区党工委").await;
    b.goto_step("addressee").await;
    b.type_into(ADDRESSEE, "市委第三巡察组：").await;
    b.goto_step("problems").await;
    b.type_into(".item-card:nth-child(1) > .guided-field:nth-of-type(1) textarea", "培养力度不够大").await;
    b.click(".add-item").await;
    b.type_into(".item-card:nth-child(2) > .guided-field:nth-of-type(1) textarea", "管理职责不够到位").await;
    let before = b.preview_text().await;
    assert!(before.contains("二是管理职责不够到位。"), "{before}");

    b.client.refresh().await.expect("reload");
    b.wait_for(harness::app_js::STARTED).await;
    // The same step, the same text, the same figures.
    b.wait_for(".step-view[data-step=problems]").await;
    assert_eq!(b.preview_text().await, before);
    assert_eq!(b.js(&value_of(".item-card:nth-child(2) > .guided-field:nth-of-type(1) textarea")).await, "管理职责不够到位");
    b.goto_step("title").await;
    assert_eq!(b.js(&value_of(".step-view input[data-slot=unit]")).await, "高新区党工委");
    b.finish().await;
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run scripts/test.sh"]
async fn an_unreadable_autosave_is_kept_aside_and_reported() {
    let b = Browser::open().await;
    b.js("localStorage.setItem('gongwen.draft.v1', '{\"version\":1,\"draft\":{\"templ'); return null;").await;
    b.client.refresh().await.expect("reload");
    let notice = b.wait_js("return document.querySelector('.notice.is-error')?.textContent ?? null;", Value::is_string).await;
    assert!(notice.as_str().is_some_and(|s| s.contains("无法读取") && s.contains("备份")), "{notice}");
    let backup = b.js("return localStorage.getItem('gongwen.draft.unreadable');").await;
    assert_eq!(backup, "{\"version\":1,\"draft\":{\"templ");
    b.finish().await;
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run scripts/test.sh"]
async fn when_storage_fails_typing_goes_on_and_the_draft_can_be_downloaded() {
    let b = Browser::open().await;
    b.js("Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); }; return null;").await;
    b.goto_step("addressee").await;
    b.type_into(ADDRESSEE, "市委巡察组：").await;
    let warning = b.wait_js("return document.getElementById('storage-problem')?.textContent ?? null;", Value::is_string).await;
    assert!(warning.as_str().is_some_and(|s| s.contains("没能自动保存")), "{warning}");
    // Typing still works and shows in the preview.
    b.wait_js("return document.querySelector('#preview [data-part=addressee]')?.firstChild.textContent ?? null;", |v| v == "市委巡察组：")
        .await;
    b.click("#storage-problem .button").await;
    let json = String::from_utf8(b.downloaded("选人用人工作情况报告（草稿）.json").await).expect("UTF-8");
    let saved: Value = serde_json::from_str(&json).expect("a JSON draft");
    assert_eq!(saved["version"], 1);
    assert_eq!(saved["draft"]["fields"]["addressee"]["text"], "市委巡察组：");
    b.finish().await;
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run scripts/test.sh"]
async fn a_finding_shows_inline_in_the_outline_and_in_the_panel_and_the_panel_jumps_to_it() {
    let b = Browser::open().await;
    b.goto_step("addressee").await;
    b.type_into(ADDRESSEE, "市委**巡察组：").await;
    let highlight = "return Array.from(document.querySelectorAll('.guided-field[data-key=addressee] mark')).map(m => m.textContent);";
    let badge = "return document.querySelector('.outline-step[data-step=addressee] .outline-badge')?.textContent ?? null;";
    let entry = "return Array.from(document.querySelectorAll('#findings-panel .panel-finding[data-rule=placeholder]'))
        .map(li => li.dataset.key);";
    assert_eq!(b.wait_js(highlight, |v| !is_empty_array(v)).await, json!(["**"]));
    assert_eq!(b.js(badge).await, "1");
    assert_eq!(b.js(entry).await, json!(["addressee"]));

    // Jump from another step: the panel entry brings the clerk to the field, on the finding.
    b.goto_step("measures").await;
    b.click("#findings-panel .panel-finding[data-rule=placeholder] .panel-jump").await;
    b.wait_for(".step-view[data-step=addressee]").await;
    let focus = b
        .wait_js(
            "const a = document.activeElement; return a && a.id === 'field-addressee' ? [a.selectionStart, a.selectionEnd] : null;",
            |v| v.is_array(),
        )
        .await;
    assert_eq!(focus, json!([2, 4]), "the cursor selects the “**”");

    // Fix it by typing over the selection: all three signs go away.
    b.client.active_element().await.expect("the focused field").send_keys("第二").await.expect("type");
    b.wait_js(highlight, is_empty_array).await;
    assert_eq!(b.js(badge).await, Value::Null);
    assert!(is_empty_array(&b.js(entry).await));
    assert_eq!(b.js(&value_of(ADDRESSEE)).await, "市委第二巡察组：");
    b.finish().await;
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run scripts/test.sh"]
async fn downloading_with_gaps_left_asks_first() {
    let b = Browser::open().await;
    b.click("#fill-example").await;
    b.goto_step("overview").await;
    b.type_into(".step-view input[data-slot=party_school_count]", "").await;
    b.click("#download-txt").await;
    let question = b.wait_js("return document.getElementById('download-dialog')?.textContent ?? null;", Value::is_string).await;
    assert!(question.as_str().is_some_and(|s| s.contains("还有 1 处内容没有填写")), "{question}");
    let listed = b.js("return Array.from(document.querySelectorAll('#missing-list .missing-item')).map(li => li.textContent);").await;
    assert!(listed[0].as_str().is_some_and(|s| s.contains("参加党校培训人数") && s.contains("去填写")), "{listed}");
    // “去修改” goes to the gap.
    b.click("#go-fix").await;
    b.wait_js("return document.activeElement?.dataset?.slot ?? null;", |v| v == "party_school_count").await;
    assert_eq!(b.js("return document.getElementById('download-dialog');").await, Value::Null);
    // “仍然下载” downloads, gap and all.
    b.click("#download-txt").await;
    b.click("#download-anyway").await;
    let text = String::from_utf8(b.downloaded("关于党工委领导班子2022年以来选人用人工作情况的报告.txt").await).expect("UTF-8");
    assert!(text.contains("有计划组织＿＿名干部"), "the gap is visible in the file");
    b.finish().await;
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run scripts/test.sh"]
async fn a_problem_without_a_measure_is_shown_until_a_measure_answers_it() {
    let b = Browser::open().await;
    b.click("#fill-example").await;
    b.goto_step("problems").await;
    // The example answers every problem (the reference report left its first one without a
    // measure; the example's second measure answers it).
    let notes = "return Array.from(document.querySelectorAll('.item-card')).map(c => !!c.querySelector('.item-note'));";
    assert_eq!(b.wait_js(notes, Value::is_array).await, json!([false, false, false]));
    let first_problem = b.js("return document.querySelector('.item-card').dataset.item;").await;
    let first_problem = first_problem.as_str().expect("an item id").to_string();

    // Unlinked, the first problem is shown without a measure.
    b.goto_step("measures").await;
    b.click(&format!(".item-card:nth-child(2) input[data-answers=\"{first_problem}\"]")).await;
    b.goto_step("problems").await;
    assert_eq!(b.wait_js(notes, |v| v == &json!([true, false, false])).await, json!([true, false, false]));

    b.goto_step("measures").await;
    b.click(&format!(".item-card:nth-child(1) input[data-answers=\"{first_problem}\"]")).await;
    b.goto_step("problems").await;
    assert_eq!(b.wait_js(notes, |v| v == &json!([false, false, false])).await, json!([false, false, false]));
    b.screenshot("problems-answered").await;
    b.finish().await;
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run scripts/test.sh"]
async fn a_saved_draft_file_opens_elsewhere_exactly() {
    let b = Browser::open().await;
    b.click("#fill-example").await;
    b.type_into(".step-view input[data-slot=unit]", "高新区党工委").await;
    b.goto_step("measures").await;
    let preview = b.preview_text().await;
    b.click("#more-menu summary").await;
    b.click("#save-draft").await;
    let json = b.downloaded("关于高新区党工委领导班子2022年以来选人用人工作情况的报告（草稿）.json").await;
    b.finish().await;
    let dir = tempfile::tempdir().expect("a temp dir");
    let file = dir.path().join("草稿.json");
    std::fs::write(&file, json).expect("keep the file");

    // Another browser, another profile: the file brings back the same report and step.
    let other = Browser::open().await;
    other.wait_for("#open-draft").await.send_keys(&file.display().to_string()).await.expect("choose the file");
    other.wait_for(".step-view[data-step=measures]").await;
    assert_eq!(other.preview_text().await, preview);
    other.finish().await;
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run scripts/test.sh"]
async fn a_bad_draft_file_is_refused_with_a_message_and_the_draft_is_untouched() {
    let b = Browser::open().await;
    b.goto_step("addressee").await;
    b.type_into(ADDRESSEE, "市委巡察组：").await;
    let before = b.preview_text().await;
    let dir = tempfile::tempdir().expect("a temp dir");
    let cases = [
        ("truncated.json", r#"{"version":1,"draft":{"template":"xuanren-report","fie"#, "不是一个完整的草稿文件"),
        ("newer.json", r#"{"version":9,"draft":{"template":"xuanren-report"}}"#, "较新版本"),
        ("other.json", r#"{"version":1,"draft":{"template":"qingshi"}}"#, "另一种报告"),
        ("page.json", "<html><script>alert(1)</script></html>", "不是一个完整的草稿文件"),
        // A lone surrogate written as a JSON escape.
        (
            "surrogate.json",
            r#"{"version":1,"draft":{"template":"xuanren-report","fields":{"opening":"\ud800"}}}"#,
            "不是一个完整的草稿文件",
        ),
    ];
    for (name, content, says) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, content).expect("write the test file");
        b.wait_for("#open-draft").await.send_keys(&path.display().to_string()).await.expect("choose the file");
        let notice = b
            .wait_js("return document.querySelector('.notice.is-error')?.textContent ?? null;", |v| {
                v.as_str().is_some_and(|s| s.contains(says))
            })
            .await;
        assert!(notice.as_str().is_some_and(|s| s.contains("当前草稿没有改动")), "{notice}");
        assert_eq!(b.preview_text().await, before, "{name} changed the draft");
    }
    b.finish().await;
}

const SEED: &str = include_str!("../fixtures/seed-report.txt");

fn placeholder_entries() -> &'static str {
    "return document.querySelectorAll('#findings-panel .panel-finding[data-rule=placeholder]').length;"
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run scripts/test.sh"]
async fn last_years_report_is_imported_from_a_paste_and_its_masks_light_up() {
    let b = Browser::open().await;
    b.click("#import-report").await;
    b.wait_for("#import-text").await;
    b.client.execute("document.getElementById('import-text').value = arguments[0]; return null;", vec![json!(SEED)]).await.expect("paste");
    b.click("#import-submit").await;
    b.wait_js(placeholder_entries(), |v| v == 8).await;
    let text = b.preview_text().await;
    for line in SEED.lines().filter(|l| !l.trim().is_empty()) {
        assert!(text.contains(&format!("{line}\r\n")), "missing from the preview: {line}");
    }
    assert_eq!(b.js("return document.getElementById('unplaced');").await, Value::Null, "everything was placed");
    b.finish().await;
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run scripts/test.sh"]
async fn a_gb18030_txt_imports_like_utf8_and_unplaced_text_can_be_moved() {
    let b = Browser::open().await;
    let extra = "附件：本单位干部花名册另行报送。";
    let report = format!("{SEED}\r\n特此报告。\r\n党工委\r\n2024年3月5日\r\n{extra}\r\n");
    let (bytes, _, bad) = encoding_rs::GB18030.encode(&report);
    assert!(!bad);
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join("去年的报告.txt");
    std::fs::write(&path, &bytes).expect("write the GB18030 file");
    b.click("#import-report").await;
    b.wait_for("#import-file").await.send_keys(&path.display().to_string()).await.expect("choose the file");
    b.wait_js(placeholder_entries(), |v| v == 8).await;
    // Decoded right: the seed's lines are all in the preview, the date became the date figure.
    let text = b.preview_text().await;
    for line in SEED.lines().filter(|l| !l.trim().is_empty()) {
        assert!(text.contains(&format!("{line}\r\n")), "missing from the preview: {line}");
    }
    assert!(text.ends_with("特此报告。\r\n党工委\r\n2024年3月5日\r\n"), "{text}");
    // A line after the date fits no part: it is kept aside, then moved by the clerk.
    let pieces =
        b.wait_js("return Array.from(document.querySelectorAll('.unplaced-text')).map(p => p.textContent);", Value::is_array).await;
    assert_eq!(pieces, json!([extra]));
    b.js("const s = document.querySelector('.unplaced-piece select'); s.value = 'closing'; return null;").await;
    b.click(".unplaced-piece .place-button").await;
    b.wait_js("return document.getElementById('unplaced');", Value::is_null).await;
    let closing =
        b.js("return Array.from(document.querySelectorAll('#preview [data-part=closing]')).map(p => p.firstChild.textContent);").await;
    assert_eq!(closing, json!(["特此报告。", extra]));
    assert!(b.preview_text().await.contains(&format!("{extra}\r\n")));
    b.finish().await;
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run scripts/test.sh"]
async fn a_10_mb_paste_is_refused_and_the_draft_is_untouched() {
    let b = Browser::open().await;
    b.goto_step("addressee").await;
    b.type_into(ADDRESSEE, "市委巡察组：").await;
    let before = b.preview_text().await;
    b.click("#import-report").await;
    b.wait_for("#import-text").await;
    b.js("document.getElementById('import-text').value = '选人用人'.repeat(2621440); return null;").await;
    b.click("#import-submit").await;
    let msg = b.wait_js("return document.querySelector('#import-dialog .notice')?.textContent ?? null;", Value::is_string).await;
    // The bound is 20 万字 since issue #20 (it was 100 万, checked only after recognition).
    assert!(msg.as_str().is_some_and(|s| s.contains("20 万字")), "{msg}");
    b.click("#import-cancel").await;
    assert_eq!(b.preview_text().await, before);
    b.finish().await;
}

/// The page's Content-Security-Policy stops a connection to any other address before it is made.
#[tokio::test]
#[ignore = "needs dist/ and Chromium: run scripts/test.sh"]
async fn the_page_policy_blocks_outside_connections() {
    let b = Browser::open().await;
    let policy = b.js("return document.querySelector('meta[http-equiv=Content-Security-Policy]')?.content ?? null;").await;
    assert!(policy.as_str().is_some_and(|p| p.contains("connect-src 'self'") && p.contains("object-src 'none'")), "{policy}");
    let outcome = b
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             fetch('http://127.0.0.2:9/leak').then(() => done('sent'), () => done('blocked'));",
            vec![],
        )
        .await
        .expect("the script runs");
    assert_eq!(outcome, "blocked");
    let (console, foreign) = b.problems().await;
    assert!(foreign.is_empty(), "a request went out: {foreign:?}");
    assert!(console.iter().any(|m| m.contains("Content Security Policy")), "{console:?}");
}

/// 200 random edits across the fields of every step (text boxes and key figures), then a
/// reload: the draft is identical, figure for figure and character for character.
#[tokio::test]
#[ignore = "needs dist/ and Chromium: run scripts/test.sh"]
async fn two_hundred_random_edits_survive_a_reload() {
    let b = Browser::open().await;
    b.click("#fill-example").await;
    let steps = ["title", "addressee", "opening", "overview", "problems", "measures", "closing", "signature"];
    // A fixed seed, so a failure can be replayed.
    let mut seed: u64 = 0x5eed_2026;
    let mut next = move |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    };
    let words = ["党工委", "选派", "3", "名干部", "，", "。", "培养", "两", "镇", "2023", "“四个意识”", "\n"];
    for round in 0..200 {
        if round % 25 == 0 {
            b.goto_step(steps[next(steps.len())]).await;
        }
        // Edit one of the step's text boxes or figure inputs, as typing does: a new value and an
        // input event.
        let count = b.js("return document.querySelectorAll('.step-view textarea, .step-view input[type=text]').length;").await;
        let count = count.as_u64().unwrap_or(0) as usize;
        if count == 0 {
            continue;
        }
        let (which, word, cut) = (next(count), words[next(words.len())], next(4));
        b.client
            .execute(
                "const el = document.querySelectorAll('.step-view textarea, .step-view input[type=text]')[arguments[0]];
                 const v = el.value;
                 const at = Math.floor(v.length * arguments[2] / 4);
                 el.value = arguments[2] === 3 ? v.slice(0, at) : v.slice(0, at) + arguments[1] + v.slice(at);
                 el.dispatchEvent(new InputEvent('input', {bubbles: true}));
                 return null;",
                vec![json!(which), json!(word), json!(cut)],
            )
            .await
            .expect("an edit");
    }
    let snapshot = "const open = JSON.parse(localStorage.getItem('gongwen.drafts.v1')).active;
        return JSON.stringify(JSON.parse(localStorage.getItem('gongwen.draft.' + open)).draft);";
    // Typing is saved when the browser is next idle; anything else the clerk does saves it first
    // (a step chosen, here), so what is stored is read after its save. (What was typed right
    // before leaving is saved as the page goes: `typing_then_leaving_at_once_keeps_every_character`.)
    b.goto_step(steps[0]).await;
    let before_text = b.preview_text().await;
    let before = b.js(snapshot).await;
    b.client.refresh().await.expect("reload");
    b.wait_for(harness::app_js::STARTED).await;
    // The page may first read the store as it was a moment before the last save of the page it
    // replaced, and then follows it (the storage event): the same text, within the wait.
    let shown = b.poll_js(&format!("return {};", harness::app_js::PREVIEW_TEXT), |v| v == before_text.as_str()).await;
    if let Some(d) = harness::first_difference(shown.as_str().unwrap_or_default(), &before_text) {
        panic!("the preview after the reload is not the one before: {d}");
    }
    let after = b.js(snapshot).await;
    if let Some(d) = harness::first_difference(after.as_str().unwrap_or_default(), before.as_str().unwrap_or_default()) {
        panic!("the stored draft after the reload is not the one before: {d}");
    }
    b.finish().await;
}

/// Typing and leaving in the same moment (a reload straight after the keystroke, before the
/// browser is idle): what was typed is saved as the page goes, and is there after the reload.
#[tokio::test]
#[ignore = "needs dist/ and Chromium: run scripts/test.sh"]
async fn typing_then_leaving_at_once_keeps_every_character() {
    let b = Browser::open().await;
    b.goto_step("opening").await;
    for round in 0..5 {
        let text = format!("第{round}次输入后立刻刷新");
        b.client
            .execute(
                "const el = document.querySelector(arguments[0]);
                 el.value = arguments[1];
                 el.dispatchEvent(new InputEvent('input', {bubbles: true}));
                 window.leftPage = true;
                 location.reload();
                 return null;",
                vec![json!(OPENING), json!(text)],
            )
            .await
            .expect("type and reload");
        // The new page, not the one being left.
        b.wait_js("return window.leftPage === undefined && !!document.querySelector('body > .app');", |v| v == true).await;
        b.wait_for(".step-view[data-step=opening]").await;
        assert_eq!(b.js(&value_of(OPENING)).await, text.as_str(), "round {round}");
    }
    b.finish().await;
}
