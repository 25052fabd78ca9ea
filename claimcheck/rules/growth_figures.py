"""A growth claim's start and end figures, for growth-arithmetic: finding them (the `start` and
`end` claims, else the metric's figures at `from` and `to`), and whether a rate inside its
interval takes the one to the other (holds), in floats where that is safe, else exactly.
"""
from __future__ import annotations

import calendar
import datetime as dt
import decimal
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import cast

from claimcheck.dates import PartialDate, years_between
from claimcheck.interval import Interval, in_floats
from claimcheck.model import Claim, DateSpan
from claimcheck.qualifiers import EXACT, widen
from claimcheck.rules.base import Context
from claimcheck.rules.figures import (
    BUSHEL_WEIGHT,
    INF,
    FigureFinder,
    bushels_and_mass,
    dimension,
    overlap_in_floats,
    product,
)
from claimcheck.rules.grouping import date_label

MINUS_ONE = Fraction(-1)
# A power to a fractional number of years is inexact: computed to 40 digits, with room for the
# exponents floats overflow on, then widened by this share so its rounding never turns an
# agreement at the edge into a finding.
SLACK = Fraction(1, 10**12)
_POWERS = decimal.Context(prec=40, Emax=decimal.MAX_EMAX, Emin=decimal.MIN_EMIN)


@dataclass(frozen=True, init=False, eq=False, repr=False)
class Growth:
    """A growth claim with its start and end figures found, and the years between them."""

    claim: Claim
    start: Claim
    end: Claim
    years: int | Fraction | None

    def __init__(self, claim: Claim, start: Claim, end: Claim,
                 years: int | Fraction | None) -> None:
        # Frozen, but filled in directly (as Interval is): frozen's own __init__ sets each
        # field through object.__setattr__, and one is made for every growth claim.
        fields = self.__dict__
        fields["claim"], fields["start"], fields["end"], fields["years"] = (
            claim, start, end, years)

    @property
    def cagr(self) -> bool:
        assert self.claim.growth is not None
        return self.claim.growth.kind == "cagr"

    @property
    def exact(self) -> bool:
        """Whether factor() is exact: a whole number of years, or a `total` rate."""
        # type() rather than isinstance(): Fraction is an ABC (numbers.Rational), and an int
        # tested against it goes through ABCMeta's __instancecheck__ in Python
        return not self.cagr or type(self.years) is not Fraction

    def factor(self, rate: Fraction) -> Fraction:
        """1 + rate, compounded over `years` for a CAGR (exactly for whole years)."""
        if not self.cagr:
            return 1 + rate
        years = self.years
        if type(years) is Fraction:  # as in exact
            return _power(1 + rate, years)
        return (1 + rate) ** cast(int, years or 0)  # whole years: an int, or None

    def factors(self, lowest: Fraction, highest: Fraction | None) -> Interval:
        """The factors of the rates from lowest to highest (None: unbounded), widened by
        SLACK where factor() is inexact."""
        low, high = self.factor(lowest), None if highest is None else self.factor(highest)
        if self.exact:
            return Interval(low, high)
        return Interval(low * (1 - SLACK), None if high is None else high * (1 + SLACK))


def _power(base: Fraction, exponent: Fraction) -> Fraction:
    """base ** exponent to 40 significant digits; 0 for a base below 0 (a fall of more than
    all of it, which only a message's projection can ask for)."""
    if base <= 0:
        return Fraction(0)
    to_decimal = [_POWERS.divide(Decimal(x.numerator), Decimal(x.denominator))
                  for x in (base, exponent)]
    return Fraction(_POWERS.power(*to_decimal))


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


def figures(context: Context, claim: Claim, finder: SpanFinder) -> Growth | None:
    """The start and end figures, or None after saying why they cannot be found."""
    growth = claim.growth
    assert growth is not None
    # resolve() inlined: two calls a growth claim
    by_id = context.claimset.by_id
    start = None if growth.start is None else by_id.get(growth.start)
    end = None if growth.end is None else by_id.get(growth.end)
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
    start_unit, end_unit = start.value.unit, end.value.unit
    # bushels and the mass they weigh are two dimensions: figures in one need no look
    if start_unit.dimension != end_unit.dimension and bushels_and_mass(start_unit, end_unit):
        context.cannot_check(claim, f"its start and end figures are in "
                             f"{start.value.unit.label()} and {end.value.unit.label()}; "
                             f"{BUSHEL_WEIGHT}")
        return None
    if start_unit.dimension != end_unit.dimension:  # dimension() of each
        context.cannot_check(claim, f"start and end figures are in different units "
                             f"({start.value.unit.label()} and {end.value.unit.label()})")
        return None
    years = None
    if start.date is not None and end.date is not None:
        years = growth_years(claim, start.date, end.date)
    assert claim.growth is not None
    if years is None and claim.growth.kind == "cagr":
        undated = start if start.date is None else end
        context.cannot_check(claim, f"figure {undated.id!r} has no date to count years from")
        return None
    return Growth(claim, start, end, years)


def growth_years(claim: Claim, since: PartialDate, until: PartialDate) -> int | Fraction:
    """The years a growth compounds over, between two dates: years_between (from end to end,
    calendar years where either is one) where the growth's `from` and `to` are single dates;
    from start to start where either is a span, so a fiscal year to the next is one year
    whatever the lengths of the two, and a fiscal year from April 2015 to the calendar year
    2018 is 2.75 years."""
    growth = claim.growth
    assert growth is not None
    if not (isinstance(growth.start_date, DateSpan) or isinstance(growth.end_date, DateSpan)):
        return years_between(since, until)
    years = (_months_before(until.start) - _months_before(since.start)) / 12
    return years.numerator if years.denominator == 1 else years


