"""A real `mkdocs build` of small fixture courses into temporary folders."""

from __future__ import annotations

import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

from .conftest import ROOT, mkdocs_build

_PAGES = ["index.html", "greeting/index.html", "glossary/index.html", "progress/index.html", "completion/index.html",
          "print/index.html"]
PAGES = {
    "zh": _PAGES,
    "ko": [f"ko/{page}" for page in _PAGES],
    "bg": [f"bg/{page}" for page in _PAGES],
}
LANG_ATTRIBUTE = {"zh": "zh-Hans", "ko": "ko", "bg": "bg"}


def html_lang(page: Path) -> str:
    """The page's language; every page also declares its text direction (Material writes it on <body>)."""
    html = page.read_text(encoding="utf-8")
    assert re.search(r'<body dir="ltr"', html), page
    return re.search(r'<html lang="([^"]+)"', html).group(1)


def test_every_language_has_every_page_and_declares_its_language_and_direction(built_fixture: Path):
    for language, pages in PAGES.items():
        for page in pages:
            assert html_lang(built_fixture / page) == LANG_ATTRIBUTE[language], page
    assert html_lang(built_fixture / "404.html") == "zh-Hans"
    built = {p.relative_to(built_fixture).as_posix() for p in built_fixture.rglob("index.html")}
    assert built == {page for pages in PAGES.values() for page in pages}


def test_module_page_shows_dialogue_marked_in_words(built_fixture: Path):
    page = (built_fixture / "ko/greeting/index.html").read_text(encoding="utf-8")
    assert '<h2 id="first-reply">첫 답변' in page
    assert "✗ 잘못된 응대: </strong>너무 짧아서" in page
    assert "✓ 좋은 응대: </strong>" in page
    # Chinese labels end with the full-width colon, no space after it
    assert "✗ 错误做法：</strong>" in (built_fixture / "greeting/index.html").read_text(encoding="utf-8")
    assert 'class="course-chat__line course-chat__line--agent course-chat__line--bad"' in page


def test_home_lists_modules_with_summaries(built_fixture: Path):
    page = (built_fixture / "bg/index.html").read_text(encoding="utf-8")
    assert '<a href="greeting/">Поздравяване на клиента</a>' in page
    assert "Първото изречение определя първото впечатление на клиента." in page


def test_language_switcher_links_to_the_same_page_relatively(built_fixture: Path):
    page = (built_fixture / "ko/greeting/index.html").read_text(encoding="utf-8")
    links = dict(re.findall(r'<a href="([^"]+)" hreflang="([^"]+)" class="md-select__link"', page))
    assert links == {"../../greeting/": "zh-Hans", "./": "ko", "../../bg/greeting/": "bg"}


def test_each_language_has_its_own_search_index_with_its_own_words(built_fixture: Path):
    def texts(folder: str) -> str:
        index = json.loads((built_fixture / folder / "search/search_index.json").read_text(encoding="utf-8"))
        return " ".join(doc["title"] + " " + doc["text"] for doc in index["docs"])

    zh, ko, bg = texts("."), texts("ko"), texts("bg")
    assert "\u200b问候\u200b" in zh  # jieba segmented the Chinese text
    assert "인사" in ko and "поздрав" in bg
    assert "인사" not in zh + bg and "поздрав" not in zh + ko and "问候" not in ko + bg


def test_a_broken_course_fails_with_every_problem_and_keeps_the_previous_site(course_dir: Path):
    assert mkdocs_build(course_dir).returncode == 0
    before = {p: p.read_bytes() for p in (course_dir / "site").rglob("*") if p.is_file()}
    zh = course_dir / "content/zh/greeting.yaml"
    zh.write_text(zh.read_text(encoding="utf-8").replace("summary:", "sumary:"), encoding="utf-8")
    ko = course_dir / "content/ko/greeting.yaml"
    ko.write_text(ko.read_text(encoding="utf-8").replace("    title: 첫 답변", "\ttitle: 첫 답변"), encoding="utf-8")

    result = mkdocs_build(course_dir)

    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "content/zh/greeting.yaml:4:1: sumary: unknown field 'sumary'; did you mean 'summary'?" in result.stderr
    assert "content/ko/greeting.yaml:9:1: a tab is used for indentation; indent with spaces only" in result.stderr
    assert {p: p.read_bytes() for p in (course_dir / "site").rglob("*") if p.is_file()} == before
    assert not (course_dir / ".site.building").exists()


