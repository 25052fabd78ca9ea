"""Two figures of one metric for overlapping dates, in one unit, that cannot both hold.

Each figure stands for the interval its rounding and qualifier allow (`over 4,500` is a lower
bound, `about` and `nearly` a band set in the rule set); two figures conflict when those
intervals do not overlap. A figure over a `period` (a flow: deaths, revenue) is compared only
with figures for that very period: a half year and its year, or two overlapping rolling 12-month
counts, are different quantities. Figures in two currencies are a conversion
(`currency-conversion`), not a conflict, and two conversions (`restates` in another currency)
are not compared with each other: each converts at its own source's rate; pairs a power of ten
apart are reported by `scale-slip` instead (while it is enabled). A forecast and an outcome can
both hold, so projections are compared only with projections, and figures with figures. Among
many figures at one date, one pair is reported per gap in their values. A claim that `restates`
another in another unit is a conversion, as precise as its significant digits: `2,400 kcal` for
`10,000 kJ` is 2,350..2,450 kcal. Temperatures on two scales (°C, °F, K) for one metric and date
conflict where they hold neither as one temperature nor as one change (`1.18 °C` beside `3.12
°F`). Two forecasts that disagree are a warning (a revised outlook is the usual cause), and a
figure that is another cut (not rounded) to fewer digits (241,499,431 printed as 241.49 million)
an info, named as truncated; so is a pair where one is a third figure of theirs cut and the
other that figure rounded (`$4.18 trillion` and `$4.186 trillion` beside `$4,186.431 billion`).
A round figure that is the other rounded to the place of its last nonzero digit (`₹21,000 crore`
beside `INR 21,008 crore`, `580K people` beside `578,000 people`) is an info too, naming that
rounding and asking for `qualifier: about`; only where the round figure keeps two significant
digits (`10 deaths` beside `14 deaths` stays a conflict). A count of things written to the unit
(`9 cases`, not `9K people`, `9 index points` or a bare `9`) is a whole number: `9 cases` and
`10 cases` conflict.

Failing example::

    claims:
      - id: gdp-fy23-provisional
        metric: in.gdp.nominal
        value: Rs 272.41 lakh crore
        period: {from: 2022-04, to: 2023-03}
        source: bqprime
      - id: gdp-fy23-revised
        metric: in.gdp.nominal
        value: Rs 269.50 lakh crore
        period: {from: 2022-04, to: 2023-03}
        source: lokmat

reports `Rs 269.50 lakh crore (2022-04..2023-03, lokmat) vs Rs 272.41 lakh crore
(2022-04..2023-03, bqprime): cannot both hold; they differ by 1.08%`.

Passing example: `over Rs 270 lakh crore` and `Rs 272.41 lakh crore` for one year; or a
budget's `projection: true` of Rs 301.75 lakh crore beside an estimate of Rs 293.90.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from fractions import Fraction

from claimcheck.findings import Finding, Severity
from claimcheck.interval import Interval, format_number
from claimcheck.model import Claim
from claimcheck.qualifiers import Qualifier
from claimcheck.quantity import describe
from claimcheck.rules.base import Context, RuleOptions, finding
from claimcheck.rules.conflicts import Conflict, conflict_candidates, conflicts, dates_meet
from claimcheck.rules.figures import cut_to, gap_of, points, rounded_from, truncated
from claimcheck.rules.grouping import (
    Comparable,
    date_label,
    interval_details,
    stated,
)
from claimcheck.rules.scale_slip import NAME as SLIP
from claimcheck.rules.scale_slip import Options as SlipOptions
from claimcheck.rules.scale_slip import slip
from claimcheck.rules.temperatures import disagreements

NAME = "conflicting-values"
SEVERITY = Severity.ERROR


class Options(RuleOptions):
    pass


def check(context: Context, options: Options) -> Iterator[Finding]:
    # A pair scale-slip reports (its own tolerance decides) is not reported here too; with
    # scale-slip off, every conflict is reported here.
    slips = context.rule_options.get(SLIP)
    tolerance = slips.tolerance if isinstance(slips, SlipOptions) else None
    for group in conflict_candidates(context):  # the others: conflicts() would find none
        kinds = {claim.projection for claim in group.claims}
        # With one kind in the group, its conflicts are the ones scale-slip asked for.
        for kind in ((None,) if len(kinds) == 1 else (False, True)):
            figures = _Figures([c for c in group.claims if kind in (None, c.projection)])
            for conflict in conflicts(context, group, kind):
                if tolerance is None or not _slip_reported(context, group, conflict, tolerance):
                    yield _finding(context, conflict, figures)
    for one, other in disagreements(context):
        yield _scales_finding(context, one, other)


def _slip_reported(context: Context, group: Comparable, conflict: Conflict,
                   tolerance: Fraction) -> bool:
    """Whether scale-slip reports this pair: it is a slip, and scale-slip, which compares
    projections and other figures together, found the same pair (a projection between the
    two figures gives it other pairs)."""
    if slip(conflict, tolerance) is None:
        return False
    pair = (conflict.low.id, conflict.high.id)
    return any((found.low.id, found.high.id) == pair for found in conflicts(context, group))


def _finding(context: Context, conflict: Conflict, figures: _Figures) -> Finding:
    low, high = conflict.low, conflict.high
    message = (f"{_figure(low)} vs {_figure(high)}: cannot both hold; "
               f"they differ by {_difference(low, high)}")
    demote = 0
    cut = (_truncated(low, high) or _truncated(high, low)
           or _rounded_from(low, high) or _rounded_from(high, low))
    involved = [low, high]
    cut_from = None if cut else _cut_from(context, conflict, figures)
    if cut_from is not None:
        cut, fine = cut_from
        involved.append(fine)
    if cut:
        message += f"; {cut}"
        demote = 2
    elif low.projection and high.projection and not _one_figure(low, high):
        message += "; two forecasts: where one revises the other, both can be right"
        demote = 1
    return finding(
        NAME, message, involved, demote=demote,
        values=[stated(low), stated(high)],
        dates=[date_label(low), date_label(high)],
        sources=[low.source, high.source],
        intervals=[interval_details(conflict.low_interval),
                   interval_details(conflict.high_interval)],
    )


class _Figures:
    """A group's exact figures sorted by magnitude, at the first conflict: the figure a pair's
    one is cut from is looked up, not searched for among thousands at one date."""

    def __init__(self, claims: list[Claim]) -> None:
        self.claims = claims
        self.exact: list[Claim] = []
        self.magnitudes: list[Fraction] | None = None  # sorted at the first lookup

    def near(self, figure: Fraction, step: Fraction) -> list[Claim]:
        """The exact figures within one step of `figure` (a cut of a negative one is above)."""
        if self.magnitudes is None:
            self.exact = sorted((c for c in self.claims if c.qualifier is Qualifier.EXACT),
                                key=_magnitude)
            self.magnitudes = [_magnitude(claim) for claim in self.exact]
        return self.exact[bisect_left(self.magnitudes, figure - step):
                          bisect_right(self.magnitudes, figure + step)]


def _magnitude(claim: Claim) -> Fraction:
    assert claim.value is not None
    return claim.value.magnitude


def _cut_from(context: Context, conflict: Conflict,
              figures: _Figures) -> tuple[str, Claim] | None:
    """A third figure of the group that one of the pair is cut from while the other rounds it:
    `$4.18 trillion` beside `$4.186 trillion` is `$4,186.431 billion` truncated, not a revision.
    """
    for coarse, other in ((conflict.low, conflict.high), (conflict.high, conflict.low)):
        if coarse.value is None or coarse.qualifier is not Qualifier.EXACT:
            continue
        step = _last_digit(coarse.value.rounding)
        for fine in figures.near(coarse.value.magnitude, step):
            if fine.id in (coarse.id, other.id) or not dates_meet(fine, coarse, other):
                continue
            cut = _truncated(coarse, fine)
            if cut and context.interval(fine).overlaps(context.interval(other)):
                return cut, fine
    return None


def _scales_finding(context: Context, one: Claim, other: Claim) -> Finding:
    message = (f"{_figure(one)} vs {_figure(other)}: cannot both hold, neither as one "
               "temperature nor as one change of temperature")
    return finding(NAME, message, [one, other], values=[stated(one), stated(other)],
                   dates=[date_label(one), date_label(other)],
                   sources=[one.source, other.source],
                   intervals=[interval_details(context.interval(one)),
                              interval_details(context.interval(other))])


def _figure(claim: Claim) -> str:
    return f"{stated(claim)} ({date_label(claim)}, {claim.source})"


def _difference(low: Claim, high: Claim) -> str:
    """Percentage points for percentages; for counted things the count and its share of the
    lower figure (2 seats, 0.489%); else relative to the lower figure where it can be."""
    assert low.value is not None and high.value is not None
    gap = high.value.magnitude - low.value.magnitude
    unit = low.value.unit
    if unit.kind == "percent":
        return points(gap)
    if low.value.magnitude == 0:
        return describe(gap, unit)
    relative = f"{format_number(abs(gap / low.value.magnitude) * 100, 3)}%"
    if unit.kind == "count" and unit.code:
        return f"{gap_of(gap, unit)} ({relative})"
    return relative


def _one_figure(one: Claim, other: Claim) -> bool:
    """Linked by `restates` (directly, or restating one figure): one figure, not a revision."""
    return (one.restates == other.id or other.restates == one.id
            or (one.restates is not None and one.restates == other.restates))


def _last_digit(rounding: Interval) -> Fraction:
    """One unit of the last digit a figure shows: the width of its rounding interval."""
    assert rounding.lo is not None and rounding.hi is not None
    return rounding.hi - rounding.lo


def _truncated(coarse: Claim, fine: Claim) -> str:
    """Where `fine` cut (not rounded) to the last digit `coarse` shows is `coarse`: a census
    count of 241,499,431 is printed as 241.49 million by the office that took it."""
    if coarse.value is None or fine.value is None or not (
            coarse.qualifier is fine.qualifier is Qualifier.EXACT):
        return ""
    step, finer = _last_digit(coarse.value.rounding), _last_digit(fine.value.rounding)
    figure, exact = coarse.value.magnitude, fine.value.magnitude
    # Two more digits at least: 5.1% beside 5.16% is a difference, not a cut.
    if figure == 0 or not 0 < finer * 100 <= step:
        return ""
    if not cut_to(coarse.value, exact):
        return ""
    return truncated(fine.value.text, coarse.value.text)


def _rounded_from(coarse: Claim, fine: Claim) -> str:
    """Where `coarse` ends in zeros and is `fine` rounded at its last nonzero digit (figures.
    rounded_from): a round figure for a precise one, not a revision."""
    if coarse.value is None or fine.value is None or not (
            coarse.qualifier is fine.qualifier is Qualifier.EXACT):
        return ""
    return rounded_from(coarse.value, fine.value.magnitude, fine.value.text)
