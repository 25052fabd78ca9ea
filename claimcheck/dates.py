"""PartialDate: `2024`, `2024-H1`, `2024-Q3`, `2024-09`, `2024-09-30` as intervals of days."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from fractions import Fraction

from claimcheck.caching import cached
from claimcheck.errors import InputError

_FORMS = re.compile(
    r"^(?P<year>\d{4})"
    r"(?:-(?:(?P<half>H[12])|(?P<quarter>Q[1-4])|(?P<month>\d{2})(?:-(?P<day>\d{2}))?))?$"
)
EXPECTED = "a date like 2024, 2024-H1, 2024-Q3, 2024-09 or 2024-09-30"


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date as precise as the text gives it: the interval of days [start, end] it spans."""

    start: dt.date
    end: dt.date
    text: str

    @classmethod
    def parse(cls, raw: object) -> PartialDate:
        if isinstance(raw, PartialDate):
            return raw
        if isinstance(raw, dt.datetime):
            raw = raw.date()
        if isinstance(raw, dt.date):
            return cls(raw, raw, raw.isoformat())
        if isinstance(raw, int) and not isinstance(raw, bool):
            raw = _year_text(raw)
        if not isinstance(raw, str):
            raise InputError(f"expected {EXPECTED}, got {type(raw).__name__}")
        return cls._parse_text(raw.strip())

    @classmethod
    def parse_cached(cls, raw: object) -> PartialDate:
        """parse(), remembering texts and years as written: claim files repeat a few hundred
        dates, 137k times in 100k claims, so a known one is one dict lookup."""
        if type(raw) not in _KEYED:  # exact types: a bool is no year (parse() says so)
            return cls.parse(raw)
        date = KNOWN_DATES.get(raw)
        if date is None:
            date = cls.parse(raw)
            if len(KNOWN_DATES) >= _KNOWN_AT_MOST:
                KNOWN_DATES.clear()
            KNOWN_DATES[raw] = date
        return date

    @classmethod
    def _parse_text(cls, text: str) -> PartialDate:
        if len(text) == 10 and text[4] == text[7] == "-" and text.isascii():
            # 2024-09-30, the form of most dates new to a run (3.4k sources' `published`
            # of 15.6k): read by the datetime module, not the regex and its groups. What
            # it refuses (a month 13, a year 0, 2024-W01-1) goes the long way, for the
            # message; tests/test_sources_s17_fastpath checks the two agree.
            try:
                day = dt.date.fromisoformat(text)
            except ValueError:
                pass
            else:
                return cls(day, day, text)
        return cls._parse_form(text)

    @classmethod
    def _parse_form(cls, text: str) -> PartialDate:
        match = _FORMS.match(text)
        if not match:
            raise InputError(f"{text!r} is not {EXPECTED}{_prose_hint(text)}")
        year = int(match["year"])
        if year < 1:
            raise InputError(f"{text!r}: year 0 does not exist; expected {EXPECTED}")
        if match["half"]:
            first = 1 if match["half"] == "H1" else 7
            return cls(dt.date(year, first, 1), _month_end(year, first + 5), text)
        if match["quarter"]:
            first = 3 * int(match["quarter"][1]) - 2
            return cls(dt.date(year, first, 1), _month_end(year, first + 2), text)
        if match["month"]:
            month = int(match["month"])
            if not 1 <= month <= 12:
                raise InputError(f"{text!r}: month {month} does not exist; expected {EXPECTED}"
                                 + _fiscal_year_hint(year, month, match["day"]))
            if match["day"]:
                return cls._day(year, month, int(match["day"]), text)
            return cls(dt.date(year, month, 1), _month_end(year, month), text)
        return cls(dt.date(year, 1, 1), dt.date(year, 12, 31), text)

    @classmethod
    def _day(cls, year: int, month: int, day: int, text: str) -> PartialDate:
        try:  # a valid year and month: only a day not in that month is refused
            day_date = dt.date(year, month, day)
        except ValueError:
            last = calendar.monthrange(year, month)[1]
            raise InputError(
                f"{text!r}: {calendar.month_name[month]} {year} has {last} days; "
                f"expected {EXPECTED}"
            ) from None
        return cls(day_date, day_date, text)

    @cached
    def days(self) -> tuple[int, int]:
        """First and last day as ordinals: what sorting and sweeping by date compare."""
        return self.start.toordinal(), self.end.toordinal()

    def overlaps(self, other: PartialDate) -> bool:
        return self.start <= other.end and other.start <= self.end

    def __str__(self) -> str:
        return self.text


