"""What the comparable groups note as they are built (the one Unit, date order) agrees with
what the rules read off the claims before; unit-mismatch's links use the run's by_id."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from claimcheck.claimset import ClaimSet
from claimcheck.loader import load_paths
from claimcheck.rules import RULES
from claimcheck.rules.base import Context
from claimcheck.rules.grouping import comparable_by_metric, comparable_groups
from claimcheck.rules.redated_figure import _a_rate, _rate_unit

UNITS = ["million USD", "billion USD", "EUR", "GW", "MW", "%", "", "million people",
         "percentage points", "months"]


def _claimset(tmp_path: Path, seed: int) -> ClaimSet:
    rng = random.Random(seed)
    lines = ["sources:", "  s: {title: S}", "  t: {title: T}", "claims:"]
    for n in range(120):
        metric = f"m{rng.randrange(12)}"
        units = UNITS[:2] if metric in ("m0", "m1") else UNITS  # some metrics in one Unit
        value = f"{rng.randrange(1, 9)} {rng.choice(units)}".strip()
        year = 2015 + n // 12 if rng.random() < 0.7 else rng.randrange(2015, 2023)
        date = rng.choice([f"as_of: {year}", f"as_of: {year}-0{rng.randrange(1, 9)}",
                           f"period: {{from: {year}, to: {year + rng.randrange(2)}}}"])
        if seed % 2 and rng.random() < 0.03:
            date = "growth: {rate: 5%}"  # a figure with no date
        lines.append(f"  - {{id: c{n}, metric: {metric}, value: '{value}', {date}, "
                     f"source: {rng.choice('st')}}}")
    (tmp_path / "c.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return load_paths([str(tmp_path)])[0]


@pytest.mark.parametrize("seed", range(8))
def test_groups_note_what_their_claims_say(tmp_path: Path, seed: int) -> None:
    claimset = _claimset(tmp_path, seed)
    context = Context(claimset, rule_options={})
    groups = comparable_groups(context)
    assert groups
    mixed, unordered = claimset.mixed_units, claimset.unordered_dates
    for group in groups:
        metric = group.claims[0].metric
        assert group.in_date_order is (metric not in unordered)
        if metric in mixed:
            assert group.unit is None
            continue
        assert group.unit is not None
        assert all(claim.value is not None and claim.value.unit is group.unit
                   for claim in group.claims)
        assert group.dimension == group.unit.dimension
        # redated-figure's decision from the group's Unit is each claim's
        assert {_a_rate(claim) for claim in group.claims} == {_rate_unit(group.unit)}
    # looked up by metric: the metrics in several Units, of two figures or more
    assert list(comparable_by_metric(context)) == [
        metric for metric, claims in claimset.valued_by_metric.items()
        if metric in mixed and len(claims) > 1]
    assert any(group.unit is not None for group in groups)
    assert any(group.unit is None for group in groups)


def _unit_mismatch(tmp_path: Path, text: str) -> list[tuple[str, ...]]:
    (tmp_path / "c.yaml").write_text(text, encoding="utf-8")
    claimset = load_paths([str(tmp_path)])[0]
    rule = RULES["unit-mismatch"]
    context = Context(claimset, rule_options={})
    return sorted(tuple(finding.claims) for finding in rule.check(context, rule.options()))


def test_a_link_to_another_metric_bridges_no_bushels_and_tonnes(tmp_path: Path) -> None:
    """A restatement of a claim of another metric links nothing within this metric: the
    figures in bushels and tonnes are reported, as when the links were looked up among
    the metric's own claims."""
    found = _unit_mismatch(tmp_path, """\
sources:
  src: {title: S}
claims:
  - {id: x, metric: other, value: "3,744 million bushels", as_of: 2023, source: src}
  - {id: bu, metric: br.soy.exports, value: 705 million bushels, as_of: 2004, source: src}
  - {id: t, metric: br.soy.exports, value: 101.9 million t, as_of: 2023, restates: x, source: src}
""")
    assert found == [("bu", "t")]


def test_a_link_within_the_metric_bridges_bushels_and_tonnes(tmp_path: Path) -> None:
    found = _unit_mismatch(tmp_path, """\
sources:
  src: {title: S}
claims:
  - {id: bu, metric: br.soy.exports, value: "3,744 million bushels", as_of: 2023, source: src}
  - {id: t, metric: br.soy.exports, value: 101.9 million t, as_of: 2023, restates: bu, source: src}
""")
    assert found == []
