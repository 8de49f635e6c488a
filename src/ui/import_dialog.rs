//! "导入旧报告": paste last year's report or open its `.txt`; it is split into the template's
//! parts, and what fits nowhere is kept in the "未归类内容" list. While the text is pasted the
//! dialog says which report type it looks like (`识别为：…`, `recognise::best`); with more than
//! one type the clerk may pick another before importing.
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use super::browser;
use super::shared::Shared;
use crate::domain::input::recognise::{best, Candidate, Confidence};

/// Longer than any report by far; a paste beyond it is refused with a message.
pub const MAX_CHARS: usize = 1_000_000;

#[derive(Properties, PartialEq)]
pub struct ImportDialogProps {
    /// The report types a report can be imported as; the first is the open draft's.
    pub types: Shared<Vec<Candidate>>,
    /// The text to import and the id of the type chosen; `Err`: why it was not, shown in the
    /// dialog (which keeps the text).
    pub on_import: Callback<(String, String), Result<(), String>>,
    pub on_cancel: Callback<()>,
}

/// What the dialog knows of the text's type: the recognised one (index, confidence) and the
/// one the clerk picked, if any.
#[derive(Clone, Copy, PartialEq, Default)]
struct Choice {
    recognised: Option<(usize, Confidence)>,
    picked: Option<usize>,
    has_text: bool,
}

impl Choice {
    /// The type to import as: the picked one, else the recognised one, else the open draft's.
    fn index(&self) -> usize {
        self.picked.or(self.recognised.map(|r| r.0)).unwrap_or(0)
    }
}

#[function_component(ImportDialog)]
pub fn import_dialog(props: &ImportDialogProps) -> Html {
    let area = use_node_ref();
    let problem = use_state(|| Option::<String>::None);
    let choice = use_state(Choice::default);
    // The type for a text: the clerk's pick if any, else what the text looks like.
    let chosen = {
        let (types, choice) = (props.types.clone(), choice.clone());
        move |text: &str| -> String {
            let picked = choice.picked.or_else(|| best(&types, text).map(|r| r.0)).unwrap_or(0);
            types.get(picked).or(types.first()).map(|c| c.id.clone()).unwrap_or_default()
        }
    };
    let on_input = {
        let (types, choice) = (props.types.clone(), choice.clone());
        Callback::from(move |e: InputEvent| {
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            let text = area.value();
            choice.set(Choice { recognised: best(&types, &text), has_text: !text.trim().is_empty(), ..*choice });
        })
    };
    let on_pick = {
        let choice = choice.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            choice.set(Choice { picked: select.value().parse().ok(), ..*choice });
        })
    };
    let submit = {
        let (area, problem, on_import, chosen) = (area.clone(), problem.clone(), props.on_import.clone(), chosen.clone());
        Callback::from(move |_: MouseEvent| {
            let text = area.cast::<HtmlTextAreaElement>().map(|a| a.value()).unwrap_or_default();
            let id = chosen(&text);
            if let Err(msg) = check_size(&text).and_then(|()| on_import.emit((text, id))) {
                problem.set(Some(msg));
            }
        })
    };
    let open_file = {
        let (problem, on_import) = (problem.clone(), props.on_import.clone());
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let (problem, on_import, chosen) = (problem.clone(), on_import.clone(), chosen.clone());
            browser::read_chosen_text(
                &input,
                "一份报告",
                Callback::from(move |read: Result<String, String>| {
                    if let Err(msg) = read.and_then(|t| check_size(&t).and_then(|()| { let id = chosen(&t); on_import.emit((t, id)) })) {
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
    let types = &props.types;
    let name = |i: usize| types.get(i).map_or("", |c| c.name.as_str()).to_string();
    let recognised = match (choice.has_text, choice.recognised) {
        (false, _) => None,
        (true, Some((i, sure))) => Some(format!("识别为：{}（{}）", name(i), sure.label())),
        (true, None) => Some(format!("没有认出是哪一类报告，将按“{}”导入{}。", name(choice.index()), if types.len() > 1 { "，也可以在下面另选" } else { "" })),
    };
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
                if let Some(line) = recognised {
                    <p class="field-hint" id="import-recognised" role="status">{ line }</p>
                }
                if types.len() > 1 {
                    <label class="import-type">{ "报告类型：" }
                        <select id="import-type" onchange={on_pick}>
                            { for types.iter().enumerate().map(|(i, c)| html! {
                                <option value={i.to_string()} selected={i == choice.index()}>{ c.name.clone() }</option>
                            }) }
                        </select>
                    </label>
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

fn check_size(text: &str) -> Result<(), String> {
    if text.trim().is_empty() {
        return Err("没有可导入的内容：请先粘贴旧报告全文。".into());
    }
    if text.chars().count() > MAX_CHARS {
        return Err("这段文字超过 100 万字，不像是一份报告，没有导入。现在的草稿没有改动。".into());
    }
    Ok(())
}
