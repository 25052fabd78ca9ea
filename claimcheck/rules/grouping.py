"""How the comparing rules group claims: by metric and dimension, then by overlapping dates.

Nothing here is quadratic in the size of a group: groups are sorted once and swept, so one
metric with tens of thousands of claims at one date costs a sort, not all pairs.
"""

from __future__ import annotations

import heapq
import itertools
import math
from collections import defaultdict
from collections.abc import Iterator, Sequence
from fractions import Fraction
from typing import NamedTuple, TypeVar

from claimcheck.claimset import ClaimSet
from claimcheck.interval import Bound, Interval
from claimcheck.model import Claim
from claimcheck.rules.base import Context
from claimcheck.rules.figures import rounded

T = TypeVar("T")

def metric_groups(claimset: ClaimSet) -> Iterator[tuple[str, list[Claim]]]:
    """Each metric with the claims of it that state a figure, in file order."""
    yield from claimset.valued_by_metric.items()


def by_dimension(claims: Sequence[Claim]) -> list[list[Claim]]:
    """Claims split by `value.unit.dimension` (each currency is its own), first seen first."""
    if len(claims) == 1:
        return [list(claims)]
    groups: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        assert claim.value is not None
        groups[claim.value.unit.dimension].append(claim)
    return list(groups.values())


class Comparable:
    """Claims of one metric in one dimension: the figures that can be compared directly.

    Built once a run and shared by the rules that compare figures, with the conflicts found
    among them (scale-slip and conflicting-values ask for the same ones).
    """

    def __init__(self, claims: list[Claim]) -> None:
        self.claims = claims
        self.found: dict[bool | None, list[Conflict]] = {}


def comparable_groups(context: Context) -> list[Comparable]:
    return context.shared("comparable-groups", lambda: [
        Comparable(group) for _, claims in metric_groups(context.claimset)
        for group in by_dimension(claims)
    ])


def day_spans(context: Context) -> dict[str, tuple[int, int]]:
    """Claim id -> first and last day of its date as ordinals, for every claim with a date."""
    def build() -> dict[str, tuple[int, int]]:
        spans = {}
        for claim in context.claimset.claims:
            if claim.as_of is not None:
                spans[claim.id] = claim.as_of.days
            elif claim.period is not None:  # claim.date's span, without building it
                (a, b), (c, d) = claim.period.start.days, claim.period.end.days
                spans[claim.id] = (min(a, c), max(b, d))
        return spans

    return context.shared("day-spans", build)


def cliques(items: Sequence[T], spans: Sequence[tuple[int, int]],
            strict: bool = False) -> Iterator[list[T]]:
    """Maximal sets of items whose spans (start, end), given in item order, share a point.

    `strict`: spans that only touch at one point do not share it (open intervals). Each
    clique comes out in start order; an item is in every clique it belongs to, so the cost
    is the sum of the cliques' sizes (a sort and a heap in the usual case of few layers).
    """
    order = sorted(range(len(items)), key=lambda i: (spans[i], i))
    active: list[tuple[int, int]] = []  # heap of (end, position in `order`)
    members: set[int] = set()
    grew = False
    for position, index in enumerate(order):
        start, end = spans[index]
        if active and _ended(active[0][0], start, strict):
            if grew:
                yield [items[order[p]] for p in sorted(members)]
                grew = False
            while active and _ended(active[0][0], start, strict):
                members.discard(heapq.heappop(active)[1])
        heapq.heappush(active, (end, position))
        members.add(position)
        grew = True
    if grew:
        yield [items[order[p]] for p in sorted(members)]


def _ended(end: int, start: int, strict: bool) -> bool:
    return end <= start if strict else end < start


def date_cliques(claims: Sequence[Claim], spans: dict[str, tuple[int, int]]
                 ) -> Iterator[list[Claim]]:
    """Maximal sets of dated claims whose dates all overlap one another."""
    dated = [claim for claim in claims if claim.id in spans]
    return cliques(dated, [spans[claim.id] for claim in dated])


def ranks(intervals: Sequence[Interval]) -> list[tuple[int, int]]:
    """Each interval's ends as their ranks among all the finite ends: the exact order of the
    Fractions, compared as ints from then on. Equal ends share a rank; unbounded ends rank
    beyond every finite one.

    Sorting by float first keeps Fraction comparisons to floats that tie (float() is
    monotonic, so the order is exact).
    """
    ends: list[tuple[float, Fraction, int]] = []
    for slot, interval in enumerate(intervals):
        if interval.lo is not None:
            ends.append((to_float(interval.lo), interval.lo, 2 * slot))
        if interval.hi is not None:
            ends.append((to_float(interval.hi), interval.hi, 2 * slot + 1))
    ends.sort()
    ranked = [-1, len(ends)] * len(intervals)  # unbounded: below or above every end
    rank, previous = -1, None
    for _, end, slot in ends:
        if end != previous:
            rank, previous = rank + 1, end
        ranked[slot] = rank
    return [(ranked[2 * i], ranked[2 * i + 1]) for i in range(len(intervals))]


