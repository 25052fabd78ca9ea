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

import struct
from array import array
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from claimcheck.findings import Location
from claimcheck.model import Claim

# A metric or claim id crosses between the processes as its hash(): both share one hash seed
# (the child is forked), and 50k ids as an array of integers pickle in a millisecond, against
# 45-60 ms as a dict of strings. Two names with one hash only join their groups: a group
# larger than needed is checked alike on either side, so a collision changes no finding.
Key = int  # hash(name)


@dataclass
class Links:
    """What one process's claims tell about the groups, to be joined with the other's.
    Metrics and claim ids are Keys, source ids stay strings."""

    counts: dict[Key, int] = field(default_factory=dict)  # valid claims of each metric
    ids: array[int] = field(default_factory=lambda: array("q"))  # each valid claim's id
    metrics: array[int] = field(default_factory=lambda: array("q"))  # and its metric
    joins: list[tuple[Key, Key]] = field(default_factory=list)  # metrics one id or link joins
    refs: list[tuple[Key, str]] = field(default_factory=list)  # (metric, an id not held here)
    converting: list[tuple[Key, str]] = field(default_factory=list)  # (metric, source)
    money: set[tuple[Key, str, str]] = field(default_factory=set)  # dated: (metric, code, source)
    cited: set[str] = field(default_factory=set)  # the source ids the claims cite
    sources: list[tuple[str, Location]] = field(default_factory=list)  # in file order
    cut_keys: frozenset[Any] = frozenset()  # of its part of a cut file, but `claims`


def links(claims: list[Claim], sources: list[tuple[str, Location]]) -> Links:
    """The Links of one process's valid claims (one pass at C speed for what every claim
    has, Python only for the few that link or hold money)."""
    metrics = [claim.metric for claim in claims]
    ids = [claim.id for claim in claims]
    found = Links(counts={hash(metric): n for metric, n in Counter(metrics).items()},
                  ids=_hashes(ids), metrics=_hashes(metrics),
                  sources=sources, cited={claim.source for claim in claims})
    owners = dict(zip(reversed(ids), reversed(metrics), strict=True))  # first claim's metric
    if len(owners) < len(ids):  # an id given twice: its claims' metrics join
        found.joins = [(hash(owners[ident]), hash(metric))
                       for ident, metric in zip(ids, metrics, strict=True)
                       if owners[ident] != metric]
    for claim in [c for c in claims if c.restates or c.growth or c.share or c.total]:
        metric = hash(claim.metric)
        for _, ref in claim.references():
            owner = owners.get(ref)
            if owner is None:  # held there, or nowhere
                found.refs.append((metric, ref))
            elif owner != claim.metric:
                found.joins.append((metric, hash(owner)))
        if claim.restates:
            found.converting.append((metric, claim.source))
    found.money = {(hash(c.metric), c.value.unit.code, c.source) for c in claims
                   if c.value is not None and c.value.unit.kind == "currency"
                   and (c.as_of is not None or c.period is not None)}
    return found


def _hashes(names: list[str]) -> array[int]:
    """The hash() of each name, packed by struct: array('q') takes each int through a
    generic argument parser, twice the cost (15 ms a process at 100k claims)."""
    packed = array("q")
    packed.frombytes(struct.pack(f"{len(names)}q", *map(hash, names)))
    return packed


def moves(here: Links, there: Links) -> tuple[set[Key], set[Key]]:
    """The metrics whose claims here are checked there, and those whose claims there are
    checked here: each group goes to the side that holds most of its claims (here, on a tie).
    A metric that one side alone holds and nothing joins stays where it is."""
    groups = _Groups()
    for metric in here.counts.keys() & there.counts.keys():
        groups.add(metric)
    for one in (here, there):
        for metric, other in one.joins:
            groups.join(metric, other)
    on_both = set(here.ids).intersection(there.ids)  # one id on both sides
    here_owners = _owners(here, on_both | {hash(ref) for _, ref in there.refs})
    there_owners = _owners(there, on_both | {hash(ref) for _, ref in here.refs})
    for ident in on_both:
        groups.join(here_owners[ident], there_owners[ident])
    for one, owners in ((here, there_owners), (there, here_owners)):
        for metric, ref in one.refs:
            if hash(ref) in owners:
                groups.join(metric, owners[hash(ref)])
    _join_conversions(groups, here, there)
    balance: dict[Key, int] = {}
    roots = {metric: groups.find(metric) for metric in groups.parent}
    for metric, root in roots.items():
        balance[root] = balance.get(root, 0) + here.counts.get(metric, 0) \
            - there.counts.get(metric, 0)
    over = {metric for metric, root in roots.items() if balance[root] < 0}
    return ({metric for metric in over if metric in here.counts},
            {metric for metric, root in roots.items()
             if metric not in over and metric in there.counts})


def _owners(one: Links, wanted: set[Key]) -> dict[Key, Key]:
    """The metric of the first claim of each wanted id that one side holds."""
    if wanted.isdisjoint(one.ids):
        return {}
    owners: dict[Key, Key] = {}
    for ident, metric in zip(reversed(one.ids), reversed(one.metrics), strict=True):
        if ident in wanted:
            owners[ident] = metric
    return owners


def _join_conversions(groups: _Groups, here: Links, there: Links) -> None:
    by_source: dict[str, Key] = {}  # a converting source -> the first metric seen with it
    for one in (here, there):
        for metric, source in one.converting:
            groups.join(metric, by_source.setdefault(source, metric))
    first_code: dict[Key, str] = {}
    mixed: set[Key] = set()  # metrics in two currencies: a figure and its conversion may be here
    for one in (here, there):
        for metric, code, _ in one.money:
            if first_code.setdefault(metric, code) != code:
                mixed.add(metric)
    for one in (here, there):
        for metric, _, source in one.money:
            if metric in mixed:
                groups.join(metric, by_source.setdefault(source, metric))


class _Groups:
    """Metrics joined into groups (union-find); a metric is added when first named."""

    def __init__(self) -> None:
        self.parent: dict[Key, Key] = {}

    def add(self, metric: Key) -> None:
        self.parent.setdefault(metric, metric)

    def find(self, metric: Key) -> Key:
        parent = self.parent
        root = parent.setdefault(metric, metric)
        while parent[root] != root:
            root = parent[root]
        while metric != root:  # path compression
            parent[metric], metric = root, parent[metric]
        return root

    def join(self, one: Key, other: Key) -> None:
        one, other = self.find(one), self.find(other)
        if one != other:
            self.parent[other] = one
