//! 模板制作 in the release build (loaded when it opens: its own module, `src/workshop_main.rs`): the gallery opened from the header's report type name; 用范文制作新模板;
//! a model report pasted and the proposed parts and key figures shown; a part renamed, a key
//! figure renamed and another made fixed text; the preview; saved as a 本机模板, listed in the
//! gallery, a draft of it filled and downloaded (.txt equal to the native rendering of the same
//! edits, .docx holding its paragraphs); after a reload, the type and its draft are still there.
use std::io::Read;

use super::harness::Browser;
use gongwen::domain::model::draft::Draft;
use gongwen::domain::model::template::{Genre, Relation, Template};
use gongwen::domain::output::render::{file_stem, paragraphs, title, txt_bytes};
use gongwen::domain::workshop::edit::{Edit, ItemWords, Workshop};
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
    // The app itself, not the screen kept from the last visit (xtask/js/restore.js), which looks the same.
    b.wait_for(super::harness::app_js::STARTED).await;
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
    // Copied again: an id and a name of its own beside the first copy, which stays.
    let (second, _) = Workshop::from_template_beside(&t, true, &[(copy.id.clone(), copy.name.clone())]).finished().expect("saved");
    assert_ne!((&second.id, &second.name), (&copy.id, &copy.name));
    b.click("#gallery .gallery-item[data-template=\"xuanren-report\"] .gallery-edit").await;
    b.wait_for("#workshop-form").await;
    assert_eq!(b.js("return document.getElementById('workshop-name').value;").await, json!(second.name));
    b.click("#workshop-keep").await;
    let listed = format!("#gallery .gallery-item[data-template=\"{}\"] .gallery-name", second.id);
    assert!(b.wait_for(&listed).await.text().await.expect("text").starts_with(&second.name));
    assert!(b.wait_for(&item).await.text().await.expect("text").starts_with(&copy.name), "the first copy is still there");
    b.click("#gallery-close").await;
    b.finish().await;
}

/// The page's text box `css` set by typing and left (the form takes a change on leaving a box).
async fn retype(b: &Browser, css: &str, text: &str) {
    b.type_into(css, text).await;
    b.click("#workshop-adjust-title").await;
}

const FORM_PARTS: &str = "return Array.from(document.querySelectorAll('#workshop-form .workshop-form-part')).map(p => [p.dataset.part, p.querySelector('h4').firstChild.textContent]);";
const FLAWS: &str = "return document.getElementById('workshop-flaws').textContent;";
const RELATIONS: &str = "return Array.from(document.querySelectorAll('#workshop-relations li')).map(l => l.firstChild.textContent);";

