"""Figures of one metric in units that cannot measure one thing: money, counts, percentages.

All currencies are money (a yuan and a dollar figure of one metric are a conversion, checked by
`currency-conversion`); count nouns are all counts; a physical unit is its dimension (TWh and
GW are energy and power, not one quantity); percentage points (a change of a percentage) are
not percentages, and tonnes of CO2 are not tonnes of CO2e. One finding per metric, naming each
kind of unit with the first claim that uses it; a bare number beside money is told to give its
currency (`238.09 cr` beside `Rs 238 crore`), and a time in days beside working days (a count
of days of work) to write working days.

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
from claimcheck.refusals import work_time_hint
from claimcheck.rules.base import Context, RuleOptions, finding
from claimcheck.rules.figures import BUSHEL_WEIGHT, bushels_and_mass, in_bushels
from claimcheck.units import Unit, measured

NAME = "unit-mismatch"
SEVERITY = Severity.ERROR


# Names for the physical dimensions figures usually come in; others are shown as pint gives them.
DIMENSION_NAMES = {
    "[length]": "length", "[length] ** 2": "area", "[length] ** 3": "volume", "[mass]": "mass",
    "[time]": "time", "[temperature]": "temperature", "[length] / [time]": "speed",
    "[length] ** 2 * [mass] / [time] ** 2": "energy",
    "[length] ** 2 * [mass] / [time] ** 3": "power", "[information]": "data",
    "[information] / [time]": "data rate", "[mass] / [length] ** 2": "mass per area",
    # measures of their own, defined in claimcheck/units.py's registry
    "[oil_equivalent]": "oil equivalent (boe)", "[gross_tonnage]": "gross tonnage",
    "[compensated_gross_tonnage]": "compensated gross tonnage",
    "[lane_length]": "lane length", "[passenger_distance]": "passenger distance",
    "[route_length]": "route length", "[track_length]": "track length",
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
    what, per, over = substance.partition(" / ")  # `[mass] of N / ([length] ** 2)`
    if per and over.strip("()") in DIMENSION_NAMES:
        substance = f"{what} per {DIMENSION_NAMES[over.strip('()')]}"
    return DIMENSION_NAMES.get(dimension, dimension) + of + substance


def check(context: Context, options: Options) -> Iterator[Finding]:
    # Per unit, by its id (the claims share a few dozen units, alive all run): its kind, and
    # its dimension where it is physical (what _apart_by_scale looks at), else None.
    kinds: dict[int, tuple[str, str | None]] = {}
    valued = context.claimset.valued_by_metric
    # Only the metrics whose figures are in several Units (a few hundred of some ten
    # thousand): one Unit is one kind, no mismatch. Sorted for a fixed order (the report
    # sorts the findings; each claim is of one metric), not picked out of every metric.
    for metric in sorted(context.claimset.mixed_units):
        claims = valued[metric]
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
        if len(examples) == 2 and bushels_and_mass(*_units(examples)):
            links = context.derived(_links)  # grain in bushels and tonnes: rare, built then
            unlinked = _loose_pair(context, claims, examples, links)
            if unlinked is None:
                _not_compared(context, metric, claims, links)
                continue
            examples = unlinked
        if len(examples) > 1:
            # Only a mismatch counts as checking: a matching unit says nothing about the
            # figure, and marking it would hide why the figure-comparing rules could not.
            context.mark_checked(*claims)
            yield _finding(metric, examples)


def _links(context: Context) -> dict[str, set[str]]:
    """Per claim, the claims linked to it as one figure (`restates`) or as a growth's ends."""
    linked = context.claimset.linked
    pairs = [(claim.id, claim.restates) for claim in linked.restating if claim.restates]
    pairs += [(claim.growth.start, claim.growth.end) for claim in linked.growths
              if claim.growth is not None and claim.growth.start and claim.growth.end]
    links: dict[str, set[str]] = {}
    for one, other in pairs:
        links.setdefault(one, set()).add(other)
        links.setdefault(other, set()).add(one)
    return links


def _units(examples: dict[str, Claim]) -> list[Unit]:
    return [claim.value.unit for claim in examples.values() if claim.value is not None]


def _loose_pair(context: Context, claims: list[Claim], examples: dict[str, Claim],
                links: dict[str, set[str]]) -> dict[str, Claim] | None:
    """Of figures in bushels and in tonnes, one of each that no `restates` or growth links
    across the two (a link says the unit is meant to change; only the crop's bushel weight
    could check it), in file order; None when all of one unit are so linked."""
    groups = [[c for c in claims if kind_of(c) == kind] for kind in examples]
    units = [[c.value.unit for c in group if c.value is not None] for group in groups]
    if not any(all(in_bushels(unit) for unit in group) for group in units):
        return examples  # litres beside tonnes are no grain figures
    bridged = _bridged(context, claims, links)
    loose = [[c for c in group if c.id not in bridged] for group in groups]
    if not all(loose):
        return None
    pair = sorted((loose[0][0], loose[1][0]), key=claims.index)
    return {kind_of(claim): claim for claim in pair}


def _bridged(context: Context, claims: list[Claim], links: dict[str, set[str]]) -> set[str]:
    """The ids of those claims (a metric's figures) linked to another of them in bushels
    against mass: a linked claim of the same metric with a figure is one of them."""
    by_id = context.claimset.by_id
    return {claim.id for claim in claims if claim.value is not None and any(
        other.value is not None and other.metric == claim.metric
        and bushels_and_mass(claim.value.unit, other.value.unit)
        for other in (by_id.get(i) for i in links.get(claim.id, ())) if other is not None)}


def _not_compared(context: Context, metric: str, claims: list[Claim],
                  links: dict[str, set[str]]) -> None:
    """Give the linked figures in bushels and tonnes of a metric the reason they are unchecked."""
    codes = " and ".join(dict.fromkeys(c.value.unit.code for c in claims if c.value))
    for claim_id in sorted(_bridged(context, claims, links)):
        context.cannot_check(context.claimset.by_id[claim_id],
                             f"figures of `{metric}` in {codes} are not compared; "
                             f"{BUSHEL_WEIGHT}")


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


def _bushel_hint(units: list[Unit]) -> str:
    """For `3,744 million bushels` beside `101.9 million t`: why they cannot be compared."""
    if not any(bushels_and_mass(one, other) for one in units for other in units):
        return ""
    return f"; {BUSHEL_WEIGHT}, or link a conversion of one to the other with `restates`"


def _name(kind: str, claim: Claim) -> str:
    """The kind as messages name it: bu/acre is a volume per area, though pint's dimension,
    which mm of rain shares, is a length."""
    if claim.value is not None and in_bushels(claim.value.unit) and kind == "length":
        return "volume per area"
    return kind


def _finding(metric: str, examples: dict[str, Claim]) -> Finding:
    names = [_name(kind, claim) for kind, claim in examples.items()]
    named = [f"{name} ({claim.value.text if claim.value else ''}, {claim.id})"
             for name, claim in zip(names, examples.values(), strict=True)]
    listing = ", ".join(named[:-1]) + " and " + named[-1]
    message = (f"{metric} has figures in {listing}: one metric measures one thing"
               + per_time_hint(*_units(examples)) + _currency_hint(list(examples.values()))
               + _bushel_hint(_units(examples))
               + work_time_hint([(c.value.text, c.value.unit) for c in examples.values()
                                 if c.value is not None]))
    return finding(NAME, message, list(examples.values()), metric=metric, dimensions=names)
