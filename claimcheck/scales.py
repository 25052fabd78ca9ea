"""Scale words after a number: `600 billion`, `₹35 lakh crore`, `6000亿`, `142M households`.

They multiply (`lakh crore` is 1e12); a single letter is a scale only where no unit can be meant
(`$5m`, `142M households`, not `5 M` molar or `5 K` kelvin). A few are read only with the
currency that settles their meaning (`43兆円`, `R$ 1.2 bi`), and East Asian numerals of several
groups (`61조5878억원`, `1799億9000万`) are read group by group.
"""

from __future__ import annotations

import re
from decimal import MAX_PREC, Context, Decimal, localcontext

from claimcheck.caching import LazyPattern
from claimcheck.errors import InputError
from claimcheck.refusals import (
    ZHAO,
    refuse_foreign_scale,
    refuse_long_scale_plural,
    refuse_spaced_letter,
    refuse_spaced_symbol,
    thousand_or_kelvin,
)
from claimcheck.units import parse_unit

SCALE_WORDS = {
    "thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12,
    "quadrillion": 10**15,
    "k": 10**3, "m": 10**6, "mn": 10**6, "mln": 10**6, "bn": 10**9, "bln": 10**9, "b": 10**9,
    # bil: billion as Malaysia's press writes it (RM1.5bil)
    "mrd": 10**9, "bil": 10**9,
    "tn": 10**12, "trn": 10**12, "trln": 10**12, "tril": 10**12,
    "lakh": 10**5, "lakhs": 10**5,
    "crore": 10**7, "crores": 10**7, "cr": 10**7, "crs": 10**7, "lac": 10**5, "lacs": 10**5,
    "thousands": 10**3, "millions": 10**6, "milliard": 10**9, "milliards": 10**9, "mio": 10**6,
    # table headers (ABARES, FAO, ICCO): "26,000 '000 tonnes"; not `000s`, which after a
    # number reads as digits grouped by a space ("5 000s": 5,000s?)
    **dict.fromkeys(["'000", "’000", "‘000"], 10**3),
    "万": 10**4, "亿": 10**8, "萬": 10**4, "億": 10**8,  # simplified and traditional
    "千": 10**3, "百": 10**2,  # 5千万 is 5 × 1000 × 10^4
    "만": 10**4, "억": 10**8, "조": 10**12, "천": 10**3, "백": 10**2,  # Korean: 4천억 is 4 × 10^11
}
# Scale words whose size depends on the currency, read only with it: 兆 is 10^12 in Japan and
# Taiwan, and in won figures as Japanese writes them (1兆7273億ウォン), but 10^6 in mainland
# China; Brazil's bilhão and trilhão (bi, tri in its press) are 10^9 and 10^12, where Portugal's
# are 10^12 and 10^18; and `mi` is pint's mile.
_BRL = frozenset({"BRL"})
CURRENCY_SCALES: dict[str, tuple[int, frozenset[str]]] = {
    "兆": (10**12, frozenset({"JPY", "TWD", "KRW"})),
    **dict.fromkeys(["mi", "milhão", "milhao", "milhões", "milhoes"], (10**6, _BRL)),
    **dict.fromkeys(["bi", "bilhão", "bilhao", "bilhões", "bilhoes"], (10**9, _BRL)),
    **dict.fromkeys(["tri", "trilhão", "trilhao", "trilhões", "trilhoes"], (10**12, _BRL)),
}
# mia.: the milliard of Danish, Norwegian and Swedish (as mrd.), read in lower case beside a
# currency, before or after it (290.4 mia. DKK), only: MIA is missing in action, Mia a name.
_BESIDE_A_CURRENCY = {"mia": 10**9}
# Single letters read as scales only after a currency ("$5m", "$3B"), where no unit can follow.
_LETTER_SCALES = frozenset({"k", "m", "b"})
_SCALE = re.compile(
    # "m³", "m²", "m2", "m/s": a single letter that a unit goes on from starts that unit
    # "$3.5-trillion", "₹1.5-lakh crore": a hyphen may join the number and its scale words
    # "7.9 tril. yen", "34.7 Mrd. Euro": abbreviations may end in a full stop
    r"\s*-?(thousands?|millions?|billions?|trillions?|quadrillions?|milliards?|lakhs?|lacs?|"
    r"crores?|(?:crs?|mln|mn|mio|bln|bn|bil|mrd|(?-i:mia)|trln|trn|tn|tril)\.?|[kmb](?![²³^/\d])|"
    r"(?-i:MM|T)|"
    r"['’‘]000|"
    r"[万亿萬億千百만억조천백兆]|bi|tri|mi|(?:mil|bil|tril)h(?:ão|ao|ões|oes))"
    r"(?![A-Za-z])",
    re.IGNORECASE,
)
# "7.95-trillion-yen": a hyphen between the scale and the unit
_HYPHEN_BEFORE_WORD = re.compile(r"-(?=[^\W\d_])")


