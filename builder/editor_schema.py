"""The JSON Schema that editors (VS Code's YAML extension) use to autocomplete and underline mistakes.

Generated from the one schema in `schema.py`; the committed copy is checked
against it by the tests, so the two cannot drift apart.
"""

from __future__ import annotations

import json

from .schema import Module

SCHEMA_FILE = "content/module.schema.json"


def editor_schema() -> str:
    schema = Module.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Course module"
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
