//! The workshop's first step: the model report pasted, or opened from a .txt or .docx file
//! (read as 导入旧报告 reads it; a Word file by the on-demand reader).
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use super::super::browser;

#[derive(Properties, PartialEq)]
pub struct ModelInputProps {
    /// The model's text, to make a template from.
    pub on_model: Callback<String>,
}

#[function_component(ModelInput)]
pub fn model_input(props: &ModelInputProps) -> Html {
    let area = use_node_ref();
    let problem = use_state(|| Option::<String>::None);
    let reading = use_state(|| false);
    let submit = {
        let (area, on_model) = (area.clone(), props.on_model.clone());
        Callback::from(move |_: MouseEvent| on_model.emit(area.cast::<HtmlTextAreaElement>().map(|a| a.value()).unwrap_or_default()))
    };
    let open_file = {
        let (area, problem, reading) = (area.clone(), problem.clone(), reading.clone());
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            reading.set(browser::chosen_file_name(&input).is_some());
            let (area, problem, reading) = (area.clone(), problem.clone(), reading.clone());
            let done = Callback::from(move |read: Result<(String, usize), String>| {
                reading.set(false);
                match read {
                    Ok((text, _)) => {
                        problem.set(None);
                        if let Some(a) = area.cast::<HtmlTextAreaElement>() {
                            a.set_value(&text);
                        }
                    }
                    Err(msg) => problem.set(Some(msg)),
                }
            });
            browser::read_chosen_report(&input, done);
        })
    };
    html! {
        <div class="workshop-input">
            <p class="field-hint">{ "把一份写好的同类报告（范文，如去年的报告）全文粘贴到下面，或打开它的 Word 文件（.docx）或 .txt 文件。会按它的标题、“一、”“（一）”“一是”和落款分出各部分，文中的单位、年份、日期和数字成为关键数字，再由您调整。" }</p>
            if let Some(msg) = (*problem).clone() {
                <p class="notice is-error" role="alert">{ msg }</p>
            }
            <textarea ref={area} id="workshop-model" class="import-text" rows="12" aria-label="范文全文" placeholder="在这里粘贴范文全文" />
            if *reading {
                <p class="field-hint" role="status">{ "正在读取文件……" }</p>
            }
            <div class="dialog-actions">
                <input type="file" id="workshop-file" class="visually-hidden" accept=".docx,.txt,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document" onchange={open_file} />
                <label class="button" for="workshop-file">{ "打开 .docx 或 .txt 文件" }</label>
                <button type="button" class="button is-primary" id="workshop-derive" onclick={submit} disabled={*reading}>{ "生成模板" }</button>
            </div>
        </div>
    }
}
