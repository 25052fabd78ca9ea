"""Unit words as claim files mean them, where pint reads them otherwise or cannot read them.

pint knows physics: `kt` is a knot, `mb` a millibarn, `pc` a parsec, a `calorie` the small
one, a `barrel` 31.5 gallons, `C` a coulomb. In published figures those are kilotonnes,
million barrels, per cent, kilocalories, 42-gallon oil barrels and degrees Celsius. Words
with two common meanings (`tons`, `pounds`, `gallons`) are refused with both, never guessed.
Words match in any case; symbols (`SYMBOLS`, `AMBIGUOUS_CASED`) only in their own: `mb` is
million barrels, `MB` a megabyte.
"""

from __future__ import annotations

import re
from fractions import Fraction

from claimcheck.ratehints import EVERY

# pc: the Indian press; "per cent." with the full stop that ends a British sentence
PERCENT_WORDS = frozenset({"%", "percent", "per cent", "pct", "pct.", "pc", "per cent.",
                           "percent."})
PER_MILLE_WORDS = frozenset({"‰", "per mille", "per mil", "per thousand"})

# A rise from 5% to 7% is 2 percentage points (a 40% rise); a basis point is a hundredth of
# one. Points measure differences of percentages: a dimension of their own, counted like
# percent (a point is 1/100). pint would read `pp` as a length and `bps` as a rate.
POINT_WORDS = {**dict.fromkeys(["pp", "percentage point", "percentage points",
                                "percentage-point", "percentage-points", "%pts", "% pts",
                                "%pt", "% pt", "% points", "% point", "pct pts", "pct pt",
                                "pct points", "percentage pts", "percent points",
                                "percent point", "per cent points", "per cent point",
                                # CAPA's "+4.7ppts", Eurostat's "p.p."; pint reads `ppts` as
                                # pico-pints, `%-points` as a length, `pc pts` as length^4
                                "ppts", "%-points", "%-point", "%-pts", "%-pt", "pc pts",
                                "pc pt", "pc points", "pc point", "pct. pts", "pct. points",
                                "p.p.", "p.p", "pp."],
                               Fraction(1, 100)),
               # "25 b.p.", "a 25-basis-point hike"; "25 bp." ends a sentence (pint: big points)
               **dict.fromkeys(["bp", "bps", "basis point", "basis points", "bp.", "bps.",
                                "b.p.", "b.p", "basis-point", "basis-points"],
                               Fraction(1, 10**4))}

_PER_DAY = "oil_barrel / day"
_CUBIC_FEET, _PER_DAY_FEET = "cubic_foot", "cubic_foot / day"
_TCE = 29_307_600_000  # a tonne of coal equivalent: 29.3076 GJ (7,000 kcal per kg)
# word -> (how many, of what pint unit); words in any case (`Metric Tons`, `Barrels`)
MEANINGS: dict[str, tuple[Fraction | int, str]] = {
    "metric ton": (1, "tonne"), "metric tons": (1, "tonne"),
    "metric tonne": (1, "tonne"), "metric tonnes": (1, "tonne"),
    "short ton": (1, "short_ton"), "short tons": (1, "short_ton"),
    "long ton": (1, "long_ton"), "long tons": (1, "long_ton"),
    "barrel": (1, "oil_barrel"), "barrels": (1, "oil_barrel"),
    "barrels per day": (1, _PER_DAY), "barrels a day": (1, _PER_DAY),
    "calorie": (1, "kilocalorie"), "calories": (1, "kilocalorie"), "kcal": (1, "kilocalorie"),
    "us gallon": (1, "gallon"), "us gallons": (1, "gallon"),
    "imperial gallon": (1, "imperial_gallon"), "imperial gallons": (1, "imperial_gallon"),
    "light-year": (1, "light_year"), "light-years": (1, "light_year"),
    "light year": (1, "light_year"), "light years": (1, "light_year"),
    "parts per million": (1, "ppm"), "ppb": (Fraction(1, 1000), "ppm"),
    "parts per billion": (Fraction(1, 1000), "ppm"),
    "parts per trillion": (Fraction(1, 10**6), "ppm"),
    **dict.fromkeys(["tonne of oil equivalent", "tonnes of oil equivalent"], (1, "toe")),
    **dict.fromkeys(["tonne of coal equivalent", "tonnes of coal equivalent"], (_TCE, "joule")),
    # gold and silver are weighed in troy ounces (31.1035 g), not pint's ounce (28.3495 g)
    **dict.fromkeys(["troy ounce", "troy ounces", "troy oz", "oz t", "ounce troy",
                     "ounces troy"], (1, "troy_ounce")),
    **dict.fromkeys(["avoirdupois ounce", "avoirdupois ounces", "avoirdupois oz", "oz av"],
                    (1, "avoirdupois_ounce")),
    **dict.fromkeys(["us fluid ounce", "us fluid ounces", "us fl oz"], (1, "fluid_ounce")),
    **dict.fromkeys(["imperial fluid ounce", "imperial fluid ounces", "imperial fl oz"],
                    (1, "imperial_fluid_ounce")),
    # India's unit for crops and their support prices; pint knows none
    **dict.fromkeys(["quintal", "quintals"], (100, "kilogram")),
    # and for yields: "35.59 quintals per hectare", "35.59 q/ha" (3,559 kg/ha)
    **dict.fromkeys([f"{quintals}{per}{hectare}"
                     for quintals in ("quintal", "quintals", "q", "qtl", "qtls")
                     for per in (" per ", "/", " / ", " a ")
                     for hectare in ("hectare", "ha")], (100, "kilogram / hectare")),
}
# --- Oil, gas and mining symbols (red-team round s12) ---------------------------------------
_TONNES_A_DAY = "tonne / day"
# Standard cubic feet of natural gas are volumes, scaled as Mcf is (M a thousand, MM a million,
# B a billion, T a trillion): `MMscfd`, `bscf`, `Tscf`.
_SCF_SCALES = {"": 1, "M": 10**3, "MM": 10**6, "mm": 10**6, "B": 10**9, "b": 10**9,
               "T": 10**12}
