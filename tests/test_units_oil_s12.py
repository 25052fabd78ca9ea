"""Oil, gas and mining units (red-team round s12, /tmp/s12/rt-mining): every barrel is the
42-gallon oil barrel however it is written, lower-case and plural symbols read as the industry
means them, a barrel of oil equivalent a measure of its own, and what is ambiguous refused
with what to write."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest
from conftest import reading, refusal

from claimcheck.errors import InputError
from claimcheck.quantity import parse_value
from claimcheck.units import parse_unit

F = Fraction
BARREL = F("0.158987294928")  # m³: 42 US gallons; pint's own barrel is 31.5
DAY, YEAR = 86400, F("31557600")  # s; pint's year is a Julian year
TROY_OUNCE = F("0.0311034768")  # kg
CUBIC_FOOT = F("0.028316846592")  # m³
VOLUME, FLOW = "[length] ** 3", "[length] ** 3 / [time]"
BOE, BOE_FLOW = "[oil_equivalent]", "[oil_equivalent] / [time]"
ENERGY = "[length] ** 2 * [mass] / [time] ** 2"
MMSCFD = 5 * 10**6 * CUBIC_FOOT / DAY  # 5 million standard cubic feet a day


def _close(read: Fraction, meant: Fraction) -> bool:
    """Equal to pint's 15 digits (33% off, pint's own barrel, is far from it)."""
    return abs(read / meant - 1) < F(1, 10**12)


# 1. Every spelling of a barrel, and of a barrel a day, is the oil barrel.
@pytest.mark.parametrize(("unit", "barrels_a_day"), [
    ("barrels/day", 1), ("bbl/day", 1), ("barrels/d", 1), ("barrel/day", 1),
    ("barrels per d", 1), ("bbls/d", 1), ("barrels / day", 1), ("bbl per day", 1),
    ("barrel per day", 1), ("barrels per day", 1), ("bpd", 1), ("b/d", 1), ("b/day", 1),
    ("bopd", 1), ("BOPD", 1), ("BPD", 1), ("barrels a day", 1), ("bbl a day", 1),
    ("barrels daily", 1), ("oil barrels per day", 1), ("Barrels/day", 1),
    ("barrels per calendar day", 1), ("barrels/calendar day", 1), ("b/cd", 1), ("bbl/d", 1),
    ("BBL/d", 1),
    ("kbbl/d", 10**3), ("Kbbl/d", 10**3), ("kb/d", 10**3), ("Kb/d", 10**3), ("kb/day", 10**3),
    ("kbpd", 10**3), ("kbd", 10**3), ("KBD", 10**3),
    ("mb/d", 10**6), ("mb/day", 10**6), ("mbpd", 10**6), ("mbd", 10**6),
    ("MMb/d", 10**6), ("MMbpd", 10**6), ("mmbpd", 10**6), ("MMBOPD", 10**6), ("mmbopd", 10**6),
    ("MMbbl/d", 10**6), ("mmbbl/d", 10**6), ("MMBD", 10**6),
])
def test_every_barrel_a_day_is_42_gallons(unit: str, barrels_a_day: int) -> None:
    read = parse_unit(unit)
    assert read.dimension == FLOW and _close(read.factor, barrels_a_day * BARREL / DAY), unit
    assert read.factor == barrels_a_day * parse_unit("b/d").factor  # one figure, to the bit


@pytest.mark.parametrize(("unit", "barrels"), [
    ("barrel", 1), ("barrels", 1), ("Barrels", 1), ("bbl", 1), ("bbls", 1), ("BBL", 1),
    ("oil barrels", 1), ("oil barrel", 1), ("kbbl", 10**3), ("Kbbl", 10**3),
    ("MMbbl", 10**6), ("mmbbl", 10**6), ("MMBbl", 10**6), ("mb", 10**6),
])
def test_every_barrel_is_42_gallons(unit: str, barrels: int) -> None:
    read = parse_unit(unit)
    assert (read.factor, read.dimension) == (barrels * BARREL, VOLUME), unit


@pytest.mark.parametrize(("unit", "barrels"), [
    ("mb/yr", 10**6), ("barrels per year", 1), ("bbl/yr", 1), ("barrels/year", 1),
    ("kbbl/yr", 10**3), ("b/a", 1),
])
def test_barrels_a_year_are_42_gallons(unit: str, barrels: int) -> None:
    read = parse_unit(unit)
    assert read.dimension == FLOW and _close(read.factor, barrels * BARREL / YEAR), unit


def test_a_barrel_in_a_unit_no_table_reads_is_never_pints_31_5_gallons() -> None:
    """What pint reads after the tables (`barrels per week`, `kbbl/month`) gets its barrels
    rewritten as pint's oil barrel first."""
    assert _close(parse_unit("barrels per fortnight").factor, BARREL / (14 * DAY))
    assert _close(parse_unit("kbbl/fortnight").factor, 1000 * BARREL / (14 * DAY))


