"""Helpers shared by the rules that relate figures to each other (growth, shares, totals)."""

from __future__ import annotations

import math
import re
from decimal import Decimal
from fractions import Fraction

from claimcheck.caching import LazyPattern
from claimcheck.claimset import ClaimSet
from claimcheck.dates import PartialDate
from claimcheck.interval import Interval, format_number, to_float
from claimcheck.model import Claim
from claimcheck.qualifiers import Qualifier
from claimcheck.quantity import StatedValue, describe
from claimcheck.units import Unit

# math.inf as a module global: the float screens of every rule compare with it per claim,
# and a global is read faster than an attribute of a module.
INF = math.inf
# Words for the scales a figure may be shown in; "thousand" only where the text used it.
_SCALE_NAMES = {10**3: "thousand", 10**6: "million", 10**9: "billion", 10**12: "trillion"}
# The scales a computed figure is described in unless its stated one fits, largest first.
_DESCRIBED_SIZES = sorted((size for size in _SCALE_NAMES if size > 10**3), reverse=True)
Extended = Fraction | float  # a Fraction, or ±inf standing for an unbounded end

def qualified(text: str, qualifier: Qualifier) -> str:
    """`nearly 600 billion CNY`: a figure as the text states it."""
    return f"{qualifier.phrase} {text}".lstrip()


def shown(claim: Claim) -> str:
    """A claim's figure as stated, qualifier included: `nearly 600 billion CNY`."""
    assert claim.value is not None
    return qualified(like(claim.value.magnitude, claim.value, 6), claim.qualifier)


def like(magnitude: Fraction, stated: StatedValue, digits: int = 4) -> str:
    """A computed figure in the scale a stated one was written in, so the two read side by
    side (2557 billion CNY against 1729.5 billion CNY, not 2.557 trillion), unless it is ten
    times that figure or more (17.42 trillion BRL, not 17424 billion, against 17.2 billion);
    near it, with as many digits, trailing zeros too (246.97 million against 247.15 million,
    not 247; 16.10 million against 16.11 million, not 16.1; 182.97% against 183.00%). The
    stated figure itself is shown as written."""
    unit = stated.unit
    percent = unit.kind == "percent"
    shown = stated.magnitude
    if percent and magnitude == shown:
        return written(stated)
    # Both figures in the unit shown as integer pairs (a / b, c / d; b, d > 0): a Fraction
    # each is built once, after the scale is known, and nearness is decided in ints (five
    # Fraction operations a call, most of a finding's cost). Computed shares and rates read
    # in percent, even beside a figure stated in ‰.
    # as_integer_ratio(): one call for the two ints, where .numerator and .denominator are
    # a property's call each
    bottom, top = (1, 100) if percent else unit.factor.as_integer_ratio()
    if bottom < 0:
        top, bottom = -top, -bottom
    a, b = magnitude.as_integer_ratio()
    c, d = shown.as_integer_ratio()
    a, b, c, d = a * top, b * bottom, c * top, d * bottom
    size = 1 if percent else _size(a, b, stated.scale, c, d)
    value: Fraction | float
    shown_as: Fraction | float
    try:
        # The floats format_number() would make of Fraction(a, b * size) and of the shown
        # one (a true division of ints is correctly rounded, in lowest terms or not): no
        # Fraction built, at two gcds and a Python __new__ each.
        value, shown_as = a / (b * size), c / (d * size)
    except OverflowError:  # beyond floats: format_number() prints the exact figures
        value, shown_as = Fraction(a, b * size), Fraction(c, d * size)
    # |value / shown_as - 1| < NEAR, the size cancelling: |a·d - c·b| / (|c|·b) < NEAR
    near = c != 0 and _NEAR_DENOMINATOR * abs(a * d - c * b) < _NEAR_NUMERATOR * abs(c) * b
    same = a * d == c * b  # value == shown_as, in ints
    try:
        if near:
            digits = max(digits, stated.written_digits)
        number = format_number(value, digits)
        if not same:
            number = _distinct(number, value, shown_as, digits)
        if near and not same:
            number = _padded(number, stated.written_digits)
    except OverflowError:
        return described(magnitude, unit)
    if percent:
        return f"{number}%"
    return " ".join(filter(None, (number, _SCALE_NAMES.get(size, ""), unit.code)))


