//! 我的草稿's last section: where the drafts are kept and who can read them (a page opened from
//! a file says which file, and that other local pages can read them), 从其他副本导入, and
//! 清除本机保存 (in a `<details>`: no state of its own). It only displays and reports clicks.
use yew::prelude::*;

/// Another copy of the page with drafts in this browser: its key prefix (handed back on 导入),
/// where it is as the clerk reads it (empty: the drafts an earlier version kept for all copies),
/// how many drafts it keeps.
pub type OtherCopy = (String, String, usize);

/// `file`: the file this page was opened from (else `None`: a served page). `on_import` gets
/// the prefix of the copy to import from; `on_clear` is `true` for every draft, `false` for the
/// open one.
pub fn saved_here(
    file: Option<String>,
    copies: Vec<OtherCopy>,
    on_import: Callback<String>,
    on_save_file: Callback<()>,
    on_clear: Callback<bool>,
) -> Html {
    let emit = |all: bool| {
        let cb = on_clear.clone();
        Callback::from(move |_: MouseEvent| cb.emit(all))
    };
    let save_file = Callback::from(move |_: MouseEvent| on_save_file.emit(()));
    let copies = copies.into_iter().map(|(prefix, location, count)| {
        let whose = if location.is_empty() { "以前的版本为所有副本保存的草稿".to_string() } else { format!("“{location}”") };
        let cb = on_import.clone();
        html! {
            <li class="other-copy">
                { format!("{whose}：{count} 份") }
                <button type="button" class="button copy-import" onclick={Callback::from(move |_: MouseEvent| cb.emit(prefix.clone()))}>{ "导入" }</button>
            </li>
        }
    });
    let copies: Vec<Html> = copies.collect();
    html! {
        <section class="saved-here" id="saved-here">
            if let Some(file) = file {
                <p class="field-hint" id="file-storage-note">
                    { format!("这些草稿只保存在这个浏览器里，只属于这一份文件（{file}），其他文件夹里的副本各有各的草稿。注意：这个浏览器打开的其他本地网页文件也能读到它们。只想把草稿留在文件里，可先“保存草稿文件”，再“清除本机保存”。") }
                </p>
            }
            if !copies.is_empty() {
                <div class="other-copies" id="other-copies">
                    <p>{ "从其他副本导入（复制过来，那边的照样保留）：" }</p>
                    <ul>{ for copies }</ul>
                </div>
            }
            <details class="clear-local">
                <summary class="link-button" id="clear-local">{ "清除本机保存……" }</summary>
                <p>{ "清除后草稿只在你下载的草稿文件里，不能撤销。请先用“保存草稿文件”下载要留的草稿。" }</p>
                <div class="dialog-actions">
                    <button type="button" class="button" id="clear-save-file" onclick={save_file}>{ "保存草稿文件" }</button>
                    <button type="button" class="button" id="clear-this" onclick={emit(false)}>{ "清除正在编辑的这份" }</button>
                    <button type="button" class="button" id="clear-all" onclick={emit(true)}>{ "清除全部草稿" }</button>
                </div>
            </details>
        </section>
    }
}
