"""The JSON Schema of claim files, generated from the models."""

from __future__ import annotations

from typing import Any

from claimcheck.model import ClaimFile


def claim_file_schema() -> dict[str, Any]:
    schema = ClaimFile.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://claimcheck.dev/schema/claim-file.json"
    return schema
