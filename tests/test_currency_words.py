"""Values as published texts write them (red-team findings): every currency code, name and sign
read as its currency or refused with what to write; scales, counts, points, pence, multiples,
rates, other number groupings and qualifier spellings. Never a silent count."""

from __future__ import annotations

import re
from fractions import Fraction

import pytest
from conftest import refusal

from claimcheck.errors import InputError
from claimcheck.qualifiers import Qualifier, parse_qualifier
from claimcheck.quantity import _parse_in_full, parse_value, parse_value_text
from claimcheck.units import ISO_CURRENCIES, parse_unit

F = Fraction
BN = 10**9


_refused = refusal


def _read(text: str) -> tuple[Fraction, str, str]:
    value = parse_value(text)
    return value.magnitude, value.unit.kind, value.unit.code


# 1. ISO 4217 codes, SDR and NIS
@pytest.mark.parametrize("code", ["AFN", "ALL", "AMD", "ANG", "AOA", "LKR", "NPR", "XAF", "XOF",
                                  "XCD", "XPF", "XDR", "ZMW", "ZWL", "HRK", "UZS", "KZT"])
def test_every_active_iso_code_is_a_currency(code: str) -> None:
    assert _read(f"5 billion {code}") == (5 * BN, "currency", code)
    assert _read(f"{code} 5 billion") == (5 * BN, "currency", code)


@pytest.mark.parametrize("code", ["XAU", "XAG", "XPT", "XPD", "XTS", "XXX"])
def test_metals_and_test_codes_are_not_currencies(code: str) -> None:
    assert code not in ISO_CURRENCIES
    assert _refused(f"5 {code}") == f"'{code}' is not a currency code claimcheck knows (ISO 4217)"


@pytest.mark.parametrize(("text", "code"), [
    ("SDR 11.6 billion", "XDR"), ("11.6 billion SDR", "XDR"), ("650 billion SDRs", "XDR"),
    ("NIS 5 billion", "ILS"), ("5 billion NIS", "ILS"),
])
def test_sdr_and_nis_name_their_iso_codes(text: str, code: str) -> None:
    assert parse_value(text).unit.code == code


# 2. Currency names: every one a currency or a refusal, never a count
@pytest.mark.parametrize(("text", "code"), [
    ("682 billion hryvnias", "UAH"), ("5 hryvnia", "UAH"), ("5 zlotys", "PLN"),
    ("5 zlotych", "PLN"), ("5 zloty", "PLN"), ("5 forints", "HUF"), ("5 forint", "HUF"),
    ("5 rupiahs", "IDR"), ("5 nairas", "NGN"), ("5 cedis", "GHS"), ("5 cedi", "GHS"),
    ("5 liras", "TRY"), ("5 lira", "TRY"), ("5 yuans", "CNY"), ("5 ringgits", "MYR"),
    ("5 bahts", "THB"), ("5 tenge", "KZT"), ("5 lari", "GEL"), ("5 drams", "AMD"),
    ("5 dram", "AMD"), ("5 lev", "BGN"), ("5 leva", "BGN"), ("5 kuna", "HRK"), ("5 kunas", "HRK"),
    ("5 koruna", "CZK"), ("5 korunas", "CZK"), ("5 soles", "PEN"), ("5 taka", "BDT"),
    ("5 Sri Lankan rupees", "LKR"), ("5 Nepalese rupees", "NPR"), ("5 Pakistani rupees", "PKR"),
    ("5 Mauritian rupees", "MUR"), ("5 Kuwaiti dinars", "KWD"), ("5 Jordanian dinar", "JOD"),
    ("5 Omani rials", "OMR"), ("5 Iranian rials", "IRR"), ("5 Ugandan shillings", "UGX"),
    ("5 Zambian kwacha", "ZMW"), ("5 Azerbaijani manat", "AZN"), ("5 Uzbek som", "UZS"),
    ("5 Romanian lei", "RON"), ("5 Moldovan lei", "MDL"), ("5 West African CFA francs", "XOF"),
    ("5 Egyptian pounds", "EGP"), ("5 Singapore dollars", "SGD"), ("5 Czech crowns", "CZK"),
    ("5 Icelandic kronur", "ISK"), ("5 special drawing rights", "XDR"),
])
def test_currency_names_are_currencies(text: str, code: str) -> None:
    unit = parse_value(text).unit
    assert (unit.kind, unit.code, unit.dimension) == ("currency", code, f"currency {code}")


