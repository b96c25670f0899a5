"""Write rendered pages into the generated docs folder, touching only what changed.

`mkdocs serve` watches files; rewriting an unchanged page would start another
rebuild, and another, so a page is written only when its text differs.
"""

from __future__ import annotations

from pathlib import Path


def write_pages(folder: Path, pages: dict[str, str]) -> list[str]:
    """Make `folder` hold exactly `pages`; return the paths that were written or removed."""
    changed: list[str] = []
    for relative, text in pages.items():
        target = folder / relative
        if target.is_file() and target.read_text(encoding="utf-8") == text:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        changed.append(relative)
    if folder.is_dir():
        for old in folder.rglob("*.md"):
            relative = old.relative_to(folder).as_posix()
            if relative not in pages:
                old.unlink()
                changed.append(relative)
    return changed
