"""One more build of the site, with pages as files, into a folder of our choosing."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

from ..site_config import site_names


@dataclass(frozen=True)
class Edition:
    site: Path
    titles: dict[str, str]  # the site's name in each language, default language first


def build_edition(config_file: Path, site_dir: Path, offline: bool) -> Edition:
    """Build strictly, as the published site is built; a broken course raises MkDocs' own errors."""
    config = load_config(str(config_file), site_dir=str(site_dir), use_directory_urls=False, strict=True)
    config.plugins["course"].config["offline"] = offline
    titles = site_names(config)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    return Edition(site_dir, titles)
