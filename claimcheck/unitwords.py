"""Unit words as claim files mean them, where pint reads them otherwise or cannot read them.

pint knows physics: `kt` is a knot, `mb` a millibarn, `pc` a parsec, a `calorie` the small
one, a `barrel` 31.5 gallons, `C` a coulomb. In published figures those are kilotonnes,
million barrels, per cent, kilocalories, 42-gallon oil barrels and degrees Celsius. Words
with two common meanings (`tons`, `pounds`, `gallons`) are refused with both, never guessed.
Keys are in lower case, but for the one-letter symbols.
"""

from __future__ import annotations

import re
from fractions import Fraction

PERCENT_WORDS = frozenset({"%", "percent", "per cent", "pct", "pct.", "pc"})  # pc: Indian press
PER_MILLE_WORDS = frozenset({"‰", "per mille", "per mil", "per thousand"})

# A rise from 5% to 7% is 2 percentage points (a 40% rise); a basis point is a hundredth of
# one. Points measure differences of percentages: a dimension of their own, counted like
# percent (a point is 1/100). pint would read `pp` as a length and `bps` as a rate.
POINT_WORDS = {**dict.fromkeys(["pp", "percentage point", "percentage points",
                                "percentage-point", "percentage-points"], Fraction(1, 100)),
               **dict.fromkeys(["bp", "bps", "basis point", "basis points"], Fraction(1, 10**4))}

_PER_DAY = "oil_barrel / day"
# word -> (how many, of what pint unit)
MEANINGS: dict[str, tuple[Fraction | int, str]] = {
    "kt": (1, "kilotonne"), "metric ton": (1, "tonne"), "metric tons": (1, "tonne"),
    "metric tonne": (1, "tonne"), "metric tonnes": (1, "tonne"),
    "short ton": (1, "short_ton"), "short tons": (1, "short_ton"),
    "long ton": (1, "long_ton"), "long tons": (1, "long_ton"),
    "barrel": (1, "oil_barrel"), "barrels": (1, "oil_barrel"), "b/d": (1, _PER_DAY),
    "bpd": (1, _PER_DAY), "barrels per day": (1, _PER_DAY), "barrels a day": (1, _PER_DAY),
    "kb/d": (10**3, _PER_DAY), "mb/d": (10**6, _PER_DAY), "mbpd": (10**6, _PER_DAY),
    "mb": (10**6, "oil_barrel"),  # the IEA's million barrels; pint: a millibarn
    "calorie": (1, "kilocalorie"), "calories": (1, "kilocalorie"), "kcal": (1, "kilocalorie"),
    "us gallon": (1, "gallon"), "us gallons": (1, "gallon"),
    "imperial gallon": (1, "imperial_gallon"), "imperial gallons": (1, "imperial_gallon"),
    "light-year": (1, "light_year"), "light-years": (1, "light_year"),
    "light year": (1, "light_year"), "light years": (1, "light_year"),
    "parts per million": (1, "ppm"), "ppb": (Fraction(1, 1000), "ppm"),
    "parts per billion": (Fraction(1, 1000), "ppm"),
}

_TONS = "t or tonnes (1,000 kg), short tons (907 kg) or long tons (1,016 kg)"
_PREFIXED_TONS = "kt, Mt or Gt for metric tonnes (a megaton of TNT is energy: say so in the metric)"
AMBIGUOUS = {
    "C": "°C for degrees Celsius, or coulomb", "F": "°F for degrees Fahrenheit, or farad",
    "ton": _TONS, "tons": _TONS,
    **dict.fromkeys(["kiloton", "kilotons", "megaton", "megatons", "gigaton", "gigatons"],
                    _PREFIXED_TONS),
    "MT": "Mt for megatonnes, or t for metric tonnes",
    "pound": "GBP for pounds sterling, or lb for pounds of weight",
    "pounds": "GBP for pounds sterling, or lb for pounds of weight",
    "gallon": "US gallons (3.785 L) or imperial gallons (4.546 L)",
    "gallons": "US gallons (3.785 L) or imperial gallons (4.546 L)",
    "pts": "pp for percentage points, or index points",
    # "a 5-point lead" in a poll is percentage points; "fell 500 points" an index's points
    "point": "pp for percentage points, or index points",
    "points": "pp for percentage points, or index points",
}

