"""What a growth-arithmetic finding says: its message with the hints that follow it (percentage
points, a slipped sign or scale word, `kind: total`, one year too many, a figure found in another
source), and its details.
"""
from __future__ import annotations

import math
from fractions import Fraction
from typing import Any

from claimcheck.interval import Interval, format_number, to_float
from claimcheck.model import Claim
from claimcheck.qualifiers import EXACT, Qualifier
from claimcheck.quantity import StatedValue
from claimcheck.rules.base import Context
from claimcheck.rules.figures import (
    bound_word,
    like,
    power_apart,
    qualified,
    rounded,
    shown,
    slipped,
    truncated,
    two_digits_more,
    written,
)
from claimcheck.rules.grouping import date_label
from claimcheck.rules.growth_figures import (
    MINUS_ONE,
    Growth,
    admitted_rates,
    closed_interval,
    holds,
)


def degenerate(growth: Growth, admitted: Interval) -> str | None:
    """Growth that no rate can describe: a zero base, no years, a fall beyond -100%."""
    claim, start, end = growth.claim, growth.start, growth.end
    assert claim.growth is not None and start.value is not None
    # the rate as written only for a message: most growths are not degenerate
    if admitted.hi is not None and admitted.hi.numerator < -admitted.hi.denominator:  # < -1
        return (f"a growth rate of {written(claim.growth.rate)} is impossible: nothing falls "
                "by more than all of it (-100%)")
    if start.value.figure == 0:  # the magnitude, an int where whole: no Fraction built
        return (f"the base figure is zero ({shown(start)}): no growth rate takes it to "
                f"{shown(end)}")
    if growth.years is not None and growth.years < 0:
        return (f"the end figure {end.id!r} ({end.date}) is dated before the start figure "
                f"{start.id!r} ({start.date})")
    if growth.cagr and growth.years == 0:
        return (f"the start and end figures {start.id!r} ({start.date}) and {end.id!r} "
                f"({end.date}) fall in one calendar year: there are no years to compound "
                f"{written(claim.growth.rate)} a year over")
    return None


def mismatch(context: Context, growth: Growth) -> tuple[str, dict[str, Any], int]:
    """The message and details of a growth whose figures do not square (the rule names it),
    and the steps to demote it: two (to info) for a rate cut, not rounded."""
    claim, start, end = growth.claim, growth.start, growth.end
    assert claim.growth is not None and start.value is not None and end.value is not None
    rate = claim.growth.rate.magnitude
    factor = growth.factor(rate)
    ratio = end.value.magnitude / start.value.magnitude
    implied = implied_rate(ratio, growth.years if growth.cagr else 1)
    projected = start.value.magnitude * factor
    implied_base = end.value.magnitude / factor if factor else None
    per_year = f" a year for {years_text(growth.years)}" if growth.cagr else ""
    since = f" ({date_label(start)})" if start.date else ""
    by = f" by {date_label(end)}" if end.date else ""
    # A bound rate bounds what it projects: `falling by at most 70%` gives at least 30%.
    rate_side = _rate_side(claim)
    beside = _rounding_zeros(end.value)  # the figure computed ones are shown like
    message = (f"{shown(start)}{since} {_moving(claim)}{per_year} gives "
               f"{_bound(_side(start), rate_side)}{like(projected, beside)}{by}, but the "
               f"end figure is {shown(end)}: the figures imply "
               f"{_implied_change(implied, claim.growth.rate, end, start)}"
               f"{' a year' if growth.cagr else ''}")
    base = None if implied_base is None else like(implied_base, beside)
    # A base that reads as the stated one (59 murders for 59.003) is no alternative.
    if base is not None and base != like(start.value.magnitude, beside):
        message += f", or a base of {_bound(_side(end), -rate_side)}{base}"
    slip = _slip(context, growth, projected)
    message += (f"; {slipped(slip)}" if slip else "") + _points_note(context, growth)
    message += _sign_note(context, growth)
    cut = truncated_note(growth, ratio, implied)
    message += (_total_note(context, growth) + _one_more_year_note(context, growth)
                + _found_note(growth) + cut)
    return message, dict(rate=rounded(rate),
                         implied_rate=rounded(implied), projected_end=rounded(projected),
                         implied_base=None if implied_base is None else rounded(implied_base),
                         **ids(growth), **({"factor": slip} if slip else {})), 2 if cut else 0


