"""The open data export: the validated dataset as JSON, with its JSON Schema."""

from __future__ import annotations

import json
from typing import Any

from .model import Guidance
from .pages import deep_links

SCHEMA_ID = "guidance.schema.json"


def guidance_json(guidance: Guidance) -> dict[str, Any]:
    data = guidance.model_dump(mode="json", by_alias=True)
    return {"$schema": SCHEMA_ID, **data, "links": deep_links(guidance)}


def guidance_schema() -> dict[str, Any]:
    schema = Guidance.model_json_schema(by_alias=True, mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Working Together to Safeguard Children: reference data"
    schema.setdefault("properties", {})["$schema"] = {"type": "string"}
    schema["properties"]["links"] = {
        "description": "Stable links into the site: page and anchor for every role, duty, change, term and step.",
        "type": "array",
        "items": {
            "type": "object",
            "properties": {"kind": {"type": "string"}, "id": {"type": "string"}, "href": {"type": "string"}},
            "required": ["kind", "id", "href"],
            "additionalProperties": False,
        },
    }
    return schema


def dumps(value: dict[str, Any]) -> str:
    # Compact: with an indent Python's JSON encoder falls back to pure Python, 4x slower on every build.
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")) + "\n"
