"""A figure restated in another currency at a rate the reference rates of its date never had.

A conversion is a claim that `restates` another in a different currency, or, unlinked, the
one claim per currency of one metric among claims whose dates overlap (two currencies, one
claim each). Its implied rate comes from both numbers' rounding intervals (600 is
[599.5, 600.5], 83.45 is [83.445, 83.455]); qualifiers do not widen it, since `nearly 600
billion yuan ($83.45 billion)` qualifies the figure, not the arithmetic. The rate reads as the
larger-number currency per the other (CNY/USD, INR/USD). It is compared with the lowest to
highest daily reference rate over the claims' date (the restating claim's, else the restated
one's), widened by `tolerance` (0.5%; `tolerances: {INR: 1%}` sets a currency's own, the larger
of the pair's applying). Reference rates are the ECB daily history, cross rates through EUR,
plus the rule set's `rates:` file. Where the implied rate matches the rates over the source's
publication date instead, the finding says so and is one severity lower; it also names the days
within a year whose rate equals the implied one. Within one source, two conversions of one pair
for one period whose implied rates disagree beyond the tolerance are flagged too. A currency
or date without any reference rate gives an `info` finding, never a silent pass.

Failing example (April 2025's ECB rates ran 7.266–7.350 CNY/USD)::

    claims:
      - id: scale-cny
        metric: cn.ai.core_industry.scale
        value: 600 billion CNY
        as_of: 2025-04
        source: icn
      - id: scale-usd
        metric: cn.ai.core_industry.scale
        value: $83.45 billion
        as_of: 2025-04
        restates: scale-cny
        source: icn

Passing example: the same claims with `value: $82.0 billion` (7.317 CNY/USD).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from fractions import Fraction
from functools import cached_property
from typing import NamedTuple

from pydantic import Field, field_validator

from claimcheck.dates import PartialDate
from claimcheck.findings import Finding, Location, Severity
from claimcheck.interval import Interval, format_number
from claimcheck.model import Claim
from claimcheck.quantity import StatedValue
from claimcheck.rates import ExchangeRates, RateRange, Run
from claimcheck.rules.base import Context, Ratio, RuleOptions, finding

NAME = "currency-conversion"
SEVERITY = Severity.ERROR


class Options(RuleOptions):
    tolerance: Ratio = Fraction(1, 200)
    tolerances: dict[str, Ratio] = Field(default_factory=dict)  # per currency: {INR: 1%}

    @field_validator("tolerance")
    @classmethod
    def _not_negative(cls, value: Fraction) -> Fraction:
        if value < 0:
            raise ValueError("expected a tolerance of 0 or more, like 0.5%")
        return value

    @field_validator("tolerances")
    @classmethod
    def _codes(cls, value: dict[str, Fraction]) -> dict[str, Fraction]:
        for code, tolerance in value.items():
            cls._not_negative(tolerance)
            if not (len(code) == 3 and code.isalpha() and code.isupper()):
                raise ValueError(f"expected currency codes like INR as keys, got {code!r}")
        return value

    def for_pair(self, *codes: str) -> Fraction:
        """The larger of the currencies' own tolerances; the rule's where neither has one."""
        own = [self.tolerances[code] for code in codes if code in self.tolerances]
        return max(own) if own else self.tolerance


@dataclass(frozen=True)
class Conversion:
    """One figure in two currencies; the rate reads as `quote` per `base` (CNY per USD)."""

    original: Claim  # the figure as first given
    restated: Claim  # the same figure in another currency
    date: PartialDate  # the day or period whose rates apply
    per: StatedValue  # the larger number: the rate is its currency per the other's
    unit: StatedValue
    approx: tuple[float, float]  # `implied` in floats, to settle all but near-ties cheaply

    @property
    def quote(self) -> str:
        return self.per.unit.code

    @property
    def base(self) -> str:
        return self.unit.unit.code

    @cached_property
    def implied(self) -> Interval:
        """The rates both rounding intervals allow, exactly."""
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
        return sorted((self.original, self.restated), key=_file_order)

    def describe(self) -> str:
        assert self.original.value is not None and self.restated.value is not None
        return (f"{self.original.value.describe()} given as {self.restated.value.describe()} "
                f"implies {_rate(self.point)} {self.pair}")


class Publication(NamedTuple):
    date: str  # the source's `published`
    matches: bool  # the implied rate fits the rates of that date
    rates: RateRange


def check(context: Context, options: Options) -> Iterator[Finding]:
    conversions = list(_conversions(context))
    for conversion in conversions:
        yield from _against_reference(context, options, conversion)
    yield from _disagreements(context, options, conversions)


def _conversions(context: Context) -> Iterator[Conversion]:
    """Linked conversions (`restates`) first, then unlinked pairs; each pair once."""
    claimset = context.claimset
    candidates: list[tuple[Claim, Claim]] = [
        (claimset.by_id[claim.restates], claim) for claim in claimset.claims
        if claim.restates and claim.restates in claimset.by_id]
    for claims in claimset.by_metric.values():
        candidates.extend(_unlinked(claims))
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


def _unlinked(claims: list[Claim]) -> Iterator[tuple[Claim, Claim]]:
    """Sweep one metric's dated money figures by date; a cluster of overlapping dates that
    holds exactly one claim in each of two currencies is a conversion nobody linked."""
    dated = [claim for claim in claims if _currency(claim) and claim.date is not None]
    if len({_currency(claim) for claim in dated}) < 2:
        return
    dated.sort(key=_span_of)
    cluster: list[Claim] = []
    reach = dt.date.min  # the last day any claim of the cluster covers
    for claim in dated:
        start, end = _span_of(claim)
        if cluster and start > reach:
            yield from _one_each(cluster)
            cluster = []
        cluster.append(claim)
        reach = max(reach, end) if len(cluster) > 1 else end
    yield from _one_each(cluster)


def _file_order(claim: Claim) -> Location:
    return claim.location or Location("", 0)  # claims built outside the loader have none


def _span_of(claim: Claim) -> tuple[dt.date, dt.date]:
    assert claim.date is not None
    return claim.date.start, claim.date.end


def _one_each(cluster: list[Claim]) -> Iterator[tuple[Claim, Claim]]:
    if len(cluster) != 2 or _currency(cluster[0]) == _currency(cluster[1]):
        return
    first, second = sorted(cluster, key=_file_order)
    if first.restates != second.id and second.restates != first.id:
        yield first, second


def _conversion(context: Context, original: Claim, restated: Claim) -> Conversion | None:
    assert original.value is not None and restated.value is not None
    if original.value.unit.code == restated.value.unit.code:
        return None  # one currency: conflicting-values compares those
    date = _date(original, restated)
    if date is None:
        for claim in (original, restated):
            context.cannot_check(claim, "no date: a conversion needs the day of its rate")
        return None
    (lo_a, hi_a), (lo_b, hi_b) = _approx(original.value), _approx(restated.value)
    if lo_a <= 0 or lo_b <= 0:
        for claim in (original, restated):
            context.cannot_check(claim, "a conversion needs two positive figures")
        return None
    if lo_a + hi_a >= lo_b + hi_b:
        return Conversion(original, restated, date, original.value, restated.value,
                          (lo_a / hi_b, hi_a / lo_b))
    return Conversion(original, restated, date, restated.value, original.value,
                      (lo_b / hi_a, hi_b / lo_a))


def _approx(value: StatedValue) -> tuple[float, float]:
    """A figure's rounding interval in floats (StatedValue.rounding, without fractions)."""
    exponent = value.number.as_tuple().exponent
    assert isinstance(exponent, int)
    size = value.scale * float(value.unit.factor)
    middle, half = float(value.number) * size, 0.5 * 10.0**exponent * size
    return middle - half, middle + half


