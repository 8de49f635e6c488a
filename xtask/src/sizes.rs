//! What a browser downloads: the .wasm raw and gzipped, the served page's whole transfer against
//! the transfer budget (290.0 KB, see DECISIONS.md), and the WebAssembly features the module uses (only those of Chromium 86).
use flate2::{Compression, GzBuilder};
use std::io::Write;
use std::path::Path;
use wasmparser::{Validator, WasmFeatures};

/// The page's whole transfer, each file gzipped: 287.1 KB. A guard against bloat, not a goal:
/// raised from 250 KB when the proofreading rules and the two-tab safety joined the first load
/// (DECISIONS.md), then from 288,000 B for two trades of bytes for time (issue #24): typing
/// checked and saved off the keystroke's frame (+3.8 KB, that frame on a 20,000-character draft
/// about half as long) and the returning clerk's own first screen (+1.7 KB); rarely used code
/// (the .docx reader, 模板制作) loads on demand instead. Then from 294,000 B when the wording
/// rules of the proofreader's slips (`check::usage`, issue #23: +2.0 KB) and the preview rebuilt
/// after the keystroke's frame (+0.2 KB) joined it.
pub const BUDGET_BYTES: usize = 297_000;

/// 模板制作's module (`workshop/`: glue and packed module), loaded when the clerk opens the
/// workshop, not in the first load: a cap of its own, as a guard against bloat. 231 KB since its
/// 预览（以起草人身份） is the drafter's own form (the page's components and checks in the module).
pub const WORKSHOP_CAP_BYTES: usize = 250_000;

/// One of Chromium 86's WebAssembly features (`gongwen_shared::WASM_FEATURES`) as wasmparser
/// names it.
fn wasmparser_flag(llvm: &str) -> Result<WasmFeatures, String> {
    Ok(match llvm {
        "mutable-globals" => WasmFeatures::MUTABLE_GLOBAL,
        "sign-ext" => WasmFeatures::SIGN_EXTENSION,
        "nontrapping-fptoint" => WasmFeatures::SATURATING_FLOAT_TO_INT,
        "bulk-memory" => WasmFeatures::BULK_MEMORY,
        "multivalue" => WasmFeatures::MULTI_VALUE,
        other => return Err(format!("xtask 不认识 WebAssembly 特性 {other}（crates/shared-consts 的 WASM_FEATURES）")),
    })
}

/// The WebAssembly of Chromium 86 (360 and 奇安信 kernels): 1.0 and `gongwen_shared::WASM_FEATURES`.
pub fn chromium_86() -> Result<WasmFeatures, String> {
    gongwen_shared::WASM_FEATURES.iter().try_fold(WasmFeatures::WASM1, |all, f| Ok(all | wasmparser_flag(f.llvm)?))
}

/// Chromium 86's features the module cannot do without, by their names in rustc's target features.
pub fn features_used(wasm: &[u8]) -> Result<Vec<&'static str>, String> {
    let all = chromium_86()?;
    Validator::new_with_features(all)
        .validate_all(wasm)
        .map_err(|e| format!("wasm 用了 Chromium 86 没有的 WebAssembly 特性（见 crates/shared-consts 的 WASM_FEATURES）：{e}"))?;
    let mut used = Vec::new();
    for feature in gongwen_shared::WASM_FEATURES {
        if Validator::new_with_features(all - wasmparser_flag(feature.llvm)?).validate_all(wasm).is_err() {
            used.push(feature.llvm);
        }
    }
    Ok(used)
}

/// The size of `data` as `gzip -9 FILE` writes it (the header keeps the file's name).
pub fn gzip_size(name: &str, data: &[u8]) -> usize {
    gzip(Some(name), data).len()
}

/// What a file costs on the wire: the packed .wasm goes as it is (gzip cannot shrink an LZMA
/// stream; the smaller of the two is counted); any other file gzipped.
pub fn transfer_size(name: &str, data: &[u8]) -> usize {
    if name.ends_with(".wasm") && crate::wasm_lzma::is_packed(data) {
        data.len().min(gzip_size(name, data))
    } else {
        gzip_size(name, data)
    }
}

pub fn gzip(name: Option<&str>, data: &[u8]) -> Vec<u8> {
    let mut builder = GzBuilder::new().mtime(0);
    if let Some(name) = name {
        builder = builder.filename(name);
    }
    let mut encoder = builder.write(Vec::new(), Compression::best());
    // Writing into a Vec cannot fail.
    let _ = encoder.write_all(data);
    encoder.finish().unwrap_or_default()
}

fn read(path: &Path) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|e| format!("读不了 {}：{e}", path.display()))
}