def written(stated: StatedValue) -> str:
    """A stated figure with the digits it was written with: 183.00%, not 183%."""
    if stated.unit.kind == "percent" and stated.scale == 1:
        return f"{stated.number:f}{stated.unit.code}"
    return stated.describe()


NEAR = Fraction(1, 100)  # a computed figure this close to a stated one shows as many digits
_NEAR_NUMERATOR, _NEAR_DENOMINATOR = NEAR.as_integer_ratio()


def _distinct(number: str, value: Fraction | float, stated: Fraction | float,
              digits: int) -> str:
    """`value` (`number`: to `digits` significant digits) with as many more digits as it
    takes (up to 12) not to read like a different stated figure: 246.98 million beside
    247.15 million, not 247."""
    while digits < 12 and number == format_number(stated, digits):
        digits += 1
        number = format_number(value, digits)
    return number


def _padded(number: str, digits: int) -> str:
    """`16.1` as `16.10`: trailing zeros up to `digits` significant digits, so a computed
    figure shows the precision of the stated one beside it."""
    if "e" in number:
        return number
    missing = digits - len(number.lstrip("-").replace(".", "").lstrip("0"))
    if missing <= 0:
        return number
    return number + ("" if "." in number else ".") + "0" * missing


def _size(numerator: int, denominator: int, stated_scale: int, stated_numerator: int,
          stated_denominator: int) -> int:
    """The stated scale while the figure (numerator / denominator) reaches it and is under
    ten times the stated figure, else the one quantity.describe picks. In ints, exact, no
    Fraction built: the denominators are positive."""
    numerator = abs(numerator)
    if (stated_scale in _SCALE_NAMES and numerator >= stated_scale * denominator
            and numerator * stated_denominator < 10 * abs(stated_numerator) * denominator):
        return stated_scale
    # the largest scale word over a thousand that the figure reaches
    for size in _DESCRIBED_SIZES:
        if numerator >= size * denominator:
            return size
    return 1


SLIP_POWERS = range(1, 10)  # 10 to 10^9, as scale-slip: an extra zero up to a billion


def power_apart(stated: float, expected: float) -> int:
    """k where `stated` is about 10^k times `expected` (|k| in SLIP_POWERS), else 0: the
    power worth testing exactly for a slipped scale word."""
    if stated <= 0 or expected <= 0:
        return 0
    power = round(math.log10(stated / expected))
    return power if abs(power) in SLIP_POWERS else 0


def slipped(factor: int) -> str:
    """The hint for a figure a power of ten off: one wording for every rule."""
    return f"near a factor of {factor:,}: a slipped scale word or decimal point?"


def cut(value: Fraction, step: Fraction) -> Fraction:
    """`value` cut toward zero to a whole number of `step`s: 20.339 to 0.01 is 20.33."""
    whole = math.floor(abs(value) / step) * step
    return whole if value >= 0 else -whole


def cut_to(stated: StatedValue, value: Fraction) -> bool:
    """Whether `value` cut (not rounded) to the last digit `stated` shows is that figure:
    the 80.956 million a sum gives, printed as 80.9 million; never a figure of zero, nor one
    of a single significant digit (`$1 billion` for 1.7 billion, `1%` for 1.9%: a cut that
    loses half the figure is an error, not a way of printing it)."""
    figure = stated.magnitude
    return (figure != 0 and len(stated.number.as_tuple().digits) >= 2
            and cut(value, 2 * stated.half_unit) == figure)


