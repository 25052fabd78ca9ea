"""A large run checked in two processes, each parsing, validating and checking its own share.

The files are split into two shares of about equal size, a large file cut between two claims
(pieces.py); each process parses and validates its own share, so the parse runs in parallel
too. Then they trade what the rules need (partition.py): each group of claims that no rule
looks across is checked where most of it is, and the other process sends its few claims of
it over; each learns the sources its claims cite and the referenced ids the other declares.
Each runs every rule on its claims; only findings and coverage come back. The parent plans
the moves from both Links and sends the child the part of the plan it needs; then one
message each way carries the claims and sources.

The sources the child's claims cite cross first, on the path the child waits on: it sends
their ids as soon as its claims are valid, the parent looks them up while the child sums
up its Links, and the child rebuilds them while the parent plans. At 100k claims that takes
the parent's look-up (40-45 ms), its pickling (15-20 ms) and the child's rebuilding (40-50
ms) off that path; the ids fit in the pipe (forked._widen), so the child does not wait for
a parent that is not done yet.

Not for custom rules, which may relate any claims, nor for reports that quote claims
(Markdown, JUnit), which need every claim model in one process. A small run, a file that
cannot be cut safely, or a child that fails: the run is checked whole here, its rules split
over two processes where that pays (rulerun.py). The report never depends on the split.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import compress
from operator import attrgetter, not_
from typing import TYPE_CHECKING

from claimcheck import engine, pieces
from claimcheck.claimset import ClaimSet
from claimcheck.findings import Finding, Report
from claimcheck.forked import Channel, ChildLost, Partner
from claimcheck.inputs import Limits
from claimcheck.loader import (
    ParsedFile,
    declared_sources,
    duplicate_sources,
    load_claims,
    load_paths,
    unique_claims,
)
from claimcheck.model import Claim
from claimcheck.partition import Key, Links, links, moves
from claimcheck.pieces import Piece, parse_piece
from claimcheck.ruleset import RuleSet
from claimcheck.sourcerows import SourceRow, rebuilt_sources, source_rows

if TYPE_CHECKING:  # imported where a baseline is read (api): most runs have none
    from claimcheck.baseline import Baseline
    from claimcheck.prescan import Prescan

LOPSIDED = 3  # a side with this many times the other's claims splits its rules over two
FEW = 1000  # claims from the other side put in place one by one; more are sorted in
# The shares of the last split run, kept: freeing 100k claims and their parsed data one object
# at a time costs 0.1-0.2 s, which would fall between the findings and the report (the CLI
# then exits without freeing anything). A child never frees its share; the parent frees the
# previous run's when the next run's share is parsed.
_KEPT: list[_Share] = []
_METRIC = attrgetter("metric")


def check_in_halves(files: list[str], limits: Limits, ruleset: RuleSet,
                    baseline: Baseline | None, prescan: Prescan | None = None) -> Report:
    """The report of the files, with no claim models in it (their cut parts scanned by the
    prescan's helper, where it was started for these files and limits)."""
    halves = prescan.halves(files, limits) if prescan is not None else None
    if halves is None:
        halves = pieces.halves(files, limits)
    if halves is not None:
        numbers = {path: number for number, path in enumerate(files)}
        try:
            with Partner(lambda channel: _child(channel, halves[1], numbers, limits,
                                                ruleset)) as partner:
                outcomes = _parent(partner, halves[0], numbers, limits, ruleset)
            if outcomes is not None:
                return engine.report(outcomes, len(files), baseline)
        except Exception:  # noqa: BLE001 - the child lost, or a fault in the split's own code
            pass  # checked whole below, where errors surface normally
    claimset, load_findings = load_paths(files, limits)
    return engine.report([engine.check(claimset, load_findings, ruleset, jobs=2)], len(files),
                         baseline)


@dataclass(eq=False, repr=False)
class _Given:
    """What one process sends the other once the plan says where each group is checked."""

    claims: list[Claim]  # its claims of the groups checked there
    sources: list[SourceRow]  # sources the other's claims cite that this one declares
    declared: set[str]  # the ids the other's claims reference that this one declares


@dataclass(eq=False, repr=False)
class _Plan:
    """The parent's plan of the trade, from both Links: what the child needs of it."""

    to_child: set[Key]  # the metrics whose claims the parent gives
    to_parent: set[Key]  # those whose claims the child gives
    sizes: tuple[int, int]  # how many claims each side then checks, parent first
    cited: set[str]  # sources the parent's claims cite that the child declares
    refs: set[str]  # ids the parent's claims reference that it does not hold


def _child(channel: Channel, pieces: list[Piece], numbers: dict[str, int], limits: Limits,
           ruleset: RuleSet) -> engine.Outcome | None:
    share = _Share.parse(pieces, limits)
    if share is not None:
        _KEPT.append(share)
    # The sources its claims cite go first: the parent looks them up while this process sums
    # up its Links, and this one rebuilds them while the parent plans (see the top).
    cited = share.cited() if share is not None else None
    channel.send(cited)
    found = share.links(cited) if share is not None else None
    rows: list[SourceRow] | None = channel.receive_message()
    channel.send(found)
    sources = rebuilt_sources(rows or ())
    plan: _Plan | None = channel.receive_message()
    if share is None or plan is None:
        return None
    given = share.give(plan.to_parent)
    # The child sends first and the parent answers: two large writes at once would block.
    channel.send(_Given(given, share.entries(plan.cited | {c.source for c in given}),
                        share.declared_of(plan.refs, given)))
    received: _Given = channel.receive_message()
    share.take(received.claims, numbers)
    share.sources.update(sources)
    share.sources.update(rebuilt_sources(received.sources))
    parent_size, child_size = plan.sizes
    return share.check(ruleset, share.declared | received.declared,
                       _jobs(child_size, parent_size))


def _parent(partner: Partner, pieces: list[Piece], numbers: dict[str, int], limits: Limits,
            ruleset: RuleSet) -> list[engine.Outcome] | None:
    share = _Share.parse(pieces, limits)
    _KEPT[:] = [share] if share is not None else []
    mine = share.links() if share is not None else None  # while the child may still work
    cited: set[str] | None = partner.receive()
    sent = cited if cited is not None else set()  # the sources whose rows go first
    partner.send(share.entries(sent) if share is not None else None)
    theirs: Links | None = partner.receive()
    if mine is not None and theirs is not None and mine.cut_keys & theirs.cut_keys:
        mine = None  # a key given twice, before and after the cut: the whole file's parse says so
    if share is None or mine is None or theirs is None:
        partner.send(None)
        return None
    # The parent alone plans the moves, and sends the child only what it needs of them: the
    # child rebuilds the sources it was sent meanwhile (see the top).
    to_child, to_parent = moves(mine, theirs)
    sizes = _sizes(mine, theirs, to_child, to_parent)
    declared_there = {ident for ident, _ in theirs.sources}
    partner.send(_Plan(to_child, to_parent, sizes, mine.cited & declared_there,
                       {ref for _, ref in mine.refs}))
    given = share.give(to_child)
    answer = _Given(given, share.entries({c.source for c in given} - sent),
                    share.declared_of({ref for _, ref in theirs.refs}, given))
    received: _Given = partner.receive()
    partner.send(answer)
    share.take(received.claims, numbers)
    share.sources.update(rebuilt_sources([row for row in received.sources
                                          if row[0] not in share.sources]))
    share.findings += duplicate_sources(mine.sources + theirs.sources)
    here = share.check(ruleset, share.declared | received.declared, _jobs(*sizes))
    there: engine.Outcome | None = partner.receive()
    if there is None:
        raise ChildLost("the child found its share unreadable after all")
    return [here, there]


def _sizes(parent: Links, child: Links, to_child: set[Key], to_parent: set[Key]) -> tuple[
        int, int]:
    """How many claims each side checks once the groups have moved."""
    moved_to_child = sum(parent.counts[metric] for metric in to_child)
    moved_to_parent = sum(child.counts[metric] for metric in to_parent)
    return (sum(parent.counts.values()) - moved_to_child + moved_to_parent,
            sum(child.counts.values()) - moved_to_parent + moved_to_child)


def _jobs(claims: int, others: int) -> int:
    """Two processes for the rules of a side that holds most of the claims."""
    return 2 if claims > LOPSIDED * others else 1


class _Share:
    """One process's share of the run: its files parsed, its claims validated."""

    def __init__(self, parsed: list[ParsedFile]) -> None:
        self.parsed = parsed
        self.claims: list[Claim] = []
        self.findings: list[Finding] = []
        for one in parsed:
            self.findings += one.loaded.findings
            valid, invalid = load_claims(one)
            self.claims += valid
            self.findings += invalid
        # a source id's first declaration, and every valid one in file order
        self.sources, self.declarations = declared_sources(one.loaded for one in parsed)
        self.declared: set[str] = set().union(*(one.loaded.declared for one in parsed))

    @classmethod
    def parse(cls, pieces: list[Piece], limits: Limits) -> _Share | None:
        """The share, or None where a cut part does not parse as its cut expects."""
        parsed = []
        for piece in pieces:
            one = parse_piece(piece, limits)
            if one is None:
                return None
            parsed.append(one)
        return cls(parsed)

    def cited(self) -> set[str]:
        """The source ids its claims cite."""
        return {claim.source for claim in self.claims}

    def links(self, cited: set[str] | None = None) -> Links:
        found = links(self.claims, self.declarations, cited)
        found.cut_keys = frozenset().union(*(one.cut_keys for one in self.parsed))
        return found

    def give(self, metrics: set[Key]) -> list[Claim]:
        """Take the claims of these metrics out of the share, and return them."""
        if not metrics:
            return []
        # Each claim's metric looked up once, at C speed, and the claims picked by compress:
        # two comprehensions cost 29.5M instructions per 20k claims, this 25.6M (callgrind).
        claims = self.claims
        moving = list(map(metrics.__contains__, map(hash, map(_METRIC, claims))))
        self.claims = list(compress(claims, map(not_, moving)))
        return list(compress(claims, moving))

    def declared_of(self, refs: set[str], given: list[Claim]) -> set[str]:
        """The ids this share declares that the other's claims reference: its own (`refs`:
        those that may point out of their metric) and the ones it is given."""
        return (refs | {ref for c in given for _, ref in c.references()}) & self.declared

    def take(self, claims: list[Claim], numbers: dict[str, int]) -> None:
        """Add claims from the other share, keeping file order (the loader's order)."""
        def order(claim: Claim) -> tuple[int, int]:
            where = claim.location
            return (numbers[where.file], where.line) if where is not None else (0, 0)

        if len(claims) > FEW:
            self.claims = sorted(self.claims + claims, key=order)
        else:
            for claim in claims:  # a few: each put in its place, the rest not sorted again
                bisect.insort(self.claims, claim, key=order)

    def entries(self, wanted: Iterable[str]) -> list[SourceRow]:
        """The first valid declarations of the wanted sources this share declares, by id."""
        return source_rows(self.sources, wanted)

    def check(self, ruleset: RuleSet, declared: set[str], jobs: int = 1) -> engine.Outcome:
        by_id, duplicates = unique_claims(self.claims)
        claimset = ClaimSet(list(by_id.values()), self.sources, [], frozenset(declared), by_id)
        return engine.check(claimset, self.findings + duplicates, ruleset, jobs)
