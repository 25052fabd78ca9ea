"""User-defined rules: declarative, unit-aware expressions over claims (`custom:` in a rule set).

Each item of a rule set's `custom:` list is one rule (docs/custom-rules.md has the full guide):

    custom:
      - name: usd-cny-restatement-band      # kebab-case, not a built-in rule's name
        description: A USD restatement of a CNY figure implies 6.5-7.5 CNY per USD
        severity: warning                    # error | warning | info; default warning
        expect: value(scale-cny) / value(scale-usd) between 6.5 and 7.5 CNY/USD
      - name: patents-below-bound
        for_each: {metric: cn.ai.patents.filed}   # bare `value` is each claim of the metric
        expect: value < 5 million patents

`expect` is one comparison, `A < B` (also `<=`, `>`, `>=`, `==`) or `A between L and H`, where
each side is arithmetic (`+ - * /`, parentheses, unary minus) over:
- literals `NUMBER [SCALE] [UNIT][/UNIT...]` read as claim values are (`5 million patents`,
  `50%`, `$83 billion`, `6.5 CNY/USD`), exact: a rule's bound is not a rounded figure;
- `value(ID)`: a claim's figure as the interval its rounding and qualifier allow;
  `stated(ID)`: its rounding interval only (a qualifier speaks of the figure, not a conversion);
  `rate(ID)`: a growth claim's rate, qualifier applied. Inside `for_each`, bare `value`,
  `stated` and `rate` stand for each claim of the metric that has that figure.

Intervals: arithmetic is exact interval arithmetic on Fractions, and a comparison HOLDS when some
values in the intervals satisfy it (a rounded or qualified figure is not wrong); it fires when no
values do. Units: each currency is its own dimension and never converts implicitly; `%` and count
nouns are dimensionless numbers, but a percentage is never added to or compared with a count or a
bare number (write `50%`, not `50` or `0.5`); ratios of like figures compare with anything
dimensionless. Mismatches found while loading are usage errors; those that depend on a
`for_each` claim's unit are findings on that claim.

The expression is read by a hand-written tokenizer and recursive-descent parser: user text is
never passed to eval, exec or any Python parser. Definition errors (unknown key, syntax error at a
column, unknown claim id or metric, unknown function, name clash, unit mismatch) raise UsageError
as `FILE:LINE: custom rule NAME: ...`, which the CLI reports as one line and exit 2.

Failing example: `expect: value(cny) / value(usd) between 6.5 and 7.5 CNY/USD` with cny
600 billion CNY and usd 60 billion USD reports "custom rule band: value(cny) / value(usd) =
9.909–10.09 CNY/USD, expected between 6.5 and 7.5 CNY/USD".
Passing example: the same rule with usd $83.45 billion (7.184–7.196 CNY/USD) is quiet.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from pydantic_core import PydanticCustomError

from claimcheck.errors import InputError, UsageError
from claimcheck.findings import Finding, Severity
from claimcheck.interval import Interval, format_number
from claimcheck.model import Claim
from claimcheck.qualifiers import widen
from claimcheck.quantity import parse_value_text
from claimcheck.units import ISO_CURRENCIES, Unit, parse_unit
from claimcheck.validation import describe_errors
from claimcheck.yamlsource import Yaml12Loader

if TYPE_CHECKING:
    from claimcheck.claimset import ClaimSet
    from claimcheck.rules.base import Context
    from claimcheck.ruleset import CustomRuleSource

# ---------------------------------------------------------------- quantities and their units

Dims = tuple[tuple[str, int], ...]  # sorted (dimension, power), no zero powers


@dataclass(frozen=True)
class Quantity:
    """An interval in canonical units, its dimensions, and the one stated unit if it has one."""

    interval: Interval
    dims: Dims
    unit: Unit | None = None  # kept for display and kind; None once arithmetic mixes units

    @property
    def kind(self) -> str:
        """measure (has dimensions) | percent | count | number (bare literal) | ratio."""
        if self.dims:
            return "measure"
        if self.unit is None:
            return "ratio"
        if self.unit.kind == "percent":
            return "percent"
        return "count" if self.unit.code else "number"


def _dims_of(unit: Unit) -> Dims:
    if unit.kind == "currency":
        return ((unit.code, 1),)
    return ((unit.dimension, 1),) if unit.kind == "physical" else ()


def _combine(a: Dims, b: Dims, sign: int) -> Dims:
    powers = dict(a)
    for name, power in b:
        powers[name] = powers.get(name, 0) + sign * power
    return tuple(sorted((name, power) for name, power in powers.items() if power))


# A percentage is a number, but adding one to a count or a bare `50` is almost surely a slip.
_CLASHES = {frozenset({"percent", "count"}), frozenset({"percent", "number"})}


def _compatible(a: Quantity, b: Quantity) -> bool:
    return a.dims == b.dims and frozenset({a.kind, b.kind}) not in _CLASHES


def _label(q: Quantity) -> str:
    """CNY, %, patents, CNY/USD: the unit a quantity is shown in."""
    if q.unit is not None:
        return "%" if q.unit.kind == "percent" else q.unit.code
    top = "·".join(name if power == 1 else f"{name}^{power}"
                   for name, power in q.dims if power > 0)
    bottom = "".join(f"/{name}" if power == -1 else f"/{name}^{-power}"
                     for name, power in q.dims if power < 0)
    return (top or ("1" if bottom else "")) + bottom


def _kind_name(q: Quantity) -> str:
    names = {"percent": "a percentage", "number": "a plain number (write 50% for a percentage)",
             "ratio": "a ratio", "count": f"a count of {_label(q)}"}
    return names.get(q.kind, _label(q))


# ---------------------------------------------------------------- interval arithmetic

Ext = Fraction | float  # float only for the infinities of unbounded ends


def _ends(iv: Interval) -> tuple[Ext, Ext]:
    return (-math.inf if iv.lo is None else iv.lo, math.inf if iv.hi is None else iv.hi)


def _from_ends(lo: Ext, hi: Ext) -> Interval:
    return Interval(None if isinstance(lo, float) else lo, None if isinstance(hi, float) else hi)


def _product(x: Ext, y: Ext) -> Ext:
    # 0 × ∞ is 0 here: an unbounded factor times exactly zero is still zero.
    return Fraction(0) if x == 0 or y == 0 else x * y


def _multiply(a: Interval, b: Interval) -> Interval:
    if b.lo is not None and b.lo == b.hi:  # by a point, the common case: two products
        return a.scale(b.lo)
    if a.lo is not None and a.lo == a.hi:
        return b.scale(a.lo)
    products = [_product(x, y) for x in _ends(a) for y in _ends(b)]
    return _from_ends(min(products), max(products))


def _inverse(x: Fraction | None) -> Fraction:
    return Fraction(0) if x is None else 1 / x


def _reciprocal(b: Interval) -> Interval | None:
    """1 / b; None where b is exactly zero. A b straddling zero gives the whole line."""
    lo, hi = b.lo, b.hi
    if lo == 0 and hi == 0:
        return None
    if (lo is not None and lo > 0) or (hi is not None and hi < 0):
        return Interval(_inverse(hi), _inverse(lo))
    if lo == 0:
        return Interval(_inverse(hi), None)
    if hi == 0:
        return Interval(None, _inverse(lo))
    return Interval(None, None)


def _le(a: Fraction | None, b: Fraction | None) -> bool:
    return a is None or b is None or a <= b


def _lt(a: Fraction | None, b: Fraction | None) -> bool:
    return a is None or b is None or a < b


# Some values satisfy it: the comparison holds (a rounded figure is not wrong).
_HOLDS: dict[str, Callable[[Interval, Interval], bool]] = {
    "<": lambda a, b: _lt(a.lo, b.hi),
    "<=": lambda a, b: _le(a.lo, b.hi),
    ">": lambda a, b: _lt(b.lo, a.hi),
    ">=": lambda a, b: _le(b.lo, a.hi),
    "==": lambda a, b: a.overlaps(b),
}


# ---------------------------------------------------------------- tokens and syntax tree

FUNCTIONS = ("value", "stated", "rate")
KEYWORDS = frozenset({"and", "between", "or", "not", *FUNCTIONS})
_PREFIXES = r"US\$|HK\$|NZ\$|A\$|C\$|S\$|R\$|\$|€|£|₹|¥|￥"  # ¥: parse_value_text explains
_TOKEN = re.compile(
    rf"(?P<number>(?:{_PREFIXES})?\s*\d[\d,]*(?:\.\d+)?(?:[eE][-+]?\d+)?)"
    r"|(?P<op><=|>=|==|[-+*/()<>%])"
    r"|(?P<word>[^\W\d]\w*)"
)
_ID = re.compile(r"[A-Za-z0-9._-]+")


class _SyntaxError(Exception):
    def __init__(self, message: str, column: int) -> None:
        super().__init__(message)
        self.column = column


class _RuleError(Exception):
    """The rule cannot mean anything (mismatched units): a usage error when loading."""


class _DataError(Exception):
    """The claims make the expression undefined (a division by zero): a finding."""


@dataclass(frozen=True)
class Token:
    kind: str  # number | op | word | id | bad | end
    text: str
    start: int
    end: int


def tokenize(text: str) -> list[Token]:
    """Tokens of an expression; a claim id is one token right after `value(`."""
    tokens: list[Token] = []
    pos = 0
    while True:
        while pos < len(text) and text[pos].isspace():
            pos += 1
        if pos == len(text):
            return [*tokens, Token("end", "", pos, pos)]
        match, kind = None, ""
        if len(tokens) >= 2 and tokens[-1].text == "(" and tokens[-2].text in FUNCTIONS:
            match, kind = _ID.match(text, pos), "id"
        if match is None:
            match = _TOKEN.match(text, pos)
            kind = match.lastgroup or "" if match else ""
        if match is None:
            return [*tokens, Token("bad", text[pos], pos, pos + 1), Token("end", "", pos, pos)]
        tokens.append(Token(kind, match.group(), pos, match.end()))
        pos = match.end()


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


# ---------------------------------------------------------------- recursive-descent parser

_COMPARISONS = ("<", "<=", ">", ">=", "==")


class Parser:
    """comparison := sum (CMP sum | 'between' sum 'and' sum); sum := term (('+'|'-') term)*;
    term := unary (('*'|'/') unary)*; unary := '-' unary | primary;
    primary := literal | FUNCTION ['(' ID ')'] | '(' sum ')'."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens = tokenize(text)
        self.index = 0

    def peek(self, ahead: int = 0) -> Token:
        return self.tokens[min(self.index + ahead, len(self.tokens) - 1)]

    def take(self) -> Token:
        token = self.peek()
        self.index = min(self.index + 1, len(self.tokens) - 1)
        return token

    def at(self, *texts: str, ahead: int = 0) -> bool:
        token = self.peek(ahead)
        return token.kind in ("op", "word") and token.text in texts

    def fail(self, message: str, token: Token | None = None) -> NoReturn:
        token = token or self.peek()
        if token.kind == "bad":
            message = f"unexpected character {token.text!r}"
        raise _SyntaxError(message, token.start + 1)

    def found(self) -> str:
        token = self.peek()
        return "the end of the expression" if token.kind == "end" else f"`{token.text}`"

    def node_text(self, start: Token) -> tuple[str, int]:
        return self.text[start.start:self.tokens[self.index - 1].end], start.start + 1

    def parse(self) -> Comparison:
        start = self.peek()
        left = self.sum()
        op = self.take()
        if op.kind == "word" and op.text == "between":
            low = self.sum()
            if not self.at("and"):
                self.fail(f"expected `and` in `between A and B`, found {self.found()}")
            self.take()
            high = self.sum()
            bounds: tuple[Node, ...] = _lend_unit(low, high), high
        elif op.kind == "op" and op.text in _COMPARISONS:
            bounds = (self.sum(),)
        else:
            self.fail("expected a comparison (<, <=, >, >=, ==, or between A and B), found "
                      + ("the end of the expression" if op.kind == "end" else f"`{op.text}`"), op)
        if self.peek().kind != "end":
            self.fail(f"unexpected {self.found()} after the comparison")
        return Comparison(*self.node_text(start), op=op.text, left=left, bounds=bounds)

    def sum(self) -> Node:
        start, node = self.peek(), self.term()
        while self.at("+", "-"):
            op = self.take().text
            right = self.term()
            node = Binary(*self.node_text(start), op=op, left=node, right=right)
        return node

    def term(self) -> Node:
        start, node = self.peek(), self.unary()
        while self.at("*", "/"):
            op = self.take().text
            right = self.unary()
            node = Binary(*self.node_text(start), op=op, left=node, right=right)
        return node

    def unary(self) -> Node:
        start = self.peek()
        if self.at("-"):
            self.take()
            operand = self.unary()
            return Negate(*self.node_text(start), operand=operand)
        return self.primary()

    def primary(self) -> Node:
        token = self.peek()
        if token.kind == "number":
            return self.literal()
        if self.at("("):
            self.take()
            node = self.sum()
            if not self.at(")"):
                self.fail(f"expected `)`, found {self.found()}")
            self.take()
            return node
        if token.kind == "word" and token.text in FUNCTIONS:
            return self.reference()
        if token.kind == "word" and self.at("(", ahead=1):
            self.fail(f"unknown function `{token.text}`; the functions are value(ID), "
                      "stated(ID) and rate(ID)")
        if token.kind == "word":
            self.fail(f"unknown name `{token.text}`; expected a number with its unit, value, "
                      "value(ID), stated(ID) or rate(ID)")
        self.fail(f"expected a number, value(ID) or `(`, found {self.found()}")

    def reference(self) -> Ref:
        start = self.take()
        if not self.at("("):
            return Ref(*self.node_text(start), function=start.text, claim=None)
        self.take()
        claim = self.take()
        if claim.kind != "id":
            self.fail(f"expected a claim id in {start.text}(ID), found `{claim.text}`", claim)
        if not self.at(")"):
            self.fail(f"expected `)` after the claim id, found {self.found()}")
        self.take()
        return Ref(*self.node_text(start), function=start.text, claim=claim.text)

    def literal(self) -> Literal:
        number = last = self.take()
        while self.peek().kind == "word" and self.peek().text not in KEYWORDS \
                and not self.at("(", ahead=1):
            last = self.take()
        if self.at("%"):
            last = self.take()
        try:
            stated = parse_value_text(self.text[number.start:last.end])
        except InputError as error:
            self.fail(str(error), number)
        magnitude, dims = stated.magnitude, _dims_of(stated.unit)
        unit: Unit | None = stated.unit
        while self.at("/") and self.peek(1).kind == "word" \
                and self.peek(1).text not in KEYWORDS and not self.at("(", ahead=2):
            self.take()
            word = self.take()
            try:
                per = parse_unit(word.text)
            except InputError as error:
                self.fail(str(error), word)
            magnitude, dims, unit = magnitude / per.factor, _combine(dims, _dims_of(per), -1), None
        text, column = self.node_text(number)
        digits = re.search(r"\d", number.text)
        split = digits.start() if digits else 0
        return Literal(text, column, Quantity(Interval.point(magnitude), dims, unit),
                       prefix=number.text[:split].strip(),
                       suffix=self.text[number.end:self.tokens[self.index - 1].end])


