"""Currency spellings, scale words and signs of the red-team round s12 (pharma, chips, crypto,
budgets, labour): read where they name one currency and one scale, refused with the choices
where they do not."""

from __future__ import annotations

from fractions import Fraction

import pytest
from conftest import amount_and_code, refusal

from claimcheck.display import miss_percent
from claimcheck.quantity import parse_value

BN, TN = 10**9, 10**12
F = Fraction


_read = amount_and_code


# 1. currency spellings of one currency each
@pytest.mark.parametrize(("text", "magnitude", "code"), [
    ("DKr290.4bn", F(2904, 10) * BN, "DKK"), ("Dkr 290.4 billion", F(2904, 10) * BN, "DKK"),
    ("SKr 5bn", 5 * BN, "SEK"), ("Skr5 billion", 5 * BN, "SEK"),
    ("NKr.5 billion", 5 * BN, "NOK"), ("5 billion NKr", 5 * BN, "NOK"),
    ("Sfr 58.7 bn", F(587, 10) * BN, "CHF"), ("SFr 58.7 bn", F(587, 10) * BN, "CHF"),
    ("NTD 3,809.05 billion", F(380905, 100) * BN, "TWD"),
    ("3,809.05 billion NTD", F(380905, 100) * BN, "TWD"),
    ("PhP6.326 trillion", F(6326, 1000) * TN, "PHP"),
    ("Php 297.6 billion", F(2976, 10) * BN, "PHP"),
    ("76 billion HK dollars", 76 * BN, "HKD"), ("5 billion NT dollars", 5 * BN, "TWD"),
])
def test_currency_spellings_of_one_currency_are_read(text: str, magnitude: Fraction,
                                                     code: str) -> None:
    assert _read(text) == (magnitude, code)


# A Chinese currency name before the number: the 元 after it is that currency's unit.
@pytest.mark.parametrize(("text", "magnitude", "code"), [
    ("新台幣38090.5億元", F(380905, 10) * 10**8, "TWD"),
    ("38090.5億新台幣", F(380905, 10) * 10**8, "TWD"),
    ("新台币5億", 5 * 10**8, "TWD"), ("港币760亿元", 760 * 10**8, "HKD"),
    ("人民币6000亿元", 6000 * 10**8, "CNY"),
])
def test_a_chinese_name_before_the_number_names_the_yuan_after_it(
        text: str, magnitude: Fraction, code: str) -> None:
    assert _read(text) == (magnitude, code)


def test_yuan_alone_stays_the_renminbi() -> None:
    assert _read("38090.5億元") == (F(380905, 10) * 10**8, "CNY")


def test_another_currency_after_a_chinese_name_names_two() -> None:
    assert "names two units" in refusal("新台幣5億美元")


@pytest.mark.parametrize(("text", "message"), [
    ("P6.352 trillion", "'P6.352 trillion': P before a number may be the Philippine peso (₱, "
                        "write PHP) or Botswana's pula (BWP): write PHP 6.352 trillion or BWP "
                        "6.352 trillion"),
    ("K5 billion", "K before a number may be the kina of Papua New Guinea (PGK), the kip (LAK), "
                   "the kyat (MMK) or the kwacha of Zambia (ZMW) or Malawi (MWK)"),
    ("ZK 5 billion", "ZMW from 2013, before it the old kwacha (ZMK), 1,000 to a ZMW: write "
                     "ZMW 5 billion"),
    ("MK5bn", "the Malawian kwacha (MWK) or, as a country code, North Macedonia's denar (MKD): "
              "write MWK 5bn or MKD 5bn"),
    ("Le 5 billion", "SLE from 2022-07, SLL before it (1,000 SLL to a SLE): write SLE 5 billion "
                     "or SLL 5 billion"),
])
def test_letter_signs_of_several_currencies_name_them(text: str, message: str) -> None:
    assert message in refusal(text)


@pytest.mark.parametrize(("text", "negative"), [
    ("$(1.83) trillion", "-1.83 trillion USD"), ("(1.83) trillion USD", "-1.83 trillion USD"),
    ("USD (1.83) trillion", "-1.83 trillion USD"), ("($180 million)", "-180 million USD"),
    ("(5)", "-5"),
])
def test_a_bracketed_figure_is_an_accounting_negative(text: str, negative: str) -> None:
    assert refusal(text) == (f"{text!r}: a figure in brackets is a negative in accounts: write "
                             f"it with a minus sign ({negative}), or without the brackets if "
                             "it is no negative")


