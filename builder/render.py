"""Turn the course model into Markdown pages: pure, no files, no MkDocs.

Every template is autoescaped, the Markdown ones included: trainer text is
data, so `<script>` in it reaches the page as the text "<script>". Braces are
escaped too, because `{: onclick=… }` would otherwise become an attribute
through Markdown's attribute lists.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from dataclasses import dataclass, field

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

from .model import Course
from .schema import MOODS
from .labels import labels_for
from .links import within_print_page
from .skills import taught_sections

PROGRESS_PAGE, COMPLETION_PAGE, GLOSSARY_PAGE = "progress", "completion", "glossary"
PRINT_PAGE = "print"  # the whole course on one page, every role-play laid out as a script
# The words the role-play script needs in the browser, and those of the progress pages.
ROLEPLAY_WORDS = ("agent", "choose", "reaction", "note", "points", "read_again", "mood", "ending", "summary",
                  "score_line", "passed", "not_passed", "try_again", "storage_off", "colon", "chat_group",
                  "critical_first", "failed_critical", "handled_well", "to_review", "all_notes",
                  "mood_0", "mood_1", "mood_2", "mood_3", "mood_4")
PROGRESS_WORDS = ("not_tried", "status_passed", "status_not_passed", "reset_done", "storage_off",
                  "completion_locked", "completion_ready_progress", "learner_unnamed", "learner_switched",
                  "lms_review", "lms_passed", "skills_practise", "skills_review_none", "times", "percent")


# Material's search reads these from a page's front matter. The learner's own pages hold no course
# words; a guide speaks of the course's words (退货, 道歉) only in passing, so a module's section
# about them comes first.
UNSEARCHED = "search:\n  exclude: true"
GUIDE_SEARCH = "search:\n  boost: 0.3"


def _searched(markdown: str, setting: str) -> str:
    """The page with its search setting, unless its author already wrote front matter of their own."""
    return markdown if markdown.startswith("---\n") else f"---\n{setting}\n---\n{markdown}"


def _as_text(value: object) -> object:
    if isinstance(value, str) and not isinstance(value, Markup):
        return _escaped(value)
    return value


# The same texts come again and again (every label on every page, each role-play on its page and
# on the print page): each is escaped once per build.
@lru_cache(maxsize=65536)
def _escaped(text: str) -> Markup:
    return Markup(str(escape(text)).replace("{", "&#123;").replace("}", "&#125;"))


@lru_cache(maxsize=65536)
def _chat_text(value: str) -> Markup:
    """A chat message keeps its line breaks, and never a blank line that would end the HTML block."""
    return Markup("<br>\n").join(_escaped(line.strip()) for line in value.splitlines() if line.strip())


_ENV = Environment(
    loader=PackageLoader(__package__, "templates"),
    autoescape=True,
    finalize=_as_text,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)
_ENV.filters["chat_text"] = _chat_text


def _way_on(next_: str | list) -> str:
    """A reply's `next` for the browser: a turn or ending id, or its mood branches as JSON."""
    if isinstance(next_, str):
        return next_
    return json.dumps([branch.model_dump(exclude_none=True) for branch in next_])


_ENV.filters["way_on"] = _way_on


# The course's own HTML (dialogues, role-plays) needs nothing from Markdown, whose raw-HTML parsing
# of it was half the time MkDocs spent on a module page: Markdown carries a placeholder, and the
# HTML takes its place in the converted page. Trainer text cannot forge one: its "<" is escaped.
PART = re.compile(r"<!--course-part-(\d+)-->")


@dataclass(frozen=True)
class Pages:
    """The site's pages, {path under the docs folder: Markdown}, and the HTML parts they leave aside."""

    markdown: dict[str, str]
    parts: dict[str, str]

    def with_parts(self, html: str) -> str:
        """A converted page (or a page's Markdown) with its placeholders replaced by their HTML."""
        return PART.sub(lambda placeholder: self.parts[placeholder.group(1)], html)

    def whole(self) -> dict[str, str]:
        """Every page's Markdown with its HTML in place, as one would write it by hand."""
        return {path: self.with_parts(markdown) for path, markdown in self.markdown.items()}


@dataclass(frozen=True)
class Issuer:
    """Who the completion certificate names, per language: the course (the site's name) and the shop."""

    course_names: dict[str, str] = field(default_factory=dict)
    shops: dict[str, str] = field(default_factory=dict)


def render_course(course: Course, directory_urls: bool = True,
                  stale: frozenset[tuple[str, str]] = frozenset(), issuer: Issuer = Issuer()) -> Pages:
    """Every page of the site.

    `stale` holds (language, module or scenario id) of translations whose source
    text changed since; their readers see a notice that the text is being updated.
    """
    pages: dict[str, str] = {}
    parts: dict[str, str] = {}

    def set_aside(html: str) -> Markup:
        parts[str(len(parts))] = html
        return Markup(f"<!--course-part-{len(parts) - 1}-->")

    for language in course.languages:
        pages.update(_language_pages(course, language, directory_urls, stale, issuer, set_aside))
    return Pages(pages, parts)


