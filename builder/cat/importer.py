"""`course translations import FILE`: a translator's XLIFF file back into the course.

The whole file is checked first, and nothing is written unless all of it is
sound: it is XLIFF 1.2, from the course's source language into one of its
translated languages; every unit still exists; its Chinese source is still
the one that was sent (a unit whose source changed since the export is
refused as stale: its translation is of a text the course no longer has);
its tags are the ones sent. Then the translations go into the YAML files,
the record of what each was translated from is updated, and a module or
scenario whose every text is now translated from today's source is marked
current.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from ..translations import mark_reviewed
from .record import read_record, write_record
from .units import TRANSLATED, Text, Unit, course_units, source_fingerprint
from .writeback import Document, Placement, describe, new_document, place, untranslated
from .xliff import DONE, Broken, Tag, codes_of, qualified, read_inline, same_ids, segments, tag_problems, text_of


class ImportRefused(Exception):
    """The file cannot be imported; carries every reason, each naming the unit concerned."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass
class Imported:
    language: str
    written: list[str] = field(default_factory=list)  # the YAML files changed
    texts: int = 0  # translations written
    confirmed: int = 0  # translations kept as they were, now marked reviewed
    left: int = 0  # units that came back without a (finished) translation
    current: list[str] = field(default_factory=list)  # modules and scenarios now current


def import_translation(root: Path, languages: tuple[str, ...], file: Path) -> Imported:
    shown = file.name
    document = _parse(file, shown)
    language = _language(document, languages, shown)
    units = {unit.key: unit for unit in course_units(root, languages, language)}
    changes, confirmed, left, problems = {}, set(), 0, []
    for original, element in _trans_units(document):
        key = f"{original}#{element.get('id')}"
        where = f"{shown}: unit '{key}'"
        unit = units.get(key)
        if unit is None:
            problems.append(f"{where}: there is no such text in the course (any more); export again")
            continue
        if key in changes or key in confirmed:
            problems.append(f"{where}: appears twice in the file; keep one")
            continue
        try:
            outcome = _judge(unit, element)
        except Broken as broken:
            problems.append(f"{where}: {broken}")
            continue
        if outcome is None:
            left += 1
        elif outcome is True:
            confirmed.add(key)
        else:
            changes[key] = outcome
    if problems:
        raise ImportRefused(problems)
    documents = _place_all(root, languages, [units[key] for key in changes], changes, set(changes) | confirmed,
                           list(units.values()), shown)
    for target in documents.values():
        target.save()
    result = Imported(language, sorted(documents), len(changes), len(confirmed), left)
    _remember(root, languages, language, list(units.values()), set(changes) | confirmed, result)
    return result


def remember_reviewed(root: Path, languages: tuple[str, ...], language: str, item_ids: list[str]) -> None:
    """After `--reviewed`: every text of these items is now translated from today's source."""
    units = [unit for unit in course_units(root, languages, language) if unit.item[1] in item_ids]
    write_record(root, language, _whole(read_record(root, language), units))


def _whole(record: dict[str, str], units: list[Unit]) -> dict[str, str]:
    """The record with these items' every text translated from today's source, and their removed texts gone."""
    files = {unit.original for unit in units}
    kept = {key: value for key, value in record.items() if key.split("#")[0] not in files}
    return kept | {unit.key: source_fingerprint(unit.source) for unit in units if unit.target is not None}


def _parse(file: Path, shown: str) -> ET.Element:
    try:
        document = ET.parse(file).getroot()
    except ET.ParseError as error:
        raise ImportRefused([f"{shown}: this is not an XLIFF file: the XML cannot be read ({error})"]) from None
    except OSError as error:
        raise ImportRefused([f"{shown}: the file cannot be read ({error.strerror})"]) from None
    if document.tag != qualified("xliff") or document.get("version") != "1.2":
        raise ImportRefused([f"{shown}: this is not an XLIFF 1.2 file (its root is <{document.tag.split('}')[-1]}"
                             f"{' version=' + repr(document.get('version')) if document.get('version') else ''}>); "
                             "send the translator the file `course translations export` wrote"])
    return document


