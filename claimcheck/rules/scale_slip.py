"""Two figures of one metric for overlapping dates a power of ten apart: a slipped scale word.

An extra zero, million for billion, 亿 for billion, lakh for crore: when two figures of one
metric and unit, for overlapping dates, cannot both hold (`conflicting-values`) and one of them
scaled by 10^k (k from 1 to 9) lands within the tolerance (option `tolerance`, default 5%) of
the other, the pair is reported here instead of as a conflict. Both figures must be bounded
and of one sign: `over 5 million` against `50 billion` is no slip. As there, a figure over a
`period` meets only figures for that very period (a month's count is not its season's).
`-50 basis points` against `-50 percentage points` (a factor of 100) is named as that slip.

Failing example::

    claims:
      - id: ca-education-as-printed
        metric: us_ca.education.spending
        value: $59.7 million
        period: {from: 2008-07, to: 2009-06}
        source: latimes
      - id: ca-education-corrected
        metric: us_ca.education.spending
        value: $59.7 billion
        period: {from: 2008-07, to: 2009-06}
        source: latimes

reports `$59.7 million vs $59.7 billion for 2008-07..2009-06: a factor of 1,000 (million vs
billion?)`.

Passing example: the same claims, both `$59.7 billion`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from fractions import Fraction

from pydantic import field_validator

from claimcheck.caching import LazyPattern
from claimcheck.findings import Finding, Severity
from claimcheck.interval import Interval
from claimcheck.model import Claim
from claimcheck.rules.base import Context, Ratio, RuleOptions, finding
from claimcheck.rules.conflicts import Conflict, conflict_candidates, conflicts, to_float
from claimcheck.rules.grouping import date_label, interval_details, stated

NAME = "scale-slip"
SEVERITY = Severity.ERROR
POWERS = range(1, 10)
_SCALE_WORDS = LazyPattern(r"thousand|million|billion|trillion|lakhs?|crores?|\bmn\b|\bbn\b|"
                           r"\btn\b|万|亿", re.IGNORECASE)
_BASIS_POINT, _PERCENTAGE_POINT = Fraction(1, 10**4), Fraction(1, 100)


class Options(RuleOptions):
    tolerance: Ratio = Fraction(5, 100)

    @field_validator("tolerance")
    @classmethod
    def _below_one(cls, value: Fraction) -> Fraction:
        # At 100% a figure would be "near" zero times 10^k: no longer a slip test.
        if not 0 <= value < 1:
            raise ValueError("expected a tolerance from 0 up to (not including) 100%, like 5%")
        return value


def slip(conflict: Conflict, tolerance: Fraction) -> tuple[int, Claim, Claim] | None:
    """(k, smaller, larger) in magnitude when one figure times 10^k is near the other.

    Near: the smaller's widened interval scaled by 10^k overlaps the larger's widened by the
    tolerance. Both must be bounded, away from zero and of one sign. Floats pick the powers
    worth trying; the test itself is exact.
    """
    first, second = conflict.low_interval, conflict.high_interval
    if not (_one_sign(first) and _one_sign(second)):
        return None
    assert first.lo is not None and second.lo is not None
    if (first.lo > 0) != (second.lo > 0):
        return None
    if first.lo > 0:
        small, large, small_iv, large_iv = conflict.low, conflict.high, first, second
    else:
        small, large, small_iv, large_iv = conflict.high, conflict.low, second, first
    powers = _candidate_powers(small_iv, large_iv, tolerance)
    near = large_iv.widen(tolerance, tolerance) if powers else large_iv
    for k in powers:
        if small_iv.scale(Fraction(10) ** k).overlaps(near):
            return k, small, large
    return None


def _one_sign(interval: Interval) -> bool:
    """Bounded and away from zero, so a ratio of magnitudes means something."""
    if interval.lo is None or interval.hi is None:
        return False
    return interval.lo > 0 or interval.hi < 0


def _candidate_powers(small: Interval, large: Interval, tolerance: Fraction) -> list[int]:
    """Powers k with 10^k in the span of ratios large/small, widened by the tolerance."""
    assert small.lo is not None and small.hi is not None
    assert large.lo is not None and large.hi is not None
    bases = [abs(to_float(small.lo)), abs(to_float(small.hi))]
    ends = [abs(to_float(large.lo)), abs(to_float(large.hi))]
    slack = math.log10(1 + float(abs(tolerance))) + 0.01  # 0.01: room for float error
    try:
        lowest = math.log10(min(ends) / max(bases)) - slack
        highest = math.log10(max(ends) / min(bases)) + slack
    except (ValueError, ZeroDivisionError, OverflowError):
        return list(POWERS)  # floats under- or overflowed: let the exact test decide
    return [k for k in POWERS if lowest <= k <= highest]


def check(context: Context, options: Options) -> Iterator[Finding]:
    for group in conflict_candidates(context):  # the others: conflicts() would find none
        for conflict in conflicts(context, group):
            found = slip(conflict, options.tolerance)
            if found is not None:
                yield _finding(context, *found)


def _finding(context: Context, k: int, small: Claim, large: Claim) -> Finding:
    dates = sorted({date_label(small), date_label(large)})
    message = (f"{stated(small)} vs {stated(large)} for {' and '.join(dates)}: "
               f"a factor of {10 ** k:,}{_hint(small, large, k)}")
    return finding(NAME, message, [small, large], factor=10 ** k, k=k,
                   values=[stated(small), stated(large)], dates=dates,
                   intervals=[interval_details(context.interval(small)),
                              interval_details(context.interval(large))])


def _hint(small: Claim, large: Claim, k: int) -> str:
    """Why a reader would slip: bps for pp, two scale words, or zeros added to one."""
    if _bps_as_pp(small, large, k):
        return " (basis points written as percentage points?)"
    words = [" ".join(_SCALE_WORDS.findall(stated(c))).lower() for c in (small, large)]
    if words[0] != words[1]:
        return f" ({words[0] or 'no scale word'} vs {words[1] or 'no scale word'}?)"
    return " (an extra zero?)" if k == 1 else f" ({k} extra zeros?)"


def _bps_as_pp(small: Claim, large: Claim, k: int) -> bool:
    """`-50 basis points` against `-50 percentage points`: one number, the other point."""
    assert small.value is not None and large.value is not None
    units = small.value.unit, large.value.unit
    if any(unit.dimension != "percentage points" for unit in units):
        return False
    return (units[0].factor, units[1].factor) == (_BASIS_POINT, _PERCENTAGE_POINT) and k == 2
