"""Can a learner pass the role-plays without reading them? Played here with cue-only strategies.

A test-wise learner picks the longest reply, or the shortest, or always the
first one, or learns after a few role-plays that a stock sentence ("有问题随时找我")
only ever closes a wrong reply and rules those out; if such a strategy passes
more than a few scenarios, a pass no longer means the learner judged well, and
the build stops. A turn whose best reply stands out by its length alone, and a
stock sentence only wrong replies carry, are warnings for the trainer.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from .graph import Path, Play
from .schema import Choice, Scenario
from .settings import Settings

Pick = Callable[[list[Choice], str], Choice]


def reply_length(choice: Choice, language: str) -> int:
    """Characters of the whole reply, every message of it, as the learner sees it."""
    return sum(len(text.strip()) for text in choice.reply[language])


def _by_length(longest: bool) -> Pick:
    def pick(choices: list[Choice], language: str) -> Choice:
        lengths = [reply_length(choice, language) for choice in choices]
        return choices[lengths.index(max(lengths) if longest else min(lengths))]
    return pick


def _at_position(position: int) -> Pick:
    return lambda choices, language: choices[min(position, len(choices)) - 1]


STRATEGIES: dict[str, Pick] = {
    "always the longest reply": _by_length(True),
    "always the shortest reply": _by_length(False),
    **{f"always reply {n} as written": _at_position(n) for n in range(1, 5)},
}
STOCK_STRATEGY = "the longest reply without a stock sentence of wrong replies"
MIN_STOCK_USES = 3  # a sentence met this often in wrong replies, and never in a best one, is learnt
_SENTENCE_END = re.compile(r"(?<=[。！？!?…])|(?<=\.)\s|\n")


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
    longest = _by_length(True)

    def pick(choices: list[Choice], language: str) -> Choice:
        plain = [choice for choice in choices if not sentences(choice, language) & stock[language].keys()]
        return longest(plain or choices, language)
    return pick


def strategies(scenarios: dict[str, Scenario], languages: tuple[str, ...]) -> dict[str, Pick]:
    """The cue-only strategies for this course: the fixed ones, and one that learns its stock sentences if it has any."""
    stock = {language: stock_sentences(scenarios, language) for language in languages}
    return {**STRATEGIES, STOCK_STRATEGY: _avoiding(stock)} if any(stock.values()) else STRATEGIES


def stock_warnings(scenarios: dict[str, Scenario], languages: tuple[str, ...]) -> list[str]:
    return [f"in {language} the sentence '{text}' stands in {count} wrong replies and in no best reply: a learner "
            "can rule out the replies that carry it; drop it, or word each reply's close on its own"
            for language in languages for text, count in sorted(stock_sentences(scenarios, language).items())]


def passes_with(play: Play, language: str, pick: Pick, settings: Settings) -> bool:
    """Whether always picking by `pick` passes the scenario in `language`."""
    _, score, critical = play.walk(lambda turn: pick(turn.choices, language))
    return not critical and settings.passes(score, play.max_score)

def cue_passes(scenarios: dict[str, Scenario], languages: tuple[str, ...], settings: Settings
               ) -> dict[str, dict[str, list[str]]]:
    """For each strategy and language, the scenarios it passes."""
    plays = {sid: Play(scenario) for sid, scenario in scenarios.items()}  # its states are found once
    return {name: {language: [sid for sid, play in plays.items() if passes_with(play, language, pick, settings)]
                   for language in languages}
            for name, pick in strategies(scenarios, languages).items()}


def longest_best_share(scenarios: dict[str, Scenario], language: str) -> tuple[int, int]:
    """(turns whose best reply is the longest, turns) in one language: a cue even when no strategy passes."""
    turns = [turn for scenario in scenarios.values() for turn in scenario.turns]
    longest = sum(_by_length(True)(turn.choices, language) is turn.best for turn in turns)
    return longest, len(turns)


def cue_figures(scenarios: dict[str, Scenario], languages: tuple[str, ...], settings: Settings) -> list[str]:
    """What `course check` tells the trainer of the cues, per language, whether or not they stop the build."""
    passes = cue_passes(scenarios, languages, settings)
    lines = []
    for language in languages:
        longest, turns = longest_best_share(scenarios, language)
        counts = ", ".join(f"{name.removeprefix('always ')} {len(passed[language])}" for name, passed in passes.items())
        lines.append(f"{language}: the best reply is the longest in {longest} of {turns} turns "
                     f"({longest * 100 // max(turns, 1)} %); role-plays passed by always picking {counts} "
                     f"(of {len(scenarios)})")
    return lines


_ADVICE = {
    None: "make the other replies as long, careful and polite as the best one, and the best one not always the longest",
    STOCK_STRATEGY: "word each wrong reply's opening and close on its own, as the best ones are (the warnings name the "
                    "sentences)",
}


def cue_report(scenarios: dict[str, Scenario], languages: tuple[str, ...], settings: Settings) -> list[str]:
    """One message per strategy that passes more than the allowed share of scenarios in some language."""
    found = []
    for name, passed in cue_passes(scenarios, languages, settings).items():
        over = [language for language in languages
                if len(passed[language]) * 100 > len(scenarios) * settings.cue_pass_limit]
        if over:
            counts = ", ".join(f"{len(passed[language])} in {language}" for language in over)
            worst = sorted({sid for language in over for sid in passed[language]},
                           key=lambda sid: -sum(sid in passed[language] for language in over))
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
