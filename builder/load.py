"""Load a trainer's YAML file into plain data, remembering where every value stands.

Only the YAML *structure* is taken from PyYAML: every scalar stays the text
the trainer typed (PyYAML would turn `NO` into false, `1.10` into 1.1 and
`12:30` into 750), and the schema decides what type a field has. Anchors and
aliases are refused, so a few bytes cannot expand into gigabytes.

Mistakes that trip PyYAML with a misleading message (tabs, ideographic spaces,
full-width colons, GBK files) are found first, by line, with a message a
trainer can act on; the text is then repaired in memory so that the rest of
the file is still checked and every problem is reported at once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .errors import Problem, field_name

MAX_FILE_BYTES = 1024 * 1024

Path_ = tuple[str | int, ...]


@dataclass
class Loaded:
    """A file's data with the line and column (1-based) of each value and each key."""

    file: str
    data: object
    values: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path_, tuple[int, int]] = field(default_factory=dict)

    def position(self, path: Path_) -> tuple[int, int]:
        """Where `path` stands, or its nearest ancestor when it is missing."""
        for end in range(len(path), -1, -1):
            where = self.values.get(path[:end])
            if where:
                return where
        return (1, 1)


class _Refused(Exception):
    def __init__(self, mark: yaml.Mark, message: str):
        self.mark, self.message = mark, message


# libyaml's C parser where PyYAML was built with it: the pure-Python one spent most of a build
# parsing. Only its events are used; the data is built from them here, with every position,
# so anchors, aliases, duplicate keys and depth are judged the same way with either parser.
_PARSER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MAX_DEPTH = 200  # far deeper than a course file needs, far shallower than a stack overflow
_TOO_DEEP = "the YAML is nested too deeply to be a course file"
_REFUSED_ANCHOR = ("anchors and aliases ('&name', '*name') are not allowed in course files; "
                   "write the text out in full")


def load(path: Path, shown_as: str, known_keys: frozenset[str]) -> tuple[Loaded | None, list[Problem]]:
    """Read one YAML file; `shown_as` is how errors name it (relative to the project)."""
    raw = path.read_bytes()
    text, problems = _decode(raw, shown_as)
    if text is None:
        return None, problems
    text, repairs = _repair(text, shown_as, known_keys)
    loaded, parse_problems = _parse(text, shown_as)
    if repairs and loaded is None:
        # The repair guessed the indentation; a parse error now is more likely our guess than the trainer's.
        return None, repairs
    return loaded, repairs + parse_problems


def _decode(raw: bytes, shown_as: str) -> tuple[str | None, list[Problem]]:
    def problem(message: str, line: int = 1, column: int = 1):
        return None, [Problem(shown_as, line, column, "", message)]

    if len(raw) > MAX_FILE_BYTES:
        return problem(
            f"the file is {len(raw) / 1024 / 1024:.1f} MB; a course file must be under "
            f"{MAX_FILE_BYTES // 1024 // 1024} MB (a module is usually under 100 KB): is it the right file?"
        )
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return problem("the file is saved as UTF-16; save it again as UTF-8")
    if b"\x00" in raw:
        return problem("this is not a text file (it contains binary data); course files are UTF-8 text")
    try:
        return raw.decode("utf-8-sig").replace("\r\n", "\n"), []
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        return problem(_encoding_advice(raw), line, column)


def _encoding_advice(raw: bytes) -> str:
    try:
        raw.decode("gb18030")
    except UnicodeDecodeError:
        return "the file is not UTF-8 text; save it again with the encoding UTF-8"
    return (
        "the file is not UTF-8: it looks like it was saved as Chinese GBK/GB2312; "
        "save it again with the encoding UTF-8"
    )


_LEADING = re.compile(r"^[ \t\u3000]*")
_KEY_AFTER = re.compile(r"(?:-\s+)?[A-Za-z_][\w-]*\s*:|-\s")


