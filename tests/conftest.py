from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def write(tmp_path: Path):
    """Write files under a temporary folder: write({"a.yaml": "..."}) -> folder."""

    def _write(files: dict[str, str]) -> Path:
        for name, text in files.items():
            path = tmp_path / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        return tmp_path

    return _write


def refusal(raw: object) -> str:
    """The message parse_value refuses a value with (the test fails where it reads it)."""
    from claimcheck.errors import InputError
    from claimcheck.quantity import parse_value

    with pytest.raises(InputError) as caught:
        parse_value(raw)
    return str(caught.value)


def reading(text: str) -> tuple[Fraction, str, str]:
    """(magnitude, unit kind, unit dimension) of a value text."""
    from claimcheck.quantity import parse_value

    value = parse_value(text)
    return value.magnitude, value.unit.kind, value.unit.dimension
