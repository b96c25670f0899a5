"""`course new-module ID`: the files of a new module, in every language, and a first scenario.

Every field is there, empty, with the schema's own description beside it as a
comment, so `course check` then lists exactly what is left to write.
"""

from __future__ import annotations

import re
from pathlib import Path

from .layout import CONTENT_DIR, QUIZZES_DIR
from .schema import ID_PATTERN, Choice, Customer, Ending, Module, Scenario, Section, Turn


def _hint(model, field: str) -> str:
    return "  # " + model.model_fields[field].description


def module_text(order: int) -> str:
    m, s = Module, Section
    return "\n".join([
        "# yaml-language-server: $schema=../module.schema.json",
        f"order: {order}" + _hint(m, "order"),
        'title: ""' + _hint(m, "title"),
        'summary: ""' + _hint(m, "summary"),
        "objectives:" + _hint(m, "objectives"),
        '  - ""',
        "terms: []" + _hint(m, "terms"),
        "sections:" + _hint(m, "sections"),
        "  - id: first-section" + _hint(s, "id"),
        '    title: ""' + _hint(s, "title"),
        '    body: ""' + _hint(s, "body"),
        "    key_points:" + _hint(s, "key_points"),
        '      - ""',
        "    dialogues: []" + _hint(s, "dialogues"),
        "takeaways:" + _hint(m, "takeaways"),
        '  - ""',
        "",
    ])


def scenario_text(module_id: str, languages: tuple[str, ...]) -> str:
    def texts(indent: int) -> list[str]:
        return [" " * indent + f'{language}: ""' for language in languages]

    sc, cu, tu, ch, en = Scenario, Customer, Turn, Choice, Ending

    def choice(points: int, mood: int, next_id: str) -> list[str]:
        return [
        "      - reply:" + _hint(ch, "reply"), *texts(10),
        "        reaction:" + _hint(ch, "reaction"), *texts(10),
        "        note:" + _hint(ch, "note"), *texts(10),
        f"        teaches: {module_id}#first-section" + _hint(ch, "teaches"),
        f"        points: {points}" + _hint(ch, "points"),
        f"        mood: {mood}" + _hint(ch, "mood"),
        "        critical: false" + _hint(ch, "critical"),
        f"        next: {next_id}" + _hint(ch, "next"),
        ]

    return "\n".join([
        "# yaml-language-server: $schema=scenario.schema.json",
        f"module: {module_id}" + _hint(sc, "module"),
        "order: 1" + _hint(sc, "order"),
        "title:" + _hint(sc, "title"), *texts(2),
        "customer:" + _hint(sc, "customer"),
        "  name:" + _hint(cu, "name"), *texts(4),
        "  type: customer-types#needs-clarity" + _hint(cu, "type"),
        "  situation:" + _hint(cu, "situation"), *texts(4),
        "mood: 2" + _hint(sc, "mood"),
        "turns:" + _hint(sc, "turns"),
        "  - id: opening" + _hint(tu, "id"),
        "    customer:" + _hint(tu, "customer"), *texts(6),
        "    choices:" + _hint(tu, "choices"),
        *choice(10, 1, "resolved"),
        *choice(0, -1, "lost"),
        "endings:" + _hint(sc, "endings"),
        "  - id: resolved" + _hint(en, "id"),
        "    outcome:" + _hint(en, "outcome"), *texts(6),
        "    mood: [3, 4]" + _hint(en, "mood"),
        "    resolved: true" + _hint(en, "resolved"),
        "  - id: lost",
        "    outcome:", *texts(6),
        "    mood: [0, 2]",
        "    resolved: false",
        "",
    ])


def new_module(root: Path, languages: tuple[str, ...], module_id: str) -> list[str]:
    """Write the new module's files; returns them. Raises ValueError when the id is taken or not an id."""
    if not re.match(ID_PATTERN, module_id):
        raise ValueError(f"'{module_id}' is not a valid module id: use lowercase English words joined by "
                         "hyphens, like 'late-parcels'")
    targets = [root / CONTENT_DIR / language / f"{module_id}.yaml" for language in languages]
    scenario = root / QUIZZES_DIR / f"{module_id}-1.yaml"
    taken = [path for path in [*targets, scenario] if path.exists()]
    if taken:
        raise ValueError(f"'{taken[0].relative_to(root).as_posix()}' already exists; choose another id")
    order = 1 + max((_order(path) for path in (root / CONTENT_DIR / languages[0]).glob("*.yaml")), default=0)
    for target in targets:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(module_text(order), encoding="utf-8")
    scenario.parent.mkdir(parents=True, exist_ok=True)
    scenario.write_text(scenario_text(module_id, languages), encoding="utf-8")
    return [path.relative_to(root).as_posix() for path in [*targets, scenario]]


def _order(path: Path) -> int:
    found = re.search(r"^order:\s*(\d+)", path.read_text(encoding="utf-8"), re.MULTILINE)
    return int(found.group(1)) if found else 0
