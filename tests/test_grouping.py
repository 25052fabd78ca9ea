"""The comparing rules' grouping: conflicts found once, and the quick all-overlap test."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from claimcheck.interval import Interval
from claimcheck.rules.grouping import _all_overlap, ranks

bounds = st.one_of(st.none(), st.fractions(min_value=-50, max_value=50, max_denominator=7))


@st.composite
def intervals(draw: st.DrawFn) -> Interval:
    lo, hi = draw(bounds), draw(bounds)
    if lo is not None and hi is not None and lo > hi:
        lo, hi = hi, lo
    return Interval(lo, hi)


@given(st.lists(intervals(), min_size=2, max_size=8))
def test_all_overlap_exactly_when_no_interval_ends_below_another_start(
        items: list[Interval]) -> None:
    spans = ranks(items)
    gap = any(a[1] < b[0] for a in spans for b in spans)
    assert _all_overlap(items) is not gap


def test_touching_intervals_overlap() -> None:
    assert _all_overlap([Interval(Fraction(1), Fraction(2)), Interval(Fraction(2), None)])
    assert not _all_overlap([Interval(Fraction(1), Fraction(2)),
                             Interval(Fraction(5, 2), Fraction(3))])
