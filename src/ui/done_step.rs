//! The 完成 step: where the clerk stands, the downloads, copy and print, and every finding.
use yew::prelude::*;

use super::browser;
use super::export::Export;
use super::findings_panel::{FindingsPanel, Jump};
use super::shared::Shared;
use super::widgets::button;
use crate::domain::check::FieldFinding;
use crate::domain::model::text::Span;

#[derive(Properties, PartialEq)]
pub struct DoneStepProps {
    /// Every finding (the 完成 step lists all of them).
    pub findings: Shared<Vec<FieldFinding>>,
    pub labels: Shared<Vec<(String, String)>>,
    pub on_export: Callback<Export>,
    pub on_jump: Callback<Jump>,
    pub on_fix: Callback<(String, Span, String)>,
}

#[function_component(DoneStep)]
pub fn done_step(props: &DoneStepProps) -> Html {
    let out = |format: Export| props.on_export.reform(move |_: MouseEvent| format);
    html! {
        <section class="guided-field done-step">
            <h2 class="step-title" tabindex="-1">{ "完成" }</h2>
            <p id="done-summary">{ crate::domain::guide::progress::done(&props.findings) }</p>
            <div class="done-actions">
                { button("done-docx", "下载 Word（.docx）", true, out(Export::Docx)) }
                { button("done-txt", "下载文本（.txt）", false, out(Export::Txt)) }
                { button("done-copy", "复制全文", false, out(Export::Copy)) }
                { button("done-print", "打印", false, Callback::from(|_: MouseEvent| browser::print())) }
            </div>
            <FindingsPanel findings={props.findings.clone()} labels={props.labels.clone()} on_jump={props.on_jump.clone()} on_fix={props.on_fix.clone()} />
        </section>
    }
}
