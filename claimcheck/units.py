"""Units of stated figures: currencies, percent, counts and whatever pint understands.

Each currency is its own dimension: turning yuan into dollars needs a dated exchange rate
(see rates.py), never a fixed factor, so currencies never enter pint's conversion graph.
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
from claimcheck.ratehints import rate_hint
from claimcheck.refusals import (
    ambiguous_symbol_message,
    bracketed_unit_message,
    commodity_message,
    count_rate_message,
    figure_word_refusal,
    unknown_sign_message,
    unknown_unit_message,
)
from claimcheck.unitwords import (
    ACRONYM_COUNTS,
    AMBIGUOUS_CASED,
    COUNTED_SINGULARS,
    CRYPTO_TICKERS,
    CRYPTO_WORDS,
    INTERNATIONAL_UNITS,
    PER_MILLE_WORDS,
    PERCENT_WORDS,
    POINT_WORDS,
    WAFER_AREA,
    ambiguity,
    flops,
    meaning,
    per_time,
    pint_barrels,
    rate_parts,
    typed_powers,
    uninflected_people,
    wafer_area,
    work_time,
)

ISO_CURRENCIES = ISO_4217

# Plural nouns counted as they are, before pint can read one as a unit of its own.
COUNT_NOUNS = frozenset(
    {"companies", "firms", "enterprises", "patents", "people", "persons", "houses", "homes",
     "users", "jobs", "workers", "employees", "households", "units", "cases",
     "students", "applications", "startups", "vehicles", "cars", "deaths", "visitors",
     # counted, not weighed: pint's bag is 94 lb of cement, coffee's 60 kg, cocoa's 62.5 kg
     "bags",
     # counted, never pint's angles (a degree is pi/180, a turn 2 pi): degrees conferred,
     # grades, turns, cycles and revolutions of a count
     "degrees", "grades", "turns", "cycles", "revolutions", "graduates", "phds", "alumni"}
)
# Plurals without an s ("300 aircraft", aviation's "40.6m pax"); none is a unit pint knows.
SINGULAR_COUNT_NOUNS = frozenset({"people", "staff", "personnel", "livestock", "children",
                                  "women", "men", "police", "aircraft", "spacecraft", "sheep",
                                  "fish", "deer", "cattle", "offspring", "pax",
                                  # adjectives that count people ("7.4 million unemployed")
                                  "unemployed", "employed", "displaced", "injured", "dead",
                                  "wounded", "homeless", "insured", "uninsured", "vaccinated"})
# One of a counted thing ("1 case", "1 death", "1 person"): the singulars of the nouns above
# and of those health and trial texts count; no other singular word, which may be a typo.
SINGULAR_NOUNS = frozenset(
    {noun[:-3] + "y" if noun.endswith("ies") else noun[:-1]
     for noun in COUNT_NOUNS if noun.endswith("s")}
    | {"person", "child", "woman", "man", "patient", "dose", "trial", "participant", "subject",
       "volunteer", "infection", "hospitalisation", "hospitalization", "admission", "birth",
       "event", "country", "site", "study",
       # aviation and transport texts count one of these as they count the plurals
       # ("1 plane", "1 bus": pint's bus is a bushel)
       "plane", "aeroplane", "airplane", "jet", "airliner", "helicopter", "flight",
       "passenger", "seat", "route", "airport", "airline", "truck", "bus", "ship", "vessel",
       "order", "delivery",
       "head"}  # "5 million head" of cattle
    | COUNTED_SINGULARS)
# Words that make the words after a number a rate ("deaths per million people"), not a count.
_RATE_WORDS = frozenset({"per", "a", "an", "each", "every"})
# Words before the noun may qualify it ("AI-related patents", "\"little giant\" firms"); the
# noun may be a people's name ("Americans"), a product's in camel case ("iPhones") or a plural
# acronym ("TVs", "SUVs", "MPs").
_COUNT_WORDS = re.compile(r"^([\w'\"“”‘’.\-]+ )*[A-Za-z][a-z'\-]*$")
_CAPITALISED_PLURAL = re.compile(r"^(?:[\w'\"“”‘’.\-]+ )*([a-z]+[A-Z][A-Za-z]*|[A-Z]{2,})s$")


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
    if work_time(stripped):  # why: unitwords.py, at _WORK_TIME
        return count(stripped)
    if _counted(stripped, SINGULAR_NOUNS):
        return count(stripped)
    speed = flops(stripped)
    if speed is not None:
        return Unit("count", stripped, Fraction(speed), "flops")
    if special := _counted_apart(stripped):
        return special
    substance = _of_substance(stripped)
    if substance is not None:
        return substance
    element = _of_element(stripped)
    if element is not None:
        return element
    ambiguous = ambiguity(stripped)
    if ambiguous:
        raise InputError(f"unit {stripped!r} is ambiguous: write {ambiguous}")
    if per_time_of_count := _count_per_time(stripped):
        raise InputError(count_rate_message(stripped, *per_time_of_count))
    _refuse_bracketed(stripped)
    physical = _meant_unit(stripped)
    if physical is not None:
        return physical
    _refuse_commodity(stripped)
    if lowered.split()[-1] in CURRENCY_WORDS:
        raise InputError(f"{stripped!r} names a currency claimcheck does not know by that name: "
                         "write its ISO 4217 code (SGD, BRL, EGP, ...)")
    if ((stripped.endswith("s") and _counted(stripped)) or _counted(stripped, SINGULAR_COUNT_NOUNS)
            or (_counted(stripped) and uninflected_people(stripped.split()[-1]))):
        return count(stripped)
    if capitalised := _CAPITALISED_PLURAL.match(stripped):
        return _capitalised_count(stripped, capitalised.group(1))
    if stripped in ISO_4217_OTHERS:  # "5 XAU": gold, as ISO 4217 codes it, is no currency
        raise InputError(f"{stripped!r} is not a currency code claimcheck knows (ISO 4217)")
    if re.fullmatch(r"[A-Z]{3}", stripped):  # "5 LMT": more likely a unit than a currency
        raise InputError(unknown_unit_message(stripped) + "; nor is it an ISO 4217 currency code")
    if len(stripped) == 1 and unicodedata.category(stripped) == "Sc":
        # the sign alone; after a sign, `€/month` is a rate, told so by the unknown-unit hints
        raise InputError(unknown_sign_message(stripped))
    raise InputError(unknown_unit_message(stripped))


# --- Units in brackets and units of a commodity (red-team round s12) ------------------------
# "barrels per day (mb/d)": pint would multiply the two units; "Mt of copper", "ounces of
# gold": the unit with what it weighs, which the metric names.
_BRACKETED = re.compile(r"(\S.*?)\s+\(([^()]+)\)")
_OF_COMMODITY = re.compile(r"(?P<unit>.+?)\s+of\s+(?P<thing>[^/]+?)"
                           r"(?P<rate>\s*/.*|\s+(?:per|an?|daily)\b.*)?")


def _refuse_bracketed(text: str) -> None:
    """`barrels per day (mb/d)`: a unit restated in brackets is refused, never multiplied."""
    if bracketed := _BRACKETED.fullmatch(text):
        outer, inner = bracketed.groups()
        if _reads(outer):
            unbracketed = f"{outer} {inner}"
            raise InputError(bracketed_unit_message(
                text, outer, inner, _reads(inner), unbracketed if _reads(unbracketed) else ""))


def _refuse_commodity(text: str) -> None:
    """`5 Mt of copper`, `ounces of gold`, `barrels of oil per day`: the unit alone, the
    commodity in the metric (a mass of CO2 or carbon is read before: the gas is a dimension)."""
    of = _OF_COMMODITY.fullmatch(text)
    if of is None or of["thing"].lower().endswith("equivalent"):  # `toe per day`: a unit
        return
    unit = of["unit"] + (of["rate"] or "")
    try:
        measure = parse_unit(unit)
    except InputError:
        if ambiguous := ambiguity(of["unit"]):
            raise InputError(commodity_message(text, unit, of["thing"], ambiguous)) from None
        return
    if measure.kind == "physical":
        raise InputError(commodity_message(text, unit, of["thing"]))


def _reads(text: str) -> bool:
    try:
        parse_unit(text)
    except InputError:
        return False
    return True
# --- end of the s12 brackets and commodities ------------------------------------------------


def _counted_apart(text: str) -> Unit | None:
    """Counts that are a dimension of their own: wafers by their size's area (`12-inch
    equivalent wafers`), international units of a substance (`IU`)."""
    if text in INTERNATIONAL_UNITS:
        return Unit("count", text, Fraction(INTERNATIONAL_UNITS[text]), "international units")
    area = wafer_area(text)
    return None if area is None else Unit("count", text, area, WAFER_AREA)


def _counted(text: str, nouns: frozenset[str] | None = None) -> bool:
    """Whether `text` is a counted noun, of `nouns` if given, qualified by words before it
    ("severe cases", "AI-related patents"), but no rate ("deaths per million people")."""
    words = text.split()
    return (bool(_COUNT_WORDS.match(text)) and (nouns is None or words[-1].lower() in nouns)
            and not _RATE_WORDS & {word.lower() for word in words[:-1]})


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
    return unit.dimension == "count" and unit.factor == 1 and (
        text in ACRONYM_COUNTS or text.lower() in COUNT_NOUNS
        or _counted(text, SINGULAR_NOUNS | SINGULAR_COUNT_NOUNS)
        or (text.endswith("s") and _counted(text)))


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


# Emissions are masses of a gas, and a tonne of CO2, of CO2-equivalent and of carbon are three
# measures (a tonne of carbon is 3.67 of CO2): the gas is part of the dimension. An intensity
# (`480 gCO2/kWh`) is such a mass per a physical unit.
_SUBSTANCE = re.compile(r"(.*?)\s*(?:of\s+)?(CO[2₂](?:-?e|-?eq)?|CH[4₄])"
                        r"(?:\s*(?:/|\bper\s+)\s*(\S.*))?")
_SUBSTANCE_NAMES = {"CO2": "CO2", "CO2e": "CO2e", "CO2-e": "CO2e", "CO2eq": "CO2e",
                    "CO2-eq": "CO2e", "CH4": "CH4"}


def _of_substance(text: str) -> Unit | None:
    """A mass of a gas (`Gt CO2`), its share of the air (`420 ppm CO2`), or a mass of it per a
    unit (`480 gCO2/kWh`)."""
    substance = _SUBSTANCE.fullmatch(text)
    if substance is None:
        return None
    amount, gas, per = substance.groups()
    unit = parse_unit(amount) if amount else None
    name = _SUBSTANCE_NAMES[gas.replace("₂", "2").replace("₄", "4")]
    if per is not None:
        return _intensity(text, unit, name, per)
    if unit is not None and unit.kind == "physical" and unit.dimension == "[mass]":
        return Unit("physical", text, unit.factor, f"[mass] of {name}")
    if unit is not None and unit.dimension == "count" and unit.factor < 1:
        return Unit("count", text, unit.factor, f"concentration of {name}")
    raise InputError(f"{text!r}: {gas} follows a unit of mass (t, kt, Mt, Gt, tonnes) or of "
                     "concentration (ppm, ppb)")


def _intensity(text: str, mass: Unit | None, gas: str, per: str) -> Unit | None:
    """`480 gCO2/kWh`, `95 g CO2/km`: its own dimension, a mass of the gas per a physical
    unit; per year (`Gt CO2/yr`) it is left to the rate hints, as `£1,600 a year` is."""
    try:
        unit: Unit | None = parse_unit(per)
    except InputError:
        unit = None
    if unit is not None and measured(unit.dimension) == "[time]":
        return None
    if (mass is None or mass.kind != "physical" or mass.dimension != "[mass]" or unit is None
            or unit.kind != "physical" or measured(unit.dimension) != unit.dimension):
        raise InputError(f"{text!r} is not read: an emissions intensity is a unit of mass, the "
                         f"gas, `/` and a unit pint knows (480 gCO2/kWh, 95 g CO2/km); a rate "
                         "per person or per dollar is the number alone, the rate named in the "
                         f"metric ({gas.lower()}_per_capita)")
    over = unit.dimension if " " not in unit.dimension else f"({unit.dimension})"
    return Unit("physical", text, mass.factor / unit.factor, f"[mass] of {gas} / {over}")


# "9.9 GtC", "10.1 Pg C", "Gt of carbon": a mass of carbon (the Global Carbon Project's
# unit); "110 kg N/ha", "1.2 Mt N", "Mt P2O5", "Mt of potash": a mass of a nutrient, as
# fertiliser statistics (FAO, IFA) weigh them. Only after a unit of mass: `5 kC` stays a
# kilocoulomb, `5 N` and `5 kN` forces; never pint's newton, poise or kelvin after a mass. A
# tonne of N, of P and of P2O5 (44% P) are three measures: each element is its own dimension,
# and phosphate and potash, which may be the oxide or the product, are kept apart from both.
_ELEMENT_NAMES = {"C": "C", "carbon": "C", "N": "N", "nitrogen": "N", "P": "P",
                  "phosphorus": "P", "K": "K", "potassium": "K", "P2O5": "P2O5", "K2O": "K2O",
                  "phosphate": "phosphate", "potash": "potash"}
_ELEMENT = re.compile(r"(.+?)\s*(?:of\s+)?(C|N|P|K|P[2₂]O[5₅]|K[2₂]O|[Cc]arbon|[Nn]itrogen"
                      r"|[Pp]hosphorus|[Pp]otassium|[Pp]hosphate|[Pp]otash)"
                      r"(?:\s*(?:/|\bper\s+)\s*(\S.*)|\s+(\S+?)(?:-1|⁻¹))?")


def _of_element(text: str) -> Unit | None:
    """A mass of carbon or of a nutrient (`9.9 GtC`, `1.2 Mt N`), or such a mass per a
    physical unit (`110 kg N/ha`); None where no unit of mass comes first."""
    element = _ELEMENT.fullmatch(text)
    if element is None:
        return None
    amount, word, per, inverse = element.groups()
    try:
        unit = parse_unit(amount)
    except InputError:
        if ambiguity(amount):  # "tons of carbon": which tons?
            raise
        return None
    if unit.kind != "physical" or unit.dimension != "[mass]":
        return None
    symbol = word.replace("₂", "2").replace("₅", "5")
    name = _ELEMENT_NAMES.get(symbol) or _ELEMENT_NAMES[symbol.lower()]
    if inverse is not None:  # "kg N ha-1", as agronomy papers write it
        raise InputError(f"{text!r}: write the rate with `/`: {amount} {symbol}/{inverse}")
    if per is None:
        return Unit("physical", text, unit.factor, f"[mass] of {name}")
    return _element_per(text, unit, name, per)


def _element_per(text: str, mass: Unit, name: str, per: str) -> Unit:
    """`110 kg N/ha`: a mass of the element per one physical unit; per a time, a person or
    another rate (`Mt N/yr`, `kg N/ha/yr`) refused, as the rate hints say."""
    try:
        unit: Unit | None = parse_unit(per)
    except InputError:
        unit = None
    if (unit is None or unit.kind != "physical" or len(rate_parts(per)) > 1
            or unit.dimension == "[time]" or measured(unit.dimension) != unit.dimension):
        raise InputError(f"{text!r} is not read: a mass of {name} per a unit is a unit of "
                         f"mass, {name}, `/` and one unit pint knows other than a time "
                         "(110 kg N/ha, 2.5 g C/m2)" + rate_hint(text))
    over = unit.dimension if " " not in unit.dimension else f"({unit.dimension})"
    return Unit("physical", text, mass.factor / unit.factor, f"[mass] of {name} / {over}")


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
    # (unitwords.oil_barrels says why)
    registry.define("barrel_of_oil_equivalent = [oil_equivalent] = boe")
    return registry
