"""The glossary (content/glossary.yaml): checked like every course file, and held against the modules.

A module lists the terms it teaches; each listed term must appear in that
module's text in every language, so the three editions keep one vocabulary.
"""

from __future__ import annotations

from pathlib import Path

from .errors import Problem, field_name
from .layout import GLOSSARY_FILE
from .schema import Glossary, Module
from .validate import language_problems, read


def load_glossary(content: Path, languages: tuple[str, ...]) -> tuple[Glossary | None, list[Problem]]:
    path = content / GLOSSARY_FILE
    if not path.is_file():
        return Glossary.model_construct(terms=[]), []
    glossary, loaded, problems = read(path, f"{content.name}/{GLOSSARY_FILE}", Glossary)
    if glossary is None:
        return None, problems
    problems += [Problem(loaded.file, *loaded.position(where), field_name(where), message)
                for where, message in language_problems(glossary, languages)]
    return (None if problems else glossary), problems


def words_of(module: Module) -> str:
    """All of a module's text, lower-cased, to look terms up in."""
    parts = [module.title, module.summary, *module.objectives, *module.takeaways]
    for section in module.sections:
        parts += [section.title, section.body, *section.key_points]
        parts += [line.text for dialogue in section.dialogues for line in dialogue.lines]
    return "\n".join(parts).lower()


def term_problems(module: Module, language: str, glossary: Glossary, shown_as: str) -> list[tuple[tuple, str]]:
    """(path, message) for each listed term that is unknown, or not used in this edition of the module."""
    terms = {term.id: term for term in glossary.terms}
    text, problems = words_of(module), []
    for index, term_id in enumerate(module.terms):
        term = terms.get(term_id)
        if term is None:
            problems.append((("terms", index), f"there is no term '{term_id}' in {shown_as}; "
                             "add it there or remove it here"))
            continue
        words = [term.term[language], *term.forms.get(language, [])]
        if not any(word.lower() in text for word in words):
            problems.append((("terms", index), f"the module lists the term '{term_id}' but never uses "
                             f"'{term.term[language]}'; use the glossary's word or remove it from 'terms'"))
    return problems
