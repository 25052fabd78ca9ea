"""Refusals: why a value text or its unit is not read, and what to write instead.

A figure is read exactly or refused with the figure as it should be written: numbers grouped
otherwise (`10 000`, `€1.234,56`), qualifiers and words in place of a number, currency signs
of two currencies or of none claimcheck reads, hundredths and multiples (`33p`, `3 times`),
rates (`per hour`, `per 100,000 people`, `$85 a barrel`, `2% a year`), margins of error
(`±2.5%`), and scale words of two meanings or of other languages (`3 billions`, `5K`,
`millones`, `5 mil`). quantity.py and units.py read; this module says why not.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from typing import TYPE_CHECKING

from claimcheck.countwords import work_time
from claimcheck.currencywords import AMBIGUOUS_SYMBOLS
from claimcheck.errors import InputError
from claimcheck.qualifiers import ALIASES, Qualifier
from claimcheck.ratehints import is_rate_alone, rate_hint
from claimcheck.unitwords import (
    FOLD_NUMBERS,
    FOREIGN_SCALES,
    MULTIPLES,
    foreign_unit,
    misspelt_unit,
    subunit,
)

if TYPE_CHECKING:
    from claimcheck.units import Unit

EXPECTED = "NUMBER [SCALE] [UNIT], e.g. '600 billion CNY', '$83.45 billion', '15.6%'"


# Numbers grouped otherwise, or words in their place

# "€1.234,56", "1.234.567", "10 000": thousands grouped by `.` or a space, a decimal comma.
# The next three are strings, compiled by re on first use: only a refused value needs them.
_DECIMAL_COMMA = r"\d{1,3}(?:\.\d{3})*,\d+"
_DOT_GROUPED = r"\d{1,3}(?:\.\d{3})+"
_SPACE_GROUPED = re.compile(r"[-+]?\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+(?:\.\d+)?(?![\d,])")
# A whole group of digits after a space ("90 0000 fans"), not a word that starts with digits
# ("300 3D printers", "4 5G stations"), nor a size written as an adjective ("100,000 12-inch
# wafers"): `(?![^\W_])` also stops \d+ giving a digit back.
_SPACE_THEN_DIGIT = re.compile(r"[ \u00a0\u2009\u202f]+\d+(?![^\W_]|-[^\W\d_])")
_WRITTEN = r"([-+]?)([\d.,]+)"


def refuse_other_groupings(rest: str, end: int, text: str) -> None:
    """Numbers written as much of Europe writes them, read as ours would misread them."""
    if rest[end:end + 1] == "," or (rest[end:end + 1] == "." and rest[end + 1:end + 2].isdigit()):
        written = re.match(_WRITTEN, rest)
        sign, digits = (written.group(1), written.group(2)) if written else ("", "")
        if re.fullmatch(_DECIMAL_COMMA, digits):
            meant = sign + digits.replace(".", "").replace(",", ".")
            raise InputError(f"{text!r}: `,` separates thousands and a decimal comma is not "
                             f"read: write {meant}")
        if re.fullmatch(_DOT_GROUPED, digits):
            raise InputError(f"{text!r}: `.` is the decimal point and `,` separates thousands: "
                             f"write {sign}{digits.replace('.', ',')}")
    spaced = _SPACE_GROUPED.match(rest)
    if spaced and spaced.end() > end:
        number = spaced.group(0)
        grouped = re.sub(r"[ \u00a0\u2009\u202f]", ",", number)
        raise InputError(f"{text!r}: digits grouped by spaces are not read: write {grouped}")
    if _SPACE_THEN_DIGIT.match(rest, end):  # "90 0000 fans": never 90 of '0000 fans'
        raise InputError(f"{text!r}: digits grouped by spaces are not read: write one number, "
                         "`,` grouping thousands (4,500 or 1,234,567)")


def refuse_dot_thousands(digits: str, unit: Unit, text: str) -> None:
    """`5.000₫` is five thousand dong: where the sign follows the number, as in much of
    Europe and in Vietnam, `.` groups thousands. `digits` may carry its sign (`-5.000`)."""
    sign = digits[:1] if digits[:1] in ("-", "+") else ""
    if re.fullmatch(_DOT_GROUPED, digits[len(sign):]):
        raise InputError(f"{text!r}: with the currency sign after the number, `.` may group "
                         f"thousands: write the number as {digits.replace('.', ',')} and the "
                         f"sign as {unit.code}, or {unit.code} {digits} if `.` is the decimal "
                         "point")


# A qualifier, a direction or a number in words written into the value: said so, with
# what to write, rather than "not a number" (quantity.py refuses ranges and proportions).
# The words are qualifiers.py's, longest first ("just over" before "over"), a space or a
# hyphen between them as parse_qualifier takes them.
_QUALIFIER_WORDS = sorted({*ALIASES, *(qualifier.value for qualifier in Qualifier)},
                          key=lambda words: (-len(words), words))
# Strings, compiled by re on first use: only a refused value's wording needs them (2.5 ms).
_QUALIFIED = (r"(?i)([~≈<>≤≥]|(?:%s)\b)\s*"
              % "|".join(r"[\s-]+".join(map(re.escape, re.split(r"[ -]", words)))
                         for words in _QUALIFIER_WORDS))
_DIRECTION = r"(?i)(down|up|minus|plus|fell|rose|dropped|grew)\b"
_IN_WORDS = (r"(?i)(one|two|three|four|five|six|seven|eight|nine|ten|a half|half|a third"
             r"|two-thirds|a quarter|three-quarters)\b")
_FOLD = r"(?i)([a-z]+)-?fold\b"
_NAIRA = r"(?s)N(\d.*)"


def why_no_number(rest: str) -> str:
    if fold := re.match(_FOLD, rest):
        times = FOLD_NUMBERS.get(fold.group(1).lower())
        rate = f"{(times - 1) * 100}%" if times else "(n-1)×100%"
        return (f": {fold.group(0)!r} is a multiple of another figure, a growth: write "
                f"`growth: {{rate: {rate}, kind: total}}` with its start and end figures")
    if rest[:1] and unicodedata.category(rest[0]) == "Sc":
        return ": " + unknown_sign_message(rest[0])
    if naira := re.match(_NAIRA, rest):  # Nigerian papers print ₦ as N
        return (f": N before a number may be the naira (₦): write NGN {naira.group(1)}, or "
                "the figure alone if the N is no currency")
    if qualified := re.match(_QUALIFIED, rest):
        return (f": write the figure alone, and {qualified.group(1)!r} as its `qualifier` "
                "(about, nearly, over, under, at-least, at-most)")
    if re.match(_DIRECTION, rest):
        return ": write a change with its sign (-14% for a fall, 14% for a rise)"
    if re.match(_IN_WORDS, rest):
        return (": write the figure in digits, a proportion as a percentage (one in five: "
                "20%, half: 50%)")
    return f"; expected {EXPECTED}"


# Currency signs

def unknown_sign_message(sign: str) -> str:
    if sign == "₿":  # s12: tokens are counted, never converted as a currency is
        return ("'₿' is bitcoin, read as a count of tokens, not a currency: write the number "
                "with BTC after it (21 million BTC)")
    return (f"{sign!r} is a currency sign claimcheck does not read here: write the currency's "
            "ISO 4217 code (USD, EUR, CRC, ...)")


def ambiguous_symbol_message(symbol: str, number: str) -> str:
    *others, last = AMBIGUOUS_SYMBOLS[symbol]
    both = "both " if len(others) == 1 else ""
    return (f"{symbol} is used for {both}{', '.join(others)} and {last}; write {number} "
            f"{', '.join(others)} or {last}")


# Scale words of two meanings or of other languages

ZHAO = ("兆 is 10^12 in Japan and Taiwan but 10^6 in mainland China (兆瓦 is a megawatt): write "
        "the scale in words, trillion or million (5 trillion JPY, 5 million, 5 MW)")


def thousand_or_kelvin(digits: str, text: str) -> str:
    return (f"{text!r}: {digits}K may be {digits} thousand or {digits} kelvin: "
            f"write {digits}k or {digits} thousand, or {digits} K for kelvin")


# "3 billions" is French, where a billion is 10^12; in English, 10^9: which is meant?
_LONG_SCALE_PLURALS = {"billions": (9, 12), "trillions": (12, 18), "quadrillions": (15, 24)}
_LETTER_NAMES = {"K": ("kelvin", "thousand"), "M": ("molar", "million"),
                 "B": ("bytes", "billion")}


def refuse_long_scale_plural(word: str, digits: str, text: str) -> None:
    if word.lower() not in _LONG_SCALE_PLURALS:
        return
    short, long = _LONG_SCALE_PLURALS[word.lower()]
    singular = word.lower().removesuffix("s")
    raise InputError(f"{text!r}: {word!r} is French usage, where a {singular} is 10^{long}; in "
                     f"English it is 10^{short}: write {digits} {singular} for "
                     f"{digits}×10^{short}")


# Alone after a space, M and B are refused as well: a figure in molar or in bytes is rarer
# than one in millions or billions. `5 K` alone stays kelvin, as SI writes it (`1.5 K` of
# warming), and is where the refusal of `5K` points.
_ALONE = {"M": f", or {{}} mol/L for {_LETTER_NAMES['M'][0]}", "B": ""}


def refuse_spaced_letter(word: str, after: str, digits: str, text: str) -> None:
    """`5 M fans`, `1.65 B hours`, `5 B`, `5 M`: a capital after a space, read as a unit, is
    more likely a scale: refused rather than read as molar fans or a count of B."""
    alone = not after.strip()
    if word not in _LETTER_NAMES or not (re.match(r"\s+[^\W\d_]", after) or
                                         alone and word in _ALONE):
        return
    unit, name = _LETTER_NAMES[word]
    raise InputError(f"{text!r}: {word} after a space may be a unit ({unit}) or {name}: write "
                     f"{digits}{word}{after.rstrip()} or {digits} {name}{after.rstrip()} for "
                     f"{name}s" + (_ALONE[word].format(digits) if alone else ""))


_SYMBOL_SCALES = {"MM": ("million", "megamolar"), "G": ("billion", "gauss")}


def refuse_spaced_symbol(symbol: str, after: str, digits: str, text: str) -> None:
    """`5 MM fans`, `24.1 G barrels`: MM (a million in US usage) or G (giga) after a space,
    before words, which pint would read as its units."""
    if re.match(r"\s+[^\W\d_]", after):
        name, unit = _SYMBOL_SCALES[symbol]
        raise InputError(f"{text!r}: {symbol} after a space is read as a unit ({unit}): write "
                         f"{digits} {name}{after.rstrip()} for {name}s")


_FRENCH_OF = re.compile(r"\s*(d['’]|de\s)\s*(\S.*)", re.IGNORECASE)


def refuse_foreign_scale(rest: str, digits: str, text: str) -> None:
    """`3 millones de euros`, `3 millions d'euros`: scales and currencies in other languages
    are refused with the English to write, never counted as `millones de euros`."""
    words = rest.split()
    first = words[0].lower() if words else ""
    if first == "mil":
        raise InputError(f"{text!r}: 'mil' is a thousand in Spanish and Portuguese, a million in "
                         "English slang, and an angle in pint: write "
                         f"{digits} thousand or {digits} million")
    if first in FOREIGN_SCALES:
        english = FOREIGN_SCALES[first]
        if english is None:
            raise InputError(f"{text!r}: {words[0]!r} is 10^12 in Spain and Portugal but 10^9 "
                             f"in Brazil: write {digits} trillion or {digits} billion")
        raise InputError(f"{text!r}: {words[0]!r} is {english}: write the scale in English "
                         f"({digits} {english})")
    french = _FRENCH_OF.match(rest)
    if french:
        raise InputError(f"{text!r}: {french.group(0).strip()!r} is French: write the scale in "
                         "English and the currency as its ISO code after it (3 millions d'euros: "
                         "3 million EUR)")


# Words after the number: no unit, hundredths, multiples, rates

def unknown_unit_message(unit: str) -> str:
    return (f"unknown unit {unit!r}: expected a currency (CNY, USD, yuan, dollars), %, "
            "a plural count noun (companies, patents) or a unit pint knows (TWh, km, t)"
            + (rate_hint(unit) or _people_hint(unit)))


_POWER_WORDS = frozenset({"sq", "sq.", "square", "cu", "cu.", "cubic"})


def unit_spelling_refusal(text: str) -> str:
    """Why `text`, which would be counted as a plural noun, is refused: a unit in another
    language (`kilómetros cuadrados`) or a misspelt one (`hectars`); "" for a count noun."""
    if foreign_unit(text):
        return f"unknown unit {text!r}: write the unit in English (km², ha, t)"
    *powers, word = text.split() or [""]
    # one unit word, squared or cubed at most: `air miles`, `Olympic metres` are nouns of
    # their own, no typo of miles or metres
    single = all(power.lower() in _POWER_WORDS for power in powers)
    meant = misspelt_unit(word) if single and text.endswith("s") else None
    if meant is None:
        return ""
    return (f"unknown unit {text!r}: did you mean {meant}? (a misspelt unit would be counted "
            "as a noun)")


# --- Units in brackets and units of a commodity (red-team round s12) ------------------------

def bracketed_unit_message(text: str, unit: str, inner: str, inner_is_unit: bool,
                           unbracketed: str = "") -> str:
    """`barrels per day (mb/d)`: one unit, without the bracket."""
    if inner_is_unit:
        return (f"{text!r}: a unit in brackets restates the unit before it: drop the bracket "
                f"and write one unit ({unit}, or the figure in {inner})")
    if unbracketed:
        return f"{text!r}: a bracket in a unit is not read: write {unbracketed}"
    return (f"{text!r}: a bracket after the unit is not read: write the unit alone ({unit}) "
            f"and name {inner!r} in the metric")


def commodity_message(text: str, unit: str, thing: str, ambiguous: str = "") -> str:
    """`5 Mt of copper`, `ounces of gold`: the unit alone, the commodity in the metric."""
    metric = re.sub(r"\W+", "_", thing.lower()).strip("_") or "commodity"
    named = (f"name {thing} in the metric ({metric}.production, {metric}.reserves), not in "
             "the unit")
    if ambiguous:
        return f"{text!r}: {named}; the unit {unit!r} is ambiguous: write {ambiguous}"
    return f"{text!r}: write {unit} and {named}"
# --- end of the s12 brackets and commodities ------------------------------------------------


def figure_word_refusal(text: str, figure: Decimal | None = None) -> str:
    """Why `text` after a number is no unit: hundredths of a currency (`33p`), a multiple
    (`3 times`) or a rate per time (`per hour`); with the figure, what to write instead."""
    if text.lower() in _PER_AREA:
        return _per_area_message(text, figure)
    if hundredths := subunit(text):
        return _subunit_message(hundredths[1], figure)
    if text.lower() in MULTIPLES:
        times = "n" if figure is None else f"{figure:f}"
        rate = "(n-1)×100" if figure is None else f"{(figure - 1) * 100:f}"
        return (f"{text!r} makes the figure a multiple of another: a multiple is a growth, "
                f"{times} times is `growth: {{rate: {rate}%, kind: total}}` with its start and "
                "end figures")
    if is_rate_alone(text):
        return f"{text!r} makes the figure a rate, which a value is not" + rate_hint(text)
    if percent_rate := _PERCENT_RATE.fullmatch(text):
        return _percent_rate_message(text, percent_rate.group("when").lower(), figure)
    if change := _PERCENT_CHANGE.fullmatch(text):
        return _percent_change_message(text, change.group("abbr") or change.group("word"), figure)
    return ""


def count_rate_message(text: str, noun: str, per: str) -> str:
    """`units per year`, `vehicles a year`: a count per time, which pint would read as a
    frequency (or, for `units`, as a luminosity per time)."""
    metric = re.sub(r"\W+", "_", f"{noun} per {per}".lower())
    return (f"{text!r} makes the figure a rate, which a value is not"
            + (rate_hint(text) or f"; write the count alone and name the rate in the metric "
               f"({metric})"))


# "1.63 percent a year", "2% annually", "2.55% per annum": a percentage per year is a rate of
# change (a growth), while pint would read `percent per year` as a frequency, 1/[time].
_PERCENT_RATE = re.compile(r"(?:%|percent|per\s*cent|pct\.?|pc)\s*(?:(?:per|an?|each|every)\s+"
                           r"|/\s*)?(?P<when>year|yr|annum|a|month|quarter|annually|yearly|annual"
                           r"|monthly|quarterly|p\.?\s?a\.?)", re.IGNORECASE)
_PERIODS = {"month": "monthly", "monthly": "monthly", "quarter": "quarterly",
            "quarterly": "quarterly"}


# "1.3% m/m", "15.3% y/y", "15% YoY", "2% q-o-q", "4% year-on-year": a change on the period
# before, a growth; pint would read `% m/m` as a percent of metres per metre, a count. Not
# `w/w`, chemistry's weight per weight.
_PERCENT_CHANGE = re.compile(r"(?:%|percent|per\s*cent|pct\.?|pc)\s*(?:(?P<abbr>[ymq])"
                             r"(?:/|o|-o-)(?P=abbr)|(?P<word>year|month|quarter|week)[-\s]+"
                             r"(?:on|over)[-\s]+(?P=word))\.?", re.IGNORECASE)
_CHANGE_PERIODS = {"y": "year", "m": "month", "q": "quarter"}


def _percent_change_message(text: str, when: str, figure: Decimal | None) -> str:
    rate = "N%" if figure is None else f"{figure:f}%"
    period = _CHANGE_PERIODS.get(when.lower(), when.lower())
    return (f"{text!r} makes a percentage a change on the {period} before: a growth "
            f"(`growth: {{rate: {rate}, from: ..., to: ...}}`, the two periods it compares), "
            f"and a level is the percentage alone ({rate})")


def _percent_rate_message(text: str, when: str, figure: Decimal | None) -> str:
    rate = "N%" if figure is None else f"{figure:f}%"
    period = _PERIODS.get(when, "yearly")
    return (f"{text!r} makes a percentage a rate of change: a {period} rate of change is a "
            f"growth (`growth: {{rate: {rate}, from: ..., to: ...}}`), and a level is the "
            f"percentage alone ({rate})")


def price_per_unit(text: str, price: str, thing: str) -> str:
    """`$85 a barrel`, `€30/MWh`: a price per unit, which a value cannot carry."""
    return (f"{text!r} is a price per {thing}: write the price alone ({price}) and name the "
            "unit in the metric (oil.brent.price_per_barrel, eu.gas.price_per_mwh)")


# "±2.5%", "+/-3%", "plus or minus 3.5 percentage points": a poll's margin of error
_MARGIN = re.compile(r"\s*(?:±|\+\s*/\s*[-−]|\+-|plus or minus|plus/minus)\s*([\d.,]+)\s*(.*)",
                     re.IGNORECASE | re.DOTALL)
_PERCENTISH = r"(?i)%|percent|per cent|percentage points?|pp|points?"  # compiled on first use


def refuse_margin(text: str) -> None:
    margin = _MARGIN.fullmatch(text)
    if margin is None:
        return
    number, unit = margin.group(1), margin.group(2).strip()
    written = (f"{number} pp: a poll's margin is in percentage points"
               if re.fullmatch(_PERCENTISH, unit) else f"{number} {unit}".strip())
    raise InputError(f"{text!r} is a margin of error: write the margin alone ({written}) and "
                     "name it in the metric (poll.margin_of_error)")


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


_HUNDREDTHS = {"GBP": ("pence", "pound"), "INR": ("paise", "rupee"), "USD": ("cents", "dollar"),
               "EUR": ("cents", "euro")}


# ---- Area, people and work-time words (red-team s12) ----

# "HK$18,000 psf", "S$1,500 psm": property prices per square foot or metre, refused as
# `per sq ft` is (pint knows neither; engineering's psf, a load, is lbf/ft^2).
_PER_AREA = {"psf": ("square foot", "sqft"), "p.s.f.": ("square foot", "sqft"),
             "psm": ("square metre", "sqm")}


def _per_area_message(text: str, figure: Decimal | None) -> str:
    area, short = _PER_AREA[text.lower()]
    price = "" if figure is None else f": {figure:f} and its currency"
    load = "; a load in pounds per square foot is lbf/ft^2" if short == "sqft" else ""
    return (f"{text!r} makes the figure a price per {area}: write the price alone, without "
            f"{text}{price}, and the area in the metric (hk.flat.price_per_{short}){load}")


# "1 million Rohingya", "4 million Maasai": a people's name or an adjective for people,
# which no list of count nouns holds in full.
# A string, compiled by re on first use: only a refusal's hint needs it.
_PEOPLE_LIKE = r"[A-Z][a-z'’]{3,}|[a-z]+(?:-[a-z]+)*(?:ed|born)"


def _people_hint(unit: str) -> str:
    if not re.fullmatch(_PEOPLE_LIKE, unit):
        return ""
    return (f"; if {unit!r} names people, write the figure in people and name who in the "
            "metric (1 million people, metric bd.refugees.rohingya)")


def work_time_hint(values: list[tuple[str, Unit]]) -> str:
    """For `2.33 million days` beside `2.47 million working days` of one metric: days of
    work are counted (countwords.py, at _WORK_TIME), a time in days is not; what to write."""
    work = next((unit.code for _, unit in values
                 if unit.dimension == "count" and work_time(unit.code)), None)
    time = next(((text, unit.code) for text, unit in values if unit.dimension == "[time]"),
                None)
    if work is None or time is None:
        return ""
    text, code = time
    worked = work_time(work)
    same = code.lower().rstrip("s") == worked and text.rstrip().endswith(code)
    written = f"{text.rstrip()[:-len(code)]}{work}" if same else f"it in {work}"
    return (f" ({work} are a count of {worked}s of work, {code} a time: if {text!r} counts "
            f"{worked}s of work, write {written})")
