"""Runs the rules over a ClaimSet: stamps severity, applies ignores and the baseline, sorts."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import chain
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from claimcheck.claimset import ClaimSet
from claimcheck.findings import Finding, Location, Report, Severity, Uncheckable
from claimcheck.rulerun import run_rules
from claimcheck.rules import RULES
from claimcheck.rules.base import Context
from claimcheck.ruleset import RuleSet

if TYPE_CHECKING:  # a baseline is imported where it is read (api): most runs have none
    from claimcheck.baseline import Baseline

# Rules whose findings come from loading, not from a check over the claims.
LOAD_RULES = frozenset({"invalid-file"})
# Uncheckable claims in the order of (location, claim), as flat values: Location's dataclass
# __eq__ and __lt__, run in Python for every comparison, took half the time of report().
_PLACE = attrgetter("location.file", "location.line", "claim")


@dataclass(frozen=True, eq=False, repr=False)
class Outcome:
    """What checking one set of claims found, severities stamped."""

    findings: list[Finding]
    ignored: dict[str, set[str]]  # claim id -> the rules its `ignore` accepts
    claims: int
    checked: int
    uncheckable: list[Uncheckable]

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickled as rows of plain values (a split run's child sends its outcome, between its
        # last rule and the report): object by object, each Location and Uncheckable through
        # its own __reduce__, 944 findings and 3,117 uncheckable claims cost 49 ms to pickle
        # and 30 ms to unpickle at 100k claims; as rows, 24 ms and 27 ms.
        return _outcome, (
            [(f.rule, f.message, f.claims, [(at.file, at.line) for at in f.locations],
              f.details, f.severity, f.demote) for f in self.findings],
            self.ignored, self.claims, self.checked,
            [(u.claim, u.location.file, u.location.line, u.reason) for u in self.uncheckable])


def _outcome(findings: list[tuple[Any, ...]], ignored: dict[str, set[str]], claims: int,
             checked: int, uncheckable: list[tuple[str, str, int, str]]) -> Outcome:
    """An Outcome from the rows of Outcome.__reduce__."""
    return Outcome(
        [Finding(rule, message, ids, tuple(Location(*at) for at in locations), details,
                 severity, demote)
         for rule, message, ids, locations, details, severity, demote in findings],
        ignored, claims, checked,
        [Uncheckable(claim, Location(file, line), reason)
         for claim, file, line, reason in uncheckable])


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
    stamped = _stamped(raw, ruleset)
    return Outcome(findings=stamped,
                   ignored={claim.id: {i.rule for i in claim.ignore}
                            for claim in claimset.ignoring},
                   claims=len(claimset.claims),
                   checked=_among(context.checked, claimset),
                   uncheckable=context.uncheckable())


def _among(checked: set[str], claimset: ClaimSet) -> int:
    """How many of the checked ids are the claimset's: all of them, as a rule marks only the
    claims it is given; asked of the ids (a look-up each) before a set of 50k is built."""
    ids = claimset.by_id.keys()
    return len(checked) if ids >= checked else len(ids & checked)


def report(outcomes: list[Outcome], files: int, baseline: Baseline | None = None,
           claimset: ClaimSet | None = None) -> Report:
    """One report of the outcomes of checking disjoint sets of claims."""
    ignored = {claim: rules for outcome in outcomes for claim, rules in outcome.ignored.items()}
    found = chain.from_iterable(outcome.findings for outcome in outcomes)
    kept = sorted(_without_ignored(found, ignored), key=attrgetter("sort_key"))
    baselined, fixed = 0, list[str]()
    if baseline is not None:
        kept, baselined, fixed = baseline.filter(kept)
    uncheckable = chain.from_iterable(outcome.uncheckable for outcome in outcomes)
    return Report(
        files=files,
        claims=sum(outcome.claims for outcome in outcomes),
        findings=tuple(kept),
        checked=sum(outcome.checked for outcome in outcomes),
        uncheckable=tuple(sorted(uncheckable, key=_PLACE)),
        baselined=baselined,
        fixed=tuple(fixed),
        claimset=claimset,
    )


def _custom_findings(context: Context, ruleset: RuleSet) -> list[Finding]:
    if not ruleset.custom:
        return []
    from claimcheck.custom import check_custom

    return list(check_custom(context, ruleset.custom))


def _stamped(findings: list[Finding], ruleset: RuleSet) -> list[Finding]:
    """The findings with their severities: a rule's own, or the rule set's, lowered by the
    finding's `demote`. Each rebuilt by its fields (dataclasses.replace reads the class's
    fields and builds keywords for every one of hundreds), each rule's severity asked once."""
    severities: dict[str, Severity] = {}
    stamped = []
    for finding in findings:
        base = finding.severity
        if base is None:
            rule = finding.rule
            base = severities.get(rule)
            if base is None:
                base = severities[rule] = ruleset.severity(rule)
        stamped.append(Finding(finding.rule, finding.message, finding.claims, finding.locations,
                               finding.details, base.lowered(finding.demote), finding.demote))
    return stamped


def _without_ignored(findings: Iterable[Finding],
                     ignored: dict[str, set[str]]) -> list[Finding]:
    """Drop findings that one of their claims accepts, with a reason, in its `ignore`."""
    ignoring = ignored.keys()  # few claims ignore a rule: most findings name none of them
    return [finding for finding in findings
            if ignoring.isdisjoint(finding.claims) or not _accepted(finding, ignored)]


def _accepted(finding: Finding, ignored: dict[str, set[str]]) -> bool:
    return any(finding.rule in ignored.get(claim_id, ()) for claim_id in finding.claims)


def count_by_severity(report: Report) -> dict[str, int]:
    return {severity.value: report.count(severity) for severity in Severity}
