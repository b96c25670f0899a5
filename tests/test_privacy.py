"""Nothing leaves the site: every request a page makes, in a real browser, goes to the site's own origin."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from .site_server import serving


def test_every_page_requests_only_its_own_origin(page, built_fixture: Path):
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    with serving(built_fixture) as base:
        origin = urlsplit(base).netloc
        for path in sorted(built_fixture.rglob("*.html")):
            page.goto(base + "/" + path.relative_to(built_fixture).as_posix().removesuffix("index.html"))
            page.wait_for_load_state("networkidle")
    foreign = sorted({url for url in requests if urlsplit(url).scheme in ("http", "https", "ws", "wss")
                      and urlsplit(url).netloc != origin})
    assert len(requests) > 50
    assert foreign == []