OIL_GAS_MINING_SYMBOLS: dict[str, tuple[Fraction | int, str]] = {
    # the lower-case mtoe the industry writes is Mtoe (pint: a millitonne of oil equivalent)
    **dict.fromkeys(["mtoe", "MTOE"], (10**6, "toe")),
    **dict.fromkeys(["mtce", "MTCE"], (10**6 * _TCE, "joule")),
    # plurals of mining's troy ounces, and MM as a million (pint: avoirdupois, or unknown)
    **dict.fromkeys(["Mozs", "mozs", "MMoz", "MMozs", "mmoz"], (10**6, "troy_ounce")),
    **dict.fromkeys(["kozs", "Kozs"], (10**3, "troy_ounce")),
    "MMt": (10**6, "tonne"),
    # a mill's or a mine's tonnes a day
    **dict.fromkeys(["tpd", "TPD"], (1, _TONNES_A_DAY)),
    **dict.fromkeys(["ktpd", "KTPD", "Ktpd"], (10**3, _TONNES_A_DAY)),
    # Iron ore's dry and wet metric tonnes are masses, the same ore weighed without or with its
    # water (some 8% apart): read as tonnes, the basis is the metric's to name (ore.dry_tonnes)
    **dict.fromkeys(["dmt", "DMT", "wmt", "WMT"], (1, "tonne")),
    "TCF": (10**12, _CUBIC_FEET), "BCF": (10**9, _CUBIC_FEET), "MMCF": (10**6, _CUBIC_FEET),
    **{f"{scale}{scf}{per}": (times, _PER_DAY_FEET if per else _CUBIC_FEET)
       for scale, times in _SCF_SCALES.items() for scf in ("scf", "SCF")
       for per in ("", "d", "D", "/d")},
}
# m before bbl or boe is read by pint as milli-; M is a thousand in US oil usage, a million
# elsewhere: both refused, as Mbbl is
_LOWER_M = "(m and M are a thousand in US oil and gas usage, a million elsewhere; pint: milli-)"
OIL_AMBIGUOUS_CASED = {
    **{symbol: f"thousand {unit} or million {unit} {_LOWER_M}"
       for symbol, unit in {"mbbl": "bbl", "mbbls": "bbl", "mboe": "boe", "Mboe": "boe",
                            "MBOE": "boe", "mboepd": "boe/d", "Mboepd": "boe/d",
                            "MBOEPD": "boe/d", "Mbopd": "b/d", "MBOPD": "b/d"}.items()},
}
# --- end of the s12 oil, gas and mining symbols --------------------------------------------

