//! `xtask wasm-lzma DIST DECODER`: the .wasm ships LZMA-packed, with its decoder in the page.
//!
//! The file keeps its name (…_bg.wasm, so a server needs no rule for a new extension) but holds
//! an `.lzma` stream (lzma-rust2, preset 9 with lc=3 lp=0 pb=0): about 16 % smaller than the
//! best gzip (zopfli), which is what made room for the report desk in the 250 KB budget. The
//! decoder is the workspace's `unpack` crate compiled to its own small WebAssembly module
//! (DECODER, built by scripts/lib.sh); it goes into index.html as a base64 data block,
//! `<script type="application/octet-stream" id="gongwen-unpack">` (never run, so the policy
//! needs no hash for it), which the loaders of both pages (boot.rs) instantiate to unpack the
//! app. The same decoder's Rust code checks the packed file here before it is written.
use base64::Engine;
use regex::Regex;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The data block's id, shared with the loaders (boot.rs).
pub const DECODER_ID: &str = gongwen_shared::DECODER_ID;

const WASM_MAGIC: &[u8] = b"\0asm";

/// The module as an `.lzma` stream with its size in the header. Preset 9 and nice_len 273 on
/// the 638 KB module: 213,916 B in 0.5 s (lc=3 lp=0 pb=0; the defaults' pb=2 gives 214,329;
/// GNU xz -9e 214,179; zopfli's gzip 253,600).
pub fn compress(wasm: &[u8]) -> Result<Vec<u8>, String> {
    let mut options = lzma_rust2::LzmaOptions::with_preset(9);
    options.pb = 0;
    options.nice_len = lzma_rust2::LzmaOptions::NICE_LEN_MAX;
    let mut out = Vec::with_capacity(wasm.len() / 3);
    let failed = |e: std::io::Error| format!("LZMA 压缩失败：{e}");
    let mut writer = lzma_rust2::LzmaWriter::new_use_header(&mut out, &options, Some(wasm.len() as u64)).map_err(failed)?;
    writer.write_all(wasm).map_err(failed)?;
    writer.finish().map_err(failed)?;
    Ok(out)
}

/// Whether a dist file is packed (anything but raw WebAssembly, which a build by hand leaves).
pub fn is_packed(file: &[u8]) -> bool {
    !file.starts_with(WASM_MAGIC)
}

/// The module a dist file holds: unpacked by the page's own decoder code if it is packed, as it
/// is if it is raw WebAssembly.
pub fn module_bytes(file: &[u8]) -> Result<Vec<u8>, String> {
    let wasm = if is_packed(file) { gongwen_unpack::unpack_bytes(file).ok_or("wasm 的 LZMA 数据解不开")? } else { file.to_vec() };
    if !wasm.starts_with(WASM_MAGIC) {
        return Err("不是 WebAssembly 文件（也不是 LZMA 压缩的 WebAssembly）".into());
    }
    Ok(wasm)
}

/// The app's .wasm in DIST (trunk's `…_bg.wasm`).
pub fn wasm_path(dist: &Path) -> Result<PathBuf, String> {
    let mut found: Vec<_> = std::fs::read_dir(dist)
        .map_err(|e| format!("读不了 {}：{e}", dist.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "wasm"))
        .collect();
    match found.len() {
        1 => Ok(found.remove(0)),
        n => Err(format!("{} 里应有 1 个 .wasm，实有 {n} 个", dist.display())),
    }
}

/// index.html with the decoder's data block (replacing one already there) at the end of
/// <body>, after the prerendered first screen.
pub fn with_decoder(page: &str, decoder: &[u8]) -> Result<String, String> {
    if !decoder.starts_with(WASM_MAGIC) {
        return Err("解码器不是 WebAssembly 文件".into());
    }
    let old =
        Regex::new(&format!(r#"<script type="application/octet-stream" id="{DECODER_ID}">[^<]*</script>\n?"#)).expect("a valid pattern");
    let page = old.replace_all(page, "").into_owned();
    let encoded = base64::engine::general_purpose::STANDARD.encode(decoder);
    crate::html::at_body_end(&page, &format!("<script type=\"application/octet-stream\" id=\"{DECODER_ID}\">{encoded}</script>\n"))
}

pub fn run(dist: &Path, decoder: &Path) -> Result<(), String> {
    let read = |p: &Path| std::fs::read(p).map_err(|e| format!("读不了 {}：{e}", p.display()));
    let index = dist.join("index.html");
    let page = String::from_utf8(read(&index)?).map_err(|_| "index.html 不是 UTF-8".to_string())?;
    let decoder_bytes = read(decoder)?;
    // The decoder runs first in every engine: held to Chromium 86's WebAssembly as the app is.
    crate::sizes::features_used(&decoder_bytes).map_err(|e| format!("解码器 {}：{e}", decoder.display()))?;
    crate::html::write(&index, with_decoder(&page, &decoder_bytes)?.as_bytes())?;

    let path = wasm_path(dist)?;
    let file = read(&path)?;
    if is_packed(&file) {
        module_bytes(&file)?;
        println!("{} 已经是压缩过的", path.display());
        return Ok(());
    }
    let started = std::time::Instant::now();
    let packed = compress(&file)?;
    if module_bytes(&packed)? != file {
        return Err("LZMA 压缩后用页面的解码器解出来的和原来的 wasm 不一样".into());
    }
    std::fs::write(&path, &packed).map_err(|e| format!("写不了 {}：{e}", path.display()))?;
    println!(
        "wasm 预压缩（LZMA，{:.1} 秒）：{} → {} 字节；解码器 {} 字节，base64 放在 index.html 里",
        started.elapsed().as_secs_f64(),
        file.len(),
        packed.len(),
        decoder_bytes.len()
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packed_modules_unpack_with_the_pages_decoder_and_raw_ones_pass() {
        let wasm: Vec<u8> = WASM_MAGIC.iter().copied().chain((0..50_000u32).map(|i| (i % 97) as u8)).collect();
        let packed = compress(&wasm).unwrap();
        assert!(is_packed(&packed) && packed.len() < wasm.len() / 20);
        assert_eq!(module_bytes(&packed).unwrap(), wasm);
        assert_eq!(module_bytes(&wasm).unwrap(), wasm);
        assert!(module_bytes(&packed[..packed.len() - 10]).is_err());
        assert!(module_bytes(b"PK\x03\x04").is_err());
    }

    #[test]
    fn the_decoder_goes_once_at_the_end_of_the_body() {
        let page = "<html><body><div id=\"gongwen-shell\"></div></body></html>";
        let once = with_decoder(page, b"\0asm\x01\0\0\0").unwrap();
        assert_eq!(
            once,
            "<html><body><div id=\"gongwen-shell\"></div><script type=\"application/octet-stream\" id=\"gongwen-unpack\">AGFzbQEAAAA=</script>\n</body></html>"
        );
        assert_eq!(with_decoder(&once, b"\0asm\x01\0\0\0").unwrap(), once, "run twice, one block");
        assert!(with_decoder(page, b"not wasm").is_err());
        assert!(with_decoder("<html>", b"\0asm").is_err());
    }
}
