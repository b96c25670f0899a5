"""The SCORM 1.2 package inside a real LMS runtime: scorm-again, the runtime learning systems embed.

`tests/scorm` installs it from the npm registry (`npm ci --prefix tests/scorm`). The LMS page holds
its `Scorm12API`, loaded with the learner's stored record as an LMS loads it at launch, and logs
every call the course makes with what the runtime returned; the package runs two frames below it.
Leaving the page (the frame removed) ends the session; what the runtime then holds is what an LMS
stores, and the next launch starts from it.
"""

from __future__ import annotations

import json
import re
import shutil
import zipfile
from pathlib import Path
from urllib.parse import quote

import pytest

from .site_server import framed_by_another_site, serving
from .test_export import exported  # noqa: F401  (the packages, made once per module by the real command)
from .test_roleplay import ARGUE, BEST_DELIVERY, BEST_FIRST, CURT_FIRST

RUNTIME = Path(__file__).parent / "scorm" / "node_modules" / "scorm-again" / "dist" / "scorm12.js"
LMS_PAGE = """<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>LMS</title>
<script src="scorm12.js"></script><script>
var launch = JSON.parse(decodeURIComponent(location.hash.slice(1)) || "{}");
window.API = new Scorm12API(Object.assign({ logLevel: 5 }, launch.settings));
delete launch.settings;
API.loadFromJSON(launch, "");
window.calls = [];
["LMSInitialize", "LMSFinish", "LMSCommit", "LMSGetValue", "LMSSetValue", "LMSGetLastError",
 "LMSGetErrorString", "LMSGetDiagnostic"].forEach(function (name) {
  var real = API[name].bind(API);
  API[name] = function () {
    var result = real.apply(null, arguments);
    calls.push([name].concat([].slice.call(arguments), [String(result)]));
    return result;
  };
});
// What an LMS keeps of the session for the next launch.
window.kept = function () {
  var cmi = JSON.parse(JSON.stringify(API.cmi));
  return { core: { student_id: cmi.core.student_id, student_name: cmi.core.student_name,
                   lesson_status: cmi.core.lesson_status, score: cmi.core.score,
                   entry: cmi.core.exit === "suspend" ? "resume" : "" },
           suspend_data: cmi.suspend_data, student_data: { mastery_score: "80" } };
};
window.interactions = function () { return Object.values(JSON.parse(JSON.stringify(API.cmi.interactions))); };
</script></head><body><iframe id="player" src="player.html" style="width:100%;height:90vh"></iframe></body></html>"""
PLAYER = '<!doctype html><html><body><iframe id="sco" src="course/scorm.html" style="width:100%;height:88vh"></iframe></body></html>'
GRADING = re.compile(r"^cmi\.(core\.lesson_status|core\.score\.|suspend_data|interactions\.)")
LEARNER_1 = {"core": {"student_id": "u-1001", "student_name": "Wang, Fang"}, "student_data": {"mastery_score": "80"}}
LEARNER_2 = {"core": {"student_id": "u-1002", "student_name": "Li, Na"}, "student_data": {"mastery_score": "80"}}
# SCORM 1.2's own value formats (RTE 3.4), stricter than the runtime's checks.
IDENTIFIER = re.compile(r"^[\x21-\x7e]{1,255}$")
TIMESPAN = re.compile(r"^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$")
TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,2})?$")
DECIMAL = re.compile(r"^-?\d+(\.\d+)?$")


@pytest.fixture(scope="module")
def lms_www(exported, tmp_path_factory):  # noqa: F811
    www = tmp_path_factory.mktemp("lms")
    if not RUNTIME.is_file():
        pytest.fail(f"{RUNTIME} is missing: npm ci --prefix tests/scorm")
    with zipfile.ZipFile(exported / "course-scorm-zh.zip") as package:
        package.extractall(www / "course")
    shutil.copy(RUNTIME, www / "scorm12.js")
    (www / "lms.html").write_text(LMS_PAGE, encoding="utf-8")
    (www / "player.html").write_text(PLAYER, encoding="utf-8")
    (www / "refused.json").write_text('{"result": false, "errorCode": 101}', encoding="utf-8")
    return www


@pytest.fixture(scope="module")
def lms(lms_www):
    with serving(lms_www) as base:
        yield base


