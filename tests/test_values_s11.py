"""Value spellings from published texts (red team, stop 11): read exactly where the text
settles them, refused with what to write where it does not."""

from __future__ import annotations

from fractions import Fraction

import pytest
from conftest import refusal

from claimcheck.qualifiers import Qualifier, parse_qualifier
from claimcheck.quantity import parse_value

F = Fraction
TN, BN = 10**12, 10**9


_refused = refusal


def _read(text: str) -> tuple[Fraction, str]:
    value = parse_value(text)
    return value.magnitude, value.unit.code


# 1. 兆 is 10^12 with the yen or the Taiwan dollar; with the yuan, or alone, it stays open
@pytest.mark.parametrize(("text", "magnitude", "code"), [
    ("43兆円", 43 * TN, "JPY"), ("7.95兆 JPY", F(795, 100) * TN, "JPY"),
    ("JPY 7.95兆", F(795, 100) * TN, "JPY"), ("5兆日元", 5 * TN, "JPY"),
    ("NT$5兆", 5 * TN, "TWD"), ("5兆新台幣", 5 * TN, "TWD"),
    ("7兆9496億円", 79496 * 10**8, "JPY"),
])
def test_zhao_is_a_trillion_with_the_yen_or_the_taiwan_dollar(text: str, magnitude: int,
                                                             code: str) -> None:
    assert _read(text) == (magnitude, code)


@pytest.mark.parametrize("text", ["5兆元", "CNY 5兆", "5兆人民币", "7兆9496億", "7兆9496億元",
                                  "5兆瓦"])
def test_zhao_stays_refused_where_the_currency_leaves_it_open(text: str) -> None:
    message = _refused(text)
    assert "兆 is 10^12 in Japan and Taiwan but 10^6 in mainland China" in message
    assert "with JPY or TWD (円, NT$), 兆 is read as 10^12" in message


# 2. East Asian numerals of several groups, exact to their last written digit
@pytest.mark.parametrize(("text", "magnitude", "code", "half_unit", "words"), [
    ("61조5878억원", 615878 * 10**8, "KRW", 5 * 10**7, "61.5878 trillion KRW"),
    ("59조4천억원", 594 * 10**11, "KRW", 5 * 10**10, "59.4 trillion KRW"),
    ("59조 4천억 원", 594 * 10**11, "KRW", 5 * 10**10, "59.4 trillion KRW"),
    ("4천억원", 4 * 10**11, "KRW", 5 * 10**10, "400 billion KRW"),
    ("4천5백억원", 45 * 10**10, "KRW", 5 * 10**9, "450 billion KRW"),
    ("1조2천500억원", 125 * 10**10, "KRW", 5 * 10**7, "1.25 trillion KRW"),
    ("1799億9000万", 17999 * 10**7, "", 5 * 10**3, "179.99 billion"),
    ("1,799億9000万円", 17999 * 10**7, "JPY", 5 * 10**3, "179.99 billion JPY"),
    ("5万2000円", 52000, "JPY", F(1, 2), "52000 JPY"),
    ("1万5千亿元", 15 * 10**11, "CNY", 5 * 10**10, "1.5 trillion CNY"),
    ("5千万", 5 * 10**7, "", 5 * 10**6, "50 million"),
    ("-61조5878억원", -615878 * 10**8, "KRW", 5 * 10**7, "-61.5878 trillion KRW"),
])
def test_compound_numerals_are_read_exactly(text: str, magnitude: int, code: str,
                                            half_unit: Fraction, words: str) -> None:
    value = parse_value(text)
    assert _read(text) == (magnitude, code)
    assert value.rounding.hi - value.rounding.lo == 2 * half_unit  # 61조5878억: to the 억
    assert value.describe() == words


def test_a_compound_keeps_its_written_digits() -> None:
    assert parse_value("61조5878억원").written_digits == 6
    assert parse_value("59조4천억원").written_digits == 3


@pytest.mark.parametrize(("text", "magnitude"), [
    ("1万5000亿元", 15 * 10**11), ("1万亿5000亿元", 15 * 10**11), ("5万2千", 52000),
    ("4천500", 4500), ("4천500억원", 45 * 10**10),
])
def test_chinese_and_filled_groups_are_read(text: str, magnitude: int) -> None:
    assert parse_value(text).magnitude == magnitude


@pytest.mark.parametrize("text", [
    "61조15000억원", "1.5조3천억원", "61조5.5억원", "1조12천억원", "5억3억원", "4천5천억원",
    "1e5조5억",
    # short digits that speech reads as more: 5억3000만, 1억2천만, 15000, 4500억?
    "5억3000", "1억2천", "1万5", "4천5", "4천5억원", "5조5",
])
def test_a_numeral_that_does_not_descend_or_fill_its_places_is_refused(text: str) -> None:
    assert _refused(text).endswith(
        "is not a numeral claimcheck reads: write its groups descending, each a whole number, "
        "with digits after 천, 千 or a last 万 filling their places (61조5878억, 4천500억, "
        "5万2000), or the figure in one scale (61.5878 trillion)")


