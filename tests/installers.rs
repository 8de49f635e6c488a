//! The npm-backed installers of scripts/lib.sh (ensure_wasm_opt, ensure_axe, ensure_old_chromium),
//! run for real by bash in a temporary tools folder (`GONGWEN_TOOLS`): each writes into its own
//! folder and nowhere else, whatever ran before it — an empty folder, the others' folders in either
//! order, the layout before issue #19 (every package in `$TOOLS/node_modules` beside a
//! `$TOOLS/package.json`), the leftovers of runs cut short — and a second run installs nothing.
//!
//! The packages are small fakes made here as npm tarballs (`GONGWEN_BINARYEN_SPEC`,
//! `GONGWEN_AXE_SPEC`, `GONGWEN_OLD_CHROMIUM_SPECS` point lib.sh at them; npm runs offline): the
//! same names and layout as the real ones (`bin/wasm-opt`, `axe.min.js`, `bin/chromium.br`, a
//! scoped `@sparticuz/chromium`), without the 150 MB Chromium downloads. The real packages are
//! installed by scripts/test.sh itself (ensure_build_tools, ensure_browser, ensure_engines) before
//! it runs these tests, and used by the browser and engine tests.
//!
//! `GONGWEN_LIB_SH` runs the tests against another copy of lib.sh (to show them failing on an
//! older one).
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The installers under test, by the function's name in lib.sh, with the folders under
/// `$TOOLS` that are theirs.
#[derive(Clone, Copy, Debug)]
enum Step {
    WasmOpt,
    Axe,
    OldChromium,
}

const FORWARD: [Step; 3] = [Step::WasmOpt, Step::Axe, Step::OldChromium];
const BACKWARD: [Step; 3] = [Step::OldChromium, Step::Axe, Step::WasmOpt];

/// The old Chromium builds the fakes stand for: major version, package, version.
const CHROMIUMS: [(&str, &str, &str); 3] =
    [("86", "chrome-aws-lambda", "5.3.1"), ("92", "chrome-aws-lambda", "10.1.0"), ("109", "@sparticuz/chromium", "109.0.6")];

impl Step {
    fn function(self) -> &'static str {
        match self {
            Step::WasmOpt => "ensure_wasm_opt",
            Step::Axe => "ensure_axe",
            Step::OldChromium => "ensure_old_chromium",
        }
    }

    /// The top-level name under `$TOOLS` this step may write (with its `.part`/`.old` stages).
    fn folder(self) -> &'static str {
        match self {
            Step::WasmOpt => "binaryen",
            Step::Axe => "axe-core",
            Step::OldChromium => "old-chromium",
        }
    }
}

fn lib_sh() -> PathBuf {
    std::env::var_os("GONGWEN_LIB_SH").map(PathBuf::from).unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/lib.sh"))
}

fn require_npm() {
    let found = Command::new("npm").arg("--version").output().map(|o| o.status.success()).unwrap_or(false)
        && Command::new("node").arg("--version").output().map(|o| o.status.success()).unwrap_or(false);
    assert!(
        found,
        "npm and node are needed to test the installers of scripts/lib.sh: `bash scripts/test.sh` installs them \
         (Debian's nodejs and npm) before it runs the tests; by hand: apt-get install nodejs npm"
    );
}

/// A tools folder and the fake packages, each in a temporary folder of its own.
struct Setup {
    _root: tempfile::TempDir,
    tools: PathBuf,
    packages: PathBuf,
    npm_cache: PathBuf,
}

impl Setup {
    fn new() -> Setup {
        require_npm();
        let root = tempfile::tempdir().expect("a temp dir");
        let tools = root.path().join("tools");
        let packages = root.path().join("packages");
        let npm_cache = root.path().join("npm-cache");
        std::fs::create_dir_all(&tools).expect("the tools folder");
        std::fs::create_dir_all(&packages).expect("the packages folder");
        let setup = Setup { _root: root, tools, packages, npm_cache };
        setup.make_packages();
        setup
    }

