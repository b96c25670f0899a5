"""The branching of one scenario: where each choice leads, and what the best play is worth.

A scenario is a small directed graph from its first turn to its endings, walked
on (turn, mood) states: a reply changes the customer's mood, the mood may make
the customer leave or choose which turn follows, so the same turn can be met
with different moods. It may not loop: with a loop a learner could collect the
same points again and again, and "every path ends" could no longer be promised.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from functools import cached_property

from .schema import MOODS, Choice, Scenario
from .settings import Settings

Path = tuple[str | int, ...]
State = tuple[str, int]  # a turn or ending id, and the customer's mood on arriving there


class Play:
    """The (turn, mood) states of a scenario that has no broken links and no loops."""

    def __init__(self, scenario: Scenario):
        self.scenario = scenario
        self.turns = {turn.id: turn for turn in scenario.turns}
        self.start: State = (scenario.turns[0].id, scenario.mood)

    def after(self, state: State, choice: Choice) -> State:
        """Where a reply leads from `state`: the mood changes first, then decides the way on."""
        mood = min(MOODS.stop - 1, max(MOODS.start, state[1] + choice.mood))
        leaving = self.scenario.walk_away
        if leaving is not None and mood <= leaving.at:
            return leaving.ending, mood
        return choice.leads_to(mood), mood

    @cached_property
    def states(self) -> list[State]:
        """Every reachable state, each before the states it leads to."""
        order, seen = [], set()

        def visit(state: State) -> None:
            seen.add(state)
            for choice in self._choices(state):
                if (target := self.after(state, choice)) not in seen:
                    visit(target)
            order.append(state)

        visit(self.start)
        return order[::-1]

    @cached_property
    def best_from(self) -> dict[State, int]:
        """The most points still to collect from each state."""
        best: dict[State, int] = {}
        for state in reversed(self.states):
            best[state] = max((c.points + best[self.after(state, c)] for c in self._choices(state)), default=0)
        return best

    @cached_property
    def best_to(self) -> dict[State, tuple[int, tuple[str, ...]]]:
        """The most points collected on the way to each state, and the turns of that way."""
        best = {self.start: (0, (self.start[0],))}
        for state in self.states:
            score, way = best[state]
            for choice in self._choices(state):
                target = self.after(state, choice)
                if target not in best or score + choice.points > best[target][0]:
                    best[target] = (score + choice.points, (*way, target[0]))
        return best

    @property
    def max_score(self) -> int:
        return self.best_from[self.start]

    def walk(self, pick) -> tuple[list[str], int, bool]:
        """Always replying `pick(turn)`: the turns and ending met, the points, and whether a critical one was picked."""
        state, score, critical = self.start, 0, False
        way = [state[0]]
        while state[0] in self.turns:
            choice = pick(self.turns[state[0]])
            score, critical = score + choice.points, critical or choice.critical
            state = self.after(state, choice)
            way.append(state[0])
        return way, score, critical

    def through(self, state: State, choice: Choice) -> tuple[int, tuple[str, ...]]:
        """The best score of a path that takes `choice` in `state`, and the turns of its way there."""
        score, way = self.best_to[state]
        return score + choice.points + self.best_from[self.after(state, choice)], way

    def moves(self) -> Iterator[tuple[State, int, Choice, State]]:
        """Every reply a learner can pick: the state it is picked in, its number there (from 1), where it leads."""
        for state in self.states:
            for number, choice in enumerate(self._choices(state), 1):
                yield state, number, choice, self.after(state, choice)

    def _choices(self, state: State) -> list[Choice]:
        turn = self.turns.get(state[0])
        return turn.choices if turn else []


def graph_problems(scenario: Scenario) -> list[tuple[Path, str]]:
    """Every broken link, unreachable turn, ending or branch, loop, and mood that contradicts an ending."""
    problems = _duplicate_ids(scenario) or _unknown_targets(scenario)
    if problems:
        return problems
    play = Play(scenario)  # its states are found even through a loop: each is visited once
    problems = _unreachable(play) + _loops(scenario)
    return problems or _ending_moods(play) or _detour_pays(play) or _slips_score_full(play)


def rule_problems(play: Play, settings: Settings) -> list[tuple[Path, str]]:
    """What a pass must mean: no pass through a critical mistake or to an unresolved ending."""
    return [*_critical_passes(play, settings), *_unresolved_passes(play, settings)]


def best_path(scenario: Scenario) -> list[str]:
    """The turns met by always picking each turn's best choice, then the ending reached."""
    return Play(scenario).walk(lambda turn: turn.best)[0]


