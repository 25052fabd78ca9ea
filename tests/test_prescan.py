"""A helper scans a large run's cut parts while the run imports the library (prescan.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT

from claimcheck import forked, pieces, prescan, split
from claimcheck.api import Settings, check_paths, check_with
from claimcheck.formats import formatter
from claimcheck.inputs import Limits
from claimcheck.linescan import TextScan
from claimcheck.ruleset import load_ruleset

needs_fork = pytest.mark.skipif(not forked.can_fork(), reason="the prescan needs fork()")
DEFAULT_RULES = str(ROOT / "claimcheck" / "data" / "default.yaml")  # no custom rules


def _file(claims: int) -> str:
    """A file with its sources first, findings in it, and claims a cut falls between."""
    sources = "".join(f"  s{i}:\n    title: T{i}\n    published: 2024-06-0{1 + i % 9}\n"
                      for i in range(30))
    items = "".join(f"  - id: c{i}\n    metric: m{i % 7}\n    value: {(i % 5) + 1} USD\n"
                    f"    as_of: 2024-0{1 + i % 9}\n    source: s{i % 31}\n"
                    for i in range(claims))
    return f"# a comment\nsources:\n{sources}\nclaims:\n{items}"


@pytest.fixture
def big(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A file that every split run cuts (a split at any size)."""
    monkeypatch.setattr(pieces, "SPLIT_FROM_BYTES", 0)
    path = tmp_path / "big.yaml"
    path.write_text(_file(300), encoding="utf-8")
    return path


def _settings(path: Path, keep_claims: bool = False) -> Settings:
    return Settings(paths=(str(path),), rules=DEFAULT_RULES, jobs=2, keep_claims=keep_claims)


