//! Layer 2: the real components rendered to HTML natively through Yew's ServerRenderer.
use gongwen::domain::check::check_draft;
use gongwen::domain::guide::outline::{Step, StepState};
use gongwen::domain::model::draft::Draft;
use gongwen::domain::model::template::xuanren;
use gongwen::domain::output::render::paragraphs;
use gongwen::ui::shared::Shared;
use gongwen::ui::{
    App, DraftRow, DraftsPanel, DraftsPanelProps, GuidedField, GuidedFieldProps, Outline, OutlineProps, Preview, PreviewProps,
    SectionProps, SectionStep,
};
use std::rc::Rc;
use yew::{Callback, Html, LocalServerRenderer};

async fn render<C: yew::BaseComponent>(props: C::Properties) -> String {
    LocalServerRenderer::<C>::with_props(props).hydratable(false).render().await
}

#[tokio::test]
async fn app_opens_on_the_title_step_with_the_whole_outline() {
    let html = LocalServerRenderer::<App>::with_props(gongwen::ui::props_now()).hydratable(false).render().await;
    let t = xuanren();
    assert!(html.contains(r#"data-step="title""#));
    for part in &t.parts {
        assert!(html.contains(&format!(r#"data-step="{}""#, part.id)), "outline lacks {}", part.id);
        assert!(html.contains(&part.label), "label {} missing", part.label);
    }
    // The title's figures are inline inputs inside the title sentence.
    assert!(html.contains(r#"data-slot="unit""#) && html.contains(r#"data-slot="start_year""#), "{html}");
    assert!(html.contains("正在编辑：未命名草稿"), "a first start opens a new, untitled draft");
    for button in ["我的草稿", "填入示例", "清空", "复制全文", "下载文本（.txt）", "下一步"] {
        assert!(html.contains(button), "{button} missing");
    }
    // The preview already shows the generated headings.
    assert!(html.contains("一、总体情况") && html.contains("三、今后整改措施和努力方向"));
    // The first screen: a skip link first, where to start, no finding yet (not even the
    // 落款's empty 单位名称, which is typed here, in 标题), and 完成 at the end of the outline.
    assert!(html.find("跳到当前步骤") < html.find("<header"), "the skip link comes first");
    assert!(html.contains("从这里开始："), "{html}");
    assert!(!html.contains("finding-severity") && !html.contains("findings-panel"), "{html}");
    assert!(html.contains(r#"data-step="done""#) && html.contains("完成"));
    assert!(html.contains(r#"<summary class="button">更多</summary>"#), "{html}");
    // The report type's name in the header is the button that opens the gallery.
    let at = html.find(r#"id="report-type""#).expect("the header's report type");
    let tag = &html[html[..at].rfind('<').unwrap_or(0)..];
    assert!(tag.starts_with("<button") && tag.contains(&format!(">{}</button>", t.name)), "{}", &tag[..tag.len().min(300)]);
}

fn field_props(key: &str, draft: Draft) -> GuidedFieldProps {
    let t = xuanren();
    let part = t.part(key).cloned().expect("part exists");
    let findings = check_draft(&t, &draft).into_iter().filter(|f| f.key == key && !f.finding.span.is_empty()).map(|f| f.finding).collect();
    GuidedFieldProps {
        field_key: key.to_string().into(),
        label: part.label.into(),
        hint: part.hint.into(),
        example: part.example.into(),
        template: Shared(Rc::new(t)),
        draft: Shared(Rc::new(draft)),
        findings,
        dispatch: Callback::noop(),
        required: true,
        single_line: false,
    }
}

#[tokio::test]
async fn free_text_field_marks_each_finding_at_its_span() {
    let t = xuanren();
    let mut d = Draft::new(&t);
    d.set_text("opening", "现将**党工委领导班子20XX年以来".into());
    let html = render::<GuidedField>(field_props("opening", d)).await;
    assert!(html.contains(r#"<mark data-start="2" data-end="4" class="finding-mark">**</mark>"#), "{html}");
    assert!(html.contains(r#"<mark data-start="11" data-end="15" class="finding-mark">20XX</mark>"#), "{html}");
    assert!(html.contains("第3至4字：") && html.contains("第12至15字："), "{html}");
    assert!(html.contains(r#"aria-invalid="true""#));
    // The hint and the example (with the example figures filled in) are shown.
    assert!(html.contains("一句话说明报告的主体"));
    assert!(html.contains("现将党工委领导班子2022年以来关于选人用人专项工作情况报告如下："));
}

#[tokio::test]
async fn slotted_sentence_shows_its_figures_as_inputs() {
    let t = xuanren();
    let mut d = Draft::example(&t);
    d.set_slot("start_year", String::new());
    let html = render::<GuidedField>(field_props("opening", d)).await;
    assert!(html.contains(r#"data-slot="unit""#) && html.contains(r#"value="党工委""#), "{html}");
    assert!(html.contains("slot-input is-empty"), "the emptied year is marked: {html}");
    assert!(html.contains("改为自由编辑这句话"));
    assert!(!html.contains("<textarea"), "no free-text box for a slotted sentence");
}

#[tokio::test]
async fn section_step_numbers_items_and_points() {
    let t = Rc::new(xuanren());
    let d = Rc::new(Draft::example(&t));
    let part = t.part("overview").cloned().expect("overview");
    let findings = Rc::new(check_draft(&t, &d));
    let props = SectionProps {
        part,
        template: Shared(t.clone()),
        draft: Shared(d.clone()),
        findings: Shared(findings),
        dispatch: Callback::noop(),
    };
    let html = render::<SectionStep>(props).await;
    for ordinal in ["（一）", "（二）", "（三）", "（四）", "一是", "五是"] {
        assert!(html.contains(&format!(r#"<span class="item-ordinal">{ordinal}</span>"#)), "{ordinal} missing");
    }
    assert!(html.contains("添加一个方面") && html.contains("添加一点"));
    assert!(html.contains(r#"aria-label="上移（二）这个方面""#), "{html}");
    // The first item cannot move up, the last cannot move down; the others can.
    let button = |label: &str| {
        let at = html.find(&format!(r#"aria-label="{label}""#)).unwrap_or_else(|| panic!("{label} missing"));
        let start = html[..at].rfind("<button").unwrap_or(0);
        let end = at + html[at..].find('>').unwrap_or(0);
        html[start..end].to_string()
    };
    assert!(button("上移（一）这个方面").contains("disabled"));
    assert!(!button("下移（一）这个方面").contains("disabled"));
    assert!(!button("上移（四）这个方面").contains("disabled"));
    assert!(button("下移（四）这个方面").contains("disabled"));
}

#[tokio::test]
async fn outline_shows_state_and_badges() {
    let steps = vec![
        Step { part: "a".into(), label: "主送机关".into(), state: StepState::Filled, findings: 0 },
        Step { part: "b".into(), label: "开头语".into(), state: StepState::HasFindings, findings: 2 },
        Step { part: "c".into(), label: "落款".into(), state: StepState::Empty, findings: 0 },
    ];
    let html = render::<Outline>(OutlineProps { steps, current: "b".into(), on_select: Callback::noop() }).await;
    assert!(html.contains("（已填写）") && html.contains("（有 2 处问题）") && html.contains("（未填写）"));
    // The badge's figure is for the eye; the words above are what a screen reader says.
    assert!(html.contains(r#"<span aria-hidden="true" class="outline-badge">2</span>"#), "{html}");
    assert!(html.contains(r#"aria-current="step""#));
}

#[tokio::test]
async fn preview_sets_each_kind_of_paragraph() {
    let t = xuanren();
    let d = Draft::example(&t);
    let html = render::<Preview>(PreviewProps { paragraphs: paragraphs(&t, &d), on_edit: Callback::noop() }).await;
    for needle in [
        // A long title's two lines, broken between words, in one paragraph.
        r#"class="doc-title">关于党工委领导班子2022年以来<br>选人用人工作情况的报告"#,
        r#"class="doc-addressee">市委巡察组："#,
        r#"class="doc-h1">一、总体情况"#,
        r#"class="doc-h2">（一）强组织建设，厚植干部培养基础"#,
        // §7.3.5.2: 党工委 (3) over 2024年3月5日 (6 wide): the date 2 characters from the edge, the
        // 署名 starting 2 characters left of it: indents of 7 and 2 characters.
        r#"class="doc-signature ri-14">党工委"#,
        r#"class="doc-date ri-4">2024年3月5日"#,
    ] {
        assert!(html.contains(needle), "{needle} missing in {html}");
    }
    assert!(html.matches("编辑这一部分").count() >= 8, "an edit link for each part");
}

fn drafts_props(deleted: Option<&str>) -> DraftsPanelProps {
    let row = |id: &str, title: &str, changed: &str| DraftRow {
        id: id.to_string().into(),
        title: title.to_string().into(),
        kind: "选人用人工作情况报告".into(),
        changed: changed.to_string().into(),
    };
    DraftsPanelProps {
        drafts: vec![
            row("db", "关于党工委领导班子2022年以来选人用人工作情况的报告", "今天 14:05"),
            row("da", "未命名草稿", "2026年11月3日"),
        ],
        current: "da".into(),
        deleted: deleted.map(|d| d.to_string().into()),
        message: None,
        on_new: Callback::noop(),
        on_open: Callback::noop(),
        on_rename: Callback::noop(),
        on_duplicate: Callback::noop(),
        on_delete: Callback::noop(),
        on_undo: Callback::noop(),
        on_close: Callback::noop(),
        storage: Html::default(),
    }
}

/// The `<li>` of one draft in the panel's HTML.
fn draft_row<'a>(html: &'a str, id: &str) -> &'a str {
    let start = html.find(&format!(r#"data-id="{id}""#)).unwrap_or_else(|| panic!("no row {id} in {html}"));
    let start = html[..start].rfind("<li").unwrap_or(start);
    let end = start + html[start..].find("</li>").unwrap_or(html.len() - start);
    &html[start..end]
}

#[tokio::test]
async fn drafts_panel_lists_each_draft_with_its_time_and_marks_the_open_one() {
    let html = render::<DraftsPanel>(drafts_props(None)).await;
    assert!(html.contains("我的草稿") && html.contains("新建草稿") && html.contains("关闭"), "{html}");
    let newer = draft_row(&html, "db");
    let open = draft_row(&html, "da");
    assert!(html.find(r#"data-id="db""#) < html.find(r#"data-id="da""#), "in the order given: newest first");
    assert!(newer.contains("关于党工委领导班子2022年以来选人用人工作情况的报告") && newer.contains("最后修改：今天 14:05"), "{newer}");
    assert!(open.contains("未命名草稿") && open.contains("最后修改：2026年11月3日"), "{open}");
    // The open draft is marked and has no 打开 button; the other one has.
    assert!(open.contains("（正在编辑）") && open.contains(r#"aria-current="true""#) && !open.contains(">打开<"), "{open}");
    assert!(!newer.contains("（正在编辑）") && !newer.contains("aria-current") && newer.contains(">打开<"), "{newer}");
    for row in [newer, open] {
        for button in [">重命名<", ">复制<", ">删除<"] {
            assert!(row.contains(button), "{button} missing in {row}");
        }
    }
    assert!(newer.contains(r#"aria-label="删除“关于党工委领导班子2022年以来选人用人工作情况的报告”""#), "{newer}");
    assert!(!html.contains("撤销"), "nothing to undo yet");
}

#[tokio::test]
async fn drafts_panel_offers_to_undo_the_last_deletion() {
    let html = render::<DraftsPanel>(drafts_props(Some("第一稿"))).await;
    assert!(html.contains("已删除“第一稿”。"), "{html}");
    assert!(html.contains(r#"id="draft-undo""#) && html.contains(">撤销<"), "{html}");
    let mut props = drafts_props(None);
    props.message = Some((true, "没能复制：浏览器的存储空间已满或被禁用，草稿没能自动保存。".into()));
    let html = render::<DraftsPanel>(props).await;
    assert!(html.contains(r#"class="notice is-error""#) && html.contains("没能复制"), "{html}");
}

/// Every right indent the domain may give the 署名 or the date has its rule in the stylesheet:
/// `ri-N` pads N half characters (N/2 em at the body's 16 pt), as the Word file indents them.
#[test]
fn the_stylesheet_has_a_rule_for_every_closing_indent() {
    use gongwen::domain::output::docx::MAX_CLOSING_INDENT;
    let css = include_str!("../styles/app.css");
    for n in 4..=MAX_CLOSING_INDENT {
        let em = if n % 2 == 0 { format!("{}em", n / 2) } else { format!("{}.5em", n / 2) };
        let rule = format!(".ri-{n}{{padding-right:{em}}}");
        assert_eq!(css.matches(&rule).count(), 1, "{rule}");
    }
    assert!(!css.contains(&format!(".ri-{}{{", MAX_CLOSING_INDENT + 1)));
}

/// An item's fields (format 2) are guided fields after its points: label, hint, the example in
/// the clerk's unit, and (必填) only where `unless` does not excuse them.
#[tokio::test]
async fn section_step_shows_each_items_fields() {
    use gongwen::domain::model::draft::key;
    use gongwen::domain::model::template::Template;
    let json = r#"{"format": 2, "id": "t", "name": "整改进展情况报告", "title": "{unit}整改进展情况的报告",
      "slots": [{"id": "unit", "label": "单位名称", "hint": "写单位全称", "kind": "text", "example": "某某局党组"}],
      "parts": [{"id": "feedback", "kind": "section", "label": "一、反馈问题整改落实情况", "heading": "反馈问题整改落实情况",
        "hint": "逐条写", "example": "逐条报告如下：",
        "items": {"layout": "subsection", "label": "问题", "heading_hint": "概括反馈的问题", "min": 1, "max": 9,
          "fields": [
            {"id": "progress", "label": "整改进展", "lead": "整改进展：", "hint": "写到哪一步了", "required": true},
            {"id": "deadline", "label": "完成时限", "lead": "完成时限：", "hint": "没完成的写明时限", "required": true,
             "unless": {"field": "progress", "starts_with": ["已完成"]}}],
          "examples": [{"heading": "学习不深入", "fields": {"progress": "{unit}已完成整改。"}}]}}]}"#;
    let t = Rc::new(Template::from_json(json).unwrap_or_else(|e| panic!("{e}")));
    let mut d = Draft::new(&t);
    d.set_slot("unit", "城南街道党工委".into());
    let item = d.items("feedback")[0].id;
    let render_with = |d: Draft| {
        let part = t.part("feedback").cloned().expect("feedback");
        let findings = Rc::new(check_draft(&t, &d));
        SectionProps {
            part,
            template: Shared(t.clone()),
            draft: Shared(Rc::new(d)),
            findings: Shared(findings),
            dispatch: Callback::noop(),
        }
    };
    let html = render::<SectionStep>(render_with(d.clone())).await;
    let box_of = |html: &str, field: &str| -> String {
        let at = html.find(&format!(r#"data-key="{}""#, key::item("feedback", item, field))).unwrap_or_else(|| panic!("{field} missing"));
        html[at..].split("</section>").next().unwrap_or_default().to_string()
    };
    let progress = box_of(&html, "progress");
    assert!(progress.contains("（一） 整改进展") && progress.contains("（必填）") && progress.contains("写到哪一步了"), "{progress}");
    assert!(progress.contains("城南街道党工委已完成整改。"), "the example speaks of the clerk's unit: {progress}");
    assert!(box_of(&html, "deadline").contains("（必填）"));
    // Finished: no deadline asked.
    d.set_text(&key::item("feedback", item, "progress"), "已完成。".into());
    let html = render::<SectionStep>(render_with(d)).await;
    let deadline = box_of(&html, "deadline");
    assert!(deadline.contains("（一） 完成时限") && !deadline.contains("（必填）"), "{deadline}");
}
