"""What a pass must mean, checked at build time: small broken scenarios and the exact messages.

The fixture scenario is cue-proof: neither the longest, the shortest nor a
reply at a fixed written position passes it. Each case below breaks one rule
of role-play format v2 (mood states, walk-away, critical mistakes, certain
words, cue-only strategies) and names what the trainer reads.
"""

from __future__ import annotations

import pytest

from builder import cues
from builder.course import load_course
from builder.errors import CourseError
from builder.settings import Settings

from .conftest import LANGUAGES
from .test_bad_input import QUIZ, ZH, edit

DELIVERY_BEST = "        next: ordered\n  - id: cold-reply"


def both(*breakages):
    def apply(course):
        for breakage in breakages:
            breakage(course)
    return apply


def a_second_roleplay(course, name: str = "size-question-again", order: int = 2):
    """A copy of the fixture's role-play, so that a mark can be shown by six replies."""
    (course / f"quizzes/{name}.yaml").write_text(
        (course / QUIZ).read_text(encoding="utf-8").replace("order: 1", f"order: {order}"), encoding="utf-8")


@pytest.fixture
def marks_learnt_from_five(monkeypatch):
    """The fixture is small: its two role-plays show a mark six times, below the course's eight (tested below)."""
    monkeypatch.setattr(cues, "MIN_MARK_USES", 5)


def passes_both(strategy: str) -> str:
    return (f"quizzes:1:1: a learner who picks '{strategy}' without reading passes 2 in zh of the 2 role-plays (at "
            "most 10 % may be passed so); it passes: size-question, size-question-again; open, close and punctuate "
            "wrong replies as the best ones are (the warnings name the marks)")


def a_third_opening_reply(zh: str, ko: str, bg: str):
    """The fixture's opening turn gets a third, wrong reply (2 points, on to the cold reply)."""
    return edit(QUIZ, "        next: cold-reply\n  - id: delivery", f"""        next: cold-reply
      - reply:
          zh: {zh}
          ko: {ko}
          bg: {bg}
        reaction:
          zh: 陈女士觉得被敷衍了。
          ko: 고객님은 성의 없는 답변이라고 느낍니다.
          bg: Клиентката се чувства пренебрегната.
        note:
          zh: 先问候，再回答。
          ko: 먼저 인사하고 답하세요.
          bg: Първо поздравете, после отговорете.
        teaches: greeting#first-reply
        points: 2
        mood: -1
        next: cold-reply
  - id: delivery""")


def best_replies_name(times: tuple[str, str, str]):
    """The three best replies of the fixture name a clock time each (today's dispatch, the tracking number)."""
    return both(edit(QUIZ, "zh: 亲，您好！38码有货，今天下单今天发。", f"zh: 亲，您好！38码有货，{times[0]}前下单今天发。"),
                edit(QUIZ, "zh: 一般两到三天送到，发货后", f"zh: 一般两到三天送到，{times[1]}发货后"),
                edit(QUIZ, "zh: 抱歉，刚才回复太简短了。38码有货，今天下单今天发。",
                     f"zh: 抱歉，刚才回复太简短了。38码有货，{times[2]}前下单今天发。"),
                a_second_roleplay)


