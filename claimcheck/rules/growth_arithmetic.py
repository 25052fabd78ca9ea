"""A growth rate that does not take its start figure to its end figure.

A claim with `growth: {rate, from, to, kind, start, end}` is checked against its start and end
figures: the `start`/`end` claims when given, else the claims of the same metric dated at
`from` and `to`. A flow (a figure with a `period`) is one only if its period is exactly that
date's span: a quarter's or a year-to-date's sales are not the year's, nor a month's the
quarter's; where only flows over other spans meet the date, the growth is listed unchecked.
`from` and `to` may each be a span, written as a `period` is: `{from: 2015-04, to: 2016-03}`,
a fiscal year, finds the flow over exactly that period and the stocks dated in it.
Among the candidates: same unit as the other end first, then the growth claim's own source,
then, for the end, a projection for a projected growth and an outcome for another, then the
narrowest date, then an original over a figure that `restates` it in another currency, whose
change moves with the exchange rate too, then file order: two editions of a report may give
one date two figures.
The years compounded, n, are those between the two figures' dates, not the wording of a forecast
period: "1.2 bn in 2023, 5.6 bn by 2032, 18.5% CAGR over 2024-2032" compounds 9 times. Where
either figure is dated to a calendar year, n counts calendar years (as in the example below:
2025-04 to 2035 is 10); where both are dated finer (months, quarters, halves, days, fiscal-year
periods), n is the months between the dates' ends over 12, so February 1996 to September 2006
is 10.58 years and January to July 2024 half a year, and a day counts the share of its month
gone. Where the growth's `from` or `to` is a span, n runs from the start of the start
figure's date to the start of the end figure's, so one fiscal year to the next is one year
and a fiscal year from April 2015 to the calendar year 2018 is 2.75. It holds when some
values inside the figures' intervals (rounding, widened by qualifiers; the growth claim's
qualifier applies to its rate) give end = start × (1 + rate)^n
for `cagr`, or end = start × (1 + rate) for `total`. A `total` rate equal to end − start
between two percentages is named as percent-vs-percentage-points; a yearly rate that fails
but holds as one rise over the span is told to say `kind: total`, one that holds only
compounded once more (both end years counted, a common slip) is told so, and one that holds
with its sign turned (a fall typed as a rise; a bounded rate turned as a bound, "cut by at
least 55%" typed `at least 55%`) is named a slipped sign: these hints take a bounded figure
as its stated figure, since an open side fits whatever the slip; a start or end figure
found by its date in another source is named; a negative rate reads as the fall it is
(`up to -70%`: falling by at most 70%); a bound (`more than $500 billion`, `up to 70%`) makes
the projected end, the implied rate and the base bounds too; an end figure a power of ten
from the projection that squares once so scaled, bounds as their stated figures, is named a
slipped scale word (detail `factor`). A rate of exact figures that is the implied one
cut, not rounded (`up 20.33%` for 59 to 71, 20.339%), is an info, named as truncated; an
implied base that reads as the stated one is not offered. Two negative figures
(a loss narrowing by 40% is -500 to -300) are checked like two positive ones; a swing from a
loss to a profit is listed unchecked, as is a growth from bushels to tonnes (or back),
which needs the crop's bushel weight. A `total` and a `cagr` rate of one metric over one span,
either without its figures, are checked against each other: 1 + total = (1 + cagr)^n, so a
quarter's fall of 0.7% is one of 2.77% annualised, not 2.1%.

Failing example::

    - id: scale-2025
      metric: cn.ai.core_industry.scale
      value: 600 billion CNY
      as_of: 2025-04
    - id: scale-2035
      metric: cn.ai.core_industry.scale
      value: 1729.5 billion CNY
      as_of: 2035
    - id: cagr-2025-2035               # 600 × 1.156^10 is about 2557 billion, not 1729.5
      metric: cn.ai.core_industry.scale
      growth: {rate: 15.6%, from: 2025, to: 2035, end: scale-2035}

Passing example: the same figures with `rate: 11.2%` (600 × 1.112^10 is about 1736 billion,
within the rounding of 1729.5 and 11.2%).
"""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction
from typing import Any

from claimcheck.findings import Finding, Severity
from claimcheck.interval import Interval
from claimcheck.model import Claim
from claimcheck.rules.base import Context, RuleOptions, finding
from claimcheck.rules.figures import like, rounded, written
from claimcheck.rules.growth_figures import (
    MINUS_ONE,
    Growth,
    SpanFinder,
    admitted_rates,
    figures,
    growth_years,
    holds,
)
from claimcheck.rules.growth_report import (
    degenerate,
    ids,
    implied_rate,
    implied_text,
    mismatch,
    years_text,
)

NAME = "growth-arithmetic"
SEVERITY = Severity.ERROR


class Options(RuleOptions):
    pass