def test_a_strict_failure_leaves_the_previous_site_untouched(course_dir: Path):
    assert mkdocs_build(course_dir, "--strict").returncode == 0
    home = (course_dir / "site/index.html").read_bytes()
    zh = course_dir / "content/zh/greeting.yaml"
    zh.write_text(zh.read_text(encoding="utf-8").replace("**先问候**", "[先问候](no-such-page.md)"),
                  encoding="utf-8")

    result = mkdocs_build(course_dir, "--strict")

    assert result.returncode == 1
    assert "no-such-page.md" in result.stderr
    assert "Traceback" not in result.stderr
    assert (course_dir / "site/index.html").read_bytes() == home
    assert not (course_dir / ".site.building").exists()


def test_trainer_text_is_shown_as_text_never_run(course_dir: Path):
    zh = course_dir / "content/zh/greeting.yaml"
    hostile = ('<script>alert(1)</script> {{ 7*7 }} {% if 1 %}x{% endif %} '
               '</title><img src=x onerror=alert(2)> 好{: onclick="alert(3)" }')
    text = zh.read_text(encoding="utf-8")
    text = text.replace("title: 问候顾客", f"title: '{hostile}'")
    text = text.replace("text: 有。", "text: '</span></li></ol><script>alert(4)</script><!--course-part-0-->'")
    zh.write_text(text, encoding="utf-8")

    result = mkdocs_build(course_dir)  # the edit makes the translations stale: a warning, not an error
    assert result.returncode == 0, result.stderr

    page = (course_dir / "site/greeting/index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;/span&gt;&lt;/li&gt;&lt;/ol&gt;&lt;script&gt;alert(4)&lt;/script&gt;&lt;!--course-part-0--&gt;" in page
    assert "{{ 7*7 }}" in page.replace("&#123;", "{").replace("&#125;", "}")
    parser = _Executable()
    parser.feed(page)
    assert parser.found == []


class _Executable(HTMLParser):
    """Script bodies and event or javascript: attributes that call alert(): what would run, not what is shown."""

    def __init__(self):
        super().__init__()
        self.found: list[str] = []
        self.in_script = False

    def handle_starttag(self, tag, attrs):
        self.in_script = tag == "script"
        self.found += [f"{tag} {name}={value}" for name, value in attrs
                       if value and "alert" in value
                       and (name.startswith("on") or value.strip().lower().startswith("javascript:"))]

    def handle_data(self, data):
        if self.in_script and "alert" in data:
            self.found.append(f"script {data[:40]}")

    def handle_endtag(self, tag):
        self.in_script = False


def test_glossary_page_defines_each_term_and_links_the_modules_using_it(built_fixture: Path):
    page = (built_fixture / "bg/glossary/index.html").read_text(encoding="utf-8")
    assert '<h2 id="greeting">поздрав' in page
    assert "Първата любезна дума в началото на разговора." in page
    assert 'Използва се в: <a href="../greeting/">' in page


def test_the_guides_become_pages_of_every_language(course_dir: Path):
    shutil.copytree(ROOT / "guides", course_dir / "guides")
    result = mkdocs_build(course_dir, "--strict")  # --strict: a broken link between guides fails
    assert result.returncode == 0, result.stderr
    for language in ("", "ko/", "bg/"):
        for guide in ("trainer-guide", "manager-guide"):
            assert (course_dir / f"site/{language}{guide}/index.html").is_file()
    trainer = (course_dir / "site/ko/trainer-guide/index.html").read_text(encoding="utf-8")
    assert re.search(r"<h1[^>]*>강사 가이드: 과정 내용 수정하기", trainer)
    assert 'href="../manager-guide/"' in trainer


def test_a_guide_missing_in_one_language_stops_the_build(course_dir: Path):
    shutil.copytree(ROOT / "guides", course_dir / "guides")
    (course_dir / "guides/bg/manager-guide.md").unlink()
    result = mkdocs_build(course_dir)
    assert result.returncode == 1
    assert ("guides/bg/manager-guide.md:1:1: the guide 'manager-guide' exists in another language but not in "
            "'bg': write this file") in result.stderr


def test_a_first_visit_gets_the_course_files_minified_and_only_its_language_s_search_mends(built_fixture: Path):
    source = ROOT / "builder/theme/assets/course"
    for name in ("progress.js", "roleplay.js", "course.css"):
        served = (built_fixture / "assets/course" / name).read_text(encoding="utf-8")
        assert "/*" not in served and "\n  " not in served, name
        assert len(served) < 0.8 * len((source / name).read_text(encoding="utf-8")), name
    zh, bg = (built_fixture / "greeting/index.html").read_text("utf-8"), (built_fixture / "bg/greeting/index.html").read_text("utf-8")
    assert '<link rel="icon" href="../assets/course/favicon.svg">' in zh
    assert "assets/course/search.js" in zh and "assets/course/search.js" not in bg
    assert "assets/course/search-on-demand.js" in bg
    assert zh.count("data-labels=") == 1  # the chat's words, once for the page's role-plays
