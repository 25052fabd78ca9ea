"""Evaluating an `expect` tree: interval arithmetic with units over the claims it names.

A comparison HOLDS when some values in the intervals satisfy it (a rounded or qualified figure is
not wrong). Two kinds of trouble: `RuleError`, the rule cannot mean anything (mismatched units),
and `DataError`, the claims make it undefined (a division by zero).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from fractions import Fraction
from typing import TYPE_CHECKING

from claimcheck.custom.quantities import (
    HOLDS,
    Quantity,
    at_most,
    combine,
    compatible,
    dims_of,
    kind_name,
    multiply,
    reciprocal,
)
from claimcheck.custom.tree import Binary, Comparison, Known, Literal, Negate, Node, Ref, refs_of
from claimcheck.interval import Interval
from claimcheck.model import Claim
from claimcheck.qualifiers import widen
from claimcheck.units import ISO_CURRENCIES, Unit

if TYPE_CHECKING:
    from claimcheck.rules.base import Context


class RuleError(Exception):
    """The rule cannot mean anything (mismatched units): a usage error when loading."""


class DataError(Exception):
    """The claims make the expression undefined (a division by zero): a finding."""


Env = Callable[[Ref], "Quantity | None"]  # None: not known yet (a for_each claim, at load)
_VERBS = {"+": "adds", "-": "subtracts"}


def evaluate(node: Node, env: Env) -> Quantity | None:
    if isinstance(node, (Literal, Known)):
        return node.quantity
    if isinstance(node, Ref):
        return env(node)
    if isinstance(node, Negate):
        q = evaluate(node.operand, env)
        return None if q is None else replace(q, interval=q.interval.scale(Fraction(-1)))
    assert isinstance(node, Binary)
    a, b = evaluate(node.left, env), evaluate(node.right, env)
    return None if a is None or b is None else _binary(node, a, b)


def _binary(node: Binary, a: Quantity, b: Quantity) -> Quantity:
    if node.op in "+-":
        _require_compatible(node, _VERBS[node.op], a, b)
        right = b.interval if node.op == "+" else b.interval.scale(Fraction(-1))
        return Quantity(a.interval + right, a.dims, _kept_unit(a, b))
    if node.op == "*":
        interval, sign = multiply(a.interval, b.interval), 1
    else:
        inverse = reciprocal(b.interval)
        if inverse is None:
            raise DataError(f"`{node.text}` divides by zero (`{node.right.text}` is 0)")
        interval, sign = multiply(a.interval, inverse), -1
    # Scaling by a bare number keeps the unit (`value * 2` is still a percentage).
    unit = a.unit if b.kind == "number" else b.unit if a.kind == "number" and sign == 1 else None
    return Quantity(interval, combine(a.dims, b.dims, sign), unit)


def _kept_unit(a: Quantity, b: Quantity) -> Unit | None:
    """The unit a sum is shown in: the first side's, unless that is a bare number or ratio."""
    for side in (a, b):
        if side.kind not in ("number", "ratio"):
            return side.unit
    return a.unit if a.kind == b.kind == "number" else None


def _require_compatible(node: Node, verb: str, a: Quantity, b: Quantity) -> None:
    if not compatible(a, b):
        money = any(name in ISO_CURRENCIES for side in (a, b) for name, _ in side.dims)
        hint = "; currencies never convert implicitly" if money else ""
        raise RuleError(f"column {node.column}: `{node.text}` {verb} {kind_name(a)} and "
                        f"{kind_name(b)}, which are not in the same units{hint}")


@dataclass(frozen=True)
class Outcome:
    holds: bool
    left: Quantity
    bounds: tuple[Quantity, ...]


def compare(comparison: Comparison, env: Env) -> Outcome | None:
    """Whether some values satisfy the comparison; None while a side is not known yet."""
    left = evaluate(comparison.left, env)
    sides = [evaluate(bound, env) for bound in comparison.bounds]
    for side in sides:
        if left is not None and side is not None:
            _require_compatible(comparison, "compares", left, side)
    if len(sides) == 2 and sides[0] is not None and sides[1] is not None \
            and not at_most(sides[0].interval.lo, sides[1].interval.hi):
        raise RuleError(f"`between {comparison.bounds[0].text} and {comparison.bounds[1].text}`"
                        ": the lower bound is above the upper bound")
    if left is None or any(side is None for side in sides):
        return None
    bounds = tuple(side for side in sides if side is not None)
    if comparison.op == "between":
        band = Interval(bounds[0].interval.lo, bounds[1].interval.hi)
        return Outcome(left.interval.overlaps(band), left, bounds)
    return Outcome(HOLDS[comparison.op](left.interval, bounds[0].interval), left, bounds)



def fold_comparison(comparison: Comparison, env: Env) -> Comparison:
    return replace(comparison, left=_fold(comparison.left, env),
                   bounds=tuple(_fold(bound, env) for bound in comparison.bounds))


def _fold(node: Node, env: Env) -> Node:
    """The node with every subexpression free of the for_each claim replaced by its value."""
    if isinstance(node, (Literal, Known)):
        return node
    if all(ref.claim is not None for ref in refs_of(node)):
        try:
            quantity = evaluate(node, env)
        except (RuleError, DataError):
            return node  # reported per claim, where the finding says so
        return node if quantity is None else Known(node.text, node.column, quantity)
    if isinstance(node, Negate):
        return replace(node, operand=_fold(node.operand, env))
    if isinstance(node, Binary):
        return replace(node, left=_fold(node.left, env), right=_fold(node.right, env))
    return node


def has(claim: Claim, function: str) -> bool:
    """Whether the claim states what `function` reads: a growth rate, or a value."""
    return claim.growth is not None if function == "rate" else claim.value is not None


def resolve(ref: Ref, bound: Claim | None, context: Context) -> Quantity:
    """A reference's quantity: the named claim's, or for a bare one the for_each claim's."""
    claim = bound if ref.claim is None else context.claimset.by_id[ref.claim]
    assert claim is not None
    if ref.function == "rate":
        assert claim.growth is not None
        rate = claim.growth.rate
        return Quantity(widen(rate.rounding, claim.qualifier, context.widths), (), rate.unit)
    assert claim.value is not None
    interval = context.interval(claim) if ref.function == "value" else claim.value.rounding
    return Quantity(interval, dims_of(claim.value.unit), claim.value.unit)
