"""The branching of one scenario: where each choice leads, and what the best play is worth.

A scenario is a small directed graph from its first turn to its endings. It
may not loop: with a loop a learner could collect the same points again and
again, and "every path ends" could no longer be promised.
"""

from __future__ import annotations

import difflib
from functools import cache

from .schema import Scenario

Path = tuple[str | int, ...]


def graph_problems(scenario: Scenario) -> list[tuple[Path, str]]:
    """Every broken link, unreachable turn or ending, and loop, at the field that causes it."""
    problems = _duplicate_ids(scenario)
    if problems:
        return problems
    problems = _unknown_targets(scenario)
    if problems:
        return problems
    problems = _unreachable(scenario) + _loops(scenario)
    return problems or _detour_pays(scenario)


def max_score(scenario: Scenario) -> int:
    """The most points any path through the scenario can collect (for a scenario without graph problems)."""
    turns = {turn.id: turn for turn in scenario.turns}

    @cache
    def best_from(node: str) -> int:
        turn = turns.get(node)
        return 0 if turn is None else max(choice.points + best_from(choice.next) for choice in turn.choices)

    return best_from(scenario.turns[0].id)


def best_path(scenario: Scenario) -> list[str]:
    """The turns met by always picking each turn's best choice, then the ending reached."""
    turns = {turn.id: turn for turn in scenario.turns}
    path = [scenario.turns[0].id]
    while path[-1] in turns:
        path.append(max(turns[path[-1]].choices, key=lambda choice: choice.points).next)
    return path


def _detour_pays(scenario: Scenario) -> list[tuple[Path, str]]:
    """A learner who picks the best reply every time must be able to reach full marks."""
    turns = {turn.id: turn for turn in scenario.turns}
    on_best_path = sum(max(c.points for c in turns[node].choices) for node in best_path(scenario) if node in turns)
    most = max_score(scenario)
    if most > on_best_path:
        return [(("turns",), f"picking the best reply in every turn scores {on_best_path}, but a path through "
                 f"poorer replies scores {most}; give the replies on the way back from a harder turn fewer points")]
    return []


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
            if choice.next not in targets:
                close = difflib.get_close_matches(choice.next, targets, n=1, cutoff=0.6)
                hint = f"did you mean '{close[0]}'?" if close else "the turns and endings are: " + ", ".join(targets)
                problems.append((("turns", t, "choices", c, "next"),
                                 f"leads to '{choice.next}', which is neither a turn nor an ending here; {hint}"))
    return problems


def _unreachable(scenario: Scenario) -> list[tuple[Path, str]]:
    turns = {turn.id: turn for turn in scenario.turns}
    reached, pending = set(), [scenario.turns[0].id]
    while pending:
        node = pending.pop()
        if node not in reached:
            reached.add(node)
            pending += [choice.next for choice in turns[node].choices] if node in turns else []
    problems = []
    for kind, noun, items in (("turns", "turn", scenario.turns), ("endings", "ending", scenario.endings)):
        for index, item in enumerate(items):
            if item.id not in reached:
                problems.append(((kind, index, "id"), f"no choice leads to the {noun} '{item.id}', so no learner "
                                 "can reach it; lead a choice to it or remove it"))
    return problems


def _loops(scenario: Scenario) -> list[tuple[Path, str]]:
    """Each choice that leads back to a turn already on the way to it (depth-first search)."""
    index = {turn.id: t for t, turn in enumerate(scenario.turns)}
    problems, done, way = [], set(), []

    def visit(node: str) -> None:
        way.append(node)
        turn = scenario.turns[index[node]]
        for c, choice in enumerate(turn.choices):
            if choice.next in way:
                loop = " → ".join(way[way.index(choice.next):] + [choice.next])
                problems.append((("turns", index[node], "choices", c, "next"),
                                 f"leads back to '{choice.next}' and makes a loop ({loop}); a scenario must "
                                 "move on: lead the reply to a new, harder turn or to an ending"))
            elif choice.next in index and choice.next not in done:
                visit(choice.next)
        way.pop()
        done.add(node)

    visit(scenario.turns[0].id)
    return problems
