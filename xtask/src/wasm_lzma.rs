//! `xtask wasm-gz DIST`: the .wasm ships precompressed.
//!
//! The file keeps its name (…_bg.wasm, so a server needs no rule for a new extension and sends
//! it as plain bytes, never with `Content-Encoding`) but holds a gzip stream made with zopfli,
//! about 4.5 % smaller than zlib at level 9. The page's loader (boot.rs) fetches it and unzips it
//! with the browser's `DecompressionStream`; bytes that already start with `\0asm` (a server or
//! proxy that unzipped them on the way) are used as they are.
use flate2::read::GzDecoder;
use std::io::Read;
use std::num::NonZeroU64;
use std::path::Path;

/// zopfli's iterations. On the 599 KB module (release build, one core): 1 → 237,275 B in 1.6 s,
/// 5 → 236,777 B in 1.9 s, 15 → 236,763 B in 3.6 s, 60 → 236,726 B in 8.8 s; zlib level 9
/// gives 248,209 B. Debian's `zopfli --i15` makes 236,764 B in 3.1 s.
const ITERATIONS: u64 = 15;

const GZIP_MAGIC: &[u8] = b"\x1f\x8b";
const WASM_MAGIC: &[u8] = b"\0asm";

/// The module in the gzip format, compressed with zopfli.
pub fn compress(wasm: &[u8]) -> Result<Vec<u8>, String> {
    let options = zopfli::Options {
        iteration_count: NonZeroU64::new(ITERATIONS).unwrap_or(NonZeroU64::MIN),
        ..zopfli::Options::default()
    };
    let mut out = Vec::with_capacity(wasm.len() / 2);
    zopfli::compress(options, zopfli::Format::Gzip, wasm, &mut out).map_err(|e| format!("zopfli 压缩失败：{e}"))?;
    Ok(out)
}

/// The module a dist file holds: unzipped if it is gzip, as it is if it is raw WebAssembly.
pub fn module_bytes(file: &[u8]) -> Result<Vec<u8>, String> {
    let wasm = if file.starts_with(GZIP_MAGIC) {
        let mut wasm = Vec::new();
        GzDecoder::new(file).read_to_end(&mut wasm).map_err(|e| format!("wasm 的 gzip 解不开：{e}"))?;
        wasm
    } else {
        file.to_vec()
    };
    if !wasm.starts_with(WASM_MAGIC) {
        return Err("不是 WebAssembly 文件（也不是 gzip 压缩的 WebAssembly）".into());
    }
    Ok(wasm)
}

pub fn is_gzip(file: &[u8]) -> bool {
    file.starts_with(GZIP_MAGIC)
}

/// The one .wasm in DIST.
pub fn wasm_path(dist: &Path) -> Result<std::path::PathBuf, String> {
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

pub fn run(dist: &Path) -> Result<(), String> {
    let path = wasm_path(dist)?;
    let file = std::fs::read(&path).map_err(|e| format!("读不了 {}：{e}", path.display()))?;
    if is_gzip(&file) {
        module_bytes(&file)?;
        println!("{} 已经是压缩过的", path.display());
        return Ok(());
    }
    let wasm = module_bytes(&file)?;
    let started = std::time::Instant::now();
    let zipped = compress(&wasm)?;
    if module_bytes(&zipped)? != wasm {
        return Err("zopfli 压缩后解压出来的和原来的 wasm 不一样".into());
    }
    std::fs::write(&path, &zipped).map_err(|e| format!("写不了 {}：{e}", path.display()))?;
    println!(
        "wasm 预压缩（zopfli {ITERATIONS} 次迭代，{:.1} 秒）：{} → {} 字节",
        started.elapsed().as_secs_f64(),
        wasm.len(),
        zipped.len()
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Something shaped like a module: the magic, then text with repeats and some noise.
    fn module() -> Vec<u8> {
        let mut bytes = b"\0asm\x01\0\0\0".to_vec();
        let mut seed = 7u32;
        for i in 0..2_000u32 {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            bytes.extend_from_slice(&i.to_le_bytes()[..(seed >> 30) as usize]);
            bytes.extend_from_slice("公文起草".as_bytes());
        }
        bytes
    }

    #[test]
    fn the_compressed_wasm_is_gzip_and_unzips_to_the_same_bytes() {
        let wasm = module();
        let zipped = compress(&wasm).unwrap();
        assert!(is_gzip(&zipped));
        assert_eq!(module_bytes(&zipped).unwrap(), wasm);
        // Any gzip reader gets the same bytes back (as the browser's DecompressionStream does).
        let mut out = Vec::new();
        flate2::read::MultiGzDecoder::new(&zipped[..]).read_to_end(&mut out).unwrap();
        assert_eq!(out, wasm);
        assert!(zipped.len() <= crate::sizes::gzip(None, &wasm).len(), "zopfli no larger than zlib level 9");
    }

    #[test]
    fn raw_modules_pass_and_other_bytes_are_refused() {
        let wasm = module();
        assert_eq!(module_bytes(&wasm).unwrap(), wasm);
        assert!(module_bytes(b"<!doctype html>").unwrap_err().contains("不是 WebAssembly"));
        assert!(module_bytes(&crate::sizes::gzip(None, b"hello")).unwrap_err().contains("不是 WebAssembly"));
        let mut cut = compress(&wasm).unwrap();
        cut.truncate(cut.len() / 2);
        assert!(module_bytes(&cut).unwrap_err().contains("解不开"));
    }
}
