"""Translation status: is each translated module and scenario up to date with its source text?

Each translation records a fingerprint of the source-language text it was
made from (`translated_from`). When the source text changes, the fingerprint
no longer matches and the translation is stale until a translator reviews it
and marks it current, which writes the new fingerprint into the file.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

from .layout import CONTENT_DIR, QUIZZES_DIR
from .load import load
from .model import Course
from .schema import Module, Scenario
from .validate import known_keys, read

CURRENT, STALE, MISSING, UNKNOWN = "current", "stale", "missing", "source has problems"
_KEYS = known_keys(Module, Scenario)


@dataclass(frozen=True)
class Translation:
    kind: str  # "module" or "scenario"
    id: str
    language: str
    state: str
    file: str


def fingerprint(data: object) -> str:
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def module_fingerprint(module: Module) -> str:
    return fingerprint(_translated(module.model_dump(mode="json", exclude={"translated_from"})))


def scenario_fingerprint(scenario: Scenario, source: str) -> str:
    return fingerprint(list(_texts(_translated(scenario.model_dump(mode="json", exclude={"translated_from"})), source)))


def _translated(value: object) -> object:
    """The data a translation follows: without the certain words a line may quote (`allow`), which are not text."""
    if isinstance(value, dict):
        return {key: _translated(item) for key, item in value.items() if key != "allow"}
    if isinstance(value, list):
        return [_translated(item) for item in value]
    return value


def _is_text(value: object) -> bool:
    """One language's text: a string, or the list of chat messages a reply is sent as."""
    return isinstance(value, str) or (isinstance(value, list) and bool(value) and all(isinstance(v, str) for v in value))


def translation_states(root: Path, languages: tuple[str, ...]) -> list[Translation]:
    """Every translation of every module and scenario, with its state; works on a course with problems too."""
    source, states = languages[0], []
    for path in sorted((root / CONTENT_DIR / source).glob("*.yaml")):
        module = _checked(Module, path)
        for language in languages[1:]:
            target = root / CONTENT_DIR / language / path.name
            shown = target.relative_to(root).as_posix()
            if not target.is_file():
                states.append(Translation("module", path.stem, language, MISSING, shown))
                continue
            recorded = _recorded(target).get("translated_from")
            current = module and recorded == module_fingerprint(module)
            states.append(Translation("module", path.stem, language,
                                      UNKNOWN if module is None else CURRENT if current else STALE, shown))
    for path in sorted((root / QUIZZES_DIR).glob("*.yaml")):
        scenario = _checked(Scenario, path)
        recorded = _recorded(path).get("translated_from") or {}
        for language in languages[1:]:
            states.append(Translation("scenario", path.stem, language,
                                      _scenario_state(scenario, source, language, recorded),
                                      path.relative_to(root).as_posix()))
    return states


def stale_in(course: Course) -> list[Translation]:
    """The stale translations of a course that loaded, judged on it: no file is read again.

    (A course that loaded has no missing translation; `translation_states` reads the files
    themselves, so that it can also tell a trainer about a course with problems.)
    """
    source, found = course.languages[0], []
    sources = dict(course.modules[source])
    for language in course.languages[1:]:
        for module_id, module in course.modules[language]:
            if module.translated_from != module_fingerprint(sources[module_id]):
                found.append(Translation("module", module_id, language, STALE, f"{CONTENT_DIR}/{language}/{module_id}.yaml"))
    for roleplay in course.roleplays:
        recorded, current = roleplay.scenario.translated_from, scenario_fingerprint(roleplay.scenario, source)
        found += [Translation("scenario", roleplay.id, language, STALE, f"{QUIZZES_DIR}/{roleplay.id}.yaml")
                  for language in course.languages[1:] if recorded.get(language) != current]
    return found


