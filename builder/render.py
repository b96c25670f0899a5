"""Turn the course model into Markdown pages: pure, no files, no MkDocs.

Every template is autoescaped, the Markdown ones included: trainer text is
data, so `<script>` in it reaches the page as the text "<script>". Braces are
escaped too, because `{: onclick=… }` would otherwise become an attribute
through Markdown's attribute lists.
"""

from __future__ import annotations

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

from .course import Course
from .labels import labels_for


def _as_text(value: object) -> object:
    if isinstance(value, str) and not isinstance(value, Markup):
        return Markup(str(escape(value)).replace("{", "&#123;").replace("}", "&#125;"))
    return value


def _chat_text(value: str) -> Markup:
    """A chat message keeps its line breaks, and never a blank line that would end the HTML block."""
    return Markup("<br>\n").join(_as_text(line.strip()) for line in value.splitlines() if line.strip())


_ENV = Environment(
    loader=PackageLoader(__package__, "templates"),
    autoescape=True,
    finalize=_as_text,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)
_ENV.filters["chat_text"] = _chat_text


def render_course(course: Course) -> dict[str, str]:
    """Every page of the site, as {path under the docs folder: Markdown}."""
    pages: dict[str, str] = {}
    for language in course.languages:
        labels = labels_for(language)
        modules = course.modules[language]
        pages[f"{language}/index.md"] = _ENV.get_template("home.md.j2").render(labels=labels, modules=modules)
        for module_id, module in modules:
            pages[f"{language}/{module_id}.md"] = _ENV.get_template("module.md.j2").render(
                labels=labels, module=module
            )
    return pages
