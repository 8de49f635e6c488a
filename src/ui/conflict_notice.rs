//! The notice shown when the open draft was changed or deleted in another window while this
//! one had changes of its own (`domain::store::concurrent`): nothing was overwritten, and the
//! clerk chooses. It only displays and reports clicks; 比较两个版本 opens a `<details>` with the
//! differences the page hands it (a plain function, no state: the page's wasm stays small).
use yew::prelude::*;

use crate::domain::store::concurrent::Difference;

/// `deleted`: deleted elsewhere (else changed elsewhere); `differences`: where the versions
/// differ (empty when the other one cannot be read here). `on_choice(true)` keeps this window's
/// version as a draft; `on_choice(false)` takes the other version (changed) or leaves this
/// draft (deleted).
pub fn conflict_notice(title: &str, deleted: bool, differences: &[Difference], on_choice: Callback<bool>) -> Html {
    let click = |keep: bool| on_choice.reform(move |_: MouseEvent| keep);
    let (text, keep, other) = if deleted {
        (format!("草稿“{title}”已在另一个窗口中删除。这个窗口里的内容还在，可以保留为草稿。"), "保留为草稿", "不保留，换到其他草稿")
    } else {
        (
            format!("草稿“{title}”在另一个窗口中也修改了。为了两边都不被覆盖，这个窗口里的修改暂时没有保存，请选择："),
            "保存为新草稿",
            "用另一处的版本",
        )
    };
    let rows = differences.iter().map(|d| {
        html! { <tr><th scope="row">{ &d.label }</th><td>{ &d.here }</td><td>{ &d.there }</td></tr> }
    });
    html! {
        <div class="notice is-error conflict-notice" role="alert" id="conflict-notice">
            <p>{ text }</p>
            <div class="conflict-actions">
                <button type="button" class="button is-primary" id="conflict-keep" onclick={click(true)}>{ keep }</button>
                <button type="button" class="button" id="conflict-other" onclick={click(false)}>{ other }</button>
            </div>
            if !deleted {
                <details class="conflict-compare">
                    <summary class="button" id="conflict-compare">{ "比较两个版本" }</summary>
                    if differences.is_empty() {
                        <p>{ "另一处的版本这里无法读取。" }</p>
                    } else {
                        <table class="conflict-table" id="conflict-table">
                            <thead><tr><th>{ "位置" }</th><th>{ "这个窗口" }</th><th>{ "另一处" }</th></tr></thead>
                            <tbody>{ for rows }</tbody>
                        </table>
                    }
                </details>
            }
        </div>
    }
}
