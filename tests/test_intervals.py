"""Qualifiers widen a rounding interval (SPEC §1); Interval arithmetic is exact."""

from __future__ import annotations

from fractions import Fraction

import pytest

from claimcheck.errors import InputError
from claimcheck.interval import Interval, to_fraction
from claimcheck.qualifiers import Qualifier, QualifierWidths, parse_qualifier, widen
from claimcheck.quantity import parse_value

F = Fraction
Q = Qualifier

WORDS = [
    ("exact", Q.EXACT), ("about", Q.ABOUT), ("nearly", Q.NEARLY), ("over", Q.OVER),
    ("under", Q.UNDER), ("at-least", Q.AT_LEAST), ("at-most", Q.AT_MOST),
    ("more than", Q.OVER), ("close to", Q.NEARLY), ("approximately", Q.ABOUT),
    ("almost", Q.NEARLY), ("roughly", Q.ABOUT), ("up to", Q.AT_MOST),
    # spellings a careful user would expect to work too
    ("at least", Q.AT_LEAST), ("at most", Q.AT_MOST), ("At-Least", Q.AT_LEAST),
    ("at_least", Q.AT_LEAST), ("  More   than ", Q.OVER), ("NEARLY", Q.NEARLY),
]

# `600` is [599.5, 600.5]; defaults: about ±5% of each end, nearly -5%..0.
ABOUT = (F("599.5") * F("0.95"), F("600.5") * F("1.05"))
WIDENED = {
    Q.EXACT: (F("599.5"), F("600.5")),
    Q.ABOUT: ABOUT,
    Q.NEARLY: (F("569.525"), F("600.5")),
    Q.OVER: (F("599.5"), None),
    Q.AT_LEAST: (F("599.5"), None),
    Q.UNDER: (None, F("600.5")),
    Q.AT_MOST: (None, F("600.5")),
}


def test_about_defaults_are_the_literal_numbers() -> None:
    assert ABOUT == (F("569.525"), F("630.525"))


@pytest.mark.parametrize(("word", "qualifier"), WORDS, ids=[w for w, _ in WORDS])
def test_every_qualifier_and_alias(word: str, qualifier: Qualifier) -> None:
    assert parse_qualifier(word) is qualifier


@pytest.mark.parametrize(("word", "qualifier"), WORDS, ids=[w for w, _ in WORDS])
def test_widened_interval_of_600(word: str, qualifier: Qualifier) -> None:
    rounding = parse_value("600").rounding
    widened = widen(rounding, parse_qualifier(word), QualifierWidths())
    assert (widened.lo, widened.hi) == WIDENED[qualifier]


def test_widths_come_from_the_rule_set() -> None:
    widths = QualifierWidths(about=F(1, 10), nearly=F(2, 100))
    rounding = parse_value("600").rounding
    about = widen(rounding, Q.ABOUT, widths)
    nearly = widen(rounding, Q.NEARLY, widths)
    assert (about.lo, about.hi) == (F("539.55"), F("660.55"))
    assert (nearly.lo, nearly.hi) == (F("587.51"), F("600.5"))


def test_nearly_600_billion_yuan() -> None:
    rounding = parse_value("600 billion CNY").rounding
    nearly = widen(rounding, Q.NEARLY, QualifierWidths())
    assert (nearly.lo, nearly.hi) == (F("569.525e9"), F("600.5e9"))


def test_about_a_negative_figure_widens_outwards() -> None:
    about = widen(parse_value("-3.2").rounding, Q.ABOUT, QualifierWidths())
    assert (about.lo, about.hi) == (F("-3.25") * F("1.05"), F("-3.15") * F("0.95"))


def test_unknown_qualifier_message() -> None:
    with pytest.raises(InputError) as caught:
        parse_qualifier("ish")
    assert str(caught.value) == (
        "'ish' is not a qualifier; expected one of exact, about, nearly, over, under, at-least, "
        "at-most (or more than, close to, approximately, almost, roughly, up to)")


