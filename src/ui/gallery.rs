//! The gallery of report types a new draft starts from: each type's name, when it is written,
//! its parts; a unit's own templates marked 本单位模板; 打开模板文件. It only displays and
//! reports clicks: the page loads the template and makes the draft.
use yew::prelude::*;

use super::dialog::Dialog;
use super::shared::Shared;
use crate::domain::model::gallery::Choice;
use crate::domain::model::limits::{size_words, KEPT_TEMPLATES_BYTES};
use crate::domain::store::template_store::Kept;

#[derive(Properties, PartialEq)]
pub struct GalleryProps {
    pub choices: Shared<Vec<Choice>>,
    /// While a template loads (the buttons wait).
    #[prop_or_default]
    /// What is loading (a report type's template, 模板制作), if anything: said, and the choices wait.
    pub busy: Option<&'static str>,
    /// Why the last choice was not opened.
    #[prop_or_default]
    pub message: Option<AttrValue>,
    /// A report type was chosen (its id).
    pub on_choose: Callback<String>,
    /// What is wrong with the unit's `templates/index.json` (its good entries are listed).
    #[prop_or_default]
    pub index_problems: Shared<Vec<String>>,
    /// The templates kept in this browser from files, with their sizes.
    #[prop_or_default]
    pub kept: Shared<Vec<Kept>>,
    /// 删除本机模板 was pressed for a kept template (its id); the page asks first.
    pub on_remove: Callback<String>,
    /// A template file was chosen (the file input's change).
    pub on_open_file: Callback<Event>,
    pub on_close: Callback<()>,
    /// 用范文制作新模板: the workshop opens (none: the page has no workshop).
    #[prop_or_default]
    pub on_workshop: Option<Callback<()>>,
    /// 修改模板 of a report type (its id): the workshop opens on its template.
    #[prop_or_default]
    pub on_edit: Option<Callback<String>>,
}

#[function_component(Gallery)]
pub fn gallery(props: &GalleryProps) -> Html {
    let busy = props.busy.is_some();
    let item = |c: &Choice| {
        let (on_choose, id) = (props.on_choose.clone(), c.entry.id.clone());
        let edit = props.on_edit.as_ref().map(|e| {
            let id = id.clone();
            e.reform(move |_: MouseEvent| id.clone())
        });
        html! {
            <li class="gallery-item" data-template={c.entry.id.clone()}>
                <div class="gallery-info">
                    <h3 class="gallery-name">{ &c.entry.name }
                        if let Some(mark) = c.origin.mark() { <span class="template-mark">{ mark }</span> }
                    </h3>
                    if !c.entry.summary.is_empty() { <p class="gallery-summary">{ &c.entry.summary }</p> }
                    <p class="gallery-parts">{ format!("组成：{}", c.entry.parts.join("、")) }</p>
                </div>
                if let Some(onclick) = edit {
                    <button type="button" class="button gallery-edit" disabled={busy} aria-label={format!("修改模板“{}”", c.entry.name)} {onclick}>{ "修改模板" }</button>
                }
                <button type="button" class="button is-primary gallery-choose" disabled={busy}
                    aria-label={format!("新建“{}”", c.entry.name)}
                    onclick={Callback::from(move |_: MouseEvent| on_choose.emit(id.clone()))}>{ "新建" }</button>
            </li>
        }
    };
    let kept = |k: &Kept| {
        let (on_remove, id) = (props.on_remove.clone(), k.id.clone());
        let name = k.name.clone().unwrap_or_else(|| format!("{}（已无法打开）", k.id));
        html! {
            <li class="gallery-kept-item" data-template={k.id.clone()}>
                <span>{ format!("{name}，{}", size_words(k.bytes)) }</span>
                <button type="button" class="button gallery-remove" aria-label={format!("删除本机模板“{name}”")}
                    onclick={Callback::from(move |_: MouseEvent| on_remove.emit(id.clone()))}>{ "删除本机模板" }</button>
            </li>
        }
    };
    let on_close = props.on_close.clone();
    html! {
            <Dialog id="gallery" class="gallery" title_id="gallery-title" title="新建草稿：选择报告类型" on_close={on_close.clone()}>
                <p class="field-hint">{ "选一种报告，按它的提纲逐项填写。现在这份草稿会先保存好，仍在“我的草稿”里。" }</p>
                if let Some(what) = props.busy {
                    <p class="notice" role="status" id="gallery-busy">{ what }</p>
                }
                if let Some(msg) = props.message.clone() {
                    <p class="notice is-error" role="alert" id="gallery-message">{ msg }</p>
                }
                if !props.index_problems.is_empty() {
                    <div class="notice is-error" role="status" id="gallery-index-problems">
                        { for props.index_problems.iter().map(|p| html! { <p>{ p }</p> }) }
                    </div>
                }
                <ul class="gallery-list">{ for props.choices.iter().map(item) }</ul>
                if !props.kept.is_empty() {
                    <h3 class="gallery-kept-title">{ "本机保存的模板" }</h3>
                    <p class="field-hint">{ format!(
                        "从文件打开的模板保存在这台电脑的浏览器里，合计最多 {}，现在共 {}。不用的可以删除；用它写的草稿仍留在“我的草稿”里。",
                        size_words(KEPT_TEMPLATES_BYTES),
                        size_words(props.kept.iter().map(|k| k.bytes).sum())
                    ) }</p>
                    <ul class="gallery-kept" id="gallery-kept">{ for props.kept.iter().map(kept) }</ul>
                }
                <div class="dialog-actions">
                    <input type="file" id="gallery-open-template" class="visually-hidden" accept=".json,application/json"
                        onchange={props.on_open_file.clone()} />
                    <label class="button" for="gallery-open-template">{ "打开模板文件" }</label>
                    if let Some(w) = &props.on_workshop {
                        <button type="button" class="button" id="gallery-workshop" onclick={w.reform(|_: MouseEvent| ())}>{ "用范文制作新模板" }</button>
                    }
                    <button type="button" class="button" id="gallery-close"
                        onclick={Callback::from(move |_: MouseEvent| on_close.emit(()))}>{ "关闭" }</button>
                </div>
            </Dialog>
    }
}
