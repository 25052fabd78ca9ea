"""Stated values (SPEC §1 "Numbers, scales and units"): every spelling exactly; every refusal."""

from __future__ import annotations

import re
from fractions import Fraction
from typing import Any

import pytest
from conftest import refusal

from claimcheck.errors import InputError
from claimcheck.quantity import parse_value
from claimcheck.units import measured

F = Fraction
ENERGY = "[length] ** 2 * [mass] / [time] ** 2"
BN = 10**9

# (spelling, magnitude in canonical units, kind, code, dimension)
SPELLINGS: list[tuple[Any, Fraction, str, str, str]] = [
    ("600 billion CNY", F(600 * BN), "currency", "CNY", "currency CNY"),
    ("$83.45 billion", F(8345, 100) * BN, "currency", "USD", "currency USD"),
    ("6000亿 CNY", F(600 * BN), "currency", "CNY", "currency CNY"),
    ("₹35 lakh crore", F(35 * 10**12), "currency", "INR", "currency INR"),
    ("15.6%", F(156, 1000), "percent", "%", "percent"),
    ("4,500 companies", F(4500), "count", "companies", "count"),
    ("1.5 million patents", F(1_500_000), "count", "patents", "count"),
    ("USD 88.3 billion", F(883, 10) * BN, "currency", "USD", "currency USD"),
    ("US$ 2 trillion", F(2 * 10**12), "currency", "USD", "currency USD"),
    ("US$2 trillion", F(2 * 10**12), "currency", "USD", "currency USD"),
    ("€3.1 bn", F(31, 10) * BN, "currency", "EUR", "currency EUR"),
    ("£2m", F(2_000_000), "currency", "GBP", "currency GBP"),
    ("Rs 3.5 crore", F(35_000_000), "currency", "INR", "currency INR"),
    ("35 lakh crore", F(35 * 10**12), "count", "", "count"),
    ("1.2 tn", F(12, 10) * 10**12, "count", "", "count"),
    ("5 k", F(5000), "count", "", "count"),
    ("5 thousand", F(5000), "count", "", "count"),
    ("5 mn", F(5_000_000), "count", "", "count"),
    ("2 lakh", F(200_000), "count", "", "count"),
    ("5万", F(50_000), "count", "", "count"),
    ("RMB 600 billion", F(600 * BN), "currency", "CNY", "currency CNY"),
    ("RM 5 billion", F(5 * BN), "currency", "MYR", "currency MYR"),
    ("R5 billion", F(5 * BN), "currency", "ZAR", "currency ZAR"),
    ("Rp 5 trillion", F(5 * 10**12), "currency", "IDR", "currency IDR"),
    ("5 trillion rupiah", F(5 * 10**12), "currency", "IDR", "currency IDR"),
    ("NT$5 billion", F(5 * BN), "currency", "TWD", "currency TWD"),
    ("3 bln USD", F(3 * BN), "currency", "USD", "currency USD"),
    ("1 trln yuan", F(1000 * BN), "currency", "CNY", "currency CNY"),  # Xinhua's headlines
    ("CNY 600 billion", F(600 * BN), "currency", "CNY", "currency CNY"),
    ("600 billion renminbi", F(600 * BN), "currency", "CNY", "currency CNY"),
    ("600 billion yuan", F(600 * BN), "currency", "CNY", "currency CNY"),
    ("5 US dollars", F(5), "currency", "USD", "currency USD"),
    ("5 dollars", F(5), "currency", "USD", "currency USD"),
    ("5 euros", F(5), "currency", "EUR", "currency EUR"),
    ("5 rupees", F(5), "currency", "INR", "currency INR"),
    ("$5M", F(5_000_000), "currency", "USD", "currency USD"),
    ("$3B", F(3 * BN), "currency", "USD", "currency USD"),
    ("-$5", F(-5), "currency", "USD", "currency USD"),
    ("$5 USD", F(5), "currency", "USD", "currency USD"),
    ("12 TWh", F(12) * 36 * 10**14, "physical", "TWh", ENERGY),
    ("3 GWh", F(3) * 36 * 10**11, "physical", "GWh", ENERGY),
    ("5 t", F(5000), "physical", "t", "[mass]"),
    ("5 km", F(5000), "physical", "km", "[length]"),
    ("1,000 g", F(1), "physical", "g", "[mass]"),
    ("1.2 billion m³", F(12, 10) * BN, "physical", "m³", "[length] ** 3"),
    ("5 m²", F(5), "physical", "m²", "[length] ** 2"),
    ("2 L", F(2, 1000), "physical", "L", "[length] ** 3"),
    ("3 m/s", F(3), "physical", "m/s", "[length] / [time]"),
    ("500 kt", F(500 * 10**6), "physical", "kt", "[mass]"),  # kilotonnes; pint: knots
    ("2 pp", F(2, 100), "count", "pp", "percentage points"),  # pint: a length
    ("0.25 percentage points", F(1, 400), "count", "percentage points", "percentage points"),
    ("0.25 percentage-points", F(1, 400), "count", "percentage-points", "percentage points"),
    ("25 bps", F(1, 400), "count", "bps", "percentage points"),  # pint: a rate
    ("25 basis points", F(1, 400), "count", "basis points", "percentage points"),
    ("3.39 pc", F(339, 10000), "percent", "%", "percent"),  # pint: parsecs
    ("5.9 pct.", F(59, 1000), "percent", "%", "percent"),
    ("−0.3%", F(-3, 1000), "percent", "%", "percent"),  # the typographic minus
    ("Rmb318.15bn", F(31815, 100) * BN, "currency", "CNY", "currency CNY"),
    ("$3.5trn", F(35, 10) * 10**12, "currency", "USD", "currency USD"),
    ("Rs 3.5 cr", F(35_000_000), "currency", "INR", "currency INR"),
    ("₹1.5-lakh crore", F(15, 10) * 10**12, "currency", "INR", "currency INR"),
    ("$3.5-trillion", F(35, 10) * 10**12, "currency", "USD", "currency USD"),
    ("30 knots", F(30 * 463, 900), "physical", "knots", "[length] / [time]"),
    ("2 metric tons", F(2000), "physical", "metric tons", "[mass]"),  # pint: a count noun
    ("10,715 kilowatt-hours", F(10715 * 3_600_000), "physical", "kilowatt-hours", ENERGY),
    ("5 light-years", F(5 * 9460730472580800), "physical", "light-years", "[length]"),
    ("1.1 exaflops", F(11 * 10**17), "count", "exaflops", "flops"),
    ("515 million MAUs", F(515 * 10**6), "count", "MAUs", "count"),  # pint: mega-absorbance
    ("72.2 million pcs", F(722 * 10**5), "count", "pcs", "count"),  # pint: parsecs
    ("100 million Americans", F(10**8), "count", "Americans", "count"),
    ("7 million children", F(7 * 10**6), "count", "children", "count"),
    ("5.2‰", F(52, 10000), "percent", "‰", "percent"),
    ("74 billion Singapore dollars", F(74 * BN), "currency", "SGD", "currency SGD"),
    ("38 billion British pounds", F(38 * BN), "currency", "GBP", "currency GBP"),
    ("5 billion reais", F(5 * BN), "currency", "BRL", "currency BRL"),
    ("1,100 petaflops", F(11 * 10**17), "count", "petaflops", "flops"),
    ("1.02 Eflop/s", F(102 * 10**16), "count", "Eflop/s", "flops"),
    ("12 TWh annually", 12 * F(215035363906, 1885), "physical", "TWh annually",
     "[length] ** 2 * [mass] / [time] ** 3"),  # per year: a power, as pint counts years
    ("5.4 degrees C", F(54, 10), "physical", "degrees C", "[temperature] on the °C scale"),
    ("9.7 degrees F", F(97, 10) * F(5, 9), "physical", "degrees F",
     "[temperature] on the °F scale"),
    ("1.0 degree Celsius", F(1), "physical", "degree Celsius", "[temperature] on the °C scale"),
    ("2 ºC", F(2), "physical", "ºC", "[temperature] on the °C scale"),  # the ordinal sign
    ("1.00 million barrels", F(158987294928, 10**6), "physical", "barrels", "[length] ** 3"),
    # m³/s of a barrel a day to 15 digits, as pint's float factors are read
    ("1.6 mb/d", F(16, 10) * 10**6 * F(184013072833333, 10**20), "physical", "mb/d",
     "[length] ** 3 / [time]"),
    ("2,000 calories", F(2000 * 4184), "physical", "calories", ENERGY),  # food: kcal
    ("5 imperial gallons", F(5 * 454609, 10**8), "physical", "imperial gallons",
     "[length] ** 3"),
    ("420.0 ppm CO2", F(420, 10**6), "count", "ppm CO2", "concentration of CO2"),
    ("1,900 ppb CH4", F(1900, 10**9), "count", "ppb CH4", "concentration of CH4"),
    ("1 short ton", F(45359237, 50000), "physical", "short ton", "[mass]"),
    ("37.4 Gt CO2", F(374, 10) * 10**12, "physical", "Gt CO2", "[mass] of CO2"),
    ("50 MtCO2e", F(50 * 10**9), "physical", "MtCO2e", "[mass] of CO2e"),
    ("1.2 billion tonnes of CO₂", F(12, 10) * 10**12, "physical", "tonnes of CO₂", "[mass] of CO2"),
    ("5 kt CO2-eq", F(5 * 10**6), "physical", "kt CO2-eq", "[mass] of CO2e"),
    ("5 m", F(5_000_000), "count", "", "count"),
    ("1.5e9", F(1_500_000_000), "count", "", "count"),
    ("1.5E9", F(1_500_000_000), "count", "", "count"),
    ("-3.2", F(-32, 10), "count", "", "count"),
    ("+5", F(5), "count", "", "count"),
    ("1,234,567", F(1_234_567), "count", "", "count"),
    ("1,234.5", F(12345, 10), "count", "", "count"),
    ("5 percent", F(5, 100), "percent", "%", "percent"),
    ("5 people", F(5), "count", "people", "count"),
    ("5 firms", F(5), "count", "firms", "count"),
    ({"amount": 600e9, "unit": "CNY"}, F(600 * BN), "currency", "CNY", "currency CNY"),
    ({"amount": "600e9", "unit": "CNY"}, F(600 * BN), "currency", "CNY", "currency CNY"),
    ({"amount": 4500, "unit": "companies"}, F(4500), "count", "companies", "count"),
    ({"amount": 0.1, "unit": "%"}, F(1, 1000), "percent", "%", "percent"),
]


