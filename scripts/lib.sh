# Shared by serve.sh, test.sh and bench.sh: install what is missing, choose how to build for
# the browser, build. Every step checks first, so a second run is quick.
# shellcheck shell=bash
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
TOOLS=${GONGWEN_TOOLS:-$HOME/.cache/gongwen-tools}
BINARYEN_VERSION=132
AXE_VERSION=4.14.1
# The npm packages, by default from the registry; tests/installers.rs points these at small
# local packages of its own (no 150 MB download) to check the installers in a temporary $TOOLS.
BINARYEN_SPEC=${GONGWEN_BINARYEN_SPEC:-binaryen@$BINARYEN_VERSION}
AXE_SPEC=${GONGWEN_AXE_SPEC:-axe-core@$AXE_VERSION}
mkdir -p "$TOOLS"
# Each npm-backed tool lives in a folder of its own under $TOOLS (npm_install_into below), so
# no install can land in another's node_modules, whatever ran before it. binaryen's wasm-opt
# comes first: `cargo xtask dist` takes the wasm-opt on PATH, and it must be version 132.
export PATH="$TOOLS/binaryen/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export AXE_CORE=${AXE_CORE:-$TOOLS/axe-core/node_modules/axe-core/axe.min.js}

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf '错误：%s\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    die "需要管理员权限来安装：$*"; fi
}

# npm_install_into DIR SPEC... : install npm packages into DIR/node_modules and nowhere else.
# --prefix stops npm from walking up to a package.json in a parent folder (issue #19: the old
# Chromium installs landed in $TOOLS/node_modules once binaryen had left $TOOLS/package.json).
# npm fills DIR.part, which then takes DIR's place by renaming: a run cut short leaves DIR as it
# was (absent, or the previous whole install), never half-filled; the next run starts DIR.part
# afresh.
npm_install_into() {
  local dir=$1 part=$1.part old=$1.old; shift
  command -v npm >/dev/null || ensure_apt nodejs npm
  rm -rf "$part" "$old" && mkdir -p "$part" || return 1
  printf '{ "private": true }\n' > "$part/package.json" || return 1
  npm install --prefix "$part" --no-audit --no-fund --silent --ignore-scripts --omit=peer "$@" >/dev/null \
    || { rm -rf "$part"; return 1; }
  if [ -e "$dir" ]; then mv -T "$dir" "$old" || return 1; fi
  mv -T "$part" "$dir" && rm -rf "$old"
}

APT_UPDATED=0
# ensure_apt PACKAGE... : install the Debian packages that are not installed yet. apt waits up to
# 10 minutes for another apt (an automatic update) to finish; when an earlier install was cut
# short (dpkg left half-configured packages), `dpkg --configure -a` finishes it and the install is
# tried once more.
ensure_apt() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "安装 Debian 软件包：${missing[*]}"
  local apt=(env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 -y -qq)
  if [ "$APT_UPDATED" = 0 ]; then as_root "${apt[@]}" update || die "apt-get update 失败：请检查能否访问软件源"; APT_UPDATED=1; fi
  as_root "${apt[@]}" install --no-install-recommends "${missing[@]}" >/dev/null && return 0
  say "安装没有完成：先完成上次中断的安装（dpkg --configure -a），再试一次"
  as_root env DEBIAN_FRONTEND=noninteractive dpkg --configure -a >/dev/null || true
  as_root "${apt[@]}" install --no-install-recommends "${missing[@]}" >/dev/null \
    || die "无法安装 Debian 软件包：${missing[*]}"
}

# The wasm-bindgen version pinned in Cargo.lock (the CLI must equal it).
locked_wasm_bindgen() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' "$ROOT/Cargo.lock"
}

# Install what compiling for wasm32 needs and tell `cargo xtask dist` which route it is, in
# GONGWEN_WASM_BUILD (xtask/src/dist.rs, `Route`, holds the flags of each):
# - std-from-source: rustup's wasm32 target, std compiled with the app from rustup's rust-src
#   (-Z build-std), optimised for size like the app: about 4 KB less gzip than the prebuilt std,
#   and without panic messages (see `Route::env`);
# - prebuilt-std: the same without rust-src (a larger page: about 17 KB over the budget);
# - offline (no rustup download possible, as on intranets): Debian's rustc-web with std built
#   from rust-web-src.
export GONGWEN_WASM_BUILD=${GONGWEN_WASM_BUILD:-}

