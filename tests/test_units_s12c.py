"""Red-team round 6 (s12c): transport's lengths of a kind (lane-, passenger-, route-, track-km),
areas as the Indian press writes them (`sq kms`), misspelt and foreign unit words refused
rather than counted, singular crime nouns, and ranges written with a scale on each end."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest
from conftest import findings_of, reading, refusal

MILE = Fraction(1_609_344, 1000)  # metres, exactly


# 1. Transport measures: one dimension per kind, miles and km exact, never plain km
@pytest.mark.parametrize(("text", "metres", "dimension"), [
    ("500 lane-miles", 500 * MILE, "[lane_length]"),
    ("805 lane-kilometres", 805_000, "[lane_length]"),
    ("805 lane-kilometers", 805_000, "[lane_length]"),
    ("805 lane-km", 805_000, "[lane_length]"), ("805 lane km", 805_000, "[lane_length]"),
    ("500 lane miles", 500 * MILE, "[lane_length]"),
    ("31.5 million passenger-km", 31_500_000_000, "[passenger_distance]"),
    ("31.5 million passenger-kilometres", 31_500_000_000, "[passenger_distance]"),
    ("31.5 million pkm", 31_500_000_000, "[passenger_distance]"),
    ("2 billion passenger-miles", 2 * 10**9 * MILE, "[passenger_distance]"),
    ("2 billion passenger miles", 2 * 10**9 * MILE, "[passenger_distance]"),
    ("140 route-km", 140_000, "[route_length]"),
    ("140 route-kilometres", 140_000, "[route_length]"),
    ("1,200 track-km", 1_200_000, "[track_length]"),
    ("1,200 track-kilometres", 1_200_000, "[track_length]"),
    ("5 Track-Miles", 5 * MILE, "[track_length]"),
])
def test_transport_lengths_are_measures_of_their_own(text: str, metres: Fraction,
                                                    dimension: str) -> None:
    assert reading(text) == (metres, "physical", dimension)


def test_lane_miles_and_lane_kilometres_of_one_figure_agree(tmp_path: Path) -> None:
    claims = ("  - {id: a, metric: m, value: 500 lane-miles, as_of: 2024, source: src}\n"
              "  - {id: b, metric: m, value: 805 lane-kilometres, as_of: 2024, source: src}\n")
    assert findings_of(tmp_path, claims) == []


def test_lane_miles_and_lane_kilometres_can_conflict(tmp_path: Path) -> None:
    claims = ("  - {id: a, metric: m, value: 500 lane-miles, as_of: 2024, source: src}\n"
              "  - {id: b, metric: m, value: 900 lane-km, as_of: 2024, source: src}\n")
    assert [rule for rule, _ in findings_of(tmp_path, claims)] == ["conflicting-values"]


@pytest.mark.parametrize(("one", "other"), [
    ("805 lane-km", "805 km"), ("805 route-km", "805 track-km"),
    ("805 passenger-km", "805 lane-km"), ("140 route-km", "140 routes"),
])
def test_transport_lengths_compare_with_no_other_length(tmp_path: Path, one: str,
                                                        other: str) -> None:
    claims = (f"  - {{id: a, metric: m, value: {one}, as_of: 2024, source: src}}\n"
              f"  - {{id: b, metric: m, value: {other}, as_of: 2024, source: src}}\n")
    assert [rule for rule, _ in findings_of(tmp_path, claims)] == ["unit-mismatch"]


# 2. Areas in the Indian press's spelling; misspelt and foreign unit words refused
@pytest.mark.parametrize(("text", "square_metres"), [
    ("7,13,789 sq kms", 713_789 * 10**6), ("300 sq. kms", 300 * 10**6),
    ("300 Sq Kms", 300 * 10**6),
])
def test_sq_kms_is_an_area(text: str, square_metres: int) -> None:
    assert reading(text) == (square_metres, "physical", "[length] ** 2")


def test_kms_is_kilometres() -> None:
    assert reading("500 kms") == (500_000, "physical", "[length]")


def test_sq_kms_beside_sq_km_is_one_figure(tmp_path: Path) -> None:
    claims = ("  - {id: a, metric: m, value: '7,13,789 sq kms', as_of: 2021, source: src}\n"
              "  - {id: b, metric: m, value: '7,13,789 sq km', as_of: 2021, source: src}\n")
    assert findings_of(tmp_path, claims) == []


@pytest.mark.parametrize(("text", "meant", "neighbour"), [
    ("1,200 hectars", "hectares", "1,200 hectors"),
    ("500 hectaes", "hectares", "500 heaters"),
    ("5 kilometeres", "kilometres", "5 kilns"),
    ("5 kilomters", "kilometres", "5 kilts"),
    ("5 tonns", "tonnes", "5 tones"),
    ("5 metrs", "metres", "5 metros"),
    ("5 meteres", "metres", "5 meteors"),
    ("5 litrs", "litres", "5 litters"),
    ("5 acers", "acres", "5 aces"),
    ("5 mlies", "miles", "5 mills"),
    ("5 sq kilometeres", "kilometres", "5 smiles"),
])
def test_a_misspelt_unit_is_refused_while_near_nouns_count(text: str, meant: str,
                                                           neighbour: str) -> None:
    assert f"did you mean {meant}?" in refusal(text)
    number = int(neighbour.split()[0].replace(",", ""))
    assert reading(neighbour) == (number, "count", "count")


@pytest.mark.parametrize("text", [
    "13,235 kilómetros cuadrados", "11,568 quilômetros quadrados", "30 million hectáreas",
    "5 hectareas", "5 toneladas", "5 litros", "5 kilometros", "123 tonnellate",
    "5 kilomètres",
])
def test_a_unit_in_another_language_is_refused(text: str) -> None:
    assert "write the unit in English (km², ha, t)" in refusal(text)


def test_metros_alone_still_counts_metro_systems() -> None:
    assert "write the unit in English" in refusal("5 metros cuadrados")
    assert reading("40 metros") == (40, "count", "count")


# 3. One of a counted crime or justice noun
@pytest.mark.parametrize("noun", ["murder", "homicide", "offence", "offense", "prisoner",
                                  "inmate", "incident", "crime", "victim", "arrest", "officer",
                                  "violent crime"])
def test_one_crime_noun_is_counted(noun: str) -> None:
    assert reading(f"1 {noun}") == (1, "count", "count")


def test_one_murder_sums_with_the_plurals(tmp_path: Path) -> None:
    claims = ("  - {id: t, metric: m, value: 3 murders, period: 2022, source: src,\n"
              "     total: {parts: [a, b]}}\n"
              "  - {id: a, metric: m.a, value: 1 murder, period: 2022, source: src}\n"
              "  - {id: b, metric: m.b, value: 2 murders, period: 2022, source: src}\n")
    assert findings_of(tmp_path, claims) == []


# 4. Ranges with a scale or a sign on each end
@pytest.mark.parametrize("text", ["£49bn-£56.6bn", "£72bn to £78bn", "US$5bn-US$6bn",
                                  "5 million to 6 million", "€5bn – €6bn",
                                  "Rs 5 crore-Rs 6 crore", "USD 5bn to USD 6bn"])
def test_a_range_with_scaled_ends_is_refused_as_a_range(text: str) -> None:
    assert refusal(text) == (f"{text!r} is a range, two figures: state one with a `qualifier` "
                             "(at-least, at-most), or each end as a claim of its own")
