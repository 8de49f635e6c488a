#!/usr/bin/env bash
# Install what is missing and run every test: native unit and integration tests, SSR render
# tests, the Word file laid out by LibreOffice, then the browser tests against the release build
# in headless Chromium, then the same build's core flow in the engine matrix (Chromium 86 and
# 109, Firefox ESR, WebKitGTK).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
ensure_build_tools
ensure_browser
ensure_engines
ensure_office

say "第一层、第二层：原生单元测试与 SSR 渲染测试"
cargo test --locked

say "构建工具（xtask）与页面的解码器（unpack/）的单元测试"
cargo test --locked -p xtask -p gongwen-unpack

say "Word 文件：LibreOffice 排版后逐行核对"
cargo test --locked --test libreoffice -- --ignored

build_release

say "第三层：无头 Chromium 中的浏览器测试"
# No backtraces here: an async test's frames say nothing its panic's line does not, and a CI log
# that keeps only part of the output then loses the failure messages themselves.
RUST_BACKTRACE=0 GONGWEN_DIST="$ROOT/dist" cargo test --locked --test browser -- --ignored --test-threads=1

say "第四层：各浏览器内核（Chromium 86、109，Firefox ESR，WebKitGTK）中的主要流程"
started=$SECONDS
RUST_BACKTRACE=0 GONGWEN_DIST="$ROOT/dist" cargo test --locked --test engines -- --ignored --test-threads=1 --nocapture
say "第四层用时：$((SECONDS - started)) 秒"
