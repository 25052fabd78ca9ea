"""Figures in words for messages: 600 billion CNY, 15.6%, 4500 companies."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction

from claimcheck.interval import format_number
from claimcheck.units import Unit

SCALE_NAMES = {10**6: "million", 10**9: "billion", 10**12: "trillion"}


def describe(magnitude: Fraction | float, unit: Unit, exact: bool = False) -> str:
    """600 billion CNY, 15.6%, 4500 companies: a canonical magnitude in words.

    Stated figures keep every digit (`exact`); computed ones get four significant digits.
    """
    show = exact_number if exact else format_number
    if unit.kind == "percent":
        return f"{show(Fraction(magnitude) * 100)}%"
    number, word = _scaled(Fraction(magnitude) / unit.factor, show)
    return " ".join(part for part in (number, word, unit.code) if part)


def _scaled(value: Fraction, show: Callable[[Fraction], str]) -> tuple[str, str]:
    for word, size in (("trillion", 10**12), ("billion", 10**9), ("million", 10**6)):
        if abs(value) >= size:
            return show(value / size), word
    return show(value), ""


def exact_number(value: Fraction) -> str:
    """A terminating decimal written out in full (600, 83.45, 118864.5); else 6 digits."""
    denominator = value.denominator
    for prime in (2, 5):
        while denominator % prime == 0:
            denominator //= prime
    if denominator != 1 or abs(value) >= 10**15:
        return format_number(value, 6)
    text = f"{Decimal(value.numerator) / Decimal(value.denominator):f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def miss_percent(miss: Fraction, tolerance: Fraction) -> str:
    """`1.0%`, or with the decimals it takes to exceed the tolerance it failed: a miss of
    0.528% against 0.5% is `0.53%`, not `0.5%` (rounded exactly, half to even)."""
    for decimals in range(1, MISS_DECIMALS + 1):
        shown = round(miss * 100, decimals)
        if shown > tolerance * 100:
            break
    exact = Decimal(shown.numerator) / Decimal(shown.denominator)
    return f"{exact:.{decimals}f}%"


MISS_DECIMALS = 6  # a miss closer to the tolerance than this is shown as it rounds
