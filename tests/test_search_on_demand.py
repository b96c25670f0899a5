"""Search on demand: a page fetches no search index, worker or lunr language until the reader reaches for search."""

from __future__ import annotations

import pytest

from .test_search import site  # noqa: F401 - the fixture course, built strictly and served

SEARCH_FILES = ("search_index.json", "/workers/search.", "/lunr/")


def searched_files(requests: list[str]) -> list[str]:
    return [url for url in requests if any(part in url for part in SEARCH_FILES)]


def visit(page, url: str) -> list[str]:
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(url)
    page.wait_for_load_state("networkidle")
    return requests


@pytest.mark.parametrize("language", ["", "ko/", "bg/"])
def test_a_page_loads_nothing_of_search_until_the_reader_reaches_for_it(page, site, language):
    requests = visit(page, site + language + "greeting/")
    page.mouse.wheel(0, 600)
    page.locator("[data-roleplay] .course-chat-window__choice").first.click()
    page.wait_for_load_state("networkidle")
    assert searched_files(requests) == []


@pytest.mark.parametrize("language, own, others", [("", "lunr.zh", "lunr.ko"), ("ko/", "lunr.ko", "lunr.zh"),
                                                   ("bg/", None, "lunr.")])
def test_the_search_key_loads_the_index_and_only_the_languages_own_support(page, site, language, own, others):
    requests = visit(page, site + language)
    page.keyboard.press("s")  # Material's shortcut opens search
    box = page.locator("input.md-search__input")
    box.fill({"": "问候", "ko/": "인사", "bg/": "поздрав"}[language])
    box.press("End")
    page.locator(".md-search-result__item").first.wait_for()
    loaded = searched_files(requests)
    assert any(url == site + language + "search/search_index.json" for url in loaded), loaded
    lunr = [url.rsplit("/", 1)[-1] for url in loaded if "/lunr/" in url]
    assert own is None or any(name.startswith(own) for name in lunr), lunr
    assert not any(name.startswith(others) and not (own and name.startswith(own)) for name in lunr
                   if name.startswith("lunr.") and not name.startswith(("lunr.stemmer", "lunr.multi"))), lunr


def test_a_page_opened_from_a_search_result_marks_the_words_searched_for(page, site):
    page.goto(site + "greeting/?h=问候")
    page.locator("article mark").first.wait_for()
    assert "问候" in page.locator("article mark").first.inner_text()
