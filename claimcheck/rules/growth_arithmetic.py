"""A growth rate that does not take its start figure to its end figure.

A claim with `growth: {rate, from, to, kind, start, end}` is checked against its start and end
figures: the `start`/`end` claims when given, else the claims of the same metric dated at
`from` and `to`. A flow (a figure with a `period`) is one only if its period is exactly that
date's span: a quarter's or a year-to-date's sales are not the year's, nor a month's the
quarter's; where only flows over other spans meet the date, the growth is listed unchecked.
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
gone. It holds when some values inside the figures' intervals (rounding, widened by
qualifiers; the growth claim's qualifier applies to its rate) give end = start × (1 + rate)^n
for `cagr`, or end = start × (1 + rate) for `total`. A `total` rate equal to end − start
between two percentages is named as percent-vs-percentage-points; a yearly rate that fails
but holds as one rise over the span is told to say `kind: total`, one that holds only
compounded once more (both end years counted, a common slip) is told so, and one that holds
with its sign turned (a fall typed as a rise) is named a slipped sign: these hints take a
bound as its stated figure, since an open side fits whatever the slip; a start or end figure
found by its date in another source is named; a negative rate reads as the fall it is
(`up to -70%`: falling by at most 70%); a bound (`more than $500 billion`, `up to 70%`) makes
the projected end, the implied rate and the base bounds too; an end figure a power of ten
from the projection that squares once so scaled is named a slipped scale word (detail
`factor`). Two negative figures
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

import dataclasses
import decimal
import math
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Any

from claimcheck.dates import PartialDate, years_between
from claimcheck.findings import Finding, Severity
from claimcheck.interval import Interval, format_number
from claimcheck.model import Claim
from claimcheck.qualifiers import Qualifier, widen
from claimcheck.quantity import StatedValue
from claimcheck.rules.base import Context, RuleOptions, finding
from claimcheck.rules.figures import (
    BUSHEL_WEIGHT,
    FigureFinder,
    bound_word,
    bushels_and_mass,
    dimension,
    like,
    overlap_in_floats,
    power_apart,
    product,
    qualified,
    resolve,
    rounded,
    shown,
    slipped,
    written,
)
from claimcheck.rules.grouping import date_label

NAME = "growth-arithmetic"
SEVERITY = Severity.ERROR
MINUS_ONE = Fraction(-1)
# A power to a fractional number of years is inexact: computed to 40 digits, with room for the
# exponents floats overflow on, then widened by this share so its rounding never turns an
# agreement at the edge into a finding.
SLACK = Fraction(1, 10**12)
_POWERS = decimal.Context(prec=40, Emax=decimal.MAX_EMAX, Emin=decimal.MIN_EMIN)


class Options(RuleOptions):
    pass


@dataclass(frozen=True)
class Growth:
    """A growth claim with its start and end figures found, and the years between them."""

    claim: Claim
    start: Claim
    end: Claim
    years: int | Fraction | None

    @property
    def cagr(self) -> bool:
        assert self.claim.growth is not None
        return self.claim.growth.kind == "cagr"

    @property
    def exact(self) -> bool:
        """Whether factor() is exact: a whole number of years, or a `total` rate."""
        return not self.cagr or not isinstance(self.years, Fraction)

    def factor(self, rate: Fraction) -> Fraction:
        """1 + rate, compounded over `years` for a CAGR (exactly for whole years)."""
        if not self.cagr:
            return 1 + rate
        if isinstance(self.years, Fraction):
            return _power(1 + rate, self.years)
        return (1 + rate) ** (self.years or 0)

    def factors(self, lowest: Fraction, highest: Fraction | None) -> Interval:
        """The factors of the rates from lowest to highest (None: unbounded), widened by
        SLACK where factor() is inexact."""
        low, high = self.factor(lowest), None if highest is None else self.factor(highest)
        if self.exact:
            return Interval(low, high)
        return Interval(low * (1 - SLACK), None if high is None else high * (1 + SLACK))


class SpanFinder(FigureFinder):
    """A FigureFinder whose figures at a date are the stocks (`as_of`) it overlaps and the
    flows (`period`) over exactly its span: a quarter's or a year-to-date's sales are not the
    year's, so neither starts or ends a growth from or to that year. Its ranking and caches
    are FigureFinder's, over those figures only."""

    def _search(self, metric: str, when: PartialDate) -> list[Claim]:
        return [c for c in super()._search(metric, when) if not _off_span(c, when)]

    def off_span(self, metric: str, when: PartialDate) -> list[Claim]:
        """The flows at `when` over another span, in file order: named where no figure is."""
        return [c for c in super()._search(metric, when) if _off_span(c, when)]


