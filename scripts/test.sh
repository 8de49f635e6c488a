#!/usr/bin/env bash
# Install what is missing and run every test: native unit and integration tests, SSR render
# tests, then the browser tests against the release build in headless Chromium.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
ensure_build_tools
ensure_browser

say "第一层、第二层：原生单元测试与 SSR 渲染测试"
cargo test --locked

build_release

say "第三层：无头 Chromium 中的浏览器测试"
GONGWEN_DIST="$ROOT/dist" cargo test --locked --test browser -- --ignored --test-threads=1
