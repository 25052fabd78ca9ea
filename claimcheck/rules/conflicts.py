"""Figures of one metric and dimension, at overlapping dates, that cannot both hold.

What scale-slip and conflicting-values compare: each claim's figure widened by its qualifier,
within each set of claims whose dates all overlap, and for a figure over a `period`, among the
figures for that same period. Two conversions of figures in another currency (`restates`) are
not compared with each other: each converts at its own source's rate, which currency-conversion
checks, so `$730 billion` and `$735 billion` for one yen budget can both be right. That holds
whichever way `restates` points (`115.54 trillion yen ($730 billion)` beside `$734 billion
(115.5 trillion yen)`): two members of conversion pairs are compared only in the currency the
first-listed pair gave first, so two pairs that disagree are reported once. Found once a run
per group and shared.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from fractions import Fraction
from typing import NamedTuple

from claimcheck.findings import Location
from claimcheck.interval import Interval
from claimcheck.model import Claim
from claimcheck.rules.base import Context
from claimcheck.rules.conversions import file_order
from claimcheck.rules.grouping import (
    Comparable,
    comparable_groups,
    date_cliques,
    days,
    undated,
    undated_ids,
)


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
    found = group.found
    if found is None:  # most groups are never asked: no dict built for them
        found = group.found = {}
    if projection not in found:
        claims = group.claims if projection is None else [
            claim for claim in group.claims if claim.projection is projection]
        found[projection] = list(_conflicts(context, claims)) if may_conflict(
            context, group) else []
    return found[projection]


def conflict_candidates(context: Context) -> list[Comparable]:
    """The comparable groups for which may_conflict() holds, in their order: found once a run
    for scale-slip and conflicting-values, which both look only into these (a few hundred of
    some ten thousand groups), not asked of every group by each."""
    return context.derived(_candidates)


def _candidates(context: Context) -> list[Comparable]:
    groups = comparable_groups(context)
    if not undated_ids(context):  # the usual run: a group in date order may not conflict
        # (no answer kept for those passed)
        groups = [group for group in groups if not group.in_date_order]
    return [group for group in groups if may_conflict(context, group)]


def may_conflict(context: Context, group: Comparable) -> bool:
    """False where conflicts() surely finds nothing and has nothing to say: no two of the
    group's dates overlap, and every figure has one (undated ones it names). Most groups are
    a series at distinct dates: asked once a group, not per rule and kind of figure."""
    if group.may_conflict is None:  # the whole answer kept: the undated set is the run's
        if undated_ids(context):
            group.may_conflict = True
        elif group.in_date_order:
            group.may_conflict = False  # in date order, each after the last: none overlap
        else:  # every figure dated: its days read off the date, shared by many claims,
            # not looked up by id
            group.may_conflict = _dates_overlap(
                [claim.date.days for claim in group.claims])  # type: ignore[union-attr]
    return group.may_conflict


def _conflicts(context: Context, claims: list[Claim]) -> Iterator[Conflict]:
    """Levels (`as_of`) meet at overlapping dates; a flow over a `period` meets only figures
    for that very period: deaths over Feb-Jan and over Mar-Feb are two counts, not one."""
    if len(claims) < 2:
        return
    undated(context, claims)
    intervals: dict[str, Interval] = {}
    seen: set[tuple[str, str]] = set()
    levels = [claim for claim in claims if claim.period is None]
    yield from _among(context, levels, intervals, seen)
    by_span: dict[tuple[int, int], list[Claim]] = {}
    for claim in claims:
        if claim.date is not None:
            by_span.setdefault(claim.date.days, []).append(claim)
    for same in by_span.values():
        if len(same) > 1 and any(claim.period is not None for claim in same):
            yield from _among(context, same, intervals, seen)


def dates_meet(one: Claim, *others: Claim) -> bool:
    """Whether _conflicts() would set these claims beside each other: levels at overlapping
    dates, a flow only over its very period."""
    if one.date is None or any(claim.date is None for claim in others):
        return False
    first, last = days(one)
    if one.period is not None or any(claim.period is not None for claim in others):
        return all(days(claim) == (first, last) for claim in others)
    return all(days(claim)[0] <= last and first <= days(claim)[1] for claim in others)


def _among(context: Context, claims: list[Claim], intervals: dict[str, Interval],
           seen: set[tuple[str, str]]) -> Iterator[Conflict]:
    if not _dates_overlap([claim.date.days for claim in claims if claim.date is not None]):
        return  # a series at distinct dates, the usual group: nothing to compare
    for clique in date_cliques(claims):
        if len(clique) < 2:
            continue
        context.mark_checked(*clique)
        for claim in clique:
            if claim.id not in intervals:
                intervals[claim.id] = context.interval(claim)
        if _all_overlap([intervals[claim.id] for claim in clique]):
            continue
        for low, high in _gaps(clique, intervals):
            if not _compared(context, low, high):
                pair = _independent_pair(context, clique, intervals, low, high)
                if pair is None:
                    continue
                low, high = pair
            if (low.id, high.id) not in seen:
                seen.add((low.id, high.id))
                yield Conflict(low, high, intervals[low.id], intervals[high.id])


class _Member(NamedTuple):
    """A claim's place in a conversion pair (one figure in two currencies, by `restates`)."""

    pair_first: tuple[Location, str]  # where the pair is first listed, then its id
    original: bool  # the claim is the pair's figure as first given (the one restated)


