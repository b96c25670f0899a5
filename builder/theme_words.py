"""Material's own words on the page, in the language being built.

Material and Python-Markdown write a few English words that static-i18n does not translate: the
heading links' "Permanent link" and the names of the colour-scheme switch (plain strings in
mkdocs.yml). Each language build gets them from the course's labels; and the header gets the
language's short site name, for phones, where the full name has no room.
"""

from __future__ import annotations

import re

from markupsafe import escape

from .labels import labels_for

# The colour-scheme switch, in the order of mkdocs.yml's palette: system setting, light, dark.
PALETTE_NAMES = ("palette_to_light", "palette_to_dark", "palette_to_system")


def localise_theme(config, language: str) -> None:
    labels = labels_for(language)
    toc = config.mdx_configs.setdefault("toc", {})
    if toc.get("permalink"):
        toc["permalink_title"] = labels["permalink"]
    palette = config.theme["palette"] if "palette" in config.theme else None
    for scheme, name in zip(palette if isinstance(palette, list) else (), PALETTE_NAMES):
        if "toggle" in scheme:
            scheme["toggle"]["name"] = labels[name]


def _named(before: str, site_name: str, after: str) -> re.Pattern:
    return re.compile(f"({before})\\s*{re.escape(str(escape(site_name)))}\\s*({after})", re.DOTALL)


def with_short_site_name(html: str, site_name: str, short_name: str | None) -> str:
    """The header's site name twice, the full and the short one (course.css shows the one that fits);
    the sidebar's title, narrow on every screen, the short one (its logo link keeps the full name)."""
    if not short_name or short_name == site_name:
        return html
    both = (f'<span class="course-site-name">{escape(site_name)}</span>'
            f'<span class="course-site-name course-site-name--short">{escape(short_name)}</span>')
    header = _named('<div class="md-header__topic">\\s*<span class="md-ellipsis">', site_name, "</span>")
    sidebar = _named('<label class="md-nav__title" for="__drawer">(?:(?!</label>).)*?</a>', site_name, "</label>")
    html = header.sub(lambda match: match.group(1) + both + match.group(2), html, count=1)
    return sidebar.sub(lambda match: match.group(1) + str(escape(short_name)) + match.group(2), html, count=1)
