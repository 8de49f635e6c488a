//! "导入旧报告": paste last year's report or open its `.txt`; it is split into the template's
//! parts, and what fits nowhere is kept in the "未归类内容" list. While the text is pasted the
//! dialog says which report type it looks like (`识别为：…`, `recognise::best`). A report is
//! imported into the open draft's type; when it looks like another type, the dialog says how to
//! import it as that one (a new draft of that type first).
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use super::browser;
use super::shared::Shared;
use crate::domain::input::recognise::{best, Candidate, Confidence};

/// Longer than any report by far; a paste beyond it is refused with a message.
pub const MAX_CHARS: usize = 1_000_000;

#[derive(Properties, PartialEq)]
pub struct ImportDialogProps {
    /// The report types a text is compared with; the first is the open draft's.
    pub types: Shared<Vec<Candidate>>,
    /// The text to import; `Err`: why it was not, shown in the dialog (which keeps the text).
    pub on_import: Callback<String, Result<(), String>>,
    pub on_cancel: Callback<()>,
}

#[function_component(ImportDialog)]
pub fn import_dialog(props: &ImportDialogProps) -> Html {
    let area = use_node_ref();
    let problem = use_state(|| Option::<String>::None);
    // `None` until some text is there; then the type it looks like, if any.
    let recognised = use_state(|| Option::<Option<(usize, Confidence)>>::None);
    let on_input = {
        let (types, recognised) = (props.types.clone(), recognised.clone());
        Callback::from(move |e: InputEvent| {
            let text = e.target_unchecked_into::<HtmlTextAreaElement>().value();
            recognised.set((!text.trim().is_empty()).then(|| best(&types, &text)));
        })
    };
    let submit = {
        let (area, problem, on_import) = (area.clone(), problem.clone(), props.on_import.clone());
        Callback::from(move |_: MouseEvent| {
            let text = area.cast::<HtmlTextAreaElement>().map(|a| a.value()).unwrap_or_default();
            if let Err(msg) = check_size(&text).and_then(|()| on_import.emit(text)) {
                problem.set(Some(msg));
            }
        })
    };
    let open_file = {
        let (problem, on_import) = (problem.clone(), props.on_import.clone());
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let (problem, on_import) = (problem.clone(), on_import.clone());
            browser::read_chosen_text(
                &input,
                "一份报告",
                Callback::from(move |read: Result<String, String>| {
                    if let Err(msg) = read.and_then(|t| check_size(&t).and_then(|()| on_import.emit(t))) {
                        problem.set(Some(msg));
                    }
                }),
            );
        })
    };
    let cancel = {
        let on_cancel = props.on_cancel.clone();
        Callback::from(move |_: MouseEvent| on_cancel.emit(()))
    };
    let line = (*recognised).map(|r| recognised_line(&props.types, r));
    html! {
        <div class="dialog-backdrop">
            <div class="dialog import-dialog" role="dialog" aria-modal="true" aria-labelledby="import-title" id="import-dialog">
                <h2 id="import-title">{ "导入旧报告" }</h2>
                <p class="field-hint">{ "把去年的报告全文粘贴到下面，或打开它的 .txt 文件（UTF-8 或 GB18030 编码均可）。会按“一、”“（一）”“一是”等标题自动分到各部分；分不进去的内容放在“未归类内容”里，一个字也不会丢。标题里的单位、年份和成文日期会带入关键数字。现在的草稿已写了内容时，导入的报告会成为一份新草稿，现在的草稿原样留在“我的草稿”里。" }</p>
                if let Some(msg) = (*problem).clone() {
                    <p class="notice is-error" role="alert">{ msg }</p>
                }
                <textarea ref={area} id="import-text" class="import-text" rows="10" aria-label="旧报告全文"
                    placeholder="在这里粘贴旧报告全文" oninput={on_input} />
                if let Some(line) = line {
                    <p class="field-hint" id="import-recognised" role="status">{ line }</p>
                }
                <div class="dialog-actions">
                    <input type="file" id="import-file" class="visually-hidden" accept=".txt,text/plain" onchange={open_file} />
                    <label class="button" for="import-file">{ "打开 .txt 文件" }</label>
                    <button type="button" class="button" id="import-cancel" onclick={cancel}>{ "取消" }</button>
                    <button type="button" class="button is-primary" id="import-submit" onclick={submit}>{ "导入" }</button>
                </div>
            </div>
        </div>
    }
}

/// What the dialog says of the pasted text's type.
fn recognised_line(types: &[Candidate], recognised: Option<(usize, Confidence)>) -> String {
    let name = |i: usize| types.get(i).map_or("", |c| c.name.as_str());
    match recognised {
        Some((0, sure)) => format!("识别为：{}（{}）", name(0), sure.label()),
        Some((i, sure)) => format!(
            "识别为：{}（{}）。正在写的是“{}”，导入后按它的各部分归类；要按“{}”归类，请先新建一份这类草稿，再在那份草稿里导入。",
            name(i),
            sure.label(),
            name(0),
            name(i)
        ),
        None => format!("没有认出是哪一类报告，将按正在写的“{}”的各部分归类。", name(0)),
    }
}

fn check_size(text: &str) -> Result<(), String> {
    if text.trim().is_empty() {
        return Err("没有可导入的内容：请先粘贴旧报告全文。".into());
    }
    if text.chars().count() > MAX_CHARS {
        return Err("这段文字超过 100 万字，不像是一份报告，没有导入。现在的草稿没有改动。".into());
    }
    Ok(())
}