def _conversion_pairs(context: Context) -> dict[str, _Member]:
    """Per claim that restates another in a different currency, or that one restates so,
    its pair; a claim both restating and restated is a conversion, and a figure restated
    twice belongs to its first-listed pair."""
    members: dict[str, _Member] = {}
    for claim in context.claimset.linked.restating:
        other = _converted_from(context, claim)
        if other is None:
            continue
        place = min((file_order(claim), claim.id), (file_order(other), other.id))
        members[claim.id] = _Member(place, False)
        known = members.get(other.id)
        if known is None or (known.original and place < known.pair_first):
            members[other.id] = _Member(place, True)
    return members


def _converted_from(context: Context, claim: Claim) -> Claim | None:
    """The figure in another currency this claim restates: it is that figure converted."""
    other = context.restated(claim)
    if (other is not None and other.value is not None and other.value.unit.is_currency
            and claim.value is not None and claim.value.unit.is_currency):
        return other
    return None


def _compared(context: Context, low: Claim, high: Claim) -> bool:
    """Whether a gap between two figures is theirs to report. Between members of two
    conversion pairs (one figure in two currencies each) it may be only their two rates: the
    pairs are compared in the currency the first-listed pair gave first, so in one currency
    only, whichever way each `restates` points."""
    pairs = context.derived(_conversion_pairs)
    one, other = pairs.get(low.id), pairs.get(high.id)
    if one is None or other is None:
        return True
    return min(one, other).original


def _independent_pair(context: Context, clique: list[Claim], intervals: dict[str, Interval],
                      low: Claim, high: Claim) -> tuple[Claim, Claim] | None:
    """For a gap found between two conversions: a claim of no conversion pair on either side
    of it, paired across the gap (the nearest one below `high`, else above `low`), or None."""
    pairs = context.derived(_conversion_pairs)

    def free(claim: Claim) -> bool:
        return claim.id not in pairs

    floor, ceiling = intervals[high.id].lo, intervals[low.id].hi
    below = [(top, index) for index, claim in enumerate(clique) if free(claim)
             and floor is not None and (top := intervals[claim.id].hi) is not None
             and top < floor]
    if below:
        return clique[max(below)[1]], high
    above = [(bottom, index) for index, claim in enumerate(clique) if free(claim)
             and ceiling is not None and (bottom := intervals[claim.id].lo) is not None
             and bottom > ceiling]
    if above:
        return low, clique[min(above)[1]]
    return None


def _dates_overlap(spans: list[tuple[int, int]]) -> bool:
    """Whether any two day spans share a day (a sort and a sweep, no cliques built): in
    start order, two overlap where one starts by the end of the one before it. Sorted in
    place, a loop, no generator: asked of every group of two figures or more."""
    if len(spans) < 2:
        return False
    spans.sort()
    end = spans[0][1]
    for start, last in spans[1:]:
        if start <= end:
            return True
        end = last
    return False


def _all_overlap(intervals: list[Interval]) -> bool:
    """Intervals on a line overlap pairwise exactly when the highest low end is at most the
    lowest high end: the usual case, settled without ranking every end."""
    lows = [interval.lo for interval in intervals if interval.lo is not None]
    highs = [interval.hi for interval in intervals if interval.hi is not None]
    return not lows or not highs or max(lows) <= min(highs)


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
