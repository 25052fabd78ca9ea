"""The syntax tree of an `expect` expression: literals, claim references, `+ - * /`,
negation, and the one comparison at the top."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from claimcheck.custom.quantities import Quantity


@dataclass(frozen=True)
class Node:
    text: str  # the source text of the node, for messages
    column: int  # 1-based


@dataclass(frozen=True)
class Literal(Node):
    quantity: Quantity
    prefix: str = ""  # a currency symbol before the number
    suffix: str = ""  # scale and unit after it: `between 6.5 and 7.5 CNY/USD` lends it to 6.5


@dataclass(frozen=True)
class Known(Node):
    """A subexpression worked out once per rule (no for_each claim in it)."""

    quantity: Quantity


@dataclass(frozen=True)
class Ref(Node):
    function: str  # value | stated | rate
    claim: str | None  # None: the for_each claim


@dataclass(frozen=True)
class Negate(Node):
    operand: Node


@dataclass(frozen=True)
class Binary(Node):
    op: str
    left: Node
    right: Node


@dataclass(frozen=True)
class Comparison(Node):
    op: str  # < <= > >= == between
    left: Node
    bounds: tuple[Node, ...]  # one, or (low, high) for between


def refs_of(node: Node) -> Iterator[Ref]:
    if isinstance(node, Ref):
        yield node
    elif isinstance(node, Negate):
        yield from refs_of(node.operand)
    elif isinstance(node, Binary):
        yield from refs_of(node.left)
        yield from refs_of(node.right)
    elif isinstance(node, Comparison):
        for child in (node.left, *node.bounds):
            yield from refs_of(child)
