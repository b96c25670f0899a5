"""The real course: every module in every language, the same course in each, written in that language.

Parity of structure is also enforced when the course loads; these tests state
the editorial rules of the course itself (issue: the whole course) so that a
later edit cannot quietly break them.
"""

from __future__ import annotations

import unicodedata

import pytest

from builder.course import load_course
from builder.glossary import words_of
from builder.graph import best_path

from .conftest import LANGUAGES, ROOT, real_settings

MODULES = ["role-of-customer-service", "why-customers-complain", "handling-complaints", "seven-more-points",
           "calming-upset-customers", "customer-types", "online-safety", "reply-scripts", "keeping-customers",
           "product-fact-card", "platform-rules"]
FOUR_SCENARIOS = {"handling-complaints", "calming-upset-customers", "online-safety"}
# Scripts that must not appear in an edition, and the few words allowed anyway (brand names).
FOREIGN = {"zh": ("HANGUL", "CYRILLIC", "HIRAGANA", "KATAKANA"),
           "ko": ("CJK UNIFIED", "CJK COMPATIBILITY", "CYRILLIC", "HIRAGANA", "KATAKANA", "FULLWIDTH",
                  "IDEOGRAPHIC"),
           "bg": ("CJK UNIFIED", "CJK COMPATIBILITY", "HANGUL", "HIRAGANA", "KATAKANA", "FULLWIDTH", "IDEOGRAPHIC")}
ALLOWED_WORDS: dict[str, set[str]] = {"zh": set(), "ko": set(), "bg": set()}


# Four modules (handling-complaints, seven-more-points, online-safety, reply-scripts) and their
# role-plays are still being written (issue 3): these checks fail until they land, and `strict`
# makes them fail loudly the day they pass, so the marker cannot outlive the gap.


@pytest.fixture(scope="module")
def course():
    return load_course(ROOT, LANGUAGES, real_settings())


def foreign_letters(language: str, text: str) -> list[str]:
    for word in ALLOWED_WORDS[language]:
        text = text.replace(word, "")
    return sorted({char for char in text if unicodedata.name(char, "").startswith(FOREIGN[language])})


def test_every_module_exists_in_every_language_in_course_order(course):
    for language in LANGUAGES:
        assert [module_id for module_id, _ in course.modules[language]] == MODULES, language


def test_the_editions_have_the_same_sections_key_points_and_dialogue_lines(course):
    def shape(module):
        return [(s.id, len(s.key_points), [[(line.speaker, line.practice) for line in d.lines] for d in s.dialogues])
                for s in module.sections]
    source = dict(course.modules["zh"])
    for language in LANGUAGES[1:]:
        for module_id, module in course.modules[language]:
            assert shape(module) == shape(source[module_id]), (language, module_id)


def test_every_module_teaches_with_objectives_good_and_bad_dialogues_and_takeaways(course):
    for module_id, module in course.modules["zh"]:
        dialogues = [d for s in module.sections for d in s.dialogues]
        marks = {line.practice.value for d in dialogues for line in d.lines if line.practice}
        assert module.objectives and module.takeaways, module_id
        assert len(dialogues) >= 2 and marks == {"good", "bad"}, module_id


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_text_is_left_in_another_languages_script(course, language):
    found = {}
    for module_id, module in course.modules[language]:
        letters = foreign_letters(language, words_of(module))
        if letters:
            found[module_id] = "".join(letters)
    for roleplay in course.roleplays:
        letters = foreign_letters(language, " ".join(_texts_in(roleplay.scenario.model_dump(), language)))
        if letters:
            found[roleplay.id] = "".join(letters)
    for term in course.glossary.terms:
        letters = foreign_letters(language, term.term[language] + term.definition[language])
        if letters:
            found[f"glossary:{term.id}"] = "".join(letters)
    assert found == {}


def _texts_in(value, language):
    if isinstance(value, dict):
        if language in value and isinstance(value[language], str):
            yield value[language]
        else:
            for item in value.values():
                yield from _texts_in(item, language)
    elif isinstance(value, list):
        for item in value:
            yield from _texts_in(item, language)


def test_every_module_lists_glossary_terms(course):
    for module_id, module in course.modules["zh"]:
        assert len(module.terms) >= 2, module_id


def test_each_module_has_its_role_plays(course):
    for module_id in MODULES:
        count = len(course.roleplays_of(module_id))
        assert count >= (4 if module_id in FOUR_SCENARIOS else 3), (module_id, count)


def test_each_role_play_has_three_turns_on_its_best_path_and_branches_to_a_harder_turn(course):
    for roleplay in course.roleplays:
        scenario = roleplay.scenario
        path = best_path(scenario)
        turns = {turn.id for turn in scenario.turns}
        assert len([node for node in path if node in turns]) >= 3, roleplay.id
        off_path = [turn.id for turn in scenario.turns if turn.id not in path]
        assert off_path, f"{roleplay.id}: a poor reply never leads to a harder turn"
        assert scenario.customer.type.startswith("customer-types#"), roleplay.id


def test_a_phishing_scenario_ends_at_once_on_the_worst_reply(course):
    endings_at_once = []
    for roleplay in course.roleplays_of("online-safety"):
        endings = {ending.id for ending in roleplay.scenario.endings}
        for turn in roleplay.scenario.turns:
            worst = min(turn.choices, key=lambda choice: choice.points)
            if worst.next in endings and worst.points == 0:
                endings_at_once.append(roleplay.id)
    assert endings_at_once