# "degrees C", "deg. F", "degree Celsius", "Celsius", "ºC" (the ordinal sign), "℃": a scale.
_DEGREES = re.compile(r"(?:(?:degrees?|deg\.?)\s*|[°º˚]\s?)?(celsius|fahrenheit|c|f)|(℃|℉)",
                      re.IGNORECASE)


# "TWh a year", "TWh annually": per year (pint reads `a` as a year, to multiply by).
_A_TIME = re.compile(r"(.+?)\s+(?:a|an|each|every)\s+(year|month|week|day|hour)", re.IGNORECASE)
_ANNUALLY = re.compile(r"(.+?)\s+annually", re.IGNORECASE)


def per_time(text: str) -> str | None:
    """`TWh a year` or `TWh annually` as pint reads a rate: `TWh per year`."""
    if match := _A_TIME.fullmatch(text):
        return f"{match.group(1)} per {match.group(2)}"
    if match := _ANNUALLY.fullmatch(text):
        return f"{match.group(1)} per year"
    return None


def meaning(text: str) -> tuple[Fraction | int, str] | None:
    """What a unit word means in claim files, where pint reads it otherwise."""
    lowered = text.lower()
    if lowered in MEANINGS:
        return MEANINGS[lowered]
    degrees = _DEGREES.fullmatch(text)
    if degrees is not None and text not in ("c", "f", "C", "F"):
        scale = (degrees.group(1) or degrees.group(2)).lower()
        return 1, "degC" if scale in ("c", "celsius", "℃") else "degF"
    return None


def ambiguity(text: str) -> str | None:
    """What to write instead of a unit word with two common meanings."""
    return AMBIGUOUS.get(text) or AMBIGUOUS.get(text.lower())


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
    "ADSs", "IPOs", "SMEs", "MSMEs", "NGOs", "ATMs", "PCs", "pcs"})

# Currencies named with their country, as agencies write them; the bare names several
# countries share (pesos, dirhams) are refused in units.py.
COUNTRY_CURRENCIES = {
    "singapore dollars": "SGD", "singapore dollar": "SGD", "taiwan dollars": "TWD",
    "new zealand dollars": "NZD", "hong kong dollar": "HKD", "u.s. dollar": "USD",
    "australian dollar": "AUD", "canadian dollar": "CAD", "british pounds": "GBP",
    "british pound": "GBP", "egyptian pounds": "EGP", "mexican pesos": "MXN",
    "philippine pesos": "PHP", "argentine pesos": "ARS", "chilean pesos": "CLP",
    "colombian pesos": "COP", "saudi riyals": "SAR", "qatari riyals": "QAR",
    "uae dirhams": "AED", "moroccan dirhams": "MAD", "swedish crowns": "SEK",
    "swedish kronor": "SEK", "norwegian kroner": "NOK", "danish kroner": "DKK", "reais": "BRL",
    "brazilian reais": "BRL", "real": "BRL", "chinese yuan": "CNY", "south korean won": "KRW",
    "korean won": "KRW", "thai baht": "THB", "turkish lira": "TRY", "malaysian ringgit": "MYR",
    "south african rand": "ZAR", "indonesian rupiah": "IDR", "pakistani rupees": "PKR",
    "nigerian naira": "NGN", "kenyan shillings": "KES", "russian roubles": "RUB",
    "russian rubles": "RUB", "polish zloty": "PLN", "czech koruna": "CZK",
    "hungarian forint": "HUF", "israeli shekels": "ILS", "vietnamese dong": "VND",
    "bangladeshi taka": "BDT", "kuwaiti dinars": "KWD", "peruvian soles": "PEN",
    "ukrainian hryvnia": "UAH", "swiss franc": "CHF",
}
# The last word of a currency's name: "Fijian dollars" is a currency claimcheck does not know
# by name, not a count of dollars.
CURRENCY_WORDS = frozenset({
    "dollar", "dollars", "pound", "pounds", "peso", "pesos", "riyal", "riyals", "dirham",
    "dirhams", "crown", "crowns", "franc", "francs", "rupee", "rupees", "dinar", "dinars",
    "shilling", "shillings", "lira", "rand", "yen", "yuan", "won", "euro", "euros", "real",
    "reais", "krona", "kronor", "krone", "kroner", "rouble", "roubles", "ruble", "rubles"})
