"""The skill map's data: the sections the role-plays' replies teach, and the progress page that lists them."""

from __future__ import annotations

from builder.course import load_course
from builder.render import Issuer, render_course
from builder.skills import taught_sections

from .conftest import FIXTURE, LANGUAGES, ROOT, real_settings


def test_every_taught_section_is_listed_once_with_the_scenarios_that_practise_it():
    course = load_course(ROOT, LANGUAGES, real_settings())
    taught = taught_sections(course.roleplays)
    refs = {choice.teaches for roleplay in course.roleplays for turn in roleplay.scenario.turns for choice in turn.choices}
    assert set(taught) == refs
    for ref, roleplays in taught.items():
        assert len(roleplays) == len(set(r.id for r in roleplays))
        assert all(any(choice.teaches == ref for turn in r.scenario.turns for choice in turn.choices) for r in roleplays)


def test_the_progress_page_lists_each_principle_and_the_certificate_names_course_and_shop():
    course = load_course(FIXTURE, LANGUAGES)
    pages = render_course(course, issuer=Issuer({"ko": "온라인 쇼핑몰 고객 상담 교육"}, {"ko": "사슴 스토어"})).whole()
    progress = pages["ko/progress.md"]
    assert '<tr data-skill="greeting#first-reply">' in progress
    assert '<a href="../greeting/#scenario--size-question">' in progress.split('data-skill="greeting#first-reply"')[1]
    completion = pages["ko/completion.md"]
    assert "<dd>사슴 스토어</dd>" in completion and "<dd>온라인 쇼핑몰 고객 상담 교육</dd>" in completion
    assert 'data-module-summary="size-question"' in completion
    assert "<dd>" not in pages["zh/completion.md"].split('data-completion-date')[0].split("certificate__facts")[1]