class Launch:
    """One launch of the package by the LMS page `lms` (a Playwright frame or page)."""

    def __init__(self, page, lms):
        self.page, self.lms = page, lms
        self.started, self.current = True, None

    def course(self, name: str):
        for _ in range(100):
            frame = next((frame for frame in self.page.frames if frame.url.split("#")[0].endswith("/course/" + name)), None)
            if frame:
                frame.wait_for_load_state("networkidle")  # the search worker too: none is cut off when the test ends
                return frame
            self.page.wait_for_timeout(100)
        raise AssertionError(f"no frame shows {name}: {[frame.url for frame in self.page.frames]}")

    def go(self, name: str):
        """The course's frame, moved to another of its pages, as the learner clicks through it."""
        current = self.course("index.html") if self.started else self.current
        current.goto(re.sub(r"/course/[^#]*", "/course/" + name, current.url))
        self.started, self.current = False, self.course(name)
        return self.current

    def calls(self, name: str | None = None) -> list[list[str]]:
        return [call for call in self.lms.evaluate("calls") if name is None or call[0] == name]

    def set_values(self, key_pattern: str = "") -> list[tuple[str, str]]:
        return [(call[1], call[2]) for call in self.calls("LMSSetValue") if re.match(key_pattern, call[1])]

    def values(self, key: str) -> list[str]:
        return [value for name, value in self.set_values() if name == key]

    def leave(self) -> dict:
        self.lms.locator("#player").evaluate("player => player.remove()")
        self.lms.wait_for_function("calls.some(c => c[0] === 'LMSFinish')")
        return self.lms.evaluate("kept()")


def launch(page, lms: str, record: dict) -> Launch:
    page.goto("about:blank")  # a new launch loads the LMS page anew, even when only its record differs
    page.goto(f"{lms}/lms.html#" + json.dumps(record))
    return Launch(page, page)


def play_poorly(frame) -> None:
    frame.locator(".course-chat-window__choice", has_text=CURT_FIRST).click()
    frame.locator(".course-chat-window__choice", has_text=ARGUE).click()
    frame.locator("[data-summary]").wait_for()


def play_best(frame) -> None:
    frame.locator(".course-chat-window").wait_for()
    if frame.locator(".course-chat-window__again").count():  # the chat shows this tab's last attempt
        frame.locator(".course-chat-window__again").click()
    frame.locator(".course-chat-window__choice", has_text=BEST_FIRST).click()
    frame.locator(".course-chat-window__choice", has_text=BEST_DELIVERY).click()
    frame.locator("[data-summary]").wait_for()


def test_best_play_passes_with_score_progress_and_one_interaction_per_choice(page, lms):
    run = launch(page, lms, LEARNER_1)
    assert run.calls()[0] == ["LMSInitialize", "", "true"]
    assert run.values("cmi.core.lesson_status") == ["incomplete"]
    frame = run.go("greeting.html")
    play_poorly(frame)
    assert run.values("cmi.core.lesson_status") == ["incomplete"] and run.values("cmi.core.score.raw") == []
    frame.locator(".course-chat-window__again").click()
    play_best(frame)
    assert run.values("cmi.core.lesson_status") == ["incomplete", "passed"]
    assert run.values("cmi.core.score.raw") == ["100"]
    assert run.values("cmi.suspend_data")[-1].startswith("size-question:20/20|")
    assert "failed" not in run.values("cmi.core.lesson_status")
    recorded = run.lms.evaluate("interactions()")
    # The written order of the replies (a, b …), whatever order the chat showed them in.
    assert [(i["id"], i["student_response"], i["result"], i["correct_responses"]["0"]["pattern"]) for i in recorded] == [
        ("size-question.opening", "b", "wrong", "a"), ("size-question.cold-reply", "b", "wrong", "a"),
        ("size-question.opening", "a", "correct", "a"), ("size-question.delivery", "b", "correct", "b")]
    for interaction in recorded:
        assert IDENTIFIER.match(interaction["id"]) and interaction["type"] == "choice"
        assert interaction["result"] in {"correct", "wrong", "unanticipated", "neutral"}
        assert DECIMAL.match(interaction["weighting"]) and TIMESPAN.match(interaction["latency"])
        assert TIME.match(interaction["time"]), interaction["time"]
        assert interaction["objectives"]["0"]["id"] == "greeting#first-reply"
    assert all(call[-1] == "true" for call in run.calls() if call[0] in ("LMSSetValue", "LMSCommit"))
    assert len(run.calls("LMSInitialize")) == 1