def mark_reviewed(root: Path, languages: tuple[str, ...], language: str, item_id: str) -> str:
    """Record that the `language` translation of a module or scenario matches today's source text.

    Returns the file changed; raises ValueError with a plain message when it cannot.
    """
    source = languages[0]
    if language not in languages[1:]:
        raise ValueError(f"'{language}' is not a translated language of this site ({', '.join(languages[1:])})")
    module_file = root / CONTENT_DIR / source / f"{item_id}.yaml"
    scenario_file = root / QUIZZES_DIR / f"{item_id}.yaml"
    if module_file.is_file():
        module = _checked(Module, module_file)
        target = root / CONTENT_DIR / language / f"{item_id}.yaml"
        if module is None or not target.is_file():
            raise ValueError(f"'{item_id}' cannot be marked: run `course check` and fix its problems first")
        _write_line(target, f"translated_from: {_as_yaml_text(module_fingerprint(module))}")
        return target.relative_to(root).as_posix()
    if scenario_file.is_file():
        scenario = _checked(Scenario, scenario_file)
        if scenario is None:
            raise ValueError(f"'{item_id}' cannot be marked: run `course check` and fix its problems first")
        recorded = dict(scenario.translated_from)
        recorded[language] = scenario_fingerprint(scenario, source)
        pairs = ", ".join(f"{lang}: {_as_yaml_text(value)}" for lang, value in sorted(recorded.items()))
        _write_line(scenario_file, f"translated_from: {{{pairs}}}")
        return scenario_file.relative_to(root).as_posix()
    raise ValueError(f"there is no module or scenario '{item_id}'")


_NUMBER_LIKE = re.compile(r"\d+(?:e\d+)?")  # 1234 is an integer to YAML, 48e7213 a float (YAML 1.2: no dot needed)


def _as_yaml_text(fingerprint_: str) -> str:
    """A fingerprint a YAML reader would take for a number is quoted, or an editor's round trip makes 48e721393481
    infinity."""
    return f"'{fingerprint_}'" if _NUMBER_LIKE.fullmatch(fingerprint_) else fingerprint_


def _scenario_state(scenario: Scenario | None, source: str, language: str, recorded: dict) -> str:
    if scenario is None:
        return UNKNOWN
    if any(True for _ in _missing_texts(_translated(scenario.model_dump(mode="json", exclude={"translated_from"})),
                                        language)):
        return MISSING
    return CURRENT if recorded.get(language) == scenario_fingerprint(scenario, source) else STALE


def _checked(model, path: Path):
    checked, _, problems = read(path, path.name, model)
    return None if problems else checked


def _recorded(path: Path) -> dict:
    loaded, _ = load(path, path.name, _KEYS)
    return loaded.data if loaded is not None and isinstance(loaded.data, dict) else {}


def _texts(value: object, language: str):
    """The texts of one language, in document order."""
    if isinstance(value, dict):
        if isinstance(value.get(language), str):
            yield value[language]
        elif _is_text(value.get(language)):
            yield from value[language]
        for key, item in value.items():
            if key != language:
                yield from _texts(item, language)
    elif isinstance(value, list):
        for item in value:
            yield from _texts(item, language)


def _missing_texts(value: object, language: str):
    if isinstance(value, dict):
        if value and all(_is_text(text) for text in value.values()) and language not in value:
            yield value
        for item in value.values():
            yield from _missing_texts(item, language)
    elif isinstance(value, list):
        for item in value:
            yield from _missing_texts(item, language)


# The record's line, and the lines of a block-style mapping below it: all of it is replaced.
_RECORD = re.compile(r"^translated_from:.*(?:\n[ \t]+\S.*)*$", re.MULTILINE)


def _write_line(path: Path, line: str) -> None:
    """Replace the file's `translated_from:` line, or add one at its end, out of the translator's way."""
    text = path.read_text(encoding="utf-8")
    if _RECORD.search(text):
        text = _RECORD.sub(line, text, count=1)
    else:
        text = text + ("" if text.endswith("\n") else "\n") + line + "\n"
    path.write_text(text, encoding="utf-8")
