"""Review of the s12 scale readers: `mia` is a milliard only in lower case beside a currency,
a letter glued to digits after a scale is a product (4K TVs), not a second scale, and T is a
trillion only directly after the digits that follow a currency sign."""

from __future__ import annotations

from fractions import Fraction

import pytest
from conftest import amount_and_code, refusal

from claimcheck.quantity import parse_value

BN, TN = 10**9, 10**12
F = Fraction


# 1. mia: missing in action, a name, or a milliard beside a currency
def test_upper_case_mia_is_no_scale() -> None:
    assert "unknown unit 'MIA'" in refusal("81,500 MIA")


@pytest.mark.parametrize(("text", "noun"), [("5 MIA soldiers", "MIA soldiers"),
                                             ("5 mia soldiers", "mia soldiers")])
def test_mia_before_a_noun_is_a_count(text: str, noun: str) -> None:
    value = parse_value(text)
    assert (value.magnitude, value.unit.code) == (5, noun)


def test_capitalised_mia_is_no_scale() -> None:
    assert parse_value("5 Mia").unit.kind == "physical"  # pint's, as before


def test_lone_mia_is_no_scale() -> None:
    assert "unknown unit 'mia'" in refusal("5 mia")


@pytest.mark.parametrize(("text", "code"), [("290.4 mia. DKK", "DKK"), ("DKK 290.4 mia", "DKK"),
                                            ("290.4 mia DKK", "DKK")])
def test_mia_beside_a_currency_is_a_milliard(text: str, code: str) -> None:
    assert amount_and_code(text) == (F(2904, 10) * BN, code)


# 2. a letter glued to digits after a scale names a product
@pytest.mark.parametrize(("text", "magnitude", "noun"), [
    ("5 million 4K TVs", 5 * 10**6, "4K TVs"), ("2 million 8K displays", 2 * 10**6, "8K displays"),
    ("5 billion 4K screens", 5 * BN, "4K screens"),
    ("1 million 3M respirators", 10**6, "3M respirators"),
    ("500 thousand 5K runners", 500 * 10**3, "5K runners"),
])
def test_a_product_after_a_scale_is_no_second_scale(text: str, magnitude: int,
                                                    noun: str) -> None:
    value = parse_value(text)
    assert (value.magnitude, value.unit.code) == (magnitude, noun)


@pytest.mark.parametrize(("text", "advice"), [
    ("1 trillion 36 billion rupees", "1.036 trillion rupees"),
    ("2 million 500 thousand people", "2.500 million people"),
])
def test_two_scale_words_are_still_refused(text: str, advice: str) -> None:
    assert f"write it in one ({advice})" in refusal(text)


# 3. T after a currency sign: alone, directly after the digits
def test_t_after_a_scale_word_does_not_stack() -> None:
    assert "names two units" in refusal("$5 million T")


@pytest.mark.parametrize(("text", "magnitude"), [("$5T", 5 * TN), ("$5 T", 5 * TN),
                                                 ("US$1.2T", F(12, 10) * TN)])
def test_t_directly_after_the_digits_is_a_trillion(text: str, magnitude: Fraction) -> None:
    assert amount_and_code(text) == (magnitude, "USD")


@pytest.mark.parametrize("text", ["¥5T", "¥5 T"])
def test_the_advice_for_yen_sign_and_t_is_read(text: str) -> None:
    assert "write 5 trillion CNY or JPY" in refusal(text)
    assert amount_and_code("5 trillion CNY") == (5 * TN, "CNY")
