//! 模板制作's own module (`src/workshop_main.rs`, bin `gongwen-workshop` with the feature
//! `workshop-page`), built like the app: compiled for wasm32, wasm-bindgen's glue (`--target
//! web`), wasm-opt, held to Chromium 86's WebAssembly, LZMA-packed (checked with the page's own
//! decoder). The served page has it under `workshop/` (hashed names, fetched and imported only
//! when the clerk opens the workshop: js/workshop_served.js); the single file carries the glue in a block
//! that is not run until the workshop is opened, and the packed module as a data block
//! (js/workshop_single_file_open.js, js/workshop_single_file.js).
//! `xtask sizes` reports it apart from the first load, held to its own cap.
use crate::dist::{root, run, wasm_command, wasm_opt, Route};
use crate::wasm_lzma::{compress, module_bytes};
use std::path::{Path, PathBuf};

/// The folder beside the served page (the loader imports and fetches from it).
pub const DIR: &str = gongwen_shared::WORKSHOP_DIR;
/// The single file's data block with the packed module.
pub const BLOCK_ID: &str = gongwen_shared::WORKSHOP_BLOCK_ID;
/// The single file's block with the workshop's code (glue and start), which is not run until
/// the workshop is opened (js/workshop_single_file_open.js).
pub const CODE_ID: &str = "gongwen-workshop-code";

/// The module built: wasm-bindgen's glue, the module packed, and the stem of its files' names
/// (with a hash of the compiled module, as the app's).
pub struct Built {
    pub glue: Vec<u8>,
    pub packed: Vec<u8>,
    pub stem: String,
}

impl Built {
    /// The glue's and the module's names (in `workshop/`).
    fn names(&self) -> (String, String) {
        (format!("{}.js", self.stem), format!("{}_bg.wasm", self.stem))
    }

    /// The glue, the module and the start module (js/workshop_served.js, named by a hash of
    /// its content) written under DIST/workshop/; the start module's path, as the loader names it.
    pub fn write(&self, dist: &Path) -> Result<String, String> {
        let (glue, wasm) = self.names();
        let dir = dist.join(DIR);
        std::fs::create_dir_all(&dir).map_err(|e| format!("建不了 {}：{e}", dir.display()))?;
        crate::html::write(&dir.join(&glue), &self.glue)?;
        crate::html::write(&dir.join(&wasm), &self.packed)?;
        let start = crate::boot::served_workshop(&format!("./{glue}"), &format!("./{wasm}"))?;
        let name = crate::page::hashed("start", "js", start.as_bytes());
        crate::html::write(&dir.join(&name), start.as_bytes())?;
        Ok(format!("{DIR}/{name}"))
    }
}

/// The glue and the packed module in DIST/workshop/ (for the single file and the sizes).
pub fn files(dist: &Path) -> Result<(PathBuf, PathBuf), String> {
    let dir = dist.join(DIR);
    let listed: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map_err(|e| format!("读不了 {}：{e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .collect();
    let one = |what: &str, wanted: &dyn Fn(&str) -> bool| -> Result<PathBuf, String> {
        let found: Vec<&PathBuf> = listed.iter().filter(|p| p.file_name().and_then(|n| n.to_str()).is_some_and(wanted)).collect();
        match found.as_slice() {
            [one] => Ok((*one).clone()),
            _ => Err(format!("{} 里应有 1 个{what}，实有 {} 个", dir.display(), found.len())),
        }
    };
    let glue =
        one("“模板制作”的 glue（gongwen-workshop-*.js）", &|n: &str| n.starts_with("gongwen-workshop-") && n.ends_with(".js"))?;
    let wasm = one("“模板制作”模块（*_bg.wasm）", &|n: &str| n.ends_with("_bg.wasm"))?;
    Ok((glue, wasm))
}

pub fn build(route: Route) -> Result<Built, String> {
    let target = root().join("target");
    let mut cargo = wasm_command("cargo", route);
    cargo.args(["build", "--locked", "--release", "--target", "wasm32-unknown-unknown", "--bin", "gongwen-workshop"]);
    cargo.args(["--features", "workshop-page"]);
    run("编译“模板制作”模块（wasm32）", &mut cargo)?;
    let compiled = target.join("wasm32-unknown-unknown/release/gongwen-workshop.wasm");

    let bindgen = target.join("wasm-bindgen/workshop");
    let _ = std::fs::remove_dir_all(&bindgen);
    let mut command = std::process::Command::new("wasm-bindgen");
    command
        .arg("--target=web")
        .arg(format!("--out-dir={}", bindgen.display()))
        .arg("--out-name=gongwen-workshop")
        .arg(&compiled)
        .arg("--no-typescript");
    run("wasm-bindgen（模板制作）", &mut command)?;
    if bindgen.join("snippets").exists() {
        return Err("wasm-bindgen 为“模板制作”生成了 snippets/：单文件版无法内联，请不要引入 JS 片段".into());
    }
    let read = |p: &Path| std::fs::read(p).map_err(|e| format!("读不了 {}：{e}", p.display()));
    let glue = read(&bindgen.join("gongwen-workshop.js"))?;
    let stem = format!("gongwen-workshop-{}", crate::page::hash(&read(&compiled)?));
    let optimised = target.join("wasm-opt/gongwen-workshop.wasm");
    if let Some(dir) = optimised.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("建不了 {}：{e}", dir.display()))?;
    }
    wasm_opt(
        &bindgen.join("gongwen-workshop_bg.wasm"),
        &optimised,
        &["--low-memory-unused", "--strip-debug", "--strip-producers", "--strip-target-features"],
    )?;
    let wasm = read(&optimised)?;
    crate::sizes::features_used(&wasm).map_err(|e| format!("“模板制作”模块：{e}"))?;
    let packed = compress(&wasm)?;
    if module_bytes(&packed)? != wasm {
        return Err("“模板制作”模块 LZMA 压缩后用页面的解码器解出来的和原来的不一样".into());
    }
    println!("“模板制作”模块（打开时才载入）：{} → LZMA {} 字节，glue {} 字节", wasm.len(), packed.len(), glue.len());
    Ok(Built { glue, packed, stem })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn its_files_go_in_their_folder_and_the_start_module_names_them() {
        let built =
            Built { glue: b"export function open_workshop() {}".to_vec(), packed: b"packed".to_vec(), stem: "gongwen-workshop-9f".into() };
        let dist = std::env::temp_dir().join(format!("xtask-workshop-{}", std::process::id()));
        let start = built.write(&dist).unwrap();
        assert!(start.starts_with("workshop/start-") && start.ends_with(".js"), "{start}");
        let text = std::fs::read_to_string(dist.join(&start)).unwrap();
        assert!(text.contains("from './gongwen-workshop-9f.js'") && text.contains("'./gongwen-workshop-9f_bg.wasm'"), "{text}");
        let (glue, wasm) = files(&dist).unwrap();
        assert_eq!((std::fs::read(glue).unwrap(), std::fs::read(wasm).unwrap()), (built.glue.clone(), b"packed".to_vec()));
        std::fs::write(dist.join(DIR).join("other_bg.wasm"), b"x").unwrap();
        assert!(files(&dist).unwrap_err().contains("实有 2 个"));
        let _ = std::fs::remove_dir_all(&dist);
    }
}
