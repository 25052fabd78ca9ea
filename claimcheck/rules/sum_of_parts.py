"""A total that does not match the sum of its parts.

A claim with `total: {parts: [...]}` holds when some values inside the parts' intervals
(rounding, widened by qualifiers) add up to a value inside the total's own interval, so a poll
of 33% + 33% + 33% rounds to 100% but 50% + 40% + 20% does not; a count of things written to
the unit (`9 cases`, `21,729 participants`) is a whole number, so 9 + 2 cases is 11, never a
stated 10 (a bare `9` or `9K` keeps half a unit either side). Parts and total must be in one
unit, but for changes in percentage points added to a percentage (a rate of 5.4% raised by 50
bps is 5.9%); parts in several currencies (a domestic gross in yuan, an overseas one in dollars)
leave the total unchecked, as adding them needs rates the figures do not give; totals that list
themselves among their parts, directly or through other totals, are reported as a reference
cycle. A part that is a bound (`over 1,000 species`) makes the sum one (`more than 45,016`).
Of exact figures, a round total that is the sum rounded at its last nonzero digit (`159,000
km` for 155,000 + 3,637 = 158,637, where it keeps two significant digits) is an info asking
for `qualifier: about`, and so is one that is the sum cut, not rounded (`80.9 million ha` for
80.956 million), as conflicting-values says of two figures.

Failing example::

    - {id: agree, metric: poll.agree, value: 52%}
    - {id: disagree, metric: poll.disagree, value: 47%}
    - {id: unsure, metric: poll.unsure, value: 6%}
    - id: everyone                   # 52% + 47% + 6% = 105%
      metric: poll.everyone
      value: 100%
      total: {parts: [agree, disagree, unsure]}

Passing example: `agree` at 48%: 48% + 47% + 6% = 101% is 100% within rounding.
"""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction

from claimcheck.findings import Finding, Severity
from claimcheck.interval import Interval
from claimcheck.model import Claim
from claimcheck.qualifiers import EXACT, Qualifier
from claimcheck.ratehints import per_time_hint
from claimcheck.rules.base import Context, RuleOptions, finding
from claimcheck.rules.figures import (
    INF,
    cut_to,
    dimension,
    gap_of,
    like,
    overlap_in_floats,
    points,
    qualified,
    rounded,
    rounded_from,
    shown,
    truncated,
    two_digits_more,
)
from claimcheck.units import Unit

NAME = "sum-of-parts"
SEVERITY = Severity.ERROR
SHOWN_PARTS = 8  # beyond this, the message names the first few and the count


class Options(RuleOptions):
    pass


def check(context: Context, options: Options) -> Iterator[Finding]:
    totals = {claim.id: claim for claim in context.claimset.linked.totals}
    cycles = _cycles(totals)
    in_cycle = {claim_id for cycle in cycles for claim_id in cycle}
    for cycle in cycles:
        yield _cycle_finding([totals[claim_id] for claim_id in cycle])
    for claim in totals.values():
        if claim.id in in_cycle:
            continue
        parts = _parts(context, claim)
        if parts is not None:
            yield from _check_total(context, claim, parts)


