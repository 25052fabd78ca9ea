"""The figures' text takes int and str shortcuts past Fractions: each must print what the
exact Fraction arithmetic it stands in for prints, byte for byte."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimcheck.display import (
    MISS_DECIMALS,
    SCALE_NAMES,
    decimal_number,
    describe,
    exact_number,
    miss_percent,
)
from claimcheck.interval import Interval, format_number
from claimcheck.qualifiers import Qualifier, QualifierWidths, widen
from claimcheck.quantity import StatedValue
from claimcheck.units import PER_MILLE, PERCENT, Unit, count, currency

_UNITS = [currency("USD"), count("people"), count(""), PERCENT, PER_MILLE,
          Unit("physical", "TWh", Fraction(3600000000000000), "energy"),
          Unit("physical", "g", Fraction(1, 1000), "mass")]
_SCALES = [1, 10**3, 10**4, 10**5, 10**6, 10**7, 10**8, 10**9, 10**12]
_DECIMALS = st.one_of(
    st.decimals(allow_nan=False, allow_infinity=False, places=2),
    st.decimals(allow_nan=False, allow_infinity=False),
    st.sampled_from([Decimal(text) for text in (
        "0", "-0", "-0.00", "0.0", "999999.99", "-999999", "1000000", "100.00", "1E+3",
        "0.000001", "0.0000001", "123456789012345", "999999999999999.5", "83.450")]))


def _exact_number_by_fractions(value: Fraction) -> str:
    denominator = value.denominator
    for prime in (2, 5):
        while denominator % prime == 0:
            denominator //= prime
    if denominator != 1 or abs(value) >= 10**15:
        return format_number(value, 6)
    text = f"{Decimal(value.numerator) / Decimal(value.denominator):f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _describe_by_fractions(magnitude: Fraction, unit: Unit, exact: bool) -> str:
    show = _exact_number_by_fractions if exact else format_number
    if unit.kind == "percent":
        return f"{show(Fraction(magnitude) * 100)}%"
    value = Fraction(magnitude) / unit.factor
    number, word = show(value), ""
    for word_of_size, size in (("trillion", 10**12), ("billion", 10**9), ("million", 10**6)):
        if abs(value) >= size:
            number, word = show(value / size), word_of_size
            break
    return " ".join(part for part in (number, word, unit.code) if part)


@given(_DECIMALS)
def test_decimal_number_is_exact_number_of_its_fraction(number: Decimal) -> None:
    assert decimal_number(number) == _exact_number_by_fractions(Fraction(number))


@given(st.fractions(), st.integers(0, 20))
def test_exact_number_is_the_fractions_text(value: Fraction, shift: int) -> None:
    for figure in (value, value * 10**shift, value / 10**shift):
        assert exact_number(figure) == _exact_number_by_fractions(figure)


@given(st.fractions(), st.sampled_from(_UNITS), st.booleans())
def test_describe_is_the_fractions_text(magnitude: Fraction, unit: Unit, exact: bool) -> None:
    assert describe(magnitude, unit, exact) == _describe_by_fractions(magnitude, unit, exact)


@given(_DECIMALS, st.sampled_from(_SCALES), st.sampled_from(_UNITS))
def test_a_stated_value_describes_as_its_magnitude_does(number: Decimal, scale: int,
                                                        unit: Unit) -> None:
    value = StatedValue(str(number), number, scale, unit)
    word = SCALE_NAMES.get(scale)
    if word is None or unit.kind == "percent":
        expected = _describe_by_fractions(value.magnitude, unit, exact=True)
    else:
        parts = (_exact_number_by_fractions(Fraction(number)), word, unit.code)
        expected = " ".join(part for part in parts if part)
    assert value.describe() == expected


def _miss_percent_by_fractions(miss: Fraction, tolerance: Fraction) -> str:
    for decimals in range(1, MISS_DECIMALS + 1):
        shown = round(miss * 100, decimals)
        if shown > tolerance * 100:
            break
    exact = Decimal(shown.numerator) / Decimal(shown.denominator)
    return f"{exact:.{decimals}f}%"


_MISSES = st.fractions(min_value=-10**6, max_value=10**6, max_denominator=10**9)


@given(_MISSES, _MISSES, st.integers(1, 8))
def test_miss_percent_is_the_fractions_text(miss: Fraction, tolerance: Fraction,
                                            near: int) -> None:
    # ties too: a miss just past its tolerance, and one halfway between two shown decimals
    for limit in (tolerance, miss, abs(miss) - Fraction(1, 10**near)):
        for off in (miss, Fraction(round(miss * 10**near) * 2 + 1, 2 * 10**(near + 2))):
            assert miss_percent(off, limit) == _miss_percent_by_fractions(off, limit)


@pytest.mark.parametrize("miss, tolerance, text", [
    (Fraction(5, 1000), Fraction(5, 1000), "0.500000%"),  # never exceeds: six decimals
    (Fraction(5285, 10**6), Fraction(5, 1000), "0.53%"),
    (Fraction(125, 10**5), Fraction(1, 1000), "0.12%"),  # 0.125 to even: 0.12, past 0.1
])
def test_miss_percent_examples(miss: Fraction, tolerance: Fraction, text: str) -> None:
    assert miss_percent(miss, tolerance) == _miss_percent_by_fractions(miss, tolerance) == text


def _widen_by_fractions(rounding: Interval, qualifier: Qualifier, widths: QualifierWidths,
                        signed: bool) -> Interval:
    def size(rounding: Interval) -> Interval:
        if qualifier is Qualifier.EXACT:
            return rounding
        if qualifier is Qualifier.ABOUT:
            return rounding.widen(widths.about, widths.about)
        if qualifier is Qualifier.NEARLY:
            return rounding.widen(widths.nearly, Fraction(0))
        if qualifier in (Qualifier.OVER, Qualifier.AT_LEAST):
            return Interval(rounding.lo, None)
        return Interval(None, rounding.hi)

    if signed or rounding.hi is None or rounding.hi >= 0:
        return size(rounding)
    sized = size(rounding.scale(Fraction(-1)))
    return Interval(None if sized.hi is None else -sized.hi,
                    Fraction(0) if sized.lo is None else -max(sized.lo, Fraction(0)))


@given(st.fractions(), st.fractions(min_value=0), st.sampled_from(list(Qualifier)),
       st.booleans())
def test_widen_is_the_fractions_interval(low: Fraction, width: Fraction, qualifier: Qualifier,
                                         signed: bool) -> None:
    widths = QualifierWidths(about=Fraction(5, 100), nearly=Fraction(3, 100))
    for rounding in (Interval(low, low + width), Interval(-width, Fraction(0)),
                     Interval(low, None)):
        assert (widen(rounding, qualifier, widths, signed)
                == _widen_by_fractions(rounding, qualifier, widths, signed))
