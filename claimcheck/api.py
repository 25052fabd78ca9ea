"""The library entry point: check paths with settings, get a Report. Never prints."""

from __future__ import annotations

import gc
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from claimcheck.findings import Report
from claimcheck.inputs import Limits, discover
from claimcheck.prescan import Prescan

if TYPE_CHECKING:  # the library is imported in check_paths, after a prescan has started
    from claimcheck.baseline import Baseline
    from claimcheck.ruleset import RuleSet


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

    def may_split(self) -> bool:
        return not self.keep_claims and self.jobs > 1


def check_paths(settings: Settings) -> Report:
    # A large split run's text is scanned by a helper while the rest of the library is
    # imported (prescan.py): started first, with the limits known before the rule set.
    prescan = Prescan.start(settings.paths, replace(Limits(), **settings.overrides)) \
        if settings.may_split() else None
    try:
        from claimcheck.ruleset import load_ruleset

        return check_with(settings, load_ruleset(settings.rules), prescan)
    finally:
        if prescan is not None:
            prescan.close()


def check_with(settings: Settings, ruleset: RuleSet, prescan: Prescan | None = None) -> Report:
    from claimcheck import engine
    from claimcheck.loader import load_paths

    limits = ruleset.limits
    if settings.overrides:
        limits = replace(limits, **settings.overrides)
    baseline: Baseline | None = None
    if settings.baseline:
        from claimcheck.baseline import Baseline  # here: a run without one needs none of it

        baseline = Baseline.read(settings.baseline)
    gc_was_enabled = gc.isenabled()
    gc.disable()  # a check builds millions of objects and frees few; collections are waste
    try:
        if settings.may_split() and not ruleset.custom:
            from claimcheck.split import check_in_halves

            return check_in_halves(discover(settings.paths), limits, ruleset, baseline, prescan)
        claimset, load_findings = load_paths(settings.paths, limits, settings.jobs)
        return engine.run(claimset, load_findings, ruleset, baseline, settings.jobs)
    finally:
        if gc_was_enabled:
            gc.enable()