CASES = [
    ("longest-reply-passes", edit(QUIZ, "zh: 肯定明天就到。我们发的是最快的快递，您放心等着就好。", "zh: 肯定明天就到。"),
     ["quizzes:1:1: a learner who picks 'always the longest reply' without reading passes 1 in zh of the 1 "
      "role-plays (at most 10 % may be passed so); it passes: size-question; make the other replies as long, "
      "careful and polite as the best one, and the best one not always the longest"]),
    ("stock-sentence-of-wrong-replies", both(  # each wrong reply as long as before, and closing alike
        edit(QUIZ, "zh: 有的，38码有货，直接拍就行。", "zh: 有的，38码有货。有问题随时找我。"),
        edit(QUIZ, "zh: 肯定明天就到。我们发的是最快的快递，您放心等着就好。", "zh: 肯定明天就到。我们发的是最快的快递。有问题随时找我。"),
        edit(QUIZ, "zh: 有货就是有货啊，38码有，您直接下单就行。", "zh: 有货就是有货啊，您下单就行。有问题随时找我。")),
     ["quizzes:1:1: a learner who picks 'the longest reply without a stock sentence of wrong replies' without "
      "reading passes 1 in zh of the 1 role-plays (at most 10 % may be passed so); it passes: size-question; word "
      "each wrong reply's opening and close on its own, as the best ones are (the warnings name the sentences)"]),
    ("best-alone-in-several-messages", both(  # the same words, the best replies sent as two chat messages
        edit(QUIZ, "zh: 亲，您好！38码有货，今天下单今天发。", "zh: [亲，您好！, 38码有货，今天下单今天发。]"),
        edit(QUIZ, "zh: 一般两到三天送到，发货后我把快递单号发给您。", "zh: [一般两到三天送到。, 发货后我把快递单号发给您。]")),
     ["quizzes:1:1: a learner who picks 'the most chat messages, the longest of them' without reading passes 1 in zh "
      "of the 1 role-plays (at most 10 % may be passed so); it passes: size-question; where the best reply comes in "
      "several chat messages, send a wrong one in as many, or the best one in fewer"]),
    ("exclamations-mark-wrong-replies", both(
        edit(QUIZ, "zh: 有的，38码有货，直接拍就行。", "zh: 有的，38码有货，直接拍就行！"),
        edit(QUIZ, "zh: 肯定明天就到。", "zh: 肯定明天就到！")),
     ["quizzes:1:1: a learner who picks 'the longest reply without '!'' without reading passes 1 in zh of the 1 "
      "role-plays (at most 10 % may be passed so); it passes: size-question; let the wrong replies sound as calm as "
      "the best ones: an exclamation mark must not tell them apart"]),
    ("tilde-marks-wrong-replies", both(  # six wrong replies in two role-plays end alike: a learnt mark
        edit(QUIZ, "zh: 有的，38码有货，直接拍就行。", "zh: 有的，38码有货，直接拍就行～"),
        edit(QUIZ, "zh: 肯定明天就到。我们发的是最快的快递，您放心等着就好。", "zh: 肯定明天就到。我们发的是最快的快递，您放心等着就好～"),
        edit(QUIZ, "zh: 有货就是有货啊，38码有，您直接下单就行。", "zh: 有货就是有货啊，38码有，您直接下单就行～"),
        a_second_roleplay),
     [passes_both("the longest reply without a mark of wrong replies")]),
    ("opening-marks-best-replies", both(  # six best replies in two role-plays open alike: a learnt mark of best ones
        edit(QUIZ, "zh: 亲，您好！38码有货，今天下单今天发。", "zh: 明白，亲，您好！38码有货，今天下单今天发。"),
        edit(QUIZ, "zh: 一般两到三天送到，", "zh: 明白，一般两到三天送到，"),
        edit(QUIZ, "zh: 抱歉，刚才回复太简短了。", "zh: 明白，抱歉，刚才回复太简短了。"),
        a_second_roleplay),
     [passes_both("the longest reply with a mark of best replies")]),
    ("tone-word-of-wrong-replies", both(  # six wrong replies in two role-plays reassure: a learnt tone mark
        lambda course: (course / "content/certain-words.yaml").open("a", encoding="utf-8").write("tone:\n  zh: [放心]\n"),
        edit(QUIZ, "zh: 有的，38码有货，直接拍就行。", "zh: 有的，38码有货，放心拍就行。"),
        edit(QUIZ, "zh: 有货就是有货啊，38码有，您直接下单就行。", "zh: 有货就是有货啊，38码有，您放心下单就行。"),
        a_second_roleplay),
     [passes_both("the longest reply without a mark of wrong replies")]),
    ("certain-word-of-wrong-replies", both(  # six wrong replies in two role-plays say 肯定, a certain word on no tone list
        edit(QUIZ, "zh: 有的，38码有货，直接拍就行。", "zh: 有的，38码肯定有货，直接拍就行。"),
        edit(QUIZ, "zh: 有货就是有货啊，38码有，您直接下单就行。", "zh: 有货就是有货啊，38码肯定有，您直接下单就行。"),
        a_second_roleplay),
     [passes_both("the longest reply without a mark of wrong replies")]),
    ("best-alone-in-the-most-sentences", both(  # the same words, the best replies cut into more sentences
        edit(QUIZ, "zh: 一般两到三天送到，发货后我把快递单号发给您。", "zh: 一般两到三天送到。发货后我把快递单号发给您。"),
        edit(QUIZ, "zh: 肯定明天就到。我们发的是最快的快递，", "zh: 肯定明天就到，我们发的是最快的快递，")),
     ["quizzes:1:1: a learner who picks 'the most sentences, the longest of them' without reading passes 1 in zh of "
      "the 1 role-plays (at most 10 % may be passed so); it passes: size-question; let a wrong reply of each turn say "
      "as many sentences as the best one, and the best one not always the most"]),
    ("best-between-the-longest-and-the-shortest",  # a third, longer wrong reply: the best is now the middle one
     a_third_opening_reply("有的，这款38码库存充足，您喜欢的话直接拍下付款就可以，我们会尽快给您安排发货",
                           "네, 240 사이즈는 재고가 넉넉해요. 마음에 드시면 바로 결제하시면 되고, 최대한 빨리 발송해 드릴게요.",
                           "Да, 38 номер има достатъчно. Ако Ви харесват, поръчайте направо, ще ги изпратим възможно най-бързо."),
     ["quizzes:1:1: a learner who picks 'always the second-longest reply' without reading passes 1 in zh, 1 in ko, "
      "1 in bg of the 1 role-plays (at most 10 % may be passed so); it passes: size-question; mix where the best "
      "reply falls by length, in turns of two replies as in turns of three: the longest in some, the shortest in "
      "some, between them in others"]),
    ("shorter-of-two-longest-of-three",  # a third, shorter wrong opening: the best is the longest of three
     a_third_opening_reply("有的。", "네, 있어요.", "Да, има."),
     ["quizzes:1:1: a learner who picks 'the shorter of two replies, else the longest' without reading passes 1 in "
      "zh, 1 in ko, 1 in bg of the 1 role-plays (at most 10 % may be passed so); it passes: size-question; mix where "
      "the best reply falls by length, in turns of two replies as in turns of three: the longest in some, the "
      "shortest in some, between them in others"]),
    ("clock-time-marks-best-replies", best_replies_name(("5点", "4点", "6点")),
     [passes_both("the longest reply with a mark of best replies")]),
    ("semicolon-marks-best-replies", both(  # six best replies in two role-plays join their clauses with '；'
        edit(QUIZ, "zh: 亲，您好！38码有货，今天下单今天发。", "zh: 亲，您好！38码有货；今天下单今天发。"),
        edit(QUIZ, "zh: 一般两到三天送到，发货后", "zh: 一般两到三天送到；发货后"),
        edit(QUIZ, "zh: 抱歉，刚才回复太简短了。38码有货，今天下单今天发。", "zh: 抱歉，刚才回复太简短了。38码有货；今天下单今天发。"),
        a_second_roleplay),
     [passes_both("the longest reply with a mark of best replies")]),
    ("critical-with-points", edit(QUIZ, "        points: 3\n", "        points: 3\n        critical: true\n"),
     [f"{QUIZ}:64:9: turns[2].choices[1]: a critical mistake scores 0 points, not 3"]),
    ("critical-note-repeats-the-mark", both(edit(QUIZ, "        points: 0\n        mood: -2\n", "        points: 0\n        critical: true\n        mood: -2\n"),
                                            edit(QUIZ, "zh: 和顾客争辩只会失去顾客。", "zh: 严重错误：和顾客争辩只会失去顾客。")),
     [f"{QUIZ}:127:15: turns[3].choices[2].note.zh: opens with '严重错误', which the chat already shows above this note; "
      "start with why the reply is wrong"]),
    ("critical-path-passes", edit(QUIZ, "        points: 2\n", "        points: 0\n        critical: true\n"),
     [f"{QUIZ}:56:19: turns[1].choices[2].critical: a path through this critical mistake (opening) scores 17 of "
      "20, a pass; give the replies after it fewer points"]),
    ("ending-mood-contradicted", edit(QUIZ, "    mood: [2, 4]\n", "    mood: [3, 4]\n"),
     [f"{QUIZ}:140:11: endings[1].mood: the customer can arrive here in mood 2 (opening → cold-reply → delivery → "
      "ordered), outside the mood this ending declares (3 to 4); change the replies' mood or the ending's"]),
    ("pass-ends-unresolved", both(edit(QUIZ, "    mood: [2, 4]\n    resolved: true\n", "    mood: [2, 3]\n    resolved: false\n"),
                                  edit(QUIZ, "        mood: 1\n" + DELIVERY_BEST, "        mood: 0\n" + DELIVERY_BEST)),
     [f"{QUIZ}:141:15: endings[1].resolved: a path that ends here unresolved (opening → cold-reply → delivery → "
      "ordered) scores 19 of 20, a pass; a pass must end with the case resolved"]),
    ("ending-undeclared", edit(QUIZ, "    mood: 0\n    resolved: false\n", ""),
     [f"{QUIZ}:142:5: endings[2].mood: missing; add it: The customer's mood at this ending: one value (0 furious … 4 "
      "satisfied) or [lowest, highest].",
      f"{QUIZ}:142:5: endings[2].resolved: missing; add it: Whether the customer got what they came for at this ending (the refund, the "
      "right item, a true answer and a way on), by what the shop may do; how they feel about it is the ending's "
      "mood. A pass must end at a resolved ending."]),
    ("unresolved-but-satisfied", edit(QUIZ, "    mood: 0\n    resolved: false\n", "    mood: [0, 4]\n    resolved: false\n"),
     [f"{QUIZ}:142:5: endings[2]: an unresolved case does not leave the customer satisfied (mood 4): lower this "
      "ending's mood, and the replies' mood on the way here"]),
    ("branch-never-taken", edit(QUIZ, DELIVERY_BEST, "        next:\n          - {if_mood_at_most: 0, to: left}\n"
                                "          - to: ordered\n  - id: cold-reply"),
     [f"{QUIZ}:96:13: turns[2].choices[2].next[1]: no customer reaches 'delivery' in a mood that takes this branch, "
      "so it never happens; change its condition or remove it"]),
    ("last-branch-conditional", edit(QUIZ, DELIVERY_BEST, "        next:\n          - {if_mood_at_most: 1, to: left}\n"
                                     "  - id: cold-reply"),
     [f"{QUIZ}:96:11: turns[2].choices[2].next: the last branch must have no condition, so that every mood leads "
      "somewhere; give it only 'to'"]),
    ("walk-away-to-a-turn", edit(QUIZ, "mood: 2\nturns:", "mood: 2\nwalk_away: {at: 0, ending: delivery}\nturns:"),
     [f"{QUIZ}:19:28: walk_away.ending: 'delivery' is not an ending here; the endings are: ordered, left"]),
    ("walk-away-that-happens", edit(QUIZ, "mood: 2\nturns:", "mood: 2\nwalk_away: {at: 0, ending: left}\nturns:"), []),
    ("walk-away-hides-next", both(edit(QUIZ, "mood: 2\nturns:", "mood: 2\nwalk_away: {at: 0, ending: left}\nturns:"),
                                  edit(QUIZ, "        mood: -2\n        next: left\n", "        mood: -2\n        next: delivery\n")),
     [f"{QUIZ}:134:15: turns[3].choices[2].next: the customer walks away on this reply on every way in (mood 0 or "
      "lower), so it never leads to 'delivery'; lead it to 'left'"]),
    ("walk-away-that-never-happens", both(edit(QUIZ, "mood: 2\nturns:", "mood: 2\nwalk_away: {at: 0, ending: left}\nturns:"),
                                          edit(QUIZ, "    mood: 0\n    resolved: false\n", "    mood: 1\n    resolved: false\n"),
                                          edit(QUIZ, "        mood: -2\n", "        mood: 0\n")),
     [f"{QUIZ}:19:17: walk_away.at: no path brings the customer's mood down to 0, so the customer never walks away; "
      "raise 'at' or remove 'walk_away'"]),
    ("four-messages", edit(QUIZ, "          zh: 一般两到三天送到，发货后我把快递单号发给您。\n",
                           "          zh: [一般两到三天送到。, 发货后, 我把快递单号, 发给您。]\n"),
     [f"{QUIZ}:81:15: turns[2].choices[2].reply.zh: has 4 items; at most 3 are allowed"]),
    ("certain-word-in-best-reply", edit(QUIZ, "zh: 一般两到三天送到，", "zh: 一定两到三天送到，"),
     [f"{QUIZ}:81:15: turns[2].choices[2].reply.zh: uses '一定', which promises certainty; the course teaches to "
      "leave room (say what you will do and when you will check), so reword it, or list the word under 'allow' "
      "if the line quotes it"]),
    ("certain-word-allowed", both(edit(QUIZ, "zh: 一般两到三天送到，", "zh: 一定两到三天送到，"),
                                  edit(QUIZ, DELIVERY_BEST, "        allow: {zh: [一定]}\n" + DELIVERY_BEST)), []),
    ("certain-word-in-good-line", edit(ZH, "text: 亲，您好！38 码有货，今天下单今天发。", "text: 亲，您好！38 码有货，保证今天发。"),
     [f"{ZH}:28:19: sections[1].dialogues[2].lines[2].text: uses '保证', which promises certainty; the course "
      "teaches to leave room (say what you will do and when you will check), so reword it, or list the word under "
      "'allow' if the line quotes it"]),
]


