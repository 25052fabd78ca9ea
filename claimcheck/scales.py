"""Scale words after a number: `600 billion`, `₹35 lakh crore`, `6000亿`, `142M households`.

They multiply (`lakh crore` is 1e12); a single letter is a scale only where no unit can be meant
(`$5m`, `142M households`, not `5 M` molar or `5 K` kelvin).
"""

from __future__ import annotations

import re

from claimcheck.errors import InputError
from claimcheck.refusals import (
    ZHAO,
    refuse_foreign_scale,
    refuse_long_scale_plural,
    refuse_spaced_letter,
    refuse_spaced_symbol,
    thousand_or_kelvin,
)
from claimcheck.units import parse_unit

SCALE_WORDS = {
    "thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12,
    "quadrillion": 10**15,
    "k": 10**3, "m": 10**6, "mn": 10**6, "mln": 10**6, "bn": 10**9, "bln": 10**9, "b": 10**9,
    "mrd": 10**9, "tn": 10**12, "trn": 10**12, "trln": 10**12, "lakh": 10**5, "lakhs": 10**5,
    "crore": 10**7, "crores": 10**7, "cr": 10**7, "crs": 10**7, "lac": 10**5, "lacs": 10**5,
    "thousands": 10**3, "millions": 10**6, "milliard": 10**9, "milliards": 10**9, "mio": 10**6,
    "万": 10**4, "亿": 10**8, "萬": 10**4, "億": 10**8,  # simplified and traditional
    "만": 10**4, "억": 10**8, "조": 10**12,  # Korean
}
# Single letters read as scales only after a currency ("$5m", "$3B"), where no unit can follow.
_LETTER_SCALES = frozenset({"k", "m", "b"})
_SCALE = re.compile(
    # "m³", "m²", "m2", "m/s": a single letter that a unit goes on from starts that unit
    # "$3.5-trillion", "₹1.5-lakh crore": a hyphen may join the number and its scale words
    r"\s*-?(thousands?|millions?|billions?|trillions?|quadrillions?|milliards?|lakhs?|lacs?|"
    r"crores?|crs?|mln|mn|mio|bln|bn|mrd|trln|trn|tn|[kmb](?![²³^/\d])|(?-i:MM)|[万亿萬億만억조])"
    r"(?![A-Za-z])",
    re.IGNORECASE,
)


def take_scales(rest: str, letters_allowed: bool, digits: str, text: str) -> tuple[int, str]:
    """The scale words after a number (`billion`, `lakh crore`, `亿`, `M` on the digits), as
    one factor, and the text after them; `letters_allowed` after a currency (`$5m`)."""
    scale, first = 1, True
    while match := _SCALE.match(rest):
        word, after = match.group(1), rest[match.end():]
        attached = first and match.start(1) == 0  # "142M households", not "142 M"
        if word in ("M", "MM") and _million_before_a_unit(word, after, digits, text):
            scale *= 10**6
            rest, first = after, False
            continue
        if word == "MM" and not letters_allowed:
            refuse_spaced_symbol(word, after, digits, text)  # "5 MM fans"
            break  # "5 MM" alone: pint's megamolar, as before
        spaced_letter = word.lower() in _LETTER_SCALES and word not in ("k", "m")
        if spaced_letter and not (letters_allowed or attached):
            refuse_spaced_letter(word, after, digits, text)
            break  # "5 K" is kelvin, "5 b" barn: spaced and alone, they read as units
        if word == "K" and attached and not letters_allowed and not after.strip():
            raise InputError(thousand_or_kelvin(digits, text))
        refuse_long_scale_plural(word, digits, text)
        scale *= 10**6 if word == "MM" else SCALE_WORDS[word.lower()]
        rest, first = after, False
    if rest.lstrip().startswith("兆"):
        raise InputError(ZHAO)
    if giga := _SPACED_G.match(rest):  # "24.1 G barrels": not pint's gauss
        refuse_spaced_symbol("G", rest[giga.end():], digits, text)
    refuse_foreign_scale(rest, digits, text)
    return scale, rest


_SPACED_G = re.compile(r"\s+G(?=\s)")
# Units whose M prefix is the Roman thousand in US oil and gas usage (Mbbl, Mcf, MBtu).
_ROMAN_M_UNITS = frozenset({"bbl", "bbls", "b/d", "bpd", "bbl/d", "cf", "cf/d", "Btu", "BTU",
                            "btu", "boe"})


def _million_before_a_unit(word: str, after: str, digits: str, text: str) -> bool:
    """`66.1 M barrels`, `5 MM Btu`: M or MM, a space, then a physical unit or a currency is
    a million (MM always, in oil and gas usage), never pint's molar; before bbl or Btu, a
    spaced M may be the Roman thousand of US usage, and is refused."""
    unit_text = after.strip()
    if not unit_text or (word == "M" and not after[:1].isspace()):
        return False
    try:
        unit = parse_unit(unit_text)
    except InputError:
        return False
    if unit.kind not in ("physical", "currency"):
        return False
    if word == "M" and unit_text in _ROMAN_M_UNITS:
        raise InputError(f"{text!r}: M before {unit_text} is a thousand in US oil and gas usage "
                         f"and a million elsewhere: write {digits} thousand {unit_text} or "
                         f"{digits} million {unit_text}")
    return True