def _lend_unit(low: Node, high: Node) -> Node:
    """`between 6.5 and 7.5 CNY/USD`: a bare lower bound takes the upper bound's unit."""
    if not (isinstance(low, Literal) and isinstance(high, Literal)):
        return low
    if low.prefix or low.suffix.strip() or not (high.prefix or high.suffix.strip()):
        return low
    lent = Parser(f"{high.prefix}{low.text}{high.suffix}").literal()
    return replace(lent, text=low.text, column=low.column)


def parse_expression(text: str) -> Comparison:
    return Parser(text).parse()


# ---------------------------------------------------------------- evaluation

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
        interval, sign = _multiply(a.interval, b.interval), 1
    else:
        inverse = _reciprocal(b.interval)
        if inverse is None:
            raise _DataError(f"`{node.text}` divides by zero (`{node.right.text}` is 0)")
        interval, sign = _multiply(a.interval, inverse), -1
    # Scaling by a bare number keeps the unit (`value * 2` is still a percentage).
    unit = a.unit if b.kind == "number" else b.unit if a.kind == "number" and sign == 1 else None
    return Quantity(interval, _combine(a.dims, b.dims, sign), unit)


def _kept_unit(a: Quantity, b: Quantity) -> Unit | None:
    """The unit a sum is shown in: the first side's, unless that is a bare number or ratio."""
    for side in (a, b):
        if side.kind not in ("number", "ratio"):
            return side.unit
    return a.unit if a.kind == b.kind == "number" else None


