"""The course's own errors: every problem a trainer can cause, with where it is.

A problem is data (`Problem`), so stages can collect all of them before one
`CourseError` reports the lot; nothing here ever shows a Python traceback.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one file, at a line and column (both 1-based)."""

    file: str
    line: int
    column: int
    field: str
    message: str

    def __str__(self) -> str:
        field = f" {self.field}:" if self.field else ""
        return f"{self.file}:{self.line}:{self.column}:{field} {self.message}"


class CourseError(Exception):
    """The course cannot be built; carries every problem found, sorted by place."""

    def __init__(self, problems: list[Problem], warnings: list[Problem] = ()):
        self.problems = sorted(set(problems))
        self.warnings = sorted(set(warnings))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        lines = [f"The course has {count} {noun} to fix:"]
        lines += [str(problem) for problem in self.problems]
        return "\n".join(lines)


def field_name(path: tuple[str | int, ...]) -> str:
    """`('sections', 1, 'title')` → `sections[2].title`: items count from 1, as trainers count."""
    name = ""
    for part in path:
        name += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if name else str(part))
    return name
