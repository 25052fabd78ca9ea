"""The shipped table of common units says exactly what pint says about each of them."""

from __future__ import annotations

import json
from fractions import Fraction

import pytest

from claimcheck import units
from claimcheck.units import KNOWN_UNITS, parse_unit, physical_unit_from_pint

TABLE = json.loads(KNOWN_UNITS.read_text(encoding="utf-8"))


@pytest.mark.parametrize("text", sorted(TABLE))
def test_each_known_unit_reads_as_pint_reads_it(text: str) -> None:
    parse_unit.cache_clear()
    assert parse_unit(text) == physical_unit_from_pint(text)


def test_known_units_need_no_pint(monkeypatch: pytest.MonkeyPatch) -> None:
    parse_unit.cache_clear()
    monkeypatch.setattr(units, "_registry", lambda: pytest.fail("pint was asked"))
    assert parse_unit("TWh").dimension == "[length] ** 2 * [mass] / [time] ** 2"
    assert parse_unit("t").factor == 1000


@pytest.mark.parametrize("first", ["hp", "ft*lbf", "kcal", "W", "J"])
def test_one_dimension_reads_alike_whichever_unit_pint_met_first(first: str) -> None:
    """pint orders a dimension's text by the first unit of it a run meets."""
    physical_unit_from_pint(first)
    for table, other in (("kW", "hp"), ("kWh", "ft*lbf"), ("GJ", "kcal")):
        known, read = parse_unit(table), physical_unit_from_pint(other)
        assert read is not None and known.dimension == read.dimension


def test_factors_are_the_numbers_pint_means() -> None:
    assert TABLE["g"][0] == "1/1000" and TABLE["L"][0] == "1/1000"
    assert TABLE["km/h"][0] == "5/18"
    hp = physical_unit_from_pint("hp")
    assert hp is not None and hp.factor == Fraction("745.69987158227")


def test_other_units_still_go_to_pint() -> None:
    parse_unit.cache_clear()
    assert "furlong" not in TABLE
    assert parse_unit("furlong").dimension == "[length]"