def _repair(text: str, shown_as: str, known_keys: frozenset[str]) -> tuple[str, list[Problem]]:
    problems: list[Problem] = []
    lines = text.split("\n")
    fullwidth_key = re.compile(r"^(\s*(?:-\s+)?)(" + "|".join(sorted(known_keys)) + r")(\s*)：\s?")
    for number, line in enumerate(lines, start=1):
        lead = _LEADING.match(line).group()
        if "\t" in lead:
            problems.append(Problem(shown_as, number, lead.index("\t") + 1, "",
                                    "a tab is used for indentation; indent with spaces only"))
        if "\u3000" in lead and _KEY_AFTER.match(line[len(lead):]):
            problems.append(Problem(shown_as, number, lead.index("\u3000") + 1, "",
                                    "a full-width space (U+3000, from a Chinese input method) is used for "
                                    "indentation; indent with ordinary spaces"))
        if "\t" in lead or "\u3000" in lead:
            line = lead.replace("\t", "  ").replace("\u3000", "  ") + line[len(lead):]
        match = fullwidth_key.match(line)
        if match:
            problems.append(Problem(shown_as, number, match.end(3) + 1, match.group(2),
                                    "the key is followed by a full-width colon '：'; type an ordinary colon ':'"))
            line = fullwidth_key.sub(lambda m: f"{m.group(1)}{m.group(2)}: ", line, count=1)
        lines[number - 1] = line
    return "\n".join(lines), problems


def _parse(text: str, shown_as: str) -> tuple[Loaded | None, list[Problem]]:
    loaded = Loaded(shown_as, None)
    problems: list[Problem] = []
    try:
        found = _build(yaml.parse(text, Loader=_PARSER), loaded, problems)
    except _Refused as refused:
        return None, [_at(shown_as, refused.mark, refused.message)]
    except yaml.MarkedYAMLError as error:
        if "maximum nesting depth" in str(error.problem):  # libyaml 0.2.5 (PyYAML 6.0.4) stops deep nesting itself
            return None, [Problem(shown_as, 1, 1, "", _TOO_DEEP)]
        if error.context == "while scanning a quoted scalar":
            return None, [_at(shown_as, error.context_mark,
                              "a quoted text starts here but its closing quote is missing")]
        return None, [_at(shown_as, error.problem_mark or error.context_mark, _yaml_advice(error))]
    except yaml.YAMLError as error:
        return None, [Problem(shown_as, 1, 1, "", f"the YAML cannot be read: {error}")]
    if not found:
        return None, [Problem(shown_as, 1, 1, "", "the file is empty")]
    return loaded, problems


def _at(shown_as: str, mark: yaml.Mark | None, message: str) -> Problem:
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    return Problem(shown_as, line, column, "", message)


_YAML_ADVICE = {
    "mapping values are not allowed here": "a ':' stands where YAML does not expect one; "
    "if the text itself contains ': ', put the whole text in quotes",
    "could not find expected ':'": "a line is missing the ':' after its key, or a text goes on "
    "to the next line without being indented",
    "expected <block end>, but found": "this line is not indented like the lines around it",
    "found character '\\t' that cannot start any token": "a tab stands here; use spaces",
    "found undefined alias": "an alias ('*name') is used; write the text out in full",
    "expected ',' or '}'": "inside '{ … }' a comma, a '?' or a ': ' breaks a text; put the text "
    "in quotes, or write each language on its own line",
    "expected ',' or ']'": "inside '[ … ]' a comma, a '?' or a ': ' breaks an item; put the item "
    "in quotes, or write each item on its own line starting with '- '",
}


def _yaml_advice(error: yaml.MarkedYAMLError) -> str:
    problem = f"{error.problem or error.context}"
    for known, advice in _YAML_ADVICE.items():
        if problem.startswith(known):
            return f"the YAML cannot be read: {advice}"
    return f"the YAML cannot be read: {problem}"


