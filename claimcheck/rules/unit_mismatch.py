"""TODO: one line on what unit-mismatch flags.

Failing example::

    TODO

Passing example::

    TODO
"""

from __future__ import annotations

from collections.abc import Iterator

from claimcheck.findings import Finding, Severity
from claimcheck.rules.base import Context, RuleOptions

NAME = "unit-mismatch"
SEVERITY = Severity.ERROR


class Options(RuleOptions):
    pass


def check(context: Context, options: Options) -> Iterator[Finding]:
    return iter(())
