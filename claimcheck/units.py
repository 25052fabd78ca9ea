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
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

from claimcheck.errors import InputError
from claimcheck.unitwords import (
    ACRONYM_COUNTS,
    CODE_ALIASES,
    COUNTRY_CURRENCIES,
    CURRENCY_SIGNS,
    CURRENCY_WORDS,
    ISO_4217,
    MULTIPLES,
    NAMED_CURRENCIES,
    PER_MILLE_WORDS,
    PERCENT_WORDS,
    POINT_WORDS,
    SHARED_CURRENCY_NAMES,
    ambiguity,
    flops,
    meaning,
    per_time,
    subunit,
)

ISO_CURRENCIES = ISO_4217
CURRENCY_NAMES = {
    "rmb": "CNY", "yuan": "CNY", "renminbi": "CNY", "yuan renminbi": "CNY",
    "dollars": "USD", "dollar": "USD", "us dollars": "USD", "u.s. dollars": "USD",
    "us dollar": "USD", "euros": "EUR", "euro": "EUR", "rupees": "INR", "rupee": "INR",
    "indian rupees": "INR", "yen": "JPY", "japanese yen": "JPY", "pounds sterling": "GBP",
    "sterling": "GBP", "swiss francs": "CHF", "won": "KRW",
    "元": "CNY", "人民币": "CNY", "美元": "USD", "欧元": "EUR",
    "rupiah": "IDR", "ringgit": "MYR", "rand": "ZAR", "baht": "THB", "naira": "NGN",
    "lira": "TRY", "roubles": "RUB", "rubles": "RUB", "rouble": "RUB", "ruble": "RUB",
    "shekels": "ILS", "shekel": "ILS", "zloty": "PLN", "forint": "HUF", "dong": "VND",
    "taka": "BDT", "kronor": "SEK", "swiss franc": "CHF", "hong kong dollars": "HKD",
    "canadian dollars": "CAD", "australian dollars": "AUD", "new taiwan dollars": "TWD",
    **NAMED_CURRENCIES,
}
# Currency names several countries use: a figure in them says too little to convert.
AMBIGUOUS_NAMES = {
    "pesos": "MXN, PHP, ARS, CLP or COP", "peso": "MXN, PHP, ARS, CLP or COP",
    "dirhams": "AED or MAD", "dirham": "AED or MAD", "riyals": "SAR or QAR",
    "riyal": "SAR or QAR", "krona": "SEK or ISK", "kroner": "NOK or DKK",
    "krone": "NOK or DKK", "francs": "CHF or another franc", "franc": "CHF or another franc",
    "bucks": "USD, CAD, AUD or NZD", "buck": "USD, CAD, AUD or NZD",
    **SHARED_CURRENCY_NAMES,
}
CURRENCY_SYMBOLS = {
    "US$": "USD", "HK$": "HKD", "A$": "AUD", "C$": "CAD", "S$": "SGD", "NZ$": "NZD",
    "R$": "BRL", "$": "USD", "€": "EUR", "£": "GBP", "₹": "INR", "Rs.": "INR", "Rs": "INR",
    "₩": "KRW", "RMB": "CNY", "Rmb": "CNY", "NT$": "TWD", "Rp": "IDR", "RM": "MYR", "R": "ZAR",
    **CURRENCY_SIGNS, **CODE_ALIASES,
}
# Signs read after the number too ("5.000₫", "100 ₽"); not `$`: "5 $" is Canadian dollars in
# Quebec. quantity.py refuses a `.` before three digits there, as such figures group thousands.
SIGNS_AFTER = {sign: code for sign, code in CURRENCY_SYMBOLS.items()
               if len(sign) == 1 and not sign.isalpha() and sign != "$"}
AMBIGUOUS_SYMBOLS = {"¥": ("CNY", "JPY"), "￥": ("CNY", "JPY")}
# Currencies whose sign is `$`, which may follow their code ("USD$291 million", "ARS$5").
DOLLAR_CODES = frozenset(
    {code for sign, code in CURRENCY_SYMBOLS.items() if "$" in sign}
    | {code for name, code in COUNTRY_CURRENCIES.items()
       if name.endswith(("dollar", "dollars", "peso", "pesos"))})
# Plural nouns counted as they are, before pint can read one as a unit of its own.
COUNT_NOUNS = frozenset(
    {"companies", "firms", "enterprises", "patents", "people", "persons", "houses", "homes",
     "users", "jobs", "workers", "employees", "households", "units", "cases",
     "students", "applications", "startups", "vehicles", "cars", "deaths", "visitors"}
)
# Plurals without an s ("300 aircraft"); none is a unit pint knows.
SINGULAR_COUNT_NOUNS = frozenset({"people", "staff", "personnel", "livestock", "children",
                                  "women", "men", "police", "aircraft", "spacecraft", "sheep",
                                  "fish", "deer", "cattle", "offspring"})
