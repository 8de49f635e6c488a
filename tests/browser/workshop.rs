//! 模板制作 in the release build (loaded when it opens: its own module, `src/workshop_main.rs`): the gallery opened from the header's report type name; 用范文制作新模板;
//! a model report pasted and the proposed parts and key figures shown; a part renamed, a key
//! figure renamed and another made fixed text; the preview; saved as a 本机模板, listed in the
//! gallery, a draft of it filled and downloaded (.txt equal to the native rendering of the same
//! edits, .docx holding its paragraphs); after a reload, the type and its draft are still there.
use std::io::Read;

use super::harness::Browser;
use gongwen::domain::model::draft::Draft;
use gongwen::domain::output::render::{file_stem, paragraphs, title, txt_bytes};
use gongwen::domain::workshop::edit::{Edit, Workshop};
use serde_json::{json, Value};

const MODEL: &str = include_str!("../fixtures/workshop/union-report.txt");
const SUBTITLE: &str = "return document.querySelector('.app-subtitle')?.textContent ?? null;";
const FORM_TEXT: &str = "return document.getElementById('workshop-form')?.textContent ?? null;";

fn docx_text(bytes: &[u8]) -> String {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap_or_else(|e| panic!("not a zip: {e}"));
    let mut xml = String::new();
    archive.by_name("word/document.xml").expect("word/document.xml").read_to_string(&mut xml).expect("UTF-8");
    let mut text = String::new();
    let mut in_tag = false;
    for c in xml.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text
}

/// The page's requests so far for 模板制作's files (`workshop/` beside the page).
const WORKSHOP_REQUESTS: &str =
    "return performance.getEntriesByType('resource').map(e => e.name).filter(n => n.includes('/workshop/')).map(n => n.split('/workshop/')[1].replace(/-[0-9a-f]{16}/, '-HASH'));";

