"""Rates written into a unit (`£10.42 per hour`, `£2,695 pcm`, `per 100,000 people`,
`945 TWh a year`): which words make one, and the hints that say where the rate goes.

A value is one figure: a rate per hour, per month or per so many people is named in the
metric. The value refusals (refusals.py) and the rules' messages (unit-mismatch, sum-of-parts,
share-of-total) give these hints; per_time reads `TWh a year` with the same words, as
pint reads a rate (`TWh per year`), for unitwords.py and oilunits.py.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from claimcheck.units import Unit

# "a year", "each month": pint reads `a` as a year (an annum) to multiply by, never as `per`.
_EVERY_WORDS = r"an?|each|every"
EVERY = rf"(?:{_EVERY_WORDS})"
# Periods a rate is counted in, and how salaries, rents and tenancies abbreviate them.
_TIMES = r"hour|hr|day|week|month|year|yr|annum"
_ABBREVIATED = r"pcm|pw|annually"

# The whole text after the figure is a rate per time: "per hour", "a year", "/month", "pcm",
# "pa". Lower case only: `Pa` is a pascal, and `Per Hour` is left to the unknown-unit message.
_RATE_ALONE = re.compile(rf"(?:(?:per|{_EVERY_WORDS})\s+|/\s*)(?:{_TIMES})|{_ABBREVIATED}"
                         r"|p\.?a\.?")
# The next three are strings, compiled by re on first use: only hints in refusals and
# findings need them, which a clean run never words.
# A rate per time inside a longer unit text ("€/month", "GBP per hour"), in any case, for the
# wage-and-rent hint. Without day and week: "deaths a day" takes the per-count hint below.
_PER_PAY_PERIOD = (r"(?i)(?:\bper\s+|\ban?\s+|/\s*)(?:hour|hr|month|year|yr|annum)\b"
                   rf"|\b(?:{_ABBREVIATED})\b|(?-i:\bp\.?a\.?$)")
# Per so many people, per head or share, per day or week.
_PER_COUNT = (r"(?i)(?:\bper|/)\s*(?:[\d,]+\s*k?|hundred|thousand|million)\b"
              r"|(?:\bper\s+|/)(?:capita|head|person|woman|share)\b"
              r"|\b(?:a|per)\s+(?:day|week|month)\b|/(?:day|week|month)\b")
# Units read as a rate for a period (`TWh a year`, `Mt/yr`, `bbl/day`), for the rules' hint
# that the period goes in `period`. Not per hour: `km per hour` is a speed, not a period's total.
_PER_PERIOD = r"(?i)(?:/|\bper\s+|\ba\s+)(?:years?|yr|annum|month|day)\b|\bannually\b"


# "TWh a year", "TWh annually": per year (pint reads `a` as a year, to multiply by). The
# periods written out, as pint names them: not `a yr` or `an annum`, which no text writes.
_A_TIME = re.compile(rf"(.+?)\s+{EVERY}\s+(year|month|week|day|hour)", re.IGNORECASE)
# `per annum` and `p.a.` as well, which pint does not read (`annum` is no unit of its own).
_ANNUALLY = re.compile(r"(.+?)(?:\s+annually|\s*(?:\s(?:per|an?)\s+|/\s*)annum"
                       r"|\s+p\.\s?a\.?)", re.IGNORECASE)


def per_time(text: str) -> str | None:
    """`TWh a year`, `TWh annually`, `TWh p.a.` as pint reads a rate: `TWh per year`."""
    if match := _A_TIME.fullmatch(text):
        return f"{match.group(1)} per {match.group(2)}"
    if match := _ANNUALLY.fullmatch(text):
        return f"{match.group(1)} per year"
    return None


def is_rate_alone(text: str) -> bool:
    """`per hour`, `a year`, `pcm`: the words after a figure make it a rate per time."""
    return bool(_RATE_ALONE.fullmatch(text))


def is_rate_of_time_or_count(thing: str) -> bool:
    """`per hour`, `per share`, `a day`: rates with their own hints (rate_hint)."""
    return bool(_RATE_ALONE.fullmatch(f"per {thing}") or re.search(_PER_COUNT, f"per {thing}"))


def rate_hint(text: str) -> str:
    """For `per 100,000 people` or `deaths a day`: how to write a rate the units cannot."""
    if text.startswith("("):  # "Rs 1,500 crore ($180 million)"
        return ("; a figure in brackets is a second figure: give it a claim of its own, with "
                "`restates`")
    if text.startswith("%"):  # "14% decline", "56% turnout"
        return ("; a percentage stands alone: a fall is -14%, and what it measures goes in "
                "the metric")
    if re.search(_PER_PAY_PERIOD, text):
        return ("; for a rate per hour, month or year, write the number alone and name the rate "
                "in the metric (uk.minimum_wage_per_hour, rent_per_month); a yearly total is the "
                "number alone, its `period` says the year")
    if re.search(_PER_COUNT, text):
        return ("; for a rate per so many people, per share or per day, write the number alone "
                "and name the rate in the metric (us.murder_rate_per_100k, eps, deaths_per_day)")
    return ""


def money_rate_message(text: str, money: str, rate: str) -> str:
    """`$9,990 per person`: the figure alone would lose its currency (and then conflict with
    `$9,990` as a count), so the currency stays and only the rate goes, into the metric."""
    if re.search(_PER_PAY_PERIOD, rate):
        where = ("uk.minimum_wage_per_hour, rent_per_month; a yearly total is the money alone, "
                 "its `period` says the year")
    else:
        where = "us.health_spending_per_capita, eps for money per share"
    return (f"{text!r} is a rate of money: keep the currency and drop {rate!r} (write "
            f"{money}), and name the rate in the metric ({where})")


def per_time_hint(*units: Unit) -> str:
    """For a figure and its rate per year (`945 TWh` beside `945 TWh a year`): where the
    year goes, since a yearly total and a rate are two dimensions."""
    if any(re.search(_PER_PERIOD, unit.code) for unit in units):
        return " (a figure for a year is written without `per year`: its `period` says when)"
    return ""
