//! The notice shown when the open draft was changed or deleted in another window while this
//! one had changes of its own (`domain::store::concurrent`): nothing was overwritten, and the
//! clerk chooses. It only displays and reports clicks; comparing is a view of the differences
//! the page hands it.
use yew::prelude::*;

use super::shared::Shared;
use crate::domain::store::concurrent::Difference;

#[derive(Properties, PartialEq)]
pub struct ConflictNoticeProps {
    /// The draft's title.
    pub title: AttrValue,
    /// Deleted elsewhere (else changed elsewhere).
    pub deleted: bool,
    /// Where the two versions differ (changed elsewhere; empty when the other version cannot
    /// be read here).
    pub differences: Shared<Vec<Difference>>,
    /// Keep this window's version as a draft (a new one when the other version stays).
    pub on_keep: Callback<()>,
    /// Show the other version instead (changed elsewhere), or leave this draft (deleted).
    pub on_other: Callback<()>,
}

#[function_component(ConflictNotice)]
pub fn conflict_notice(props: &ConflictNoticeProps) -> Html {
    let comparing = use_state(|| false);
    let click = |cb: &Callback<()>| {
        let cb = cb.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    let title = &props.title;
    let (text, keep, other) = if props.deleted {
        (
            format!("草稿“{title}”已在另一个窗口中删除。这个窗口里还有它的内容，没有丢：可以把它保留为一份草稿。"),
            "保留为草稿",
            "不保留，换到其他草稿",
        )
    } else {
        (
            format!("草稿“{title}”在另一个窗口中也修改了。为了不覆盖任何一边，这个窗口里的修改暂时没有保存。请选择："),
            "保存为新草稿",
            "用另一处的版本",
        )
    };
    let compare = {
        let comparing = comparing.clone();
        Callback::from(move |_: MouseEvent| comparing.set(!*comparing))
    };
    html! {
        <div class="notice is-error conflict-notice" role="alert" id="conflict-notice">
            <p>{ text }</p>
            <div class="conflict-actions">
                <button type="button" class="button is-primary" id="conflict-keep" onclick={click(&props.on_keep)}>{ keep }</button>
                <button type="button" class="button" id="conflict-other" onclick={click(&props.on_other)}>{ other }</button>
                if !props.deleted {
                    <button type="button" class="button" id="conflict-compare" aria-expanded={(*comparing).to_string()} onclick={compare}>
                        { if *comparing { "收起比较" } else { "比较两个版本" } }
                    </button>
                }
            </div>
            if !props.deleted {
                <p class="field-hint">{ "“保存为新草稿”：这个窗口里的版本另存为一份新草稿，另一处的版本原样保留。“用另一处的版本”：换成另一处保存的内容，这个窗口里的修改不再保留。" }</p>
            }
            if *comparing {
                if props.differences.is_empty() {
                    <p id="conflict-same">{ "两个版本的文字相同，或另一处的版本由较新版本的助手保存、这里无法读取。" }</p>
                } else {
                    <table class="conflict-table" id="conflict-table">
                        <thead><tr><th>{ "位置" }</th><th>{ "这个窗口" }</th><th>{ "另一处" }</th></tr></thead>
                        <tbody>
                            { for props.differences.iter().map(|d| html! {
                                <tr><th scope="row">{ &d.label }</th><td class="conflict-here">{ &d.here }</td><td class="conflict-there">{ &d.there }</td></tr>
                            }) }
                        </tbody>
                    </table>
                }
            }
        </div>
    }
}
