"""One line per finding, as linters print them: `file:line: severity rule: message`."""

from __future__ import annotations

from claimcheck.findings import Report, Severity

COLOURS = {Severity.ERROR: "\033[31m", Severity.WARNING: "\033[33m", Severity.INFO: "\033[36m"}
RESET = "\033[0m"


def render(report: Report, colour: bool = False) -> str:
    lines = []
    for finding in report.findings:
        assert finding.severity is not None
        where = finding.locations[0] if finding.locations else "-"
        severity = finding.severity.value
        if colour:
            severity = f"{COLOURS[finding.severity]}{severity}{RESET}"
        lines.append(f"{where}: {severity} {finding.rule}: {finding.message}")
        lines.extend(f"    also {location}" for location in finding.locations[1:])
    lines.append(summary(report))
    return "\n".join(lines) + "\n"


def summary(report: Report) -> str:
    counts = ", ".join(_count(report.count(s), s.value) if s is not Severity.INFO
                       else f"{report.count(s)} info" for s in Severity)
    text = (f"{_count(report.files, 'file')}, {_count(report.claims, 'claim')} "
            f"({report.checked} checked): {_count(len(report.findings), 'finding')} ({counts})")
    if report.baselined:
        text += f"; {report.baselined} baselined"
    if report.fixed:
        text += f"; {len(report.fixed)} baselined findings no longer occur"
    return text


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
