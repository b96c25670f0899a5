"""The JSON Schemas that editors (VS Code's YAML extension) use to autocomplete and underline mistakes.

Generated from the one schema in `schema.py`; the committed copies are checked
against it by the tests, so they cannot drift apart.
"""

from __future__ import annotations

import json

from pydantic import BaseModel

from .schema import Glossary, Module, Scenario

# {file in the course folder: (model, title)}
SCHEMA_FILES: dict[str, tuple[type[BaseModel], str]] = {
    "content/module.schema.json": (Module, "Course module"),
    "quizzes/scenario.schema.json": (Scenario, "Role-play scenario"),
    "content/glossary.schema.json": (Glossary, "Course glossary"),
}


def editor_schema(file: str) -> str:
    model, title = SCHEMA_FILES[file]
    schema = model.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = title
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