class _Collection:
    """A mapping or list being built from the parser's events, with the key that awaits its value."""

    def __init__(self, value: dict | list, path: Path_, flow: bool):
        self.value, self.path, self.flow = value, path, flow
        self.key: str | None = None
        self.skip = 0  # >0 while inside a key that is not a single word: its events are dropped

    def place(self) -> Path_ | None:
        """The path of the next value here, or None when the next node is a mapping's key."""
        if isinstance(self.value, list):
            return self.path + (len(self.value),)
        return None if self.key is None else self.path + (self.key,)


def _build(events, loaded: Loaded, problems: list[Problem]) -> bool:
    """Fill `loaded` from the parser's events; False when the stream holds no document content."""
    stack: list[_Collection] = []
    found, documents = False, 0
    for event in events:
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise _Refused(event.start_mark, _REFUSED_ANCHOR)
        documents += isinstance(event, yaml.DocumentStartEvent)
        if documents > 1:
            raise _Refused(event.start_mark, "the YAML cannot be read: the file holds a second document ('---'); "
                           "a course file is one document")
        if isinstance(event, (yaml.ScalarEvent, yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            found = True
            if stack and stack[-1].skip:
                stack[-1].skip += not isinstance(event, yaml.ScalarEvent)
                continue
            if stack and stack[-1].flow and isinstance(event, yaml.ScalarEvent):
                _flow_question_mark(event, stack[-1])
            if stack and stack[-1].place() is None:
                _key(event, stack[-1], loaded, problems)
                continue
            if len(stack) >= MAX_DEPTH:
                raise _Refused(None, _TOO_DEEP)
            _value(event, stack, loaded)
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            if stack[-1].skip:
                stack[-1].skip -= 1
                continue
            done = stack.pop()
            if stack:
                _store(stack[-1], done.value)
            else:
                loaded.data = done.value
    return found


def _flow_question_mark(event, collection: _Collection) -> None:
    """A '?' in an unquoted text inside '{ … }' or '[ … ]': the pure-Python parser refuses it, libyaml keeps it.

    Refused here with either parser, so a file that checks on one machine checks on every machine.
    """
    at = event.value.find("?")
    if not event.style and at >= 0 and "\n" not in event.value[:at]:
        mark = event.start_mark
        closing = "}" if isinstance(collection.value, dict) else "]"
        raise _Refused(yaml.Mark(mark.name, mark.index + at, mark.line, mark.column + at, None, None),
                       "the YAML cannot be read: " + _YAML_ADVICE[f"expected ',' or '{closing}'"])


def _key(event, mapping: _Collection, loaded: Loaded, problems: list[Problem]) -> None:
    if not isinstance(event, yaml.ScalarEvent):
        problems.append(_at(loaded.file, event.start_mark, "a key must be a single word, like 'title'"))
        mapping.skip, mapping.key = 1, "\0skipped"
        return
    key, where = event.value, (event.start_mark.line + 1, event.start_mark.column + 1)
    if (mapping.path + (key,)) in loaded.keys:
        first = loaded.keys[mapping.path + (key,)][0]
        problems.append(Problem(loaded.file, *where, field_name(mapping.path + (key,)),
                                f"'{key}' appears twice here (first on line {first}); keep one"))
        mapping.key = "\0twice"
        return
    loaded.keys[mapping.path + (key,)] = where
    mapping.key = key


def _value(event, stack: list[_Collection], loaded: Loaded) -> None:
    path = stack[-1].place() if stack else ()
    loaded.values[path] = (event.start_mark.line + 1, event.start_mark.column + 1)
    if isinstance(event, yaml.ScalarEvent):
        if stack:
            _store(stack[-1], event.value)
        else:
            loaded.data = event.value
    else:
        stack.append(_Collection({} if isinstance(event, yaml.MappingStartEvent) else [], path, bool(event.flow_style)))


def _store(collection: _Collection, value: object) -> None:
    """Put a finished value in its place; a value under a refused or repeated key is dropped."""
    if isinstance(collection.value, list):
        collection.value.append(value)
    else:
        if not collection.key.startswith("\0"):
            collection.value[collection.key] = value
        collection.key = None
