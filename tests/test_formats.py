"""Every report format on the seed claims: golden files, determinism, and each format's own reader.

Golden files live in tests/golden/; after a deliberate change, regenerate them with
`UPDATE_GOLDEN=1 pytest tests/test_formats.py` and read the diff before committing it.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import jsonschema  # type: ignore[import-untyped]
import pytest
from markdown_it import MarkdownIt

from claimcheck.api import Settings, check_paths
from claimcheck.claimset import ClaimSet
from claimcheck.findings import Finding, Location, Report, Severity, Uncheckable
from claimcheck.formats import FORMATS, formatter
from claimcheck.formats.github_format import escape_data, escape_property
from claimcheck.formats.sarif_format import uri
from claimcheck.rules import RULES

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).parent / "golden"
SCHEMA = Path(__file__).parent / "schemas" / "sarif-schema-2.1.0.json"
SEED = "claims/china-ai.yaml"
GOLDEN_NAMES = {"text": "china-ai.txt", "json": "china-ai.json", "markdown": "china-ai.md",
                "sarif": "china-ai.sarif", "junit": "china-ai.junit.xml",
                "github": "china-ai.github.txt"}


def seed_report() -> Report:
    with contextlib.chdir(ROOT):  # paths in the report read claims/china-ai.yaml
        return check_paths(Settings(paths=(SEED,), jobs=1))


@pytest.fixture(scope="module")
def report() -> Report:
    return seed_report()


def render(report: Report, name: str) -> str:
    return formatter(name)(report, False)


@pytest.mark.parametrize("name", FORMATS)
def test_golden(report: Report, name: str) -> None:
    golden = GOLDEN / GOLDEN_NAMES[name]
    text = render(report, name)
    if os.environ.get("UPDATE_GOLDEN") == "1":
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(text, encoding="utf-8", newline="\n")
    expected = golden.read_text(encoding="utf-8")
    assert text == expected, f"{golden.name} differs; if intended: UPDATE_GOLDEN=1 pytest {__file__}"


def test_every_format_has_a_golden_file() -> None:
    assert set(GOLDEN_NAMES) == set(FORMATS)


def test_two_runs_give_the_same_bytes(report: Report) -> None:
    again = seed_report()
    for name in FORMATS:
        assert render(report, name).encode() == render(again, name).encode(), name


# --- SARIF ---------------------------------------------------------------------------------------

def sarif_validator() -> jsonschema.protocols.Validator:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    # Not check_schema(): the official schema puts region's `anyOf` inside `properties`, a
    # known slip upstream that a meta-schema check rejects; validating documents is unaffected.
    return jsonschema.Draft202012Validator(schema)


def test_sarif_matches_the_official_schema(report: Report) -> None:
    document = json.loads(render(report, "sarif"))
    errors = sorted(sarif_validator().iter_errors(document), key=str)
    assert not errors, "\n".join(error.message for error in errors[:5])


def test_sarif_describes_every_rule_and_points_results_at_them(report: Report) -> None:
    run = json.loads(render(report, "sarif"))["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [rule["id"] for rule in rules][:len(RULES)] == list(RULES)
    for rule in rules[:len(RULES)]:
        assert rule["shortDescription"]["text"] == RULES[rule["id"]].summary
        assert rule["defaultConfiguration"]["level"] in {"error", "warning", "note"}
    assert len(run["results"]) == len(report.findings)
    for result, finding in zip(run["results"], report.findings, strict=True):
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"] == finding.rule
        assert result["partialFingerprints"] == {"claimcheck/v1": finding.fingerprint}
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uri"] == SEED
        assert location["region"]["startLine"] == finding.locations[0].line
        assert len(result.get("relatedLocations", [])) == len(finding.locations) - 1


def test_sarif_fingerprints_survive_moved_lines(report: Report, tmp_path: Path) -> None:
    text = (ROOT / SEED).read_text(encoding="utf-8")
    moved = "# a new comment\n# and another\n\n" + text.replace("claims:\n", "claims:\n\n\n", 1)
    (tmp_path / "claims").mkdir()
    (tmp_path / SEED).write_text(moved, encoding="utf-8")
    with contextlib.chdir(tmp_path):
        shifted = check_paths(Settings(paths=(SEED,), jobs=1))
    before = json.loads(render(report, "sarif"))["runs"][0]["results"]
    after = json.loads(render(shifted, "sarif"))["runs"][0]["results"]
    assert [r["partialFingerprints"] for r in before] == [r["partialFingerprints"] for r in after]
    lines = [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in before]
    assert lines != [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in after]


def test_sarif_uris() -> None:
    assert uri("claims/china ai.yaml") == "claims/china%20ai.yaml"
    assert uri("/srv/claims/a.yaml") == "file:///srv/claims/a.yaml"


# --- JUnit ---------------------------------------------------------------------------------------

def test_junit_has_a_suite_per_file_and_a_case_per_claim(report: Report) -> None:
    root = ET.fromstring(render(report, "junit"))
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert [suite.get("name") for suite in suites] == [SEED]
    cases = suites[0].findall("testcase")
    assert report.claimset is not None
    assert {case.get("name") for case in cases} == set(report.claimset.by_id)
    assert all(case.get("classname") == SEED for case in cases)
    failures = [f for case in cases for f in case.findall("failure")]
    assert len(failures) == sum(len(set(f.claims)) for f in report.findings)
    assert {f.get("type") for f in failures} == {f.rule for f in report.findings}
    assert int(root.get("tests", "0")) == len(cases)


def test_junit_escapes_and_reports_file_level_findings() -> None:
    bad = Finding(rule="invalid-file", message='not YAML: <&> "quoted" \x01 end',
                  locations=(Location("broken.yaml", 3),), severity=Severity.ERROR)
    report = Report(files=1, claims=0, findings=(bad,), claimset=ClaimSet([], {}, ["broken.yaml"]))
    root = ET.fromstring(render(report, "junit"))
    case = root.find("testsuite/testcase")
    assert case is not None and case.get("classname") == "broken.yaml"
    failure = case.find("failure")
    assert failure is not None and failure.get("type") == "invalid-file"
    assert '<&> "quoted"' in (failure.get("message") or "")
    assert "error invalid-file" in (failure.text or "")


# --- GitHub workflow commands --------------------------------------------------------------------

def test_github_annotations(report: Report) -> None:
    lines = render(report, "github").splitlines()
    commands = [line for line in lines if line.startswith("::")]
    assert len(commands) == len(report.findings)
    for line, finding in zip(commands, report.findings, strict=True):
        assert finding.severity is not None
        level = {"error": "error", "warning": "warning", "info": "notice"}[finding.severity.value]
        where = finding.locations[0]
        assert line.startswith(f"::{level} file={where.file},line={where.line},"
                               f"title=claimcheck {finding.rule}::")
        assert "\n" not in line


def test_github_escaping() -> None:
    assert escape_data("50% off\r\nnext") == "50%25 off%0D%0Anext"
    assert escape_property("a,b:c%") == "a%2Cb%3Ac%25"
    finding = Finding(rule="scale-slip", message="x: 10%, y\nz",
                      locations=(Location("dir,1/a:b.yaml", 7),), severity=Severity.INFO)
    text = render(Report(files=1, claims=0, findings=(finding,)), "github")
    assert text.splitlines()[0] == ("::notice file=dir%2C1/a%3Ab.yaml,line=7,"
                                    "title=claimcheck scale-slip::x: 10%25, y%0Az")


# --- Markdown ------------------------------------------------------------------------------------

def tables(markdown: str) -> list[list[list[str]]]:
    """Each table as rows of cell texts, as markdown-it parses them."""
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    found: list[list[list[str]]] = []
    inside = False
    for token in tokens:
        if token.type in ("table_open", "table_close"):
            inside = token.type == "table_open"
            found += [[]] if inside else []
        elif inside and token.type == "tr_open":
            found[-1].append([])
        elif inside and token.type == "inline":
            found[-1][-1].append(token.content)
    return found


def test_markdown_findings_table_parses(report: Report) -> None:
    text = render(report, "markdown")
    html = MarkdownIt("commonmark").enable("table").render(text)
    assert "<table>" in html
    findings_table = tables(text)[0]
    assert len(findings_table) == 1 + len(report.findings)  # header + a row per finding
    assert all(len(row) == 6 for row in findings_table)
    assert text.index("findings") < text.index("## Findings")  # the verdict comes first


def test_markdown_escapes_pipes_and_newlines(report: Report) -> None:
    odd = Finding(rule="conflicting-values", message="a | b\nsecond line", claims=("x|y",),
                  locations=(Location("a|b.yaml", 2),), severity=Severity.ERROR,
                  details={"note": "p | q\nr"})
    text = render(dataclasses.replace(report, findings=(odd,)), "markdown")
    parsed = tables(text)
    assert all(len(row) == 6 for row in parsed[0])
    assert len(parsed[0]) == 2
    detail_rows = next(t for t in parsed if t[0] == ["Detail", "Value"])
    assert all(len(row) == 2 for row in detail_rows)


@pytest.mark.parametrize("details", [
    {},
    {"implied_rate": "n/a", "reference_low": None, "pair": 3, "rates": ["x"]},
    {"rate": 0.156, "years": 0, "kind": "cagr", "start_claim": "missing"},
    {"rate": -2.0, "years": 3, "implied_rate": None, "projected_end": 0},
])
@pytest.mark.parametrize("rule", ["currency-conversion", "growth-arithmetic", "redated-figure",
                                  "date-order"])
def test_markdown_survives_missing_or_odd_details(report: Report, rule: str,
                                                  details: dict[str, Any]) -> None:
    claims = ("core-ai-scale-usd", "core-ai-scale-2025-04", "ai-industry-cagr-2025-2035",
              "ai-industry-scale-2035", "not-loaded")
    odd = Finding(rule=rule, message="m", claims=claims, details=details,
                  locations=(Location(SEED, 1),), severity=Severity.WARNING)
    text = render(dataclasses.replace(report, findings=(odd,)), "markdown")
    assert "### 1. warning: " + rule in text


def test_markdown_shows_the_arithmetic(report: Report) -> None:
    text = render(report, "markdown")
    rules = {finding.rule for finding in report.findings}
    if "currency-conversion" in rules:
        assert "600 billion CNY ÷ 83.45 billion USD = 7.190 CNY/USD" in text
    if "growth-arithmetic" in rules:
        assert "600 billion CNY × (1 + 15.6%)^10 = 2557 billion CNY" in text
    if "redated-figure" in rules:
        assert "**Timeline of `cn.ai.core_industry.scale`**" in text
    assert "## Coverage" in text


def test_markdown_without_findings() -> None:
    text = render(Report(files=0, claims=0, findings=()), "markdown")
    assert "No findings" in text and "## Findings" not in text


# --- JSON ----------------------------------------------------------------------------------------

AWKWARD = ['say "1.5%"', "C:\\claims\\a.yaml", "two\nlines\ttab", "\x00\x1f\x7f", "5¼% €3 bn",
           "\u2028 \U0001f600", ""]


def awkward_report() -> Report:
    findings = tuple(
        Finding(rule=f"rule-{index}", message=text, claims=tuple(AWKWARD[:index]),
                locations=tuple(Location(name, index) for name in AWKWARD[index:]),
                details={"text": text, "nested": [{"rule": text}, 0.1, None, True, {}]}
                if index % 2 else {},
                severity=Severity.WARNING)
        for index, text in enumerate(AWKWARD))
    uncheckable = tuple(Uncheckable(text, Location(text, 1_000_000 + index), text)
                        for index, text in enumerate(AWKWARD))
    return Report(files=2, claims=7, findings=findings, checked=1, uncheckable=uncheckable,
                  fixed=tuple(AWKWARD))


def test_json_items_are_the_encoders_compact_json() -> None:
    """The findings and uncheckable claims, written out by hand for speed, are byte for byte
    what json.dumps makes of their dicts, one to a line."""
    report = awkward_report()
    text = render(report, "json")
    document = json.loads(text)
    findings = [{"rule": f.rule, "severity": "warning", "message": f.message,
                 "claims": list(f.claims),
                 "locations": [{"file": loc.file, "line": loc.line} for loc in f.locations],
                 "details": f.details, "fingerprint": f.fingerprint} for f in report.findings]
    uncheckable = [{"claim": u.claim, "file": u.location.file, "line": u.location.line,
                    "reason": u.reason} for u in report.uncheckable]
    assert document["findings"] == findings
    assert document["summary"]["uncheckable"] == uncheckable
    lines = [line.lstrip(" ").removesuffix(",") for line in text.split("\n")]
    for item in findings + uncheckable:
        encoded = json.dumps(item, ensure_ascii=False, separators=(", ", ": "))
        assert encoded in lines


def test_json_with_nothing_to_list() -> None:
    document = json.loads(render(Report(files=0, claims=0, findings=()), "json"))
    assert document["findings"] == [] and document["summary"]["uncheckable"] == []


# --- the command line, for real ------------------------------------------------------------------

def run_cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "claimcheck", "check", *args], cwd=cwd,
                          capture_output=True, text=True, encoding="utf-8", timeout=120,
                          check=False)


def test_cli_sarif_and_exit_codes(report: Report, tmp_path: Path) -> None:
    has_errors = report.count(Severity.ERROR) > 0
    done = run_cli(SEED, "--format", "sarif", "-j", "1")
    assert done.returncode == (1 if has_errors else 0), done.stderr
    assert done.stdout == render(report, "sarif")
    assert not list(sarif_validator().iter_errors(json.loads(done.stdout)))
    output = tmp_path / "report.sarif"
    quiet = run_cli(SEED, "--format", "sarif", "-j", "1", "--fail-on", "never", "-o", str(output))
    assert quiet.returncode == 0 and quiet.stdout == ""
    assert output.read_text(encoding="utf-8") == done.stdout
