"""A figure restated in another currency at a rate the reference rates of its date never had.

A conversion is a claim that `restates` another in a different currency, or, unlinked, the one
claim per currency of one metric among claims whose dates overlap (two currencies, one claim
each), where a figure over a `period` pairs only with one for the very same days (a quarter's
revenue in yuan and its year's in dollars are two figures). Its implied rate comes from both
numbers' rounding intervals (600 is [599.5, 600.5], 83.45 is [83.445, 83.455]); a linked pair's
qualifiers do not widen it, since `nearly 600 billion yuan ($83.45 billion)` qualifies the
figure, not the arithmetic. An unlinked pair is two statements, and each figure's qualifier
applies (SPEC §1): beside `1.97 trillion yuan`, `more than $300 billion` allows at most 6.594
CNY/USD, and the message says so. The rate reads as the larger-number currency per the other
(CNY/USD, INR/USD), or the other way round where the reference rates that way are all below 1
(IDR 44 billion for $44 billion reads IDR/USD), as rates are quoted. It is compared with the
lowest to highest daily reference rate over the claims' date (the restating claim's, else the
restated one's, else, for undated figures, the source's publication date), widened by
`tolerance` (0.5%; `tolerances: {INR: 1%}` sets a currency's own, the larger of the pair's
applying). Nobody converts at a rate yet to come: where the source has a `published` date and
the claims' date runs past it, the rates end with the publication date, all of its span counting
(a source published in 2025-04 knew April's rates), so a 2025 figure published on 2025-04-14
meets the rates of 2025-01-01..2025-04-14; a date wholly after publication, such as a
forecast's, takes the 30 days up to it. The message names the window used. Reference rates are
the ECB daily history, cross rates through EUR, plus the rule set's `rates:` file; currencies
pegged by law to one the ECB quotes and never quoted by the ECB (to USD: AED 3.6725, SAR 3.75,
QAR 3.64, BHD 0.376, OMR 0.3845, JOD 0.709; to INR: NPR 1.6, BTN 1; to EUR: XOF and XAF
655.957, KMF 491.96775, BAM 1.95583) take their peg from its first day on, crossed with the
ECB's rate of the anchor on each day against other currencies, and the message names the peg (a
rates file wins over it; a date before a peg, such as the CFA francs' before 1999, has no
reference rate); days without a fixing are skipped, and a day or a few without one (a weekend)
take the last fixing before them, never a rate from weeks away; a publication date without a
fixing (a holiday) takes the fixings on both sides of it.
Where the implied rate matches the rates over the source's publication date instead, the finding
says so and is one severity lower; it also names the days within a year whose rate equals the
implied one, up to the end of the publication date (a rate yet to come explains nothing).
The miss is measured from the nearer ends of the implied and the reference rates (`$19
billion` allows 145.4–153.8 JPY/USD: 3.2% off a rate of 140.8); one of twice or more is
given as a factor. A rate a power of ten (10 to 10^9) off the reference rates, within the
tolerance, is named a slipped scale word or decimal point
(detail `factor`); the same number in both currencies, a slipped currency word; a rupee figure
with 1.4 to 4.5 times India's rupees to the dollar is told that `Rs` reads as INR (Pakistan's,
Sri Lanka's and Nepal's rupees are PKR, LKR, NPR). Within one source, two conversions of one
pair for one period whose implied rates disagree beyond the tolerance are flagged too, among
those not already off the reference rates (one error, reported once). A currency or date without
any reference rate gives an `info` finding, never a silent pass; so does a date the pair's ECB
rates cover only in part (the ECB stopped fixing RUB on 2022-03-01, and its first weeks say
nothing of 2022's average), naming the days they cover, while the rows of a rates file count as
the user gives them.

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
import math
from collections.abc import Iterator
from fractions import Fraction

from pydantic import Field, field_validator

from claimcheck.dates import PartialDate
from claimcheck.findings import Finding, Severity
from claimcheck.interval import Interval, to_float
from claimcheck.rates import ExchangeRates, RateRange, Run
from claimcheck.rules.base import Context, Ratio, RuleOptions, finding
from claimcheck.rules.conversion_report import (
    disagreement,
    mismatch,
    missing,
    no_rate,
    part_covered,
)
from claimcheck.rules.conversions import (
    Conversion,
    Publication,
    file_order,
    find_conversions,
    overlap,
    published_date,
)
from claimcheck.rules.figures import power_apart

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
        if not self.tolerances:  # the usual options: no list built for each conversion
            return self.tolerance
        own = [self.tolerances[code] for code in codes if code in self.tolerances]
        return max(own) if own else self.tolerance


def check(context: Context, options: Options) -> Iterator[Finding]:
    conversions = list(find_conversions(context))
    if conversions:  # every currency's column cut from the ECB table in one pass
        context.rates.prepare({(each.base, each.quote) for each in conversions},
                              _first_day(context, conversions))
    missed: set[tuple[str, str]] = set()
    for conversion in conversions:
        dated, reference, note = _dated(context, conversion)
        if reference is None:
            yield _no_rate(context, dated, missing(context.rates, dated))
            continue
        unchecked = _partly_covered(context, dated, reference)
        if unchecked is not None:
            yield unchecked
            continue
        found = _against_reference(context, options, dated, reference, note)
        if found is not None:
            missed.add(conversion.key)
            yield found
    # A conversion off the reference rates is reported once: set beside the source's other
    # conversions it would only repeat that error.
    yield from _disagreements(context, options,
                              [each for each in conversions if each.key not in missed])


WRITING_DAYS = 30  # a forecast's conversion: the rates of the month up to publication


def _first_day(context: Context, conversions: list[Conversion]) -> dt.date:
    """The earliest day of any period whose rates the conversions ask for: their dates', and
    the month before their sources' publication (see _known_by)."""
    first = min(each.date.start for each in conversions)
    for each in conversions:
        published = published_date(context, each.restated)
        if published is not None:
            first = min(first, published.start - dt.timedelta(days=WRITING_DAYS))
    return first


