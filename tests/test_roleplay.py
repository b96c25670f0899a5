"""The role-play chat in a real browser, one behaviour per test, against the fixture course built for real.

The fixture scenario (tests/fixtures/course/quizzes/size-question.yaml): the
best path is opening → delivery (10 + 10 points); the curt first reply leads
to a harder turn, "cold-reply", from which the learner can still recover.
"""

from __future__ import annotations

import shutil

import pytest
import yaml

from .conftest import FIXTURE, LANGUAGES, make_course, mkdocs_build
from .site_server import serving

BEST_FIRST = "亲，您好！38码有货，今天下单今天发。"
CURT_FIRST = "有的，38码有货，直接拍就行。"
BEST_DELIVERY = "一般两到三天送到，发货后我把快递单号发给您。"
HARDER_TURN = "就一个字？你们客服都这么敷衍吗？"
RECOVER = "抱歉，刚才回复太简短了。38码有货，今天下单今天发。"
ARGUE = "有货就是有货啊，38码有，您直接下单就行。"
PROMISE = "肯定明天就到。我们发的是最快的快递，您放心等着就好。"
SCENARIO = yaml.safe_load((FIXTURE / "quizzes/size-question.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The site served twice, as two project sites of one GitHub owner share an origin."""
    root = tmp_path_factory.mktemp("roleplay")
    course = make_course(root / "course")
    result = mkdocs_build(course, "--strict", "-d", str(root / "www" / "course-a"))
    assert result.returncode == 0, result.stderr
    shutil.copytree(root / "www" / "course-a", root / "www" / "course-b")
    with serving(root / "www") as base:
        yield base + "/course-a/"


def choose(page, reply: str) -> None:
    page.locator(".course-chat-window__choice", has_text=reply).click()


def tab_to(page, reply: str) -> None:
    """Move the focus with Tab alone to the reply button that says `reply`: the order changes per attempt."""
    for _ in range(6):
        if page.evaluate("document.activeElement.textContent") == reply:
            return
        page.keyboard.press("Tab")
    pytest.fail(f"Tab never reached the reply {reply!r}")


def summary(page) -> str:
    return page.locator(".course-chat-window__summary").inner_text()


def test_best_path_scores_full_marks_and_passes(page, site):
    page.goto(site + "greeting/")
    log = page.locator("[data-roleplay] [role=log]")
    assert log.get_attribute("aria-live") == "polite"
    choose(page, BEST_FIRST)
    assert "陈女士很满意" in log.inner_text()
    choose(page, BEST_DELIVERY)
    text = summary(page)
    assert "得分：20/20（100%）" in text
    assert "通过：达到了80%。" in text
    assert "陈女士下单了。" in text
    assert page.locator(".course-chat-window__mood").inner_text() == "顾客情绪：🙂 满意"


def test_poor_reply_leads_to_a_harder_turn_and_costs_points(page, site):
    page.goto(site + "greeting/")
    choose(page, CURT_FIRST)
    assert page.locator(".course-chat-window__line--customer").last.inner_text().endswith(HARDER_TURN)
    assert page.locator(".course-chat-window__mood").inner_text() == "顾客情绪：😠 生气"
    choose(page, RECOVER)
    choose(page, BEST_DELIVERY)
    assert "得分：19/20（95%）" in summary(page)


def test_worst_path_ends_the_chat_and_fails_with_every_note(page, site):
    page.goto(site + "greeting/")
    choose(page, CURT_FIRST)
    choose(page, ARGUE)
    text = summary(page)
    assert "陈女士没有下单就走了。" in text
    assert "得分：2/20（10%）" in text
    assert "未通过" in text
    assert "先问候，再回答。" not in text  # the step-by-step notes are folded away
    page.locator(".course-chat-window__steps summary").click()
    text = summary(page)
    assert "先问候，再回答。" in text and "和顾客争辩只会失去顾客。" in text
    assert page.locator(".course-chat-window__choice").count() == 0


def test_try_again_starts_the_scenario_over(page, site):
    page.goto(site + "greeting/")
    choose(page, CURT_FIRST)
    choose(page, ARGUE)
    page.get_by_role("button", name="再练一次").click()
    assert page.locator(".course-chat-window__line").count() == 1
    assert page.locator(".course-chat-window__choice").count() == 2
    assert page.evaluate("document.activeElement.textContent") in (CURT_FIRST, BEST_FIRST)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_whole_scenario_with_the_keyboard_alone(page, site, language):
    turns = {turn["id"]: turn for turn in SCENARIO["turns"]}
    page.goto(site + ("" if language == "zh" else f"{language}/") + "greeting/")
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('course-chat-window__choice')"):
            break
    tab_to(page, turns["opening"]["choices"][0]["reply"][language])  # the best first reply
    page.keyboard.press("Enter")
    tab_to(page, turns["delivery"]["choices"][1]["reply"][language])  # the best delivery reply
    page.keyboard.press("Space")
    assert ("100 %" if language == "bg" else "100%") in summary(page)  # Bulgarian writes a space before %
    assert page.evaluate("document.activeElement.tagName") == "H4"


def test_progress_is_kept_after_a_reload(page, site):
    page.goto(site + "greeting/")
    choose(page, BEST_FIRST)
    choose(page, BEST_DELIVERY)
    page.goto(site + "progress/")
    row = page.locator("[data-progress-row=size-question]")
    assert row.inner_text().split("\t")[1:] == ["20 / 20", "已通过"]
    page.reload()
    assert row.inner_text().split("\t")[1:] == ["20 / 20", "已通过"]


def test_a_worse_try_does_not_lower_the_best_score(page, site):
    page.goto(site + "greeting/")
    choose(page, BEST_FIRST)
    choose(page, BEST_DELIVERY)
    page.get_by_role("button", name="再练一次").click()
    choose(page, CURT_FIRST)
    choose(page, ARGUE)
    page.goto(site + "progress/")
    assert "20 / 20" in page.locator("[data-progress-row=size-question]").inner_text()


def test_two_courses_on_one_origin_keep_their_own_progress(page, site):
    page.goto(site + "greeting/")
    choose(page, BEST_FIRST)
    choose(page, BEST_DELIVERY)
    page.goto(site.replace("/course-a/", "/course-b/") + "progress/")
    assert page.locator("[data-progress-row=size-question] [data-status]").inner_text() == "还没练习"


@pytest.mark.parametrize("stored", ["{not json", "[1,2]", '{"scenarios": {"size-question": "x"}}',
                                    '{"scenarios": {"size-question": {"best": "NaN", "max": 0}}}', "null"])
def test_a_corrupted_stored_value_is_ignored(page, site, stored):
    page.goto(site + "progress/")
    page.evaluate("([value]) => localStorage.setItem('course-progress:v1:/course-a/', value)", [stored])
    page.reload()
    assert page.locator("[data-progress-row=size-question] [data-status]").inner_text() == "还没练习"
    page.goto(site + "greeting/")
    choose(page, BEST_FIRST)
    choose(page, BEST_DELIVERY)
    page.goto(site + "progress/")
    assert page.locator("[data-progress-row=size-question] [data-status]").inner_text() == "已通过"


def test_reset_clears_progress(page, site):
    page.goto(site + "greeting/")
    choose(page, BEST_FIRST)
    choose(page, BEST_DELIVERY)
    page.goto(site + "progress/")
    page.get_by_role("button", name="清除我的进度").click()
    assert page.locator("[data-progress-message]").inner_text() == "进度已清除。"
    page.reload()
    assert page.locator("[data-progress-row=size-question] [data-status]").inner_text() == "还没练习"


def test_switching_language_mid_chat_goes_on_in_the_other_language(page, site):
    page.goto(site + "greeting/")
    choose(page, BEST_FIRST)
    page.locator(".md-select__link[hreflang=ko]").first.dispatch_event("click")
    page.wait_for_url(site + "ko/greeting/")
    chat = page.locator("[data-roleplay=size-question]")
    lines = chat.locator(".course-chat-window__line--customer")
    assert lines.first.inner_text().endswith("이 운동화 240 있나요?")
    assert lines.last.inner_text().endswith("며칠 걸려요?")
    assert page.locator("#scenario--size-question").inner_text().startswith("사이즈 문의")
    choose(page, "보통 2~3일 걸리고, 발송되면 운송장 번호를 보내 드리겠습니다.")
    page.goto(site + "ko/progress/")
    assert page.locator("[data-progress-row=size-question] [data-status]").inner_text() == "통과"


def test_completion_page_opens_only_when_every_scenario_is_passed(page, site):
    page.goto(site + "bg/completion/")
    assert page.locator("[data-completion-ready]").is_hidden()
    assert "Досега сте преминали 0" in page.locator("[data-completion-locked]").inner_text()
    page.goto(site + "bg/greeting/")
    choose(page, "Здравейте! Да, 38 номер е наличен и ако поръчате днес, изпращаме днес.")
    choose(page, "Обикновено за два-три дни; щом изпратим, ще Ви пратя номера на товарителницата.")
    page.goto(site + "bg/completion/")
    assert page.locator("[data-completion-locked]").is_hidden()
    page.get_by_label("Име").fill("Мария Петрова")
    certificate = page.locator("[data-completion-ready]").inner_text()
    assert "Мария Петрова завърши всички ролеви игри от курса" in certificate
    assert page.locator("[data-module-summary]").inner_text().split("\t") == ["Поздравяване на клиента", "1 / 1", "100 %"]
    assert "самооценка" in certificate


def test_chat_starts_after_material_instant_navigation(page, tmp_path):
    course = make_course(tmp_path / "course")
    config = course / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("features:\n", "features:\n    - navigation.instant\n", 1),
                      encoding="utf-8")
    with serving(course / "site") as base:
        # Instant navigation needs site_url; not --strict: static-i18n warns about its switcher links.
        result = mkdocs_build(course, site_url=base + "/")
        assert result.returncode == 0, result.stderr
        page.goto(base + "/")
        page.evaluate("window.stillTheSamePage = true")
        page.locator(".md-content a[href*=greeting]").first.click()
        page.wait_for_url(base + "/greeting/")
        page.locator(".course-chat-window").wait_for()
        assert page.evaluate("window.stillTheSamePage") is True  # Material swapped the page in, no reload
        assert page.locator(".course-chat-window").count() == 1
        choose(page, BEST_FIRST)
        assert page.locator(".course-chat-window__feedback").count() == 1


HOSTILE = "</script><script>alert(1)</script><img src=x onerror=alert(2)> {{ 7*7 }} {% raw %}"


def test_hostile_scenario_text_is_shown_as_text_never_run(page, tmp_path):
    course = make_course(tmp_path / "course")
    quiz = course / "quizzes/size-question.yaml"
    text = quiz.read_text(encoding="utf-8")
    text = text.replace("zh: 有的，38码有货，直接拍就行。", f"zh: '{HOSTILE}'").replace("zh: 陈女士\n", f"zh: '{HOSTILE}'\n")
    quiz.write_text(text, encoding="utf-8")
    # The hostile reply is the longest now, so a cue passes: this course allows it, as escaping is the point here.
    config = course / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  - course:", "  - course:\n      cue_pass_limit: 100", 1),
                      encoding="utf-8")
    result = mkdocs_build(course)  # the edit makes the translation stale: a warning, not an error
    assert result.returncode == 0, result.stderr
    with serving(course / "site") as base:
        page.goto(base + "/greeting/")
        choose(page, HOSTILE)
        agent_line = page.locator(".course-chat-window__line--agent .course-chat-window__bubble")
        assert agent_line.inner_text() == HOSTILE
        assert page.locator(".course-chat-window__line--customer .course-chat-window__speaker").first.inner_text() == HOSTILE
        assert page.locator("img[src=x]").count() == 0