@pytest.mark.parametrize(("raw", "magnitude", "kind", "code", "dimension"), SPELLINGS,
                         ids=[str(s[0]) for s in SPELLINGS])
def test_every_spelling_reads_exactly(raw: Any, magnitude: Fraction, kind: str, code: str,
                                      dimension: str) -> None:
    value = parse_value(raw)
    assert isinstance(value.magnitude, Fraction)
    assert value.magnitude == magnitude
    assert (value.unit.kind, value.unit.code, value.unit.dimension) == (kind, code, dimension)


def test_600_billion_and_6000_yi_are_one_number() -> None:
    spellings = ["600 billion CNY", "6000亿 CNY", "RMB 600 billion", "600 billion yuan",
                 "600 billion renminbi", "CNY 600 billion"]
    values = [parse_value(text) for text in spellings]
    assert {v.magnitude for v in values} == {F(600 * BN)}
    assert {v.unit for v in values} == {values[0].unit}


def test_currencies_are_separate_dimensions() -> None:
    dimensions = {parse_value(t).unit.dimension for t in ("5 CNY", "$5", "€5", "£5", "₹5")}
    assert len(dimensions) == 5


def test_count_nouns_keep_the_noun_and_share_the_count_dimension() -> None:
    companies, patents = parse_value("4,500 companies"), parse_value("1.5 million patents")
    assert (companies.unit.code, patents.unit.code) == ("companies", "patents")
    assert companies.unit.dimension == patents.unit.dimension == "count"


