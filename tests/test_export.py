"""The course taken elsewhere: SCORM 1.2 packages inside a (fake) LMS, and the copy opened from disk.

The fake LMS is a page holding a SCORM 1.2 `API` that records every call, with the package two
frames below it, as LMS players nest it. Exports are made by the real command, from the fixture course.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from builder.course import load_course

from .conftest import FIXTURE, LANGUAGES, ROOT, make_course, real_settings
from .site_server import serving
from .test_roleplay import ARGUE, BEST_DELIVERY, BEST_FIRST, CURT_FIRST

SCORM_SCHEMA = FIXTURE.parent / "scorm12" / "adlcp_rootv1p2.xsd"
NS = {"cp": "http://www.imsproject.org/xsd/imscp_rootv1p1p2", "adlcp": "http://www.adlnet.org/xsd/adlcp_rootv1p2"}
FAKE_LMS = """<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>LMS</title><script>
window.calls = [];
var cmi = Object.assign({"cmi.core.lesson_status": "not attempted", "cmi.suspend_data": "",
                         "cmi.student_data.mastery_score": "80"}, JSON.parse(decodeURIComponent(location.hash.slice(1)) || "{}"));
function record(name, result) { return function () { calls.push([name].concat([].slice.call(arguments))); return result; }; }
window.API = {
  LMSInitialize: record("LMSInitialize", "true"), LMSFinish: record("LMSFinish", "true"),
  LMSCommit: record("LMSCommit", "true"),
  LMSGetValue: function (key) { calls.push(["LMSGetValue", key]); return cmi[key] || ""; },
  LMSSetValue: function (key, value) { calls.push(["LMSSetValue", key, value]); cmi[key] = value; return "true"; },
  LMSGetLastError: record("LMSGetLastError", "0"), LMSGetErrorString: record("LMSGetErrorString", ""),
  LMSGetDiagnostic: record("LMSGetDiagnostic", "")
};
</script></head><body><iframe id="player" src="player.html"></iframe></body></html>"""
PLAYER = '<!doctype html><html><body><iframe id="sco" src="course/scorm.html"></iframe></body></html>'


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> Path:
    course = make_course(tmp_path_factory.mktemp("export") / "course")
    for form in ("scorm", "offline"):
        result = subprocess.run([sys.executable, "-m", "builder.cli", "export", form, "dist"], cwd=course,
                                capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, result.stderr
    return course / "dist"


@pytest.fixture(scope="module")
def lms(exported, tmp_path_factory):
    www = tmp_path_factory.mktemp("lms")
    with zipfile.ZipFile(exported / "course-scorm-zh.zip") as package:
        package.extractall(www / "course")
    (www / "lms.html").write_text(FAKE_LMS, encoding="utf-8")
    (www / "player.html").write_text(PLAYER, encoding="utf-8")
    with serving(www) as base:
        yield base


def course_frame(page, name: str = "index.html"):
    frame = next(frame for frame in page.frames if frame.url.endswith("/course/" + name))
    frame.wait_for_load_state("networkidle")  # the search worker too: none is cut off when the test ends
    return frame


def calls(page, name: str | None = None) -> list[list[str]]:
    return [call for call in page.evaluate("calls") if name is None or call[0] == name]


def values(page, key: str) -> list[str]:
    return [call[2] for call in calls(page, "LMSSetValue") if call[1] == key]


def open_lms(page, lms: str, kept: dict | None = None):
    page.goto(f"{lms}/lms.html#" + json.dumps(kept or {}))
    frame = course_frame(page)
    frame.goto(frame.url.replace("index.html", "greeting.html"))
    return course_frame(page, "greeting.html")


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_package_has_a_valid_scorm_12_manifest_listing_every_file(exported, language):
    with zipfile.ZipFile(exported / f"course-scorm-{language}.zip") as package:
        names = set(package.namelist())
        manifest = etree.fromstring(package.read("imsmanifest.xml"))
    schema = etree.XMLSchema(etree.parse(str(SCORM_SCHEMA)))
    assert schema.validate(manifest), schema.error_log
    scos = manifest.findall(".//cp:resource[@adlcp:scormtype='sco']", NS)
    assert len(scos) == 1 and scos[0].get("href") == "scorm.html"
    assert manifest.findtext(".//adlcp:masteryscore", namespaces=NS) == "80"
    listed = {file.get("href") for file in scos[0].findall("cp:file", NS)}
    assert listed == names - {"imsmanifest.xml"}
    launch = package_text(exported, language, "scorm.html")
    start = "index.html" if language == LANGUAGES[0] else f"{language}/index.html"
    assert f'src="{start}"' in launch


def package_text(exported: Path, language: str, name: str) -> str:
    with zipfile.ZipFile(exported / f"course-scorm-{language}.zip") as package:
        return package.read(name).decode("utf-8")


def test_in_an_lms_a_poor_try_is_incomplete_and_passing_every_scenario_reports_passed(page, lms):
    frame = open_lms(page, lms)
    assert calls(page)[0] == ["LMSInitialize", ""]
    assert values(page, "cmi.core.lesson_status") == ["incomplete"]
    frame.locator(".course-chat-window__choice", has_text=CURT_FIRST).click()
    frame.locator(".course-chat-window__choice", has_text=ARGUE).click()
    page.wait_for_function("calls.filter(c => c[1] === 'cmi.suspend_data').length >= 2")
    assert values(page, "cmi.suspend_data")[-1] == "size-question:2/20"
    assert values(page, "cmi.core.score.raw") == []
    frame.locator(".course-chat-window__again").click()
    frame.locator(".course-chat-window__choice", has_text=BEST_FIRST).click()
    frame.locator(".course-chat-window__choice", has_text=BEST_DELIVERY).click()
    page.wait_for_function("calls.some(c => c[2] === 'passed')")
    assert values(page, "cmi.core.score.raw") == ["100"]
    assert values(page, "cmi.suspend_data")[-1] == "size-question:20/20"
    assert "failed" not in values(page, "cmi.core.lesson_status")
    assert calls(page)[-1] == ["LMSCommit", ""]
    assert len(calls(page, "LMSInitialize")) == 1


def test_in_an_lms_progress_is_committed_when_the_tab_is_hidden_and_finished_on_leaving(page, lms):
    open_lms(page, lms)
    sco = next(frame for frame in page.frames if frame.url.endswith("/course/scorm.html"))
    before = len(calls(page, "LMSCommit"))
    sco.evaluate("""() => {
        Object.defineProperty(document, 'visibilityState', {value: 'hidden', configurable: true});
        document.dispatchEvent(new Event('visibilitychange'));
    }""")
    assert len(calls(page, "LMSCommit")) == before + 1
    page.locator("#player").evaluate("player => player.remove()")
    page.wait_for_function("calls.some(c => c[0] === 'LMSFinish')")
    assert values(page, "cmi.core.exit") == ["suspend"]
    assert [call[0] for call in calls(page)[-2:]] == ["LMSCommit", "LMSFinish"]


def test_a_new_launch_brings_back_the_progress_the_lms_kept(page, lms):
    open_lms(page, lms, kept={"cmi.suspend_data": "size-question:20/20;not-a-scenario:5/5;garbage"})
    frame = course_frame(page, "greeting.html")
    frame.goto(frame.url.replace("greeting.html", "progress.html"))
    row = course_frame(page, "progress.html").locator("[data-progress-row='size-question']")
    assert "20 / 20" in row.inner_text()
    assert values(page, "cmi.core.lesson_status") == ["passed"]


def test_without_an_lms_the_package_is_the_plain_course(page, lms):
    page.goto(f"{lms}/course/scorm.html")
    frame = course_frame(page)
    frame.goto(frame.url.replace("index.html", "greeting.html"))
    frame = course_frame(page, "greeting.html")
    frame.locator(".course-chat-window__choice", has_text=BEST_FIRST).click()
    assert frame.locator(".course-chat-window__choice", has_text=BEST_DELIVERY).is_visible()


def test_the_real_course_fits_scorms_suspend_data_limit_with_every_score_at_its_longest():
    course = load_course(ROOT, LANGUAGES, real_settings())
    longest = ";".join(f"{roleplay.id}:{roleplay.max_score}/{roleplay.max_score}" for roleplay in course.roleplays)
    assert len(longest) <= 4096


def test_the_offline_copy_works_opened_from_disk(page, exported, tmp_path):
    with zipfile.ZipFile(exported / "course-offline.zip") as copy:
        copy.extractall(tmp_path)
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto((tmp_path / "course/ko/greeting.html").as_uri())
    page.locator(".course-chat-window__choice").nth(1).click()
    assert page.locator(".course-chat-window__line--customer").count() == 2
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("인사")
    box.press("End")
    page.locator(".md-search-result__item").first.wait_for()
    hits = [link.get_attribute("href") for link in page.locator(".md-search-result__item > a").all()]
    assert any(hit.split("?")[0].endswith("/course/ko/greeting.html") for hit in hits), hits
    assert all(url.startswith(("file://", "about:", "data:", "blob:")) for url in requests), requests


def test_the_offline_copy_s_404_page_is_styled_from_disk_and_leads_to_each_language(page, exported, tmp_path):
    with zipfile.ZipFile(exported / "course-offline.zip") as copy:
        copy.extractall(tmp_path)
    not_found = tmp_path / "course/404.html"
    assert not re.search(r'(?:href|src)="/(?!/)', not_found.read_text(encoding="utf-8"))
    page.goto(not_found.as_uri())
    assert page.locator(".md-header").evaluate("header => getComputedStyle(header).position") == "sticky"
    page.locator('article section[lang="ko"] a').click()
    assert page.url == (tmp_path / "course/ko/index.html").as_uri()
