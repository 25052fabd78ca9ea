"""JSON exactly as SPEC §4: version, summary, findings with claims, locations and details."""

from __future__ import annotations

import json
from typing import Any

from claimcheck.engine import count_by_severity
from claimcheck.findings import Finding, Report


def render(report: Report, colour: bool = False) -> str:
    document = {
        "version": 1,
        "summary": {
            "files": report.files,
            "claims": report.claims,
            "findings": count_by_severity(report),
            "checked": report.checked,
            "uncheckable": [
                {"claim": u.claim, "file": u.location.file, "line": u.location.line,
                 "reason": u.reason} for u in report.uncheckable
            ],
            "baselined": report.baselined,
            "fixed": list(report.fixed),
        },
        "findings": [finding_json(f) for f in report.findings],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def finding_json(finding: Finding) -> dict[str, Any]:
    assert finding.severity is not None
    return {
        "rule": finding.rule,
        "severity": finding.severity.value,
        "message": finding.message,
        "claims": list(finding.claims),
        "locations": [{"file": loc.file, "line": loc.line} for loc in finding.locations],
        "details": finding.details,
        "fingerprint": finding.fingerprint,
    }