def order_of_replies(page) -> list[str]:
    return page.locator(".course-chat-window__choice").all_inner_texts()


def test_replies_come_in_a_fresh_order_on_each_attempt(page, site):
    page.goto(site + "greeting/")
    orders = set()
    for _ in range(12):  # two replies: the chance that twelve attempts all share one order is 1 in 2048
        orders.add(tuple(order_of_replies(page)))
        choose(page, CURT_FIRST)
        choose(page, ARGUE)
        page.get_by_role("button", name="再练一次").click()
    assert orders == {(BEST_FIRST, CURT_FIRST), (CURT_FIRST, BEST_FIRST)}


def test_a_reload_mid_chat_resumes_the_attempt_in_the_same_order(page, site):
    page.goto(site + "greeting/")
    choose(page, BEST_FIRST)
    before = order_of_replies(page)
    page.reload()
    assert page.locator(".course-chat-window__line--agent").inner_text().endswith(BEST_FIRST)
    assert order_of_replies(page) == before


@pytest.fixture(scope="module")
def strict_site(tmp_path_factory):
    """The fixture scenario with a critical first reply and a customer who leaves when furious."""
    root = tmp_path_factory.mktemp("strict-roleplay")
    course = make_course(root / "course")
    quiz = course / "quizzes/size-question.yaml"
    text = quiz.read_text(encoding="utf-8")
    text = text.replace("        points: 2\n", "        points: 0\n        critical: true\n", 1)
    text = text.replace("        points: 7\n", "        points: 5\n", 1)
    text = text.replace("mood: 2\nturns:", "mood: 2\nwalk_away: {at: 0, ending: left}\nturns:", 1)
    # The promise of next-day delivery leads on to 'ordered'; a customer already cross leaves on it instead.
    text = text.replace("        points: 3\n        mood: 0\n", "        points: 3\n        mood: -2\n", 1)
    text = text.replace("    mood: [2, 4]\n", "    mood: [1, 4]\n", 1)
    quiz.write_text(text, encoding="utf-8")
    result = mkdocs_build(course, "-d", str(root / "site"))
    assert result.returncode == 0, result.stderr
    with serving(root / "site") as base:
        yield base + "/"