# Symbols mean what they mean in their own case only: `mb` is the IEA's million barrels,
# `MB` a megabyte; `kt` a kilotonne, `kT` a kilotesla. `bbl` is the 42-gallon oil barrel
# (pint: 31.5 gallons); `MM` is a million in oil and gas (`MMbbl`, `MMBtu`, `MMcf`).
SYMBOLS: dict[str, tuple[Fraction | int, str]] = {
    **OIL_GAS_MINING_SYMBOLS,  # s12: mtoe, Mozs, tpd, dmt, MMscfd, ...
    **dict.fromkeys(["kt", "Kt", "KT"], (1, "kilotonne")),  # pint: a knot
    "PS": (1, "metric_horsepower"),  # a car's Pferdestärke (pint: a petasiemens)
    **dict.fromkeys(["bbl", "bbls"], (1, "oil_barrel")),
    **dict.fromkeys(["b/d", "bpd", "BPD", "bbl/d", "bbl/day", "bopd"], (1, _PER_DAY)),
    **dict.fromkeys(["kb/d", "kbpd", "kbd"], (10**3, _PER_DAY)),
    **dict.fromkeys(["mb/d", "mbpd"], (10**6, _PER_DAY)),  # the IEA's lower case
    "mb": (10**6, "oil_barrel"),  # the IEA's million barrels; pint: a millibarn
    **dict.fromkeys(["MMbbl", "MMbbls"], (10**6, "oil_barrel")),
    **dict.fromkeys(["MMb/d", "MMbd", "MMbpd", "MMBD", "MMBPD", "MMbbl/d"], (10**6, _PER_DAY)),
    **dict.fromkeys(["MMBtu", "MMBTU", "MMbtu", "mmBtu", "mmbtu"], (10**6, "Btu")),
    "Mcf": (10**3, _CUBIC_FEET), "MMcf": (10**6, _CUBIC_FEET),
    **dict.fromkeys(["Bcf", "bcf"], (10**9, _CUBIC_FEET)),
    **dict.fromkeys(["Tcf", "tcf"], (10**12, _CUBIC_FEET)),
    **dict.fromkeys(["Mcf/d", "Mcfd"], (10**3, _PER_DAY_FEET)),
    **dict.fromkeys(["MMcf/d", "MMcfd"], (10**6, _PER_DAY_FEET)),
    **dict.fromkeys(["Bcf/d", "bcf/d", "Bcfd", "bcfd"], (10**9, _PER_DAY_FEET)),
    **dict.fromkeys(["bcm", "BCM", "Bcm"], (10**9, "meter ** 3")),  # billion cubic metres
    # million tonnes per annum (LNG plants): a rate, as `Mt/yr` is
    **dict.fromkeys(["mtpa", "MTPA", "Mtpa"], (10**6, "tonne / year")),
    **dict.fromkeys(["ktpa", "KTPA", "Ktpa"], (10**3, "tonne / year")),
    **dict.fromkeys(["MMTPA", "mmtpa"], (10**6, "tonne / year")),
    "tce": (_TCE, "joule"), "ktce": (10**3 * _TCE, "joule"), "Mtce": (10**6 * _TCE, "joule"),
    # Farm and trade press: the USDA's million metric tons, India's lakh metric tonnes and
    # million hectares (pint: a millihectare), quintals (100 kg), `kgs` (pint: a count of kgs)
    **dict.fromkeys(["MMT", "mmt"], (10**6, "tonne")), "LMT": (10**5, "tonne"),
    "mha": (10**6, "hectare"), **dict.fromkeys(["kgs", "Kgs"], (1, "kilogram")),
    **dict.fromkeys(["qtl", "qtls", "Qtl", "Qtls"], (100, "kilogram")),
    # mining's thousand and million troy ounces (pint: kilo- and milli-ounces avoirdupois)
    **dict.fromkeys(["ozt", "toz"], (1, "troy_ounce")),
    **dict.fromkeys(["koz", "Koz"], (10**3, "troy_ounce")),
    **dict.fromkeys(["Moz", "moz", "Mozt"], (10**6, "troy_ounce")),
}

