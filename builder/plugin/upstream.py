"""What the course mends in mkdocs-static-i18n (1.3.1) and Material for MkDocs (9.8.2), on MkDocs 1.6.1.

Each function names the upstream behaviour it answers; when upgrading either, check each still holds.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from urllib.parse import urlsplit

from markupsafe import Markup

from ..labels import all_labels

LANGUAGE_TAGS = all_labels()["language_tag"]
# Scripts the course puts before Material's bundle (Material's `extra.polyfills` come first in <head>).
# The offline shim: Material's offline plugin would fetch it from unpkg.com, a request leaving the
# site; the course ships its own copy. Search mends: Material's worker never tries a whole Chinese
# query as one word (see the file); it must see the index the bundle hands the worker, so it comes
# after the offline shim and before search on demand, which holds the worker and index back until
# the reader reaches for search (Material starts both on every page load).
OFFLINE_SHIM = "assets/course/offline/iframe-worker.js"
SEARCH_MENDS = "assets/course/search.js"
SEARCH_ON_DEMAND = "assets/course/search-on-demand.js"
_HEAD_ALTERNATE = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')


HAN_LANGUAGES = ("zh",)  # those whose index jieba segments: the only ones the search mends change


def polyfills(offline: bool, language: str) -> list[str]:
    mends = [SEARCH_MENDS] if language.split("-")[0] in HAN_LANGUAGES else []
    return [OFFLINE_SHIM, *mends] if offline else [*mends, SEARCH_ON_DEMAND]


def without_language_alternates(head: str) -> Markup:
    """Material's script fetches "sitemap.xml" next to every <link rel="alternate"> in the head;
    static-i18n points those at the same page in each language, where no sitemap exists, so each
    page logged 404s. The language switcher keeps its links; the head drops them."""
    return Markup(_HEAD_ALTERNATE.sub("", str(head)))


def full_language_tag(config) -> None:
    """After static-i18n chose the build's language (zh), declare it by its full tag (zh-Hans),
    which the course theme's language partial provides; Material has none for zh-Hans."""
    language = config.theme["language"]
    config.theme["language"] = LANGUAGE_TAGS.get(language, language)


def copy_language_sitemaps(site: Path, languages: tuple[str, ...]) -> None:
    """Material's language selector reads <language>/sitemap.xml to find the same page; static-i18n
    writes one sitemap, with every language's pages, at the root only."""
    for language in languages[1:]:
        for name in ("sitemap.xml", "sitemap.xml.gz"):
            if (site / name).is_file():
                shutil.copyfile(site / name, site / language / name)


def relative_alternates(config) -> None:
    """static-i18n gives the language switcher root-absolute links (/ko/page/); made relative to the
    page, so the site works under any /<repository>/ path of GitHub Pages. It sets `extra.alternate`
    as an attribute, which is what templates read first."""
    base = urlsplit(config.site_url or "").path.rstrip("/")
    for alternate in getattr(config.extra, "alternate", None) or config.extra.get("alternate", []):
        link = alternate["link"]
        if link.startswith("/"):
            alternate["link"] = link[len(base):].lstrip("/") if link.startswith(base) else link.lstrip("/")
        alternate["lang"] = LANGUAGE_TAGS.get(alternate["lang"], alternate["lang"])
