"""The course's texts as translation units: one per text, with a stable id, its source and its target.

A unit's id is its field path in the source file, with the ids the YAML gives
(`sections/expectation-gap/body`, `turns/opening/choices/2/reply`) and
numbers, counted from 1, only where the YAML has none (`objectives/3`). So an
id survives a reordering of sections and stays the same from one export to
the next.

A unit's state: `new` (no translation yet), `needs-review` (the Chinese text
changed after it was translated) or `translated`. Which text of a stale module
changed is known from the record (`record.py`): the fingerprint of the source
each translated text was made from.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import CourseError, Problem
from ..layout import CONTENT_DIR, GLOSSARY_FILE, QUIZZES_DIR
from ..load import load
from ..schema import Glossary, Module, Scenario
from ..translations import CURRENT, fingerprint, translation_states
from ..validate import known_keys, read
from .record import read_record

NEW, NEEDS_REVIEW, TRANSLATED = "new", "needs-review", "translated"
# Keys whose values are structure, not words: never sent to a translator.
NOT_TEXT = frozenset({"id", "order", "terms", "speaker", "practice", "translated_from", "module", "type",
                      "teaches", "points", "mood", "next", "critical", "walk_away", "allow", "forms", "resolved"})
# What one item of a list is called in a translator's note.
ITEM_NAMES = {"sections": "section", "dialogues": "dialogue", "turns": "turn", "choices": "choice",
              "endings": "ending", "terms": "term"}
_KEYS = known_keys(Module, Scenario, Glossary)

Text = str | tuple[str, ...]  # one text, or the chat messages of one reply
Step = str | int | tuple[str, str]  # a key, a list index, or ("id", x): the list item whose id is x


@dataclass(frozen=True)
class Context:
    """What a translator needs to know about where a text stands."""

    crumbs: tuple[tuple[str, str], ...]  # (what, name): ("module", "顾客为什么会抱怨"), ("turn", "opening") …
    field: str  # the YAML key of the text: body, text, reply …
    speaker: str | None = None  # customer, agent, or None for narration
    practice: str | None = None  # good or bad, for a dialogue line that teaches
    model_answer: bool = False  # a best reply or a good-practice line: it must promise no certainty


@dataclass(frozen=True)
class Unit:
    original: str  # the source file, as the XLIFF file names it: content/zh/greeting.yaml
    id: str  # the field path in that file: sections/welcome/body
    target_file: str  # the file the translation is written into
    target_steps: tuple[Step, ...]  # where it stands there
    item: tuple[str, str]  # ("module", id), ("scenario", id) or ("glossary", "glossary")
    source: Text
    target: Text | None
    state: str
    context: Context
    settled: bool = False  # translated, and its module or scenario is current: the record may say so

    @property
    def key(self) -> str:
        return f"{self.original}#{self.id}"


def course_units(root: Path, languages: tuple[str, ...], language: str) -> list[Unit]:
    """Every text of the course with its `language` translation, in course-file order.

    Raises CourseError when a source file (or a translation to write into) cannot be read.
    """
    source = languages[0]
    items = {(state.kind, state.id): state.state == CURRENT
             for state in translation_states(root, languages) if state.language == language}
    record, problems, found = read_record(root, language), [], []

    def add(original: str, target_file: str, item: tuple[str, str], texts, target_of) -> None:
        for steps, text, context in texts:
            target = target_of(steps)
            key = f"{original}#{unit_id(steps)}"
            state = _state(target, items.get(item), record.get(key), source_fingerprint(text))
            target_steps = steps + (language,) if target_file == original else steps
            found.append(Unit(original, unit_id(steps), target_file, target_steps, item, text, target,
                              state, context, settled=target is not None and bool(items.get(item))))

    for path in sorted((root / CONTENT_DIR / source).glob("*.yaml")):
        data = _read(root, path, Module, problems)
        target_path = root / CONTENT_DIR / language / path.name
        target_data = _read(root, target_path, None, problems) if target_path.is_file() else None
        if data is not None:
            texts = _texts(data, (), (("module", data["title"].strip()),), source, plain=True)
            add(_shown(root, path), _shown(root, target_path), ("module", path.stem), texts,
                lambda steps, target=target_data: as_text(resolve(target, steps)))
    paths = sorted((root / QUIZZES_DIR).glob("*.yaml")) + [root / CONTENT_DIR / GLOSSARY_FILE]
    for path in paths:
        if not path.is_file():
            continue
        glossary = path.name == GLOSSARY_FILE and path.parent.name == CONTENT_DIR
        data = _read(root, path, Glossary if glossary else Scenario, problems)
        if data is None:
            continue
        item = ("glossary", "glossary") if glossary else ("scenario", path.stem)
        crumbs = () if glossary else (("scenario", data["title"][source].strip()),)
        add(_shown(root, path), _shown(root, path), item, _texts(data, (), crumbs, source, plain=False),
            lambda steps, data=data: as_text(resolve(data, steps + (language,))))
    if problems:
        raise CourseError(problems)
    return found


def unit_id(steps: tuple[Step, ...]) -> str:
    return "/".join(step[1] if isinstance(step, tuple) else str(step + 1) if isinstance(step, int) else step
                    for step in steps)


def source_fingerprint(text: Text) -> str:
    return fingerprint(list(text) if isinstance(text, tuple) else text)


def resolve(data: object, steps: tuple[Step, ...]) -> object:
    """The value at `steps`, or None where the path does not exist (yet)."""
    for step in steps:
        if isinstance(step, tuple):
            data = next((item for item in data if isinstance(item, dict) and item.get("id") == step[1]),
                        None) if isinstance(data, list) else None
        elif isinstance(step, int):
            data = data[step] if isinstance(data, list) and step < len(data) else None
        else:
            data = data.get(step) if isinstance(data, dict) else None
        if data is None:
            return None
    return data


def as_text(value: object) -> Text | None:
    """A text as sent to a translator: trimmed, a reply's chat messages as a tuple; None if there is none."""
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, list) and value and all(isinstance(message, str) for message in value):
        return tuple(message.strip() for message in value) if len(value) > 1 else value[0].strip() or None
    return None