/// Parts merged and split, a section's items and their words, relations removed, added and
/// refused live, in the page as the same edits give natively; then 预览（以起草人身份）: the
/// drafter's outline and guided boxes holding the example, the words changed, tried without
/// anything saved, and the copy kept.
#[tokio::test]
#[ignore = "needs dist/ and Chromium: run scripts/test.sh"]
async fn parts_are_merged_and_split_relations_changed_and_the_preview_is_the_drafters_form() {
    let mut w = Workshop::from_model(MODEL).expect("the model makes a template");
    let at = |w: &Workshop, id: &str| w.template.parts.iter().position(|p| p.id == id).expect("the part");
    let (practices, plans) = (at(&w, "practices"), at(&w, "plans"));
    let form_parts = |w: &Workshop| json!(w.proposal().parts.iter().map(|p| json!([p.id, p.label])).collect::<Vec<_>>());

    let b = Browser::open().await;
    b.click("#report-type").await;
    b.click("#gallery-workshop").await;
    // A text in English first: a Chinese message, and the text stays in the box.
    const ENGLISH: &str = "Annual report of the finance bureau. We held 12 inspections.";
    let paste = |text: &str| {
        b.client.execute(
            "const a = document.getElementById('workshop-model'); a.value = arguments[0]; a.dispatchEvent(new InputEvent('input', { bubbles: true })); return null;",
            vec![json!(text)],
        )
    };
    b.wait_for("#workshop-model").await;
    paste(ENGLISH).await.expect("paste");
    b.click("#workshop-derive").await;
    let refused = b.wait_js("return document.getElementById('workshop-message')?.textContent ?? null;", Value::is_string).await;
    assert!(refused.as_str().is_some_and(|s| s.contains("几乎没有汉字")), "{refused}");
    assert_eq!(b.js("return document.getElementById('workshop-model').value;").await, json!(ENGLISH));
    paste(MODEL).await.expect("paste");
    b.click("#workshop-derive").await;
    b.wait_for("#workshop-form").await;
    assert_eq!(b.js("return document.getElementById('workshop-message');").await, Value::Null);
    assert_eq!(b.js(FORM_PARTS).await, form_parts(&w));

    // 主要工作 merged with 存在的问题: one section, the rest numbered again.
    w.apply(Edit::MergeWithNext(practices)).expect("merge");
    b.click(&format!("#workshop-part-{practices}-merge")).await;
    let merged = form_parts(&w);
    b.wait_js(FORM_PARTS, |v| v == &merged).await;
    assert!(merged.to_string().contains("二、下一步打算"), "{merged}");
    // 下一步打算 split at its second item: a new numbered section after it.
    let plans = plans - 1;
    w.apply(Edit::Split { part: plans, at: 1 }).expect("split");
    b.wait_for(&format!("#workshop-part-{plans}-split")).await.select_by_value("1").await.expect("choose where to split");
    let split = form_parts(&w);
    b.wait_js(FORM_PARTS, |v| v == &split).await;
    assert!(split.to_string().contains("三、新的部分"), "{split}");
    // The merged section's items: what one is called, and its heading's hint.
    w.apply(Edit::Items { part: practices, what: ItemWords::Label, text: "不足".into() }).expect("items' name");
    retype(&b, &format!("#workshop-part-{practices}-items-label"), "不足").await;
    b.wait_js(FORM_TEXT, |v| v.as_str().is_some_and(|s| s.contains("每条一不足"))).await;

    // Relations: the guessed sum removed and added again through the form, a wrong one named live.
    let sum = w.template.relations[0].clone();
    let before = b.js(RELATIONS).await;
    assert_eq!(before.as_array().map(Vec::len), Some(w.template.relations.len()));
    b.click("#workshop-relations li:first-child button").await;
    b.wait_js(RELATIONS, |v| v.as_array().map(Vec::len) == Some(w.template.relations.len() - 1)).await;
    let Relation::Sum { total, of } = &sum else { panic!("the first guess is a sum: {sum:?}") };
    for (k, id) in [total, &of[0], &of[1]].into_iter().enumerate() {
        b.wait_for(&format!("#workshop-relation-{k}")).await.select_by_value(id).await.expect("choose a key figure");
    }
    b.click("#workshop-relation-add").await;
    b.wait_js(RELATIONS, |v| v.as_array().map(Vec::len) == before.as_array().map(Vec::len)).await;
    assert_eq!(b.js(RELATIONS).await.as_array().and_then(|r| r.last().cloned()), before.as_array().and_then(|r| r.first().cloned()));
    assert_eq!(b.js(FLAWS).await, json!("模板检查通过，可以保存。"));
    b.wait_for("#workshop-relation-kind").await.select_by_value("2").await.expect("next year");
    b.click("#workshop-relation-add").await; // 甲 is still a count, not a year
    let flaw = b.wait_js(FLAWS, |v| v.as_str().is_some_and(|s| s.contains("relations["))).await;
    let third = format!("第{}条关系", w.template.relations.len() + 1);
    assert!(flaw.as_str().is_some_and(|s| s.contains(&third) && s.contains("年份")), "{flaw}");
    let at_row = b.js("return document.querySelector('#workshop-relations li:last-child .notice')?.textContent ?? null;").await;
    assert!(at_row.as_str().is_some_and(|s| s.contains("年份")), "the relation's own row: {at_row}");
    b.click("#workshop-relations li:last-child button").await;
    b.wait_js(FLAWS, |v| v == &json!("模板检查通过，可以保存。")).await;
    w.apply(Edit::RemoveRelation(0)).expect("remove");
    w.apply(Edit::AddRelation(sum.clone())).expect("add");
    // Meeting material ending otherwise; how a plan is linked to the problems it answers.
    b.wait_for("#workshop-genre").await.select_by_value("1").await.expect("meeting material");
    retype(&b, "#workshop-closing", "以上报告，请予审议。").await;
    b.wait_js("return document.querySelector('#workshop-form [data-part=closing]')?.textContent ?? null;", |v| {
        v.as_str().is_some_and(|s| s.contains("以上报告，请予审议。"))
    })
    .await;
    retype(&b, &format!("#workshop-part-{plans}-items-answers-hint"), "勾选这条打算解决的不足。").await;
    w.apply(Edit::Genre(Genre::Meeting)).expect("genre");
    w.apply(Edit::Closing("以上报告，请予审议。".into())).expect("closing");
    w.apply(Edit::Items { part: plans, what: ItemWords::AnswersHint, text: "勾选这条打算解决的不足。".into() }).expect("answers' hint");
    let (t, _) = w.finished().expect("a template that can be saved");

    // 预览（以起草人身份）: the drafter's outline, then each step's boxes holding the example.
    let drafts_before = b.js("return localStorage.getItem('gongwen.drafts.v1');").await;
    b.click("#workshop-preview-toggle").await;
    let steps = b
        .wait_js("return Array.from(document.querySelectorAll('#workshop-preview .outline-step')).map(s => s.dataset.step);", |v| {
            v.as_array().is_some_and(|a| !a.is_empty())
        })
        .await;
    let want: Vec<&str> = std::iter::once("title").chain(t.parts.iter().map(|p| p.id.as_str())).collect();
    assert_eq!(steps, json!(want));
    // The example checks clean as the drafter sees it: no step with a problem.
    assert_eq!(b.js("return document.querySelectorAll('#workshop-preview .outline-badge').length;").await, json!(0));
    let example = Draft::example(&t);
    let inputs = b.js("return Array.from(document.querySelectorAll('#workshop-trial-step input')).map(i => i.value);").await;
    let unit = t.slot("unit").map(|s| s.example.clone()).expect("the unit");
    assert!(inputs.as_array().is_some_and(|a| a.contains(&json!(unit))), "the title's boxes: {inputs}");
    let shown = b.js("return document.querySelector('#workshop-preview .preview-page').textContent;").await;
    for p in paragraphs(&t, &example).iter().skip(1) {
        assert!(shown.as_str().is_some_and(|s| s.contains(&p.text)), "the drafter's preview lacks “{}”", p.text);
    }
    // The merged section as a step: its lead, its items with the example, added as 不足.
    b.click("#workshop-preview .outline-step[data-step=practices]").await;
    b.wait_js("return document.getElementById('workshop-trial-step').dataset.step;", |v| v == &json!("practices")).await;
    let boxes = b.js("return Array.from(document.querySelectorAll('#workshop-trial-step textarea')).map(a => a.value);").await;
    // The page's form is behind the dialog with the same components: no id is there twice, and
    // each box's label and hint in the preview are the preview's own.
    let twice = b
        .js("const ids = Array.from(document.querySelectorAll('[id]')).map(e => e.id);
             return ids.filter((id, i) => ids.indexOf(id) !== i);")
        .await;
    assert_eq!(twice, json!([]), "ids on the page twice while the preview is open");
    let astray = b
        .js("const trial = document.getElementById('workshop-preview');
             return Array.from(trial.querySelectorAll('label[for], [aria-describedby]'))
               .map(e => e.getAttribute('for') || e.getAttribute('aria-describedby'))
               .filter(id => !trial.contains(document.getElementById(id)));")
        .await;
    assert_eq!(astray, json!([]), "labels or hints in the preview that name the page's elements");
    let items = &t.parts[practices].items.as_ref().expect("items").examples;
    for ex in items {
        assert!(boxes.as_array().is_some_and(|a| a.iter().any(|v| v.as_str().is_some_and(|v| v.contains(&ex.heading)))), "{boxes}");
    }
    let add = b.js("return document.querySelector('#workshop-trial-step .add-item').textContent;").await;
    assert_eq!(add, json!("添加一个不足"));
    let plans_id = t.parts[plans].id.clone();
    b.click(&format!("#workshop-preview .outline-step[data-step={plans_id}]")).await;
    let hint = b
        .wait_js("return document.querySelector('#workshop-trial-step .answers .field-hint')?.textContent ?? null;", Value::is_string)
        .await;
    assert_eq!(hint, json!("勾选这条打算解决的不足。"));
    b.click("#workshop-preview .outline-step[data-step=practices]").await;
    b.wait_js("return document.getElementById('workshop-trial-step').dataset.step;", |v| v == &json!("practices")).await;
    // Tried: a box typed changes the drafter's preview, and nothing is saved.
    b.type_into("#workshop-trial-step textarea", "试写的一条").await;
    b.wait_js("return document.querySelector('#workshop-preview .preview-page').textContent;", |v| {
        v.as_str().is_some_and(|s| s.contains("试写的一条"))
    })
    .await;
    assert_eq!(b.js("return localStorage.getItem('gongwen.drafts.v1');").await, drafts_before);
    b.screenshot("workshop-trial").await;

    b.click("#workshop-preview-toggle").await;
    b.wait_for("#workshop-form").await;
    b.click("#workshop-keep").await;
    b.wait_js("return document.getElementById('workshop');", Value::is_null).await;
    let stored = b.js(&format!("return localStorage.getItem('gongwen.template.{}');", t.id)).await;
    assert_eq!(stored.as_str().map(|s| Template::from_json(s).ok()), Some(Some(t.clone())));
    b.click("#gallery-close").await;
    b.finish().await;
}

/// The single file alone, from disk: 模板制作 starts from its data block (nothing fetched, the
/// strict policy); closed, it opens again, makes a template from a model, keeps it, and the
/// gallery lists it.
/// Every script element the page gets, from the parser or from a script, kept in
/// `window.__scripts` (installed before any of the page's own scripts).
const SCRIPTS_ADDED: &str = "window.__scripts = [];
  new MutationObserver((records) => records.forEach((r) => r.addedNodes.forEach((n) => {
    if (n.tagName === 'SCRIPT') window.__scripts.push(n);
  }))).observe(document, { childList: true, subtree: true });";
/// For each module script the page got so far: whether it is 模板制作's (its glue defines
/// `open_workshop`).
const MODULE_SCRIPTS: &str =
    "return window.__scripts.filter((s) => s.type === 'module').map((s) => s.textContent.includes('function open_workshop('));";

/// The single file carries 模板制作's code in a block the browser does not run, so a clerk who
/// never opens the workshop does not pay for compiling it: up to the click, the only module
/// script the page has is the app's; the workshop's becomes one when it is opened, once.
#[tokio::test]
#[ignore = "needs dist/ and Chromium: run scripts/test.sh"]
async fn the_single_file_compiles_nothing_of_the_workshop_until_it_is_opened() {
    let (_dir, file) = super::harness::single_file_alone();
    let html = std::fs::read_to_string(&file).expect("the single file");
    assert_eq!(html.matches("<script type=\"module\">").count(), 1, "only the app's module script");
    let code = html.find("<script type=\"text/plain\" id=\"gongwen-workshop-code\">").expect("the workshop's code, not run");
    assert!(html[code..].contains("function open_workshop("), "the workshop's glue is in its block");

    let b = Browser::open_file(&file).await;
    b.cdp("Page.addScriptToEvaluateOnNewDocument", json!({ "source": SCRIPTS_ADDED })).await;
    b.client.refresh().await.expect("reload");
    b.wait_for(super::harness::app_js::STARTED).await;
    b.wait_js(SUBTITLE, |v| v == &json!("选人用人工作情况报告")).await;
    b.click("#report-type").await;
    b.wait_for("#gallery").await;
    assert_eq!(b.js(MODULE_SCRIPTS).await, json!([false]), "nothing of the workshop is a script before it is opened");
    assert_eq!(b.js("return typeof window.gongwenWorkshop.open;").await, json!("function"));
    b.click("#gallery-workshop").await;
    b.wait_for("#workshop-model").await;
    assert_eq!(b.js(MODULE_SCRIPTS).await, json!([false, true]));
    // Closed and opened again: the same module, not a second script.
    b.click("#workshop-close").await;
    b.wait_js("return document.getElementById('workshop');", Value::is_null).await;
    b.click("#report-type").await;
    b.click("#gallery-workshop").await;
    b.wait_for("#workshop-model").await;
    assert_eq!(b.js(MODULE_SCRIPTS).await, json!([false, true]));
    b.finish().await;
}

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
