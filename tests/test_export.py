"""The course taken elsewhere: SCORM 1.2 packages (their manifest and limits; test_scorm.py runs them in an
LMS runtime), and the copy opened from disk. Exports are made by the real command, from the fixture course.
"""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from builder.course import load_course

from builder.skills import taught_sections

from .conftest import LANGUAGES, ROOT, make_course, real_settings

NS = {"cp": "http://www.imsproject.org/xsd/imscp_rootv1p1p2", "adlcp": "http://www.adlnet.org/xsd/adlcp_rootv1p2"}
XSI_LOCATION = "{http://www.w3.org/2001/XMLSchema-instance}schemaLocation"


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> Path:
    course = make_course(tmp_path_factory.mktemp("export") / "course")
    for form in ("scorm", "offline"):
        result = subprocess.run([sys.executable, "-m", "builder.cli", "export", form, "dist"], cwd=course,
                                capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, result.stderr
    return course / "dist"


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_package_has_a_manifest_valid_against_the_schemas_it_ships(exported, language, tmp_path):
    with zipfile.ZipFile(exported / f"course-scorm-{language}.zip") as package:
        names = set(package.namelist())
        manifest = etree.fromstring(package.read("imsmanifest.xml"))
        package.extractall(tmp_path)
    named = manifest.get(XSI_LOCATION).split()[1::2]
    assert named == ["imscp_rootv1p1p2.xsd", "adlcp_rootv1p2.xsd"] and set(named) <= names
    # adlcp's schema imports imscp's, which imports ims_xml.xsd: all three are read from the zip.
    schema = etree.XMLSchema(etree.parse(str(tmp_path / "adlcp_rootv1p2.xsd")))
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


def test_the_real_course_fits_scorms_suspend_data_limit_with_every_record_at_its_longest():
    course = load_course(ROOT, LANGUAGES, real_settings())
    results = ";".join(f"{roleplay.id}:{roleplay.max_score}/{roleplay.max_score}!" for roleplay in course.roleplays)
    # Then each principle's last ten outcomes, by its number, after a six-character version mark (scorm.js).
    skills = ";".join(f"{n}=" + "1" * 10 for n in range(len(taught_sections(course.roleplays))))
    longest = f"{results}|xxxxxx|{skills}"
    assert len(longest) <= 4096, len(longest)


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