def test_any_plural_word_is_a_count_noun() -> None:
    value = parse_value("5 flurbs")
    assert (value.unit.kind, value.unit.code, value.magnitude) == ("count", "flurbs", 5)


def test_capital_k_without_a_currency_is_kelvin_not_thousand() -> None:
    # Documented in scales.take_scales: "5 K" is a temperature; "5 k" is 5000.
    kelvin = parse_value("5 K")
    assert (kelvin.unit.kind, kelvin.magnitude) == ("physical", 5)
    assert parse_value("5 k").magnitude == 5000


# Units that begin with a scale letter stay units, with or without a space; a lowercase
# `m` or `k` stays a scale; a spaced K alone stays kelvin (red-team fix, sports texts; a
# spaced M or B alone is refused, tests/test_unit_words.py).
@pytest.mark.parametrize(("text", "kind", "code", "magnitude"), [
    ("5 MW", "physical", "MW", F(5 * 10**6)), ("5MW", "physical", "MW", F(5 * 10**6)),
    ("3 Mt", "physical", "Mt", F(3 * BN)), ("3Mt", "physical", "Mt", F(3 * BN)),
    ("2 GB", "physical", "GB", None), ("2GB", "physical", "GB", None),
    ("1 MB", "physical", "MB", F(8 * 10**6)), ("5 Mbps", "physical", "Mbps", None),
    ("5Mbps", "physical", "Mbps", None), ("5 kt", "physical", "kt", F(5 * 10**6)),
    ("5kt", "physical", "kt", F(5 * 10**6)), ("10 km", "physical", "km", F(10_000)),
    ("10km", "physical", "km", F(10_000)), ("5 Gt", "physical", "Gt", F(5 * 10**12)),
    ("$5M", "currency", "USD", F(5 * 10**6)), ("$3B", "currency", "USD", F(3 * BN)),
    ("$5m", "currency", "USD", F(5 * 10**6)), ("5m", "count", "", F(5 * 10**6)),
    ("5 m", "count", "", F(5 * 10**6)), ("5k", "count", "", F(5000)),
    ("5 m²", "physical", "m²", F(5)), ("5m²", "physical", "m²", F(5)),
    ("5m/s", "physical", "m/s", F(5)), ("5 K", "physical", "K", F(5)),
    ("RMB 14.86B", "currency", "CNY", F(1486 * 10**7)),
])
def test_unit_prefixes_and_scale_letters_read_as_before(text: str, kind: str, code: str,
                                                        magnitude: Fraction | None) -> None:
    value = parse_value(text)
    assert (value.unit.kind, value.unit.code) == (kind, code)
    if magnitude is not None:
        assert value.magnitude == magnitude


