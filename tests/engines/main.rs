//! The engine matrix: the release build's core flow in the engines clerks actually run —
//! Chromium 86 (the kernel of many 360 安全浏览器 / 奇安信 releases) and 109 (the last Chrome on
//! Windows 7), both from npm and driven over the DevTools protocol; Debian's Firefox ESR
//! (geckodriver) and WebKitGTK, Safari's engine (WebKitWebDriver under xvfb-run).
//! Run by scripts/test.sh (`cargo test --test engines -- --ignored`) after the Chromium suite.
//!
//! Each engine gets three tests: it is the version it claims; the core flow on the served page
//! (form, 填入示例, a placeholder finding while typing, every text box on 一、总体情况 showing all
//! its text, reload keeps the text, the .txt download); the single file opened from disk.
//! In Chromium 86 both also take 模板制作 (its own module, loaded when it opens) from the gallery
//! to a kept template, and so does Firefox ESR's single file.
//! Any page error fails the test. The time from navigation to the form is printed, not asserted.
#[path = "../common/app_js.rs"]
mod app_js;
mod cdp;
#[path = "../common/dist.rs"]
mod dist;
mod launch;
mod page;
#[path = "../common/process.rs"]
mod process;

use page::{Engine, Home, Page};
use serde_json::{json, Value};

/// The example's title (填入示例), and so the name of its .txt download.
const EXAMPLE_TITLE: &str = "关于党工委领导班子2022年以来选人用人工作情况的报告";
const TYPED: &str = "我县共有*名干部";

fn report_time(engine: Engine, what: &str, ms: f64) {
    println!("[{}] {what}：从开始导航到表单出现 {ms:.0} ms", engine.name());
}

/// Every text box of the step on screen, with how much of its text it shows: a box shows all of
/// it when its content is no taller than the box (scrollHeight <= clientHeight + 1). A box with
/// text but no height is hidden text too.
const TEXT_BOXES: &str = "(() => {
  const boxes = Array.from(document.querySelectorAll('.step-view textarea'));
  const hidden = boxes.filter(t => t.scrollHeight > t.clientHeight + 1 || (t.value && t.clientHeight === 0))
    .map(t => ({ field: (t.closest('[data-key]') || t).dataset.key || t.id, text: t.value.slice(0, 30),
                 scrollHeight: t.scrollHeight, clientHeight: t.clientHeight }));
  return { boxes: boxes.length, withText: boxes.filter(t => t.value).length, hidden };
})()";

/// Wait until every text box on the step shows all its text (a box may grow a frame after its
/// text arrives), failing with the boxes that do not.
async fn every_text_box_shows_all_its_text(p: &Page) -> Value {
    let v = p
        .wait_js(TEXT_BOXES, |v| v["withText"].as_u64().is_some_and(|n| n > 0) && v["hidden"].as_array().is_some_and(|h| h.is_empty()))
        .await;
    println!("[{}] 一、总体情况：{} 个文本框，{} 个有文字，全部显示完整", p.engine.name(), v["boxes"], v["withText"]);
    v
}

async fn preview_text(p: &Page) -> String {
    p.wait_js(app_js::SETTLED, |v| v == true).await;
    p.eval(app_js::PREVIEW_TEXT).await.as_str().unwrap_or_default().to_string()
}

async fn example_filled(p: &Page) {
    p.click("#fill-example").await;
    p.wait_js(app_js::PREVIEW_TITLE, |v| v == EXAMPLE_TITLE).await;
}

/// 模板制作 from the header's report type: 用范文制作新模板 loads the workshop's module, a short
/// model report pasted becomes a template, kept in this browser, which the gallery then lists.
/// The time from the click to the workshop on screen is printed, not asserted.
async fn workshop_keeps_a_template(p: &Page, what: &str) {
    use gongwen::domain::workshop::edit::Workshop;
    let model = include_str!("../fixtures/workshop/union-report.txt");
    let (t, _) = Workshop::from_model(model).expect("the model makes a template").finished().expect("a template that can be saved");
    p.click("#report-type").await;
    p.wait_for("#gallery").await;
    p.eval("window.workshopClicked = performance.now()").await;
    p.click("#gallery-workshop").await;
    let ms =
        p.wait_js("document.getElementById('workshop-model') ? performance.now() - window.workshopClicked : null", Value::is_number).await;
    println!("[{}] {what}：从点“用范文制作新模板”到模板制作出现 {:.0} ms", p.engine.name(), ms.as_f64().unwrap_or_default());
    let paste = format!(
        "(() => {{ const a = document.getElementById('workshop-model'); a.value = {}; a.dispatchEvent(new InputEvent('input', {{ bubbles: true }})); return true; }})()",
        json!(model)
    );
    p.eval(&paste).await;
    p.click("#workshop-derive").await;
    p.wait_for("#workshop-form").await;
    p.click("#workshop-keep").await;
    p.wait_js("document.getElementById('workshop') === null", |v| v == true).await;
    let name = format!("(document.querySelector('#gallery .gallery-item[data-template=\"{}\"] .gallery-name') || {{}}).textContent", t.id);
    let shown = p.wait_js(&name, Value::is_string).await;
    assert!(shown.as_str().is_some_and(|s| s.starts_with(&t.name)), "{}: {shown}", p.engine.name());
    p.click("#gallery-close").await;
}

