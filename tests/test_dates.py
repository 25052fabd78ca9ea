"""Partial dates (SPEC §1 "Dates"): each form is the interval of days it spans."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest

from claimcheck.dates import PartialDate, span, years_between
from claimcheck.errors import InputError

D = dt.date
FORMS_TEXT = "a date like 2024, 2024-H1, 2024-Q3, 2024-09 or 2024-09-30"
EXPECTED = f"expected {FORMS_TEXT}"

FORMS = [
    ("2024", D(2024, 1, 1), D(2024, 12, 31)),
    ("2024-H1", D(2024, 1, 1), D(2024, 6, 30)),
    ("2024-H2", D(2024, 7, 1), D(2024, 12, 31)),
    ("2024-Q1", D(2024, 1, 1), D(2024, 3, 31)),
    ("2024-Q2", D(2024, 4, 1), D(2024, 6, 30)),
    ("2024-Q3", D(2024, 7, 1), D(2024, 9, 30)),
    ("2024-Q4", D(2024, 10, 1), D(2024, 12, 31)),
    ("2024-09", D(2024, 9, 1), D(2024, 9, 30)),
    ("2024-02", D(2024, 2, 1), D(2024, 2, 29)),   # leap year
    ("2023-02", D(2023, 2, 1), D(2023, 2, 28)),
    ("2024-12", D(2024, 12, 1), D(2024, 12, 31)),
    ("2024-09-30", D(2024, 9, 30), D(2024, 9, 30)),
    ("2024-02-29", D(2024, 2, 29), D(2024, 2, 29)),
    (" 2024 ", D(2024, 1, 1), D(2024, 12, 31)),
    (D(2024, 9, 30), D(2024, 9, 30), D(2024, 9, 30)),
    (dt.datetime(2024, 9, 30, 23, 59), D(2024, 9, 30), D(2024, 9, 30)),
    (2024, D(2024, 1, 1), D(2024, 12, 31)),
]


@pytest.mark.parametrize(("raw", "start", "end"), FORMS, ids=[repr(f[0]) for f in FORMS])
def test_forms(raw: object, start: dt.date, end: dt.date) -> None:
    date = PartialDate.parse(raw)
    assert (date.start, date.end) == (start, end)


def test_text_is_kept_for_display() -> None:
    assert str(PartialDate.parse("2024-Q3")) == "2024-Q3"
    assert str(PartialDate.parse(D(2025, 3, 5))) == "2025-03-05"
    assert str(PartialDate.parse(2024)) == "2024"


REFUSED = [
    ("2024-02-30", f"'2024-02-30': February 2024 has 29 days; {EXPECTED}"),
    ("2023-02-29", f"'2023-02-29': February 2023 has 28 days; {EXPECTED}"),
    ("2024-09-31", f"'2024-09-31': September 2024 has 30 days; {EXPECTED}"),
    ("2024-09-00", f"'2024-09-00': September 2024 has 30 days; {EXPECTED}"),
    ("2025-13", f"'2025-13': month 13 does not exist; {EXPECTED}"),
    ("2025-00", f"'2025-00': month 0 does not exist; {EXPECTED}"),
    ("0000", f"'0000': year 0 does not exist; {EXPECTED}"),
    ("24", f"'24' is not {FORMS_TEXT}"),
    ("2024-Q5", f"'2024-Q5' is not {FORMS_TEXT}"),
    ("2024-Q0", f"'2024-Q0' is not {FORMS_TEXT}"),
    ("2024-H3", f"'2024-H3' is not {FORMS_TEXT}"),
    ("2024/09", f"'2024/09' is not {FORMS_TEXT} (write 2024-09)"),
    ("2024-9", f"'2024-9' is not {FORMS_TEXT}"),
    ("12345", f"'12345' is not {FORMS_TEXT}"),
    ("", f"'' is not {FORMS_TEXT}"),
    (True, f"{EXPECTED}, got bool"),
    (2024.5, f"{EXPECTED}, got float"),
    (None, f"{EXPECTED}, got NoneType"),
]


@pytest.mark.parametrize(("raw", "message"), REFUSED, ids=[repr(r[0]) for r in REFUSED])
def test_refused(raw: object, message: str) -> None:
    with pytest.raises(InputError) as caught:
        PartialDate.parse(raw)
    assert str(caught.value) == message


def p(text: str) -> PartialDate:
    return PartialDate.parse(text)


@pytest.mark.parametrize(("a", "b", "expected"), [
    ("2024", "2024-Q3", True),
    ("2024-09", "2024-09-30", True),
    ("2024-H1", "2024-06-30", True),     # touching: the last day of the half
    ("2024-H1", "2024-07", False),
    ("2024-H1", "2024-H2", False),
    ("2024-12-31", "2025", False),
    ("2024-Q3", "2024-09", True),
    ("2024-09", "2025-04", False),
])
def test_overlaps(a: str, b: str, expected: bool) -> None:
    assert p(a).overlaps(p(b)) is expected
    assert p(b).overlaps(p(a)) is expected


@pytest.mark.parametrize(("start", "end", "years"), [
    ("2023", "2032", 9),
    ("2025", "2035", 10),
    ("2025-04", "2035", 10),       # a calendar year at either end: calendar years
    ("2024-09", "2025", 1),
    ("2024-Q1", "2024", 0),
    ("2024-H2", "2025", 1),
    ("2030", "2025", -5),
])
def test_years_between_counts_calendar_years(start: str, end: str, years: int) -> None:
    counted = years_between(p(start), p(end))
    assert counted == years and type(counted) is int


def dated(text: str) -> PartialDate:
    """A date, or a period written `2022-04..2023-03` (a fiscal year)."""
    return span([p(part) for part in text.split("..")])


@pytest.mark.parametrize(("start", "end", "years"), [
    ("1996-02", "2006-09", Fraction(127, 12)),
    ("2020-01", "2021-07", Fraction(3, 2)),
    ("2024-01", "2024-07", Fraction(1, 2)),
    ("2024-Q1", "2025-Q3", Fraction(3, 2)),
    ("2024-Q1", "2024-Q4", Fraction(3, 4)),
    ("2024-H1", "2024-H2", Fraction(1, 2)),
    ("2024-09", "2025-04", Fraction(7, 12)),
    ("2024-07", "2024-01", Fraction(-1, 2)),
    ("2023-12-31", "2024-01-01", Fraction(1, 12 * 31)),   # one day of January gone
    ("2024-01-15", "2024-01", Fraction(16, 12 * 31)),     # a month date counts to its end
    ("2022-04..2023-03", "2023-10", Fraction(7, 12)),
])
def test_years_between_finer_dates_counts_months(start: str, end: str, years: Fraction) -> None:
    assert years_between(dated(start), dated(end)) == years


@pytest.mark.parametrize(("start", "end", "years"), [
    ("2022-04..2023-03", "2023-04..2024-03", 1),   # fiscal years
    ("2024-09", "2025-09", 1),
    ("2024-02-29", "2025-02-28", 1),     # both the last day of February
    ("2024-Q4", "2024-12-31", 0),
    ("2024-03-15", "2034-03-15", 10),
])
def test_years_between_finer_dates_whole_years_stay_int(start: str, end: str, years: int) -> None:
    counted = years_between(dated(start), dated(end))
    assert counted == years and type(counted) is int


def test_order_is_by_start_then_end() -> None:
    dates = [p("2024-Q3"), p("2024"), p("2024-09"), p("2023-12-31")]
    assert [d.text for d in sorted(dates)] == ["2023-12-31", "2024", "2024-Q3", "2024-09"]


def test_a_fiscal_year_written_as_a_month_gets_a_hint() -> None:
    with pytest.raises(InputError, match=r"month 24 does not exist; .* \(a fiscal year\? give its "
                       r"months: `period: \{from: 2023-04, to: 2024-03\}`"):
        PartialDate.parse("2023-24")
    with pytest.raises(InputError) as error:
        PartialDate.parse("2024-13")
    assert "fiscal" not in str(error.value)


@pytest.mark.parametrize(("text", "hint"), [
    ("Q3 2024", "(write 2024-Q3)"), ("h1 2016", "(write 2016-H1)"),
    ("Sept 2024", "(write 2024-09)"), ("March 2024", "(write 2024-03)"),
    ("FY24", "(a fiscal year? give its months as a `period`"),
    ("FY2024", "`{from: 2023-04, to: 2024-03}` for India's, `{from: 2024-04, to: 2025-03}` for "
               "Japan's, `{from: 2023-10, to: 2024-09}` for the US's"),
    ("2024-07-26/2024-08-11", "(a span of dates is a `period: {from: 2024-07-26, to: 2024-08-11}`)"),
    ("2024-Q1 to 2024-Q3", "(a span of dates is a `period: {from: 2024-Q1, to: 2024-Q3}`)"),
    ("2024-07..2024-09", "(a span of dates is a `period: {from: 2024-07, to: 2024-09}`)"),
    ("Q2FY21", "(a part of a fiscal year: give its months as a `period`; for India's, "
               "`{from: 2020-07, to: 2020-09}`)"),
    ("H2 FY2024", "for India's, `{from: 2023-10, to: 2024-03}`)"),
    ("Q4FY24", "for India's, `{from: 2024-01, to: 2024-03}`)"),
    ("FY2023/24", "`period: {from: 2023-04, to: 2024-03}`"),
])
def test_dates_as_prose_writes_them_get_what_to_write(text: str, hint: str) -> None:
    with pytest.raises(InputError) as error:
        PartialDate.parse(text)
    assert hint in str(error.value)
    assert str(error.value).startswith(f"{text!r} is not {FORMS_TEXT}")


@pytest.mark.parametrize(("text", "first"), [("2023-24", 2023), ("2022/23", 2022),
                                             ("2023–2024", 2023)])
def test_a_split_year_hint_names_crop_and_marketing_years_too(text: str, first: int) -> None:
    """India's crop year runs July-June, the USDA's soybean year September-August: a hint
    offering only April-March would mislead agricultural figures."""
    with pytest.raises(InputError) as error:
        PartialDate.parse(text)
    message = str(error.value)
    assert f"{{from: {first}-04, to: {first + 1}-03}}" in message
    assert (f"a crop or marketing year runs otherwise: `{{from: {first}-07, to: {first + 1}-06}}` "
            f"for India's crop year (July-June), `{{from: {first}-09, to: {first + 1}-08}}` for "
            "the USDA's soybean marketing year (September-August)") in message


def test_a_year_written_fy_gets_no_crop_year_hint() -> None:
    with pytest.raises(InputError) as error:
        PartialDate.parse("FY2023/24")
    assert "crop" not in str(error.value)
