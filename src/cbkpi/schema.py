"""The JSON Schemas of the data files and of the observation files, generated from the models."""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from cbkpi.models import DataFile
from cbkpi.observations import ObservationsFile

SCHEMA_ID = "https://cbkpi.invalid/schema/cbkpi-data.schema.json"
OBSERVATIONS_SCHEMA_ID = "https://cbkpi.invalid/schema/cbkpi-observations.schema.json"
_SCHEMAS: dict[str, tuple[type[BaseModel], str, str]] = {
    "data": (DataFile, SCHEMA_ID, "cbkpi data file"),
    "observations": (ObservationsFile, OBSERVATIONS_SCHEMA_ID, "cbkpi observations file"),
}


def data_schema(of: str = "data") -> dict[str, Any]:
    """The schema of a data file (``of="data"``) or of an observations file."""
    model, schema_id, title = _SCHEMAS[of]
    schema = model.model_json_schema(mode="validation")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": schema_id,
        "title": title,
        **schema,
    }


def schema_json(of: str = "data") -> str:
    return json.dumps(data_schema(of), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
