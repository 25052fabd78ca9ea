"""Runs the rules over a ClaimSet: stamps severity, applies ignores and the baseline, sorts."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from claimcheck.baseline import Baseline
from claimcheck.claimset import ClaimSet
from claimcheck.findings import Finding, Report, Severity
from claimcheck.rulerun import run_rules
from claimcheck.rules import RULES
from claimcheck.rules.base import Context
from claimcheck.ruleset import RuleSet

# Rules whose findings come from loading, not from a check over the claims.
LOAD_RULES = frozenset({"invalid-file"})


def run(claimset: ClaimSet, load_findings: Iterable[Finding], ruleset: RuleSet,
        baseline: Baseline | None = None, jobs: int = 1) -> Report:
    enabled = {name: ruleset.options[name] for name in RULES if ruleset.enabled(name)}
    context = Context(claimset, widths=ruleset.widths, rates_file=ruleset.rates_file,
                      rule_options=enabled)
    raw = [f for f in load_findings if ruleset.enabled(f.rule)]
    raw += run_rules(context, [name for name in enabled if name not in LOAD_RULES], jobs)
    raw.extend(_custom_findings(context, ruleset))
    stamped = [_stamp(finding, ruleset) for finding in raw]
    kept = sorted(_without_ignored(stamped, claimset), key=lambda f: f.sort_key)
    baselined, fixed = 0, list[str]()
    if baseline is not None:
        kept, baselined, fixed = baseline.filter(kept)
    return Report(
        files=len(claimset.files),
        claims=len(claimset.claims),
        findings=tuple(kept),
        checked=len(context.checked & set(claimset.by_id)),
        uncheckable=tuple(context.uncheckable()),
        baselined=baselined,
        fixed=tuple(fixed),
        claimset=claimset,
    )


def _custom_findings(context: Context, ruleset: RuleSet) -> list[Finding]:
    if not ruleset.custom:
        return []
    from claimcheck.custom import check_custom

    return list(check_custom(context, ruleset.custom))


def _stamp(finding: Finding, ruleset: RuleSet) -> Finding:
    base = finding.severity or ruleset.severity(finding.rule)
    return dataclasses.replace(finding, severity=base.lowered(finding.demote))


def _without_ignored(findings: list[Finding], claimset: ClaimSet) -> Iterable[Finding]:
    """Drop findings that one of their claims accepts, with a reason, in its `ignore`."""
    ignored = {claim.id: {i.rule for i in claim.ignore} for claim in claimset.claims
               if claim.ignore}
    for finding in findings:
        if any(finding.rule in ignored.get(claim_id, ()) for claim_id in finding.claims):
            continue
        yield finding


def count_by_severity(report: Report) -> dict[str, int]:
    return {severity.value: report.count(severity) for severity in Severity}
