"""Whole counts: a count of things written to the unit stands for whole numbers only."""

from __future__ import annotations

from fractions import Fraction

import pytest

from claimcheck.interval import Interval
from claimcheck.quantity import parse_value
from claimcheck.rules.base import whole_count, whole_numbers


@pytest.mark.parametrize("text", [
    "9 cases", "10 cases", "600 people", "21,729 participants", "-9 cases", "1 case",
    "300 aircraft", "12,000 PhDs", "2 asylum seekers", "3 BEVs", "5 EV", "4 degrees"])
def test_counts_to_the_unit_are_whole(text: str) -> None:
    assert whole_count(parse_value(text))


@pytest.mark.parametrize("text", [
    "9",                         # a bare number: an index level, a ratio
    "9%", "9 USD", "25 bps",     # percent, currency, points
    "9.0 cases",                 # written to a tenth
    "580K people", "1.5 million patents", "1e3 people",  # a scale word or an exponent
    "9 index points", "5 score points", "9 working days", "6 sq. metres",  # measures
    "5 bitcoins",                # a holding that splits
    "5 GW"])
def test_other_figures_keep_their_rounding(text: str) -> None:
    assert not whole_count(parse_value(text))


def test_whole_numbers_of_a_rounding() -> None:
    assert whole_numbers(parse_value("9 cases").rounding) == Interval.point(Fraction(9))
    assert whole_numbers(parse_value("-9 cases").rounding) == Interval.point(Fraction(-9))
    # A conversion's rounding at its significant digits: 2,400 is 2,350..2,450.
    assert whole_numbers(Interval(Fraction(4699, 2), Fraction(4901, 2))) == Interval(
        Fraction(2350), Fraction(2450))
