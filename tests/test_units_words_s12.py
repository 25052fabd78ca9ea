"""Area, people and count words from housing, labour, chips, crypto and pharma texts (red-team,
stop 12) that were misread (`sq. metres` a count, `hh` a hectohour, `cu ft` copper-feet) or
refused though their like is read (`sqm`, `1 vial`, `BTC`, `Rohingya`): each read as meant,
or refused with what to write."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest
from conftest import findings_of, reading, refusal

from claimcheck.quantity import parse_value

F = Fraction
AREA = "[length] ** 2"
SQ_FOOT = F(145161, 1562500)  # 0.09290304 m²
WAFERS = "wafer area in 8-inch equivalents"


_findings = findings_of


# 1. Square (and cubic) lengths as property writing abbreviates them: areas, never counts.
@pytest.mark.parametrize(("text", "square_metres"), [
    ("800 sq. metres", 800), ("800 sq. meters", 800), ("100 sqm", 100), ("100 sq.m", 100),
    ("100 sq m", 100), ("100 SQM", 100), ("2 sq. km", 2_000_000), ("2 sq.km", 2_000_000),
    ("1,000 sqft", 1000 * SQ_FOOT), ("1,000 sq ft", 1000 * SQ_FOOT),
    ("1,000 sq. ft.", 1000 * SQ_FOOT), ("1,000 sq. feet", 1000 * SQ_FOOT),
    ("1,000 sq.ft", 1000 * SQ_FOOT), ("1,000 Sq. Ft.", 1000 * SQ_FOOT),
    ("50,000 SF", 50_000 * SQ_FOOT), ("957 sq. yards", 957 * F(1306449, 1562500)),
])
def test_square_abbreviations_are_areas(text: str, square_metres: Fraction) -> None:
    assert reading(text) == (square_metres, "physical", AREA)


def test_square_miles_with_a_dot_are_square_miles() -> None:
    assert reading("1 sq. miles") == reading("1 sq mi")
    assert reading("1 sq. miles")[2] == AREA


@pytest.mark.parametrize(("text", "cubic_metres"), [
    ("5 cu. m", 5), ("5 cu m", 5), ("1 cu ft", F(55306341, 1953125000)),
])
def test_cubic_abbreviations_are_volumes_not_copper(text: str, cubic_metres: Fraction) -> None:
    # pint read `cu` as copper: `cu ft` a length times a mass
    assert reading(text) == (cubic_metres, "physical", "[length] ** 3")


def test_acres_abbreviated() -> None:
    assert reading("5 ac") == reading("5 acres")  # pint: atto-lightspeed, a speed


def test_sq_dot_metres_agree_with_sq_yards_and_differ_from_sq_miles(tmp_path: Path) -> None:
    """rt-housing/min-sq-dot-metres-count.yaml: 800 m² is 956.8 sq yd (one area); 800 sq.
    metres and 800 sq. miles are not."""
    found = _findings(tmp_path, """\
  - {id: m2, metric: flat, value: 800 sq. metres, as_of: 2024-05, source: src}
  - {id: yd2, metric: flat, value: 957 sq. yards, as_of: 2024-05, restates: m2, source: src}
  - {id: ft2, metric: flat2, value: "4,544 square feet", as_of: 2024-05, source: src}
  - {id: m2b, metric: flat2, value: 422 sq. metres, as_of: 2024-05, restates: ft2, source: src}
  - {id: a, metric: site, value: 800 sq. metres, as_of: 2024-05, source: src}
  - {id: b, metric: site, value: 800 sq. miles, as_of: 2024-05, source: src}
