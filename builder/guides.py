"""The guides for trainers and managers: hand-written Markdown pages, one per language, under guides/.

They are documentation, not course content, so they stay Markdown; but like
the course they must exist in every language the site builds.
"""

from __future__ import annotations

from pathlib import Path

from .errors import Problem
from .layout import GUIDES_DIR


def load_guides(root: Path, languages: tuple[str, ...]) -> tuple[dict[str, dict[str, str]], list[Problem]]:
    """{language: {guide name: Markdown}}, or the problems: a guide missing in a language."""
    folder = root / GUIDES_DIR
    if not folder.is_dir():
        return {language: {} for language in languages}, []
    names = sorted({path.stem for language in languages for path in (folder / language).glob("*.md")})
    guides: dict[str, dict[str, str]] = {language: {} for language in languages}
    problems = []
    for language in languages:
        for name in names:
            path = folder / language / f"{name}.md"
            if path.is_file():
                guides[language][name] = path.read_text(encoding="utf-8")
            else:
                problems.append(Problem(f"{GUIDES_DIR}/{language}/{name}.md", 1, 1, "",
                                        f"the guide '{name}' exists in another language but not in '{language}': "
                                        "write this file"))
    return guides, problems