def _cycles(totals: dict[str, Claim]) -> list[list[str]]:
    """Each cycle of totals reaching themselves through their parts, once, by depth-first
    search without recursion (a deep chain of totals must not hit Python's stack limit)."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    cycles: list[list[str]] = []
    for root, claim in totals.items():
        if root in state:
            continue
        path: list[str] = [root]
        stack = [iter(_total_parts(claim, totals))]
        state[root] = 1
        while stack:
            nxt = next(stack[-1], None)
            if nxt is None:
                state[path.pop()] = 2
                stack.pop()
            elif state.get(nxt) == 1:
                cycles.append(path[path.index(nxt):])
            elif nxt not in state:
                state[nxt] = 1
                path.append(nxt)
                stack.append(iter(_total_parts(totals[nxt], totals)))
    return cycles


def _total_parts(claim: Claim, totals: dict[str, Claim]) -> list[str]:
    assert claim.total is not None
    return list(dict.fromkeys(part for part in claim.total.parts if part in totals))


def _cycle_finding(cycle: list[Claim]) -> Finding:
    if len(cycle) == 1:
        message = f"total {cycle[0].id!r} lists itself among its own parts"
    else:
        chain = " → ".join(repr(claim.id) for claim in [*cycle, cycle[0]])
        message = f"totals are parts of each other in a cycle: {chain}"
    return finding(NAME, message, cycle, cycle=[claim.id for claim in cycle])


def _parts(context: Context, claim: Claim) -> list[Claim] | None:
    """The parts, or None after saying why the total cannot be checked."""
    assert claim.total is not None
    by_id = context.claimset.by_id
    parts: list[Claim] = []
    bare = claim if claim.value is None else None  # the first figure stating no value
    for ref in claim.total.parts:  # one pass, no lists of look-ups to filter
        part = by_id.get(ref)
        if part is None:
            # unknown-reference reports the dangling id; here it only leaves the claim
            # unchecked.
            context.cannot_check(claim, "a part refers to a claim that is missing or invalid")
            return None
        if bare is None and part.value is None:
            bare = part
        parts.append(part)
    if bare is not None:
        context.cannot_check(claim, f"figure {bare.id!r} states no value")
        return None
    return parts


def _check_total(context: Context, claim: Claim, parts: list[Claim]) -> Iterator[Finding]:
    assert claim.value is not None
    unit = claim.value.unit
    # Most totals have one unit (one object, read once): then no two currencies, nor parts
    # in another unit, and only the parts in another unit object are looked at below.
    other_units = [part for part in parts if part.value is None or part.value.unit is not unit]
    currencies = _currencies([claim, *parts]) if other_units else []
    if len(currencies) > 1 and all(c.value and c.value.unit.is_currency for c in parts):
        # A box office's domestic gross in yuan plus its overseas gross in dollars: adding
        # them needs the day's rates, which the figures do not say.
        context.cannot_check(claim, f"its figures are in {len(currencies)} currencies "
                             f"({', '.join(currencies)}): a sum across currencies needs a rate")
        return
    context.mark_checked(claim, *parts)
    odd = [part for part in other_units if not _adds_to(part, claim)] if other_units else []
    if odd:
        ids = [part.id for part in parts]
        yield finding(NAME, f"total {claim.id!r}: the units differ, {shown(claim)} against "
                      f"{shown(odd[0])} ({odd[0].id!r}); a sum needs one unit"
                      + per_time_hint(*(c.value.unit for c in (claim, odd[0]) if c.value)),
                      [claim, *parts], parts=ids)
        return
    if _sum_meets_in_floats(context, claim, parts):
        return
    intervals = [context.interval(part) for part in parts]
    stated = context.interval(claim)
    admitted = Interval.point(Fraction(0))  # the sums the parts' intervals admit
    for interval in intervals:
        admitted = admitted + interval
    if admitted.overlaps(stated):
        return
    ids = [part.id for part in parts]
    total = sum((_magnitude(part) for part in parts), start=Fraction(0))
    bound = _bound(admitted, parts)
    note = "" if bound else _note(claim, parts, total)
    yield finding(
        NAME,
        f"{_terms(parts)} = {bound}{like(total, claim.value)}, stated {_stated(claim)} "
        f"({_GAP_BOUND[bound]}{_apart(claim.value.magnitude - total, claim.value.unit)} apart)"
        + (f"; {note}" if note else ""),
        [claim, *parts], demote=2 if note else 0,
        sum=rounded(total), stated=rounded(claim.value.magnitude),
        sum_low=None if admitted.lo is None else rounded(admitted.lo),
        sum_high=None if admitted.hi is None else rounded(admitted.hi), parts=ids,
    )


# The stated total lies past the bound's closed end, so its distance from the sum is at least
# the distance from that end, whichever way the sum is bounded.
_GAP_BOUND = {"": "", "more than ": "more than ", "at least ": "at least ",
              "less than ": "more than ", "at most ": "at least "}


def _bound(admitted: Interval, parts: list[Claim]) -> str:
    """`more than ` where a part is a lower bound (44,016 + over 1,000 species is more than
    45,016), `at most ` where one is an upper bound: the sum is then a bound, and the stated
    total lies past its closed end."""
    if admitted.hi is None and admitted.lo is not None:
        strict = any(part.qualifier is Qualifier.OVER for part in parts)
        return "more than " if strict else "at least "
    if admitted.lo is None and admitted.hi is not None:
        strict = any(part.qualifier is Qualifier.UNDER for part in parts)
        return "less than " if strict else "at most "
    return ""


def _note(claim: Claim, parts: list[Claim], total: Fraction) -> str:
    """Why a total of exact figures may be the sum after all: it is the sum rounded at its
    last nonzero digit (159,000 km for 158,637), or cut, not rounded (80.9 million hectares
    for 80.956 million); as conflicting-values says of two figures."""
    assert claim.value is not None
    if any(c.qualifier is not EXACT for c in (claim, *parts)):
        return ""
    rounding = rounded_from(claim.value, total, like(total, claim.value))
    if rounding or not cut_to(claim.value, total):
        return rounding
    return truncated(two_digits_more(total, claim.value), claim.value.text)


def _sum_meets_in_floats(context: Context, claim: Claim, parts: list[Claim]) -> bool:
    """True where the parts' sums surely meet the stated total, by floats: exact sums of
    Fractions cost most of this rule. False where the exact sum must say (an unbounded end,
    ends near touching, a figure beyond floats). Each float sum is within n × 2^-53 of the
    sum of the ends' sizes of the exact one, far inside HAIR of that size."""
    # The size counts the finite ends only: an open end (an infinite float) stands for an
    # open end of the exact sum too, which meets whatever lies on its side (-inf + hair is
    # below any end), and adds no rounding error to the finite sums beside it. Summed in the
    # one pass, end by end in the order of [total, *parts].
    low = high = 0.0
    floats = context.floats
    try:
        total_lo, total_hi = floats(claim)
        size = _plus_finite(0.0, total_lo, total_hi)
        for part in parts:
            lo, hi = floats(part)
            low, high = low + lo, high + hi
            # _plus_finite() inlined: a call per part costs more than these
            if (end := abs(lo)) != INF:
                size += end
            if (end := abs(hi)) != INF:
                size += end
    except OverflowError:
        return False
    return overlap_in_floats(low, high, total_lo, total_hi, size) is True


