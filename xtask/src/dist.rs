//! `cargo xtask dist [DIST]`: the release build, every step in order, into DIST (`dist/` by
//! default). scripts/lib.sh only installs the tools and runs this.
//!
//! 1. The page's LZMA decoder (`unpack/`), and 模板制作's module (`workshop.rs`); 2. the app compiled for wasm32, wasm-bindgen, wasm-opt,
//!    the CSS and icon, index.html with the module loader (`page.rs`); 3. the first screen
//!    prerendered, the boot script and the Content-Security-Policy (`csp.rs`); 4. the templates
//!    beside the page (`templates.rs`); 5. the .wasm LZMA-packed with its decoder in the page
//!    (`wasm_lzma.rs`); 6. the .docx reader module (`docx-reader/`, `reader.rs`); 7. the size
//!    budget (`sizes.rs`); 8. the single file (`single_file.rs`).
//!
//! Every wasm32 build takes Chromium 86's WebAssembly features (`gongwen_shared::WASM_FEATURES`)
//! and the route scripts/lib.sh chose for compiling std (`Route`).
use gongwen_shared::WASM_FEATURES;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

/// The repository (the workspace root, xtask's parent folder).
pub fn root() -> PathBuf {
    let xtask = Path::new(env!("CARGO_MANIFEST_DIR"));
    xtask.parent().unwrap_or(xtask).to_path_buf()
}

/// How the wasm32 builds get their std; scripts/lib.sh (`ensure_wasm_toolchain`) installs what
/// the route needs and names it in `GONGWEN_WASM_BUILD`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Route {
    /// rustup's wasm32 target with its prebuilt std (without rust-src): a larger page.
    PrebuiltStd,
    /// rustup's wasm32 target, std compiled with the app from rust-src (`-Z build-std`),
    /// optimised for size like the app.
    StdFromSource,
    /// No rustup download possible (intranets): Debian's rustc-web, linked as the rustup
    /// toolchain `debweb`, with std built from rust-web-src and linked by wasm-ld-16.
    Offline,
}

impl Route {
    /// `GONGWEN_WASM_BUILD` (prebuilt-std, std-from-source, offline); unset, std from source
    /// where rustup's rust-src is installed, else the prebuilt std.
    pub fn from_env() -> Result<Route, String> {
        match std::env::var("GONGWEN_WASM_BUILD").ok().as_deref() {
            Some("prebuilt-std") => Ok(Route::PrebuiltStd),
            Some("std-from-source") => Ok(Route::StdFromSource),
            Some("offline") => Ok(Route::Offline),
            None | Some("") => Ok(if has_rust_src() { Route::StdFromSource } else { Route::PrebuiltStd }),
            Some(other) => Err(format!("GONGWEN_WASM_BUILD={other}：应是 prebuilt-std、std-from-source 或 offline")),
        }
    }

    /// The environment of every wasm32 cargo build on this route.
    ///
    /// With std built from source, a panic in the page traps at once (`panic =
    /// "immediate-abort"`): the app already aborted on a panic; what goes is the formatting of
    /// the panic's message and location, which only reached the developer console (17 KB of
    /// gzipped wasm; the console shows a bare `RuntimeError: unreachable`). The same build leaves
    /// out the source locations of panics (`-Zlocation-detail=none`) and the bodies of `Debug`
    /// formatting (`-Zfmt-debug=none`; the page never shows `{:?}` to a clerk): about 2.3 KB of
    /// gzip. Only the wasm builds get these: native tests and benches keep ordinary panics.
    pub fn env(self) -> Vec<(&'static str, String)> {
        let features: Vec<String> = WASM_FEATURES.iter().map(|f| format!("+{}", f.llvm)).collect();
        let mut flags = format!("-C target-cpu=mvp -C target-feature={}", features.join(","));
        let mut env = Vec::new();
        if self != Route::PrebuiltStd {
            flags.push_str(" -Zlocation-detail=none -Zfmt-debug=none");
            env.extend([
                ("RUSTC_BOOTSTRAP", "1".to_string()),
                ("CARGO_UNSTABLE_BUILD_STD", "std,panic_abort".to_string()),
                ("CARGO_UNSTABLE_PANIC_IMMEDIATE_ABORT", "true".to_string()),
                ("CARGO_PROFILE_RELEASE_PANIC", "immediate-abort".to_string()),
            ]);
        }
        if self == Route::Offline {
            env.extend([
                ("RUSTUP_TOOLCHAIN", "debweb".to_string()),
                ("CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER", "wasm-ld-16".to_string()),
            ]);
        }
        env.push(("CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS", flags));
        env
    }
}

/// Whether rustup's rust-src is there (the sources `-Z build-std` compiles).
fn has_rust_src() -> bool {
    let Ok(out) = Command::new("rustc").args(["--print", "sysroot"]).output() else { return false };
    let sysroot = String::from_utf8_lossy(&out.stdout).trim().to_string();
    out.status.success() && Path::new(&sysroot).join("lib/rustlib/src/rust/library/Cargo.toml").is_file()
}

/// A command for a wasm32 build, run in the repository with the route's environment. `cargo`
/// is rustup's proxy on PATH (not the `CARGO` that `cargo xtask` ran), so that the offline
/// route's `RUSTUP_TOOLCHAIN=debweb` picks Debian's cargo and rustc.
pub fn wasm_command(program: &str, route: Route) -> Command {
    let mut command = Command::new(program);
    command.current_dir(root()).env_remove("CARGO");
    command.envs(route.env());
    command
}

