"""Units of stated figures: currencies, percent, counts and whatever pint understands.

Each currency is its own dimension: turning yuan into dollars needs a dated exchange rate
(see rates.py), never a fixed factor, so currencies never enter pint's conversion graph.

parse_unit tries its readings in one fixed order, which decides results. What it reads is
kept by subject: unit words pint misreads (unitwords.py, oilunits.py), count words
(countwords.py), and what is written beside a unit (substances.py).
"""

from __future__ import annotations

import dataclasses
import functools
import json
import math
import re
import unicodedata
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import Any

from claimcheck import substances
from claimcheck.countwords import (
    ACRONYM_COUNTS,
    CAPITALISED_PLURAL,
    CONTAINER_CAPACITY,
    COUNT_NOUNS,
    CRYPTO_TICKERS,
    CRYPTO_WORDS,
    INTERNATIONAL_UNITS,
    SINGULAR_COUNT_NOUNS,
    SINGULAR_NOUNS,
    WAFER_AREA,
    container_teu,
    counted,
    uninflected_people,
    wafer_area,
    work_time,
)
from claimcheck.currencywords import (
    AMBIGUOUS_NAMES,
    AMBIGUOUS_SYMBOLS,
    CODE_ALIASES,
    COUNTRY_CURRENCIES,
    CURRENCY_NAMES,
    CURRENCY_WORDS,
    ISO_4217,
    ISO_4217_OTHERS,
    LETTER_SIGNS,
    SIGNS_AFTER,
)
from claimcheck.errors import InputError
from claimcheck.oilunits import pint_barrels
from claimcheck.ratehints import per_time
from claimcheck.refusals import (
    ambiguous_symbol_message,
    count_rate_message,
    figure_word_refusal,
    unit_spelling_refusal,
    unknown_sign_message,
    unknown_unit_message,
)
from claimcheck.unitwords import (
    AMBIGUOUS_CASED,
    PER_MILLE_WORDS,
    PERCENT_WORDS,
    POINT_WORDS,
    ambiguity,
    flops,
    meaning,
    rate_parts,
    transport_measure,
    typed_powers,
)

ISO_CURRENCIES = ISO_4217


@dataclass(frozen=True)
class Unit:
    """What a figure is counted in; `dimension` decides which figures can be compared."""

    kind: str  # currency | percent | count | physical
    code: str  # CNY, %, the count noun, or pint's base units
    factor: Fraction  # one stated unit in canonical units (percent: 1/100)
    dimension: str

    @property
    def is_currency(self) -> bool:
        return self.kind == "currency"

    def label(self) -> str:
        """How the canonical magnitude is named in messages."""
        if self.kind == "percent":
            return "%"
        return self.code


@functools.cache
def currency(code: str) -> Unit:
    return Unit("currency", code, Fraction(1), f"currency {code}")


PERCENT = Unit("percent", "%", Fraction(1, 100), "percent")
PER_MILLE = Unit("percent", "‰", Fraction(1, 1000), "percent")  # 5.2‰ is 0.52%


def count(noun: str) -> Unit:
    return Unit("count", noun, Fraction(1), "count")


