"""What every rule is: a name, a default severity, options with defaults, a check, its docs."""

from __future__ import annotations

import functools
import inspect
import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from fractions import Fraction
from itertools import filterfalse
from types import ModuleType
from typing import Annotated, Any, TypeVar

from pydantic import BaseModel, ConfigDict, PlainSerializer, PlainValidator

from claimcheck.claimset import ClaimSet
from claimcheck.errors import InputError
from claimcheck.findings import Finding, Location, Severity, Uncheckable
from claimcheck.interval import Interval, in_floats, to_float
from claimcheck.model import Claim
from claimcheck.qualifiers import ABOUT, EXACT, NEARLY, Qualifier, QualifierWidths, widen
from claimcheck.quantity import StatedValue
from claimcheck.units import ON_A_SCALE, parse_unit

T = TypeVar("T")


def _fraction(raw: Any) -> Fraction:
    """An option like `0.5%` or `0.005`, as an exact fraction."""
    from claimcheck.quantity import parse_value

    if isinstance(raw, Fraction):
        return raw
    if isinstance(raw, bool):
        raise ValueError("expected a percentage like 0.5% or a number")
    if isinstance(raw, (int, float)):
        return Fraction(str(raw))
    if isinstance(raw, str):
        try:
            value = parse_value(raw)
        except InputError as error:
            raise ValueError(str(error)) from None
        if value.unit.kind == "percent" or (value.unit.kind == "count" and not value.unit.code):
            return value.magnitude
    raise ValueError("expected a percentage like 0.5% or a number")


def _percent_text(value: Fraction) -> str:
    return f"{float(value) * 100:g}%"


Ratio = Annotated[Fraction, PlainValidator(_fraction),
                  PlainSerializer(_percent_text, return_type=str)]