def _against_reference(context: Context, options: Options, conversion: Conversion,
                       reference: RateRange, note: str) -> Finding | None:
    """A finding where the implied rate misses the reference rates of the conversion's date."""
    rates: ExchangeRates = context.rates
    # Rates are quoted the way round that makes them 1 or more. (Below 1 told from the
    # integers, the denominator positive: a Fraction's own < costs ~1 µs.)
    high = reference.high
    if high.numerator < high.denominator:
        conversion, reference = conversion.inverted(), reference.inverted()
    base, quote, date = conversion.base, conversion.quote, conversion.date
    context.mark_checked(conversion.original, conversion.restated)
    tolerance = options.for_pair(base, quote)
    if _fits(conversion, reference, tolerance):
        return None
    published = _publication(context, conversion, tolerance)
    runs = _known_runs(rates.matching_runs(base, quote, date.start, date.end, conversion.implied),
                       published_date(context, conversion.restated))
    message, details = mismatch(conversion, reference, tolerance, runs, published,
                                _scale_slip(conversion, reference, tolerance))
    matches = published is not None and published.matches
    # A rate that fits the publication date is a likelier slip (a fresh rate applied to an
    # older figure) than an invented one: one severity lower.
    return finding(NAME, message + note, conversion.claims, demote=1 if matches else 0,
                   **details)


def _known_runs(runs: list[Run], published: PartialDate | None) -> list[Run]:
    """The spells of matching rates a source could have used: those up to the end of its
    publication date, a spell running past it cut there (no rate yet to come explains a
    conversion)."""
    if published is None:
        return runs
    end = published.end
    return [(first, min(last, end)) for first, last in runs if first <= end]


def _dated(context: Context, conversion: Conversion) -> tuple[
        Conversion, RateRange | None, str]:
    """The conversion dated by the days whose rates its source could use, those rates, and
    a note for the message where the figure's own date is not that."""
    rates, date = context.rates, conversion.date
    base, quote = conversion.base, conversion.quote
    published = published_date(context, conversion.restated)
    if published is None:
        return conversion, rates.range(base, quote, date.start, date.end), ""
    if conversion.original.date is None and conversion.restated.date is None:
        # Dated by the publication itself: a holiday takes the fixings on both sides.
        return conversion, rates.range_around(base, quote, date.start, date.end), ""
    known = _known_by(published, date)
    reference = None if known is None else rates.range(base, quote, known.start, known.end)
    if known is None or reference is None:
        return conversion, rates.range(base, quote, date.start, date.end), ""
    note = ""
    if date.start > published.end:
        note = (f" (a figure for {date.text}, after publication: converted at the rate "
                "of when it was written)")
    return dataclasses.replace(conversion, date=known), reference, note


