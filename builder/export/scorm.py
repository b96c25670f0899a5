"""SCORM 1.2 packages, one per language, each a single SCO: the whole site, launched in that language.

The launch page (scorm.html) holds the LMS session and shows the course's own
pages in a frame beneath it, so moving between pages never ends the session.
Its script holds the LMS's record of the learner, which the course's pages read and change directly.
The SCORM 1.2 schemas the manifest names travel in the package's root, as the specification asks.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined

from ..model import Course
from ..labels import all_labels
from ..skills import taught_sections
from .archive import files_of, write_zip
from .edition import build_edition

LAUNCH_PAGE = "scorm.html"
MANIFEST = "imsmanifest.xml"
ADAPTER = (Path(__file__).parent / "scorm.js", Path(__file__).parent / "scorm.css")
SCHEMAS = sorted((Path(__file__).parent / "schemas").glob("*.xsd"))
_TEMPLATES = Environment(loader=PackageLoader(__package__, "templates"), autoescape=True,
                         undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)


def export_scorm(config_file: Path, out: Path, course: Course) -> list[Path]:
    packages = []
    with tempfile.TemporaryDirectory() as scratch:
        edition = build_edition(config_file, Path(scratch) / "site", offline=False)
        default = course.languages[0]
        for language in course.languages:
            package = Path(scratch) / f"package-{language}"
            shutil.copytree(edition.site, package)
            for part in (*ADAPTER, *SCHEMAS):
                shutil.copy(part, package / part.name)
            start = "index.html" if language == default else f"{language}/index.html"
            _write(package / LAUNCH_PAGE, "scorm.html.j2", language=language, title=edition.titles[language],
                   tag=all_labels()["language_tag"][language], start=start,
                   scenarios=" ".join(roleplay.id for roleplay in course.roleplays),
                   skills=" ".join(sorted(taught_sections(course.roleplays))), mastery_score=course.settings.pass_mark)
            files = files_of(package)
            _write(package / MANIFEST, "imsmanifest.xml.j2", language=language, title=edition.titles[language],
                   launch=LAUNCH_PAGE, files=files, mastery_score=course.settings.pass_mark)
            packages.append(write_zip(out / f"course-scorm-{language}.zip", package))
    return packages


def _write(target: Path, template: str, **values) -> None:
    target.write_text(_TEMPLATES.get_template(template).render(**values), encoding="utf-8")
