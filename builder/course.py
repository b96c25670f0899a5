"""The whole course, in every language, or every problem that stops it.

This is the one place that walks the content folders; the MkDocs plugin and
the command line both stand on `load_course` and nothing else.
"""

from __future__ import annotations

import re
from pathlib import Path

from .cues import cue_figures, cue_passes, cue_report, mark_warnings, stock_warnings
from .errors import CourseError, Problem, field_name
from .glossary import load_glossary, term_problems
from .guides import load_guides
from .layout import CONTENT_DIR, GLOSSARY_FILE, QUIZZES_DIR, course_files
from .links import link_problems
from .model import Course
from .parity import Edition, compare, extra_module, missing_module
from .quizzes import ScenarioRules, load_scenarios
from .schema import ID_PATTERN, Glossary, Module
from .settings import Settings
from .validate import read
from .wording import load_certain_words, module_wording

def load_course(root: Path, languages: tuple[str, ...], settings: Settings = Settings()) -> Course:
    """Load, check and compare every module under `root/content/` and every scenario under `root/quizzes/`.

    Raises `CourseError` with all the problems found, in every file at once.
    """
    problems: list[Problem] = []
    warnings: list[Problem] = []
    wording, word_problems = load_certain_words(root / CONTENT_DIR)
    certain_words, tone_words = wording.words, wording.marks
    problems += word_problems
    editions: dict[str, dict[str, Edition]] = {}
    for language in languages:
        editions[language] = _load_language(root, language, problems)
    problems += _parity(root, languages, editions)
    for language in languages:
        problems += _orders(editions[language])
    # A module with problems of its own (in any language) is known but not judged: no cascade of errors.
    source_modules = {path.stem: None for path in (root / CONTENT_DIR).glob("*/*.yaml") if re.match(ID_PATTERN, path.stem)}
    source_modules |= {module_id: edition.module for module_id, edition in editions[languages[0]].items()}
    roleplays, scenario_problems, scenario_warnings = load_scenarios(
        root, languages, source_modules, ScenarioRules(settings, certain_words))
    problems += scenario_problems
    warnings += scenario_warnings
    figures: list[str] = []
    if roleplays and not scenario_problems:
        scenarios = {roleplay.id: roleplay.scenario for roleplay in roleplays}
        passes = cue_passes(scenarios, languages, settings, tone_words)
        problems += [Problem(QUIZZES_DIR, 1, 1, "", message) for message in cue_report(passes, scenarios, languages, settings)]
        warnings += [Problem(QUIZZES_DIR, 1, 1, "", message)
                     for message in stock_warnings(scenarios, languages) + mark_warnings(scenarios, languages, tone_words)]
        figures = cue_figures(passes, scenarios, languages)
    problems += _wording(editions, certain_words)
    glossary, glossary_problems = load_glossary(root / CONTENT_DIR, languages)
    problems += glossary_problems + (_terms(editions, glossary) if glossary else [])
    problems += _links(editions)
    guides, guide_problems = load_guides(root, languages)
    problems += guide_problems
    if problems:
        raise CourseError(problems, warnings)
    modules = {
        language: sorted(((module_id, e.module) for module_id, e in editions[language].items()),
                         key=lambda item: item[1].order)
        for language in languages
    }
    return Course(tuple(languages), modules, tuple(roleplays), glossary, guides, settings, tuple(sorted(warnings)),
                  tuple(figures))


def _load_language(root: Path, language: str, problems: list[Problem]) -> dict[str, Edition]:
    folder = f"{CONTENT_DIR}/{language}"
    if not (root / folder).is_dir():
        problems.append(Problem(folder, 1, 1, "", f"the folder of the language '{language}' is missing"))
        return {}
    files, naming = course_files(root, folder, "module", "why-customers-complain.yaml")
    problems += naming
    found: dict[str, Edition] = {}
    for path in files:
        module, loaded, file_problems = read(path, f"{folder}/{path.name}", Module)
        problems += file_problems
        if module is not None:
            found[path.stem] = Edition(language, module, loaded)
    return found


def _parity(root: Path, languages: tuple[str, ...], editions: dict[str, dict[str, Edition]]) -> list[Problem]:
    source_language, problems = languages[0], []
    source = editions[source_language]
    for language in languages[1:]:
        if not (root / CONTENT_DIR / language).is_dir():
            continue
        for module_id, edition in source.items():
            other = editions[language].get(module_id)
            if other is not None:
                problems += compare(edition, other)
            elif not (root / CONTENT_DIR / language / f"{module_id}.yaml").exists():
                problems.append(missing_module(module_id, language, edition,
                                               f"{CONTENT_DIR}/{language}/{module_id}.yaml"))
        for module_id, other in editions[language].items():
            source_file = root / CONTENT_DIR / source_language / f"{module_id}.yaml"
            if module_id not in source and not source_file.exists():
                problems.append(extra_module(module_id, other, source_language))
    return problems


def _terms(editions: dict[str, dict[str, Edition]], glossary: Glossary) -> list[Problem]:
    problems = []
    for language, found in editions.items():
        for edition in found.values():
            for where, message in term_problems(edition.module, language, glossary, f"{CONTENT_DIR}/{GLOSSARY_FILE}"):
                problems.append(Problem(edition.loaded.file, *edition.loaded.position(where), field_name(where), message))
    return problems


def _wording(editions: dict[str, dict[str, Edition]], certain_words: dict[str, list[str]]) -> list[Problem]:
    return [Problem(edition.loaded.file, *edition.loaded.position(where), field_name(where), message)
            for language, found in editions.items() for edition in found.values()
            for where, message in module_wording(edition.module, language, certain_words)]


def _links(editions: dict[str, dict[str, Edition]]) -> list[Problem]:
    problems = []
    for found in editions.values():
        sections_of = {module_id: [s.id for s in edition.module.sections] for module_id, edition in found.items()}
        for edition in found.values():
            for where, message in link_problems(edition.module, sections_of):
                problems.append(Problem(edition.loaded.file, *edition.loaded.position(where), field_name(where), message))
    return problems


def _orders(editions: dict[str, Edition]) -> list[Problem]:
    problems, seen = [], {}
    for module_id, edition in sorted(editions.items()):
        order = edition.module.order
        if order in seen:
            line, column = edition.loaded.position(("order",))
            problems.append(Problem(edition.loaded.file, line, column, "order",
                                    f"{order} is also the order of '{seen[order]}'; give each module its own place"))
        seen.setdefault(order, module_id)
    return problems
