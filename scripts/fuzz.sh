#!/usr/bin/env bash
# Fuzz the parsers and the checker with cargo-fuzz (libFuzzer). Not part of the tests.
# Usage: bash scripts/fuzz.sh [SECONDS per target, default 60] [TARGET...]
# Targets: draft_file (opening a draft file), text_import (importing an old report), checker,
# file_decode (reading a chosen file's bytes as text), model_template (a template made from a model report), docx_read (reading a Word file),
# template_json (opening a template file).
# Findings land in fuzz/artifacts/<target>/; the corpus grows in fuzz/corpus/<target>/, starting
# from the committed seeds in fuzz/seeds/<target>/ (the reference report, a saved draft, small
# Word files: the app's own, hand-made ones with numbering, a table, tracked changes).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
SECONDS_EACH=${1:-60}
shift || true
TARGETS=("${@:-draft_file text_import checker file_decode model_template docx_read template_json}")
command -v cargo-fuzz >/dev/null || { say "安装 cargo-fuzz"; cargo install --locked cargo-fuzz; }
# cargo-fuzz needs nightly flags; RUSTC_BOOTSTRAP lets the installed stable compiler take them.
for t in ${TARGETS[*]}; do
  say "模糊测试 $t（${SECONDS_EACH} 秒）"
  mkdir -p "fuzz/corpus/$t"
  # A Word file is a zip: the app's own example is 37 KB.
  max_len=20000; [ "$t" = docx_read ] && max_len=65536
  RUSTC_BOOTSTRAP=1 cargo fuzz run "$t" "fuzz/corpus/$t" "fuzz/seeds/$t" -- -max_total_time="$SECONDS_EACH" -max_len="$max_len"
done
