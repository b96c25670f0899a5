"""XLIFF 1.2: the course's texts as a translator's CAT tool reads them, and back.

What a translator must not change is protected as inline tags, so a CAT tool
shows it as a tag and cannot break it: a Markdown link becomes `<bpt>[</bpt>
text <ept>](target)</ept>` (the words between the tags are translated, the
target is kept), and the chat messages of one role-play reply are separated by
`<x ctype="x-chat-message"/>`. Web addresses written out in a text are not
protected: each edition names its own market's sites. Reading a file back,
each tag is replaced by the code the course sent, never by what came back.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass

from .units import NEEDS_REVIEW, NEW, Text

NS = "urn:oasis:names:tc:xliff:document:1.2"
XML_NS = "http://www.w3.org/XML/1998/namespace"
STATES = {NEW: "new", NEEDS_REVIEW: "needs-review-translation", "translated": "translated"}
DONE = frozenset({"translated", "final", "signed-off"})  # XLIFF states that mean a translator finished the unit
# The languages as CAT tools expect them: Chinese must say which script and market.
LOCALES = {"zh": "zh-CN", "ko": "ko-KR", "bg": "bg-BG"}
MAX_MESSAGES = 3
MESSAGE = "x-chat-message"
_LINK = re.compile(r"\[([^\[\]\n]*)\]\(([^()\s]*)\)")

ET.register_namespace("", NS)


@dataclass(frozen=True)
class Tag:
    kind: str  # bpt, ept or x
    id: str
    code: str = ""  # the Markdown it stands for

    def __str__(self) -> str:
        shown = f' "{self.code}"' if self.code else ""
        return f'<{self.kind} id="{self.id}">{shown}'


Segment = str | Tag


def locale(language: str) -> str:
    return LOCALES.get(language, language)


def segments(text: Text) -> list[Segment]:
    """A text as words and tags."""
    found: list[Segment] = []
    links = 0
    for number, message in enumerate(text if isinstance(text, tuple) else (text,), start=1):
        if number > 1:
            found.append(Tag("x", f"m{number}"))
        start = 0
        for match in _LINK.finditer(message):
            links += 1
            found += [message[start:match.start()], Tag("bpt", str(links), "["), match.group(1),
                      Tag("ept", str(links), f"]({match.group(2)})")]
            start = match.end()
        found.append(message[start:])
    return [segment for segment in found if segment != ""]


def fill(element: ET.Element, found: list[Segment]) -> ET.Element:
    """Write words and tags into an XLIFF <source> or <target>."""
    last = None
    for segment in found:
        if isinstance(segment, str):
            if last is None:
                element.text = (element.text or "") + segment
            else:
                last.tail = (last.tail or "") + segment
            continue
        last = ET.SubElement(element, f"{{{NS}}}{segment.kind}", id=segment.id)
        if segment.kind == "x":
            last.set("ctype", MESSAGE)
            continue
        if segment.kind == "bpt":
            last.set("ctype", "link")
        last.text = segment.code
    return element


class Broken(ValueError):
    """A tag came back that the course did not send, or in a form it cannot take."""


def read_inline(element: ET.Element) -> list[Segment]:
    """Words and tags of a <source> or <target>; <mrk> marks that CAT tools add are looked through."""
    found: list[Segment] = [element.text or ""]
    for child in element:
        name = child.tag.split("}")[-1]
        if name == "mrk":
            found += read_inline(child)
        elif name in ("bpt", "ept", "x") and child.get("id"):
            found.append(Tag(name, child.get("id"), "".join(child.itertext())))
        else:
            raise Broken(f"the tag <{name}> was not in the text sent; keep only the tags of the source")
        found.append(child.tail or "")
    return [segment for segment in found if segment != ""]


def text_of(found: list[Segment], codes: dict[tuple[str, str], str] | None = None) -> Text:
    """The Markdown of words and tags: each tag's code taken from `codes` (the source's) when given."""
    messages, current = [], []
    for segment in found:
        if isinstance(segment, Tag) and segment.kind == "x":
            messages.append("".join(current))
            current = []
        elif isinstance(segment, Tag):
            current.append(codes[(segment.kind, segment.id)] if codes is not None else segment.code)
        else:
            current.append(segment)
    messages.append("".join(current))
    messages = [message.strip() for message in messages]
    return tuple(messages) if len(messages) > 1 else messages[0]


def tag_problems(target: list[Segment], source: list[Segment], reply: bool) -> list[str]:
    """What is wrong with the tags of a translation, against the text sent."""
    sent = {(tag.kind, tag.id): tag for tag in source if isinstance(tag, Tag) and tag.kind != "x"}
    problems, seen, places = [], Counter(), {}
    for place, tag in enumerate(segment for segment in target if isinstance(segment, Tag)):
        if tag.kind == "x" and reply:
            continue
        if (tag.kind, tag.id) not in sent:
            what = "a chat-message break" if tag.kind == "x" else f"the tag {tag}"
            problems.append(f"{what} was not in the text sent; keep only the tags of the source")
            continue
        seen[(tag.kind, tag.id)] += 1
        places.setdefault((tag.kind, tag.id), place)
    for key, tag in sent.items():
        partner = sent.get(("ept" if key[0] == "bpt" else "bpt", key[1]))
        if seen[key] == 0 and partner is not None and seen[(partner.kind, partner.id)]:
            # A translation may leave a link out, but not half of one: that would break the Markdown.
            problems.append(f"the tag {tag} is missing, but its partner {partner} is there; "
                            "keep both tags of a link, or leave the link out")
        elif seen[key] > 1:
            problems.append(f"the tag {tag} appears {seen[key]} times; keep it once")
    for (kind, tag_id), place in places.items():
        if kind == "ept" and place < places.get(("bpt", tag_id), -1):
            problems.append(f"the tag {sent[(kind, tag_id)]} stands before its opening tag "
                            f"{sent[('bpt', tag_id)]}; keep the link's words between its two tags")
    if not problems and reply:
        messages = text_of(target, {key: tag.code for key, tag in sent.items()})
        messages = messages if isinstance(messages, tuple) else (messages,)
        if len(messages) > MAX_MESSAGES or not all(messages):
            problems.append(f"a reply is 1 to {MAX_MESSAGES} chat messages, none of them empty; "
                            f"this one has {len(messages)}")
    return problems


def same_ids(found: list[Segment], sent: list[Segment]) -> list[Segment]:
    """A translation's link tags with the ids of the source's links to the same place.

    A link the translation has of its own, to a place the source does not link
    to, keeps its code under an id of its own (`t1` …), so that it comes back.
    """
    free = [tag for tag in sent if isinstance(tag, Tag) and tag.kind == "ept"]
    matched = {}
    for segment in found:
        if isinstance(segment, Tag) and segment.kind == "ept":
            twin = next((tag for tag in free if tag.code == segment.code), None)
            if twin is not None:
                free.remove(twin)
                matched[segment.id] = twin.id
    return [Tag(segment.kind, matched.get(segment.id, f"t{segment.id}"), segment.code)
            if isinstance(segment, Tag) and segment.kind in ("bpt", "ept") else segment for segment in found]


def codes_of(source: list[Segment]) -> dict[tuple[str, str], str]:
    return {(tag.kind, tag.id): tag.code for tag in source if isinstance(tag, Tag)}


def qualified(name: str) -> str:
    return f"{{{NS}}}{name}"


def set_lang(element: ET.Element, language: str) -> None:
    element.set(f"{{{XML_NS}}}lang", language)


def preserve_space(element: ET.Element) -> None:
    element.set(f"{{{XML_NS}}}space", "preserve")