/// The gallery from the first screen, in the page as served: the report type's name in the
/// header is a button that opens it, and a type chosen there becomes the draft's.
#[tokio::test]
#[ignore = "needs dist/ and Chromium: run scripts/test.sh"]
async fn the_report_type_in_the_header_opens_the_gallery() {
    let b = Browser::open().await;
    b.wait_js(SUBTITLE, |v| v == &json!("选人用人工作情况报告")).await;
    let button = b.js("const e = document.getElementById('report-type'); return [e.tagName, e.textContent];").await;
    assert_eq!(button, json!(["BUTTON", "选人用人工作情况报告"]));
    b.click("#report-type").await;
    b.wait_for("#gallery").await;
    let gallery_title = b.js("return document.getElementById('gallery-title').textContent;").await;
    assert_eq!(gallery_title, json!("新建草稿：选择报告类型"));
    b.click("#gallery .gallery-item[data-template=\"ideology-responsibility\"] .gallery-choose").await;
    b.wait_js("return document.getElementById('gallery');", Value::is_null).await;
    b.wait_js(SUBTITLE, |v| v == &json!("意识形态工作责任制落实情况报告")).await;
    b.finish().await;
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run scripts/test.sh"]
async fn a_model_report_becomes_a_kept_template_that_drafts_and_survives_a_reload() {
    // The same edits natively: what the page must save.
    let mut w = Workshop::from_model(MODEL).expect("the model makes a template");
    let practices = w.template.parts.iter().position(|p| p.id == "practices").expect("a 主要工作 section");
    for edit in [
        Edit::Rename { part: practices, name: "工会工作开展情况".into() },
        Edit::SlotLabel { slot: "count1".into(), label: "会员总数".into() },
        Edit::Fix("count4".into()),
    ] {
        w.apply(edit).expect("the edit");
    }
    let (t, _) = w.finished().expect("a template that can be saved");

    let b = Browser::open().await;
    // The gallery from the first screen: the report type's name in the header.
    b.wait_js(SUBTITLE, |v| v == &json!("选人用人工作情况报告")).await;
    b.click("#report-type").await;
    b.wait_for("#gallery").await;
    // The workshop is its own module, loaded only now: nothing of it came with the page.
    assert_eq!(b.js(WORKSHOP_REQUESTS).await, json!([]));
    b.click("#gallery-workshop").await;
    b.wait_for("#workshop").await;
    assert_eq!(b.js(WORKSHOP_REQUESTS).await, json!(["start-HASH.js", "gongwen-workshop-HASH.js", "gongwen-workshop-HASH_bg.wasm"]));
    b.wait_js("return document.getElementById('gallery');", Value::is_null).await;

    // The model pasted: the proposed parts, as the clerk's form and on the model's lines.
    b.wait_for("#workshop-model").await;
    b.client
        .execute("const a = document.getElementById('workshop-model'); a.value = arguments[0]; a.dispatchEvent(new InputEvent('input', { bubbles: true })); return null;", vec![json!(MODEL)])
        .await
        .expect("paste");
    b.click("#workshop-derive").await;
    b.wait_for("#workshop-form").await;
    let parts = b.js("return Array.from(document.querySelectorAll('#workshop-form .workshop-form-part')).map(p => p.dataset.part);").await;
    let derived: Vec<&str> = w.template.parts.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(parts, json!(derived));
    let marked = b.js("return Array.from(document.querySelectorAll('#workshop-model-view li[data-part=practices] mark')).map(m => [m.dataset.slot, m.textContent]);").await;
    assert!(marked.as_array().is_some_and(|m| m.contains(&json!(["count1", "86"])) && m.contains(&json!(["count4", "6"]))), "{marked}");
    assert_eq!(b.js("return document.querySelectorAll('#workshop-model-view li.is-unplaced').length;").await, json!(0));
    assert_eq!(b.js("return document.getElementById('workshop-flaws').textContent;").await, json!("模板检查通过，可以保存。"));
    b.screenshot("workshop-proposed").await;
    let axe = super::axe::axe_source();
    assert_eq!(super::axe::violations(&b, &axe).await, Vec::<String>::new(), "no WCAG 2.1 A/AA violation in the workshop");

    // A part renamed (the form follows), a key figure renamed, another made fixed text.
    b.type_into(&format!("#workshop-part-{practices}-name"), "工会工作开展情况").await;
    b.click("#workshop-adjust-title").await; // leaving the box sends the change
    b.wait_js(FORM_TEXT, |v| v.as_str().is_some_and(|s| s.contains("一、工会工作开展情况"))).await;
    b.type_into("#workshop-slot-count1-label", "会员总数").await;
    b.click("#workshop-adjust-title").await;
    b.wait_js("return document.querySelector('#workshop-form .workshop-chip[data-slot=count1]')?.textContent ?? null;", |v| {
        v == &json!("会员总数")
    })
    .await;
    b.click("#workshop-slot-count4-fix").await;
    b.wait_js("return document.querySelectorAll('#workshop-model-view mark[data-slot=count4]').length;", |v| v == &json!(0)).await;
    assert_eq!(b.js("return document.querySelectorAll('#workshop-form [data-slot=count4]').length;").await, json!(0));

    // 预览（以起草人身份）: the report as the drafter's example gives it.
    b.click("#workshop-preview-toggle").await;
    let shown = b.wait_js("return document.getElementById('workshop-preview')?.textContent ?? null;", Value::is_string).await;
    for p in paragraphs(&t, &Draft::example(&t)).iter().skip(1) {
        assert!(shown.as_str().is_some_and(|s| s.contains(&p.text)), "the preview lacks “{}”", p.text);
    }

    // Kept in this browser: the gallery lists it; a draft of it is filled and downloaded.
    b.click("#workshop-keep").await;
    b.wait_js("return document.getElementById('workshop');", Value::is_null).await;
    let item = format!("#gallery .gallery-item[data-template=\"{}\"]", t.id);
    let name = b.wait_for(&format!("{item} .gallery-name")).await.text().await.expect("text");
    assert!(name.starts_with(&t.name), "{name}");
    let stored = b.js(&format!("return localStorage.getItem('gongwen.template.{}');", t.id)).await;
    assert_eq!(stored.as_str().map(|s| gongwen::domain::model::template::Template::from_json(s).ok()), Some(Some(t.clone())));
    b.click(&format!("{item} .gallery-choose")).await;
    b.wait_js(SUBTITLE, |v| v == &json!(t.name)).await;
    b.click("#fill-example").await;
    let example = Draft::example(&t);
    b.preview_title(|shown| shown == title(&t, &example)).await;
    let stem = file_stem(&t, &example);
    b.click("#download-txt").await;
    assert_eq!(String::from_utf8_lossy(&b.downloaded(&format!("{stem}.txt")).await), String::from_utf8_lossy(&txt_bytes(&t, &example)));
    b.click("#download-docx").await;
    let docx = docx_text(&b.downloaded(&format!("{stem}.docx")).await);
    for p in paragraphs(&t, &example) {
        assert!(docx.contains(&p.text), "the .docx lacks “{}”", p.text);
    }
    assert!(docx.contains("一、工会工作开展情况") && docx.contains("开展职工文体活动6次"));

    // A reload: the draft opens with its kept template, which the gallery still lists.
    b.client.refresh().await.expect("reload");
    b.wait_for(".app").await;
    b.wait_js(SUBTITLE, |v| v == &json!(t.name)).await;
    assert_eq!(b.preview_text().await.lines().next(), Some(title(&t, &example).as_str()));
    b.click("#report-type").await;
    b.wait_for(&format!("{item} .gallery-choose")).await;
    b.click("#gallery-close").await;
    b.finish().await;
}

/// 修改模板 on a built-in type: the workshop opens on its template as a copy (an id and a name of
/// its own, every part as built in), which is kept beside the built-in one, not over it.
#[tokio::test]
#[ignore = "needs dist/ and Chromium: run scripts/test.sh"]
async fn a_built_in_template_is_edited_as_a_copy() {
    let t = gongwen::domain::model::builtin::load("xuanren-report").and_then(Result::ok).expect("built in");
    let (copy, _) = Workshop::from_template(&t, true).finished().expect("the copy can be saved");
    let b = Browser::open().await;
    b.click("#report-type").await;
    b.click("#gallery .gallery-item[data-template=\"xuanren-report\"] .gallery-edit").await;
    b.wait_for("#workshop-form").await;
    let parts = b.js("return Array.from(document.querySelectorAll('#workshop-form .workshop-form-part')).map(p => p.dataset.part);").await;
    let ids: Vec<&str> = t.parts.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(parts, json!(ids));
    assert_eq!(b.js("return document.getElementById('workshop-name').value;").await, json!(copy.name));
    b.click("#workshop-keep").await;
    let item = format!("#gallery .gallery-item[data-template=\"{}\"] .gallery-name", copy.id);
    assert!(b.wait_for(&item).await.text().await.expect("text").starts_with(&copy.name));
    // The built-in type is still there, as it was.
    let builtin = b.wait_for("#gallery .gallery-item[data-template=\"xuanren-report\"] .gallery-name").await.text().await.expect("text");
    assert_eq!(builtin, t.name);
    b.click("#gallery-close").await;
    b.finish().await;
}

/// The single file alone, from disk: 模板制作 starts from its data block (nothing fetched, the
/// strict policy); closed, it opens again, makes a template from a model, keeps it, and the
/// gallery lists it.
#[tokio::test]
#[ignore = "needs dist/ and Chromium: run scripts/test.sh"]
async fn the_single_file_opens_the_workshop_from_its_own_copy() {
    let w = Workshop::from_model(MODEL).expect("the model makes a template");
    let (t, _) = w.finished().expect("a template that can be saved");
    let (_dir, file) = super::harness::single_file_alone();
    let b = Browser::open_file(&file).await;
    b.wait_js(SUBTITLE, |v| v == &json!("选人用人工作情况报告")).await;
    b.click("#report-type").await;
    b.click("#gallery-workshop").await;
    b.wait_for("#workshop-model").await;
    b.click("#workshop-close").await;
    b.wait_js("return document.getElementById('workshop');", Value::is_null).await;
    b.click("#report-type").await;
    b.click("#gallery-workshop").await;
    b.wait_for("#workshop-model").await;
    b.client
        .execute("const a = document.getElementById('workshop-model'); a.value = arguments[0]; a.dispatchEvent(new InputEvent('input', { bubbles: true })); return null;", vec![json!(MODEL)])
        .await
        .expect("paste");
    b.click("#workshop-derive").await;
    b.wait_for("#workshop-form").await;
    b.click("#workshop-keep").await;
    b.wait_js("return document.getElementById('workshop');", Value::is_null).await;
    let name = b.wait_for(&format!("#gallery .gallery-item[data-template=\"{}\"] .gallery-name", t.id)).await.text().await.expect("text");
    assert!(name.starts_with(&t.name), "{name}");
    b.click("#gallery-close").await;
    b.finish().await;
}
