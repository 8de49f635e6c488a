//! What the app (`src/`), its `build.rs` and the build tool (`xtask/`) must agree on, written
//! once: the ids of the page's elements and data blocks, the paths of the files beside the page,
//! the storage keys the boot script looks at, the default report type, and the WebAssembly
//! features of the oldest engine the page supports (Chromium 86). No dependencies, so that
//! xtask and build.rs can use it without compiling the app.

/// The prerendered first screen in `<body>` (xtask's prerender step; the app removes it).
pub const SHELL_ID: &str = "gongwen-shell";
/// The classic boot script, first in `<body>` (xtask/js/boot.js).
pub const BOOT_ID: &str = "gongwen-boot";
/// The data block with the page's LZMA decoder module (`unpack/`), base64.
pub const DECODER_ID: &str = "gongwen-unpack";
/// The single file's data block with the packed app module, base64. Only the single file has
/// it, so the app also tells by it that it is the single file.
pub const WASM_BLOCK_ID: &str = "gongwen-wasm";
/// The single file's data block with the packed .docx reader module (`docx-reader/`), base64.
pub const READER_BLOCK_ID: &str = "gongwen-docx-reader";

/// The packed .docx reader beside the served page, fetched when a Word file is opened.
pub const READER_PATH: &str = "reader/docx.lzma";

/// 模板制作, its own module loaded when the clerk opens it (`src/workshop_main.rs`): the folder
/// beside the served page with its glue (.js) and packed module (.wasm), the single file's data
/// block with the packed module, and the global the loaders define for the app to open and close
/// it (`{ open(start) }`, see xtask/js/workshop_*.js), and the window event by which the loader
/// and the workshop tell the app what happened (src/ui/workshop_host.rs).
pub const WORKSHOP_DIR: &str = "workshop";
pub const WORKSHOP_BLOCK_ID: &str = "gongwen-workshop";
pub const WORKSHOP_GLOBAL: &str = "gongwenWorkshop";
pub const WORKSHOP_EVENT: &str = "gongwen-workshop";
// Each written once, and put together below.
macro_rules! templates_folder {
    () => {
        "templates"
    };
}
macro_rules! index_file {
    () => {
        "index.json"
    };
}
/// The folder beside the page with the report templates.
pub const TEMPLATES_FOLDER: &str = templates_folder!();
/// The same with a trailing `/`, as the page's URLs start.
pub const TEMPLATES_DIR: &str = concat!(templates_folder!(), "/");
/// The index of the templates in that folder.
pub const TEMPLATE_INDEX_FILE: &str = index_file!();
/// The index's path beside the page (`index.html` preloads it).
pub const TEMPLATE_INDEX_PATH: &str = concat!(templates_folder!(), "/", index_file!());
/// The report type a new draft starts from: embedded in every build, listed first.
pub const DEFAULT_TEMPLATE_ID: &str = "xuanren-report";

/// The stored list of drafts (localStorage), which the boot script checks before the app starts.
pub const STORED_LIST_KEY: &str = "gongwen.drafts.v1";
/// The single autosave of earlier versions.
pub const STORED_OLD_KEY: &str = "gongwen.draft.v1";
/// What the returning clerk's page showed when it was last closed (`src/ui/snapshot.rs`): put
/// in the first screen's place by `xtask/js/restore.js` while the app loads, if still true.
pub const SNAPSHOT_KEY: &str = "gongwen.snapshot.v1";
/// Before every key of a single file's copy: `gongwen@<host><path>#`.
pub const COPY_KEY_MARK: &str = "gongwen@";

/// One WebAssembly feature beyond 1.0 that Chromium 86 (the 360 and 奇安信 kernels) has: its
/// name for rustc's `target-feature` (also the name `xtask sizes` prints) and the wasm-opt
/// flags that allow it.
pub struct WasmFeature {
    pub llvm: &'static str,
    pub binaryen: &'static [&'static str],
}

/// Chromium 86's WebAssembly: 1.0 with mutable globals, sign extension, saturating
/// float-to-int, bulk memory and multi-value. No reference types (Chromium 96), SIMD (91) or
/// anything later. Every wasm build (rustc's target features, wasm-opt's flags) and check
/// (`xtask sizes`) takes this list.
pub const WASM_FEATURES: &[WasmFeature] = &[
    WasmFeature { llvm: "mutable-globals", binaryen: &["--enable-mutable-globals"] },
    WasmFeature { llvm: "sign-ext", binaryen: &["--enable-sign-ext"] },
    WasmFeature { llvm: "nontrapping-fptoint", binaryen: &["--enable-nontrapping-float-to-int"] },
    WasmFeature { llvm: "bulk-memory", binaryen: &["--enable-bulk-memory", "--enable-bulk-memory-opt"] },
    WasmFeature { llvm: "multivalue", binaryen: &["--enable-multivalue"] },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_index_path_is_the_folder_and_the_file() {
        let (dir, file) = TEMPLATE_INDEX_PATH.split_at(TEMPLATES_DIR.len());
        assert_eq!((dir, file), (TEMPLATES_DIR, TEMPLATE_INDEX_FILE));
    }
}