def _require_compatible(node: Node, verb: str, a: Quantity, b: Quantity) -> None:
    if not _compatible(a, b):
        money = any(name in ISO_CURRENCIES for side in (a, b) for name, _ in side.dims)
        hint = "; currencies never convert implicitly" if money else ""
        raise _RuleError(f"column {node.column}: `{node.text}` {verb} {_kind_name(a)} and "
                         f"{_kind_name(b)}, which are not in the same units{hint}")


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
            and not _le(sides[0].interval.lo, sides[1].interval.hi):
        raise _RuleError(f"`between {comparison.bounds[0].text} and {comparison.bounds[1].text}`"
                         ": the lower bound is above the upper bound")
    if left is None or any(side is None for side in sides):
        return None
    bounds = tuple(side for side in sides if side is not None)
    if comparison.op == "between":
        band = Interval(bounds[0].interval.lo, bounds[1].interval.hi)
        return Outcome(left.interval.overlaps(band), left, bounds)
    return Outcome(_HOLDS[comparison.op](left.interval, bounds[0].interval), left, bounds)


# ---------------------------------------------------------------- showing quantities

_SCALES = (("trillion", 10**12), ("billion", 10**9), ("million", 10**6))


def _display_ends(q: Quantity) -> tuple[Fraction | None, Fraction | None]:
    factor = q.unit.factor if q.unit is not None else Fraction(1)
    return tuple(None if end is None else end / factor  # type: ignore[return-value]
                 for end in (q.interval.lo, q.interval.hi))


