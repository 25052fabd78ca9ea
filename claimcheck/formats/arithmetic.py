"""The arithmetic behind a finding, step by step, for the Markdown report.

Layouts are keyed by rule name (currency-conversion, growth-arithmetic) and read the finding's
`details`, a loose contract: any key may be missing, and a layout that cannot follow gives no
steps rather than a crash.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any, NamedTuple

from claimcheck.display import miss_percent
from claimcheck.findings import Finding
from claimcheck.formats.markup import inline
from claimcheck.interval import format_number
from claimcheck.model import Claim


def steps(finding: Finding, claims: list[Claim]) -> list[str]:
    """The finding's arithmetic as numbered-list items; none for a rule without a layout."""
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
        shown = miss_percent(Fraction(off), Fraction(tolerance or 0))
        lines.append(f"off by {shown} from the nearer end of the reference range")
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


class _Growth(NamedTuple):
    """The figures a growth layout shows: from the details, else from the claims."""

    kind: str  # cagr | total
    rate: float
    base: float
    end: float
    years: float
    unit: str


def _growth_figures(details: dict[str, Any], claims: list[Claim]) -> _Growth | None:
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
        return None
    return _Growth(kind, rate, base, end, years or 1, unit)


def _growth_steps(details: dict[str, Any], claims: list[Claim]) -> list[str]:
    figures = _growth_figures(details, claims)
    if figures is None:
        return []
    kind, rate, base, end, years, unit = figures
    scale = _scale(base, end)

    def amount(value: float) -> str:
        return _amount(value, unit, scale)

    factor = (1 + rate) ** years if kind == "cagr" else 1 + rate
    power = f"^{number(years)}" if kind == "cagr" else ""
    projected = _get(details, "projected_end", "projected") or base * factor
    implied = _get(details, "implied_rate")
    if implied is None and base > 0 and end / base > 0:
        implied = (end / base) ** (1 / years) - 1 if kind == "cagr" else end / base - 1
    implied_base = _get(details, "implied_start", "implied_base") or end / factor
    growth = _one_plus(rate)
    projection = f"{amount(base)} × {growth}{power} = {amount(projected)}"
    lines = [f"{projection} (projected end)",
             f"stated end: {amount(end)}, {_signed(end / projected - 1)} against the projection"]
    if implied is not None:
        root = f"^(1/{number(years)})" if kind == "cagr" else ""
        lines.append(f"implied rate: ({amount(end)} ÷ {amount(base)}){root} − 1 "
                     f"= {_percent(implied)} (stated {_percent(rate)})")
    lines.append(f"implied base: {amount(end)} ÷ {growth}{power} = "
                 f"{amount(implied_base)} (stated {amount(base)})")
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


# --- numbers -----------------------------------------------------------------------------------

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


def number(value: float, digits: int = 5) -> str:
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
    digits = format_number(value / size, 5) if size != 1 else number(value)
    return " ".join(part for part in (digits, word, inline(unit)) if part)


def _rate(value: float) -> str:
    return f"{value:#.4g}".rstrip(".")  # 7.190: exchange rates keep four significant digits


def _percent(value: float) -> str:
    return f"{format_number(value * 100, 3)}%"


def _one_plus(rate: float) -> str:
    """`(1 + 15.6%)`; a fall as `(1 − 70%)`, not `(1 + -70%)`."""
    return f"(1 − {_percent(-rate)})" if rate < 0 else f"(1 + {_percent(rate)})"


def _signed(value: float) -> str:
    return ("+" if value >= 0 else "−") + _percent(abs(value))
