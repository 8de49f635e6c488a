//! What the template needs before it is saved (live), the preview as the drafter sees it, and
//! the two ways to save: the file with its line for the server's `index.json`, or this browser.
use yew::prelude::*;

use super::super::shared::Shared;
use crate::domain::workshop::edit::Flaw;

#[derive(Properties, PartialEq)]
pub struct SaveBarProps {
    pub flaws: Shared<Vec<Flaw>>,
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
                    { for props.flaws.iter().map(|f| html! { <li>{ f.to_string() }</li> }) }
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