""")
    assert [rule for rule, _ in found] == ["conflicting-values"]
    assert "800 sq. metres (2024-05, src) vs 800 sq. miles" in found[0][1]


@pytest.mark.parametrize("text", ["HK$18,000 psf", "18,000 psf", "S$1,500 psm"])
def test_a_price_per_square_foot_is_refused_with_what_to_write(text: str) -> None:
    message = refusal(text)
    assert "makes the figure a price per square " in message
    assert "write the price alone, without ps" in message
    assert "and the area in the metric" in message


# 2. Two-letter symbols pint reads as a prefix and a unit.
@pytest.mark.parametrize(("text", "noun"), [
    ("26.4 million hh", "hh"), ("26.4 million HH", "HH"), ("1,200 FTE", "FTE")])
def test_households_and_full_time_equivalents_are_counts(text: str, noun: str) -> None:
    value = parse_value(text)  # `hh` was pint's hectohour: 100 hours
    assert (value.unit.kind, value.unit.code, value.unit.dimension) == ("count", noun, "count")


@pytest.mark.parametrize(("text", "message"), [
    ("3 pk", "unit 'pk' is ambiguous: write packs for a count, or peck"),
    ("50 du", "unit 'du' is ambiguous: write dwellings or units for dwelling units"),
    ("2 pt", "unit 'pt' is ambiguous: write pp for percentage points, index or score points"),
])
def test_two_letter_symbols_of_two_meanings_are_refused(text: str, message: str) -> None:
    assert message in refusal(text)


# 3. Days and hours of work are counts; plain days and hours are times.
@pytest.mark.parametrize("text", [
    "2.47 million working days", "2.47 million working days lost", "2.33 million days lost",
    "1 working day", "1 workday", "5 man-days", "5 person-days", "5 man-hours",
    "5 million hours worked", "5 million days worked"])
def test_days_and_hours_of_work_are_counts(text: str) -> None:
    assert parse_value(text).unit.dimension == "count"


@pytest.mark.parametrize("text", ["5 days", "5 hours"])
def test_plain_days_and_hours_stay_times(text: str) -> None:
    assert parse_value(text).unit.dimension == "[time]"


def test_days_beside_working_days_are_told_to_write_working_days(tmp_path: Path) -> None:
    """rt-labour/min-working-days-vs-days.yaml: one measure written two ways."""
    found = _findings(tmp_path, """\
  - {id: a, metric: uk.wdl, value: "2.47 million working days", period: 2022, source: src}
  - {id: b, metric: uk.wdl, value: "2.33 million days", period: 2022, source: src}
  - {id: c, metric: uk.mh, value: "5 million man-hours", period: 2022, source: src}
  - {id: d, metric: uk.mh, value: "5 days", period: 2022, source: src}