pub fn run(what: &str, command: &mut Command) -> Result<(), String> {
    let status = command.status().map_err(|e| format!("{what}：无法运行 {:?}：{e}", command.get_program()))?;
    if !status.success() {
        return Err(format!("{what}失败（{status}）"));
    }
    Ok(())
}

/// wasm-opt's flags for Chromium 86's WebAssembly.
pub fn wasm_opt_features() -> Vec<&'static str> {
    let mut flags = vec!["--mvp-features"];
    flags.extend(WASM_FEATURES.iter().flat_map(|f| f.binaryen.iter().copied()));
    flags
}

/// `wasm-opt -Oz` (the one on PATH: scripts/lib.sh puts binaryen 132 first) from `input` to
/// `output`, held to Chromium 86's features, with `extra` flags before them.
pub fn wasm_opt(input: &Path, output: &Path, extra: &[&str]) -> Result<(), String> {
    let mut command = Command::new("wasm-opt");
    command.arg(format!("--output={}", output.display())).arg("-Oz").arg(input).args(extra).args(wasm_opt_features());
    run(&format!("wasm-opt 处理 {}", input.display()), &mut command)
}

/// A small module of the workspace (`unpack/`, `docx-reader/`) for wasm32, shrunk into `out`.
fn small_module(route: Route, package: &str, file: &str, out: &Path) -> Result<(), String> {
    let mut cargo = wasm_command("cargo", route);
    cargo.args(["build", "--locked", "--quiet", "--release", "-p", package, "--target", "wasm32-unknown-unknown"]);
    run(&format!("编译 {package}"), &mut cargo)?;
    let built = root().join("target/wasm32-unknown-unknown/release").join(file);
    wasm_opt(&built, out, &["--strip-debug", "--strip-producers"])
}

fn step<T>(name: &str, work: impl FnOnce() -> Result<T, String>) -> Result<T, String> {
    eprintln!("\x1b[1m==> {name}\x1b[0m");
    let started = Instant::now();
    let done = work()?;
    eprintln!("    （{name}：{:.1} 秒）", started.elapsed().as_secs_f64());
    Ok(done)
}

pub fn run_all(dist: &Path) -> Result<(), String> {
    let route = Route::from_env()?;
    let started = Instant::now();
    let target = root().join("target");
    let dist = if dist.is_absolute() { dist.to_path_buf() } else { std::env::current_dir().map_err(|e| e.to_string())?.join(dist) };
    eprintln!("构建发布版到 {}（wasm 的标准库：{route:?}）", dist.display());
    let decoder = target.join("unpack.wasm");
    step("页面的解码器（unpack/）", || small_module(route, "gongwen-unpack", "gongwen_unpack.wasm", &decoder))?;
    let workshop = step("“模板制作”模块（打开时才载入）", || crate::workshop::build(route))?;
    step("应用：编译 wasm、wasm-bindgen、wasm-opt、样式、图标与 index.html", || {
        crate::page::build(route, &dist, Some(&workshop))
    })?;
    step("预渲染首屏、加载脚本与安全策略", || crate::csp::run(&dist))?;
    step("报告模板（templates/）", || crate::templates::run(&root(), &dist))?;
    step("wasm 预压缩（LZMA）", || crate::wasm_lzma::run(&dist, &decoder))?;
    let reader = target.join("docx-reader.wasm");
    step("Word 读取模块（docx-reader/）", || {
        small_module(route, "gongwen-docx-reader", "gongwen_docx_reader.wasm", &reader)?;
        crate::reader::run(&dist, &reader)
    })?;
    step("大小与特性检查", || crate::sizes::run(&dist))?;
    step("单文件版", || crate::single_file::run(&dist))?;
    eprintln!("构建完成：{:.0} 秒", started.elapsed().as_secs_f64());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_route_builds_for_chromium_86_and_only_source_builds_drop_panic_messages() {
        let flags = |route: Route| route.env().into_iter().find(|(k, _)| *k == "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS").unwrap().1;
        let features = "-C target-cpu=mvp -C target-feature=+mutable-globals,+sign-ext,+nontrapping-fptoint,+bulk-memory,+multivalue";
        assert_eq!(flags(Route::PrebuiltStd), features);
        assert_eq!(flags(Route::StdFromSource), format!("{features} -Zlocation-detail=none -Zfmt-debug=none"));
        assert_eq!(flags(Route::Offline), flags(Route::StdFromSource));
        let has = |route: Route, key: &str| route.env().iter().any(|(k, _)| *k == key);
        assert!(!has(Route::PrebuiltStd, "CARGO_UNSTABLE_BUILD_STD") && has(Route::StdFromSource, "CARGO_UNSTABLE_BUILD_STD"));
        assert!(has(Route::Offline, "RUSTUP_TOOLCHAIN") && !has(Route::StdFromSource, "RUSTUP_TOOLCHAIN"));
        assert_eq!(
            wasm_opt_features().join(" "),
            "--mvp-features --enable-mutable-globals --enable-sign-ext --enable-nontrapping-float-to-int --enable-bulk-memory --enable-bulk-memory-opt --enable-multivalue"
        );
    }
}
