"""Every rule's YAML cases (tests/rules/cases/<rule>.yaml), run by one parametrised test.

A case is {name, claims (YAML text of one claim file; a default source `src` published
2025-06-01 is added when it declares no `sources:`), files (more files, optional), rules
(rule-set YAML, optional), expect: [{rule, claims, severity, message (substrings), not_message (substrings it must not
have), details}], uncheckable (optional): {claim id: the reason it is listed unchecked}}.
Only findings of the file's own rule are compared unless the case says `all_rules: true`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from claimcheck.api import Settings, check_paths

CASES = Path(__file__).parent / "cases"
DEFAULT_SOURCE = """sources:
  src:
    title: Test source
    published: 2025-06-01
"""


def _cases() -> list[Any]:
    params = []
    for path in sorted(CASES.glob("*.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            params.append(pytest.param(path.stem, case, id=f"{path.stem}: {case['name']}"))
    return params


@pytest.mark.parametrize(("rule", "case"), _cases())
def test_rule_case(rule: str, case: dict[str, Any], tmp_path: Path) -> None:
    files = dict(case.get("files", {}))
    if "claims" in case:
        text = case["claims"]
        files["claims.yaml"] = text if "sources:" in text else DEFAULT_SOURCE + text
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    # Always a rule-set file of the case's own, so the project's rules/ folder never leaks in.
    rules_file = tmp_path / "rules.yml"
    rules_file.write_text(case.get("rules", "{}\n"), encoding="utf-8")
    rules = str(rules_file)
    paths = tuple(str(tmp_path / name) for name in files)
    report = check_paths(Settings(paths=paths, rules=rules, jobs=1))
    found = [f for f in report.findings if case.get("all_rules") or f.rule == rule]
    expected = case.get("expect", [])
    summary = "\n".join(f"{f.rule} {f.severity} {f.claims}: {f.message}" for f in found)
    assert len(found) == len(expected), f"findings:\n{summary}"
    for finding, want in zip(sorted(found, key=_key), sorted(expected, key=_key), strict=True):
        _assert_matches(finding, want)
    reasons = {item.claim: item.reason for item in report.uncheckable}
    for claim_id, reason in case.get("uncheckable", {}).items():
        assert reasons.get(claim_id) == reason, f"uncheckable: {reasons}"


def _key(item: Any) -> tuple[str, tuple[str, ...]]:
    if isinstance(item, dict):
        return item.get("rule", ""), tuple(sorted(item.get("claims", [])))
    return item.rule, tuple(sorted(item.claims))


def _assert_matches(finding: Any, want: dict[str, Any]) -> None:
    assert finding.rule == want.get("rule", finding.rule)
    if "claims" in want:
        assert sorted(finding.claims) == sorted(want["claims"])
    if "severity" in want:
        assert finding.severity.value == want["severity"]
    messages = want.get("message", [])
    for part in [messages] if isinstance(messages, str) else messages:
        assert part in finding.message, f"{part!r} not in {finding.message!r}"
    for part in want.get("not_message", []):
        assert part not in finding.message, f"{part!r} in {finding.message!r}"
    for key, value in want.get("details", {}).items():
        actual = finding.details.get(key)
        if isinstance(value, float):
            assert actual == pytest.approx(value, rel=1e-3), f"details.{key}: {actual}"
        else:
            assert actual == value, f"details.{key}: {actual!r}"