class RuleOptions(BaseModel):
    """Options every rule has; a rule's own Options class adds its tolerances."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    enabled: bool = True
    severity: Severity | None = None  # None: the rule's default


@dataclass(eq=False, repr=False)
class Context:
    """What a rule sees: the claims, the qualifier widths, exchange rates, a coverage log."""

    claimset: ClaimSet
    widths: QualifierWidths = field(default_factory=QualifierWidths)
    rates_file: str | None = None
    checked: set[str] = field(default_factory=set)
    reasons: dict[str, str] = field(default_factory=dict)
    rule_options: dict[str, RuleOptions] = field(default_factory=dict)  # the enabled rules'
    _rates: Any = None
    _intervals: dict[str, Interval] = field(default_factory=dict)
    _shared: dict[object, Any] = field(default_factory=dict)  # by key or by builder

    def shared(self, key: str, build: Callable[[], T]) -> T:
        """What several rules derive from the same claims (groups, day spans), built once."""
        if key not in self._shared:
            self._shared[key] = build()
        return self._shared[key]  # type: ignore[no-any-return]

    def derived(self, build: Callable[[Context], T]) -> T:
        """As shared(), keyed by the function that builds it: for what is asked for per group
        of claims, where a closure made at each call would cost more than the look-up."""
        if build not in self._shared:
            self._shared[build] = build(self)
        return self._shared[build]  # type: ignore[no-any-return]

    @property
    def rates(self) -> Any:
        """ExchangeRates, built on first use (loading the ECB history costs ~0.5 s)."""
        if self._rates is None:
            from claimcheck.rates import ExchangeRates

            self._rates = ExchangeRates.load(self.rates_file)
        return self._rates

    def interval(self, claim: Claim) -> Interval:
        """The values a claim's figure admits, its qualifier applied (SPEC §1)."""
        cached = self._intervals.get(claim.id)
        if cached is None:
            value = claim.value
            assert value is not None
            # A restatement in another unit (not currency: that is currency-conversion's)
            # has round trailing zeros that are the conversion's rounding.
            converted = (claim.restates is not None and value.unit.kind != "currency"
                         and self.restated(claim) is not None)
            rounding = value.significant if converted else value.rounding
            if claim.qualifier is EXACT:
                # what widen() gives an exact figure, whatever its sign; a count of things
                # written to the unit is a whole number within it
                cached = whole_numbers(rounding) if whole_count(value) else rounding
            else:
                on_a_scale = ON_A_SCALE in value.unit.dimension  # °C, °F: signed levels
                cached = widen(rounding, claim.qualifier, self.widths, signed=on_a_scale)
            self._intervals[claim.id] = cached
        return cached

    def floats(self, claim: Claim) -> tuple[float, float]:
        """interval(claim)'s ends as in_floats() gives them, for the rules' float screens,
        with none of interval()'s Fractions built (most screens settle): an exact figure's
        straight from its digits, a qualified one's widened in floats, within a few units in
        the last place of in_floats()'s. Raises OverflowError as in_floats() does (and for a
        widened end beyond floats), for the screen to leave the case to the Fractions."""
        value = claim.value
        assert value is not None
        if claim.restates is not None:
            return in_floats(self.interval(claim))
        if claim.qualifier is not EXACT:
            return qualified_floats(value, claim.qualifier, self.widths)
        if value.unit.kind == "count" and whole_count(value):
            # whole_numbers() of its rounding (the figure ± 1/2, in units): the figure alone
            figure = to_float(value.figure)
            return figure, figure
        low, high = value.rounding_floats
        if not (low and high):  # an odd number of halves is never 0: rounded to it
            raise OverflowError("an end too near 0 for a float")
        return low, high

    def restated(self, claim: Claim) -> Claim | None:
        """The claim this one `restates` in another unit or currency (a conversion), where
        both state a figure; None for a restatement in the same unit, or none at all."""
        if not claim.restates or claim.value is None:
            return None
        other = self.claimset.by_id.get(claim.restates)
        if other is None or other.value is None or other.value.unit.code == claim.value.unit.code:
            return None
        return other

    def mark_checked(self, *claims: Claim) -> None:
        # add() in a loop: for the two to five claims of most calls, cheaper than a list
        # comprehension's frame and an update()
        add = self.checked.add
        for claim in claims:
            add(claim.id)

    def cannot_check(self, claim: Claim, reason: str) -> None:
        self.reasons.setdefault(claim.id, reason)

    def uncheckable(self) -> list[Uncheckable]:
        reasons, by_id = self.reasons, self.claimset.by_id
        result = []
        # The ids in file order (by_id's), the checked ones (most) passed over in C, not in
        # a loop of Python over 50k claims.
        for claim_id in filterfalse(self.checked.__contains__, by_id):
            claim = by_id[claim_id]
            reason = reasons.get(claim_id)
            if reason is None:
                reason = (f"no other figure of `{claim.metric}` or linked claim to check "
                          "it against")
            result.append(Uncheckable(claim_id, claim.location, reason))
        return result


def qualified_floats(value: StatedValue, qualifier: Qualifier,
                     widths: QualifierWidths) -> tuple[float, float]:
    """in_floats(widen(value.rounding, qualifier, widths, signed=...)), as Context.interval
    widens a qualified figure, but in floats from the rounding's: widen()'s Fractions cost
    ~60k instructions a figure. Each end is within a few units in the last place of the
    exact one; an exact 0 is 0.0."""
    low, high = value.rounding_floats
    if not (low and high):  # an odd number of halves is never 0: rounded to it
        raise OverflowError("an end too near 0 for a float")
    if high > 0 or ON_A_SCALE in value.unit.dimension:
        return _widened_floats(low, high, qualifier, widths)
    # A fall: the qualifier widens its size, turned back after; "under" a fall is a smaller
    # fall or none (an end of exactly 0), as widen() says.
    size_low, size_high = _widened_floats(-high, -low, qualifier, widths)
    return -size_high, 0.0 if size_low <= 0 else -size_low


