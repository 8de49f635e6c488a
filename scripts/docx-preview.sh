#!/usr/bin/env bash
# Look at the Word file as a clerk would see it: the example draft (the saved example in
# fuzz/seeds/draft_file/) → `gongwen render --docx` → LibreOffice → PDF → one PNG per page.
#   bash scripts/docx-preview.sh [folder]      (default: target/docx-preview)
#
# What LibreOffice can and cannot show:
# - It has none of the 公文 fonts (方正小标宋简体, 仿宋_GB2312, …) and substitutes Noto CJK:
#   the glyphs differ from Word's; the page, margins, indents, alignment and page numbers are
#   the file's own.
# - Word and WPS fit 28 characters of 3号 (16 pt) into the 156 mm line by narrowing each grid
#   cell to 15.8 pt (w:charSpace). LibreOffice 7.4 never narrows a character and gives each one
#   two cells, so the real file shows about 14 characters a line there (page-NN.png). The
#   grid-less copy (nogrid-NN.png, only w:docGrid changed to lines) shows the rest of the page
#   at natural character widths, 27–28 a line, close to what Word shows.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
OUT=$(mkdir -p "${1:-$ROOT/target/docx-preview}" && cd "${1:-$ROOT/target/docx-preview}" && pwd)
command -v python3 >/dev/null || ensure_apt python3
ensure_apt libreoffice-writer-nogui poppler-utils fonts-noto-cjk

say "生成示例报告的 Word 文件"
rm -f "$OUT"/*.docx "$OUT"/*.pdf "$OUT"/*.png
cargo run --quiet --release --bin gongwen -- render --docx fuzz/seeds/draft_file/example.json -o "$OUT/example.docx"

# The copy without the character grid: every part as it is, only w:docGrid's type changed.
python3 - "$OUT/example.docx" "$OUT/nogrid.docx" <<'PY'
import re, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as src, zipfile.ZipFile(sys.argv[2], "w") as dst:
    for name in src.namelist():
        data = src.read(name)
        if name == "word/document.xml":
            data = re.sub(rb'<w:docGrid [^>]*/>', b'<w:docGrid w:type="lines" w:linePitch="579"/>', data)
        dst.writestr(name, data)
PY

say "用 LibreOffice 转成 PDF，再转成 PNG"
for doc in example nogrid; do
  # A profile of its own, so a LibreOffice already open elsewhere does not take the job.
  libreoffice -env:UserInstallation="file://$OUT/lo-profile" --headless --convert-to pdf --outdir "$OUT" "$OUT/$doc.docx" >/dev/null 2>&1 || die "LibreOffice 没能转换 $doc.docx"
done
pdftoppm -png -r 80 "$OUT/example.pdf" "$OUT/page"
pdftoppm -png -r 80 "$OUT/nogrid.pdf" "$OUT/nogrid"
printf '%s\n' "$OUT"/page-*.png "$OUT"/nogrid-*.png
