"""The command line face of the course: the trainers' and managers' tools (`course --help`).

It stands on the course model, like the MkDocs plugin, and reads the course's
languages from the same place the site does: the i18n plugin in mkdocs.yml.
"""

from __future__ import annotations

import argparse
import os
import sys
from functools import cache
from pathlib import Path

from .course import build_languages, load_course
from .cues import cue_figures
from .editor_schema import SCHEMA_FILES, editor_schema
from .errors import CourseError, Problem
from .export.offline import export_offline
from .export.scorm import export_scorm
from .pages import write_pages
from .render import render_course
from .scaffold import new_module
from .settings import Settings
from .translations import CURRENT, Translation, mark_reviewed, stale_items, translation_states

EXIT_OK, EXIT_COURSE_ERROR, EXIT_USAGE = 0, 1, 2
EXPORTS = ("offline", "scorm")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="course",
        description="Tools for the customer-service course. Run them in the folder that holds mkdocs.yml.",
    )
    parser.add_argument("--config", default="mkdocs.yml", help="the site's settings file (default: mkdocs.yml)")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    commands.add_parser("check", help="check every module and scenario without building the site")
    new_module_command = commands.add_parser(
        "new-module", help="start a module: its file in every language and a first scenario, every field explained")
    new_module_command.add_argument("id", help="the module's id: lowercase English words joined by hyphens")
    translations = commands.add_parser(
        "translations", help="show which translations are up to date, stale or missing; mark reviewed ones current")
    translations.add_argument("--reviewed", nargs="+", metavar=("LANGUAGE", "ID"),
                              help="mark the LANGUAGE translation of these modules or scenarios as reviewed")
    render = commands.add_parser("render", help="check the course and write its pages as Markdown into a folder")
    render.add_argument("out", type=Path, help="the folder to write into (made if missing)")
    export = commands.add_parser(
        "export", help="the course to take elsewhere: a copy that opens from disk (offline), or SCORM 1.2 "
                       "packages for a learning system, one per language (scorm)")
    export.add_argument("form", choices=EXPORTS, help="offline or scorm")
    export.add_argument("out", type=Path, nargs="?", default=Path("dist"),
                        help="the folder to write the zip files into (default: dist)")
    commands.add_parser("schema", help="write the editors' JSON Schemas (" + ", ".join(SCHEMA_FILES) + ") after a schema change")
    args = parser.parse_args(argv)
    config_file = Path(args.config)
    if not config_file.is_file():
        print(f"course: there is no {config_file} here; run the command in the course's folder", file=sys.stderr)
        return EXIT_USAGE
    root = config_file.resolve().parent
    if args.command == "schema":
        for file in SCHEMA_FILES:
            (root / file).parent.mkdir(parents=True, exist_ok=True)
            (root / file).write_text(editor_schema(file, site_languages(config_file)), encoding="utf-8")
            print(f"wrote {file}")
        return EXIT_OK
    if args.command == "new-module":
        try:
            written = new_module(root, site_languages(config_file), args.id)
        except ValueError as error:
            print(f"course: {error}", file=sys.stderr)
            return EXIT_USAGE
        print("wrote " + ", ".join(written) + "\nNext: fill them in, then run `course check` to see what is left.")
        return EXIT_OK
    if args.command == "translations":
        return translations_command(root, site_languages(config_file), args.reviewed)
    try:
        course = load_course(root, site_languages(config_file), site_settings(config_file))
    except CourseError as error:
        show_warnings(error.warnings)
        print(error.report(), file=sys.stderr)
        if os.environ.get("GITHUB_ACTIONS") == "true":
            print("\n".join(annotation(problem) for problem in error.problems))
        return EXIT_COURSE_ERROR
    if args.command == "check":
        show_warnings(course.warnings)
        scenarios = {roleplay.id: roleplay.scenario for roleplay in course.roleplays}
        print("\n".join(cue_figures(scenarios, course.languages, course.settings)))
        print(f"The course is ready: {len(course.module_ids)} modules and {len(course.roleplays)} role-play "
              f"scenarios in {', '.join(course.languages)}.")
        return EXIT_OK
    if args.command == "export":
        return export_command(config_file, args.form, args.out, course)
    stale = frozenset((state.language, state.id) for state in stale_items(root, course.languages))
    pages = render_course(course, stale=stale)
    write_pages(args.out, pages)
    print(f"wrote {len(pages)} pages in {len(course.languages)} languages to {args.out}")
    return EXIT_OK


def export_command(config_file: Path, form: str, out: Path, course) -> int:
    from mkdocs.exceptions import Abort, MkDocsException

    try:
        written = [export_offline(config_file, out)] if form == "offline" else export_scorm(config_file, out, course)
    except (MkDocsException, Abort) as error:
        print(f"course: the site did not build, so nothing was exported:\n{error}", file=sys.stderr)
        return EXIT_COURSE_ERROR
    print("wrote " + ", ".join(str(path) for path in written))
    return EXIT_OK


def translations_command(root: Path, languages: tuple[str, ...], reviewed: list[str] | None) -> int:
    if reviewed:
        if len(reviewed) < 2:
            print("course: write the language, then one or more ids, like: --reviewed ko late-parcel", file=sys.stderr)
            return EXIT_USAGE
        for item_id in reviewed[1:]:
            try:
                print(f"marked as reviewed: {mark_reviewed(root, languages, reviewed[0], item_id)}")
            except ValueError as error:
                print(f"course: {error}", file=sys.stderr)
                return EXIT_COURSE_ERROR
        return EXIT_OK
    states = translation_states(root, languages)
    print(translation_table(states, languages[1:]))
    behind = [state for state in states if state.state != CURRENT]
    if behind:
        print(f"\n{len(behind)} translation(s) need work. After updating one, mark it: "
              "course translations --reviewed LANGUAGE ID")
    return EXIT_COURSE_ERROR if behind else EXIT_OK


def translation_table(states: list[Translation], languages: tuple[str, ...]) -> str:
    rows = {}
    for state in states:
        rows.setdefault((state.kind, state.id), {})[state.language] = state.state
    header = ["", "", *languages]
    body = [[kind, item_id, *(found.get(language, "") for language in languages)]
            for (kind, item_id), found in rows.items()]
    widths = [max(len(row[i]) for row in [header, *body]) for i in range(len(header))]
    return "\n".join("  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip()
                     for row in [header, *body])


def show_warnings(warnings) -> None:
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)
    if warnings and os.environ.get("GITHUB_ACTIONS") == "true":
        print("\n".join(annotation(warning, "warning") for warning in warnings))


def annotation(problem: Problem, level: str = "error") -> str:
    """A GitHub Actions workflow command, so the problem shows on the pull request's line."""
    def escape(text: str, *more: str) -> str:
        text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        for char in more:
            text = text.replace(char, {":": "%3A", ",": "%2C"}[char])
        return text

    properties = f"file={escape(problem.file, ':', ',')},line={problem.line},col={problem.column}"
    if problem.field:
        properties += f",title={escape(problem.field, ':', ',')}"
    return f"::{level} {properties}::{escape(problem.message)}"


def site_languages(config_file: Path) -> tuple[str, ...]:
    """The languages the site builds, its default first, as mkdocs.yml declares them."""
    return build_languages(_site_config(config_file).plugins["i18n"])


def site_settings(config_file: Path) -> Settings:
    """The course settings, as the course plugin's options in mkdocs.yml declare them."""
    return Settings.of(_site_config(config_file).plugins["course"].config)


@cache
def _site_config(config_file: Path):
    from mkdocs.config import load_config

    return load_config(str(config_file))


if __name__ == "__main__":
    sys.exit(main())
