"""What a currency-conversion finding says: its message, with the arithmetic, and its details.

Rates show four significant digits (7.190 CNY/USD), a peg's its own (3.6725); `details` carry
floats of six. Messages name where rates come from: "ECB rates", "the rate of the AED/USD peg".
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Any

from claimcheck.dates import PartialDate
from claimcheck.display import miss_percent
from claimcheck.interval import Interval, format_number
from claimcheck.model import Claim
from claimcheck.rates import ExchangeRates, RateRange, Run
from claimcheck.rules.conversions import Conversion, Publication
from claimcheck.rules.figures import rounded, slipped

Details = dict[str, Any]  # keyword arguments of `finding`


def describe(conversion: Conversion) -> str:
    """`600 billion CNY given as $83.45 billion implies 7.190 CNY/USD`."""
    return f"{_given_as(conversion)} implies {_implied_text(conversion)} {conversion.pair}"


def _given_as(conversion: Conversion) -> str:
    """`600 billion CNY given as 83.45 billion USD`; with the qualifiers where they count
    (an unlinked pair): `1.97 trillion CNY given as more than 300 billion USD`."""
    original, restated = conversion.original, conversion.restated
    return f"{_figure(original, conversion)} given as {_figure(restated, conversion)}"


def _figure(claim: Claim, conversion: Conversion) -> str:
    assert claim.value is not None
    if conversion.ranges is None:
        return claim.value.describe()
    return f"{claim.qualifier.phrase} {claim.value.describe()}".lstrip()


def _implied_text(conversion: Conversion) -> str:
    """`7.190`; where qualifiers count, the rates they allow: `at most 6.594`."""
    implied, point = conversion.implied, _rate(conversion.point)
    if conversion.ranges is None:
        return point
    if implied.lo is None:
        return "any rate" if implied.hi is None else f"at most {_rate(implied.hi)}"
    if implied.hi is None:
        return f"at least {_rate(implied.lo)}"
    return f"{point} ({_rate(implied.lo)}–{_rate(implied.hi)} as qualified)"


def mismatch(conversion: Conversion, reference: RateRange, tolerance: Fraction,
             runs: list[Run], published: Publication | None,
             factor: int = 0) -> tuple[str, Details]:
    """A conversion outside the reference rates of its date: the message and its details;
    `factor`, a power of ten that would bring the implied rate within them."""
    date, implied = conversion.date, conversion.implied
    off_by = _off_by(implied, reference)  # in Fractions: worked out once for both
    message = (f"{describe(conversion)}; {_ran(reference, date)} "
               f"(off by {_off_text(implied, reference, tolerance, off_by)})")
    details = _details(conversion, reference, tolerance, runs, off_by)
    if factor:
        message += f"; {slipped(factor)}"
        details["factor"] = factor
    message += _rupee_hint(conversion, reference)
    if conversion.point == 1:
        message += "; the same number in two currencies: a currency word slipped?"
        details["same_number"] = True
    if published is not None and published.matches:
        message += f"; it matches {_on_publication(published)}"
    if runs:
        message += f"; it matches the rate of {_runs_text(runs, date)}"
    if published is not None:
        details.update(publication_match=published.matches, publication_date=published.date.text,
                       publication_low=rounded(published.rates.low),
                       publication_high=rounded(published.rates.high))
        fixings = _fixings_outside(published.rates, published.date)
        if fixings:
            details["publication_fixings"] = fixings
    return message, details


def _on_publication(published: Publication) -> str:
    """`the ECB rate on the publication date 2025-05 (7.185–7.271)`, or, for a date without
    a fixing, the fixings beside it that gave its rates."""
    rates, date = published.rates, published.date
    fixings = _fixings_outside(rates, date)
    if not fixings:
        return (f"the {_of(rates.source, 'rate')} on the publication date {date.text} "
                f"({_span(rates)})")
    days = " and ".join(fixings)
    side = "on either side of" if len(fixings) > 1 else "next to"
    return (f"the {_of(rates.source, 'fixings')} of {days}, {side} the publication date "
            f"{date.text}, which had none ({_span(rates)})")


def _fixings_outside(reference: RateRange, date: PartialDate) -> list[str]:
    """The days of a range's fixings where none falls within `date` (a holiday's rates)."""
    days = sorted({reference.low_date, reference.high_date})
    if any(date.start <= day <= date.end for day in days):
        return []
    return [day.isoformat() for day in days]


def disagreement(label: str, first: Conversion, other: Conversion,
                 tolerance: Fraction) -> tuple[str, Details]:
    """Two conversions of one pair for one period, by one source, at rates too far apart."""
    apart = abs(other.point / first.point - 1)
    message = (f"{label} converts {first.base} and {first.quote} at two rates for "
               f"{first.date.text}: {describe(first)}, but {describe(other)} "
               f"({_percent(apart, 1)} apart, tolerance {_percent(tolerance)})")
    return message, {"pair": first.pair, "reference_period": first.date.text,
                     "rates": [rounded(first.point), rounded(other.point)],
                     "tolerance": rounded(tolerance), "source": first.restated.source}


def no_rate(conversion: Conversion, reason: str) -> tuple[str, Details]:
    """A conversion no reference rate can check: `cannot check: 650 billion USD given as 456
    billion XDR (1.425 USD/XDR): no reference rate for XDR …`."""
    rate = f"{_rate(conversion.point)} {conversion.pair}"
    return f"cannot check: {_given_as(conversion)} ({rate}): {reason}", {
        "pair": conversion.pair, "reference_period": conversion.date.text,
        "implied_rate": rounded(conversion.point), "reason": reason}


def missing(rates: ExchangeRates, conversion: Conversion) -> str:
    """Why no reference rate covers the conversion: an unknown currency, or no fixing then."""
    unknown = [code for code in (conversion.quote, conversion.base) if not rates.known(code)]
    if unknown:
        return (f"no reference rate for {' or '.join(unknown)} (not in the ECB history; "
                "a rates file can add it)")
    history = rates.history(conversion.base, conversion.quote)
    date = conversion.date
    if history is None:
        return f"the reference rates never quote {conversion.pair} on one day"
    if date.end < history[0] or date.start > history[1]:
        return (f"the {conversion.pair} reference rates run from {history[0].isoformat()} "
                f"to {history[1].isoformat()}; {date.text} is outside them")
    return f"no {conversion.pair} fixing in {date.text} (days without one are not filled)"


def part_covered(rates: ExchangeRates, conversion: Conversion, reference: RateRange,
                 covered: list[Run]) -> str:
    """Why the rates of only some of the conversion's days cannot check it: the days they
    cover, and where the pair's fixings start or end."""
    date = conversion.date
    spells = " and ".join(_run(run) for run in covered)
    reason = (f"the {_of(reference.source, conversion.pair + ' rates')} cover only {spells} "
              f"of {date.text}")
    history = rates.history(conversion.base, conversion.quote)
    assert history is not None  # a fixing falls in the date
    first, last = (day.isoformat() for day in history)
    if history[0] > date.start and history[1] < date.end:
        return f"{reason} (they run only from {first} to {last})"
    if history[0] > date.start:
        return f"{reason} (they start on {first})"
    return f"{reason} (they end on {last})" if history[1] < date.end else reason