def test_percent_is_a_fraction() -> None:
    value = parse_value("15.6%")
    assert value.magnitude == F(39, 250)
    assert value.unit.factor == F(1, 100)


# Rounding: every value that rounds to the figure as written (SPEC §1 "Implied precision").
ROUNDING: list[tuple[Any, Fraction, Fraction]] = [
    ("83.45", F("83.445"), F("83.455")),
    ("600", F("599.5"), F("600.5")),
    ("600 billion", F("599.5e9"), F("600.5e9")),
    ("1.5e9", F("1.45e9"), F("1.55e9")),
    ("$83.45 billion", F("83.445e9"), F("83.455e9")),
    ("600 billion CNY", F("599.5e9"), F("600.5e9")),
    ("6000亿 CNY", F("5999.5e8"), F("6000.5e8")),
    ("₹35 lakh crore", F("34.5e12"), F("35.5e12")),
    ("15.6%", F("0.1555"), F("0.1565")),
    ("4,500 companies", F("4499.5"), F("4500.5")),
    ("1.5 million patents", F("1.45e6"), F("1.55e6")),
    ("-3.2", F("-3.25"), F("-3.15")),
    ("0.3", F("0.25"), F("0.35")),
    ("12 TWh", F("11.5") * F("3.6e15"), F("12.5") * F("3.6e15")),
    ({"amount": "600e9", "unit": "CNY"}, F("599.5e9"), F("600.5e9")),
    ({"amount": 600_000_000_000, "unit": "CNY"}, F("599999999999.5"), F("600000000000.5")),
]


