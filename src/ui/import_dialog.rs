//! "导入旧报告": paste last year's report or open its `.txt`; it is split into the template's
//! parts, and what fits nowhere is kept in the "未归类内容" list.
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use super::browser;

/// Longer than any report by far; a paste beyond it is refused with a message.
pub const MAX_CHARS: usize = 1_000_000;

#[derive(Properties, PartialEq)]
pub struct ImportDialogProps {
    /// The text to import; `Err`: why it was not, shown in the dialog (which keeps the text).
    pub on_import: Callback<String, Result<(), String>>,
    pub on_cancel: Callback<()>,
}

#[function_component(ImportDialog)]
pub fn import_dialog(props: &ImportDialogProps) -> Html {
    let area = use_node_ref();
    let problem = use_state(|| Option::<String>::None);
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
    html! {
        <div class="dialog-backdrop">
            <div class="dialog import-dialog" role="dialog" aria-modal="true" aria-labelledby="import-title" id="import-dialog">
                <h2 id="import-title">{ "导入旧报告" }</h2>
                <p class="field-hint">{ "把去年的报告全文粘贴到下面，或打开它的 .txt 文件（UTF-8 或 GB18030 编码均可）。会按“一、”“（一）”“一是”等标题自动分到各部分；分不进去的内容放在“未归类内容”里，一个字也不会丢。现在的草稿已写了内容时，导入的报告会成为一份新草稿，现在的草稿原样留在“我的草稿”里。" }</p>
                if let Some(msg) = (*problem).clone() {
                    <p class="notice is-error" role="alert">{ msg }</p>
                }
                <textarea ref={area} id="import-text" class="import-text" rows="10" aria-label="旧报告全文"
                    placeholder="在这里粘贴旧报告全文" />
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

fn check_size(text: &str) -> Result<(), String> {
    if text.trim().is_empty() {
        return Err("没有可导入的内容：请先粘贴旧报告全文。".into());
    }
    if text.chars().count() > MAX_CHARS {
        return Err("这段文字超过 100 万字，不像是一份报告，没有导入。现在的草稿没有改动。".into());
    }
    Ok(())
}