rustup_std_from_source() {
  local src
  GONGWEN_WASM_BUILD=prebuilt-std
  if ! rustup component list --installed 2>/dev/null | grep -q '^rust-src'; then
    timeout "${RUSTUP_TARGET_TIMEOUT:-60}" rustup component add rust-src >/dev/null 2>&1 || {
      say "没能安装 rust-src：使用预编译的标准库"; return 0; }
  fi
  src="$(rustc --print sysroot)/lib/rustlib/src/rust/library/Cargo.toml"
  RUSTC_BOOTSTRAP=1 cargo fetch --locked --quiet --manifest-path "$src" || {
    say "没能下载标准库的依赖：使用预编译的标准库"; return 0; }
  GONGWEN_WASM_BUILD=std-from-source
}

ensure_wasm_toolchain() {
  # The route is remembered in $TOOLS/route; GONGWEN_WASM_ROUTE=offline|rustup overrides it
  # for one run (e.g. to test the offline route on a machine where rustup works).
  local route; route=${GONGWEN_WASM_ROUTE:-$(cat "$TOOLS/route" 2>/dev/null || true)}
  if [ "$route" != offline ]; then
    if rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
      say "编译工具：rustup 的 wasm32 目标"
      rustup_std_from_source
      return 0
    fi
    say "尝试 rustup target add wasm32-unknown-unknown（最多 ${RUSTUP_TARGET_TIMEOUT:-60} 秒）"
    if timeout "${RUSTUP_TARGET_TIMEOUT:-60}" rustup target add wasm32-unknown-unknown >/dev/null 2>&1; then
      say "编译工具：rustup 的 wasm32 目标"
      rustup_std_from_source
      return 0
    fi
    # Remember: rustup cannot download here, so later runs go straight to the offline route.
    echo offline > "$TOOLS/route"
  fi
  say "编译工具：离线路线（Debian rustc-web + build-std）"
  ensure_apt rustc-web cargo-web rust-web-src lld-16
  rustup toolchain list | grep -q '^debweb' || rustup toolchain link debweb /usr
  # build-std compiles std from Debian's source, whose own dependencies (dlmalloc, …) come from
  # the registry; fetch them first (a no-op once cached).
  RUSTUP_TOOLCHAIN=debweb RUSTC_BOOTSTRAP=1 cargo fetch --locked --quiet \
    --manifest-path /usr/lib/rustlib/src/rust/library/Cargo.toml \
    || die "无法下载编译标准库所需的依赖（离线路线）"
  GONGWEN_WASM_BUILD=offline
}

# The engine matrix (tests/engines): Firefox ESR and WebKitGTK from Debian, driven over WebDriver;
# old Chromium builds from npm, driven over the DevTools protocol (no chromedriver of theirs exists).
GECKODRIVER_VERSION=0.37.1

ensure_firefox() {
  ensure_apt firefox-esr
}

ensure_geckodriver() {
  if geckodriver --version 2>/dev/null | grep -q "^geckodriver $GECKODRIVER_VERSION\b"; then return 0; fi
  say "安装 geckodriver $GECKODRIVER_VERSION（首次约需 5 分钟）"
  cargo install --locked "geckodriver@$GECKODRIVER_VERSION"
}

# WebKitWebDriver drives MiniBrowser, which has no headless mode: it runs under xvfb-run.
ensure_webkit() {
  ensure_apt webkit2gtk-driver xvfb xauth
}

ensure_engines() {
  ensure_firefox
  ensure_geckodriver
  ensure_webkit
  ensure_old_chromium >/dev/null
}

ensure_wasm_bindgen() {
  local want; want=$(locked_wasm_bindgen)
  [ -n "$want" ] || die "Cargo.lock 里没有 wasm-bindgen"
  if wasm-bindgen --version 2>/dev/null | grep -q " $want\$"; then return 0; fi
  say "安装 wasm-bindgen-cli $want（首次约需 4 分钟）"
  # Not --locked: its lock file pins a webpki-roots release the registry mirror lacks.
  cargo install --force "wasm-bindgen-cli@$want"
}

# The wasm-opt of $TOOLS/binaryen, first on PATH (above), whatever other wasm-opt the machine has.
ensure_wasm_opt() {
  if "$TOOLS/binaryen/node_modules/.bin/wasm-opt" --version 2>/dev/null | grep -q "version_$BINARYEN_VERSION"; then return 0; fi
  say "安装 wasm-opt（npm 的 $BINARYEN_SPEC）"
  npm_install_into "$TOOLS/binaryen" "$BINARYEN_SPEC" || die "无法安装 npm 包 $BINARYEN_SPEC"
}

# The build tool (xtask/), built natively into target/xtask/xtask (`cargo xtask` builds it too;
# scripts/serve.sh runs it to serve the page). Cargo only checks that it is up to date on later runs.
ensure_xtask() {
  (cd "$ROOT" && cargo build --locked --quiet --profile xtask --package xtask --target-dir "$ROOT/target") \
    || die "无法编译构建工具 xtask"
}

