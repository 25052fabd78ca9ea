"""GitHub-flavoured Markdown for pull requests: verdict, findings table, the arithmetic, coverage.

A reviewer reads it without running anything, so each finding shows the claims' quotes and
sources and the numbers behind it step by step (`finding.details`; the layouts for
currency-conversion and growth-arithmetic are in formats/arithmetic.py), and every finding gets
a key/value table of its details. Details may lack any key: a missing number is left out, never
a crash.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from claimcheck.findings import Finding, Report, Severity
from claimcheck.formats import arithmetic
from claimcheck.formats.markup import cell, code, inline
from claimcheck.model import Claim

MAX_SECTIONS = 200  # a step summary holds 1 MiB; the table still lists every finding
MAX_ROWS = 200
ICONS = {Severity.ERROR: "❌", Severity.WARNING: "⚠️", Severity.INFO: "ℹ️"}
DATE_RULES = frozenset({"redated-figure", "date-order"})


def render(report: Report, colour: bool = False) -> str:
    parts = [_verdict(report), _table(report), _sections(report), _coverage(report),
             _fixed(report)]
    return "\n\n".join(part for part in parts if part).rstrip("\n") + "\n"


def _verdict(report: Report) -> str:
    worst = report.worst()
    counts = " · ".join(_counted(report.count(s), s) for s in Severity)
    if worst is None:
        verdict = "✅ **No findings**"
    else:
        verdict = f"{ICONS[worst]} **{len(report.findings)} finding" \
                  f"{'s' if len(report.findings) != 1 else ''}** ({counts})"
    files = f"{report.files} file{'s' if report.files != 1 else ''}"
    lines = ["# claimcheck report", "", verdict, "",
             f"{files}, {report.claims} claims, {report.checked} checked."]
    if report.baselined:
        lines[-1] += f" {report.baselined} findings accepted in the baseline are not shown."
    return "\n".join(lines)


def _counted(count: int, severity: Severity) -> str:
    plural = "s" if count != 1 and severity is not Severity.INFO else ""
    return f"{count} {severity.value}{plural}"


def _table(report: Report) -> str:
    if not report.findings:
        return ""
    rows = ["## Findings", "", "| # | Severity | Rule | Claims | Location | Message |",
            "|---:|---|---|---|---|---|"]
    for number, finding in enumerate(report.findings, 1):
        assert finding.severity is not None
        claims = "<br>".join(code(c) for c in finding.claims) or "—"
        where = "<br>".join(code(str(loc)) for loc in finding.locations) or "—"
        rows.append(f"| {number} | {ICONS[finding.severity]} {finding.severity.value} | "
                    f"{code(finding.rule)} | {claims} | {where} | {cell(finding.message)} |")
    return "\n".join(rows)


def _sections(report: Report) -> str:
    if not report.findings:
        return ""
    shown = report.findings[:MAX_SECTIONS]
    parts = [_section(number, finding, report) for number, finding in enumerate(shown, 1)]
    if len(report.findings) > len(shown):
        parts.append(f"*{len(report.findings) - len(shown)} more findings are listed in the "
                     "table above without their details.*")
    return "## Details\n\n" + "\n\n".join(parts)


def _section(number: int, finding: Finding, report: Report) -> str:
    assert finding.severity is not None
    claimset = report.claimset
    claims = [claimset.by_id[c] for c in finding.claims if claimset and c in claimset.by_id]
    lines = [f"### {number}. {finding.severity.value}: {finding.rule}", "",
             inline(finding.message), ""]
    if finding.claims:
        lines += ["**Claims**", ""] + [_claim_item(c, finding, report) for c in finding.claims]
        lines.append("")
    steps = arithmetic.steps(finding, claims)
    if steps:
        lines += ["**Arithmetic**", ""] + [f"{i}. {step}" for i, step in enumerate(steps, 1)]
        lines.append("")
    if finding.rule in DATE_RULES and claims and claimset is not None:
        lines += [_timeline(claims, claimset.by_metric.get(claims[0].metric, []), report), ""]
    if finding.details:
        lines += [_details_table(finding.details, folded=bool(steps)), ""]
    return "\n".join(lines).rstrip("\n")


def _claim_item(claim_id: str, finding: Finding, report: Report) -> str:
    claimset = report.claimset
    claim = claimset.by_id.get(claim_id) if claimset is not None else None
    if claim is None:
        where = next((loc for loc in finding.locations), None)
        return f"- {code(claim_id)}" + (f" at {code(str(where))}" if where else "")
    lines = [f"- {code(claim.id)}: {inline(_figure(claim))} ({code(str(claim.location))})\\"]
    source = claimset.sources.get(claim.source) if claimset is not None else None
    lines.append("  " + (_source_text(source) if source is not None
                         else f"Source: {code(claim.source)} (not declared)"))
    if claim.quote:
        lines.append("  > " + inline(claim.quote))
    return "\n".join(lines)


def _source_text(source: Any) -> str:
    title = inline(source.label())
    named = f"[{title.replace('[', '&#91;').replace(']', '&#93;')}](<{source.url}>)" \
        if source.url and " " not in source.url and ">" not in source.url else f"*{title}*"
    extras = [inline(x) for x in (source.publisher if source.title else None, source.author) if x]
    extras.append(f"published {source.published}" if source.published else "undated")
    if source.url and not named.startswith("["):
        extras.append(inline(source.url))
    return f"Source: {named} — " + ", ".join(extras)


def _timeline(claims: list[Claim], metric_claims: Iterable[Claim], report: Report) -> str:
    """The metric's dated figures in date order: where a figure moved, or came before its source."""
    involved = {claim.id for claim in claims}
    dated = sorted((c for c in metric_claims if c.date is not None),
                   key=lambda c: (c.date.start, c.date.end, c.id))  # type: ignore[union-attr]
    rows = [f"**Timeline of {code(claims[0].metric)}**", "",
            "| Date | Figure | Claim | Source | Published |", "|---|---|---|---|---|"]
    sources = report.claimset.sources if report.claimset is not None else {}
    for claim in dated[:MAX_ROWS]:
        source = sources.get(claim.source)
        mark = "**" if claim.id in involved else ""
        published = source.published if source is not None and source.published else "—"
        rows.append(f"| {mark}{claim.date}{mark} | {cell(_figure(claim, dated=False))} | "
                    f"{code(claim.id)} | {cell(source.label() if source else claim.source)} | "
                    f"{published} |")
    if len(dated) > MAX_ROWS:
        rows.append(f"| … | {len(dated) - MAX_ROWS} more | | | |")
    return "\n".join(rows)


