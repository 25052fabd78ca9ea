"""The library entry point: check paths with settings, get a Report. Never prints."""

from __future__ import annotations

import gc
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from claimcheck import engine
from claimcheck.findings import Report
from claimcheck.loader import discover, load_paths
from claimcheck.ruleset import RuleSet, load_ruleset

if TYPE_CHECKING:
    from claimcheck.baseline import Baseline


@dataclass(frozen=True)
class Settings:
    paths: tuple[str, ...] = ("claims",)
    rules: str | None = None
    baseline: str | None = None
    jobs: int = 1
    overrides: dict[str, int] = field(default_factory=dict)  # limits from flags
    # The report holds the claim models, for formats that quote claims (Markdown, JUnit);
    # without them, a large run is checked in two halves, one per process (split.py).
    keep_claims: bool = True


def check_paths(settings: Settings) -> Report:
    ruleset = load_ruleset(settings.rules)
    return check_with(settings, ruleset)


def check_with(settings: Settings, ruleset: RuleSet) -> Report:
    limits = ruleset.limits
    if settings.overrides:
        from dataclasses import replace

        limits = replace(limits, **settings.overrides)
    baseline: Baseline | None = None
    if settings.baseline:
        from claimcheck.baseline import Baseline  # here: a run without one needs none of it

        baseline = Baseline.read(settings.baseline)
    gc_was_enabled = gc.isenabled()
    gc.disable()  # a check builds millions of objects and frees few; collections are waste
    try:
        if not settings.keep_claims and settings.jobs > 1 and not ruleset.custom:
            from claimcheck.split import check_in_halves

            return check_in_halves(discover(settings.paths), limits, ruleset, baseline)
        claimset, load_findings = load_paths(settings.paths, limits, settings.jobs)
        return engine.run(claimset, load_findings, ruleset, baseline, settings.jobs)
    finally:
        if gc_was_enabled:
            gc.enable()
