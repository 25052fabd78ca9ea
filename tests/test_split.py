"""A run checked in two halves, one per process, gives the report one process gives."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT

from claimcheck import forked, split
from claimcheck.api import Settings, check_paths
from claimcheck.formats import formatter

needs_fork = pytest.mark.skipif(not forked.can_fork(), reason="the split needs fork()")


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """2,000 generated claims over three files: findings from every rule, bad claims,
    uncheckable claims, sources cited across files."""
    folder = tmp_path_factory.mktemp("synthetic")
    subprocess.run([sys.executable, str(ROOT / "bench" / "generate.py"), "--claims", "2000",
                    "--files", "3", "--out", str(folder), "--seed", "5"],
                   check=True, capture_output=True)
    return folder


def _claim(ident: str, metric: str, **more: Any) -> dict[str, Any]:
    return {"id": ident, "metric": metric, "value": "1 USD", "source": "s", **more}


def _together(raw: list[list[Any]], *groups: tuple[int, int]) -> None:
    first, second = split.halves(raw)
    for number, items in enumerate(raw):
        assert sorted(first[number] + second[number]) == list(range(len(items)))
    for group in groups:
        sides = {0 if index in first[number] else 1 for number, index in group}
        assert len(sides) == 1, group


def test_metrics_are_balanced_over_the_halves() -> None:
    raw = [[_claim(f"c{i}", f"m{i % 10}") for i in range(100)]]
    first, second = split.halves(raw)
    assert len(first[0]) == len(second[0]) == 50
    _together(raw, *[tuple((0, i) for i in range(m, 100, 10)) for m in range(10)])


@pytest.mark.parametrize("link", [
    {"restates": "a"},
    {"growth": {"rate": "5%", "start": "a"}},
    {"growth": {"rate": "5%", "end": "a"}},
    {"share": {"part": "a", "whole": "x"}},
    {"share": {"part": "x", "whole": "a"}},
    {"total": {"parts": ["x", "a"]}},
])
def test_a_link_keeps_both_metrics_in_one_half(link: dict[str, Any]) -> None:
    raw = [[_claim("a", "m.one"), *[_claim(f"f{i}", f"filler.{i}") for i in range(9)]],
           [_claim("b", "m.two", **link)]]
    _together(raw, ((0, 0), (1, 0)))


def test_claims_of_one_id_stay_together_whatever_their_metrics() -> None:
    raw = [[_claim("a", "m.one"), *[_claim(f"f{i}", f"filler.{i}") for i in range(9)],
            _claim("a", "m.two"), {"id": "a", "metric": 7}]]
    _together(raw, ((0, 0), (0, 10), (0, 11)))


def test_claims_that_are_not_mappings_are_placed_somewhere() -> None:
    _together([["text", None, _claim("a", "m"), {"id": 3}]])


DEFAULT_RULES = str(ROOT / "claimcheck" / "data" / "default.yaml")  # no custom rules


def _reports(paths: tuple[str, ...], keep_claims: bool) -> list[str]:
    report = check_paths(Settings(paths=paths, rules=DEFAULT_RULES, jobs=2,
                                  keep_claims=keep_claims))
    assert (report.claimset is None) is not keep_claims
    return [formatter(name)(report, False) for name in ("json", "text", "sarif", "github")]


@needs_fork
@pytest.mark.parametrize("where", ["claims", "synthetic"])
def test_two_halves_give_the_same_report(where: str, synthetic: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    paths = ("claims",) if where == "claims" else (str(synthetic),)
    whole = _reports(paths, keep_claims=True)
    monkeypatch.setattr(split, "SPLIT_FROM_CLAIMS", 0)
    parts: list[bool] = []
    original = split._check_part
    monkeypatch.setattr(split, "_check_part",
                        lambda *args: parts.append(args[1] is not None) or original(*args))
    assert _reports(paths, keep_claims=False) == whole
    assert parts == [True]  # the parent's half of the claims; the child's ran elsewhere
    assert '"uncheckable": [' in whole[0]
    assert where == "claims" or '"invalid-file"' in whole[0]


@needs_fork
def test_a_failing_child_half_is_checked_again_in_the_parent(
        synthetic: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    whole = _reports((str(synthetic),), keep_claims=True)
    monkeypatch.setattr(split, "SPLIT_FROM_CLAIMS", 0)
    parent = os.getpid()
    original = split._check_part

    def fails_in_the_child(*args: Any) -> Any:
        if os.getpid() != parent:
            raise RuntimeError("lost in the child")
        return original(*args)

    monkeypatch.setattr(split, "_check_part", fails_in_the_child)
    assert _reports((str(synthetic),), keep_claims=False) == whole


def test_small_runs_and_custom_rules_stay_in_one_process(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.setattr(split, "halves", lambda raw: pytest.fail("split"))
    assert check_paths(Settings(paths=("claims",), rules=DEFAULT_RULES, jobs=2,
                                keep_claims=False)).findings
    monkeypatch.setattr(split, "SPLIT_FROM_CLAIMS", 0)
    monkeypatch.setattr(split, "check_in_halves", lambda *args: pytest.fail("split"))
    # The repository's rules/ folder has custom rules: they may relate any two claims.
    report = check_paths(Settings(paths=("claims",), rules="rules", jobs=2, keep_claims=False))
    assert report.claimset is not None


METRICS = ["m.a", "m.b", "m.c", "m.d"]
VALUES = ["100 USD", "100 USD", "720 CNY", "1,000 USD", "10%", "5 companies", "¥5", "bad"]


def _random_file(rng: Any, number: int) -> str:
    """Claims over few metrics and ids, so links, duplicates and clashes are common."""
    lines = ["sources:", f"  s{number}:", "    title: T", "    published: 2024-06-01", "claims:"]
    for _ in range(rng.randint(1, 12)):
        ident = f"c{rng.randint(0, 15)}"
        lines += [f"  - id: {ident}"]
        if rng.random() < 0.9:
            lines.append(f"    metric: {rng.choice(METRICS)}")
        lines += [f"    value: {rng.choice(VALUES)}", f"    as_of: {rng.choice(['2023', '2024'])}",
                  f"    source: s{rng.randint(0, 2)}"]
        link = rng.random()
        if link < 0.15:
            lines.append(f"    restates: c{rng.randint(0, 15)}")
        elif link < 0.3:
            lines.append(f"    total: {{parts: [c{rng.randint(0, 15)}, c{rng.randint(0, 15)}]}}")
        elif link < 0.4:
            part, whole = rng.randint(0, 15), rng.randint(0, 15)
            lines.append(f"    share: {{part: c{part}, whole: c{whole}}}")
        if rng.random() < 0.1:
            rule = rng.choice(["invalid-file", "redated-figure"])
            lines += ["    ignore:", f"      - rule: {rule}", "        reason: checked by hand"]
    return "\n".join(lines) + "\n"


@needs_fork
@pytest.mark.parametrize("seed", range(12))
def test_random_claim_sets_give_the_same_report_in_halves(
        seed: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import random

    rng = random.Random(seed)
    for number in range(rng.randint(1, 3)):
        (tmp_path / f"f{number}.yaml").write_text(_random_file(rng, number), encoding="utf-8")
    whole = _reports((str(tmp_path),), keep_claims=True)
    monkeypatch.setattr(split, "SPLIT_FROM_CLAIMS", 0)
    assert _reports((str(tmp_path),), keep_claims=False) == whole


@needs_fork
def test_one_big_component_splits_the_rules_instead(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from claimcheck import rulerun

    claims = "".join(f"  - {{id: p{i}, metric: price, value: {i} USD, as_of: 2024, source: s}}\n"
                     for i in range(30))
    (tmp_path / "prices.yaml").write_text("sources:\n  s:\n    title: T\nclaims:\n" + claims,
                                          encoding="utf-8")
    whole = _reports((str(tmp_path),), keep_claims=True)
    monkeypatch.setattr(split, "SPLIT_FROM_CLAIMS", 0)
    monkeypatch.setattr(rulerun, "FORK_FROM_CLAIMS", 0)
    monkeypatch.setattr(split, "with_child", lambda *args: pytest.fail("halves of one metric"))
    lanes: list[int] = []
    original = rulerun._in_two_processes
    monkeypatch.setattr(rulerun, "_in_two_processes",
                        lambda *args: lanes.append(1) or original(*args))
    assert _reports((str(tmp_path),), keep_claims=False) == whole
    assert lanes == [1]