def _skill_map(course: Course, language: str) -> list[tuple[str, object, list]]:
    """Per module, in course order, its sections that role-play replies teach, each with the scenarios practising it."""
    taught = taught_sections(course.roleplays)
    return [(module_id, module, sections) for module_id, module in course.modules[language]
            if (sections := [(section, taught[f"{module_id}#{section.id}"]) for section in module.sections
                             if f"{module_id}#{section.id}" in taught])]


def _language_pages(course: Course, language: str, directory_urls: bool,
                    stale: frozenset[tuple[str, str]], issuer: Issuer, set_aside) -> dict[str, str]:
    labels = labels_for(language)
    modules = course.modules[language]
    sections = {(module_id, s.id): s.title for module_id, module in modules for s in module.sections}

    def page_link(target: str, here: str = PROGRESS_PAGE) -> str:
        if target == here:
            return ""
        return f"../{target}/" if directory_urls else f"{target}.html"

    def words(names: tuple[str, ...]) -> str:
        return json.dumps({name: labels[name] for name in names}, ensure_ascii=False)

    def step_names(scenario) -> dict[str, str]:
        """Turns and endings by number in the printable script ("Step 2", "Ending 1"), not by their ids."""
        names = {turn.id: labels["step"].replace("{n}", str(n)) for n, turn in enumerate(scenario.turns, 1)}
        names |= {end.id: labels["outcome"].replace("{n}", str(n)) for n, end in enumerate(scenario.endings, 1)}
        return names

    render = _ENV.get_template
    pages = {f"{language}/index.md": render("home.md.j2").render(
        labels=labels, modules=modules, has_roleplays=bool(course.roleplays), progress_page=PROGRESS_PAGE)}
    def module_markdown(module_id: str, module, whole_course: bool) -> str:
        """A module on its own page, or as one part of the whole-course print page."""
        def link(ref: str) -> str:
            target, section = ref.split("#")
            if whole_course:
                return f"#{target}--{section}"
            return page_link(target, module_id) + "#" + section

        markdown = render("module.md.j2").render(
            labels=labels, module=module, language=language, roleplays=course.roleplays_of(module_id),
            stale={item for lang, item in stale if lang == language}, module_id=module_id,
            roleplay_labels=words(ROLEPLAY_WORDS), step_names=step_names, link=link, settings=course.settings,
            top_mood=MOODS.stop - 1, set_aside=set_aside,
            section_title=lambda ref: sections[tuple(ref.split("#"))],
            depth=int(whole_course), interactive=not whole_course,
            anchor=(lambda id: f"{module_id}--{id}") if whole_course else (lambda id: id),
        )
        return within_print_page(markdown, module_id) if whole_course else markdown

    for module_id, module in modules:
        pages[f"{language}/{module_id}.md"] = module_markdown(module_id, module, whole_course=False)
    pages[f"{language}/{PRINT_PAGE}.md"] = render("print.md.j2").render(
        labels=labels, parts=[Markup(module_markdown(module_id, module, whole_course=True))
                              for module_id, module in modules])
    if course.glossary and course.glossary.terms:
        users = {term.id: [(module_id, module) for module_id, module in modules if term.id in module.terms]
                 for term in course.glossary.terms}
        pages[f"{language}/{GLOSSARY_PAGE}.md"] = render("glossary.md.j2").render(
            labels=labels, language=language, glossary=course.glossary, users=users)
    for name, text in course.guides.get(language, {}).items():
        pages[f"{language}/{name}.md"] = _searched(text, GUIDE_SEARCH)
    if course.roleplays:
        practised = [(module_id, module, course.roleplays_of(module_id)) for module_id, module in modules]
        shared = dict(labels=labels, language=language, total=str(len(course.roleplays)),
                      modules=[entry for entry in practised if entry[2]], progress_labels=words(PROGRESS_WORDS),
                      page_link=page_link, completion_link=page_link(COMPLETION_PAGE),
                      skills=_skill_map(course, language), course_name=issuer.course_names.get(language, ""),
                      shop=issuer.shops.get(language, ""), pass_mark=str(course.settings.pass_mark))
        pages[f"{language}/{PROGRESS_PAGE}.md"] = _searched(render("progress.md.j2").render(**shared), UNSEARCHED)
        pages[f"{language}/{COMPLETION_PAGE}.md"] = _searched(render("completion.md.j2").render(**shared), UNSEARCHED)
    return pages
