//! `xtask reader DIST READER`: the page's .docx reader (`docx-reader/`, built by scripts/lib.sh
//! into its own small WebAssembly module) put beside the page as `reader/docx.lzma`, packed like
//! the app and unpacked in the browser by the same decoder (`#gongwen-unpack`). The page fetches
//! it only when a Word file is opened, so it is not part of the first load (`xtask sizes` reports
//! it apart); the single file carries it as a data block (`single_file.rs`).
use crate::wasm_lzma::{compress, module_bytes};
use std::path::Path;

/// Where it goes, under DIST (the page fetches this path, `src/ui/word_file.rs`).
pub const PATH: &str = gongwen_shared::READER_PATH;
/// The single file's data block with it (the page looks for this id first).
pub const BLOCK_ID: &str = gongwen_shared::READER_BLOCK_ID;

pub fn run(dist: &Path, reader: &Path) -> Result<(), String> {
    let wasm = std::fs::read(reader).map_err(|e| format!("读不了 {}：{e}", reader.display()))?;
    // It runs in every engine of the matrix: held to Chromium 86's WebAssembly as the app is.
    crate::sizes::features_used(&wasm).map_err(|e| format!("Word 读取模块 {}：{e}", reader.display()))?;
    let packed = compress(&wasm)?;
    if module_bytes(&packed)? != wasm {
        return Err("Word 读取模块 LZMA 压缩后用页面的解码器解出来的和原来的不一样".into());
    }
    let path = dist.join(PATH);
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("建不了 {}：{e}", dir.display()))?;
    }
    std::fs::write(&path, &packed).map_err(|e| format!("写不了 {}：{e}", path.display()))?;
    println!("Word 读取模块（打开 .docx 时才载入）：{} → LZMA {} 字节，{}", wasm.len(), packed.len(), path.display());
    Ok(())
}
