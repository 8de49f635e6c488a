//! The release build, in Rust (`cargo xtask COMMAND`, see .cargo/config.toml):
//!
//! - `dist [DIST]`: the whole build into DIST (dist/ by default), every step in order (dist.rs):
//!   the app compiled, wasm-bindgen, wasm-opt and the page's files (page.rs), then the steps
//!   below. scripts/lib.sh installs the tools and runs it.
//! - `csp [DIST]`: the first screen prerendered by the app's `prerender` binary (prerender.rs),
//!   the classic boot script that tells too-old browsers what to do, and the page's
//!   Content-Security-Policy (the scripts: xtask/js/).
//! - `templates [DIST]`: the report templates and their index copied into `templates/` beside the
//!   page (fetched on demand; the single file embeds them).
//! - `sizes [DIST]`: the .wasm's size raw and gzipped, what a browser downloads for the served
//!   page, the WebAssembly features the module uses; fails above the transfer budget (sizes::BUDGET_BYTES).
//! - `wasm-lzma DIST DECODER`: rewrites the .wasm as an LZMA stream (same name) and puts the
//!   decoder module (`unpack/`) into index.html, which unpacks it in the browser: fewer bytes on
//!   the wire whatever the server does.
//! - `reader DIST READER`: the .docx reader module (`docx-reader/`) packed into DIST/reader/,
//!   loaded by the page only when a Word file is opened.
//! - `single-file [DIST]`: writes DIST/公文起草助手.html, the whole app in one file for file://.
//! - `serve [DIST]`: serves DIST on http://127.0.0.1:PORT/ (scripts/serve.sh; PORT, 8080 by
//!   default, and BIND from the environment).
//!
//! Each exits non-zero with a Chinese message when a tool's output is not what it expects.
mod boot;
mod csp;
mod dist;
mod html;
mod page;
mod prerender;
mod reader;
mod serve;
mod single_file;
mod sizes;
mod templates;
mod wasm_lzma;
mod workshop;

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dist = || PathBuf::from(args.get(1).map(String::as_str).unwrap_or("dist"));
    let outcome = match args.first().map(String::as_str) {
        Some("dist") => dist::run_all(&dist()),
        Some("csp") => csp::run(&dist()),
        Some("templates") => templates::run(&dist::root(), &dist()),
        Some("sizes") => sizes::run(&dist()),
        Some("single-file") => single_file::run(&dist()),
        Some("serve") => serve::run(&dist()),
        Some("wasm-lzma") => match args.get(2) {
            Some(decoder) => wasm_lzma::run(&dist(), std::path::Path::new(decoder)),
            None => Err("用法：cargo xtask wasm-lzma DIST 解码器.wasm".to_string()),
        },
        Some("reader") => match args.get(2) {
            Some(reader) => reader::run(&dist(), std::path::Path::new(reader)),
            None => Err("用法：cargo xtask reader DIST 读取模块.wasm".to_string()),
        },
        _ => Err(
            "用法：cargo xtask dist [DIST] | csp [DIST] | templates [DIST] | wasm-lzma DIST DECODER | reader DIST READER | sizes [DIST] | single-file [DIST] | serve [DIST]"
                .to_string(),
        ),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            // serve speaks to whoever ran scripts/serve.sh; the others to the build's log.
            let from = if args.first().map(String::as_str) == Some("serve") { "错误" } else { "xtask" };
            eprintln!("{from}：{message}");
            ExitCode::FAILURE
        }
    }
}
