"""Every page type, in every language, on a 360 px phone and a 1280 px desktop, as a reader sees it.

Each test keeps a screenshot in test-artifacts/look-<language>-<width>-<page>.png for a person to
look at, and checks one thing a screenshot shows: no English word of the interface is left on a
Chinese, Korean or Bulgarian page; Korean breaks lines between words, never inside one; example
dialogues and tables are laid out as meant; the site name fits the phone's header.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .conftest import ROOT
from .site_server import serving

ARTIFACTS = ROOT / "test-artifacts"
WIDTHS = {"phone": {"width": 360, "height": 740}, "desktop": {"width": 1280, "height": 900}}
LANGUAGES = {"zh": "", "ko": "ko/", "bg": "bg/"}
PAGES = {  # page type → its address inside a language's folder (the 404 page is the site's one)
    "home": "", "module": "handling-complaints/", "progress": "progress/", "completion": "completion/",
    "glossary": "glossary/", "guide": "trainer-guide/", "404": "404.html",
}
ROLEPLAY = "handling-complaints/#scenario--handle-wrong-item"
CHOICE = "[data-roleplay] .course-chat-window__choice"
# Words of Material's and Python-Markdown's English interface; a Latin word of three letters or more
# anywhere in the interface (attributes, header, footer, sidebars, search) is reported as well.
INTERFACE_TEXT = """() => {
  const texts = [document.title];
  for (const element of document.querySelectorAll("[title], [aria-label], [placeholder], [alt]"))
    for (const name of ["title", "aria-label", "placeholder", "alt"])
      if (element.hasAttribute(name)) texts.push(element.getAttribute(name));
  // The interface around the text; the names of pages and sections in it are the course's own words.
  const chrome = location.pathname.endsWith("/404.html") ? "header, footer, .md-sidebar, .md-search, article"
    : "header, footer, .md-sidebar, .md-search";
  const titles = "script, style, .md-nav__link, .md-header__topic + .md-header__topic, .md-footer__title";
  for (const element of document.querySelectorAll(chrome)) {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode())
      if (!node.parentElement.closest(titles)) texts.push(node.data);
  }
  const names = [...document.querySelectorAll(".md-nav__link")].map(link => link.textContent);
  return {texts, names};
}"""
# A run of Hangul split over two line boxes is a word broken inside; a run wider than its block may wrap.
KOREAN_BREAKS = """() => {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let words = 0;
  const broken = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    // Only what can be seen: the closed search panel on a phone is squeezed to nothing, unseen.
    if (!node.parentElement.checkVisibility({opacityProperty: true, visibilityProperty: true})) continue;
    for (const match of node.data.matchAll(/\\p{Script=Hangul}{2,}/gu)) {
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const boxes = [...range.getClientRects()].filter(box => box.width > 0);
      if (!boxes.length) continue;
      words++;
      const lines = new Set(boxes.map(box => Math.round(box.bottom / (box.height / 2))));
      const width = boxes.reduce((sum, box) => sum + box.width, 0);
      if (lines.size > 1 && width < node.parentElement.closest("p, li, td, th, dd, dt, div, a, span, h1, h2, h3, h4, label, figcaption, button").clientWidth)
        broken.push(match[0]);
    }
  }
  return {words, broken};
}"""
DIALOGUES = """() => [...document.querySelectorAll(".course-dialogue")].map(dialogue => {
  const box = dialogue.getBoundingClientRect();
  const content = dialogue.closest("article").getBoundingClientRect();
  const caption = dialogue.querySelector("figcaption");
  return {
    width: Math.round(box.width), contentWidth: Math.round(content.width), left: Math.round(box.left - content.left),
    captionStyle: getComputedStyle(caption).fontStyle, captionLeft: Math.round(caption.getBoundingClientRect().left - box.left),
    bubbles: [...dialogue.querySelectorAll(".course-chat__line")].map(line => {
      const bubble = line.querySelector(".course-chat__bubble").getBoundingClientRect();
      return {agent: line.matches(".course-chat__line--agent"), align: getComputedStyle(line.querySelector(".course-chat__bubble")).textAlign,
              left: Math.round(bubble.left - box.left), right: Math.round(box.right - bubble.right)};
    }),
  };
})"""
TABLES = """() => [...document.querySelectorAll("article table")].map(table => ({
  right: table.getBoundingClientRect().right,
  edge: (table.closest(".md-typeset__scrollwrap") || table.closest("article")).getBoundingClientRect().right + 1,
}))"""


@pytest.fixture(scope="module")
def site(built_course: Path):
    with serving(built_course) as base:
        yield base + "/"


@pytest.fixture(params=list(WIDTHS), scope="module")
def reader(request, browser):
    phone = request.param == "phone"
    context = browser.new_context(viewport=WIDTHS[request.param], is_mobile=phone, has_touch=phone)
    page = context.new_page()
    page.width_name = request.param
    yield page
    context.close()


def visit(reader, site: str, language: str, page_type: str):
    folder = "" if page_type == "404" else LANGUAGES[language]
    reader.goto(site + folder + PAGES[page_type])
    reader.wait_for_load_state("networkidle")
    shot(reader, language, page_type)


def shot(reader, language: str, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    reader.screenshot(path=ARTIFACTS / f"look-{language}-{reader.width_name}-{name}.png")


def english_left(reader) -> list[str]:
    """Latin words of the interface, less those of the course's own page names (a guide names GitHub Pages)."""
    found = reader.evaluate(INTERFACE_TEXT)
    def words(texts):
        return {word for text in texts for word in re.findall(r"[A-Za-z]{3,}", text or "")}
    return sorted(words(found["texts"]) - words(found["names"]))


