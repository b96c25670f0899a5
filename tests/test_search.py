"""Search in the built site, typed into Material's own search box in a real browser."""

from __future__ import annotations

import pytest

from .conftest import make_course, mkdocs_build
from .site_server import serving


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("search")
    course = make_course(root / "course")
    result = mkdocs_build(course, "--strict", "-d", str(root / "www"))
    assert result.returncode == 0, result.stderr
    with serving(root / "www") as base:
        yield base + "/"


def type_query(page, url: str, query: str) -> None:
    """Types the query into the search box of the page at `url` and waits until results are shown."""
    page.goto(url)
    box = page.locator("input.md-search__input")
    box.click()
    # Playwright inserts CJK and Cyrillic text without key events; Material searches on keyup.
    box.fill(query)
    box.press("End")
    page.locator(".md-search-result__item").first.wait_for()


def search(page, url: str, query: str) -> list[str]:
    type_query(page, url, query)
    return [link.get_attribute("href") for link in page.locator(".md-search-result__item > a").all()
            if link.is_visible()]


@pytest.mark.parametrize("language, query, hit", [
    ("", "问候", "greeting/"),
    ("ko/", "인사", "ko/greeting/"),
    ("bg/", "поздрав", "bg/greeting/"),
])
def test_search_finds_a_word_of_each_language_in_that_language_only(page, site, language, query, hit):
    results = search(page, site + language, query)
    assert site + hit in {href.split("?")[0].split("#")[0] for href in results}, results
    other_languages = [site + other for other in ("ko/", "bg/") if other != language]
    assert all(href.startswith(site + language) for href in results), results
    assert not any(href.startswith(tuple(other_languages)) for href in results), results


def test_a_word_shared_by_every_edition_finds_only_the_readers_language(page, site):
    # The scenario's anchor id is the same in every language; its text is not.
    results = search(page, site + "ko/", "사이즈")
    assert results and all(href.startswith(site + "ko/") for href in results), results
