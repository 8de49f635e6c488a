#!/usr/bin/env bash
# Benchmarks, one command:
#  1. criterion: the full check of the published corpus (tests/corpus, characters a second,
#     as a whole and per rule family), of 5k/10k/20k/40k-character reports (linear growth) and
#     of the example draft, and building the example's Word file (reports land in
#     target/criterion/; a second run compares with the first). On a shared machine,
#     GONGWEN_BENCH_CLOCK=cpu times the check benches by the thread's CPU time;
#  2. in headless Chromium (release build): keystroke to findings on a ~20,000-character draft,
#     the Word button's click to the file handed to the download, and navigation to the form
#     on screen against a static copy of the same page (benches/startup.rs);
#  3. the keystroke and start-up figures again in Chromium 86 and 109 and Firefox ESR, the
#     engine matrix's builds (benches/engines.rs; Firefox cannot be slowed: full speed only).
# Extra arguments go to criterion, e.g. `bash scripts/bench.sh check_draft`.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
say "性能测试：完整检查真实公文语料（每秒字数，分规则类）、5千/1万/2万/4万字的报告，以及示例草稿"
cargo bench --bench check -- "$@"
say "性能测试：识别和导入粘贴的旧报告（128 KB 至 2 MB，随长度线性增长）"
cargo bench --bench import -- "$@"
say "性能测试：上限处的草稿按一个键（每节 200 项、一个框 2 万字），与上限以外的比较"
cargo bench --bench bounds -- "$@"
say "性能测试：生成示例报告的 Word 文件"
cargo bench --bench docx -- "$@"
ensure_build_tools
ensure_browser
build_release
say "性能测试：浏览器中从按键到显示检查结果（约 2 万字的草稿）"
GONGWEN_DIST="$ROOT/dist" cargo bench --bench keystroke
say "性能测试：浏览器中点“下载 Word（.docx）”到文件交给浏览器下载"
GONGWEN_DIST="$ROOT/dist" cargo bench --bench docx_browser
say "性能测试：浏览器中从打开页面到表单显示，与同一页面的静态副本比较（新用户首次打开、已有草稿时刷新）"
GONGWEN_DIST="$ROOT/dist" cargo bench --bench startup
ensure_engines
say "性能测试：在 Chromium 86、109 和 Firefox ESR 中按键到画面、打开页面到能打字（Firefox 不能模拟降速，只测全速）"
GONGWEN_DIST="$ROOT/dist" cargo bench --bench engines