@pytest.mark.parametrize("name, breakage, expected", CASES, ids=[case[0] for case in CASES])
def test_a_broken_roleplay_rule_is_reported_precisely(course_dir, marks_learnt_from_five, name, breakage, expected):
    breakage(course_dir)
    try:
        load_course(course_dir, LANGUAGES)
        problems = []
    except CourseError as raised:
        problems = [str(problem) for problem in raised.problems]
    assert problems == expected


def test_a_best_reply_that_stands_out_by_length_is_a_warning_not_an_error(course_dir):
    edit(QUIZ, "zh: 有的，38码有货，直接拍就行。", "zh: 有的。")(course_dir)
    course = load_course(course_dir, LANGUAGES)
    assert [str(warning) for warning in course.warnings] == [
        f"{QUIZ}:27:15: turns[1].choices[1].reply.zh: in turn 'opening' the best reply (19 characters) is 6.3 × as "
        "long as the longest other (3); a learner can pick it by its length alone"]


def test_the_cue_limit_is_a_course_setting(course_dir):
    edit(QUIZ, "zh: 肯定明天就到。我们发的是最快的快递，您放心等着就好。", "zh: 肯定明天就到。")(course_dir)
    load_course(course_dir, LANGUAGES, Settings(cue_pass_limit=100))


