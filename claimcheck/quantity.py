"""Stated figures: `NUMBER [SCALE] [UNIT]` read exactly as written, with their rounding."""

from __future__ import annotations

import dataclasses
import functools
import math
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import Any

from claimcheck.caching import LazyPattern, cached
from claimcheck.currencywords import (
    AMBIGUOUS_SYMBOLS,
    CODE_ALIASES,
    CURRENCY_SYMBOLS,
    DOLLAR_CODES,
    NAMES_BEFORE,
    SIGNS_AFTER,
    UNIT_OF_THE_NAMED,
    UNREAD_SIGNS,
)
from claimcheck.display import SCALE_NAMES, decimal_number, describe
from claimcheck.errors import InputError
from claimcheck.interval import Interval
from claimcheck.mixednumbers import VULGAR_SIGNS, fraction_of_a_count, is_fraction, take_fraction
from claimcheck.ratehints import is_rate_of_time_or_count, money_rate_message
from claimcheck.refusals import (
    EXPECTED,
    ambiguous_symbol_message,
    figure_word_refusal,
    price_per_unit,
    refuse_dot_thousands,
    refuse_margin,
    refuse_other_groupings,
    why_no_number,
)
from claimcheck.scales import refuse_unknown_scale, take_scales
from claimcheck.units import ISO_CURRENCIES, Unit, currency, parse_unit
from claimcheck.unitwords import subunit

# Thousands grouping (1,234,567), or the Indian lakh grouping (12,34,567) that rupee figures
# use: the two cannot be confused, as only the last group of the Indian form has three digits.
_NUMBER = re.compile(
    r"[-+]?(?:\d{1,3}(?:,\d{3})+|\d{1,2}(?:,\d{2})+,\d{3}|\d+)(?:\.\d+)?(?:[eE][-+]?\d+)?"
)
_BAD_GROUPING = re.compile(r"[-+]?\d+(?:,\d+)+(?:\.\d+)?")
_PREFIX = re.compile(
    # "US $198 million", "USD$291 million", "USD $9.78 billion"; "A $5" is refused below;
    # "U.S. $132 million" as AP style writes it
    r"(U\.S\.\s*\$|(?:US|HK|NZ|NT|AU|CA|SG)\s+\$|(?:[A-Z]{3}\s*|[ACSR]\s+)\$(?=\s*[-+\d])|"
    r"CNY¥|CN¥|JP¥|Mex\$|MX\$|AU\$|CA\$|SG\$|US\$|HK\$|NZ\$|NT\$|A\$|C\$|S\$|R\$|GH[₵¢]|"
    rf"[${re.escape(''.join(sorted(SIGNS_AFTER)))}]|Rs\.?|¥|￥|RMB|Rmb|"
    r"(?:[A-Z]{3}|FCFA|CFAF|[KTU][Ss]hs?\.?|S[Ff]r\.?|[DSN]?[kK]r\.?|Sh\.?|Fr\.?|S/\.?|Rp|RM|"
    r"Tk|TL|QR|KD|BD|RO|LE|Ks|zł|E£|Dhs?\.?|SR\.?|Br|kn|Ph[Pp]|人民[币幣]|新[台臺][币幣]|港[币幣]|R)"
    r"(?=\s*[-+\d]))\s*"
)
MAX_EXPONENT = 100
_SURELY_IN_RANGE = 10**40  # a scale below this and under 50 digits: within 10^±MAX_EXPONENT


