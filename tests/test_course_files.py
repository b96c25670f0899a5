"""The project's own files: the committed editor schema, the interface labels, the real course."""

from __future__ import annotations

from pathlib import Path

import pytest

from builder.course import load_course
from builder.editor_schema import SCHEMA_FILES, editor_schema
from builder.labels import all_labels
from builder.render import render_course

from .conftest import FIXTURE, LANGUAGES, ROOT, real_settings


@pytest.mark.parametrize("file", SCHEMA_FILES)
def test_committed_editor_schema_is_current(file):
    committed = (ROOT / file).read_text(encoding="utf-8")
    assert committed == editor_schema(file), f"run `course schema` and commit {file}"


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
    pages = render_course(course)
    assert set(pages) == {f"{lang}/{page}" for lang in LANGUAGES for page in ("index.md", "greeting.md", "glossary.md", "progress.md", "completion.md", "print.md")}
    assert "&lt;b&gt;x&lt;/b&gt; &#123;: onclick=1 &#125;" in pages["zh/greeting.md"]
    assert render_course(course) == pages