def _moving(claim: Claim) -> str:
    """`growing over 5%`; a negative rate as the fall it is: `falling 14.2%`, `falling by at
    most 70%` ("up to -70%": a qualifier speaks of the fall's size)."""
    assert claim.growth is not None
    rate, qualifier = claim.growth.rate, claim.qualifier
    if rate.magnitude >= 0:
        return f"growing {qualified(written(rate), qualifier)}"
    if qualifier is EXACT:
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
    text = implied_text(implied, stated)
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
    qualifier = claim.qualifier
    return 1 if qualifier.from_below else -1 if qualifier.from_above else 0


def _bound(*sides: int) -> str:
    """`at least ` where the sides bound a product from below, `at most ` from above, nothing
    where none does (or they pull both ways)."""
    bounded = {side for side in sides if side}
    return "at least " if bounded == {1} else "at most " if bounded == {-1} else ""


def _rounding_zeros(stated: StatedValue) -> StatedValue:
    """The figure for like() to show computed ones beside, a whole number's trailing zeros
    read as rounding, not digits: 1.116 million beside 1,127,000, not 1.116162 (1,127,000 is
    written to the thousand). Made once a message: its exact values are cached."""
    number = stated.number
    if number == number.to_integral_value() and number != 0:
        return StatedValue(stated.text, number.normalize(), stated.scale, stated.unit)
    return stated


def implied_text(implied: float, stated: StatedValue) -> str:
    """The implied rate in percent, with the digits it takes to differ from the stated one
    (182.97% against 183.00%)."""
    if not math.isfinite(implied):
        return f"{format_number(implied * 100)}%"
    return like(Fraction(implied), stated)


def _slip(context: Context, growth: Growth, projected: Fraction) -> int:
    """10^k where the end figure, so scaled, squares with the rate: a slipped scale word in
    the start or the end figure (17.2 billion written for 17.2 trillion); else 0. Bounds are
    taken as their stated figures: `at least 55%` fits any end scaled up by ten."""
    assert growth.end.value is not None
    try:
        # to_float(): float() of a Fraction takes the slow generic path, to the same float
        power = power_apart(abs(to_float(growth.end.value.magnitude)), abs(to_float(projected)))
    except OverflowError:
        return 0
    if not power:
        return 0
    scaled = closed_interval(context, growth.end).scale(Fraction(10) ** -power)
    return 10 ** abs(power) if holds(context, growth, scaled, closed=True) else 0


def years_text(years: int | Fraction | None) -> str:
    """`10 years`, `1 year`; a fraction to at least two decimals (10.58, 8000.5, 0.08333)."""
    if isinstance(years, Fraction):
        whole_digits = len(str(abs(math.trunc(years))))
        return f"{format_number(years, max(4, whole_digits + 2))} years"
    return f"{years} year{'' if years == 1 else 's'}"


def implied_rate(ratio: Fraction, years: int | Fraction | None) -> float:
    """(end / start)^(1/years) - 1, through logarithms so huge ratios cannot overflow."""
    if ratio == 0:
        return -1.0
    log = math.log(ratio.numerator) - math.log(ratio.denominator)
    try:
        return math.exp(log / (years or 1)) - 1
    except OverflowError:
        return math.inf


def truncated_note(growth: Growth, ratio: Fraction, implied: float) -> str:
    """A rate of exact figures that is the implied one cut, not rounded, to its last digit
    (59 to 71 murders is up 20.339%, printed as 20.33%), tested exactly on the factors of
    the cut's ends, as conflicting-values says of two figures."""
    claim = growth.claim
    assert claim.growth is not None
    rate = claim.growth.rate
    if rate.magnitude == 0 or len(rate.number.as_tuple().digits) < 2 or any(
            c.qualifier is not EXACT for c in (claim, growth.start, growth.end)):
        return ""  # a one-digit rate (1% for 1.9%) cut so far is an error, as cut_to says
    step = 2 * rate.half_unit
    # The rates that cut to the stated one: [20.33%, 20.34%), or (-20.34%, -20.33%].
    low, high = (rate.magnitude, rate.magnitude + step) if rate.magnitude > 0 else (
        rate.magnitude - step, rate.magnitude)
    if low <= MINUS_ONE or not math.isfinite(implied) or outside_in_floats(implied, low, high):
        return ""
    factor_low, factor_high = growth.factor(low), growth.factor(high)
    inside = (factor_low <= ratio < factor_high if rate.magnitude > 0
              else factor_low < ratio <= factor_high)
    if not inside:
        return ""
    return f"; {truncated(two_digits_more(Fraction(implied), rate), written(rate))}"


