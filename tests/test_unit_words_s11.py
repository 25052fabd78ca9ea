"""Unit spellings from car, aviation and telecoms texts (red-team, stop 11) that pint misread
silently (pico-pints, micro-nits per year, exavolts, bits as a count) or that were refused
though their like is read: each read as meant, or refused with both meanings and what to
write."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest
from conftest import findings_of, reading, refusal

from claimcheck.quantity import parse_value

F = Fraction
POINTS = "percentage points"
POWER = "[length] ** 2 * [mass] / [time] ** 3"


_read = reading


_refused = refusal


_findings = findings_of


# 1. Percentage points as CAPA, Eurostat and others write them; never pico-pints or lengths.
@pytest.mark.parametrize("text", ["4.7ppts", "4.7 ppts", "4.7 %-points", "4.7 %-point",
                                  "4.7 pc pts", "4.7 pc points", "4.7 pct. pts", "4.7 p.p.",
                                  "4.7 pp.", "4.7 PPTS"])
def test_percentage_point_spellings_read_as_pp(text: str) -> None:
    assert _read(text) == _read("4.7 pp") == (F(47, 1000), "count", POINTS)


@pytest.mark.parametrize(("text", "message"), [
    ("2.4 ppt.", "unit 'ppt.' is ambiguous: write pp for percentage points, or parts per "
                 "trillion"),
    ("2.4 pps", "unit 'pps' is ambiguous: write pp for percentage points; packets or pulses "
                "per second are a rate"),
])
def test_percentage_points_of_two_meanings_are_refused(text: str, message: str) -> None:
    assert message in _refused(text)


def test_a_load_factor_plus_its_change_in_ppts_adds_up(tmp_path: Path) -> None:
    """CAPA: 'Passenger load factor: 88.0%, +4.7ppts' on 83.3%: no unit-mismatch."""
    assert _findings(tmp_path, """\
  - {id: was, metric: lf, value: 83.3%, period: 2016, source: src}
  - {id: change, metric: lf.change, value: 4.7ppts, period: 2017, source: src}
  - {id: bps, metric: lf.change, value: 470 bps, period: 2017, source: src}
  - {id: now, metric: lf, value: 88.0%, period: 2017, source: src,
     total: {parts: [was, change]}}
""") == []


# 2. A count per time is a rate (pint: `units per year` a luminosity per time).
@pytest.mark.parametrize("text", [
    "500,000 units per year", "500,000 units/year", "500,000 units a year",
    "500,000 units annually", "500,000 units per annum", "500,000 units p.a.",
    "500,000 vehicles per year", "500 units per quarter", "5 EVs per month",
    "5 planes per week",
])
def test_a_count_per_time_is_refused_as_a_rate(text: str) -> None:
    unit = text.split(" ", 1)[1]
    assert f"{unit!r} makes the figure a rate, which a value is not; " in _refused(text)


def test_a_count_per_year_is_told_where_the_year_goes() -> None:
    assert ("a yearly total is the number alone, its `period` says the year"
            in _refused("500,000 units per year"))


def test_a_count_per_other_times_is_told_the_metric_to_name() -> None:
    """Pix's peak: pint read `transactions per second` as nothing; now a rate, with its name."""
    assert ("'transactions per second' makes the figure a rate, which a value is not; write the "
            "count alone and name the rate in the metric (transactions_per_second)"
            in _refused("2,600 transactions per second"))


@pytest.mark.parametrize(("text", "dimension"), [
    ("500,000 units", "count"), ("5 barrels per day", "[length] ** 3 / [time]"),
    ("2.4 ppm per year", "1 / [time]"), ("5 rad/s", "1 / [time]"),
    ("945 TWh a year", POWER),
])
def test_units_per_time_that_stay(text: str, dimension: str) -> None:
    assert parse_value(text).unit.dimension == dimension