def _off_span(claim: Claim, when: PartialDate) -> bool:
    date = claim.date
    return (claim.as_of is None and date is not None
            and (date.start != when.start or date.end != when.end))


def check(context: Context, options: Options) -> Iterator[Finding]:
    finder = SpanFinder(context.claimset)
    unfigured: set[str] = set()  # growth claims without start and end figures to check
    for claim in context.claimset.linked.growths:
        assert claim.growth is not None
        if claim.id in (claim.growth.start, claim.growth.end):
            yield finding(NAME, f"growth claim {claim.id!r} names itself as its own start or "
                          "end figure", [claim], cycle=[claim.id])
            continue
        figures = _figures(context, claim, finder)
        if figures is not None:
            yield from _check_growth(context, figures)
        else:
            unfigured.add(claim.id)
    yield from _check_pairs(context, unfigured)


def _check_pairs(context: Context, unfigured: set[str]) -> Iterator[Finding]:
    """A `total` and a `cagr` rate of one metric over one span (a quarter's -0.7% and its
    annualised -2.1%) where either lacks figures: one must compound to the other."""
    spans: dict[tuple[Any, ...], dict[str, Claim]] = {}
    for claim in context.claimset.linked.growths:
        growth = claim.growth
        if growth is None or growth.start_date is None or growth.end_date is None:
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
    years = years_between(since, until)
    if years <= 0:
        return None
    context.mark_checked(total, cagr)
    compounded = Growth(cagr, cagr, cagr, years)
    yearly, once = _rate(context, cagr), _rate(context, total)
    factors = compounded.factors(MINUS_ONE if yearly.lo is None else max(yearly.lo, MINUS_ONE),
                                 yearly.hi)
    if factors.overlaps(Interval(None if once.lo is None else 1 + once.lo,
                                 None if once.hi is None else 1 + once.hi)):
        return None
    stated_total, stated_cagr = total.growth.rate, cagr.growth.rate
    implied = compounded.factor(stated_cagr.magnitude) - 1
    annual = _implied_rate(1 + stated_total.magnitude, years)
    return finding(
        NAME, f"{written(stated_cagr)} a year ({cagr.id!r}) over {_years_text(years)} "
        f"({since} to {until}) compounds to {like(implied, stated_total)}, but {total.id!r} "
        f"states {written(stated_total)} over the span ({_implied_text(annual, stated_cagr)} "
        "a year): one of the two rates is off, or they are of two estimates",
        [total, cagr], rate=rounded(stated_total.magnitude),
        cagr=rounded(stated_cagr.magnitude), implied_total=rounded(implied),
        implied_cagr=rounded(annual), years=rounded(years) if isinstance(years, Fraction)
        else years, total_claim=total.id, cagr_claim=cagr.id)