SURELY_APART = 1e-9  # a share of a factor: far more than implied_rate's rounding error


def outside_in_floats(implied: float, low: Fraction, high: Fraction) -> bool:
    """Whether the implied rate (a float) surely lies outside [low, high] (rates above -1):
    its factor, 1 + implied, beyond those of the ends by more than SURELY_APART of them,
    so truncated_note need not raise the ends to the years exactly (most rates fail by far).
    1 + implied_rate() is within ~1e-12 of the exact factor's size (a logarithm and an
    exponential of floats), and (1 + rate)^years grows with the rate."""
    lowest = 1.0 + low.numerator / low.denominator
    if lowest < 1e-3:  # near a fall of all of it, 1 + implied keeps too few of its digits
        return False
    factor = 1.0 + implied
    return (factor < lowest * (1 - SURELY_APART)
            or factor > (1.0 + high.numerator / high.denominator) * (1 + SURELY_APART))


def _points_note(context: Context, growth: Growth) -> str:
    """A `total` rate that equals end − start between percentages: points, not percent."""
    claim, start, end = growth.claim, growth.start, growth.end
    assert claim.growth is not None and start.value is not None and end.value is not None
    if growth.cagr or start.value.unit.kind != "percent" or end.value.unit.kind != "percent":
        return ""
    rate = admitted_rates(context, claim)
    difference = context.interval(end) + context.interval(start).scale(MINUS_ONE)
    if not rate.overlaps(difference):
        return ""
    points = format_number((end.value.magnitude - start.value.magnitude) * 100)
    return (f"; {written(start.value)} to {written(end.value)} is a change of {points} "
            f"percentage points, not {written(claim.growth.rate)}")


def _sign_note(context: Context, growth: Growth) -> str:
    """A rate that holds with its sign turned: "4.5 percent below" typed as 4.5%, "cut by at
    least 55%" as `at least 55%` (a fall of at least 55%)."""
    claim = growth.claim
    assert claim.growth is not None
    rate = claim.growth.rate
    if rate.magnitude == 0:
        return ""
    admitted = admitted_rates(context, claim)
    # admitted.scale(-1), each end negated rather than multiplied (a gcd fewer each)
    turned = Interval(None if admitted.hi is None else -admitted.hi,
                      None if admitted.lo is None else -admitted.lo)
    # Only the other side's rates: `up to 55%` admits any fall, so turned round it is a fall
    # of at most 55%, not a rise of any size.
    zero = Fraction(0)
    if rate.magnitude > 0:
        turned = Interval(turned.lo, zero if turned.hi is None else min(turned.hi, zero))
    else:
        turned = Interval(zero if turned.lo is None else max(turned.lo, zero), turned.hi)
    if not holds(context, growth, rate=turned, closed=True):
        return ""
    qualifier = claim.qualifier
    words = f"{_FALL_WORDS.get(qualifier, qualifier.phrase)} " if qualifier.bound else ""
    turned_text = f"a {'rise' if rate.magnitude < 0 else 'fall'} of {words}{_size(rate)}"
    return f"; as {turned_text} it holds: a slipped sign?"


def _one_more_year_note(context: Context, growth: Growth) -> str:
    """Market reports often count both end years: 2025 to 2034 as ten years of growth."""
    if not growth.cagr or not isinstance(growth.years, int) or growth.years < 1:
        return ""
    if not holds(context, _over(growth, growth.years + 1), closed=True):
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
    if not holds(context, _over(growth, 1), closed=True):
        return ""
    rise = "fall" if claim.growth.rate.magnitude < 0 else "rise"
    return (f"; as one {rise} of {_size(claim.growth.rate)} over the whole span it holds: "
            "if that is what the text says, give the growth `kind: total`")


def ids(growth: Growth) -> dict[str, Any]:
    assert growth.claim.growth is not None
    years = rounded(growth.years) if isinstance(growth.years, Fraction) else growth.years
    return {"years": years, "start_claim": growth.start.id, "end_claim": growth.end.id,
            "kind": growth.claim.growth.kind}


def _over(growth: Growth, years: int) -> Growth:
    """The growth compounded over other years (dataclasses.replace, without its look-up of
    the fields)."""
    return Growth(growth.claim, growth.start, growth.end, years)