def show(q: Quantity, with_unit: bool = True) -> str:
    """7.184–7.196 CNY/USD, 570–600.5 billion CNY, at least 1.45 million patents, 39.5%."""
    lo, hi = _display_ends(q)
    known = [end for end in (lo, hi) if end is not None]
    if not known:
        return "any value"
    word, size = next(((w, s) for w, s in _SCALES if max(map(abs, known)) >= s), ("", 1))
    numbers = "–".join(dict.fromkeys(format_number(end / size) for end in known))
    label = _label(q) if with_unit else ""
    if label == "%":
        text = numbers + "%"
    else:
        text = " ".join(part for part in (numbers, word, label) if part)
    if lo is None:
        return f"at most {text}"
    return f"at least {text}" if hi is None else text


def _number(end: Fraction | None) -> float | None:
    return None if end is None else float(f"{float(end):.6g}")


# ---------------------------------------------------------------- rules: load, then check

_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class ForEach(BaseModel):
    model_config = ConfigDict(extra="forbid")
    metric: str = Field(min_length=1)


class CustomRuleSpec(BaseModel):
    """One item of `custom:`, validated (unknown keys are errors)."""

    model_config = ConfigDict(extra="forbid")
    name: str
    description: str | None = None
    severity: Severity = Severity.WARNING
    enabled: bool = True
    for_each: ForEach | None = None
    expect: str = Field(min_length=1)

    @field_validator("name")
    @classmethod
    def _kebab(cls, name: str) -> str:
        if not _NAME.match(name):
            raise PydanticCustomError("claimcheck", "expected a kebab-case name like "
                                      "usd-cny-band (lower-case letters, digits, `-`)")
        return name