@pytest.mark.parametrize("page_type", list(PAGES))
@pytest.mark.parametrize("language", list(LANGUAGES))
def test_no_english_is_left_in_the_interface(reader, site, language, page_type):
    visit(reader, site, language, page_type)
    assert english_left(reader) == []


@pytest.mark.parametrize("page_type", list(PAGES))
def test_korean_never_breaks_inside_a_word(reader, site, page_type):
    visit(reader, site, "ko", page_type)
    measured = reader.evaluate(KOREAN_BREAKS)
    assert measured["words"] > (5 if page_type == "404" else 20)
    assert measured["broken"] == []


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_a_role_play_mid_play_and_at_the_end(reader, site, language):
    reader.goto(site + LANGUAGES[language] + ROLEPLAY)
    reader.evaluate("localStorage.clear(); sessionStorage.clear()")  # a fresh start, whatever was played before
    reader.reload()
    chat = reader.locator("#scenario--handle-wrong-item ~ [data-roleplay]").first
    chat.locator(".course-chat-window__choice").first.click()
    chat.scroll_into_view_if_needed()
    shot(reader, language, "role-play-mid")
    assert english_left(reader) == []
    while chat.locator(".course-chat-window__choice").count():
        chat.locator(".course-chat-window__choice").last.click()
    chat.locator(".course-chat-window__summary").scroll_into_view_if_needed()
    shot(reader, language, "role-play-end")
    assert english_left(reader) == []
    if language == "ko":
        assert reader.evaluate(KOREAN_BREAKS)["broken"] == []


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_example_dialogues_are_as_wide_as_the_text_with_bubbles_at_their_sides(reader, site, language):
    visit(reader, site, language, "module")
    dialogues = reader.evaluate(DIALOGUES)
    assert dialogues
    for dialogue in dialogues:
        assert abs(dialogue["width"] - dialogue["contentWidth"]) <= 1 and abs(dialogue["left"]) <= 1, dialogue
        assert dialogue["captionStyle"] == "normal" and dialogue["captionLeft"] == 0, dialogue
        for bubble in dialogue["bubbles"]:
            assert bubble["align"] in ("start", "left"), bubble
            assert (bubble["right"] if bubble["agent"] else bubble["left"]) <= 1, bubble


@pytest.mark.parametrize("page_type", ["progress", "completion", "guide"])
@pytest.mark.parametrize("language", list(LANGUAGES))
def test_tables_stay_inside_the_text_column(reader, site, language, page_type):
    visit(reader, site, language, page_type)
    for table in reader.evaluate(TABLES):
        assert table["right"] <= table["edge"], table


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_the_site_name_fits_the_header(reader, site, language):
    visit(reader, site, language, "completion")
    name = reader.locator(".md-header__topic").first.locator(".md-ellipsis")
    assert name.evaluate("name => name.scrollWidth <= name.clientWidth"), name.inner_text()
    assert name.inner_text().strip()


def test_the_404_page_leads_home_in_every_language(reader, site):
    visit(reader, site, "zh", "404")
    sections = reader.locator("article section[lang]")
    assert sections.evaluate_all("all => all.map(s => s.lang)") == ["zh-Hans", "ko", "bg"]
    for language, folder in LANGUAGES.items():
        link = reader.locator(f'article section[lang^="{language}"] a')
        link.click()
        assert reader.url == site + folder
        reader.go_back()
