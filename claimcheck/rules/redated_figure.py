"""The same figure for one metric given at dates that do not overlap: copied and redated?

Same figure: one unit (each currency its own), and each figure within the other's rounding
once scale words are applied, which for decimal figures means equal: `600 billion CNY`,
`6000亿 CNY`, `0.6 trillion yuan` and `600.0 billion CNY` are one figure; 49% and 50% are
two, and so are 1.2 and 1.174 GW: 1.174 rounds to 1.2, but a year's growth can do that too,
and a careful reader calls only a repeated figure a redated one. Qualifiers do not widen this
test: it is about the figure as written. A claim that `restates` another is not compared with
it. One finding per set of equal figures, listing every claim, earliest date first.

Left out unless an option asks for them, as such figures often hold: percentages, points
and bare numbers (a rate per 100,000 is written bare), unless `percentages: true` (a policy
rate left at 6.5% for a year); durations, figures in units of time (`3.3 months` of supply at
the sales pace, a `5 years` term, `40 hours` a week), unless `durations: true`, as a ratio
counted in months holds for months; a figure that one source gives for every one of its dates,
unless `one_source: true` ("$300 million for fiscal 2024 and $300 million for 2025" knows both
dates; "68 in 2023 and 2022" does, however many others confirm 2023);
a figure that every claim of the set gives as a forecast or target (`projection: true`), unless
`projections: true`, as a goal is renewed for a later year (USD 100 billion a year by 2020,
extended through 2025) and a forecast can come back to a figure ($1.6 trillion in 2024 and in
2027), though an actual figure given again as a projection is compared;
a figure no claim writes with `min_digits` digits or more (default 2: `$1 trillion`, `5 million`),
as a figure given so roughly repeats by chance. Bounds (`over 100 million`, `at most 5%`)
are always left out: a milestone stays passed as the count rises.

Failing example::

    claims:
      - id: core-ai-scale-2024-09
        metric: cn.ai.core_industry.scale
        value: 600 billion CNY
        qualifier: close to
        as_of: 2024-09
        source: cen-2025-03-05
      - id: core-ai-scale-2025-04
        metric: cn.ai.core_industry.scale
        value: 6000亿 CNY          # or 600 billion yuan: the same figure
        qualifier: nearly
        as_of: 2025-04
        source: icn-2025

reports `600 billion CNY is given for 2024-09 (cen-2025-03-05) and for 2025-04 (icn-2025):
the same figure at two dates 7 months apart`.

Passing example: the same claims with `as_of: 2024-09` for both, or 600 and 640 billion CNY.
"""

from __future__ import annotations

import decimal
from collections.abc import Collection, Iterator
from decimal import Decimal
from fractions import Fraction
from typing import Any

from claimcheck.dates import PartialDate
from claimcheck.findings import Finding, Severity
from claimcheck.model import Claim
from claimcheck.qualifiers import Qualifier
from claimcheck.rules.base import Context, RuleOptions, finding
from claimcheck.rules.grouping import (
    comparable_groups,
    date_label,
    days,
    undated,
)
from claimcheck.units import Unit

NAME = "redated-figure"
SEVERITY = Severity.WARNING
COUNT_WORDS = {2: "two", 3: "three", 4: "four", 5: "five"}


class Options(RuleOptions):
    percentages: bool = False  # compare percentages, points and bare numbers (rates) too
    durations: bool = False  # compare figures in units of time (3.3 months' supply) too
    one_source: bool = False  # report a figure one source gives for two dates, too
    projections: bool = False  # report a figure that every claim gives as a forecast, too
    min_digits: int = 2  # figures written with fewer digits ($1 trillion) repeat by chance


