"""Can a learner pass the role-plays without reading them? Played here with cue-only strategies.

A test-wise learner picks the longest reply, or the shortest, or the one between
them (the second-longest, the second-shortest), or the shorter of two and the
longest of three (or the other way round), or always the first one, or, having
read each turn's feedback, the one at the length rank the last best reply had (the chat
shuffles the replies, so their written place tells such a learner nothing), or the one
sent in the most chat messages, or rules out the replies that exclaim ("!"), or
learns after a few role-plays that a stock sentence ("有问题随时找我") or a mark
(an opening, 抱歉, a clock time, '；') goes with wrong or best replies; if such a strategy passes
more than a few scenarios, a pass no longer means the learner judged well, and
the build stops. A turn whose best reply stands out by its length alone, and a
stock sentence only wrong replies carry, are warnings for the trainer.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable

from .graph import Path, Play
from .schema import Choice, Scenario, Turn
from .settings import Settings

Pick = Callable[[list[Choice], str], Choice]
# A strategy also knows the turn before, whose best reply the feedback showed; most strategies do not look at it.
Strategy = Callable[[Turn | None, list[Choice], str], Choice]
Tone = tuple[str, ...] | list[str]  # one language's tone words
ToneWords = dict[str, list[str]]    # per language


def reply_length(choice: Choice, language: str) -> int:
    """Characters of the whole reply, every message of it, as the learner sees it."""
    return sum(len(text.strip()) for text in choice.reply[language])


def _by_length(longest: bool, rank: int = 0) -> Pick:
    """The reply at `rank` (0 the first) counted from the longest or from the shortest; ties keep written order."""
    def pick(choices: list[Choice], language: str) -> Choice:
        ordered = sorted(choices, key=lambda choice: reply_length(choice, language), reverse=longest)
        return ordered[min(rank, len(ordered) - 1)]
    return pick


def _by_count(longer_of_two: bool) -> Pick:
    """One length rule for turns of two replies, the opposite for turns of more: a learner who has seen that the
    best of two is usually the shorter may still find the best of three among the longest."""
    of_two, of_more = _by_length(longer_of_two), _by_length(not longer_of_two)
    return lambda choices, language: (of_two if len(choices) == 2 else of_more)(choices, language)


def _at_position(position: int) -> Pick:
    return lambda choices, language: choices[min(position, len(choices)) - 1]


def _excluding(unwanted: Callable[[Choice, str], bool], longest: bool) -> Pick:
    """Rule out the replies `unwanted` flags (all of them if every reply is flagged), then pick by length."""
    by_length = _by_length(longest)

    def pick(choices: list[Choice], language: str) -> Choice:
        return by_length([choice for choice in choices if not unwanted(choice, language)] or choices, language)
    return pick


def message_count(choice: Choice, language: str) -> int:
    """The chat bubbles a reply comes in: a learner sees at a glance which reply has more."""
    return len(choice.reply[language])


def sentence_count(choice: Choice, language: str) -> int:
    """The sentences of a reply, every message of it: a thorough-looking reply is seen before it is read."""
    return sum(1 for text in choice.reply[language] for part in _SENTENCE_END.split(text) if part.strip())


def _most(count: Callable[[Choice, str], int], longest: bool) -> Pick:
    by_length = _by_length(longest)

    def pick(choices: list[Choice], language: str) -> Choice:
        most = max(count(choice, language) for choice in choices)
        return by_length([choice for choice in choices if count(choice, language) == most], language)
    return pick


_EXCLAMATION = re.compile("[!！]")


def exclaims(choice: Choice, language: str) -> bool:
    return any(_EXCLAMATION.search(text) for text in choice.reply[language])


_OPENER = re.compile(r"[^\s，,、。.!！?？：:～~—-]{1,8}")
_TILDE = re.compile(r"[～~](?!\d)|(?<!\d)[～~]")  # a tone mark, not a range (3~5일)
# A clock time (4시, 16:00, 3点, 17 ч.), not a span (24시간): best replies that promise a time must not be the
# only ones that name one.
_CLOCK = re.compile(r"\d{1,2}\s?(?:시(?!간)|点|ч\.)|\d{1,2}[:：]\d{2}")
# Punctuation inside a reply (；, :, ·, –, an opening quote) is seen before a word is read; a range, a time or a
# decimal (3~5, 2–3, 16:00, 4,50) is content, not a habit. Commas and full stops stand in every reply; '!' and '~'
# are marks of their own; a closing quote or bracket goes with its opening one.
_BETWEEN_DIGITS = re.compile(r"(?<=\d)[^\w\s](?=\d)")
_NOT_PUNCTUATION_MARKS = ",，.。、!！~～"
_PARTICLE = re.compile(r"([\u4e00-\u9fff])[～~]*[。！？!?…，,]*$")
MIN_MARK_USES = 8  # a mark met this often in wrong replies,
MARK_RATIO = 2     # and twice as often as in best replies, is learnt: a learner who sees best replies
                   # apologise twice as often as wrong ones has a rule that needs no reading


def marks(choice: Choice, language: str, tone: Tone = ()) -> set[str]:
    """What a reply shows at a glance: how it opens, an exclamation, a tilde, a closing particle (哦, 呢), a clock
    time, its punctuation (；, ·), the course's tone words (放心, спокойно) it uses."""
    texts = [text.strip() for text in choice.reply[language]]
    lowered = " ".join(texts).lower()
    found = {f"says {word}" for word in tone if word.lower() in lowered}
    opener = _OPENER.match(texts[0])
    found |= {f"opens with {opener.group()}"} if opener else set()
    found |= {"!"} if exclaims(choice, language) else set()
    found |= {"~"} if any(_TILDE.search(text) for text in texts) else set()
    found |= {"names a clock time"} if any(_CLOCK.search(text) for text in texts) else set()
    found |= {f"uses {mark}" for mark in _BETWEEN_DIGITS.sub("", " ".join(texts))
              if unicodedata.category(mark) in ("Po", "Pd", "Ps", "Pi") and mark not in _NOT_PUNCTUATION_MARKS}
    particles = (_PARTICLE.search(part) for text in texts for part in _SENTENCE_END.split(text))
    return found | {f"ends with {particle.group(1)}" for particle in particles if particle and particle.group(1) in "哦呢啦呀嘛哈吧喔"}