@functools.lru_cache(maxsize=4096)
def parse_unit(text: str) -> Unit:
    """The unit after a number: a currency code or name, %, a count noun, or a pint unit."""
    stripped = text.strip()
    lowered = stripped.lower()
    if not stripped:
        return count("")
    if stripped in CRYPTO_TICKERS or lowered in CRYPTO_WORDS:  # before `SOL` reads as a sol
        return count(stripped)
    money = _currency(stripped, lowered)
    if money is not None:
        return money
    # before the counts: `twenty-foot equivalent unit` would be one unit, a count (s12b)
    if special := _counted_apart(stripped):
        return special
    if stripped in ACRONYM_COUNTS:
        return count(stripped)
    refusal = figure_word_refusal(stripped)
    if refusal:
        raise InputError(refusal)
    # "a 25-basis-point hike", "a 25-percent stake": a hyphen makes the figure an adjective
    # (pint reads `-bp` as big points, `-percent` as a count)
    word = stripped[1:] if stripped[:1] == "-" else stripped
    if word.lower() in PERCENT_WORDS:
        return PERCENT
    if lowered in PER_MILLE_WORDS:
        return PER_MILLE
    if word.lower() in POINT_WORDS and word not in AMBIGUOUS_CASED:  # `Bps`: bytes a second?
        return Unit("count", word, POINT_WORDS[word.lower()], "percentage points")
    if lowered in COUNT_NOUNS:
        return count(lowered)
    if work_time(stripped):  # why: countwords.py, at _WORK_TIME
        return count(stripped)
    if counted(stripped, SINGULAR_NOUNS):
        return count(stripped)
    speed = flops(stripped)
    if speed is not None:
        return Unit("count", stripped, Fraction(speed), "flops")
    if transport := transport_measure(stripped):  # `lane-miles`: never a count of miles
        return Unit("physical", stripped, *transport)
    substance = substances.of_substance(stripped)
    if substance is not None:
        return substance
    element = substances.of_element(stripped)
    if element is not None:
        return element
    ambiguous = ambiguity(stripped)
    if ambiguous:
        raise InputError(f"unit {stripped!r} is ambiguous: write {ambiguous}")
    if per_time_of_count := _count_per_time(stripped):
        raise InputError(count_rate_message(stripped, *per_time_of_count))
    substances.refuse_bracketed(stripped)
    physical = _meant_unit(stripped)
    if physical is not None:
        return physical
    substances.refuse_commodity(stripped)
    if lowered.split()[-1] in CURRENCY_WORDS:
        raise InputError(f"{stripped!r} names a currency claimcheck does not know by that name: "
                         "write its ISO 4217 code (SGD, BRL, EGP, ...)")
    if spelling := unit_spelling_refusal(stripped):  # `hectars`: no count of hectars
        raise InputError(spelling)
    if ((stripped.endswith("s") and counted(stripped)) or counted(stripped, SINGULAR_COUNT_NOUNS)
            or _people(stripped)):
        return count(stripped)
    if capitalised := re.match(CAPITALISED_PLURAL, stripped):
        return _capitalised_count(stripped, capitalised.group(1))
    if stripped in ISO_4217_OTHERS:  # "5 XAU": gold, as ISO 4217 codes it, is no currency
        raise InputError(f"{stripped!r} is not a currency code claimcheck knows (ISO 4217)")
    if re.fullmatch(r"[A-Z]{3}", stripped):  # "5 LMT": more likely a unit than a currency
        raise InputError(unknown_unit_message(stripped) + "; nor is it an ISO 4217 currency code")
    if len(stripped) == 1 and unicodedata.category(stripped) == "Sc":
        # the sign alone; after a sign, `€/month` is a rate, told so by the unknown-unit hints
        raise InputError(unknown_sign_message(stripped))
    raise InputError(unknown_unit_message(stripped))


def _people(text: str) -> bool:
    """`1 million Rohingya`, `2 million South Sudanese`: a people word, alone or after words
    that are no unit (`5 GW affected`, `5 billion USD affected` count no people)."""
    words = text.split()
    return (counted(text) and uninflected_people(words[-1])
            and not any(_a_unit(word) for word in words[:-1]))


def _a_unit(word: str) -> bool:
    """Whether `word` is a currency or a unit (`USD`, `hectares`, `tons`), not a noun."""
    if ambiguity(word):
        return True
    try:
        unit = parse_unit(word)
    except InputError:
        return False
    return unit.kind != "count" or unit.factor != 1 or unit.dimension != "count"


def _counted_apart(text: str) -> Unit | None:
    """Counts that are a dimension of their own: wafers by their size's area (`12-inch
    equivalent wafers`), international units of a substance (`IU`), container capacity
    (`TEU`, `FEU`: two TEU)."""
    if teu := container_teu(text):
        return Unit("count", text, Fraction(teu), CONTAINER_CAPACITY)
    if text in INTERNATIONAL_UNITS:
        return Unit("count", text, Fraction(INTERNATIONAL_UNITS[text]), "international units")
    area = wafer_area(text)
    return None if area is None else Unit("count", text, area, WAFER_AREA)


