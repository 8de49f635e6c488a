//! axe-core (npm `axe-core`, installed by scripts/lib.sh) in the real page: no WCAG 2.1 A/AA
//! violation on the empty form, the example, the findings panel, 我的草稿, the import dialog and
//! the 完成 step. The script is run over WebDriver, which the page's Content-Security-Policy does
//! not govern in Chromium (it allows no inline script).
use crate::harness::Browser;
use serde_json::{json, Value};
use std::path::PathBuf;

/// axe.min.js: `$AXE_CORE`, else where scripts/lib.sh installs it.
pub(crate) fn axe_source() -> String {
    let path = std::env::var_os("AXE_CORE").map(PathBuf::from).unwrap_or_else(|| {
        let tools = std::env::var_os("GONGWEN_TOOLS")
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from(std::env::var_os("HOME").expect("HOME")).join(".cache/gongwen-tools"));
        tools.join("axe-core/node_modules/axe-core/axe.min.js")
    });
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("axe-core not at {} ({e}): run scripts/test.sh, which installs it", path.display()))
}

/// The WCAG 2.1 A/AA violations on the page as it is now: `rule: target…` lines.
pub(crate) async fn violations(b: &Browser, axe: &str) -> Vec<String> {
    if b.js("return typeof window.axe;").await != "object" {
        b.js(&format!("{axe}\nreturn null;")).await;
    }
    let result = b
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
                .then(r => done({ ok: r.passes.length, bad: r.violations.map(v => v.id + ': ' + v.help + ' → ' +
                    v.nodes.map(n => n.target.join(' ')).join(' | ')) }))
                .catch(e => done({ error: String(e) }));",
            vec![],
        )
        .await
        .expect("axe runs");
    assert_eq!(result["error"], Value::Null, "{result}");
    assert!(result["ok"].as_u64().is_some_and(|n| n > 10), "axe checked something: {result}");
    result["bad"].as_array().map(|a| a.iter().filter_map(|v| v.as_str().map(String::from)).collect()).unwrap_or_default()
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run scripts/test.sh"]
async fn axe_finds_no_wcag_a_or_aa_violation() {
    let axe = axe_source();
    let b = Browser::open().await;
    let mut found = Vec::new();
    let mut check = |name: &str, v: Vec<String>| found.extend(v.into_iter().map(|v| format!("{name}: {v}")));
    check("empty form", violations(&b, &axe).await);
    // A finding with its one-click fix under the field and in the open panel.
    b.goto_step("opening").await;
    b.type_into("#field-opening", "现将**情况,报告如下").await;
    b.wait_for("#findings-panel[open] .apply-fix").await;
    b.wait_for(".guided-field .finding .apply-fix").await;
    check("findings panel", violations(&b, &axe).await);
    b.click("#fill-example").await;
    b.wait_for(".notice").await;
    b.goto_step("problems").await;
    check("example", violations(&b, &axe).await);
    b.goto_step("done").await;
    check("完成", violations(&b, &axe).await);
    b.click("#my-drafts").await;
    b.wait_for("#drafts-panel").await;
    check("我的草稿", violations(&b, &axe).await);
    b.click("#draft-new").await;
    b.wait_for("#gallery .gallery-choose").await;
    check("新建草稿：选择报告类型", violations(&b, &axe).await);
    b.click("#gallery-close").await;
    b.wait_js("return !!document.getElementById('gallery');", |v| v == &json!(false)).await;
    b.click("#drafts-close").await;
    b.wait_js("return !!document.getElementById('drafts-panel');", |v| v == &json!(false)).await;
    b.click("#import-report").await;
    b.wait_for(".import-dialog").await;
    check("导入旧报告", violations(&b, &axe).await);
    assert!(found.is_empty(), "WCAG 2.1 A/AA violations:\n{}", found.join("\n"));
    b.finish().await;
}
