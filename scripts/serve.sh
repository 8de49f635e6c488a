#!/usr/bin/env bash
# Install what is missing, build the release page and serve it on 127.0.0.1 (xtask serve:
# xtask/src/serve.rs; no Python needed).
# Usage: bash scripts/serve.sh            (PORT=8080 by default; BIND=0.0.0.0 to let other
#                                          machines of the network open it too)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_build_tools
build_release
export PORT=${PORT:-8080}
# Prints the address once it listens; a taken port ends it with a message saying what to do.
exec "$ROOT/target/xtask/xtask" serve "$ROOT/dist"