def _overlap(a: tuple[float, float], b: tuple[float, float],
             exactly: Callable[[], bool]) -> bool:
    """Whether two intervals of rates overlap: floats decide unless the ends are within a
    hair of touching, where `exactly` (fractions) does."""
    hair = 1e-9 * max(abs(a[1]), abs(b[1]))
    if a[0] < b[1] - hair and b[0] < a[1] - hair:
        return True
    if a[0] > b[1] + hair or b[0] > a[1] + hair:
        return False
    return exactly()


def _date(original: Claim, restated: Claim) -> PartialDate | None:
    """The restating claim's date, else the restated one's; unlinked, the narrower."""
    if original.date is None or restated.date is None or restated.restates == original.id:
        return restated.date or original.date
    return min((restated.date, original.date), key=lambda d: d.end - d.start)


def _against_reference(context: Context, options: Options,
                       conversion: Conversion) -> Iterator[Finding]:
    rates: ExchangeRates = context.rates
    base, quote, date = conversion.base, conversion.quote, conversion.date
    reference = rates.range(base, quote, date.start, date.end)
    if reference is None:
        yield _no_rate(context, conversion, _missing(rates, conversion))
        return
    context.mark_checked(conversion.original, conversion.restated)
    tolerance = options.for_pair(base, quote)
    if _fits(conversion, reference, tolerance):
        return
    published = _publication(context, conversion, tolerance)
    runs = rates.matching_runs(base, quote, date.start, date.end, conversion.implied)
    message = (f"{conversion.describe()}; {_ran(reference, date)} "
               f"(off by {_percent(_off_by(conversion.point, reference), 1)})")
    matches = published is not None and published.matches
    if published is not None and published.matches:
        message += (f"; it matches the {published.rates.source} rate on the publication date "
                    f"{published.date} ({_span(published.rates)})")
    if runs:
        message += f"; it matches the rate of {_runs_text(runs, date)}"
    details = _details(conversion, reference, tolerance, runs)
    if published is not None:
        details.update(publication_match=published.matches, publication_date=published.date,
                       publication_low=_float(published.rates.low),
                       publication_high=_float(published.rates.high))
    # A rate that fits the publication date is a likelier slip (a fresh rate applied to an
    # older figure) than an invented one: one severity lower.
    yield finding(NAME, message, conversion.claims, demote=1 if matches else 0, **details)


