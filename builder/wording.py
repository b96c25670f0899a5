"""The course's own rule, checked on its model answers: leave room, promise no certainty.

The course teaches agents to avoid "certain, guaranteed, absolutely"; the
words are listed per language in content/certain-words.yaml, so trainers can
add their market's. A best reply or a dialogue line shown as good practice
that uses one breaks the rule it teaches, unless it lists the word under
`allow` because it quotes it on purpose.
"""

from __future__ import annotations

from pathlib import Path

from .errors import Problem
from .labels import all_labels
from .layout import CERTAIN_WORDS_FILE
from .schema import CertainWords, Module, Practice, Scenario
from .validate import read


def load_certain_words(content: Path) -> tuple[CertainWords, list[Problem]]:
    """The certain words and tone words per language; none when the file is absent (a course may not want the rule)."""
    path = content / CERTAIN_WORDS_FILE
    if not path.is_file():
        return CertainWords(words={}), []
    words, _, problems = read(path, f"{content.name}/{CERTAIN_WORDS_FILE}", CertainWords)
    return (words or CertainWords(words={})), problems


def _used(text: str, words: list[str], allowed: list[str]) -> list[str]:
    lowered = text.lower()
    return [word for word in words if word.lower() in lowered and word not in allowed]


def _advice(used: list[str]) -> str:
    quoted = ", ".join(f"'{word}'" for word in used)
    return (f"uses {quoted}, which promises certainty; the course teaches to leave room (say what you will "
            f"do and when you will check), so reword it, or list the word under 'allow' if the line quotes it")


def scenario_wording(scenario: Scenario, words: dict[str, list[str]]):
    """(path, message) for each best reply that uses a certain word."""
    for t, turn in enumerate(scenario.turns):
        best = turn.best
        c = turn.choices.index(best)
        for language, reply in best.reply.items():
            used = _used(" ".join(reply), words.get(language, []), best.allow.get(language, []))
            if used:
                yield ("turns", t, "choices", c, "reply", language), _advice(used)


def module_wording(module: Module, language: str, words: dict[str, list[str]]):
    """(path, message) for each dialogue line marked good practice that uses a certain word."""
    for s, section in enumerate(module.sections):
        for d, dialogue in enumerate(section.dialogues):
            for n, line in enumerate(dialogue.lines):
                used = _used(line.text, words.get(language, []), line.allow)
                if line.practice is Practice.good and used:
                    yield ("sections", s, "dialogues", d, "lines", n, "text"), _advice(used)


def critical_note_wording(scenario: Scenario):
    """(path, message) for each note of a critical mistake that opens with the mark the chat already shows above it."""
    mark = all_labels()["critical"]
    for t, turn in enumerate(scenario.turns):
        for c, choice in enumerate(turn.choices):
            if not choice.critical:
                continue
            for language, note in choice.note.items():
                if language in mark and note.lstrip().startswith(mark[language]):
                    yield (("turns", t, "choices", c, "note", language),
                           f"opens with '{mark[language]}', which the chat already shows above this note; "
                           "start with why the reply is wrong")