# Words before the noun may qualify it ("AI-related patents", "\"little giant\" firms"); the
# noun may be a people's name ("Americans").
_COUNT_WORDS = re.compile(r"^([\w'\"“”‘’.\-]+ )*[A-Za-z][a-z'\-]*$")


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
    money = _currency(stripped, lowered)
    if money is not None:
        return money
    if stripped in ACRONYM_COUNTS:
        return count(stripped)
    refusal = figure_word_refusal(stripped)
    if refusal:
        raise InputError(refusal)
    if lowered in PERCENT_WORDS:
        return PERCENT
    if lowered in PER_MILLE_WORDS:
        return PER_MILLE
    if lowered in POINT_WORDS:
        return Unit("count", stripped, POINT_WORDS[lowered], "percentage points")
    if lowered in COUNT_NOUNS:
        return count(lowered)
    speed = flops(stripped)
    if speed is not None:
        return Unit("count", stripped, Fraction(speed), "flops")
    substance = _SUBSTANCE.fullmatch(stripped)
    if substance is not None:
        return _of_substance(stripped, substance.group(1), substance.group(2))
    ambiguous = ambiguity(stripped)
    if ambiguous:
        raise InputError(f"unit {stripped!r} is ambiguous: write {ambiguous}")
    physical = _meant_unit(stripped)
    if physical is not None:
        return physical
    if lowered.split()[-1] in CURRENCY_WORDS:
        raise InputError(f"{stripped!r} names a currency claimcheck does not know by that name: "
                         "write its ISO 4217 code (SGD, BRL, EGP, ...)")
    if _COUNT_WORDS.match(stripped) and (
        stripped.endswith("s") or stripped.split()[-1] in SINGULAR_COUNT_NOUNS
    ):
        return count(stripped)
    if re.fullmatch(r"[A-Z]{3}", stripped):
        raise InputError(f"{stripped!r} is not a currency code claimcheck knows (ISO 4217)")
    if unicodedata.category(stripped[0]) == "Sc":
        raise InputError(unknown_sign_message(stripped))
    raise InputError(
        f"unknown unit {stripped!r}: expected a currency (CNY, USD, yuan, dollars), %, "
        "a plural count noun (companies, patents) or a unit pint knows (TWh, km, t)"
        + _rate_hint(stripped)
    )


def _currency(stripped: str, lowered: str) -> Unit | None:
    """The currency a code, sign or name after the number names; refused where it names
    several (`pesos`, `¥`)."""
    if stripped in ISO_CURRENCIES:
        return currency(stripped)
    code = (CODE_ALIASES.get(stripped) or SIGNS_AFTER.get(stripped)
            or CURRENCY_NAMES.get(lowered) or COUNTRY_CURRENCIES.get(lowered))
    if code:
        return currency(code)
    if lowered in AMBIGUOUS_NAMES:
        raise InputError(f"{stripped!r} names no one currency: write its ISO code "
                         f"({AMBIGUOUS_NAMES[lowered]})")
    if stripped in AMBIGUOUS_SYMBOLS:
        raise InputError(ambiguous_symbol_message(stripped, "..."))
    return None


def unknown_sign_message(sign: str) -> str:
    return (f"{sign!r} is a currency sign claimcheck does not read here: write the currency's "
            "ISO 4217 code (USD, EUR, CRC, ...)")


# "£10.42 per hour", "£2,695 pcm", "£30,000 pa": a rate the value cannot carry (pint would
# read `a year` as a year to multiply by, `pa` as a picoyear). Lower case: `Pa` is a pascal.
_RATE_ALONE = re.compile(r"(?:(?:per|an?|each|every)\s+|/\s*)(?:hour|hr|day|week|month|year|yr"
                         r"|annum)|pcm|p\.?a\.?|pw|annually")


def figure_word_refusal(text: str, figure: Decimal | None = None) -> str:
    """Why `text` after a number is no unit: hundredths of a currency (`33p`), a multiple
    (`3 times`) or a rate per time (`per hour`); with the figure, what to write instead."""
    if hundredths := subunit(text):
        return _subunit_message(hundredths[1], figure)
    if text.lower() in MULTIPLES:
        times = "n" if figure is None else f"{figure:f}"
        rate = "(n-1)×100" if figure is None else f"{(figure - 1) * 100:f}"
        return (f"{text!r} makes the figure a multiple of another: a multiple is a growth, "
                f"{times} times is `growth: {{rate: {rate}%, kind: total}}` with its start and "
                "end figures")
    if _RATE_ALONE.fullmatch(text):
        return f"{text!r} makes the figure a rate, which a value is not" + _rate_hint(text)
    return ""


def _subunit_message(code: str | None, figure: Decimal | None) -> str:
    """`33p`: write 0.33 GBP; `50 cents`: of which currency (0.50 of it)?"""
    if code is None:
        example = "50 cents: 0.50 USD" if figure is None else f"{figure.scaleb(-2):f} USD"
        amount = "the figure" if figure is None else f"{figure.scaleb(-2):f}"
        return (f"cents of which currency? write {amount} in dollars, euros, ... with its code "
                f"({example})")
    hundredths, whole = _HUNDREDTHS[code]
    amount = (f"the figure in {whole}s (50 {hundredths}: 0.50 {code})" if figure is None
              else f"{figure.scaleb(-2):f} {code}")
    return f"{hundredths} are hundredths of a {whole}: write {amount}"