@pytest.mark.parametrize(("raw", "lo", "hi"), ROUNDING, ids=[str(r[0]) for r in ROUNDING])
def test_rounding_interval_is_exact(raw: Any, lo: Fraction, hi: Fraction) -> None:
    rounding = parse_value(raw).rounding
    assert (rounding.lo, rounding.hi) == (lo, hi)
    assert isinstance(rounding.lo, Fraction) and isinstance(rounding.hi, Fraction)


def test_integral_float_amount_is_no_more_precise_than_the_integer() -> None:
    as_float = parse_value({"amount": 600e9, "unit": "CNY"}).rounding
    as_int = parse_value({"amount": 600_000_000_000, "unit": "CNY"}).rounding
    assert as_float.lo is not None and as_int.lo is not None
    assert as_float.lo <= as_int.lo


# Refusals, each with its message.
_refused = refusal


def test_yen_sign_is_refused_with_the_exact_message() -> None:
    assert _refused("¥600 billion") == (
        "¥ is used for both CNY and JPY; write 600 billion CNY or JPY")


def test_fullwidth_yen_sign_is_refused_too() -> None:
    assert _refused("￥5") == "￥ is used for both CNY and JPY; write 5 CNY or JPY"


def test_yen_sign_after_the_number_is_refused() -> None:
    assert _refused("600 billion ¥").startswith("¥ is used for both CNY and JPY")


@pytest.mark.parametrize("text", ["4,50", "12,34,5678", "1,2345", "1,23,45"])
def test_bad_grouping(text: str) -> None:
    message = _refused(text)
    assert f"{text!r}: {text!r} is not a number" in message
    assert "`,` separates thousands (4,500 or 1,234,567) or lakhs (12,34,567)" in message


@pytest.mark.parametrize(("text", "number"), [
    ("Rs 27,86,349 crore", 2786349), ("₹1,00,000 crore", 100000), ("12,34,567", 1234567),
])
def test_indian_lakh_grouping(text: str, number: int) -> None:
    assert parse_value(text).number == number


@pytest.mark.parametrize(("text", "message"), [
    ("13.6 billion pounds", "'pounds' is ambiguous: write GBP for pounds sterling, or lb"),
    ("40.9 gigatons of CO2", "'gigatons' is ambiguous: write kt, Mt or Gt for metric tonnes"),
    ("10 MT", "'MT' is ambiguous: write Mt for megatonnes, or t for metric tonnes"),
    ("1.5 million gallons", "'gallons' is ambiguous: write US gallons (3.785 L) or imperial"),
    ("0.5 pts", "'pts' is ambiguous: write pp for percentage points, or index points, or score points (a test's)"),
    ("5 points", "'points' is ambiguous: write pp for percentage points, or index points, or score points (a test's)"),
])
def test_pounds_and_pts_are_refused(text: str, message: str) -> None:
    with pytest.raises(InputError, match=re.escape(message)):
        parse_value(text)


def test_the_typographic_minus_keeps_its_text() -> None:
    assert parse_value("−£96.2 billion").text == "−£96.2 billion"


def test_tons_are_refused_as_three_masses() -> None:
    with pytest.raises(InputError, match=r"'tons' is ambiguous: write t or tonnes \(1,000 kg\), "
                       r"short tons \(907 kg\) or long tons"):
        parse_value("40.9 billion tons of CO2")


@pytest.mark.parametrize(("text", "meant"), [("1.5C", "°C"), ("2.7 F", "°F")])
def test_a_bare_c_or_f_is_refused_not_read_as_a_coulomb_or_a_farad(text: str,
                                                                   meant: str) -> None:
    with pytest.raises(InputError, match=f"is ambiguous: write {meant} for degrees"):
        parse_value(text)


