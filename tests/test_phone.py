"""On a 360 × 740 phone: nothing scrolls sideways and every role-play button is big enough to tap.

Screenshots of a module page and of a role-play mid-scenario, per language, are kept in
test-artifacts/ for a person to look at.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import ROOT
from .site_server import serving

ARTIFACTS = ROOT / "test-artifacts"
PHONE = {"width": 360, "height": 740}


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
    yield context.new_page()
    context.close()


def sideways_overflow(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")


def test_no_page_of_the_course_scrolls_sideways(phone, built_course: Path):
    with serving(built_course) as base:
        for path in sorted(built_course.rglob("*.html")):
            url = "/" + path.relative_to(built_course).as_posix().removesuffix("index.html")
            phone.goto(base + url)
            assert sideways_overflow(phone) <= 0, url


@pytest.mark.parametrize("language", ["", "ko/", "bg/"])
def test_role_play_buttons_are_big_enough_and_screenshots_are_kept(phone, built_fixture: Path, language):
    ARTIFACTS.mkdir(exist_ok=True)
    name = language.strip("/") or "zh"
    with serving(built_fixture) as base:
        phone.goto(base + f"/{language}greeting/")
        phone.screenshot(path=ARTIFACTS / f"phone-{name}-module.png")
        phone.locator(".course-chat-window__choice").nth(1).click()
        buttons = phone.locator(".course-chat-window__choice")
        assert buttons.count() >= 2
        for index in range(buttons.count()):
            assert buttons.nth(index).bounding_box()["height"] >= 44
        assert sideways_overflow(phone) <= 0
        phone.locator(".course-chat-window").scroll_into_view_if_needed()
        phone.screenshot(path=ARTIFACTS / f"phone-{name}-role-play.png")