def check(context: Context, options: Options) -> Iterator[Finding]:
    finder = SpanFinder(context.claimset)
    unfigured: set[str] = set()  # growth claims without start and end figures to check
    metrics: set[str] = set()  # theirs
    for claim in context.claimset.linked.growths:
        assert claim.growth is not None
        if claim.id in (claim.growth.start, claim.growth.end):
            yield finding(NAME, f"growth claim {claim.id!r} names itself as its own start or "
                          "end figure", [claim], cycle=[claim.id])
            continue
        growth = figures(context, claim, finder)
        if growth is not None:
            yield from _check_growth(context, growth)
        else:
            unfigured.add(claim.id)
            metrics.add(claim.metric)
    yield from _check_pairs(context, unfigured, metrics)


def _check_pairs(context: Context, unfigured: set[str],
                 metrics: set[str]) -> Iterator[Finding]:
    """A `total` and a `cagr` rate of one metric over one span (a quarter's -0.7% and its
    annualised -2.1%) where either lacks figures (`unfigured`, of `metrics`): one must
    compound to the other. Only those metrics can hold such a pair: the spans of the others
    (most growths have their figures) are not built."""
    spans: dict[tuple[Any, ...], dict[str, Claim]] = {}
    for claim in context.claimset.linked.growths:
        growth = claim.growth
        if (claim.metric not in metrics or growth is None or growth.start_date is None
                or growth.end_date is None):
            continue
        key = (claim.metric, growth.start_date.start, growth.start_date.end,
               growth.end_date.start, growth.end_date.end)
        spans.setdefault(key, {}).setdefault(growth.kind, claim)
    for kinds in spans.values():
        total, cagr = kinds.get("total"), kinds.get("cagr")
        if total is not None and cagr is not None and {total.id, cagr.id} & unfigured:
            found = _compare_pair(context, total, cagr)
            if found is not None:
                yield found


def _compare_pair(context: Context, total: Claim, cagr: Claim) -> Finding | None:
    """(1 + total) = (1 + cagr)^years, within the rates' rounding; a finding where not."""
    assert total.growth is not None and cagr.growth is not None
    since, until = cagr.growth.start_date, cagr.growth.end_date
    assert since is not None and until is not None
    years = growth_years(cagr, since, until)
    if years <= 0:
        return None
    context.mark_checked(total, cagr)
    compounded = Growth(cagr, cagr, cagr, years)
    yearly, once = admitted_rates(context, cagr), admitted_rates(context, total)
    factors = compounded.factors(MINUS_ONE if yearly.lo is None else max(yearly.lo, MINUS_ONE),
                                 yearly.hi)
    if factors.overlaps(Interval(None if once.lo is None else 1 + once.lo,
                                 None if once.hi is None else 1 + once.hi)):
        return None
    stated_total, stated_cagr = total.growth.rate, cagr.growth.rate
    implied = compounded.factor(stated_cagr.magnitude) - 1
    annual = implied_rate(1 + stated_total.magnitude, years)
    return finding(
        NAME, f"{written(stated_cagr)} a year ({cagr.id!r}) over {years_text(years)} "
        f"({since} to {until}) compounds to {like(implied, stated_total)}, but {total.id!r} "
        f"states {written(stated_total)} over the span ({implied_text(annual, stated_cagr)} "
        "a year): one of the two rates is off, or they are of two estimates",
        [total, cagr], rate=rounded(stated_total.magnitude),
        cagr=rounded(stated_cagr.magnitude), implied_total=rounded(implied),
        implied_cagr=rounded(annual), years=rounded(years) if isinstance(years, Fraction)
        else years, total_claim=total.id, cagr_claim=cagr.id)


def _check_growth(context: Context, growth: Growth) -> Iterator[Finding]:
    claim, start, end = growth.claim, growth.start, growth.end
    assert claim.growth is not None and start.value is not None and end.value is not None
    # the product's sign is its numerators' (denominators are positive); figure is the
    # magnitude, an int where whole (an int's numerator is itself): no Fraction built for it
    if start.value.figure.numerator * end.value.figure.numerator < 0:
        # A loss turned to a profit has no growth rate; a loss narrowing by 40% (-500 to
        # -300) is the same ratio as a figure of 500 falling to 300, so two losses are checked.
        context.cannot_check(claim, "a growth rate between a negative and a positive figure "
                             "is not checked")
        return
    context.mark_checked(claim, start, end)
    admitted = admitted_rates(context, claim)  # holds() takes it too: looked up once
    problem = degenerate(growth, admitted)
    if problem is not None:
        yield finding(NAME, problem, [claim, start, end], **ids(growth))
        return
    if not holds(context, growth, rate=admitted):
        message, details, demote = mismatch(context, growth)
        yield finding(NAME, message, [claim, start, end], demote=demote, **details)
