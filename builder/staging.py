"""Build the site aside and put it in place only when the whole build succeeded.

MkDocs writes straight into `site_dir`, and `--strict` fails only after every
page is written; a failed build would leave a half or failed site where the
last good one was. So the build goes to a sibling folder, and the swap
happens at the end, or the attempt is thrown away.
"""

from __future__ import annotations

import shutil
from pathlib import Path


def staging_dir(site_dir: Path) -> Path:
    return site_dir.with_name(f".{site_dir.name}.building")


def publish(staging: Path, site_dir: Path) -> None:
    """Replace `site_dir` by the finished build in `staging`."""
    previous = site_dir.with_name(f".{site_dir.name}.previous")
    shutil.rmtree(previous, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(previous)
    staging.rename(site_dir)
    shutil.rmtree(previous, ignore_errors=True)


def discard(staging: Path) -> None:
    shutil.rmtree(staging, ignore_errors=True)
