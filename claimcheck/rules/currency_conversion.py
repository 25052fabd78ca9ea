"""A figure restated in another currency at a rate the reference rates of its date never had.

A conversion is a claim that `restates` another in a different currency, or, unlinked, the one
claim per currency of one metric among claims whose dates overlap (two currencies, one claim
each). Its implied rate comes from both numbers' rounding intervals (600 is [599.5, 600.5],
83.45 is [83.445, 83.455]); qualifiers do not widen it, since `nearly 600 billion yuan ($83.45
billion)` qualifies the figure, not the arithmetic. The rate reads as the larger-number
currency per the other (CNY/USD, INR/USD). It is compared with the lowest to highest daily
reference rate over the claims' date (the restating claim's, else the restated one's, else, for
undated figures, the source's publication date; for figures dated after it, such as forecasts,
the 30 days up to it: nobody converts at a rate yet to come), widened by `tolerance` (0.5%;
`tolerances: {INR: 1%}` sets a currency's own, the larger of the pair's applying). Reference
rates are the ECB daily history, cross rates through EUR, plus the rule set's `rates:` file;
days without a fixing are skipped, and a day or a few without one (a weekend) take the last
fixing before them, never a rate from weeks away. Where the implied rate matches the rates over
the source's publication date instead, the finding says so and is one severity lower; it also
names the days within a year whose rate equals the implied one. Within one source, two
conversions of one pair for one period whose implied rates disagree beyond the tolerance are
flagged too. A currency or date without any reference rate gives an `info` finding, never a
silent pass.

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
from collections.abc import Iterator
from fractions import Fraction

from pydantic import Field, field_validator

from claimcheck.dates import PartialDate
from claimcheck.findings import Finding, Severity
from claimcheck.interval import Interval
from claimcheck.rates import ExchangeRates, RateRange
from claimcheck.rules.base import Context, Ratio, RuleOptions, finding
from claimcheck.rules.conversion_report import disagreement, mismatch, missing, no_rate
from claimcheck.rules.conversions import (
    Conversion,
    Publication,
    file_order,
    find_conversions,
    overlap,
    published_date,
)

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


def check(context: Context, options: Options) -> Iterator[Finding]:
    conversions = list(find_conversions(context))
    for conversion in conversions:
        yield from _against_reference(context, options, conversion)
    yield from _disagreements(context, options, conversions)


WRITING_DAYS = 30  # a forecast's conversion: the rates of the month up to publication


def _against_reference(context: Context, options: Options,
                       conversion: Conversion) -> Iterator[Finding]:
    rates: ExchangeRates = context.rates
    figure_date = conversion.date.text
    forecast = _as_published(context, conversion)
    reference: RateRange | None
    if forecast is not None:
        conversion, reference = forecast
    else:
        reference = rates.range(conversion.base, conversion.quote, conversion.date.start,
                                conversion.date.end)
    if reference is None:
        yield _no_rate(context, conversion, missing(rates, conversion))
        return
    base, quote, date = conversion.base, conversion.quote, conversion.date
    context.mark_checked(conversion.original, conversion.restated)
    tolerance = options.for_pair(base, quote)
    if _fits(conversion, reference, tolerance):
        return
    published = _publication(context, conversion, tolerance)
    runs = rates.matching_runs(base, quote, date.start, date.end, conversion.implied)
    message, details = mismatch(conversion, reference, tolerance, runs, published)
    if forecast is not None:
        message += (f" (a figure for {figure_date}, after publication: converted at the rate "
                    "of when it was written)")
    matches = published is not None and published.matches
    # A rate that fits the publication date is a likelier slip (a fresh rate applied to an
    # older figure) than an invented one: one severity lower.
    yield finding(NAME, message, conversion.claims, demote=1 if matches else 0, **details)


def _as_published(context: Context, conversion: Conversion) -> tuple[
        Conversion, RateRange] | None:
    """A figure dated after its source was published (a 2030 market in rupees and dollars)
    was converted at the rates of the publication date, not the ones that came after it:
    the conversion dated so, with those rates."""
    published = published_date(context, conversion.restated)
    if published is None or conversion.date.start <= published.end:
        return None
    # Written some days before it appeared, with a rate of those days.
    start = published.start - dt.timedelta(days=WRITING_DAYS)
    written = PartialDate(start, published.end,
                          f"the {WRITING_DAYS} days to {published.text}")
    reference = context.rates.range(conversion.base, conversion.quote, start, published.end)
    if reference is None:
        return None
    return dataclasses.replace(conversion, date=written), reference


def _publication(context: Context, conversion: Conversion,
                 tolerance: Fraction) -> Publication | None:
    """The rates over the converting source's publication date, if it has one."""
    published = published_date(context, conversion.restated)
    if published is None:
        return None
    rates = context.rates.range(conversion.base, conversion.quote, published.start, published.end)
    if rates is None:
        return None
    return Publication(published.text, _fits(conversion, rates, tolerance), rates)


def _fits(conversion: Conversion, reference: RateRange, tolerance: Fraction) -> bool:
    """Whether the implied rates meet the reference range widened by the tolerance."""
    share = float(tolerance)
    widened = (float(reference.low) * (1 - share), float(reference.high) * (1 + share))
    return overlap(conversion.approx, widened,
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
    return overlap(widened, other.approx,
                   lambda: first.implied.widen(tolerance, tolerance).overlaps(other.implied))


def _disagreement(context: Context, first: Conversion, other: Conversion,
                  tolerance: Fraction) -> Finding:
    source = context.claimset.source_of(first.restated)
    label = source.label() if source else first.restated.source
    unique = {claim.id: claim for claim in (*first.claims, *other.claims)}
    claims = sorted(unique.values(), key=file_order)
    message, details = disagreement(label, first, other, tolerance)
    return finding(NAME, message, claims, **details)


def _no_rate(context: Context, conversion: Conversion, reason: str) -> Finding:
    for claim in conversion.claims:
        context.cannot_check(claim, f"no reference rate: {reason}")
    message, details = no_rate(conversion, reason)
    found = finding(NAME, message, conversion.claims, **details)
    return dataclasses.replace(found, severity=Severity.INFO)


def _widened(reference: RateRange, tolerance: Fraction) -> Interval:
    return Interval(reference.low * (1 - tolerance), reference.high * (1 + tolerance))