_TONS = "t or tonnes (1,000 kg), short tons (907 kg) or long tons (1,016 kg)"
_PREFIXED_TONS = "kt, Mt or Gt for metric tonnes (a megaton of TNT is energy: say so in the metric)"
AMBIGUOUS = {
    "C": "°C for degrees Celsius, or coulomb", "F": "°F for degrees Fahrenheit, or farad",
    "ton": _TONS, "tons": _TONS,
    **dict.fromkeys(["kiloton", "kilotons", "megaton", "megatons", "gigaton", "gigatons"],
                    _PREFIXED_TONS),
    "MT": "Mt for megatonnes, or t for metric tonnes",
    # pint's ounce is the avoirdupois one; gold, silver and platinum are weighed in troy ounces
    **dict.fromkeys(["ounce", "ounces", "oz"],
                    "troy oz (31.1 g: gold, silver; Moz for a million), avoirdupois oz "
                    "(28.35 g), or US fl oz or imperial fl oz (volumes)"),
    **dict.fromkeys(["fl oz", "fluid ounce", "fluid ounces"],
                    "US fl oz (29.57 mL) or imperial fl oz (28.41 mL)"),
    # shipping's deadweight tonnage is a capacity in tonnes; pint's dwt is a pennyweight
    "dwt": "t and name the deadweight in the metric (capacity_dwt), or pennyweight",
    "pound": "GBP for pounds sterling, or lb for pounds of weight",
    "pounds": "GBP for pounds sterling, or lb for pounds of weight",
    "gallon": "US gallons (3.785 L) or imperial gallons (4.546 L)",
    "gallons": "US gallons (3.785 L) or imperial gallons (4.546 L)",
    "pts": "pp for percentage points, or index points, or score points (a test's)",
    # "a 5-point lead" in a poll is percentage points; "fell 500 points" an index's points
    "point": "pp for percentage points, or index points, or score points (a test's)",
    "points": "pp for percentage points, or index points, or score points (a test's)",
    # UK finance writes percentage points as ppt; atmospheric science, parts per trillion
    **dict.fromkeys(["ppt", "ppt."], "pp for percentage points, or parts per trillion"),
    # percentage points, or packets or pulses per second (a rate: the number alone, the rate
    # named in the metric); pint would read pico-points, a length
    "pps": "pp for percentage points; packets or pulses per second are a rate: write the number "
           "alone and name the rate in the metric",
}
# Symbols of two meanings in their own case only (`KB` is a kilobyte, `kb` refused): M is a
# thousand in US oil and gas usage (the Roman numeral: `Mbbl`, `MBtu`), a million elsewhere;
# b is a bit, a barn (pint) or a barrel.
_M_THOUSAND = "(M is a thousand in US oil and gas usage, a million elsewhere)"
_BARRELS = {"Mbbl": "bbl", "MBbl": "bbl", "MBBL": "bbl", "Mbbls": "bbl", "Mb/d": "b/d",
            "MB/D": "b/d", "Mbd": "b/d", "MBD": "b/d", "Mbpd": "b/d", "MBPD": "b/d",
            "MBtu": "Btu", "MBTU": "Btu", "Mbtu": "Btu"}
AMBIGUOUS_CASED = {
    **OIL_AMBIGUOUS_CASED,  # s12: mbbl, Mboe
    **{symbol: f"thousand {unit} or million {unit} {_M_THOUSAND}"
       + ("; kb/d and mb/d are read as thousand and million" if unit == "b/d" else "")
       for symbol, unit in _BARRELS.items()},
    "kb": "kbit for kilobits, or thousand barrels (pint: a kilobarn)",
    "Mb": f"Mbit for megabits, or thousand barrels or million barrels {_M_THOUSAND}",
    "Gb": "Gbit for gigabits, or billion barrels (peak-oil usage; pint: a gilbert)",
    "Tb": "Tbit for terabits, or trillion barrels",
    # trillion cubic metres (IEA, BP), thousand in Russian gas prices (`$300/tcm`)
    "tcm": "trillion m³ (IEA, BP) or thousand m³ (Russian gas prices)",
    "mcm": "million m³ or thousand m³",
    **dict.fromkeys(["mw", "mwh"], "MW or MWh for mega-, or mW or mWh for milli-"),
    # "332.22 mt" (Indian press: million tonnes), "50,000 mt" (trade press: metric tonnes);
    # pint: a millitonne, 1 kg
    "mt": "t for metric tonnes, or Mt for million tonnes",
    # camera megapixels or members of parliament (pint: a megapoise)
    "MP": "million pixels for megapixels, or MPs for members of parliament",
    # bytes per second in data sheets, basis points in some finance headlines
    "Bps": "B/s for bytes per second, or bps for basis points",
    # photovoltaics is no unit: its capacity is in W, its output in Wh (pint: a petavolt)
    "PV": "MW or GW for photovoltaic capacity, or PV systems for a count",
}

# "degrees C", "deg. F", "degree Celsius", "Celsius", "ºC" (the ordinal sign), "℃": a scale.
_DEGREES = re.compile(r"(?:(?:degrees?|deg\.?)\s*|[°º˚]\s?)?(celsius|fahrenheit|c|f)|(℃|℉)",
                      re.IGNORECASE)


