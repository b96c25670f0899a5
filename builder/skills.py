"""The principles the role-plays practise: every section a reply `teaches`, with the scenarios that practise it.

The progress page's skill map lists them; the SCORM launch page numbers them, so the learner's record
of each fits in SCORM 1.2's 4,096 characters of suspend_data.
"""

from __future__ import annotations

from .model import Roleplay


def taught_sections(roleplays: tuple[Roleplay, ...] | list[Roleplay]) -> dict[str, list[Roleplay]]:
    """{"module-id#section-id": the scenarios with a reply that teaches it}, sections in course order of first use."""
    sections: dict[str, list[Roleplay]] = {}
    for roleplay in roleplays:
        for turn in roleplay.scenario.turns:
            for choice in turn.choices:
                practised = sections.setdefault(choice.teaches, [])
                if roleplay not in practised:
                    practised.append(roleplay)
    return sections
