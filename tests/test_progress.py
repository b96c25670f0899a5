"""The learner's records without an LMS, in a real browser: learners by name on a shared computer, the
skill map, the certificate, and a browser that refuses storage. The fixture course is built for real,
with a shop named in mkdocs.yml as a training company sets it.
"""

from __future__ import annotations

import re
import subprocess
import sys

import pypdfium2
import pytest

from .conftest import LANGUAGES, make_course, mkdocs_build
from .site_server import framed_by_another_site, serving
from .test_print import A4_POINTS, keep_images, text_of
from .test_roleplay import ARGUE, BEST_DELIVERY, BEST_FIRST, CURT_FIRST, choose

SHOP = "  - course:\n      shop: {zh: 小鹿旗舰店, ko: 사슴 스토어, bg: Магазин „Елен“}\n"
BEST = {  # the best replies of the fixture scenario, per language
    "zh": (BEST_FIRST, BEST_DELIVERY),
    "ko": ("고객님, 안녕하세요! 240 사이즈 재고 있습니다. 오늘 주문하시면 오늘 발송됩니다.",
           "보통 2~3일 걸리고, 발송되면 운송장 번호를 보내 드리겠습니다."),
    "bg": ("Здравейте! Да, 38 номер е наличен и ако поръчате днес, изпращаме днес.",
           "Обикновено за два-три дни; щом изпратим, ще Ви пратя номера на товарителницата."),
}


def with_shop(course):
    config = course / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(re.sub(r"  - course:.*\n(      .*\n)*", lambda _: SHOP, text, count=1), encoding="utf-8")
    return course


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("progress")
    course = with_shop(make_course(root / "course"))
    result = mkdocs_build(course, "--strict", "-d", str(root / "www" / "course"))
    assert result.returncode == 0, result.stderr
    with serving(root / "www") as base:
        yield base + "/course/"


def home(language: str) -> str:
    return "" if language == "zh" else f"{language}/"


def pass_everything(page, site, language: str = "zh") -> None:
    page.goto(site + home(language) + "greeting/")
    page.locator(".course-chat-window").wait_for()
    if page.locator(".course-chat-window__again").count():  # the chat shows the last attempt's debrief
        page.locator(".course-chat-window__again").click()
    for reply in BEST[language]:
        choose(page, reply)
    page.locator("[data-summary]").wait_for()


def switch_learner(page, name: str) -> None:
    page.get_by_label("换一位学习者（输入姓名）").fill(name)
    page.get_by_role("button", name="开始或继续").click()


def status(page) -> str:
    return page.locator("[data-progress-row=size-question] [data-status]").inner_text()


def test_a_new_learner_starts_clean_and_switching_back_by_name_restores_their_records(page, site):
    page.goto(site + "progress/")
    switch_learner(page, "王芳")
    pass_everything(page, site)
    page.goto(site + "progress/")
    assert page.locator("[data-learner-name]").inner_text() == "王芳" and status(page) == "已通过"
    switch_learner(page, "李娜")
    assert page.locator("[data-progress-message]").inner_text() == "现在显示的是 李娜 的记录。"
    assert status(page) == "还没练习"
    page.goto(site + "completion/")
    assert page.locator("[data-completion-ready]").is_hidden()  # 李娜 never sees 王芳's certificate
    page.goto(site + "greeting/")
    assert page.locator(".course-chat-window__summary").count() == 0  # nor the debrief of 王芳's last try
    page.goto(site + "progress/")
    switch_learner(page, "王芳")
    assert status(page) == "已通过"
    page.goto(site + "completion/")
    assert page.locator("[data-completion-name-shown]").inner_text() == "王芳"


def test_the_skill_map_counts_best_replies_and_lists_what_to_review_with_links(page, site):
    page.goto(site + "progress/")
    assert page.locator("[data-skills-review-empty]").inner_text().startswith("做过情景演练以后")
    page.goto(site + "greeting/")
    choose(page, CURT_FIRST)
    choose(page, ARGUE)
    page.goto(site + "progress/")
    row = page.locator("[data-skill='greeting#first-reply']")
    assert row.locator("[data-skill-best]").inner_text() == "0 / 2 次"
    review = page.locator("[data-skills-review] li")
    assert review.count() == 1
    links = [link.get_attribute("href") for link in review.locator("a").all()]
    assert links == ["../greeting/#first-reply", "../greeting/#scenario--size-question"]
    pass_everything(page, site)
    pass_everything(page, site)
    page.goto(site + "progress/")
    assert row.locator("[data-skill-best]").inner_text() == "4 / 6 次"
    assert review.count() == 1  # four of six is below 80 %: still to review
    for _ in range(2):
        pass_everything(page, site)
    page.goto(site + "progress/")
    assert row.locator("[data-skill-best]").inner_text() == "8 / 10 次"  # the last ten times at stake
    assert review.count() == 0
    assert page.locator("[data-skills-review-empty]").inner_text().startswith("最近每个要点你都多半选了最好的回答")


def test_once_everything_is_passed_the_progress_page_points_to_the_certificate(page, site):
    page.goto(site + "progress/")
    assert page.locator("[data-completion-link]").is_hidden()
    pass_everything(page, site)
    page.goto(site + "progress/")
    assert page.locator("[data-completion-summary]").inner_text() == "你已通过全部 1 个情景演练，可以打印结业证明了。"
    assert page.locator("[data-completion-link] a").is_visible()


