//! The one frame of the page's dialogs (我的草稿, the gallery, 导入旧报告): a modal dialog named
//! by its heading; the focus goes into it when it opens and stays inside (Tab and Shift+Tab
//! wrap around), Esc closes it, and the focus goes back to what opened it.
use yew::prelude::*;

use super::browser;

#[derive(Properties, PartialEq)]
pub struct DialogProps {
    pub id: AttrValue,
    /// Classes besides `dialog`.
    #[prop_or_default]
    pub class: Classes,
    /// The heading, and its id (the dialog's accessible name).
    pub title: AttrValue,
    pub title_id: AttrValue,
    /// Esc was pressed.
    pub on_close: Callback<()>,
    #[prop_or_default]
    pub ondrop: Option<Callback<DragEvent>>,
    #[prop_or_default]
    pub ondragover: Option<Callback<DragEvent>>,
    #[prop_or_default]
    pub children: Html,
}

#[function_component(Dialog)]
pub fn dialog(props: &DialogProps) -> Html {
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect_with((), move |_| {
            let opener = browser::focus_into(&node);
            move || browser::focus_back(opener)
        });
    }
    let onkeydown = {
        let (node, on_close) = (node.clone(), props.on_close.clone());
        Callback::from(move |e: KeyboardEvent| {
            // A box inside that handles the key itself (Esc ends a rename) says so first.
            if e.default_prevented() {
                return;
            }
            match e.key().as_str() {
                "Escape" => {
                    e.prevent_default();
                    on_close.emit(());
                }
                "Tab" => browser::keep_tab_inside(&node, &e),
                _ => {}
            }
        })
    };
    html! {
        <div class="dialog-backdrop">
            <div ref={node} class={classes!("dialog", props.class.clone())} role="dialog" aria-modal="true"
                aria-labelledby={props.title_id.clone()} id={props.id.clone()} tabindex="-1" {onkeydown}
                ondrop={props.ondrop.clone()} ondragover={props.ondragover.clone()}>
                <h2 id={props.title_id.clone()}>{ &props.title }</h2>
                { props.children.clone() }
            </div>
        </div>
    }
}
