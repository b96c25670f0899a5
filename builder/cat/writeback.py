"""Put translated texts into the YAML files, keeping their comments and layout.

ruamel.yaml reads a file into data that remembers its comments, key order,
quoting and block styles, and writes it back as it was (every course file
comes back byte for byte, a test checks it); only the texts set here change.
A text's place that does not exist yet in the translation (a new section, a
new key point, a module never translated) is made by copying the source's
structure (less its `allow` lists of source-language words), and every text
in that copy must then come with the import: a Chinese text never stays
behind in another language's file.
"""

from __future__ import annotations

import copy
import io
import os
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedSeq
from ruamel.yaml.scalarstring import (
    DoubleQuotedScalarString, FoldedScalarString, LiteralScalarString, SingleQuotedScalarString,
)
from ruamel.yaml.util import load_yaml_guess_indent

from .units import Step, Text, Unit, resolve, unit_id

_KEPT_STYLES = (LiteralScalarString, FoldedScalarString, DoubleQuotedScalarString, SingleQuotedScalarString)


class Placement(ValueError):
    """A text cannot be put where it belongs; the message says why."""


class Document:
    """One YAML file, read for round-trip editing."""

    def __init__(self, path: Path, text: str | None = None):
        self.path = path
        text = path.read_text(encoding="utf-8") if text is None else text
        _, indent, offset = load_yaml_guess_indent(text)
        self.yaml = YAML()
        self.yaml.preserve_quotes = True
        self.yaml.width = 4096  # never re-wrap a long line
        self.yaml.indent(mapping=2, sequence=indent or 4, offset=2 if offset is None else offset)
        self.data = self.yaml.load(text)
        self.grafts: list[tuple[Step, ...]] = []  # places copied from the source, to be translated whole

    def dump(self) -> str:
        out = io.StringIO()
        self.yaml.dump(self.data, out)
        return out.getvalue()

    def save(self) -> None:
        temporary = self.path.with_name(f".{self.path.name}.importing")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_text(self.dump(), encoding="utf-8")
        os.replace(temporary, self.path)


def place(document: Document, unit: Unit, text: Text, source: Document | None, languages: tuple[str, ...]) -> None:
    """Set `unit`'s translation in `document`, making its place from `source` where it is missing."""
    steps = unit.target_steps
    for depth in range(len(steps) - 1):
        if resolve(document.data, steps[:depth + 1]) is None:
            if source is None:
                raise Placement("its place is missing in the file")
            _graft(document, source, steps[:depth + 1])
            break
    parent = resolve(document.data, steps[:-1])
    last = steps[-1]
    if isinstance(last, int):
        if last > len(parent):
            raise Placement(f"the translation has {len(parent)} items here, the source more; add them in order")
        if last == len(parent):
            parent.append(None)
        parent[last] = _styled(parent[last], text)
    elif last in parent:
        parent[last] = _styled(parent[last], text)
    elif last in languages:  # a language missing beside the others: insert it in the site's order
        before = sum(1 for key in parent if key in languages and languages.index(key) < languages.index(last))
        parent.insert(before, last, _styled(None, text))
    else:
        parent[last] = _styled(None, text)


def untranslated(document: Document, units: list[Unit], done: set[str]) -> dict[tuple, list[str]]:
    """For each place copied from the source, the ids of its texts that the import did not translate."""
    left = {}
    for graft in document.grafts:
        missing = [unit.id for unit in units
                   if unit.target_file == units[0].target_file and unit.target_steps[:len(graft)] == graft
                   and unit.key not in done]
        if missing:
            left[graft] = missing
    return left


def describe(graft: tuple[Step, ...]) -> str:
    return unit_id(graft) or "the whole file"


def _graft(document: Document, source: Document, steps: tuple[Step, ...]) -> None:
    parent, last = resolve(document.data, steps[:-1]), steps[-1]
    copied = _without_allow(copy.deepcopy(resolve(source.data, steps)))
    if isinstance(last, tuple):
        source_ids = [item.get("id") for item in resolve(source.data, steps[:-1])]
        earlier = source_ids[:source_ids.index(last[1])]
        ids = [item.get("id") for item in parent]
        after = max((ids.index(i) + 1 for i in earlier if i in ids), default=0)
        parent.insert(after, copied)
    elif isinstance(last, int):
        if last != len(parent):
            raise Placement(f"the translation has {len(parent)} items here, the source more; add them in order")
        parent.append(copied)
    else:
        parent[last] = copied
    document.grafts.append(steps)


def new_document(path: Path, source: Document) -> Document:
    """A translation file that does not exist yet: the source file's structure, to be translated whole."""
    document = Document(path, source.dump())
    _without_allow(document.data)
    document.grafts.append(())
    return document


def _without_allow(node: object) -> object:
    """A copy of the source's structure without its `allow` lists: those are words of the source language."""
    if isinstance(node, dict):
        node.pop("allow", None)
        for value in node.values():
            _without_allow(value)
    elif isinstance(node, list):
        for item in node:
            _without_allow(item)
    return node


def _styled(old: object, text: Text) -> object:
    """The new text in the old one's style: a `|` block stays a block, quotes stay quotes."""
    if isinstance(text, tuple):
        return CommentedSeq([_styled(None, message) for message in text])
    if isinstance(old, _KEPT_STYLES):
        ending = "\n" if old.endswith("\n") else ""
        return type(old)(text + ending)
    if "\n" in text:
        return LiteralScalarString(text + "\n")
    return text