@dataclass(frozen=True)
class CustomRule:
    source: CustomRuleSource
    spec: CustomRuleSpec
    comparison: Comparison
    named: tuple[str, ...]  # claim ids referenced by value(ID) and friends, in order

    @property
    def bare(self) -> set[str]:
        return {ref.function for ref in refs_of(self.comparison) if ref.claim is None}


def check_custom(context: Context, sources: list[CustomRuleSource]) -> Iterator[Finding]:
    """Load every custom rule (UsageError on a bad one), then check each over the claims."""
    rules = load_rules(context, sources)
    for rule in rules:
        yield from _check(rule, context)


def load_rules(context: Context, sources: list[CustomRuleSource]) -> list[CustomRule]:
    from claimcheck.rules import RULES  # here: the registry imports the rules package

    rules: list[CustomRule] = []
    seen: dict[str, CustomRuleSource] = {}
    for source in sources:
        rule = _load(source, context)
        name = rule.spec.name
        if name in RULES:
            raise _usage(source, name, "name", "clashes with the built-in rule of that name")
        if name in seen:
            raise _usage(source, name, "name", f"is already defined at {seen[name].file}:"
                                               f"{seen[name].line}")
        seen[name] = source
        if rule.spec.enabled:
            rules.append(rule)
    return rules


