"""axe-core (from the npm registry, tests/axe) finds no WCAG 2.1 A or AA violation on any page, in any language.

The role-play is checked in its three states: at the start, mid-scenario and at its summary.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .site_server import serving

AXE = Path(__file__).parent / "axe/node_modules/axe-core/axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture(scope="module")
def served(built_fixture):
    if not AXE.is_file():
        pytest.fail("axe-core is missing: npm ci --prefix tests/axe")
    with serving(built_fixture) as base:
        yield base


def violations(page) -> list[str]:
    # A message fading in is briefly pale: judge the page as the reader sees it once it has settled.
    page.evaluate("() => Promise.all(document.getAnimations().map(animation => animation.finished))")
    # Evaluated through the devtools protocol, which the page's own CSP does not govern.
    page.evaluate(AXE.read_text(encoding="utf-8"))
    found = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS)
    return [f"{v['id']}: {v['help']} ({len(v['nodes'])}× e.g. {v['nodes'][0]['target']})"
            for v in found["violations"]]


def pages_of(site: Path) -> list[str]:
    return sorted("/" + path.relative_to(site).as_posix().removesuffix("index.html")
                  for path in site.rglob("*.html"))


def test_every_page_in_every_language_passes(page, served, built_fixture):
    failures = {}
    for path in pages_of(built_fixture):
        page.goto(served + path)
        found = violations(page)
        if found:
            failures[path] = found
    assert failures == {}


@pytest.mark.parametrize("language", ["", "ko/", "bg/"])
def test_the_role_play_passes_at_start_mid_scenario_and_summary(page, served, language):
    page.goto(served + f"/{language}greeting/")
    assert violations(page) == []
    page.locator(".course-chat-window__choice").nth(1).click()
    assert violations(page) == []
    page.locator(".course-chat-window__choice").nth(1).click()
    page.locator(".course-chat-window__summary").wait_for()
    assert violations(page) == []
