"""A copy of the whole course, every language, that works opened from disk: search and role-plays included."""

from __future__ import annotations

import tempfile
from pathlib import Path

from .archive import write_zip
from .edition import build_edition

OFFLINE_ZIP = "course-offline.zip"


def export_offline(config_file: Path, out: Path) -> Path:
    with tempfile.TemporaryDirectory() as scratch:
        edition = build_edition(config_file, Path(scratch) / "site", offline=True)
        # One folder inside the zip: unpacking it never scatters pages over the reader's desktop.
        return write_zip(out / OFFLINE_ZIP, edition.site, inside="course/")
