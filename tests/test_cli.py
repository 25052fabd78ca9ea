"""The command line (SPEC §3, §4), run as a user runs it: `python -m claimcheck`, a subprocess."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema  # type: ignore[import-untyped]
import pytest
import yaml

from claimcheck.rules import RULES

ROOT = Path(__file__).resolve().parent.parent
CLAIM_FILES = sorted((ROOT / "claims").glob("*.yaml"))
SOURCE = "sources:\n  s:\n    title: A\n    published: 2025-06-01\n"
VALID = SOURCE + "claims:\n  - id: a\n    metric: m\n    value: 5 t\n    source: s\n"
DANGLING = ("claims:\n  - id: b\n    metric: m\n    value: 5 t\n    source: nowhere\n"
            "  - id: c\n    metric: n\n    value: 5 t\n    restates: zz\n    source: s\n")
LINE = re.compile(r"^(?P<file>.+?):(?P<line>\d+): (?P<severity>error|warning|info) "
                  r"(?P<rule>[a-z-]+): (?P<message>.+)$")


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "claimcheck", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=120, check=False)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A folder with a valid file and a file with two dangling references (no rules/ folder)."""
    (tmp_path / "ok.yaml").write_text(VALID, encoding="utf-8")
    (tmp_path / "refs.yaml").write_text(DANGLING, encoding="utf-8")
    return tmp_path


