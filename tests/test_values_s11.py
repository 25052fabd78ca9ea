"""Value spellings from published texts (red team, stop 11): read exactly where the text
settles them, refused with what to write where it does not."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from conftest import amount_and_code, refusal

from claimcheck.qualifiers import Qualifier, parse_qualifier
from claimcheck.quantity import parse_value

F = Fraction
TN, BN = 10**12, 10**9


_refused = refusal


_read = amount_and_code


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
    ("7.9 mld. yen", "mld.", "JPY"), ("34.7 Bill. Euro", "Bill.", "EUR"),
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


# 7. rates printed as mixed numbers (FOMC statements, newspapers): read as their exact decimal
@pytest.mark.parametrize(("text", "percent"), [
    ("5-1/4 percent", F(525, 100)), ("1 1/2 percent", F(3, 2)), ("1/4 percent", F(1, 4)),
    ("5¼%", F(525, 100)), ("5 ¼%", F(525, 100)), ("¾%", F(3, 4)), ("5 1/16 percent", F(81, 16)),
    ("5-1\u20444 percent", F(21, 4)), ("-1/4 percent", -F(1, 4)), ("\u22125¼%", -F(21, 4)),
    ("5⅞ %", F(47, 8)),
])
def test_a_mixed_number_before_percent_is_its_exact_decimal(text: str, percent: Fraction) -> None:
    assert _read(text) == (percent / 100, "%")


def test_a_mixed_number_has_the_digits_and_rounding_of_its_decimal() -> None:
    # 5-1/4 is 5.25, a setting made in quarter steps: as exact as 5.25% written out
    for text in ("5-1/4 percent", "5¼%", "5.25%"):
        value = parse_value(text)
        assert (value.number, value.rounding.lo, value.rounding.hi) == (
            Decimal("5.25"), F(5245, 10**5), F(5255, 10**5))


@pytest.mark.parametrize(("text", "magnitude", "code"), [
    ("$5¼ billion", F(21, 4) * BN, "USD"), ("2½ million", 2_500_000, ""),
    ("12 3/4 bp", F(51, 4) / 10**4, "bp"),
])
def test_a_mixed_number_before_a_scale_or_unit_is_read(text: str, magnitude: Fraction,
                                                       code: str) -> None:
    assert _read(text) == (magnitude, code)


@pytest.mark.parametrize("text", ["5-1/4 to 5-1/2 percent", "5¼-5½%", "5-6 billion"])
def test_two_figures_stay_a_range(text: str) -> None:
    assert _refused(text) == (f"{text!r} is a range, two figures: state one with a `qualifier` "
                              "(at-least, at-most), or each end as a claim of its own")


@pytest.mark.parametrize(("text", "written"), [
    ("3/4 patients", "write 0.75 patients in decimals, or a share as a percentage (75%)"),
    ("1/4", "write 0.25 in decimals, or a share as a percentage (25%)"),
    ("5-1/4", "write 5.25 in decimals"),
])
def test_a_fraction_of_a_count_or_alone_is_refused(text: str, written: str) -> None:
    assert _refused(text) == (f"{text!r}: a fraction is read before % or a unit (5-1/4 percent, "
                              f"2½ million barrels), not before a count or alone: {written}")


@pytest.mark.parametrize(("text", "written"), [
    ("5⅓%", "5⅓ has no exact decimal: write it to the digits meant (5.33, 5.333)"),
    ("2 2/3 percent", "2 2/3 has no exact decimal: write it to the digits meant (2.67, 2.667)"),
])
def test_thirds_are_refused_with_the_digits_to_write(text: str, written: str) -> None:
    assert _refused(text) == f"{text!r}: {written}"


@pytest.mark.parametrize("text", ["60/40 split", "1/5 percent", "1/4/2024 percent"])
def test_other_slashes_are_not_fractions(text: str) -> None:
    assert "unknown unit '/" in _refused(text)


# 8. an index level as a bare YAML number: told to quote it, or to name its points
def test_a_bare_yaml_number_is_told_to_quote_it_or_name_index_points() -> None:
    assert _refused(105.08) == (
        "105.08 has no unit; write it as a string with its unit ('105.08 companies', '105.08%', "
        "'105.08 index points'), quoted alone for a bare number such as an index level "
        "('105.08'), or as {amount, unit}")
    for advised in ("105.08", "105.08 index points"):
        assert parse_value(advised).magnitude == F(10508, 100)


# 9. Agriculture statistics (red team, stop 11): nutrients weighed, quintals per hectare,
# table headers in thousands, the USDA's million MT.
KG_HA = "[mass] / [length] ** 2"
FORCE = "[length] * [mass] / [time] ** 2"


def _dimension(text: str) -> tuple[Fraction, str]:
    value = parse_value(text)
    return value.magnitude, value.unit.dimension


@pytest.mark.parametrize(("text", "magnitude", "dimension"), [
    ("110 kg N/ha", F(11, 1000), "[mass] of N / ([length] ** 2)"),
    ("110 kg of nitrogen per hectare", F(11, 1000), "[mass] of N / ([length] ** 2)"),
    ("1.2 Mt N", F(12, 10) * BN, "[mass] of N"), ("2.5 Tg N", F(25, 10) * BN, "[mass] of N"),
    ("1.2 Mt of nitrogen", F(12, 10) * BN, "[mass] of N"),
    ("4.5 Mt P2O5", F(45, 10) * BN, "[mass] of P2O5"), ("4.5 Mt P₂O₅", F(45, 10) * BN,
                                                        "[mass] of P2O5"),
    ("3 Mt K2O", 3 * BN, "[mass] of K2O"),
    ("20 kg P/ha", F(1, 500), "[mass] of P / ([length] ** 2)"),
    ("5 kg K", 5, "[mass] of K"), ("3 Mt potash", 3 * BN, "[mass] of potash"),
    ("3 Mt phosphate", 3 * BN, "[mass] of phosphate"),
    ("2.5 g C/m2", F(1, 400), "[mass] of C / ([length] ** 2)"),
    # no unit of mass before the letter: pint's newton, kilocoulomb, millikelvin, as before
    ("5 N", 5, FORCE), ("5 kN", 5000, FORCE),
    ("5 kC", 5000, "[current] * [time]"), ("2 mK", F(1, 500), "[temperature]"),
])
def test_a_nutrient_after_a_mass_is_a_mass_of_it_never_a_newton(text: str, magnitude: Fraction,
                                                                 dimension: str) -> None:
    assert _dimension(text) == (magnitude, dimension)


@pytest.mark.parametrize(("text", "message"), [
    ("1.2 Mt N/yr", "'Mt N/yr' is not read: a mass of N per a unit is a unit of mass, N, `/` and "
                    "one unit pint knows other than a time (110 kg N/ha, 2.5 g C/m2); for a rate "
                    "per hour, month or year"),
    ("110 kg N/ha/yr", "'kg N/ha/yr' is not read: a mass of N per a unit"),
    ("9.9 Gt C/yr", "'Gt C/yr' is not read: a mass of C per a unit"),  # was coulombs
    ("3 kg N per person", "'kg N per person' is not read: a mass of N per a unit"),
    ("110 kg N ha-1", "'kg N ha-1': write the rate with `/`: kg N/ha"),
    ("5 tons N", "unit 'tons' is ambiguous: write t or tonnes (1,000 kg)"),
])
def test_a_nutrient_per_time_or_per_person_is_refused(text: str, message: str) -> None:
    assert message in _refused(text)


@pytest.mark.parametrize("text", ["35.59 quintals per hectare", "35.59 q/ha", "35.59 qtl/ha",
                                  "35.59 Qtls/ha", "35.59 quintal per ha", "35.59 quintals/ha",
                                  "3,559 kg/ha"])
def test_quintals_per_hectare_are_100_kg_per_hectare(text: str) -> None:
    assert _dimension(text) == (F(3559, 10000), KG_HA)


def test_a_lone_q_stays_refused() -> None:
    assert "unknown unit 'q'" in _refused("35 q")


@pytest.mark.parametrize("text", ["26,000 '000 tonnes", "26,000 ’000 tonnes",
                                  "26 million t", "26 million MT", "26,000 thousand MT",
                                  "26 mln mt"])
def test_thousands_headers_and_million_mt_are_tonnes(text: str) -> None:
    assert _dimension(text) == (26 * BN, "[mass]")


def test_thousands_written_000s_stay_refused_as_spaced_digits() -> None:
    assert "digits grouped by spaces are not read" in _refused("600 000s tonnes")


def test_mt_without_a_scale_word_stays_ambiguous() -> None:
    assert _refused("2.6 MT") == ("unit 'MT' is ambiguous: write Mt for megatonnes, or t for "
                                  "metric tonnes")
    assert _dimension("2.6 million Mt") == (F(26, 10) * 10**15, "[mass]")  # megatonnes, as written
