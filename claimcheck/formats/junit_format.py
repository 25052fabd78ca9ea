"""JUnit XML for CI test views: a suite per claim file, a test case per claim.

Each finding is a `<failure>` on every claim it names; a finding about no loaded claim (a file
that is not valid YAML, a claim that failed validation) is a failure of a test case for the
file itself. A claim no rule could check is `<skipped>` with the reason.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict

from claimcheck.findings import Finding, Report

FILE_CASE = "(file)"
# Characters XML 1.0 cannot carry at all, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def render(report: Report, colour: bool = False) -> str:
    claimset = report.claimset
    cases: dict[str, dict[str, list[Finding]]] = defaultdict(dict)  # file -> case -> findings
    lines: dict[tuple[str, str], int] = {}
    for claim in claimset.claims if claimset is not None else []:
        cases[claim.location.file][claim.id] = []
        lines[(claim.location.file, claim.id)] = claim.location.line
    for file in claimset.files if claimset is not None else []:
        cases.setdefault(file, {})
    for finding in report.findings:
        _attach(finding, report, cases)
    skipped = {u.claim: u.reason for u in report.uncheckable}
    root = ET.Element("testsuites", name="claimcheck")
    for file in sorted(cases):
        root.append(_suite(file, cases[file], lines, skipped))
    root.set("tests", str(sum(int(s.get("tests", "0")) for s in root)))
    root.set("failures", str(sum(int(s.get("failures", "0")) for s in root)))
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"


def _attach(finding: Finding, report: Report, cases: dict[str, dict[str, list[Finding]]]) -> None:
    by_id = report.claimset.by_id if report.claimset is not None else {}
    loaded = [by_id[c] for c in dict.fromkeys(finding.claims) if c in by_id]
    for claim in loaded:
        cases[claim.location.file][claim.id].append(finding)
    if not loaded:
        file = finding.locations[0].file if finding.locations else "(no file)"
        cases[file].setdefault(FILE_CASE, []).append(finding)


def _suite(file: str, cases: dict[str, list[Finding]], lines: dict[tuple[str, str], int],
           skipped: dict[str, str]) -> ET.Element:
    suite = ET.Element("testsuite", name=_xml(file))
    # The file's own case first, then the claims in file order.
    order = sorted(cases, key=lambda name: (name != FILE_CASE, lines.get((file, name), 0), name))
    failures = 0
    for name in order:
        case = ET.SubElement(suite, "testcase", classname=_xml(file), name=_xml(name))
        if (file, name) in lines:
            case.set("file", _xml(file))
            case.set("line", str(lines[(file, name)]))
        for finding in cases[name]:
            _failure(case, finding)
        failures += bool(cases[name])
        if not cases[name] and name in skipped:
            ET.SubElement(case, "skipped", message=_xml(f"not checked: {skipped[name]}"))
    suite.set("tests", str(len(order)))
    suite.set("failures", str(failures))
    suite.set("errors", "0")
    suite.set("skipped", str(sum(1 for case in suite if case.find("skipped") is not None)))
    return suite


def _failure(case: ET.Element, finding: Finding) -> None:
    assert finding.severity is not None
    failure = ET.SubElement(case, "failure", message=_xml(finding.message), type=finding.rule)
    text = [f"{finding.severity.value} {finding.rule}: {finding.message}"]
    text += [f"at {location}" for location in finding.locations]
    if finding.claims:
        text.append("claims: " + ", ".join(finding.claims))
    failure.text = _xml("\n".join(text))


def _xml(text: str) -> str:
    """ElementTree escapes markup; characters XML cannot hold at all are replaced."""
    return _NOT_XML.sub("\ufffd", text)
