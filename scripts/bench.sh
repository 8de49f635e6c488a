#!/usr/bin/env bash
# Benchmarks (criterion): the full check of 5k/10k/20k/40k-character reports and of the example
# draft. Extra arguments go to criterion, e.g. `bash scripts/bench.sh check_draft`.
# Reports land in target/criterion/; a second run compares with the first.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
say "性能测试：完整检查 5千/1万/2万/4万字的报告，以及示例草稿"
cargo bench --bench check -- "$@"
