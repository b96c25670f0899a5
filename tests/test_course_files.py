"""The project's own files: the committed editor schema, the interface labels, the real course."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from builder.course import load_course
from builder.editor_schema import SCHEMA_FILES, editor_schema
from builder.labels import all_labels
from builder.render import render_course

from .conftest import FIXTURE, LANGUAGES, ROOT, real_settings


@pytest.mark.parametrize("file", SCHEMA_FILES)
def test_committed_editor_schema_is_current(file):
    committed = (ROOT / file).read_text(encoding="utf-8")
    assert committed == editor_schema(file, LANGUAGES), f"run `course schema` and commit {file}"


def test_every_label_exists_in_every_language():
    missing = [(name, language) for name, texts in all_labels().items()
               for language in LANGUAGES if not str(texts.get(language, "")).strip()]
    assert missing == []


@pytest.mark.parametrize("pattern, schema_file", [("content/*/*.yaml", "content/module.schema.json"),
                                                 ("quizzes/*.yaml", "quizzes/scenario.schema.json"),
                                                 ("content/glossary.yaml", "content/glossary.schema.json")])
def test_every_course_file_starts_with_the_editor_schema_comment(pattern, schema_file):
    files = list(ROOT.glob(pattern)) + list(FIXTURE.glob(pattern))
    assert files, pattern
    for file in files:
        first = file.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), file
        schema = (file.parent / first.split("=", 1)[1]).resolve()
        assert schema == (ROOT / schema_file).resolve(), file


def test_the_real_course_loads_in_every_language():
    course = load_course(ROOT, LANGUAGES, real_settings())  # raises CourseError, listing every problem, if it does not
    assert all(len(course.modules[language]) == len(course.module_ids) for language in LANGUAGES)


def test_rendering_is_pure_and_escapes_trainer_text():
    course = load_course(FIXTURE, LANGUAGES)
    module_id, module = course.modules["zh"][0]
    module.sections[0].__dict__["body"] = "<b>x</b> {: onclick=1 }"
    pages = render_course(course).whole()
    assert set(pages) == {f"{lang}/{page}" for lang in LANGUAGES for page in ("index.md", "greeting.md", "glossary.md", "progress.md", "completion.md", "print.md")}
    assert "&lt;b&gt;x&lt;/b&gt; &#123;: onclick=1 &#125;" in pages["zh/greeting.md"]
    assert render_course(course).whole() == pages


def test_the_course_html_is_set_aside_from_markdown_and_put_back_whole():
    pages = render_course(load_course(FIXTURE, LANGUAGES))
    markdown, whole = pages.markdown["ko/greeting.md"], pages.whole()["ko/greeting.md"]
    assert "course-chat" not in markdown and "course-roleplay" not in markdown
    assert whole.count("data-roleplay-labels") == 1  # the chat's words, once for every role-play of the page
    assert markdown.count("<!--course-part-") == whole.count('<figure class="course-dialogue">') + whole.count(
        '<div class="course-roleplay"') + 1 > 2
    assert pages.with_parts(markdown) == whole


def _editor_errors(schema_file: str, data) -> list[str]:
    schema = json.loads((ROOT / schema_file).read_text(encoding="utf-8"))
    return [error.message for error in jsonschema.Draft202012Validator(schema).iter_errors(data)]


@pytest.mark.parametrize("schema_file, pattern", [("content/module.schema.json", "content/*/*.yaml"),
                                                  ("quizzes/scenario.schema.json", "quizzes/*.yaml")])
def test_the_editor_schema_accepts_every_file_of_the_real_course(schema_file, pattern):
    for path in ROOT.glob(pattern):
        if path.name != "certain-words.yaml":
            assert _editor_errors(schema_file, yaml.safe_load(path.read_text(encoding="utf-8"))) == [], path


def test_the_editor_schema_underlines_what_the_check_refuses():
    scenario = yaml.safe_load((FIXTURE / "quizzes/size-question.yaml").read_text(encoding="utf-8"))
    del scenario["title"]["ko"]
    scenario["title"]["fr"] = "Taille"
    scenario["turns"][0]["choices"][1].update(critical=True, points=3)
    assert sorted(_editor_errors("quizzes/scenario.schema.json", scenario)) == [
        "'ko' is a required property", "0 was expected",
        "Additional properties are not allowed ('fr' was unexpected)"]