def _formatted(settings: Settings) -> list[str]:
    report = check_paths(settings)
    return [formatter(name)(report, False) for name in ("json", "text")]


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Per piece a split run parses: whether a helper had scanned it."""
    seen: list[bool] = []
    original = split.parse_piece

    def recorded(piece: pieces.Piece, limits: Limits) -> Any:
        seen.append(piece.scanned is not None)
        return original(piece, limits)

    monkeypatch.setattr(split, "parse_piece", recorded)
    return seen


@needs_fork
def test_a_prescanned_run_gives_the_report_of_a_whole_one(big: Path, parsed: list[bool]) -> None:
    whole = _formatted(_settings(big, keep_claims=True))
    assert parsed == []  # a run that quotes claims is not split
    assert _formatted(_settings(big)) == whole
    assert parsed == [True]  # the parent's head: the child's tail is parsed in the child
    assert '"rule": "conflicting-values"' in whole[0]  # findings from both parts


@needs_fork
def test_the_helper_finds_what_each_process_would(big: Path) -> None:
    found = prescan.Prescan.start([str(big)], Limits())
    assert found is not None
    shares = found.halves([str(big)], Limits())
    assert shares is not None and found.closed
    for piece in (piece for share in shares for piece in share):
        assert piece.scanned is not None
        assert piece.scanned.place == piece.place()
        part = piece.part()
        scan = TextScan(part.text, part.line_shift)
        scan.expected_sections()
        assert piece.scanned.scan == scan.state()
    assert [piece.tail for share in shares for piece in share] == [False, True]


@needs_fork
def test_a_resumed_scan_gives_the_lines_of_a_fresh_one(big: Path) -> None:
    (head,), (tail,) = pieces.shares([str(big)], Limits())
    for piece in (head, tail):
        part = piece.part()
        fresh = TextScan(part.text, part.line_shift)
        fresh.expected_sections()
        resumed = TextScan.resumed(part.text, part.line_shift, fresh.state())
        assert resumed.scanned
        plain = pieces.parse_piece(piece, Limits())
        scanned = pieces.parse_piece(
            pieces.Piece(piece.number, piece.path, piece.cut, piece.tail,
                         pieces.Prescanned(piece.place(), fresh.state())), Limits())
        assert plain is not None and scanned is not None
        assert scanned.lines == plain.lines and scanned.claims_line == plain.claims_line
        assert scanned.first_index == plain.first_index
        assert {k: s.location for k, s in scanned.loaded.sources.items()} == \
            {k: s.location for k, s in plain.loaded.sources.items()}


@needs_fork
def test_a_scan_of_other_lines_is_not_trusted_blindly(big: Path) -> None:
    """The state is what the lines come from: one shifted by a line moves every claim."""
    (head,), _ = pieces.shares([str(big)], Limits())
    part = head.part()
    scan = TextScan(part.text, part.line_shift + 1)
    scan.expected_sections()
    shifted = pieces.parse_piece(pieces.Piece(head.number, head.path, head.cut, head.tail,
                                              pieces.Prescanned(head.place(), scan.state())),
                                 Limits())
    plain = pieces.parse_piece(head, Limits())
    assert shifted is not None and plain is not None
    assert shifted.lines == [line + 1 for line in plain.lines]


@needs_fork
def test_a_file_changed_after_its_scan_is_checked_whole(big: Path, parsed: list[bool]) -> None:
    settings = _settings(big)
    started = prescan.Prescan.start(settings.paths, Limits())
    assert started is not None
    changed = big.with_suffix(".new")
    changed.write_text(_file(300).replace("value: 1 USD", "value: 1 EUR"), encoding="utf-8")
    os.replace(changed, big)  # as editors save: a new file under the old name
    report = check_with(settings, load_ruleset(DEFAULT_RULES), started)
    assert parsed == [True]  # the head, refused: then the run is checked whole
    assert report.findings == check_paths(_settings(big, keep_claims=True)).findings
    assert started.closed


@needs_fork
def test_a_failing_helper_leaves_the_processes_to_scan(big: Path, parsed: list[bool],
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    whole = _formatted(_settings(big, keep_claims=True))

    def fails(piece: pieces.Piece) -> Any:
        raise RuntimeError("lost in the helper")

    monkeypatch.setattr(prescan, "_prescanned", fails)
    assert _formatted(_settings(big)) == whole
    assert parsed == [False]


@needs_fork
def test_another_run_than_planned_is_planned_again(big: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.yaml"
    other.write_text(_file(10), encoding="utf-8")
    for files, limits in (([str(other)], Limits()),
                          ([str(big)], Limits(max_file_bytes=Limits().max_file_bytes - 1))):
        started = prescan.Prescan.start([str(big)], Limits())
        assert started is not None
        assert started.halves(files, limits) is None and started.closed


def test_no_helper_where_nothing_is_cut(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    small = tmp_path / "small.yaml"
    small.write_text(_file(10), encoding="utf-8")
    monkeypatch.setattr(prescan, "Partner", lambda *args: pytest.fail("a helper"))
    assert prescan.Prescan.start([str(small)], Limits()) is None  # under SPLIT_FROM_BYTES
    assert prescan.Prescan.start([str(tmp_path / "missing.yaml")], Limits()) is None
    monkeypatch.setattr(pieces, "SPLIT_FROM_BYTES", 0)
    twins = [tmp_path / "a.yaml", tmp_path / "b.yaml"]
    for path in twins:
        path.write_text(_file(10), encoding="utf-8")
    assert prescan.Prescan.start([str(path) for path in twins], Limits()) is None  # whole files


@needs_fork
def test_custom_rules_stop_the_helper(big: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    started: list[prescan.Prescan] = []
    original = prescan.Prescan.start.__func__  # type: ignore[attr-defined]

    def recorded(cls: type[prescan.Prescan], *args: Any) -> Any:
        started.append(original(cls, *args))
        return started[-1]

    monkeypatch.setattr(prescan.Prescan, "start", classmethod(recorded))
    monkeypatch.setattr(split, "check_in_halves", lambda *args: pytest.fail("split"))
    monkeypatch.chdir(ROOT)
    report = check_paths(Settings(paths=(str(big),), rules="rules", jobs=2, keep_claims=False))
    assert report.claimset is not None
    assert len(started) == 1 and started[0].closed


def test_the_helper_starts_before_the_library_is_imported() -> None:
    """What prescan needs is light: the fork comes before pydantic and the models."""
    code = ("import sys, claimcheck.api, claimcheck.prescan; "
            "print(sorted(m for m in ('pydantic', 'claimcheck.model', 'claimcheck.loader', "
            "'claimcheck.rules') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, cwd=ROOT)
    assert done.stdout.strip() == "[]"
