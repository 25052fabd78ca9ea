"""Checking custom rules over the claims: one finding per comparison that no values satisfy,
and an `info` finding for each rule not run because the checked files lack what it names."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from claimcheck.custom.evaluation import (
    DataError,
    Outcome,
    RuleError,
    compare,
    fold_comparison,
    has,
    resolve,
)
from claimcheck.custom.loading import load_rules
from claimcheck.custom.quantities import Quantity, display_ends, label, rounded, show
from claimcheck.custom.spec import CustomRule, key_line
from claimcheck.custom.tree import Comparison, Literal
from claimcheck.findings import Finding, Location, Severity
from claimcheck.model import Claim

if TYPE_CHECKING:
    from claimcheck.rules.base import Context
    from claimcheck.ruleset import CustomRuleSource


def check_custom(context: Context, sources: list[CustomRuleSource]) -> Iterator[Finding]:
    """Load every custom rule (UsageError on a bad one), then check each over the claims."""
    rules = load_rules(context, sources)
    for rule in rules:
        if rule.absent:
            yield _not_run(rule)
        else:
            yield from _check(rule, context)


def _not_run(rule: CustomRule) -> Finding:
    """`custom rule band was not run: no claim 'usd' in the checked files`, at the key."""
    reason = "; ".join(absence.reason for absence in rule.absent)
    where = Location(rule.source.file, key_line(rule.source, rule.absent[0].key))
    found = _finding(rule, f"custom rule {rule.spec.name} was not run: {reason}", [],
                     reason=reason)
    return replace(found, locations=(where,), severity=Severity.INFO)


def _check(rule: CustomRule, context: Context) -> Iterator[Finding]:
    named = [context.claimset.by_id[claim_id] for claim_id in rule.named]
    if rule.spec.for_each is None:
        context.mark_checked(*named)
        yield from _verdict(rule, rule.comparison, context, None, named)
        return
    # Work out what does not depend on the for_each claim once, not once per claim.
    fixed = fold_comparison(rule.comparison, lambda ref: resolve(ref, None, context))
    needs = rule.bare
    for claim in context.claimset.by_metric[rule.spec.for_each.metric]:
        if all(has(claim, function) for function in needs):
            context.mark_checked(claim, *named)
            others = [c for c in named if c is not claim]
            yield from _verdict(rule, fixed, context, claim, [claim, *others])


def _verdict(rule: CustomRule, comparison: Comparison, context: Context, bound: Claim | None,
             claims: list[Claim]) -> Iterator[Finding]:
    try:
        outcome = compare(comparison, lambda ref: resolve(ref, bound, context))
    except (RuleError, DataError) as problem:
        message = f"{_prefix(rule, bound)}cannot evaluate: {problem}"
        yield _finding(rule, message, claims, problem=str(problem))
        return
    assert outcome is not None
    if outcome.holds:
        return
    left, expected = _shown_as(outcome.left, outcome.bounds), _expected(comparison, outcome)
    lo, hi = display_ends(left)
    yield _finding(rule, f"{_prefix(rule, bound)}{comparison.left.text} = {show(left)}, "
                   f"expected {expected}", claims, computed=show(left), low=rounded(lo),
                   high=rounded(hi), unit=label(left), expected=expected)


def _shown_as(left: Quantity, bounds: tuple[Quantity, ...]) -> Quantity:
    """A computed quantity in the unit of what it is compared with: t/ha times ha in million
    tonnes beside million tonnes, a ratio as a percentage beside one."""
    units = {bound.unit for bound in bounds}
    if left.unit is None and len(units) == 1 and all(b.dims == left.dims for b in bounds):
        unit = units.pop()
        if unit is not None and (unit.kind == "percent" or left.dims):
            return dataclasses.replace(left, unit=unit)
    return left


def _prefix(rule: CustomRule, bound: Claim | None) -> str:
    return f"custom rule {rule.spec.name}: " + (f"claim {bound.id}: " if bound else "")


def _expected(comparison: Comparison, outcome: Outcome) -> str:
    if comparison.op == "between":
        low, high = outcome.bounds
        same = label(low) == label(high) and label(low) != "%"
        return f"between {show(low, with_unit=not same)} and {show(high)}"
    bound, node = outcome.bounds[0], comparison.bounds[0]
    shown = show(bound)
    text = shown if isinstance(node, Literal) else f"{node.text} = {shown}"
    return f"{comparison.op} {text}"


def _finding(rule: CustomRule, message: str, claims: list[Claim], **details: Any) -> Finding:
    details = {"expression": rule.spec.expect, **details}
    if rule.spec.description:
        details["description"] = rule.spec.description
    return Finding(rule=rule.spec.name, message=message, claims=tuple(c.id for c in claims),
                   locations=tuple(c.location for c in claims), details=details,
                   severity=rule.spec.severity)