def _known_by(published: PartialDate, date: PartialDate) -> PartialDate | None:
    """For a figure whose date runs past its source's publication, the days whose rates the
    source could know: from the figure's start to the end of the publication date (a source
    published in 2025-04 knew April's rates), or, for a figure wholly after it (a forecast),
    the 30 days up to it: nobody converts at a rate yet to come."""
    if date.end <= published.end:
        return None
    if date.start <= published.end:
        days = sorted({date.start.isoformat(), published.end.isoformat()})
        return PartialDate(date.start, published.end, f"{'..'.join(days)} (up to publication)")
    start = published.start - dt.timedelta(days=WRITING_DAYS)  # written some days before
    return PartialDate(start, published.end, f"the {WRITING_DAYS} days to {published.text}")


def _publication(context: Context, conversion: Conversion,
                 tolerance: Fraction) -> Publication | None:
    """The rates over the converting source's publication date, if it has one; a date
    without a fixing (a holiday) takes the fixings on both sides of it."""
    published = published_date(context, conversion.restated)
    if published is None:
        return None
    rates = context.rates.range_around(conversion.base, conversion.quote, published.start,
                                       published.end)
    if rates is None:
        return None
    return Publication(published, _fits(conversion, rates, tolerance), rates)


def _scale_slip(conversion: Conversion, reference: RateRange, tolerance: Fraction) -> int:
    """10^k (k from 1 to 9) where the implied rates, so scaled, meet the reference range
    widened by the tolerance: a slipped scale word or decimal point; else 0."""
    middle = math.sqrt(float(reference.low) * float(reference.high))
    power = power_apart(float(conversion.point), middle)
    if not power:
        return 0
    scaled = conversion.implied.scale(Fraction(10) ** -power)
    return 10 ** abs(power) if scaled.overlaps(_widened(reference, tolerance)) else 0


def _fits(conversion: Conversion, reference: RateRange, tolerance: Fraction) -> bool:
    """Whether the implied rates meet the reference range widened by the tolerance."""
    share = to_float(tolerance)
    widened = (to_float(reference.low) * (1 - share), to_float(reference.high) * (1 + share))
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
                yield _disagreement(first, other, tolerance)


def _agree(first: Conversion, other: Conversion, tolerance: Fraction) -> bool:
    share = to_float(tolerance)
    widened = (first.approx[0] * (1 - share), first.approx[1] * (1 + share))
    return overlap(widened, other.approx,
                   lambda: first.implied.widen(tolerance, tolerance).overlaps(other.implied))


def _disagreement(first: Conversion, other: Conversion, tolerance: Fraction) -> Finding:
    label = f"source {first.restated.source!r}"  # its id: titles run to a sentence
    unique = {claim.id: claim for claim in (*first.claims, *other.claims)}
    claims = sorted(unique.values(), key=file_order)
    message, details = disagreement(label, first, other, tolerance)
    return finding(NAME, message, claims, **details)


def _partly_covered(context: Context, conversion: Conversion,
                    reference: RateRange) -> Finding | None:
    """An info finding where the pair's rates cover only part of the conversion's date: some
    weeks' rates say nothing of a year's average (RUB's ECB fixings end in the war shock of
    2022-03), so no check rather than an error against them."""
    date = conversion.date
    covered = context.rates.partly_covered(conversion.base, conversion.quote, date.start,
                                           date.end)
    if covered is None:
        return None
    reason = part_covered(context.rates, conversion, reference, covered)
    spells = [f"{first.isoformat()}..{last.isoformat()}" for first, last in covered]
    return _no_rate(context, conversion, reason, "no reference rate for all of its date",
                    covered=spells)


def _no_rate(context: Context, conversion: Conversion, reason: str,
             lacking: str = "no reference rate", covered: list[str] | None = None) -> Finding:
    for claim in conversion.claims:
        context.cannot_check(claim, f"{lacking}: {reason}")
    message, details = no_rate(conversion, reason)
    if covered is not None:
        details["covered"] = covered
    found = finding(NAME, message, conversion.claims, **details)
    return dataclasses.replace(found, severity=Severity.INFO)


def _widened(reference: RateRange, tolerance: Fraction) -> Interval:
    return Interval(reference.low * (1 - tolerance), reference.high * (1 + tolerance))