async fn claims_its_version(engine: Engine) {
    let p = Page::start(engine, Home::Blank).await;
    let (product, ua) = p.version().await;
    println!("[{}] {product} — {ua}", engine.name());
    match engine {
        Engine::Chromium86 | Engine::Chromium109 => {
            let build = if engine == Engine::Chromium86 { "86.0.4240" } else { "109.0.5412" };
            assert!(product.contains(&format!("Chrome/{build}")), "{product}");
            assert!(ua.contains(&format!("Chrome/{build}")), "{ua}");
        }
        Engine::FirefoxEsr => {
            // The Firefox under test is Debian's ESR package: its binary says so, and the
            // page sees that same version.
            let out = std::process::Command::new(std::env::var("FIREFOX").unwrap_or_else(|_| "/usr/bin/firefox-esr".into()))
                .arg("--version")
                .output()
                .expect("firefox-esr --version");
            let installed = String::from_utf8_lossy(&out.stdout).trim().to_string();
            let version = installed.strip_prefix("Mozilla Firefox ").and_then(|v| v.strip_suffix("esr"));
            let version = version.unwrap_or_else(|| panic!("not an ESR build: {installed}"));
            let major = version.split('.').next().unwrap_or_default();
            assert_eq!(product, format!("firefox {version}"), "the driver's browser is the installed ESR ({installed})");
            assert!(ua.contains(&format!("Firefox/{major}.0")), "{ua}");
        }
        Engine::WebKit => {
            // Debian's WebKitGTK: the version of the installed library is the one the driver reports.
            let out =
                std::process::Command::new("dpkg-query").args(["-W", "-f=${Version}", "libwebkit2gtk-4.1-0"]).output().expect("dpkg-query");
            let installed = String::from_utf8_lossy(&out.stdout).to_string();
            let version = installed.split(['-', '+']).next().unwrap_or_default();
            assert!(!version.is_empty(), "libwebkit2gtk-4.1-0 is not installed");
            assert!(product.ends_with(&format!(" {version}")), "{product} is not WebKitGTK {version}");
            assert!(ua.contains("AppleWebKit/") && !ua.contains("Chrome/"), "{ua}");
        }
    }
    p.finish().await;
}