def test_hryvnias_are_money_not_a_count() -> None:
    assert _read("682 billion hryvnias") == (682 * BN, "currency", "UAH")


@pytest.mark.parametrize(("text", "choices"), [
    ("5 rials", "IRR, OMR or YER"), ("5 rial", "IRR, OMR or YER"),
    ("5 dinars", "KWD, BHD, JOD, IQD, RSD, DZD, TND or LYD"),
    ("5 shillings", "KES, UGX, TZS or SOS"), ("5 kwacha", "ZMW or MWK"),
    ("5 manat", "AZN or TMT"), ("5 som", "KGS or UZS"), ("5 lei", "RON or MDL"),
    ("5 leu", "RON or MDL"), ("5 CFA francs", "XOF in West Africa or XAF in Central Africa"),
    ("5 crowns", "SEK, NOK, DKK, CZK or ISK"),
    ("5 pesos", "MXN, PHP, ARS, CLP or COP"), ("5 riyals", "SAR or QAR"),
])
def test_names_several_countries_share_are_refused_with_the_codes(text: str,
                                                                  choices: str) -> None:
    word = text.removeprefix("5 ")
    assert _refused(text) == f"{word!r} names no one currency: write its ISO code ({choices})"


@pytest.mark.parametrize("text", ["5 Ruritanian dollars", "5 Venezuelan bolívares",
                                  "5 Fijian dinars", "5 guilders", "5 escudos", "5 leones"])
def test_other_currency_names_are_refused_not_counted(text: str) -> None:
    assert "names a currency claimcheck does not know by that name" in _refused(text)


@pytest.mark.parametrize(("text", "code"), [
    ("5 rupees", "INR"), ("Rs 5", "INR"), ("Rs. 5 crore", "INR"), ("₹5", "INR"),
    ("5 yuan", "CNY"), ("5 won", "KRW"),
])
def test_spellings_that_worked_still_do(text: str, code: str) -> None:
    assert parse_value(text).unit.code == code


@pytest.mark.parametrize(("text", "message"), [
    ("¥5", "¥ is used for both CNY and JPY; write 5 CNY or JPY"),
    ("5 pounds", "'pounds' is ambiguous: write GBP for pounds sterling, or lb"),
    ("5 points", "'points' is ambiguous: write pp for percentage points, or index points, or score points (a test's)"),
])
def test_refusals_that_worked_still_do(text: str, message: str) -> None:
    assert message in _refused(text)


# 3. Currency signs
@pytest.mark.parametrize(("text", "code"), [
    ("₱5", "PHP"), ("฿5", "THB"), ("₫5", "VND"), ("₺5", "TRY"), ("₽5", "RUB"), ("₴5", "UAH"),
    ("₦5", "NGN"), ("₪5", "ILS"), ("₸5", "KZT"), ("৳5", "BDT"), ("Tk 5 crore", "BDT"),
    ("Tk5bn", "BDT"), ("CN¥5", "CNY"), ("CNY¥5", "CNY"), ("JP¥5", "JPY"), ("AU$5", "AUD"),
    ("CA$5", "CAD"), ("SG$5", "SGD"), ("Mex$5", "MXN"), ("₱ 5 billion", "PHP"),
    ("5000₫", "VND"), ("100 ₽", "RUB"), ("5.5 €", "EUR"), ("5 ₪", "ILS"),
])
def test_currency_signs(text: str, code: str) -> None:
    assert parse_value(text).unit.code == code


