"""Review of the s12 unit readers: people words after a unit, bytes read as barrels, rates
past the ambiguity check, nanometres and carats refused, correct unit words called misspelt,
and any accented word called a foreign unit. Each case read or was refused so before s12."""

from __future__ import annotations

from fractions import Fraction

import pytest
from conftest import reading, refusal

from claimcheck.quantity import parse_value


# 1. A people word counts only after words that are no unit nor currency
@pytest.mark.parametrize("text", [
    "5 billion USD affected", "5 million hectares affected", "2 million acres affected",
    "5 GW affected", "5 tonnes missing", "5 km missing", "5 tons affected"])
def test_a_unit_before_a_people_word_is_no_count_of_people(text: str) -> None:
    assert "unknown unit" in refusal(text)


@pytest.mark.parametrize("text", ["1 million Rohingya", "2 million South Sudanese",
                                  "5 million internally displaced", "7.4 million unemployed"])
def test_people_words_alone_or_after_adjectives_count(text: str) -> None:
    assert reading(text)[1:] == ("count", "count")


# 2. Bytes are no barrels; kb and mb are barrels a day only
@pytest.mark.parametrize("text", ["5 kB/day", "5 kB/h", "5 kB/month", "5 B/d",
                                  "5 billion B/day"])
def test_bytes_a_time_are_information(text: str) -> None:
    assert reading(text)[2] == "[information] / [time]"


def test_kilobytes_a_day_in_capitals_are_no_barrels() -> None:
    assert "unknown unit 'KB/d'" in refusal("5 KB/d")


@pytest.mark.parametrize("text", ["5 kb/h", "5 kb per year"])
def test_kb_not_a_day_is_as_ambiguous_as_kb(text: str) -> None:
    assert "kbit for kilobits, or thousand barrels" in refusal(text)


@pytest.mark.parametrize("text", ["5 kb/d", "5 mb/d", "5 b/d", "5 b/h", "100 KBD", "5 kbd"])
def test_barrels_a_day_still_read(text: str) -> None:
    assert reading(text)[1:] == ("physical", "[length] ** 3 / [time]")


# 3. A rate of a table's symbol per an ambiguous unit is as ambiguous as the unit
@pytest.mark.parametrize("text", ["20 MMBtu/ton", "5 bbl/ton", "5 Mcf/ton", "5 GT/ton",
                                  "5 kgs/ton", "5 kilos/ton"])
def test_a_symbol_per_ton_is_refused(text: str) -> None:
    assert "short tons (907 kg)" in refusal(text)


@pytest.mark.parametrize("text", ["5 kgs per gallon", "5 kt/gallon", "5 mtoe/gallon"])
def test_a_symbol_per_gallon_is_refused(text: str) -> None:
    assert "US gallons (3.785 L) or imperial gallons" in refusal(text)


def test_a_symbol_per_ounce_is_refused() -> None:
    assert "troy oz" in refusal("5 MMBtu/oz")


def test_a_symbol_per_tonne_still_reads() -> None:
    assert reading("5 MMBtu/t") == reading("5 MMBtu/tonne")


# 4. nm is the nanometre, ct the carat; NM is refused (nautical miles or newton-metres)
@pytest.mark.parametrize("text", ["3 nm", "3nm", "550 nm"])
def test_nm_is_nanometres(text: str) -> None:
    number = int(text.split("n")[0])
    assert reading(text) == (Fraction(number, 10**9), "physical", "[length]")


@pytest.mark.parametrize("text", ["1.5 ct", "30 ct"])
def test_ct_is_carats(text: str) -> None:
    number = Fraction(text.split()[0])
    assert reading(text) == (number / 5000, "physical", "[mass]")


def test_uppercase_nm_is_refused() -> None:
    assert "nmi for nautical miles (1,852 m), or N·m / newton-metres" in refusal("400 NM")


@pytest.mark.parametrize("text", ["5 nmi", "5 nautical miles"])
def test_nautical_miles_still_read(text: str) -> None:
    assert reading(text) == (5 * 1852, "physical", "[length]")


# 5. Only a single unit word may be misspelt; a correct one, capitalised, is the unit
@pytest.mark.parametrize("text", [
    "10 million air miles", "5 billion revenue passenger miles",
    "5 billion available seat miles", "5 billion vehicle kilometres", "5 statute miles",
    "5 million Olympic metres", "5 linters", "5 loiters", "5 metiers"])
def test_compound_and_real_words_are_counted_as_before(text: str) -> None:
    assert reading(text)[1:] == ("count", "count")


@pytest.mark.parametrize(("text", "same"), [
    ("5 Tonnes", "5 tonnes"), ("5 Kilometres", "5 kilometres"),
    ("5 million Hectares", "5 million hectares"),
    ("5 Square Kilometres", "5 square kilometres"), ("5 Cubic Metres", "5 cubic metres")])
def test_capitalised_unit_words_are_the_unit(text: str, same: str) -> None:
    assert reading(text) == reading(same)
    assert parse_value(text).unit.kind == "physical"


@pytest.mark.parametrize(("text", "meant"), [("5 tonnnes", "tonnes"), ("5 hectars", "hectares")])
def test_misspelt_single_words_are_still_refused(text: str, meant: str) -> None:
    assert f"did you mean {meant}?" in refusal(text)


# 6. A foreign unit is a unit word, not any word with an accent
@pytest.mark.parametrize("text", ["3 Métro lines", "5 Métro stations", "5 Gramática books"])
def test_accented_words_that_are_no_unit_count(text: str) -> None:
    assert reading(text)[1:] == ("count", "count")


@pytest.mark.parametrize("text", ["5 kilómetros", "5 quilômetros", "5 hectáreas",
                                  "5 kilomètres", "5 cúbicos", "5 metros cuadrados"])
def test_accented_unit_words_are_refused(text: str) -> None:
    assert "write the unit in English" in refusal(text)
