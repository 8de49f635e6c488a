//! Small markup shared by the page's components.
use yew::prelude::*;

/// One button of the page. Most buttons are this one markup: one `html!` for all of them keeps
/// the wasm small (each `html!` block is code of its own).
pub fn button(id: &'static str, text: &'static str, primary: bool, onclick: Callback<MouseEvent>) -> Html {
    html! { <button type="button" class={if primary { "button is-primary" } else { "button" }} {id} {onclick}>{ text }</button> }
}
