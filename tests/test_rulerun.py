"""The rules split over two processes give the report one process gives, byte for byte."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

from claimcheck import forked, rulerun
from claimcheck.api import Settings, check_paths
from claimcheck.formats import formatter

pytestmark = pytest.mark.skipif(not forked.can_fork(), reason="the split needs fork()")


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """2,000 generated claims: findings from every rule, and uncheckable claims."""
    folder = tmp_path_factory.mktemp("synthetic")
    subprocess.run([sys.executable, str(ROOT / "bench" / "generate.py"), "--claims", "2000",
                    "--out", str(folder), "--seed", "3"], check=True, capture_output=True)
    return folder


def _reports(paths: tuple[str, ...], jobs: int) -> tuple[str, str]:
    report = check_paths(Settings(paths=paths, jobs=jobs))
    return formatter("json")(report, False), formatter("markdown")(report, False)


@pytest.mark.parametrize("where", ["claims", "synthetic"])
def test_two_processes_give_the_same_report(where: str, synthetic: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.setattr(rulerun, "FORK_FROM_CLAIMS", 0)
    paths = ("claims",) if where == "claims" else (str(synthetic),)
    serial = _reports(paths, jobs=1)
    forked: list[int] = []
    original = rulerun._in_two_processes
    monkeypatch.setattr(rulerun, "_in_two_processes",
                        lambda *args: forked.append(1) or original(*args))
    assert _reports(paths, jobs=2) == serial
    assert forked == [1]
    assert '"uncheckable": [' in serial[0]


def test_a_failing_child_lane_is_run_again_in_the_parent(synthetic: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rulerun, "FORK_FROM_CLAIMS", 0)
    serial = _reports((str(synthetic),), jobs=1)
    parent = os.getpid()
    original = rulerun._run_one

    def fails_in_the_child(context: rulerun.Context, name: str) -> rulerun.RuleResult:
        if os.getpid() != parent:
            raise RuntimeError("lost in the child")
        return original(context, name)

    monkeypatch.setattr(rulerun, "_run_one", fails_in_the_child)
    assert _reports((str(synthetic),), jobs=2) == serial


def test_a_failing_parent_lane_stops_the_child_and_fails(synthetic: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """The child's results overflow the pipe: nobody may wait for it while it writes."""
    monkeypatch.setattr(rulerun, "FORK_FROM_CLAIMS", 0)
    parent = os.getpid()
    original = rulerun._run_one

    def fails_in_the_parent(context: rulerun.Context, name: str) -> rulerun.RuleResult:
        if os.getpid() == parent and name == "redated-figure":
            raise RuntimeError("a rule bug")
        result = original(context, name)
        if os.getpid() != parent:  # as large as 100k claims' coverage: more than a pipe holds
            result.reasons.update((f"claim-{i}", "no other figure") for i in range(100_000))
        return result

    monkeypatch.setattr(rulerun, "_run_one", fails_in_the_parent)
    signal.signal(signal.SIGALRM, lambda *_: pytest.fail("hung waiting for the child"))
    signal.alarm(20)
    try:
        with pytest.raises(RuntimeError, match="a rule bug"):
            check_paths(Settings(paths=(str(synthetic),), jobs=2))
    finally:
        signal.alarm(0)
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)  # the child was reaped


def test_small_claim_sets_stay_in_one_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.setattr(rulerun, "_in_two_processes", lambda *args: pytest.fail("forked"))
    assert check_paths(Settings(paths=("claims",), jobs=2)).findings


def test_each_lane_rule_is_a_rule() -> None:
    assert rulerun.CHILD_LANE <= set(rulerun.RULES)


def test_no_fork_while_other_threads_run() -> None:
    import threading

    release = threading.Event()
    worker = threading.Thread(target=release.wait)
    worker.start()
    try:
        assert not forked.can_fork()
    finally:
        release.set()
        worker.join()
    assert forked.can_fork()


@pytest.mark.skipif(not forked.can_fork(), reason="needs fork()")
def test_a_child_that_finished_is_reaped_before_the_next_fork() -> None:
    """Its exit is not waited for between its findings and the report, but it is collected."""
    assert forked.with_child(lambda: 1, lambda: 2) == (2, 1)
    (finished,) = forked._EXITING
    assert forked.with_child(lambda: 3, lambda: 4) == (4, 3)
    assert forked._EXITING != [finished]
    with pytest.raises(ChildProcessError):
        os.waitpid(finished, os.WNOHANG)  # reaped when the second child was forked
    forked._reap_exited()
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)
