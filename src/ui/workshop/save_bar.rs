//! What the template needs before it is saved (live), the preview as the drafter sees it, and
//! the two ways to save: the file with its line for the server's `index.json`, or this browser.
use yew::prelude::*;

use super::super::browser;
use super::super::shared::Shared;
use super::super::storage::Local;
use crate::domain::model::gallery::{builtin_index, may_add};
use crate::domain::model::template::Template;
use crate::domain::store::template_store;
use crate::domain::workshop::edit::Workshop;

/// Keep the template in this browser (`own`: the id of the unit's template being edited, which
/// it replaces; another of the same id is asked about first). `Err`: why not, in Chinese.
pub fn keep(w: &Workshop, own: Option<&str>) -> Result<Template, String> {
    let (t, json) = w.finished()?;
    may_add(&t, &builtin_index()).map_err(|why| format!("没有保存：{why}。"))?;
    if let Some(k) = template_store::kept(&Local).into_iter().find(|k| k.id == t.id && own != Some(k.id.as_str())) {
        let question = format!("这台电脑里已有编号相同的本机模板“{}”，保存会替换它。确定吗？", k.name.unwrap_or(k.id));
        if !browser::confirm(&question) {
            return Err("没有保存：本机已有编号相同的模板。".to_string());
        }
    }
    template_store::save(&Local, &t, &json).map_err(|why| format!("没有保存：{why}。"))?;
    Ok(t)
}

/// Download the template file; its line for `templates/index.json`.
pub fn download(w: &Workshop) -> Result<String, String> {
    let (_, json) = w.finished()?;
    browser::download(&w.file_name(), "application/json", json.as_bytes())?;
    Ok(w.index_line())
}

#[derive(Properties, PartialEq)]
pub struct SaveBarProps {
    /// What is wrong, each said where (`Flaw::describe`).
    pub flaws: Shared<Vec<String>>,
    pub previewing: bool,
    pub on_preview: Callback<()>,
    pub on_keep: Callback<()>,
    pub on_download: Callback<()>,
    /// After a download: the file's name and its line for `templates/index.json`.
    #[prop_or_default]
    pub index_line: Option<AttrValue>,
}

#[function_component(SaveBar)]
pub fn save_bar(props: &SaveBarProps) -> Html {
    let click = |cb: &Callback<()>| cb.reform(|_: MouseEvent| ());
    html! {
        <div class="workshop-save">
            if props.flaws.is_empty() {
                <p class="field-hint" id="workshop-flaws" role="status">{ "模板检查通过，可以保存。" }</p>
            } else {
                <ul class="notice is-error" id="workshop-flaws" role="status">
                    { for props.flaws.iter().map(|f| html! { <li>{ f }</li> }) }
                </ul>
            }
            <div class="dialog-actions">
                <button type="button" class="button" id="workshop-preview-toggle" onclick={click(&props.on_preview)}>
                    { if props.previewing { "回到表单" } else { "预览（以起草人身份）" } }</button>
                <button type="button" class="button" id="workshop-download" onclick={click(&props.on_download)}>{ "下载模板文件（.json）" }</button>
                <button type="button" class="button is-primary" id="workshop-keep" onclick={click(&props.on_keep)}>{ "保存为本机模板" }</button>
            </div>
            if let Some(line) = props.index_line.clone() {
                <p class="field-hint">{ "已下载。放到服务器上时，把文件放进网页旁的 templates 文件夹，并在 templates/index.json 的 templates 列表里加上下面这一行（第一行是文件名）：" }</p>
                <pre class="workshop-index-line" id="workshop-index-line">{ line }</pre>
            }
        </div>
    }
}
