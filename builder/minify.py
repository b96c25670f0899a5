"""The course's own scripts and styles as a phone downloads them: without comments and indentation.

The package keeps them readable; the built site gets them minified by rjsmin and rcssmin, which
drop only what the language ignores (comments, spaces), a third of their weight after gzip.
"""

from __future__ import annotations

from pathlib import Path

from rcssmin import cssmin
from rjsmin import jsmin

MINIFIERS = {".js": jsmin, ".css": cssmin}


def minify_assets(folder: Path) -> None:
    """Minify every script and style directly in `folder` (its subfolders hold others' files, kept as they are)."""
    for path in folder.iterdir():
        if path.suffix in MINIFIERS:
            path.write_text(MINIFIERS[path.suffix](path.read_text(encoding="utf-8")), encoding="utf-8")
