"""The MkDocs face of the course: `mkdocs build` and `mkdocs serve` are the whole workflow.

Split the way Material's own plugins are: `config.py` (the options in mkdocs.yml), `plugin.py` (the
course's work at each MkDocs event) and `upstream.py` (what the course mends in static-i18n and
Material, each with the behaviour it answers and the version it was checked on).
"""

from .plugin import CoursePlugin

__all__ = ["CoursePlugin"]