# "TWh a year", "TWh annually": per year (pint reads `a` as a year, to multiply by). The
# periods written out, as pint names them: not `a yr` or `an annum`, which no text writes.
_A_TIME = re.compile(rf"(.+?)\s+{EVERY}\s+(year|month|week|day|hour)", re.IGNORECASE)
# `per annum` and `p.a.` as well, which pint does not read (`annum` is no unit of its own).
_ANNUALLY = re.compile(r"(.+?)(?:\s+annually|\s*(?:\s(?:per|an?)\s+|/\s*)annum"
                       r"|\s+p\.\s?a\.?)", re.IGNORECASE)


def per_time(text: str) -> str | None:
    """`TWh a year`, `TWh annually`, `TWh p.a.` as pint reads a rate: `TWh per year`."""
    if match := _A_TIME.fullmatch(text):
        return f"{match.group(1)} per {match.group(2)}"
    if match := _ANNUALLY.fullmatch(text):
        return f"{match.group(1)} per year"
    return None


# "km2", "m3/d", "W/m2": how most sites type km², m³/d, W/m² (a digit right after a length)
_POWER_DIGIT = re.compile(r"(?<![A-Za-z])((?:[kcm]?m|mi|ft)[23])(?![\d.])")


def typed_powers(text: str) -> str:
    """`km2` as pint reads it: `km^2`."""
    return _POWER_DIGIT.sub(lambda match: f"{match.group(1)[:-1]}^{match.group(1)[-1]}", text)


def meaning(text: str) -> tuple[Fraction | int, str] | None:
    """What a unit word means in claim files, where pint reads it otherwise."""
    if text in SYMBOLS:
        return SYMBOLS[text]
    lowered = text.lower()
    if lowered in MEANINGS:
        return MEANINGS[lowered]
    if barrels := oil_barrels(text):
        return barrels
    degrees = _DEGREES.fullmatch(text)
    if degrees is not None and text not in ("c", "f", "C", "F"):
        scale = (degrees.group(1) or degrees.group(2)).lower()
        return 1, "degC" if scale in ("c", "celsius", "℃") else "degF"
    return square_length(text)


# --- Oil barrels, however written (red-team round s12) -------------------------------------
# pint's `barrel` and `bbl` are 31.5 US gallons and its `b` a barn; in a published figure every
# barrel is the 42-gallon oil barrel, whatever its scale and rate (`barrels/day`, `bbl per
# day`, `kbbl/d`, `b/day`, `mb/yr`, `MMBOPD`, `barrels per calendar day`). A barrel of oil
# equivalent (`boe`, units.py defines it for pint) is a measure of its own: gas counted as oil
# at a ratio each company chooses (6 Mcf a boe is common, not universal), so no fixed factor
# makes it barrels or joules.
_OIL_SCALES = {"": 1, "k": 10**3, "K": 10**3, "m": 10**6, "MM": 10**6, "mm": 10**6}
_OIL_TIMES = {"d": "day", "day": "day", "cd": "day", "yr": "year", "year": "year",
              "a": "year", "annum": "year", "month": "month", "week": "week", "h": "hour",
              "hr": "hour", "hour": "hour"}
_OIL = re.compile(
    r"(?P<scale>k|K|m|MM|mm)?"
    r"(?P<base>(?i:(?:oil\s+)?barrels?(?P<equivalent>\s+of\s+oil\s+equivalent)?)"
    r"|bbls?|Bbls?|BBLS?|boe|Boe|BOE|bo|BO|b|B)"
    r"(?:(?P<compact>pd|PD|d|D)|\s+(?P<daily>daily)"
    r"|(?:\s*/\s*|\s+per\s+)(?:calendar\s+)?(?P<time>%s))?" % "|".join(_OIL_TIMES))


def oil_barrels(text: str) -> tuple[int, str] | None:
    """`barrels/day`, `kbbl/d`, `b/day`, `MMBOPD`, `kboe/d`: how many oil barrels (pint's
    `oil_barrel`) or barrels of oil equivalent (`boe`), per which time if a rate."""
    match = _OIL.fullmatch(per_time(text) or text)
    if match is None:
        return None
    scale, base, compact = match["scale"] or "", match["base"], match["compact"]
    word, letter = len(base) > 4, base in ("b", "B", "bo", "BO")
    time = "day" if compact or match["daily"] else _OIL_TIMES.get(match["time"] or "")
    if ((word and (scale or compact)) or (letter and time is None)
            or (scale == "m" and base != "b")
            or (compact in ("d", "D") and not (base in ("b", "B") and scale))):
        return None  # `kbarrels`, `b` alone (pint: barn), `mbbl` (refused), `bd`
    unit = "boe" if base.lower() == "boe" or match["equivalent"] else "oil_barrel"
    return _OIL_SCALES[scale], f"{unit} / {time}" if time else unit