def learnt_marks(scenarios: dict[str, Scenario], language: str, tone: Tone = ()) -> tuple[dict[str, tuple[int, int]], ...]:
    """Marks that tell wrong replies from best ones: (marks of wrong replies, marks of best replies), each
    {mark: (replies of its side that show it, replies of the other side that do)}. A mark is learnt when
    at least MIN_MARK_USES replies of one side show it, MARK_RATIO times as often, per reply, as the other."""
    shown = {True: Counter(), False: Counter()}
    replies = Counter()
    for scenario in scenarios.values():
        for turn in scenario.turns:
            for choice in turn.choices:
                shown[choice is turn.best].update(marks(choice, language, tone))
                replies[choice is turn.best] += 1

    def of(side: bool) -> dict[str, tuple[int, int]]:
        mine, other = shown[side], shown[not side]
        return {mark: (count, other[mark]) for mark, count in mine.items()
                if count >= MIN_MARK_USES and count * replies[not side] >= MARK_RATIO * other[mark] * replies[side]}
    return of(False), of(True)


LENGTH_RANKS = ("always the second-longest reply", "always the second-shortest reply",
                "the shorter of two replies, else the longest", "the longer of two replies, else the shortest")
MOST_MESSAGES = ("the most chat messages, the longest of them", "the most chat messages, the shortest of them")
MOST_SENTENCES = ("the most sentences, the longest of them", "the most sentences, the shortest of them")
WITHOUT_EXCLAMATION = ("the longest reply without '!'", "the shortest reply without '!'")
STRATEGIES: dict[str, Pick] = {
    "always the longest reply": _by_length(True),
    "always the shortest reply": _by_length(False),
    LENGTH_RANKS[0]: _by_length(True, rank=1),
    LENGTH_RANKS[1]: _by_length(False, rank=1),
    LENGTH_RANKS[2]: _by_count(longer_of_two=False),
    LENGTH_RANKS[3]: _by_count(longer_of_two=True),
    **{f"always reply {n} as written": _at_position(n) for n in range(1, 5)},
    MOST_MESSAGES[0]: _most(message_count, True),
    MOST_MESSAGES[1]: _most(message_count, False),
    MOST_SENTENCES[0]: _most(sentence_count, True),
    MOST_SENTENCES[1]: _most(sentence_count, False),
    WITHOUT_EXCLAMATION[0]: _excluding(exclaims, True),
    WITHOUT_EXCLAMATION[1]: _excluding(exclaims, False),
}
STOCK_STRATEGY = "the longest reply without a stock sentence of wrong replies"
MIN_STOCK_USES = 3  # a sentence met this often in wrong replies, and never in a best one, is learnt
_SENTENCE_END = re.compile(r"(?<=[。！？!?…])|(?<=\w\w\.)\s|\n")  # not after an abbreviation: 15 ч. Ви пиша