def truncated(fine: str, coarse: str) -> str:
    """The hint for a figure cut, not rounded: one wording for every rule."""
    return f"{fine} cut to the digits of {coarse} is that figure: truncated, not rounded?"


def two_digits_more(value: Fraction, stated: StatedValue) -> str:
    """`value` cut two digits past the last one `stated` shows, written as it is (20.3389%
    beside 20.33%, 151.68% beside 151%): a computed figure whose cut reads off the text, as
    rounding it (20.34%) would not, and which still reads as the rounded figure a message
    shows beside it (151.7%)."""
    finer = 2 * stated.half_unit / 100
    exponent = stated.number.as_tuple().exponent
    assert isinstance(exponent, int)
    number = Decimal(int(cut(value, finer) / finer)).scaleb(exponent - 2)
    return written(StatedValue(stated.text, number, stated.scale, stated.unit))


def rounded_from(coarse: StatedValue, fine: Fraction, fine_text: str) -> str:
    """Where `coarse` ends in zeros (21,000; 580K) and `fine` rounded to the place of its last
    nonzero digit is `coarse`: a round figure for a precise one, not a revision. Only where
    `coarse` keeps two significant digits, a gap under 5% that `about` covers: 10 deaths
    beside 14 is a conflict, not a rounding."""
    _, digits, exponent = coarse.number.as_tuple()
    zeros = len(digits) - len("".join(map(str, digits)).rstrip("0"))
    significant = len(digits) - zeros
    if not zeros or significant < 2 or not isinstance(exponent, int) or exponent < 0:
        return ""
    if not coarse.significant.contains(fine):
        return ""
    place = _nearest(coarse.text, coarse.number, zeros)
    return (f"{coarse.text} may be {fine_text} rounded to "
            f"{place or f'{significant} significant digits'}: if so, write `qualifier: about` "
            "for it")


_DIGITS = re.compile(r"\d[\d,]*")


def _nearest(text: str, number: Decimal, zeros: int) -> str:
    """`the nearest ₹1,000 crore` for ₹21,000 crore: the place of its last nonzero digit, in
    its own words; empty where the text does not write the figure plainly (a sign, an
    exponent), for the message to count significant digits instead."""
    digits = _DIGITS.search(text)
    if number <= 0 or digits is None or digits.group().replace(",", "") != str(number):
        return ""
    return f"the nearest {text[:digits.start()]}{10**zeros:,}{text[digits.end():]}"


def bound_word(numerator: Qualifier, denominator: Qualifier) -> str:
    """`at least ` where the figures bound a ratio from below (a numerator of "more than $500
    billion", a denominator of "under 3 billion"), `at most ` from above; nothing where they
    state it."""
    low = numerator.from_below or denominator.from_above
    high = numerator.from_above or denominator.from_below
    return "at least " if low and not high else "at most " if high and not low else ""


def points(gap: Fraction) -> str:
    """A difference of two percentages: `1 percentage point`, `5 percentage points`."""
    number = format_number(gap * 100)
    return f"{number} percentage point" + ("" if number in ("1", "-1") else "s")


def gap_of(gap: Fraction, unit: Unit) -> str:
    """A difference in a unit, `2000 people`; one counted thing as the number alone (`1`,
    not `1 cases`: whole counts now differ by one)."""
    if unit.kind == "count" and unit.code and abs(gap) == 1 and unit.factor == 1:
        return format_number(gap)
    return describe(gap, unit)


def dimension(claim: Claim) -> str:
    assert claim.value is not None
    return claim.value.unit.dimension


# Grain is published in bushels, a volume, and in tonnes: a bushel's weight is the crop's (USDA:
# corn 56 lb, wheat and soybeans 60 lb), which no figure gives, so the two are not compared.
BUSHEL_WEIGHT = ("bushels are a volume: checking them against tonnes needs the crop's bushel "
                 "weight (corn 56 lb, wheat and soybeans 60 lb); give both in one unit")
