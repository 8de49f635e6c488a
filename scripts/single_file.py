#!/usr/bin/env python3
"""Write dist/公文起草助手.html: the whole app in one file that works from file://.

A clerk copies this one file to a USB stick or a share and double-clicks it: no server. From
file:// the browser neither fetches the .wasm by URL nor imports the JS module trunk wrote, so
everything goes inline:

- the wasm-bindgen glue becomes the body of one inline module script (its `export`s dropped:
  nothing imports it), followed by a small loader;
- the .wasm is gzipped and base64-encoded into a data block (<script type="application/
  octet-stream">, which is never run); the loader decodes it (Uint8Array.fromBase64, or atob),
  unzips it with the browser's DecompressionStream and hands the bytes to the glue's init — no
  fetch at all, not even of a data: URL;
- the CSS becomes a <style>, the icon a data: URL.

The page's Content-Security-Policy is then strict: nothing may be loaded or connected to
(default-src 'none', connect-src 'none'), the one script and the one style are allowed by their
SHA-256 hashes, and 'wasm-unsafe-eval' lets the glue compile the bytes.

Usage: python3 scripts/single_file.py [DIST]   (run by build_release in scripts/lib.sh after
trunk). Exits non-zero with a message when trunk's output is not what this script expects.
"""
import base64
import gzip
import hashlib
import os
import re
import sys

OUTPUT_NAME = "公文起草助手.html"
# The size the single file must stay under (the browser test holds it to this too).
LIMIT_BYTES = 1_000_000

POLICY = (
    "default-src 'none'; script-src {script} 'wasm-unsafe-eval'; style-src {style}; "
    "img-src data: blob:; connect-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'"
)

# Shown in place of the app when the browser lacks what the loader needs, or loading fails.
TOO_OLD = "这个浏览器版本太旧，打不开公文起草助手。请用新版的 Edge、Chrome、Firefox 或 360 安全浏览器（极速模式）打开本文件。"
FAILED = "公文起草助手没能启动，文件可能不完整，请重新复制一份。详情："

LOADER = """
{
  const show = (message) => {
    const p = document.createElement('p');
    p.setAttribute('role', 'alert');
    p.textContent = message;
    document.body.prepend(p);
  };
  if (typeof DecompressionStream !== 'function' || typeof WebAssembly !== 'object') {
    show(TOO_OLD);
    throw new Error('DecompressionStream or WebAssembly missing');
  }
  try {
    const block = document.getElementById('gongwen-wasm');
    const text = block.textContent.trim();
    block.remove();
    let zipped;
    if (typeof Uint8Array.fromBase64 === 'function') {
      zipped = Uint8Array.fromBase64(text);
    } else {
      const binary = atob(text);
      zipped = new Uint8Array(binary.length);
      for (let i = 0; i < binary.length; i++) zipped[i] = binary.charCodeAt(i);
    }
    const stream = new Blob([zipped]).stream().pipeThrough(new DecompressionStream('gzip'));
    const bytes = await new Response(stream).arrayBuffer();
    const wasm = await INIT({ module_or_path: bytes });
    dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
  } catch (e) {
    // The bytes unzipped whole (gzip checks them) but do not compile: the engine lacks a
    // feature the module uses (reference types: Chromium 96, Firefox 79).
    show(e instanceof WebAssembly.CompileError ? TOO_OLD : FAILED + e);
    throw e;
  }
}
"""


class Unexpected(Exception):
    """trunk's output is not what this script knows how to inline."""


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def read_text(dist: str, href: str) -> str:
    with open(local_file(dist, href), encoding="utf-8") as f:
        return f.read()


def local_file(dist: str, href: str) -> str:
    name = href[2:] if href.startswith("./") else href
    if "/" in name or not name or name.startswith("."):
        raise Unexpected(f"不认识的文件地址 {href!r}（应是 dist/ 里的 ./文件名）")
    path = os.path.join(dist, name)
    if not os.path.isfile(path):
        raise Unexpected(f"index.html 引用的 {href} 不在 {dist} 里")
    return path


ATTRIBUTE = re.compile(r"""([\w:-]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+))?""")