@pytest.mark.parametrize("text", ["5 CO2", "5 km CO2"])
def test_a_gas_qualifies_only_a_mass(text: str) -> None:
    with pytest.raises(InputError, match="CO2 follows a unit of mass"):
        parse_value(text)


@pytest.mark.parametrize(("text", "message"), [
    ("~5 billion", "does not start with a number: write the figure alone, and '~' as its"),
    ("over $5 billion", "write the figure alone, and 'over' as its `qualifier`"),
    ("5+ billion", "write the figure alone, with `qualifier: at-least`"),
    ("5-6 billion", "is a range, two figures"),
    ("$5–6 billion", "is a range, two figures"),
    ("5 to 6 billion", "is a range, two figures"),
    ("5 billion pesos", "'pesos' names no one currency: write its ISO code (MXN, PHP"),
    ("5 Fijian dollars", "'Fijian dollars' names a currency claimcheck does not know by that"),
    ("1 in 6 people", "'1 in 6 people' is a proportion: write it as a percentage (16.7%"),
    ("one in five", "write the figure in digits, a proportion as a percentage"),
    ("down 14%", "write a change with its sign (-14% for a fall"),
    ("14% decline", "a percentage stands alone: a fall is -14%"),
    ("5.168 per 100,000 people", "write the number alone and name the rate in the metric"),
    ("$1.46 per share", "keep the currency and drop 'per share' (write $1.46)"),
    ("Rs 1,500 crore ($180 million)", "give it a claim of its own, with `restates`"),
])
def test_qualifiers_ranges_and_shared_currency_names_are_refused_with_what_to_write(
        text: str, message: str) -> None:
    with pytest.raises(InputError, match=re.escape(message)):
        parse_value(text)


def test_unknown_unit() -> None:
    assert _refused("5 Zq") == (
        "unknown unit 'Zq': expected a currency (CNY, USD, yuan, dollars), %, a plural "
        "count noun (companies, patents) or a unit pint knows (TWh, km, t)")


def test_unknown_three_capitals_after_the_number_are_an_unknown_unit() -> None:
    """`790 MMT`, `450 LMT` were told they are no currency: after the number, three capitals
    are as likely a unit (`5 XAU`, an ISO code of no currency, keeps the currency message)."""
    assert _refused("5 XYZ") == (
        "unknown unit 'XYZ': expected a currency (CNY, USD, yuan, dollars), %, a plural "
        "count noun (companies, patents) or a unit pint knows (TWh, km, t); nor is it an ISO "
        "4217 currency code")


def test_unknown_currency_code_before_the_number() -> None:
    assert _refused("XYZ 5") == (
        "'XYZ' in 'XYZ 5' is not a currency code claimcheck knows (ISO 4217)")


def test_two_units() -> None:
    assert _refused("$5 EUR") == "'$5 EUR' names two units, USD before the number and 'EUR' after"


@pytest.mark.parametrize("text", ["1e101", "1e-101", "1e999"])
def test_exponent_out_of_range(text: str) -> None:
    assert _refused(text) == f"{text!r}: the number is out of range (exponent beyond ±100)"


def test_exponent_at_the_limit_is_accepted() -> None:
    assert parse_value("1e100").magnitude == 10**100


@pytest.mark.parametrize("amount", [float("nan"), float("inf"), float("-inf")])
def test_non_finite_amount(amount: float) -> None:
    assert _refused({"amount": amount, "unit": "CNY"}) == (
        f"amount: {amount!r} is not a finite number")


def test_bool_amount() -> None:
    assert _refused({"amount": True, "unit": "CNY"}) == "amount: expected a number, got bool"


def test_bool_value() -> None:
    assert _refused(True).endswith("or {amount, unit}, got bool")


def test_bare_number_has_no_unit() -> None:
    assert _refused(5) == ("5 has no unit; write it as a string with its unit "
                           "('5 companies', '5%', '5 index points'), quoted alone for a bare "
                           "number such as an index level ('5'), or as {amount, unit}")


