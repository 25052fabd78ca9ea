"""The shipped table of common units says exactly what pint says about each of them."""

from __future__ import annotations

import json

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
    assert parse_unit("TWh").dimension == "[mass] * [length] ** 2 / [time] ** 2"
    assert parse_unit("t").factor == 1000


def test_other_units_still_go_to_pint() -> None:
    parse_unit.cache_clear()
    assert "furlong" not in TABLE
    assert parse_unit("furlong").dimension == "[length]"
