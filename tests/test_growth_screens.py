"""growth-arithmetic's float screens in its hints must never decide otherwise than the exact
arithmetic they stand in for."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from claimcheck.rules.growth_figures import _power
from claimcheck.rules.growth_report import implied_rate, outside_in_floats

_RATES = st.fractions(min_value=Fraction(-999, 1000), max_value=Fraction(50),
                      max_denominator=10**6)
_STEPS = st.sampled_from([Fraction(1, 10**k) for k in range(1, 8)])
_YEARS = st.one_of(st.integers(1, 60),
                   st.fractions(min_value=Fraction(1, 372), max_value=Fraction(60),
                                max_denominator=372))


def _factor(rate: Fraction, years: int | Fraction) -> Fraction:
    return (1 + rate) ** years if isinstance(years, int) else _power(1 + rate, years)


@given(_RATES, _STEPS, _YEARS, st.fractions(min_value=Fraction(-1, 10**6),
                                            max_value=Fraction(1, 10**6)), st.booleans())
def test_outside_in_floats_only_where_the_factors_say_so(low: Fraction, step: Fraction,
                                                         years: int | Fraction,
                                                         nudge: Fraction,
                                                         at_high: bool) -> None:
    """Ratios at and around the cut's ends (where a float could err) and far from them."""
    high = low + step
    for ratio in (_factor(high if at_high else low, years) * (1 + nudge),
                  _factor(low, years), _factor(high, years), _factor(low + step / 2, years)):
        if ratio <= 0:
            continue
        implied = implied_rate(ratio, years)
        if outside_in_floats(implied, low, high):
            assert not _factor(low, years) <= ratio <= _factor(high, years)


def test_outside_in_floats_decides_the_usual_cases() -> None:
    # 59 to 71 over a year is up 20.339%: within 20.33%'s cut, far from 25%'s
    ratio = Fraction(71, 59)
    implied = implied_rate(ratio, 1)
    assert not outside_in_floats(implied, Fraction(2033, 10**4), Fraction(2034, 10**4))
    assert outside_in_floats(implied, Fraction(25, 100), Fraction(26, 100))
    assert outside_in_floats(implied, Fraction(10, 100), Fraction(11, 100))
    # a rate within a hair of -100% is left to the exact factors
    assert not outside_in_floats(-1.0, Fraction(-99999, 100000), Fraction(-99998, 100000))