def _months_before(day: dt.date) -> Fraction:
    """Months from the start of year 0 to the start of `day`."""
    days_in_month = calendar.monthrange(day.year, day.month)[1]
    return 12 * day.year + day.month - 1 + Fraction(day.day - 1, days_in_month)


def admitted_rates(context: Context, claim: Claim, closed: bool = False) -> Interval:
    """The rates a growth claim admits, its qualifier applied (`closed`: a bound's rounding)."""
    assert claim.growth is not None
    if (closed and claim.qualifier.bound) or claim.qualifier is EXACT:
        return claim.growth.rate.rounding  # what widen() gives an exact figure, whatever its sign
    admitted = context.derived(_admitted).get(claim.id)
    if admitted is None:  # asked for two to five times a growth: widened once
        admitted = widen(claim.growth.rate.rounding, claim.qualifier, context.widths)
        context.derived(_admitted)[claim.id] = admitted
    return admitted


def _admitted(context: Context) -> dict[str, Interval]:
    """Claim id -> admitted_rates(), for the growth claims asked about so far."""
    return {}


def _interval(context: Context, claim: Claim) -> Interval:
    return context.interval(claim)


def closed_interval(context: Context, claim: Claim) -> Interval:
    """The figure's interval, a bound's as the rounding of its stated figure."""
    assert claim.value is not None
    return claim.value.rounding if claim.qualifier.bound else context.interval(claim)


def holds(context: Context, growth: Growth, end: Interval | None = None,
           rate: Interval | None = None, closed: bool = False) -> bool:
    """Whether some rate, start and end (or the `end` or `rate` given) inside their intervals
    square; `closed`: a bound (`over 5,700`) taken as its stated figure, for the hints, which
    an open side would satisfy whatever the slip."""
    rate = admitted_rates(context, growth.claim, closed) if rate is None else rate
    # No figure shrinks by more than all of it: rates below -100% are not values to try.
    lowest = rate.lo
    if lowest is None or lowest.numerator < -lowest.denominator:  # below -1, in ints
        lowest = MINUS_ONE
    settled = _holds_in_floats(context, growth, lowest, rate.hi, end, closed)
    if settled is not None:
        return settled
    interval = closed_interval if closed else _interval
    start = interval(context, growth.start)
    end = interval(context, growth.end) if end is None else end
    factors = growth.factors(lowest, rate.hi)
    return product(start, factors).overlaps(end)


def _floats(context: Context, claim: Claim, closed: bool) -> tuple[float, float]:
    """The ends of closed_interval() (closed) or of the claim's interval, as in_floats()
    gives them; an exact figure's without its Fractions (Context.floats)."""
    if closed and claim.qualifier.bound:
        assert claim.value is not None
        return in_floats(claim.value.rounding)
    return context.floats(claim)


# The float -0.9 as a Fraction, made once: a Fraction compared with a float makes one of it
# each time (its exact value, so the comparison is the same).
NINE_TENTHS_DOWN = Fraction(-0.9)
MOST_YEARS = 10_000  # compounded in floats, each year's rounding error stays far below HAIR


def _holds_in_floats(context: Context, growth: Growth, lowest: Fraction,
                     highest: Fraction | None, end: Interval | None,
                     closed: bool) -> bool | None:
    """holds in floats, for the usual growth (a bounded base of 0 or more, a rate above
    -90% or down to all of it, up to MOST_YEARS years), where the ends are not within
    a hair of touching: exact powers of Fractions are most of this rule's cost. None: let
    the exact maths say.

    Every float here is within ~1e-12 of its exact counterpart (factors() itself is that
    close to the true power for fractional years), far inside HAIR of the largest end.
    """
    assert growth.claim.growth is not None
    years = growth.years if growth.claim.growth.kind == "cagr" else 1
    if years is None or not 0 <= years <= MOST_YEARS:
        return None
    # to_float() inlined (numerator / denominator, of an int too): a call each costs more
    # than the division; Context.floats called straight where not closed (most calls)
    try:
        start_lo, start_hi = (_floats(context, growth.start, closed) if closed
                              else context.floats(growth.start))
        # an open side is an infinite float; a float is 0 only where its end is
        if start_lo < 0 or start_hi == INF:
            return None
        if end is not None:
            end_lo, end_hi = in_floats(end)
        else:
            end_lo, end_hi = (_floats(context, growth.end, closed) if closed
                              else context.floats(growth.end))
        lowest_rate = lowest.numerator / lowest.denominator
        # below -0.9 in floats is below it exactly; at -0.9 the Fraction says
        if lowest_rate <= -0.9 and lowest < NINE_TENTHS_DOWN and lowest != MINUS_ONE:
            return None
        exponent = years.numerator / years.denominator
        # A fall of all of it is a factor of exactly 0 (0.0 in floats too).
        low = start_lo * (1.0 + lowest_rate) ** exponent
        if highest is None:  # no highest rate: no highest end but for a base of 0
            high = INF if start_hi > 0 else 0.0
        else:
            high = start_hi * (1.0 + highest.numerator / highest.denominator) ** exponent
    except OverflowError:
        return None
    # not finite: not below inf (a NaN is below nothing); compared, not math.isfinite()d
    if not abs(low) < INF or (highest is not None and not abs(high) < INF):
        return None  # a product beyond floats
    size = max(abs(low), abs(high), abs(end_lo), abs(end_hi))
    if size == INF:  # an open end: the largest finite end's size
        size = max([abs(x) for x in (low, high, end_lo, end_hi) if abs(x) < INF],
                   default=0.0)
    return overlap_in_floats(low, high, end_lo, end_hi, size)
