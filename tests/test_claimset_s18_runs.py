"""The passes over every claim that keep the last metric's or source's answer at hand (most
claims follow one of their own metric and source) find what a look-up for each claim found:
the ClaimSet's indexes, date-order's and unknown-reference's findings."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from claimcheck.claimset import ClaimSet
from claimcheck.loader import load_paths
from claimcheck.model import Claim
from claimcheck.rules import RULES
from claimcheck.rules.base import Context

UNITS = ["million USD", "billion USD", "EUR", "GW", "%", "million people"]
# s and t published, u not; x declared nowhere
SOURCES = ["sources:", "  s: {title: S, published: 2019-06}", "  t: {title: T, published: 2021}",
           "  u: {title: U}"]


def _claims_file(tmp_path: Path, seed: int) -> ClaimSet:
    rng = random.Random(seed)
    lines = [*SOURCES, "claims:"]
    metric, source = "m0", "s"
    for n in range(150):
        if rng.random() < 0.35:  # runs of one metric and one source, as files are written
            metric = f"m{rng.randrange(10)}"
        if rng.random() < 0.25:
            source = rng.choice("stux")
        year = 1900 + n if rng.random() < 0.85 else rng.randrange(2015, 2024)  # mostly a series
        date = rng.choice([f"as_of: {year}", f"as_of: {year}-0{rng.randrange(1, 9)}",
                           f"period: {{from: {year}, to: {year + rng.randrange(-1, 1)}}}"])
        figure = f"value: '{rng.randrange(1, 9)} {rng.choice(UNITS[:2] if seed % 3 else UNITS)}'"
        roll = rng.random()
        if roll < 0.05:
            figure, date = "growth: {rate: 5%}", ""  # no figure, no date
        elif roll < 0.08:
            figure = "growth: {rate: 5%}"  # a growth dated, with no figure
        elif roll < 0.11:
            date = ""  # a figure with no date
        projection = ", projection: true" if rng.random() < 0.1 else ""
        ignore = ", ignore: [{rule: date-order, reason: r}]" if rng.random() < 0.05 else ""
        fields = ", ".join(part for part in (f"id: c{n}", f"metric: {metric}", figure, date,
                                             f"source: {source}") if part)
        lines.append(f"  - {{{fields}{projection}{ignore}}}")
    (tmp_path / "c.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return load_paths([str(tmp_path)])[0]


def _indexes(claims: list[Claim]) -> dict[str, object]:
    """The indexes as a look-up for each claim builds them."""
    grouped: dict[str, list[Claim]] = {}
    valued: dict[str, list[Claim]] = {}
    mixed, undated, unordered = set(), set(), set()
    for claim in claims:
        grouped.setdefault(claim.metric, []).append(claim)
        if claim.value is None:
            continue
        group = valued.get(claim.metric)
        if group is not None:
            assert group[0].value is not None
            if claim.value.unit is not group[0].value.unit:
                mixed.add(claim.metric)
            last = group[-1].date
            if claim.date is None or last is None or claim.date.start <= last.end:
                unordered.add(claim.metric)
        valued.setdefault(claim.metric, []).append(claim)
        if claim.date is None:
            undated.add(claim.id)
    return {"by_metric": grouped, "valued": valued, "mixed": mixed, "undated": undated,
            "unordered": unordered, "ignoring": [claim for claim in claims if claim.ignore]}


def _run(claimset: ClaimSet, name: str) -> tuple[list[tuple[str, tuple[str, ...]]], set[str]]:
    context = Context(claimset, rule_options={})
    rule = RULES[name]
    found = [(finding.message, finding.claims) for finding in rule.check(context, rule.options())]
    return found, context.checked


@pytest.mark.parametrize("seed", range(10))
def test_indexes_and_passes_agree_with_a_look_up_each(tmp_path: Path, seed: int) -> None:
    claimset = _claims_file(tmp_path, seed)
    claims = claimset.claims
    for order in (claims, random.Random(seed).sample(claims, len(claims))):
        built = ClaimSet(list(order), claimset.sources)
        want = _indexes(list(order))
        assert list(built.by_metric.items()) == list(want["by_metric"].items())  # type: ignore[attr-defined]
        assert list(built.valued_by_metric.items()) == list(want["valued"].items())  # type: ignore[attr-defined]
        assert (built.mixed_units, built.undated, built.unordered_dates, built.ignoring) == (
            want["mixed"], want["undated"], want["unordered"], want["ignoring"])
        # unknown-reference: a finding for each claim citing an undeclared source
        found, _ = _run(built, "unknown-reference")
        assert [ids for message, ids in found if "source" in message and "declared" in message
                ] == [(claim.id,) for claim in order if claim.source not in claimset.sources]
        # date-order: each dated, unprojected figure of a published source checked
        found, checked = _run(built, "date-order")
        published = {key: source.published for key, source in claimset.sources.items()
                     if source.published is not None}
        known = [claim for claim in order if claim.as_of is not None and not claim.projection
                 and claim.source in published]
        assert checked == {claim.id for claim in known}
        late = [(claim.id,) for claim in known
                if claim.as_of.start > published[claim.source].end]  # type: ignore[union-attr]
        assert [ids for message, ids in found if "after publication" in message] == late


def test_growth_tells_fractional_years_by_type_as_isinstance_would(tmp_path: Path) -> None:
    """Growth.exact and factor() test `type(years) is Fraction` (isinstance of the ABC costs
    a call into Python for an int): the same answers for the years growth_years() gives."""
    from fractions import Fraction

    from claimcheck.rules.growth_figures import Growth

    (tmp_path / "c.yaml").write_text(
        "sources:\n  s: {title: S}\nclaims:\n"
        "  - {id: g, metric: m, growth: {rate: 5%, kind: cagr, from: 2015, to: 2020}, "
        "source: s}\n", encoding="utf-8")
    claim = load_paths([str(tmp_path)])[0].claims[0]
    rate = Fraction(1, 20)
    for years in (0, 1, 5, Fraction(11, 4), Fraction(1, 3), None):
        growth = Growth(claim, claim, claim, years)
        assert growth.exact is (not isinstance(years, Fraction))
        if isinstance(years, Fraction):
            assert growth.factor(rate) != (1 + rate) ** 3  # the power, not whole years'
        else:
            assert growth.factor(rate) == (1 + rate) ** (years or 0)
