"""Language parity: every edition teaches the same course as the source edition.

Same modules, same order, same section ids, same number of objectives, key
points, takeaways and dialogue lines, with the same speaker and the same
good/bad mark on each line. Only the words differ. There is no silent
fallback to the source language: a gap is an error that names language and id.
"""

from __future__ import annotations

from dataclasses import dataclass

from .errors import Problem, field_name
from .load import Loaded
from .schema import Module


@dataclass(frozen=True)
class Edition:
    """One module file in one language, with where its values stand."""

    language: str
    module: Module
    loaded: Loaded


def missing_module(module_id: str, language: str, source: Edition, expected_file: str) -> Problem:
    return Problem(expected_file, 1, 1, "",
                   f"the module '{module_id}' exists in '{source.language}' ({source.loaded.file}) "
                   f"but not in '{language}': write this file")


def extra_module(module_id: str, edition: Edition, source_language: str) -> Problem:
    return Problem(edition.loaded.file, 1, 1, "",
                   f"there is no module '{module_id}' in the source language '{source_language}'; "
                   "rename this file to the id of an existing module or add the module there first")


def compare(source: Edition, other: Edition) -> list[Problem]:
    """Every way `other` differs in structure from `source`."""
    problems: list[Problem] = []

    def differ(path: tuple, message: str) -> None:
        line, column = other.loaded.position(path)
        problems.append(Problem(other.loaded.file, line, column, field_name(path), message))

    def count(path: tuple, mine: list, theirs: list, noun: str) -> None:
        if len(mine) != len(theirs):
            differ(path, f"has {len(mine)} {noun} but '{source.language}' has {len(theirs)}; "
                         "every language teaches the same points")

    theirs, mine = source.module, other.module
    if mine.order != theirs.order:
        differ(("order",), f"is {mine.order} but {theirs.order} in '{source.language}'")
    count(("objectives",), mine.objectives, theirs.objectives, "objectives")
    count(("takeaways",), mine.takeaways, theirs.takeaways, "takeaways")

    source_sections = {section.id: section for section in theirs.sections}
    my_ids = [section.id for section in mine.sections]
    for section_id in source_sections:
        if section_id not in my_ids:
            differ(("sections",), f"the section '{section_id}' of '{source.language}' is missing "
                                  f"in '{other.language}'")
    shared = [section_id for section_id in my_ids if section_id in source_sections]
    if shared != [section_id for section_id in source_sections if section_id in my_ids]:
        differ(("sections",), f"the sections are not in the same order as in '{source.language}': "
                              + ", ".join(source_sections))
    for index, section in enumerate(mine.sections):
        path = ("sections", index)
        if section.id not in source_sections:
            differ(path + ("id",), f"there is no section '{section.id}' in '{source.language}'; "
                                   "section ids are the same in every language")
            continue
        model = source_sections[section.id]
        count(path + ("key_points",), section.key_points, model.key_points, "key points")
        count(path + ("dialogues",), section.dialogues, model.dialogues, "dialogues")
        for number, (dialogue, model_dialogue) in enumerate(zip(section.dialogues, model.dialogues)):
            lines_path = path + ("dialogues", number, "lines")
            count(lines_path, dialogue.lines, model_dialogue.lines, "lines")
            for line_number, (line, model_line) in enumerate(zip(dialogue.lines, model_dialogue.lines)):
                where = lines_path + (line_number,)
                if line.speaker != model_line.speaker:
                    differ(where, f"is spoken by the {line.speaker.value} but by the "
                                  f"{model_line.speaker.value} in '{source.language}'")
                elif line.practice != model_line.practice:
                    differ(where, f"is marked {_mark(line.practice)} but {_mark(model_line.practice)} "
                                  f"in '{source.language}'")
    return problems


def _mark(practice) -> str:
    return f"'{practice.value}'" if practice else "as neither good nor bad"