def _count_per_time(text: str) -> tuple[str, str] | None:
    """(noun, time) of `units per year`, `vehicles a year`, `cars p.a.`: counted things per a
    time, which pint reads as a frequency (`units` as a luminosity); never a value."""
    parts = rate_parts(text)
    if len(parts) != 2 or not _counted_noun(parts[0]):
        return None
    noun, per = parts
    if per.lower() in ("quarter", "qtr"):  # pint's quarter is a weight
        return noun, per
    try:
        unit = parse_unit(per)
    except InputError:
        return None
    return (noun, per) if unit.dimension == "[time]" else None


def _counted_noun(text: str) -> bool:
    """A noun parse_unit counts (`units`, `EVs`, `jets`), not a unit pint counts (`rad`,
    `ppm`) nor the plural of a unit (`barrels`)."""
    try:
        unit = parse_unit(text)
    except InputError:
        return False
    if unit.dimension == CONTAINER_CAPACITY:  # `TEU a year`, as `units a year`
        return True
    return unit.dimension == "count" and unit.factor == 1 and (
        text in ACRONYM_COUNTS or text.lower() in COUNT_NOUNS
        or counted(text, SINGULAR_NOUNS | SINGULAR_COUNT_NOUNS)
        or (text.endswith("s") and counted(text)))


# Units whose symbols a plural s may follow ("5,000 MWs", "GBs"): the unit, not a count.
_MEASURES = frozenset({"[information]", "[mass]", "[length]", "[length] ** 2", "[length] ** 3",
                       "[length] ** 2 * [mass] / [time] ** 2",
                       "[length] ** 2 * [mass] / [time] ** 3"})


def _capitalised_count(noun: str, singular: str) -> Unit:
    """`iPhones`, `TVs`, `MPs`: counted, unless the singular is a currency or a common unit."""
    ambiguous = ambiguity(singular)
    if ambiguous:
        raise InputError(f"unit {noun!r} is ambiguous: write {ambiguous}")
    try:
        unit = parse_unit(singular)
    except InputError:
        return count(noun)
    if unit.is_currency or measured(unit.dimension) in _MEASURES:
        raise InputError(f"{noun!r} is the plural of the unit {singular!r}: write {singular}")
    return count(noun)


def _currency(stripped: str, lowered: str) -> Unit | None:
    """The currency a code, sign or name after the number names; refused where it names
    several (`pesos`, `¥`)."""
    if stripped in ISO_CURRENCIES:
        return currency(stripped)
    code = (CODE_ALIASES.get(stripped) or SIGNS_AFTER.get(stripped) or LETTER_SIGNS.get(stripped)
            or CURRENCY_NAMES.get(lowered) or COUNTRY_CURRENCIES.get(lowered))
    if code:
        return currency(code)
    if lowered in AMBIGUOUS_NAMES:
        raise InputError(f"{stripped!r} names no one currency: write its ISO code "
                         f"({AMBIGUOUS_NAMES[lowered]})")
    if stripped in AMBIGUOUS_SYMBOLS:
        raise InputError(ambiguous_symbol_message(stripped, "..."))
    return None


def _meant_unit(text: str) -> Unit | None:
    """The unit as claim files mean it (unitwords.py), else as pint reads it; `a year` as
    `per year`, and hyphens as spaces where pint reads only that (`kilowatt-hours`)."""
    typed = typed_powers(text)  # "km2": km²
    times, meant = meaning(text) or (1, pint_barrels(per_time(typed) or typed))
    unit = _physical_unit(meant)
    if unit is None and "-" in meant:
        unit = _physical_unit(meant.replace("-", " "))
    if unit is None or (meant == text and unit.code == text):
        return unit
    return dataclasses.replace(unit, code=text, factor=unit.factor * times)


KNOWN_UNITS = Path(__file__).parent / "data" / "units.json"


def _physical_unit(text: str) -> Unit | None:
    known = _known_units().get(text)
    if known is not None:
        factor, dimension = known
        return Unit("physical", text, Fraction(factor), dimension)
    return physical_unit_from_pint(text)


@functools.cache
def _known_units() -> dict[str, tuple[str, str]]:
    """The units claim files use most, as pint reads them (tests/test_units_table.py checks
    every entry against pint): they need no pint import, 0.2 s of every run."""
    table: dict[str, list[str]] = json.loads(KNOWN_UNITS.read_text(encoding="utf-8"))
    return {text: (factor, dimension) for text, (factor, dimension) in table.items()}