def test_a_sign_before_the_number_reads_its_digits_in_full() -> None:
    assert _read("Tk 5 crore") == (5 * 10**7, "currency", "BDT")
    assert _read("₱1,234.5") == (F(12345, 10), "currency", "PHP")


@pytest.mark.parametrize("text", ["5.000₫", "5.000 ₫", "1.500 ₺", "12.345 €"])
def test_a_sign_after_a_number_grouped_by_dots_is_refused(text: str) -> None:
    assert "with the currency sign after the number, `.` may group thousands" in _refused(text)


def test_the_refusal_says_what_to_write() -> None:
    assert _refused("5.000₫").endswith(
        "write the number as 5,000 and the sign as VND, or VND 5.000 if `.` is the decimal point")


@pytest.mark.parametrize(("text", "sign"), [("₡5", "₡"), ("5 ₡", "₡"), ("5 $", "$")])
def test_an_unknown_sign_is_said_to_be_a_currency_sign(text: str, sign: str) -> None:
    assert f"{sign!r} is a currency sign claimcheck does not read here: write the currency's " \
           "ISO 4217 code" in _refused(text)


# 4. Chinese, Japanese and Korean scales and currency names
@pytest.mark.parametrize(("text", "magnitude", "code"), [
    ("5億", 5 * 10**8, ""), ("3萬", 30_000, ""), ("5億円", 5 * 10**8, "JPY"),
    ("6000亿元人民币", 6 * 10**11, "CNY"), ("5 人民币元", 5, "CNY"), ("5亿日元", 5 * 10**8, "JPY"),
    ("5 韩元", 5, "KRW"), ("5 港元", 5, "HKD"), ("5港币", 5, "HKD"), ("5 新台币", 5, "TWD"),
    ("5 英镑", 5, "GBP"), ("5 澳元", 5, "AUD"), ("5 加元", 5, "CAD"), ("5 卢布", 5, "RUB"),
    ("5 印度卢比", 5, "INR"), ("500円", 500, "JPY"), ("5000 원", 5000, "KRW"),
    ("5억 원", 5 * 10**8, "KRW"), ("3조 원", 3 * 10**12, "KRW"),
])
def test_cjk_scales_and_currency_names(text: str, magnitude: int, code: str) -> None:
    value = parse_value(text)
    assert (value.magnitude, value.unit.code) == (magnitude, code)


@pytest.mark.parametrize("text", ["5兆", "5兆元", "5 兆 CNY", "5兆瓦"])  # 5兆円: test_values_s11
def test_zhao_is_refused_as_a_million_or_a_trillion(text: str) -> None:
    message = _refused(text)
    assert "兆 is 10^12 in Japan and Taiwan but 10^6 in mainland China" in message
    assert "write the scale in words, trillion or million" in message


# 5. quadrillion
def test_quadrillion_is_a_scale() -> None:
    assert _read("1.2 quadrillion won") == (12 * 10**14, "currency", "KRW")
    assert _read("$1 quadrillion") == (10**15, "currency", "USD")


# 6. counts
@pytest.mark.parametrize(("text", "noun"), [
    ("1.2 million NEVs", "NEVs"), ("300 aircraft", "aircraft"), ("5 million sheep", "sheep"),
    ("5 fish", "fish"), ("5 deer", "deer"), ("12 species", "species"),
    ("5 offspring", "offspring"), ("5 million cattle", "cattle"),
])
def test_invariant_nouns_and_nevs_are_counts(text: str, noun: str) -> None:
    unit = parse_value(text).unit
    assert (unit.kind, unit.code, unit.dimension) == ("count", noun, "count")


def test_a_pint_is_still_a_pint() -> None:
    assert parse_value("5 pint").unit.kind == "physical"


