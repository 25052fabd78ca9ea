"""ClaimSet: every valid claim and source of one run, indexed the ways the rules look."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from claimcheck.caching import cached
from claimcheck.model import Claim, Source


@dataclass
class Linked:
    """The claims that point at others, by field, in file order: found in one pass for the
    rules that check them (growth, shares, totals, conversions), not one pass each."""

    growths: list[Claim] = field(default_factory=list)
    shares: list[Claim] = field(default_factory=list)
    totals: list[Claim] = field(default_factory=list)
    restating: list[Claim] = field(default_factory=list)


@dataclass
class ClaimSet:
    claims: list[Claim]
    sources: dict[str, Source]
    files: list[str] = field(default_factory=list)
    # Every claim id the files declare, valid or not: a reference to an invalid claim is
    # that claim's `invalid-file` finding, not a reference to nothing.
    declared: frozenset[str] = frozenset()
    by_id: dict[str, Claim] = field(init=False)
    by_metric: dict[str, list[Claim]] = field(init=False)
    valued_by_metric: dict[str, list[Claim]] = field(init=False)

    def __post_init__(self) -> None:
        # The loader yields claims in file and line order already; sorting 100k is not free.
        self.by_id = {claim.id: claim for claim in self.claims}
        grouped: dict[str, list[Claim]] = defaultdict(list)
        valued: dict[str, list[Claim]] = defaultdict(list)
        for claim in self.claims:
            grouped[claim.metric].append(claim)
            if claim.value is not None:
                valued[claim.metric].append(claim)
        self.by_metric = dict(grouped)
        self.valued_by_metric = dict(valued)

    @cached
    def linked(self) -> Linked:
        linked = Linked()
        for claim in self.claims:
            if claim.growth is not None:
                linked.growths.append(claim)
            if claim.share is not None:
                linked.shares.append(claim)
            if claim.total is not None:
                linked.totals.append(claim)
            if claim.restates:
                linked.restating.append(claim)
        return linked

    def source_of(self, claim: Claim) -> Source | None:
        return self.sources.get(claim.source)

    def valued(self, metric: str) -> list[Claim]:
        """Claims of a metric that state a figure (not growth-only claims); the index's own
        list, not a copy."""
        return self.valued_by_metric.get(metric, [])
