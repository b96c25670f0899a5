"""The course as the renderer and the exports see it: checked modules and role-plays in every language.

Only data: building it (reading, checking, comparing the files) is `course.py`'s work, so a
stage that only reads the course does not bring the loader with it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .errors import Problem
from .schema import Glossary, Module, Scenario
from .settings import Settings


@dataclass(frozen=True)
class Roleplay:
    """A checked scenario and the most points a learner can score in it."""

    id: str
    scenario: Scenario
    max_score: int


@dataclass(frozen=True)
class Course:
    """Modules per language, in course order; `languages[0]` is the source language."""

    languages: tuple[str, ...]
    modules: dict[str, list[tuple[str, Module]]]
    roleplays: tuple[Roleplay, ...] = ()
    glossary: Glossary | None = None
    guides: dict[str, dict[str, str]] = field(default_factory=dict)
    settings: Settings = Settings()
    # What `course check` shows but does not stop on: a best reply that gives itself away by length.
    warnings: tuple[Problem, ...] = ()
    # How far cues alone would carry a learner, one line per language (`course check` prints them).
    cue_figures: tuple[str, ...] = ()

    @property
    def module_ids(self) -> list[str]:
        return [module_id for module_id, _ in self.modules[self.languages[0]]]

    @property
    def scenarios(self) -> dict[str, Scenario]:
        return {roleplay.id: roleplay.scenario for roleplay in self.roleplays}

    def roleplays_of(self, module_id: str) -> list[Roleplay]:
        return [roleplay for roleplay in self.roleplays if roleplay.scenario.module == module_id]