def check(context: Context, options: Options) -> Iterator[Finding]:
    some_undated = bool(context.claimset.undated)  # usually not: then no group has one
    checked = context.checked  # marked per group here: mark_checked's call costs more
    by_dimension: dict[str, bool | None] = {}  # _all_compared's answers: a few dimensions
    one_source = options.one_source  # an option read once, not once a group
    # Per group (some 8k in 50k claims, of five claims on average) the claims are filtered,
    # their ids and sources read by comprehensions written here: a call to a helper for
    # each cost more than its comprehension.
    for group in comparable_groups(context):  # groups of two figures or more
        claims = group.claims
        if some_undated:
            undated(context, claims)
        dimension = group.dimension
        compared = by_dimension.get(dimension, _UNASKED)
        if compared is _UNASKED:
            compared = by_dimension[dimension] = _all_compared(dimension, options)
        if compared is False:  # durations, or every figure a rate with rates left out
            continue
        if compared is None:  # each figure says, unless one Unit says for all
            if group.unit is None:
                dated = [claim for claim in claims
                         if claim.qualifier not in BOUNDS and not _a_rate(claim)]
            elif _rate_unit(group.unit):
                continue
            else:
                compared = True
        if compared is True:  # no figure of the group a rate: the bounds (over 100) left out
            dated = [claim for claim in claims if claim.qualifier not in BOUNDS]
        if some_undated:  # else every figure has a date: no claim read to say so
            dated = [claim for claim in dated if claim.date is not None]
        if len(dated) < 2:
            continue
        checked.update([claim.id for claim in dated])
        if not one_source:
            # Every claim cites one source (counted, not hashed into a set): then so does
            # every set of equal figures among them, which _one_sources() passes; every
            # repeat is that source's own (9 groups in 10 in the benchmarks).
            sources = [claim.source for claim in dated]
            if sources.count(sources[0]) == len(sources):
                continue
        for same in _same_figures(dated):
            claims = _without_restatements(same)
            if _reported(claims, options):
                yield _finding(sorted(claims, key=_when_and_where))


_UNASKED = object()  # a dimension not yet asked about in by_dimension


def _when_and_where(claim: Claim) -> tuple[tuple[int, int], Any]:
    """Earliest date first, then file order: the finding's order of claims."""
    return days(claim), claim.location


# Qualifier.bound's members, for a set look-up: the property costs more than the test.
BOUNDS = frozenset(qualifier for qualifier in Qualifier if qualifier.bound)


def _all_compared(dimension: str, options: Options) -> bool | None:
    """Whether a group's figures are compared, where its dimension decides for every claim
    (half the groups are money): True, all are; False, none (durations, or with rates left
    out, percent and points); None, each claim says (_a_rate)."""
    if dimension == "[time]":
        return options.durations
    if options.percentages or dimension.startswith("currency "):  # a currency is no rate
        return True
    if dimension == "percent" or dimension == "percentage points":
        return False
    return None


def _a_rate(claim: Claim) -> bool:
    """A percentage, points, or a bare number: a rate per 100,000 is written bare."""
    assert claim.value is not None
    return _rate_unit(claim.value.unit)


def _rate_unit(unit: Unit) -> bool:
    return (unit.kind == "percent" or unit.dimension == "percentage points"
            or (unit.kind == "count" and not unit.code))


def _same_figures(claims: list[Claim]) -> list[list[Claim]]:
    """Claims that state one figure, in sets of two or more.

    Two decimal figures lie each within the other's rounding only when they are equal
    (600.2 is within 600's rounding, but 600 is not within 600.2's), so one figure is one
    magnitude: a hash, not a comparison of pairs, however many claims share it.
    """
    repeated = _by_number(claims)
    if repeated is None:
        repeated = _by_product(claims)
    if repeated is None:
        repeated = _by_figure(claims)
    # In the order of their figures (distinct, one a set), as sorting the keys would give;
    # one set (the usual repeat) needs no exact figure to sort by.
    return sorted(repeated, key=_figure) if len(repeated) > 1 else repeated


def _figure(claims: list[Claim]) -> int | Fraction:
    assert claims[0].value is not None
    return claims[0].value.figure


def _by_figure(claims: list[Claim]) -> list[list[Claim]]:
    buckets: dict[int | Fraction, list[Claim]] = {}
    for claim in claims:
        assert claim.value is not None
        buckets.setdefault(claim.value.figure, []).append(claim)
    return _repeated(buckets.values())


def _repeated(buckets: Collection[list[Claim]]) -> list[list[Claim]]:
    """The buckets of two claims or more, in the order they were first filled."""
    return [same for same in buckets if len(same) > 1]


# Unbounded precision: a product of a decimal and an integer is exact, never rounded.
_EXACT = decimal.Context(prec=decimal.MAX_PREC, Emax=decimal.MAX_EMAX, Emin=decimal.MIN_EMIN,
                         traps=[decimal.Inexact])


def _by_product(claims: list[Claim]) -> list[list[Claim]] | None:
    """The claims by their figures as exact Decimals (number × scale × unit factor), where
    every unit's factor is a whole number (a group of scales: 600 billion, 0.6 trillion):
    equal to the figures' Fractions, and hashed alike, at a tenth of the cost. None where a
    factor is a fraction."""
    buckets: dict[Decimal, list[Claim]] = {}
    multiply = _EXACT.multiply
    for claim in claims:
        value = claim.value
        assert value is not None
        factor = value.unit.factor
        if factor.denominator != 1:
            return None
        figure = multiply(value.number, value.scale * factor.numerator)
        same = buckets.get(figure)
        if same is None:
            buckets[figure] = [claim]
        else:
            same.append(claim)
    return _repeated(buckets.values())