# 3. Aviation and EV count words: one of them is counted as many of them are.
@pytest.mark.parametrize(("text", "noun", "magnitude"), [
    ("1 EV", "EV", 1), ("1.2 million EV", "EV", 1_200_000), ("1 TV", "TV", 1),
    ("1 RV", "RV", 1), ("1 PC", "PC", 1), ("1 BEV", "BEV", 1), ("1 SUV", "SUV", 1),
    ("40.6m pax", "pax", 40_600_000), ("35.3 million pax", "pax", 35_300_000),
    ("1 plane", "plane", 1), ("1 jet", "jet", 1), ("1 airplane", "airplane", 1),
    ("1 bus", "bus", 1), ("1 passenger", "passenger", 1), ("650 MPs", "MPs", 650),
    ("3 PVs", "PVs", 3), ("5 RVs", "RVs", 5),
])
def test_count_words_are_counted(text: str, noun: str, magnitude: int) -> None:
    value = parse_value(text)
    assert (value.magnitude, value.unit.kind, value.unit.code, value.unit.dimension) == (
        magnitude, "count", noun, "count")


@pytest.mark.parametrize(("text", "message"), [
    ("12 MP", "unit 'MP' is ambiguous: write million pixels for megapixels, or MPs for "
              "members of parliament"),
    ("1 PV", "unit 'PV' is ambiguous: write MW or GW for photovoltaic capacity, or PV systems"),
    ("100 Bps", "unit 'Bps' is ambiguous: write B/s for bytes per second, or bps for basis"),
])
def test_acronyms_of_two_meanings_are_refused(text: str, message: str) -> None:
    assert message in _refused(text)


@pytest.mark.parametrize(("text", "dimension"), [
    ("5 MW", POWER), ("5 MV", "[length] ** 2 * [mass] / [current] / [time] ** 3"),
    ("5 GJ", "[length] ** 2 * [mass] / [time] ** 2"),
])
def test_prefixed_units_in_capitals_stay_units(text: str, dimension: str) -> None:
    assert parse_value(text).unit.dimension == dimension


def test_a_cars_metric_horsepower_is_power_not_petasiemens() -> None:
    # Car makers give engine power in PS (Pferdestärke): 150 PS is 110.3 kW.
    assert _read("150 PS") == (150 * F(73549875, 100000), "physical", POWER)


# 4. Data is information, never a count; a bit rate is information per time, not a frequency.
@pytest.mark.parametrize(("text", "bits", "dimension"), [
    ("2.2 GB", F(176 * 10**8), "[information]"), ("2,200 MB", F(176 * 10**8), "[information]"),
    ("3 TB", F(24 * 10**12), "[information]"), ("1 PB", F(8 * 10**15), "[information]"),
    ("2 kB", F(16_000), "[information]"), ("5 Mbit", F(5 * 10**6), "[information]"),
    ("3 bytes", F(24), "[information]"),
    ("10 Mbps", F(10**7), "[information] / [time]"),
    ("10 Mbit/s", F(10**7), "[information] / [time]"),
    ("5 MB/s", F(4 * 10**7), "[information] / [time]"),
])
def test_data_volumes_and_rates_are_information(text: str, bits: Fraction,
                                                dimension: str) -> None:
    assert _read(text) == (bits, "physical", dimension)


def test_a_bandwidth_is_no_bit_rate() -> None:
    assert parse_value("5 MHz").unit.dimension == "1 / [time]"
    assert parse_value("5 Mbps").unit.dimension != parse_value("5 MHz").unit.dimension


def test_data_beside_subscribers_is_a_unit_mismatch(tmp_path: Path) -> None:
    found = _findings(tmp_path, """\
  - {id: gb, metric: data, value: 2.2 GB, as_of: 2020, source: src}
  - {id: mb, metric: data, value: "2,200 MB", as_of: 2020, source: src}
  - {id: subs, metric: data, value: 2.2 million subscribers, as_of: 2020, source: src}
""")
    assert [rule for rule, _ in found] == ["unit-mismatch"]
    assert "data (2.2 GB, gb) and count (2.2 million subscribers, subs)" in found[0][1]


