"""Every way into each turn and ending of a scenario, written out for the trainer who checks its lines.

A turn reached from several earlier replies must be true after each of them: a reply there may not
ask for a photo the customer already sent on one way in, nor cite an approval the agent never asked
for on another. Reading the turns one after the other hides that; reading each turn under the
replies that lead to it shows it.
"""

from __future__ import annotations

from .graph import Play
from .schema import Messages, Scenario

Way = tuple[str, int, bool]  # the turn a reply was picked in, its number there (from 1), whether the customer
                             # walked away on it rather than going where the reply leads


def ways_in(scenario: Scenario) -> dict[str, list[Way]]:
    """For each turn and ending, the replies a learner can reach it by, as the customer's mood allows."""
    ways: dict[str, list[Way]] = {}
    for (turn_id, _), number, choice, (target, mood) in Play(scenario).moves():
        way = (turn_id, number, target != choice.leads_to(mood))
        if way not in (arrivals := ways.setdefault(target, [])):
            arrivals.append(way)
    return ways


def paths_sheet(scenario: Scenario, language: str) -> str:
    """The scenario in one language, each turn and ending under the replies that lead to it."""
    ways, turns = ways_in(scenario), {turn.id: turn for turn in scenario.turns}
    lines = [f"# {scenario.title[language]}", "", scenario.customer.situation[language]]
    for turn in scenario.turns:
        lines += ["", f"## {turn.id}", *_arrivals(ways.get(turn.id, []), turns, language),
                  f"customer: {turn.customer[language]}"]
        for number, choice in enumerate(turn.choices, 1):
            lines += [f"  {number}. {choice.points} points → {' or '.join(choice.targets())}: {_said(choice.reply[language])}",
                      f"     reaction: {choice.reaction[language]} | note: {choice.note[language]}"]
    for ending in scenario.endings:
        lines += ["", f"## ending {ending.id}", *_arrivals(ways.get(ending.id, []), turns, language),
                  f"outcome: {ending.outcome[language]}"]
    return "\n".join(lines) + "\n"


def _arrivals(ways: list[Way], turns: dict, language: str) -> list[str]:
    if not ways:
        return ["(the first turn)"]
    return [f"after {turn_id} {number}{' (the customer walks away)' if away else ''}: "
            f"{_said(turns[turn_id].choices[number - 1].reply[language])}"
            f" | {turns[turn_id].choices[number - 1].reaction[language]}" for turn_id, number, away in ways]


def _said(messages: Messages) -> str:
    return " / ".join(messages)