# 3. abbreviated and hyphenated scale words; the scale word named where it is not read
@pytest.mark.parametrize(("text", "magnitude", "code"), [
    ("7.9 tril. yen", F(79, 10) * TN, "JPY"), ("34.7 Mrd. Euro", F(347, 10) * BN, "EUR"),
    ("5 Mio. EUR", 5 * 10**6, "EUR"), ("5 bn. USD", 5 * BN, "USD"),
    ("Rs 5 cr.", 5 * 10**7, "INR"), ("7.95-trillion-yen", F(795, 100) * TN, "JPY"),
    ("$3.5-trillion-dollar", F(35, 10) * TN, "USD"),
])
def test_abbreviated_and_hyphenated_scales_are_read(text: str, magnitude: Fraction,
                                                    code: str) -> None:
    assert _read(text) == (magnitude, code)


@pytest.mark.parametrize(("text", "word", "code"), [
    ("7.9 bil. yen", "bil.", "JPY"), ("34.7 Bill. Euro", "Bill.", "EUR"),
    ("5 gazillion dollars", "gazillion", "USD"),
])
def test_an_unknown_scale_word_is_named_not_the_currency(text: str, word: str,
                                                        code: str) -> None:
    assert _refused(text) == (
        f"{text!r}: {word!r} is no scale word claimcheck reads: write the scale in words "
        f"(thousand, million, billion, trillion) and the currency as {code}")


@pytest.mark.parametrize(("text", "code"), [("5 Hong Kong dollars", "HKD"),
                                            ("5 U.S. dollars", "USD")])
def test_currency_names_of_several_words_still_read(text: str, code: str) -> None:
    assert _read(text) == (5, code)


# 4. currency signs of the African and Latin American press; Brazil's bi and tri
@pytest.mark.parametrize(("text", "magnitude", "code"), [
    ("Ksh.35.86 trillion", F(3586, 100) * TN, "KES"),
    ("Ksh. 52.5 billion", F(525, 10) * BN, "KES"), ("Kshs.5 billion", 5 * BN, "KES"),
    ("TSh 5 trillion", 5 * TN, "TZS"), ("USh 5 trillion", 5 * TN, "UGX"),
    ("5 billion TSh", 5 * BN, "TZS"), ("GH₵5 billion", 5 * BN, "GHS"),
    ("GH¢5 billion", 5 * BN, "GHS"), ("₵5 billion", 5 * BN, "GHS"),
    ("MX$5 billion", 5 * BN, "MXN"), ("S/ 5 billion", 5 * BN, "PEN"),
    ("S/.5 billion", 5 * BN, "PEN"),
    ("R$ 1.2 bi", F(12, 10) * BN, "BRL"), ("R$ 1.2 tri", F(12, 10) * TN, "BRL"),
    ("R$ 350 mi", 350 * 10**6, "BRL"), ("17.18 trilhões BRL", F(1718, 100) * TN, "BRL"),
    ("R$ 17.18 trilhões", F(1718, 100) * TN, "BRL"), ("BRL 5 bilhões", 5 * BN, "BRL"),
])
def test_signs_and_scales_of_one_meaning_are_read(text: str, magnitude: Fraction,
                                                  code: str) -> None:
    assert _read(text) == (magnitude, code)


@pytest.mark.parametrize("text", ["FCFA 5 billion", "CFAF 5 billion", "CFA 5 billion"])
def test_the_cfa_franc_is_refused_with_both(text: str) -> None:
    sign = text.split()[0]
    assert _refused(text) == f"{sign} is used for both XOF and XAF; write 5 billion XOF or XAF"


def test_trilhoes_without_the_real_is_refused_with_both_meanings() -> None:
    assert _refused("17.18 trilhões") == (
        "'17.18 trilhões': 'trilhões' is 10^12 in Brazil but 10^18 in Portugal: write 17.18 "
        "trillion, or the currency with it (R$ 17.18 trilhões, 17.18 trilhões BRL)")


def test_brazilian_shorthand_needs_the_real() -> None:
    assert parse_value("5 mi").unit.kind == "physical"  # miles, as before
    assert "'bilhões' is 10^12 in Spain and Portugal but 10^9 in Brazil" in _refused("5 bilhões")
    assert "unknown unit 'bi'" in _refused("5 bi")


# 5. qualifiers abbreviated
@pytest.mark.parametrize("word", ["approx.", "Approx.", "c.", "ca.", "ca", "circa"])
def test_abbreviated_qualifiers_are_about(word: str) -> None:
    assert parse_qualifier(word) is Qualifier.ABOUT


# 6. cents of the currency written before the figure
@pytest.mark.parametrize(("text", "written"), [
    ("USD 5.9 cents", "'USD 5.9 cents': cents are hundredths of USD: write 0.059 USD"),
    ("$5 cents", "'$5 cents': cents are hundredths of USD: write 0.05 USD"),
    ("€50 cents", "'€50 cents': cents are hundredths of EUR: write 0.50 EUR"),
])
def test_cents_after_a_currency_are_hundredths_of_it(text: str, written: str) -> None:
    assert _refused(text) == written


def test_cents_per_unit_after_a_currency_keep_it() -> None:
    assert "write the price alone (0.044 USD)" in _refused("USD 4.4 cents/kWh")
