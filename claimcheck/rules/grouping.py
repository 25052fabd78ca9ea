"""How the comparing rules group claims: by metric and dimension, then by overlapping dates.

Nothing here is quadratic in the size of a group: groups are sorted once and swept, so one
metric with tens of thousands of claims at one date costs a sort, not all pairs.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, NamedTuple, TypeVar

from claimcheck.interval import Bound, Interval
from claimcheck.model import Claim
from claimcheck.rules.base import Context
from claimcheck.rules.figures import rounded
from claimcheck.units import Unit

if TYPE_CHECKING:
    from claimcheck.rules.conflicts import Conflict

T = TypeVar("T")

def by_dimension(claims: Sequence[Claim]) -> list[list[Claim]]:
    """Claims split by `value.unit.dimension` (each currency is its own), first seen first."""
    if len(claims) == 1:  # a third of the metrics have one figure: nothing to split
        return [[claims[0]]]
    groups: dict[str, list[Claim]] = {}
    for claim in claims:
        assert claim.value is not None
        dimension = claim.value.unit.dimension
        group = groups.get(dimension)
        if group is None:
            groups[dimension] = [claim]
        else:
            group.append(claim)
    return list(groups.values())


class Comparable:
    """Claims of one metric in one dimension: the figures that can be compared directly.

    Built once a run and shared by the rules that compare figures, with the conflicts found
    among them (rules/conflicts.py: scale-slip and conflicting-values ask for the same ones).
    """

    __slots__ = ("claims", "dimension", "unit", "in_date_order", "found", "may_conflict")

    def __init__(self, claims: list[Claim], dimension: str, unit: Unit | None,
                 in_date_order: bool) -> None:
        self.claims = claims
        self.dimension = dimension  # every claim's value.unit.dimension
        # The one Unit of every figure, where the metric has one (most); None where each
        # figure says. Noted as the group is built, not read again off its first claim.
        self.unit = unit
        # The metric is not in ClaimSet.unordered_dates: every figure dated, each beginning
        # after the one before ends. Noted while the metric is at hand, for the rules that
        # pass such groups by (reading a claim and its metric again costs a cache miss each).
        self.in_date_order = in_date_order
        self.found: dict[bool | None, list[Conflict]] | None = None  # made at the first
        # conflicts.may_conflict's answer: two dates overlap, or some figure has none
        self.may_conflict: bool | None = None


def comparable_by_metric(context: Context) -> dict[str, list[Comparable]]:
    """Each metric of two figures or more in several Units (ClaimSet.mixed_units) with its
    comparable groups, in valued_by_metric's order: the only metrics whose groups are
    looked up by metric (split_metrics' are among them). A metric in one Unit has one group,
    in comparable_groups; one of one figure (a third of them) has nothing to compare it with:
    no group is built for it."""
    return context.derived(_comparable).by_metric


def comparable_groups(context: Context) -> list[Comparable]:
    """The comparable groups of two figures or more (a mixed metric's group of one
    dimension may have one): the ones the comparing rules look into."""
    return context.derived(_comparable).groups


def split_metrics(context: Context) -> list[str]:
    """The metrics of comparable_by_metric with figures in two dimensions or more (a few
    hundred of some ten thousand), in its order: the only ones a pair across units needs."""
    return context.derived(_comparable).split


class _Comparables(NamedTuple):
    by_metric: dict[str, list[Comparable]]  # the metrics in several Units only
    groups: list[Comparable]  # of two figures or more, in valued_by_metric's order
    split: list[str]  # the metrics of two groups or more, in valued_by_metric's order


def _comparable(context: Context) -> _Comparables:
    """All three in one pass over the metrics: most have one unit, one group to build."""
    claimset = context.claimset
    mixed = claimset.mixed_units  # the rest have one unit: one group, no split to make
    unordered = claimset.unordered_dates
    by_metric = {}
    groups = []
    several: list[str] = []  # the metrics split in two groups or more
    for metric, claims in claimset.valued_by_metric.items():
        if len(claims) < 2:
            continue
        if metric in mixed:
            in_order = metric not in unordered
            split = [Comparable(group, _dimension(group), None, in_order)
                     for group in by_dimension(claims)]
            by_metric[metric] = split
            groups += [group for group in split if len(group.claims) > 1]
            if len(split) > 1:
                several.append(metric)
        else:
            unit = claims[0].value.unit  # type: ignore[union-attr]
            # not put in by_metric: a dict entry and a list for each of some ten thousand
            # metrics that no rule looks up by metric
            groups.append(Comparable(claims, unit.dimension, unit, metric not in unordered))
    return _Comparables(by_metric, groups, several)


def _dimension(claims: list[Claim]) -> str:
    assert claims[0].value is not None
    return claims[0].value.unit.dimension


def days(claim: Claim) -> tuple[int, int]:
    """A dated claim's first and last day as ordinals (a period's span from the earlier start
    to the later end: the days of `Claim.date`)."""
    assert claim.date is not None
    return claim.date.days


def undated_ids(context: Context) -> set[str]:
    """The claims that state a figure without a date (usually none): the ClaimSet noted them
    as it found the figures."""
    return context.claimset.undated


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


def date_cliques(claims: Sequence[Claim]) -> Iterator[list[Claim]]:
    """Maximal sets of dated claims whose dates all overlap one another."""
    dated = [claim for claim in claims if claim.date is not None]
    return cliques(dated, [claim.date.days for claim in dated])  # type: ignore[union-attr]


def undated(context: Context, claims: Sequence[Claim]) -> None:
    """Say why a claim among others of its metric and unit was not compared with them."""
    if len(claims) < 2:
        return
    without_date = undated_ids(context)
    if not without_date:  # the usual run: every figure has a date
        return
    for claim in claims:
        if claim.id in without_date:
            context.cannot_check(claim, f"no `as_of` or `period`: its figure cannot be set "
                                 f"beside the other figures of `{claim.metric}`")


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