""")
    assert found == [
        ("unit-mismatch", "uk.wdl has figures in count (2.47 million working days, a) and time "
                          "(2.33 million days, b): one metric measures one thing (working days "
                          "are a count of days of work, days a time: if '2.33 million days' "
                          "counts days of work, write 2.33 million working days)"),
        ("unit-mismatch", "uk.mh has figures in count (5 million man-hours, c) and time (5 days, "
                          "d): one metric measures one thing (man-hours are a count of hours of "
                          "work, days a time: if '5 days' counts hours of work, write it in "
                          "man-hours)")]


# 4. People named by a word without a plural s.
@pytest.mark.parametrize("text", [
    "1 million Rohingya", "1.5 million Sudanese", "2 million South Sudanese",
    "11 million undocumented", "51 million foreign-born", "4.2 million self-employed",
    "3 million Chinese"])
def test_uninflected_people_are_counted(text: str) -> None:
    value = parse_value(text)
    assert (value.unit.kind, value.unit.dimension) == ("count", "count")


@pytest.mark.parametrize("text", ["1 million Maasai", "5 million furloughed"])
def test_other_people_words_are_told_to_write_people(text: str) -> None:
    assert ("names people, write the figure in people and name who in the metric"
            in refusal(text))


def test_an_unknown_symbol_gets_no_people_hint() -> None:
    assert "people" not in refusal("5 Zq")


# 5. Wafers on a size basis: the basis is part of the unit, sizes compared by area.
@pytest.mark.parametrize(("text", "eight_inch"), [
    ("16 million 12-inch equivalent wafers", 36_000_000),
    ("36 million 8-inch equivalent wafers", 36_000_000),
    ("4 million 300mm wafers", 9_000_000), ("4 million 8-inch-equivalent wafers", 4_000_000),
    ("16 thousand 6-inch wafers", 9000),
])
def test_wafers_are_counted_in_eight_inch_equivalents(text: str, eight_inch: int) -> None:
    assert reading(text) == (eight_inch, "count", WAFERS)


def test_a_size_after_a_number_is_an_adjective_not_a_digit_group() -> None:
    assert reading("100,000 12-inch wafers") == (225_000, "count", WAFERS)
    assert reading("5 5-star hotels") == (5, "count", "count")
    assert "digits grouped by spaces are not read" in refusal("90 0000 fans")


def test_a_wafer_of_no_size_has_no_basis() -> None:
    assert reading("5 thousand 0mm wafers") == (5000, "count", "count")


def test_wafer_bases_compare_by_area(tmp_path: Path) -> None:
    """rt-chips/min-wafer-equivalents.yaml: 16 million 12-inch equivalents are 36 million
    8-inch ones; 16 million of each are not one figure; plain wafers name no basis."""
    found = _findings(tmp_path, """\
  - {id: a, metric: cap, value: 16 million 12-inch equivalent wafers, period: 2023, source: src}
  - {id: b, metric: cap, value: 36 million 8-inch equivalent wafers, period: 2023, source: src}
  - {id: c, metric: cap2, value: 16 million 12-inch equivalent wafers, period: 2023, source: src}
  - {id: d, metric: cap2, value: 16 million 8-inch equivalent wafers, period: 2023, source: src}
  - {id: e, metric: cap3, value: 16 million 12-inch equivalent wafers, period: 2023, source: src}
  - {id: f, metric: cap3, value: 16 million wafers, period: 2023, source: src}
""")
    assert [rule for rule, _ in found] == ["conflicting-values", "unit-mismatch"]
    assert "they differ by 20 million 8-inch equivalent wafers" in found[0][1]
    assert f"figures in {WAFERS} (16 million 12-inch" in found[1][1]


# 6. Crypto tokens are counts of tokens, never currencies.
@pytest.mark.parametrize("text", [
    "447,470 BTC", "1 XBT", "1 bitcoin", "21 million bitcoins", "1.2 million ETH", "5 ether",
    "53 billion USDT", "5 tether", "10 billion USDC", "10 million SOL"])
def test_crypto_tokens_are_counts(text: str) -> None:
    value = parse_value(text)
    assert (value.unit.kind, value.unit.dimension) == ("count", "count")


def test_the_bitcoin_sign_says_to_write_btc() -> None:
    assert ("'₿' is bitcoin, read as a count of tokens, not a currency: write the number with "
            "BTC after it (21 million BTC)" in refusal("₿21 million"))


# 7. Pharmacy's singulars and international units.
@pytest.mark.parametrize("text", ["1 vial", "1 pack", "1 tablet", "1 capsule", "1 syringe"])
def test_one_of_a_counted_thing(text: str) -> None:
    assert reading(text) == (1, "count", "count")


@pytest.mark.parametrize(("text", "units"), [
    ("100,000 IU", 100_000), ("5,000 IUs", 5000), ("3 MIU", 3_000_000), ("3 kIU", 3000)])
def test_international_units_are_their_own_measure(text: str, units: int) -> None:
    assert reading(text) == (units, "count", "international units")


def test_international_units_never_compare_with_doses(tmp_path: Path) -> None:
    found = _findings(tmp_path, """\
  - {id: a, metric: d, value: "100,000 IU", as_of: 2024, source: src}
  - {id: b, metric: d, value: "100,000 doses", as_of: 2024, source: src}
""")
    assert [rule for rule, _ in found] == ["unit-mismatch"]
