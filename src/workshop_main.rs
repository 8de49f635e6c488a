//! 模板制作's own WebAssembly module (`gongwen-workshop`, feature `workshop-page`): `cargo xtask
//! dist` builds it beside the app, and the page loads it only when the clerk opens the workshop
//! (xtask/js/workshop_*.js). Nothing starts when it is instantiated; the loader calls
//! `open_workshop` and `close_workshop` (`gongwen::ui::workshop_module`).
#[cfg(target_arch = "wasm32")]
mod exports {
    use wasm_bindgen::prelude::*;

    /// The workshop on screen, from the start the app's desk holds (`WorkshopStart::to_text`).
    #[wasm_bindgen]
    pub async fn open_workshop(start: String) -> Result<(), JsValue> {
        gongwen::ui::workshop_module::open(&start).await.map_err(|why| JsValue::from_str(&why))
    }

    /// The workshop gone; it can open again.
    #[wasm_bindgen]
    pub fn close_workshop() {
        gongwen::ui::workshop_module::close();
    }
}

fn main() {}
