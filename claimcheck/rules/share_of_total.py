"""A share that does not match its part divided by its whole.

A claim with `share: {part, whole}` states a percentage; it holds when some values inside the
three claims' intervals (rounding, widened by qualifiers) give share = part / whole; a count of
things written to the unit is a whole number (9 of `10 cases` is 90%, never a stated 95%, as 9
of 9.5 would be). Part and whole must be in one unit (in two currencies the share is listed
unchecked: it needs a rate; so is one of bushels and tonnes, which needs the crop's bushel
weight); a share of a claim by itself is a reference cycle. A part or whole given as a bound
(`more than 1.3 billion`) makes the computed share a bound, said `at most` or `at least`. A
share that fits once scaled by a power of ten is named a slipped scale word (detail `factor`); a
bare number over one (`15`) is named as the fraction it reads as (1500%). A part and whole both
negative (a fall of $1.56 trillion in Treasuries, two-thirds of a $2.33 trillion fall in total
assets) are checked as the positive share part / whole (a negative part of a positive whole is a
negative share); a share is listed unchecked where the whole is zero, or negative with a
positive part. A percentage of exact figures that is part / whole cut, not rounded (151% for
48,653 / 32,075 = 151.68%), is an info, named as truncated.

Failing example::

    - id: cloud-revenue
      metric: acme.revenue.cloud
      value: 210.7 billion CNY
    - id: total-revenue
      metric: acme.revenue
      value: 1362 billion CNY
    - id: cloud-share                 # 210.7 / 1362 is 15.47%
      metric: acme.revenue.cloud_share
      value: 12%
      share: {part: cloud-revenue, whole: total-revenue}

Passing example: the same claims with `value: 15.5%`.
"""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction
from typing import Any

from claimcheck.findings import Finding, Severity
from claimcheck.interval import format_number, to_float
from claimcheck.model import Claim
from claimcheck.qualifiers import EXACT, Qualifier
from claimcheck.ratehints import per_time_hint
from claimcheck.rules.base import Context, RuleOptions, finding
from claimcheck.rules.figures import (
    BUSHEL_WEIGHT,
    INF,
    bound_word,
    bushels_and_mass,
    cut_to,
    like,
    overlap_in_floats,
    power_apart,
    product,
    rounded,
    shown,
    slipped,
    truncated,
    two_digits_more,
    written,
)
from claimcheck.units import Unit

NAME = "share-of-total"
SEVERITY = Severity.ERROR


class Options(RuleOptions):
    pass


def check(context: Context, options: Options) -> Iterator[Finding]:
    for claim in context.claimset.linked.shares:
        assert claim.share is not None
        if claim.id in (claim.share.part, claim.share.whole):
            yield finding(NAME, f"share {claim.id!r} is a share of itself: its part or whole "
                          "must be another claim", [claim], cycle=[claim.id])
            continue
        figures = _figures(context, claim)
        if figures is not None:
            yield from _check_share(context, claim, *figures)


def _figures(context: Context, claim: Claim) -> tuple[Claim, Claim] | None:
    """Part and whole, or None after saying why the share cannot be checked."""
    assert claim.share is not None
    by_id = context.claimset.by_id  # resolve() inlined: two calls a share (ids, never None)
    part, whole = by_id.get(claim.share.part), by_id.get(claim.share.whole)
    if part is None or whole is None:
        # unknown-reference reports the dangling id; here it only leaves the claim unchecked.
        context.cannot_check(claim, "its part or whole refers to a claim that is missing or "
                             "invalid")
        return None
    if claim.value is None or not _is_fraction(claim):
        context.cannot_check(claim, "a share needs a percentage value, like 12%")
        return None
    if part.value is None or whole.value is None:
        bare = part if part.value is None else whole
        context.cannot_check(claim, f"figure {bare.id!r} states no value")
        return None
    problem = _signs(part, whole)
    if problem is not None:
        context.cannot_check(claim, problem)
        return None
    return part, whole


def _signs(part: Claim, whole: Claim) -> str | None:
    """Why part / whole is no share, or None. A negative part of a positive whole is a
    negative share; a share of a fall is one fall over another, both negative."""
    assert part.value is not None and whole.value is not None
    # figure is the magnitude, an int where whole: no Fraction built for it
    whole_figure = whole.value.figure
    if whole_figure == 0:
        return f"the whole {whole.id!r} is zero"
    if whole_figure < 0 and part.value.figure > 0:
        return (f"the whole {whole.id!r} is negative and the part {part.id!r} positive: a "
                "share of a fall is of a part that falls too")
    return None


def _is_fraction(claim: Claim) -> bool:
    """A percentage, or a bare number (0.12) read as the fraction itself."""
    assert claim.value is not None
    unit = claim.value.unit
    return unit.kind == "percent" or (unit.kind == "count" and not unit.code)