    /// npm tarballs (a `package/` folder, tar+gzip) laid out as the real packages are.
    fn make_packages(&self) {
        self.pack(
            "binaryen",
            "132.0.0",
            r#""bin": { "wasm-opt": "bin/wasm-opt" }"#,
            &[("bin/wasm-opt", b"#!/bin/sh\necho 'wasm-opt version_132 (fake binaryen for tests/installers.rs)'\n".to_vec())],
        );
        self.pack("axe-core", "4.14.1", r#""main": "axe.js""#, &[("axe.min.js", b"/* fake axe-core 4.14.1 */\n".to_vec())]);
        for (major, name, version) in CHROMIUMS {
            let script = format!("#!/bin/sh\necho 'fake chromium {major}'\n");
            self.pack(name, version, r#""main": "index.js""#, &[("bin/chromium.br", brotli(script.as_bytes(), &self.packages))]);
        }
    }

    fn pack(&self, name: &str, version: &str, extra: &str, files: &[(&str, Vec<u8>)]) {
        let stage = self.packages.join(format!("{}-{version}", name.replace('/', "-").trim_start_matches('@')));
        let dir = stage.join("package");
        std::fs::create_dir_all(&dir).expect("a package folder");
        let manifest = format!("{{\n  \"name\": \"{name}\",\n  \"version\": \"{version}\",\n  {extra}\n}}\n");
        std::fs::write(dir.join("package.json"), manifest).expect("package.json");
        for (path, bytes) in files {
            let file = dir.join(path);
            std::fs::create_dir_all(file.parent().expect("a parent")).expect("a folder");
            std::fs::write(&file, bytes).expect("a package file");
        }
        let status = Command::new("tar")
            .arg("-czf")
            .arg(self.tarball(name, version))
            .arg("-C")
            .arg(&stage)
            .arg("package")
            .status()
            .expect("tar runs");
        assert!(status.success(), "tar could not pack {name}");
    }

    fn tarball(&self, name: &str, version: &str) -> PathBuf {
        self.packages.join(format!("{}-{version}.tgz", name.replace('/', "-").trim_start_matches('@')))
    }

    /// bash with lib.sh sourced, pointed at this tools folder and these packages, running `script`.
    fn bash(&self, script: &str) -> Output {
        let chromiums: Vec<String> =
            CHROMIUMS.iter().map(|(major, name, version)| format!("{major} {} {name}", self.tarball(name, version).display())).collect();
        Command::new("bash")
            .arg("-c")
            .arg(format!("source \"$0\"\n{script}"))
            .arg(lib_sh())
            .env("GONGWEN_TOOLS", &self.tools)
            .env("GONGWEN_BINARYEN_SPEC", self.tarball("binaryen", "132.0.0"))
            .env("GONGWEN_AXE_SPEC", self.tarball("axe-core", "4.14.1"))
            .env("GONGWEN_OLD_CHROMIUM_SPECS", chromiums.join(";"))
            // scripts/test.sh exports the real one; here the one in this tools folder counts.
            .env_remove("AXE_CORE")
            .env("npm_config_cache", &self.npm_cache)
            .env("npm_config_offline", "true")
            .env("npm_config_update_notifier", "false")
            .output()
            .expect("bash runs")
    }

    /// One installer on its own; fails the test if it fails or writes outside its own folder.
    fn install(&self, step: Step) -> String {
        let before = snapshot(&self.tools);
        let out = self.bash(step.function());
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        assert!(
            out.status.success(),
            "{} failed ({}):\n{stderr}\nthe tools folder:\n{}",
            step.function(),
            out.status,
            listing(&self.tools)
        );
        let after = snapshot(&self.tools);
        let outside: Vec<String> = changes(&before, &after).into_iter().filter(|path| !path.starts_with(step.folder())).collect();
        assert!(
            outside.is_empty(),
            "{} wrote outside {}/: {outside:?}\nthe tools folder now:\n{}",
            step.function(),
            step.folder(),
            listing(&self.tools)
        );
        stderr
    }

    /// Every installer in `order`, then each tool checked as the scripts use it.
    fn install_all(&self, order: [Step; 3]) {
        for step in order {
            self.install(step);
        }
        self.check_installed();
    }

    /// What the scripts and tests use: `wasm-opt` on lib.sh's PATH, `$AXE_CORE`, and each old
    /// Chromium executable alone in its folder, as ensure_old_chromium lists them. No stage
    /// folder (`.part`, `.old`) is left.
    fn check_installed(&self) {
        let out = self.bash("command -v wasm-opt; wasm-opt --version; printf '%s\\n' \"$AXE_CORE\"; ensure_old_chromium");
        let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
        assert!(out.status.success(), "the installed tools do not run:\n{}", String::from_utf8_lossy(&out.stderr));
        let lines: Vec<&str> = stdout.lines().collect();
        let wasm_opt = self.tools.join("binaryen/node_modules/.bin/wasm-opt");
        assert_eq!(lines.first().copied(), Some(wasm_opt.to_str().expect("a UTF-8 path")), "wasm-opt on lib.sh's PATH:\n{stdout}");
        assert_eq!(lines.get(1).copied(), Some("wasm-opt version_132 (fake binaryen for tests/installers.rs)"));
        let axe = self.tools.join("axe-core/node_modules/axe-core/axe.min.js");
        assert_eq!(lines.get(2).copied(), Some(axe.to_str().expect("a UTF-8 path")), "$AXE_CORE:\n{stdout}");
        assert_eq!(std::fs::read_to_string(&axe).expect("axe.min.js is there"), "/* fake axe-core 4.14.1 */\n");
        for (i, (major, _, _)) in CHROMIUMS.iter().enumerate() {
            let dir = self.tools.join("old-chromium").join(major);
            let exe = dir.join("chromium");
            assert_eq!(
                lines.get(3 + i).copied(),
                Some(format!("{major} {}", exe.display()).as_str()),
                "ensure_old_chromium's list:\n{stdout}"
            );
            let run = Command::new(&exe).output().unwrap_or_else(|e| panic!("{} does not run: {e}", exe.display()));
            assert_eq!(String::from_utf8_lossy(&run.stdout), format!("fake chromium {major}\n"));
            let left: Vec<String> = names(&dir).into_iter().filter(|n| n != "chromium").collect();
            assert!(left.is_empty(), "old-chromium/{major} holds more than the executable: {left:?}");
        }
        let stages: Vec<String> = names(&self.tools).into_iter().filter(|n| n.ends_with(".part") || n.ends_with(".old")).collect();
        assert!(stages.is_empty(), "stage folders left in the tools folder: {stages:?}");
    }

    /// A second run of every installer: nothing installed again, nothing in the folder changed.
    fn check_second_run_installs_nothing(&self) {
        let before = snapshot(&self.tools);
        let out = self.bash("ensure_wasm_opt; ensure_axe; ensure_old_chromium >/dev/null");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "the second run failed:\n{stderr}");
        assert!(!stderr.contains("安装"), "the second run installed again:\n{stderr}");
        assert_eq!(changes(&before, &snapshot(&self.tools)), Vec::<String>::new(), "the second run changed the tools folder");
    }

    /// The layout scripts/lib.sh left before issue #19: binaryen and axe-core installed with
    /// `npm install` in `$TOOLS` itself (so `$TOOLS/package.json`, `$TOOLS/node_modules`, with
    /// `.bin/wasm-opt`), and an old Chromium unpacked then, whole in `old-chromium/109/chromium`.
    fn old_layout(&self) {
        let out = Command::new("npm")
            .args(["install", "--no-audit", "--no-fund", "--silent", "--prefix"])
            .arg(&self.tools)
            .arg(self.tarball("binaryen", "132.0.0"))
            .arg(self.tarball("axe-core", "4.14.1"))
            .env("npm_config_cache", &self.npm_cache)
            .env("npm_config_offline", "true")
            .env("npm_config_update_notifier", "false")
            .output()
            .expect("npm runs");
        assert!(out.status.success(), "npm could not lay out the old folder:\n{}", String::from_utf8_lossy(&out.stderr));
        assert!(self.tools.join("package.json").is_file() && self.tools.join("node_modules/.bin/wasm-opt").exists());
        write_exe(&self.tools.join("old-chromium/109/chromium"), "#!/bin/sh\necho 'fake chromium 109'\n");
    }
}

fn brotli(bytes: &[u8], scratch: &Path) -> Vec<u8> {
    let src = scratch.join("brotli-in");
    let dst = scratch.join("brotli-out");
    std::fs::write(&src, bytes).expect("a scratch file");
    let status = Command::new("node")
        .arg("-e")
        .arg("const fs = require('fs'), [src, dst] = process.argv.slice(1); fs.writeFileSync(dst, require('zlib').brotliCompressSync(fs.readFileSync(src)));")
        .arg(&src)
        .arg(&dst)
        .status()
        .expect("node runs");
    assert!(status.success(), "node could not compress");
    std::fs::read(&dst).expect("the compressed file")
}

fn write_exe(path: &Path, text: &str) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::create_dir_all(path.parent().expect("a parent")).expect("a folder");
    std::fs::write(path, text).expect("a file");
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).expect("chmod");
}