def _load(source: CustomRuleSource, context: Context) -> CustomRule:
    name = str(source.body.get("name", "(unnamed)"))
    try:
        spec = CustomRuleSpec.model_validate(source.body)
    except ValidationError as error:
        key = str(error.errors()[0]["loc"][0]) if error.errors()[0]["loc"] else None
        raise _usage(source, name, key, describe_errors(error)) from None
    try:
        comparison = parse_expression(spec.expect)
    except _SyntaxError as error:
        raise _usage(source, name, "expect", f"expect: syntax error at column {error.column}: "
                                             f"{error}") from None
    named = tuple(dict.fromkeys(r.claim for r in refs_of(comparison) if r.claim is not None))
    rule = CustomRule(source, spec, comparison, named)
    if not spec.enabled:
        return rule  # its shape and syntax are checked; its claims need not exist
    _validate_refs(rule, context.claimset)
    try:
        compare(comparison, lambda ref: None if ref.claim is None else _resolve(ref, None, context))
    except _RuleError as error:
        raise _usage(source, name, "expect", f"expect: {error}") from None
    except _DataError:
        pass  # the claims' values, not the rule: reported as a finding when checked
    return rule


def _validate_refs(rule: CustomRule, claimset: ClaimSet) -> None:
    source, name, for_each = rule.source, rule.spec.name, rule.spec.for_each
    for ref in refs_of(rule.comparison):
        if ref.claim is None and for_each is None:
            raise _usage(source, name, "expect", f"expect: bare `{ref.function}` (column "
                         f"{ref.column}) needs `for_each`; name a claim with {ref.function}(ID)")
        claim = claimset.by_id.get(ref.claim) if ref.claim is not None else None
        if ref.claim is not None and claim is None:
            raise _usage(source, name, "expect", f"expect: {ref.text}: no claim with id "
                         f"{ref.claim!r} in the checked files")
        if claim is not None and not _has(claim, ref.function):
            what = "a growth rate" if ref.function == "rate" else "a value"
            raise _usage(source, name, "expect", f"expect: {ref.text}: claim {ref.claim!r} "
                         f"states no {what}")
    if not rule.named and for_each is None:
        raise _usage(source, name, "expect", "expect: refers to no claim; use value(ID), or "
                     "`for_each` with a bare `value`")
    if for_each is not None and for_each.metric not in claimset.by_metric:
        raise _usage(source, name, "for_each", f"for_each: no claim has metric "
                     f"{for_each.metric!r} in the checked files")


def _has(claim: Claim, function: str) -> bool:
    return claim.growth is not None if function == "rate" else claim.value is not None


def _resolve(ref: Ref, bound: Claim | None, context: Context) -> Quantity:
    claim = bound if ref.claim is None else context.claimset.by_id[ref.claim]
    assert claim is not None
    if ref.function == "rate":
        assert claim.growth is not None
        rate = claim.growth.rate
        return Quantity(widen(rate.rounding, claim.qualifier, context.widths), (), rate.unit)
    assert claim.value is not None
    interval = context.interval(claim) if ref.function == "value" else claim.value.rounding
    return Quantity(interval, _dims_of(claim.value.unit), claim.value.unit)