@pytest.mark.parametrize("raw", ["", "   "])
def test_empty_value(raw: str) -> None:
    assert _refused(raw).startswith("empty value; expected NUMBER [SCALE] [UNIT]")


def test_text_without_a_number() -> None:
    assert _refused("about 600").startswith("'about 600' does not start with a number")


@pytest.mark.parametrize("raw", [{"unit": "CNY"}, {"amount": 5, "unit": "CNY", "extra": 1}])
def test_mapping_shape(raw: dict[str, Any]) -> None:
    assert _refused(raw) == "expected a mapping with `amount` and optional `unit`"


def test_mapping_unit_must_be_text() -> None:
    assert _refused({"amount": 5, "unit": 5}) == "unit: expected a string, got int"


@pytest.mark.parametrize("amount", ["", " "])
def test_empty_amount_is_refused_not_a_crash(amount: str) -> None:
    assert "number" in _refused({"amount": amount})


@pytest.mark.parametrize(("text", "noun"), [
    ("1.5 million AI-related patents", "AI-related patents"),
    ('400 "little giant" firms', '"little giant" firms'),
    ("4,500 related companies", "related companies"),
])
def test_count_nouns_keep_the_words_that_qualify_them(text: str, noun: str) -> None:
    value = parse_value(text)
    assert (value.unit.kind, value.unit.code, value.unit.dimension) == ("count", noun, "count")


@pytest.mark.parametrize(("text", "code"), [("6000亿元", "CNY"), ("3 美元", "USD")])
def test_chinese_currency_names(text: str, code: str) -> None:
    assert parse_value(text).unit.code == code


FAST_PATH_TEXTS = ["4,500 companies", "Rs 27,86,349 crore", "1,200 km", "$1,234.5 million",
                   "12,34,567 INR", "-1,500 USD", "600 billion CNY", "83.45", "15.6%", "1.2e3 GW",
                   "0.000120 t", "US$ 350 million", "₹35 lakh crore", "6000亿 CNY"]


@pytest.mark.parametrize("text", FAST_PATH_TEXTS)
def test_the_cached_layout_path_reads_as_the_full_reading(text: str) -> None:
    from claimcheck.quantity import _parse_in_full, parse_value_text

    fast, full = parse_value_text(text), _parse_in_full(text)
    assert (fast.number, fast.scale, fast.unit) == (full.number, full.scale, full.unit)


# Texts of one skeleton (their digits made 0) share where the number lies and its layout:
# each reads as its own full reading, refusals included, whichever was read first.
SAME_SKELETONS = [("1,234 km", "9,876 km"), ("$5.5 billion", "$9.1 billion"),
                  ("1.2e3 GW", "9.9e9 GW"), ("5.000€", "1.000€"), ("٣ km", "٣ km"),
                  ("12,34,567 INR", "98,76,543 INR"), ("5 km\ud800", "7 km\ud800")]


@pytest.mark.parametrize("texts", SAME_SKELETONS)
def test_texts_of_one_skeleton_read_as_their_full_readings(texts: tuple[str, str]) -> None:
    from claimcheck.quantity import parse_value_text

    for text in texts:
        _reads_as_in_full(text, parse_value_text)


def _reads_as_in_full(text: str, read: Any) -> None:
    """`read` (a fresh reading of the text) gives what the full reading does, or refuses it
    with the same message."""
    from claimcheck.quantity import READ_VALUES, _parse_in_full

    READ_VALUES.pop(text, None)
    try:
        full = _parse_in_full(text)
    except InputError as error:
        with pytest.raises(InputError, match=re.escape(str(error))):
            read(text)
        return
    fast = read(text)
    assert (fast.text, fast.number, fast.scale, fast.unit) == (
        text, full.number, full.scale, full.unit)


@pytest.mark.parametrize("text", FAST_PATH_TEXTS)
def test_figure_is_the_magnitude_as_a_hashable_number(text: str) -> None:
    value = parse_value(text)
    assert value.figure == value.magnitude
    assert hash(value.figure) == hash(value.magnitude)
    whole = value.magnitude.denominator == 1
    assert isinstance(value.figure, int) is whole


