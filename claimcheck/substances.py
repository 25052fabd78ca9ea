"""What is written beside a unit: the substance it weighs, a commodity, or the unit again.

pint reads `Gt CO2` as gigatonnes times coulomb-oxygen, `kg N/ha` as kilograms times newtons
per hectare, `Mt of copper` as nothing and `barrels per day (mb/d)` as two units multiplied.
Here a mass of a gas (`Gt CO2`, `420 ppm CO2`, `480 gCO2/kWh`) or of carbon or a nutrient
(`9.9 GtC`, `110 kg N/ha`) is a dimension of its own; a commodity after its unit (`5 Mt of
copper`) and a unit restated in brackets are refused, with what to write instead.

parse_unit reads the unit inside each (a mass of CO2 is first a mass) and tries these readings
in its own order, so this module and units.py use each other through the module object, looked
up at the call: either may be imported first.
"""

from __future__ import annotations

import re

from claimcheck import units
from claimcheck.errors import InputError
from claimcheck.ratehints import per_time, rate_hint
from claimcheck.refusals import bracketed_unit_message, commodity_message
from claimcheck.unitwords import ambiguity, rate_parts

# Emissions are masses of a gas, and a tonne of CO2, of CO2-equivalent and of carbon are three
# measures (a tonne of carbon is 3.67 of CO2): the gas is part of the dimension. An intensity
# (`480 gCO2/kWh`) is such a mass per a physical unit.
# s12b: the gases written out as the European Commission writes them (`tonnes of carbon dioxide
# equivalent`, `tonnes of CO2 equivalent`, `Mt of methane`) are the same measures.
_GAS = (r"CO[2₂](?:[\s-]+equivalent|-?e|-?eq)?|CH[4₄]"
        r"|(?i:carbon[\s-]+dioxide(?:[\s-]+equivalent)?|methane)")
_SUBSTANCE = re.compile(rf"(.*?)\s*(?:of\s+)?({_GAS})(?:\s*(?:/|\bper\s+)\s*(\S.*))?")
_SUBSTANCE_NAMES = {"CO2": "CO2", "CO2e": "CO2e", "CO2-e": "CO2e", "CO2eq": "CO2e",
                    "CO2-eq": "CO2e", "CH4": "CH4", "co2 equivalent": "CO2e",
                    "carbon dioxide": "CO2", "carbon dioxide equivalent": "CO2e",
                    "methane": "CH4"}


def _gas_name(gas: str) -> str:
    """`CO₂`, `carbon-dioxide equivalent`: the gas as its dimension names it (CO2, CO2e)."""
    symbol = gas.replace("₂", "2").replace("₄", "4")
    words = re.sub(r"[\s-]+", " ", symbol).lower()
    return _SUBSTANCE_NAMES.get(symbol) or _SUBSTANCE_NAMES[words]


def of_substance(text: str) -> units.Unit | None:
    """A mass of a gas (`Gt CO2`), its share of the air (`420 ppm CO2`), or a mass of it per a
    unit (`480 gCO2/kWh`)."""
    # `tonnes of CO2 a year` as `tonnes of CO2 per year`: a rate, left to the rate hints
    substance = _SUBSTANCE.fullmatch(per_time(text) or text)
    if substance is None:
        return None
    amount, gas, per = substance.groups()
    unit = units.parse_unit(amount) if amount else None
    name = _gas_name(gas)
    if per is not None:
        return _intensity(text, unit, name, per)
    if unit is not None and unit.kind == "physical" and unit.dimension == "[mass]":
        return units.Unit("physical", text, unit.factor, f"[mass] of {name}")
    if unit is not None and unit.dimension == "count" and unit.factor < 1:
        return units.Unit("count", text, unit.factor, f"concentration of {name}")
    raise InputError(f"{text!r}: {gas} follows a unit of mass (t, kt, Mt, Gt, tonnes) or of "
                     "concentration (ppm, ppb)")