RUPEES = ("Rs", "rupee", "Rupee")


# Rupees per Indian rupee, about: Nepal's is pegged at 1.6, Pakistan's and Sri Lanka's have
# run 1.4 to 4 of India's.
OTHER_RUPEES = (Fraction(7, 5), Fraction(9, 2))


def _rupee_hint(conversion: Conversion, reference: RateRange) -> str:
    """`Rs` and `rupees` are India's rupee (SPEC §1); Pakistan, Sri Lanka and Nepal print them
    too, so a rupee figure some times more rupees to the dollar than India's may be theirs."""
    texts = [claim.value.text for claim in conversion.claims if claim.value is not None
             and claim.value.unit.code == "INR"]
    if conversion.quote != "INR" or not any(word in text for text in texts for word in RUPEES):
        return ""
    low, high = OTHER_RUPEES
    if not low <= conversion.point / reference.high <= high:
        return ""
    return ("; `Rs` and `rupees` read as Indian rupees: for Pakistan's, Sri Lanka's or "
            "Nepal's write PKR, LKR or NPR")


def _off_text(implied: Interval, reference: RateRange, tolerance: Fraction,
              off_by: Fraction) -> str:
    """`1.0%` (`off_by`, the miss _off_by gives); a miss of twice or more as a factor (`a
    factor of 13596`): a percentage below the range never passes 100%, however far below it
    lies."""
    low, high = implied.lo, implied.hi
    if high is not None and high < reference.low:
        ratio = reference.low / high
    else:
        ratio = Fraction(0) if low is None else low / reference.high
    if ratio >= 2:
        return f"a factor of {format_number(ratio)}"
    return miss_percent(off_by, tolerance)


