"""Mixed numbers as central banks and newspapers print rates: `5-1/4 percent`, `1 1/2 percent`,
`1/4 percent` (FOMC statements), `5¼%`.

A whole number, a hyphen or a space, and a fraction of 2, 4, 8 or 16 parts, before % or a unit,
is read as its exact decimal (5-1/4 is 5.25) with that decimal's digits and rounding: a rate so
written is a setting made in quarter or eighth steps, stated exactly, and it then equals the
same figure written as 5.25% (a figure written loosely takes a qualifier, as 5.25% would).
Thirds have no exact decimal and are refused with the digits to write. Any other slash
(`60/40 split`, `1/5`) is left to the usual reading and its messages.
"""

from __future__ import annotations

import re
from decimal import Decimal

from claimcheck.errors import InputError

VULGAR_FRACTIONS = {"½": (1, 2), "¼": (1, 4), "¾": (3, 4), "⅛": (1, 8), "⅜": (3, 8),
                    "⅝": (5, 8), "⅞": (7, 8), "⅓": (1, 3), "⅔": (2, 3)}
VULGAR_SIGNS = "".join(VULGAR_FRACTIONS)
_PARTS = frozenset({2, 3, 4, 8, 16})
# "5-1/4", "1 1/2", "-1/4", with the fraction slash (U+2044) too; not "1/4/2024" nor "1/4.5"
_SLASHED = re.compile(r"([-+]?)(?:(\d{1,15})(?:-|[ \u00a0]))?(\d{1,2})[/\u2044](\d{1,2})"
                      r"(?![\d/\u2044]|[.,]\d)")
_SIGNED = re.compile(rf"([-+]?)(\d{{0,15}})[ \u00a0]?([{VULGAR_SIGNS}])")
_FRACTION_MARK = re.compile(rf"[/\u2044{VULGAR_SIGNS}]")


def take_fraction(rest: str, text: str) -> tuple[Decimal, str] | None:
    """The mixed number at the start of `rest` as a decimal, and the text after it; None
    where `rest` starts with no fraction of 2, 3, 4, 8 or 16 parts."""
    if slashed := _SLASHED.match(rest):
        sign, whole, numerator, parts = slashed.group(1, 2, 3, 4)
        end = slashed.end()
    elif signed := _SIGNED.match(rest):
        sign, whole, fraction = signed.groups()
        numerator, parts = map(str, VULGAR_FRACTIONS[fraction])
        end = signed.end()
    else:
        return None
    if int(parts) not in _PARTS or not 0 < int(numerator) < int(parts):
        return None
    written = rest[:end].strip()
    if int(parts) % 3 == 0:
        thirds = Decimal(whole or 0) + Decimal(numerator) / Decimal(parts)
        raise InputError(f"{text!r}: {written} has no exact decimal: write it to the digits "
                         f"meant ({sign}{thirds:.2f}, {sign}{thirds:.3f})")
    number = Decimal(whole or 0) + Decimal(numerator) / Decimal(parts)  # exact: 2^k parts
    return (-number if sign == "-" else number), rest[end:]


def is_fraction(digits: str) -> bool:
    """Whether the figure as written (`5-1/4`, `5¼`) has a fraction in it."""
    return _FRACTION_MARK.search(digits) is not None


def fraction_of_a_count(text: str, number: Decimal, noun: str) -> str:
    """`3/4 patients`, `5-1/4` alone: a fraction is read before % or a unit, where it is a
    rate's setting; before a count or alone it may be a proportion (3 of 4 patients)."""
    counted = f"{number:f} {noun}".strip()
    percent = (number * 100).normalize()
    share = f", or a share as a percentage ({percent:f}%)" if abs(number) < 1 else ""
    return (f"{text!r}: a fraction is read before % or a unit (5-1/4 percent, 2½ million "
            f"barrels), not before a count or alone: write {counted} in decimals{share}")