def _check(rule: CustomRule, context: Context) -> Iterator[Finding]:
    named = [context.claimset.by_id[claim_id] for claim_id in rule.named]
    if rule.spec.for_each is None:
        context.mark_checked(*named)
        yield from _verdict(rule, rule.comparison, context, None, named)
        return
    # Work out what does not depend on the for_each claim once, not once per claim.
    fixed = _fold_comparison(rule.comparison, lambda ref: _resolve(ref, None, context))
    needs = rule.bare
    for claim in context.claimset.by_metric[rule.spec.for_each.metric]:
        if all(_has(claim, function) for function in needs):
            context.mark_checked(claim, *named)
            others = [c for c in named if c is not claim]
            yield from _verdict(rule, fixed, context, claim, [claim, *others])


def _verdict(rule: CustomRule, comparison: Comparison, context: Context, bound: Claim | None,
             claims: list[Claim]) -> Iterator[Finding]:
    try:
        outcome = compare(comparison, lambda ref: _resolve(ref, bound, context))
    except (_RuleError, _DataError) as problem:
        message = f"{_prefix(rule, bound)}cannot evaluate: {problem}"
        yield _finding(rule, message, claims, problem=str(problem))
        return
    assert outcome is not None
    if outcome.holds:
        return
    left, expected = outcome.left, _expected(comparison, outcome)
    lo, hi = _display_ends(left)
    yield _finding(rule, f"{_prefix(rule, bound)}{comparison.left.text} = {show(left)}, "
                   f"expected {expected}", claims, computed=show(left), low=_number(lo),
                   high=_number(hi), unit=_label(left), expected=expected)


def _prefix(rule: CustomRule, bound: Claim | None) -> str:
    return f"custom rule {rule.spec.name}: " + (f"claim {bound.id}: " if bound else "")


def _fold_comparison(comparison: Comparison, env: Env) -> Comparison:
    return replace(comparison, left=_fold(comparison.left, env),
                   bounds=tuple(_fold(bound, env) for bound in comparison.bounds))


def _fold(node: Node, env: Env) -> Node:
    """The node with every subexpression free of the for_each claim replaced by its value."""
    if isinstance(node, (Literal, Known)):
        return node
    if all(ref.claim is not None for ref in refs_of(node)):
        try:
            quantity = evaluate(node, env)
        except (_RuleError, _DataError):
            return node  # reported per claim, where the finding says so
        return node if quantity is None else Known(node.text, node.column, quantity)
    if isinstance(node, Negate):
        return replace(node, operand=_fold(node.operand, env))
    if isinstance(node, Binary):
        return replace(node, left=_fold(node.left, env), right=_fold(node.right, env))
    return node


def _expected(comparison: Comparison, outcome: Outcome) -> str:
    if comparison.op == "between":
        low, high = outcome.bounds
        same = _label(low) == _label(high) and _label(low) != "%"
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


# ---------------------------------------------------------------- where in the rule file

def _usage(source: CustomRuleSource, name: str, key: str | None, message: str) -> UsageError:
    return UsageError(f"{source.file}:{_key_line(source, key)}: custom rule {name}: {message}")


def _key_line(source: CustomRuleSource, key: str | None) -> int:
    """The line of `key` in the rule's mapping; the rule's own line where it cannot be found."""
    try:
        text = Path(source.file).read_text(encoding="utf-8-sig")
        root = yaml.compose(text, Loader=Yaml12Loader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return source.line
    items = _child(root, "custom")
    if key is None or not isinstance(items, yaml.SequenceNode):
        return source.line
    for item in items.value:
        if isinstance(item, yaml.MappingNode) and item.start_mark.line + 1 == source.line:
            for name, _ in item.value:
                if name.value == key:
                    return int(name.start_mark.line) + 1
    return source.line


def _child(node: Any, key: str) -> Any:
    if isinstance(node, yaml.MappingNode):
        return next((value for name, value in node.value if name.value == key), None)
    return None
