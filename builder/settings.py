"""The course-wide numbers a trainer may set, declared once.

They live under the `course` plugin in mkdocs.yml; the checks, the renderer
and (through data attributes) the browser all read them from here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields


@dataclass(frozen=True)
class Settings:
    # A role-play is passed with this share of the most points it can give, in percent.
    pass_mark: int = 80
    # A learner who ignores the words and picks by length or position may pass at most this share
    # of the role-plays, in percent, in any language; more and the build stops.
    cue_pass_limit: int = 10
    # `course check` warns when a turn's best reply is more than this many times as long as the
    # longest other reply: length alone would give it away.
    length_ratio: float = 1.3

    def passes(self, score: int, most: int) -> bool:
        return most > 0 and score * 100 >= most * self.pass_mark

    @classmethod
    def of(cls, options: Mapping) -> Settings:
        """The settings from the course plugin's options in mkdocs.yml (others there are not settings)."""
        return cls(**{f.name: options[f.name] for f in fields(cls) if f.name in options})