def test_a_mark_only_wrong_replies_show_is_named_for_the_trainer(course_dir, marks_learnt_from_five):
    tilde = next(case[1] for case in CASES if case[0] == "tilde-marks-wrong-replies")
    tilde(course_dir)
    with pytest.raises(CourseError) as raised:
        load_course(course_dir, LANGUAGES)
    assert [str(warning) for warning in raised.value.warnings if warning.file == "quizzes"] == [
        "quizzes:1:1: in zh '~' marks 6 wrong replies and 0 best ones: a learner can rule out the replies that show "
        "it; let as many best replies show it, or fewer wrong ones"]


def test_a_sentence_only_wrong_replies_share_is_named_for_the_trainer(course_dir):
    stock = next(case[1] for case in CASES if case[0] == "stock-sentence-of-wrong-replies")
    stock(course_dir)
    with pytest.raises(CourseError) as raised:
        load_course(course_dir, LANGUAGES)
    assert [str(warning) for warning in raised.value.warnings if warning.file == "quizzes"] == [
        "quizzes:1:1: in zh the sentence '有问题随时找我。' stands in 3 wrong replies and in no best reply: a learner "
        "can rule out the replies that carry it; drop it, or word each reply's close on its own"]


def test_a_time_of_day_is_one_mark_not_punctuation(course_dir, marks_learnt_from_five):
    """16:00 names a clock time; its colon is not the punctuation mark ':' (nor is the '~' of a range)."""
    best_replies_name(("16:00", "16:30", "17:00"))(course_dir)
    with pytest.raises(CourseError) as raised:
        load_course(course_dir, LANGUAGES)
    assert [str(warning) for warning in raised.value.warnings if warning.file == "quizzes"] == [
        "quizzes:1:1: in zh 'names a clock time' marks 6 best replies and 0 wrong ones: a learner can pick the replies "
        "that show it; let as many wrong replies show it, or fewer best ones"]