/// Every file, symbolic link and folder under `root` (relative path, "/"-separated) with what
/// identifies its content: size and modification time for a file, the target for a link.
fn snapshot(root: &Path) -> BTreeMap<String, String> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<String, String>) {
        for entry in std::fs::read_dir(dir).expect("read a folder").flatten() {
            let path = entry.path();
            let rel = path.strip_prefix(root).expect("under the root").to_string_lossy().into_owned();
            let meta = std::fs::symlink_metadata(&path).expect("metadata");
            if meta.file_type().is_symlink() {
                out.insert(rel, format!("link to {:?}", std::fs::read_link(&path).expect("a link")));
            } else if meta.is_dir() {
                out.insert(rel, "folder".to_string());
                walk(root, &path, out);
            } else {
                out.insert(rel, format!("{} bytes, modified {:?}", meta.len(), meta.modified().expect("mtime")));
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(root, root, &mut out);
    out
}

/// The paths added, removed or changed between two snapshots.
fn changes(before: &BTreeMap<String, String>, after: &BTreeMap<String, String>) -> Vec<String> {
    let mut changed: Vec<String> =
        after.iter().filter(|(path, what)| before.get(*path) != Some(what)).map(|(path, _)| path.clone()).collect();
    changed.extend(before.keys().filter(|path| !after.contains_key(*path)).cloned());
    changed.sort();
    changed
}

fn names(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir).map(|d| d.flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect()).unwrap_or_default()
}

/// The tools folder, two levels deep, for failure messages.
fn listing(root: &Path) -> String {
    snapshot(root).keys().filter(|p| p.matches('/').count() < 3).map(|p| format!("  {p}\n")).collect()
}

#[test]
fn each_installer_fills_only_its_own_folder_from_empty_in_either_order() {
    for order in [FORWARD, BACKWARD] {
        let setup = Setup::new();
        setup.install_all(order);
        setup.check_second_run_installs_nothing();
    }
}

#[test]
fn installers_work_beside_the_layout_before_issue_19_in_either_order() {
    for order in [FORWARD, BACKWARD] {
        let setup = Setup::new();
        setup.old_layout();
        let old_109 = std::fs::metadata(setup.tools.join("old-chromium/109/chromium")).and_then(|m| m.modified()).expect("mtime");
        setup.install_all(order);
        let now_109 = std::fs::metadata(setup.tools.join("old-chromium/109/chromium")).and_then(|m| m.modified()).expect("mtime");
        assert_eq!(old_109, now_109, "the Chromium 109 unpacked before was installed again");
        setup.check_second_run_installs_nothing();
    }
}

#[test]
fn installers_finish_what_an_interrupted_run_left() {
    let setup = Setup::new();
    let tools = &setup.tools;
    // binaryen cut short in the old single-folder way: its package.json there, no wasm-opt.
    let half = tools.join("binaryen/node_modules/binaryen");
    std::fs::create_dir_all(&half).expect("a folder");
    std::fs::write(half.join("package.json"), "{ \"name\": \"binaryen\", \"version\": \"132.0.0\" }\n").expect("a file");
    std::fs::create_dir_all(tools.join("binaryen.part/node_modules")).expect("a stage left behind");
    // axe-core: the right version's package.json, the script not yet written.
    let axe = tools.join("axe-core/node_modules/axe-core");
    std::fs::create_dir_all(&axe).expect("a folder");
    std::fs::write(axe.join("package.json"), "{\n  \"name\": \"axe-core\",\n  \"version\": \"4.14.1\"\n}\n").expect("a file");
    // Chromium 86 stopped while unpacking; 92 stopped in npm, in the folder itself (before issue
    // #19) and in a stage folder.
    std::fs::create_dir_all(tools.join("old-chromium/86/npm/node_modules/chrome-aws-lambda/bin")).expect("a folder");
    std::fs::write(tools.join("old-chromium/86/chromium.part"), "half an executable").expect("a file");
    std::fs::create_dir_all(tools.join("old-chromium/92/node_modules/chrome-aws-lambda")).expect("a folder");
    std::fs::write(tools.join("old-chromium/92/package.json"), "{}").expect("a file");
    std::fs::create_dir_all(tools.join("old-chromium/92/npm.part/node_modules")).expect("a folder");
    setup.install_all(FORWARD);
    setup.check_second_run_installs_nothing();
}

/// The package specs come from the environment only when set: lib.sh's defaults are the real
/// registry packages the README names.
#[test]
fn without_overrides_the_real_packages_are_installed() {
    let out = Command::new("bash")
        .arg("-c")
        .arg("source \"$0\"; printf '%s\\n' \"$BINARYEN_SPEC\" \"$AXE_SPEC\" \"${OLD_CHROMIUM[@]}\"")
        .arg(lib_sh())
        .env("GONGWEN_TOOLS", tempfile::tempdir().expect("a temp dir").path())
        .env_remove("GONGWEN_BINARYEN_SPEC")
        .env_remove("GONGWEN_AXE_SPEC")
        .env_remove("GONGWEN_OLD_CHROMIUM_SPECS")
        .output()
        .expect("bash runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "binaryen@132\naxe-core@4.14.1\n86 chrome-aws-lambda@5.3.1 chrome-aws-lambda\n\
         109 @sparticuz/chromium@109.0.6 @sparticuz/chromium\n"
    );
}
