"""The command line face of the course: the trainers' and managers' tools (`course --help`).

It stands on the course model, like the MkDocs plugin, and reads the course's
languages from the same place the site does: the i18n plugin in mkdocs.yml.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

from .cat.export import ONLY, export_translation
from .cat.units import NEEDS_REVIEW, NEW, TRANSLATED
from .cat.importer import ImportRefused, import_translation, remember_reviewed
from .course import load_course
from .editor_schema import SCHEMA_FILES, editor_schema
from .errors import CourseError, Problem
from .export.offline import export_offline
from .export.scorm import export_scorm
from .pages import write_pages
from .paths import paths_sheet
from .render import render_course
from .scaffold import new_module
from .site_config import issuer_of, site_config, site_languages, site_settings
from .translations import CURRENT, Translation, mark_reviewed, stale_in, translation_states

EXIT_OK, EXIT_COURSE_ERROR, EXIT_USAGE = 0, 1, 2
EXIT_READER_GONE = 128 + 13  # what a shell reports for a command stopped by SIGPIPE
NOTHING_TO_SEND = {None: "stale or missing", "stale": "stale", "missing": "missing", "all": "in the course"}
EXPORTS = ("offline", "scorm")


class IntermixedParser(argparse.ArgumentParser):
    """Options may stand between the positionals, as in `export ko --only stale out`.

    Plain argparse binds an optional positional (OUT) to its default as soon as
    it has read LANGUAGE, and then refuses the OUT that follows the option.
    """

    _mixing = False

    def parse_known_args(self, args=None, namespace=None):
        if self._mixing:
            return super().parse_known_args(args, namespace)
        self._mixing = True
        try:
            return self.parse_known_intermixed_args(args, namespace)
        finally:
            self._mixing = False


def main(argv: list[str] | None = None) -> int:
    try:
        code = run(argv)
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader (`course translations | head`) stopped reading: end quietly, as Unix tools do,
        # and point stdout at nowhere so Python's own flush at exit has nothing left to complain about.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_READER_GONE
    return code


def run(argv: list[str] | None) -> int:
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
    exchange = translations.add_subparsers(dest="action", metavar="ACTION", parser_class=IntermixedParser)
    send = exchange.add_parser(
        "export", help="write the texts to translate into LANGUAGE as an XLIFF 1.2 file for a translator's CAT "
                       "tool, and the glossary as TBX for their term base")
    send.add_argument("language", help="the language to translate into, like ko")
    send.add_argument("--only", choices=ONLY, help="only the texts whose Chinese changed (stale), only those never "
                      "translated (missing), or every text (all); default: stale and missing")
    send.add_argument("out", type=Path, nargs="?", default=Path("dist"),
                      help="the folder to write course-LANGUAGE.xlf and glossary.tbx into (default: dist)")
    receive = exchange.add_parser("import", help="take a translated XLIFF file back into the course")
    receive.add_argument("file", type=Path, help="the .xlf file the translator sent back")
    render = commands.add_parser("render", help="check the course and write its pages as Markdown into a folder")
    render.add_argument("out", type=Path, help="the folder to write into (made if missing)")
    export = commands.add_parser(
        "export", help="the course to take elsewhere: a copy that opens from disk (offline), or SCORM 1.2 "
                       "packages for a learning system, one per language (scorm)")
    export.add_argument("form", choices=EXPORTS, help="offline or scorm")
    export.add_argument("out", type=Path, nargs="?", default=Path("dist"),
                        help="the folder to write the zip files into (default: dist)")
    paths = commands.add_parser(
        "paths", help="write out one role-play with the replies that lead into each turn and ending, to check "
                      "that every line is true on every way in")
    paths.add_argument("scenario", help="the role-play's id (its file name in quizzes/ without .yaml)")
    paths.add_argument("language", nargs="?", help="the language to show (default: the course's first)")
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
    if args.command == "translations" and args.action == "export":
        return export_translation_command(root, site_languages(config_file), args.language, args.only, args.out)
    if args.command == "translations" and args.action != "import":
        return translations_command(root, site_languages(config_file), args.reviewed)
    if args.command == "translations":  # an import, then the course check, exactly as `course check` runs it
        imported = import_translation_command(root, site_languages(config_file), args.file)
        if imported != EXIT_OK:
            return imported
    try:
        course = load_course(root, site_languages(config_file), site_settings(config_file))
    except CourseError as error:
        show_warnings(error.warnings)
        print(error.report(), file=sys.stderr)
        if os.environ.get("GITHUB_ACTIONS") == "true":
            print("\n".join(annotation(problem) for problem in error.problems))
        return EXIT_COURSE_ERROR
    if args.command in ("check", "translations"):
        show_warnings(course.warnings)
        print("\n".join(course.cue_figures))
        print(f"The course is ready: {len(course.module_ids)} modules and {len(course.roleplays)} role-play "
              f"scenarios in {', '.join(course.languages)}.")
        return EXIT_OK
    if args.command == "export":
        return export_command(config_file, args.form, args.out, course)
    if args.command == "paths":
        return paths_command(course, args.scenario, args.language or course.languages[0])
    stale = frozenset((state.language, state.id) for state in stale_in(course))
    try:
        issuer = issuer_of(site_config(config_file), course.languages)
    except PluginError as error:
        print(f"course: {error}", file=sys.stderr)
        return EXIT_COURSE_ERROR
    pages = render_course(course, stale=stale, issuer=issuer).whole()
    write_pages(args.out, pages)
    print(f"wrote {len(pages)} pages in {len(course.languages)} languages to {args.out}")
    return EXIT_OK


def paths_command(course, scenario_id: str, language: str) -> int:
    scenarios = course.scenarios
    if scenario_id not in scenarios or language not in course.languages:
        wanted = (f"role-play '{scenario_id}'; the role-plays are: {', '.join(sorted(scenarios))}"
                  if scenario_id not in scenarios else
                  f"language '{language}'; the languages are: {', '.join(course.languages)}")
        print(f"course: there is no {wanted}", file=sys.stderr)
        return EXIT_USAGE
    print(paths_sheet(scenarios[scenario_id], language), end="")
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
        marked = []
        try:
            for item_id in reviewed[1:]:
                print(f"marked as reviewed: {mark_reviewed(root, languages, reviewed[0], item_id)}")
                marked.append(item_id)
        except ValueError as error:
            print(f"course: {error}", file=sys.stderr)
            return EXIT_COURSE_ERROR
        finally:
            if marked:
                remember_reviewed(root, languages, reviewed[0], marked)
        return EXIT_OK
    states = translation_states(root, languages)
    print(translation_table(states, languages[1:]))
    behind = [state for state in states if state.state != CURRENT]
    if behind:
        print(f"\n{len(behind)} translation(s) need work. After updating one, mark it: "
              "course translations --reviewed LANGUAGE ID")
    return EXIT_COURSE_ERROR if behind else EXIT_OK


def export_translation_command(root: Path, languages: tuple[str, ...], language: str, only: str | None,
                               out: Path) -> int:
    try:
        exported = export_translation(root, languages, language, only, out)
    except ValueError as error:
        print(f"course: {error}", file=sys.stderr)
        return EXIT_USAGE
    except CourseError as error:
        print(error.report(), file=sys.stderr)
        return EXIT_COURSE_ERROR
    states = exported.states
    if exported.xliff is None:
        print(f"Nothing to send: no '{language}' text is {NOTHING_TO_SEND[only]}; to send every text, "
              f"add --only all.\nwrote {exported.tbx}")
        return EXIT_OK
    print(f"wrote {exported.xliff}: {plural(sum(states.values()), 'text')} ({states[NEW]} new, {states[NEEDS_REVIEW]} to "
          f"review, {states[TRANSLATED]} translated)\nwrote {exported.tbx}: the glossary, for the translator's "
          f"term base\nSend both to the translator; when the file comes back: course translations import FILE")
    return EXIT_OK


def import_translation_command(root: Path, languages: tuple[str, ...], file: Path) -> int:
    try:
        imported = import_translation(root, languages, file)
    except ImportRefused as refused:
        count = len(refused.problems)
        print(f"course: nothing was imported; the file has {plural(count, 'problem')} to fix:\n"
              + "\n".join(refused.problems), file=sys.stderr)
        return EXIT_COURSE_ERROR
    except CourseError as error:
        print(error.report(), file=sys.stderr)
        return EXIT_COURSE_ERROR
    print(f"imported {file.name} into '{imported.language}': {plural(imported.texts, 'text')} written, "
          f"{imported.confirmed} kept as reviewed, {imported.left} not translated yet")
    for written in imported.written:
        print(f"changed {written}")
    if imported.current:
        print("now current: " + ", ".join(imported.current))
    return EXIT_OK


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


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


if __name__ == "__main__":
    sys.exit(main())
