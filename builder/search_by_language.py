"""One search index per language, so a Korean reader searching gets Korean pages only.

static-i18n leaves one index with every language at search/search_index.json,
and Material's script loads the index from `base` (the site root). Each
language gets its own index in its folder, and its pages a `base` pointing
there: Material builds result links from the same `base`, so they stay right.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

INDEX = Path("search/search_index.json")
_SEARCH_DIALOG = 'data-md-component="search" role="dialog"'
_CONFIG_BASE = re.compile(r'(<script id="__config" type="application/json">[^<]*?"base": ")([^"]*)(")')


def split_search_index(site: Path, languages: tuple[str, ...]) -> None:
    """Split the shared index into the default language's (at the root) and one per other language."""
    shared = site / INDEX
    if not shared.is_file():
        return
    index = json.loads(shared.read_text(encoding="utf-8"))
    others = languages[1:]
    for language in others:
        prefix = f"{language}/"
        docs = [{**doc, "location": doc["location"][len(prefix):]} for doc in index["docs"]
                if doc["location"].startswith(prefix)]
        _write(site / language / INDEX, _for_language(index, language, docs))
    own = [doc for doc in index["docs"] if not doc["location"].startswith(tuple(f"{lang}/" for lang in others))]
    _write(shared, _for_language(index, languages[0], own))


def _for_language(index: dict, language: str, docs: list) -> dict:
    """The index of one language: its pages, and only its own lunr language support to load.

    English stays for the Latin words every edition has (SKU, eMAG, CS); a language lunr has no
    support for (Bulgarian) needs nothing more, as Material's pipeline here is the stemmer alone.
    """
    config = index.get("config", {})
    own = [lang for lang in config.get("lang", []) if lang in ("en", language)] or ["en"]
    return {**index, "config": {**config, "lang": own}, "docs": docs}


def with_language_base(html: str, language: str) -> str:
    """The page's Material config with `base` at its language's folder instead of the site root."""
    def at_language(match: re.Match) -> str:
        root = match.group(2).rstrip("/") or "."
        return f"{match.group(1)}{root}/{language}/{match.group(3)}"  # the slash: a folder, not a file

    return _CONFIG_BASE.sub(at_language, html, count=1)


def write_offline_indexes(site: Path) -> None:
    """Each language's index also as a script: from file:// Material loads `search_index.js`, as it cannot fetch."""
    for index in site.rglob(INDEX.as_posix()):
        index.with_suffix(".js").write_text("var __index = " + index.read_text(encoding="utf-8"), encoding="utf-8")


def with_named_search_dialog(html: str, name: str) -> str:
    """Material's search dialog carries no accessible name; a screen reader announces this one instead."""
    return html.replace(_SEARCH_DIALOG, f'{_SEARCH_DIALOG} aria-label="{name}"', 1)


def _write(path: Path, index: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
