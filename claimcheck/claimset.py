"""ClaimSet: every valid claim and source of one run, indexed the ways the rules look."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from claimcheck.model import Claim, Source


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

    def source_of(self, claim: Claim) -> Source | None:
        return self.sources.get(claim.source)

    def valued(self, metric: str) -> list[Claim]:
        """Claims of a metric that state a figure (not growth-only claims); the index's own
        list, not a copy."""
        return self.valued_by_metric.get(metric, [])
