"""The text scan that finds claim and source lines for the fast parser, and when it gives up."""

from __future__ import annotations

import pytest
import yaml_rs

from claimcheck import yamlsource
from claimcheck.errors import InputError
from claimcheck.linescan import TextScan, scan_lines
from claimcheck.yamlsource import Document

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
    return scan_lines(text.encode(), yaml_rs.loads(text, parse_datetime=False))


def test_lines_of_claims_sources_and_top_keys() -> None:
    assert _scan(TEXT) == ([8, 14], {"cen": 2, "icn-2025": 5}, {"sources": 1, "claims": 7})


def test_an_item_that_does_not_start_with_its_first_key_gives_up() -> None:
    flow = TEXT.replace("  - metric: m\n    id: b\n    value: 2 USD",
                        "  - {metric: m, id: b, value: 2 USD}")
    assert _scan(flow) is None


def test_an_item_whose_first_key_is_on_its_second_line_gives_up() -> None:
    assert _scan(TEXT + "  - ? id\n    : c\n    metric: m\n    value: 3 USD\n") is None


def test_lines_of_items_after_blank_lines_and_comments() -> None:
    spaced = TEXT.replace("  - metric: m", "\n  # the second claim\n\n  - metric: m")
    assert _scan(spaced) == ([8, 17], {"cen": 2, "icn-2025": 5}, {"sources": 1, "claims": 7})


def test_an_empty_mapping_item_gives_up() -> None:
    assert _scan(TEXT + "  - {}\n") is None


def test_an_item_that_is_not_a_mapping_gives_up() -> None:
    assert _scan(TEXT + "  - just text\n") is None


def test_a_source_missing_from_the_scan_gives_up() -> None:
    assert _scan(TEXT.replace('  "icn-2025":', "  ? icn-2025\n  :")) is None


def test_source_keys_with_spaces_before_the_colon_and_inside_quotes() -> None:
    spaced = TEXT.replace("  cen:", "  cen \t:").replace('  "icn-2025":', '  "icn 2025 " :')
    assert _scan(spaced) == ([8, 14], {"cen": 2, "icn 2025 ": 5}, {"sources": 1, "claims": 7})


def test_a_source_key_with_a_space_inside_is_found_whole() -> None:
    assert _scan(TEXT.replace("  cen:", "  cen two  :")) == (
        [8, 14], {"cen two": 2, "icn-2025": 5}, {"sources": 1, "claims": 7})


def test_an_item_whose_first_key_is_not_a_string_gives_up() -> None:
    assert _scan(TEXT + "  - 1: x\n    id: c\n") is None


def test_a_scan_made_before_the_data_gives_the_same_lines() -> None:
    scan = TextScan(TEXT.encode())
    scan.expected_sections()
    data = yaml_rs.loads(TEXT, parse_datetime=False)
    assert scan_lines(TEXT.encode(), data, scan) == scan_lines(TEXT.encode(), data)


def test_a_scan_made_before_the_data_is_not_used_where_the_sections_differ() -> None:
    # An unknown top-level key after `claims:` ends the claims section early: the scan made
    # without it ran to the end of the text, and its item count no longer fits.
    text = TEXT + "extra:\n  - id: c\n"
    scan = TextScan(text.encode())
    scan.expected_sections()
    data = yaml_rs.loads(text, parse_datetime=False)
    assert scan_lines(text.encode(), data, scan) == ([8, 14], {"cen": 2, "icn-2025": 5},
                                            {"sources": 1, "claims": 7, "extra": 17})


def _parse_both_ways(text: str, monkeypatch: pytest.MonkeyPatch) -> tuple[Document, Document]:
    on_thread = []
    real = yamlsource._while_parsing
    monkeypatch.setattr(yamlsource, "_while_parsing",
                        lambda *args: on_thread.append(1) or real(*args))
    monkeypatch.setattr(yamlsource, "PARSE_ON_THREAD_FROM", 0)
    threaded = yamlsource.parse(text)
    monkeypatch.setattr(yamlsource, "PARSE_ON_THREAD_FROM", 1 << 60)
    serial = yamlsource.parse(text)
    assert on_thread == [1]
    return threaded, serial


def test_a_large_file_parsed_on_a_thread_reads_as_on_one(
        monkeypatch: pytest.MonkeyPatch) -> None:
    threaded, serial = _parse_both_ways(TEXT, monkeypatch)
    assert threaded == serial
    assert threaded.claim_lines == [8, 14]


def test_bad_yaml_parsed_on_a_thread_still_gets_its_line(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(InputError) as error:
        _parse_both_ways(TEXT + "  - id: [c\n", monkeypatch)
    assert error.value.line == 18


def test_a_bom_is_no_part_of_the_first_key() -> None:
    document = yamlsource.parse_fast("\ufeff".encode() + TEXT.encode())
    assert document is not None
    assert list(document.data) == ["sources", "claims"]
    assert document.claim_lines == [8, 14]


def test_bytes_that_are_not_utf8_take_the_exact_path_which_says_where() -> None:
    assert yamlsource.parse_fast(TEXT.encode() + b"  - id: caf\xe9\n") is None
    with pytest.raises(InputError) as error:
        yamlsource.parse_bytes(TEXT.encode() + b"  - id: caf\xe9\n")
    assert error.value.line == 17
    assert "not UTF-8 text: byte 0xe9" in error.value.message


def test_a_source_key_that_is_not_utf8_takes_the_exact_path_on_a_thread_too(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # On a thread the scan runs before yaml-rs has refused the bytes.
    monkeypatch.setattr(yamlsource, "PARSE_ON_THREAD_FROM", 0)
    raw = TEXT.encode().replace(b"  cen:", b"  c\xe9n:")
    assert yamlsource.parse_fast(raw) is None
    with pytest.raises(InputError) as error:
        yamlsource.parse_bytes(raw)
    assert error.value.line == 2