def take_scales(number: Decimal, rest: str, currency_before: str | None, digits: str,
                text: str) -> tuple[Decimal, int, str]:
    """The number, the scale words after it (`billion`, `lakh crore`, `亿`, `M` on the digits)
    as one factor, and the text after them. `currency_before`: the code of a currency written
    before the number, which allows a letter (`$5m`) and settles a word (`R$ 1.2 bi`)."""
    letters_allowed = currency_before is not None
    numeral = read_numeral(number, rest, digits, text)
    if numeral is not None:
        number, scale, after, words = numeral
    else:
        scale, after, words = _scale_words(rest, letters_allowed, digits, text, True)
        _refuse_two_scales(number, scale, rest[:len(rest) - len(after)], after,
                           letters_allowed, digits, text)
    unsettled = _unsettled(words, currency_before, after)
    if unsettled:
        _refuse_unsettled(unsettled, digits, text)
        scale, after, _ = _scale_words(rest, letters_allowed, digits, text, False)
    if after.lstrip().startswith("兆"):
        raise InputError(ZHAO)
    if giga := _SPACED_G.match(after):  # "24.1 G barrels": not pint's gauss
        refuse_spaced_symbol("G", after[giga.end():], digits, text)
    refuse_foreign_scale(after, digits, text)
    return number, scale, after


def _scale_words(rest: str, letters_allowed: bool, digits: str, text: str,
                 by_currency: bool) -> tuple[int, str, list[str]]:
    """The scale words as one factor, the text after them, and the words; `by_currency`:
    take the words a currency must settle too (CURRENCY_SCALES), else stop before them."""
    scale, first, words = 1, True, []
    while match := _SCALE.match(rest):
        word, after = match.group(1), rest[match.end():]
        key = word.lower().rstrip(".")
        if key in CURRENCY_SCALES:
            if not by_currency:
                break
            scale *= CURRENCY_SCALES[key][0]
            words.append(key)
            rest, first = after, False
            continue
        attached = first and match.start(1) == 0  # "142M households", not "142 M"
        if word == "T":  # "$5T", "$5 T": a trillion after a currency sign; else pint's tesla
            if letters_allowed and first:  # not "$5 million T": T alone is the scale
                scale, rest, first = 10**12, after, False
            break
        if key in _BESIDE_A_CURRENCY and not (
                letters_allowed or _currency_after(after) is not None):
            break  # "5 mia soldiers": a milliard only beside a currency ("290.4 mia. DKK")
        if word in ("M", "MM") and _million_before_a_unit(word, after, digits, text):
            scale *= 10**6
            rest, first = after, False
            continue
        if word == "MM" and not letters_allowed:
            refuse_spaced_symbol(word, after, digits, text)  # "5 MM fans"
            break  # "5 MM" alone: pint's megamolar, as before
        spaced_letter = key in _LETTER_SCALES and word not in ("k", "m")
        if spaced_letter and not (letters_allowed or attached):
            refuse_spaced_letter(word, after, digits, text)
            break  # "5 K" is kelvin, "5 b" barn: spaced and alone, they read as units
        if word == "K" and attached and not letters_allowed and not after.strip():
            raise InputError(thousand_or_kelvin(digits, text))
        refuse_long_scale_plural(word, digits, text)
        scale *= 10**6 if word == "MM" else SCALE_WORDS.get(key) or _BESIDE_A_CURRENCY[key]
        rest, first = after, False
    if not first and _HYPHEN_BEFORE_WORD.match(rest):
        rest = rest[1:]
    return scale, rest, words


