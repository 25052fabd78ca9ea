"""Oil, gas and mining units as the industry writes them, where pint reads them otherwise.

pint's `barrel` and `bbl` are 31.5 US gallons and its `b` a barn, `mb` a millibarn, `mtoe` a
millitonne of oil equivalent, `Moz` a mega-ounce avoirdupois and `cu` copper. In published
figures every barrel is the 42-gallon oil barrel, gold is weighed in troy ounces, and M is a
thousand in US oil and gas usage but a million elsewhere: such symbols are refused with both
readings, never guessed. unitwords.py reads these tables with its own general ones.
"""

from __future__ import annotations

import re
from fractions import Fraction

from claimcheck.ratehints import per_time

_PER_DAY = "oil_barrel / day"
_CUBIC_FEET, _PER_DAY_FEET = "cubic_foot", "cubic_foot / day"
_TCE = 29_307_600_000  # a tonne of coal equivalent: 29.3076 GJ (7,000 kcal per kg)
# Oil and coal words, in any case (`Barrels`), as unitwords.MEANINGS reads them
OIL_MEANINGS: dict[str, tuple[Fraction | int, str]] = {
    "barrel": (1, "oil_barrel"), "barrels": (1, "oil_barrel"),
    "barrels per day": (1, _PER_DAY), "barrels a day": (1, _PER_DAY),
    **dict.fromkeys(["tonne of oil equivalent", "tonnes of oil equivalent"], (1, "toe")),
    **dict.fromkeys(["tonne of coal equivalent", "tonnes of coal equivalent"], (_TCE, "joule")),
}

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
    # Symbols mean what they mean in their own case only: `mb` is the IEA's million barrels,
    # `MB` a megabyte. `bbl` is the 42-gallon oil barrel (pint: 31.5 gallons); `MM` is a
    # million in oil and gas (`MMbbl`, `MMBtu`, `MMcf`).
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
    # mining's thousand and million troy ounces (pint: kilo- and milli-ounces avoirdupois)
    **dict.fromkeys(["ozt", "toz"], (1, "troy_ounce")),
    **dict.fromkeys(["koz", "Koz"], (10**3, "troy_ounce")),
    **dict.fromkeys(["Moz", "moz", "Mozt"], (10**6, "troy_ounce")),
}
# Oil and gas symbols of two meanings, refused (in their own case only: `KB` is a kilobyte).
# m before bbl or boe is read by pint as milli-; M is a thousand in US oil usage, a million
# elsewhere: both refused, as Mbbl is
_LOWER_M = "(m and M are a thousand in US oil and gas usage, a million elsewhere; pint: milli-)"
_M_THOUSAND = "(M is a thousand in US oil and gas usage, a million elsewhere)"
_BARRELS = {"Mbbl": "bbl", "MBbl": "bbl", "MBBL": "bbl", "Mbbls": "bbl", "Mb/d": "b/d",
            "MB/D": "b/d", "Mbd": "b/d", "MBD": "b/d", "Mbpd": "b/d", "MBPD": "b/d",
            "MBtu": "Btu", "MBTU": "Btu", "Mbtu": "Btu"}
OIL_AMBIGUOUS_CASED = {
    **{symbol: f"thousand {unit} or million {unit} {_LOWER_M}"
       for symbol, unit in {"mbbl": "bbl", "mbbls": "bbl", "mboe": "boe", "Mboe": "boe",
                            "MBOE": "boe", "mboepd": "boe/d", "Mboepd": "boe/d",
                            "MBOEPD": "boe/d", "Mbopd": "b/d", "MBOPD": "b/d"}.items()},
    # M is a thousand in US oil and gas usage (the Roman numeral: `Mbbl`, `MBtu`), a million
    # elsewhere; b is a bit, a barn (pint) or a barrel.
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
}


# Oil barrels, however written.
# pint's `barrel` and `bbl` are 31.5 US gallons and its `b` a barn; in a published figure every
# barrel is the 42-gallon oil barrel, whatever its scale and rate (`barrels/day`, `bbl per
# day`, `kbbl/d`, `b/day`, `kb/d`, `MMBOPD`, `barrels per calendar day`). A barrel of oil
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
            or (base == "B" and not compact) or (base in ("b", "B") and scale and time != "day")
            or (compact in ("d", "D") and not (base in ("b", "B") and scale))):
        # `kbarrels`, `b` alone (pint: barn), `mbbl` (refused), `bd`; `B/d`, `kB/h` are bytes
        # (`KBD` a barrel's compact symbol); `kb/h`, `kb a year` as ambiguous as `kb`: the
        # industry scales b only a day (kb/d, mb/d)
        return None
    unit = "boe" if base.lower() == "boe" or match["equivalent"] else "oil_barrel"
    return _OIL_SCALES[scale], f"{unit} / {time}" if time else unit


_PINT_BARREL = re.compile(r"(?<![A-Za-z_])(k|K)?(?i:barrels?|bbls?)(?![A-Za-z_])")


def pint_barrels(text: str) -> str:
    """`text` with its barrels as pint's oil barrel, for the units no table above reads
    (`barrels per day per well`): pint's own barrel is never the one meant."""
    return _PINT_BARREL.sub(lambda match: ("kilo" if match[1] else "") + "oil_barrel", text)
