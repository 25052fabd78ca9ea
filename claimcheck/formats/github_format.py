"""GitHub Actions workflow commands: one annotation per finding on the pull request's diff.

`::error file=F,line=N,title=claimcheck RULE::MESSAGE` (warning and notice for the lower
severities), escaped as the runner expects: `%`, CR and LF in the message; those and `:`
and `,` in properties. The other claims of a finding are named in its message.
"""

from __future__ import annotations

from claimcheck.findings import Finding, Report, Severity
from claimcheck.formats.text_format import summary

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def render(report: Report, colour: bool = False) -> str:
    lines = [annotation(finding) for finding in report.findings]
    lines.append(summary(report))  # a plain line: shown in the log, not an annotation
    return "\n".join(lines) + "\n"


def annotation(finding: Finding) -> str:
    assert finding.severity is not None
    properties = []
    if finding.locations:
        first = finding.locations[0]
        properties.append(f"file={escape_property(first.file)}")
        if first.line >= 1:
            properties.append(f"line={first.line}")
    properties.append(f"title={escape_property(f'claimcheck {finding.rule}')}")
    message = finding.message
    others = [str(location) for location in finding.locations[1:]]
    if others:
        message += "\n(also " + ", ".join(others) + ")"
    return f"::{COMMANDS[finding.severity]} {','.join(properties)}::{escape_data(message)}"


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")
