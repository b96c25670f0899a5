"""Sending the course to a translator and taking it back: XLIFF 1.2 out, XLIFF in, the glossary as TBX.

Run for real with the `course` command, on copies of the real course and of the fixture course; the
files are checked against the OASIS XLIFF 1.2 strict schema and read with translate-toolkit, a
translation tool's own library.
"""

from __future__ import annotations

import hashlib
import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
import yaml

from builder import translations
from builder.cat.writeback import Document
from builder.cat.xliff import qualified

from .conftest import FIXTURE, ROOT, copy_real_course, make_course
from .test_cli import course, replace

XLIFF_SCHEMAS = Path(__file__).parent / "fixtures" / "xliff12"
WHY = "content/zh/why-customers-complain.yaml"
WHY_KO = "content/ko/why-customers-complain.yaml"


def xliff_schema():
    etree = pytest.importorskip("lxml.etree")

    class Local(etree.Resolver):
        """The schema imports xml.xsd from w3.org; the tests read the copy beside it and ask no host."""

        def resolve(self, url, public_id, context):
            if url.endswith("/xml.xsd"):
                return self.resolve_filename(str(XLIFF_SCHEMAS / "xml.xsd"), context)
            return None

    parser = etree.XMLParser(no_network=True)
    parser.resolvers.add(Local())
    return etree.XMLSchema(etree.parse(str(XLIFF_SCHEMAS / "xliff-core-1.2-strict.xsd"), parser))


def assert_strict_xliff(path: Path) -> None:
    etree = pytest.importorskip("lxml.etree")
    schema = xliff_schema()
    assert schema.validate(etree.parse(str(path))), schema.error_log


def read_units(path: Path) -> dict:
    """The file as translate-toolkit reads it: {file#id: unit}."""
    xliff = pytest.importorskip("translate.storage.xliff")
    store = xliff.xlifffile.parsefile(str(path))
    return {unit.getid().replace("\x04", "#"): unit for unit in store.units if not unit.isheader()}


def glossary_term(term_id: str) -> dict[str, str]:
    terms = yaml.safe_load((ROOT / "content/glossary.yaml").read_text(encoding="utf-8"))["terms"]
    return next(term["term"] for term in terms if term["id"] == term_id)


def snapshot(folder: Path) -> dict[str, str]:
    return {path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(folder.rglob("*")) if path.is_file() and "out" not in path.relative_to(folder).parts}


def translate_in_file(path: Path, old: str, new: str) -> None:
    """What a translator's tool does: a new target, marked translated."""
    text = path.read_text(encoding="utf-8")
    assert old in text
    text = text.replace(old, new, 1).replace('state="needs-review-translation"', 'state="translated"')
    path.write_text(text, encoding="utf-8")


def current_course(folder: Path) -> Path:
    """A copy of the real course whose translations are all current, as after a translator's last delivery."""
    copy_real_course(folder)
    table = course(folder, "translations").stdout.splitlines()[1:]
    for language, column in (("ko", 2), ("bg", 3)):
        behind = [row.split()[1] for row in table if len(row.split()) > 3 and row.split()[column] == "stale"]
        if behind:
            assert course(folder, "translations", "--reviewed", language, *behind).returncode == 0
    return folder


@pytest.fixture(scope="module")
def real_course(tmp_path_factory) -> Path:
    return copy_real_course(tmp_path_factory.mktemp("exchange") / "course")