def to_float(value: Fraction) -> float:
    try:
        return float(value)
    except OverflowError:
        return math.inf if value > 0 else -math.inf


class Conflict(NamedTuple):
    """Two claims whose widened intervals do not overlap; `low` lies wholly below `high`."""

    low: Claim
    high: Claim
    low_interval: Interval
    high_interval: Interval


def conflicts(context: Context, group: Comparable,
              projection: bool | None = None) -> list[Conflict]:
    """Pairs of the group's claims, at overlapping dates, that cannot both hold; found once a
    run and shared. `projection` None takes every claim of the group, True only its
    projections, False only its other figures.

    Within each set of date-overlapping claims, sorted by the low end of their widened
    intervals, a claim conflicts with an earlier one exactly when it starts above the lowest
    high end so far. One pair is reported per gap in the values (the lowest-ending claim below
    it and the first claim above it); the sweep then restarts from that claim, so a second gap
    higher up is reported too, and a thousand claims on each side of one gap give one pair.
    Each pair comes out once; the claims of every set of two or more are marked checked.
    """
    if projection not in group.found:
        claims = group.claims if projection is None else [
            claim for claim in group.claims if claim.projection is projection]
        group.found[projection] = list(_conflicts(context, claims))
    return group.found[projection]


def _conflicts(context: Context, claims: list[Claim]) -> Iterator[Conflict]:
    if len(claims) < 2:
        return
    undated(context, claims)
    spans = day_spans(context)
    if not _dates_overlap([spans[claim.id] for claim in claims if claim.id in spans]):
        return  # a series at distinct dates, the usual group: nothing to compare
    intervals: dict[str, Interval] = {}
    seen: set[tuple[str, str]] = set()
    for clique in date_cliques(claims, spans):
        if len(clique) < 2:
            continue
        context.mark_checked(*clique)
        for claim in clique:
            if claim.id not in intervals:
                intervals[claim.id] = context.interval(claim)
        if _all_overlap([intervals[claim.id] for claim in clique]):
            continue
        for low, high in _gaps(clique, intervals):
            if (low.id, high.id) not in seen:
                seen.add((low.id, high.id))
                yield Conflict(low, high, intervals[low.id], intervals[high.id])


def _dates_overlap(spans: list[tuple[int, int]]) -> bool:
    """Whether any two day spans share a day (a sort and a sweep, no cliques built)."""
    return any(start <= end for (_, end), (start, _) in itertools.pairwise(sorted(spans)))


def _all_overlap(intervals: list[Interval]) -> bool:
    """Intervals on a line overlap pairwise exactly when the highest low end is at most the
    lowest high end: the usual case, settled without ranking every end."""
    lows = [interval.lo for interval in intervals if interval.lo is not None]
    highs = [interval.hi for interval in intervals if interval.hi is not None]
    return not lows or not highs or max(lows) <= min(highs)


def undated(context: Context, claims: Sequence[Claim]) -> None:
    """Say why a claim among others of its metric and unit was not compared with them."""
    if len(claims) < 2:
        return
    for claim in claims:
        if claim.as_of is None and claim.period is None:
            context.cannot_check(claim, f"no `as_of` or `period`: its figure cannot be set "
                                 f"beside the other figures of `{claim.metric}`")


def _gaps(clique: list[Claim], intervals: dict[str, Interval]) -> Iterator[tuple[Claim, Claim]]:
    spans = ranks([intervals[claim.id] for claim in clique])
    order = sorted(range(len(clique)), key=lambda i: (spans[i], i))
    frontier = order[0]  # the claim with the lowest high end since the last gap
    for index in order[1:]:
        if spans[frontier][1] < spans[index][0]:
            yield clique[frontier], clique[index]
            frontier = index
        elif spans[index][1] < spans[frontier][1]:
            frontier = index


def stated(claim: Claim) -> str:
    """The figure as the text gave it: `nearly 600 billion CNY`."""
    assert claim.value is not None
    return f"{claim.qualifier.phrase} {claim.value.text}".lstrip()


def date_label(claim: Claim) -> str:
    """`2024-09`, or a period as `2008-07..2009-06`; `undated` without either."""
    if claim.as_of is not None:
        return claim.as_of.text
    if claim.period is not None:
        start, end = claim.period.start.text, claim.period.end.text
        return start if start == end else f"{start}..{end}"
    return "undated"


def number(value: Bound) -> float | None:
    """A bound for `details`: a float to 10 significant digits, None where unbounded."""
    return rounded(value, 10)


def interval_details(interval: Interval) -> list[float | None]:
    return [number(interval.lo), number(interval.hi)]