def test_reset_says_it_clears_practice_only(page, site):
    pass_everything(page, site)
    page.goto(site + "progress/")
    assert "学习平台已经记录的通过和分数不会因此撤销" in page.locator(".course-progress__reset-note").inner_text()
    page.get_by_role("button", name="清除我的进度").click()
    assert status(page) == "还没练习"
    assert page.locator("[data-skill='greeting#first-reply'] [data-skill-best]").inner_text() == "–"


@pytest.mark.parametrize("language", LANGUAGES)
def test_scores_never_wrap_and_nothing_overflows_on_a_phone(page, site, language):
    pass_everything(page, site, language)
    page.set_viewport_size({"width": 360, "height": 740})
    for path, cell in (("progress/", "[data-best]"), ("progress/", "[data-skill-best]"), ("completion/", "[data-module-passed]")):
        page.goto(site + home(language) + path)
        lines = page.locator(cell).first.evaluate("""cell => {
            const range = document.createRange(); range.selectNodeContents(cell);
            return new Set([...range.getClientRects()].map(rect => Math.round(rect.top))).size; }""")
        assert lines == 1, (path, cell)
        assert page.locator(cell).first.evaluate("cell => getComputedStyle(cell).textAlign") in ("left", "start")
        assert page.evaluate("document.documentElement.scrollWidth") <= 360, path  # nothing pushes the page sideways


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_certificate_names_course_shop_learner_date_and_modules_on_one_a4_page(page, site, language):
    pass_everything(page, site, language)
    page.goto(site + home(language) + "completion/")
    learner = {"zh": "王芳", "ko": "김민지", "bg": "Мария Петрова"}[language]
    page.locator("[data-completion-name]").fill(learner)
    certificate = page.locator(".course-certificate").inner_text()
    shop = {"zh": "小鹿旗舰店", "ko": "사슴 스토어", "bg": "Магазин „Елен“"}[language]
    course = {"zh": "网店客服培训", "ko": "온라인 쇼핑몰 고객 상담 교육", "bg": "Обучение по обслужване на клиенти за онлайн магазини"}
    assert shop in certificate and course[language] in certificate
    assert page.locator("[data-completion-date]").inner_text().strip() != ""
    assert page.locator("[data-module-summary]").count() == 1
    assert page.locator(".course-certificate__line").count() == 3
    pdf = pypdfium2.PdfDocument(page.pdf(prefer_css_page_size=True, print_background=True))
    assert len(pdf) == 1 and tuple(round(side) for side in pdf[0].get_size()) == A4_POINTS
    printed = text_of(pdf)
    assert all(re.sub(r"\s+", "", text) in printed for text in (learner, shop, course[language]))
    keep_images(pdf, f"{language}-certificate", 1)


def test_a_shop_named_in_some_languages_only_stops_the_build_and_the_render(tmp_path):
    course = make_course(tmp_path / "course")
    config = course / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(re.sub(r"  - course:.*\n(      .*\n)*", lambda _: "  - course:\n      shop: {zh: 小鹿旗舰店}\n", text, count=1),
                      encoding="utf-8")
    message = "mkdocs.yml: plugins: course: shop: give the shop's name in ko, bg too, or one name for every language"
    result = mkdocs_build(course)
    assert result.returncode == 1 and message in result.stderr
    rendered = subprocess.run([sys.executable, "-m", "builder.cli", "render", "out"], cwd=course,
                              capture_output=True, text=True, timeout=120)
    assert rendered.returncode == 1 and rendered.stderr == f"course: {message}\n"


def test_a_browser_that_refuses_storage_plays_from_memory_and_says_so_once(storage_blocking_page, site, tmp_path):
    page = storage_blocking_page
    with framed_by_another_site(site + "greeting/", tmp_path / "top") as top:
        page.goto(top)
        frame = next(frame for frame in page.frames if frame.url.endswith("/greeting/"))
        frame.wait_for_load_state()
        assert frame.evaluate("() => { try { localStorage.length; return 'open'; } catch (e) { return e.name; } }") == "SecurityError"
        memory = frame.locator(".course-progress__memory")
        frame.locator(".course-chat-window__choice", has_text=BEST_FIRST).click()
        frame.locator(".course-chat-window__choice", has_text=BEST_DELIVERY).click()
        assert memory.inner_text() == "这个浏览器不允许保存数据，关闭页面后结果不会保留。"
        frame.locator(".course-chat-window__again").click()
        frame.locator(".course-chat-window__choice", has_text=BEST_FIRST).click()
        frame.locator(".course-chat-window__choice", has_text=BEST_DELIVERY).click()
        frame.locator(".course-chat-window__summary").wait_for()
        assert memory.count() <= 1  # said once, not after every result
        assert frame.evaluate("window.courseStore.records().scenarios['size-question'].best") == 20


@pytest.mark.parametrize("stored", ["{not json", '{"learners": 5}', '{"current": 7, "learners": {"~": "x"}}',
                                    '{"current": "x", "learners": {"~x": {"scenarios": {"size-question": {"best": "NaN", "max": 0}}, "skills": {"greeting#first-reply": "2"}}}}',
                                    '{"current": "__proto__", "learners": {}}'])
def test_a_corrupted_book_of_learners_is_ignored(page, site, stored):
    page.goto(site + "progress/")
    page.evaluate("([value]) => localStorage.setItem('course-progress:v2:/course/', value)", [stored])
    page.reload()
    assert status(page) == "还没练习"
    assert page.locator("[data-skill='greeting#first-reply'] [data-skill-best]").inner_text() == "–"
    pass_everything(page, site)
    page.goto(site + "progress/")
    assert status(page) == "已通过"
