"""Finding the currency conversions among the claims, for the currency-conversion rule.

A conversion is a claim that `restates` another in a different currency, or, unlinked, the one
claim per currency of one metric among claims whose dates overlap, where a figure over a
`period` (a flow) pairs only with one for the very same days. Its implied rate reads as the
larger-number currency per the other (CNY/USD), from both figures' rounding intervals, or,
for an unlinked pair (two independent statements), from the values their qualifiers allow
(SPEC §1): `more than $300 billion` beside `1.97 trillion yuan` allows at most 6.594 CNY/USD.
The rule turns it round (`inverted`) where the reference rates that way are all below 1.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import operator
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from fractions import Fraction
from functools import cached_property
from typing import NamedTuple

from claimcheck.caching import cached
from claimcheck.dates import PartialDate
from claimcheck.findings import Location
from claimcheck.interval import Interval, to_float
from claimcheck.model import Claim
from claimcheck.qualifiers import Qualifier
from claimcheck.quantity import StatedValue
from claimcheck.rates import RateRange
from claimcheck.rules.base import Context


@dataclass(frozen=True, eq=False, repr=False)
class Conversion:
    """One figure in two currencies; the rate reads as `quote` per `base` (CNY per USD)."""

    original: Claim  # the figure as first given
    restated: Claim  # the same figure in another currency
    date: PartialDate  # the day or period whose rates apply
    per: StatedValue  # the larger number: the rate is its currency per the other's
    unit: StatedValue
    approx: tuple[float, float]  # `implied` in floats (0 or inf where open): settles most cheaply
    # The sizes each figure admits, `per`'s and `unit`'s, where their qualifiers apply (an
    # unlinked pair); None: their rounding.
    ranges: tuple[Interval, Interval] | None = None

    # Cached: the rule and the rates ask each conversion for its pair some five times.
    @cached
    def quote(self) -> str:
        return self.per.unit.code

    @cached
    def base(self) -> str:
        return self.unit.unit.code

    @cached_property
    def implied(self) -> Interval:
        """The rates both figures allow, exactly: unbounded on a side a bound leaves open."""
        if self.ranges is not None:
            return _quotient(*self.ranges)
        implied = self.per.rounding / self.unit.rounding
        assert implied is not None  # both figures are positive
        return implied

    @cached_property
    def point(self) -> Fraction:
        return self.per.magnitude / self.unit.magnitude

    @property
    def pair(self) -> str:
        return f"{self.quote}/{self.base}"

    @property
    def claims(self) -> list[Claim]:
        """Both claims in file order, as findings list them."""
        return sorted((self.original, self.restated), key=file_order)

    @property
    def key(self) -> tuple[str, str]:
        return self.original.id, self.restated.id

    def inverted(self) -> Conversion:
        """The rate the other way round: `base` per `quote` (IDR/USD for USD/IDR)."""
        low, high = self.approx
        ranges = None if self.ranges is None else (self.ranges[1], self.ranges[0])
        return dataclasses.replace(self, per=self.unit, unit=self.per,
                                   approx=(1 / high, 1 / low if low else math.inf),
                                   ranges=ranges)


class Publication(NamedTuple):
    """The rates over the converting source's publication date, and whether they fit."""

    date: PartialDate  # the source's `published`
    matches: bool  # the implied rate fits the rates of that date
    rates: RateRange


def find_conversions(context: Context) -> Iterator[Conversion]:
    """Linked conversions (`restates`) first, then unlinked pairs; each pair once."""
    claimset = context.claimset
    candidates: list[tuple[Claim, Claim]] = [
        (claimset.by_id[claim.restates], claim) for claim in claimset.linked.restating
        if claim.restates in claimset.by_id]
    valued, mixed = claimset.valued_by_metric, claimset.mixed_units
    # Only a metric with figures in two units or more can have two currencies; the order is
    # that of each metric's first claim. (The few such metrics picked out of ~15k by
    # filter() in C: a loop of Python testing each cost ~1M instructions at 50k claims.)
    for metric in filter(mixed.__contains__, claimset.by_metric) if mixed else ():
        candidates.extend(_unlinked(valued[metric]))
    seen: set[frozenset[str]] = set()
    for original, restated in candidates:
        key = frozenset((original.id, restated.id))
        if key not in seen and _currency(original) and _currency(restated):
            seen.add(key)
            conversion = _conversion(context, original, restated)
            if conversion is not None:
                yield conversion