# 2. scale words: mia. (the Scandinavian milliard), bil (Malaysia's press), T after a sign
@pytest.mark.parametrize(("text", "magnitude", "code"), [
    ("290.4 mia. DKK", F(2904, 10) * BN, "DKK"), ("DKK 290.4 mia", F(2904, 10) * BN, "DKK"),
    ("US$9.7bil", F(97, 10) * BN, "USD"), ("RM1.5bil", F(15, 10) * BN, "MYR"),
    ("7.9 bil. yen", F(79, 10) * BN, "JPY"),
    ("$5T", 5 * TN, "USD"), ("US$1.2T", F(12, 10) * TN, "USD"), ("$5 T", 5 * TN, "USD"),
    ("$1M", 10**6, "USD"), ("$150B", 150 * BN, "USD"),
])
def test_scale_words_of_the_press_are_read(text: str, magnitude: Fraction, code: str) -> None:
    assert _read(text) == (magnitude, code)


def test_the_advice_for_kr_leads_to_a_figure_that_is_read() -> None:
    assert "write 290.4 mia. DKK, SEK, NOK or ISK" in refusal("kr. 290.4 mia.")
    assert _read("290.4 mia. DKK") == (F(2904, 10) * BN, "DKK")


@pytest.mark.parametrize("text", ["5T", "5 T", "5 million T"])
def test_t_without_a_currency_stays_tesla(text: str) -> None:
    assert parse_value(text).unit.kind == "physical"


def test_t_before_a_unit_is_no_trillion() -> None:
    assert "names two units" in refusal("$5TWh")


# 4. English compound numerals: one figure in two scales
@pytest.mark.parametrize(("text", "one_scale"), [
    ("1 trillion 36 billion rupees", "1.036 trillion rupees"),
    ("1 trillion and 36 billion rupees", "1.036 trillion rupees"),
    ("-$1 trillion 36 billion", "-$1.036 trillion"),
    ("$2 million 500 thousand", "$2.500 million"),  # exact to the thousand, as written
    ("Rs 5 crore 50 lakh", "Rs 5.50 crore"),
])
def test_a_figure_in_two_scales_is_refused_with_it_in_one(text: str, one_scale: str) -> None:
    assert refusal(text) == (f"{text!r} is one figure in two scales: write it in one "
                             f"({one_scale})")


def test_a_larger_second_scale_asks_for_one_scale() -> None:
    assert refusal("5 million 3 billion") == (
        "'5 million 3 billion': write the figure in one scale (thousand, million, billion, "
        "trillion)")



# currency-conversion's miss, with the decimals that tell it from the tolerance it failed
@pytest.mark.parametrize(("miss", "tolerance", "text"), [
    (F(528, 100_000), F(1, 200), "0.53%"),  # 0.5% would read as within 0.5%
    (F(957, 100_000), F(1, 200), "1.0%"),  # one decimal is enough: the seed's
    (F(123, 10_000), F(122, 10_000), "1.23%"),  # 1.2% would read as under 1.22%
    (F(50_001, 10_000_000), F(1, 200), "0.50001%"),
    (F(3, 100), F(0), "3.0%"),
])
def test_miss_shown_beyond_tolerance(miss: Fraction, tolerance: Fraction, text: str) -> None:
    assert miss_percent(miss, tolerance) == text


# U.S. $ and U.S.$ (AP style: "fined 107.8 million pounds (U.S. $132 million)") as US$
@pytest.mark.parametrize(("text", "magnitude", "code"), [
    ("U.S. $132 million", 132 * 10**6, "USD"), ("U.S.$132 million", 132 * 10**6, "USD"),
    ("U.S. $5.5bn", F(55, 10) * BN, "USD"), ("U.S. $ 198", 198, "USD"),
    ("U.S. $1,234.5 million", F(12345, 10) * 10**6, "USD"), ("-U.S. $5", -5, "USD"),
    ("132 million U.S. dollars", 132 * 10**6, "USD"),  # as before
])
def test_us_with_stops_before_the_dollar_sign_is_usd(text: str, magnitude: Fraction,
                                                     code: str) -> None:
    assert _read(text) == (magnitude, code)


# Nothing else that starts with U.S. is read: no sign follows, or not the dollar's.
@pytest.mark.parametrize("text", [
    "U.S. 132 million", "U.S.D 5", "U.S $5", "U. S. $5", "u.s. $5", "U.S.A. $5", "U.S. $",
    "U.S. dollars 5", "U.S.€5", "U.S. 5 billion dollars",
])
def test_other_us_prefixes_stay_refused(text: str) -> None:
    assert "does not start with a number" in refusal(text)
