"""Paper: a module page and the whole course print on A4, each role-play laid out as its script.

Chromium prints the PDF; pypdfium2 reads its pages back (size and text), and every page of the
module print and the first pages of each whole-course print are kept as images in
test-artifacts/ for a person to look at.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pypdfium2
import pytest

from builder.course import load_course
from builder.labels import labels_for

from .conftest import FIXTURE, LANGUAGES, ROOT, real_settings
from .site_server import serving

ARTIFACTS = ROOT / "test-artifacts"
A4_POINTS = (595, 842)


def print_pdf(page, url: str) -> pypdfium2.PdfDocument:
    page.goto(url)
    return pypdfium2.PdfDocument(page.pdf(prefer_css_page_size=True, print_background=True))


def text_of(pdf: pypdfium2.PdfDocument) -> str:
    """The printed text without white space, so line breaks on paper never split a searched phrase."""
    text = "".join(pdf[n].get_textpage().get_text_range() for n in range(len(pdf)))
    return re.sub(r"\s+", "", text.replace("\ufffe", "-"))  # pdfium marks a hyphen that ends a line so


def keep_images(pdf: pypdfium2.PdfDocument, name: str, pages: int) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    for n in range(min(pages, len(pdf))):
        pdf[n].render(scale=1).to_pil().save(ARTIFACTS / f"print-{name}-{n + 1}.png")


def script_texts(course, language: str, scenario_ids) -> list[str]:
    """Everything a trainer needs on paper: each turn, and each choice with its reaction and note."""
    texts = []
    for roleplay in course.roleplays:
        if roleplay.id in scenario_ids:
            for turn in roleplay.scenario.turns:
                texts.append(turn.customer[language])
                for choice in turn.choices:
                    texts += [*choice.reply[language], choice.reaction[language], choice.note[language]]
    return [re.sub(r"\s+", "", text) for text in texts]


def test_a_module_page_prints_on_a4_with_its_role_play_as_a_script(page, built_fixture: Path):
    course = load_course(FIXTURE, LANGUAGES)
    with serving(built_fixture) as base:
        pdf = print_pdf(page, base + "/greeting/")
    assert all(tuple(round(side) for side in pdf[n].get_size()) == A4_POINTS for n in range(len(pdf)))
    printed = text_of(pdf)
    missing = [text for text in script_texts(course, "zh", {"size-question"}) if text not in printed]
    assert missing == []
    keep_images(pdf, "zh-greeting", len(pdf))


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_whole_course_prints_every_module_and_every_script(page, built_course: Path, language):
    course = load_course(ROOT, LANGUAGES, real_settings())
    prefix = "" if language == LANGUAGES[0] else f"{language}/"
    html = (built_course / prefix / "print/index.html").read_text(encoding="utf-8")
    ids = re.findall(r'\sid="([^"]+)"', html)
    assert sorted({i for i in ids if ids.count(i) > 1}) == []
    assert "data-roleplay=" not in html  # scripts stay scripts: no chat takes their place
    with serving(built_course) as base:
        pdf = print_pdf(page, f"{base}/{prefix}print/")
    printed = text_of(pdf)
    titles = [re.sub(r"\s+", "", module.title) for _, module in course.modules[language]]
    assert [title for title in titles if title not in printed] == []
    missing = [text for text in script_texts(course, language, {r.id for r in course.roleplays}) if text not in printed]
    assert missing == []
    assert len(pdf) > 3 * len(titles)
    keep_images(pdf, f"{language}-course", 4)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_whole_course_page_stays_out_of_search(built_course: Path, language):
    """Its words are the module pages' words: indexing them twice would double what every page downloads."""
    prefix = "" if language == LANGUAGES[0] else f"{language}/"
    index = json.loads((built_course / prefix / "search/search_index.json").read_text(encoding="utf-8"))
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert "print/" not in locations and "why-customers-complain/" in locations


def page_texts(pdf: pypdfium2.PdfDocument) -> list[str]:
    return [re.sub(r"\s+", "", pdf[n].get_textpage().get_text_range().replace("\ufffe", "-")) for n in range(len(pdf))]


@pytest.mark.parametrize("language", LANGUAGES)
def test_on_paper_a_script_starts_below_its_label_and_a_customer_card_stays_whole(page, built_course, language):
    """No page ends with the "full script" label, and each customer card begins and ends on one page."""
    course = load_course(ROOT, LANGUAGES, real_settings())
    labels = {name: re.sub(r"\s+", "", text) for name, text in labels_for(language).items()}
    prefix = "" if language == LANGUAGES[0] else f"{language}/"
    with serving(built_course) as base:
        pages = page_texts(print_pdf(page, f"{base}/{prefix}print/"))
    assert sum(text.count(labels["script"]) for text in pages) == len(course.roleplays)
    assert [n for n, text in enumerate(pages, 1) if text.endswith(labels["script"])] == []
    split = []
    for roleplay in course.roleplays:
        customer = roleplay.scenario.customer
        start = labels["customer"] + re.sub(r"\s+", "", customer.name[language]) + labels["customer_type"]
        end = re.sub(r"\s+", "", customer.situation[language])[-12:] + labels["mood_at_start"]
        if not any(start in text and end in text for text in pages):
            split.append(roleplay.id)
    assert split == []
