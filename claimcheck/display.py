"""Figures in words for messages: 600 billion CNY, 15.6%, 4500 companies."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction

from claimcheck.interval import format_number
from claimcheck.units import Unit

SCALE_NAMES = {10**6: "million", 10**9: "billion", 10**12: "trillion"}
_SCALES = (("trillion", 10**12), ("billion", 10**9), ("million", 10**6))  # largest first


def describe(magnitude: Fraction | float, unit: Unit, exact: bool = False) -> str:
    """600 billion CNY, 15.6%, 4500 companies: a canonical magnitude in words.

    Stated figures keep every digit (`exact`); computed ones get four significant digits.
    """
    show = exact_number if exact else format_number
    value = magnitude if type(magnitude) is Fraction else Fraction(magnitude)
    if unit.kind == "percent":
        return f"{show(value * 100)}%"
    factor = unit.factor
    if factor != 1:  # counts and currencies are counted in their own unit: nothing to divide
        value /= factor
    number, word = _scaled(value, show)
    return " ".join(part for part in (number, word, unit.code) if part)


def _scaled(value: Fraction, show: Callable[[Fraction], str]) -> tuple[str, str]:
    # |value| >= size, as the ints of |value|'s whole part (Fraction's abs and >= cost ~1 µs)
    whole = abs(value.numerator) // value.denominator
    for word, size in _SCALES:
        if whole >= size:
            return show(value / size), word
    return show(value), ""


def exact_number(value: Fraction) -> str:
    """A terminating decimal written out in full (600, 83.45, 118864.5); else 6 digits."""
    numerator, denominator = value.numerator, value.denominator
    if denominator == 1 and -_PLAIN_BELOW < numerator < _PLAIN_BELOW:
        return str(numerator)  # a whole number: its digits, as Decimal would print them
    rest = denominator
    for prime in (2, 5):
        while rest % prime == 0:
            rest //= prime
    if rest != 1 or abs(numerator) >= _PLAIN_BELOW * denominator:
        return format_number(value, 6)
    return _without_trailing_zeros(f"{Decimal(numerator) / Decimal(denominator):f}")


_PLAIN_BELOW = 10**15  # exact_number writes a figure this large in 6 digits


def decimal_number(number: Decimal) -> str:
    """exact_number(Fraction(number)), from the Decimal's own text where that is already
    plain (no exponent) and short: 83.450 is 83.45, with no Fraction (~8 µs a figure)."""
    text = str(number)
    if len(text) > 15 or "E" in text or not number or not number.is_finite():
        return exact_number(Fraction(number))  # long, an exponent, -0.0, or no number
    return _without_trailing_zeros(text)


def _without_trailing_zeros(text: str) -> str:
    """A plain decimal's text without the zeros after its last significant decimal."""
    return text.rstrip("0").rstrip(".") if "." in text else text


def miss_percent(miss: Fraction, tolerance: Fraction) -> str:
    """`1.0%`, or with the decimals it takes to exceed the tolerance it failed: a miss of
    0.528% against 0.5% is `0.53%`, not `0.5%` (rounded exactly, half to even)."""
    # round(miss × 100, decimals) > tolerance × 100, in the integers of the Fractions: each
    # Fraction round and comparison would cost a gcd or two.
    percent, below = miss.numerator * 100, miss.denominator
    limit, limit_below = tolerance.numerator * 100, tolerance.denominator
    for decimals in range(1, MISS_DECIMALS + 1):
        shift = 10**decimals
        shown = _round_half_even(percent * shift, below)  # the figure in units of 1/shift
        if shown * limit_below > limit * shift:
            break
    exact = Decimal(shown) / Decimal(shift)
    return f"{exact:.{decimals}f}%"


def _round_half_even(numerator: int, denominator: int) -> int:
    """round(Fraction(numerator, denominator)), for a denominator above 0."""
    whole, remainder = divmod(numerator, denominator)
    twice = 2 * remainder
    if twice > denominator or (twice == denominator and whole % 2):
        whole += 1
    return whole


MISS_DECIMALS = 6  # a miss closer to the tolerance than this is shown as it rounds