def _check_share(context: Context, claim: Claim, part: Claim, whole: Claim) -> Iterator[Finding]:
    assert claim.value is not None and part.value is not None and whole.value is not None
    part_unit, whole_unit = part.value.unit, whole.value.unit
    if (part_unit.kind == "currency" and whole_unit.kind == "currency"  # is_currency
            and part_unit.code != whole_unit.code):
        # China's yuan figure as a share of a world total in dollars: a rate the figures do
        # not give would be needed, as for a sum across currencies.
        context.cannot_check(claim, f"its part and whole are in two currencies "
                             f"({part_unit.code}, {whole_unit.code}): a share across "
                             "currencies needs a rate")
        return
    # bushels and the mass they weigh are two dimensions: figures in one need no look
    differ = part_unit.dimension != whole_unit.dimension  # dimension() of each
    if differ and bushels_and_mass(part_unit, whole_unit):
        context.cannot_check(claim, f"its part and whole are in {part_unit.code} and "
                             f"{whole_unit.code}; {BUSHEL_WEIGHT}")
        return
    context.mark_checked(claim, part, whole)
    if differ:
        yield finding(NAME, f"share {claim.id!r}: the units differ, {shown(part)} against "
                      f"{shown(whole)}; a share needs part and whole in one unit"
                      + per_time_hint(*_units(part, whole)),
                      [claim, part, whole], part_claim=part.id, whole_claim=whole.id)
        return
    # part = share × whole, in the intervals: the same test as share ∈ part / whole for a
    # whole of either sign, without dividing by an interval that may reach zero.
    meets = _meets_in_floats(context, claim, part, whole)
    if meets is None:
        meets = product(context.interval(claim), context.interval(whole)).overlaps(
            context.interval(part))
    if meets:
        return
    ids = {"part_claim": part.id, "whole_claim": whole.id}
    implied = part.value.magnitude / whole.value.magnitude
    note, more = _note(context, claim, part, whole, implied)
    cut = "" if note else _truncated(claim, part, whole, implied)
    bound = bound_word(part.qualifier, _whole_side(whole, part))
    yield finding(
        NAME,
        f"{part.id!r} is {bound}{_percent(implied, claim)} of {whole.id!r} by the figures "
        f"({shown(part)} / {shown(whole)}), stated {shown(claim)}{note}"
        + (f"; {cut}" if cut else ""),
        [claim, part, whole], demote=2 if cut else 0,
        share=rounded(claim.value.magnitude), implied_share=rounded(implied),
        part=rounded(part.value.magnitude), whole=rounded(whole.value.magnitude), **ids, **more,
    )


def _meets_in_floats(context: Context, claim: Claim, part: Claim, whole: Claim) -> bool | None:
    """product(share, whole).overlaps(part) of the claims' intervals, in floats, for the usual
    share (bounded, of a whole of 0 or more), where the ends are not within a hair of
    touching: the exact products are most of this check. None: let the Fractions say. Each
    float is within a few units in the last place of its exact end, far inside HAIR of the
    largest end."""
    try:
        share_lo, share_hi = context.floats(claim)
        whole_lo, whole_hi = context.floats(whole)
        lo, hi = context.floats(part)
    except OverflowError:
        return None
    # An open end is an infinite float; no float end is 0 but an exact 0, so a float's sign
    # is its end's.
    if (share_lo < 0 or whole_lo < 0 or share_hi == INF or whole_hi == INF
            or hi == INF or lo == -INF):
        return None
    low, high = share_lo * whole_lo, share_hi * whole_hi
    return overlap_in_floats(low, high, lo, hi, max(abs(low), abs(high), abs(lo), abs(hi)))


def _note(context: Context, claim: Claim, part: Claim, whole: Claim,
          implied: Fraction) -> tuple[str, dict[str, Any]]:
    """Why the share may be off: a percentage missing its `%`, or a slipped scale word."""
    assert claim.value is not None
    if claim.value.unit.kind == "count" and claim.value.magnitude > 1:
        return (f"; a bare number is the fraction itself ({claim.value.text} is "
                f"{format_number(claim.value.magnitude * 100)}%): write {claim.value.text}%", {})
    factor = _slip(context, claim, part, whole, implied)
    return (f"; {slipped(factor)}", {"factor": factor}) if factor else ("", {})


def _truncated(claim: Claim, part: Claim, whole: Claim, implied: Fraction) -> str:
    """A percentage that is part / whole cut, not rounded, to its last digit (48,653 of
    32,075 is 151.68%, printed as 151%), of exact figures: as conflicting-values says."""
    assert claim.value is not None
    if claim.value.unit.kind != "percent" or any(
            c.qualifier is not EXACT for c in (claim, part, whole)):
        return ""
    if not cut_to(claim.value, implied):
        return ""
    return truncated(two_digits_more(implied, claim.value), written(claim.value))


def _slip(context: Context, claim: Claim, part: Claim, whole: Claim, implied: Fraction) -> int:
    """10^k by which the stated share, so scaled, fits part / whole; else 0."""
    assert claim.value is not None
    # to_float(): float() of a Fraction takes the slow generic path, to the same float
    power = power_apart(to_float(claim.value.magnitude), to_float(implied))
    if not power:
        return 0
    scaled = context.interval(claim).scale(Fraction(10) ** -power)
    fits = product(scaled, context.interval(whole)).overlaps(context.interval(part))
    return 10 ** abs(power) if fits else 0


def _whole_side(whole: Claim, part: Claim) -> Qualifier:
    """The whole's qualifier as it bounds the share: the other way round for a negative part
    of a positive whole (-272 million of over 1.3 billion is over -20.92%); qualifiers speak
    of size, so a fall's share of a larger fall bounds as two positive figures do."""
    assert part.value is not None and whole.value is not None
    if (part.value.magnitude >= 0) == (whole.value.magnitude >= 0):
        return whole.qualifier
    return _MIRRORED.get(whole.qualifier, whole.qualifier)


_MIRRORED = {Qualifier.OVER: Qualifier.UNDER, Qualifier.UNDER: Qualifier.OVER,
             Qualifier.AT_LEAST: Qualifier.AT_MOST, Qualifier.AT_MOST: Qualifier.AT_LEAST}


def _percent(implied: Fraction, claim: Claim) -> str:
    """The implied share in percent, with the digits it takes to differ from a stated
    percentage (37.87% against 37.90%)."""
    assert claim.value is not None
    if claim.value.unit.kind == "percent":
        return like(implied, claim.value)
    return f"{format_number(implied * 100)}%"


def _units(*claims: Claim) -> list[Unit]:
    return [claim.value.unit for claim in claims if claim.value is not None]
