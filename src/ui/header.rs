//! The page's header: the name, the report type and the draft being edited; the actions (the
//! rarer ones folded into 更多, so the row never wraps). It only displays and reports clicks.
use yew::prelude::*;

use super::browser;
use super::widgets::button;

#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    /// The open draft's report type: a button that opens the gallery (`on_kind`).
    pub kind: AttrValue,
    pub on_kind: Callback<MouseEvent>,
    /// The open draft's title in 我的草稿.
    pub title: AttrValue,
    pub on_drafts: Callback<MouseEvent>,
    pub on_example: Callback<MouseEvent>,
    pub on_import: Callback<MouseEvent>,
    pub on_save_file: Callback<MouseEvent>,
    /// The file inputs' changes: 打开草稿文件, 打开模板文件.
    pub on_open_draft: Callback<Event>,
    pub on_open_template: Callback<Event>,
    pub on_copy: Callback<MouseEvent>,
    pub on_clear: Callback<MouseEvent>,
    pub on_txt: Callback<MouseEvent>,
    pub on_docx: Callback<MouseEvent>,
}

#[function_component(Header)]
pub fn header(props: &HeaderProps) -> Html {
    // Esc closes 更多, back on its button; a choice in it closes it too.
    let on_menu_key = Callback::from(|e: KeyboardEvent| {
        if e.key() == "Escape" {
            if let Some(t) = e.target_dyn_into::<web_sys::Element>() {
                browser::escape_menu(&t)
            }
        }
    });
    let on_menu_click = Callback::from(|e: MouseEvent| {
        if let Some(t) = e.target_dyn_into::<web_sys::Element>() {
            browser::close_menu(&t)
        }
    });
    html! {
        <header class="app-header">
            <div class="app-brand">
                <h1>{ "公文起草助手" }</h1>
                <button type="button" class="app-subtitle link-button" id="report-type" title="换一种报告：选择报告类型，或用范文制作新模板"
                    onclick={props.on_kind.clone()}>{ &props.kind }</button>
                <p class="current-draft" id="current-draft">{ format!("正在编辑：{}", props.title) }</p>
            </div>
            <div class="app-actions">
                { button("my-drafts", "我的草稿", false, props.on_drafts.clone()) }
                { button("fill-example", "填入示例", false, props.on_example.clone()) }
                { button("import-report", "导入旧报告", false, props.on_import.clone()) }
                <details class="more-menu" id="more-menu" onkeydown={on_menu_key}>
                    <summary class="button">{ "更多" }</summary>
                    <div class="menu-list" onclick={on_menu_click}>
                        { button("save-draft", "保存草稿文件", false, props.on_save_file.clone()) }
                        <input type="file" id="open-draft" class="visually-hidden" accept=".json,application/json" onchange={props.on_open_draft.clone()} />
                        <label class="button" for="open-draft">{ "打开草稿文件" }</label>
                        <input type="file" id="open-template" class="visually-hidden" accept=".json,application/json" onchange={props.on_open_template.clone()} />
                        <label class="button" for="open-template">{ "打开模板文件" }</label>
                        { button("copy-text", "复制全文", false, props.on_copy.clone()) }
                        { button("clear", "清空", false, props.on_clear.clone()) }
                    </div>
                </details>
                { button("download-txt", "下载文本（.txt）", true, props.on_txt.clone()) }
                { button("download-docx", "下载 Word（.docx）", true, props.on_docx.clone()) }
            </div>
        </header>
    }
}
