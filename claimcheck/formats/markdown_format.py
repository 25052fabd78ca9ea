"""GitHub-flavoured Markdown for pull requests: verdict, findings table, the arithmetic, coverage.

A reviewer reads it without running anything, so each finding shows the claims' quotes and
sources and the numbers behind it step by step (`finding.details`); the step layouts for
currency-conversion and growth-arithmetic are keyed by rule name, and every finding gets a
key/value table of its details. Details may lack any key: a missing number is left out, never a crash.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from claimcheck.findings import Finding, Report, Severity
from claimcheck.interval import format_number
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
    steps = _steps(finding, claims)
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
        return _number(value, 6)
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


# --- the arithmetic, step by step -------------------------------------------------------------

def _steps(finding: Finding, claims: list[Claim]) -> list[str]:
    layout = STEP_LAYOUTS.get(finding.rule)
    if layout is None:
        return []
    try:
        return layout(finding.details, claims)
    except (TypeError, ValueError, ArithmeticError, AttributeError):
        return []  # details are a loose contract: a layout that cannot follow falls back


def _conversion_steps(details: dict[str, Any], claims: list[Claim]) -> list[str]:
    implied = _get(details, "implied_rate")
    pair = details.get("pair") if isinstance(details.get("pair"), str) else None
    unit = pair or ""
    lines = _implied_step(details, claims, implied, pair)
    rates = details.get("rates")
    if isinstance(rates, list) and all(isinstance(r, (int, float)) for r in rates):
        lines += [f"conversion {i}: {_rate(float(r))} {unit}".rstrip()
                  for i, r in enumerate(rates, 1)]
    low, high = _get(details, "reference_low"), _get(details, "reference_high")
    if low is not None and high is not None:
        lines += _reference_steps(details, implied, low, high, unit)
    elif _text(details, "reason"):
        lines.append(f"no reference rate: {inline(str(details['reason']))}")
    elif (tolerance := _get(details, "tolerance")) is not None and isinstance(rates, list):
        lines.append(f"tolerance: {_percent(tolerance)}")
    return lines + _publication_steps(details, unit)


def _implied_step(details: dict[str, Any], claims: list[Claim], implied: float | None,
                  pair: str | None) -> list[str]:
    """`600 billion CNY ÷ 83.45 billion USD = 7.190 CNY/USD`, oriented as the pair reads."""
    money = [c.value for c in claims if c.value is not None and c.value.unit.is_currency]
    spread = ""
    low, high = _get(details, "implied_low"), _get(details, "implied_high")
    if low is not None and high is not None:
        spread = f" ({_rate(low)}–{_rate(high)} within the figures' rounding)"
    if len(money) == 2 and money[0].unit.code != money[1].unit.code and money[1].magnitude:
        top, bottom = money
        ratio = float(top.magnitude / bottom.magnitude)
        if (pair and pair.split("/")[0] == bottom.unit.code) or (not pair and ratio < 1):
            top, bottom, ratio = bottom, top, 1 / ratio
        shown = implied if implied is not None else ratio
        return [(f"{top.describe()} ÷ {bottom.describe()} = {_rate(shown)} "
                 f"{top.unit.code}/{bottom.unit.code}{spread}")]
    if implied is not None:
        return [f"implied rate: {_rate(implied)} {pair or ''}".rstrip() + spread]
    return []


def _reference_steps(details: dict[str, Any], implied: float | None, low: float, high: float,
                     unit: str) -> list[str]:
    label = inline(_text(details, "reference_source") or "reference")
    when = _text(details, "reference_period")
    low_on, high_on = _text(details, "reference_low_date"), _text(details, "reference_high_date")
    span = f"{_rate(low)}{f' ({low_on})' if low_on else ''} – " \
           f"{_rate(high)}{f' ({high_on})' if high_on else ''}"
    lines = [f"{label} rates{' in ' + inline(when) if when else ''}: {span} {unit}".rstrip()]
    tolerance = _get(details, "tolerance")
    if tolerance is not None:
        lines.append(f"widened by the {_percent(tolerance)} tolerance: "
                     f"{_rate(low * (1 - tolerance))}–{_rate(high * (1 + tolerance))}")
    off = _get(details, "off_by")
    if off is None and implied is not None and not low <= implied <= high:
        nearest = low if implied < low else high
        off = abs(implied - nearest) / nearest
    if off is not None:
        lines.append(f"off by {off * 100:.1f}% from the nearer end of the reference range")
    matching = details.get("matching_dates")
    if isinstance(matching, list) and matching:
        shown = ", ".join(inline(str(m)) for m in matching[:3])
        more = f" and {len(matching) - 3} more" if len(matching) > 3 else ""
        lines.append(f"the implied rate matches {label} rates on {shown}{more}")
    return lines


def _publication_steps(details: dict[str, Any], unit: str) -> list[str]:
    low, high = _get(details, "publication_low"), _get(details, "publication_high")
    if low is None or high is None:
        return []
    when = _text(details, "publication_date")
    match = details.get("publication_match")
    verdict = {True: ": the conversion matches these", False: ": no match either"}.get(
        match, "") if isinstance(match, bool) else ""
    return [f"rates on the source's publication date{' (' + inline(when) + ')' if when else ''}"
            f": {_rate(low)}–{_rate(high)} {unit}".rstrip() + verdict]


def _growth_steps(details: dict[str, Any], claims: list[Claim]) -> list[str]:
    growth = next((c.growth for c in claims if c.growth is not None), None)
    start, end_claim = _ends(details, claims)
    rate = _get(details, "rate", "stated_rate")
    if rate is None and growth is not None:
        rate = float(growth.rate.magnitude)
    kind = _text(details, "kind") or (growth.kind if growth is not None else "cagr")
    base = _get(details, "start", "base") or _magnitude(start)
    end = _get(details, "end", "stated_end") or _magnitude(end_claim)
    years = _get(details, "years", "n")
    if years is None and start is not None and end_claim is not None \
            and start.date is not None and end_claim.date is not None:
        years = end_claim.date.end.year - start.date.end.year
    valued = end_claim or start
    unit = _text(details, "unit") or (valued.value.unit.label() if valued and valued.value else "")
    if rate is None or base is None or end is None or (kind == "cagr" and not years):
        return []
    years = years or 1
    scale = _scale(base, end)
    factor = (1 + rate) ** years if kind == "cagr" else 1 + rate
    power = f"^{_number(years)}" if kind == "cagr" else ""
    projected = _get(details, "projected_end", "projected") or base * factor
    implied = _get(details, "implied_rate")
    if implied is None and base > 0 and end / base > 0:
        implied = (end / base) ** (1 / years) - 1 if kind == "cagr" else end / base - 1
    implied_base = _get(details, "implied_start", "implied_base") or end / factor
    lines = [(f"{_amount(base, unit, scale)} × (1 + {_percent(rate)}){power} = "
              f"{_amount(projected, unit, scale)} (projected end)"),
             (f"stated end: {_amount(end, unit, scale)}, {_signed(end / projected - 1)} "
              "against the projection")]
    if implied is not None:
        root = f"^(1/{_number(years)})" if kind == "cagr" else ""
        lines.append(f"implied rate: ({_amount(end, unit, scale)} ÷ {_amount(base, unit, scale)}){root} − 1 "
                     f"= {_percent(implied)} (stated {_percent(rate)})")
    lines.append(f"implied base: {_amount(end, unit, scale)} ÷ (1 + {_percent(rate)}){power} = "
                 f"{_amount(implied_base, unit, scale)} (stated {_amount(base, unit, scale)})")
    return lines


def _ends(details: dict[str, Any], claims: list[Claim]) -> tuple[Claim | None, Claim | None]:
    """The base and end figures: named in the details, else the earliest and latest valued."""
    by_id = {claim.id: claim for claim in claims}
    valued = sorted((c for c in claims if c.value is not None and c.date is not None),
                    key=lambda c: c.date.start)  # type: ignore[union-attr]
    start = by_id.get(str(details.get("start_claim")))
    end = by_id.get(str(details.get("end_claim")))
    if start is None and len(valued) >= 2:
        start = valued[0]
    if end is None and len(valued) >= 2:
        end = valued[-1]
    return start, end


def _magnitude(claim: Claim | None) -> float | None:
    return None if claim is None or claim.value is None else float(claim.value.magnitude)


STEP_LAYOUTS = {"currency-conversion": _conversion_steps, "growth-arithmetic": _growth_steps}


# --- numbers and text ---------------------------------------------------------------------------

def _get(details: dict[str, Any], *keys: str) -> float | None:
    for key in keys:
        value = details.get(key)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return float(value)
    return None


def _text(details: dict[str, Any], *keys: str) -> str | None:
    for key in keys:
        value = details.get(key)
        if isinstance(value, (str, int)) and not isinstance(value, bool) and str(value):
            return str(value)
    return None


def _number(value: float, digits: int = 5) -> str:
    """600 billion, 7.19, 2557.7: scale words above a million, no float noise."""
    for word, size in (("trillion", 1e12), ("billion", 1e9), ("million", 1e6)):
        if abs(value) >= size:
            return f"{format_number(value / size, digits)} {word}"
    return format_number(value, digits)


def _scale(*values: float) -> tuple[str, float]:
    """One scale word for a whole layout, from its smallest figure: 600 and 2557.7 billion."""
    smallest = min((abs(v) for v in values if v), default=0.0)
    for word, size in (("trillion", 1e12), ("billion", 1e9), ("million", 1e6)):
        if smallest >= size:
            return word, size
    return "", 1.0


def _amount(value: float, unit: str, scale: tuple[str, float] = ("", 1.0)) -> str:
    if unit == "%":
        return _percent(value)
    word, size = scale
    number = format_number(value / size, 5) if size != 1 else _number(value)
    return " ".join(part for part in (number, word, inline(unit)) if part)


def _rate(value: float) -> str:
    return f"{value:#.4g}".rstrip(".")  # 7.190: exchange rates keep four significant digits


def _percent(value: float) -> str:
    return f"{format_number(value * 100, 3)}%"


def _signed(value: float) -> str:
    return ("+" if value >= 0 else "−") + _percent(abs(value))


def _figure(claim: Claim, dated: bool = True) -> str:
    """`nearly $83.45 billion, as of 2025-04`: the figure as the claim states it."""
    qualifier = "" if claim.qualifier.value == "exact" else claim.qualifier.value.replace("-", " ")
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
    if not dated:
        pass
    elif claim.as_of is not None:
        text += f", as of {claim.as_of}"
    elif claim.period is not None:
        text += f", {claim.period.start}–{claim.period.end}"
    return text + (" (projection)" if claim.projection else "")


def inline(text: str) -> str:
    """User text inside Markdown: no raw HTML, one line."""
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return " ".join(escaped.splitlines())


def cell(text: str) -> str:
    """User text inside a table cell: `|` escaped, line breaks kept as <br>."""
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return "<br>".join(escaped.splitlines()).replace("|", "\\|")


def code(text: str) -> str:
    if "`" in text or "\n" in text or "\r" in text:
        return cell(text)
    return f"`{text.replace('|', chr(92) + '|')}`"