def _publication(context: Context, conversion: Conversion,
                 tolerance: Fraction) -> Publication | None:
    """The rates over the converting source's publication date, if it has one."""
    source = context.claimset.source_of(conversion.restated)
    if source is None or source.published is None:
        return None
    published = source.published
    rates = context.rates.range(conversion.base, conversion.quote, published.start, published.end)
    if rates is None:
        return None
    return Publication(published.text, _fits(conversion, rates, tolerance), rates)


def _fits(conversion: Conversion, reference: RateRange, tolerance: Fraction) -> bool:
    """Whether the implied rates meet the reference range widened by the tolerance."""
    share = float(tolerance)
    widened = (float(reference.low) * (1 - share), float(reference.high) * (1 + share))
    return _overlap(conversion.approx, widened,
                    lambda: conversion.implied.overlaps(_widened(reference, tolerance)))


def _disagreements(context: Context, options: Options,
                   conversions: list[Conversion]) -> Iterator[Finding]:
    """Within one source, one pair and one period: every conversion against the first."""
    groups: dict[tuple[str, str, str, object, object], list[Conversion]] = {}
    for conversion in conversions:
        key = (conversion.restated.source, conversion.base, conversion.quote,
               conversion.date.start, conversion.date.end)
        groups.setdefault(key, []).append(conversion)
    for group in groups.values():
        if len(group) < 2:
            continue
        first, tolerance = group[0], options.for_pair(group[0].base, group[0].quote)
        for other in group[1:]:
            context.mark_checked(first.original, first.restated, other.original, other.restated)
            if not _agree(first, other, tolerance):
                yield _disagreement(context, first, other, tolerance)


def _agree(first: Conversion, other: Conversion, tolerance: Fraction) -> bool:
    share = float(tolerance)
    widened = (first.approx[0] * (1 - share), first.approx[1] * (1 + share))
    return _overlap(widened, other.approx,
                    lambda: first.implied.widen(tolerance, tolerance).overlaps(other.implied))


def _disagreement(context: Context, first: Conversion, other: Conversion,
                  tolerance: Fraction) -> Finding:
    source = context.claimset.source_of(first.restated)
    label = source.label() if source else first.restated.source
    apart = abs(other.point / first.point - 1)
    unique = {claim.id: claim for claim in (*first.claims, *other.claims)}
    claims = sorted(unique.values(), key=_file_order)
    return finding(
        NAME,
        f"{label} converts {first.base} and {first.quote} at two rates for {first.date.text}: "
        f"{first.describe()}, but {other.describe()} ({_percent(apart, 1)} apart, "
        f"tolerance {_percent(tolerance)})",
        claims, pair=first.pair, reference_period=first.date.text,
        rates=[_float(first.point), _float(other.point)], tolerance=_float(tolerance),
        source=first.restated.source)