def _details_table(details: dict[str, Any], folded: bool) -> str:
    rows = ["| Detail | Value |", "|---|---|"]
    rows += [f"| {code(key)} | {cell(_value(details[key]))} |" for key in sorted(details)]
    if not folded:
        return "\n".join(rows)
    return "<details><summary>All details</summary>\n\n" + "\n".join(rows) + "\n\n</details>"


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return arithmetic.number(value, 6)
    if isinstance(value, (list, tuple)):
        return ", ".join(_value(item) for item in value)
    if isinstance(value, dict):
        return json.dumps(value, sort_keys=True, ensure_ascii=False)
    return "—" if value is None else str(value)


def _coverage(report: Report) -> str:
    lines = ["## Coverage", "",
             f"{report.checked} of {report.claims} claims were checked by at least one rule."]
    if report.uncheckable:
        lines += ["", "Claims that could not be checked, and why:", "",
                  "| Claim | Location | Why not checked |", "|---|---|---|"]
        for item in report.uncheckable[:MAX_ROWS]:
            lines.append(f"| {code(item.claim)} | {code(str(item.location))} | "
                         f"{cell(item.reason)} |")
        if len(report.uncheckable) > MAX_ROWS:
            lines.append(f"| … | | {len(report.uncheckable) - MAX_ROWS} more |")
    return "\n".join(lines)


def _fixed(report: Report) -> str:
    if not report.fixed:
        return ""
    lines = ["## No longer occurring", "",
             "These baselined findings were not found this time; the baseline can drop them:", ""]
    lines += [f"- {inline(entry)}" for entry in report.fixed]
    return "\n".join(lines)


def _figure(claim: Claim, dated: bool = True) -> str:
    """`nearly $83.45 billion, as of 2025-04`: the figure as the claim states it."""
    qualifier = claim.qualifier.phrase
    parts = []
    if claim.value is not None:
        parts.append(f"{qualifier} {claim.value.text}".strip())
    if claim.growth is not None:
        growth = claim.growth
        word = "CAGR" if growth.kind == "cagr" else "total growth"
        rate = growth.rate.text if claim.value is not None else f"{qualifier} {growth.rate.text}"
        span = f" {growth.start_date}–{growth.end_date}" if growth.start_date else ""
        parts.append(f"{rate.strip()} {word}{span}")
    text = ", ".join(parts)
    if dated and claim.as_of is not None:
        text += f", as of {claim.as_of}"
    elif dated and claim.period is not None:
        text += f", {claim.period.start}–{claim.period.end}"
    return text + (" (projection)" if claim.projection else "")
