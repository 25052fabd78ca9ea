"""ClaimSet: every valid claim and source of one run, indexed the ways the rules look."""

from __future__ import annotations

from dataclasses import dataclass, field

from claimcheck.dates import PartialDate
from claimcheck.model import Claim, Source


@dataclass(eq=False, repr=False)
class Linked:
    """The claims that point at others, by field, in file order: found in one pass for the
    rules that check them (growth, shares, totals, conversions), not one pass each."""

    growths: list[Claim] = field(default_factory=list)
    shares: list[Claim] = field(default_factory=list)
    totals: list[Claim] = field(default_factory=list)
    restating: list[Claim] = field(default_factory=list)
    referring: list[Claim] = field(default_factory=list)  # any of the four


@dataclass(eq=False, repr=False)
class ClaimSet:
    claims: list[Claim]
    sources: dict[str, Source]
    files: list[str] = field(default_factory=list)
    # Every claim id the files declare, valid or not: a reference to an invalid claim is
    # that claim's `invalid-file` finding, not a reference to nothing.
    declared: frozenset[str] = frozenset()
    # The claims by id, in their order: built here, unless the caller hands on the one it
    # built already (the loader's unique_claims does, finding the duplicate ids).
    by_id: dict[str, Claim] = field(default_factory=dict)
    by_metric: dict[str, list[Claim]] = field(init=False)
    valued_by_metric: dict[str, list[Claim]] = field(init=False)
    # The metrics whose figures are not all in one Unit object (values and their units are
    # read once a text, so one unit is one object): the few whose figures may need splitting
    # by dimension or currency. Most metrics have one, and the rules skip them unread.
    mixed_units: set[str] = field(init=False)
    # The claims that state a figure without a date (usually none): noted in the pass that
    # finds the figures, not in a second pass over every claim.
    undated: set[str] = field(init=False)
    # The metrics whose figures' dates do not each begin after the one before ends, in file
    # order (or some figure has none): only these can hold two figures for overlapping dates.
    # Most metrics are a series written in date order, which the comparing rules pass unsorted.
    unordered_dates: set[str] = field(init=False)
    linked: Linked = field(init=False)
    # The claims with an `ignore` (usually a few hundred): the engine's, noted in this pass
    # rather than by one more pass of its own over every claim.
    ignoring: list[Claim] = field(init=False)

    def __post_init__(self) -> None:
        # One pass over the claims builds the indexes by metric: at 100k claims each pass
        # costs tens of milliseconds in attribute reads alone. The loader yields claims in
        # file and line order already; sorting 100k is not free. The ids and the links are
        # picked out by comprehensions of their own, cheaper than a statement each in the
        # loop (a comprehension's appends and stores are single opcodes).
        claims = self.claims
        if len(self.by_id) != len(claims):
            self.by_id = {claim.id: claim for claim in claims}
        self.linked = _linked(claims)
        valued: dict[str, list[Claim]] = {}
        mixed: set[str] = set()
        undated: set[str] = set()
        unordered: set[str] = set()
        grouped: dict[str, list[Claim]] = {}
        ignoring: list[Claim] = []
        # Most claims follow one of their own metric (a series): its lists, first Unit and
        # last date are kept at hand while the metric lasts, not looked up again (two dict
        # look-ups a claim, each hashing a metric string read fresh from the YAML).
        last_metric: str | None = None
        group: list[Claim] = []
        figures: list[Claim] | None = None
        unit: object = None
        last: PartialDate | None = None
        for claim in claims:
            if claim.ignore:
                ignoring.append(claim)
            metric = claim.metric
            if metric != last_metric:
                last_metric = metric
                found = grouped.get(metric)
                if found is None:
                    group = grouped[metric] = [claim]
                else:
                    group = found
                    group.append(claim)
                figures = valued.get(metric)
                if figures is not None:
                    unit, last = figures[0].value.unit, figures[-1].date  # type: ignore[union-attr]
            else:
                group.append(claim)
            value = claim.value
            if value is None:
                continue  # a growth-only claim: in no index of figures
            date = claim.date
            if figures is None:
                figures = valued[metric] = [claim]
                unit = value.unit
            else:
                if value.unit is not unit:
                    mixed.add(metric)
                if date is None or last is None or date.start <= last.end:
                    unordered.add(metric)
                figures.append(claim)
            last = date
            if date is None:
                undated.add(claim.id)
        self.by_metric, self.valued_by_metric = grouped, valued
        self.mixed_units, self.undated, self.unordered_dates = mixed, undated, unordered
        self.ignoring = ignoring

    def source_of(self, claim: Claim) -> Source | None:
        return self.sources.get(claim.source)

    def valued(self, metric: str) -> list[Claim]:
        """Claims of a metric that state a figure (not growth-only claims); the index's own
        list, not a copy."""
        return self.valued_by_metric.get(metric, [])


def _linked(claims: list[Claim]) -> Linked:
    """The claims that point at others (about one in thirteen) picked out by one
    comprehension (read by specialised bytecode, three times faster than attrgetter's calls
    into each field), then each list from these few."""
    referring = [claim for claim in claims if claim.growth is not None
                 or claim.share is not None or claim.total is not None
                 or claim.restates is not None]
    return Linked(growths=[claim for claim in referring if claim.growth is not None],
                  shares=[claim for claim in referring if claim.share is not None],
                  totals=[claim for claim in referring if claim.total is not None],
                  restating=[claim for claim in referring if claim.restates is not None],
                  referring=referring)