def _figures(context: Context, claim: Claim, finder: SpanFinder) -> Growth | None:
    """The start and end figures, or None after saying why they cannot be found."""
    growth = claim.growth
    assert growth is not None
    claimset = context.claimset
    start, end = resolve(claimset, growth.start), resolve(claimset, growth.end)
    if (growth.start and start is None) or (growth.end and end is None):
        # unknown-reference reports the dangling id; here it only leaves the claim unchecked.
        context.cannot_check(claim, "its start or end refers to a claim that is missing or invalid")
        return None
    since, until = growth.start_date, growth.end_date
    if start is None and end is None and since is not None and until is not None:
        # Both ends to find: a base in a unit some end figure shares, then the end in its unit
        # (which may be the base again: one fiscal year spanning both, said below).
        start = _best(finder, claim, since, finder.dimensions(claim.metric, until))
        end = _best(finder, claim, until, _dims(start), end=True)
    if end is None and until is not None:
        end = _best(finder, claim, until, _dims(start), *_id(start), end=True)
    if start is None and since is not None:
        start = _best(finder, claim, since, _dims(end), *_id(end))
    if start is None or end is None:
        role, when = ("start", since) if start is None else ("end", until)
        off_span = [] if when is None else finder.off_span(claim.metric, when)
        context.cannot_check(claim, _missing(claim, role, off_span))
        return None
    if start is end:  # e.g. calendar years against one fiscal year that spans both
        context.cannot_check(claim, f"its `from` and `to` dates both find {start.id!r}: name "
                             "the base and end figures in `start` and `end`")
        return None
    return _validated(context, claim, start, end)


def _best(finder: SpanFinder, claim: Claim, when: PartialDate, prefer: set[str],
          *exclude: str, end: bool = False) -> Claim | None:
    """The figure of the growth's metric at `when`: from the growth claim's own source first,
    and for the end, a forecast for a forecast (a claim is never its own figure)."""
    return finder.best(claim.metric, when, prefer, claim.id, *exclude, source=claim.source,
                       projection=claim.projection if end else None)


def _missing(claim: Claim, role: str, off_span: list[Claim]) -> str:
    """Why no start or end figure was found, and what to write."""
    assert claim.growth is not None
    which, field = ("base", "from") if role == "start" else ("end", "to")
    when = claim.growth.start_date if role == "start" else claim.growth.end_date
    if when is None:
        return (f"no {which} figure: name it in `growth.{role}`, or give the date of a figure "
                f"of `{claim.metric}` in `growth.{field}`")
    if off_span:
        others = ", ".join(f"{c.id!r} ({date_label(c)})" for c in off_span[:3])
        more = f" and {len(off_span) - 3} more" if len(off_span) > 3 else ""
        return (f"no {which} figure covering {when} among the claims of `{claim.metric}`: "
                f"{others}{more} cover{'s' if len(off_span) == 1 else ''} another span, "
                f"a different quantity: name the {which} in `growth.{role}`, or give the "
                f"figure for {when}")
    return (f"no {which} figure for {when} among the claims of `{claim.metric}`: name one in "
            f"`growth.{role}`")


def _id(claim: Claim | None) -> tuple[str, ...]:
    """The other end, once known, is not searched for again: no figure is its own base."""
    return () if claim is None else (claim.id,)


def _dims(claim: Claim | None) -> set[str]:
    return {dimension(claim)} if claim is not None and claim.value is not None else set()


def _validated(context: Context, claim: Claim, start: Claim, end: Claim) -> Growth | None:
    if start.value is None or end.value is None:
        bare = start if start.value is None else end
        context.cannot_check(claim, f"figure {bare.id!r} states no value")
        return None
    if bushels_and_mass(start.value.unit, end.value.unit):
        context.cannot_check(claim, f"its start and end figures are in "
                             f"{start.value.unit.label()} and {end.value.unit.label()}; "
                             f"{BUSHEL_WEIGHT}")
        return None
    if dimension(start) != dimension(end):
        context.cannot_check(claim, f"start and end figures are in different units "
                             f"({start.value.unit.label()} and {end.value.unit.label()})")
        return None
    years = None
    if start.date is not None and end.date is not None:
        years = years_between(start.date, end.date)
    assert claim.growth is not None
    if years is None and claim.growth.kind == "cagr":
        undated = start if start.date is None else end
        context.cannot_check(claim, f"figure {undated.id!r} has no date to count years from")
        return None
    return Growth(claim, start, end, years)


