"""Severity, Location, Finding (one frozen, sortable value) and the Report of a run."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from claimcheck.claimset import ClaimSet


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]

    def lowered(self, steps: int) -> Severity:
        order = [Severity.ERROR, Severity.WARNING, Severity.INFO]
        return order[min(order.index(self) + steps, len(order) - 1)]


@dataclass(frozen=True, order=True, init=False)
class Location:
    file: str
    line: int

    def __init__(self, file: str, line: int) -> None:
        # Frozen, but filled in directly, as Uncheckable below: one per claim.
        fields = self.__dict__
        fields["file"], fields["line"] = file, line

    def __reduce__(self) -> tuple[type[Location], tuple[str, int]]:
        return Location, (self.file, self.line)

    def __str__(self) -> str:
        return f"{self.file}:{self.line}"


@dataclass(frozen=True)
class Finding:
    """One problem: which rule, how bad, what it says, which claims, and the numbers behind it.

    Rules leave `severity` unset; the engine stamps it from the rule set, lowered by `demote`
    steps where the rule found a milder explanation (a publication-date exchange rate).
    """

    rule: str
    message: str
    claims: tuple[str, ...] = ()
    locations: tuple[Location, ...] = ()
    details: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    severity: Severity | None = None
    demote: int = 0

    @property
    def sort_key(self) -> tuple[str, int, str, str, tuple[str, ...]]:
        first = self.locations[0] if self.locations else Location("", 0)
        return (first.file, first.line, self.rule, self.message, self.claims)

    @property
    def fingerprint(self) -> str:
        """Stable across moved lines: the rule and the claims, or the message where none."""
        basis = [self.rule, *self.claims] if self.claims else [self.rule, self.message]
        if not self.claims and self.locations:
            basis.append(self.locations[0].file)
        return hashlib.sha256("\0".join(basis).encode()).hexdigest()[:16]


@dataclass(frozen=True, init=False)
class Uncheckable:
    """A claim no rule could check, and why (no reference rate, no base figure, no date)."""

    claim: str
    location: Location
    reason: str

    def __init__(self, claim: str, location: Location, reason: str) -> None:
        # Frozen, but filled in directly: frozen's own __init__ sets each field through
        # object.__setattr__, three times the cost, for the ~40k of a 100k-claim run.
        fields = self.__dict__
        fields["claim"], fields["location"], fields["reason"] = claim, location, reason

    def __reduce__(self) -> tuple[type[Uncheckable], tuple[str, Location, str]]:
        return Uncheckable, (self.claim, self.location, self.reason)


@dataclass(frozen=True)
class Report:
    files: int
    claims: int
    findings: tuple[Finding, ...]
    checked: int = 0
    uncheckable: tuple[Uncheckable, ...] = ()
    baselined: int = 0
    fixed: tuple[str, ...] = ()  # baselined fingerprints that no longer occur
    claimset: ClaimSet | None = field(default=None, compare=False, hash=False)

    def count(self, severity: Severity) -> int:
        return sum(1 for finding in self.findings if finding.severity is severity)

    def worst(self) -> Severity | None:
        ranked = [f.severity for f in self.findings if f.severity is not None]
        return max(ranked, key=lambda s: s.rank) if ranked else None
