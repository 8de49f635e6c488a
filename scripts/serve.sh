#!/usr/bin/env bash
# Install what is missing, build the release page and serve it on 127.0.0.1.
# Usage: bash scripts/serve.sh            (PORT=8080 by default)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_build_tools
build_release
PORT=${PORT:-8080}
say "公文起草助手已就绪：http://127.0.0.1:$PORT/  （按 Ctrl+C 停止）"
exec python3 -m http.server "$PORT" --bind 127.0.0.1 --directory "$ROOT/dist"
