"""Zip files, each file once, in a stable order (the same course gives the same archive listing)."""

from __future__ import annotations

import zipfile
from pathlib import Path


def files_of(folder: Path) -> list[str]:
    return sorted(path.relative_to(folder).as_posix() for path in folder.rglob("*") if path.is_file())


def write_zip(target: Path, folder: Path, inside: str = "") -> Path:
    """`folder`'s files into `target`, under the folder `inside` in the zip (or at its root)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name in files_of(folder):
            archive.write(folder / name, inside + name)
    return target
