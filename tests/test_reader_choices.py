"""What a reader chooses in the header: the language (keeping the place on the page) and light or dark."""

from __future__ import annotations

import pytest

from builder.labels import labels_for

from .site_server import serving


@pytest.fixture(scope="module")
def site(built_fixture):
    with serving(built_fixture) as base:
        yield base + "/"


def test_switching_language_keeps_the_place_on_the_page(page, site):
    page.goto(site + "greeting/#scenario--size-question")
    page.locator('[data-md-component="header"] .md-select').hover()
    page.locator('[data-md-component="header"] a[hreflang="ko"]').click()
    page.wait_for_url("**/ko/**")
    assert page.url == site + "ko/greeting/#scenario--size-question"
    assert page.evaluate("window.scrollY") > 0


def test_the_anchor_followed_later_is_the_one_kept(page, site):
    page.goto(site + "greeting/")
    page.evaluate("location.hash = 'first-reply'")
    assert page.locator('a[hreflang="bg"]').get_attribute("href").endswith("#first-reply")


@pytest.mark.parametrize("system, scheme", [("light", "default"), ("dark", "slate")])
def test_the_colour_scheme_follows_the_system_until_the_reader_switches(browser, site, system, scheme):
    context = browser.new_context(color_scheme=system)
    page = context.new_page()
    page.goto(site + "bg/")
    assert page.locator("body").get_attribute("data-md-color-scheme") == scheme
    switch = page.locator('[data-md-component="palette"] label:visible')
    assert switch.get_attribute("title") == labels_for("bg")["palette_to_light"]
    switch.click()  # system → light
    switch = page.locator('[data-md-component="palette"] label:visible')
    assert page.locator("body").get_attribute("data-md-color-scheme") == "default"
    assert switch.get_attribute("title") == labels_for("bg")["palette_to_dark"]
    switch.click()  # light → dark, kept for the next page
    page.goto(site + "bg/greeting/")
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    context.close()