def _check_growth(context: Context, growth: Growth) -> Iterator[Finding]:
    claim, start, end = growth.claim, growth.start, growth.end
    assert claim.growth is not None and start.value is not None and end.value is not None
    if start.value.magnitude * end.value.magnitude < 0:
        # A loss turned to a profit has no growth rate; a loss narrowing by 40% (-500 to
        # -300) is the same ratio as a figure of 500 falling to 300, so two losses are checked.
        context.cannot_check(claim, "a growth rate between a negative and a positive figure "
                             "is not checked")
        return
    context.mark_checked(claim, start, end)
    problem = _degenerate(growth, _rate(context, claim))
    if problem is not None:
        yield finding(NAME, problem, [claim, start, end], **_ids(growth))
        return
    if not _holds(context, growth):
        yield _mismatch(context, growth)


def _rate(context: Context, claim: Claim, closed: bool = False) -> Interval:
    """The rates a growth claim admits, its qualifier applied (`closed`: a bound's rounding)."""
    assert claim.growth is not None
    if closed and claim.qualifier.bound:
        return claim.growth.rate.rounding
    return widen(claim.growth.rate.rounding, claim.qualifier, context.widths)


def _interval(context: Context, claim: Claim) -> Interval:
    return context.interval(claim)


def _closed(context: Context, claim: Claim) -> Interval:
    """The figure's interval, a bound's as the rounding of its stated figure."""
    assert claim.value is not None
    return claim.value.rounding if claim.qualifier.bound else context.interval(claim)


def _holds(context: Context, growth: Growth, end: Interval | None = None,
           rate: Interval | None = None, closed: bool = False) -> bool:
    """Whether some rate, start and end (or the `end` or `rate` given) inside their intervals
    square; `closed`: a bound (`over 5,700`) taken as its stated figure, for the hints, which
    an open side would satisfy whatever the slip."""
    interval = _closed if closed else _interval
    rate = _rate(context, growth.claim, closed) if rate is None else rate
    # No figure shrinks by more than all of it: rates below -100% are not values to try.
    lowest = MINUS_ONE if rate.lo is None else max(rate.lo, MINUS_ONE)
    start = interval(context, growth.start)
    end = interval(context, growth.end) if end is None else end
    settled = _holds_in_floats(growth, lowest, rate.hi, start, end)
    if settled is not None:
        return settled
    factors = growth.factors(lowest, rate.hi)
    return product(start, factors).overlaps(end)


MOST_YEARS = 10_000  # compounded in floats, each year's rounding error stays far below HAIR


def _holds_in_floats(growth: Growth, lowest: Fraction, highest: Fraction | None,
                     start: Interval, end: Interval) -> bool | None:
    """_holds in floats, for the usual growth (a bounded base of 0 or more, a rate above
    -90% or down to all of it, up to MOST_YEARS years), where the ends are not within
    a hair of touching: exact powers of Fractions are most of this rule's cost. None: let
    the exact maths say.

    Every float here is within ~1e-12 of its exact counterpart (factors() itself is that
    close to the true power for fractional years), far inside HAIR of the largest end.
    """
    years = growth.years if growth.cagr else 1
    if ((lowest < -0.9 and lowest != MINUS_ONE) or years is None
            or not 0 <= years <= MOST_YEARS or start.lo is None or start.hi is None
            or start.lo < 0):
        return None
    try:
        exponent = float(years)
        # A fall of all of it is a factor of exactly 0 (0.0 in floats too).
        low = float(start.lo) * (1.0 + float(lowest)) ** exponent
        if highest is None:  # no highest rate: no highest end but for a base of 0
            high = math.inf if start.hi > 0 else 0.0
        else:
            high = float(start.hi) * (1.0 + float(highest)) ** exponent
        end_lo = -math.inf if end.lo is None else float(end.lo)
        end_hi = math.inf if end.hi is None else float(end.hi)
    except OverflowError:
        return None
    if not math.isfinite(low) or (highest is not None and not math.isfinite(high)):
        return None  # a product beyond floats
    size = max((abs(x) for x in (low, high, end_lo, end_hi) if math.isfinite(x)), default=0.0)
    return overlap_in_floats(low, high, end_lo, end_hi, size)