def _plus_finite(size: float, low: float, high: float) -> float:
    """size + |low| + |high|, in that order, an infinite end adding nothing."""
    if (end := abs(low)) != INF:
        size += end
    if (end := abs(high)) != INF:
        size += end
    return size


def _apart(gap: Fraction, unit: Unit) -> str:
    """How far the stated total is from the sum: in points between percentages."""
    return points(abs(gap)) if unit.kind == "percent" else gap_of(abs(gap), unit)


def _currencies(claims: list[Claim]) -> list[str]:
    return sorted({c.value.unit.code for c in claims if c.value and c.value.unit.is_currency})


def _adds_to(part: Claim, total: Claim) -> bool:
    """One unit; or a change in percentage points to a percentage (5.4% + 50 bps = 5.9%)."""
    return dimension(part) == dimension(total) or (
        dimension(part) == "percentage points" and dimension(total) == "percent")


def _magnitude(claim: Claim) -> Fraction:
    assert claim.value is not None
    return claim.value.magnitude


def _stated(claim: Claim) -> str:
    """The canonical display (quantity.describe), qualifier included."""
    assert claim.value is not None
    return qualified(claim.value.describe(), claim.qualifier)


def _terms(parts: list[Claim]) -> str:
    """`5.5% − 50 basis points`: a negative part after the first is subtracted, not `+ -50`."""
    more = len(parts) > SHOWN_PARTS
    shown = parts[:SHOWN_PARTS - 1] if more else parts
    text = _stated(shown[0]) + "".join(_signed(part) for part in shown[1:])
    return f"{text} + … ({len(parts)} parts)" if more else text


def _signed(part: Claim) -> str:
    assert part.value is not None
    figure = part.value.describe()
    if figure.startswith("-"):
        return f" − {qualified(figure[1:], part.qualifier)}"
    return f" + {qualified(figure, part.qualifier)}"