def test_round_trip_sends_only_the_changed_text_and_writes_only_its_translation(tmp_path):
    folder = current_course(tmp_path / "course")
    first = course(folder, "translations", "export", "ko", "--only", "all", "out")
    assert first.returncode == 0, first.stderr
    everything = read_units(folder / "out/course-ko.xlf")
    assert {unit.xmlelement.find("{*}target").get("state") for unit in everything.values()} == {"translated"}

    zh = yaml.safe_load((folder / WHY).read_text(encoding="utf-8"))
    first_section, second_section = zh["sections"][0]["id"], zh["sections"][1]["id"]
    last_line = zh["sections"][0]["body"].rstrip().splitlines()[-1]
    replace(folder, WHY, f"      {last_line}\n", f"      {last_line}这一点很重要。\n")
    replace(folder, WHY_KO, f"  - id: {second_section}\n", f"  # 검토: 윤 편집자, 12월\n  - id: {second_section}\n")
    before = (folder / WHY_KO).read_text(encoding="utf-8")
    assert course(folder, "translations", "export", "ko", "--only", "missing", "out").stdout.startswith(
        "Nothing to send: no 'ko' text is missing; to send every text, add --only all.")
    again = course(folder, "translations", "export", "ko", "--only", "stale", "out")
    assert again.returncode == 0, again.stderr
    assert again.stdout.splitlines()[0] == "wrote out/course-ko.xlf: 1 text (0 new, 1 to review, 0 translated)"
    sent = read_units(folder / "out/course-ko.xlf")
    body = f"{WHY}#sections/{first_section}/body"
    assert list(sent) == [body]
    assert sent[body].xmlelement.find("{*}target").get("state") == "needs-review-translation"
    assert sent[body].source.endswith("这一点很重要。")
    assert_strict_xliff(folder / "out/course-ko.xlf")

    translate_in_file(folder / "out/course-ko.xlf", "</target>", " 이 점이 중요합니다.</target>")
    imported = course(folder, "translations", "import", "out/course-ko.xlf")
    assert imported.returncode == 0, imported.stderr
    assert imported.stdout.splitlines()[:3] == [
        "imported course-ko.xlf into 'ko': 1 text written, 0 kept as reviewed, 0 not translated yet",
        f"changed {WHY_KO}", "now current: why-customers-complain"]
    assert imported.stdout.splitlines()[-1].startswith("The course is ready: ")  # after the check's figures
    after = (folder / WHY_KO).read_text(encoding="utf-8")
    assert len(before.splitlines()) == len(after.splitlines())
    changed = [(old, new) for old, new in zip(before.splitlines(), after.splitlines()) if old != new]
    assert [new for _, new in changed][0] == changed[0][0] + " 이 점이 중요합니다."  # the body's last line
    assert [new.split(":")[0] for _, new in changed[1:]] == ["translated_from"]
    assert "  # 검토: 윤 편집자, 12월\n" in after and after.startswith("# yaml-language-server:")
    table = course(folder, "translations").stdout
    assert re.search(r"module +why-customers-complain +current +stale", table), table
    assert course(folder, "translations", "export", "ko", "out").stdout.startswith("Nothing to send")


def test_a_file_sent_back_as_it_went_changes_no_text(tmp_path):
    folder = current_course(tmp_path / "course")
    assert course(folder, "translations", "export", "bg", "--only", "all", "out").returncode == 0
    before = snapshot(folder / "content") | snapshot(folder / "quizzes")
    result = course(folder, "translations", "import", "out/course-bg.xlf")
    assert result.returncode == 0, result.stderr
    assert re.match(r"imported course-bg.xlf into 'bg': 0 texts written, \d{4} kept as reviewed, 0 not translated yet\n",
                    result.stdout), result.stdout
    assert snapshot(folder / "content") | snapshot(folder / "quizzes") == before


@pytest.mark.parametrize("language", ["ko", "bg"])
def test_the_whole_course_exports_as_strict_xliff_that_a_translation_tool_reads(real_course, tmp_path, language):
    result = course(real_course, "translations", "export", language, "--only", "all", str(tmp_path))
    assert result.returncode == 0, result.stderr
    path = tmp_path / f"course-{language}.xlf"
    assert_strict_xliff(path)
    units = read_units(path)
    count = int(re.search(r": (\d+) texts", result.stdout).group(1))
    assert len(units) == count > 2000
    # The file's header tells the translator to write for the market, not word for word.
    header_note = ElementTree.parse(path).find(f".//{qualified('header')}/{qualified('note')}").text
    assert {"ko": "전자상거래법", "bg": "наложен платеж"}[language] in header_note
    # A dialogue line: its text, where it stands and who speaks, as the YAML has them.
    module = yaml.safe_load((real_course / WHY).read_text(encoding="utf-8"))
    section = module["sections"][1]
    line = section["dialogues"][0]["lines"][1]
    unit = units[f"{WHY}#sections/{section['id']}/dialogues/1/lines/2/text"]
    assert unit.source == line["text"].strip()
    notes = unit.getnotes()
    assert module["title"] in notes and section["title"] in notes
    speaker = {("ko", "agent"): "말하는 사람: 상담원", ("ko", "customer"): "말하는 사람: 고객",
               ("bg", "agent"): "Говори консултантът", ("bg", "customer"): "Говори клиентът"}
    assert speaker[(language, line["speaker"])] in notes
    # The replies of a turn: the translation beside the source, and the best one bound by the certain-words rule.
    scenario = yaml.safe_load((real_course / "quizzes/calm-call-back.yaml").read_text(encoding="utf-8"))
    turn = scenario["turns"][0]
    best = max(range(len(turn["choices"])), key=lambda index: int(turn["choices"][index]["points"]))
    other = (best + 1) % len(turn["choices"])
    replies = [units[f"quizzes/calm-call-back.yaml#turns/{turn['id']}/choices/{index + 1}/reply"]
               for index in range(len(turn["choices"]))]
    translated = turn["choices"][best]["reply"][language]
    messages = [translated] if isinstance(translated, str) else translated
    assert replies[best].target == "".join(message.strip() for message in messages)  # <x/> between messages
    assert {"ko": "같은 단계의 답변들은 길이를", "bg": "Отговорите в една стъпка"}[language] in replies[best].getnotes()
    certain = {"ko": "확실함을 장담하는 말(무조건, 반드시,", "bg": "без думи, които обещават сигурност (гарантирано,"}
    assert certain[language] in replies[best].getnotes()
    assert certain[language] not in replies[other].getnotes()
    refund = glossary_term("refund")
    used = next(unit for key, unit in units.items() if refund["zh"] in unit.source and "glossary" not in key)
    assert f"{refund['zh']} = {refund[language]}" in used.getnotes()