def _way(turns: tuple[str, ...]) -> str:
    return " → ".join(turns)


def _detour_pays(play: Play) -> list[tuple[Path, str]]:
    """A learner who picks the best reply every time must be able to reach full marks."""
    on_best_path = play.walk(lambda turn: turn.best)[1]
    if play.max_score > on_best_path:
        return [(("turns",), f"picking the best reply in every turn scores {on_best_path}, but a path through "
                 f"poorer replies scores {play.max_score}; give the replies on the way back from a harder turn "
                 "fewer points")]
    return []


def _slips_score_full(play: Play) -> list[tuple[Path, str]]:
    """Full marks must mean the learner never picked a poorer reply, or the score hides the slip from a manager."""
    full, numbers = play.max_score, {turn.id: t for t, turn in enumerate(play.scenario.turns)}
    problems = {}
    for state, number, choice, _ in play.moves():
        turn = play.turns[state[0]]
        if choice is not turn.best and (score := play.through(state, choice)[0]) >= full:
            problems[(numbers[turn.id], number - 1)] = (
                f"a path through this poorer reply still scores {score} of {full}, so a learner who picks it gets "
                "full marks; give it or the replies on the way back fewer points")
    return [(("turns", t, "choices", c, "points"), message) for (t, c), message in problems.items()]


def _duplicate_ids(scenario: Scenario) -> list[tuple[Path, str]]:
    seen: dict[str, str] = {}
    problems = []
    for kind, items in (("turns", scenario.turns), ("endings", scenario.endings)):
        for index, item in enumerate(items):
            if item.id in seen:
                problems.append(((kind, index, "id"), f"'{item.id}' is also the id of {seen[item.id]}; "
                                 "give each turn and ending its own id"))
            seen.setdefault(item.id, f"{kind}[{index + 1}]")
    return problems


def _unknown_targets(scenario: Scenario) -> list[tuple[Path, str]]:
    targets = [turn.id for turn in scenario.turns] + [ending.id for ending in scenario.endings]
    problems = []
    for t, turn in enumerate(scenario.turns):
        for c, choice in enumerate(turn.choices):
            fields = [("next",)] if isinstance(choice.next, str) else [("next", b, "to") for b in range(len(choice.next))]
            for field, target in zip(fields, choice.targets()):
                if target not in targets:
                    problems.append((("turns", t, "choices", c, *field),
                                     f"leads to '{target}', which is neither a turn nor an ending here; "
                                     + _did_you_mean(target, targets, "the turns and endings are")))
    leaving = scenario.walk_away
    endings = [ending.id for ending in scenario.endings]
    if leaving is not None and leaving.ending not in endings:
        problems.append((("walk_away", "ending"), f"'{leaving.ending}' is not an ending here; "
                         + _did_you_mean(leaving.ending, endings, "the endings are")))
    return problems


def _did_you_mean(name: str, known: list[str], listing: str) -> str:
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else f"{listing}: " + ", ".join(known)


