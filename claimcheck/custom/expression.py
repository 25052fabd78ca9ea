"""The `expect` language: a hand-written tokenizer and recursive-descent parser.

User text is never passed to eval, exec or any Python parser: a token the grammar does not know
is a syntax error at its column.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import NoReturn

from claimcheck.custom.quantities import Quantity, combine, dims_of
from claimcheck.custom.tree import Binary, Comparison, Literal, Negate, Node, Ref
from claimcheck.errors import InputError
from claimcheck.interval import Interval
from claimcheck.quantity import parse_value_text
from claimcheck.units import Unit, parse_unit

FUNCTIONS = ("value", "stated", "rate")
KEYWORDS = frozenset({"and", "between", "or", "not", *FUNCTIONS})
_PREFIXES = r"US\$|HK\$|NZ\$|A\$|C\$|S\$|R\$|\$|€|£|₹|¥|￥"  # ¥: parse_value_text explains
_TOKEN = re.compile(
    rf"(?P<number>(?:{_PREFIXES})?\s*\d[\d,]*(?:\.\d+)?(?:[eE][-+]?\d+)?)"
    r"|(?P<op><=|>=|==|[-+*/()<>%])"
    r"|(?P<word>[^\W\d]\w*)"
)
_ID = re.compile(r"[A-Za-z0-9._-]+")


class ExpressionSyntaxError(Exception):
    """What the parser expected, and the 1-based column where it did not find it."""

    def __init__(self, message: str, column: int) -> None:
        super().__init__(message)
        self.column = column


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
        raise ExpressionSyntaxError(message, token.start + 1)

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
        return self.chain(("+", "-"), self.term)

    def term(self) -> Node:
        return self.chain(("*", "/"), self.unary)

    def chain(self, ops: tuple[str, ...], operand: Callable[[], Node]) -> Node:
        """`operand (op operand)*`, left-associative: `a - b - c` is `(a - b) - c`."""
        start, node = self.peek(), operand()
        while self.at(*ops):
            op = self.take().text
            right = operand()
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
        magnitude, dims = stated.magnitude, dims_of(stated.unit)
        unit: Unit | None = stated.unit
        while self.at("/") and self.peek(1).kind == "word" \
                and self.peek(1).text not in KEYWORDS and not self.at("(", ahead=2):
            self.take()
            word = self.take()
            try:
                per = parse_unit(word.text)
            except InputError as error:
                self.fail(str(error), word)
            magnitude, dims, unit = magnitude / per.factor, combine(dims, dims_of(per), -1), None
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

