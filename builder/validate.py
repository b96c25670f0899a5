"""Check loaded data against the schema, and the language editions against each other.

Pydantic's messages are written for programmers; each is turned here into a
sentence a trainer can act on, at the line and column of the value concerned.
"""

from __future__ import annotations

import difflib
from types import UnionType
from typing import Union, get_args, get_origin

from pydantic import BaseModel, ValidationError

from functools import cache
from pathlib import Path

from .errors import Problem, field_name
from .load import Loaded, load


def known_keys(*models: type[BaseModel]) -> frozenset[str]:
    """Every key the schema knows, for the loader to recognise a key behind a full-width colon."""
    keys: set[str] = set()
    pending = list(models)
    while pending:
        model = pending.pop()
        for name, info in model.model_fields.items():
            keys.add(name)
            inner = _inner(info.annotation)
            if isinstance(inner, type) and issubclass(inner, BaseModel):
                pending.append(inner)
    return frozenset(keys)


def read(path: Path, shown_as: str, model: type[BaseModel]) -> tuple[BaseModel | None, Loaded | None, list[Problem]]:
    """Load one course file and check it against its model: the model, where its values stand, and every problem.

    The one way every stage reads a course file, so a file is judged the same wherever it is read.
    """
    loaded, problems = load(path, shown_as, _keys_of(model))
    if loaded is None:
        return None, None, problems
    checked, schema_problems = check(model, loaded)
    return checked, loaded, problems + schema_problems


@cache
def _keys_of(model: type[BaseModel]) -> frozenset[str]:
    return known_keys(model)


def check(model: type[BaseModel], loaded: Loaded) -> tuple[BaseModel | None, list[Problem]]:
    """The validated model, or the problems that keep `loaded` from being one."""
    try:
        return model.model_validate(loaded.data), []
    except ValidationError as error:
        return None, [_problem(model, loaded, detail) for detail in error.errors()]


# Fields kept per language that some languages may lack: a term's other forms, a translation's fingerprint,
# the certain words a reply quotes on purpose.
OPTIONAL_PER_LANGUAGE = ("forms", "translated_from", "allow")


def language_problems(value: object, languages: tuple[str, ...], where: tuple = ()):
    """(path, message) for each text that lacks a language of the site, or has one the site does not build."""
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from language_problems(getattr(value, name), languages, (*where, name))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from language_problems(item, languages, (*where, index))
    elif isinstance(value, dict):
        required = () if where and where[-1] in OPTIONAL_PER_LANGUAGE else languages
        for language in required:
            if language not in value:
                yield where, f"has no text in '{language}'; add a line '{language}: …' with the text in that language"
        for language in value:
            if language not in languages:
                yield (*where, language), (f"'{language}' is not a language of this site ({', '.join(languages)}); "
                                           "remove the line or add the language to mkdocs.yml")


def _problem(model: type[BaseModel], loaded: Loaded, detail: dict) -> Problem:
    loc = tuple(detail["loc"])
    kind = detail["type"]
    if kind == "extra_forbidden":
        line, column = loaded.keys.get(loc) or loaded.position(loc)
        return Problem(loaded.file, line, column, field_name(loc), _unknown_key(model, loc))
    if loc and loc[-1] == "[key]":  # a mapping's key is wrong: point at the key itself
        shown = loc[:-1]
        line, column = loaded.keys.get(shown) or loaded.position(shown)
    elif loc and isinstance(loc[-1], int) and not isinstance(_value_at(loaded.data, loc[:-1]), list):
        # One text written where a list of texts may stand: name the text, not an item of a list.
        shown = loc = loc[:-1]
        line, column = loaded.position(loc)
    else:
        shown = loc
        line, column = loaded.position(loc)
    return Problem(loaded.file, line, column, field_name(shown), _message(model, loc, detail))


def _value_at(data: object, loc: tuple) -> object:
    for part in loc:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _unknown_key(model: type[BaseModel], loc: tuple) -> str:
    allowed = list((_model_at(model, loc[:-1]) or model).model_fields)
    key = str(loc[-1])
    close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
    hint = f"did you mean '{close[0]}'?" if close else "the fields here are: " + ", ".join(allowed)
    return f"unknown field '{key}'; {hint}"


def _message(model: type[BaseModel], loc: tuple, detail: dict) -> str:
    kind, ctx, given = detail["type"], detail.get("ctx", {}), detail.get("input")
    if kind == "missing":
        parent = _model_at(model, loc[:-1]) or model
        return f"missing; add it: {parent.model_fields[loc[-1]].description}"
    if kind == "value_error":
        return str(ctx.get("error", detail["msg"]))
    if kind == "enum":
        return f"'{given}' is not allowed here; write one of: {ctx.get('expected', '')}"
    if kind == "string_pattern_mismatch":
        return _pattern_advice(loc, given, ctx.get("pattern", ""))
    if kind in _BOUNDS:
        return _BOUNDS[kind].format(**ctx)
    if kind == "int_parsing":
        return f"'{given}' is not a whole number; write a number like 3"
    if kind == "too_short":
        count = ctx.get("min_length", 1)
        return f"needs at least {count} item{'s' if count != 1 else ''}"
    return _PLAIN.get(kind, detail["msg"])


def _pattern_advice(loc: tuple, given: object, pattern: str) -> str:
    if loc and loc[-1] == "[key]":
        return (f"'{given}' is not a language code like 'zh'; if it is part of a text, "
                "write each language's text on its own line")
    if "#" in pattern:
        return (f"'{given}' does not name a section: write module-id#section-id, "
                "like 'customer-types#urgency'")
    return f"'{given}' is not a valid id: use lowercase English words joined by hyphens, like 'expectation-gap'"


_BOUNDS = {
    "greater_than_equal": "must be {ge} or more",
    "less_than_equal": "must be {le} or less",
    "too_long": "has {actual_length} items; at most {max_length} are allowed",
}
_PLAIN = {
    "string_too_short": "is empty; write the text",
    "string_type": "must be text, not a list or a set of fields",
    "list_type": "must be a list: put each item on its own line, starting with '- '",
    "model_type": "must be a set of fields ('key: value' lines)",
    "dict_type": "must be a set of fields ('key: value' lines)",
}


def _model_at(model: type[BaseModel], loc: tuple) -> type[BaseModel] | None:
    current: object = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)) or part not in current.model_fields:
            return None
        current = _inner(current.model_fields[part].annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _inner(annotation: object) -> object:
    """`list[Section]` → Section, `Text | None` → Text."""
    while get_origin(annotation) in (list, Union, UnionType):
        annotation = next(arg for arg in get_args(annotation) if arg is not type(None))
    return annotation