def test_a_critical_mistake_fails_the_scenario_and_is_named_first(page, strict_site):
    page.goto(strict_site + "greeting/")
    choose(page, CURT_FIRST)
    assert "严重错误" in page.locator(".course-chat-window__feedback").inner_text()
    choose(page, RECOVER)
    choose(page, BEST_DELIVERY)
    text = summary(page)
    assert "得分：15/20（75%）" in text
    assert text.index("未通过：你犯了一个严重错误") < text.index(CURT_FIRST) < text.index("需要复习的原则")


def test_the_customer_walks_away_when_the_mood_falls_to_the_threshold(page, strict_site):
    page.goto(strict_site + "greeting/")
    choose(page, CURT_FIRST)
    choose(page, RECOVER)
    choose(page, PROMISE)  # written to lead on to 'ordered', but it brings her mood down to 0
    assert page.locator(".course-chat-window__line--customer").count() == 3
    assert "陈女士没有下单就走了。" in summary(page)
    assert page.locator(".course-chat-window__mood").inner_text() == "顾客情绪：😡 暴怒"


def test_a_screen_reader_hears_the_mood_word_each_chats_own_name_and_the_summary_once(page, site):
    page.goto(site + "greeting/")
    assert page.locator(".course-chat-window__face").get_attribute("aria-hidden") == "true"
    assert page.locator("[data-roleplay] [role=group]").get_attribute("aria-label") == "你的回复：尺码咨询"
    choose(page, BEST_FIRST)
    choose(page, BEST_DELIVERY)
    # The summary takes the focus (and is read then); outside the live log, it is not announced again.
    assert page.locator("[role=log] .course-chat-window__summary").count() == 0
    assert page.evaluate("document.activeElement.closest('.course-chat-window__summary') !== null")