# "1 trillion 36 billion rupees": a figure in two scales, as English speaks it; a letter after
# the digits is no second scale ("5 million 4K TVs", "1 million 3M respirators": products)
_ANOTHER_GROUP = re.compile(r"\s+(?:and\s+)?(\d{1,3}(?:,\d{3})+|\d+)(?=\s*[^\W\d_])")
_LETTERS = frozenset({"k", "m", "b", "t", "mm"})


def _refuse_two_scales(number: Decimal, scale: int, scale_text: str, after: str,
                       letters_allowed: bool, digits: str, text: str) -> None:
    """Refuse a figure whose scale words are followed by digits and smaller scale words,
    with the figure in the first scale, exactly (1.036 trillion rupees; 2.500 million keeps
    the thousands 2 million 500 thousand is exact to)."""
    group = _ANOTHER_GROUP.match(after) if scale > 1 else None
    if group is None:
        return
    more = group.group(1)
    word = _SCALE.match(after, group.end())
    if word is None or word.group(1).lower() in _LETTERS:
        return
    second, tail, _ = _scale_words(after[group.end():], letters_allowed, more, text, False)
    if second == 1:
        return
    if second >= scale:
        raise InputError(f"{text!r}: write the figure in one scale (thousand, million, "
                         f"billion, trillion)")
    places = len(str(scale)) - len(str(second))  # scale words are powers of ten
    with localcontext(Context(prec=MAX_PREC)):
        figure = abs(number) + Decimal(more.replace(",", "")).scaleb(-places)
    written = text.strip()
    head = written[:written.find(digits)] + digits[:1].strip("0123456789+")  # "$", "-$", "-"
    one_scale = " ".join(part for part in (f"{head}{figure:f}", scale_text.strip(),
                                           tail.strip()) if part)
    raise InputError(f"{text!r} is one figure in two scales: write it in one ({one_scale})")


def _unsettled(words: list[str], currency_before: str | None, after: str) -> list[str]:
    """The words of CURRENCY_SCALES that the figure's currency, before or after it, does not
    settle (`43兆 CNY`, `5 bi`)."""
    by_currency = [word for word in words if word in CURRENCY_SCALES]
    if not by_currency:
        return []
    code = currency_before or _currency_after(after)
    return [word for word in by_currency if code not in CURRENCY_SCALES[word][1]]


def _currency_after(rest: str) -> str | None:
    try:
        unit = parse_unit(rest)
    except InputError:
        return None
    return unit.code if unit.is_currency else None


def _refuse_unsettled(words: list[str], digits: str, text: str) -> None:
    """兆 and trilhões without the currency that settles them are refused; `bi`, `mi` and the
    rest are read as whatever they are alone (`5 mi` is miles; `5 bilhões` has its message)."""
    if "兆" in words:
        raise InputError(ZHAO + "; with JPY or TWD (円, NT$), 兆 is read as 10^12, as it is "
                         "with KRW (ウォン, 원)")
    for word in words:
        if word.startswith("trilh"):
            raise InputError(f"{text!r}: {word!r} is 10^12 in Brazil but 10^18 in Portugal: "
                             f"write {digits} trillion, or the currency with it (R$ {digits} "
                             f"{word}, {digits} {word} BRL)")