def _widened_floats(low: float, high: float, qualifier: Qualifier,
                    widths: QualifierWidths) -> tuple[float, float]:
    """_widen_size() of the ends of a figure's rounding (not 0) in floats; a qualifier
    other than exact."""
    if qualifier.bound:  # one side open
        if qualifier.from_below:
            return low, math.inf
        return -math.inf, high
    if qualifier is ABOUT:
        share = to_float(widths.about)
        low, high = low - abs(low) * share, high + abs(high) * share
    else:
        assert qualifier is NEARLY
        low -= abs(low) * to_float(widths.nearly)
    if not (low and high) or math.isinf(low) or math.isinf(high):
        raise OverflowError("a widened end beyond floats, or too near 0")
    return low, high


# Counted nouns of things a holding splits (0.5 bitcoins): never whole numbers.
DIVISIBLE = frozenset({"bitcoins", "bitcoin", "btc", "coins", "tokens", "ether"})


def whole_count(value: StatedValue) -> bool:
    """Whether a figure counts discrete things to the unit (`9 cases`, `21,729 participants`),
    so stands for whole numbers only: a count noun (not a bare number, percent or currency),
    no decimals, no scale word, and a noun that is no measure (`index points`, `working days`,
    `sq. metres` are measured, and a bitcoin splits)."""
    unit = value.unit
    if (unit.kind != "count" or unit.dimension != "count" or unit.factor != 1 or not unit.code
            or value.scale != 1 or value.number.as_tuple().exponent != 0):
        return False
    return _discrete(unit.code)


@functools.cache
def _discrete(noun: str) -> bool:
    """The noun's last word is counted as it is ("asylum seekers": seekers), not a unit
    (days, metres, points: a measure written whole is rounded to the unit)."""
    last = noun.split()[-1]
    if last.lower() in DIVISIBLE:
        return False
    try:
        unit = parse_unit(last)
    except InputError:
        return False
    return unit.kind == "count" and unit.dimension == "count" and unit.factor == 1


def whole_numbers(interval: Interval) -> Interval:
    """The whole numbers in a bounded interval, as the interval from the least to the greatest:
    `9 cases` ([8.5, 9.5]) is 9. Trailing zeros keep no slack: `600 people` ([599.5, 600.5])
    is 600, the one count in the rounding the SPEC gives it, and its half unit would only let
    a ratio through that no counts make (9 of `10 cases` as 9 of 9.5); a round figure that
    may be rounded further is conflicting-values' hint to write `about`."""
    assert interval.lo is not None and interval.hi is not None
    return Interval(Fraction(math.ceil(interval.lo)), Fraction(math.floor(interval.hi)))


def finding(rule: str, message: str, claims: list[Claim] | tuple[Claim, ...],
            demote: int = 0, **details: Any) -> Finding:
    """A finding about the given claims, located at each of them."""
    # tuple() of a list comprehension: a generator's step for each claim costs more
    return Finding(
        rule=rule,
        message=message,
        claims=tuple([claim.id for claim in claims]),
        locations=tuple([claim.location for claim in claims]),
        details=details,
        demote=demote,
    )


def located(rule: str, message: str, where: Location, ids: tuple[str, ...] = (),
            **details: Any) -> Finding:
    return Finding(rule=rule, message=message, claims=ids, locations=(where,), details=details)


Check = Callable[[Context, Any], Iterator[Finding]]


@dataclass(frozen=True, eq=False, repr=False)
class Rule:
    name: str
    severity: Severity
    options: type[RuleOptions]
    check: Check
    docstring: str  # the module's, as written: doc is cleaned from it on first use

    @classmethod
    def from_module(cls, module: ModuleType) -> Rule:
        return cls(
            name=module.NAME,
            severity=module.SEVERITY,
            options=getattr(module, "Options", RuleOptions),
            check=module.check,
            docstring=module.__doc__ or "",
        )

    @functools.cached_property  # only explain, rules and SARIF ask: 1.7M instructions a run
    def doc(self) -> str:
        return inspect.cleandoc(self.docstring)

    @property
    def summary(self) -> str:
        return self.doc.splitlines()[0] if self.doc else ""
