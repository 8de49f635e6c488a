//! 我的草稿's last section: where the drafts are kept and who can read them (a page opened from
//! a file says which file, and that other local pages can read them), 从其他副本导入, and
//! 清除本机保存. It only displays and reports clicks.
use yew::prelude::*;

/// Another copy of the page with drafts in this browser.
#[derive(Clone, Debug, PartialEq)]
pub struct OtherCopy {
    /// Its key prefix, handed back on 导入.
    pub prefix: AttrValue,
    /// Where it is, as the clerk reads it (empty: drafts of an earlier version, for all copies).
    pub location: AttrValue,
    pub drafts: usize,
}

#[derive(Properties, PartialEq)]
pub struct SavedHereProps {
    /// The file this page was opened from (a page opened from a file), else nothing.
    pub file: Option<AttrValue>,
    pub copies: Vec<OtherCopy>,
    /// 导入 from the copy with this prefix.
    pub on_import: Callback<String>,
    /// 保存草稿文件 of the open draft.
    pub on_save_file: Callback<()>,
    /// 清除本机保存: of every draft (`true`) or of the open one.
    pub on_clear: Callback<bool>,
}

#[function_component(SavedHere)]
pub fn saved_here(props: &SavedHereProps) -> Html {
    let clearing = use_state(|| false);
    let toggle = {
        let clearing = clearing.clone();
        Callback::from(move |_: MouseEvent| clearing.set(!*clearing))
    };
    let emit = |cb: &Callback<bool>, all: bool| {
        let cb = cb.clone();
        Callback::from(move |_: MouseEvent| cb.emit(all))
    };
    let save_file = {
        let cb = props.on_save_file.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    html! {
        <section class="saved-here" id="saved-here">
            if let Some(file) = props.file.clone() {
                <p class="field-hint" id="file-storage-note">
                    { format!("这些草稿保存在这台电脑的这个浏览器里，只属于这一份文件（{file}）；其他文件夹里的副本各有各的草稿。") }
                    { "请注意：在这个浏览器里打开的其他本地网页文件（比如另存到电脑上的网页附件）也能读到这里保存的草稿。只想把草稿留在文件里时，先“保存草稿文件”，再“清除本机保存”。" }
                </p>
            }
            if !props.copies.is_empty() {
                <div class="other-copies" id="other-copies">
                    <p>{ "从其他副本导入：这个浏览器里还保存着其他副本的草稿，可以把它们复制到这里（那边的照样保留）。" }</p>
                    <ul>
                        { for props.copies.iter().map(|c| {
                            let (cb, prefix) = (props.on_import.clone(), c.prefix.to_string());
                            let whose = if c.location.is_empty() { "以前的版本为所有副本保存的草稿".to_string() } else { format!("“{}”", c.location) };
                            html! {
                                <li class="other-copy" data-prefix={c.prefix.clone()}>
                                    { format!("{whose}：{} 份", c.drafts) }
                                    <button type="button" class="button copy-import" onclick={Callback::from(move |_: MouseEvent| cb.emit(prefix.clone()))}>{ "导入" }</button>
                                </li>
                            }
                        }) }
                    </ul>
                </div>
            }
            <button type="button" class="link-button" id="clear-local" aria-expanded={(*clearing).to_string()} onclick={toggle}>{ "清除本机保存……" }</button>
            if *clearing {
                <div class="clear-local" id="clear-local-box">
                    <p>{ "清除后，草稿只在你下载的草稿文件里，这个浏览器里不再保存，也不能撤销。清除前请先把要留的草稿用“保存草稿文件”下载下来。" }</p>
                    <div class="dialog-actions">
                        <button type="button" class="button" id="clear-save-file" onclick={save_file}>{ "保存草稿文件" }</button>
                        <button type="button" class="button" id="clear-this" onclick={emit(&props.on_clear, false)}>{ "清除正在编辑的这份" }</button>
                        <button type="button" class="button" id="clear-all" onclick={emit(&props.on_clear, true)}>{ "清除全部草稿" }</button>
                    </div>
                </div>
            }
        </section>
    }
}
