"""Baselines through the real command line: accept today's findings, fail CI on new ones only."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = "claims/china-ai.yaml"
NEW_CLAIM = """
  - id: orphan-figure
    metric: cn.ai.orphan
    value: 12 firms
    as_of: 2025-01
    source: declared-nowhere
"""


def run(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "claimcheck", "check", SEED, "-j", "1", *args],
                          cwd=cwd, capture_output=True, text=True, encoding="utf-8",
                          timeout=120, check=False)


def as_json(done: subprocess.CompletedProcess[str]) -> dict[str, Any]:
    assert done.stderr == "", done.stderr
    result: dict[str, Any] = json.loads(done.stdout)
    return result


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the seed claims with a baseline of its findings written beside them."""
    (tmp_path / "claims").mkdir()
    (tmp_path / SEED).write_text((ROOT / SEED).read_text(encoding="utf-8"), encoding="utf-8")
    written = run(tmp_path, "--write-baseline", "baseline.json", "--format", "json")
    assert written.returncode in (0, 1), written.stderr
    assert as_json(written)["findings"], "the seed claims should have findings to baseline"
    return tmp_path


def test_round_trip_reports_nothing_new(project: Path) -> None:
    entries = json.loads((project / "baseline.json").read_text(encoding="utf-8"))["findings"]
    done = run(project, "--baseline", "baseline.json", "--format", "json")
    report = as_json(done)
    assert done.returncode == 0
    assert report["findings"] == []
    assert report["summary"]["baselined"] == len(entries)
    assert report["summary"]["fixed"] == []


def test_a_new_finding_is_still_reported(project: Path) -> None:
    with (project / SEED).open("a", encoding="utf-8") as claims:
        claims.write(NEW_CLAIM)
    done = run(project, "--baseline", "baseline.json", "--format", "json")
    findings = as_json(done)["findings"]
    assert done.returncode == 1
    assert [(f["rule"], f["claims"]) for f in findings] == [("unknown-reference",
                                                             ["orphan-figure"])]


def test_a_fixed_finding_is_listed_as_no_longer_occurring(project: Path) -> None:
    path = project / SEED
    entries = json.loads((project / "baseline.json").read_text(encoding="utf-8"))["findings"]
    growth = [e for e in entries if e["rule"] == "growth-arithmetic"]
    assert growth, "the seed's CAGR finding should be in the baseline"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("rate: 15.6%", "rate: 11.2%"), encoding="utf-8")
    report = as_json(run(project, "--baseline", "baseline.json", "--format", "json"))
    assert report["findings"] == []
    assert any(entry.startswith("growth-arithmetic: ") and "ai-industry-cagr-2025-2035" in entry
               for entry in report["summary"]["fixed"])
    text_report = run(project, "--baseline", "baseline.json").stdout
    assert "baselined findings no longer occur" in text_report
    markdown = run(project, "--baseline", "baseline.json", "--format", "markdown").stdout
    assert "## No longer occurring" in markdown and "growth-arithmetic" in markdown


def test_baselines_follow_claims_not_lines(project: Path) -> None:
    path = project / SEED
    text = path.read_text(encoding="utf-8")
    moved = "# moved down by a new header\n\n\n" + text.replace("\n  - id:", "\n\n  - id:")
    path.write_text(moved, encoding="utf-8")
    done = run(project, "--baseline", "baseline.json", "--format", "json")
    assert done.returncode == 0
    assert as_json(done)["findings"] == []


@pytest.mark.parametrize("content", [None, "not json {", '{"findings": [{"rule": "x"}]}'])
def test_an_unreadable_baseline_stops_the_run(project: Path, content: str | None) -> None:
    if content is not None:
        (project / "broken.json").write_text(content, encoding="utf-8")
    done = run(project, "--baseline", "broken.json")
    assert done.returncode == 2
    assert done.stdout == ""
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("claimcheck: ") and "broken.json" in lines[0]
    assert "Traceback" not in done.stderr
