"""Loading custom rules: validate each rule's keys, parse `expect`, and check its units against
the claims it names, before any claim is checked.

A rule that cannot mean anything (bad shape, syntax, unknown function, unit mismatch, name clash)
is a UsageError. A rule naming a claim id or `for_each` metric the checked files lack is loaded
with its `absent` reasons and not run: checking another folder with this project's rule set is
not a bad rule set.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from pydantic import ValidationError

from claimcheck.custom.evaluation import DataError, RuleError, compare, has, resolve
from claimcheck.custom.expression import ExpressionSyntaxError, parse_expression
from claimcheck.custom.quantities import Quantity
from claimcheck.custom.spec import Absence, CustomRule, CustomRuleSpec, usage
from claimcheck.custom.tree import Comparison, Ref, refs_of
from claimcheck.validation import describe_errors

if TYPE_CHECKING:
    from claimcheck.claimset import ClaimSet
    from claimcheck.rules.base import Context
    from claimcheck.ruleset import CustomRuleSource


def load_rules(context: Context, sources: list[CustomRuleSource]) -> list[CustomRule]:
    """The enabled rules, in order; UsageError on the first bad one or a name used twice."""
    from claimcheck.rules import RULES  # here: the registry imports the rules package

    rules: list[CustomRule] = []
    seen: dict[str, CustomRuleSource] = {}
    for source in sources:
        rule = _load(source, context)
        name = rule.spec.name
        if name in RULES:
            raise usage(source, name, "name", "clashes with the built-in rule of that name")
        if name in seen:
            raise usage(source, name, "name", f"is already defined at {seen[name].file}:"
                                              f"{seen[name].line}")
        seen[name] = source
        if rule.spec.enabled:
            rules.append(rule)
    return rules


def _load(source: CustomRuleSource, context: Context) -> CustomRule:
    name = str(source.body.get("name", "(unnamed)"))
    spec = _spec(source, name)
    comparison = _parse(source, name, spec.expect)
    named = tuple(dict.fromkeys(r.claim for r in refs_of(comparison) if r.claim is not None))
    rule = CustomRule(source, spec, comparison, named)
    if not spec.enabled:
        return rule  # its shape and syntax are checked; its claims need not exist
    claimset = context.claimset
    _validate_refs(rule, claimset)

    def known(ref: Ref) -> Quantity | None:
        # Unknown at load: the for_each claim, and a claim the checked files lack.
        return None if ref.claim not in claimset.by_id else resolve(ref, None, context)

    try:
        compare(comparison, known)
    except RuleError as error:
        raise usage(source, name, "expect", f"expect: {error}") from None
    except DataError:
        pass  # the claims' values, not the rule: reported as a finding when checked
    return replace(rule, absent=tuple(_absences(rule, claimset)))


def _spec(source: CustomRuleSource, name: str) -> CustomRuleSpec:
    try:
        return CustomRuleSpec.model_validate(source.body)
    except ValidationError as error:
        key = str(error.errors()[0]["loc"][0]) if error.errors()[0]["loc"] else None
        raise usage(source, name, key, describe_errors(error)) from None


def _parse(source: CustomRuleSource, name: str, expect: str) -> Comparison:
    try:
        return parse_expression(expect)
    except ExpressionSyntaxError as error:
        raise usage(source, name, "expect", f"expect: syntax error at column {error.column}: "
                                            f"{error}") from None


def _validate_refs(rule: CustomRule, claimset: ClaimSet) -> None:
    """The references make sense: a bare one has its for_each, a named claim states the figure."""
    source, name, for_each = rule.source, rule.spec.name, rule.spec.for_each
    for ref in refs_of(rule.comparison):
        if ref.claim is None and for_each is None:
            raise usage(source, name, "expect", f"expect: bare `{ref.function}` (column "
                        f"{ref.column}) needs `for_each`; name a claim with {ref.function}(ID)")
        claim = claimset.by_id.get(ref.claim) if ref.claim is not None else None
        if claim is not None and not has(claim, ref.function):
            what = "a growth rate" if ref.function == "rate" else "a value"
            raise usage(source, name, "expect", f"expect: {ref.text}: claim {ref.claim!r} "
                        f"states no {what}")
    if not rule.named and for_each is None:
        raise usage(source, name, "expect", "expect: refers to no claim; use value(ID), or "
                    "`for_each` with a bare `value`")


def _absences(rule: CustomRule, claimset: ClaimSet) -> Iterator[Absence]:
    """What the rule names that the checked files lack: `no claim 'a' or 'b' in ...`."""
    missing = [f"{claim_id!r}" for claim_id in rule.named if claim_id not in claimset.by_id]
    if missing:
        ids = missing[0] if len(missing) == 1 else f"{', '.join(missing[:-1])} or {missing[-1]}"
        yield Absence("expect", f"no claim {ids} in the checked files")
    for_each = rule.spec.for_each
    if for_each is not None and for_each.metric not in claimset.by_metric:
        yield Absence("for_each", f"no claim has metric {for_each.metric!r} in the checked files")