def test_leaving_finishes_once_with_every_value_accepted(page, lms):
    run = launch(page, lms, LEARNER_1)
    warnings: list[str] = []
    page.on("console", lambda message: message.type == "warning" and warnings.append(message.text))
    sco = next(frame for frame in page.frames if frame.url.endswith("/course/scorm.html"))
    before = len(run.calls("LMSCommit"))
    sco.evaluate("""() => {
        Object.defineProperty(document, 'visibilityState', {value: 'hidden', configurable: true});
        document.dispatchEvent(new Event('visibilitychange'));
    }""")
    assert len(run.calls("LMSCommit")) == before + 1
    run.leave()
    finishing = run.calls()[-7:]
    assert [call[0] for call in run.calls()].count("LMSFinish") == 1
    assert run.calls()[-2:] == [["LMSFinish", "", "true"], ["LMSGetLastError", "0"]]
    assert ("cmi.core.exit", "suspend") in run.set_values()
    assert TIMESPAN.match(run.values("cmi.core.session_time")[0])
    assert all(call[-1] in ("true", "0") for call in finishing if call[0] != "LMSGetValue"), finishing
    assert warnings == []


def test_a_second_learner_in_the_same_browser_starts_clean(page, lms):
    first = launch(page, lms, LEARNER_1)
    frame = first.go("greeting.html")
    play_best(frame)
    assert first.values("cmi.core.lesson_status")[-1] == "passed"
    # The LMS record is the only record: nothing of the learner's progress is left in the browser.
    assert frame.evaluate("Object.keys(localStorage).filter(key => key.startsWith('course-progress'))") == []
    first.leave()
    page.goto(f"{lms}/course/scorm.html")  # and someone plays the package outside the LMS, in this browser
    play_best(Launch(page, page).go("greeting.html"))
    second = launch(page, lms, LEARNER_2)  # the same browser profile, the LMS's record of another learner
    chat = second.go("greeting.html")
    assert chat.locator(".course-chat-window__summary").count() == 0  # nor the last learner's attempt
    assert chat.locator(".course-chat-window__line").count() == 1
    progress = second.go("progress.html")
    assert progress.locator("[data-learner-name]").inner_text() == "Li, Na"
    assert progress.locator("[data-learner-form]").is_hidden()  # in an LMS, the LMS says who is learning
    assert progress.locator("[data-progress-row=size-question] [data-status]").inner_text() == "还没练习"
    assert second.set_values(GRADING.pattern) == [("cmi.core.lesson_status", "incomplete")]
    assert second.leave()["core"]["lesson_status"] == "incomplete"


def test_a_relaunch_restores_results_and_skills_and_never_downgrades_a_pass(page, lms):
    first = launch(page, lms, LEARNER_1)
    frame = first.go("greeting.html")
    play_poorly(frame)
    frame.locator(".course-chat-window__again").click()
    play_best(frame)
    kept = first.leave()
    assert kept["core"]["lesson_status"] == "passed" and kept["core"]["entry"] == "resume"
    again = launch(page, lms, kept)
    progress = again.go("progress.html")
    assert progress.locator("[data-progress-row=size-question]").inner_text().split("\t")[1:] == ["20 / 20", "已通过"]
    assert progress.locator("[data-skill='greeting#first-reply'] [data-skill-best]").inner_text() == "2 / 4 次"
    assert progress.locator("[data-progress-message]").inner_text() == "学习平台已经记录你通过了本课程。"
    assert again.set_values(GRADING.pattern) == []
    # A record that says "passed" without any progress (another package, an LMS import) stays passed.
    bare = launch(page, lms, {**LEARNER_1, "core": {**LEARNER_1["core"], "lesson_status": "passed"}})
    bare.go("progress.html")
    assert bare.set_values(GRADING.pattern) == []


def test_reset_clears_practice_but_not_the_lms_pass(page, lms):
    run = launch(page, lms, LEARNER_1)
    play_best(run.go("greeting.html"))
    progress = run.go("progress.html")
    assert "学习平台已经记录的通过和分数不会因此撤销" in progress.locator(".course-progress__reset-note").inner_text()
    progress.get_by_role("button", name="清除我的进度").click()
    assert progress.locator("[data-progress-row=size-question] [data-status]").inner_text() == "还没练习"
    assert run.values("cmi.suspend_data")[-1] == ""
    assert run.values("cmi.core.lesson_status") == ["incomplete", "passed"]
    assert run.leave()["core"]["score"]["raw"] == "100"