def attributes(tag: str) -> dict:
    """The attributes of a start tag, quoted or not (the release build minifies the page)."""
    inside = re.match(r"<\w+\s*(.*?)/?>$", tag, flags=re.S)
    found = {}
    for name, value in ATTRIBUTE.findall(inside.group(1) if inside else ""):
        found[name.lower()] = value[1:-1] if value[:1] in "\"'" and value else value
    return found


def tags_with(html: str, name: str, **wanted: str) -> list:
    """Every `<name …>` start tag (with its content, for script) whose attributes have the
    wanted values, in any order and quoting."""
    pattern = rf"<{name}\b[^>]*>(.*?)</{name}>" if name == "script" else rf"<{name}\b[^>]*>\s*"
    found = []
    for m in re.finditer(pattern, html, flags=re.S | re.I):
        attrs = attributes(re.match(r"<[^>]*>", m.group(0)).group(0))
        if all(attrs.get(k.replace("_", "-")) == v for k, v in wanted.items()):
            found.append((m, attrs))
    return found


def one_tag(html: str, name: str, what: str, **wanted: str):
    found = tags_with(html, name, **wanted)
    if len(found) != 1:
        raise Unexpected(f"index.html 里应有 1 个{what}，实有 {len(found)} 个")
    return found[0]


def guard_inline(text: str, closing: str, what: str) -> None:
    """Text put between <script> or <style> tags must not end the element or open a comment."""
    lowered = text.lower()
    for bad in (closing, "<!--", "<script"):
        if bad in lowered:
            raise Unexpected(f"{what} 含有 {bad!r}，不能原样内联")


def glue_as_script(js: str) -> tuple[str, str]:
    """The wasm-bindgen glue without its exports, and the name of its default export (init)."""
    if re.search(r"^\s*import\b|\bimport\s*\(", js, flags=re.M):
        raise Unexpected("wasm-bindgen 的 JS 里有 import（snippets？），单文件无法内联")
    init = None
    m = re.search(r"^export default (\w+);\s*$", js, flags=re.M)
    if m:
        init = m.group(1)
        js = js[: m.start()] + js[m.end():]
    # `export { initSync };` or `export { initSync, __wbg_init as default };`
    def drop_list(m: re.Match) -> str:
        nonlocal init
        for item in m.group(1).split(","):
            parts = item.split()
            if len(parts) == 3 and parts[1] == "as" and parts[2] == "default":
                init = parts[0]
            elif len(parts) != 1:
                raise Unexpected(f"不认识的导出写法：{m.group(0).strip()}")
        return ""
    js = re.sub(r"^export\s*\{([^}]*)\};?\s*$", drop_list, js, flags=re.M)
    js = re.sub(r"^export (async function|function|class|const|let|var) ", r"\1 ", js, flags=re.M)
    left = re.search(r"^.*\bexport\b.*$", js, flags=re.M)
    if left and re.match(r"\s*export\b", left.group(0)):
        raise Unexpected(f"wasm-bindgen 的 JS 里还有没处理的导出：{left.group(0).strip()}")
    if not init or not re.search(rf"\b(async function|function) {re.escape(init)}\b", js):
        raise Unexpected("wasm-bindgen 的 JS 里找不到初始化函数（export default）")
    if "module_or_path" not in js:
        raise Unexpected("wasm-bindgen 的初始化函数不接受 { module_or_path }（版本不对？）")
    return js, init


