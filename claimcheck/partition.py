"""Which process of a split run checks which claims: whole groups no rule looks across.

Every built-in rule relates claims of one metric, or claims linked by id (`restates`,
`growth.start`/`end`, `share.part`/`whole`, `total.parts`), or, in currency-conversion, the
conversions one source makes for one period; and a duplicate id is found only where both
claims are. So a group is a metric, joined with every metric its links and ids reach, and
with every metric whose conversions share a source with it (a claim that `restates` another,
or a dated money figure of a metric given in two currencies, may be such a conversion).

Each process validates the claims of its own share of the files (pieces.py) and sums them
up as Links. Joined, the Links say where each group goes: to the process that holds most of
its claims, so that few claims travel.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from claimcheck.findings import Location
from claimcheck.model import Claim


@dataclass
class Links:
    """What one process's claims tell about the groups, to be joined with the other's."""

    counts: dict[str, int] = field(default_factory=dict)  # valid claims of each metric
    owners: dict[str, str] = field(default_factory=dict)  # claim id -> its first claim's metric
    joins: list[tuple[str, str]] = field(default_factory=list)  # metrics that share an id
    refs: list[tuple[str, str]] = field(default_factory=list)  # (metric, claim id it links to)
    converting: list[tuple[str, str]] = field(default_factory=list)  # (metric, source)
    money: dict[str, tuple[set[str], set[str]]] = field(default_factory=dict)
    declared: set[str] = field(default_factory=set)  # every claim id, valid or not
    cited: set[str] = field(default_factory=set)  # the source ids the claims cite
    sources: list[tuple[str, Location]] = field(default_factory=list)  # in file order


def links(claims: list[Claim], declared: set[str],
          sources: list[tuple[str, Location]]) -> Links:
    """The Links of one process's valid claims (one pass at C speed for what every claim
    has, Python only for the few that link or hold money)."""
    metrics = [claim.metric for claim in claims]
    ids = [claim.id for claim in claims]
    found = Links(counts=dict(Counter(metrics)), declared=declared, sources=sources,
                  owners=dict(zip(reversed(ids), reversed(metrics), strict=True)),
                  cited={claim.source for claim in claims})
    owners = found.owners
    if len(owners) < len(ids):  # an id given twice: its claims' metrics join
        found.joins = [(owners[ident], metric)
                       for ident, metric in zip(ids, metrics, strict=True)
                       if owners[ident] != metric]
    for claim in [c for c in claims if c.restates or c.growth or c.share or c.total]:
        found.refs += [(claim.metric, ref) for _, ref in claim.references()
                       if owners.get(ref) != claim.metric]  # not a claim of its own metric
        if claim.restates:
            found.converting.append((claim.metric, claim.source))
    for claim in [c for c in claims if c.value is not None and c.value.unit.kind == "currency"]:
        if claim.as_of is not None or claim.period is not None:
            codes, cited = found.money.setdefault(claim.metric, (set(), set()))
            codes.add(claim.value.unit.code)  # type: ignore[union-attr]
            cited.add(claim.source)
    return found


def moves(here: Links, there: Links) -> tuple[set[str], set[str]]:
    """The metrics whose claims here are checked there, and those whose claims there are
    checked here: each group goes to the side that holds most of its claims (here, on a tie).
    A metric that one side alone holds and nothing joins stays where it is."""
    groups = _Groups()
    for metric in here.counts.keys() & there.counts.keys():
        groups.add(metric)
    for one in (here, there):
        for metric, other in one.joins:
            groups.join(metric, other)
    for ident in here.owners.keys() & there.owners.keys():  # one id on both sides
        groups.join(here.owners[ident], there.owners[ident])
    for one in (here, there):
        for metric, ref in one.refs:
            owner = here.owners.get(ref) or there.owners.get(ref)
            if owner is not None and owner != metric:
                groups.join(metric, owner)
    _join_conversions(groups, here, there)
    balance: dict[str, int] = {}
    roots = {metric: groups.find(metric) for metric in groups.parent}
    for metric, root in roots.items():
        balance[root] = balance.get(root, 0) + here.counts.get(metric, 0) \
            - there.counts.get(metric, 0)
    over = {metric for metric, root in roots.items() if balance[root] < 0}
    return ({metric for metric in over if metric in here.counts},
            {metric for metric, root in roots.items()
             if metric not in over and metric in there.counts})


def _join_conversions(groups: _Groups, here: Links, there: Links) -> None:
    by_source: dict[str, str] = {}  # a converting source -> the first metric seen with it
    for one in (here, there):
        for metric, source in one.converting:
            groups.join(metric, by_source.setdefault(source, metric))
    codes: dict[str, set[str]] = {}
    for one in (here, there):
        for metric, (currencies, _) in one.money.items():
            codes.setdefault(metric, set()).update(currencies)
    for one in (here, there):
        for metric, (_, sources) in one.money.items():
            if len(codes[metric]) > 1:  # a figure and its conversion may be among these
                for source in sources:
                    groups.join(metric, by_source.setdefault(source, metric))


class _Groups:
    """Metrics joined into groups (union-find); a metric is added when first named."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def add(self, metric: str) -> None:
        self.parent.setdefault(metric, metric)

    def find(self, metric: str) -> str:
        parent = self.parent
        root = parent.setdefault(metric, metric)
        while parent[root] != root:
            root = parent[root]
        while metric != root:  # path compression
            parent[metric], metric = root, parent[metric]
        return root

    def join(self, one: str, other: str) -> None:
        one, other = self.find(one), self.find(other)
        if one != other:
            self.parent[other] = one