def _currency(claim: Claim) -> str | None:
    return claim.value.unit.code if claim.value and claim.value.unit.kind == "currency" else None


def _money(claims: list[Claim]) -> list[tuple[Claim, str]]:
    """(claim, currency code) for each claim stating money: _currency, inlined for a pass
    over every claim."""
    found = []
    for claim in claims:
        value = claim.value
        if value is not None and value.unit.kind == "currency":
            found.append((claim, value.unit.code))
    return found


def _unlinked(claims: list[Claim]) -> Iterator[tuple[Claim, Claim]]:
    """Sweep one metric's dated money figures by date; a cluster of overlapping dates that
    holds exactly one claim in each of two currencies is a conversion nobody linked, if both
    are levels (`as_of`) or both cover the same days."""
    if len(claims) < 2:
        return
    money = _money(claims)
    codes = {code for _, code in money}
    if len(codes) < 2:
        return  # the usual metric, in one currency or none: no claim's date asked for
    if len(codes) == 2:
        by_id = {claim.id: (claim.date, code) for claim, code in money}
        if any(_restating(money, by_id, code) for code in codes):
            return  # the other usual one: its only pairs are linked already
    # (start, end, claim, code) of each dated figure, spans read once: sorted stably by span.
    dated = [(date.start, date.end, claim, code) for claim, code in money
             if (date := claim.date) is not None]
    if len({entry[3] for entry in dated}) < 2:
        return
    dated.sort(key=operator.itemgetter(0, 1))
    cluster: list[Claim] = []
    reach = dt.date.min  # the last day any claim of the cluster covers
    for start, end, claim, _ in dated:
        if cluster and start > reach:
            if len(cluster) == 2:  # most clusters are one figure: no pair to look at
                yield from _one_each(cluster)
            cluster = []
        cluster.append(claim)
        reach = max(reach, end) if len(cluster) > 1 else end
    yield from _one_each(cluster)


def _restating(money: list[tuple[Claim, str]],
               by_id: dict[str, tuple[PartialDate | None, str]], code: str) -> bool:
    """Whether each dated figure in `code` restates one in the other currency for the very
    same days: a cluster of two that holds it holds that one too, a linked pair, and no
    other cluster holds two currencies (~840 metrics of 50k claims, a sweep spared each).
    The restated claims are looked up by id (`by_id`: each figure's date and currency): a
    metric's figures are never compared pairwise."""
    for claim, own in money:
        date = claim.date
        if own != code or date is None:
            continue
        span, other_code = by_id.get(claim.restates or "", (None, code))
        if other_code == code or span is None or (span.start, span.end) != (date.start,
                                                                            date.end):
            return False
    return True


def file_order(claim: Claim) -> Location:
    return claim.location or Location("", 0)  # claims built outside the loader have none


def _span_of(claim: Claim) -> tuple[dt.date, dt.date]:
    assert claim.date is not None
    return claim.date.start, claim.date.end


def _one_each(cluster: list[Claim]) -> Iterator[tuple[Claim, Claim]]:
    if len(cluster) != 2 or _currency(cluster[0]) == _currency(cluster[1]):
        return
    first, second = sorted(cluster, key=file_order)
    if (first.period is not None or second.period is not None) and (
            _span_of(first) != _span_of(second)):
        return  # a quarter's revenue and its year's are two figures, as conflicting-values has it
    if first.restates != second.id and second.restates != first.id:
        yield first, second


