"""Temperatures on two scales that agree neither as one temperature nor as one change.

A figure in °C or °F may be a level (30 °C is 86 °F) or a change (a warming of 1.5 °C is one of
2.7 °F), and the text rarely says which, so figures on different scales are grouped apart
(units.py). Two of them for one metric and the very same date still say something: where they
hold neither way (`1.18 °C` beside `3.12 °F`: 2.12 °F as a change, 34.1 °F as a level), one
of them is wrong.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from fractions import Fraction

from claimcheck.interval import Interval
from claimcheck.model import Claim
from claimcheck.rules.base import Context
from claimcheck.rules.figures import dimension
from claimcheck.rules.grouping import comparable_by_metric, split_metrics
from claimcheck.units import SCALE, measured

# Where each scale's zero lies, in kelvins: a figure's interval is its change from that zero.
ZEROS = {SCALE.format("°C"): Fraction(27315, 100), SCALE.format("°F"): Fraction(45967, 180)}


def disagreements(context: Context) -> Iterator[tuple[Claim, Claim]]:
    """Pairs of one metric, date and kind (figure or projection), on two temperature scales,
    whose intervals meet neither as changes nor as levels."""
    by_metric = comparable_by_metric(context)
    for metric in split_metrics(context):  # a metric in one dimension has no two scales
        if sum(_is_temperature(group.dimension) for group in by_metric[metric]) < 2:
            continue  # no two scales, no pair
        claims = context.claimset.valued(metric)
        on_scales: dict[tuple[tuple[int, int], bool], list[Claim]] = {}
        for claim in claims:
            assert claim.value is not None
            if claim.date is not None and _is_temperature(claim.value.unit.dimension):
                on_scales.setdefault((claim.date.days, claim.projection), []).append(claim)
        for same in on_scales.values():
            for one, other in itertools.combinations(same, 2):
                if dimension(one) != dimension(other):
                    context.mark_checked(one, other)
                    if not _agree(context, one, other):
                        yield one, other


def _is_temperature(dimension: str) -> bool:
    return measured(dimension) == "[temperature]"


def _agree(context: Context, one: Claim, other: Claim) -> bool:
    changes = context.interval(one), context.interval(other)
    if changes[0].overlaps(changes[1]):
        return True
    return _level(changes[0], one).overlaps(_level(changes[1], other))


def _level(change: Interval, claim: Claim) -> Interval:
    zero = ZEROS.get(dimension(claim).removeprefix("[temperature]"), Fraction(0))
    return Interval(None if change.lo is None else change.lo + zero,
                    None if change.hi is None else change.hi + zero)
