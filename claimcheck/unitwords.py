"""Unit words as claim files mean them, where pint reads them otherwise or cannot read them.

pint knows physics: `kt` is a knot, `pc` a parsec, a `calorie` the small one, `C` a coulomb,
`cu` copper. In published figures those are kilotonnes, per cent, kilocalories and degrees
Celsius. Words with two common meanings (`tons`, `pounds`, `gallons`) are refused with both,
never guessed. Words match in any case; symbols (`SYMBOLS`, `AMBIGUOUS_CASED`) only in their
own: `mb` is million barrels, `MB` a megabyte. These are the general tables; the oil, gas and
mining ones are in oilunits.py, the words a figure counts in countwords.py.
"""

from __future__ import annotations

import re
import unicodedata
from fractions import Fraction

from claimcheck.oilunits import (
    OIL_AMBIGUOUS_CASED,
    OIL_GAS_MINING_SYMBOLS,
    OIL_MEANINGS,
    oil_barrels,
)
from claimcheck.ratehints import per_time

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

# word -> (how many, of what pint unit); words in any case (`Metric Tons`, `Barrels`)
MEANINGS: dict[str, tuple[Fraction | int, str]] = {
    "metric ton": (1, "tonne"), "metric tons": (1, "tonne"),
    "metric tonne": (1, "tonne"), "metric tonnes": (1, "tonne"),
    "short ton": (1, "short_ton"), "short tons": (1, "short_ton"),
    "long ton": (1, "long_ton"), "long tons": (1, "long_ton"),
    # s12b, shipping: deadweight is a capacity in tonnes (the metric names it: capacity_dwt);
    # gross tonnage an index of a ship's volume, units.py's measure of its own, never a mass
    **dict.fromkeys(["deadweight tonne", "deadweight tonnes"], (1, "tonne")),
    **dict.fromkeys(["gross tonnage", "gross ton", "gross tons", "gross tonne", "gross tonnes"],
                    (1, "gross_tonnage")),
    **dict.fromkeys(["compensated gross tonnage", "compensated gross tons",
                     "compensated gross tonnes"], (1, "compensated_gross_tonnage")),
    **dict.fromkeys(["nautical mile", "nautical miles"], (1, "nautical_mile")),
    **OIL_MEANINGS,  # barrels, tonnes of oil or coal equivalent
    "calorie": (1, "kilocalorie"), "calories": (1, "kilocalorie"), "kcal": (1, "kilocalorie"),
    "us gallon": (1, "gallon"), "us gallons": (1, "gallon"),
    "imperial gallon": (1, "imperial_gallon"), "imperial gallons": (1, "imperial_gallon"),
    "light-year": (1, "light_year"), "light-years": (1, "light_year"),
    "light year": (1, "light_year"), "light years": (1, "light_year"),
    "parts per million": (1, "ppm"), "ppb": (Fraction(1, 1000), "ppm"),
    "parts per billion": (Fraction(1, 1000), "ppm"),
    "parts per trillion": (Fraction(1, 10**6), "ppm"),
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

# Symbols mean what they mean in their own case only: `kt` is a kilotonne, `kT` a kilotesla.
SYMBOLS: dict[str, tuple[Fraction | int, str]] = {
    **OIL_GAS_MINING_SYMBOLS,  # bbl, mb/d, MMBtu, Mcf, MMscfd, mtoe, tce, Moz, tpd, ...
    **dict.fromkeys(["kt", "Kt", "KT"], (1, "kilotonne")),  # pint: a knot
    "PS": (1, "metric_horsepower"),  # a car's Pferdestärke (pint: a petasiemens)
    # Farm and trade press: the USDA's million metric tons, India's lakh metric tonnes and
    # million hectares (pint: a millihectare), quintals (100 kg), `kgs` (pint: a count of kgs)
    **dict.fromkeys(["MMT", "mmt"], (10**6, "tonne")), "LMT": (10**5, "tonne"),
    "mha": (10**6, "hectare"), **dict.fromkeys(["kgs", "Kgs"], (1, "kilogram")),
    # `5 kilos` (pint: kiloseconds), `5 grammes` (the British and French spelling)
    **dict.fromkeys(["kilos", "kilo"], (1, "kilogram")),
    **dict.fromkeys(["grammes", "gramme"], (1, "gram")),
    **dict.fromkeys(["qtl", "qtls", "Qtl", "Qtls"], (100, "kilogram")),
    # US commercial property's `50,000 SF` (square feet) and land's `5 ac` (acres; pint: an
    # atto-lightspeed)
    "SF": (1, "foot ** 2"), "sf": (1, "foot ** 2"), "ac": (1, "acre"),
    # s12b, shipping: gross tonnage (pint: a gigatesla), compensated gross tonnage (nautical
    # miles are `nmi`, as pint reads them; `NM` is refused below)
    "GT": (1, "gross_tonnage"), "CGT": (1, "compensated_gross_tonnage"),
    # s12c: the Indian press's plural of km ("500 kms"; `sq kms` below); pint: a count of kms
    **dict.fromkeys(["kms", "Kms"], (1, "kilometer")),
}

_TONS = "t or tonnes (1,000 kg), short tons (907 kg) or long tons (1,016 kg)"
_PREFIXED_TONS = "kt, Mt or Gt for metric tonnes (a megaton of TNT is energy: say so in the metric)"
AMBIGUOUS = {
    "C": "°C for degrees Celsius, or coulomb", "F": "°F for degrees Fahrenheit, or farad",
    "ton": _TONS, "tons": _TONS, "deadweight ton": _TONS, "deadweight tons": _TONS,
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
# Symbols of two meanings in their own case only (`KB` is a kilobyte, `kb` refused).
AMBIGUOUS_CASED = {
    **OIL_AMBIGUOUS_CASED,  # Mbbl, mboe, kb, Mb, tcm, ...
    **dict.fromkeys(["mw", "mwh"], "MW or MWh for mega-, or mW or mWh for milli-"),
    # "332.22 mt" (Indian press: million tonnes), "50,000 mt" (trade press: metric tonnes);
    # pint: a millitonne, 1 kg
    "mt": "t for metric tonnes, or Mt for million tonnes",
    # rupees after the number (pint: ronnaseconds, 10^27 s)
    **dict.fromkeys(["Rs", "Rs."], "INR for Indian rupees (or PKR, LKR, NPR), as `Rs 5` reads"),
    # camera megapixels or members of parliament (pint: a megapoise)
    "MP": "million pixels for megapixels, or MPs for members of parliament",
    # bytes per second in data sheets, basis points in some finance headlines
    "Bps": "B/s for bytes per second, or bps for basis points",
    # photovoltaics is no unit: its capacity is in W, its output in Wh (pint: a petavolt)
    "PV": "MW or GW for photovoltaic capacity, or PV systems for a count",
    "pk": "packs for a count, or peck (a dry volume; pint reads pk as one)",
    # "50 du/acre": planners' dwelling units; pint reads a deci-atomic-mass unit
    "du": "dwellings or units for dwelling units (a count), or Da for daltons",
    "pt": "pp for percentage points, index or score points, or pint (a volume)",
    # shipping's nautical mile (1,852 m), or a spec sheet's newton-metre (pint: a
    # newton-molar); `nm` is the SI nanometre (chip nodes, wavelengths), `ct` the carat
    "NM": "nmi for nautical miles (1,852 m), or N·m / newton-metres",
}

# "degrees C", "deg. F", "degree Celsius", "Celsius", "ºC" (the ordinal sign), "℃": a scale.
_DEGREES = re.compile(r"(?:(?:degrees?|deg\.?)\s*|[°º˚]\s?)?(celsius|fahrenheit|c|f)|(℃|℉)",
                      re.IGNORECASE)


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
    if text != lowered and _cased_unit_words(lowered):  # `Tonnes`, `Square Kilometres`
        return 1, lowered
    if barrels := oil_barrels(text):
        return barrels
    degrees = _DEGREES.fullmatch(text)
    if degrees is not None and text not in ("c", "f", "C", "F"):
        scale = (degrees.group(1) or degrees.group(2)).lower()
        return 1, "degC" if scale in ("c", "celsius", "℃") else "degF"
    return square_length(text) or _rate_of_meant(text)


def _rate_of_meant(text: str) -> tuple[Fraction | int, str] | None:
    """`GT a year`, `kt/yr`, `nmi/h`: a symbol of the table per a unit, as the table means the
    symbol (pint would read a gigatesla a year, a knot a year)."""
    parts = rate_parts(text)
    if (len(parts) != 2 or parts[0] not in SYMBOLS or not parts[1].strip()
            or _ambiguous_word(parts[1])):  # `MMBtu/ton`: refused, as `ton` is
        return None
    times, unit = SYMBOLS[parts[0]]
    return times, f"({unit}) / {parts[1]}"


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


# "800 sq. metres", "100 sqm", "1,000 sq. ft.", "5 cu. m": property and planning abbreviations
# of square and cubic lengths. The dot made `sq.` a word qualifying a counted noun (800 sq.
# metres a count, equal to 800 sq. miles), and pint reads `cu` as copper (`cu ft` a length
# times a mass). Only `sq` is glued to its length (`sqm`, `sqft`): `cum` is a word.
_LENGTH_NAMES = {
    **dict.fromkeys(["m", "metre", "metres", "meter", "meters"], "meter"),
    **dict.fromkeys(["km", "kms", "kilometre", "kilometres", "kilometer", "kilometers"],
                    "kilometer"),
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


# s12c: transport's lengths of a kind. A lane-kilometre is one lane a kilometre long, a
# passenger-kilometre one passenger carried a kilometre, a route- or track-kilometre a
# kilometre of route or of track (a double-track route-km is two track-km): each a measure of
# its own, in metres, never plain km nor another of them; a mile is 1.609344 km exactly.
TRANSPORT_MEASURES = {"lane": "[lane_length]", "passenger": "[passenger_distance]",
                      "route": "[route_length]", "track": "[track_length]"}
_TRANSPORT = re.compile(r"(?P<kind>lane|passenger|route|track)(?:-|\s+)"
                        r"(?P<length>km|kms|kilomet(?:re|er)s?|mi|miles?)", re.IGNORECASE)
_TRANSPORT_SYMBOLS = dict.fromkeys(["pkm", "PKM", "p-km", "pkms"], ("passenger", "km"))
_METRES_IN = {"k": Fraction(1000), "m": Fraction(1_609_344, 1000)}  # km, mile


def transport_measure(text: str) -> tuple[Fraction, str] | None:
    """(metres in one unit of `text`, its dimension) for `lane-miles`, `passenger-km`, `pkm`,
    `route-kilometres`, `track km`; None for anything else."""
    match = _TRANSPORT.fullmatch(text)
    kind, length = ((match["kind"].lower(), match["length"]) if match
                    else _TRANSPORT_SYMBOLS.get(text, (None, "")))
    if kind is None:
        return None
    return _METRES_IN[length[0].lower()], TRANSPORT_MEASURES[kind]


# s12c: an unknown plural word after a number is counted (`4,500 companies`), so a misspelt
# unit (`1,200 hectars`) or one in another language (`13,235 kilómetros cuadrados`) would be a
# count. Such words are refused: a plural one edit from a unit word (two for the long ones),
# its first letter kept, and for the short words no letter changed (`metros` is no typo of
# `metres`, `mills` none of `miles`); English words that near are counted as before, and a
# unit word in capitals (`Tonnes`) is read as the unit (meaning()), never refused.
UNIT_PLURALS = ("hectares", "acres", "kilometres", "kilometers", "metres", "meters",
                "centimetres", "centimeters", "millimetres", "millimeters", "miles", "tonnes",
                "kilograms", "litres", "liters", "millilitres", "milliliters")
_NEAR_UNIT_WORDS = frozenset({"aces", "tones", "litters", "lifters", "meteors", "meres",
                              "metes", "lites", "liers", "milers"})


_UNIT_WORDS = frozenset(UNIT_PLURALS) | {plural[:-1] for plural in UNIT_PLURALS}


def _cased_unit_words(lowered: str) -> bool:
    """Whether `lowered`, written with capitals, is a unit's full words (`Tonnes`, `Square
    Kilometres`, `Cubic Metres`), which pint reads in lower case only; never a symbol (`MW`,
    `mW`), whose case is its meaning."""
    *powers, word = lowered.split() or [""]
    return word in _UNIT_WORDS and all(power in ("square", "cubic") for power in powers)


def misspelt_unit(word: str) -> str | None:
    """The unit word a plural `word` is a misspelling of (`hectars`: hectares), else None;
    a unit word spelt right, in any case, is none."""
    lowered = word.lower()
    if (len(lowered) < 4 or not lowered.endswith("s") or lowered in _NEAR_UNIT_WORDS
            or lowered in UNIT_PLURALS):  # zero edits is no typo
        return None
    for unit in UNIT_PLURALS:
        most = 1 if len(unit) < 9 else 2
        if (lowered[0] == unit[0] and abs(len(lowered) - len(unit)) <= most
                and _edits(lowered, unit, 2 if len(unit) < 7 else 1) <= most):
            return unit
    return None


def _edits(one: str, other: str, substitution: int) -> int:
    """Edits from `one` to `other`: letters inserted, deleted, swapped with the next (one
    each) or changed (`substitution` each: 2 counts a change as a deletion and an insertion).
    A letter `one` has more is a slip only if `other` holds that letter (`tonnnes`, `meteres`):
    a new one makes another word (`linters`, `loiters`, `metiers`), so it costs more than any
    typo may."""
    rows = [list(range(len(other) + 1))]
    for i, a in enumerate(one, 1):
        row = [i]
        for j, b in enumerate(other, 1):
            cost = min(rows[-1][j] + (1 if a in other else 9), row[j - 1] + 1,
                       rows[-1][j - 1] + (0 if a == b else substitution))
            if i > 1 and j > 1 and a == other[j - 2] and one[i - 2] == b:
                cost = min(cost, rows[-2][j - 2] + 1)
            row.append(cost)
        rows.append(row)
    return rows[-1][-1]


# Unit words of other languages: Spanish, Portuguese, Italian and French units, or a unit
# word written with an accent (`kilómetros`, `quilômetros`, `mètres carrés`, `hectáreas`).
# Not `metros` alone, which counts metro systems, nor any accented word (`Métro lines`,
# `Gramática books`): the word itself must be a unit's.
# Strings, compiled by re on first use: only a refusal of an unknown unit needs them.
_FOREIGN_UNIT = (r"(?:kilo|quilo|chilo|centi|mili|milli)metr[oi]s?|hectareas?|ettari"
                 r"|toneladas?|tonnellate|litros?|(?:kilo|quilo)?gram[oa]s?"
                 r"|cuadrad[oa]s?|quadrad[oa]s?|quadrat[oi]|cubic[oa]s?")
_ACCENTED_UNIT = (r"(?:(?:kilo|quilo|chilo|centi|mili|milli)metr|litr)(?:e|es|[oi]s?)"
                  r"|metres?|(?:kilo|quilo)?gramm?(?:e|es|[oa]s?)|hectar(?:e|es|eas?)"
                  r"|ton(?:nes?|eladas?)|carree?s?|cub(?:e|es|ic[oa]s?)")  # not métro


def foreign_unit(text: str) -> bool:
    """Whether `text` holds a unit word of another language."""
    for word in text.lower().split():
        plain = "".join(letter for letter in unicodedata.normalize("NFKD", word)
                        if not unicodedata.combining(letter))
        if re.fullmatch(_FOREIGN_UNIT, plain) or (
                plain != word and re.fullmatch(_ACCENTED_UNIT, plain)):
            return True
    return False