@pytest.mark.parametrize("launched_as", [{"lesson_mode": "review"}, {"lesson_mode": "browse"}, {"credit": "no-credit"}])
def test_review_browse_and_no_credit_launches_write_nothing_that_grades(page, lms, launched_as):
    run = launch(page, lms, {**LEARNER_1, "core": {**LEARNER_1["core"], "lesson_status": "incomplete", **launched_as}})
    play_best(run.go("greeting.html"))
    progress = run.go("progress.html")
    assert progress.locator("[data-progress-row=size-question] [data-status]").inner_text() == "已通过"  # practice shows
    assert progress.locator("[data-progress-message]").inner_text().startswith("学习平台以复习方式打开了本课程")
    assert run.set_values(GRADING.pattern) == []
    assert run.leave()["suspend_data"] == ""


def test_without_an_lms_the_package_is_the_plain_course(page, lms):
    page.goto(f"{lms}/course/scorm.html")
    frame = Launch(page, page).go("greeting.html")
    frame.locator(".course-chat-window__choice", has_text=BEST_FIRST).click()
    assert frame.locator(".course-chat-window__choice", has_text=BEST_DELIVERY).is_visible()


def test_framed_from_another_site_with_storage_blocked_every_result_still_reaches_the_lms(storage_blocking_page, lms, tmp_path):
    page = storage_blocking_page
    with framed_by_another_site(f"{lms}/lms.html#" + quote(json.dumps(LEARNER_1)), tmp_path / "top") as top:
        page.goto(top)
        player = next(frame for frame in page.frames if frame.url.split("#")[0].endswith("/lms.html"))
        run = Launch(page, player)
        frame = run.go("greeting.html")
        assert frame.evaluate("() => { try { localStorage.length; return 'open'; } catch (e) { return e.name; } }") == "SecurityError"
        play_best(frame)
        assert run.values("cmi.core.lesson_status") == ["incomplete", "passed"]
        assert run.values("cmi.suspend_data")[-1].startswith("size-question:20/20")
        assert len(player.evaluate("interactions()")) == 2
        assert frame.locator(".course-progress__memory").count() == 0  # the LMS keeps it: nothing to warn about


def test_a_call_the_runtime_refuses_is_reported_with_its_error_never_ignored(page, lms):
    # The LMS's server answers every commit with a refusal, as scorm-again's protocol says it.
    run = launch(page, lms, {**LEARNER_1, "settings": {"lmsCommitUrl": "/refused.json"}})
    warnings: list[str] = []
    page.on("console", lambda message: message.type == "warning" and warnings.append(message.text))
    play_best(run.go("greeting.html"))
    refused = run.calls("LMSCommit")[-1]
    assert refused == ["LMSCommit", "", "false"]
    code = run.calls("LMSGetLastError")[-1][-1]
    assert code != "0"
    assert any(warning.startswith(f"SCORM LMSCommit failed: error {code} ") for warning in warnings), warnings
    run.leave()
    assert len(run.calls("LMSFinish")) == 1


def test_a_try_failed_by_a_critical_mistake_never_counts_as_a_pass_whatever_its_points(page, lms):
    run = launch(page, lms, LEARNER_1)
    frame = run.go("greeting.html")
    frame.evaluate("""() => document.querySelector('[data-roleplay]').dispatchEvent(new CustomEvent('course:result',
        {bubbles: true, detail: {scenario: 'size-question', score: 20, max: 20, passed: false, critical: true}}))""")
    assert run.values("cmi.suspend_data")[-1] == "size-question:20/20!"
    assert run.values("cmi.core.lesson_status") == ["incomplete"]
    play_best(frame)
    assert run.values("cmi.suspend_data")[-1].startswith("size-question:20/20|")
    assert run.values("cmi.core.lesson_status") == ["incomplete", "passed"]
    again = launch(page, lms, {**LEARNER_1, "suspend_data": "size-question:20/20!"})
    progress = again.go("progress.html")
    assert progress.locator("[data-progress-row=size-question] [data-status]").inner_text() == "未通过"
    assert again.set_values(GRADING.pattern) == [("cmi.core.lesson_status", "incomplete")]
