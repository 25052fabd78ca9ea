"""The lines of a cut file's parts are the whole file's: claims, sources and `claims:`."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from claimcheck import pieces, yamlsource
from claimcheck.linescan import TextScan
from claimcheck.loader import Limits, ParsedFile, parse_file


def _text(claims: int, sources_after: bool) -> str:
    sources = "".join(f"  s{i}:\n    title: T{i}\n\n    published: 2024-06-0{i % 9 + 1}\n"
                      for i in range(5))
    items = "".join(f"  - id: c{i}\n    metric: m{i % 7}\n" + "    # a note\n" * (i % 3)
                    + f"    value: {i + 1} USD\n    as_of: 2024\n    source: s{i % 5}\n"
                    for i in range(claims))
    if sources_after:
        return "# lines\n\nclaims:\n" + items + "sources:\n" + sources
    return "# lines\nsources:\n" + sources + "\nclaims:\n" + items


def _source_lines(parsed: ParsedFile) -> dict[str, int]:
    return {ident: source.location.line for ident, source in parsed.loaded.sources.items()
            if source.location is not None}


@pytest.mark.parametrize("sources_after", [False, True])
def test_the_parts_of_a_cut_file_have_the_whole_files_lines(
        tmp_path: Path, sources_after: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "big.yaml"
    path.write_text(_text(60, sources_after), encoding="utf-8")
    found = pieces.shares([str(path)], Limits())
    assert found is not None
    (head_piece,), (tail_piece,) = found
    head, tail = pieces.parse_piece(head_piece, Limits()), pieces.parse_piece(tail_piece, Limits())
    monkeypatch.setenv("CLAIMCHECK_PARSER", "pyyaml")  # the exact path: lines of its own
    whole = parse_file(str(path), Limits())
    assert head is not None and tail is not None and head.claims and tail.claims
    # Off by one anywhere (the tail's shift, a count of the head's newlines), these differ.
    assert head.lines + tail.lines == whole.lines
    assert head.claims_line == tail.claims_line == whole.claims_line
    assert _source_lines(head) | _source_lines(tail) == _source_lines(whole)
    assert len(_source_lines(whole)) == 5


def test_lines_counted_from_any_point_already_counted_are_the_texts() -> None:
    text = _text(20, False).encode()
    rng = random.Random(5)
    for shift in (0, 7):
        scan = TextScan(text, shift)
        for offset in rng.sample(range(len(text) + 1), 200):
            assert scan.line_at(offset) == text.count(b"\n", 0, offset) + 1 + shift


@pytest.mark.parametrize("layout", ["plain", "sources after", "an item on its next line"])
@pytest.mark.parametrize("on_thread", [True, False])
def test_the_heads_claims_from_its_scan_are_those_counted(
        tmp_path: Path, layout: str, on_thread: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    text = _text(60, layout == "sources after")
    if layout == "an item on its next line":  # before the first claim the scan sees
        text = text.replace("claims:\n  - id: c0\n", "claims:\n  - \n    id: c0\n")
    path = tmp_path / "big.yaml"
    path.write_text(text, encoding="utf-8")
    monkeypatch.setattr(yamlsource, "PARSE_ON_THREAD_FROM", 0 if on_thread else 1 << 60)
    found = pieces.shares([str(path)], Limits())
    assert found is not None
    head_piece = found[0][0]
    assert head_piece.cut is not None
    head = head_piece.part().text
    scan = TextScan(head)
    yamlsource.parse_fast(head, 0, scan)
    counted = head.count(head_piece.cut.marker, head_piece.cut.claims_at)
    assert head_piece.claims_before_cut(head, scan) == counted
    scanned = scan.scanned_items(head_piece.cut.claims_at, len(head))
    assert scanned is not None  # else this test checks nothing
    # An item the scan does not see as the first: its count is one short, and not taken.
    assert len(scanned[0]) == counted - (layout == "an item on its next line")