ensure_build_tools() {
  ensure_xtask
  ensure_wasm_toolchain
  ensure_wasm_bindgen
  ensure_wasm_opt
}

ensure_browser() {
  # A CJK font, so that text lays out (and screenshots read) as on a clerk's machine;
  # poppler-utils (pdftotext) reads back what printing produced.
  ensure_apt chromium chromium-driver fonts-noto-cjk poppler-utils
  ensure_axe
}

# axe-core (npm), the accessibility checker the browser tests inject into the page
# (tests/browser/axe.rs reads $AXE_CORE, exported above).
ensure_axe() {
  local axe=$TOOLS/axe-core/node_modules/axe-core
  if grep -qs "\"version\": \"$AXE_VERSION\"" "$axe/package.json" && [ -s "$axe/axe.min.js" ]; then return 0; fi
  say "安装 axe-core（npm 的 $AXE_SPEC；无障碍检查，供浏览器测试使用）"
  npm_install_into "$TOOLS/axe-core" "$AXE_SPEC" || die "无法安装 npm 包 $AXE_SPEC"
}

# Old Chromium builds for the engine tests (issue #10), each from an npm package that ships it
# as a brotli-compressed executable (bin/chromium.br): Chromium 86.0.4240 (360/奇安信 kernels)
# and 109.0.5412 (the last Chrome on Windows 7). (92.0.4512, chrome-aws-lambda@10.1.0, was tried
# by hand once; no test runs it, so it is no longer downloaded.) They run headless with --no-sandbox
# --no-zygote --disable-gpu on the shared libraries Debian's chromium brings (ensure_browser).
# No chromedriver exists for them: drive them over the DevTools protocol.
OLD_CHROMIUM=("86 chrome-aws-lambda@5.3.1 chrome-aws-lambda"
              "109 @sparticuz/chromium@109.0.6 @sparticuz/chromium")
# GONGWEN_OLD_CHROMIUM_SPECS="MAJOR SPEC NAME;MAJOR SPEC NAME…" replaces the list (tests/installers.rs).
if [ -n "${GONGWEN_OLD_CHROMIUM_SPECS:-}" ]; then IFS=';' read -r -a OLD_CHROMIUM <<<"$GONGWEN_OLD_CHROMIUM_SPECS"; fi

# ensure_old_chromium : unpack the old Chromium builds that are missing into
# $TOOLS/old-chromium/MAJOR/chromium and print one line per build: "MAJOR PATH". The package
# goes to MAJOR/npm and is removed once unpacked; the executable is written as chromium.part and
# renamed, so `chromium` is there only when whole. A missing one means MAJOR/ is started afresh
# (whatever an interrupted run, or the layout before issue #19, left in it).
ensure_old_chromium() {
  command -v npm >/dev/null || ensure_apt nodejs npm
  local line major spec name dir
  for line in "${OLD_CHROMIUM[@]}"; do
    read -r major spec name <<<"$line"
    dir="$TOOLS/old-chromium/$major"
    if [ ! -x "$dir/chromium" ]; then
      say "安装 Chromium $major（npm 的 $spec）"
      rm -rf "$dir" && mkdir -p "$dir"
      npm_install_into "$dir/npm" "$spec" || die "无法安装 npm 包 $spec"
      node -e 'const [src, dst] = process.argv.slice(1), fs = require("fs");
        fs.writeFileSync(dst, require("zlib").brotliDecompressSync(fs.readFileSync(src)), { mode: 0o755 });' \
        "$dir/npm/node_modules/$name/bin/chromium.br" "$dir/chromium.part" || die "无法解压 $spec 的 chromium.br"
      rm -rf "$dir/npm"
      mv "$dir/chromium.part" "$dir/chromium"
    fi
    printf '%s %s\n' "$major" "$dir/chromium"
  done
}

# LibreOffice lays out the Word file for tests/libreoffice.rs and scripts/docx-preview.sh;
# poppler-utils reads the PDF back.
ensure_office() {
  ensure_apt libreoffice-writer-nogui poppler-utils fonts-noto-cjk
}

# The release build into dist/: every step is `cargo xtask dist` (xtask/src/dist.rs: the decoder,
# the .docx reader and 模板制作's modules, the app (cargo, wasm-bindgen, wasm-opt), the prerendered first screen, the loader and
# Content-Security-Policy, the templates, LZMA packing, the size budget, the single file
# dist/公文起草助手.html), on the route ensure_wasm_toolchain chose.
build_release() {
  say "构建发布版（dist/）"
  (cd "$ROOT" && cargo xtask dist "$ROOT/dist") || die "没能构建发布版（见上面的消息）"
}
