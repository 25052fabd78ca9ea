"""Files parsed in parallel processes give the same report, byte for byte, as one process."""

from __future__ import annotations

import pytest

from claimcheck import loader
from claimcheck.api import Settings, check_paths
from claimcheck.formats import formatter
from conftest import ROOT


def test_parallel_loading_gives_the_same_report(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.setattr(loader, "PARALLEL_FROM_BYTES", 0)  # the shipped claims are small
    render = formatter("json")
    serial = render(check_paths(Settings(paths=("claims",), jobs=1)), False)
    parallel = render(check_paths(Settings(paths=("claims",), jobs=2)), False)
    assert parallel == serial
    assert f'"files": {len(list((ROOT / "claims").glob("*.yaml")))}' in serial