def _conversion(context: Context, original: Claim, restated: Claim) -> Conversion | None:
    assert original.value is not None and restated.value is not None
    if original.value.unit.code == restated.value.unit.code:
        return None  # one currency: conflicting-values compares those
    date = _one_day(_date(original, restated) or published_date(context, restated))
    if date is None:
        for claim in (original, restated):
            context.cannot_check(claim, "no date: a conversion needs the day of its rate")
        return None
    first, second = _sized(original.value), _sized(restated.value)
    if first is None or second is None or (original.value.number < 0) != (
            restated.value.number < 0):
        for claim in (original, restated):
            context.cannot_check(claim, "a conversion needs two figures of one sign, not zero")
        return None
    (a, (lo_a, hi_a)), (b, (lo_b, hi_b)) = first, second
    if lo_a + hi_a >= lo_b + hi_b:
        conversion = Conversion(original, restated, date, a, b, (lo_a / hi_b, hi_a / lo_b))
    else:
        conversion = Conversion(original, restated, date, b, a, (lo_b / hi_a, hi_b / lo_a))
    if restated.restates == original.id or (
            original.qualifier is restated.qualifier is Qualifier.EXACT):
        return conversion  # one statement: its qualifier speaks of the figure (SPEC §1)
    return _qualified(context, conversion)


def _qualified(context: Context, conversion: Conversion) -> Conversion:
    """An unlinked pair, two statements, at the rates their qualified figures allow: `over`
    leaves the rate open on one side."""
    claims = {_currency(claim): claim for claim in (conversion.original, conversion.restated)}
    ranges = (_size(context, claims[conversion.quote]), _size(context, claims[conversion.base]))
    implied = _quotient(*ranges)
    approx = (0.0 if implied.lo is None else to_float(implied.lo),
              math.inf if implied.hi is None else to_float(implied.hi))
    return dataclasses.replace(conversion, approx=approx, ranges=ranges)


def _size(context: Context, claim: Claim) -> Interval:
    """The sizes the claim admits, its qualifier applied: a loss's as a profit's, as
    _sized() reads them."""
    assert claim.value is not None
    interval = context.interval(claim)
    return interval.scale(Fraction(-1)) if claim.value.number < 0 else interval


def _quotient(per: Interval, unit: Interval) -> Interval:
    """The rates per / unit for sizes of one sign; a side reaching zero or unbounded stays
    open."""
    lo = per.lo / unit.hi if per.lo is not None and per.lo > 0 and unit.hi is not None else None
    hi = per.hi / unit.lo if per.hi is not None and unit.lo is not None and unit.lo > 0 else None
    return Interval(lo, hi)


def _one_day(date: PartialDate | None) -> PartialDate | None:
    """A period of one day (`period: 2022-09-22`) named as that day in messages, not as
    `2022-09-22..2022-09-22`."""
    if date is None or date.start != date.end or date.text == date.start.isoformat():
        return date
    return PartialDate(date.start, date.end, date.start.isoformat())


def _sized(value: StatedValue) -> tuple[StatedValue, tuple[float, float]] | None:
    """The figure's size and its rounding in floats, None where it may be zero: a loss
    converts like a profit."""
    lo, hi = _approx(value)
    if lo > 0:
        return value, (lo, hi)
    if hi < 0:
        return dataclasses.replace(value, number=-value.number), (-hi, -lo)
    return None


def _approx(value: StatedValue) -> tuple[float, float]:
    """A figure's rounding interval in floats (StatedValue.rounding, without fractions)."""
    exponent = value.number.as_tuple().exponent
    assert isinstance(exponent, int)
    size = value.scale * to_float(value.unit.factor)
    middle, half = float(value.number) * size, 0.5 * 10.0**exponent * size
    return middle - half, middle + half


def overlap(a: tuple[float, float], b: tuple[float, float],
            exactly: Callable[[], bool]) -> bool:
    """Whether two intervals of rates overlap: floats decide unless the ends are within a
    hair of touching, where `exactly` (fractions) does."""
    hair = 1e-9 * max(abs(a[1]), abs(b[1]))
    if a[0] < b[1] - hair and b[0] < a[1] - hair:
        return True
    if a[0] > b[1] + hair or b[0] > a[1] + hair:
        return False
    return exactly()


def published_date(context: Context, claim: Claim) -> PartialDate | None:
    """Undated figures were converted when written: the source's publication date."""
    source = context.claimset.source_of(claim)
    return source.published if source is not None else None


def _date(original: Claim, restated: Claim) -> PartialDate | None:
    """The restating claim's date, else the restated one's; unlinked, the narrower."""
    if original.date is None or restated.date is None or restated.restates == original.id:
        return restated.date or original.date
    return min((restated.date, original.date), key=lambda d: d.end - d.start)