# "7.9 bil. yen", "34.7 Bill. Euro": before a currency, a word that looks like a scale, an
# abbreviation (a full stop) or an -illion or -illiard, which claimcheck does not read.
# A string, compiled by re on first use: only a refusal needs it.
_LIKE_A_SCALE = r"(?i)[^\W\d_]+\.|\S*ill?i(?:on|ard)\S*"


def refuse_unknown_scale(rest: str, text: str) -> None:
    """Name the scale word claimcheck does not read, not the currency after it."""
    words = rest.split(None, 1)
    if len(words) != 2 or not re.fullmatch(_LIKE_A_SCALE, words[0]):
        return
    code = _currency_after(words[1])
    if code is not None:
        raise InputError(f"{text!r}: {words[0]!r} is no scale word claimcheck reads: write the "
                         f"scale in words (thousand, million, billion, trillion) and the "
                         f"currency as {code}")


# East Asian numerals of several groups: 61조5878억 (61.5878 trillion), 59조4천억, 7兆9496億,
# 1799億9000万, 5万2000円. A myriad (万, 億, 兆) below the one before ends a group of its own,
# which adds; one above multiplies all before it, as 万亿 (10^12) does in Chinese. The tables
# give each unit as its power of ten.
_NUMERAL_FORM = ("write its groups descending, each a whole number, with digits after 천, 千 "
                 "or a last 万 filling their places (61조5878억, 4천500억, 5万2000), or the figure "
                 "in one scale (61.5878 trillion)")
_MYRIADS = {"万": 4, "萬": 4, "만": 4, "亿": 8, "億": 8, "억": 8, "兆": 12, "조": 12}
_HUNDREDS = {"千": 3, "천": 3, "百": 2, "백": 2}
_SEVERAL_GROUPS = re.compile(r"\s*[万萬만亿億억兆조千천百백]+\s*\d")
_NUMERAL_PART = LazyPattern(r"(\s*)(\d+(?:,\d{3})*(?:\.\d+)?|[万萬만亿億억兆조千천百백])")


def read_numeral(first: Decimal, rest: str, digits: str,
                 text: str) -> tuple[Decimal, int, str, list[str]] | None:
    """`61` and `조5878억원`: 61.5878 at a scale of 10^12 (the place of the first digits), the
    text after the numeral (`원`) and its myriads; None where no digits follow a unit (6000亿,
    read by the scale words) or where the numeral ends in digits after a space."""
    if not _SEVERAL_GROUPS.match(rest):
        return None
    parts, end = _numeral_parts(rest)
    if not any(part[0].isdigit() for part in parts):
        return None  # "5万 2000 companies": 5万, then words
    with localcontext(Context(prec=MAX_PREC)):  # exact: no rounding to 28 digits
        value = _numeral_value(abs(first), parts)
        if value is None:
            raise InputError(f"{text!r}: {digits + rest[:end].rstrip()!r} is not a numeral "
                             f"claimcheck reads: {_NUMERAL_FORM}")
        total, lead = value
        number = total.scaleb(-lead)
    myriads = [part for part in parts if part in _MYRIADS]
    return (-number if first < 0 else number), 10**lead, rest[end:], myriads


def _numeral_parts(rest: str) -> tuple[list[str], int]:
    """The digits and units at the start of `rest`, and where they end; digits after a space
    only between a myriad and a unit (`59조 4천억`, not `5万 2000 companies`)."""
    parts: list[str] = []
    position = before = 0
    spaced = False  # the last part is digits after a space
    while (part := _NUMERAL_PART.match(rest, position)) is not None:
        space, token = part.groups()
        if space and token[0].isdigit() and parts[-1] not in _MYRIADS:
            break
        parts.append(token)
        position, before, spaced = part.end(), position, bool(space) and token[0].isdigit()
    if spaced:
        parts.pop()
        position = before
    return parts, position