_BUSHELS = LazyPattern(r"\b(?:bu|bushels?)\b", re.IGNORECASE)
# A dimension in bushels (a volume, or one per area: bu/acre) and the mass it would weigh.
_WEIGHED_AS = {"[length] ** 3": "[mass]", "[length]": "[mass] / [length] ** 2"}


def in_bushels(unit: Unit) -> bool:
    """Bushels, or bushels per a unit of area (`bu/acre`), as the unit is written."""
    return (unit.kind == "physical" and unit.dimension in _WEIGHED_AS
            and _BUSHELS.search(unit.code) is not None)


def bushels_and_mass(one: Unit, other: Unit) -> bool:
    """Whether one unit is in bushels and the other the mass it would weigh (`t`, or `t/ha`
    beside `bu/acre`): figures only the crop's bushel weight relates."""
    return any(in_bushels(bushels) and mass.dimension == _WEIGHED_AS[bushels.dimension]
               for bushels, mass in ((one, other), (other, one)))


def rounded(value: Fraction | float | None, digits: int = 6) -> float | None:
    """A JSON-friendly float with `digits` significant digits; None if unbounded or beyond
    float range (JSON has no infinity)."""
    if value is None:
        return None
    try:
        number = to_float(value) if type(value) is Fraction else float(value)
    except OverflowError:
        return None
    return float(f"{number:.{digits}g}") if math.isfinite(number) else None


def described(magnitude: Fraction, unit: Unit) -> str:
    """quantity.describe, safe for the astronomical figures absurd rates compound to."""
    try:
        return describe(magnitude, unit)
    except OverflowError:
        return f"{'-' if magnitude < 0 else ''}over 1e308 {unit.label()}"


# metric, date, preferred dimensions, preferred source, preferred projection flag
_Ranking = tuple[str, PartialDate, frozenset[str], str | None, bool | None]


class FigureFinder:
    """Claims stating a figure of a metric at a date, for many look-ups in near-constant time:
    per metric an index by calendar year, and per (metric, date) the candidates found once."""

    SCAN = 64  # a metric with no more figures than this is scanned, not indexed
    WIDE = 30  # dates spanning more years than this are scanned, not indexed by year

    def __init__(self, claimset: ClaimSet) -> None:
        self.claimset = claimset
        self._years: dict[str, tuple[dict[int, list[Claim]], list[Claim]]] = {}
        self._found: dict[tuple[str, PartialDate], list[Claim]] = {}
        self._dimensions: dict[tuple[str, PartialDate], set[str]] = {}
        self._ranked: dict[_Ranking, list[Claim]] = {}

    def at(self, metric: str, when: PartialDate) -> list[Claim]:
        """Figures of `metric` whose date overlaps `when`, in file order."""
        # get(), not `in` and then [key]: a key is hashed once (a PartialDate's hash is
        # the dataclass's, in Python)
        key = (metric, when)
        found = self._found.get(key)
        if found is None:
            found = self._found[key] = self._search(metric, when)
        return found

    def dimensions(self, metric: str, when: PartialDate) -> set[str]:
        """The units figures of `metric` at `when` come in (a preference, so the claim asking
        is not excluded: a growth claim stating a figure too adds at most its own unit)."""
        key = (metric, when)
        found = self._dimensions.get(key)  # as in at()
        if found is None:
            found = self._dimensions[key] = {dimension(claim) for claim in self.at(metric, when)}
        return found

    def best(self, metric: str, when: PartialDate, prefer: set[str], *exclude: str,
             source: str | None = None, projection: bool | None = None) -> Claim | None:
        """The figure in one of the `prefer` dimensions first; then one from `source` (the
        asking claim's own: editions of a report give one date different figures); then one
        whose `projection` is as asked (a forecast's end is a forecast); then the narrowest
        date; then an original over a conversion that `restates` it (a figure in dollars moves
        with the exchange rate as well as with the metric); then the first in file order
        (sorted() is stable, claims come by location)."""
        key = (metric, when, frozenset(prefer), source, projection)
        ranked = self._ranked.get(key)  # as in at()
        if ranked is None:
            ranked = self._ranked[key] = sorted(self.at(metric, when), key=lambda c: (
                dimension(c) not in prefer, c.source != source,
                projection is not None and c.projection != projection, _days(c),
                c.restates is not None))
        return next((claim for claim in ranked if claim.id not in exclude), None)

    def _search(self, metric: str, when: PartialDate) -> list[Claim]:
        claims = self.claimset.valued(metric)
        if len(claims) > self.SCAN and when.end.year - when.start.year <= self.WIDE:
            if metric not in self._years:
                self._years[metric] = _index(claims, self.WIDE)
            by_year, wide = self._years[metric]
            pool = {c.id: c for year in range(when.start.year, when.end.year + 1)
                    for c in by_year.get(year, [])}
            claims = sorted([*pool.values(), *wide], key=lambda c: c.location)
        return [c for c in claims if (date := c.date) is not None and date.overlaps(when)]


