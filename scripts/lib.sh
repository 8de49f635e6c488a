# Shared by serve.sh, test.sh and bench.sh: install what is missing, choose how to build for
# the browser, build. Every step checks first, so a second run is quick.
# shellcheck shell=bash
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
TOOLS=${GONGWEN_TOOLS:-$HOME/.cache/gongwen-tools}
TRUNK_VERSION=0.21.14
BINARYEN_VERSION=132
mkdir -p "$TOOLS"
export PATH="$HOME/.cargo/bin:$TOOLS/node_modules/.bin:$PATH"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf '错误：%s\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    die "需要管理员权限来安装：$*"; fi
}

APT_UPDATED=0
# ensure_apt PACKAGE... : install the Debian packages that are not installed yet.
ensure_apt() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "安装 Debian 软件包：${missing[*]}"
  if [ "$APT_UPDATED" = 0 ]; then as_root apt-get update -qq; APT_UPDATED=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# The wasm-bindgen version pinned in Cargo.lock (the CLI must equal it).
locked_wasm_bindgen() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' "$ROOT/Cargo.lock"
}

# Decide how to compile for wasm32 and set WASM_ENV (an array of VAR=value for the build).
# Normal route: rustup's wasm32 target. Offline route (no rustup download possible, as on
# intranets): Debian's rustc-web with std built from rust-web-src (see ARCHITECTURE.md).
WASM_ENV=()

# std compiled with the app (build-std) is optimised for size like the app: about 4 KB less gzip
# than rustup's prebuilt std, and the same std as the offline route. It needs rustup's
# rust-src; without it the prebuilt std is used (a larger page, still within the budget check).
rustup_std_from_source() {
  local src
  if ! rustup component list --installed 2>/dev/null | grep -q '^rust-src'; then
    timeout "${RUSTUP_TARGET_TIMEOUT:-60}" rustup component add rust-src >/dev/null 2>&1 || {
      say "没能安装 rust-src：使用预编译的标准库"; return 0; }
  fi
  src="$(rustc --print sysroot)/lib/rustlib/src/rust/library/Cargo.toml"
  RUSTC_BOOTSTRAP=1 cargo fetch --locked --quiet --manifest-path "$src" || {
    say "没能下载标准库的依赖：使用预编译的标准库"; return 0; }
  WASM_ENV=(RUSTC_BOOTSTRAP=1 CARGO_UNSTABLE_BUILD_STD=std,panic_abort)
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
  # the registry; the build runs with --offline, so fetch them first (a no-op once cached).
  RUSTUP_TOOLCHAIN=debweb RUSTC_BOOTSTRAP=1 cargo fetch --locked --quiet \
    --manifest-path /usr/lib/rustlib/src/rust/library/Cargo.toml \
    || die "无法下载编译标准库所需的依赖（离线路线）"
  WASM_ENV=(RUSTUP_TOOLCHAIN=debweb RUSTC_BOOTSTRAP=1 CARGO_UNSTABLE_BUILD_STD=std,panic_abort
            CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=wasm-ld-16)
}

ensure_trunk() {
  if trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION\$"; then return 0; fi
  say "安装 trunk $TRUNK_VERSION（首次约需 8 分钟）"
  cargo install --locked "trunk@$TRUNK_VERSION"
}

ensure_wasm_bindgen() {
  local want; want=$(locked_wasm_bindgen)
  [ -n "$want" ] || die "Cargo.lock 里没有 wasm-bindgen"
  if wasm-bindgen --version 2>/dev/null | grep -q " $want\$"; then return 0; fi
  say "安装 wasm-bindgen-cli $want（首次约需 4 分钟）"
  # Not --locked: its lock file pins a webpki-roots release the registry mirror lacks.
  cargo install --force "wasm-bindgen-cli@$want"
}

ensure_wasm_opt() {
  if wasm-opt --version 2>/dev/null | grep -q "version_$BINARYEN_VERSION"; then return 0; fi
  command -v npm >/dev/null || ensure_apt nodejs npm
  say "安装 wasm-opt（npm 的 binaryen@$BINARYEN_VERSION）"
  (cd "$TOOLS" && npm install --no-audit --no-fund --silent "binaryen@$BINARYEN_VERSION" >/dev/null)
}

ensure_build_tools() {
  command -v python3 >/dev/null || ensure_apt python3
  ensure_wasm_toolchain
  ensure_trunk
  ensure_wasm_bindgen
  ensure_wasm_opt
}

ensure_browser() {
  # A CJK font, so that text lays out (and screenshots read) as on a clerk's machine;
  # poppler-utils (pdftotext) reads back what printing produced.
  ensure_apt chromium chromium-driver fonts-noto-cjk poppler-utils
}

# LibreOffice lays out the Word file for tests/libreoffice.rs and scripts/docx-preview.sh;
# poppler-utils reads the PDF back.
ensure_office() {
  ensure_apt libreoffice-writer-nogui poppler-utils fonts-noto-cjk
}

# Release build into dist/, then print the size of the .wasm, raw and gzipped; then the
# single-file version, dist/公文起草助手.html (scripts/single_file.py; fails if it cannot be made).
build_release() {
  say "构建发布版（dist/）"
  (cd "$ROOT" && env "${WASM_ENV[@]}" trunk build --release --offline)
  local wasm; wasm=$(ls "$ROOT"/dist/*.wasm | head -n 1)
  local raw gz
  raw=$(stat -c %s "$wasm")
  gz=$(gzip -9 -c "$wasm" | wc -c)
  printf 'wasm 大小：%s 字节（gzip 后 %s 字节） %s\n' "$raw" "$gz" "$(basename "$wasm")"
  # What a browser downloads to open the served page (every file but the single-file copy),
  # each gzipped: the budget is 250 KB = 256,000 bytes.
  local total=0 f
  for f in "$ROOT"/dist/*; do
    case "$f" in *.html) [ "$(basename "$f")" = index.html ] || continue ;; esac
    total=$((total + $(gzip -9 -c "$f" | wc -c)))
  done
  printf '页面传输总量：gzip 后 %s 字节（上限 256000 = 250 KB）\n' "$total"
  [ "$total" -le 256000 ] || die "页面传输总量 ${total} 字节超过 250 KB 的上限：请先把包变小（见 ARCHITECTURE.md“Bundle budget”）"
  say "生成单文件版（dist/公文起草助手.html）"
  python3 "$ROOT/scripts/single_file.py" "$ROOT/dist"
}
