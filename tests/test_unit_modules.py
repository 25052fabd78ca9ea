"""units.py and substances.py use each other (parse_unit reads the mass in `Gt CO2`): either
module imports first in a fresh interpreter."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.parametrize("module", ["substances", "units", "unitwords", "oilunits",
                                    "countwords", "refusals"])
def test_each_unit_module_imports_first(module: str) -> None:
    code = (f"import claimcheck.{module}\n"
            "from claimcheck.units import parse_unit\n"
            "assert parse_unit('Gt CO2').dimension == '[mass] of CO2'\n")
    subprocess.run([sys.executable, "-c", code], check=True)
