"""Qualifiers ("nearly", "over", ...) and the intervals they turn a stated figure into."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from enum import Enum
from fractions import Fraction

from claimcheck.errors import InputError
from claimcheck.interval import Interval


class Qualifier(str, Enum):
    EXACT = "exact"
    ABOUT = "about"
    NEARLY = "nearly"
    OVER = "over"
    UNDER = "under"
    AT_LEAST = "at-least"
    AT_MOST = "at-most"

    # Set on each member below, plain attributes: rules read them for every claim, and a
    # property's call (with str's == on the way) cost redated-figure 40 ms in 100k claims.
    phrase: str  # how a text says it before a figure: '' for exact, `at least` for at-least
    bound: bool  # over, under, at least, at most: one side of the figure, not the figure
    from_below: bool  # over, at least: the figure's size bounded from below
    from_above: bool  # under, at most: from above


for _qualifier in Qualifier:
    _qualifier.phrase = "" if _qualifier is Qualifier.EXACT else _qualifier.value.replace("-", " ")
    _qualifier.from_below = _qualifier in (Qualifier.OVER, Qualifier.AT_LEAST)
    _qualifier.from_above = _qualifier in (Qualifier.UNDER, Qualifier.AT_MOST)
    _qualifier.bound = _qualifier.from_below or _qualifier.from_above
del _qualifier
# Members read once, for the hot paths to compare with: a member read off the Enum class
# (Qualifier.EXACT) costs ten times a module global's in 3.11.
EXACT, ABOUT, NEARLY = Qualifier.EXACT, Qualifier.ABOUT, Qualifier.NEARLY


ALIASES = {
    "exactly": Qualifier.EXACT, "around": Qualifier.ABOUT, "approximately": Qualifier.ABOUT,
    "approx": Qualifier.ABOUT, "roughly": Qualifier.ABOUT, "some": Qualifier.ABOUT,
    "circa": Qualifier.ABOUT, "close to": Qualifier.NEARLY,
    # abbreviated as texts print them: "(approx. US$574 billion)", "c. 300", "ca. 5 million"
    **dict.fromkeys(["approx.", "c.", "ca.", "ca"], Qualifier.ABOUT), "almost": Qualifier.NEARLY,
    "near": Qualifier.NEARLY, "nears": Qualifier.NEARLY, "more than": Qualifier.OVER,
    "above": Qualifier.OVER, "in excess of": Qualifier.OVER, "less than": Qualifier.UNDER,
    "below": Qualifier.UNDER, "fewer than": Qualifier.UNDER, "at least": Qualifier.AT_LEAST,
    "no less than": Qualifier.AT_LEAST, "at most": Qualifier.AT_MOST,
    "up to": Qualifier.AT_MOST, "no more than": Qualifier.AT_MOST,
    # a figure's side is certain, however near ("just over") or far ("well over") it lies
    **dict.fromkeys(["just over", "just above", "a little over", "a little more than",
                     "slightly over", "slightly more than", "slightly above", "well over",
                     "well above", "upwards of", "upward of", "north of", "exceeding"],
                    Qualifier.OVER),
    **dict.fromkeys(["just under", "just below", "a little under", "a little less than",
                     "slightly under", "slightly less than", "slightly below", "well under",
                     "well below", "south of"], Qualifier.UNDER),
    **dict.fromkeys(["just shy of", "just short of"], Qualifier.NEARLY),
    **dict.fromkeys(["not less than", "no fewer than", "a minimum of"], Qualifier.AT_LEAST),
    **dict.fromkeys(["not more than", "a maximum of", "as many as", "as much as"],
                    Qualifier.AT_MOST),
}


def parse_qualifier(raw: object) -> Qualifier:
    if type(raw) is str:  # not a Qualifier, a str too: the common case first
        return _parse_word(raw)
    if isinstance(raw, Qualifier):
        return raw
    if not isinstance(raw, str):
        raise InputError(f"expected a qualifier word, got {type(raw).__name__}")
    return _parse_word(raw)


@functools.lru_cache(maxsize=256)
def _parse_word(raw: str) -> Qualifier:
    text = " ".join(raw.strip().lower().replace("_", "-").split())
    try:
        return Qualifier(text)
    except ValueError:
        pass
    if text in ALIASES:
        return ALIASES[text]
    if text.replace("-", " ") in ALIASES:
        return ALIASES[text.replace("-", " ")]
    names = ", ".join(q.value for q in Qualifier)
    raise InputError(f"{raw!r} is not a qualifier; expected one of {names} (or more than, "
                     "close to, approximately, almost, roughly, up to)")


@dataclass(frozen=True, eq=False, repr=False)
class QualifierWidths:
    """How far `about` and `nearly` reach from the stated figure (fractions of it)."""

    about: Fraction = Fraction(5, 100)
    nearly: Fraction = Fraction(5, 100)


def widen(rounding: Interval, qualifier: Qualifier, widths: QualifierWidths,
          signed: bool = False) -> Interval:
    """The values a qualified statement admits: `over 600` is [599.5, inf).

    A qualifier speaks of a figure's size: "a fall of more than £21,000" (-21,000) is at most
    -21,000, "nearly -5%" a fall a little short of 5%, and "under -5%" a fall of up to 5%,
    not a rise. `signed`: a level on a scale with its own zero, where `over -5 °C` is warmer.
    """
    high = rounding.hi
    # high >= 0, by its numerator's sign where it is a Fraction (Fraction's >= costs ~0.5 µs)
    if signed or high is None or (high.numerator if type(high) is Fraction else high) >= 0:
        return _widen_size(rounding, qualifier, widths)
    size = _widen_size(rounding.scale(Fraction(-1)), qualifier, widths)
    # A size is never below zero: "under" a fall of 5% is a smaller fall, or none.
    return Interval(None if size.hi is None else -size.hi,
                    Fraction(0) if size.lo is None else -max(size.lo, Fraction(0)))


def _widen_size(rounding: Interval, qualifier: Qualifier, widths: QualifierWidths) -> Interval:
    if qualifier is EXACT:
        return rounding
    if qualifier is ABOUT:
        return rounding.widen(widths.about, widths.about)
    if qualifier is NEARLY:
        return rounding.widen(widths.nearly, _ZERO)
    if qualifier in _FROM_BELOW:
        return Interval(rounding.lo, None)
    return Interval(None, rounding.hi)


# A tuple, not `from_below`: a plain str equal to a member's value matches it too.
_FROM_BELOW = (Qualifier.OVER, Qualifier.AT_LEAST)
_ZERO = Fraction(0)