# 7. percentage points, parts per trillion, per cent.
@pytest.mark.parametrize("text", ["2 %pts", "2 % pts", "2%pt", "2 % points", "2 pct pts",
                                  "2 percentage pts", "2pp"])
def test_percentage_points_as_finance_writes_them(text: str) -> None:
    unit = parse_value(text).unit
    assert parse_value(text).magnitude == F(2, 100)
    assert unit.dimension == "percentage points"


def test_ppt_is_refused_with_both_meanings() -> None:
    assert "'ppt' is ambiguous: write pp for percentage points, or parts per trillion" in (
        _refused("0.5 ppt"))


def test_parts_per_trillion_is_a_concentration() -> None:
    assert parse_value("5 parts per trillion").magnitude == F(5, 10**12)
    gas = parse_value("5 parts per trillion CH4")
    assert (gas.magnitude, gas.unit.dimension) == (F(5, 10**12), "concentration of CH4")


@pytest.mark.parametrize("text", ["5 per cent.", "5 percent."])
def test_per_cent_with_a_full_stop(text: str) -> None:
    assert _read(text) == (F(5, 100), "percent", "%")


# 8. pence, cents and multiples
@pytest.mark.parametrize(("text", "message"), [
    ("33p", "pence are hundredths of a pound: write 0.33 GBP"),
    ("33 pence", "pence are hundredths of a pound: write 0.33 GBP"),
    ("50 paise", "paise are hundredths of a rupee: write 0.50 INR"),
    ("50 cents", "cents of which currency? write 0.50 in dollars, euros, ... with its code "
                 "(0.50 USD)"),
    ("50¢", "cents of which currency? write 0.50 in dollars, euros, ... with its code "
            "(0.50 USD)"),
])
def test_hundredths_of_a_currency_are_refused_with_the_figure_in_it(text: str,
                                                                    message: str) -> None:
    assert _refused(text) == message


@pytest.mark.parametrize(("text", "rate"), [
    ("3 times", "200"), ("3x", "200"), ("3-fold", "200"), ("3 fold", "200"), ("1.5 times", "50.0"),
])
def test_multiples_are_refused_as_growth(text: str, rate: str) -> None:
    message = _refused(text)
    assert "a multiple is a growth" in message
    assert f"`growth: {{rate: {rate}%, kind: total}}`" in message


@pytest.mark.parametrize(("text", "rate"), [("threefold", "200%"), ("tenfold", "900%"),
                                            ("manyfold", "(n-1)×100%")])
def test_multiples_in_words_are_refused_as_growth(text: str, rate: str) -> None:
    assert f"is a multiple of another figure, a growth: write `growth: {{rate: {rate}, " \
           "kind: total}`" in _refused(text)


# 9. money per hour, month or year: the money keeps its currency (the number alone would then
# be a count, a unit-mismatch beside the same money written `£10.42`), the rate goes
RATE_HINT = ("and name the rate in the metric (uk.minimum_wage_per_hour, rent_per_month; a "
             "yearly total is the money alone, its `period` says the year)")


@pytest.mark.parametrize(("text", "rate", "money"), [
    ("£10.42 per hour", "per hour", "£10.42"), ("$7.25 an hour", "an hour", "$7.25"),
    ("£7.83/hour", "/hour", "£7.83"), ("£1,600 a year", "a year", "£1,600"),
    ("£2,695 pcm", "pcm", "£2,695"), ("£30,000 pa", "pa", "£30,000"),
    ("£30,000 p.a.", "p.a.", "£30,000"), ("£30,000 per annum", "per annum", "£30,000"),
    ("10.42 GBP per hour", "per hour", "10.42 GBP"), ("$5bn a year", "a year", "$5bn"),
    ("10.42 GBP pcm", "pcm", "10.42 GBP"), ("£5bn annually", "annually", "£5bn"),
])
def test_money_per_time_is_refused_with_where_the_rate_goes(text: str, rate: str,
                                                            money: str) -> None:
    assert _refused(text) == (f"{text!r} is a rate of money: keep the currency and drop "
                              f"{rate!r} (write {money}), " + RATE_HINT)


