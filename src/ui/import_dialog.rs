//! "导入旧报告": paste last year's report, or open (or drop on the dialog) its `.docx` or `.txt`
//! (a Word file is read by the page's .docx reader, `word_file`); it is split into the template's
//! parts, and what fits nowhere is kept in the "未归类内容" list. While the text is pasted the
//! dialog says which report type it looks like (`识别为：…`, `recognise::best`) and picks that
//! type in "导入为", which the clerk may change: imported as another type than the open draft's,
//! the report becomes a new draft of that type (its template is loaded first).
use web_sys::{HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::browser;
use super::dialog::Dialog;
use super::shared::Shared;
use crate::domain::input::import_report::importable;
use crate::domain::input::recognise::{best, Candidate, Confidence};

#[derive(Properties, PartialEq)]
pub struct ImportDialogProps {
    /// The report types a text is compared with; the first is the open draft's.
    pub types: Shared<Vec<Candidate>>,
    /// The text to import, as which type.
    pub on_import: Callback<ImportRequest>,
    pub on_cancel: Callback<()>,
    /// The import waits for its report type's template.
    #[prop_or_default]
    pub busy: bool,
    /// Why the last report sent was not imported (the dialog keeps the text).
    #[prop_or_default]
    pub refused: Option<AttrValue>,
}

/// A report to import: its text, and the id of the report type to import it as.
pub struct ImportRequest {
    pub text: String,
    pub kind: String,
    /// Damaged spots in the file it was read from (`decode::damage_notice`); 0 for a paste.
    pub damaged: usize,
}

#[function_component(ImportDialog)]
pub fn import_dialog(props: &ImportDialogProps) -> Html {
    let area = use_node_ref();
    let problem = use_state(|| Option::<String>::None);
    // `None` until some text is there; then the type it looks like, if any.
    let recognised = use_state(|| Option::<Option<(usize, Confidence)>>::None);
    // The type the clerk picked in 导入为; `None`: the recognised one (else the open draft's).
    let picked = use_state(|| Option::<usize>::None);
    let busy = props.busy;
    // The page's last refusal, once the clerk has changed the text since (then not shown).
    let dismissed = use_state(|| Option::<AttrValue>::None);
    // A file is being read (a Word file: its reader is loaded first).
    let reading = use_state(|| false);
    let kind = (*picked).or((*recognised).flatten().map(|(i, _)| i)).unwrap_or(0);
    let kind_id = props.types.get(kind).map(|c| c.id.clone()).unwrap_or_default();
    let on_pick = {
        let picked = picked.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            picked.set(select.value().parse().ok());
        })
    };
    // Sends the text; the dialog stays, with the text, until the import is done or refused.
    let send = {
        let (problem, dismissed, on_import) = (problem.clone(), dismissed.clone(), props.on_import.clone());
        Callback::from(move |(text, kind, damaged): (String, String, usize)| {
            if let Err(msg) = importable(&text) {
                return problem.set(Some(msg));
            }
            problem.set(None);
            dismissed.set(None);
            on_import.emit(ImportRequest { text, kind, damaged });
        })
    };
    let on_input = {
        let (types, recognised, problem) = (props.types.clone(), recognised.clone(), problem.clone());
        let (dismissed, refused) = (dismissed.clone(), props.refused.clone());
        Callback::from(move |e: InputEvent| {
            dismissed.set(refused.clone());
            let text = e.target_unchecked_into::<HtmlTextAreaElement>().value();
            // Too long a text is refused before it is read (`importable`), not recognised.
            match importable(&text) {
                Err(msg) if !text.trim().is_empty() => {
                    recognised.set(None);
                    problem.set(Some(msg));
                }
                _ => {
                    problem.set(None);
                    recognised.set((!text.trim().is_empty()).then(|| best(&types, &text)));
                }
            }
        })
    };
    // A paste too long to import is refused before the browser inserts it into the box (which
    // for megabytes of text is itself slow): the clipboard's text is measured first.
    let on_paste = {
        let problem = problem.clone();
        Callback::from(move |e: Event| {
            let Some(text) = browser::pasted_text(&e) else { return };
            if text.trim().is_empty() {
                return;
            }
            if let Err(msg) = importable(&text) {
                e.prevent_default();
                problem.set(Some(msg));
            }
        })
    };
    let submit = {
        let (area, send, kind_id) = (area.clone(), send.clone(), kind_id.clone());
        Callback::from(move |_: MouseEvent| {
            let text = area.cast::<HtmlTextAreaElement>().map(|a| a.value()).unwrap_or_default();
            send.emit((text, kind_id.clone(), 0));
        })
    };
    // A file is recognised on its own (nothing was pasted): imported as the type it looks like,
    // unless the clerk picked one.
    let file_read = {
        let (problem, send, types, picked, reading) = (problem.clone(), send.clone(), props.types.clone(), *picked, reading.clone());
        Callback::from(move |read: Result<(String, usize), String>| {
            reading.set(false);
            match read {
                Err(msg) => problem.set(Some(msg)),
                // Too long a report is refused before it is recognised (`importable`).
                Ok((text, _)) if importable(&text).is_err() => problem.set(importable(&text).err()),
                Ok((text, damaged)) => {
                    let kind = picked.or_else(|| best(&types, &text).map(|(i, _)| i)).unwrap_or(0);
                    send.emit((text, types.get(kind).map(|c| c.id.clone()).unwrap_or_default(), damaged));
                }
            }
        })
    };
    let open_file = {
        let (file_read, reading) = (file_read.clone(), reading.clone());
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            reading.set(browser::chosen_file_name(&input).is_some());
            browser::read_chosen_report(&input, file_read.clone());
        })
    };
    // A file dropped anywhere on the dialog is opened as if chosen.
    let on_drop = {
        let reading = reading.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            if let Some(file) = e.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0)) {
                reading.set(true);
                browser::read_report(file, file_read.clone());
            }
        })
    };
    let on_drag_over = Callback::from(|e: DragEvent| e.prevent_default());
    let cancel = {
        let on_cancel = props.on_cancel.clone();
        Callback::from(move |_: MouseEvent| on_cancel.emit(()))
    };
    let line = (*recognised).map(|r| recognised_line(&props.types, r));
    html! {
            <Dialog id="import-dialog" class="import-dialog" title_id="import-title" title="导入旧报告" on_close={props.on_cancel.clone()}
                ondrop={on_drop} ondragover={on_drag_over}>
                <p class="field-hint">{ "把去年的报告全文粘贴到下面，或打开它的 Word 文件（.docx）或 .txt 文件（UTF-8 或 GB18030 编码均可），也可以把文件拖到这里。会按“一、”“（一）”“一是”等标题自动分到各部分；分不进去的内容放在“未归类内容”里，一个字也不会丢。标题里的单位、年份和成文日期会带入关键数字。现在的草稿已写了内容时，导入的报告会成为一份新草稿，现在的草稿原样留在“我的草稿”里。" }</p>
                if let Some(msg) = (*problem).clone().or_else(|| props.refused.clone().filter(|r| Some(r) != dismissed.as_ref()).map(|r| r.to_string())) {
                    <p class="notice is-error" role="alert">{ msg }</p>
                }
                <textarea ref={area} id="import-text" class="import-text" rows="10" aria-label="旧报告全文"
                    placeholder="在这里粘贴旧报告全文" oninput={on_input} onpaste={on_paste} />
                if let Some(line) = line {
                    <p class="field-hint" id="import-recognised" role="status">{ line }</p>
                }
                <p class="import-as">
                    <label for="import-as">{ "导入为" }</label>
                    <select id="import-as" onchange={on_pick}>
                        { for props.types.iter().enumerate().map(|(i, c)| html! {
                            <option value={i.to_string()} selected={i == kind}>
                                { if i == 0 { format!("{}（正在写的这类）", c.name) } else { format!("{}（新建一份这类草稿）", c.name) } }
                            </option>
                        }) }
                    </select>
                </p>
                if *reading {
                    <p class="field-hint" role="status">{ "正在读取文件……" }</p>
                }
                if busy {
                    <p class="field-hint" role="status">{ "正在载入这类报告的模板……" }</p>
                }
                <div class="dialog-actions">
                    <input type="file" id="import-file" class="visually-hidden" accept=".docx,.txt,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document" onchange={open_file} />
                    <label class="button" for="import-file">{ "打开 .docx 或 .txt 文件" }</label>
                    <button type="button" class="button" id="import-cancel" onclick={cancel}>{ "取消" }</button>
                    <button type="button" class="button is-primary" id="import-submit" onclick={submit} disabled={busy || *reading}>{ "导入" }</button>
                </div>
            </Dialog>
    }
}

/// What the dialog says of the pasted text's type.
fn recognised_line(types: &[Candidate], recognised: Option<(usize, Confidence)>) -> String {
    let name = |i: usize| types.get(i).map_or("", |c| c.name.as_str());
    match recognised {
        Some((0, sure)) => format!("识别为：{}（{}）", name(0), sure.label()),
        Some((i, sure)) => format!(
            "识别为：{}（{}）。将新建一份“{}”草稿，按它的各部分归类；要按正在写的“{}”归类，请在“导入为”里改选。",
            name(i),
            sure.label(),
            name(i),
            name(0)
        ),
        None => format!("没有认出是哪一类报告，将按“导入为”选的类型（现在是正在写的“{}”）的各部分归类。", name(0)),
    }
}