def _by_number(claims: list[Claim]) -> list[list[Claim]] | None:
    """The claims by their numbers as written, where all share one scale and one Unit (the
    usual group): then equal numbers are equal figures and unequal ones unequal, as Decimal
    compares exactly (600 and 600.0 are one), and no exact figure need be built. None where
    scales or units differ. Most groups are a series of changing figures: a set of the
    numbers finds no repeat without a list a claim."""
    first = claims[0].value
    assert first is not None
    scale, unit = first.scale, first.unit
    for claim in claims:
        value = claim.value
        assert value is not None
        if value.scale != scale or value.unit is not unit:
            return None
    numbers = {claim.value.number for claim in claims}  # type: ignore[union-attr]
    if len(numbers) == len(claims):
        return []
    buckets: dict[Decimal, list[Claim]] = {}
    for claim in claims:
        assert claim.value is not None
        buckets.setdefault(claim.value.number, []).append(claim)
    return _repeated(buckets.values())


def _without_restatements(claims: list[Claim]) -> list[Claim]:
    """Drop a claim that restates another of the set: it is that figure, not a second one."""
    ids = {claim.id for claim in claims}
    return [claim for claim in claims if claim.restates not in ids]


def _reported(claims: list[Claim], options: Options) -> bool:
    """A repeat worth a finding: at dates apart, not one source's own statement for all of
    them (unless `one_source`), not all forecasts or targets (unless `projections`), and
    written somewhere with `min_digits` digits or more."""
    return (_spread(claims) and (options.one_source or not _one_sources(claims))
            and (options.projections or not all(c.projection for c in claims))
            and max(c.value.written_digits for c in claims if c.value) >= options.min_digits)


def _one_sources(claims: list[Claim]) -> bool:
    """Whether one source gives the figure for every date of the set, each date within one of
    its own: then the repeat is what it says, and another source that confirms one of the
    dates (68 for 2023, or for 2023-12 inside it) is no sign of a copy."""
    if len({claim.source for claim in claims}) == 1:  # the usual set: each date its own
        return True
    dates = {days(claim) for claim in claims}
    given: dict[str, set[tuple[int, int]]] = {}
    for claim in claims:
        given.setdefault(claim.source, set()).add(days(claim))
    return any(all(any(start <= first and last <= end for start, end in spans)
                   for first, last in dates)
               for spans in given.values())


def _spread(claims: list[Claim]) -> bool:
    """Two of the dates do not overlap: the earliest end comes before the latest start."""
    if len(claims) < 2:
        return False
    return min(days(c)[1] for c in claims) < max(days(c)[0] for c in claims)


def _date(claim: Claim) -> PartialDate:
    assert claim.date is not None
    return claim.date


def _finding(claims: list[Claim]) -> Finding:
    """`X is given for A (s) and for B (t): the same figure at two dates 7 months apart`."""
    texts = [claim.value.text for claim in claims if claim.value is not None]
    by_date: dict[str, list[str]] = {}
    for claim in claims:
        sources = by_date.setdefault(date_label(claim), [])
        sources.extend([claim.source] if claim.source not in sources else [])
    given = [f"{label} ({', '.join(sources)})" for label, sources in by_date.items()]
    listing = given[0] if len(given) == 1 else ", ".join(given[:-1]) + " and for " + given[-1]
    count = COUNT_WORDS.get(len(given), str(len(given)))
    apart = _apart(_date(claims[0]), _date(claims[-1]))
    message = f"{texts[0]} is given for {listing}: the same figure at {count} dates"
    return finding(NAME, f"{message} {apart} apart", claims, value=texts[0], values=texts,
                   dates=[date_label(c) for c in claims], sources=[c.source for c in claims],
                   apart=apart)


def _apart(first: PartialDate, last: PartialDate) -> str:
    """7 months, 3 years, 12 days: from the start of the first date to the start of the last."""
    months = (last.start.year - first.start.year) * 12 + last.start.month - first.start.month
    if months >= 12 and months % 12 == 0:
        return _plural(months // 12, "year")
    if months >= 1:
        return _plural(months, "month")
    return _plural((last.start - first.start).days, "day")


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"
