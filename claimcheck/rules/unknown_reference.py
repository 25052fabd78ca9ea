"""A source or claim id that is referenced but declared nowhere in the run.

References resolve across every file of one run: a claim may cite a source declared in a
file of shared sources, or restate a claim from another article's file.

Failing example::

    claims:
      - id: usd-figure
        metric: cn.ai.core_industry.scale
        value: $83.45 billion
        restates: core-ai-scale-2025-4     # typo: the claim is core-ai-scale-2025-04
        source: icn-2025

Passing example: the same claim with `restates: core-ai-scale-2025-04`, declared in any file.
A claim that is declared but invalid is not reported here: its `invalid-file` finding says why.
"""

from __future__ import annotations

from collections.abc import Iterator

from claimcheck.findings import Finding, Severity
from claimcheck.rules.base import Context, RuleOptions, finding

NAME = "unknown-reference"
SEVERITY = Severity.ERROR


class Options(RuleOptions):
    pass


def check(context: Context, options: Options) -> Iterator[Finding]:
    claimset = context.claimset
    sources = claimset.sources
    known: str | None = None  # the last source found declared: most claims cite their neighbour's
    for claim in claimset.claims:
        source = claim.source
        if source == known:  # a str compare, where a look-up would hash a fresh string
            continue
        if source in sources:
            known = source
        else:
            yield finding(NAME, f"claim {claim.id!r}: source {claim.source!r} is declared in "
                          "no file of this run", [claim], field="source", reference=claim.source)
    # Only the claims with a field Claim.references() reads: most claims have none of them.
    # (The report sorts findings, so a claim's reference findings need not follow its source's.)
    for claim in claimset.linked.referring:
        for field, ref in claim.references():
            if ref not in claimset.by_id and ref not in claimset.declared:
                yield finding(NAME, f"claim {claim.id!r}: {field} refers to claim {ref!r}, "
                              "which is declared in no file of this run", [claim],
                              field=field, reference=ref)
