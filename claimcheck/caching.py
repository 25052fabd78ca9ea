"""A cached property for hot, immutable values; regexes compiled at their first use."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, AnyStr, Generic, TypeVar

T = TypeVar("T")


class cached(Generic[T]):
    """functools.cached_property without the lock it takes on every first access (3.11).

    A non-data descriptor: once computed, the value in the instance's __dict__ wins.
    """

    def __init__(self, compute: Callable[[Any], T]) -> None:
        self.compute = compute
        self.name = compute.__name__

    def __get__(self, instance: Any, owner: type | None = None) -> T:
        if instance is None:
            return self  # type: ignore[return-value]
        value = self.compute(instance)
        instance.__dict__[self.name] = value
        return value


class LazyPattern(Generic[AnyStr]):
    """re.compile(pattern, flags), compiled at its first use, for a pattern that a run of
    well-formed claims never needs (an error message's, a rare spelling's): compiling one
    at import costs 0.3-4M instructions of every run's start-up, before the fork."""

    __slots__ = ("pattern", "flags", "_compiled")

    def __init__(self, pattern: AnyStr, flags: int = 0) -> None:
        self.pattern: AnyStr = pattern
        self.flags = flags
        self._compiled: re.Pattern[AnyStr] | None = None

    def __getattr__(self, name: str) -> Any:  # match, search, ...: the compiled pattern's
        if self._compiled is None:
            self._compiled = re.compile(self.pattern, self.flags)
        return getattr(self._compiled, name)