@pytest.mark.parametrize(("raw", "kind"), [(5, "int"), (None, "NoneType"), (True, "bool")])
def test_qualifier_must_be_a_word(raw: object, kind: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_qualifier(raw)
    assert str(caught.value) == f"expected a qualifier word, got {kind}"


# Interval operations
def iv(lo: object, hi: object) -> Interval:
    return Interval(None if lo is None else F(str(lo)), None if hi is None else F(str(hi)))


@pytest.mark.parametrize(("a", "b", "expected"), [
    (iv(1, 2), iv(2, 3), True),           # touching ends overlap
    (iv(1, 2), iv("2.000001", 3), False),
    (iv(1, 3), iv(2, 2), True),           # containment
    (iv(None, 1), iv(1, None), True),
    (iv(None, 0), iv(1, None), False),
    (iv(None, None), iv(5, 5), True),
    (iv(-2, -1), iv(1, 2), False),
])
def test_overlaps(a: Interval, b: Interval, expected: bool) -> None:
    assert a.overlaps(b) is expected
    assert b.overlaps(a) is expected


def test_contains_is_closed() -> None:
    interval = iv(1, 2)
    assert interval.contains(F(1)) and interval.contains(F(2))
    assert not interval.contains(F("2.0001"))
    assert iv(None, 2).contains(F(-10**9))


def test_division_of_positive_intervals() -> None:
    assert iv(2, 4) / iv(1, 2) == iv(1, 4)
    assert iv("599.5e9", "600.5e9") / iv("83.445e9", "83.455e9") == Interval(
        F("599.5") / F("83.455"), F("600.5") / F("83.445"))


def test_division_with_an_unbounded_end() -> None:
    assert iv(2, None) / iv(1, 2) == iv(1, None)
    quotient = iv(2, 4) / iv(1, None)
    assert quotient is not None and quotient.hi == 4
    assert quotient.contains(F(1, 1000)) and not quotient.contains(F(5))


@pytest.mark.parametrize(("a", "b"), [
    (iv(0, 4), iv(1, 2)), (iv(2, 4), iv(0, 2)), (iv(-1, 4), iv(1, 2)),
    (iv(None, 4), iv(1, 2)), (iv(2, 4), iv(-2, -1)),
])
def test_division_is_undefined_unless_both_are_positive(a: Interval, b: Interval) -> None:
    assert a / b is None


def test_scale_by_a_negative_factor_swaps_the_ends() -> None:
    assert iv(1, 2).scale(F(-2)) == iv(-4, -2)
    assert iv(1, None).scale(F(-1)) == iv(None, -1)
    assert iv(None, 3).scale(F(-1)) == iv(-3, None)
    assert iv(1, 2).scale(F(3)) == iv(3, 6)


def test_addition_with_unbounded_ends() -> None:
    assert iv(1, 2) + iv(3, 4) == iv(4, 6)
    assert iv(1, None) + iv(3, 4) == iv(4, None)
    assert iv(None, 2) + iv(3, 4) == iv(None, 6)


def test_bounded_and_positive() -> None:
    assert iv(1, 2).bounded and not iv(1, None).bounded and not iv(None, 2).bounded
    assert iv("0.001", None).positive
    assert not iv(0, 1).positive and not iv(None, 1).positive


# Exactness: no float artefacts anywhere in the arithmetic.
def test_point_one_plus_point_two_is_point_three() -> None:
    assert to_fraction("0.1") + to_fraction("0.2") == F(3, 10)
    total = Interval.point(to_fraction("0.1")) + Interval.point(to_fraction("0.2"))
    assert total == Interval.point(F(3, 10))
    tenth, fifth = parse_value("0.1").magnitude, parse_value("0.2").magnitude
    assert tenth + fifth == parse_value("0.3").magnitude


def test_widening_stays_exact() -> None:
    about = widen(parse_value("0.3").rounding, Q.ABOUT, QualifierWidths())
    assert (about.lo, about.hi) == (F("0.2375"), F("0.3675"))
    assert isinstance(about.lo, Fraction) and isinstance(about.hi, Fraction)


def test_str_shows_unbounded_ends() -> None:
    assert str(iv(1, None)) == "[1, inf]"
    assert str(iv(None, "83.45")) == "[-inf, 83.45]"