_PINT_BARREL = re.compile(r"(?<![A-Za-z_])(k|K)?(?i:barrels?|bbls?)(?![A-Za-z_])")


def pint_barrels(text: str) -> str:
    """`text` with its barrels as pint's oil barrel, for the units no table above reads
    (`barrels per day per well`): pint's own barrel is never the one meant."""
    return _PINT_BARREL.sub(lambda match: ("kilo" if match[1] else "") + "oil_barrel", text)
# --- end of the s12 oil barrels --------------------------------------------------------------


def ambiguity(text: str) -> str | None:
    """What to write instead of a unit word with two common meanings."""
    return _ambiguous_word(text) or _capacity_kind(text) or _ambiguous_part(text)


def _ambiguous_word(text: str) -> str | None:
    return AMBIGUOUS_CASED.get(text) or AMBIGUOUS.get(text) or AMBIGUOUS.get(text.lower())


_RATE_PARTS = re.compile(r"\s*/\s*|\s+per\s+", re.IGNORECASE)


def rate_parts(text: str) -> list[str]:
    """`TWh a year`, `Mt/yr`: the unit and what it is per (`TWh`, `year`); the text alone
    where it is no rate."""
    return _RATE_PARTS.split(per_time(text) or text)


def _ambiguous_part(text: str) -> str | None:
    """`tons per day`, `oz/t`: a rate of a word with two meanings is as ambiguous as the word
    (pint would read short tons a day, avoirdupois ounces per tonne)."""
    parts = rate_parts(text)
    for part in parts if len(parts) > 1 and meaning(text) is None else ():
        if found := _ambiguous_word(part):
            return f"{found} in place of {part!r}"
    return None


# "500 MWp", "61,370 MWe", "1,865 GWdc": a solar array's peak DC rating, a plant's electric or
# thermal output, are each a measure of their own, not power in MW without saying which.
_CAPACITY = re.compile(r"([kMGT]?W)[-_ ]?(p|peak|e|el|th|t|dc|ac)", re.IGNORECASE)
_CAPACITY_KINDS = {"p": "peak", "peak": "peak", "dc": "DC", "ac": "AC", "e": "electric",
                   "el": "electric", "th": "thermal", "t": "thermal"}


def _capacity_kind(text: str) -> str | None:
    match = _CAPACITY.fullmatch(text)
    if match is None or match.group(1)[-1] != "W":
        return None
    watts, kind = match.group(1), _CAPACITY_KINDS[match.group(2).lower()]
    return (f"{watts} and name the {kind} capacity in the metric (capacity_{kind.lower()}): "
            f"{text} and {watts} are two measures")


# Computing speed: `1.1 exaflops`, `1,100 petaflops`, `442 PFLOPS`, `1.02 Eflop/s` (pint
# knows no flops; as count nouns, exa- and peta- would be two different nouns a power of ten
# apart). One dimension of its own, in operations per second.
_FLOPS = re.compile(r"(kilo|mega|giga|tera|peta|exa|[kmgtpe])?flop(?:s|/s)", re.IGNORECASE)
_FLOPS_POWERS = {"k": 3, "m": 6, "g": 9, "t": 12, "p": 15, "e": 18}


def flops(text: str) -> int | None:
    """Operations per second in one unit of `text`, if it is a FLOPS unit."""
    match = _FLOPS.fullmatch(text)
    if match is None:
        return None
    prefix = (match.group(1) or "").lower()
    return 10 ** _FLOPS_POWERS[prefix[0]] if prefix else 1


# Counted things written as acronyms, which pint would read as units (`MAU` is its
# mega-absorbance unit, `pcs` parsecs, `PCs` too) or not at all (`EVs`, `GPUs`).
ACRONYM_COUNTS = frozenset({
    "MAU", "MAUs", "DAU", "DAUs", "WAU", "WAUs", "EVs", "GPUs", "CPUs", "SKUs", "TEU", "TEUs",
    "ADSs", "IPOs", "SMEs", "MSMEs", "NGOs", "ATMs", "PCs", "pcs", "NEVs", "BEVs", "PHEVs",
    # one of each, as "1.2 million EV" writes it; pint reads EV, TV and RV as exa-, tera- and
    # ronnavolts, and PC as percent
    "EV", "GPU", "CPU", "SKU", "IPO", "SME", "MSME", "NGO", "ATM", "PC", "NEV", "BEV", "PHEV",
    "HEV", "HEVs", "FCEV", "FCEVs", "SUV", "TV", "RV",
    # counted, though their singulars are refused as ambiguous (MP, PV)
    "MPs", "PVs",
    # s12: surveys' households (pint: a hectohour, 100 hours) and full-time equivalents
    "hh", "HH", "FTE"})