def _no_rate(context: Context, conversion: Conversion, reason: str) -> Finding:
    for claim in conversion.claims:
        context.cannot_check(claim, f"no reference rate: {reason}")
    found = finding(NAME, f"cannot check {conversion.describe()}: {reason}", conversion.claims,
                    pair=conversion.pair, reference_period=conversion.date.text,
                    implied_rate=_float(conversion.point), reason=reason)
    return dataclasses.replace(found, severity=Severity.INFO)


def _missing(rates: ExchangeRates, conversion: Conversion) -> str:
    unknown = [code for code in (conversion.quote, conversion.base) if not rates.known(code)]
    if unknown:
        return (f"no reference rate for {' or '.join(unknown)} (not in the ECB history; "
                "a rates file can add it)")
    history = rates.history(conversion.base, conversion.quote)
    date = conversion.date
    if history is None:
        return f"the reference rates never quote {conversion.pair} on one day"
    if date.end < history[0] or date.start > history[1]:
        return (f"the {conversion.pair} reference rates run from {history[0].isoformat()} "
                f"to {history[1].isoformat()}; {date.text} is outside them")
    return f"no {conversion.pair} fixing in {date.text} (days without one are not filled)"


def _widened(reference: RateRange, tolerance: Fraction) -> Interval:
    return Interval(reference.low * (1 - tolerance), reference.high * (1 + tolerance))


def _off_by(point: Fraction, reference: RateRange) -> Fraction:
    """How far the implied rate lies outside the reference range, relative to its nearer end."""
    if point < reference.low:
        return (reference.low - point) / reference.low
    return max(point - reference.high, Fraction(0)) / reference.high


def _ran(reference: RateRange, date: PartialDate) -> str:
    if reference.low == reference.high:
        on = "on" if date.start == date.end else "in"
        return f"the {reference.source} rate {on} {date.text} was {_rate(reference.low)}"
    return f"{reference.source} rates in {date.text} ran {_span(reference)}"


def _runs_text(runs: list[Run], date: PartialDate) -> str:
    """The spell nearest the claims' date, and how many others."""
    def distance(run: Run) -> int:
        first, last = run
        return min(abs((first - date.end).days), abs((date.start - last).days))

    nearest = _run(min(runs, key=distance))
    more = len(runs) - 1
    return nearest + (f" and {more} other spell{'s' * (more > 1)} within a year" if more else "")


def _details(conversion: Conversion, reference: RateRange, tolerance: Fraction,
             runs: list[Run]) -> dict[str, object]:
    return {
        "implied_rate": _float(conversion.point), "implied_low": _float(conversion.implied.lo),
        "implied_high": _float(conversion.implied.hi), "reference_low": _float(reference.low),
        "reference_high": _float(reference.high), "reference_period": conversion.date.text,
        "reference_low_date": reference.low_date.isoformat(),
        "reference_high_date": reference.high_date.isoformat(),
        "reference_source": reference.source,
        "off_by": _float(_off_by(conversion.point, reference)), "tolerance": _float(tolerance),
        "pair": conversion.pair,
        "matching_dates": [_run(run, always_span=True) for run in runs],
        "publication_match": False,
    }


def _run(run: Run, always_span: bool = False) -> str:
    first, last = (day.isoformat() for day in run)
    return first if first == last and not always_span else f"{first}..{last}"


def _span(reference: RateRange) -> str:
    return f"{_rate(reference.low)}–{_rate(reference.high)}"


def _rate(value: Fraction | None) -> str:
    """7.190, 83.45, 150.0, 16350: four significant digits, trailing zeros kept."""
    number = float(value or 0)
    return f"{number:.0f}" if abs(number) >= 10**4 else f"{number:#.4g}"


def _percent(value: Fraction, decimals: int | None = None) -> str:
    if decimals is None:
        return f"{format_number(value * 100)}%"
    return f"{float(value) * 100:.{decimals}f}%"


def _float(value: Fraction | None) -> float | None:
    return None if value is None else float(f"{float(value):.6g}")
