//! The notices above the workspace: the autosave's failure (with the download), the choice when
//! another window changed or deleted the open draft, what the page last said, and last year's
//! years left after an import. They only display and dispatch.
use yew::prelude::*;

use super::browser;
use super::conflict_notice::conflict_notice;
use super::desk_files::{desk, Store};
use super::state::{Action, AppState};
use crate::domain::store::concurrent::differences;
use crate::domain::store::desk::Do;

#[derive(Properties, PartialEq)]
pub struct NoticesProps {
    pub state: Store,
    /// 下载草稿文件 in the storage warning.
    pub on_save_file: Callback<MouseEvent>,
}

#[function_component(Notices)]
pub fn notices(props: &NoticesProps) -> Html {
    let state = &props.state;
    let d = &state.desk;
    let conflict = match &d.conflict {
        Some(c) if c.id == d.open => {
            let found = c.theirs.as_ref().map(|t| differences(&state.template, &state.draft, &t.draft)).unwrap_or_default();
            // Keep this window's version; take the other's; let a deleted draft go (asked first).
            let (desk, deleted) = (desk(state), c.deleted);
            let on_choice = Callback::from(move |keep: bool| match (keep, deleted) {
                (true, _) => desk.emit(Do::Keep),
                (false, false) => desk.emit(Do::TakeTheirs),
                (false, true) => {
                    if browser::confirm("这个窗口里的这份草稿将不再保留。确定吗？") {
                        desk.emit(Do::LetGo)
                    }
                }
            });
            conflict_notice(&c.title, c.deleted, &found, on_choice)
        }
        _ => html! {},
    };
    html! {
        <>
            if let Some(problem) = d.storage_problem.clone() {
                <p class="notice is-error" role="alert" id="storage-problem">
                    { problem }{ " 请先下载草稿文件保存，继续输入不受影响。" }
                    <button type="button" class="button" onclick={props.on_save_file.clone()}>{ "下载草稿文件" }</button>
                </p>
            }
            { conflict }
            if let Some(n) = d.notice.clone() {
                <p class={classes!("notice", n.problem.then_some("is-error"))} role="alert">{ n.text }</p>
            }
            { stale_years_bar(state) }
        </>
    }
}

/// After an import, once the clerk has typed this year's year: how many of last year's years
/// are left in the text, and one button that replaces them all (each is also flagged with its
/// own fix).
fn stale_years_bar(state: &Store) -> Html {
    let rule = crate::domain::check::stale_year::RULE;
    let s: &AppState = state;
    let left = s.findings.iter().filter(|f| f.finding.rule == rule).count();
    if left == 0 {
        return html! {};
    }
    let stale = crate::domain::check::stale_year::stale_years(&s.template, &s.draft);
    let (old, new) = match stale.as_slice() {
        [one] => (format!("“{}年”", one.old), format!("“{}年”", one.new)),
        _ => ("去年的年份".to_string(), "今年的年份".to_string()),
    };
    let state = state.clone();
    let onclick = Callback::from(move |_: MouseEvent| state.dispatch(Action::FixAll { rule }));
    html! {
        <p class="notice" id="stale-years" role="status">
            { format!("正文里还有 {left} 处{old}，已标出；指的是报告年度的，应改为{new}。") }
            <button type="button" class="button" id="replace-stale" {onclick}>{ format!("全部改为{new}") }</button>
        </p>
    }
}