def mark_warnings_of(course_dir) -> list[str]:
    try:
        warnings = load_course(course_dir, LANGUAGES).warnings
    except CourseError as raised:
        warnings = raised.warnings
    return [str(warning) for warning in warnings if " marks " in str(warning)]


def test_a_mark_is_learnt_from_eight_replies_shown_twice_as_often(course_dir):
    """Six wrong replies with '~' in two role-plays are too few to learn from; nine in three are not."""
    next(case[1] for case in CASES if case[0] == "tilde-marks-wrong-replies")(course_dir)
    assert mark_warnings_of(course_dir) == []
    a_second_roleplay(course_dir, "size-question-later", 3)
    assert mark_warnings_of(course_dir) == [
        "quizzes:1:1: in zh '~' marks 9 wrong replies and 0 best ones: a learner can rule out the replies that show "
        "it; let as many best replies show it, or fewer wrong ones"]


def test_a_learner_who_follows_the_last_feedback_finds_best_replies_at_one_length_rank(course_dir):
    """The best delivery reply made the longest: now every best reply on the way is the longest of its turn. A
    learner who slips first (the shorter opening) learns from the feedback that the best was the longest, and
    passes by taking the longest from then on; always taking the shortest still fails."""
    edit(QUIZ, "zh: 一般两到三天送到，发货后我把快递单号发给您。",
         "zh: 一般两到三天送到，发货后我把快递单号发给您，物流有变化我也会告诉您。")(course_dir)
    course = load_course(course_dir, LANGUAGES, Settings(cue_pass_limit=100))
    passes = cues.cue_passes(course.scenarios, LANGUAGES, course.settings)
    assert passes[cues.FOLLOWING[1]]["zh"] == ["size-question"]
    assert passes["always the shortest reply"]["zh"] == []

