"""The command line face of the course: `course render OUT` and, later, the trainers' tools.

It stands on the course model, like the MkDocs plugin, and reads the course's
languages from the same place the site does: the i18n plugin in mkdocs.yml.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .course import build_languages, load_course
from .editor_schema import SCHEMA_FILES, editor_schema
from .errors import CourseError, Problem
from .pages import write_pages
from .render import render_course

EXIT_OK, EXIT_COURSE_ERROR, EXIT_USAGE = 0, 1, 2


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="course",
        description="Tools for the customer-service course. Run them in the folder that holds mkdocs.yml.",
    )
    parser.add_argument("--config", default="mkdocs.yml", help="the site's settings file (default: mkdocs.yml)")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    commands.add_parser("check", help="check every module and scenario without building the site")
    render = commands.add_parser("render", help="check the course and write its pages as Markdown into a folder")
    render.add_argument("out", type=Path, help="the folder to write into (made if missing)")
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
            (root / file).write_text(editor_schema(file), encoding="utf-8")
            print(f"wrote {file}")
        return EXIT_OK
    try:
        course = load_course(root, site_languages(config_file))
    except CourseError as error:
        print(error.report(), file=sys.stderr)
        if os.environ.get("GITHUB_ACTIONS") == "true":
            print("\n".join(annotation(problem) for problem in error.problems))
        return EXIT_COURSE_ERROR
    if args.command == "check":
        print(f"The course is ready: {len(course.module_ids)} modules and {len(course.roleplays)} role-play "
              f"scenarios in {', '.join(course.languages)}.")
        return EXIT_OK
    pages = render_course(course)
    write_pages(args.out, pages)
    print(f"wrote {len(pages)} pages in {len(course.languages)} languages to {args.out}")
    return EXIT_OK


def annotation(problem: Problem) -> str:
    """A GitHub Actions workflow command, so the problem shows on the pull request's line."""
    def escape(text: str, *more: str) -> str:
        text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        for char in more:
            text = text.replace(char, {":": "%3A", ",": "%2C"}[char])
        return text

    properties = f"file={escape(problem.file, ':', ',')},line={problem.line},col={problem.column}"
    if problem.field:
        properties += f",title={escape(problem.field, ':', ',')}"
    return f"::error {properties}::{escape(problem.message)}"


def site_languages(config_file: Path) -> tuple[str, ...]:
    """The languages the site builds, its default first, as mkdocs.yml declares them."""
    from mkdocs.config import load_config

    return build_languages(load_config(str(config_file)).plugins["i18n"])


if __name__ == "__main__":
    sys.exit(main())
