"""A Content-Security-Policy for every page, as a <meta>: GitHub Pages sets no headers.

Nothing may load from another origin, and no inline script runs unless it is
one of the page's own (Material's small start-up scripts), allowed by the hash
of its exact text, computed after the page is rendered.
"""

from __future__ import annotations

import base64
import hashlib
import re

_INLINE_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.DOTALL)
_CHARSET = re.compile(r'<meta charset="[^"]*">')
_DATA_TYPES = ('type="application/json"', "type='application/json'")


def policy(script_hashes: list[str], inline_scripts: bool = False) -> str:
    allowed = ["'unsafe-inline'"] if inline_scripts else [f"'sha256-{digest}'" for digest in script_hashes]
    scripts = " ".join(["'self'", *allowed])
    return "; ".join([
        "default-src 'self'",
        f"script-src {scripts}",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ])


def with_csp(html: str, inline_scripts: bool = False) -> str:
    """The page with a CSP <meta> right after its charset, before any script it governs.

    `inline_scripts` is for the copy opened from disk only: there the search worker runs in an
    iframe whose inline start-up script names the page's own file path, which no hash can foresee.
    Other origins stay shut.
    """
    hashes = []
    for script in _INLINE_SCRIPT.finditer(html):
        attrs = script.group("attrs")
        if "src=" in attrs or any(kind in attrs for kind in _DATA_TYPES):
            continue
        digest = hashlib.sha256(script.group("body").encode("utf-8")).digest()
        hashes.append(base64.b64encode(digest).decode("ascii"))
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(sorted(set(hashes)), inline_scripts)}">'
    return _CHARSET.sub(lambda charset: charset.group(0) + meta, html, count=1)
