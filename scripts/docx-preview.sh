#!/usr/bin/env bash
# Look at the Word file as a clerk would see it: the example draft (the saved example in
# fuzz/seeds/draft_file/) → `gongwen render --docx` → LibreOffice → PDF → one PNG per page.
#   bash scripts/docx-preview.sh [folder]      (default: target/docx-preview)
#
# LibreOffice lays out the file itself: 28 characters a line, 22 lines a page, the page numbers
# (tests/libreoffice.rs checks the same line by line). It has none of the 公文 fonts
# (方正小标宋简体, 仿宋_GB2312, …) and takes fontconfig's default Chinese face (Noto Sans CJK
# on Debian) for each: the glyphs differ from Word's, the lines and pages do not.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
OUT=$(mkdir -p "${1:-$ROOT/target/docx-preview}" && cd "${1:-$ROOT/target/docx-preview}" && pwd)
ensure_office

say "生成示例报告的 Word 文件"
rm -f "$OUT"/*.docx "$OUT"/*.pdf "$OUT"/*.png
cargo run --quiet --release --bin gongwen -- render --docx fuzz/seeds/draft_file/example.json -o "$OUT/example.docx"

say "用 LibreOffice 转成 PDF，再转成 PNG"
# A fresh profile of its own, so that a LibreOffice already open elsewhere does not take the job.
PROFILE=$(mktemp -d)
trap 'rm -rf "$PROFILE"' EXIT
soffice -env:UserInstallation="file://$PROFILE" --headless --norestore --convert-to pdf --outdir "$OUT" "$OUT/example.docx" >/dev/null 2>&1 \
  || die "LibreOffice 没能转换 example.docx"
pdftoppm -png -r 80 "$OUT/example.pdf" "$OUT/page"
printf '%s\n' "$OUT"/page-*.png
