"""Broken course files, each a real file on disk, and the exact message a trainer gets.

The wording is part of the interface (as MkDocs tests its config errors): a
change to a message is a change a trainer sees, so it shows up here.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from builder import load

from builder.course import load_course
from builder.errors import CourseError

from .conftest import LANGUAGES

ZH = "content/zh/greeting.yaml"
KO = "content/ko/greeting.yaml"
BG = "content/bg/greeting.yaml"
QUIZ = "quizzes/size-question.yaml"
GLOSSARY = "content/glossary.yaml"


def edit(path: str, old: str, new: str, count: int = 1):
    def apply(course: Path) -> None:
        file = course / path
        text = file.read_text(encoding="utf-8")
        assert old in text, f"the fixture no longer has {old!r}"
        file.write_text(text.replace(old, new, count), encoding="utf-8")
    return apply


def write(path: str, data: bytes | str):
    def apply(course: Path) -> None:
        file = course / path
        file.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return apply


def gbk(course: Path) -> None:
    file = course / ZH
    file.write_bytes(file.read_text(encoding="utf-8").encode("gbk"))


def remove(path: str):
    return lambda course: (course / path).unlink()


CASES = [
    ("yaml-syntax", edit(ZH, "title: 问候顾客", 'title: "问候顾客'),
     [f"{ZH}:3:8: a quoted text starts here but its closing quote is missing"]),
    ("tab-indent", edit(ZH, "\n    title: 第一句回复", "\n\ttitle: 第一句回复"),
     [f"{ZH}:9:1: a tab is used for indentation; indent with spaces only"]),
    ("duplicate-key", edit(ZH, "order: 1\n", "order: 1\norder: 2\n"),
     [f"{ZH}:3:1: order: 'order' appears twice here (first on line 2); keep one"]),
    ("misspelt-key", edit(ZH, "summary:", "sumary:"),
     [f"{ZH}:2:1: summary: missing; add it: One or two sentences shown on the course home page.",
      f"{ZH}:4:1: sumary: unknown field 'sumary'; did you mean 'summary'?"]),
    ("unknown-key", edit(ZH, "order: 1\n", "order: 1\nauthor: 王老师\n"),
     [f"{ZH}:3:1: author: unknown field 'author'; the fields here are: order, title, summary, "
      "objectives, terms, sections, takeaways, translated_from"]),
    ("missing-field", edit(ZH, "takeaways:\n  - 每次对话都从问候开始。\n", ""),
     [f"{ZH}:2:1: takeaways: missing; add it: What to take away from the module."]),
    ("list-expected", edit(ZH, "objectives:\n  - 用亲切、专业的问候开始对话", "objectives: 用亲切、专业的问候开始对话"),
     [f"{ZH}:5:13: objectives: must be a list: put each item on its own line, starting with '- '"]),
    ("empty-text", edit(ZH, "title: 问候顾客", 'title: ""'),
     [f"{ZH}:3:8: title: is empty; write the text"]),
    ("empty-value", edit(ZH, "    title: 第一句回复", "    title:"),
     [f"{ZH}:9:11: sections[1].title: is empty; write the text"]),
    ("not-a-number", edit(ZH, "order: 1", "order: first"),
     [f"{ZH}:2:8: order: 'first' is not a whole number; write a number like 3"]),
    ("order-zero", edit(ZH, "order: 1", "order: 0"),
     [f"{ZH}:2:8: order: must be 1 or more"]),
    ("fullwidth-colon", edit(KO, "    title: 첫 답변", "    title：첫 답변"),
     [f"{KO}:9:10: title: the key is followed by a full-width colon '：'; type an ordinary colon ':'"]),
    ("ideographic-space", edit(ZH, "\n    body: |", "\n　　body: |"),
     [f"{ZH}:10:1: a full-width space (U+3000, from a Chinese input method) is used for indentation; "
      "indent with ordinary spaces"]),
    ("link-to-no-module", edit(ZH, "再回答问题。", "再回答问题（见[安抚](calming.md#vent)）。"),
     [f"{ZH}:10:11: sections[1].body: the link 'calming.md' goes to no module; the modules are: greeting"]),
    ("link-to-no-section", edit(ZH, "再回答问题。", "再回答问题（见[上文](greeting.md#first-replies)）。"),
     [f"{ZH}:10:11: sections[1].body: the link 'greeting.md#first-replies' goes to no section of "
      "'greeting'; its sections are: first-reply"]),
    ("gbk-file", gbk,
     [f"{ZH}:3:8: the file is not UTF-8: it looks like it was saved as Chinese GBK/GB2312; "
      "save it again with the encoding UTF-8"]),
    ("alias-bomb", write(ZH, 'a: &a ["x","x"]\nb: &b [*a,*a]\nc: [*b,*b]\n'),
     [f"{ZH}:1:4: anchors and aliases ('&name', '*name') are not allowed in course files; "
      "write the text out in full"]),
    ("bad-speaker", edit(ZH, "speaker: agent", "speaker: boss"),
     [f"{ZH}:19:22: sections[1].dialogues[1].lines[2].speaker: 'boss' is not allowed here; "
      "write one of: 'customer' or 'agent'"]),
    ("practice-without-why", edit(ZH, "            why: 太简短，顾客感觉不被重视。\n", ""),
     [f"{ZH}:19:13: sections[1].dialogues[1].lines[2]: a line marked as good or bad practice needs "
      "'why': say what makes it so"]),
    ("why-on-customer", edit(ZH, "            text: 在吗？这双鞋有 38 码吗？\n",
                             "            text: 在吗？这双鞋有 38 码吗？\n            why: 顾客很急\n"),
     [f"{ZH}:17:13: sections[1].dialogues[1].lines[1]: 'why' explains a line marked with "
      "'practice: good' or 'practice: bad'; add 'practice'"]),
    ("practice-on-customer", edit(ZH, "            text: 在吗？这双鞋有 38 码吗？\n",
                                  "            text: 在吗？这双鞋有 38 码吗？\n            practice: bad\n            why: 顾客很急\n"),
     [f"{ZH}:17:13: sections[1].dialogues[1].lines[1]: only the agent's lines are marked as good "
      "or bad practice, not the customer's"]),
    ("bad-section-id", edit(ZH, "id: first-reply", "id: First Reply"),
     [f"{ZH}:8:9: sections[1].id: 'First Reply' is not a valid id: use lowercase English words "
      "joined by hyphens, like 'expectation-gap'"]),
    ("javascript-link", edit(ZH, "**先问候**", "[点这里](javascript:alert(1))"),
     [f"{ZH}:10:11: sections[1].body: the link 'javascript:alert(1' is not allowed: links may point to "
      "web pages (http:// or https://), e-mail (mailto:) or pages of this course"]),
    ("one-line-dialogue", edit(ZH, "          - speaker: agent\n            text: 有。\n            practice: bad\n"
                                   "            why: 太简短，顾客感觉不被重视。\n", ""),
     [f"{ZH}:17:11: sections[1].dialogues[1].lines: needs at least 2 items"]),
    ("top-level-list", write(ZH, "- 问候顾客\n- 第一句回复\n"),
     [f"{ZH}:1:1: must be a set of fields ('key: value' lines)"]),
    ("empty-file", write(ZH, "# yaml-language-server: $schema=../module.schema.json\n"),
     [f"{ZH}:1:1: the file is empty"]),
    ("binary-garbage", write(ZH, bytes(range(256)) * 4),
     [f"{ZH}:1:1: this is not a text file (it contains binary data); course files are UTF-8 text"]),
    ("utf16-file", lambda c: (c / ZH).write_bytes((c / ZH).read_text(encoding="utf-8").encode("utf-16")),
     [f"{ZH}:1:1: the file is saved as UTF-16; save it again as UTF-8"]),
    ("ten-megabytes", write(ZH, "title: " + "长" * (3_500_000) + "\n"),
     [f"{ZH}:1:1: the file is 10.0 MB; a course file must be under 1 MB (a module is usually under "
      "100 KB): is it the right file?"]),
    ("deep-nesting", write(ZH, "a: " + "[" * 50_000 + "]" * 50_000 + "\n"),
     [f"{ZH}:1:1: the YAML is nested too deeply to be a course file"]),
    ("bad-file-name", lambda c: (c / ZH).rename(c / "content/zh/Greeting Page.yaml"),
     [f"{BG}:1:1: there is no module 'greeting' in the source language 'zh'; rename this file to the id "
      "of an existing module or add the module there first",
      f"{KO}:1:1: there is no module 'greeting' in the source language 'zh'; rename this file to the id "
      "of an existing module or add the module there first",
      "content/zh/Greeting Page.yaml:1:1: 'Greeting Page' is not a valid module id: name the file in "
      "lowercase English words joined by hyphens, like 'why-customers-complain.yaml'"]),
    ("yml-extension", lambda c: (c / BG).rename(c / "content/bg/greeting.yml"),
     [f"{BG}:1:1: the module 'greeting' exists in 'zh' ({ZH}) but not in 'bg': write this file",
      "content/bg/greeting.yml:1:1: rename the file to end in '.yaml'"]),
    ("missing-module", remove(BG),
     [f"{BG}:1:1: the module 'greeting' exists in 'zh' ({ZH}) but not in 'bg': write this file"]),
    ("missing-language", lambda c: [p.unlink() for p in (c / "content/ko").iterdir()] and (c / "content/ko").rmdir(),
     ["content/ko:1:1: the folder of the language 'ko' is missing"]),
    ("missing-section", edit(KO, "  - id: first-reply", "  - id: first-answer"),
     [f"{KO}:8:3: sections: the section 'first-reply' of 'zh' is missing in 'ko'",
      f"{KO}:8:9: sections[1].id: there is no section 'first-answer' in 'zh'; section ids are the same "
      "in every language"]),
    ("key-point-count", edit(BG, "      - Първо поздрав, после решение\n",
                             "      - Първо поздрав, после решение\n      - Бъдете кратки\n"),
     [f"{BG}:13:7: sections[1].key_points: has 2 key points but 'zh' has 1; every language teaches "
      "the same points"]),
    ("mark-differs", edit(KO, "            practice: bad", "            practice: good"),
     [f"{KO}:19:13: sections[1].dialogues[1].lines[2]: is marked 'good' but 'bad' in 'zh'"]),
    ("order-differs", edit(BG, "order: 1", "order: 2"),
     [f"{BG}:2:8: order: is 2 but 1 in 'zh'"]),
    ("yes-no-stay-text", edit(ZH, "title: 问候顾客", "title: NO"), []),
    # Role-play scenarios: the same loader, schema and wording, plus the branching checks.
    ("choice-leads-nowhere", edit(QUIZ, "next: delivery", "next: delivry"),
     [f"{QUIZ}:41:15: turns[1].choices[1].next: leads to 'delivry', which is neither a turn nor an ending here; did you mean 'delivery'?"]),
    ("turn-unreachable", edit(QUIZ, "next: cold-reply", "next: delivery"),
     [f"{QUIZ}:96:9: turns[3].id: no choice leads to the turn 'cold-reply', so no learner can reach it; lead a choice to it or remove it",
      f"{QUIZ}:142:9: endings[2].id: no choice leads to the ending 'left', so no learner can reach it; lead a choice to it or remove it"]),
    ("loop", edit(QUIZ, "        next: ordered\n", "        next: opening\n", 2),
     [f"{QUIZ}:79:15: turns[2].choices[1].next: leads back to 'opening' and makes a loop (opening → delivery → opening); a scenario must move on: lead the reply to a new, harder turn or to an ending",
      f"{QUIZ}:95:15: turns[2].choices[2].next: leads back to 'opening' and makes a loop (opening → delivery → opening); a scenario must move on: lead the reply to a new, harder turn or to an ending",
      f"{QUIZ}:135:9: endings[1].id: no choice leads to the ending 'ordered', so no learner can reach it; lead a choice to it or remove it"]),
    ("two-best-choices", edit(QUIZ, "points: 3", "points: 10"),
     [f'{QUIZ}:64:7: turns[2].choices: more than one choice has the most points (10); give the one best reply more points than the others']),
    ("text-missing-a-language", edit(QUIZ, "    bg: Клиентката разглежда чифт маратонки и още не е поръчала.\n", ""),
     [f"{QUIZ}:15:5: customer.situation: has no text in 'bg'; add a line 'bg: …' with the text in that language"]),
    ("text-in-unknown-language", edit(QUIZ, "  bg: Въпрос за размер\n", "  bg: Въпрос за размер\n  fr: Taille\n"),
     [f"{QUIZ}:8:7: title.fr: 'fr' is not a language of this site (zh, ko, bg); remove the line or add the language to mkdocs.yml"]),
    ("teaches-unknown-section", edit(QUIZ, "teaches: greeting#first-reply", "teaches: greeting#last-reply"),
     [f"{QUIZ}:38:18: turns[1].choices[1].teaches: the module 'greeting' has no section 'last-reply'; its sections are: first-reply"]),
    ("scenario-unknown-module", edit(QUIZ, "module: greeting", "module: greetings"),
     [f"{QUIZ}:2:9: module: there is no module 'greetings'; the modules are: greeting"]),
    ("customer-type-not-a-reference", edit(QUIZ, "type: greeting#first-reply", "type: impatient"),
     [f"{QUIZ}:13:9: customer.type: 'impatient' does not name a section: write module-id#section-id, like 'customer-types#urgency'"]),
    ("one-choice-only", edit(QUIZ, "      - reply:\n          zh: 有的，", "      - rply:\n          zh: 有的，"),
     [f"{QUIZ}:42:9: turns[1].choices[2].reply: missing; add it: The agent's reply the learner can pick, in every language: one text, or a list of 1 to 3 texts sent as separate chat messages.",
      f"{QUIZ}:42:9: turns[1].choices[2].rply: unknown field 'rply'; did you mean 'reply'?"]),
    ("mood-out-of-range", edit(QUIZ, "mood: 2", "mood: 7"),
     [f'{QUIZ}:18:7: mood: must be 4 or less']),
    ("points-out-of-range", edit(QUIZ, "points: 2", "points: 20"),
     [f'{QUIZ}:55:17: turns[1].choices[2].points: must be 10 or less']),
    ("duplicate-turn-id", edit(QUIZ, "  - id: cold-reply", "  - id: delivery"),
     [f"{QUIZ}:96:9: turns[3].id: 'delivery' is also the id of turns[2]; give each turn and ending its own id"]),
    ("detour-scores-more", edit(QUIZ, "points: 7", "points: 9"),
     [f'{QUIZ}:20:3: turns: picking the best reply in every turn scores 20, but a path through poorer replies scores 21; give the replies on the way back from a harder turn fewer points']),
    ("slip-scores-full-marks", edit(QUIZ, "points: 7", "points: 8"),
     [f"{QUIZ}:55:17: turns[1].choices[2].points: a path through this poorer reply still scores 20 of 20, so a "
      "learner who picks it gets full marks; give it or the replies on the way back fewer points"]),
    ("byte-order-mark", lambda c: (c / ZH).write_bytes(b"\xef\xbb\xbf" + (c / ZH).read_bytes()), []),
    ("windows-line-endings", lambda c: (c / QUIZ).write_bytes((c / QUIZ).read_bytes().replace(b"\n", b"\r\n")), []),
    ("javascript-link-in-scenario", edit(QUIZ, "zh: 先问候，再回答。", "zh: '[看这里](javascript:alert(1))'"),
     [QUIZ + ":51:15: turns[1].choices[2].note.zh: the link 'javascript:alert(1' is not allowed: links may point "
      "to web pages (http:// or https://), e-mail (mailto:) or pages of this course"]),
    # The glossary, and the modules that list its terms.
    ("unknown-term", edit(KO, "terms: [greeting]", "terms: [greeting, refund]"),
     ["content/ko/greeting.yaml:33:19: terms[2]: there is no term 'refund' in content/glossary.yaml; add it there or remove it here"]),
    ("term-not-used", edit(GLOSSARY, "      zh: 问候\n", "      zh: 寒暄\n"),
     ["content/zh/greeting.yaml:33:9: terms[1]: the module lists the term 'greeting' but never uses '寒暄'; use the glossary's word or remove it from 'terms'"]),
    ("term-without-a-language", edit(GLOSSARY, "      ko: 대화를 시작할 때 건네는 첫 친절한 말.\n", ""),
     ["content/glossary.yaml:11:7: terms[1].definition: has no text in 'ko'; add a line 'ko: …' with the text in that language"]),
    ("two-terms-one-id", edit(GLOSSARY, "terms:\n", "terms:\n  - id: greeting\n    term: {zh: 问候, ko: 인사, bg: поздрав}\n"
                              "    definition: {zh: 问候。, ko: 인사., bg: Поздрав.}\n"),
     ["content/glossary.yaml:3:3: terms: two terms have the id 'greeting'; give each term its own id"]),
    ("flow-style-question-mark", edit(QUIZ, "title:\n  zh: 尺码咨询\n  ko: 사이즈 문의\n  bg: Въпрос за размер",
                                      "title: {zh: 尺码咨询, ko: 사이즈 문의?, bg: Въпрос за размер}"),
     [QUIZ + ":4:29: the YAML cannot be read: inside '{ … }' a comma, a '?' or a ': ' breaks a text; put the text in quotes, or write each language on its own line"]),
    ("flow-style-comma", edit(QUIZ, "title:\n  zh: 尺码咨询\n  ko: 사이즈 문의\n  bg: Въпрос за размер",
                              "title: {zh: 尺码咨询, ko: 사이즈, 문의, bg: Въпрос за размер}"),
     [f"{QUIZ}:4:28: title.문의: '문의' is not a language code like 'zh'; if it is part of a text, write each language's text on its own line",
      f'{QUIZ}:4:30: title.문의: is empty; write the text']),
]


PARSERS = [yaml.SafeLoader] + ([yaml.CSafeLoader] if yaml.__with_libyaml__ else [])


@pytest.fixture(params=PARSERS, ids=lambda parser: parser.__name__)
def parser(request, monkeypatch):
    """Each case with the pure-Python parser and with libyaml's: a trainer gets one answer on any machine."""
    monkeypatch.setattr(load, "_PARSER", request.param)


@pytest.mark.parametrize("name, breakage, expected", CASES, ids=[case[0] for case in CASES])
def test_bad_input_is_reported_precisely(course_dir: Path, parser, name, breakage, expected):
    breakage(course_dir)
    if expected == []:
        load_course(course_dir, LANGUAGES)
        return
    with pytest.raises(CourseError) as raised:
        load_course(course_dir, LANGUAGES)
    problems = [str(problem) for problem in raised.value.problems]
    if expected is None:
        pytest.fail("\n".join(problems))
    assert problems == expected