def _state(target: Text | None, item_current: bool | None, recorded: str | None, source: str) -> str:
    if target is None:
        return NEW
    if item_current or recorded == source or (item_current is None and recorded is None):
        return TRANSLATED
    return NEEDS_REVIEW


def _texts(node: object, steps: tuple, crumbs: tuple, source: str, plain: bool, best: bool = False):
    """(steps, source text, context) of every text under `node`.

    `plain`: a module file, whose texts are strings in one language; otherwise
    a file with every language side by side, whose texts are {language: text}.
    `best`: under the best choice of a turn.
    """
    if isinstance(node, dict):
        if not plain and _is_localized(node, source):
            yield steps, as_text(node[source]), _context(crumbs, steps, None, best)
            return
        for key, value in node.items():
            if key in NOT_TEXT:
                continue
            if plain and isinstance(value, str):
                yield steps + (key,), as_text(value), _context(crumbs, steps + (key,), node)
            else:
                yield from _texts(value, steps + (key,), crumbs, source, plain, best)
    elif isinstance(node, list):
        points = [_points(item) for item in node]
        for index, item in enumerate(node):
            has_id = isinstance(item, dict) and isinstance(item.get("id"), str)
            step = ("id", item["id"]) if has_id else index
            if plain and isinstance(item, str):
                yield steps + (step,), as_text(item), _context(crumbs, steps + (step,), None)
                continue
            what = ITEM_NAMES.get(steps[-1] if steps else "")
            if what:
                crumbs_here = crumbs + ((what, _name(item, source) or (item["id"] if has_id else str(index + 1))),)
            else:
                crumbs_here = crumbs
            is_best = bool(steps) and steps[-1] == "choices" and points[index] == max(points)
            yield from _texts(item, steps + (step,), crumbs_here, source, plain, is_best)


def _points(item: object) -> int:
    try:
        return int(item.get("points", 0)) if isinstance(item, dict) else 0
    except (TypeError, ValueError):
        return 0


def _is_localized(node: dict, source: str) -> bool:
    return source in node and all(isinstance(value, (str, list)) for value in node.values())


def _name(item: object, source: str) -> str | None:
    title = item.get("title") if isinstance(item, dict) else None
    if isinstance(title, dict):
        title = title.get(source)
    return title.strip() if isinstance(title, str) else None


def _context(crumbs: tuple, steps: tuple, owner: dict | None, best: bool = False) -> Context:
    field = next(step for step in reversed(steps) if isinstance(step, str))
    if owner is not None and "speaker" in owner:  # a dialogue line: its text is spoken, its `why` is not
        speaker = owner.get("speaker") if field == "text" else None
        practice = owner.get("practice")
        return Context(crumbs, field, speaker, practice, model_answer=field == "text" and practice == "good")
    return Context(crumbs, field, {"customer": "customer", "reply": "agent"}.get(field),
                   model_answer=best and field == "reply")


def _read(root: Path, path: Path, model, problems: list[Problem]) -> dict | None:
    shown = _shown(root, path)
    if model is None:
        loaded, found = load(path, shown, _KEYS)
    else:
        _, loaded, found = read(path, shown, model)
    if found or loaded is None:
        problems += found
        return None
    return loaded.data if isinstance(loaded.data, dict) else None


def _shown(root: Path, path: Path) -> str:
    return path.relative_to(root).as_posix()
