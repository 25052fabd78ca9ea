"""Figures of one metric in units that cannot measure one thing: money, counts, percentages.

All currencies are money (a yuan and a dollar figure of one metric are a conversion, checked by
`currency-conversion`); count nouns are all counts; a physical unit is its dimension (TWh and
GW are energy and power, not one quantity); percentage points (a change of a percentage) are
not percentages, and tonnes of CO2 are not tonnes of CO2e. One finding per metric, naming each
kind of unit with the first claim that uses it; a bare number beside money is told to give its
currency (`238.09 cr` beside `Rs 238 crore`).

Temperatures in °C, °F and K are one kind, but a figure on a scale with its own zero (°C,
°F) may be a level or a change (30 °C is 86 °F; a warming of 1.5 °C is one of 2.7 °F), so
figures on different scales are compared only for one date, where conflicting-values asks that
they agree one way or the other; otherwise the report's coverage says why they were not.

Failing example::

    claims:
      - id: ai-market-size
        metric: cn.ai.market
        value: 600 billion CNY
        as_of: 2024
        source: cen
      - id: ai-market-growth
        metric: cn.ai.market     # a growth rate filed under the size's metric
        value: 15.6%
        as_of: 2024
        source: cen

reports `cn.ai.market has figures in money (600 billion CNY, ai-market-size) and percent
(15.6%, ai-market-growth): one metric measures one thing`.

Passing example: the percentage under its own metric, `cn.ai.market.growth`.
"""

from __future__ import annotations

from collections.abc import Iterator

from claimcheck.findings import Finding, Severity
from claimcheck.model import Claim
from claimcheck.ratehints import per_time_hint
from claimcheck.rules.base import Context, RuleOptions, finding
from claimcheck.rules.grouping import metric_groups
from claimcheck.units import measured

NAME = "unit-mismatch"
SEVERITY = Severity.ERROR


# Names for the physical dimensions figures usually come in; others are shown as pint gives them.
DIMENSION_NAMES = {
    "[length]": "length", "[length] ** 2": "area", "[length] ** 3": "volume", "[mass]": "mass",
    "[time]": "time", "[temperature]": "temperature", "[length] / [time]": "speed",
    "[length] ** 2 * [mass] / [time] ** 2": "energy",
    "[length] ** 2 * [mass] / [time] ** 3": "power", "[information]": "data",
    "[information] / [time]": "data rate",
}


class Options(RuleOptions):
    pass


def kind_of(claim: Claim) -> str:
    """money, percent, count, or a physical dimension: energy, mass, `[mass] / [length] ** 3`."""
    assert claim.value is not None
    unit = claim.value.unit
    if unit.kind == "currency":
        return "money"
    if unit.kind == "percent" or unit.dimension == "count":
        return unit.kind
    if unit.kind == "count":
        return unit.dimension  # percentage points: a change of a percentage, not one
    dimension, of, substance = measured(unit.dimension).partition(" of ")
    return DIMENSION_NAMES.get(dimension, dimension) + of + substance


def check(context: Context, options: Options) -> Iterator[Finding]:
    # Per unit, by its id (the claims share a few dozen units, alive all run): its kind, and
    # its dimension where it is physical (what _apart_by_scale looks at), else None.
    kinds: dict[int, tuple[str, str | None]] = {}
    for metric, claims in metric_groups(context.claimset):
        if len(claims) < 2:
            continue
        examples: dict[str, Claim] = {}
        physical: dict[str, str] = {}  # dimension -> a unit code, as the figures give them
        for claim in claims:
            assert claim.value is not None
            unit = claim.value.unit
            known = kinds.get(id(unit))
            if known is None:
                known = kinds[id(unit)] = (
                    kind_of(claim), unit.dimension if unit.kind == "physical" else None)
            kind, dimension = known
            if kind not in examples:
                examples[kind] = claim
            if dimension is not None:
                physical[dimension] = unit.code
        if len(physical) > 1:  # one dimension alone is never apart by scale
            _apart_by_scale(context, metric, claims, physical)
        if len(examples) > 1:
            # Only a mismatch counts as checking: a matching unit says nothing about the
            # figure, and marking it would hide why the figure-comparing rules could not.
            context.mark_checked(*claims)
            yield _finding(metric, examples)


def _apart_by_scale(context: Context, metric: str, claims: list[Claim],
                    units: dict[str, str]) -> None:
    """Say why figures of one measure on two scales with their own zeros (°C, °F) are not
    compared; `units`: each physical dimension of the claims, with a unit code of it."""
    scaled = {measured(dimension) for dimension in units if dimension != measured(dimension)}
    for dimension in scaled:
        codes = [code for other, code in units.items() if measured(other) == dimension]
        if len(codes) < 2:
            continue
        reason = (f"figures of `{metric}` in {' and '.join(codes)} are not compared: on a "
                  "scale with its own zero, a figure may be a level or a change")
        for claim in claims:
            if claim.value is not None and measured(claim.value.unit.dimension) == dimension:
                context.cannot_check(claim, reason)


def _currency_hint(claims: list[Claim]) -> str:
    """For `238.09 cr` beside `Rs 238 crore`: a bare number where money was meant."""
    values = [claim.value for claim in claims if claim.value is not None]
    bare = [value.text for value in values if value.unit.kind == "count" and not value.unit.code]
    money = sorted({value.unit.code for value in values if value.unit.is_currency})
    if not bare or not money:
        return ""
    return (f" ({bare[0]!r} has no unit: if it is money, give its currency, "
            f"e.g. '{bare[0]} {money[0]}')")


def _finding(metric: str, examples: dict[str, Claim]) -> Finding:
    named = [f"{kind} ({claim.value.text if claim.value else ''}, {claim.id})"
             for kind, claim in examples.items()]
    listing = ", ".join(named[:-1]) + " and " + named[-1]
    message = (f"{metric} has figures in {listing}: one metric measures one thing"
               + per_time_hint(*(c.value.unit for c in examples.values() if c.value))
               + _currency_hint(list(examples.values())))
    return finding(NAME, message, list(examples.values()), metric=metric,
                   dimensions=list(examples))
