//! `prerender`: the app's first screen (`gongwen::ui::App`) rendered natively with Yew's
//! `LocalServerRenderer`, as `tests/ssr.rs` does, printed as HTML. `cargo xtask dist` runs it
//! (`--features ssr`) and puts the result, frozen, into the page (xtask/src/prerender.rs).
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use std::io::Write;
    let runtime = match tokio::runtime::Builder::new_current_thread().build() {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("prerender：无法启动预渲染用的异步运行时：{e}");
            std::process::exit(1);
        }
    };
    let local = tokio::task::LocalSet::new();
    let html = runtime.block_on(
        local.run_until(yew::LocalServerRenderer::<gongwen::ui::App>::with_props(gongwen::ui::props_now()).hydratable(false).render()),
    );
    if let Err(e) = std::io::stdout().lock().write_all(html.as_bytes()) {
        eprintln!("prerender：写不出结果：{e}");
        std::process::exit(1);
    }
}

// The first screen is rendered at build time, natively.
#[cfg(target_arch = "wasm32")]
fn main() {}