def _language(document: ET.Element, languages: tuple[str, ...], shown: str) -> str:
    files = document.findall(qualified("file"))
    if not files:
        raise ImportRefused([f"{shown}: the file has no <file> with texts in it"])
    sources = {(file.get("source-language") or "").split("-")[0].lower() for file in files}
    targets = {(file.get("target-language") or "").split("-")[0].lower() for file in files}
    problems = []
    if sources != {languages[0]}:
        problems.append(f"{shown}: the texts are translated from '{', '.join(sorted(sources))}', "
                        f"but the course is written in '{languages[0]}'")
    if len(targets) != 1:
        problems.append(f"{shown}: the file mixes the languages {', '.join(sorted(targets))}; "
                        "import one language at a time")
    elif not targets <= set(languages[1:]):
        problems.append(f"{shown}: the file is a translation into '{next(iter(targets)) or '(none)'}', "
                        f"which is not a translated language of this site ({', '.join(languages[1:])})")
    if problems:
        raise ImportRefused(problems)
    return next(iter(targets))


def _trans_units(document: ET.Element):
    for file in document.iter(qualified("file")):
        for element in file.iter(qualified("trans-unit")):
            yield file.get("original", ""), element


def _judge(unit: Unit, element: ET.Element) -> Text | bool | None:
    """The new translation, True for one kept as it was and reviewed, None for one not done yet."""
    source, target = element.find(qualified("source")), element.find(qualified("target"))
    if source is None:
        raise Broken("it has no <source>; the file is damaged")
    sent = read_inline(source)
    if text_of(sent) != unit.source:
        raise Broken("the Chinese text changed since this file was exported, so this translation is stale; "
                     "export again and translate the new text")
    if target is None or not "".join(target.itertext()).strip():
        return None
    found = read_inline(target)
    own = [tag for tag in same_ids(segments(unit.target), sent)
           if isinstance(tag, Tag) and tag.id.startswith("t")] if unit.target else []
    problems = tag_problems(found, sent + own, reply=unit.context.field == "reply")
    if problems:
        raise Broken("; ".join(problems))
    translation = text_of(found, codes_of(sent + own))
    if translation != unit.target:
        return translation
    return True if target.get("state") in DONE else None


def _place_all(root: Path, languages: tuple[str, ...], changed: list[Unit], changes: dict[str, Text],
               done: set[str], every: list[Unit], shown: str) -> dict[str, Document]:
    documents: dict[str, Document] = {}
    sources: dict[str, Document] = {}
    problems = []
    for unit in changed:
        if unit.target_file not in documents:
            source = sources.setdefault(unit.original, Document(root / unit.original))
            path = root / unit.target_file
            documents[unit.target_file] = Document(path) if path.is_file() else new_document(path, source)
        try:
            source = sources[unit.original] if unit.target_file != unit.original else None
            place(documents[unit.target_file], unit, changes[unit.key], source, languages)
        except Placement as placement:
            problems.append(f"{shown}: unit '{unit.key}': {placement}")
    for file, document in documents.items():
        in_file = [unit for unit in every if unit.target_file == file]
        for graft, missing in untranslated(document, in_file, done).items():
            problems.append(f"{shown}: {file}: {describe(graft)} is new in this language, so every text of it "
                            f"must be translated in the same file; not translated: {', '.join(missing)}")
    if problems:
        raise ImportRefused(problems)
    return documents


def _remember(root: Path, languages: tuple[str, ...], language: str, every: list[Unit], done: set[str],
              result: Imported) -> None:
    """Record what each text was translated from; mark current what is now wholly up to date."""
    record = read_record(root, language)
    touched = {unit.item for unit in every if unit.key in done}
    for item in sorted(touched):
        units = [unit for unit in every if unit.item == item]
        whole = all(unit.key in done or unit.state == TRANSLATED for unit in units)
        if whole:
            record = _whole(record, units)
        record |= {unit.key: source_fingerprint(unit.source) for unit in units if unit.key in done}
        if whole and item[0] != "glossary" and not all(unit.settled for unit in units):
            try:
                mark_reviewed(root, languages, language, item[1])
                result.current.append(item[1])
            except ValueError:
                pass  # the source has problems of its own; the course check that follows names them
    write_record(root, language, record)
