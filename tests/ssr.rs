//! Layer 2: the real components rendered to HTML natively through Yew's ServerRenderer.
use gongwen::domain::check::check_text;
use gongwen::domain::draft::Draft;
use gongwen::domain::render::paragraphs;
use gongwen::domain::template::xuanren;
use gongwen::ui::{App, GuidedField, GuidedFieldProps, Preview, PreviewProps};
use std::rc::Rc;
use yew::{Callback, LocalServerRenderer};

#[tokio::test]
async fn app_shows_every_guided_field_with_hint_and_example() {
    let html = LocalServerRenderer::<App>::new().hydratable(false).render().await;
    let t = xuanren();
    for part in &t.parts {
        assert!(html.contains(&part.label), "label {} missing", part.label);
        assert!(html.contains(&part.hint), "hint of {} missing", part.id);
        assert!(html.contains(&part.example), "example of {} missing", part.id);
        assert!(html.contains(&format!("id=\"field-{}\"", part.id)), "text box of {} missing", part.id);
    }
    assert!(html.contains("下载文本（.txt）"));
    assert!(html.contains("填入示例"));
    // An empty draft says where the report will appear, in Chinese.
    assert!(html.contains("左边填写的内容会在这里按公文格式显示。"));
}

#[tokio::test]
async fn guided_field_marks_each_finding_at_its_span() {
    let t = xuanren();
    let part = t.parts.iter().find(|p| p.id == "opening").cloned().expect("template has 开头语");
    let text = "现将**党工委领导班子20XX年以来";
    let props = GuidedFieldProps {
        part,
        value: text.into(),
        findings: check_text(text),
        on_change: Callback::noop(),
    };
    let html = LocalServerRenderer::<GuidedField>::with_props(props).hydratable(false).render().await;
    assert!(html.contains(r#"<mark data-start="2" data-end="4" class="finding-mark">**</mark>"#), "{html}");
    assert!(html.contains(r#"<mark data-start="11" data-end="15" class="finding-mark">20XX</mark>"#), "{html}");
    assert!(html.contains("第3至4字："), "{html}");
    assert!(html.contains("第12至15字："), "{html}");
    assert!(html.contains(r#"aria-invalid="true""#));
}

#[tokio::test]
async fn guided_field_without_findings_has_no_marks() {
    let t = xuanren();
    let part = t.parts[0].clone();
    let props = GuidedFieldProps {
        part,
        value: "市委巡察组：".into(),
        findings: vec![],
        on_change: Callback::noop(),
    };
    let html = LocalServerRenderer::<GuidedField>::with_props(props).hydratable(false).render().await;
    assert!(!html.contains("<mark"), "{html}");
    assert!(!html.contains("finding-list"), "{html}");
    assert!(html.contains(r#"aria-invalid="false""#));
}

#[tokio::test]
async fn preview_lays_out_addressee_flush_left_and_body_indented() {
    let t = Rc::new(xuanren());
    let d = Draft::example(&t);
    let props = PreviewProps { paragraphs: paragraphs(&t, &d), template: t.clone() };
    let html = LocalServerRenderer::<Preview>::with_props(props).hydratable(false).render().await;
    assert!(html.contains(r#"<p data-part="addressee" class="doc-addressee">市委巡察组：</p>"#), "{html}");
    assert!(html.contains(r#"<p data-part="opening" class="doc-body">现将党工委领导班子2022年以来"#), "{html}");
}
