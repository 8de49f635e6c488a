//! Browser entry point: `cargo xtask dist` builds this for wasm32 (xtask/src/page.rs); the app replaces the prerendered first
//! screen and mounts on <body> (`gongwen::ui::start`).
#[cfg(target_arch = "wasm32")]
fn main() {
    gongwen::ui::start();
}

// Natively there is nothing to run: the app only exists in the browser.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("gongwen-web 只能在浏览器中运行：请使用 scripts/serve.sh。");
}
