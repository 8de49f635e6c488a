//! 「我的草稿」: every draft kept in this browser with its last change; open, new, rename,
//! copy, delete (and undo). It only displays and reports clicks: the page does the work.
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::dialog::Dialog;
use crate::domain::store::library::{clean_title, MAX_TITLE};

/// One draft as listed.
#[derive(Clone, Debug, PartialEq)]
pub struct DraftRow {
    pub id: AttrValue,
    pub title: AttrValue,
    /// Its report type, as the gallery names it (选人用人工作情况报告, …（本单位模板）).
    pub kind: AttrValue,
    /// When it was last changed, as a clerk reads it (今天 14:05).
    pub changed: AttrValue,
}

#[derive(Properties, PartialEq)]
pub struct DraftsPanelProps {
    /// Newest first.
    pub drafts: Vec<DraftRow>,
    /// The id of the draft being edited.
    pub current: AttrValue,
    /// The title of the last deleted draft, while it can be undone.
    #[prop_or_default]
    pub deleted: Option<AttrValue>,
    /// The outcome of the last action: (is it a problem, message).
    #[prop_or_default]
    pub message: Option<(bool, AttrValue)>,
    /// 新建草稿: shows the gallery of report types.
    pub on_new: Callback<()>,
    pub on_open: Callback<String>,
    /// (id, the new name, already checked with `clean_title`).
    pub on_rename: Callback<(String, String)>,
    pub on_duplicate: Callback<String>,
    pub on_delete: Callback<String>,
    pub on_undo: Callback<()>,
    pub on_close: Callback<()>,
    /// Where the drafts are kept, 从其他副本导入, 清除本机保存 (`saved_here::SavedHere`).
    #[prop_or_default]
    pub storage: Html,
}

#[function_component(DraftsPanel)]
pub fn drafts_panel(props: &DraftsPanelProps) -> Html {
    // The draft being renamed, and why the name typed was refused.
    let renaming = use_state(|| Option::<String>::None);
    let refused = use_state(|| Option::<String>::None);
    let input = use_node_ref();

    let submit_rename = {
        let (renaming, refused, input, on_rename) = (renaming.clone(), refused.clone(), input.clone(), props.on_rename.clone());
        move || {
            let Some(id) = (*renaming).clone() else { return };
            let typed = input.cast::<HtmlInputElement>().map(|i| i.value()).unwrap_or_default();
            match clean_title(&typed) {
                Ok(name) => {
                    on_rename.emit((id, name));
                    renaming.set(None);
                    refused.set(None);
                }
                Err(why) => refused.set(Some(why)),
            }
        }
    };
    let stop_renaming = {
        let (renaming, refused) = (renaming.clone(), refused.clone());
        move || {
            renaming.set(None);
            refused.set(None);
        }
    };
    let click = |cb: &Callback<String>, id: &AttrValue| {
        let (cb, id) = (cb.clone(), id.to_string());
        Callback::from(move |_: MouseEvent| cb.emit(id.clone()))
    };

    let row = |d: &DraftRow| {
        let current = d.id == props.current;
        let title = if renaming.as_deref() == Some(d.id.as_str()) {
            let on_key = {
                let (submit, stop) = (submit_rename.clone(), stop_renaming.clone());
                Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
                    "Enter" => submit(),
                    "Escape" => {
                        // Ends the rename only, not the dialog.
                        e.prevent_default();
                        stop()
                    }
                    _ => {}
                })
            };
            let (submit, stop) = (submit_rename.clone(), stop_renaming.clone());
            html! {
                <div class="draft-renaming">
                    <input ref={input.clone()} type="text" class="draft-rename-input" value={d.title.clone()}
                        maxlength={MAX_TITLE.to_string()} aria-label="草稿的新名称" onkeydown={on_key} />
                    <button type="button" class="button draft-rename-ok" onclick={Callback::from(move |_: MouseEvent| submit())}>{ "确定" }</button>
                    <button type="button" class="button draft-rename-cancel" onclick={Callback::from(move |_: MouseEvent| stop())}>{ "取消" }</button>
                    if let Some(why) = (*refused).clone() {
                        <p class="slot-problem" role="alert">{ why }</p>
                    }
                </div>
            }
        } else {
            let start = {
                let (renaming, refused, id) = (renaming.clone(), refused.clone(), d.id.to_string());
                Callback::from(move |_: MouseEvent| {
                    renaming.set(Some(id.clone()));
                    refused.set(None);
                })
            };
            html! {
                <>
                    <span class="draft-title">{ &d.title }</span>
                    if current {
                        <span class="draft-current">{ "（正在编辑）" }</span>
                    }
                    <button type="button" class="link-button draft-rename" aria-label={format!("重命名“{}”", d.title)} onclick={start}>{ "重命名" }</button>
                </>
            }
        };
        html! {
            <li class={classes!("draft-row", current.then_some("is-current"))} data-id={d.id.clone()}
                aria-current={current.then_some("true")}>
                <div class="draft-info">
                    <div class="draft-name">{ title }</div>
                    <span class="draft-type">{ &d.kind }</span>
                    <span class="draft-changed">{ format!("最后修改：{}", d.changed) }</span>
                </div>
                <div class="draft-actions">
                    if !current {
                        <button type="button" class="button is-primary draft-open" aria-label={format!("打开“{}”", d.title)}
                            onclick={click(&props.on_open, &d.id)}>{ "打开" }</button>
                    }
                    <button type="button" class="button draft-duplicate" aria-label={format!("复制“{}”", d.title)}
                        onclick={click(&props.on_duplicate, &d.id)}>{ "复制" }</button>
                    <button type="button" class="button draft-delete" aria-label={format!("删除“{}”", d.title)}
                        onclick={click(&props.on_delete, &d.id)}>{ "删除" }</button>
                </div>
            </li>
        }
    };
    let on_new = props.on_new.clone();
    let on_close = props.on_close.clone();
    let on_undo = props.on_undo.clone();
    html! {
            <Dialog id="drafts-panel" class="drafts-panel" title_id="drafts-title" title="我的草稿" on_close={on_close.clone()}>
                <p class="field-hint">{ "这里是保存在本机浏览器里的全部草稿，每次修改都会自动保存。换到另一份草稿前，现在这份会先保存好。" }</p>
                if let Some((is_problem, msg)) = props.message.clone() {
                    <p class={classes!("notice", is_problem.then_some("is-error"))} role="alert" id="drafts-message">{ msg }</p>
                }
                if let Some(title) = props.deleted.clone() {
                    <p class="notice undo-bar" role="status" id="draft-deleted">
                        { format!("已删除“{title}”。") }
                        <button type="button" class="link-button" id="draft-undo"
                            onclick={Callback::from(move |_: MouseEvent| on_undo.emit(()))}>{ "撤销" }</button>
                    </p>
                }
                <ol class="draft-list">
                    { for props.drafts.iter().map(row) }
                </ol>
                { props.storage.clone() }
                <div class="dialog-actions">
                    <button type="button" class="button" id="draft-new"
                        onclick={Callback::from(move |_: MouseEvent| on_new.emit(()))}>{ "新建草稿" }</button>
                    <button type="button" class="button is-primary" id="drafts-close"
                        onclick={Callback::from(move |_: MouseEvent| on_close.emit(()))}>{ "关闭" }</button>
                </div>
            </Dialog>
    }
}
