"""The JSON Schemas that editors (VS Code's YAML extension) use to autocomplete and underline mistakes.

Generated from the one schema in `schema.py`; the committed copies are checked
against it by the tests, so they cannot drift apart.
"""

from __future__ import annotations

import json

from pydantic import BaseModel

from .schema import LANGUAGE_PATTERN, Glossary, Module, Scenario
from .validate import OPTIONAL_PER_LANGUAGE

# {file in the course folder: (model, title)}
SCHEMA_FILES: dict[str, tuple[type[BaseModel], str]] = {
    "content/module.schema.json": (Module, "Course module"),
    "quizzes/scenario.schema.json": (Scenario, "Role-play scenario"),
    "content/glossary.schema.json": (Glossary, "Course glossary"),
}


def editor_schema(file: str, languages: tuple[str, ...]) -> str:
    """The JSON Schema of one kind of file, requiring a text in each of the site's `languages`."""
    model, title = SCHEMA_FILES[file]
    schema = _every_language(model.model_json_schema(), languages)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = title
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def _every_language(schema: object, languages: tuple[str, ...], field: str = "") -> object:
    """Each per-language mapping names the site's languages, requires them and allows no other (as the check does)."""
    if isinstance(schema, list):
        return [_every_language(item, languages, field) for item in schema]
    if not isinstance(schema, dict):
        return schema
    walked = {key: ({name: _every_language(value, languages, name) for name, value in value.items()}
                    if key == "properties" else _every_language(value, languages, field))
              for key, value in schema.items()}
    texts = walked.get("patternProperties", {}).get(LANGUAGE_PATTERN)
    if texts is not None:
        del walked["patternProperties"]
        walked["properties"] = {language: texts for language in languages}
        walked["additionalProperties"] = False
        if field not in OPTIONAL_PER_LANGUAGE:
            walked["required"] = list(languages)
    return walked