def _index(claims: list[Claim], wide: int) -> tuple[dict[int, list[Claim]], list[Claim]]:
    by_year: dict[int, list[Claim]] = {}
    long_spans: list[Claim] = []
    for claim in claims:
        date = claim.date
        if date is None:
            continue
        first, last = date.start.year, date.end.year
        if last - first > wide:
            long_spans.append(claim)
            continue
        for year in range(first, last + 1):
            by_year.setdefault(year, []).append(claim)
    return by_year, long_spans


def _days(claim: Claim) -> int:
    assert claim.date is not None
    return (claim.date.end - claim.date.start).days


def product(a: Interval, b: Interval) -> Interval:
    """{x * y : x in a, y in b}, unbounded ends allowed, exact.

    The hull of the four corner products with 0 * inf = 0 is the exact image of two closed
    intervals under multiplication, so one formula covers signs and open sides alike.
    """
    if (a.lo is not None and a.hi is not None and b.lo is not None and b.hi is not None
            and a.lo >= 0 and b.lo >= 0):
        # The usual case, two bounded intervals of non-negative figures: the lowest corner
        # is the product of the low ends, the highest of the high ends.
        return Interval(a.lo * b.lo, a.hi * b.hi)
    corners = [_times(x, y) for x in (_lo(a), _hi(a)) for y in (_lo(b), _hi(b))]
    return Interval(_bound(min(corners)), _bound(max(corners)))


HAIR = 1e-9  # a share of the figures' size: floats this close to touching are settled exactly


def overlap_in_floats(low: float, high: float, lo: float, hi: float,
                      size: float) -> bool | None:
    """Whether [low, high] meets [lo, hi], each float standing for an exact end it is far
    closer to than HAIR × size; None where they come within that of touching (or the floats
    overflowed, or are too small to trust), for the exact Fractions to settle."""
    hair = HAIR * size
    # finite and not too small, by comparisons (no call of math.isfinite): a NaN fails both
    if not (1e-280 < hair < INF):
        return None
    if low + hair < hi and lo + hair < high:
        return True
    if low > hi + hair or lo > high + hair:
        return False
    return None


def _lo(interval: Interval) -> Extended:
    return -INF if interval.lo is None else interval.lo


def _hi(interval: Interval) -> Extended:
    return INF if interval.hi is None else interval.hi


def _times(x: Extended, y: Extended) -> Extended:
    if x == 0 or y == 0:
        return Fraction(0)
    if isinstance(x, float) or isinstance(y, float):  # one side infinite
        return INF if (x > 0) == (y > 0) else -INF
    return x * y


def _bound(value: Extended) -> Fraction | None:
    return value if isinstance(value, Fraction) else None
