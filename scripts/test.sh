#!/usr/bin/env bash
# Install what is missing and run every test: native unit and integration tests, SSR render
# tests, the Word file laid out by LibreOffice, then the browser tests against the release
# build in headless Chromium.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
ensure_build_tools
ensure_browser
ensure_office

say "第一层、第二层：原生单元测试与 SSR 渲染测试"
cargo test --locked

say "Word 文件：LibreOffice 排版后逐行核对"
cargo test --locked --test libreoffice -- --ignored

build_release

say "第三层：无头 Chromium 中的浏览器测试"
GONGWEN_DIST="$ROOT/dist" cargo test --locked --test browser -- --ignored --test-threads=1
