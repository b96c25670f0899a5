"""Fixture courses built for real: a copy of the project's mkdocs.yml with a small course."""

from __future__ import annotations

import inspect
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).parent / "fixtures" / "course"
LANGUAGES = ("zh", "ko", "bg")
# What a clone of the project holds of the course: the gates check the real course, built as CI builds it.
COURSE_PARTS = ("mkdocs.yml", "content", "quizzes", "guides", "translations")


def make_course(folder: Path, content: Path = FIXTURE / "content", quizzes: Path | None = FIXTURE / "quizzes") -> Path:
    """A course folder: the project's own mkdocs.yml and the given modules and scenarios."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    shutil.copytree(content, folder / "content", dirs_exist_ok=True)
    if quizzes is not None:
        shutil.copytree(quizzes, folder / "quizzes", dirs_exist_ok=True)
    return folder


def mkdocs_build(folder: Path, *args: str, site_url: str = "") -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": site_url}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", *args],
        cwd=folder, env=env, capture_output=True, text=True, timeout=300,
    )


def copy_real_course(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for part in COURSE_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, folder / part)
        elif source.is_file():
            shutil.copy(source, folder / part)
    return folder


@pytest.fixture
def course_dir(tmp_path: Path) -> Path:
    return make_course(tmp_path / "course")


@pytest.fixture(scope="session")
def built_fixture(tmp_path_factory) -> Path:
    """The fixture course, built once with --strict; returns its site folder."""
    return _built_strictly(make_course(tmp_path_factory.mktemp("built") / "course"))


@pytest.fixture(scope="session")
def built_course(tmp_path_factory) -> Path:
    """The real course (every module, scenario and guide), built once with --strict; returns its site folder."""
    return _built_strictly(copy_real_course(tmp_path_factory.mktemp("real") / "course"))


def _built_strictly(folder: Path) -> Path:
    result = mkdocs_build(folder, "--strict")
    assert result.returncode == 0, result.stderr
    return folder / "site"


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright; no browser is ever downloaded."""
    playwright_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install -y chromium")
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("dialog", lambda dialog: (errors.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    yield page
    context.close()
    assert errors == [], errors


def real_settings():
    """The real course's settings, as its mkdocs.yml declares them."""
    from builder.site_config import site_settings

    return site_settings(ROOT / "mkdocs.yml")


@pytest.fixture
def storage_blocking_page(browser, tmp_path):
    """Chromium with third-party cookies and site data blocked, as in private windows and Safari by default."""
    profile = tmp_path / "profile"
    (profile / "Default").mkdir(parents=True)
    (profile / "Default" / "Preferences").write_text(json.dumps(
        {"profile": {"block_third_party_cookies": True, "cookie_controls_mode": 1}}), encoding="utf-8")
    context = browser.browser_type.launch_persistent_context(
        str(profile), executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
    errors: list[str] = []
    page = context.pages[0] if context.pages else context.new_page()
    page.on("pageerror", lambda error: errors.append(f"{error} {error.stack}"))
    yield page
    context.close()
    assert errors == [], errors


# The quick loop: `python -m pytest -m "not browser and not site"` runs the unit tests of every stage
# in seconds. The markers are given here, from what a test and its fixtures do, so no test can
# forget its own: a page means a browser; a build, an export or a workflow's build step, a site.
SITE_CALLS = ("mkdocs_build(", "_built_strictly(", "export_offline(", "export_scorm(", "subprocess.run(step",
              '"export"', '"render"')


def _builds_a_site(item) -> bool:
    fixtures = getattr(item, "_fixtureinfo", None)
    functions = [item.function] + [definition.func for definitions in (fixtures.name2fixturedefs.values() if fixtures else ())
                                   for definition in definitions]
    return any(call in inspect.getsource(function) for function in functions for call in SITE_CALLS)


def pytest_collection_modifyitems(config, items):
    for item in items:
        if set(getattr(item, "fixturenames", ())) & {"page", "browser"}:
            item.add_marker(pytest.mark.browser)
        if hasattr(item, "function") and _builds_a_site(item):
            item.add_marker(pytest.mark.site)