def test_a_pascal_is_not_per_annum() -> None:
    assert parse_value("5 Pa").unit.kind == "physical"
    assert parse_value("5 TWh a year").unit.kind == "physical"


# 10. numbers grouped otherwise
@pytest.mark.parametrize(("text", "message"), [
    ("€1.234,56", "`,` separates thousands and a decimal comma is not read: write 1234.56"),
    ("1.234,56 €", "a decimal comma is not read: write 1234.56"),
    ("1.234.567", "`.` is the decimal point and `,` separates thousands: write 1,234,567"),
    ("10 000 yuan", "digits grouped by spaces are not read: write 10,000"),
    ("1 234 567 USD", "digits grouped by spaces are not read: write 1,234,567"),
    ("10\u202f000 EUR", "digits grouped by spaces are not read: write 10,000"),
])
def test_other_groupings_are_refused_with_the_number_to_write(text: str, message: str) -> None:
    assert message in _refused(text)


# 11. qualifier spellings
@pytest.mark.parametrize(("word", "qualifier"), [
    ("just over", Qualifier.OVER), ("just under", Qualifier.UNDER),
    ("upwards of", Qualifier.OVER), ("in excess of", Qualifier.OVER),
    ("north of", Qualifier.OVER), ("a little over", Qualifier.OVER),
    ("slightly more than", Qualifier.OVER), ("slightly less than", Qualifier.UNDER),
    ("well below", Qualifier.UNDER), ("just shy of", Qualifier.NEARLY),
    ("no fewer than", Qualifier.AT_LEAST), ("as many as", Qualifier.AT_MOST),
    ("Just Over", Qualifier.OVER),
])
def test_qualifier_aliases(word: str, qualifier: Qualifier) -> None:
    assert parse_qualifier(word) is qualifier


def test_a_qualifier_written_into_the_value_names_it() -> None:
    assert "'just over' as its `qualifier`" in _refused("just over $5 billion")


# The layout cache reads new spellings as the full reading does.
@pytest.mark.parametrize("text", ["₱1,234 million", "5000₫", "SDR 11.6 billion", "5億円",
                                  "1.2 quadrillion won", "682 billion hryvnias", "2 %pts"])
def test_the_cached_layout_path_reads_as_the_full_reading(text: str) -> None:
    fast, full = parse_value_text(text), _parse_in_full(text)
    assert (fast.number, fast.scale, fast.unit) == (full.number, full.scale, full.unit)


def test_parse_unit_refuses_figure_words_without_a_number() -> None:
    for word, message in [("pence", "write the figure in pounds (50 pence: 0.50 GBP)"),
                          ("times", "n times is"),
                          ("per hour", "write the number alone and name the rate")]:
        with pytest.raises(InputError, match=re.escape(message)):
            parse_unit(word)


@pytest.mark.parametrize("text", ["5.000₫", "5.000 million ₽", "1.500 ₺"])
def test_both_readings_refuse_a_dot_grouped_number_before_a_sign(text: str) -> None:
    for read in (parse_value_text, _parse_in_full):
        with pytest.raises(InputError, match="`.` may group thousands"):
            read(text)


# 12. Scale letters, plural and foreign scale words, currency prefixes (sports and media red
# team): a scale is never a count noun or a unit.
@pytest.mark.parametrize(("text", "magnitude", "kind", "code"), [
    ("142M households", 142 * 10**6, "count", "households"),
    ("1.65B hours", F(165, 100) * BN * 3600, "physical", "hours"),
    ("1.65b hours", F(165, 100) * BN * 3600, "physical", "hours"),
    ("214M", 214 * 10**6, "count", ""), ("2.3B", F(23, 10) * BN, "count", ""),
    ("100K fans", 100_000, "count", "fans"), ("1.5M tickets", 1_500_000, "count", "tickets"),
    ("14.86B CNY", F(1486, 100) * BN, "currency", "CNY"),
    ("150M USD", 150 * 10**6, "currency", "USD"),
])
def test_a_capital_scale_letter_on_the_digits_is_a_scale(text: str, magnitude: F, kind: str,
                                                          code: str) -> None:
    assert _read(text) == (magnitude, kind, code)


