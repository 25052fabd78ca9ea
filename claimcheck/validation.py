"""pydantic's validation errors as one line a person can act on: field, value, expectation."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from claimcheck.errors import InputError

_EXPECTED = {
    "string_type": "a string", "bool_type": "true or false", "list_type": "a list",
    "dict_type": "a mapping", "model_type": "a mapping", "dataclass_type": "a mapping",
    "int_type": "a whole number",
    "literal_error": None, "string_pattern_mismatch": None, "too_short": None,
    "string_too_short": "a non-empty string",
}


def describe_errors(error: ValidationError | InputError) -> str:
    if isinstance(error, InputError):
        return error.message
    return "; ".join(_describe(item) for item in error.errors(include_url=False))


def _describe(item: Any) -> str:
    field = ".".join(str(part) for part in item["loc"])
    kind = item["type"]
    if kind == "unexpected_keyword_argument":  # a dataclass's (a claim's) extra field
        kind = "extra_forbidden"
    value = item.get("input")
    if kind == "missing":
        return f"missing required field `{field}`"
    if kind in ("extra_forbidden", "invalid_key") and _cut_at_a_comma(item["loc"]):
        return (f"`{field}` looks like the rest of a number cut at its comma: inside `{{...}}` a "
                "comma ends the value, so quote it (value: \"PKR 2,281 billion\")")
    if kind == "extra_forbidden":
        return f"unknown field `{field}` (a typo? see `claimcheck schema` for the fields)"
    if kind == "claimcheck":
        message = item["msg"]
        shown = _shown(value)
        if not field:
            return message
        if shown and shown not in message:
            return f"{field}: {shown}: {message}"
        return f"{field}: {message}"
    if kind == "string_pattern_mismatch" and field in ("id", "source", "restates") or \
            kind == "string_pattern_mismatch" and field.endswith(("start", "end", "part",
                                                                  "whole")):
        return f"{field}: {_shown(value)} is not an id (letters, digits, `.`, `_`, `-`)"
    expected = _EXPECTED.get(kind)
    prefix = f"{field}: " if field else ""
    if expected:
        return f"{prefix}expected {expected}, got {kind_of(value, '')} {_shown(value)}".rstrip()
    return f"{prefix}{item['msg']} (got {_shown(value)})"


def _cut_at_a_comma(loc: tuple[Any, ...]) -> bool:
    """A key of digits (`000`, `281 billion`): a figure like 2,281 split by a flow mapping."""
    key = loc[-1] if loc else None
    return isinstance(key, int) or isinstance(key, str) and key[:1].isdigit()


def _shown(value: Any) -> str:
    if isinstance(value, int) and value.bit_length() > 1000:
        return "(a number too long to show)"  # repr() refuses ints of over 4,300 digits
    if isinstance(value, (str, int, float, bool)) or value is None:
        text = repr(value)
        return text if len(text) <= 80 else text[:77] + "...'"
    return ""


KINDS = {str: "a string", int: "a number", float: "a number", bool: "a boolean",
         list: "a list", dict: "a mapping", type(None): "nothing"}


def kind_of(value: Any, unknown: str | None = None) -> str:
    """`a mapping`, `a string`: what a YAML value is, for messages; else its type's name."""
    return KINDS.get(type(value), type(value).__name__ if unknown is None else unknown)