_HUNDREDTHS = {"GBP": ("pence", "pound"), "INR": ("paise", "rupee")}
_PER_COUNT = re.compile(r"(?:\bper|/)\s*[\d,]+\s*k?\b"
                        r"|(?:\bper\s+|/)(?:capita|head|person|woman|share)\b"
                        r"|\b(?:a|per)\s+(?:day|week|month)\b|/(?:day|week|month)\b",
                        re.IGNORECASE)


_PER_TIME_MONEY = re.compile(r"(?:\bper\s+|\ban?\s+|/\s*)(?:hour|hr|month|year|yr|annum)\b"
                             r"|\b(?:pcm|pw|annually)\b|(?-i:\bp\.?a\.?$)", re.IGNORECASE)


def _rate_hint(text: str) -> str:
    """For `per 100,000 people` or `deaths a day`: how to write a rate the units cannot."""
    if text.startswith("("):  # "Rs 1,500 crore ($180 million)"
        return ("; a figure in brackets is a second figure: give it a claim of its own, with "
                "`restates`")
    if text.startswith("%"):  # "14% decline", "56% turnout"
        return ("; a percentage stands alone: a fall is -14%, and what it measures goes in "
                "the metric")
    if _PER_TIME_MONEY.search(text):
        return ("; for a rate per hour, month or year, write the number alone and name the rate "
                "in the metric (uk.minimum_wage_per_hour, rent_per_month); a yearly total is the "
                "number alone, its `period` says the year")
    if _PER_COUNT.search(text):
        return ("; for a rate per so many people, per share or per day, write the number alone "
                "and name the rate in the metric (us.murder_rate_per_100k, eps, deaths_per_day)")
    return ""


def _meant_unit(text: str) -> Unit | None:
    """The unit as claim files mean it (unitwords.py), else as pint reads it; `a year` as
    `per year`, and hyphens as spaces where pint reads only that (`kilowatt-hours`)."""
    times, meant = meaning(text) or (1, per_time(text) or text)
    unit = _physical_unit(meant)
    if unit is None and "-" in meant:
        unit = _physical_unit(meant.replace("-", " "))
    if unit is None or (meant == text and unit.code == text):
        return unit
    return dataclasses.replace(unit, code=text, factor=unit.factor * times)


# Emissions are masses of a gas, and a tonne of CO2, of CO2-equivalent and of carbon are three
# measures (a tonne of carbon is 3.67 of CO2): the gas is part of the dimension.
_SUBSTANCE = re.compile(r"(.*?)\s*(?:of\s+)?(CO[2₂](?:-?e|-?eq)?|CH[4₄])")
_SUBSTANCE_NAMES = {"CO2": "CO2", "CO2e": "CO2e", "CO2-e": "CO2e", "CO2eq": "CO2e",
                    "CO2-eq": "CO2e", "CH4": "CH4"}


def _of_substance(text: str, amount: str, gas: str) -> Unit:
    """A mass of a gas (`Gt CO2`), or its share of the air (`420 ppm CO2`)."""
    unit = parse_unit(amount) if amount else None
    name = _SUBSTANCE_NAMES[gas.replace("₂", "2").replace("₄", "4")]
    if unit is not None and unit.kind == "physical" and unit.dimension == "[mass]":
        return Unit("physical", text, unit.factor, f"[mass] of {name}")
    if unit is not None and unit.dimension == "count" and unit.factor < 1:
        return Unit("count", text, unit.factor, f"concentration of {name}")
    raise InputError(f"{text!r}: {gas} follows a unit of mass (t, kt, Mt, Gt, tonnes) or of "
                     "concentration (ppm, ppb)")


_PER_TIME = re.compile(r"(?:/|\bper\s+|\ba\s+)(?:years?|yr|annum|month|day)\b|\bannually\b",
                       re.IGNORECASE)


def per_time_hint(*units: Unit) -> str:
    """For a figure and its rate per year (`945 TWh` beside `945 TWh a year`): where the
    year goes, since a yearly total and a rate are two dimensions."""
    if any(_PER_TIME.search(unit.code) for unit in units):
        return " (a figure for a year is written without `per year`: its `period` says when)"
    return ""


def ambiguous_symbol_message(symbol: str, number: str) -> str:
    first, second = AMBIGUOUS_SYMBOLS[symbol]
    return f"{symbol} is used for both {first} and {second}; write {number} {first} or {second}"


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
    except Exception:  # pint raises several types (UndefinedUnitError, TokenError, ...)
        return None
    magnitude = float(step.magnitude)
    if not math.isfinite(magnitude) or not magnitude:
        return None
    factor = _exact_factor(magnitude)
    if base.dimensionless:
        return Unit("count", text, factor, "count")
    dimension = dimension_text(dict(base.dimensionality))
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

    try:
        # pint's own cache (in the user's cache folder) cuts 0.4 s to 0.04 s a run.
        return pint.UnitRegistry(cache_folder=":auto:")
    except OSError:
        return pint.UnitRegistry()
