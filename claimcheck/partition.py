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
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import compress
from operator import itemgetter
from typing import Any

from claimcheck.findings import Location
from claimcheck.model import Claim

# A metric or claim id crosses between the processes as its hash(): both share one hash seed
# (the child is forked), and 50k ids as an array of integers pickle in a millisecond, against
# 45-60 ms as a dict of strings. Two names with one hash only join their groups: a group
# larger than needed is checked alike on either side, so a collision changes no finding.
Key = int  # hash(name)


@dataclass(eq=False, repr=False)
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


def links(claims: list[Claim], sources: list[tuple[str, Location]],
          cited: set[str] | None = None) -> Links:
    """The Links of one process's valid claims (one pass at C speed for what every claim
    has, Python only for the few that link or hold money); `cited`, the sources they cite,
    where the caller has it already."""
    metrics = [claim.metric for claim in claims]
    ids = [claim.id for claim in claims]
    found = Links(counts={hash(metric): n for metric, n in Counter(metrics).items()},
                  ids=_hashes(ids), metrics=_hashes(metrics), sources=sources,
                  cited={claim.source for claim in claims} if cited is None else cited)
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
    groups = _Groups(here.counts.keys() & there.counts.keys())
    groups.join(here.joins)
    groups.join(there.joins)
    groups.join(_id_joins(here, there))
    groups.join(_conversion_joins(here, there))
    roots = groups.roots()
    balance: dict[Key, int] = {}
    here_counts, there_counts = here.counts, there.counts
    for metric, root in roots.items():
        balance[root] = balance.get(root, 0) + here_counts.get(metric, 0) \
            - there_counts.get(metric, 0)
    give: set[Key] = set()
    take: set[Key] = set()
    for metric, root in roots.items():
        if balance[root] < 0:
            if metric in here_counts:
                give.add(metric)
        elif metric in there_counts:
            take.add(metric)
    return give, take


def _id_joins(here: Links, there: Links) -> list[tuple[Key, Key]]:
    """The metrics an id joins across the sides: one id on both, or a link to an id held
    on the other side."""
    here_ids, there_ids = here.ids.tolist(), there.ids.tolist()  # ints made at C speed
    on_both = set(here_ids).intersection(there_ids)
    here_owners = _owners(here_ids, here.metrics, on_both | {hash(ref) for _, ref in there.refs})
    there_owners = _owners(there_ids, there.metrics,
                           on_both | {hash(ref) for _, ref in here.refs})
    pairs = [(here_owners[ident], there_owners[ident]) for ident in on_both]
    for one, owners in ((here, there_owners), (there, here_owners)):
        for metric, ref in one.refs:
            owner = owners.get(hash(ref))
            if owner is not None:
                pairs.append((metric, owner))
    return pairs


def _owners(ids: list[Key], metrics: array[int], wanted: set[Key]) -> dict[Key, Key]:
    """The metric of the first claim of each wanted id among these (the few places of
    wanted ids picked at C speed, not a loop over every claim)."""
    owners: dict[Key, Key] = {}
    for index in compress(range(len(ids)), map(wanted.__contains__, ids)):
        owners.setdefault(ids[index], metrics[index])
    return owners


_METRIC = itemgetter(0)
_METRIC_CODE = itemgetter(0, 1)


def _conversion_joins(here: Links, there: Links) -> list[tuple[Key, Key]]:
    """The metrics joined by the conversions of one source: those that restate a figure,
    and those given in two currencies (a figure and its conversion may be there)."""
    by_source: dict[str, Key] = {}  # a converting source -> the first metric seen with it
    pairs = [(metric, by_source.setdefault(source, metric))
             for one in (here, there) for metric, source in one.converting]
    money = list(here.money | there.money)
    codes = set(map(_METRIC_CODE, money))  # (metric, code), each once
    # A metric in two currencies has a (metric, code) that a dict of them kept for another
    # code; both sets are built in C, not a loop over every figure.
    mixed = set(map(_METRIC, codes.difference(dict(codes).items())))
    if mixed:
        pairs += [(metric, by_source.setdefault(source, metric)) for metric, _, source
                  in compress(money, map(mixed.__contains__, map(_METRIC, money)))]
    return pairs


class _Groups:
    """Metrics joined into groups (union-find); a metric is added when first named."""

    def __init__(self, metrics: Iterable[Key]) -> None:
        self.parent: dict[Key, Key] = {metric: metric for metric in metrics}

    def join(self, pairs: Iterable[tuple[Key, Key]]) -> None:
        """Join the groups of each pair: finds written out in the loop (path halving), as a
        method call each cost more than the rest (10k-15k pairs at 100k claims)."""
        parent = self.parent
        for one, other in pairs:
            one = parent.setdefault(one, one)
            while one != (up := parent[one]):
                parent[one] = one = parent[up]  # one's parent is now its grandparent
            other = parent.setdefault(other, other)
            while other != (up := parent[other]):
                parent[other] = other = parent[up]
            if one != other:
                parent[other] = one

    def roots(self) -> dict[Key, Key]:
        """The root of each metric's group."""
        parent = self.parent
        roots: dict[Key, Key] = {}
        for metric in parent:
            root = metric
            while root != (up := parent[root]):
                parent[root] = root = parent[up]
            roots[metric] = root
        return roots