def _unreachable(play: Play) -> list[tuple[Path, str]]:
    scenario, reached = play.scenario, {node for node, _ in play.states}
    problems = []
    for kind, noun, items in (("turns", "turn", scenario.turns), ("endings", "ending", scenario.endings)):
        for index, item in enumerate(items):
            if item.id not in reached:
                problems.append(((kind, index, "id"), f"no choice leads to the {noun} '{item.id}', so no learner "
                                 "can reach it; lead a choice to it or remove it"))
    taken = {(state[0], id(choice), target[0]) for state, _, choice, target in play.moves()}
    leaving = scenario.walk_away
    for t, turn in enumerate(scenario.turns):
        for c, choice in enumerate(turn.choices):
            if isinstance(choice.next, str):
                # The walk-away comes first; a `next` it always overrides misleads whoever reads the file.
                if leaving and choice.next != leaving.ending and (turn.id, id(choice), choice.next) not in taken:
                    problems.append((("turns", t, "choices", c, "next"),
                                     f"the customer walks away on this reply on every way in (mood {leaving.at} or "
                                     f"lower), so it never leads to '{choice.next}'; lead it to '{leaving.ending}'"))
                continue
            for b, branch in enumerate(choice.next):
                if (turn.id, id(choice), branch.to) not in taken:
                    problems.append((("turns", t, "choices", c, "next", b),
                                     f"no customer reaches '{turn.id}' in a mood that takes this branch, so it "
                                     "never happens; change its condition or remove it"))
    if leaving is not None and not any(state == (leaving.ending, mood) for state in play.states
                                       for mood in range(leaving.at + 1)):
        problems.append((("walk_away", "at"), f"no path brings the customer's mood down to {leaving.at}, so the "
                         "customer never walks away; raise 'at' or remove 'walk_away'"))
    return problems


def _ending_moods(play: Play) -> list[tuple[Path, str]]:
    problems = []
    for e, ending in enumerate(play.scenario.endings):
        arriving = sorted({mood for node, mood in play.states if node == ending.id and mood not in ending.moods})
        if arriving:
            way = _way(play.best_to[(ending.id, arriving[0])][1])
            problems.append((("endings", e, "mood"), f"the customer can arrive here in mood {arriving[0]} "
                             f"({way}), outside the mood this ending declares ({_moods(ending.moods)}); "
                             "change the replies' mood or the ending's"))
    return problems


def _moods(moods: range) -> str:
    return str(moods.start) if len(moods) == 1 else f"{moods.start} to {moods.stop - 1}"


def _critical_passes(play: Play, settings: Settings):
    for state in play.states:
        turn = play.turns.get(state[0])
        for c, choice in enumerate(turn.choices if turn else []):
            score, way = play.through(state, choice)
            if choice.critical and settings.passes(score, play.max_score):
                t = play.scenario.turns.index(turn)
                yield (("turns", t, "choices", c, "critical"),
                       f"a path through this critical mistake ({_way(way)}) scores {score} of {play.max_score}, "
                       f"a pass; give the replies after it fewer points")


def _unresolved_passes(play: Play, settings: Settings):
    for e, ending in enumerate(play.scenario.endings):
        if ending.resolved:
            continue
        for node, mood in play.states:
            score, way = play.best_to[(node, mood)]
            if node == ending.id and settings.passes(score, play.max_score):
                yield (("endings", e, "resolved"), f"a path that ends here unresolved ({_way(way)}) scores {score} "
                       f"of {play.max_score}, a pass; a pass must end with the case resolved")
                break


def _loops(scenario: Scenario) -> list[tuple[Path, str]]:
    """Each choice that leads back to a turn already on the way to it (depth-first search)."""
    index = {turn.id: t for t, turn in enumerate(scenario.turns)}
    problems, done, way = [], set(), []

    def visit(node: str) -> None:
        way.append(node)
        turn = scenario.turns[index[node]]
        for c, choice in enumerate(turn.choices):
            for target in choice.targets():
                if target in way:
                    loop = " → ".join(way[way.index(target):] + [target])
                    problems.append((("turns", index[node], "choices", c, "next"),
                                     f"leads back to '{target}' and makes a loop ({loop}); a scenario must "
                                     "move on: lead the reply to a new, harder turn or to an ending"))
                elif target in index and target not in done:
                    visit(target)
        way.pop()
        done.add(node)

    visit(scenario.turns[0].id)
    return problems