def _intensity(text: str, mass: units.Unit | None, gas: str, per: str) -> units.Unit | None:
    """`480 gCO2/kWh`, `95 g CO2/km`: its own dimension, a mass of the gas per a physical
    unit; per year (`Gt CO2/yr`) it is left to the rate hints, as `£1,600 a year` is."""
    try:
        unit: units.Unit | None = units.parse_unit(per)
    except InputError:
        unit = None
    if unit is not None and units.measured(unit.dimension) == "[time]":
        return None
    if (mass is None or mass.kind != "physical" or mass.dimension != "[mass]" or unit is None
            or unit.kind != "physical" or units.measured(unit.dimension) != unit.dimension):
        raise InputError(f"{text!r} is not read: an emissions intensity is a unit of mass, the "
                         f"gas, `/` and a unit pint knows (480 gCO2/kWh, 95 g CO2/km); a rate "
                         "per person or per dollar is the number alone, the rate named in the "
                         f"metric ({gas.lower()}_per_capita)")
    over = unit.dimension if " " not in unit.dimension else f"({unit.dimension})"
    return units.Unit("physical", text, mass.factor / unit.factor, f"[mass] of {gas} / {over}")


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


def of_element(text: str) -> units.Unit | None:
    """A mass of carbon or of a nutrient (`9.9 GtC`, `1.2 Mt N`), or such a mass per a
    physical unit (`110 kg N/ha`); None where no unit of mass comes first."""
    element = _ELEMENT.fullmatch(text)
    if element is None:
        return None
    amount, word, per, inverse = element.groups()
    try:
        unit = units.parse_unit(amount)
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
        return units.Unit("physical", text, unit.factor, f"[mass] of {name}")
    return _element_per(text, unit, name, per)


def _element_per(text: str, mass: units.Unit, name: str, per: str) -> units.Unit:
    """`110 kg N/ha`: a mass of the element per one physical unit; per a time, a person or
    another rate (`Mt N/yr`, `kg N/ha/yr`) refused, as the rate hints say."""
    try:
        unit: units.Unit | None = units.parse_unit(per)
    except InputError:
        unit = None
    if (unit is None or unit.kind != "physical" or len(rate_parts(per)) > 1
            or unit.dimension == "[time]" or units.measured(unit.dimension) != unit.dimension):
        raise InputError(f"{text!r} is not read: a mass of {name} per a unit is a unit of "
                         f"mass, {name}, `/` and one unit pint knows other than a time "
                         "(110 kg N/ha, 2.5 g C/m2)" + rate_hint(text))
    over = unit.dimension if " " not in unit.dimension else f"({unit.dimension})"
    return units.Unit("physical", text, mass.factor / unit.factor, f"[mass] of {name} / {over}")


# Units in brackets and units of a commodity: "barrels per day (mb/d)": pint would multiply the
# two units; "Mt of copper", "ounces of gold": the unit with what it weighs, which the metric
# names.
_BRACKETED = re.compile(r"(\S.*?)\s+\(([^()]+)\)")
# A string, compiled by re on first use: only a refusal needs it.
_OF_COMMODITY = (r"(?P<unit>.+?)\s+of\s+(?P<thing>[^/]+?)"
                 r"(?P<rate>\s*/.*|\s+(?:per|an?|daily)\b.*)?")


def refuse_bracketed(text: str) -> None:
    """`barrels per day (mb/d)`: a unit restated in brackets is refused, never multiplied."""
    if bracketed := _BRACKETED.fullmatch(text):
        outer, inner = bracketed.groups()
        if _reads(outer):
            unbracketed = f"{outer} {inner}"
            raise InputError(bracketed_unit_message(
                text, outer, inner, _reads(inner), unbracketed if _reads(unbracketed) else ""))


def refuse_commodity(text: str) -> None:
    """`5 Mt of copper`, `ounces of gold`, `barrels of oil per day`: the unit alone, the
    commodity in the metric (a mass of CO2 or carbon is read before: the gas is a dimension)."""
    of = re.fullmatch(_OF_COMMODITY, text)
    if of is None or of["thing"].lower().endswith("equivalent"):  # `toe per day`: a unit
        return
    if re.fullmatch(_GAS, of["thing"]):  # `tonnes of CO2 a year`: the gas is no commodity
        return
    unit = of["unit"] + (of["rate"] or "")
    try:
        measure = units.parse_unit(unit)
    except InputError:
        if ambiguous := ambiguity(of["unit"]):
            raise InputError(commodity_message(text, unit, of["thing"], ambiguous)) from None
        return
    if measure.kind == "physical":
        raise InputError(commodity_message(text, unit, of["thing"]))


def _reads(text: str) -> bool:
    try:
        units.parse_unit(text)
    except InputError:
        return False
    return True
