"""`course translations export LANG`: the texts to send to a translator, as one XLIFF 1.2 file.

Each text is one trans-unit with the Chinese source, the current translation
where there is one, its state, and notes in the translator's language: where
the text stands (module, section, turn …), who speaks, the glossary terms in
it with their agreed translation, and what the tags mean. The glossary goes
beside it as TBX, for the translator's term base. The record of what each
text was translated from is brought up to date on the way (`record.py`).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path

from ..errors import CourseError
from ..glossary import load_glossary
from ..layout import CONTENT_DIR
from ..labels import labels_for
from ..schema import Glossary
from ..wording import load_certain_words
from .record import brought_up_to_date, read_record, write_record
from .tbx import TBX_FILE, glossary_tbx
from .units import NEEDS_REVIEW, NEW, TRANSLATED, Unit, course_units, source_fingerprint
from .xliff import STATES, Tag, fill, locale, preserve_space, qualified, same_ids, segments, set_lang

ONLY = {"stale": (NEEDS_REVIEW,), "missing": (NEW,), "all": (NEW, NEEDS_REVIEW, TRANSLATED)}
TO_DO = (NEW, NEEDS_REVIEW)  # without --only: what a translator has to work on
NARRATION = frozenset({"reaction", "note", "situation", "outcome", "why"})
_STRUCTURE = frozenset(qualified(name) for name in ("xliff", "file", "header", "glossary", "body", "trans-unit"))


@dataclass(frozen=True)
class Exported:
    xliff: Path | None  # None when nothing was to be sent
    tbx: Path
    states: Counter  # units per state


def export_translation(root: Path, languages: tuple[str, ...], language: str, only: str | None,
                       out: Path) -> Exported:
    """Write OUT/course-LANG.xlf and OUT/glossary.tbx; raises ValueError for a language the site lacks."""
    if language not in languages[1:]:
        raise ValueError(f"'{language}' is not a translated language of this site ({', '.join(languages[1:])})")
    wanted = ONLY[only] if only else TO_DO
    every = course_units(root, languages, language)
    record = brought_up_to_date(read_record(root, language),
                                {unit.key: source_fingerprint(unit.source) for unit in every if unit.settled})
    if record is not None:
        write_record(root, language, record)
    units = [unit for unit in every if unit.state in wanted]
    glossary, problems = load_glossary(root / CONTENT_DIR, languages)
    wording, word_problems = load_certain_words(root / CONTENT_DIR)
    certain_words = wording.words
    if glossary is None or word_problems:
        raise CourseError(problems + word_problems)
    out.mkdir(parents=True, exist_ok=True)
    tbx = out / TBX_FILE
    tbx.write_bytes(glossary_tbx(glossary, languages))
    xliff = None
    if units:
        xliff = out / f"course-{language}.xlf"
        xliff.write_bytes(xliff_document(units, languages, language, glossary, certain_words.get(language, [])))
    return Exported(xliff, tbx, Counter(unit.state for unit in units))


def xliff_document(units: list[Unit], languages: tuple[str, ...], language: str, glossary: Glossary,
                   certain_words: list[str]) -> bytes:
    source, labels = languages[0], labels_for(language)
    labels = labels | {"xliff_certain": labels["xliff_certain"].format(words=", ".join(certain_words))}
    terms = [([term.term[source], *term.forms.get(source, [])], term.term[source], term.term.get(language, "—"))
             for term in glossary.terms]
    document = ET.Element(qualified("xliff"), version="1.2")
    for original, in_file in groupby(units, key=lambda unit: unit.original):
        file = ET.SubElement(document, qualified("file"), {
            "original": original, "source-language": locale(source), "target-language": locale(language),
            "datatype": "x-markdown"})
        header = ET.SubElement(file, qualified("header"))
        ET.SubElement(ET.SubElement(header, qualified("glossary")), qualified("external-file"), href=TBX_FILE)
        ET.SubElement(header, qualified("tool"), {"tool-id": "course", "tool-name": "course translations export"})
        market = ET.SubElement(header, qualified("note"), {"from": "course"})  # the one rule a CAT tool cannot check
        set_lang(market, locale(language))
        market.text = labels["xliff_market"]
        body = ET.SubElement(file, qualified("body"))
        for unit in in_file:
            _trans_unit(body, unit, language, labels, terms)
    _indent(document)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(document, encoding="utf-8",
                                                                      xml_declaration=False) + b"\n"


def _trans_unit(body: ET.Element, unit: Unit, language: str, labels: dict, terms: list) -> None:
    element = ET.SubElement(body, qualified("trans-unit"), id=unit.id)
    preserve_space(element)
    sent = segments(unit.source)
    fill(ET.SubElement(element, qualified("source")), sent)
    target = ET.SubElement(element, qualified("target"), state=STATES[unit.state])
    if unit.target is not None:
        fill(target, same_ids(segments(unit.target), sent))
    for text in notes(unit, labels, terms, sent):
        note = ET.SubElement(element, qualified("note"), {"from": "course"})
        set_lang(note, locale(language))
        note.text = text


def notes(unit: Unit, labels: dict, terms: list, sent: list) -> list[str]:
    context = unit.context
    where = [f"{labels['xliff_' + what]} “{name}”" for what, name in context.crumbs]
    found = [" › ".join([*where, context.field])]
    if context.speaker:
        found.append(labels[f"xliff_speaker_{context.speaker}"])
    if context.field in NARRATION:
        found.append(labels["xliff_narration"])
    if context.practice and context.field == "text":
        found.append(labels[f"xliff_practice_{context.practice}"])
    if context.model_answer:
        found.append(labels["xliff_certain"])
    text = "\n".join(unit.source) if isinstance(unit.source, tuple) else unit.source
    agreed = [f"{shown} = {translated}" for words, shown, translated in terms
              if any(word.lower() in text.lower() for word in words)]
    if agreed:
        found.append(labels["xliff_terms"].format(terms="; ".join(agreed)))
    if any(isinstance(tag, Tag) and tag.kind == "bpt" for tag in sent):
        found.append(labels["xliff_links"])
    if context.field == "reply" and isinstance(unit.source, tuple):
        found.append(labels["xliff_messages"].format(n=len(unit.source)))
    if context.field == "reply":
        found.append(labels["xliff_reply_length"])
    if "\n" in text:
        found.append(labels["xliff_markdown"])
    if unit.state == NEEDS_REVIEW:
        found.append(labels["xliff_changed"])
    return found


def _indent(element: ET.Element, level: int = 0) -> None:
    """Indent the file's structure only: whitespace inside a <source> or <target> would be text."""
    children = list(element)
    if element.tag not in _STRUCTURE or not children:
        return
    element.text = "\n" + "  " * (level + 1)
    for child in children:
        _indent(child, level + 1)
        child.tail = "\n" + "  " * (level + 1)
    children[-1].tail = "\n" + "  " * level