def test_a_capital_k_alone_is_thousand_or_kelvin() -> None:
    assert _refused("5K") == ("'5K': 5K may be 5 thousand or 5 kelvin: write 5k or 5 thousand, "
                              "or 5 K for kelvin")


@pytest.mark.parametrize(("text", "message"), [
    ("2 M fans", "'2 M fans': M after a space may be a unit (molar) or million: write 2M fans "
                 "or 2 million fans for millions"),
    ("1.65 B hours", "write 1.65B hours or 1.65 billion hours for billions"),
    ("5 K fans", "write 5K fans or 5 thousand fans for thousands"),
    ("5 B", "'5 B': B after a space may be a unit (bytes) or billion: write 5B or 5 billion"),
])
def test_a_spaced_capital_before_words_is_refused_not_counted(text: str, message: str) -> None:
    assert message in _refused(text)


@pytest.mark.parametrize(("text", "magnitude", "code"), [
    ("800 millions", 800 * 10**6, ""), ("5 thousands", 5000, ""), ("5 lacs", 500_000, ""),
    ("5 lac", 500_000, ""), ("800 Crs", 8 * BN, ""), ("800 crs", 8 * BN, ""),
    ("800 Cr", 8 * BN, ""), ("Rs 800 Crs", 8 * BN, "INR"), ("2 milliards", 2 * BN, ""),
    ("2 milliard", 2 * BN, ""), ("5 Mio EUR", 5 * 10**6, "EUR"),
    ("10 millions USD", 10**7, "USD"), ("10 million rands", 10**7, "ZAR"),
])
def test_plural_and_other_scale_words_are_scales(text: str, magnitude: int, code: str) -> None:
    assert _read(text) == (magnitude, "currency" if code else "count", code)


@pytest.mark.parametrize(("text", "message"), [
    ("3 billions", "'billions' is French usage, where a billion is 10^12; in English it is "
                   "10^9: write 3 billion for 3×10^9"),
    ("5 trillions USD", "where a trillion is 10^18; in English it is 10^12"),
    ("3 millions d'euros", "\"d'euros\" is French: write the scale in English and the "
                           "currency as its ISO code after it (3 millions d'euros: 3 million EUR)"),
    ("5 millones de euros", "'millones' is million: write the scale in English (5 million)"),
    ("5 Milliarden Euro", "'Milliarden' is billion: write the scale in English (5 billion)"),
    ("5 billones", "'billones' is 10^12 in Spain and Portugal but 10^9 in Brazil: write "
                   "5 trillion or 5 billion"),
    ("5 bucks", "'bucks' names no one currency: write its ISO code (USD, CAD, AUD or NZD)"),
])
def test_scale_words_of_two_meanings_or_languages_are_refused(text: str, message: str) -> None:
    assert message in _refused(text)


@pytest.mark.parametrize(("text", "magnitude", "code"), [
    ("US $198 million", 198 * 10**6, "USD"), ("USD$291 million", 291 * 10**6, "USD"),
    ("USD $9.78 billion", F(978, 100) * BN, "USD"), ("US$ 5 billion", 5 * BN, "USD"),
    ("US $ 198", 198, "USD"), ("NZ $5", 5, "NZD"), ("HK $5", 5, "HKD"), ("AUD$5", 5, "AUD"),
    ("CAD $5", 5, "CAD"), ("ARS$5", 5, "ARS"), ("A$5", 5, "AUD"), ("C$5", 5, "CAD"),
])
def test_a_code_or_country_before_the_dollar_sign(text: str, magnitude: int, code: str) -> None:
    assert _read(text) == (magnitude, "currency", code)


