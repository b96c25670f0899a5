"""Every way into each turn and ending of a scenario, written out for the trainer who checks its lines.

A turn reached from several earlier replies must be true after each of them: a reply there may not
ask for a photo the customer already sent on one way in, nor cite an approval the agent never asked
for on another. Reading the turns one after the other hides that; reading each turn under the
replies that lead to it shows it.
"""

from __future__ import annotations

from .graph import Play
from .schema import Branch, Choice, Messages, Scenario

Way = tuple[str, int, bool]  # the turn a reply was picked in, its number there (from 1), whether the customer
                             # walked away on it rather than going where the reply leads


def ways_in(scenario: Scenario) -> dict[str, dict[Way, set[int]]]:
    """For each turn and ending, the replies a learner can reach it by, as the customer's mood allows, each with
    the moods the customer arrives in by it."""
    ways: dict[str, dict[Way, set[int]]] = {}
    for (turn_id, _), number, choice, (target, mood) in Play(scenario).moves():
        way = (turn_id, number, target != choice.leads_to(mood))
        ways.setdefault(target, {}).setdefault(way, set()).add(mood)
    return ways


def paths_sheet(scenario: Scenario, language: str) -> str:
    """The scenario in one language, each turn and ending under the replies that lead to it.

    Moods are shown because they decide the way on: a mood-split ending or branch is met only after the
    replies that bring the customer to its mood, and each way in says which mood it brings."""
    ways, turns = ways_in(scenario), {turn.id: turn for turn in scenario.turns}
    lines = [f"# {scenario.title[language]}", "", scenario.customer.situation[language]]
    if scenario.walk_away:
        lines += ["", f"(the customer walks away to '{scenario.walk_away.ending}' at mood {scenario.walk_away.at} or lower)"]
    for turn in scenario.turns:
        lines += ["", f"## {turn.id}", *_arrivals(ways.get(turn.id, {}), turns, language, scenario.mood),
                  f"customer: {turn.customer[language]}"]
        for number, choice in enumerate(turn.choices, 1):
            critical = ", critical" if choice.critical else ""
            lines += [f"  {number}. {choice.points} points{critical}, mood {choice.mood:+d} → {_way_on(choice)}: "
                      f"{_said(choice.reply[language])}",
                      f"     reaction: {choice.reaction[language]} | note: {choice.note[language]}"]
    for ending in scenario.endings:
        lines += ["", f"## ending {ending.id}",
                  *_arrivals(ways.get(ending.id, {}), turns, language, scenario.mood), f"outcome: {ending.outcome[language]}"]
    return "\n".join(lines) + "\n"


def _way_on(choice: Choice) -> str:
    if isinstance(choice.next, str):
        return choice.next
    return " or ".join(f"{branch.to} ({_condition(branch)})" if branch.conditional else branch.to
                       for branch in choice.next)


def _condition(branch: Branch) -> str:
    parts = ([f"mood {branch.if_mood_at_least} or more"] if branch.if_mood_at_least is not None else []) + \
            ([f"mood {branch.if_mood_at_most} or less"] if branch.if_mood_at_most is not None else [])
    return " and ".join(parts)


def _arrivals(ways: dict[Way, set[int]], turns: dict, language: str, start: int) -> list[str]:
    if not ways:
        return [f"(the first turn, mood {start})"]
    return [f"after {turn_id} {number} (mood {_listed(moods)}){' (the customer walks away)' if away else ''}: "
            f"{_said(turns[turn_id].choices[number - 1].reply[language])}"
            f" | {turns[turn_id].choices[number - 1].reaction[language]}" for (turn_id, number, away), moods in ways.items()]


def _listed(moods) -> str:
    return ", ".join(map(str, sorted(moods)))


def _said(messages: Messages) -> str:
    return " / ".join(messages)
