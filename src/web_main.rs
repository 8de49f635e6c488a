//! Browser entry point: trunk builds this for wasm32 and mounts the app on <body>, once it has
//! what it starts from (`ui::start`: the unit's templates beside the page, the open draft's).
#[cfg(target_arch = "wasm32")]
fn main() {
    wasm_bindgen_futures::spawn_local(async {
        let props = gongwen::ui::start().await;
        yew::Renderer::<gongwen::ui::App>::with_props(props).render();
    });
}

// Natively there is nothing to run: the app only exists in the browser.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("gongwen-web 只能在浏览器中运行：请使用 scripts/serve.sh。");
}