@pytest.mark.parametrize(("text", "message"), [
    ("A $5", "'A $5': A $ with a space may be A$ (AUD) or a letter before $ (USD): write "
             "AUD 5 or USD 5"),
    ("C $5", "may be C$ (CAD) or a letter before $ (USD): write CAD 5 or USD 5"),
    ("EUR $5", "'EUR $5' names two currencies, EUR and $: write one (EUR 5 or USD 5)"),
])
def test_a_spaced_letter_or_another_code_before_the_dollar_is_refused(text: str,
                                                                      message: str) -> None:
    assert message in _refused(text)


@pytest.mark.parametrize("text", ["90 000 fans", "90 000 km", "90 000 MW", "$90 000",
                                  "90\u00a0000 people", "-90 000 fans"])
def test_space_grouped_thousands_are_refused_before_any_unit(text: str) -> None:
    assert "digits grouped by spaces are not read: write " in _refused(text)


@pytest.mark.parametrize("text", ["90 0000 fans", "12 34 567 people", "1 2 fans", "5 2024 fans"])
def test_digits_after_a_space_are_never_part_of_a_unit(text: str) -> None:
    assert "digits grouped by spaces are not read: write one number" in _refused(text)


@pytest.mark.parametrize("text", ["142M households", "14.86B CNY", "USD $9.78 billion", "800 Crs",
                                  "2 milliards"])
def test_new_spellings_read_alike_by_both_paths(text: str) -> None:
    fast, full = parse_value_text(text), _parse_in_full(text)
    assert (fast.number, fast.scale, fast.unit) == (full.number, full.scale, full.unit)


def test_an_unknown_code_before_the_dollar_is_named() -> None:
    assert _refused("XYZ$5") == ("'XYZ$' in 'XYZ$5' is not a currency code claimcheck knows "
                                 "(ISO 4217)")


# 11. Trade press signs (red-team findings, round 3): `KSh` and `SFr` name one currency each;
# `kr`, `Sh` and `Fr.` several, and `N1.5 billion` may be the naira.
@pytest.mark.parametrize(("text", "code"), [
    ("KSh 5 billion", "KES"), ("5 billion KSh", "KES"), ("Ksh5bn", "KES"), ("KShs 5", "KES"),
    ("SFr 5 million", "CHF"), ("SFr. 5", "CHF"), ("5 SFr", "CHF"),
])
def test_letter_signs_of_one_currency(text: str, code: str) -> None:
    assert _read(text)[1:] == ("currency", code)


@pytest.mark.parametrize(("text", "message"), [
    ("kr 232.3 billion", "kr is used for DKK, SEK, NOK and ISK; write 232.3 billion DKK, SEK, "
                         "NOK or ISK"),
    ("232.3 billion kr", "kr is used for DKK, SEK, NOK and ISK"),
    ("Kr. 5", "Kr. is used for DKK, SEK, NOK and ISK; write 5 DKK"),
    ("Sh 5 billion", "Sh is used for KES, UGX, TZS and SOS; write 5 billion KES, UGX, TZS or SOS"),
    ("5 Sh", "Sh is used for KES, UGX, TZS and SOS"),
    ("Fr. 5", "Fr. is used for CHF, XOF, XAF and another franc's code; write 5 CHF"),
    ("5 Fr.", "Fr. is used for CHF, XOF"),  # pint: a franklin (a statcoulomb)
    ("5 Fr", "Fr is used for CHF, XOF"),
    ("N1.5 billion", "N before a number may be the naira (₦): write NGN 1.5 billion"),
    ("¥5", "¥ is used for both CNY and JPY; write 5 CNY or JPY"),
])
def test_signs_of_several_currencies_are_refused(text: str, message: str) -> None:
    assert message in _refused(text)
