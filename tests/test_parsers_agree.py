"""The yaml-rs fast path and the PyYAML exact path read every text to the same data and lines."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from claimcheck.errors import InputError
from claimcheck.yamlsource import parse

ROOT = Path(__file__).resolve().parent.parent
CLAIM_FILES = sorted((ROOT / "claims").glob("*.yaml"))


def both(text: str) -> tuple[Any, Any]:
    """(fast, exact): each a tuple of data and lines, or ("error", message, line)."""
    results: list[tuple[Any, ...]] = []
    for fast in (True, False):
        try:
            doc = parse(text, prefer_fast=fast)
            results.append((doc.data, doc.claim_lines, doc.source_lines, doc.top_key_lines))
        except InputError as error:
            results.append(("error", error.message, error.line))
    return results[0], results[1]


def same(fast: Any, exact: Any) -> bool:
    # repr, not ==: NaN never equals itself, and True == 1 would hide a bool/int split.
    return repr(fast) == repr(exact)


def test_the_repo_has_claim_files() -> None:
    assert len(CLAIM_FILES) >= 5


@pytest.mark.parametrize("path", CLAIM_FILES, ids=[p.name for p in CLAIM_FILES])
def test_repo_claim_files(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    fast, exact = parse(text), parse(text, prefer_fast=False)
    assert fast.data == exact.data
    assert fast.claim_lines == exact.claim_lines
    assert fast.source_lines == exact.source_lines
    assert fast.top_key_lines == exact.top_key_lines
    claims = exact.data.get("claims") or []
    assert len(exact.claim_lines) == len(claims)


# YAML 1.1 vs 1.2 traps: both paths follow the 1.2 core schema (yamlsource's docstring).
SCALARS: list[tuple[str, Any]] = [
    ("yes", "yes"), ("no", "no"), ("on", "on"), ("off", "off"), ("y", "y"), ("n", "n"),
    ("true", True), ("True", True), ("FALSE", False),
    ("017", 17), ("0o17", 15), ("0x1F", 31), ("1_000", 1000), ("-3", -3), ("+5", 5),
    ("600e9", 600e9), ("1.5e9", 1.5e9), ("1E3", 1000.0), ("3.", 3.0), (".5", 0.5),
    ("2025-03-05", "2025-03-05"), ("2025-03-05T10:00:00", "2025-03-05T10:00:00"),
    ("2024-09", "2024-09"), ("12:30", "12:30"), ("1,000", "1,000"),
    ("~", None), ("null", None), ("", None),
    (".inf", float("inf")), ("-.inf", float("-inf")), (".nan", float("nan")),
    ("'017'", "017"), ('"yes"', "yes"),
]


@pytest.mark.parametrize(("scalar", "expected"), SCALARS, ids=[s for s, _ in SCALARS])
def test_scalars_read_alike(scalar: str, expected: Any) -> None:
    fast, exact = both(f"k: {scalar}\n")
    assert same(fast, exact), (fast, exact)
    value = exact[0]["k"]
    assert repr(value) == repr(expected)
    assert type(value) is type(expected)


@pytest.mark.parametrize("scalar", ["0b101", "_1"])
def test_scalars_the_paths_disagree_on(scalar: str) -> None:
    fast, exact = both(f"k: {scalar}\n")
    assert same(fast, exact), (fast, exact)


DOCUMENTS = {
    "flow claims": "claims: [{id: a, metric: m}, {id: b}]\n",
    "column-0 items": "claims:\n- id: a\n  ignore:\n  - rule: x\n    reason: y\n- id: b\n",
    "dash alone": "claims:\n  -\n    # c\n    id: a\n  - id: b\n",
    "dash comment": "claims:\n  - # first\n    id: a\n  - id: b\n",
    "nested list item": "claims:\n  - - a\n    - b\n  - id: c\n",
    "two documents": "---\nclaims:\n  - id: a\n---\nclaims:\n  - id: b\n",
    "document start": "---\nclaims:\n  - id: a\n",
    "document end": "claims:\n  - id: a\n...\n",
    "quoted multiline": "claims:\n  - id: a\n    quote: \"one\n  - two\"\n  - id: b\n",
    "plain multiline": "claims:\n  - id: a\n    quote: one\n     - two\n  - id: b\n",
    "block scalar": "claims:\n  - id: a\n    quote: |\n      - x: y\n  - id: b\n",
    "quoted source ids": "sources:\n  'a b':\n    title: x\n  \"c\":\n    title: y\n",
    "flow sources": "sources: {a: {title: x}}\nclaims:\n  - id: a\n",
    "mixed sources": "sources:\n  a:\n    title: x\n  b: {title: y}\n",
    "colon in source id": "sources:\n  \"a:b\":\n    title: x\n",
    "non-string source ids": "sources:\n  1:\n    title: x\n  2025-01-01:\n    title: y\n",
    "top key in a quote": "claims:\n  - id: a\n    quote: 'x\n\n sources: y'\n",
    "null sections": "claims:\nsources:\n",
    "crlf": "claims:\r\n  - id: a\r\n  - id: b\r\n",
    "duplicate top key": "claims: []\nclaims: []\n",
    "duplicate claim key": "claims:\n  - id: a\n    id: b\n",
    "anchor and alias": "sources:\n  a: &s {title: x}\n  b: *s\n",
    "tag": "claims:\n  - id: !!str 5\n",
    "merge key is a plain key": "claims:\n  - <<: {id: a}\n    metric: m\n",
    "comment between items": "claims:\n  - id: a\n  # - id: fake\n  - id: b\n",
    "column-0 continuation": 'sources:\n  s:\n    title: "x\nclaims: y"\nclaims:\n  - id: a\n',
    "space before colon": "claims :\n  - id: a\n",
    "claims inside a block scalar": "sources:\n  s:\n    title: |\n      claims:\n"
                                    "      - id: fake\nclaims:\n  - id: a\n  - id: b\n",
    "sources after claims": "claims:\n  - id: a\nsources:\n  s:\n    title: x\n",
    "commented source key": "sources:\n  # s0:\n  s:\n    title: x\n  t:   # trailing\n"
                            "    title: y\n",
    "nested key named like a source": "sources:\n  s:\n    title: x\n    t: 1\n  t:\n"
                                      "    title: y\n",
    "item that is a dash string": "claims:\n  - \"- id: x\"\n  - id: b\n",
    "indented commented dash": "claims:\n  - id: a\n    # - id: fake\n  - id: b\n",
    "explicit key": "claims:\n  - ? id\n    : a\n  - id: b\n",
    "quoted top key": '"claims":\n  - id: a\n',
    "crlf with sources": "sources:\r\n  s:\r\n    title: x\r\nclaims:\r\n  - id: a\r\n",
    "unicode ids": "sources:\n  源:\n    title: x\nclaims:\n  - id: 甲\n",
    "blank line after dash": "claims:\n  -\n\n    id: a\n",
    "source without a body": "sources:\n  s:\n  t:\n    title: y\n",
    "not yaml": "claims:\n  - id: [a\n",
    # yaml-rs makes a mapping or a list as an explicit key a frozenset or a tuple: PyYAML
    # refuses it
    "mapping as an explicit key": "claims:\n  - id: a\n    ? {x: y}\n    : z\n",
    "block mapping as an explicit key": "claims:\n  - id: a\n    ? etric: m\n",
    "explicit key first in an item": "claims:\n  - ? [x]\n    : a\n",
}


@pytest.mark.parametrize("text", DOCUMENTS.values(), ids=DOCUMENTS.keys())
def test_documents_read_alike(text: str) -> None:
    fast, exact = both(text)
    assert same(fast, exact), (fast, exact)


def test_empty_item_line() -> None:
    fast, exact = both("claims:\n  -\n  - id: b\n")
    assert same(fast, exact), (fast, exact)


def test_tab_after_dash() -> None:
    fast, exact = both("claims:\n  -   id: a\n      metric: m\n  -\tid: b\n")
    assert same(fast, exact), (fast, exact)