def _degenerate(growth: Growth, admitted: Interval) -> str | None:
    """Growth that no rate can describe: a zero base, no years, a fall beyond -100%."""
    claim, start, end = growth.claim, growth.start, growth.end
    assert claim.growth is not None and start.value is not None
    rate = written(claim.growth.rate)
    if admitted.hi is not None and admitted.hi < MINUS_ONE:
        return (f"a growth rate of {rate} is impossible: nothing falls by more "
                "than all of it (-100%)")
    if start.value.magnitude == 0:
        return (f"the base figure is zero ({shown(start)}): no growth rate takes it to "
                f"{shown(end)}")
    if growth.years is not None and growth.years < 0:
        return (f"the end figure {end.id!r} ({end.date}) is dated before the start figure "
                f"{start.id!r} ({start.date})")
    if growth.cagr and growth.years == 0:
        return (f"the start and end figures {start.id!r} ({start.date}) and {end.id!r} "
                f"({end.date}) fall in one calendar year: there are no years to compound "
                f"{rate} a year over")
    return None


def _mismatch(context: Context, growth: Growth) -> Finding:
    claim, start, end = growth.claim, growth.start, growth.end
    assert claim.growth is not None and start.value is not None and end.value is not None
    rate = claim.growth.rate.magnitude
    factor = growth.factor(rate)
    ratio = end.value.magnitude / start.value.magnitude
    implied = _implied_rate(ratio, growth.years if growth.cagr else 1)
    projected = start.value.magnitude * factor
    implied_base = end.value.magnitude / factor if factor else None
    per_year = f" a year for {_years_text(growth.years)}" if growth.cagr else ""
    since = f" ({date_label(start)})" if start.date else ""
    by = f" by {date_label(end)}" if end.date else ""
    # A bound rate bounds what it projects: `falling by at most 70%` gives at least 30%.
    rate_side = _rate_side(claim)
    message = (f"{shown(start)}{since} {_moving(claim)}{per_year} gives "
               f"{_bound(_side(start), rate_side)}{_like(projected, end.value)}{by}, but the "
               f"end figure is {shown(end)}: the figures imply "
               f"{_implied_change(implied, claim.growth.rate, end, start)}"
               f"{' a year' if growth.cagr else ''}")
    if implied_base is not None:
        message += (f", or a base of {_bound(_side(end), -rate_side)}"
                    f"{_like(implied_base, end.value)}")
    slip = _slip(context, growth, projected)
    message += (f"; {slipped(slip)}" if slip else "") + _points_note(context, growth)
    message += _sign_note(context, growth)
    message += (_total_note(context, growth) + _one_more_year_note(context, growth)
                + _found_note(growth))
    return finding(NAME, message, [claim, start, end], rate=rounded(rate),
                   implied_rate=rounded(implied), projected_end=rounded(projected),
                   implied_base=None if implied_base is None else rounded(implied_base),
                   **_ids(growth), **({"factor": slip} if slip else {}))


def _moving(claim: Claim) -> str:
    """`growing over 5%`; a negative rate as the fall it is: `falling 14.2%`, `falling by at
    most 70%` ("up to -70%": a qualifier speaks of the fall's size)."""
    assert claim.growth is not None
    rate, qualifier = claim.growth.rate, claim.qualifier
    if rate.magnitude >= 0:
        return f"growing {qualified(written(rate), qualifier)}"
    if qualifier is Qualifier.EXACT:
        return f"falling {_size(rate)}"
    return f"falling by {_FALL_WORDS.get(qualifier, qualifier.phrase)} {_size(rate)}"


_FALL_WORDS = {Qualifier.OVER: "more than", Qualifier.UNDER: "less than"}


