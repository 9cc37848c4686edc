"""The open data export: the validated dataset as JSON, with its JSON Schema."""

from __future__ import annotations

import json
from typing import Any

from .model import Guidance

SCHEMA_ID = "guidance.schema.json"


def guidance_json(guidance: Guidance) -> dict[str, Any]:
    data = guidance.model_dump(mode="json", by_alias=True)
    return {"$schema": SCHEMA_ID, **data}


def guidance_schema() -> dict[str, Any]:
    schema = Guidance.model_json_schema(by_alias=True, mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Working Together to Safeguard Children: reference data"
    schema.setdefault("properties", {})["$schema"] = {"type": "string"}
    return schema


def dumps(value: dict[str, Any]) -> str:
    return json.dumps(value, ensure_ascii=False, indent=1, sort_keys=False) + "\n"