def assert_clean_failure(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 2
    assert "Traceback" not in result.stderr + result.stdout
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("claimcheck: ")
    return lines[0]


def test_check_valid_file_exits_0(project: Path) -> None:
    result = run("check", "ok.yaml", cwd=project)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert not [line for line in result.stdout.splitlines() if LINE.match(line)]


def test_check_error_findings_exit_1_with_linter_lines(project: Path) -> None:
    result = run("check", "ok.yaml", "refs.yaml", cwd=project)
    assert result.returncode == 1, result.stderr
    findings = [m.groupdict() for line in result.stdout.splitlines() if (m := LINE.match(line))]
    assert findings == [
        {"file": "refs.yaml", "line": "2", "severity": "error", "rule": "unknown-reference",
         "message": "claim 'b': source 'nowhere' is declared in no file of this run"},
        {"file": "refs.yaml", "line": "6", "severity": "error", "rule": "unknown-reference",
         "message": "claim 'c': restates refers to claim 'zz', which is declared in no file "
                    "of this run"},
    ]


def test_an_invalid_file_is_a_finding_and_other_files_are_checked(project: Path) -> None:
    (project / "broken.yaml").write_text("claims:\n  - id: [x\n", encoding="utf-8")
    result = run("check", ".", "--format", "json", cwd=project)
    assert result.returncode == 1
    report = json.loads(result.stdout)
    rules = {(f["rule"], f["locations"][0]["file"]) for f in report["findings"]}
    assert ("invalid-file", "broken.yaml") in rules
    assert ("unknown-reference", "refs.yaml") in rules


@pytest.mark.parametrize(("fail_on", "code"), [
    ("error", 0), ("warning", 1), ("info", 1), ("never", 0)])
def test_fail_on_with_warning_findings(project: Path, fail_on: str, code: int) -> None:
    (project / "warn.yml").write_text("rules:\n  unknown-reference:\n    severity: warning\n",
                                      encoding="utf-8")
    result = run("check", "ok.yaml", "refs.yaml", "--rules", "warn.yml", "--fail-on", fail_on,
                 cwd=project)
    assert result.returncode == code, result.stdout + result.stderr
    assert "refs.yaml:2: warning unknown-reference: " in result.stdout


@pytest.mark.parametrize(("fail_on", "code"), [
    ("error", 1), ("warning", 1), ("info", 1), ("never", 0)])
def test_fail_on_with_error_findings(project: Path, fail_on: str, code: int) -> None:
    result = run("check", "ok.yaml", "refs.yaml", "--fail-on", fail_on, cwd=project)
    assert result.returncode == code


def test_json_output_matches_spec(project: Path) -> None:
    (project / "a.yaml").write_text(DANGLING.replace("id: b", "id: b2").replace("id: c", "id: c2"),
                                    encoding="utf-8")
    result = run("check", ".", "--format", "json", cwd=project)
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert report["version"] == 1
    summary = report["summary"]
    assert (summary["files"], summary["claims"]) == (3, 5)
    assert summary["findings"] == {"error": 4, "warning": 0, "info": 0}
    for finding in report["findings"]:
        assert {"rule", "severity", "message", "claims", "locations", "details"} <= set(finding)
        assert len(finding["locations"]) == len(finding["claims"])
        assert all(set(loc) == {"file", "line"} for loc in finding["locations"])
    order = [(f["locations"][0]["file"], f["locations"][0]["line"], f["rule"])
             for f in report["findings"]]
    assert order == sorted(order)
    assert [(file, line) for file, line, _ in order] == [
        ("a.yaml", 2), ("a.yaml", 6), ("refs.yaml", 2), ("refs.yaml", 6)]
    first = report["findings"][0]
    assert first["claims"] == ["b2"]
    assert first["details"] == {"field": "source", "reference": "nowhere"}


def test_json_is_byte_identical_across_runs(project: Path) -> None:
    first = run("check", ".", "--format", "json", cwd=project)
    second = run("check", ".", "--format", "json", cwd=project)
    assert first.stdout == second.stdout
    assert first.stdout


def test_output_file(project: Path) -> None:
    result = run("check", ".", "--format", "json", "-o", "report.json", cwd=project)
    assert result.returncode == 1
    assert result.stdout == ""
    written = (project / "report.json").read_text(encoding="utf-8")
    assert json.loads(written)["summary"]["findings"]["error"] == 2
    assert written == run("check", ".", "--format", "json", cwd=project).stdout


def test_missing_path(project: Path) -> None:
    result = run("check", "nope.yaml", cwd=project)
    assert assert_clean_failure(result) == "claimcheck: nope.yaml: no such file or folder"
    assert result.stdout == ""


def test_bad_format(project: Path) -> None:
    line = assert_clean_failure(run("check", "--format", "xml", "ok.yaml", cwd=project))
    assert "'xml' is not one of" in line


def test_bad_fail_on(project: Path) -> None:
    line = assert_clean_failure(run("check", "--fail-on", "sometimes", "ok.yaml", cwd=project))
    assert "--fail-on" in line


def test_unreadable_rule_set(project: Path) -> None:
    (project / "bad.yml").write_text("rules: [\n", encoding="utf-8")
    line = assert_clean_failure(run("check", "--rules", "bad.yml", "ok.yaml", cwd=project))
    assert line.startswith("claimcheck: bad.yml:")


def test_empty_amount_is_a_finding_not_an_internal_error(project: Path) -> None:
    (project / "empty.yaml").write_text(
        SOURCE + "claims:\n  - id: e\n    metric: m\n    value: {amount: ''}\n    source: s\n",
        encoding="utf-8")
    result = run("check", "empty.yaml", cwd=project)
    assert (result.returncode, result.stderr) == (1, "")
    assert "empty.yaml:6: error invalid-file: claim 'e': value: " in result.stdout


def test_rules_lists_every_rule(tmp_path: Path) -> None:
    result = run("rules", cwd=tmp_path)
    assert result.returncode == 0
    listed = [line.split()[0] for line in result.stdout.splitlines() if line.strip()]
    assert listed == list(RULES)
    for line, rule in zip(result.stdout.splitlines(), RULES.values(), strict=True):
        assert rule.severity.value in line.split()


def test_explain_prints_the_rule_doc(tmp_path: Path) -> None:
    result = run("explain", "growth-arithmetic", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout.startswith("growth-arithmetic (default severity: ")
    assert RULES["growth-arithmetic"].doc in result.stdout


def test_explain_unknown_rule(tmp_path: Path) -> None:
    line = assert_clean_failure(run("explain", "nope", cwd=tmp_path))
    assert line == "claimcheck: unknown rule 'nope'; `claimcheck rules` lists them"


def _schema(tmp_path: Path) -> dict[str, Any]:
    result = run("schema", cwd=tmp_path)
    assert result.returncode == 0
    schema: dict[str, Any] = json.loads(result.stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    return schema


def _strings_for_dates(data: Any) -> Any:
    if isinstance(data, dict):
        return {str(k) if isinstance(k, dt.date) else k: _strings_for_dates(v)
                for k, v in data.items()}
    if isinstance(data, list):
        return [_strings_for_dates(item) for item in data]
    return data.isoformat() if isinstance(data, dt.date) else data


def test_schema_validates_the_repo_claim_files(tmp_path: Path) -> None:
    validator = jsonschema.Draft202012Validator(_schema(tmp_path))
    assert CLAIM_FILES
    for path in CLAIM_FILES:
        data = _strings_for_dates(yaml.safe_load(path.read_text(encoding="utf-8")))
        errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(data)]
        assert errors == [], path.name


@pytest.mark.parametrize("claim", [
    {"id": "a", "metric": "m", "value": "5 t", "source": "s", "colour": "red"},
    {"id": "a", "metric": "m", "value": "5 t", "source": "s", "location": "x"},
    {"id": "a", "metric": "m", "value": "5 t"},
    {"id": "a b", "metric": "m", "value": "5 t", "source": "s"},
])
def test_schema_rejects_bad_claims(tmp_path: Path, claim: dict[str, Any]) -> None:
    validator = jsonschema.Draft202012Validator(_schema(tmp_path))
    good = {"id": "a", "metric": "m", "value": "5 t", "source": "s"}
    assert list(validator.iter_errors({"claims": [good]})) == []
    assert list(validator.iter_errors({"claims": [claim]})) != []


def test_schema_rejects_unknown_top_level_keys(tmp_path: Path) -> None:
    validator = jsonschema.Draft202012Validator(_schema(tmp_path))
    assert list(validator.iter_errors({"claim": []})) != []


def test_rules_lists_the_rule_sets_custom_rules_and_severities(tmp_path: Path) -> None:
    rules = tmp_path / "set.yaml"
    rules.write_text("rules:\n  redated-figure: {severity: error}\n  scale-slip: {enabled: false}\n"
                     "custom:\n  - name: share-cap\n    description: shares stay under half\n"
                     "    for_each: {metric: m}\n    expect: value <= 50%\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "claimcheck", "rules", "--rules", str(rules)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    lines = {line.split()[0]: line.split()[1] for line in result.stdout.splitlines()}
    assert lines["redated-figure"] == "error" and lines["scale-slip"] == "off"
    assert lines["share-cap"] == "warning" and "shares stay under half" in result.stdout
