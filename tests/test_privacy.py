"""Nothing leaves the site: no request a page makes, and nothing in the files that load, goes to another host.

Readers in mainland China and on slow networks get the whole course from the site's own origin.
Links a reader clicks may point elsewhere; what loads by itself may not.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

from .site_server import serving

# Attributes through which a browser fetches something without the reader clicking.
LOADING_ATTRIBUTES = {
    "script": "src", "img": "src", "iframe": "src", "source": "src", "video": "src", "audio": "src",
    "track": "src", "embed": "src", "object": "data", "link": "href",
}
NOT_FETCHED_LINKS = {"canonical", "alternate"}
# Hosts named in code inside Material's JavaScript, and why none is ever contacted by this site.
# A new host here means a Material upgrade or a new feature: read what loads it before adding it.
INERT_SCRIPT_HOSTS = {
    "unpkg.com": "Material's loader for Mermaid diagrams and the ResizeObserver polyfill; the site has "
                 "no diagrams, every supported browser has ResizeObserver, and the CSP would block it",
    "api.github.com": "Material's repository facts, fetched only when mkdocs.yml sets repo_url",
    "bit.ly": "text of a search error message, not a request",
    "en.wikipedia.org": "a comment in lunr's Thai word splitter",
    "msdn.microsoft.com": "a comment in lunr's Thai word splitter",
    "narwhaljs.org": "a comment in lunr's Thai word splitter",
    "wiki.commonjs.org": "a comment in lunr's Thai word splitter",
    "chasen.org": "a comment in lunr's Japanese word splitter",
    "www.w3.org": "the SVG namespace, a name that is never fetched",
}
CSS_FETCH = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"])((?:https?:)?//[^'")\s]+)""")


class _Loads(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        url = attrs.get(LOADING_ATTRIBUTES.get(tag, ""))
        if url and not (tag == "link" and attrs.get("rel") in NOT_FETCHED_LINKS):
            self.urls.append(url)
        self.urls += [part.split()[0] for part in (attrs.get("srcset") or "").split(",") if part.strip()]


def is_foreign(url: str) -> bool:
    return bool(urlsplit(url).netloc)


def test_every_page_requests_only_its_own_origin(page, built_course: Path):
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    with serving(built_course) as base:
        origin = urlsplit(base).netloc
        for path in sorted(built_course.rglob("*.html")):
            page.goto(base + "/" + path.relative_to(built_course).as_posix().removesuffix("index.html"))
            page.wait_for_load_state("networkidle")
    foreign = sorted({url for url in requests if urlsplit(url).scheme in ("http", "https", "ws", "wss")
                      and urlsplit(url).netloc != origin})
    assert len(requests) > 100
    assert foreign == []


def test_no_page_loads_anything_from_another_host(built_course: Path):
    foreign = {}
    for html in built_course.rglob("*.html"):
        parser = _Loads()
        parser.feed(html.read_text(encoding="utf-8"))
        foreign.update({f"{html.relative_to(built_course)}: {url}": 1 for url in parser.urls if is_foreign(url)})
    assert foreign == {}


def test_no_stylesheet_fetches_from_another_host(built_course: Path):
    sheets = list(built_course.rglob("*.css"))
    assert sheets
    foreign = [f"{css.name}: {url}" for css in sheets for url in CSS_FETCH.findall(css.read_text(encoding="utf-8"))]
    assert foreign == []


def test_scripts_name_no_host_but_the_known_inert_ones(built_course: Path):
    scripts = list(built_course.rglob("*.js"))
    assert scripts
    hosts = set()
    for script in scripts:
        code = re.sub(r"/\*.*?\*/", "", script.read_text(encoding="utf-8", errors="replace"), flags=re.S)
        hosts |= set(re.findall(r"https?://([A-Za-z0-9.-]+)", code))
    assert hosts - set(INERT_SCRIPT_HOSTS) == set()
    assert "repo_url" not in (built_course.parent / "mkdocs.yml").read_text(encoding="utf-8")