def _off_by(implied: Interval, reference: RateRange) -> Fraction:
    """How far the implied rates lie outside the reference range: the gap between the
    nearer ends of the two, relative to the reference end (the rounding of `$19 billion`
    allows 145.4–153.8 JPY/USD; against 140.8 that is 3.2% off, not its midpoint's 6.2%)."""
    low, high = implied.lo, implied.hi  # a bound (`over`) leaves one side open
    if high is not None and high < reference.low:
        return (reference.low - high) / reference.low
    return Fraction(0) if low is None else max(low - reference.high, Fraction(0)) / reference.high


def _ran(reference: RateRange, date: PartialDate) -> str:
    on = "on" if date.start == date.end else "in"
    fixings = _fixings_outside(reference, date)
    if reference.low == reference.high:
        fixing = f" (the fixing of {fixings[0]})" if fixings else ""
        return (f"the {_of(reference.source, 'rate')} {on} {date.text}{fixing} was "
                f"{_span(reference)}")
    if fixings:  # a holiday without a fixing: those on both sides
        return (f"{_of(reference.source, 'rates')} {on} {date.text} (no fixing; the fixings of "
                f"{' and '.join(fixings)}) ran {_span(reference)}")
    return f"{_of(reference.source, 'rates')} in {date.text} ran {_span(reference)}"


def _of(source: str, noun: str) -> str:
    """`ECB rates`, `reference rates`; `rates of the AED/USD peg and ECB`: a peg is no ECB
    rate, and its name reads better after the noun."""
    return f"{noun} of the {source}" if "peg" in source else f"{source} {noun}"


def _runs_text(runs: list[Run], date: PartialDate) -> str:
    """The spell nearest the claims' date, and how many others."""
    def distance(run: Run) -> int:
        first, last = run
        return min(abs((first - date.end).days), abs((date.start - last).days))

    nearest = _run(min(runs, key=distance))
    more = len(runs) - 1
    return nearest + (f" and {more} other spell{'s' * (more > 1)} within a year" if more else "")


def _details(conversion: Conversion, reference: RateRange, tolerance: Fraction,
             runs: list[Run], off_by: Fraction) -> Details:
    return {
        "implied_rate": rounded(conversion.point), "implied_low": rounded(conversion.implied.lo),
        "implied_high": rounded(conversion.implied.hi), "reference_low": rounded(reference.low),
        "reference_high": rounded(reference.high), "reference_period": conversion.date.text,
        "reference_low_date": reference.low_date.isoformat(),
        "reference_high_date": reference.high_date.isoformat(),
        "reference_source": reference.source,
        "off_by": rounded(off_by), "tolerance": rounded(tolerance),
        "pair": conversion.pair,
        "matching_dates": [_run(run, always_span=True) for run in runs],
        "publication_match": False,
    }


def _run(run: Run, always_span: bool = False) -> str:
    first, last = (day.isoformat() for day in run)
    return first if first == last and not always_span else f"{first}..{last}"


def _span(reference: RateRange) -> str:
    if reference.low == reference.high:
        return _peg_rate(reference.low) if "peg" in reference.source else _rate(reference.low)
    return f"{_rate(reference.low)}–{_rate(reference.high)}"


def _peg_rate(value: Fraction) -> str:
    """A peg as its law writes it (3.6725, 0.376); a cross or an inverse of one (2.660 USD
    per BHD) as any rate."""
    if 10**6 % value.denominator:
        return _rate(value)
    return format(Decimal(value.numerator) / value.denominator, "f")


def _rate(value: Fraction | None) -> str:
    """7.190, 83.45, 150.0, 1484, 16350: four significant digits, trailing zeros kept, and
    whole numbers from a thousand up."""
    number = float(value or 0)
    if abs(number) >= 999.95:
        return f"{number:.0f}"
    return f"{number:#.4g}"


def _percent(value: Fraction, decimals: int | None = None) -> str:
    if decimals is None:
        return f"{format_number(value * 100)}%"
    return f"{float(value) * 100:.{decimals}f}%"



