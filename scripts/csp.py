#!/usr/bin/env python3
"""Trunk post-build hook: give the page a Content-Security-Policy.

Trunk writes the wasm loader as an inline <script type="module">; the policy allows exactly that
script by its SHA-256 hash, and nothing inline besides. The page may load its own files
('self': the .js, the .wasm, the CSS, the icon) and connect nowhere else. Any violation shows as
a console error, which fails the browser tests.
"""
import base64
import hashlib
import os
import re
import sys

POLICY = (
    "default-src 'self'; script-src 'self' {hashes} 'wasm-unsafe-eval'; style-src 'self'; "
    "img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; "
    "base-uri 'none'; form-action 'none'; frame-src 'none'; worker-src 'none'"
)


def main() -> int:
    staging = os.environ.get("TRUNK_STAGING_DIR")
    if not staging:
        print("csp.py: TRUNK_STAGING_DIR is not set (run it as a trunk hook)", file=sys.stderr)
        return 1
    path = os.path.join(staging, "index.html")
    with open(path, encoding="utf-8") as f:
        html = f.read()
    scripts = re.findall(r"<script[^>]*>(.*?)</script>", html, flags=re.S)
    inline = [s for s in scripts if s.strip()]
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode("ascii") + "'"
        for s in inline
    )
    meta = '<meta http-equiv="Content-Security-Policy" content="{}">'.format(POLICY.format(hashes=hashes))
    if 'http-equiv="Content-Security-Policy"' in html:
        print("csp.py: index.html already has a policy", file=sys.stderr)
        return 1
    # (the release build minifies the page: `<meta charset=utf-8>`)
    html, n = re.subn(r'(<meta charset=["\']?utf-8["\']?\s*/?>)', r"\1" + meta.replace("\\", "\\\\"), html, count=1, flags=re.I)
    if n != 1:
        print("csp.py: no <meta charset> to put the policy after", file=sys.stderr)
        return 1
    with open(path, "w", encoding="utf-8") as f:
        f.write(html)
    return 0


if __name__ == "__main__":
    sys.exit(main())
