"""Run the built-in rules, in two processes where that pays: same findings, same order.

A forked child sees the loaded claims without copying them and sends back only what its
rules found; the parent runs the other rules meanwhile. Each rule's coverage (claims it
checked, reasons it could not) is kept apart and merged in rule order afterwards, so the
report does not depend on which process ran which rule.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from claimcheck.findings import Finding
from claimcheck.forked import can_fork, with_child
from claimcheck.rules import RULES
from claimcheck.rules.base import Context, RuleOptions

# The rules that share the comparable groups and their conflicts (redated-figure,
# conflicting-values, scale-slip) stay together with the parent (apart, each process would
# build them), with the two cheapest; the child takes the rest: about half the work each on
# the benchmark's 100k claims.
CHILD_LANE = frozenset({"currency-conversion", "growth-arithmetic", "share-of-total",
                        "sum-of-parts", "date-order"})
FORK_FROM_CLAIMS = 5_000  # below this, a second process saves nothing measurable


@dataclass(eq=False, repr=False)
class RuleResult:
    """What one rule found, and the coverage it recorded."""

    name: str
    findings: list[Finding]
    checked: set[str]
    reasons: dict[str, str]


def run_rules(context: Context, names: Sequence[str], jobs: int = 1) -> list[Finding]:
    """The findings of the named rules, in rule order; their coverage merged into context."""
    if not (jobs > 1 and len(context.claimset.claims) >= FORK_FROM_CLAIMS and can_fork()):
        return _in_this_process(context, names)
    results = _in_two_processes(context, names)
    findings: list[Finding] = []
    for result in results:
        findings += result.findings
        context.checked |= result.checked
        for claim_id, reason in result.reasons.items():
            context.reasons.setdefault(claim_id, reason)
    return findings


def _in_this_process(context: Context, names: Sequence[str]) -> list[Finding]:
    """The rules one after another, each marking the context's own coverage: in rule order,
    as the merge of run_rules would (checked a union, a claim's first reason kept), with no
    set a rule to fill and merge (tens of thousands of ids each). No rule reads coverage."""
    findings: list[Finding] = []
    for name in names:
        findings += RULES[name].check(context, context.rule_options[name])
    return findings


def _run_one(context: Context, name: str) -> RuleResult:
    checked, reasons = context.checked, context.reasons
    context.checked, context.reasons = set(), {}
    try:
        options: RuleOptions = context.rule_options[name]
        findings = list(RULES[name].check(context, options))
        return RuleResult(name, findings, context.checked, context.reasons)
    finally:
        context.checked, context.reasons = checked, reasons


def _in_two_processes(context: Context, names: Sequence[str]) -> list[RuleResult]:
    child_names = [name for name in names if name in CHILD_LANE]
    mine, theirs = with_child(
        lambda: [_run_one(context, name) for name in child_names],
        lambda: {name: _run_one(context, name) for name in names if name not in CHILD_LANE})
    if theirs is None:  # the child failed: run its lane here, where errors surface normally
        theirs = [_run_one(context, name) for name in child_names]
    by_name = {**mine, **{result.name: result for result in theirs}}
    return [by_name[name] for name in names]
