"""JSON exactly as SPEC §4: version, summary, findings with claims, locations and details."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from claimcheck.engine import count_by_severity
from claimcheck.findings import Finding, Report, Uncheckable


def render(report: Report, colour: bool = False) -> str:
    files = _Escaped()
    document = {
        "version": 1,
        "summary": {
            "files": report.files,
            "claims": report.claims,
            "findings": count_by_severity(report),
            "checked": report.checked,
            "uncheckable": Encoded(uncheckable_json(report.uncheckable, files)),
            "baselined": report.baselined,
            "fixed": list(report.fixed),
        },
        "findings": Encoded(finding_json(f, files) for f in report.findings),
    }
    return layout(document)


def layout(document: dict[str, Any]) -> str:
    """Indented JSON whose list items sit one to a line.

    json.dumps with `indent` falls back to the pure-Python encoder (about 1 s for 10k
    findings); items encoded compactly by the C encoder keep reports fast and diffable.
    """
    return _layout(document, 0) + "\n"


class Encoded(list[str]):
    """List items already encoded as compact JSON, laid out as they are."""


def _layout(value: Any, depth: int) -> str:
    pad, inner = "  " * depth, "  " * (depth + 1)
    if isinstance(value, dict) and value:
        items = [f"{inner}{_compact(k)}: {_layout(v, depth + 1)}" for k, v in value.items()]
        return "{\n" + ",\n".join(items) + f"\n{pad}}}"
    if isinstance(value, list) and value:
        encoded = value if isinstance(value, Encoded) else map(_compact, value)
        return f"[\n{inner}" + f",\n{inner}".join(encoded) + f"\n{pad}]"
    return _compact(value)


# The string encoder that _compact applies to every str, called directly.
_escape = json.encoder.encode_basestring
# One encoder for every item: json.dumps with options builds a new one per call, a third of
# the cost of 7,000 small items.
_encoder = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": "))
# And the C encoder that _encoder.encode builds anew at every call, inside two Python frames,
# built once (3,200 instructions a call: 5M for the details of a 100k run's findings). The
# same text: only a value holding itself, which no report does, would fail otherwise.
_c_encoder: Any = getattr(json.encoder, "c_make_encoder", None)
_items = None if _c_encoder is None else _c_encoder(
    None, _encoder.default, _escape, None, ": ", ", ", False, False, True)


def _compact(value: Any) -> str:
    return _encoder.encode(value) if _items is None else "".join(_items(value, 0))


class _Escaped(dict[str, str]):
    """Strings escaped once: a report names the same few files thousands of times."""

    def __missing__(self, text: str) -> str:
        self[text] = escaped = _escape(text)
        return escaped


# The items below are written out as _compact would encode their dicts (the same keys in
# the same order, the same separators, strings through the same escape), one string each:
# the dicts and an encoder call per item took 340M instructions for the 7,300 items of a
# 100k-claim run, these 190M, most of it escaping strings and the details. test_formats pins
# each item to the encoder's output.

def uncheckable_json(entries: Iterable[Uncheckable], files: _Escaped) -> list[str]:
    return [f'{{"claim": {_escape(u.claim)}, "file": {files[u.location.file]}, '
            f'"line": {u.location.line}, "reason": {_escape(u.reason)}}}' for u in entries]


def finding_json(finding: Finding, files: _Escaped) -> str:
    assert finding.severity is not None
    claims = ", ".join(map(_escape, finding.claims))
    locations = ", ".join([f'{{"file": {files[loc.file]}, "line": {loc.line}}}'
                           for loc in finding.locations])
    return (f'{{"rule": {_escape(finding.rule)}, "severity": {_escape(finding.severity.value)}, '
            f'"message": {_escape(finding.message)}, "claims": [{claims}], '
            f'"locations": [{locations}], "details": {_compact(finding.details)}, '
            f'"fingerprint": {_escape(finding.fingerprint)}}}')
