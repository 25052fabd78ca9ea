"""Conflicts between figures: found once and shared, and the quick all-overlap test."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimcheck.interval import Interval
from claimcheck.rules.conflicts import _all_overlap, ranks

bounds = st.one_of(st.none(), st.fractions(min_value=-50, max_value=50, max_denominator=7))


@st.composite
def intervals(draw: st.DrawFn) -> Interval:
    lo, hi = draw(bounds), draw(bounds)
    if lo is not None and hi is not None and lo > hi:
        lo, hi = hi, lo
    return Interval(lo, hi)


@given(st.lists(intervals(), min_size=2, max_size=8))
def test_all_overlap_exactly_when_no_interval_ends_below_another_start(
        items: list[Interval]) -> None:
    spans = ranks(items)
    gap = any(a[1] < b[0] for a in spans for b in spans)
    assert _all_overlap(items) is not gap


def test_touching_intervals_overlap() -> None:
    assert _all_overlap([Interval(Fraction(1), Fraction(2)), Interval(Fraction(2), None)])
    assert not _all_overlap([Interval(Fraction(1), Fraction(2)),
                             Interval(Fraction(5, 2), Fraction(3))])


CLAIMS = """\
sources:
  s: {title: S}
claims:
  - {id: a, metric: m, value: 5 million USD, as_of: 2024, source: s}
  - {id: b, metric: m, value: 50 million USD, as_of: 2024, source: s}
  - {id: c, metric: m, value: 7 million USD, as_of: 2024, source: s, projection: true}
  - {id: d, metric: n, value: 1 USD, as_of: 2024, source: s}
  - {id: e, metric: n, value: 3 USD, as_of: 2024, source: s}
"""


def test_conflicts_are_found_once_and_shared(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """scale-slip asks for each group's conflicts, conflicting-values for the same ones
    where the group has one kind (n), and for projections and other figures apart (m)."""
    from claimcheck.api import Settings, check_paths
    from claimcheck.rules import conflicts

    (tmp_path / "c.yaml").write_text(CLAIMS, encoding="utf-8")
    monkeypatch.chdir(tmp_path)  # the default rule set, not this project's rules/
    asked: list[list[str]] = []
    original = conflicts._conflicts

    def counted(context: object, claims: list) -> object:  # type: ignore[type-arg]
        asked.append([claim.id for claim in claims])
        return original(context, claims)  # type: ignore[arg-type]

    monkeypatch.setattr(conflicts, "_conflicts", counted)
    report = check_paths(Settings(paths=(str(tmp_path),)))
    assert sorted(asked) == [["a", "b"], ["a", "b", "c"], ["c"], ["d", "e"]]
    found = [(finding.rule, finding.claims) for finding in report.findings]
    # a/b, a factor of 10, is no pair of scale-slip's (it compares a, b, c together and finds
    # the gaps a/c and c/b), so conflicting-values reports it rather than leave it to nobody.
    assert found == [("conflicting-values", ("a", "b")), ("conflicting-values", ("d", "e"))]


@pytest.mark.parametrize("seed", range(6))
def test_conflict_candidates_are_the_groups_may_conflict_passes(
        tmp_path: Path, seed: int) -> None:
    """The groups scale-slip and conflicting-values look into (the unordered metrics' only,
    picked before asking) are the ones may_conflict() passes of every comparable group: in
    date order or not, with units mixed, with and without an undated figure; the metrics
    split by dimension are those of comparable_by_metric with two groups or more."""
    import random

    from claimcheck.loader import load_paths
    from claimcheck.rules.base import Context
    from claimcheck.rules.conflicts import conflict_candidates, may_conflict
    from claimcheck.rules.grouping import comparable_by_metric, comparable_groups, split_metrics

    rng = random.Random(seed)
    lines = ["sources:", "  s: {title: S}", "claims:"]
    for n in range(60):
        metric = f"m{rng.randrange(8)}"
        value = f"{rng.randrange(1, 9)} {rng.choice(['million USD', 'GW', 'EUR'])}"
        year = 2015 + n // 8 if rng.random() < 0.7 else rng.randrange(2015, 2023)
        date = rng.choice([f"as_of: {year}", f"as_of: {year}-0{rng.randrange(1, 9)}",
                           f"period: {{from: {year}, to: {year + rng.randrange(2)}}}"])
        if seed % 2 and rng.random() < 0.03:
            date = "growth: {rate: 5%}"  # a figure with no date
        lines.append(f"  - {{id: c{n}, metric: {metric}, value: {value}, {date}, source: s}}")
    (tmp_path / "c.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    claimset = load_paths([str(tmp_path)])[0]

    def context() -> Context:
        return Context(claimset, rule_options={})

    asked = context()
    expected = [group.claims for group in comparable_groups(asked)
                if may_conflict(asked, group)]
    assert [group.claims for group in conflict_candidates(context())] == expected
    assert expected  # the claims above have some overlapping dates
    # and the metrics temperatures.disagreements looks into: those of two groups or more
    split = [metric for metric, groups in comparable_by_metric(asked).items() if len(groups) > 1]
    assert split_metrics(context()) == split and split
