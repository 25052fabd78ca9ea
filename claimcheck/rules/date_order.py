"""Dates in the wrong order: a figure dated after its source's publication, a reversed span.

A figure `as_of` a date that begins after the day its source's `published` date ends cannot
have been known then, unless it is a forecast or target (`projection: true`). Sources without
`published` are skipped. A `period` or `growth` whose `to` ends before its `from` begins has
its ends swapped.

Failing example::

    sources:
      cen-2025-03-05: {title: "China's AI boom", published: 2025-03-05}
    claims:
      - id: core-ai-scale
        metric: cn.ai.core_industry.scale
        value: 600 billion CNY
        as_of: 2025-04            # after 2025-03-05, and not a projection
        source: cen-2025-03-05

reports `core-ai-scale: a figure as of 2025-04 in a source published 2025-03-05: the date
begins after publication, and the claim is not marked projection: true`.

Passing example: `as_of: 2024-09`, or the same claim with `projection: true`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from claimcheck.dates import PartialDate
from claimcheck.findings import Finding, Severity
from claimcheck.model import Claim
from claimcheck.rules.base import Context, RuleOptions, finding

NAME = "date-order"
SEVERITY = Severity.ERROR


class Options(RuleOptions):
    pass


def check(context: Context, options: Options) -> Iterator[Finding]:
    sources = context.claimset.sources
    # Each source's last day of publication, read once a source, not once a claim.
    published_end = {source_id: source.published.end for source_id, source in sources.items()
                     if source.published is not None}
    checked = context.checked  # marked one by one: mark_checked's list would cost more
    # Most claims cite the source of the claim before: its end is kept, not looked up again
    # (a str compare, where a look-up would hash each claim's own copy of the id).
    last_source: str | None = None
    end: dt.date | None = None
    for claim in context.claimset.claims:
        as_of = claim.as_of
        if as_of is not None and not claim.projection:
            source = claim.source
            if source != last_source:
                last_source, end = source, published_end.get(source)
            if end is not None:
                checked.add(claim.id)
                if as_of.start > end:
                    published = sources[claim.source].published
                    assert published is not None
                    yield _after_publication(claim, published)
        period = claim.period
        if period is not None and period.end.end < period.start.start:
            yield _reversed(claim, "period", period.start, period.end)
    # The growth claims from their own list, not a field read off every claim: the report
    # sorts findings by place, rule and message, so this order is not the output's.
    for claim in context.claimset.linked.growths:
        growth = claim.growth
        assert growth is not None
        if growth.start_date is not None and growth.end_date is not None \
                and growth.end_date.end < growth.start_date.start:
            yield _reversed(claim, "growth", growth.start_date, growth.end_date)


def _after_publication(claim: Claim, published: PartialDate) -> Finding:
    assert claim.as_of is not None
    return finding(
        NAME,
        f"{claim.id}: a figure as of {claim.as_of} in a source published {published}: "
        "the date begins after publication, and the claim is not marked projection: true",
        [claim], as_of=claim.as_of.text, published=published.text, source=claim.source,
        days_after=(claim.as_of.start - published.end).days,
    )


def _reversed(claim: Claim, field: str, start: PartialDate, end: PartialDate) -> Finding:
    """A period or growth whose `to` ends before its `from` begins."""
    return finding(
        NAME,
        f"{claim.id}: {field} from {start} to {end} ends before it starts; "
        "are `from` and `to` swapped?",
        [claim], field=field, start=start.text, end=end.text,
    )
