//! Browser entry point: trunk builds this for wasm32 and mounts the app on <body>.
#[cfg(target_arch = "wasm32")]
fn main() {
    yew::Renderer::<gongwen::ui::App>::new().render();
}

// Natively there is nothing to run: the app only exists in the browser.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("gongwen-web 只能在浏览器中运行：请使用 scripts/serve.sh。");
}
