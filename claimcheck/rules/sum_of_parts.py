"""TODO: one line on what sum-of-parts flags.

Failing example::

    TODO

Passing example::

    TODO
"""

from __future__ import annotations

from collections.abc import Iterator

from claimcheck.findings import Finding, Severity
from claimcheck.rules.base import Context, RuleOptions

NAME = "sum-of-parts"
SEVERITY = Severity.ERROR


class Options(RuleOptions):
    pass


def check(context: Context, options: Options) -> Iterator[Finding]:
    return iter(())