def test_the_green_car_congress_and_barbados_figures_agree(tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """min-barrels-per-day-slash.yaml: 11.004 million barrels/day is 11,004,000 b/d."""
    from claimcheck.api import Settings, check_paths

    (tmp_path / "c.yaml").write_text(
        "sources: {gcc: {publisher: GCC}, loop: {publisher: Loop}}\n"
        "claims:\n"
        "  - {id: a, metric: sa.output, value: 11.004 million barrels/day, as_of: 2022-08,"
        " source: gcc}\n"
        "  - {id: b, metric: sa.output, value: '11,004,000 b/d', as_of: 2022-08, source: loop}\n"
        "  - {id: c, metric: x.output, value: 100 kbbl/d, as_of: 2023, source: gcc}\n"
        "  - {id: d, metric: x.output, value: 100 kb/d, as_of: 2023, source: loop}\n"
        "  - {id: e, metric: y.output, value: 1.2 million b/day, as_of: 2023, source: gcc}\n"
        "  - {id: f, metric: y.output, value: 1.2 mb/d, as_of: 2023, source: loop}\n",
        encoding="utf-8")
    monkeypatch.chdir(tmp_path)  # the default rule set, not this project's rules/
    assert check_paths(Settings(paths=(str(tmp_path),))).findings == ()


# 2. Lower-case and plural symbols as the industry writes them.
@pytest.mark.parametrize(("text", "same_as"), [
    ("294.2 mtoe", "294.2 Mtoe"), ("294.2 MTOE", "294.2 Mtoe"),
    ("1.2 Mozs", "1.2 Moz"), ("1.2 mozs", "1.2 Moz"), ("50 kozs", "50 koz"), ("50 Kozs", "50 koz"),
    ("1.2 MMoz", "1.2 Moz"), ("2 MMt", "2 Mt"), ("1 million oil barrels", "1 million barrels"),
    ("365 mb/yr", "365 million barrels per year"), ("1.2 million b/day", "1.2 mb/d"),
    ("5 mtce", "5 Mtce"),
])
def test_industry_symbols_read_as_meant(text: str, same_as: str) -> None:
    assert reading(text) == reading(same_as)


def test_mozs_are_troy_ounces() -> None:
    assert reading("1.2 Mozs") == (F("1.2") * 10**6 * TROY_OUNCE, "physical", "[mass]")


def test_mtoe_is_million_tonnes_of_oil_equivalent() -> None:
    assert reading("1 mtoe") == (F(41_868) * 10**12, "physical", ENERGY)


def test_oil_barrels_are_a_volume_not_a_count() -> None:
    assert reading("1 million oil barrels") == (10**6 * BARREL, "physical", VOLUME)


@pytest.mark.parametrize("text", ["100 mbbl", "100 mbbls", "5 mbbl/d", "5 Mboe", "5 mboe",
                                  "5 MBOE", "5 Mboe/d", "5 mboe/d", "5 Mboepd", "5 MBOPD"])
def test_m_before_bbl_or_boe_is_refused_as_thousand_or_million(text: str) -> None:
    message = refusal(text)
    assert "is ambiguous: write thousand " in message
    assert "a thousand in US oil and gas usage, a million elsewhere" in message


def test_a_unit_in_brackets_is_refused_with_what_to_write() -> None:
    assert refusal("12.5 million barrels per day (mb/d)") == (
        "'barrels per day (mb/d)': a unit in brackets restates the unit before it: drop the "
        "bracket and write one unit (barrels per day, or the figure in mb/d)")
    assert refusal("5 tonnes (CO2e)") == ("'tonnes (CO2e)': a bracket in a unit is not read: "
                                          "write tonnes CO2e")


# 3. Standard units of oil, gas and mining.
@pytest.mark.parametrize(("text", "magnitude", "dimension"), [
    ("5 boe", 5, BOE), ("5 BOE", 5, BOE), ("5 barrels of oil equivalent", 5, BOE),
    ("5 MMboe", 5 * 10**6, BOE), ("5 MMBOE", 5 * 10**6, BOE), ("5 mmboe", 5 * 10**6, BOE),
    ("5 kboe", 5000, BOE),
    ("500 boe/d", F(500, DAY), BOE_FLOW), ("500 kboe/d", F(500_000, DAY), BOE_FLOW),
    ("500,000 boepd", F(500_000, DAY), BOE_FLOW), ("5 BOEPD", F(5, DAY), BOE_FLOW),
    ("5 barrels of oil equivalent per day", F(5, DAY), BOE_FLOW),
    ("5 MMboe/d", F(5 * 10**6, DAY), BOE_FLOW),
])
def test_a_barrel_of_oil_equivalent_is_its_own_measure(text: str, magnitude: Fraction,
                                                       dimension: str) -> None:
    read, kind, read_dimension = reading(text)
    assert (kind, read_dimension) == ("physical", dimension) and _close(read, magnitude)


def test_boe_never_compares_with_barrels_or_energy() -> None:
    boe = parse_unit("boe").dimension
    assert boe not in (parse_unit("bbl").dimension, parse_unit("GJ").dimension)
    assert parse_unit("boe/d").dimension != parse_unit("bbl/d").dimension


@pytest.mark.parametrize(("text", "magnitude", "dimension"), [
    ("5,000 tpd", F(5_000_000, DAY), "[mass] / [time]"),
    ("5 TPD", F(5000, DAY), "[mass] / [time]"),
    ("5 ktpd", F(5_000_000, DAY), "[mass] / [time]"),
    # iron ore's dry and wet metric tonnes: masses, the basis named in the metric
    ("100 dmt", 100_000, "[mass]"), ("100 wmt", 100_000, "[mass]"),
    ("100 DMT", 100_000, "[mass]"),
    ("2 MMt", 2 * 10**9, "[mass]"), ("1.2 MMoz", F("1.2") * 10**6 * TROY_OUNCE, "[mass]"),
    ("5 MMscfd", MMSCFD, FLOW), ("5 mmscfd", MMSCFD, FLOW), ("5 MMSCFD", MMSCFD, FLOW),
    ("5 MMscf/d", MMSCFD, FLOW),
    ("5 MMscf", 5 * 10**6 * CUBIC_FOOT, VOLUME), ("5 bscf", 5 * 10**9 * CUBIC_FOOT, VOLUME),
    ("5 Bscf", 5 * 10**9 * CUBIC_FOOT, VOLUME), ("5 Tscf", 5 * 10**12 * CUBIC_FOOT, VOLUME),
    ("1.5 TCF", F("1.5") * 10**12 * CUBIC_FOOT, VOLUME),
    ("1.5 tcf", F("1.5") * 10**12 * CUBIC_FOOT, VOLUME),
    ("15 BCF", 15 * 10**9 * CUBIC_FOOT, VOLUME),
])
def test_mining_and_gas_units_are_read(text: str, magnitude: Fraction, dimension: str) -> None:
    read, kind, read_dimension = reading(text)
    assert (kind, read_dimension) == ("physical", dimension) and _close(read, magnitude)


@pytest.mark.parametrize(("text", "same_as"), [
    ("100 mmbbl", "100 MMbbl"), ("100 Kb/d", "100 kb/d"), ("100 KBD", "100 kb/d"),
    ("1 MMBOPD", "1 mb/d"), ("1 mmbpd", "1 mb/d"), ("5 barrels per calendar day", "5 b/d"),
])
def test_oil_symbols_read_as_their_usual_spellings(text: str, same_as: str) -> None:
    assert reading(text) == reading(same_as)


@pytest.mark.parametrize("text", ["5 b", "5 bd", "5 B/s", "5 kb"])
def test_barrels_need_their_letters(text: str) -> None:
    """`b` alone is no barrel (a rate of it is); `B/s` stays bytes a second."""
    try:
        unit = parse_value(text).unit
    except InputError:  # refused: kb is ambiguous, bd unknown
        return
    assert "[length] ** 3" not in unit.dimension


# 4. A unit with the commodity it measures: the unit alone, the commodity in the metric.
@pytest.mark.parametrize(("text", "message"), [
    ("5 Mt of copper", "'Mt of copper': write Mt and name copper in the metric "
                       "(copper.production, copper.reserves), not in the unit"),
    ("5 tonnes of gold", "'tonnes of gold': write tonnes and name gold in the metric"),
    ("40 tonnes of ore", "write tonnes and name ore in the metric"),
    ("1 million barrels of oil per day", "'barrels of oil per day': write barrels per day and "
                                         "name oil in the metric (oil.production"),
    ("1 million barrels of crude a day", "write barrels a day and name crude in the metric"),
    ("12 million ounces of gold", "'ounces of gold': name gold in the metric (gold.production, "
                                  "gold.reserves), not in the unit; the unit 'ounces' is "
                                  "ambiguous: write troy oz (31.1 g"),
    ("10 million pounds of copper", "the unit 'pounds' is ambiguous: write GBP for pounds "
                                    "sterling, or lb for pounds of weight"),
])
def test_a_unit_of_a_commodity_is_refused_with_what_to_write(text: str, message: str) -> None:
    assert message in refusal(text)


@pytest.mark.parametrize(("text", "dimension"), [
    ("1.2 billion tonnes of CO2", "[mass] of CO2"), ("5 Gt of carbon", "[mass] of C"),
    ("5 million tonnes of oil equivalent", ENERGY), ("5 Mt of potash", "[mass] of potash"),
])
def test_masses_of_a_gas_or_an_element_keep_reading(text: str, dimension: str) -> None:
    assert reading(text)[2] == dimension


def test_an_oil_equivalent_is_no_commodity_to_move_into_the_metric() -> None:
    assert "oil equivalent in the metric" not in refusal("5 tonnes of oil equivalent per day")
