"""The `course` command, run for real in a course folder, as a trainer or a CI job runs it."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import mkdocs_build
from .test_bad_input import QUIZ, edit

ZH, KO, BG = (f"content/{language}/greeting.yaml" for language in ("zh", "ko", "bg"))


def course(folder: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    environment = {key: value for key, value in os.environ.items() if key != "GITHUB_ACTIONS"}
    return subprocess.run([sys.executable, "-m", "builder.cli", *args], cwd=folder, capture_output=True,
                          text=True, timeout=120, env={**environment, **env})


def replace(folder: Path, file: str, old: str, new: str) -> None:
    path = folder / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_help_is_plain_words_and_lists_every_command(course_dir):
    result = course(course_dir, "--help")
    assert result.returncode == 0
    for command in ("check", "new-module", "translations", "render", "paths", "schema"):
        assert command in result.stdout


def test_outside_a_course_folder_is_a_usage_error(tmp_path):
    result = course(tmp_path, "check")
    assert result.returncode == 2
    assert "there is no mkdocs.yml here" in result.stderr


def test_check_passes_a_sound_course(course_dir):
    result = course(course_dir, "check")
    assert (result.returncode, result.stdout.splitlines()[-1]) == (
        0, "The course is ready: 1 modules and 1 role-play scenarios in zh, ko, bg.")


def test_check_tells_how_far_cues_alone_would_carry_a_learner(course_dir):
    lines = course(course_dir, "check").stdout.splitlines()
    assert lines[0] == ("zh: the best reply is the longest in 2 of 3 (66 %) turns, the shorter in 1 of 3 (33 %) "
                        "turns of two replies and alone in the most chat messages in 0 of 3 (0 %); '!' is in 1 "
                        "of 3 (33 %) best replies and 0 of 3 (0 %) others; "
                        "role-plays passed by always picking the longest reply 0, the shortest reply 0, the "
                        "second-longest reply 0, the second-shortest reply 0, the shorter of two replies, else the "
                        "longest 0, the longer of two replies, else the shortest 0, reply 1 as written 0, reply 2 as "
                        "written 0, reply 3 as written 0, reply 4 as written 0, the most chat messages, the "
                        "longest of them 0, the most chat messages, the shortest of them 0, the most "
                        "sentences, the longest of them 0, the most sentences, the shortest of them 0, the longest "
                        "reply without '!' 0, the shortest reply without '!' 0, the reply at the length rank of the last "
                        "best reply, first the longest 0, the reply at the length rank of the last best reply, first "
                        "the shortest 0 (of 1)")
    assert [line[:3] for line in lines[:3]] == ["zh:", "ko:", "bg:"]


def test_check_lists_every_problem_with_file_line_and_field(course_dir):
    replace(course_dir, ZH, "title: 问候顾客", "title: ''")
    replace(course_dir, "quizzes/size-question.yaml", "next: delivery", "next: nowhere")
    result = course(course_dir, "check")
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "The course has 2 problems to fix:",
        "content/zh/greeting.yaml:3:8: title: is empty; write the text",
        "quizzes/size-question.yaml:41:15: turns[1].choices[1].next: leads to 'nowhere', which is neither a turn "
        "nor an ending here; the turns and endings are: opening, delivery, cold-reply, ordered, left",
    ]
    assert "Traceback" not in result.stderr + result.stdout
    assert result.stdout == ""


def test_check_in_github_actions_also_prints_annotations(course_dir):
    replace(course_dir, ZH, "title: 问候顾客", "title: ''")
    result = course(course_dir, "check", GITHUB_ACTIONS="true")
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "::error file=content/zh/greeting.yaml,line=3,col=8,title=title::is empty; write the text"]


def test_annotation_escapes_what_would_break_the_workflow_command():
    from builder.cli import annotation
    from builder.errors import Problem

    problem = Problem("content/zh/a,b.yaml", 4, 2, "sections[1].title", "50% done:\nline two")
    assert annotation(problem) == ("::error file=content/zh/a%2Cb.yaml,line=4,col=2,"
                                   "title=sections[1].title::50%25 done:%0Aline two")


def test_new_module_scaffolds_every_language_and_a_scenario_that_check_then_lists(course_dir):
    result = course(course_dir, "new-module", "late-parcels")
    assert result.returncode == 0, result.stderr
    for file in ("content/zh/late-parcels.yaml", "content/ko/late-parcels.yaml", "content/bg/late-parcels.yaml",
                 "quizzes/late-parcels-1.yaml"):
        assert (course_dir / file).read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=")
    assert "order: 2  # Position of the module" in (course_dir / "content/ko/late-parcels.yaml").read_text()
    problems = course(course_dir, "check").stderr.splitlines()
    assert problems[0] == "The course has 57 problems to fix:"
    assert "content/bg/late-parcels.yaml:3:8: title: is empty; write the text" in problems
    assert "quizzes/late-parcels-1.yaml:27:15: turns[1].choices[1].reply.zh: is empty; write the text" in problems


@pytest.mark.parametrize("module_id, message", [
    ("Late Parcels", "course: 'Late Parcels' is not a valid module id"),
    ("greeting", "course: 'content/zh/greeting.yaml' already exists; choose another id"),
])
def test_new_module_refuses_a_bad_or_taken_id(course_dir, module_id, message):
    result = course(course_dir, "new-module", module_id)
    assert result.returncode == 2
    assert result.stderr.startswith(message)


def test_translations_table_shows_every_item_current(course_dir):
    result = course(course_dir, "translations")
    assert result.returncode == 0
    assert result.stdout.splitlines() == [
        "                         ko       bg",
        "module    greeting       current  current",
        "scenario  size-question  current  current",
    ]


def test_a_translation_goes_stale_when_its_source_changes_and_current_once_reviewed(course_dir):
    replace(course_dir, ZH, "title: 问候顾客", "title: 问候每一位顾客")
    replace(course_dir, "quizzes/size-question.yaml", "zh: 尺码咨询", "zh: 尺码问题")
    stale = course(course_dir, "translations")
    assert stale.returncode == 1
    assert stale.stdout.splitlines()[1:3] == ["module    greeting       stale  stale",
                                              "scenario  size-question  stale  stale"]
    reviewed = course(course_dir, "translations", "--reviewed", "ko", "greeting", "size-question")
    assert reviewed.returncode == 0, reviewed.stderr
    assert course(course_dir, "translations").stdout.splitlines()[1:3] == [
        "module    greeting       current  stale", "scenario  size-question  current  stale"]


def test_a_missing_translation_is_listed_as_missing(course_dir):
    (course_dir / BG).unlink()
    replace(course_dir, "quizzes/size-question.yaml", "  bg: Въпрос за размер\n", "")
    lines = course(course_dir, "translations").stdout.splitlines()
    assert lines[1:3] == ["module    greeting       current  missing", "scenario  size-question  current  missing"]


def test_reviewing_an_unknown_item_or_language_says_so(course_dir):
    assert course(course_dir, "translations", "--reviewed", "fr", "greeting").stderr.startswith(
        "course: 'fr' is not a translated language of this site (ko, bg)")
    assert course(course_dir, "translations", "--reviewed", "ko", "nothing").stderr.startswith(
        "course: there is no module or scenario 'nothing'")


def test_build_warns_about_a_stale_translation_and_shows_readers_a_notice(course_dir):
    replace(course_dir, ZH, "title: 问候顾客", "title: 问候每一位顾客")
    result = mkdocs_build(course_dir)
    assert result.returncode == 0, result.stderr
    assert "WARNING -  course: the 'ko' translation of the module 'greeting' is stale" in result.stderr
    ko = (course_dir / "site/ko/greeting/index.html").read_text(encoding="utf-8")
    zh = (course_dir / "site/greeting/index.html").read_text(encoding="utf-8")
    assert "이 페이지는 수정 중입니다. 일부 내용이 곧 바뀔 수 있습니다." in ko
    assert "译文正在更新" not in zh
    assert mkdocs_build(course_dir, "--strict").returncode == 1


def test_build_fails_on_a_missing_translation(course_dir):
    (course_dir / BG).unlink()
    result = mkdocs_build(course_dir)
    assert result.returncode == 1
    assert "content/bg/greeting.yaml:1:1: the module 'greeting' exists in 'zh'" in result.stderr


def test_render_writes_the_markdown_of_every_page(course_dir, tmp_path):
    result = course(course_dir, "render", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out/ko/greeting.md").read_text(encoding="utf-8").startswith("# 고객 맞이하기")
    assert sorted(p.name for p in (tmp_path / "out/bg").iterdir()) == [
        "completion.md", "glossary.md", "greeting.md", "index.md", "print.md", "progress.md"]


def test_reviewing_replaces_a_record_written_in_block_style(course_dir):
    quiz = course_dir / "quizzes/size-question.yaml"
    quiz.write_text(re.sub(r"translated_from: \{bg: (\w+), ko: (\w+)\}", "translated_from:\n  bg: \\1\n  ko: \\2",
                           quiz.read_text(encoding="utf-8")), encoding="utf-8")
    replace(course_dir, "quizzes/size-question.yaml", "zh: 尺码咨询", "zh: 尺码问题")
    assert course(course_dir, "translations", "--reviewed", "ko", "size-question").returncode == 0
    assert course(course_dir, "check").returncode == 0
    lines = course(course_dir, "translations").stdout.splitlines()
    assert lines[2] == "scenario  size-question  current  stale"


def test_a_reply_that_allows_a_certain_word_is_no_missing_translation(course_dir):
    replace(course_dir, "quizzes/size-question.yaml", "        next: ordered\n  - id: cold-reply",
            "        allow: {zh: [一般]}\n        next: ordered\n  - id: cold-reply")
    assert course(course_dir, "translations").stdout.splitlines()[2] == "scenario  size-question  current  current"


def test_paths_shows_each_turn_under_every_reply_that_leads_to_it(course_dir):
    edit(QUIZ, "        points: 0\n        mood: -2\n", "        points: 0\n        critical: true\n        mood: -2\n")(course_dir)
    result = course(course_dir, "paths", "size-question")
    assert result.returncode == 0, result.stderr
    sheet = result.stdout.split("\n## ")
    assert sheet[0].startswith("# 尺码咨询\n\n顾客在看一双运动鞋，还没有下单。")
    opening, delivery, cold_reply, ordered, left = sheet[1:]
    assert opening.splitlines()[1:3] == ["(the first turn, mood 2)", "customer: 在吗？这双鞋有38码吗？"]
    assert "  1. 10 points, mood +1 → delivery: 亲，您好！38码有货，今天下单今天发。" in opening
    assert "     reaction: 陈女士很满意，继续问发货。 | note: 问候加上顾客需要的信息。" in opening
    assert "  2. 0 points, critical, mood -2 → left: " in cold_reply
    assert delivery.splitlines()[1:3] == [
        "after opening 1 (mood 3): 亲，您好！38码有货，今天下单今天发。 | 陈女士很满意，继续问发货。",
        "after cold-reply 1 (mood 2): 抱歉，刚才回复太简短了。38码有货，今天下单今天发。 | 陈女士的气消了一些。"]
    assert [line.split(":")[0] for line in ordered.splitlines()[1:3]] == [
        "after delivery 1 (mood 2, 3)", "after delivery 2 (mood 3, 4)"]
    assert left.splitlines()[0] == "ending left" and left.splitlines()[1].startswith("after cold-reply 2 (mood 0): ")


def test_paths_says_where_the_customer_walks_away_instead(course_dir):
    """A reply that leads on to 'ordered' can end the talk: in a low mood the customer walks away to 'left'."""
    edit(QUIZ, "mood: 2\nturns:", "mood: 2\nwalk_away: {at: 0, ending: left}\nturns:")(course_dir)
    edit(QUIZ, "        mood: 0\n        next: ordered", "        mood: -2\n        next: ordered")(course_dir)
    edit(QUIZ, "    mood: [2, 4]\n", "    mood: [1, 4]\n")(course_dir)
    result = course(course_dir, "paths", "size-question")
    assert result.returncode == 0, result.stderr
    ordered, left = result.stdout.split("\n## ")[4:]
    assert sorted(line.split(":")[0] for line in ordered.splitlines()[1:3]) == [
        "after delivery 1 (mood 1)", "after delivery 2 (mood 3, 4)"]
    assert sorted(line.split(":")[0] for line in left.splitlines()[1:3]) == [
        "after cold-reply 2 (mood 0)", "after delivery 1 (mood 0) (the customer walks away)"]


def test_paths_shows_the_language_asked_for(course_dir):
    result = course(course_dir, "paths", "size-question", "ko")
    assert result.returncode == 0, result.stderr
    assert "陈女士" not in result.stdout
    assert "after opening 1 (mood 3): " in result.stdout


@pytest.mark.parametrize("args, message", [
    (("paths", "no-such-play"), "course: there is no role-play 'no-such-play'; the role-plays are: size-question"),
    (("paths", "size-question", "fr"), "course: there is no language 'fr'; the languages are: zh, ko, bg"),
])
def test_paths_names_what_there_is_when_asked_for_what_is_not(course_dir, args, message):
    result = course(course_dir, *args)
    assert (result.returncode, result.stderr.strip()) == (2, message)


def test_a_reader_that_stops_early_ends_the_command_quietly(course_dir):
    # `course paths … | head`: the reader is gone before the first line is written.
    with subprocess.Popen([sys.executable, "-m", "builder.cli", "paths", "size-question"], cwd=course_dir,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE) as reader_gone:
        reader_gone.stdout.close()
        stderr = reader_gone.stderr.read().decode()
        assert (reader_gone.wait(timeout=120), stderr) == (141, "")