@pytest.mark.parametrize(("text", "degree", "scale"), [
    ("30 °C", Fraction(1), "°C"), ("30 degC", Fraction(1), "°C"),
    ("86 °F", Fraction(5, 9), "°F"), ("303 K", Fraction(1), None),
    ("545 degR", Fraction(5, 9), None),
])
def test_a_scale_with_its_own_zero_is_a_dimension_of_its_own(
        text: str, degree: Fraction, scale: str | None) -> None:
    """A degree is its size (°F: 5/9 K), never 1 °F read as 255.9 K, and °C and °F
    figures are not compared with each other or with kelvins: either may be a change."""
    unit = parse_value(text).unit
    assert unit.factor == degree
    assert measured(unit.dimension) == "[temperature]"
    on_scale = "" if scale is None else f" on the {scale} scale"
    assert unit.dimension == "[temperature]" + on_scale


def test_figures_on_two_scales_are_said_to_be_unchecked_and_why(tmp_path: Any) -> None:
    from claimcheck.api import Settings, check_paths

    (tmp_path / "t.yaml").write_text(
        "sources:\n  un:\n    title: UN\nclaims:\n"
        "  - {id: c, metric: warming, value: 1.5 °C, as_of: 2024, source: un}\n"
        "  - {id: f, metric: warming, value: 2.7 °F, as_of: 2025, source: un}\n",
        encoding="utf-8")
    (tmp_path / "rules.yml").write_text("{}\n", encoding="utf-8")  # not the project's rules/
    report = check_paths(Settings(paths=(str(tmp_path / "t.yaml"),),
                                  rules=str(tmp_path / "rules.yml")))
    assert [u.reason for u in report.uncheckable] == [
        "figures of `warming` in °C and °F are not compared: on a scale with its own zero, "
        "a figure may be a level or a change"] * 2


@pytest.mark.parametrize(("text", "lo", "hi"), [
    ("2,400 kcal", 2350, 2450), ("2,400.0 kcal", F(479990, 200), F(480010, 200)),
    ("6 miles", F(11, 2), F(13, 2)), ("0 kcal", F(-1, 2), F(1, 2)),
])
def test_significant_digits_leave_out_trailing_zeros_of_whole_numbers(
        text: str, lo: Fraction, hi: Fraction) -> None:
    value = parse_value(text)
    significant, factor = value.significant, value.unit.factor
    assert (significant.lo / factor, significant.hi / factor) == (lo, hi)


@pytest.mark.parametrize("texts", SAME_SKELETONS + [("4,500 companies", "7,250 companies"),
                                                    ("$83.45 billion", "$12.5 billion"),
                                                    ("0.986万亿 CNY", "1.234万亿 CNY"),
                                                    ("-1.5%", "-2.5%"),
                                                    ("-$3.2 billion", "-$4.7 billion")])
def test_a_plain_layout_read_again_reads_as_the_full_reading(texts: tuple[str, str]) -> None:
    """read_new_value_text reads a text of a plain layout (quantity._PLAIN) without the
    full layout path; it must agree with the full reading, refusals included."""
    from claimcheck.quantity import read_new_value_text

    for text in (*texts, *texts):  # the second round through the plain layouts, if any
        _reads_as_in_full(text, read_new_value_text)


def test_a_plain_layout_is_remembered_only_where_nothing_is_refused() -> None:
    from claimcheck.quantity import _DIGITS_TO_ZERO, _PLAIN, read_new_value_text

    def skeleton(text: str) -> bytes:
        return text.encode("utf-8", "surrogatepass").translate(_DIGITS_TO_ZERO)

    read_new_value_text("$5.5 billion")
    read_new_value_text("12.5€")
    read_new_value_text("1.2e3 GW")
    assert skeleton("$5.5 billion") in _PLAIN
    assert skeleton("12.5€") not in _PLAIN  # a sign after: 1.000€ may group thousands
    assert skeleton("1.2e3 GW") not in _PLAIN  # an exponent: its range is checked
