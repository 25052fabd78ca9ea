"""Every rule is documented (shown by `claimcheck explain`) and has YAML cases both ways.

These fail for a rule until its module docstring and its cases file land; that is the point.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from claimcheck.rules import RULES

CASES = Path(__file__).parent / "rules" / "cases"
NAMES = sorted(RULES)


@pytest.mark.parametrize("name", NAMES)
def test_rule_name_is_kebab_case(name: str) -> None:
    assert name == RULES[name].name
    assert name.replace("-", "").isalpha() and name == name.lower()


@pytest.mark.parametrize("name", NAMES)
def test_docstring_has_a_summary_and_examples(name: str) -> None:
    doc = RULES[name].doc
    lines = doc.splitlines()
    assert lines, f"{name}: no module docstring"
    summary = lines[0].strip()
    assert summary and "TODO" not in doc, f"{name}: summary or body is a placeholder"
    assert summary.endswith((".", "?", "!")), f"{name}: the summary is one sentence, one line"
    assert len(lines) == 1 or not lines[1].strip(), f"{name}: a blank line after the summary"
    assert "Failing example" in doc, name
    assert "Passing example" in doc, name
    assert doc.index("Failing example") < doc.index("Passing example"), name


def _cases(name: str) -> list[dict[str, Any]]:
    path = CASES / f"{name}.yaml"
    assert path.is_file(), f"missing tests/rules/cases/{name}.yaml"
    cases = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    assert isinstance(cases, list)
    return cases


@pytest.mark.parametrize("name", NAMES)
def test_cases_fire_and_stay_quiet(name: str) -> None:
    cases = _cases(name)
    assert all("expect" in case and "name" in case for case in cases), name
    assert any(case["expect"] for case in cases), f"{name}: no case expecting a finding"
    assert any(case["expect"] == [] for case in cases), f"{name}: no case with `expect: []`"


@pytest.mark.parametrize("name", NAMES)
def test_case_names_are_unique(name: str) -> None:
    names = [case.get("name") for case in _cases(name)]
    assert len(names) == len(set(names)), name
