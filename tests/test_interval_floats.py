"""The float screens' intervals: an exact figure's floats read from its digits must be the
floats of its exact interval, so a screen decides exactly as it did on the Fractions."""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimcheck.interval import Interval, in_floats, to_float
from claimcheck.loader import load_paths
from claimcheck.qualifiers import Qualifier, QualifierWidths, widen
from claimcheck.quantity import StatedValue, parse_value
from claimcheck.rules.base import Context, qualified_floats
from claimcheck.units import ON_A_SCALE


def _floats_of(interval: Interval) -> tuple[float, float]:
    assert interval.lo is not None and interval.hi is not None
    return to_float(interval.lo), to_float(interval.hi)


@pytest.mark.parametrize("text", [
    "83.45 billion USD", "600 billion CNY", "15.6%", "-0.7%", "9 cases", "0", "-3.2 t",
    "1729.5 billion CNY", "₹35 lakh crore", "6.8 million", "25 bps", "0.001 km", "1e-90 kg"])
def test_rounding_floats_are_the_roundings(text: str) -> None:
    value = parse_value(text)
    assert value.rounding_floats == _floats_of(value.rounding)


@given(st.decimals(allow_nan=False, allow_infinity=False, places=None),
       st.sampled_from([1, 1000, 10**6, 10**9, 10**12]),
       st.sampled_from(["USD", "%", "km", "cases", "bps", ""]))
def test_rounding_floats_match_to_float(number: Decimal, scale: int, unit: str) -> None:
    base = parse_value(f"1 {unit}".strip())
    value = StatedValue(str(number), number, scale, base.unit)
    try:
        expected = _floats_of(value.rounding)
    except OverflowError:
        with pytest.raises(OverflowError):
            value.rounding_floats  # noqa: B018
        return
    assert value.rounding_floats == expected


def test_beyond_floats_and_near_zero() -> None:
    huge = StatedValue("x", Decimal("1E400"), 1, parse_value("1 USD").unit)
    with pytest.raises(OverflowError):
        huge.rounding_floats  # noqa: B018
    with pytest.raises(OverflowError):
        _floats_of(huge.rounding)
    # an end that rounds to 0.0 would lose its sign: the screens leave it to the Fractions
    with pytest.raises(OverflowError):
        in_floats(Interval(Fraction(-1, 10**400), Fraction(1)))
    assert in_floats(Interval(None, Fraction(0))) == (float("-inf"), 0.0)
    assert in_floats(Interval(Fraction(1, 2), None)) == (0.5, float("inf"))


CLAIMS = """\
sources:
  s: {title: T, publisher: P, published: 2024-01-01}
claims:
- {id: a, source: s, metric: m.a, value: 83.45 billion USD}
- {id: b, source: s, metric: m.b, value: 9 cases}
- {id: c, source: s, metric: m.c, value: 15.6%, qualifier: about}
- {id: d, source: s, metric: m.d, value: 600 people, qualifier: over}
- {id: e, source: s, metric: m.e, value: -21000 GBP, qualifier: at most}
- {id: f, source: s, metric: m.f, value: 2400 kcal, restates: g}
- {id: g, source: s, metric: m.f, value: 10000 kJ}
- {id: h, source: s, metric: m.h, value: 580K people}
- {id: i, source: s, metric: m.i, value: -9 cases}
- {id: j, source: s, metric: m.j, value: 0 cases}
- {id: k, source: s, metric: m.k, value: 5 GW, qualifier: nearly}
"""


def test_context_floats_are_the_intervals(tmp_path: Path) -> None:
    path = tmp_path / "claims.yaml"
    path.write_text(CLAIMS)
    claimset, findings = load_paths([str(path)])
    assert not findings
    context = Context(claimset)
    assert len(claimset.claims) == 11
    for claim in claimset.claims:
        floats = context.floats(claim)
        if claim.qualifier is Qualifier.EXACT:
            assert floats == in_floats(context.interval(claim)), claim.id
        else:  # widened in floats: within a few units in the last place
            _assert_close(floats, in_floats(context.interval(claim)))


def _assert_close(floats: tuple[float, float], exact: tuple[float, float]) -> None:
    for end, expected in zip(floats, exact, strict=True):
        if math.isinf(expected) or expected == 0:
            assert end == expected
        else:
            assert end != 0 and math.isclose(end, expected, rel_tol=1e-15, abs_tol=0)


@given(st.decimals(allow_nan=False, allow_infinity=False, places=None),
       st.sampled_from([1, 1000, 10**6, 10**9]),
       st.sampled_from(["USD", "%", "km", "cases", "°C", ""]),
       st.sampled_from([q for q in Qualifier if q is not Qualifier.EXACT]),
       st.sampled_from([Fraction(5, 100), Fraction(1, 3), Fraction(0), Fraction(1),
                        Fraction(3, 2)]))
def test_qualified_floats_are_the_widened_intervals(number: Decimal, scale: int, unit: str,
                                                   qualifier: Qualifier,
                                                   width: Fraction) -> None:
    """The float screens' ends of a qualified figure: where qualified_floats gives them,
    in_floats(widen()) gives the same within a few units in the last place, 0 and the open
    ends exactly (a screen's sign tests read them); it may leave more to the Fractions."""
    value = StatedValue(str(number), number, scale, parse_value(f"1 {unit}".strip()).unit)
    widths = QualifierWidths(about=width, nearly=min(width, Fraction(1)))
    try:
        floats = qualified_floats(value, qualifier, widths)
    except OverflowError:
        return
    signed = ON_A_SCALE in value.unit.dimension
    _assert_close(floats, in_floats(widen(value.rounding, qualifier, widths, signed=signed)))