def sentences(choice: Choice, language: str) -> set[str]:
    """The sentences of a reply, as a learner would recognise one seen before."""
    parts = (part.strip() for text in choice.reply[language] for part in _SENTENCE_END.split(text))
    return {part for part in parts if len(part) >= 4}


def stock_sentences(scenarios: dict[str, Scenario], language: str) -> dict[str, int]:
    """Sentences that close or pad at least MIN_STOCK_USES wrong replies and no best reply, with their count."""
    wrong, best = Counter(), set()
    for scenario in scenarios.values():
        for turn in scenario.turns:
            for choice in turn.choices:
                if choice is turn.best:
                    best |= sentences(choice, language)
                else:
                    wrong.update(sentences(choice, language))
    return {text: count for text, count in wrong.items() if count >= MIN_STOCK_USES and text not in best}


def _avoiding(stock: dict[str, dict[str, int]]) -> Pick:
    return _excluding(lambda choice, language: bool(sentences(choice, language) & stock[language].keys()), True)


Learnt = dict[str, dict[str, tuple[int, int]]]  # per language, the learnt marks of one side


def _unmarked(learnt: Learnt, tone: ToneWords, longest: bool) -> Pick:
    return _excluding(lambda choice, language: bool(marks(choice, language, tone.get(language, ()))
                                                     & learnt[language].keys()), longest)


def _marked(learnt: Learnt, tone: ToneWords, longest: bool) -> Pick:
    return _excluding(lambda choice, language: not marks(choice, language, tone.get(language, ()))
                      & learnt[language].keys(), longest)


FOLLOWING = ("the reply at the length rank of the last best reply, first the longest",
             "the reply at the length rank of the last best reply, first the shortest")