def _numeral_value(first: Decimal, parts: list[str]) -> tuple[Decimal, int] | None:
    """The numeral's value, its last digit's place kept (59조4천억: 594E+11), and the exponent
    of its first digits' place (12); None where the groups do not descend, or where digits
    may be short for more than they say (4천5억: 4005억 or 4500억?)."""
    if not _whole(first):
        return None
    total = group = _NO_DIGITS
    pending: Decimal | None = first  # digits not yet given their unit
    written = len(str(first))  # how many digits they are written with
    place: int | None = None  # the last myriad: a group after it comes below it
    below: int | None = None  # the last 千 or 百 in this group: digits after it fill its places
    lead, first_pending = 0, True
    for part in parts:
        if part[0].isdigit():
            written = len(part.replace(",", ""))
            pending = Decimal(part.replace(",", ""))
            if not _whole(pending):
                return None
        elif part in _HUNDREDS:
            size = _HUNDREDS[part]
            if pending is None or written != 1 or (below is not None and size >= below):
                return None  # 4천 and 4천5백, not 12천, 천 alone or 5백4천
            if first_pending:
                lead, first_pending = size, False
            group, pending, below = group + pending.scaleb(size), None, size
        else:
            size = _MYRIADS[part]
            if pending is not None and below is not None and written != below:
                return None
            value = group if pending is None else group + pending
            if place is None or size > place:  # the first myriad, or 万亿: all before times it
                total, lead = (total + value).scaleb(size), lead + size
                place = size if value or place is None else place + size  # 万亿 is one, 10^12
            elif value and value.adjusted() + size < place:
                total, place = total + value.scaleb(size), size
            else:
                return None
            below, group, pending, first_pending = None, _NO_DIGITS, None, False
    if pending is not None or group:  # digits or 千 and 百 after the last myriad
        if not _ends_whole(pending is not None, written, place, below):
            return None
        total += group if pending is None else group + pending
    return total, lead


def _ends_whole(digits: bool, written: int, place: int | None, below: int | None) -> bool:
    """Whether a numeral may end as it does: in 千 or 百 (4천5백, 5万2千), or in digits that
    fill their places (4천500, 5万2000円); after 万 alone, as Japanese writes it, for in Korean
    speech 5억3000 and 1억2천 are 5억3000만 and 1억2천만, and in Chinese 1万5 is 15000."""
    if place not in (None, 4):
        return False
    if not digits:
        return True
    return written == (below if below is not None else 4)


# Zero with no digits of its own: a sum takes its last place from what is added (Decimal(0)
# would make 59조 + 4천억 exact to the unit).
_NO_DIGITS = Decimal("0E+1000")


def _whole(number: Decimal) -> bool:
    """Digits alone: 5878, not 5.5 or 5e3 (a group of a numeral is whole)."""
    return number.as_tuple().exponent == 0


_SPACED_G = re.compile(r"\s+G(?=\s)")
# Units whose M prefix is the Roman thousand in US oil and gas usage (Mbbl, Mcf, MBtu).
_ROMAN_M_UNITS = frozenset({"bbl", "bbls", "b/d", "bpd", "bbl/d", "cf", "cf/d", "Btu", "BTU",
                            "btu", "boe"})


def _million_before_a_unit(word: str, after: str, digits: str, text: str) -> bool:
    """`66.1 M barrels`, `5 MM Btu`: M or MM, a space, then a physical unit or a currency is
    a million (MM always, in oil and gas usage), never pint's molar; before bbl or Btu, a
    spaced M may be the Roman thousand of US usage, and is refused."""
    unit_text = after.strip()
    if not unit_text or (word == "M" and not after[:1].isspace()):
        return False
    try:
        unit = parse_unit(unit_text)
    except InputError:
        return False
    if unit.kind not in ("physical", "currency"):
        return False
    if word == "M" and unit_text in _ROMAN_M_UNITS:
        raise InputError(f"{text!r}: M before {unit_text} is a thousand in US oil and gas usage "
                         f"and a million elsewhere: write {digits} thousand {unit_text} or "
                         f"{digits} million {unit_text}")
    return True
