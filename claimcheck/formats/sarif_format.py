"""SARIF 2.1.0 for code scanning: every built-in rule described, one result per finding.

Results carry `partialFingerprints` from the finding's fingerprint (rule and claims, never
lines), so a finding keeps its identity when unrelated lines move; the other claims of a
finding are its `relatedLocations`.
"""

from __future__ import annotations

import json
from importlib.metadata import PackageNotFoundError, version
from pathlib import PurePath, PurePosixPath
from typing import Any
from urllib.parse import quote

from claimcheck.findings import Finding, Location, Report, Severity

SCHEMA = "https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/claimcheck/"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
FINGERPRINT = "claimcheck/v1"


def render(report: Report, colour: bool = False) -> str:
    rules = _rules(report)
    index = {rule["id"]: number for number, rule in enumerate(rules)}
    document = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "claimcheck",
                "version": _version(),
                "informationUri": INFORMATION_URI,
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "results": [_result(finding, index[finding.rule]) for finding in report.findings],
        }],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def _version() -> str:
    try:
        return version("claimcheck")
    except PackageNotFoundError:  # running from a checkout that was never installed
        return "0+unknown"


def _rules(report: Report) -> list[dict[str, Any]]:
    """Every built-in rule, then any user-defined rule that produced a finding."""
    from claimcheck.rules import RULES

    described = [_descriptor(rule.name, rule.summary, rule.doc, rule.severity)
                 for rule in RULES.values()]
    custom = sorted({f.rule for f in report.findings} - set(RULES))
    severities = {f.rule: f.severity for f in report.findings}
    described += [_descriptor(name, f"user-defined rule {name}", f"user-defined rule {name} "
                              "(from the rule set)", severities[name] or Severity.ERROR)
                  for name in custom]
    return described


def _descriptor(name: str, summary: str, doc: str, severity: Severity) -> dict[str, Any]:
    return {
        "id": name,
        "shortDescription": {"text": summary or name},
        "fullDescription": {"text": doc or summary or name},
        "help": {"text": doc or summary or name},
        "defaultConfiguration": {"level": LEVELS[severity]},
    }


def _result(finding: Finding, rule_index: int) -> dict[str, Any]:
    assert finding.severity is not None
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message},
    }
    if finding.locations:
        result["locations"] = [_location(finding.locations[0])]
    related = [_location(location, number, _claim_at(finding, number))
               for number, location in enumerate(finding.locations[1:], 1)]
    if related:
        result["relatedLocations"] = related
    result["partialFingerprints"] = {FINGERPRINT: finding.fingerprint}
    result["properties"] = {"claims": list(finding.claims), "details": finding.details}
    return result


def _claim_at(finding: Finding, position: int) -> str | None:
    return finding.claims[position] if position < len(finding.claims) else None


def _location(location: Location, number: int | None = None,
              claim: str | None = None) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": {"uri": uri(location.file)}}
    if location.line >= 1:
        physical["region"] = {"startLine": location.line}
    placed: dict[str, Any] = {"physicalLocation": physical}
    if number is not None:
        placed["id"] = number
    if claim is not None:
        placed["message"] = {"text": f"claim {claim}"}
    return placed


def uri(path: str) -> str:
    """A relative path stays relative (code scanning resolves it from the repository root)."""
    pure = PurePath(path)
    if pure.is_absolute():
        return pure.as_uri()
    return quote(PurePosixPath(*pure.parts).as_posix(), safe="/")
