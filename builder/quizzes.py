"""The role-play scenarios under quizzes/, checked against the modules they practise.

Beyond the schema, a scenario must have every text in every language of the
site, point only at modules and sections that exist, and branch soundly.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .cues import length_warnings
from .errors import Problem, field_name
from .graph import Play, graph_problems, rule_problems
from .layout import QUIZZES_DIR, course_files
from .load import Loaded
from .model import Roleplay
from .schema import Module, Scenario
from .settings import Settings
from .validate import language_problems, read
from .wording import critical_note_wording, scenario_wording


@dataclass(frozen=True)
class ScenarioRules:
    """What a scenario is held to beyond its schema: the course's settings and its certain words."""

    settings: Settings
    certain_words: dict[str, list[str]]


def load_scenarios(root: Path, languages: tuple[str, ...], modules: dict[str, Module | None], rules: ScenarioRules
                   ) -> tuple[list[Roleplay], list[Problem], list[Problem]]:
    """Every scenario in quizzes/, ordered by module then order, the problems found in them, and warnings.

    `modules` maps every module id to its checked module, or to None when the
    module has problems of its own: references to it are then not judged.
    """
    if not (root / QUIZZES_DIR).is_dir():
        return [], [], []
    files, problems = course_files(root, QUIZZES_DIR, "scenario", "late-parcel.yaml")
    roleplays, warnings, orders = [], [], {}
    for path in files:
        shown_as = f"{QUIZZES_DIR}/{path.name}"
        roleplay, loaded, file_problems, file_warnings = _load_scenario(path, shown_as, languages, modules, rules)
        problems += file_problems
        warnings += file_warnings
        if roleplay is not None:
            problems += _order_taken(roleplay, orders, loaded)
            roleplays.append(roleplay)
    module_order = {module_id: module.order for module_id, module in modules.items() if module}
    roleplays.sort(key=lambda r: (module_order.get(r.scenario.module, 0), r.scenario.order))
    return roleplays, problems, warnings


def _load_scenario(path: Path, shown_as: str, languages: tuple[str, ...], modules: dict[str, Module],
                   rules: ScenarioRules) -> tuple[Roleplay | None, Loaded | None, list[Problem], list[Problem]]:
    scenario, loaded, problems = read(path, shown_as, Scenario)
    if scenario is None:
        return None, None, problems, []
    found = [*language_problems(scenario, languages), *_references(scenario, modules), *graph_problems(scenario)]
    problems += [_at(loaded, where, message) for where, message in found]
    if problems:
        return None, None, problems, []
    play = Play(scenario)
    broken = [*rule_problems(play, rules.settings), *scenario_wording(scenario, rules.certain_words),
              *critical_note_wording(scenario)]
    warnings = [_at(loaded, where, message) for where, message in length_warnings(scenario, languages, rules.settings)]
    if broken:
        return None, None, [_at(loaded, where, message) for where, message in broken], warnings
    return Roleplay(path.stem, scenario, play.max_score), loaded, [], warnings


def _references(scenario: Scenario, modules: dict[str, Module | None]):
    if scenario.module not in modules:
        yield ("module",), f"there is no module '{scenario.module}'; the modules are: {', '.join(sorted(modules))}"
    yield from _section(("customer", "type"), scenario.customer.type, modules)
    for t, turn in enumerate(scenario.turns):
        for c, choice in enumerate(turn.choices):
            yield from _section(("turns", t, "choices", c, "teaches"), choice.teaches, modules)


def _section(where: tuple, reference: str, modules: dict[str, Module | None]):
    module_id, section_id = reference.split("#")
    module = modules.get(module_id)
    if module_id not in modules:
        yield where, f"'{reference}' names the module '{module_id}', which does not exist"
    elif module is not None and section_id not in (ids := [section.id for section in module.sections]):
        yield where, f"the module '{module_id}' has no section '{section_id}'; its sections are: {', '.join(ids)}"


def _order_taken(roleplay: Roleplay, orders: dict, loaded: Loaded) -> list[Problem]:
    key = (roleplay.scenario.module, roleplay.scenario.order)
    if key in orders:
        return [_at(loaded, ("order",), f"{key[1]} is also the order of '{orders[key]}' in the module "
                        f"'{key[0]}'; give each scenario its own place")]
    orders[key] = roleplay.id
    return []


def _at(loaded: Loaded, where: tuple, message: str) -> Problem:
    line, column = loaded.position(where)
    return Problem(loaded.file, line, column, field_name(where), message)