# 5. A percentage on the period before is a growth.
@pytest.mark.parametrize(("text", "period"), [
    ("1.3% m/m", "month"), ("15.3% y/y", "year"), ("2% q/q", "quarter"), ("5% MoM", "month"),
    ("5% QoQ", "quarter"), ("15% YoY", "year"), ("15% yoy", "year"), ("2% q-o-q", "quarter"),
    ("4% year-on-year", "year"), ("4 percent y/y", "year"), ("3% week-on-week", "week"),
])
def test_a_percentage_on_the_period_before_is_refused_as_a_growth(text: str,
                                                                   period: str) -> None:
    rate = text.split("%")[0].split(" ")[0] + "%"
    message = _refused(text)
    assert f"makes a percentage a change on the {period} before: a growth " in message
    assert f"`growth: {{rate: {rate}, from: ..., to: ...}}`" in message
    assert f"a level is the percentage alone ({rate})" in message


def test_chemistry_weight_per_weight_is_no_growth() -> None:
    assert _read("5% w/w")[0] == F(5, 100)


# 6. Per annum and p.a., as `/year` and `a year` are read.
@pytest.mark.parametrize("text", ["2 GWh per annum", "2 GWh p.a.", "2 GWh p. a.", "2 GWh/annum",
                                  "2 GWh P.A."])
def test_per_annum_reads_as_per_year(text: str) -> None:
    assert _read(text) == _read("2 GWh/year") == _read("2 GWh a year")
    assert _read(text)[2] == POWER


# Basis points as Reuters and others write them; pint read `-bp` and `bp.` as big points
@pytest.mark.parametrize("text", ["25-basis-point", "25-basis-points", "25 basis-points",
                                  "25 b.p.", "25 b.p", "25-bp", "25 bp.", "25-bps", "25 bps."])
def test_basis_points_hyphenated_or_abbreviated_are_read(text: str) -> None:
    assert _read(text) == (F(25, 10**4), "count", POINTS)


def test_a_hyphenated_percentage_is_a_percentage() -> None:
    assert _read("25-percentage-point") == (F(1, 4), "count", POINTS)
    assert _read("25-percent") == (F(1, 4), "percent", "percent")


# Agriculture (red team, stop 11): a nutrient rate is no force; yields in quintals agree
def test_a_nitrogen_rate_is_told_apart_from_a_plain_mass_rate(tmp_path: Path) -> None:
    findings = _findings(tmp_path, """\
  - {id: n, metric: n.rate, value: "110 kg N/ha", as_of: 2022, source: src}
  - {id: plain, metric: n.rate, value: "110 kg/ha", as_of: 2022, source: src}
""")
    assert [rule for rule, _ in findings] == ["unit-mismatch"]
    assert "mass of N per area (110 kg N/ha, n)" in findings[0][1]


def test_a_yield_in_quintals_per_hectare_agrees_with_kg_per_hectare(tmp_path: Path) -> None:
    assert _findings(tmp_path, """\
  - {id: q, metric: yield, value: "35.59 q/ha", as_of: 2023, source: src}
  - {id: kg, metric: yield, value: "3,559 kg/ha", as_of: 2023, source: src}
  - {id: t, metric: production, value: "26,000 '000 tonnes", as_of: 2023, source: src}
  - {id: m, metric: production, value: "26 million MT", as_of: 2023, source: src}
""") == []


# Education statistics count degrees conferred: pint's angle (pi/180) made 2 million degrees
# 57 times fewer than 2 million graduates.
@pytest.mark.parametrize("text", ["2.0 million degrees", "5 grades", "3 turns", "7 cycles",
                                  "2 revolutions", "12,000 PhDs", "200,000 alumni"])
def test_counted_words_that_pint_reads_as_angles_count_one_each(text: str) -> None:
    number = F(text.split()[0].replace(",", ""))
    scale = 10**6 if "million" in text else 1
    assert _read(text) == (number * scale, "count", "count")


def test_degrees_of_a_temperature_stay_a_temperature() -> None:
    assert _read("1.5 degrees Celsius")[1:] == _read("1.5 °C")[1:]