async fn core_flow(engine: Engine) {
    let mut p = Page::open(engine, Home::served()).await;
    report_time(engine, "网页版", p.form_shown_ms);
    // The form: the outline's ten steps (the title, the parts, 完成), the first step's fields.
    let steps = p.eval("Array.from(document.querySelectorAll('.outline-step')).map(s => s.dataset.step)").await;
    assert_eq!(steps, json!(["title", "addressee", "opening", "overview", "problems", "measures", "closing", "signature", "date", "done"]));

    // Typing a placeholder: its finding shows under the field.
    p.goto_step("opening").await;
    p.type_into("#field-opening", TYPED).await;
    let findings = app_js::placeholder_findings("opening");
    let found = p.wait_js(&findings, |v| v.as_array().is_some_and(|a| !a.is_empty())).await;
    assert_eq!(found, json!([["*", 4, 5]]));

    // A reload keeps the text, the step and the finding.
    let ms = p.reload().await;
    report_time(engine, "刷新后", ms);
    p.wait_for(".step-view[data-step=opening]").await;
    assert_eq!(p.eval("document.querySelector('#field-opening').value").await, TYPED);
    assert_eq!(p.wait_js(&findings, |v| v.as_array().is_some_and(|a| !a.is_empty())).await, found);

    // 填入示例 (the draft has text: the example becomes a new draft), then every text box on
    // 一、总体情况 shows all its text — after typing, and laid out afresh after a reload.
    example_filled(&p).await;
    p.goto_step("overview").await;
    every_text_box_shows_all_its_text(&p).await;
    let before = preview_text(&p).await;
    assert!(before.starts_with(&format!("{EXAMPLE_TITLE}\r\n")), "{before:?}");
    let values = "Array.from(document.querySelectorAll('.step-view textarea, .step-view input')).map(f => f.value)";
    let fields = p.eval(values).await;
    p.reload().await;
    p.wait_for(".step-view[data-step=overview]").await;
    assert_eq!(p.eval(values).await, fields);
    assert_eq!(preview_text(&p).await, before);
    every_text_box_shows_all_its_text(&p).await;

    // The .txt download: the file holds what the preview shows. The example has no error, so it
    // comes without a question.
    p.click("#download-txt").await;
    let text = String::from_utf8(p.downloaded(&format!("{EXAMPLE_TITLE}.txt")).await).expect("UTF-8");
    assert_eq!(p.eval("document.getElementById('download-dialog')").await, Value::Null);
    assert_eq!(text, before);

    // Last year's report as the app's own Word file, dropped on 导入旧报告: the reader module is
    // fetched, and the report comes back as a new draft with the same text.
    word_file_imports_back(&p, &before).await;
    workshop_keeps_a_template(&p, "网页版").await;
    p.finish().await;
}

async fn word_file_imports_back(p: &Page, before: &str) {
    use gongwen::domain::model::{draft::Draft, template::xuanren};
    let t = xuanren();
    let bytes = gongwen::domain::output::docx::docx_bytes(&t, &Draft::example(&t)).expect("the Word file");
    p.click("#import-report").await;
    p.wait_for("#import-dialog").await;
    let drop = format!(
        "(() => {{ const dt = new DataTransfer(); dt.items.add(new File([new Uint8Array({})], '去年的报告.docx'));
           const at = document.querySelector('#import-dialog .field-hint');
           at.dispatchEvent(new DragEvent('drop', {{ dataTransfer: dt, bubbles: true, cancelable: true }})); return true; }})()",
        json!(bytes)
    );
    p.eval(&drop).await;
    p.wait_js("document.getElementById('import-dialog') === null", |v| v == true).await;
    p.wait_js(app_js::PREVIEW_TITLE, |v| v == EXAMPLE_TITLE).await;
    assert_eq!(preview_text(p).await, before);
}

async fn single_file(engine: Engine) {
    let (_dir, file) = dist::single_file_alone();
    let (_other_dir, other) = dist::single_file_alone();
    let mut p = Page::open(engine, Home::file(&file)).await;
    report_time(engine, "单文件版（file://）", p.form_shown_ms);
    example_filled(&p).await;
    p.goto_step("overview").await;
    every_text_box_shows_all_its_text(&p).await;

    // Opened from file://, the drafts survive a reload, and a second copy of the file in another
    // folder keeps drafts of its own (issue #20): it opens empty, and what is typed there is not
    // the first copy's.
    p.reload().await;
    assert_eq!(p.wait_js(app_js::PREVIEW_TITLE, |v| v == EXAMPLE_TITLE).await, EXAMPLE_TITLE, "{}: kept over a reload", engine.name());
    p.goto(&Home::file(&other)).await;
    p.goto_step("opening").await;
    assert_eq!(
        p.eval("document.querySelector('#field-opening').value").await,
        "",
        "{}: the second copy opens its own draft",
        engine.name()
    );
    p.type_into("#field-opening", "第二份副本的开头").await;
    p.goto(&Home::file(&file)).await;
    assert_eq!(p.wait_js(app_js::PREVIEW_TITLE, |v| v == EXAMPLE_TITLE).await, EXAMPLE_TITLE, "{}: the first copy's draft", engine.name());
    p.goto(&Home::file(&other)).await;
    p.goto_step("opening").await;
    assert_eq!(p.eval("document.querySelector('#field-opening').value").await, "第二份副本的开头", "{}", engine.name());
    workshop_keeps_a_template(&p, "单文件版（file://）").await;
    p.finish().await;
}

/// The matrix's own checks: each way of collecting page errors catches them, and a test that fails
/// leaves no browser process behind.
mod harness {
    use super::*;
    use std::sync::{Arc, Mutex};
    use std::time::{Duration, Instant};

