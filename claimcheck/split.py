"""A large run checked in two processes, each given a half of the claims no rule looks across.

Every built-in rule relates claims of one metric, or claims linked by id (`restates`,
`growth.start`/`end`, `share.part`/`whole`, `total.parts`), and a duplicate id is found only
where both claims are. So a half holds whole metrics, joined with every metric its links and
ids reach. Each process validates its half (after the parse, the costliest step) and runs
every rule on it; only findings and coverage come back. The halves are read from the parsed
data, before validation: a field of the wrong type links nothing, as its claim is invalid.

Not for custom rules, which may relate any claims, nor for reports that quote claims
(Markdown, JUnit), which need every claim model in one process. Where one group holds most of
the claims, the rules split over the two processes instead (rulerun.py).
"""

from __future__ import annotations

from bisect import insort
from collections.abc import Iterator
from typing import Any

from claimcheck import engine
from claimcheck.baseline import Baseline
from claimcheck.claimset import ClaimSet
from claimcheck.findings import Finding, Report
from claimcheck.forked import can_fork, with_child
from claimcheck.loader import (
    Limits,
    ParsedFile,
    declared,
    load_claims,
    merge_sources,
    parse_file,
    unique_claims,
)
from claimcheck.model import Claim, Source
from claimcheck.ruleset import RuleSet

SPLIT_FROM_CLAIMS = 5_000  # below this, a second process saves nothing measurable
LOPSIDED = 4  # a half with under a quarter of the claims: the rules split over two instead
Picks = list[list[int]]  # per file, the indexes of a half's claims


def check_in_halves(files: list[str], limits: Limits, ruleset: RuleSet,
                    baseline: Baseline | None) -> Report:
    """The report of the files, with no claim models in it."""
    parsed = [parse_file(path, limits) for path in files]
    sources, file_findings = merge_sources([file.loaded for file in parsed])
    raw = [file.claims for file in parsed]
    total = sum(map(len, raw))
    split = total >= SPLIT_FROM_CLAIMS and can_fork()
    first, second = halves(raw) if split else ([], [])
    if not split or min(sum(map(len, first)), sum(map(len, second))) < total // LOPSIDED:
        # A small run, no fork, or one component holding most claims (one metric of 100k
        # prices): checked whole, its rules split over two processes where that pays.
        whole = _check_part(parsed, None, sources, file_findings, ruleset, jobs=2)
        return engine.report([whole], len(files), baseline)
    mine, theirs = with_child(
        lambda: _check_part(parsed, second, sources, [], ruleset),
        lambda: _check_part(parsed, first, sources, file_findings, ruleset))
    if theirs is None:  # the child failed: check its half here, where errors surface normally
        theirs = _check_part(parsed, second, sources, [], ruleset)
    return engine.report([mine, theirs], len(files), baseline)


def _check_part(parsed: list[ParsedFile], picks: Picks | None, sources: dict[str, Source],
                findings: list[Finding], ruleset: RuleSet, jobs: int = 1) -> engine.Outcome:
    """Validate the picked claims of each file (all, where None) and check them."""
    claims: list[Claim] = []
    found = list(findings)
    for number, file in enumerate(parsed):
        valid, invalid = load_claims(file, None if picks is None else picks[number])
        claims += valid
        found += invalid
    unique, duplicates = unique_claims(claims)
    claimset = ClaimSet(unique, sources, [file.loaded.path for file in parsed],
                        declared([file.loaded for file in parsed]))
    return engine.check(claimset, found + duplicates, ruleset, jobs)


def halves(raw: list[list[Any]]) -> tuple[Picks, Picks]:
    """Each file's claims in two halves of about equal size that no link crosses."""
    metrics = _Metrics()
    owner: dict[str, str] = {}  # a claim id -> the metric of the first claim with it
    keys: list[list[str | None]] = []  # per file, each claim's metric
    orphans: list[tuple[int, int, str]] = []  # (file, index, id) of claims with no metric
    linked: list[tuple[str, dict[Any, Any]]] = []
    count = metrics.claims
    for number, items in enumerate(raw):
        file_keys: list[str | None] = []
        keys.append(file_keys)
        for index, item in enumerate(items):
            if not isinstance(item, dict):
                file_keys.append(None)
                continue
            metric, ident = item.get("metric"), item.get("id")
            if not isinstance(metric, str):
                file_keys.append(None)
                if isinstance(ident, str):
                    orphans.append((number, index, ident))
                continue
            file_keys.append(metric)
            count[metric] = count.get(metric, 0) + 1
            if isinstance(ident, str) and owner.setdefault(ident, metric) != metric:
                metrics.join(owner[ident], metric)
            if "restates" in item or "growth" in item or "share" in item or "total" in item:
                linked.append((metric, item))
    for metric, item in linked:
        for ref in _references(item):
            if ref in owner:
                metrics.join(metric, owner[ref])
    sides = metrics.sides()
    picks: tuple[Picks, Picks] = ([], [])
    for file_keys in keys:
        picks[0].append([])
        picks[1].append([])
        for index, metric in enumerate(file_keys):
            picks[0 if metric is None else sides[metric]][-1].append(index)
    # A claim without a metric (invalid) goes with the claims of its id, which may accept
    # its finding in their `ignore`.
    for number, index, ident in orphans:
        if ident in owner and sides[owner[ident]] == 1:
            picks[0][number].remove(index)
            insort(picks[1][number], index)
    return picks


def _references(item: dict[Any, Any]) -> Iterator[str]:
    """The claim ids a raw claim points at, where they are strings."""
    growth, share, total = item.get("growth"), item.get("share"), item.get("total")
    refs = [item.get("restates")]
    refs += [growth.get("start"), growth.get("end")] if isinstance(growth, dict) else []
    refs += [share.get("part"), share.get("whole")] if isinstance(share, dict) else []
    parts = total.get("parts") if isinstance(total, dict) else None
    refs += parts if isinstance(parts, list) else []
    return (ref for ref in refs if isinstance(ref, str))


class _Metrics:
    """Metrics joined into groups (union-find), each group then given a side."""

    def __init__(self) -> None:
        self.claims: dict[str, int] = {}  # claims of each metric, in order of first appearance
        self.parent: dict[str, str] = {}  # for joined metrics only: most stand alone

    def find(self, metric: str) -> str:
        root = metric
        while root in self.parent:
            root = self.parent[root]
        while metric != root:  # path compression
            self.parent[metric], metric = root, self.parent[metric]
        return root

    def join(self, one: str, other: str) -> None:
        one, other = self.find(one), self.find(other)
        if one != other:
            self.parent[other] = one

    def sides(self) -> dict[str, int]:
        """Side 0 or 1 for each metric: whole groups, in order of first appearance, each to
        the side with fewer claims so far."""
        roots = {metric: self.find(metric) for metric in self.claims}
        size: dict[str, int] = {}
        for metric, root in roots.items():
            size[root] = size.get(root, 0) + self.claims[metric]
        load, side_of_root = [0, 0], {}
        for root, count in size.items():
            side_of_root[root] = 0 if load[0] <= load[1] else 1
            load[side_of_root[root]] += count
        return {metric: side_of_root[root] for metric, root in roots.items()}