def _year_text(year: int) -> str:
    if not 0 <= year <= 9999:
        raise InputError(f"a year must have four digits (0001-9999); expected {EXPECTED}")
    return str(year)


# Dates read, by the text or the year as written (2024 and "2024" are two keys, one date).
_KEYED = (str, int)
KNOWN_DATES: dict[object, PartialDate] = {}
_KNOWN_AT_MOST = 8192


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def years_between(start: PartialDate, end: PartialDate) -> int | Fraction:
    """Compounding periods between two figures' dates, measured between the dates' ends.

    Annual series are compounded year to year: a figure for 2023 and one for 2032 are nine
    periods apart, whatever a release calls its "forecast period" (2024-2032). So where either
    date is a calendar year (or a run of them) the count is in calendar years. Where both are
    finer (a month, quarter, half, day, or a period such as a fiscal year) it is the months
    between their ends over 12: February 1996 to September 2006 is 127/12 years. A day counts
    the share of its month gone by its end (a month's last day is that month). An int whenever
    the count is whole, and then it equals the calendar-year count.
    """
    if _whole_years(start) or _whole_years(end):
        return end.end.year - start.end.year
    years = (_months(end.end) - _months(start.end)) / 12
    return years.numerator if years.denominator == 1 else years


def _whole_years(date: PartialDate) -> bool:
    return (date.start.month, date.start.day, date.end.month, date.end.day) == (1, 1, 12, 31)


def _months(day: dt.date) -> Fraction:
    """Months from the start of year 0 to the end of `day`."""
    days_in_month = calendar.monthrange(day.year, day.month)[1]
    return 12 * day.year + day.month - 1 + Fraction(day.day, days_in_month)


def span(dates: list[PartialDate]) -> PartialDate:
    """The smallest interval of days covering all the given dates."""
    if len(dates) == 2:
        return span_of_two(*dates)
    start = min(d.start for d in dates)
    end = max(d.end for d in dates)
    text = dates[0].text if len(dates) == 1 else f"{start.isoformat()}..{end.isoformat()}"
    return PartialDate(start, end, text)


def span_of_two(first: PartialDate, last: PartialDate) -> PartialDate:
    """span([first, last]): a period's dates. Periods repeat (a year, a quarter), and their
    span is a function of its two ends, so each is built once and shared (it is immutable)."""
    start = first.start if first.start <= last.start else last.start
    end = last.end if last.end >= first.end else first.end
    key = (start, end)
    found = _SPANS.get(key)
    if found is None:
        if len(_SPANS) >= _KNOWN_AT_MOST:
            _SPANS.clear()
        found = _SPANS[key] = PartialDate(start, end, f"{start.isoformat()}..{end.isoformat()}")
    return found


_SPANS: dict[tuple[dt.date, dt.date], PartialDate] = {}


def _fiscal_year_hint(year: int, month: int, day: str | None) -> str:
    """`2023-24` is a fiscal year as India and the UK write them, not a month."""
    if day or month != (year + 1) % 100:
        return ""
    return (f" (a fiscal year? give its months: `period: {{from: {year}-04, to: {year + 1}-03}}` "
            f"for one from April{_crop_year_hint(year)})")


def _crop_year_hint(year: int) -> str:
    """Crop, marketing and academic years are written as fiscal years are (`2023-24`,
    `2022/23`) but run from their harvest or their first term: India's kharif-rabi year from
    July, the USDA's soybean year and most academic years from September."""
    return (f"; a crop or marketing year runs otherwise: `{{from: {year}-07, to: {year + 1}-06}}` "
            f"for India's crop year (July-June), `{{from: {year}-09, to: {year + 1}-08}}` for the "
            "USDA's soybean marketing year (September-August) or a school's academic year")