def _size(rate: StatedValue) -> str:
    """A rate as written, without its sign: 14.2% for -14.2%."""
    return written(rate).removeprefix("-")


def _implied_change(implied: float, stated: StatedValue, end: Claim, start: Claim) -> str:
    """The rate the figures imply, a bound where they are (`at most 12.75%`); a fall as `a
    fall of 75.83%` (a signed `at most -20%` is a fall of at least 20%), and a rise against a
    stated fall as `a rise of`, so a slipped sign reads as one."""
    bound = bound_word(end.qualifier, start.qualifier)
    text = _implied_text(implied, stated)
    if implied < 0:
        flipped = {"at least ": "at most ", "at most ": "at least "}.get(bound, bound)
        return f"a fall of {flipped}{text.removeprefix('-')}"
    return f"{'a rise of ' if stated.magnitude < 0 else ''}{bound}{text}"


def _rate_side(claim: Claim) -> int:
    """1 where the rate is a lower bound, -1 an upper one, 0 neither: `over -20%` is a fall
    of more than 20%, so a rate of at most -20%."""
    assert claim.growth is not None
    side = _side(claim)
    return side if claim.growth.rate.magnitude >= 0 else -side


def _side(claim: Claim) -> int:
    """1 where the qualifier bounds the figure's size from below (over, at least), -1 from
    above (under, at most), 0 where it states it."""
    if claim.qualifier in (Qualifier.OVER, Qualifier.AT_LEAST):
        return 1
    return -1 if claim.qualifier in (Qualifier.UNDER, Qualifier.AT_MOST) else 0


def _bound(*sides: int) -> str:
    """`at least ` where the sides bound a product from below, `at most ` from above, nothing
    where none does (or they pull both ways)."""
    bounded = {side for side in sides if side}
    return "at least " if bounded == {1} else "at most " if bounded == {-1} else ""


def _like(magnitude: Fraction, stated: StatedValue) -> str:
    """like(), with a whole number's trailing zeros read as rounding, not digits: 1.116
    million beside 1,127,000, not 1.116162 (1,127,000 is written to the thousand)."""
    number = stated.number
    if number == number.to_integral_value() and number != 0:
        stated = StatedValue(stated.text, number.normalize(), stated.scale, stated.unit)
    return like(magnitude, stated)


def _implied_text(implied: float, stated: StatedValue) -> str:
    """The implied rate in percent, with the digits it takes to differ from the stated one
    (182.97% against 183.00%)."""
    if not math.isfinite(implied):
        return f"{format_number(implied * 100)}%"
    return like(Fraction(implied), stated)


def _slip(context: Context, growth: Growth, projected: Fraction) -> int:
    """10^k where the end figure, so scaled, squares with the rate: a slipped scale word in
    the start or the end figure (17.2 billion written for 17.2 trillion); else 0."""
    assert growth.end.value is not None
    try:
        power = power_apart(float(abs(growth.end.value.magnitude)), float(abs(projected)))
    except OverflowError:
        return 0
    if not power:
        return 0
    scaled = context.interval(growth.end).scale(Fraction(10) ** -power)
    return 10 ** abs(power) if _holds(context, growth, scaled) else 0


def _years_text(years: int | Fraction | None) -> str:
    """`10 years`, `1 year`; a fraction to at least two decimals (10.58, 8000.5, 0.08333)."""
    if isinstance(years, Fraction):
        whole_digits = len(str(abs(math.trunc(years))))
        return f"{format_number(years, max(4, whole_digits + 2))} years"
    return f"{years} year{'' if years == 1 else 's'}"


def _power(base: Fraction, exponent: Fraction) -> Fraction:
    """base ** exponent to 40 significant digits; 0 for a base below 0 (a fall of more than
    all of it, which only a message's projection can ask for)."""
    if base <= 0:
        return Fraction(0)
    to_decimal = [_POWERS.divide(Decimal(x.numerator), Decimal(x.denominator))
                  for x in (base, exponent)]
    return Fraction(_POWERS.power(*to_decimal))


