"""A list or a mapping as a key refuses the whole file, whichever parser reads it.

PyYAML (the exact path) refuses such a key ("found unhashable key"); yaml-rs reads it as a
tuple or a frozenset, which only the refused claim, source or key would show. The loader
looks for one in what it refuses and reads the file again on the exact path.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck.loader import load_paths

SOURCE = "sources:\n  s:\n    title: T\n    published: 2024-06-01\n"
CLAIM = "  - id: a\n    metric: m\n    value: 5 USD\n    as_of: 2024\n    source: s\n"
GOOD = "  - id: b\n    metric: m\n    value: 6 USD\n    as_of: 2025\n    source: s\n"
MESSAGE = "not valid YAML: found unhashable key"

TEXTS = {
    "a list as a claim's key": SOURCE + "claims:\n" + CLAIM + "    [1, 2]: x\n" + GOOD,
    "a mapping as a claim's key": SOURCE + "claims:\n" + CLAIM + "    {a: 1}: x\n" + GOOD,
    "a key inside a claim's value": SOURCE + "claims:\n" + CLAIM.replace(
        "value: 5 USD", "value: {amount: 5, [u]: USD}") + GOOD,
    "a claim that is a list of mappings": SOURCE + "claims:\n  - - [1]: 2\n" + GOOD,
    "a source's key": SOURCE + "    [x]: y\nclaims:\n" + GOOD,
    "a source id": SOURCE + "  [s2]:\n    title: U\nclaims:\n" + GOOD,
    "a top-level key": SOURCE + "[1]: 2\nclaims:\n" + GOOD,
    "a key under a top-level key": SOURCE + "notes:\n  [1]: 2\nclaims:\n" + GOOD,
    "`claims` a mapping": SOURCE + "claims:\n  [1]: 2\n",
    "`sources` a list": "sources:\n  - [1]: 2\nclaims:\n" + GOOD,
    "the top a list": "- [1]: 2\n",
    "`claims` a flow mapping": SOURCE + "claims: {[1]: 2}\n",
    "`sources` a flow list": "sources: [{[1]: 2}]\nclaims:\n" + GOOD,
    "the top a flow list": "[{[1]: 2}]\n",
    "a claim that is a flow list": SOURCE + "claims:\n  - [{[1]: 2}]\n" + GOOD,
}


def _findings(path: Path) -> list[tuple[str, str]]:
    _, findings = load_paths([str(path)])
    return [(finding.message, str(finding.locations)) for finding in findings]


@pytest.mark.parametrize("text", TEXTS.values(), ids=TEXTS.keys())
def test_both_parsers_refuse_the_whole_file(text: str, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "f.yaml"
    path.write_text(text, encoding="utf-8")
    fast = _findings(path)
    monkeypatch.setenv("CLAIMCHECK_PARSER", "pyyaml")
    exact = _findings(path)
    assert fast == exact
    assert [message for message, _ in fast] == [MESSAGE]


def test_a_refused_claim_without_such_a_key_is_refused_alone(tmp_path: Path) -> None:
    path = tmp_path / "f.yaml"
    path.write_text(SOURCE + "claims:\n" + CLAIM + "    colour: red\n" + GOOD, encoding="utf-8")
    claimset, findings = load_paths([str(path)])
    assert [claim.id for claim in claimset.claims] == ["b"]
    assert len(findings) == 1 and "claim 'a'" in findings[0].message
