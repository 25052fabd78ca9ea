"""Quantities of custom rules: an interval in canonical units with its dimensions, and the
exact interval arithmetic and comparisons on them.

Each currency is its own dimension and never converts implicitly; `%` and count nouns are
dimensionless, but a percentage never mixes with a count or a bare number (`_CLASHES`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction

from claimcheck.interval import Interval, format_number
from claimcheck.units import Unit

Dims = tuple[tuple[str, int], ...]  # sorted (dimension, power), no zero powers


@dataclass(frozen=True)
class Quantity:
    """An interval in canonical units, its dimensions, and the one stated unit if it has one."""

    interval: Interval
    dims: Dims
    unit: Unit | None = None  # kept for display and kind; None once arithmetic mixes units

    @property
    def kind(self) -> str:
        """measure (has dimensions) | percent | count | number (bare literal) | ratio."""
        if self.dims:
            return "measure"
        if self.unit is None:
            return "ratio"
        if self.unit.kind == "percent" or self.unit.dimension == "percentage points":
            return "percent"  # 49% - 44% is 5 points: a point is a hundredth, as a percent is
        return "count" if self.unit.code else "number"


def dims_of(unit: Unit) -> Dims:
    if unit.kind == "currency":
        return ((unit.code, 1),)
    return _base_dims(unit.dimension) if unit.kind == "physical" else ()


_TERM = re.compile(r"(\[\w+\])(?: \*\* (\d+))?")


def _base_dims(dimension: str) -> Dims:
    """pint's `[mass] / [length] ** 2` as powers of base dimensions, so that t/ha times ha
    is t; a dimension claimcheck names itself (`[mass] of CO2`) stays whole."""
    top, _, bottom = dimension.partition(" / ")
    powers: dict[str, int] = {}
    for side, sign in ((top, 1), (bottom, -1)):
        for term in side.split(" * ") if side else []:
            match = _TERM.fullmatch(term.strip())
            if match is None:
                if term.strip() == "1":
                    continue
                return ((dimension, 1),)
            powers[match[1]] = powers.get(match[1], 0) + sign * int(match[2] or 1)
    return tuple(sorted((name, power) for name, power in powers.items() if power))


def combine(a: Dims, b: Dims, sign: int) -> Dims:
    """The dimensions of a product (sign 1) or a quotient (sign -1)."""
    powers = dict(a)
    for name, power in b:
        powers[name] = powers.get(name, 0) + sign * power
    return tuple(sorted((name, power) for name, power in powers.items() if power))


# A percentage is a number, but adding one to a count or a bare `50` is almost surely a slip.
_CLASHES = {frozenset({"percent", "count"}), frozenset({"percent", "number"})}


def compatible(a: Quantity, b: Quantity) -> bool:
    return a.dims == b.dims and frozenset({a.kind, b.kind}) not in _CLASHES


def label(q: Quantity) -> str:
    """CNY, %, patents, CNY/USD: the unit a quantity is shown in."""
    if q.unit is not None:
        return "%" if q.unit.kind == "percent" else q.unit.code
    top = "·".join(name if power == 1 else f"{name}^{power}"
                   for name, power in q.dims if power > 0)
    bottom = "".join(f"/{name}" if power == -1 else f"/{name}^{-power}"
                     for name, power in q.dims if power < 0)
    return (top or ("1" if bottom else "")) + bottom


def kind_name(q: Quantity) -> str:
    names = {"percent": "a percentage", "number": "a plain number (write 50% for a percentage)",
             "ratio": "a ratio", "count": f"a count of {label(q)}"}
    return names.get(q.kind, label(q))


# ---------------------------------------------------------------- interval arithmetic

Ext = Fraction | float  # float only for the infinities of unbounded ends


def _ends(iv: Interval) -> tuple[Ext, Ext]:
    return (-math.inf if iv.lo is None else iv.lo, math.inf if iv.hi is None else iv.hi)


def _from_ends(lo: Ext, hi: Ext) -> Interval:
    return Interval(None if isinstance(lo, float) else lo, None if isinstance(hi, float) else hi)


def _product(x: Ext, y: Ext) -> Ext:
    # 0 × ∞ is 0 here: an unbounded factor times exactly zero is still zero.
    return Fraction(0) if x == 0 or y == 0 else x * y


def multiply(a: Interval, b: Interval) -> Interval:
    if b.lo is not None and b.lo == b.hi:  # by a point, the common case: two products
        return a.scale(b.lo)
    if a.lo is not None and a.lo == a.hi:
        return b.scale(a.lo)
    products = [_product(x, y) for x in _ends(a) for y in _ends(b)]
    return _from_ends(min(products), max(products))


def _inverse(x: Fraction | None) -> Fraction:
    return Fraction(0) if x is None else 1 / x


def reciprocal(b: Interval) -> Interval | None:
    """1 / b; None where b is exactly zero. A b straddling zero gives the whole line."""
    lo, hi = b.lo, b.hi
    if lo == 0 and hi == 0:
        return None
    if (lo is not None and lo > 0) or (hi is not None and hi < 0):
        return Interval(_inverse(hi), _inverse(lo))
    if lo == 0:
        return Interval(_inverse(hi), None)
    if hi == 0:
        return Interval(None, _inverse(lo))
    return Interval(None, None)


def at_most(a: Fraction | None, b: Fraction | None) -> bool:
    """a <= b, where an unbounded end (None) satisfies it."""
    return a is None or b is None or a <= b


def _below(a: Fraction | None, b: Fraction | None) -> bool:
    return a is None or b is None or a < b


# Some values satisfy it: the comparison holds (a rounded figure is not wrong).
HOLDS: dict[str, Callable[[Interval, Interval], bool]] = {
    "<": lambda a, b: _below(a.lo, b.hi),
    "<=": lambda a, b: at_most(a.lo, b.hi),
    ">": lambda a, b: _below(b.lo, a.hi),
    ">=": lambda a, b: at_most(b.lo, a.hi),
    "==": lambda a, b: a.overlaps(b),
}


# ---------------------------------------------------------------- showing quantities

_SCALES = (("trillion", 10**12), ("billion", 10**9), ("million", 10**6))


def display_ends(q: Quantity) -> tuple[Fraction | None, Fraction | None]:
    """The interval's ends in the stated unit (billion CNY, not CNY), where it has one."""
    factor = q.unit.factor if q.unit is not None else Fraction(1)
    return tuple(None if end is None else end / factor  # type: ignore[return-value]
                 for end in (q.interval.lo, q.interval.hi))


def show(q: Quantity, with_unit: bool = True) -> str:
    """7.184–7.196 CNY/USD, 570–600.5 billion CNY, at least 1.45 million patents, 39.5%."""
    lo, hi = display_ends(q)
    known = [end for end in (lo, hi) if end is not None]
    if not known:
        return "any value"
    word, size = next(((w, s) for w, s in _SCALES if max(map(abs, known)) >= s), ("", 1))
    numbers = "–".join(dict.fromkeys(format_number(end / size) for end in known))
    unit = label(q) if with_unit else ""
    if unit == "%":
        text = numbers + "%"
    else:
        text = " ".join(part for part in (numbers, word, unit) if part)
    if lo is None:
        return f"at most {text}"
    return f"at least {text}" if hi is None else text


def rounded(end: Fraction | None) -> float | None:
    """An end for `details`: a float of six significant digits (JSON has no Fractions)."""
    return None if end is None else float(f"{float(end):.6g}")
