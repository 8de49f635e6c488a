//! The gallery of report types a new draft starts from: each type's name, when it is written,
//! its parts; a unit's own templates marked 本单位模板; 打开模板文件. It only displays and
//! reports clicks: the page loads the template and makes the draft.
use yew::prelude::*;

use super::shared::Shared;
use crate::domain::model::gallery::Choice;

#[derive(Properties, PartialEq)]
pub struct GalleryProps {
    pub choices: Shared<Vec<Choice>>,
    /// While a template loads (the buttons wait).
    #[prop_or_default]
    pub busy: bool,
    /// Why the last choice was not opened.
    #[prop_or_default]
    pub message: Option<AttrValue>,
    /// A report type was chosen (its id).
    pub on_choose: Callback<String>,
    /// A template file was chosen (the file input's change).
    pub on_open_file: Callback<Event>,
    pub on_close: Callback<()>,
}

#[function_component(Gallery)]
pub fn gallery(props: &GalleryProps) -> Html {
    let busy = props.busy;
    let item = |c: &Choice| {
        let (on_choose, id) = (props.on_choose.clone(), c.entry.id.clone());
        html! {
            <li class="gallery-item" data-template={c.entry.id.clone()}>
                <div class="gallery-info">
                    <h3 class="gallery-name">{ &c.entry.name }
                        if let Some(mark) = c.origin.mark() { <span class="template-mark">{ mark }</span> }
                    </h3>
                    if !c.entry.summary.is_empty() { <p class="gallery-summary">{ &c.entry.summary }</p> }
                    <p class="gallery-parts">{ format!("组成：{}", c.entry.parts.join("、")) }</p>
                </div>
                <button type="button" class="button is-primary gallery-choose" disabled={busy}
                    aria-label={format!("新建“{}”", c.entry.name)}
                    onclick={Callback::from(move |_: MouseEvent| on_choose.emit(id.clone()))}>{ "新建" }</button>
            </li>
        }
    };
    let on_close = props.on_close.clone();
    html! {
        <div class="dialog-backdrop">
            <div class="dialog gallery" role="dialog" aria-modal="true" aria-labelledby="gallery-title" id="gallery">
                <h2 id="gallery-title">{ "新建草稿：选择报告类型" }</h2>
                <p class="field-hint">{ "选一种报告，按它的提纲逐项填写。现在这份草稿会先保存好，仍在“我的草稿”里。" }</p>
                if busy {
                    <p class="notice" role="status" id="gallery-busy">{ "正在载入报告模板……" }</p>
                }
                if let Some(msg) = props.message.clone() {
                    <p class="notice is-error" role="alert" id="gallery-message">{ msg }</p>
                }
                <ul class="gallery-list">{ for props.choices.iter().map(item) }</ul>
                <div class="dialog-actions">
                    <input type="file" id="gallery-open-template" class="visually-hidden" accept=".json,application/json"
                        onchange={props.on_open_file.clone()} />
                    <label class="button" for="gallery-open-template">{ "打开模板文件" }</label>
                    <button type="button" class="button" id="gallery-close"
                        onclick={Callback::from(move |_: MouseEvent| on_close.emit(()))}>{ "关闭" }</button>
                </div>
            </div>
        </div>
    }
}
