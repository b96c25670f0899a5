"""Where a course keeps its files, and how they are named: declared once for every stage.

    content/<language>/<module-id>.yaml   a module in one language
    content/glossary.yaml                 the glossary, every language side by side
    content/certain-words.yaml            the words that promise certainty, per language
    quizzes/<scenario-id>.yaml            a role-play, every language side by side
    guides/<language>/<name>.md           the trainers' and managers' guides
"""

from __future__ import annotations

import re
from pathlib import Path

from .errors import Problem
from .schema import ID_PATTERN

CONTENT_DIR, QUIZZES_DIR, GUIDES_DIR = "content", "quizzes", "guides"
GLOSSARY_FILE, CERTAIN_WORDS_FILE = "glossary.yaml", "certain-words.yaml"
WATCHED = (CONTENT_DIR, QUIZZES_DIR, GUIDES_DIR)  # what trainers edit, for `mkdocs serve` to reload on


def course_files(root: Path, folder: str, kind: str, example: str) -> tuple[list[Path], list[Problem]]:
    """The `.yaml` files of a folder whose names are ids, and a problem for each misnamed one."""
    files, problems = [], []
    for path in sorted((root / folder).iterdir()):
        shown_as = f"{folder}/{path.name}"
        if path.suffix == ".yml":
            problems.append(Problem(shown_as, 1, 1, "", "rename the file to end in '.yaml'"))
        elif path.suffix != ".yaml":
            continue
        elif not re.match(ID_PATTERN, path.stem):
            problems.append(Problem(shown_as, 1, 1, "", f"'{path.stem}' is not a valid {kind} id: name the file "
                                    f"in lowercase English words joined by hyphens, like '{example}'"))
        else:
            files.append(path)
    return files, problems

