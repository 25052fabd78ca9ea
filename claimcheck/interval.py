"""Closed intervals of exact rationals: what a rounded, qualified figure can stand for."""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

Bound = Fraction | None  # None: unbounded on that side


@dataclass(frozen=True, init=False)
class Interval:
    """[lo, hi] with exact rational ends; None is -inf for lo and +inf for hi."""

    lo: Bound
    hi: Bound

    def __init__(self, lo: Bound, hi: Bound) -> None:
        # Frozen, but filled in directly: frozen's own __init__ sets each field through
        # object.__setattr__, and the rules build tens of thousands of these.
        fields = self.__dict__
        fields["lo"], fields["hi"] = lo, hi

    @classmethod
    def point(cls, value: Fraction) -> Interval:
        return cls(value, value)

    @classmethod
    def rounding(cls, value: Fraction, half_unit: Fraction) -> Interval:
        return cls(value - half_unit, value + half_unit)

    def overlaps(self, other: Interval) -> bool:
        return _le(self.lo, other.hi) and _le(other.lo, self.hi)

    def contains(self, value: Fraction) -> bool:
        return _le(self.lo, value) and _le(value, self.hi)

    @property
    def bounded(self) -> bool:
        return self.lo is not None and self.hi is not None

    @property
    def positive(self) -> bool:
        return self.lo is not None and self.lo > 0

    def scale(self, factor: Fraction) -> Interval:
        lo = None if self.lo is None else self.lo * factor
        hi = None if self.hi is None else self.hi * factor
        # A negative factor swaps the ends, and an unbounded side with them.
        return Interval(lo, hi) if factor >= 0 else Interval(hi, lo)

    def widen(self, below: Fraction, above: Fraction) -> Interval:
        """Stretch each end by a fraction of its own magnitude, outwards."""
        return Interval(_stretched(self.lo, below, -1), _stretched(self.hi, above, 1))

    def __add__(self, other: Interval) -> Interval:
        lo = None if self.lo is None or other.lo is None else self.lo + other.lo
        hi = None if self.hi is None or other.hi is None else self.hi + other.hi
        return Interval(lo, hi)

    def __truediv__(self, other: Interval) -> Interval | None:
        """Quotient of two positive bounded-below intervals; None where it is undefined."""
        if not (self.positive and other.positive):
            return None
        assert self.lo is not None and other.lo is not None
        lo = None if other.hi is None else self.lo / other.hi
        hi = None if self.hi is None else self.hi / other.lo
        return Interval(lo, hi)

    def __str__(self) -> str:
        return f"[{format_bound(self.lo, '-inf')}, {format_bound(self.hi, 'inf')}]"


def _stretched(end: Bound, share: Fraction, outwards: int) -> Bound:
    """end + outwards × |end| × share, as one Fraction of integers: end × (1 ± share), the
    end's sign and the direction deciding which (Fraction's abs, × and + cost a gcd each)."""
    if end is None:
        return None
    if type(end) is not Fraction or type(share) is not Fraction:  # as Fraction does it
        return end + outwards * abs(end) * share
    top = share.numerator
    if not top:
        return end
    numerator, denominator = end.numerator, end.denominator
    grow = outwards if numerator >= 0 else -outwards
    bottom = share.denominator
    return Fraction(numerator * (bottom + grow * top), denominator * bottom)


def _le(a: Bound, b: Bound) -> bool:
    return a is None or b is None or a <= b


def to_fraction(value: Decimal | int | str) -> Fraction:
    return Fraction(Decimal(value)) if isinstance(value, str) else Fraction(value)


def to_float(value: Fraction | int) -> float:
    """float(value), which for a Fraction takes numbers.Rational's generic path (~0.6 µs in
    3.11): the true division of its integers is correctly rounded, so the same float (and
    the same OverflowError beyond floats)."""
    return value.numerator / value.denominator


def in_floats(interval: Interval) -> tuple[float, float]:
    """The ends as floats, -inf and inf for open ones, for the rules' float screens. Raises
    OverflowError for an end beyond floats, or one so near 0 that it rounds to 0: a float
    end then has its exact end's sign."""
    lo, hi = interval.lo, interval.hi
    low = -math.inf if lo is None else to_float(lo)
    high = math.inf if hi is None else to_float(hi)
    if (not low and lo) or (not high and hi):
        raise OverflowError("an end too near 0 for a float")
    return low, high


def format_bound(value: Bound, infinite: str) -> str:
    return infinite if value is None else format_number(value)


def format_number(value: Fraction | float, digits: int = 4) -> str:
    """A figure for people: 4 significant digits, no exponent below 1e15, no float noise."""
    try:
        number = to_float(value) if type(value) is Fraction else float(value)
    except OverflowError:  # beyond 1e308: only Decimal can still print it
        ratio = Fraction(value)
        exact = Decimal(ratio.numerator) / Decimal(ratio.denominator)
        return f"{exact:.{digits - 1}e}"
    if number == 0:
        return "0"
    magnitude = abs(number)
    if magnitude >= 1e15 or magnitude < 1e-6:
        return f"{number:.{digits - 1}e}"
    text = f"{number:.{digits}g}" if magnitude < 10**digits else f"{number:.0f}"
    if "e" in text:
        text = f"{number:f}".rstrip("0").rstrip(".")
    return text
