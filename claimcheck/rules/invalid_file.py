"""Input that is not valid YAML, or not a valid claim or source, with where and why.

One finding per bad claim or source, at its line, naming the field and what was expected;
the file's valid claims are still checked, and so is every other file. Duplicate ids across
the files of a run and duplicate keys within a mapping are reported here too.

Failing example::

    claims:
      - id: core-ai-scale
        metric: cn.ai.core_industry.scale
        value: ¥600 billion        # ¥ is used for both CNY and JPY
        source: cen-2025

reports `claim 'core-ai-scale': value: ¥ is used for both CNY and JPY; write 600 billion
CNY or JPY`.

Passing example: the same claim with `value: 600 billion CNY`.
"""

from __future__ import annotations

from collections.abc import Iterator

from claimcheck.findings import Finding, Severity
from claimcheck.rules.base import Context, RuleOptions

NAME = "invalid-file"
SEVERITY = Severity.ERROR


class Options(RuleOptions):
    pass


def check(context: Context, options: Options) -> Iterator[Finding]:
    """The loader reports these while reading; the engine passes them through."""
    return iter(())
