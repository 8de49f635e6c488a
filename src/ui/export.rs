//! The ways the report leaves the page (the two files, the clipboard, the printer), and the
//! question asked first while errors are left: a summary that lists everything missing, each
//! with 去填写, and offers to go and fix the rest.
use yew::prelude::*;

use super::browser;
use super::desk_files::{desk, Store};
use super::state::{Action, AppState};
use super::widgets::button;
use crate::domain::check::{missing, FieldFinding, Severity};
use crate::domain::output::docx;
use crate::domain::output::render::{file_stem, plain_text, txt_bytes};
use crate::domain::store::desk::{Do, Notice};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Export {
    Txt,
    Docx,
    Copy,
    Print,
}

/// Whether the report has errors left (then the question comes first): the draft as it is now,
/// checked at once if the last keystroke's check has not run yet.
pub fn has_errors(state: &AppState) -> bool {
    state.checked_findings().iter().any(|f| f.finding.severity == Severity::Error)
}

/// Whether the findings on screen have errors (rendering asks this: it never checks again).
pub fn shows_errors(state: &AppState) -> bool {
    state.findings.iter().any(|f| f.finding.severity == Severity::Error)
}

/// The report out now, and what the clerk is told.
pub fn export_now(state: &Store, format: Export) {
    let say = desk(state);
    if format == Export::Copy {
        let done = Callback::from(move |r: Result<(), String>| match r {
            Ok(()) => say.emit(Do::Say(Notice::ok("全文已复制，可以粘贴到 Word 或 WPS 中。"))),
            Err(msg) => say.emit(Do::Say(Notice::problem(msg))),
        });
        browser::copy_text(&plain_text(&state.template, &state.draft), done);
        return;
    }
    match export_file(state, format) {
        Ok(()) => say.emit(Do::Say(None)),
        Err(msg) => say.emit(Do::Say(Notice::problem(msg))),
    }
}

/// Build the file and hand it to the browser, named after the title.
fn export_file(state: &AppState, format: Export) -> Result<(), String> {
    let stem = file_stem(&state.template, &state.draft);
    match format {
        Export::Txt => browser::download(&format!("{stem}.txt"), "text/plain;charset=utf-8", &txt_bytes(&state.template, &state.draft)),
        Export::Docx => {
            let bytes = docx::docx_bytes(&state.template, &state.draft).map_err(|e| format!("{e}草稿内容不受影响。"))?;
            browser::download(&format!("{stem}.docx"), docx::MIME, &bytes)
        }
        Export::Copy | Export::Print => Ok(()),
    }
}

#[derive(Properties, PartialEq)]
pub struct DownloadQuestionProps {
    pub state: Store,
    pub format: Export,
    pub labels: super::shared::Shared<Vec<(String, String)>>,
    /// 仍然下载 (仍然复制, 知道了).
    pub on_anyway: Callback<MouseEvent>,
    /// The question closes (去修改, 去填写 also jump to the place).
    pub on_close: Callback<()>,
}

/// The question before a report with errors leaves the page. It takes the focus, on its safer
/// answer (去修改).
#[function_component(DownloadQuestion)]
pub fn download_question(props: &DownloadQuestionProps) -> Html {
    use_effect_with((), |_| browser::focus_id("go-fix"));
    let (state, format) = (&props.state, props.format);
    let jump = |key: String, part: String, span| {
        let (state, on_close) = (state.clone(), props.on_close.clone());
        Callback::from(move |_: MouseEvent| {
            on_close.emit(());
            state.dispatch(Action::Jump { key: key.clone(), part: part.clone(), span });
        })
    };
    let findings = state.checked_findings();
    let go_fix = match findings.iter().find(|f| f.finding.severity == Severity::Error) {
        Some(f) => jump(f.key.clone(), f.part.clone(), f.finding.span),
        None => props.on_close.reform(|_| ()),
    };
    let missing = missing::for_output(&findings);
    let label = |key: &str| props.labels.iter().find(|(k, _)| k == key).map_or(key, |(_, l)| l.as_str()).to_string();
    let items = missing.into_iter().map(|f| {
        let what = if f.finding.rule == missing::SLOT { format!("{}：{}", label(&f.key), f.finding.message) } else { f.finding.message.clone() };
        html! {
            <li class="missing-item" data-key={f.key.clone()} data-part={f.part.clone()}>
                { what }
                <button type="button" class="link-button go-fill" onclick={jump(f.key.clone(), f.part.clone(), f.finding.span)}>{ "去填写" }</button>
            </li>
        }
    });
    let items: Vec<Html> = items.collect();
    html! {
        <div class="dialog-backdrop">
            <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="download-question" id="download-dialog">
                <h2 id="download-question">{ if format == Export::Print { "打印的报告里还有问题" } else { "报告里还有问题" } }</h2>
                <p>{ question(&findings, format) }</p>
                if !items.is_empty() { <ul class="missing-list" id="missing-list">{ for items }</ul> }
                <div class="dialog-actions">
                    { button("download-anyway", match format { Export::Copy => "仍然复制", Export::Print => "知道了", _ => "仍然下载" }, false, props.on_anyway.clone()) }
                    { button("go-fix", "去修改", true, go_fix) }
                </div>
            </div>
        </div>
    }
}

/// `还有 3 处内容没有填写，另有 1 处其他错误。现在下载，文件里也会带着这些问题。` (`findings`: the
/// draft's as it is now, checked once for the whole dialog.)
fn question(findings: &[FieldFinding], format: Export) -> String {
    use crate::domain::check::Category;
    let errors: Vec<_> = findings.iter().filter(|f| f.finding.severity == Severity::Error).collect();
    let gaps = errors.iter().filter(|f| f.finding.category == Category::Placeholder).count();
    let all_missing = errors.iter().filter(|f| f.finding.category == Category::Missing).count();
    let counts = [
        (missing::for_output(findings).len(), "处内容没有填写"),
        (gaps, "处占位符没有换成实际内容"),
        (errors.len() - gaps - all_missing, "处其他错误"),
    ];
    let said: Vec<String> = counts
        .iter()
        .filter(|(n, _)| *n > 0)
        .enumerate()
        .map(|(i, (n, what))| format!("{} {n} {what}", if i == 0 { "还有" } else { "另有" }))
        .collect();
    let then = match format {
        Export::Copy => "现在复制，复制的全文里也会带着这些问题。",
        Export::Print => "请补全后重新打印。",
        _ => "现在下载，文件里也会带着这些问题。",
    };
    format!("{}。{then}", said.join("，"))
}
