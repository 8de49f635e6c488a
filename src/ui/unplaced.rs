//! "未归类内容": imported text that fit no part, each piece with a way to move it into a field.
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::shared::Shared;

#[derive(Properties, PartialEq)]
pub struct UnplacedProps {
    pub pieces: Vec<String>,
    /// (field key, label) of every field, in document order.
    pub fields: Shared<Vec<(String, String)>>,
    /// Move piece `index` to the end of field `key`.
    pub on_place: Callback<(usize, String)>,
}

#[function_component(Unplaced)]
pub fn unplaced(props: &UnplacedProps) -> Html {
    if props.pieces.is_empty() {
        return html! {};
    }
    html! {
        <section class="unplaced" id="unplaced" aria-label="未归类内容">
            <h2 class="step-title">{ format!("未归类内容（{}）", props.pieces.len()) }</h2>
            <p class="field-hint">{ "导入时这些内容没能分到任何部分。选一个位置放进去，它会接在那一栏已有文字的后面。" }</p>
            <ol>
                { for props.pieces.iter().enumerate().map(|(i, piece)| html! {
                    <UnplacedPiece index={i} piece={piece.clone()} fields={props.fields.clone()} on_place={props.on_place.clone()} />
                }) }
            </ol>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct PieceProps {
    index: usize,
    piece: String,
    fields: Shared<Vec<(String, String)>>,
    on_place: Callback<(usize, String)>,
}

#[function_component(UnplacedPiece)]
fn unplaced_piece(props: &PieceProps) -> Html {
    let select = use_node_ref();
    let place = {
        let (select, on_place, index) = (select.clone(), props.on_place.clone(), props.index);
        Callback::from(move |_: MouseEvent| {
            if let Some(key) = select.cast::<HtmlSelectElement>().map(|s| s.value()).filter(|k| !k.is_empty()) {
                on_place.emit((index, key));
            }
        })
    };
    html! {
        <li class="unplaced-piece">
            <p class="unplaced-text">{ &props.piece }</p>
            <select ref={select} aria-label="放到哪一栏">
                { for props.fields.iter().map(|(key, label)| html! { <option value={key.clone()}>{ label }</option> }) }
            </select>
            <button type="button" class="button place-button" onclick={place}>{ "放入" }</button>
        </li>
    }
}