# Hundredths of a currency ("33p", "50 cents"): refused, with the figure in the currency; a
# cent is a hundredth of a dollar, a euro, a rand, ..., so `None`: the text does not say which.
SUBUNITS: dict[str, str | None] = {
    **dict.fromkeys(["p", "pence", "penny", "pennies"], "GBP"), "paise": "INR",
    **dict.fromkeys(["cents", "cent", "¢"], None),
    **dict.fromkeys(["us cents", "us cent"], "USD"), **dict.fromkeys(["euro cents"], "EUR"),
}
# "3 times", "3x", "3-fold": a figure as a multiple of another is a growth, not a count.
MULTIPLES = frozenset({"times", "x", "×", "fold", "-fold", "times over"})
# Scale words of other languages, as quotes carry them ("3 millones de euros"): refused with
# the English word, or None where the word is two (a Spanish billón is 10^12, a Brazilian
# bilhão 10^9). `milliard` is read (10^9 wherever it is used), in quantity.py.
FOREIGN_SCALES: dict[str, str | None] = {
    **dict.fromkeys(["millones", "millón", "millon", "milhões", "milhão", "milioni", "milione",
                     "millionen", "milionů", "juta"], "million"),
    **dict.fromkeys(["milliarden", "miliardi", "miliardo", "miliardů", "miliar"], "billion"),
    **dict.fromkeys(["billones", "billón", "bilhões", "bilhão"], None),
}
FOLD_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                "nine": 9, "ten": 10, "hundred": 100, "thousand": 1000}


def subunit(text: str) -> tuple[str, str | None] | None:
    """(the word, its currency) where `text` names hundredths of a currency: `p`, `cents`."""
    key = text if len(text) == 1 else text.lower()  # "P" is pint's poise, not pence
    return (key, SUBUNITS[key]) if key in SUBUNITS else None


# ---- Area, people and count words (red-team s12: housing, labour, chips, crypto, pharma) ----

# "800 sq. metres", "100 sqm", "1,000 sq. ft.", "5 cu. m": property and planning abbreviations
# of square and cubic lengths. The dot made `sq.` a word qualifying a counted noun (800 sq.
# metres a count, equal to 800 sq. miles), and pint reads `cu` as copper (`cu ft` a length
# times a mass). Only `sq` is glued to its length (`sqm`, `sqft`): `cum` is a word.
_LENGTH_NAMES = {
    **dict.fromkeys(["m", "metre", "metres", "meter", "meters"], "meter"),
    **dict.fromkeys(["km", "kilometre", "kilometres", "kilometer", "kilometers"], "kilometer"),
    "cm": "centimeter", "mm": "millimeter",
    **dict.fromkeys(["ft", "feet", "foot"], "foot"),
    **dict.fromkeys(["yd", "yds", "yard", "yards"], "yard"),
    **dict.fromkeys(["mi", "mile", "miles"], "mile"),
    **dict.fromkeys(["in", "inch", "inches"], "inch"),
}
_SQUARED = re.compile(r"(sq|cu)(?:\.\s*|\s+|(?<=sq))([a-z]+)\.?", re.IGNORECASE)
_POWERS = {"sq": 2, "cu": 3}


def square_length(text: str) -> tuple[Fraction | int, str] | None:
    """`sq. metres`, `sqft`, `cu. m` as pint names the area or volume: `meter ** 2`."""
    match = _SQUARED.fullmatch(text)
    if match is None or match.group(2).lower() not in _LENGTH_NAMES:
        return None
    length = _LENGTH_NAMES[match.group(2).lower()]
    return 1, f"{length} ** {_POWERS[match.group(1).lower()]}"


# Two-letter symbols pint reads as a prefix and a unit where claim files mean something else:
# US commercial property's `50,000 SF` (square feet) and land's `5 ac` (acres; pint: an
# atto-lightspeed); `hh` is households (pint: a hectohour), read in units.py as a count.
SYMBOLS.update({"SF": (1, "foot ** 2"), "sf": (1, "foot ** 2"), "ac": (1, "acre")})
AMBIGUOUS_CASED.update({
    # pint: a carat; pharmacy's `30 ct` bottle counts tablets; the German `ct` is cents
    "ct": "carat for the 0.2 g weight, the noun counted (30 tablets), or the amount in its "
          "currency for cents (0.30 EUR)",
    "pk": "packs for a count, or peck (a dry volume; pint reads pk as one)",
    # "50 du/acre": planners' dwelling units; pint reads a deci-atomic-mass unit
    "du": "dwellings or units for dwelling units (a count), or Da for daltons",
    "pt": "pp for percentage points, index or score points, or pint (a volume)",
})