pub fn run(dist: &Path) -> Result<(), String> {
    let mut files: Vec<_> = std::fs::read_dir(dist)
        .map_err(|e| format!("读不了 {}：{e}", dist.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    let name = |p: &Path| p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let wasm_path = crate::wasm_lzma::wasm_path(dist)?;
    let file = read(&wasm_path)?;
    let wasm = crate::wasm_lzma::module_bytes(&file).map_err(|e| format!("{}：{e}", wasm_path.display()))?;
    let zlib = gzip_size(&name(&wasm_path), &wasm);
    if crate::wasm_lzma::is_packed(&file) {
        println!("wasm 大小：{} 字节，预压缩（LZMA）{} 字节（zlib 9 级 {zlib} 字节） {}", wasm.len(), file.len(), name(&wasm_path));
    } else {
        println!("wasm 大小：{} 字节（gzip 后 {zlib} 字节，没有预压缩） {}", wasm.len(), name(&wasm_path));
    }
    let used = features_used(&wasm)?;
    println!("wasm 用到的 WebAssembly 特性：{}（Chromium 86 都有）", if used.is_empty() { "无".to_string() } else { used.join("、") });
    // What a browser downloads to open the served page (every file but the single-file copy).
    let mut total = 0;
    for path in &files {
        let file = name(path);
        if file.ends_with(".html") && file != "index.html" {
            continue;
        }
        total += transfer_size(&file, &read(path)?);
    }
    // The index beside the page is read at opening too; the templates in it only when a draft
    // of their type is made or opened, so they are reported apart.
    let templates = dist.join(crate::templates::DIR);
    if let Ok((index, built)) = crate::templates::read(&templates) {
        total += gzip_size(crate::templates::INDEX, index.as_bytes());
        let on_demand: Vec<String> = built.iter().map(|t| format!("{} {}", t.file, gzip_size(&t.file, t.json.as_bytes()))).collect();
        println!("按需载入的报告模板（gzip 后字节，不计入总量）：{}", on_demand.join("，"));
    }
    // The .docx reader module: fetched only when a Word file is opened.
    if let Ok(reader) = std::fs::read(dist.join(crate::reader::PATH)) {
        println!("按需载入的 Word 读取模块（LZMA，不计入总量）：{} 字节", reader.len());
    }
    workshop(dist)?;
    println!("页面传输总量：gzip 后 {total} 字节（上限 {BUDGET_BYTES} 字节）");
    if total > BUDGET_BYTES {
        return Err(format!(
            "页面传输总量 {total} 字节超过 {BUDGET_BYTES} 字节的上限：请先把包变小，或把少用的部分改为按需载入（见 DECISIONS.md）"
        ));
    }
    Ok(())
}

/// 模板制作's module, apart from the first load: what opening it transfers, against its cap.
fn workshop(dist: &Path) -> Result<(), String> {
    let dir = dist.join(crate::workshop::DIR);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        println!("没有“模板制作”模块（{} 不存在）", dir.display());
        return Ok(());
    };
    let (mut total, mut raw) = (0, 0);
    for path in entries.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.is_file()) {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let data = read(&path)?;
        if name.ends_with(".wasm") {
            let wasm = crate::wasm_lzma::module_bytes(&data).map_err(|e| format!("{}：{e}", path.display()))?;
            features_used(&wasm).map_err(|e| format!("“模板制作”模块：{e}"))?;
            raw = wasm.len();
        }
        total += transfer_size(&name, &data);
    }
    println!(
        "按需载入的“模板制作”模块（打开时才载入，不计入总量）：wasm {raw} 字节，传输共 {total} 字节（上限 {WORKSHOP_CAP_BYTES} 字节）"
    );
    if total > WORKSHOP_CAP_BYTES {
        return Err(format!("“模板制作”模块的传输量 {total} 字节超过 {WORKSHOP_CAP_BYTES} 字节的上限"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A module with one function: `(func (param i32) (result i32) local.get 0 EXTRA… end)`.
    fn module(body: &[u8]) -> Vec<u8> {
        let mut code = vec![0x00]; // no locals
        code.extend_from_slice(body);
        code.push(0x0b);
        let mut bytes = b"\0asm\x01\0\0\0".to_vec();
        bytes.extend_from_slice(&[0x01, 0x06, 0x01, 0x60, 0x01, 0x7f, 0x01, 0x7f]); // type
        bytes.extend_from_slice(&[0x03, 0x02, 0x01, 0x00]); // func
        bytes.extend_from_slice(&[0x0a, code.len() as u8 + 2, 0x01, code.len() as u8]);
        bytes.extend_from_slice(&code);
        bytes
    }

    #[test]
    fn features_are_told_by_what_the_module_needs() {
        assert_eq!(features_used(&module(&[0x20, 0x00])).unwrap(), Vec::<&str>::new());
        // i32.extend8_s
        assert_eq!(features_used(&module(&[0x20, 0x00, 0xc0])).unwrap(), vec!["sign-ext"]);
        // ref.null func; drop — reference types, which Chromium 86 lacks.
        let err = features_used(&module(&[0xd0, 0x70, 0x1a, 0x20, 0x00])).unwrap_err();
        assert!(err.contains("Chromium 86"), "{err}");
    }

    #[test]
    fn gzip_round_trips_and_names_the_file() {
        let data = "公文".repeat(1000);
        let zipped = gzip(Some("a.wasm"), data.as_bytes());
        assert_eq!(&zipped[..2], b"\x1f\x8b");
        assert!(zipped.windows(7).any(|w| w == b"a.wasm\0"));
        let mut out = String::new();
        std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(&zipped[..]), &mut out).unwrap();
        assert_eq!(out, data);
        assert!(gzip(None, data.as_bytes()).len() < 100);
    }

    #[test]
    fn a_packed_wasm_counts_as_it_is_and_others_gzipped() {
        let text = "公文".repeat(1000);
        let mut wasm = b"\0asm\x01\0\0\0".to_vec();
        wasm.extend((0..20_000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8));
        let packed = crate::wasm_lzma::compress(&wasm).unwrap();
        assert_eq!(transfer_size("a_bg.wasm", &packed), packed.len().min(gzip_size("a_bg.wasm", &packed)));
        assert_eq!(transfer_size("a_bg.wasm", &wasm), gzip_size("a_bg.wasm", &wasm), "a raw module goes gzipped");
        assert_eq!(transfer_size("index.html", text.as_bytes()), gzip_size("index.html", text.as_bytes()));
        assert!(transfer_size("index.html", text.as_bytes()) < text.len());
    }
}