def _implied_rate(ratio: Fraction, years: int | Fraction | None) -> float:
    """(end / start)^(1/years) - 1, through logarithms so huge ratios cannot overflow."""
    if ratio == 0:
        return -1.0
    log = math.log(ratio.numerator) - math.log(ratio.denominator)
    try:
        return math.exp(log / (years or 1)) - 1
    except OverflowError:
        return math.inf


def _points_note(context: Context, growth: Growth) -> str:
    """A `total` rate that equals end − start between percentages: points, not percent."""
    claim, start, end = growth.claim, growth.start, growth.end
    assert claim.growth is not None and start.value is not None and end.value is not None
    if growth.cagr or start.value.unit.kind != "percent" or end.value.unit.kind != "percent":
        return ""
    rate = _rate(context, claim)
    difference = context.interval(end) + context.interval(start).scale(MINUS_ONE)
    if not rate.overlaps(difference):
        return ""
    points = format_number((end.value.magnitude - start.value.magnitude) * 100)
    return (f"; {written(start.value)} to {written(end.value)} is a change of {points} "
            f"percentage points, not {written(claim.growth.rate)}")


def _sign_note(context: Context, growth: Growth) -> str:
    """A rate that holds with its sign turned: "4.5 percent below" typed as 4.5%."""
    claim = growth.claim
    assert claim.growth is not None
    rate = claim.growth.rate
    if rate.magnitude == 0 or claim.qualifier.bound:
        return ""  # a bound turned round admits every rate on its other side
    if not _holds(context, growth, rate=_rate(context, claim).scale(MINUS_ONE), closed=True):
        return ""
    turned = f"a {'rise' if rate.magnitude < 0 else 'fall'} of {_size(rate)}"
    return f"; as {turned} it holds: a slipped sign?"


def _one_more_year_note(context: Context, growth: Growth) -> str:
    """Market reports often count both end years: 2025 to 2034 as ten years of growth."""
    if not growth.cagr or not isinstance(growth.years, int) or growth.years < 1:
        return ""
    if not _holds(context, dataclasses.replace(growth, years=growth.years + 1), closed=True):
        return ""
    return (f"; compounded {growth.years + 1} times (counting both end years) it holds, but "
            f"{growth.years} years lie between the figures")


def _found_note(growth: Growth) -> str:
    """Name a start or end figure found by its date in another source, which the text of the
    growth claim never named: the disagreement may be between two sources."""
    claim = growth.claim
    assert claim.growth is not None
    found = [(role, figure) for role, figure, named in (
        ("start", growth.start, claim.growth.start), ("end", growth.end, claim.growth.end))
        if named is None and figure.source != claim.source]
    if not found:
        return ""
    listed = " and ".join(f"the {role} figure {figure.id!r} is from {figure.source}"
                          for role, figure in found)
    fields = " and ".join(f"`growth.{role}`" for role, _ in found)
    dates = "its date" if len(found) == 1 else "their dates"
    return f"; {listed}, found by {dates} (name another in {fields})"


def _total_note(context: Context, growth: Growth) -> str:
    """A yearly rate that fails but holds once over the whole span: "2.3% quarterly growth"
    written without `kind: total`."""
    claim = growth.claim
    assert claim.growth is not None
    if not growth.cagr or growth.years == 1:
        return ""
    if not _holds(context, dataclasses.replace(growth, years=1), closed=True):
        return ""
    rise = "fall" if claim.growth.rate.magnitude < 0 else "rise"
    return (f"; as one {rise} of {_size(claim.growth.rate)} over the whole span it holds: "
            "if that is what the text says, give the growth `kind: total`")


def _ids(growth: Growth) -> dict[str, Any]:
    assert growth.claim.growth is not None
    years = rounded(growth.years) if isinstance(growth.years, Fraction) else growth.years
    return {"years": years, "start_claim": growth.start.id, "end_claim": growth.end.id,
            "kind": growth.claim.growth.kind}