@dataclass(frozen=True, init=False)
class StatedValue:
    """A figure as written: its number, scale and unit, and the interval its rounding allows.

    The exact values are cached: rules ask for them again and again, and Fractions are dear.
    """

    text: str
    number: Decimal
    scale: int
    unit: Unit

    def __init__(self, text: str, number: Decimal, scale: int, unit: Unit) -> None:
        # Frozen, but filled in directly: frozen's own __init__ sets each field through
        # object.__setattr__, 1.1 µs a value against 0.35, for the 57k values of 100k claims.
        fields = self.__dict__
        fields["text"], fields["number"], fields["scale"], fields["unit"] = (
            text, number, scale, unit)

    @cached
    def _exact(self) -> tuple[int, int, int]:
        """(digits, numerator, denominator): the stated digits as one integer (83.45: 8345),
        and 10^exponent × scale × unit factor in lowest terms, as integers.

        With these, every exact value below is a single Fraction(n, d): Fraction arithmetic
        costs microseconds an operation, and rules ask for 100k of these. In lowest terms,
        83.45 billion is 8345 × 10^7 / 1: a whole number, whose Fraction needs no gcd.
        """
        mantissa, _, power = str(self.number).partition("E")
        whole, _, fraction = mantissa.partition(".")
        exponent = (int(power) if power else 0) - len(fraction)
        factor = self.unit.factor
        numerator, denominator = self.scale * factor.numerator, factor.denominator
        if exponent >= 0:
            numerator *= 10**exponent
        else:
            denominator *= 10**-exponent
        common = math.gcd(numerator, denominator)
        return int(whole + fraction), numerator // common, denominator // common

    @cached
    def magnitude(self) -> Fraction:
        """The figure in canonical units (percent as a fraction: 15.6% is 0.156)."""
        digits, numerator, denominator = self._exact
        if denominator == 1:
            return Fraction(digits * numerator)
        return Fraction(digits * numerator, denominator)

    @cached
    def figure(self) -> int | Fraction:
        """The magnitude, as an int where it is whole: equal to the Fraction and hashed alike,
        at a fraction of the cost (equal figures are found by hashing 100k of these)."""
        digits, numerator, denominator = self._exact
        return digits * numerator if denominator == 1 else self.magnitude

    @cached
    def half_unit(self) -> Fraction:
        _, numerator, denominator = self._exact
        return Fraction(numerator, 2 * denominator)

    @cached
    def rounding(self) -> Interval:
        """[83.445, 83.455] for 83.45: every value that rounds to the figure as written."""
        return _rounded(*self._exact)

    @cached
    def rounding_floats(self) -> tuple[float, float]:
        """rounding's ends as floats, for the rules' float screens, with no Fraction built:
        the true division of two integers is correctly rounded, so these are the floats of
        its exact ends (to_float's), with the same OverflowError beyond floats."""
        digits, numerator, denominator = self._exact
        digits, denominator = 2 * digits, 2 * denominator
        return (digits - 1) * numerator / denominator, (digits + 1) * numerator / denominator

    @cached
    def significant(self) -> Interval:
        """The rounding of a figure whose trailing zeros may be rounding too (2,400 kcal for
        10,000 kJ is 2,350..2,450): a conversion is only as precise as its digits."""
        _, stated, exponent = self.number.as_tuple()
        zeros = len(stated) - len("".join(map(str, stated)).rstrip("0"))
        if not isinstance(exponent, int) or exponent < 0 or not zeros or zeros == len(stated):
            return self.rounding
        digits, numerator, denominator = self._exact
        return _rounded(digits // 10**zeros, numerator * 10**zeros, denominator)

    @property
    def written_digits(self) -> int:
        """How many digits the figure is written with, trailing zeros too: 600 billion has 3,
        6.8 million 2, 247.15 million 5."""
        return len(self.number.as_tuple().digits)

    def describe(self) -> str:
        """The figure in words, every stated digit, in its stated scale: 118864.5 million USD."""
        unit, scale = self.unit, self.scale
        if unit.kind == "percent":
            return describe(self.magnitude, unit, exact=True)
        word = SCALE_NAMES.get(scale)
        if word is None:
            # A figure with no scale word, below a million, is the stated number in its unit
            # (what describe() makes of its magnitude, with no Fraction on the way).
            if scale != 1 or not -1000000 < self.number < 1000000:
                return describe(self.magnitude, unit, exact=True)
            word = ""
        return " ".join(filter(None, (decimal_number(self.number), word, unit.code)))

    def __str__(self) -> str:
        return self.describe()


def _rounded(digits: int, numerator: int, denominator: int) -> Interval:
    """Every value that rounds to digits × numerator / denominator, half a unit either side."""
    digits *= 2
    return Interval(Fraction((digits - 1) * numerator, 2 * denominator),
                    Fraction((digits + 1) * numerator, 2 * denominator))


# The number: plain, or grouped as _NUMBER allows (4,500; Rs 27,86,349); a tail with digits in
# it (a bad grouping, 1,2345) takes the full reading and its message.
# A fraction sign (5¼%) is no part of a layout: it takes the full reading.
_SHAPE = re.compile(rf"\s*([^\d{VULGAR_SIGNS}]*?)((?:\d{{1,3}}(?:,\d{{3}})+|\d{{1,2}}(?:,\d{{2}})+"
                    rf",\d{{3}}|\d+)(?:\.\d+)?(?:[eE][-+]?\d+)?)([^\d{VULGAR_SIGNS}]*)", re.DOTALL)


def parse_value_text(text: str) -> StatedValue:
    """Read `600 billion CNY`, `$83.45 billion`, `6000亿 CNY`, `₹35 lakh crore`, `15.6%`.

    A figure restated, redated or quoted again is the same text, read once: the value is
    immutable, so claims share it, and with it the exact figures rules ask of it.
    """
    value = READ_VALUES.get(text)
    if value is None:
        value = read_new_value_text(text)
    return value


def read_new_value_text(text: str) -> StatedValue:
    """parse_value_text for a text not in READ_VALUES (a caller that looked it up already).

    A text of a plain layout read before (see _PLAIN) is read here, in this one call: the
    common case, 33k of 50k claims' values.
    """
    if len(READ_VALUES) >= _READ_AT_MOST:
        READ_VALUES.clear()
    plain = _PLAIN.get(text.encode("utf-8", "surrogatepass").translate(_DIGITS_TO_ZERO))
    if plain is not None:
        start, end, sign, scale, unit, grouped = plain
        digits = sign + text[start:end]
        # StatedValue's __init__, inlined (its fields, in its order): a Python call less for
        # each of 33k new values in 50k claims.
        value = _new_value(StatedValue)
        fields = value.__dict__
        fields["text"], fields["number"], fields["scale"], fields["unit"] = (
            text, Decimal(digits.replace(",", "") if grouped else digits), scale, unit)
    else:
        value = _read_value_text(text)
    READ_VALUES[text] = value
    return value


READ_VALUES: dict[str, StatedValue] = {}
_new_value = object.__new__
_READ_AT_MOST = 1 << 18


def _read_value_text(text: str) -> StatedValue:
    """Claim files repeat a few dozen layouts ("$… billion", "… billion CNY") around
    ever-new numbers, so the layout around the number is read once and remembered; only
    the digits are new each time. Anything unusual takes the full reading.
    """
    if "\u2212" in text:  # the typographic minus sign (−0.3%), as statistics offices print it
        return dataclasses.replace(_read_value_text(text.replace("\u2212", "-")), text=text)
    skeleton = text.encode("utf-8", "surrogatepass").translate(_DIGITS_TO_ZERO)
    laid_out = _SKELETONS.get(skeleton)
    if laid_out is None:
        if len(_SKELETONS) >= _SKELETONS_AT_MOST:
            _SKELETONS.clear()
        laid_out = _SKELETONS[skeleton] = _lay_out(text)
    if laid_out is _IN_FULL:
        return _in_range(_parse_in_full(text))
    start, end, sign, scale, unit, sign_after, plain = laid_out
    digits = text[start:end]
    if sign_after:
        refuse_dot_thousands(sign + digits, unit, text)
    if not plain:
        return _in_range_as_laid_out(text, sign + digits, scale, unit)
    if not sign_after and skeleton not in _PLAIN:
        if len(_PLAIN) >= _SKELETONS_AT_MOST:
            _PLAIN.clear()
        _PLAIN[skeleton] = start, end, sign, scale, unit, "," in digits
    return StatedValue(text, Decimal(sign + digits.replace(",", "")), scale, unit)


# A text's skeleton: its UTF-8 with every ASCII digit made 0 ("$83.45 billion" is
# "$00.00 billion"; no byte of a longer character is an ASCII digit). _SHAPE tells a digit
# from other characters but never one digit from another, so where the number lies and the
# layout around it are the same for every text of a skeleton: a claim file's 33k new values
# have some 300 skeletons. A bytes translate and a lookup cost a quarter of the match.
_DIGITS_TO_ZERO = bytes.maketrans(b"123456789", b"000000000")
_IN_FULL = ()  # the skeleton's texts take the full reading
_SKELETONS: dict[bytes, tuple[Any, ...]] = {}
_SKELETONS_AT_MOST = 4096
# The skeletons whose texts are read from the layout alone, with nothing to refuse: plainly
# in range, no currency sign after the number (1.000€ may be a dot for thousands).
# (start, end, sign, scale, unit, whether the number is grouped with commas). A text with
# the typographic minus never gets here: _read_value_text reads it without its skeleton.
_PLAIN: dict[bytes, tuple[int, int, str, int, Unit, bool]] = {}


def _lay_out(text: str) -> tuple[Any, ...]:
    """Where the number of a text of this skeleton lies, (start, end), the layout's sign,
    scale, unit and whether a currency sign follows the number, and whether the number is
    plainly in range (under 50 digits, no exponent, a modest scale: within 10^±100)."""
    match = _SHAPE.fullmatch(text)
    if match is None:
        return _IN_FULL
    head, digits, tail = match.groups()
    try:
        sign, scale, unit, sign_after = _layout(head, tail)
    except InputError:
        return _IN_FULL  # its message is for the whole text
    plain = not ("e" in digits or "E" in digits or len(digits) >= 50
                 or scale >= _SURELY_IN_RANGE)
    return match.start(2), match.end(2), sign, scale, unit, sign_after, plain


def _in_range_as_laid_out(text: str, digits: str, scale: int, unit: Unit) -> StatedValue:
    """A value of a known layout whose number may be out of range: an exponent, 50 digits
    or more, a large scale."""
    exponent = digits.lower().partition("e")[2]
    if exponent and abs(int(exponent)) > MAX_EXPONENT:
        raise InputError(f"{text!r}: the number is out of range "
                         f"(exponent beyond ±{MAX_EXPONENT})")
    return _in_range(StatedValue(text, Decimal(digits.replace(",", "")), scale, unit))


def _in_range(value: StatedValue) -> StatedValue:
    """Refuse figures beyond 10^±100 (a stack of scale words, 400 digits): nothing real is."""
    if value.number and abs(value.number.adjusted() + len(str(value.scale)) - 1) > MAX_EXPONENT:
        raise InputError(f"{value.text[:60]!r}: the number is out of range "
                         f"(beyond 10^±{MAX_EXPONENT})")
    return value


@functools.lru_cache(maxsize=4096)
def _layout(head: str, tail: str) -> tuple[str, int, Unit, bool]:
    """Sign, scale and unit of a value written as head + number + tail, and whether a
    currency sign follows the number."""
    probe = _parse_in_full(f"{head}1{tail}")
    sign_after = tail.rstrip()[-1:] in SIGNS_AFTER
    return ("-" if probe.number < 0 else ""), probe.scale, probe.unit, sign_after


_PLUS_AFTER = re.compile(r"\s*(?:\+|-?\s*plus)\s*", re.IGNORECASE)


def _parse_in_full(text: str) -> StatedValue:
    rest = text.strip()
    refuse_margin(rest)
    sign = ""
    if rest[:1] and rest[:1] in "-+" and not rest[1:2].isdigit():
        sign, rest = rest[0], rest[1:].lstrip()
    named_before = rest.startswith(tuple(NAMES_BEFORE))
    prefix, rest = _take_prefix(rest, text)
    number, after = _take_number(sign, rest, text)
    digits = rest[:len(rest) - len(after)]
    number, scale, after = take_scales(number, after, prefix.code if prefix else None,
                                       digits.strip(), text)
    if _PLUS_AFTER.fullmatch(after):  # `$100m+`, `$1.5 billion-plus`: a lower bound
        raise InputError(f"{text!r}: write the figure alone, with `qualifier: at-least`")
    _refuse_range(after, text)
    if named_before and after.strip() in UNIT_OF_THE_NAMED:
        after = ""  # 新台幣38090.5億元: the 元 of the Taiwan dollar named before, not the yuan
    _refuse_price_per_unit(prefix, after, number * scale, text)
    suffix = _suffix(after, number, scale, prefix, text) if after.strip() else None
    unit = _combine_units(prefix, suffix, after, text)
    if scale == 1 and unit.dimension == "count" and unit.kind == "count" and is_fraction(digits):
        raise InputError(fraction_of_a_count(text, number, unit.code))
    if after.rstrip()[-1:] in SIGNS_AFTER:
        refuse_dot_thousands(sign + digits, unit, text)
    return StatedValue(text=text, number=number, scale=scale, unit=unit)


# After a scale word MT can only be metric tonnes ("2.6 million MT", as the USDA's FAS writes
# it): a million megatonnes or millitonnes is no figure anyone writes.
_TONNES_AFTER_A_SCALE = frozenset({"MT", "mt"})


def _suffix(rest: str, number: Decimal, scale: int, prefix: Unit | None, text: str) -> Unit:
    """The unit after the number; for `33p` or `3 times`, which are none, what to write,
    with the figure (0.33 GBP, a growth of 200%)."""
    figure = number * scale
    if scale != 1 and rest.strip() in _TONNES_AFTER_A_SCALE:
        return dataclasses.replace(parse_unit("t"), code=rest.strip())
    try:
        return parse_unit(rest)
    except InputError:
        _refuse_hundredths_of(prefix, rest.strip(), figure, text)
        refusal = figure_word_refusal(rest.strip(), figure)
        if refusal:
            raise InputError(refusal) from None
        refuse_unknown_scale(rest, text)
        raise


def _refuse_hundredths_of(prefix: Unit | None, word: str, figure: Decimal, text: str) -> None:
    """`USD 5.9 cents`: hundredths of the currency written before the figure, 0.059 USD."""
    hundredths = subunit(word)
    if prefix is None or hundredths is None or hundredths[1] not in (None, prefix.code):
        return
    raise InputError(f"{text!r}: {word} are hundredths of {prefix.code}: write "
                     f"{figure.scaleb(-2):f} {prefix.code}")


# "$85 a barrel", "€30/MWh", "85 USD/barrel", "4.4 US cents/kWh": money per a unit
# "$9,990 per person", "$5 per 1,000 people": money per so many, which keeps its currency
_PER_THING = re.compile(r"(.*?)\s*(?:/|\bper\s+|\ban?\s+)\s*([^\W\d].*|[\d,]+\s+[^\W\d].*)",
                        re.DOTALL)
# "£2,695 pcm", "£30,000 p.a.": money a month or a year as rents and salaries abbreviate it
_ABBREVIATED_RATE = re.compile(r"(.*?)\s*\b(pcm|pw|annually|p\.?a\.?)", re.DOTALL)


def _refuse_price_per_unit(prefix: Unit | None, after: str, figure: Decimal, text: str) -> None:
    """A price per barrel or per MWh is refused with the price to write, never read as money
    times a unit; money per hour or per person with the money to write, its currency kept."""
    tail = after.strip()
    if not tail:
        return
    figure_text = text.strip()[:-len(tail)].strip()
    if abbreviated := _ABBREVIATED_RATE.fullmatch(tail):
        _refuse_money_rate(prefix, abbreviated.group(1), figure_text, abbreviated.group(2), text)
        return
    per = _PER_THING.fullmatch(tail)
    if per is None:
        return
    money, thing = per.groups()
    if is_rate_of_time_or_count(thing):
        _refuse_money_rate(prefix, money, figure_text, tail[len(money):].strip(), text)
        return
    if not money:
        if prefix is not None and prefix.is_currency:
            raise InputError(price_per_unit(text, figure_text, thing))
        return
    hundredths = subunit(money)
    if hundredths is not None:  # "USD 4.4 cents/kWh": cents of the currency before the figure
        code = (hundredths[1] or (prefix.code if prefix is not None else None)
                or "with its currency's code: USD, EUR, ...")
        raise InputError(price_per_unit(text, f"{figure.scaleb(-2):f} {code}", thing))
    try:
        unit = parse_unit(money)
    except InputError:
        return
    if unit.is_currency:
        raise InputError(price_per_unit(text, f"{figure:f} {unit.code}", thing))


def _refuse_money_rate(prefix: Unit | None, money: str, figure_text: str, rate: str,
                       text: str) -> None:
    """`$9,990 per person`, `£10.42 per hour`: money per person or per hour is still money,
    written without the rate; a count per 100,000 people keeps the rate hints."""
    if money:
        try:
            unit: Unit | None = parse_unit(money)
        except InputError:
            return
        figure_text = f"{figure_text} {money}"
    else:
        unit = prefix
    if unit is not None and unit.is_currency:
        raise InputError(money_rate_message(text, figure_text, rate))


def parse_value(raw: Any) -> StatedValue:
    """A claim's `value`: a string, or a mapping `{amount: 600e9, unit: CNY}`."""
    if type(raw) is str:  # the common case first: a text read before is one dict lookup
        known = READ_VALUES.get(raw)
        if known is not None:
            return known
    if isinstance(raw, StatedValue):
        return raw
    if isinstance(raw, str):
        if not raw.strip():
            raise InputError(f"empty value; expected {EXPECTED}")
        return parse_value_text(raw)
    if isinstance(raw, dict):
        return _parse_mapping(raw)
    if isinstance(raw, bool) or not isinstance(raw, (int, float)):
        raise InputError(f"expected {EXPECTED} or {{amount, unit}}, got {type(raw).__name__}")
    _check_int_size(raw)
    # An index level (a CPI of 105.08) is a number without a unit: quoted, it is read so.
    raise InputError(
        f"{raw!r} has no unit; write it as a string with its unit ('{raw} companies', '{raw}%', "
        f"'{raw} index points'), quoted alone for a bare number such as an index level "
        f"('{raw}'), or as {{amount, unit}}"
    )


def _parse_mapping(raw: dict[Any, Any]) -> StatedValue:
    unknown = set(raw) - {"amount", "unit"}
    if unknown or "amount" not in raw:
        raise InputError("expected a mapping with `amount` and optional `unit`")
    amount, unit = raw["amount"], raw.get("unit", "")
    if isinstance(amount, bool) or not isinstance(amount, (int, float, str)):
        raise InputError(f"amount: expected a number, got {type(amount).__name__}")
    if isinstance(amount, float) and not math.isfinite(amount):
        raise InputError(f"amount: {amount!r} is not a finite number")
    if not isinstance(unit, str):
        raise InputError(f"unit: expected a string, got {type(unit).__name__}")
    _check_int_size(amount)
    if isinstance(amount, str) and not amount.strip():
        raise InputError("amount: expected a number, got an empty string")
    number_text = repr(amount) if isinstance(amount, float) else str(amount)
    number_text = number_text.removesuffix(".0")  # 600e9 in YAML is the whole number 600000000000
    return parse_value_text(f"{number_text} {unit}".strip())


def _check_int_size(number: object) -> None:
    # str() of an int over 4,300 digits raises; far smaller ones are out of range already.
    if isinstance(number, int) and number.bit_length() > 4 * MAX_EXPONENT:
        raise InputError(f"a number of about {number.bit_length() * 3 // 10:,} digits is out "
                         f"of range (beyond 10^{MAX_EXPONENT})")


_LONE_T = re.compile(r"(?<=\d)\s*T$")


def _take_prefix(rest: str, text: str) -> tuple[Unit | None, str]:
    match = _PREFIX.match(rest)
    if not match:
        return None, rest
    symbol = re.sub(r"\s+", "", match.group(1))
    after = rest[match.end():]
    spaced_letter = len(symbol) == 2 and symbol != match.group(1)  # "A $5", not "A$5"
    if symbol.endswith("$") and (spaced_letter or symbol not in CURRENCY_SYMBOLS):
        return _code_before_dollar(symbol, after.strip(), text), after
    if symbol in AMBIGUOUS_SYMBOLS:
        # "¥5T": T is a trillion only after a sign, so the advice spells it (5 trillion CNY)
        number = _LONE_T.sub(" trillion", after.strip()) or "600 billion"
        raise InputError(ambiguous_symbol_message(symbol, number))
    if symbol in CURRENCY_SYMBOLS:
        return currency(CURRENCY_SYMBOLS[symbol]), after
    if symbol in ISO_CURRENCIES:
        return currency(symbol), after
    if symbol in CODE_ALIASES:  # "SDR 11.6 billion", "NIS 5"
        return currency(CODE_ALIASES[symbol]), after
    raise InputError(f"{symbol!r} in {text!r} is not a currency code claimcheck knows (ISO 4217)")


def _code_before_dollar(symbol: str, number: str, text: str) -> Unit:
    """`USD$5`: a dollar (or peso) currency's code and its sign, one currency; `EUR$5` names
    two, and `A $5` may be A$ (AUD) or a stray letter before $ (USD)."""
    if len(symbol) == 2:
        dollar = CURRENCY_SYMBOLS[symbol]
        raise InputError(f"{text!r}: {symbol[0]} $ with a space may be {symbol} ({dollar}) or a "
                         f"letter before $ (USD): write {dollar} {number} or USD {number}")
    code = (CODE_ALIASES.get(symbol[:-1]) or CURRENCY_SYMBOLS.get(symbol[:-1])
            or symbol[:-1])
    if code not in ISO_CURRENCIES:
        raise InputError(f"{symbol!r} in {text!r} is not a currency code claimcheck knows "
                         "(ISO 4217)")
    if code not in DOLLAR_CODES:
        raise InputError(f"{text!r} names two currencies, {code} and $: write one "
                         f"({code} {number} or USD {number})")
    return currency(code)


def _take_number(sign: str, rest: str, text: str) -> tuple[Decimal, str]:
    fraction = take_fraction(rest, text)
    if fraction is not None:
        number, after = fraction
        _refuse_range(after, text)
        return (-number if sign == "-" else number), after
    match = _NUMBER.match(rest)
    bad = _BAD_GROUPING.match(rest)
    if bad and (not match or bad.end() > match.end()):
        raise InputError(
            f"{text!r}: {bad.group(0)!r} is not a number; `,` separates thousands (4,500 or "
            "1,234,567) or lakhs (12,34,567), and `.` is the decimal point"
        )
    if not match:
        _refuse_unread_sign(rest, text)
        _refuse_bracketed_negative(text.strip(), text)  # the whole: "$" may be taken
        raise InputError(f"{text!r} does not start with a number" + why_no_number(rest))
    after = rest[match.end():]
    refuse_other_groupings(rest, match.end(), text)
    proportion = _PROPORTION.match(after)
    if proportion:
        share = Decimal(match.group(0).replace(",", "")) / Decimal(proportion.group(1)
                                                                   .replace(",", ""))
        raise InputError(f"{text!r} is a proportion: write it as a percentage "
                         f"({share * 100:.3g}%, with `qualifier: about` if it is rounded)")
    if after.startswith("+") and not after[1:2].isdigit():
        raise InputError(f"{text!r}: write the figure alone, with `qualifier: at-least`")
    _refuse_range(after, text)
    digits = match.group(0).replace(",", "")
    power = digits.lower().partition("e")[2]
    if power and abs(int(power)) > MAX_EXPONENT:
        raise InputError(f"{text!r}: the number is out of range (exponent beyond ±{MAX_EXPONENT})")
    try:
        number = Decimal(sign + digits)
    except InvalidOperation:  # pragma: no cover - the pattern only admits valid literals
        raise InputError(f"{text!r}: {digits!r} is not a number") from None
    return number, after


_UNREAD_SIGN = LazyPattern(r"(%s)\s*(?=\d)" % "|".join(sorted(UNREAD_SIGNS, key=len,
                                                                  reverse=True)))


def _refuse_unread_sign(rest: str, text: str) -> None:
    """`P6.352 trillion`, `K5 billion`: a letter sign of several currencies, named."""
    if unread := _UNREAD_SIGN.match(rest):
        sign, figure = unread.group(1), rest[unread.end():].strip()
        meaning, write = UNREAD_SIGNS[sign]
        raise InputError(f"{text!r}: {sign} before a number may be {meaning}: write "
                         + write.replace("{}", figure))


# "$(1.83) trillion", "(1.83) trillion USD", "($180 million)": accounts print a negative in
# brackets; a sign or code before the bracket, a scale or unit after it, but no more brackets.
_BRACKETED = LazyPattern(r"([^\d()]*?)\(\s*([^()]*?\d[^()]*?)\s*\)([^()]*)", re.DOTALL)


def _refuse_bracketed_negative(written: str, text: str) -> None:
    bracketed = _BRACKETED.fullmatch(written)
    if bracketed is None:
        return
    head, inside, tail = bracketed.groups()
    try:
        negative = parse_value_text(f"-{head.strip()}{inside}{tail}").describe()
    except InputError:
        return  # "(about 5)": no figure alone in the brackets; the usual message
    raise InputError(f"{text!r}: a figure in brackets is a negative in accounts: write it with "
                     f"a minus sign ({negative}), or without the brackets if it is no negative")


# A range or a proportion written into the value: refused with what to write.
# After the scale too (`£49bn-£56.6bn`, `£72bn to £78bn`), where a hyphenated scale takes its
# hyphen (`US$5bn-US$6bn` leaves `US$6bn`).
_RANGE = re.compile(r"\s*(?:[-–—]|to)\s*(?:[A-Z]{1,3}\$|[A-Z]{3}\s|Rs\.?\s?)?[\d$€£₹]"
                    r"|\s*(?:[A-Z]{1,3}\$|Rs\.?\s?)\d")
_PROPORTION = re.compile(r"\s+(?:in|out of)\s+(\d[\d,]*)\b")


def _refuse_range(after: str, text: str) -> None:
    if _RANGE.match(after):
        raise InputError(f"{text!r} is a range, two figures: state one with a `qualifier` "
                         "(at-least, at-most), or each end as a claim of its own")


def _combine_units(prefix: Unit | None, suffix: Unit | None, rest: str, text: str) -> Unit:
    if prefix is None:
        return suffix if suffix is not None else parse_unit("")
    if suffix is None or suffix == prefix:
        return prefix
    raise InputError(
        f"{text!r} names two units, {prefix.code} before the number and {rest.strip()!r} after"
    )
