"""Run the built-in rules, in two processes where that pays: same findings, same order.

A forked child sees the loaded claims without copying them and sends back only what its
rules found; the parent runs the other rules meanwhile. Each rule's coverage (claims it
checked, reasons it could not) is kept apart and merged in rule order afterwards, so the
report does not depend on which process ran which rule.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import sys
import threading
import traceback
from collections.abc import Sequence
from dataclasses import dataclass

from claimcheck.findings import Finding
from claimcheck.rules import RULES
from claimcheck.rules.base import Context, RuleOptions

# The rules that share the comparable groups and their conflicts (redated-figure,
# conflicting-values, scale-slip) stay together with the parent (apart, each process would
# build them), with the two cheapest; the child takes the rest: about half the work each on
# the benchmark's 100k claims.
CHILD_LANE = frozenset({"currency-conversion", "growth-arithmetic", "share-of-total",
                        "sum-of-parts", "date-order"})
FORK_FROM_CLAIMS = 5_000  # below this, a second process saves nothing measurable


@dataclass
class RuleResult:
    """What one rule found, and the coverage it recorded."""

    name: str
    findings: list[Finding]
    checked: set[str]
    reasons: dict[str, str]


def run_rules(context: Context, names: Sequence[str], jobs: int = 1) -> list[Finding]:
    """The findings of the named rules, in rule order; their coverage merged into context."""
    if jobs > 1 and len(context.claimset.claims) >= FORK_FROM_CLAIMS and _can_fork():
        results = _in_two_processes(context, names)
    else:
        results = [_run_one(context, name) for name in names]
    findings: list[Finding] = []
    for result in results:
        findings += result.findings
        context.checked |= result.checked
        for claim_id, reason in result.reasons.items():
            context.reasons.setdefault(claim_id, reason)
    return findings


def _run_one(context: Context, name: str) -> RuleResult:
    checked, reasons = context.checked, context.reasons
    context.checked, context.reasons = set(), {}
    try:
        options: RuleOptions = context.rule_options[name]
        findings = list(RULES[name].check(context, options))
        return RuleResult(name, findings, context.checked, context.reasons)
    finally:
        context.checked, context.reasons = checked, reasons


def _can_fork() -> bool:
    # fork() is what lets the child see the claims without pickling them; only Linux makes
    # it safe and cheap by default (macOS and Windows start processes afresh), and only in
    # a single-threaded process (a lock held by another thread would stay held in the child).
    return sys.platform == "linux" and hasattr(os, "fork") and threading.active_count() == 1


def _in_two_processes(context: Context, names: Sequence[str]) -> list[RuleResult]:
    child_names = [name for name in names if name in CHILD_LANE]
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: run its lane, send the results, never return into the caller
        try:
            os.close(read_end)
            _serve(context, child_names, write_end)
        finally:
            os._exit(1)  # _serve leaves with its own status; this is for anything before it
    os.close(write_end)
    try:
        mine = {name: _run_one(context, name) for name in names if name not in CHILD_LANE}
        theirs = _receive(read_end)
    except BaseException:
        # The child may be blocked writing a pipe nobody will read: stop it, then fail.
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
        raise
    finally:
        os.close(read_end)
        _reap(pid)
    if theirs is None:  # the child failed: run its lane here, where errors surface normally
        theirs = [_run_one(context, name) for name in child_names]
    by_name = {**mine, **{result.name: result for result in theirs}}
    return [by_name[name] for name in names]


def _reap(pid: int) -> None:
    try:
        os.waitpid(pid, 0)
    except ChildProcessError:
        pass  # already reaped: the host process ignores SIGCHLD


def _serve(context: Context, names: list[str], write_end: int) -> None:
    status = 0
    try:
        with os.fdopen(write_end, "wb") as pipe:
            try:
                payload: object = [_run_one(context, name) for name in names]
            except Exception:  # noqa: BLE001 - reported to the parent, which reruns the lane
                payload, status = traceback.format_exc(), 1
            pickle.dump(payload, pipe, protocol=pickle.HIGHEST_PROTOCOL)
    finally:
        os._exit(status)


def _receive(read_end: int) -> list[RuleResult] | None:
    with os.fdopen(read_end, "rb", closefd=False) as pipe:
        try:
            payload = pickle.load(pipe)
        except Exception:  # noqa: BLE001 - a dead child's partial data: the lane runs here
            return None
    return payload if isinstance(payload, list) else None
