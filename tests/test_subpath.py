"""The real course served under /some-repo/, as GitHub Pages serves a fork: every internal link and anchor works."""

from __future__ import annotations

import urllib.request
from html.parser import HTMLParser
from urllib.error import HTTPError
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest

from .conftest import copy_real_course, mkdocs_build
from .site_server import free_port, serving

SUBPATH = "/some-repo/"


class _Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        if tag in ("link", "script", "img") and (attrs.get("href") or attrs.get("src")):
            if attrs.get("rel") not in ("alternate", "canonical"):
                self.links.append(attrs.get("href") or attrs.get("src"))


@pytest.fixture(scope="module")
def site_under_subpath(tmp_path_factory):
    root = tmp_path_factory.mktemp("pages")
    course = copy_real_course(root / "course")
    port = free_port()
    result = mkdocs_build(course, "--strict", "-d", str(root / "www" / "some-repo"),
                          site_url=f"http://127.0.0.1:{port}{SUBPATH}")
    assert result.returncode == 0, result.stderr
    with serving(root / "www") as base:
        yield base + SUBPATH


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except HTTPError as error:
        return error.code, ""


def test_every_internal_link_and_anchor_resolves_under_the_subpath(site_under_subpath: str):
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(site_under_subpath))
    pending, pages, broken, anchors = [site_under_subpath], {}, [], []
    while pending:
        url = pending.pop()
        if url in pages:
            continue
        status, body = fetch(url)
        if status != 200:
            broken.append(url)
            continue
        page = _Page()
        if url.endswith("/") or url.endswith(".html"):
            page.feed(body)
        pages[url] = page
        for href in page.links:
            target, fragment = urldefrag(urljoin(url, href))
            if not target.startswith(origin):
                continue
            assert target.startswith(site_under_subpath), f"{url} links outside the sub-path: {href}"
            if fragment:
                anchors.append((url, target, fragment))
            pending.append(target)
    missing = [(source, target, fragment) for source, target, fragment in anchors
               if target in pages and fragment not in pages[target].ids]
    assert broken == [] and missing == []
    crawled = {url for url in pages if url.endswith("/")}
    for language in ("", "ko/", "bg/"):
        assert f"{site_under_subpath}{language}why-customers-complain/" in crawled


def test_language_switcher_reaches_the_same_page_in_each_language(site_under_subpath: str):
    page = _Page()
    page.feed(fetch(site_under_subpath + "bg/why-customers-complain/")[1])
    switcher = {urljoin(site_under_subpath + "bg/why-customers-complain/", href) for href in page.links}
    for language in ("", "ko/", "bg/"):
        assert f"{site_under_subpath}{language}why-customers-complain/" in switcher
    home = _Page()
    home.feed(fetch(site_under_subpath + "ko/")[1])
    assert {urljoin(site_under_subpath + "ko/", href) for href in home.links} >= {
        site_under_subpath, site_under_subpath + "bg/"}