    async fn page_errors_are_caught(engine: Engine) {
        let p = Page::open(engine, Home::served()).await;
        assert!(p.errors().await.is_empty(), "{:?}", p.errors().await);
        p.eval(
            "(() => { console.error('故意的错误'); setTimeout(() => { throw new Error('故意的异常'); }, 0);
                  Promise.reject(new Error('故意的拒绝')); return null; })()",
        )
        .await;
        let deadline = Instant::now() + Duration::from_secs(10);
        let want = ["故意的错误", "故意的异常", "故意的拒绝"];
        loop {
            let errors = p.errors().await;
            if want.iter().all(|w| errors.iter().any(|e| e.contains(w))) {
                break;
            }
            assert!(Instant::now() < deadline, "{}: not every error was caught: {errors:#?}", engine.name());
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    #[tokio::test]
    #[ignore = "needs dist/ and the engines: run scripts/test.sh"]
    async fn page_errors_are_caught_over_devtools() {
        page_errors_are_caught(Engine::Chromium109).await;
    }

    #[tokio::test]
    #[ignore = "needs dist/ and the engines: run scripts/test.sh"]
    async fn page_errors_are_caught_over_webdriver_bidi() {
        page_errors_are_caught(Engine::FirefoxEsr).await;
    }

    #[tokio::test]
    #[ignore = "needs dist/ and the engines: run scripts/test.sh"]
    async fn page_errors_are_caught_by_the_collectors_in_the_page() {
        page_errors_are_caught(Engine::WebKit).await;
    }

    /// A test that panics with its browser open: once it has unwound, none of the browser's
    /// processes is left (for WebKit: nor xvfb-run's X server, the driver, MiniBrowser, its
    /// web and network processes).
    async fn a_failing_test_leaves_no_process_behind(engine: Engine) {
        let seen: Arc<Mutex<Vec<u32>>> = Arc::default();
        let slot = seen.clone();
        let test = tokio::spawn(async move {
            let p = Page::start(engine, Home::Blank).await;
            // Something in the page, so that the engine has its page processes up.
            p.eval("document.title").await;
            *slot.lock().expect("lock") = p.processes();
            // A panic, as a failed assertion makes (resumed directly: no message, no backtrace).
            std::panic::resume_unwind(Box::new("a failing test"));
        });
        assert!(test.await.expect_err("the test fails").is_panic());
        let pids = seen.lock().expect("lock").clone();
        assert!(pids.len() > 1, "{}: the browser had processes {pids:?}", engine.name());
        let left = process::alive(&pids);
        // alive() leaves out zombies; none may be left either (Group reaps what it killed).
        let zombies: Vec<u32> = pids.iter().copied().filter(|p| std::path::Path::new(&format!("/proc/{p}")).exists()).collect();
        assert!(zombies.is_empty(), "{}: not reaped: {zombies:?}", engine.name());
        assert!(left.is_empty(), "{}: left running: {left:?} of {pids:?}", engine.name());
    }

    #[tokio::test]
    #[ignore = "needs dist/ and the engines: run scripts/test.sh"]
    async fn a_failing_test_leaves_no_chromium_behind() {
        a_failing_test_leaves_no_process_behind(Engine::Chromium86).await;
    }

    #[tokio::test]
    #[ignore = "needs dist/ and the engines: run scripts/test.sh"]
    async fn a_failing_test_leaves_no_webkit_behind() {
        a_failing_test_leaves_no_process_behind(Engine::WebKit).await;
    }
}

macro_rules! engine_tests {
    ($($module:ident: $engine:expr;)*) => {$(
        mod $module {
            use super::*;

            #[tokio::test]
            #[ignore = "needs dist/ and the engines: run scripts/test.sh"]
            async fn is_the_version_it_claims() {
                claims_its_version($engine).await;
            }

            #[tokio::test]
            #[ignore = "needs dist/ and the engines: run scripts/test.sh"]
            async fn core_flow_on_the_served_page() {
                core_flow($engine).await;
            }

            #[tokio::test]
            #[ignore = "needs dist/ and the engines: run scripts/test.sh"]
            async fn single_file_from_disk() {
                single_file($engine).await;
            }
        }
    )*};
}

engine_tests! {
    chromium_86: Engine::Chromium86;
    chromium_109: Engine::Chromium109;
    firefox_esr: Engine::FirefoxEsr;
    webkit: Engine::WebKit;
}
