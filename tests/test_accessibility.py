"""axe-core (from the npm registry, tests/axe) finds no WCAG 2.1 A or AA violation on any page, in any language.

Every page of the real course is checked in every language in the light colour scheme, and in the
source language in the dark one too (the site follows the reader's system setting; a scheme changes
only colours, which the stylesheets set alike in every language, so there only the rules that judge
colours run); the whole-course print page in the light scheme it is printed in. The
role-play is checked in its three states: at the start, mid-scenario and at its summary.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from .site_server import serving
from .test_roleplay import SCENARIO  # the fixture scenario, to click replies by their text

AXE = Path(__file__).parent / "axe/node_modules/axe-core/axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# Beyond WCAG's tags: rules Lighthouse also applies, which found Material's unnamed search dialog.
RULES = ["aria-dialog-name", "landmark-unique", "heading-order"]


SCHEMES = ["light", "dark"]
# What a colour scheme changes: colours only. In the second scheme only the rules that judge colours run.
COLOUR_RULES = ["color-contrast", "link-in-text-block"]


@pytest.fixture(scope="module")
def axe():
    if not AXE.is_file():
        pytest.fail("axe-core is missing: npm ci --prefix tests/axe")


@pytest.fixture(scope="module")
def served(axe, built_fixture):
    with serving(built_fixture) as base:
        yield base


@pytest.fixture(scope="module")
def served_course(axe, built_course):
    with serving(built_course) as base:
        yield base


def violations(page, only: list[str] | None = None) -> list[str]:
    # A message fading in is briefly pale: judge the page as the reader sees it once it has settled.
    page.evaluate("() => Promise.all(document.getAnimations().map(animation => animation.finished))")
    # Evaluated through the devtools protocol, which the page's own CSP does not govern.
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.evaluate(_axe_source())
    found = page.evaluate("""([tags, rules, only]) => axe.run(document, {runOnly: {type: 'rule', values:
        only || axe.getRules().filter(rule => rule.tags.some(tag => tags.includes(tag))
                                              || rules.includes(rule.ruleId)).map(rule => rule.ruleId)}})""",
                          [TAGS, RULES, only])
    return [f"{v['id']}: {v['help']} ({len(v['nodes'])}× e.g. {v['nodes'][0]['target']})"
            for v in found["violations"]]


@cache
def _axe_source() -> str:
    return AXE.read_text(encoding="utf-8")


def pages_of(site: Path) -> list[str]:
    return sorted("/" + path.relative_to(site).as_posix().removesuffix("index.html")
                  for path in site.rglob("*.html"))


def test_every_page_of_the_course_in_every_language_passes_in_both_schemes(page, served_course, built_course):
    failures = {}
    paths = pages_of(built_course)
    assert len(paths) > 30
    for path in paths:
        translated = path.startswith(("/ko/", "/bg/"))
        if translated and path.endswith("/print/"):
            continue  # the source language's print page: the same template, its every text on the module pages
        page.emulate_media(color_scheme=SCHEMES[0])
        page.goto(served_course + path)
        # One load, both schemes: the site follows the reader's system setting. The whole-course print
        # page holds the module pages' text again, laid out for paper, which is printed light. Colours
        # come from the stylesheets, the same in every language: the second scheme in the source one.
        for scheme in SCHEMES[:1] if translated or path.endswith("/print/") else SCHEMES:
            page.emulate_media(color_scheme=scheme)
            found = violations(page, None if scheme == SCHEMES[0] else COLOUR_RULES)
            if found:
                failures[f"{path} ({scheme})"] = found
    assert failures == {}


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("language", ["", "ko/", "bg/"])
def test_the_role_play_passes_at_start_mid_scenario_and_summary(page, served, language, scheme):
    page.emulate_media(color_scheme=scheme)
    page.goto(served + f"/{language}greeting/")
    assert violations(page) == []
    edition = {"": "zh", "ko/": "ko", "bg/": "bg"}[language]
    turns = {turn["id"]: turn for turn in SCENARIO["turns"]}
    page.locator(".course-chat-window__choice", has_text=turns["opening"]["choices"][1]["reply"][edition]).click()
    assert violations(page) == []
    page.locator(".course-chat-window__choice", has_text=turns["cold-reply"]["choices"][1]["reply"][edition]).click()
    page.locator(".course-chat-window__summary").wait_for()
    assert violations(page) == []