def _following(first_longest: bool) -> Strategy:
    """A learner who reads each turn's feedback and bets the next best reply sits where the last one did: the
    longest, the shortest, or between them. Best replies that are the longest in most turns of one role-play are
    found so, even when picking the longest everywhere passes nothing."""
    def pick(before: Turn | None, choices: list[Choice], language: str) -> Choice:
        ordered = sorted(choices, key=lambda choice: reply_length(choice, language))
        if before is None:
            return ordered[-1 if first_longest else 0]
        place = sorted(before.choices, key=lambda choice: reply_length(choice, language)).index(before.best)
        return ordered[-1 if place == len(before.choices) - 1 else 0 if place == 0 else len(ordered) // 2]
    return pick


def _alone(pick: Pick) -> Strategy:
    return lambda before, choices, language: pick(choices, language)


MARK_STRATEGIES = ("the longest reply without a mark of wrong replies", "the shortest reply without a mark of wrong replies")
BEST_MARK_STRATEGIES = ("the longest reply with a mark of best replies", "the shortest reply with a mark of best replies")


def strategies(scenarios: dict[str, Scenario], languages: tuple[str, ...], tone: ToneWords) -> dict[str, Strategy]:
    """The cue-only strategies for this course: the fixed ones, those that follow the last turn's feedback, and those
    that learn its stock sentences and marks."""
    found = dict(STRATEGIES)
    stock = {language: stock_sentences(scenarios, language) for language in languages}
    if any(stock.values()):
        found[STOCK_STRATEGY] = _avoiding(stock)
    learnt = {language: learnt_marks(scenarios, language, tone.get(language, ())) for language in languages}
    for side, (names, strategy) in enumerate(((MARK_STRATEGIES, _unmarked), (BEST_MARK_STRATEGIES, _marked))):
        of_side = {language: learnt[language][side] for language in languages}
        if any(of_side.values()):
            found |= {name: strategy(of_side, tone, longest) for name, longest in zip(names, (True, False))}
    return {name: _alone(pick) for name, pick in found.items()} | {
        name: _following(first_longest) for name, first_longest in zip(FOLLOWING, (True, False))}


def stock_warnings(scenarios: dict[str, Scenario], languages: tuple[str, ...]) -> list[str]:
    return [f"in {language} the sentence '{text}' stands in {count} wrong replies and in no best reply: a learner "
            "can rule out the replies that carry it; drop it, or word each reply's close on its own"
            for language in languages for text, count in sorted(stock_sentences(scenarios, language).items())]


def mark_warnings(scenarios: dict[str, Scenario], languages: tuple[str, ...], tone: ToneWords) -> list[str]:
    found = []
    for language in languages:
        of_wrong, of_best = learnt_marks(scenarios, language, tone.get(language, ()))
        found += [f"in {language} '{mark}' marks {wrong} wrong replies and {best} best ones: a learner can rule out "
                  "the replies that show it; let as many best replies show it, or fewer wrong ones"
                  for mark, (wrong, best) in sorted(of_wrong.items())]
        found += [f"in {language} '{mark}' marks {best} best replies and {wrong} wrong ones: a learner can pick the "
                  "replies that show it; let as many wrong replies show it, or fewer best ones"
                  for mark, (best, wrong) in sorted(of_best.items())]
    return found


def passes_with(play: Play, language: str, strategy: Strategy, settings: Settings) -> bool:
    """Whether always picking by `strategy` passes the scenario in `language`."""
    seen: list[Turn] = []

    def pick(turn: Turn) -> Choice:
        choice = strategy(seen[-1] if seen else None, turn.choices, language)
        seen.append(turn)
        return choice
    _, score, critical = play.walk(pick)
    return not critical and settings.passes(score, play.max_score)

Passes = dict[str, dict[str, list[str]]]  # per strategy and language, the scenarios it passes


def cue_passes(scenarios: dict[str, Scenario], languages: tuple[str, ...], settings: Settings,
               tone: ToneWords | None = None) -> Passes:
    """For each strategy and language, the scenarios it passes."""
    plays = {sid: Play(scenario) for sid, scenario in scenarios.items()}  # its states are found once
    return {name: {language: [sid for sid, play in plays.items() if passes_with(play, language, pick, settings)]
                   for language in languages}
            for name, pick in strategies(scenarios, languages, tone or {}).items()}


def longest_best_share(scenarios: dict[str, Scenario], language: str) -> tuple[int, int]:
    """(turns whose best reply is the longest, turns) in one language: a cue even when no strategy passes."""
    turns = [turn for scenario in scenarios.values() for turn in scenario.turns]
    longest = sum(_by_length(True)(turn.choices, language) is turn.best for turn in turns)
    return longest, len(turns)


def shorter_of_two_share(scenarios: dict[str, Scenario], language: str) -> tuple[int, int]:
    """(turns of two replies whose best reply is the shorter, turns of two replies) in one language."""
    pairs = [turn for scenario in scenarios.values() for turn in scenario.turns if len(turn.choices) == 2]
    return sum(_by_length(False)(turn.choices, language) is turn.best for turn in pairs), len(pairs)


def marked_best_share(scenarios: dict[str, Scenario], language: str) -> tuple[int, int, int]:
    """(turns where the best reply alone comes in the most messages, best replies with '!', other replies with '!')."""
    turns = [turn for scenario in scenarios.values() for turn in scenario.turns]
    alone = sum(all(message_count(choice, language) < message_count(turn.best, language)
                    for choice in turn.choices if choice is not turn.best) for turn in turns)
    best = sum(exclaims(turn.best, language) for turn in turns)
    others = sum(exclaims(choice, language) for turn in turns for choice in turn.choices if choice is not turn.best)
    return alone, best, others


def _share(part: int, whole: int) -> str:
    return f"{part} of {whole} ({part * 100 // max(whole, 1)} %)"


def cue_figures(passes: Passes, scenarios: dict[str, Scenario], languages: tuple[str, ...]) -> list[str]:
    """What `course check` tells the trainer of the cues, per language, whether or not they stop the build."""
    turns = [turn for scenario in scenarios.values() for turn in scenario.turns]
    others = sum(len(turn.choices) - 1 for turn in turns)
    lines = []
    for language in languages:
        longest, _ = longest_best_share(scenarios, language)
        alone, best_exclaims, others_exclaim = marked_best_share(scenarios, language)
        shorter, pairs = shorter_of_two_share(scenarios, language)
        counts = ", ".join(f"{name.removeprefix('always ')} {len(passed[language])}" for name, passed in passes.items())
        lines.append(f"{language}: the best reply is the longest in {_share(longest, len(turns))} turns, the shorter "
                     f"in {_share(shorter, pairs)} turns of two replies and alone in "
                     f"the most chat messages in {_share(alone, len(turns))}; '!' is in {_share(best_exclaims, len(turns))} "
                     f"best replies and {_share(others_exclaim, others)} others; role-plays passed by always picking "
                     f"{counts} (of {len(scenarios)})")
    return lines


_ADVICE = {
    None: "make the other replies as long, careful and polite as the best one, and the best one not always the longest",
    **dict.fromkeys(FOLLOWING, "within each role-play too, mix where the best reply falls by length: not the longest "
                               "(or the shortest) in most of its turns"),
    **dict.fromkeys(LENGTH_RANKS, "mix where the best reply falls by length, in turns of two replies as in "
                                  "turns of three: the longest in some, the shortest in some, between them in "
                                  "others"),
    STOCK_STRATEGY: "word each wrong reply's opening and close on its own, as the best ones are (the warnings name the "
                    "sentences)",
    **dict.fromkeys(MOST_MESSAGES, "where the best reply comes in several chat messages, send a wrong one in as many, "
                                   "or the best one in fewer"),
    **dict.fromkeys(MOST_SENTENCES, "let a wrong reply of each turn say as many sentences as the best one, and the best "
                                    "one not always the most"),
    **dict.fromkeys(WITHOUT_EXCLAMATION, "let the wrong replies sound as calm as the best ones: an exclamation mark "
                                         "must not tell them apart"),
    **dict.fromkeys(MARK_STRATEGIES + BEST_MARK_STRATEGIES, "open, close and punctuate wrong replies as the best "
                                                            "ones are (the warnings name the marks)"),
}


def cue_report(passes: Passes, scenarios: dict[str, Scenario], languages: tuple[str, ...], settings: Settings
               ) -> list[str]:
    """One message per strategy that passes more than the allowed share of scenarios in some language."""
    found, reported = [], []
    for name, passed in passes.items():
        over = [language for language in languages
                if len(passed[language]) * 100 > len(scenarios) * settings.cue_pass_limit]
        if over and passed not in reported:  # a strategy that plays as an earlier one did is the same learner
            reported.append(passed)
            counts = ", ".join(f"{len(passed[language])} in {language}" for language in over)
            worst = sorted({sid for language in over for sid in passed[language]},
                           key=lambda sid: (-sum(sid in passed[language] for language in over), sid))
            found.append(
                f"a learner who picks '{name}' without reading passes {counts} of the {len(scenarios)} "
                f"role-plays (at most {settings.cue_pass_limit} % may be passed so); it passes: "
                f"{', '.join(worst[:8])}{' …' if len(worst) > 8 else ''}; " + _ADVICE.get(name, _ADVICE[None]))
    return found


def length_warnings(scenario: Scenario, languages: tuple[str, ...], settings: Settings) -> list[tuple[Path, str]]:
    """Each turn and language where the best reply is conspicuously longer than every other."""
    found = []
    for t, turn in enumerate(scenario.turns):
        best = turn.best
        for language in languages:
            others = max(reply_length(choice, language) for choice in turn.choices if choice is not best)
            mine = reply_length(best, language)
            if others and mine > settings.length_ratio * others:
                found.append((("turns", t, "choices", turn.choices.index(best), "reply", language),
                              f"in turn '{turn.id}' the best reply ({mine} characters) is {mine / others:.1f} × as "
                              f"long as the longest other ({others}); a learner can pick it by its length alone"))
    return found