def test_a_link_target_is_a_tag_the_translator_cannot_break(real_course, tmp_path):
    assert course(real_course, "translations", "export", "ko", "--only", "all", str(tmp_path)).returncode == 0
    linked = [unit for unit in read_units(tmp_path / "course-ko.xlf").values()
              if unit.xmlelement.find("{*}source/{*}bpt") is not None]
    assert len(linked) > 10
    for unit in linked:
        source = unit.xmlelement.find("{*}source")
        opening, closing = source.find("{*}bpt"), source.find("{*}ept")
        assert (opening.get("id"), opening.text) == (closing.get("id"), "[")
        assert re.fullmatch(r"\]\([a-z0-9-]+\.md#[a-z0-9-]+\)", closing.text), closing.text
        # translate-toolkit, like a CAT tool, sees the link's code as placeables, apart from the words
        placeables = [(type(part).__name__, str(part)) for part in unit.rich_source[0].sub]
        assert ("UnknownXML", "[") in placeables and ("UnknownXML", closing.text) in placeables


def test_the_glossary_goes_as_tbx_with_every_language(real_course, tmp_path):
    tbx = pytest.importorskip("translate.storage.tbx")
    assert course(real_course, "translations", "export", "bg", str(tmp_path)).returncode == 0
    store = tbx.tbxfile.parsefile(str(tmp_path / "glossary.tbx"))
    terms = {unit.getid(): (unit.source, unit.target) for unit in store.units}
    refund = glossary_term("refund")
    assert terms["refund"] == (refund["zh"], refund["ko"])  # the first two languages, as translate-toolkit reads TBX
    text = (tmp_path / "glossary.tbx").read_text(encoding="utf-8")
    assert '<langSet xml:lang="bg-BG">' in text and f"<term>{refund['bg']}</term>" in text
    assert len(terms) == len(yaml.safe_load((ROOT / "content/glossary.yaml").read_text(encoding="utf-8"))["terms"])


@pytest.fixture
def sent(tmp_path) -> tuple[Path, Path]:
    """The fixture course, a link in its greeting, and every Korean text exported."""
    folder = make_course(tmp_path / "course")
    for language, words in (("zh", "先问候"), ("ko", "먼저 인사"), ("bg", "първо поздравете")):
        replace(folder, f"content/{language}/greeting.yaml", f"**{words}**", f"[**{words}**](greeting.md#first-reply)")
    result = course(folder, "translations", "export", "ko", "--only", "all", "out")
    assert result.returncode == 0, result.stderr
    return folder, folder / "out/course-ko.xlf"


BODY = "content/zh/greeting.yaml#sections/first-reply/body"


@pytest.mark.parametrize("change, message", [
    (lambda text: text.replace('target-language="ko-KR"', 'target-language="fr-FR"'),
     "course-ko.xlf: the file is a translation into 'fr', which is not a translated language of this site (ko, bg)"),
    (lambda text: text.replace('id="sections/first-reply/body"', 'id="sections/last-reply/body"'),
     "course-ko.xlf: unit 'content/zh/greeting.yaml#sections/last-reply/body': there is no such text in the course "
     "(any more); export again"),
    (lambda text: re.sub(r'(<target state="[^"]*">[^<]*)<bpt id="1" ctype="link">\[</bpt>', r"\1", text, count=1),
     f"course-ko.xlf: unit '{BODY}': the tag <bpt id=\"1\"> \"[\" is missing, but its partner <ept id=\"1\"> "
     "\"](greeting.md#first-reply)\" is there; keep both tags of a link, or leave the link out"),
    (lambda text: text.replace("顾客进店咨询时", "顾客进店时", 1),
     f"course-ko.xlf: unit '{BODY}': the Chinese text changed since this file was exported, so this translation is "
     "stale; export again and translate the new text"),
    (lambda text: text.replace("</trans-unit>", "</trans-unt>", 1),
     "course-ko.xlf: this is not an XLIFF file: the XML cannot be read (mismatched tag: line "),
])
def test_a_bad_file_is_refused_with_its_reason_and_nothing_changes(sent, change, message):
    folder, path = sent
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
    before = snapshot(folder)
    result = course(folder, "translations", "import", str(path.relative_to(folder)))
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert lines[0] == "course: nothing was imported; the file has 1 problem to fix:"
    assert lines[1].startswith(message), lines[1]
    assert "Traceback" not in result.stderr
    assert snapshot(folder) == before


