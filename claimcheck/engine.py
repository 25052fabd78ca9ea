"""Runs the rules over a ClaimSet: stamps severity, applies ignores and the baseline, sorts."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass

from claimcheck.baseline import Baseline
from claimcheck.claimset import ClaimSet
from claimcheck.findings import Finding, Report, Severity, Uncheckable
from claimcheck.rulerun import run_rules
from claimcheck.rules import RULES
from claimcheck.rules.base import Context
from claimcheck.ruleset import RuleSet

# Rules whose findings come from loading, not from a check over the claims.
LOAD_RULES = frozenset({"invalid-file"})


@dataclass(frozen=True)
class Outcome:
    """What checking one set of claims found, severities stamped."""

    findings: list[Finding]
    ignored: dict[str, set[str]]  # claim id -> the rules its `ignore` accepts
    claims: int
    checked: int
    uncheckable: list[Uncheckable]


def run(claimset: ClaimSet, load_findings: Iterable[Finding], ruleset: RuleSet,
        baseline: Baseline | None = None, jobs: int = 1) -> Report:
    outcome = check(claimset, load_findings, ruleset, jobs)
    return report([outcome], len(claimset.files), baseline, claimset)


def check(claimset: ClaimSet, load_findings: Iterable[Finding], ruleset: RuleSet,
          jobs: int = 1) -> Outcome:
    enabled = {name: ruleset.options[name] for name in RULES if ruleset.enabled(name)}
    context = Context(claimset, widths=ruleset.widths, rates_file=ruleset.rates_file,
                      rule_options=enabled)
    raw = [f for f in load_findings if ruleset.enabled(f.rule)]
    raw += run_rules(context, [name for name in enabled if name not in LOAD_RULES], jobs)
    raw.extend(_custom_findings(context, ruleset))
    stamped = [_stamp(finding, ruleset) for finding in raw]
    return Outcome(findings=stamped,
                   ignored={claim.id: {i.rule for i in claim.ignore}
                            for claim in claimset.claims if claim.ignore},
                   claims=len(claimset.claims),
                   checked=len(context.checked & set(claimset.by_id)),
                   uncheckable=context.uncheckable())


def report(outcomes: list[Outcome], files: int, baseline: Baseline | None = None,
           claimset: ClaimSet | None = None) -> Report:
    """One report of the outcomes of checking disjoint sets of claims."""
    ignored = {claim: rules for outcome in outcomes for claim, rules in outcome.ignored.items()}
    found = (finding for outcome in outcomes for finding in outcome.findings)
    kept = sorted(_without_ignored(found, ignored), key=lambda f: f.sort_key)
    baselined, fixed = 0, list[str]()
    if baseline is not None:
        kept, baselined, fixed = baseline.filter(kept)
    uncheckable = [u for outcome in outcomes for u in outcome.uncheckable]
    return Report(
        files=files,
        claims=sum(outcome.claims for outcome in outcomes),
        findings=tuple(kept),
        checked=sum(outcome.checked for outcome in outcomes),
        uncheckable=tuple(sorted(uncheckable, key=lambda u: (u.location, u.claim))),
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


def _without_ignored(findings: Iterable[Finding],
                     ignored: dict[str, set[str]]) -> Iterable[Finding]:
    """Drop findings that one of their claims accepts, with a reason, in its `ignore`."""
    for finding in findings:
        if any(finding.rule in ignored.get(claim_id, ()) for claim_id in finding.claims):
            continue
        yield finding


def count_by_severity(report: Report) -> dict[str, int]:
    return {severity.value: report.count(severity) for severity in Severity}
