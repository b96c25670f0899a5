"""Links a trainer writes in Markdown from one module to another: `[text](module-id.md#section-id)`.

`course check` finds the broken ones (MkDocs would only stop the build on them), and the
whole-course print page turns them into links within itself.
"""

from __future__ import annotations

import re

from .schema import Module

LINK = re.compile(r"\]\((?P<module>[a-z0-9-]+)\.md(?:#(?P<section>[a-z0-9-]+))?\)")
ANY_LINK = re.compile(r"\]\((?:(?P<module>[a-z0-9-]+)\.md)?(?:#(?P<section>[a-z0-9-]+))?\)")
PAGE_ANCHORS = ("takeaways", "role-play")  # headings every module page has besides its sections


def link_problems(module: Module, sections_of: dict[str, list[str]]) -> list[tuple[tuple, str]]:
    """(path, message) for each link to a module or a section that does not exist."""
    problems = []
    for path, text in _texts(module):
        for link in LINK.finditer(text):
            target, section = link.group("module"), link.group("section")
            if target not in sections_of:
                problems.append((path, f"the link '{target}.md' goes to no module; the modules are: "
                                       + ", ".join(sorted(sections_of))))
            elif section and section not in (*sections_of[target], *PAGE_ANCHORS):
                problems.append((path, f"the link '{target}.md#{section}' goes to no section of '{target}'; "
                                       "its sections are: " + ", ".join(sections_of[target])))
    return problems


def within_print_page(markdown: str, module_id: str) -> str:
    """A module's Markdown as part of the whole-course page, where every anchor carries its module's id."""
    def in_page(link: re.Match) -> str:
        target, section = link.group("module") or module_id, link.group("section")
        if not (link.group("module") or section):
            return link.group(0)  # "]()": nothing to point at
        return f"](#{target}--{section})" if section else f"](#{target})"

    return ANY_LINK.sub(in_page, markdown)


def _texts(module: Module):
    for index, text in enumerate(module.objectives):
        yield ("objectives", index), text
    for number, section in enumerate(module.sections):
        yield ("sections", number, "body"), section.body
        for index, point in enumerate(section.key_points):
            yield ("sections", number, "key_points", index), point
    for index, text in enumerate(module.takeaways):
        yield ("takeaways", index), text