def build(dist: str) -> tuple[str, dict]:
    with open(os.path.join(dist, "index.html"), encoding="utf-8") as f:
        html = f.read()

    # Trunk's loader: import the glue, init with the .wasm's path.
    loader, _ = one_tag(html, "script", "内联加载脚本（<script type=\"module\">）", type="module")
    m = re.fullmatch(
        r"\s*import init(?:, \* as bindings)? from '(\./[^']+\.js)';\s*"
        r"const wasm = await init\(\{ module_or_path: '(\./[^']+\.wasm)' \}\);\s*"
        r"(?:window\.\w+ = bindings;\s*)?"
        r"dispatchEvent\(new CustomEvent\(\"TrunkApplicationStarted\", \{detail: \{wasm\}\}\)\);\s*",
        loader.group(1),
    )
    if not m:
        raise Unexpected("trunk 的加载脚本和预期的不一样：\n" + loader.group(1))
    js_href, wasm_href = m.group(1), m.group(2)

    glue, init = glue_as_script(read_text(dist, js_href))
    script = glue + LOADER.replace("INIT", init).replace("TOO_OLD", "'" + TOO_OLD + "'").replace("FAILED", "'" + FAILED + "'")
    guard_inline(script, "</script", "内联脚本")

    with open(local_file(dist, wasm_href), "rb") as f:
        wasm = f.read()
    if wasm[:4] != b"\0asm":
        raise Unexpected(f"{wasm_href} 不是 WebAssembly 文件")
    zipped = gzip.compress(wasm, compresslevel=9, mtime=0)
    encoded = base64.b64encode(zipped).decode("ascii")

    css_link, css_attrs = one_tag(html, "link", "样式表链接", rel="stylesheet")
    css = read_text(dist, css_attrs.get("href", "")).strip()
    guard_inline(css, "</style", "样式表")
    if re.search(r"@import|url\((?!\s*['\"]?data:)", css):
        raise Unexpected("样式表引用了别的文件（@import 或 url()），单文件里会缺")

    icon_link, icon_attrs = one_tag(html, "link", "图标链接", rel="icon")
    icon_href = icon_attrs.get("href", "")
    if not icon_href.endswith(".svg"):
        raise Unexpected(f"图标 {icon_href} 不是 SVG")
    with open(local_file(dist, icon_href), "rb") as f:
        icon = "data:image/svg+xml;base64," + base64.b64encode(f.read()).decode("ascii")

    policy = POLICY.format(script=sha256(script), style=sha256(css))
    replacements = [
        (css_link, f"<style>{css}</style>"),
        (icon_link, f'<link rel="icon" href="{icon}">'),
        (loader, f'<script type="application/octet-stream" id="gongwen-wasm">{encoded}</script>\n'
                 f'<script type="module">{script}</script>'),
        (one_tag(html, "meta", "安全策略（CSP）", http_equiv="Content-Security-Policy")[0],
         f'<meta http-equiv="Content-Security-Policy" content="{policy}">'),
    ]
    # The preloads of the .js and .wasm: nothing to fetch any more.
    for rel in ("modulepreload", "preload"):
        for preload, _ in tags_with(html, "link", rel=rel):
            replacements.append((preload, ""))
    out, at = [], 0
    for match, text in sorted(replacements, key=lambda r: r[0].start()):
        out += [html[at:match.start()], text]
        at = match.end()
    out.append(html[at:])
    single = "".join(out)

    # Nothing may point at another file: every src/href attribute left must be a data: URL.
    markup = re.sub(r"(<(script|style)\b[^>]*>).*?(</\2>)", r"\1\3", single, flags=re.S)
    outside = re.findall(r"\s(?:src|href)\s*=\s*(?![\"']?data:)[\"']?([^\"' >]*)", markup)
    if outside:
        raise Unexpected(f"单文件里还有对其他文件的引用：{outside}")
    return single, {"wasm": len(wasm), "gzip": len(zipped)}


def main() -> int:
    dist = sys.argv[1] if len(sys.argv) > 1 else "dist"
    try:
        single, sizes = build(dist)
    except (Unexpected, OSError) as e:
        print(f"single_file.py：无法生成单文件版：{e}", file=sys.stderr)
        return 1
    path = os.path.join(dist, OUTPUT_NAME)
    data = single.encode("utf-8")
    with open(path, "wb") as f:
        f.write(data)
    print(
        f"单文件版：{path}，{len(data)} 字节（上限 {LIMIT_BYTES}）；"
        f"其中 wasm {sizes['wasm']} 字节，gzip 后 {sizes['gzip']} 字节，base64 内嵌"
    )
    if len(data) > LIMIT_BYTES:
        print(f"single_file.py：单文件版超过 {LIMIT_BYTES} 字节的上限", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
