"""The ECB table read from the front of its text (the newest days) against the whole table:
the same lines and days from any day on, at every chunk size."""

from __future__ import annotations

import datetime as dt

import pytest

from claimcheck.rates import ExchangeRates, _EcbFile, _EcbTable

D = dt.date.fromisoformat


@pytest.fixture(scope="module")
def whole() -> _EcbTable:
    return _EcbTable.parse(_EcbFile.open().text())


def _front(day: dt.date, chunk: int) -> _EcbTable:
    ecb = _EcbFile.open()
    ecb.CHUNK = chunk
    table = _EcbTable.front(ecb.front(day), day)
    assert table is not None
    return table


def _days_around(day: dt.date, span: int = 9) -> list[dt.date]:
    return [day + dt.timedelta(days=offset) for offset in range(-span, span + 1)]


def test_the_shipped_history_is_newest_first_with_one_line_a_day(whole: _EcbTable) -> None:
    # What front reading relies on below the cut: no later day further down the text.
    text = _EcbFile.open().text()
    days = [line[:10] for line in text.split("\n")[1:] if line.strip()]
    assert days == sorted(days, reverse=True) and len(set(days)) == len(days)


# Small chunks stop the reading within a line of the cut, where a day off shows: a front
# that stopped at the first line *of* the day (not before it) would leave that day out.
@pytest.mark.parametrize(("near", "chunk"), [("2026-09-01", 5), ("2025-04-07", 61),
                                             ("2013-12-28", 997), ("2024-01-01", 4096),
                                             ("2013-12-28", _EcbFile.CHUNK)])
def test_front_equals_the_whole_cut_on_days_near_the_cut(whole: _EcbTable, chunk: int,
                                                         near: str) -> None:
    for day in _days_around(D(near)):
        front, cut = _front(day, chunk), whole.since(day)
        assert (front.lines, front.dates) == (cut.lines, cut.dates), day
        assert (front.columns, front.width) == (whole.columns, whole.width)


@pytest.mark.parametrize("day", ["1998-12-30", "1999-01-04", "1999-01-05", "2026-10-30",
                                 "2026-10-31", "2099-01-01"])
def test_front_at_the_ends_of_the_history(whole: _EcbTable, day: str) -> None:
    front, cut = _front(D(day), _EcbFile.CHUNK), whole.since(D(day))
    assert (front.lines, front.dates) == (cut.lines, cut.dates)


def test_a_front_reads_less_than_the_text() -> None:
    ecb = _EcbFile.open()
    front = ecb.front(D("2020-01-01"))
    text = ecb.text()
    assert text.startswith(front) and len(front) < len(text) // 2


def test_rates_from_the_front_equal_the_whole_history() -> None:
    recent, whole = ExchangeRates(), ExchangeRates()
    whole.table  # noqa: B018 - read whole first: its cut answers
    pairs = [("USD", "CNY"), ("GBP", "USD"), ("USD", "JPY")]
    for rates in (recent, whole):
        rates.prepare(pairs, D("2016-01-01"))
    assert recent._table is None  # the front alone answered
    for base, quote in pairs:
        for start in _days_around(D("2015-01-01")):
            end = start + dt.timedelta(days=40)
            assert recent.range(base, quote, start, end) == whole.range(base, quote, start, end)


@pytest.mark.parametrize(("base", "quote", "since"), [
    ("USD", "CNY", "2016-01-01"),  # both fixed every day: the shortcut
    ("USD", "CNY", "1999-01-01"),  # CNY quoted from 2005 only: days left out
    ("EUR", "ISK", "2005-01-01"),  # ISK's pause from 2008-12 to 2018-02
    ("GBP", "EUR", "2020-01-01")])
def test_crossed_series_equal_the_day_by_day_cross_rates(whole: _EcbTable, base: str,
                                                         quote: str, since: str) -> None:
    table = whole.since(D(since))
    series = ExchangeRates()._crossed(base, quote, table)
    per_base, per_quote = table.fixings(base), table.fixings(quote)
    days = sorted(per_base.keys() & per_quote.keys())
    assert series.days == days
    assert [series.raws[index] for index in range(len(days))] == [
        (per_base[day], per_quote[day]) for day in days]
    assert series.approx == [float(per_quote[day]) / float(per_base[day]) for day in days]
