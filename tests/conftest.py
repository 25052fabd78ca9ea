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


def amount_and_code(text: str) -> tuple[Fraction, str]:
    """(magnitude, unit code) of a value text: what a currency or scale word reads as."""
    from claimcheck.quantity import parse_value

    value = parse_value(text)
    return value.magnitude, value.unit.code


def findings_of(tmp_path: Path, claims: str) -> list[tuple[str, str]]:
    """(rule, message) of each error and warning for one claim file of the given claims,
    which cite the source `src`, checked with the built-in rules."""
    from claimcheck.api import Settings, check_paths

    (tmp_path / "claims.yaml").write_text(
        "sources:\n  src: {title: Test source, published: 2025-06-01}\nclaims:\n" + claims,
        encoding="utf-8")
    (tmp_path / "rules.yml").write_text("{}\n", encoding="utf-8")
    report = check_paths(Settings(paths=(str(tmp_path / "claims.yaml"),),
                                  rules=str(tmp_path / "rules.yml"), jobs=1))
    return [(f.rule, f.message) for f in report.findings if f.severity != "info"]
