"""The text scan that finds claim and source lines for the fast parser, and when it gives up."""

from __future__ import annotations

import yaml_rs

from claimcheck.linescan import scan_lines

TEXT = """\
sources:
  cen:
    title: One
    published: 2025-03-05
  "icn-2025":
    title: Two
claims:
  - id: a
    metric: m
    value: 1 USD
    quote: |
      a quote with
      - a dash that is not an item
  - metric: m
    id: b
    value: 2 USD
"""


def _scan(text: str) -> tuple[list[int], dict[str, int], dict[str, int]] | None:
    return scan_lines(text, yaml_rs.loads(text, parse_datetime=False))


def test_lines_of_claims_sources_and_top_keys() -> None:
    assert _scan(TEXT) == ([8, 14], {"cen": 2, "icn-2025": 5}, {"sources": 1, "claims": 7})


def test_an_item_that_does_not_start_with_its_first_key_gives_up() -> None:
    flow = TEXT.replace("  - metric: m\n    id: b\n    value: 2 USD",
                        "  - {metric: m, id: b, value: 2 USD}")
    assert _scan(flow) is None


def test_an_empty_mapping_item_gives_up() -> None:
    assert _scan(TEXT + "  - {}\n") is None


def test_an_item_that_is_not_a_mapping_gives_up() -> None:
    assert _scan(TEXT + "  - just text\n") is None


def test_a_source_missing_from_the_scan_gives_up() -> None:
    assert _scan(TEXT.replace('  "icn-2025":', "  ? icn-2025\n  :")) is None