_MONTHS = {name: number for number, names in enumerate(
    [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
     ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
     ("oct", "october"), ("nov", "november"), ("dec", "december")], start=1) for name in names}
_ONE_DATE = r"\d{4}(?:-(?:Q[1-4]|H[12]|\d{2}(?:-\d{2})?))?"
# A string, compiled by re on first use: only a refused date's hint needs it (2.5 ms).
_PROSE = (r"(?i)(?:(?P<part>Q[1-4]|H[12])|(?P<month>[A-Za-z]+)\.?)\s+(?P<year>\d{4})"
          r"|(?P<fypart>Q[1-4]|H[12])\s*FY\s?(?P<fyof>\d{2}|\d{4})"
          r"|FY\s?(?P<fy>\d{2}|\d{4})|(?:FY\s?)?(?P<span>\d{4}\s*[/–-]\s*\d{2,4})"
          rf"|(?P<first>{_ONE_DATE})\s*(?:/|\.\.|–|—|\bto\b)\s*(?P<last>{_ONE_DATE})")


def _prose_hint(text: str) -> str:
    """`Q3 2024`, `Sept 2024`, `FY24` as prose writes them: what to write instead."""
    match = re.fullmatch(_PROSE, text)
    if match is None:
        return ""
    if match["span"]:
        return _span_hint(match["span"], fiscal=match.group(0)[:2].upper() == "FY")
    if match["first"]:
        return f" (a span of dates is a `period: {{from: {match['first']}, to: {match['last']}}}`)"
    if match["fypart"]:
        return _fiscal_part_hint(match["fypart"].upper(), int(match["fyof"]) % 100 + 2000)
    if match["fy"]:
        return _fiscal_hint(int(match["fy"]) % 100 + 2000)
    if match["part"]:
        return f" (write {match['year']}-{match['part'].upper()})"
    month = _MONTHS.get(match["month"].lower())
    return "" if month is None else f" (write {match['year']}-{month:02d})"


def _fiscal_hint(year: int) -> str:
    """Countries name fiscal years differently: India's FY24 ends in March 2024, Japan's fiscal
    2024 begins in April 2024, the US's FY2024 ends in September 2024."""
    return (f" (a fiscal year? give its months as a `period`: `{{from: {year - 1}-04, to: "
            f"{year}-03}}` for India's, `{{from: {year}-04, to: {year + 1}-03}}` for Japan's, "
            f"`{{from: {year - 1}-10, to: {year}-09}}` for the US's)")


# The months of each part of a fiscal year from April, as offsets from that April.
_FISCAL_PARTS = {"Q1": (0, 2), "Q2": (3, 5), "Q3": (6, 8), "Q4": (9, 11), "H1": (0, 5),
                 "H2": (6, 11)}


def _fiscal_part_hint(part: str, year: int) -> str:
    """`Q2FY21`: India's fiscal 2021 runs from April 2020, so its Q2 is July to September 2020."""
    first, last = (dt.date(year - 1 + (4 + k - 1) // 12, (4 + k - 1) % 12 + 1, 1)
                   for k in _FISCAL_PARTS[part])
    return (f" (a part of a fiscal year: give its months as a `period`; for India's, "
            f"`{{from: {first:%Y-%m}, to: {last:%Y-%m}}}`)")


def _span_hint(text: str, fiscal: bool) -> str:
    """`2023/24` is a fiscal, crop or statistical year (`FY2023/24` a fiscal one); `2024/09`
    a month."""
    year, second = (int(part) for part in re.split(r"\s*[/–-]\s*", text))
    if second in ((year + 1) % 100, year + 1):
        return (f" (a fiscal year? give its months as a `period`, e.g. `period: {{from: {year}-04, "
                f"to: {year + 1}-03}}`{'' if fiscal else _crop_year_hint(year)})")
    return f" (write {year}-{second:02d})" if 1 <= second <= 12 else ""