def test_every_problem_of_a_file_is_listed_at_once(sent):
    folder, path = sent
    text = path.read_text(encoding="utf-8")
    text = text.replace('id="title"', 'id="heading"', 1).replace("第一句话决定", "第一句话就决定")
    text = re.sub(r'(<target[^>]*>[^<]*<bpt id="1" ctype="link">\[</bpt>[^<]*)<ept id="1">[^<]*</ept>', r"\1", text)
    path.write_text(text, encoding="utf-8")
    before = snapshot(folder)
    result = course(folder, "translations", "import", "out/course-ko.xlf")
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "course: nothing was imported; the file has 3 problems to fix:",
        "course-ko.xlf: unit 'content/zh/greeting.yaml#heading': there is no such text in the course (any more); "
        "export again",
        "course-ko.xlf: unit 'content/zh/greeting.yaml#summary': the Chinese text changed since this file was "
        "exported, so this translation is stale; export again and translate the new text",
        f"course-ko.xlf: unit '{BODY}': the tag <ept id=\"1\"> \"](greeting.md#first-reply)\" is missing, but its "
        "partner <bpt id=\"1\"> \"[\" is there; keep both tags of a link, or leave the link out"]
    assert snapshot(folder) == before


def test_a_new_key_point_comes_back_into_its_place(sent):
    folder, _ = sent
    replace(folder, "content/zh/greeting.yaml", "      - 先问候，再解决问题\n",
            "      - 先问候，再解决问题\n      - 称呼顾客时用“您”\n")
    assert course(folder, "translations", "export", "ko", "--only", "missing", "out").returncode == 0
    path = folder / "out/course-ko.xlf"
    units = read_units(path)
    assert list(units) == ["content/zh/greeting.yaml#sections/first-reply/key_points/2"]
    text = path.read_text(encoding="utf-8").replace('<target state="new" />', "<target>고객을 부를 때는 ‘고객님’</target>")
    path.write_text(text, encoding="utf-8")
    result = course(folder, "translations", "import", "out/course-ko.xlf")
    ko = (folder / "content/ko/greeting.yaml").read_text(encoding="utf-8")
    assert "      - 인사 먼저, 해결은 그다음\n      - 고객을 부를 때는 ‘고객님’\n    dialogues:" in ko
    # The course check runs after the import: the Korean key point is in, the Bulgarian one still missing.
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "The course has 1 problem to fix:",
        "content/bg/greeting.yaml:13:7: sections[1].key_points: has 1 key points but 'zh' has 2; "
        "every language teaches the same points"]


def test_the_yaml_writer_gives_every_course_file_back_byte_for_byte():
    from builder.cat.writeback import Document

    for path in sorted([*ROOT.glob("content/**/*.yaml"), *ROOT.glob("quizzes/*.yaml"), *FIXTURE.rglob("*.yaml")]):
        assert Document(path).dump() == path.read_text(encoding="utf-8"), path


SIZE = "quizzes/size-question.yaml"
SPLIT_REPLY = f"{SIZE}#turns/opening/choices/2/reply"


