//! The report desk in the release build: the gallery of report types, every built-in type
//! chosen, filled with its example and downloaded (.txt and .docx); a unit's own template beside
//! the page and one opened from a file; broken templates refused with nothing written touched;
//! the single file's types from `file://`.
use std::io::Read;
use std::path::{Path, PathBuf};

use super::harness::{single_file_alone, Browser};
use gongwen::domain::model::builtin;
use gongwen::domain::model::draft::Draft;
use gongwen::domain::model::template::Template;
use gongwen::domain::output::render::{file_stem, plain_text, title, txt_bytes};
use serde_json::{json, Value};

const SUBTITLE: &str = "return document.querySelector('.app-subtitle')?.textContent ?? null;";
const ERRORS: &str = "return Array.from(document.querySelectorAll('.notice.is-error')).map(n => n.textContent).join(' | ');";
/// Every key the page stored, with its value: what "nothing written is touched" compares.
const STORED: &str = "const o = {}; for (let i = 0; i < localStorage.length; i++) { const k = localStorage.key(i); o[k] = localStorage.getItem(k); } return o;";

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/unit-templates").join(name)
}

fn fixture_template(name: &str) -> Template {
    Template::from_json(&std::fs::read_to_string(fixture(name)).expect("the fixture")).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn builtin_template(id: &str) -> Template {
    builtin::load(id).and_then(Result::ok).unwrap_or_else(|| panic!("{id} is built in"))
}

/// 我的草稿 → 新建草稿 → the gallery, then choose a report type; wait until the page shows it.
async fn choose_type(b: &Browser, t: &Template) {
    b.click("#my-drafts").await;
    b.click("#draft-new").await;
    b.wait_for("#gallery").await;
    b.click(&format!("#gallery .gallery-item[data-template=\"{}\"] .gallery-choose", t.id)).await;
    b.wait_js("return document.getElementById('gallery');", Value::is_null).await;
    b.wait_js(SUBTITLE, |v| v == &json!(t.name)).await;
}

/// 填入示例, then the .txt download, which must be the example's text exactly; returns the stem.
async fn fill_and_download_txt(b: &Browser, t: &Template) -> String {
    let example = Draft::example(t);
    b.click("#fill-example").await;
    let expected = title(t, &example);
    b.preview_title(|shown| shown == expected).await;
    let stem = file_stem(t, &example);
    b.click("#download-txt").await;
    let txt = b.downloaded(&format!("{stem}.txt")).await;
    assert_eq!(String::from_utf8_lossy(&txt), String::from_utf8_lossy(&txt_bytes(t, &example)), "{}: the .txt is the example", t.id);
    assert_eq!(b.js(ERRORS).await, "", "{}: no error shown", t.id);
    stem
}

/// No error and no warning anywhere in the draft: the 完成 step lists every finding.
async fn no_error_or_warning(b: &Browser, what: &str) {
    b.goto_step("done").await;
    let serious = b
        .js("return Array.from(document.querySelectorAll('.panel-finding.is-error, .panel-finding.is-warning')).map(f => f.textContent);")
        .await;
    assert_eq!(serious, json!([]), "{what}: the example has no error or warning");
}

/// The text of a .docx's main part, its runs joined (tags dropped).
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
    text.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run scripts/test.sh"]
async fn every_builtin_type_is_chosen_in_the_gallery_filled_and_downloaded() {
    // The index the build puts beside the page lists the built-in types as the page knows them.
    let beside = std::fs::read_to_string(super::harness::dist_dir().join("templates/index.json")).expect("dist/templates/index.json");
    assert_eq!(gongwen::domain::model::gallery::parse_index(&beside), Ok(gongwen::domain::model::gallery::builtin_index()));
    assert_eq!(gongwen::domain::model::gallery::parse_index(&builtin::index_json()), Ok(gongwen::domain::model::gallery::builtin_index()));
    let b = Browser::open().await;
    b.click("#my-drafts").await;
    b.click("#draft-new").await;
    let listed = b.js("return Array.from(document.querySelectorAll('#gallery .gallery-item')).map(i => [i.dataset.template, i.querySelector('.gallery-name').textContent, !!i.querySelector('.template-mark')]);").await;
    let expected: Vec<Value> = builtin::INDEX.iter().map(|e| json!([e.id, e.name, false])).collect();
    assert_eq!(listed, json!(expected), "every built-in type, in the index's order, none marked as a unit's own");
    b.screenshot("gallery").await;
    b.click("#gallery-close").await;
    b.click("#drafts-close").await;

    for entry in builtin::INDEX {
        let t = builtin_template(entry.id);
        choose_type(&b, &t).await;
        let stem = fill_and_download_txt(&b, &t).await;
        no_error_or_warning(&b, entry.id).await;
        b.click("#download-docx").await;
        let docx = docx_text(&b.downloaded(&format!("{stem}.docx")).await);
        let example = Draft::example(&t);
        for paragraph in gongwen::domain::output::render::paragraphs(&t, &example) {
            assert!(docx.contains(&paragraph.text), "{}: the .docx lacks “{}”", entry.id, paragraph.text);
        }
    }
    // 我的草稿 names each draft's type.
    b.click("#my-drafts").await;
    let kinds = b.js("return Array.from(document.querySelectorAll('#drafts-panel .draft-type')).map(k => k.textContent);").await;
    for entry in builtin::INDEX {
        assert!(kinds.as_array().is_some_and(|k| k.contains(&json!(entry.name))), "{} in {kinds}", entry.name);
    }
    b.finish().await;
}

/// `dist/` copied with the unit's own template added beside the page, as an administrator does:
/// the file in `templates/` and an entry in `templates/index.json`.
fn dist_with_unit_template() -> tempfile::TempDir {
    let dir = super::harness::dist_copy();
    let templates = dir.path().join("templates");
    std::fs::copy(fixture("unit-quarterly.json"), templates.join("unit-quarterly.json")).expect("copy the template");
    // And one the administrator got wrong: listed, but not a valid template.
    std::fs::copy(fixture("broken-json.json"), templates.join("broken-json.json")).expect("copy the template");
    let index_path = templates.join("index.json");
    let mut index: Value =
        serde_json::from_str(&std::fs::read_to_string(&index_path).expect("dist has templates/index.json")).expect("JSON");
    let t = fixture_template("unit-quarterly.json");
    let parts: Vec<&str> = t.parts.iter().map(|p| p.label.as_str()).collect();
    index["templates"].as_array_mut().expect("a list").push(json!({
        "id": t.id, "file": "unit-quarterly.json", "name": t.name, "summary": t.summary, "genre": "report", "parts": parts
    }));
    index["templates"].as_array_mut().expect("a list").push(json!({
        "id": "broken_unit", "file": "broken-json.json", "name": "写错了的本单位模板", "summary": "管理员写错了的模板。", "parts": []
    }));
    std::fs::write(&index_path, index.to_string()).expect("write the index");
    dir
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run scripts/test.sh"]
async fn a_units_template_beside_the_page_is_offered_filled_downloaded_and_reopened() {
    let dist = dist_with_unit_template();
    let b = Browser::open_at(dist.path()).await;
    let t = fixture_template("unit-quarterly.json");
    b.click("#my-drafts").await;
    b.click("#draft-new").await;
    let item = format!("#gallery .gallery-item[data-template=\"{}\"]", t.id);
    let mark = b.wait_for(&format!("{item} .template-mark")).await.text().await.expect("text");
    assert_eq!(mark, "本单位模板");
    let summary = b.wait_for(&format!("{item} .gallery-summary")).await.text().await.expect("text");
    assert_eq!(summary, t.summary);
    b.click("#gallery-close").await;
    b.click("#drafts-close").await;
    assert!(!b.requests().await.iter().any(|u| u.ends_with("/templates/unit-quarterly.json")), "fetched only when chosen");
    // Its old report pasted into 导入旧报告 is recognised as the unit's type (from the index
    // entry; the template itself is still not fetched).
    let said = super::import_year::paste_for_import(&b, &plain_text(&t, &Draft::example(&t))).await;
    assert!(said.starts_with(&format!("识别为：{}", t.name)), "{said}");
    b.click("#import-cancel").await;
    assert!(!b.requests().await.iter().any(|u| u.ends_with("/templates/unit-quarterly.json")), "fetched only when chosen");

    // One that cannot be loaded: a message naming its file, and the page stays where it was.
    let stored = b.js(STORED).await;
    b.click("#my-drafts").await;
    b.click("#draft-new").await;
    b.click("#gallery .gallery-item[data-template=broken_unit] .gallery-choose").await;
    let msg = b.wait_js("return document.getElementById('gallery-message')?.textContent ?? null;", Value::is_string).await;
    assert!(msg.as_str().is_some_and(|m| m.contains("broken-json.json") && m.contains("现在的草稿没有改动")), "{msg}");
    assert_eq!(b.js(SUBTITLE).await, "选人用人工作情况报告");
    assert_eq!(b.js(STORED).await, stored, "nothing stored changed");
    b.click("#gallery-close").await;
    b.click("#drafts-close").await;

    choose_type(&b, &t).await;
    assert!(b.requests().await.iter().any(|u| u.ends_with("/templates/unit-quarterly.json")));
    b.goto_step("opening").await;
    b.type_into("#field-opening", "本季度的开头").await;
    b.click("#fill-example").await; // into a new draft: this one has text
    b.wait_js(SUBTITLE, |v| v == &json!(t.name)).await;
    let example = Draft::example(&t);
    b.preview_title(|shown| shown == title(&t, &example)).await;
    b.click("#download-txt").await;
    let txt = b.downloaded(&format!("{}.txt", file_stem(&t, &example))).await;
    assert_eq!(txt, txt_bytes(&t, &example));
    no_error_or_warning(&b, &t.id).await;

    // A reload: the draft of the unit's type opens again (its template fetched first).
    b.client.refresh().await.expect("reload");
    // The app itself, not the screen kept from the last visit (xtask/js/restore.js), which looks the same.
    b.wait_for(super::harness::app_js::STARTED).await;
    b.wait_js(SUBTITLE, |v| v == &json!(t.name)).await;
    assert_eq!(b.preview_text().await.lines().next(), Some(title(&t, &example).as_str()));
    b.click("#my-drafts").await;
    let kinds = b.js("return Array.from(document.querySelectorAll('#drafts-panel .draft-type')).map(k => k.textContent);").await;
    let own = format!("{}（本单位模板）", t.name);
    assert_eq!(kinds.as_array().map(|k| k.iter().filter(|k| **k == json!(own)).count()), Some(2), "{kinds}");
    b.finish().await;
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run scripts/test.sh"]
async fn a_template_opened_from_a_file_makes_a_draft_that_survives_a_reload() {
    let b = Browser::open().await;
    let t = fixture_template("unit-quarterly.json");
    b.goto_step("opening").await;
    b.type_into("#field-opening", "选人用人的开头").await;
    b.wait_for("#open-template").await.send_keys(&fixture("unit-quarterly.json").display().to_string()).await.expect("choose the file");
    b.wait_js(SUBTITLE, |v| v == &json!(t.name)).await;
    let notice = b.js("return document.querySelector('.notice[role=alert]')?.textContent ?? '';").await;
    assert!(notice.as_str().is_some_and(|n| n.contains("unit-quarterly.json") && n.contains(&t.name)), "{notice}");
    let stem = fill_and_download_txt(&b, &t).await;
    assert!(!stem.is_empty());

    // After a reload the template is still here (kept with the drafts), and so is the other draft.
    b.client.refresh().await.expect("reload");
    // The app itself, not the screen kept from the last visit (xtask/js/restore.js), which looks the same.
    b.wait_for(super::harness::app_js::STARTED).await;
    b.wait_js(SUBTITLE, |v| v == &json!(t.name)).await;
    b.click("#my-drafts").await;
    let own = format!("{}（本单位模板）", t.name);
    b.wait_js("return Array.from(document.querySelectorAll('#drafts-panel .draft-type')).map(k => k.textContent);", |v| {
        v.as_array().is_some_and(|k| k.contains(&json!(own)) && k.contains(&json!("选人用人工作情况报告")))
    })
    .await;
    // It is offered in the gallery too, marked.
    b.click("#draft-new").await;
    let mark = b.wait_for(&format!("#gallery .gallery-item[data-template=\"{}\"] .template-mark", t.id)).await.text().await.expect("text");
    assert_eq!(mark, "本单位模板");
    b.click("#gallery-close").await;
    b.click("#drafts-panel .draft-row:not(.is-current) .draft-open").await;
    b.wait_js(SUBTITLE, |v| v == "选人用人工作情况报告").await;
    b.goto_step("opening").await;
    assert_eq!(b.js("return document.querySelector('#field-opening').value;").await, "选人用人的开头");
    b.finish().await;
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run scripts/test.sh"]
async fn a_broken_template_is_refused_with_its_message_and_nothing_written_is_touched() {
    let b = Browser::open().await;
    b.goto_step("opening").await;
    b.type_into("#field-opening", "已写的开头").await;
    let stored = super::limits::stored_with(&b, "已写的开头").await;
    let preview = b.preview_text().await;
    let cases = [
        ("broken-json.json", "第 3 行"),
        ("newer-format.json", "格式版本 3"),
        ("undeclared-slot.json", "{unit}"),
        ("builtin-id.json", "内置"),
    ];
    for (file, says) in cases {
        b.wait_for("#open-template").await.send_keys(&fixture(file).display().to_string()).await.expect("choose the file");
        let shown = b.wait_js(ERRORS, |v| v.as_str().is_some_and(|m| m.contains(file))).await;
        let shown = shown.as_str().unwrap_or_default();
        assert!(shown.contains(says) && shown.contains("已写的草稿都没有改动"), "{file}: {shown}");
        assert_eq!(b.js(STORED).await, stored, "{file}: nothing stored changed");
        assert_eq!(b.preview_text().await, preview, "{file}: the draft on screen is the same");
        assert_eq!(b.js(SUBTITLE).await, "选人用人工作情况报告");
    }
    // From the gallery, the message shows in the gallery.
    b.click("#my-drafts").await;
    b.click("#draft-new").await;
    b.wait_for("#gallery-open-template").await.send_keys(&fixture("undeclared-slot.json").display().to_string()).await.expect("choose");
    let msg = b.wait_js("return document.getElementById('gallery-message')?.textContent ?? null;", Value::is_string).await;
    assert!(msg.as_str().is_some_and(|m| m.contains("undeclared-slot.json") && m.contains("{unit}")), "{msg}");
    assert_eq!(b.js(STORED).await, stored);
    b.finish().await;
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run scripts/test.sh"]
async fn the_single_file_carries_every_builtin_type_from_file() {
    let (_dir, file) = single_file_alone();
    let html = std::fs::read_to_string(&file).expect("the single file");
    for entry in builtin::INDEX {
        assert!(html.contains(&format!("<script type=\"application/json\" data-template=\"{}\">", entry.id)), "{} is embedded", entry.id);
    }
    let b = Browser::open_file(&file).await;
    // Every type but the one a new draft starts with comes from the file's own data blocks.
    for entry in builtin::INDEX.iter().rev() {
        let t = builtin_template(entry.id);
        choose_type(&b, &t).await;
        fill_and_download_txt(&b, &t).await;
    }
    b.finish().await;
}
