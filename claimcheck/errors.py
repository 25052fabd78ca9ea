"""The one base exception type claimcheck raises, and its few refinements."""

from __future__ import annotations


class ClaimcheckError(Exception):
    """Anything claimcheck reports as a clear message rather than a traceback."""


class InputError(ClaimcheckError):
    """A value in a claim file that cannot be read (bad number, unit, date, YAML)."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line

    def __str__(self) -> str:
        return self.message


class UsageError(ClaimcheckError):
    """The run cannot be done: bad arguments, an unreadable rule set or path (exit 2)."""