# Counts of days and hours of work ("2.47 million working days lost", "person-hours", "days
# lost" to strikes) are counts of a person's day or hour at work, not times: a working day is
# neither 24 hours nor comparable with a duration, and 2 people striking a day is 2 days lost.
# So every work-day and work-hour word is a count (as `man-hours` and `working days` were
# already read), and plain `days` and `hours` stay times; unit-mismatch tells a writer who
# put `days` beside `working days` to write working days.
_WORK_TIME = re.compile(r"(?:working|work|man|person|people|labou?r|staff|strike)[- ]?"
                        r"(day|hour|week|month|year)s?(?:\s+(?:lost|worked))?"
                        r"|(day|hour)s?\s+(?:lost|worked)", re.IGNORECASE)


def work_time(text: str) -> str | None:
    """`day` or `hour` where `text` counts days or hours of work (`working days`,
    `man-hours`, `days lost`); None for anything else, plain `days` among them."""
    match = _WORK_TIME.fullmatch(text)
    return (match.group(1) or match.group(2)).lower() if match else None


# Counts of people named by a word without a plural s (`1 million Rohingya`, `1.5 million
# Sudanese`, `11 million undocumented`), as `unemployed` and `displaced` are read; every
# capitalised `-ese` word is a people's name (Chinese, Sudanese, Vietnamese).
UNINFLECTED_PEOPLE = frozenset({
    "rohingya", "roma", "inuit", "hmong", "sami", "maori", "māori", "bedouin",
    "undocumented", "self-employed", "foreign-born", "native-born", "jobless", "retired",
    "disabled", "elderly", "stateless", "missing", "infected", "underemployed", "unvaccinated",
    "malnourished", "undernourished", "evacuated", "detained", "hospitalised", "hospitalized",
    "affected", "stranded"})
_ESE = re.compile(r"[A-Z][a-z]+ese")


def uninflected_people(word: str) -> bool:
    return word.lower() in UNINFLECTED_PEOPLE or bool(_ESE.fullmatch(word))


# One of a counted thing as pharmacy writes it ("1 vial", "1 pack"); the plurals are read.
COUNTED_SINGULARS = frozenset({"vial", "pack", "tablet", "capsule", "pill", "injection", "pen",
                               "syringe", "prescription", "bottle", "vaccine", "shot",
                               "treatment"})

# Crypto tokens: counts of tokens, never currencies (no exchange rate converts them, and
# `SOL` is no sol), as `21 million bitcoins` is a count. Tickers in their own case only.
CRYPTO_TICKERS = frozenset({"BTC", "XBT", "ETH", "USDT", "USDC", "SOL", "XRP", "BNB", "DOGE"})
CRYPTO_WORDS = frozenset({"bitcoin", "bitcoins", "ether", "tether", "tethers"})

# International units (IU) measure a substance's biological effect, each substance its own:
# a dimension of its own, never a count of doses or a mass.
INTERNATIONAL_UNITS = {"IU": 1, "IUs": 1, "I.U.": 1, "kIU": 10**3, "MIU": 10**6}

# "16 million 12-inch equivalent wafers", "300mm wafers": counts of wafers are counts of their
# area, the industry's 8-inch (200 mm) and 12-inch (300 mm) equivalents apart by (12/8)^2 =
# 2.25 (16 million 12-inch equivalents are 36 million 8-inch). Read in 8-inch equivalents,
# a dimension of its own: a basis is part of the unit, never compared as plain wafers. Sizes in
# inches are nominal, 25 mm to the inch (a 12-inch wafer is 300 mm, not 304.8).
WAFER_AREA = "wafer area in 8-inch equivalents"
_WAFERS = re.compile(r"([1-9]\d*(?:\.\d+)?)\s*[- ]?\s*(inch|in\.?|\"|″|mm)"
                     r"(?:[- ](?:equivalent|equiv\.?|eq\.?))?"
                     r"\s+(?:wafers?|wafer equivalents|equivalents|wafer starts)", re.IGNORECASE)


def wafer_area(text: str) -> Fraction | None:
    """One wafer of `text` (`12-inch equivalent wafers`) in 8-inch equivalents: 9/4."""
    match = _WAFERS.fullmatch(text)
    if match is None:
        return None
    size = Fraction(match.group(1))
    millimetres = size if match.group(2).lower() == "mm" else size * 25
    return (millimetres / 200) ** 2
