"""Red-team round s12b: shipping's units (TEU and FEU, gross tonnage, nautical miles,
deadweight), greenhouse gases written out in words, and CJK unit words (ウォン, 兆 with won,
人 and 명, 달러), with Meta's daily active people."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest
from conftest import amount_and_code, findings_of, reading, refusal

from claimcheck.units import parse_unit

TEU = "container capacity in TEU"


# 1. Container capacity: TEU is one, FEU two; boxes are counted, never TEU
@pytest.mark.parametrize(("text", "teu"), [
    ("41.12 million TEUs", 41_120_000), ("20.56 million FEUs", 41_120_000),
    ("20.56 million FEU", 41_120_000), ("2.183m teu", 2_183_000), ("5 teus", 5),
    ("5 twenty-foot equivalent units", 5), ("5 twenty-foot equivalent unit", 5),
    ("5 forty-foot equivalent units", 10), ("5 Twenty-Foot Equivalent Units", 5),
])
def test_container_capacity_is_counted_in_teu(text: str, teu: int) -> None:
    assert reading(text) == (teu, "count", TEU)


def test_feu_and_teu_of_one_throughput_agree(tmp_path: Path) -> None:
    claims = ("  - {id: a, metric: m, value: 41.12 million TEUs, period: 2024, source: src}\n"
              "  - {id: b, metric: m, value: 20.56 million FEUs, period: 2024, source: src}\n")
    assert findings_of(tmp_path, claims) == []


@pytest.mark.parametrize("boxes", ["containers", "boxes"])
def test_teu_and_boxes_are_two_measures(tmp_path: Path, boxes: str) -> None:
    claims = ("  - {id: a, metric: m, value: 9.9 million TEU, period: 2024, source: src}\n"
              f"  - {{id: b, metric: m, value: 9.9 million {boxes}, period: 2024, source: src}}\n")
    assert [rule for rule, _ in findings_of(tmp_path, claims)] == ["unit-mismatch"]


@pytest.mark.parametrize("text", ["5 TEU a year", "5 million TEUs per year", "5 FEU/yr"])
def test_teu_a_year_is_a_rate_refused(text: str) -> None:
    assert "makes the figure a rate" in refusal(text)


# 2. Gross tonnage, nautical miles, deadweight
@pytest.mark.parametrize("text", ["82.2 million GT", "82.2 million gross tons",
                                  "82.2 million gross tonnage", "82.2 million Gross Tonnes",
                                  "82.2 million gross tonne"])
def test_gross_tonnage_is_a_measure_of_its_own(text: str) -> None:
    assert reading(text) == (82_200_000, "physical", "[gross_tonnage]")


def test_compensated_gross_tonnage_is_another() -> None:
    assert reading("5 million CGT")[2] == "[compensated_gross_tonnage]"
    assert reading("5 compensated gross tonnage")[2] == "[compensated_gross_tonnage]"


@pytest.mark.parametrize("text", ["5 GT a year", "5 GT/yr"])
def test_gross_tonnage_a_year_is_never_a_gigatesla(text: str) -> None:
    assert reading(text)[2] == "[gross_tonnage] / [time]"


@pytest.mark.parametrize("text", ["3,500 nautical miles", "3,500 nmi", "3,500 Nautical Mile"])
def test_nautical_miles_are_1852_metres(text: str) -> None:
    assert reading(text) == (3500 * 1852, "physical", "[length]")


def test_nautical_miles_an_hour_are_a_speed() -> None:
    assert reading("5 nmi/h")[2] == "[length] / [time]"


def test_uppercase_nm_is_refused_as_nautical_mile_or_newton_metre() -> None:
    # s12 review: spec sheets print torque as NM; `nm` is the SI nanometre (test_units_review_s12)
    message = refusal("3,500 NM")
    assert "nmi for nautical miles" in message and "newton-metres" in message


def test_deadweight_tonnes_are_tonnes() -> None:
    assert reading("2.4 billion deadweight tonnes") == reading("2.4 billion t")


@pytest.mark.parametrize("text", ["5 deadweight tons", "5 deadweight ton"])
def test_deadweight_tons_are_as_ambiguous_as_tons(text: str) -> None:
    assert "short tons (907 kg)" in refusal(text)


def test_a_word_of_the_tables_per_year_keeps_its_meaning() -> None:
    # pint reads `kt/yr` as knots a year (an acceleration)
    assert parse_unit("kt/yr").dimension == "[mass] / [time]"
    assert parse_unit("kt a year").factor == parse_unit("kilotonnes per year").factor


# 3. Greenhouse gases written out
@pytest.mark.parametrize(("text", "gas"), [
    ("-1,728 million tonnes of carbon dioxide equivalent", "CO2e"),
    ("-1,728 million tonnes of CO2 equivalent", "CO2e"),
    ("-1,728 million t CO2-equivalent", "CO2e"),
    ("-1,728 million tonnes of carbon dioxide", "CO2"),
    ("-1,728 million tonnes of Carbon Dioxide", "CO2"),
    ("-1,728 million tonnes of methane", "CH4"),
])
def test_gases_written_out_are_the_gases(text: str, gas: str) -> None:
    assert reading(text) == (-1_728_000_000_000, "physical", f"[mass] of {gas}")


def test_words_and_symbols_are_one_measure() -> None:
    assert reading("5 Mt of carbon dioxide equivalent") == reading("5 Mt CO2e")
    assert reading("5 Mt methane") == reading("5 Mt CH4")


@pytest.mark.parametrize("text", ["37.4 billion tonnes of CO2 a year",
                                  "37.4 billion tonnes of CO2 per year",
                                  "37.4 billion tonnes of carbon dioxide a year",
                                  "5 Mt of methane a year"])
def test_a_gas_a_year_gets_the_rate_hint_not_the_commodity_one(text: str) -> None:
    message = refusal(text)
    assert "name the rate in the metric" in message
    assert "not in the unit" not in message and ".production" not in message


def test_a_commodity_is_still_refused() -> None:
    assert "name copper in the metric" in refusal("5 Mt of copper")


# 4. CJK unit words and Meta's daily active people
@pytest.mark.parametrize(("text", "magnitude", "code"), [
    ("3498億ウォン", 3498 * 10**8, "KRW"),
    ("1兆7273億 KRW", 17273 * 10**8, "KRW"),
    ("1兆7273億ウォン", 17273 * 10**8, "KRW"),
    ("1.5兆 won", 15 * 10**11, "KRW"),
    ("2.3억 달러", 23 * 10**7, "USD"),
    ("5億米ドル", 5 * 10**8, "USD"),
])
def test_cjk_currency_words(text: str, magnitude: int, code: str) -> None:
    assert amount_and_code(text) == (Fraction(magnitude), code)


def test_zhao_without_a_currency_names_the_won_too() -> None:
    assert "KRW (ウォン, 원)" in refusal("1兆7273億")


@pytest.mark.parametrize(("text", "people"), [
    ("9,700万人", 97_000_000), ("4,800만 명", 48_000_000), ("4800만명", 48_000_000),
    ("5,000名", 5000), ("14亿人", 1_400_000_000),
])
def test_cjk_people_are_counted(text: str, people: int) -> None:
    assert reading(text) == (people, "count", "count")


@pytest.mark.parametrize("text", ["3.14 billion DAP", "3.98 billion MAP"])
def test_active_people_are_counted(text: str) -> None:
    assert reading(text)[1:] == ("count", "count")
