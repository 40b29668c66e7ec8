"""The JSON Schema of the data files, generated from the models."""

from __future__ import annotations

import json
from typing import Any

from cbkpi.models import DataFile

SCHEMA_ID = "https://cbkpi.invalid/schema/cbkpi-data.schema.json"


def data_schema() -> dict[str, Any]:
    schema = DataFile.model_json_schema(mode="validation")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "cbkpi data file",
        **schema,
    }


def schema_json() -> str:
    return json.dumps(data_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