def physical_unit_from_pint(text: str) -> Unit | None:
    registry = _registry()
    try:
        unit = registry.parse_units(text)
        base = registry.Quantity(1, unit).to_base_units()
        # One degree apart: for most units the unit itself; for °C and °F, whose zero is
        # not the kelvin's, the size of one degree (°F: 5/9 K), not 1 °F read as 255.9 K.
        step = (registry.Quantity(2, unit) - registry.Quantity(1, unit)).to_base_units()
        root = registry.Quantity(1, registry.get_root_units(unit)[1])
        bits = dict(root.unit_items()).get("bit")
    except Exception:  # pint raises several types (UndefinedUnitError, TokenError, ...)
        return None
    magnitude = float(step.magnitude)
    if not math.isfinite(magnitude) or not magnitude:
        return None
    factor = _exact_factor(magnitude)
    dimensionality = dict(base.dimensionality)
    # pint counts bits as it counts radians, without a dimension: 2.2 GB would be a count of
    # 1.76e10, one with 2.2 million subscribers, and Mbps one with MHz. Data is information.
    if bits:
        dimensionality["[information]"] = bits
    if not dimensionality:
        return Unit("count", text, factor, "count")
    dimension = dimension_text(dimensionality)
    if float(base.magnitude) != magnitude:
        dimension += SCALE.format(f"{unit:~P}")
    return Unit("physical", text, factor, dimension)


# 30 °C and 86 °F are one temperature, while a warming of 1.5 °C is one of 2.7 °F: a figure
# on a scale with its own zero may be a level or a change, and which is not written. Such
# figures compare only on one scale: each scale is a dimension of its own.
ON_A_SCALE = " on the "
SCALE = ON_A_SCALE + "{} scale"


def measured(dimension: str) -> str:
    """The dimension, without the scale a figure was read on: `[temperature]`."""
    return dimension.partition(ON_A_SCALE)[0]


def _exact_factor(magnitude: float) -> Fraction:
    """pint's float factor as the number it stands for: its 15 significant digits (a litre
    is 0.0010000000000000002 m³ in floats, 1/1000 here, so 1,000 L and 1 m³ are one figure),
    or the simple fraction those digits round (km/h is 5/18 m/s)."""
    digits = Fraction(f"{magnitude:.15g}")
    simple = digits.limit_denominator(10**4)
    return simple if abs(simple - digits) <= abs(digits) * Fraction(1, 10**14) else digits


def dimension_text(dimensionality: dict[str, float]) -> str:
    """`[length] ** 2 * [mass] / [time] ** 3`: pint's dimensions in one order, sorted. pint's
    own text orders them by the first unit of that dimension a run met, so `kW` and `hp`
    would read as two dimensions."""
    def term(name: str, power: float) -> str:
        power = abs(power)
        return name if power == 1 else f"{name} ** {power:g}"

    items = sorted(dimensionality.items())
    above = " * ".join(term(name, power) for name, power in items if power > 0) or "1"
    return above + "".join(f" / {term(name, power)}" for name, power in items if power < 0)


@functools.cache
def _registry() -> Any:
    # Built on first use: pint's registry costs ~0.4 s and most claim files never need it.
    import pint

    registry: Any
    try:
        # pint's own cache (in the user's cache folder) cuts 0.4 s to 0.04 s a run.
        registry = pint.UnitRegistry(cache_folder=":auto:")
    except OSError:
        registry = pint.UnitRegistry()
    # s12: a barrel of oil equivalent is a dimension of its own, never barrels or joules
    # (oilunits.oil_barrels says why)
    registry.define("barrel_of_oil_equivalent = [oil_equivalent] = boe")
    # s12b: a ship's gross tonnage (GT) is an index of its volume, not a mass, and compensated
    # gross tonnage (CGT) weighs it by ship type: each a measure of its own (unitwords.py reads
    # the words; no symbol here, where pint's GT is a gigatesla)
    registry.define("gross_tonnage = [gross_tonnage]")
    registry.define("compensated_gross_tonnage = [compensated_gross_tonnage]")
    return registry