def test_a_reply_of_several_chat_messages_goes_out_with_message_tags_and_comes_back_as_a_list(tmp_path):
    folder = make_course(tmp_path / "course")
    assert course(folder, "translations", "export", "ko", "out").stdout.startswith("Nothing to send")
    replace(folder, SIZE, "          zh: 有的，38码有货，直接拍就行。\n",
            "          zh:\n            - 有的，38码有货。\n            - 直接拍就行。\n")
    assert course(folder, "translations", "export", "ko", "out").returncode == 0
    path = folder / "out/course-ko.xlf"
    assert_strict_xliff(path)
    units = read_units(path)
    assert list(units) == [SPLIT_REPLY]
    assert '<source>有的，38码有货。<x id="m2" ctype="x-chat-message" />直接拍就行。</source>' in path.read_text(
        encoding="utf-8")
    assert "이 답변은 채팅 메시지 2개로 보냅니다." in units[SPLIT_REPLY].getnotes()
    translate_in_file(path, "재고 있어요. 필요하시면", '재고 있어요.<x id="m2" ctype="x-chat-message"/>필요하시면')
    result = course(folder, "translations", "import", "out/course-ko.xlf")
    assert result.returncode == 0, result.stderr
    assert ("          ko:\n            - 네, 240 사이즈 재고 있어요.\n            - 필요하시면 바로 주문하시면 됩니다.\n"
            "          bg: Да, 38 номер има.") in (folder / SIZE).read_text(encoding="utf-8")
    table = course(folder, "translations").stdout
    assert re.search(r"scenario +size-question +current +stale", table), table


def test_four_chat_messages_are_one_too_many(tmp_path):
    folder = make_course(tmp_path / "course")
    assert course(folder, "translations", "export", "ko", "--only", "all", "out").returncode == 0
    path = folder / "out/course-ko.xlf"
    tag = '<x id="m2" ctype="x-chat-message"/>'
    translate_in_file(path, "네, 240 사이즈 재고 있어요. 필요하시면 바로 주문하시면 됩니다.",
                      f"네,{tag}240 사이즈 재고 있어요.{tag}필요하시면{tag}바로 주문하시면 됩니다.")
    before = snapshot(folder)
    result = course(folder, "translations", "import", "out/course-ko.xlf")
    assert result.stderr.splitlines()[1] == (
        f"course-ko.xlf: unit '{SPLIT_REPLY}': a reply is 1 to 3 chat messages, none of them empty; this one has 4")
    assert snapshot(folder) == before


def test_a_module_never_translated_comes_back_as_a_whole_new_file(tmp_path):
    folder = make_course(tmp_path / "course")
    (folder / "content/ko/greeting.yaml").unlink()
    replace(folder, "content/zh/greeting.yaml", "今天下单今天发。\n            practice: good\n",
            "今天下单一定今天发。\n            practice: good\n            allow: [一定]\n")
    assert course(folder, "translations", "export", "ko", "out").stdout.startswith(
        "wrote out/course-ko.xlf: 15 texts (15 new, 0 to review, 0 translated)")
    path = folder / "out/course-ko.xlf"
    numbered = iter(range(1, 16))
    text = re.sub(r'<target state="new" />', lambda _: f"<target>인사 {next(numbered)}</target>",
                  path.read_text(encoding="utf-8"))
    path.write_text(text.replace("<target>인사 3</target>", '<target state="new" />'), encoding="utf-8")
    refused = course(folder, "translations", "import", "out/course-ko.xlf")
    assert refused.stderr.splitlines()[1] == (
        "course-ko.xlf: content/ko/greeting.yaml: the whole file is new in this language, so every text of it must "
        "be translated in the same file; not translated: objectives/1")
    assert not (folder / "content/ko/greeting.yaml").exists()
    path.write_text(text, encoding="utf-8")
    result = course(folder, "translations", "import", "out/course-ko.xlf")
    assert result.returncode == 0, result.stderr
    written = (folder / "content/ko/greeting.yaml").read_text(encoding="utf-8")
    assert written.startswith("# yaml-language-server: $schema=../../../../../content/module.schema.json\n"
                              "order: 1\ntitle: 인사 1\nsummary: 인사 2\nobjectives:\n  - 인사 3\n")
    assert "    body: |\n      인사 5\n" in written and not re.search(r"[\u4e00-\u9fff]", written)
    assert "allow" not in written  # the Chinese words a Chinese line may quote are no business of the Korean one
    assert re.search(r"module +greeting +current", course(folder, "translations").stdout)


@pytest.mark.parametrize("fingerprint", ["48e721393481", "004521739912"])
def test_a_fingerprint_that_looks_like_a_number_survives_the_yaml_writer(course_dir, monkeypatch, fingerprint):
    """Hex digests can read as a float (48e721393481) or an integer to YAML; marked unquoted, an import's round trip
    would write them back as .inf or 4521739912, and the translation would read as stale for ever."""
    monkeypatch.setattr(translations, "fingerprint", lambda data: fingerprint)
    translations.mark_reviewed(course_dir, ("zh", "ko", "bg"), "ko", "size-question")
    quiz = course_dir / "quizzes/size-question.yaml"
    assert Document(quiz).dump() == quiz.read_text(encoding="utf-8")
    assert yaml.safe_load(quiz.read_text(encoding="utf-8"))["translated_from"]["ko"] == fingerprint
