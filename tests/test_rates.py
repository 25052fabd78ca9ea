"""ExchangeRates: ECB cross rates through EUR, skipped days, ranges, user rates files."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from pathlib import Path

import pytest

from claimcheck.errors import UsageError
from claimcheck.interval import Interval
from claimcheck.rates import ExchangeRates

D = dt.date.fromisoformat


@pytest.fixture(scope="module")
def ecb() -> ExchangeRates:
    return ExchangeRates.load(None)


class TestCurrencyRates:
    """Named so that `pytest -k currency` selects these with the rule's cases."""

    def test_cross_rate_through_eur_on_the_same_day(self, ecb: ExchangeRates) -> None:
        # CNY per USD = (CNY per EUR) / (USD per EUR), exactly, from the ECB's own digits.
        assert float(ecb.rate("USD", "CNY", D("2025-04-01"))) == pytest.approx(7.2702, abs=5e-5)
        assert float(ecb.rate("USD", "CNY", D("2025-04-09"))) == pytest.approx(7.3498, abs=5e-5)
        assert float(ecb.rate("USD", "CNY", D("2025-05-28"))) == pytest.approx(7.1929, abs=5e-5)
        usd_cny = ecb.rate("USD", "CNY", D("2025-04-01"))
        cny_usd = ecb.rate("CNY", "USD", D("2025-04-01"))
        assert usd_cny is not None and cny_usd == 1 / usd_cny
        assert ecb.rate("EUR", "USD", D("2025-04-01")) == Fraction("1.0788")

    def test_days_without_a_fixing_are_skipped_not_filled(self, ecb: ExchangeRates) -> None:
        assert ecb.rate("USD", "CNY", D("2025-04-05")) is None  # a Saturday
        week = ecb.range("USD", "CNY", D("2025-04-05"), D("2025-04-08"))
        assert week is not None and week.days == 2  # Monday and Tuesday only

    def test_a_weekend_takes_the_last_fixing_before_it(self, ecb: ExchangeRates) -> None:
        weekend = ecb.range("USD", "CNY", D("2025-04-05"), D("2025-04-06"))
        assert weekend is not None and weekend.days == 1
        assert weekend.low_date == weekend.high_date == D("2025-04-04")  # Friday

    def test_a_holiday_around_takes_the_fixings_on_both_sides(self, ecb: ExchangeRates) -> None:
        # Easter Monday 2022-04-18 (and Good Friday before it): no ECB fixing.
        easter = ecb.range_around("USD", "JPY", D("2022-04-18"), D("2022-04-18"))
        assert easter is not None and easter.days == 2
        assert (easter.low_date, easter.high_date) == (D("2022-04-14"), D("2022-04-19"))
        assert float(easter.low) == pytest.approx(125.32, abs=5e-3)
        assert float(easter.high) == pytest.approx(128.11, abs=5e-3)
        before = ecb.range("USD", "JPY", D("2022-04-18"), D("2022-04-18"))
        assert before is not None and before.days == 1 and before.low_date == D("2022-04-14")
        # A day with a fixing is the same either way; a fortnight without one has no rate.
        day = ecb.range_around("USD", "JPY", D("2022-04-14"), D("2022-04-14"))
        assert day == ecb.range("USD", "JPY", D("2022-04-14"), D("2022-04-14"))
        assert ecb.range_around("USD", "RUB", D("2023-01-01"), D("2023-01-02")) is None

    def test_a_range_inverted_is_the_pair_the_other_way_round(self, ecb: ExchangeRates) -> None:
        april = ecb.range("USD", "CNY", D("2025-04-01"), D("2025-04-30"))
        back = ecb.range("CNY", "USD", D("2025-04-01"), D("2025-04-30"))
        assert april is not None and april.inverted() == back

    def test_range_over_a_month(self, ecb: ExchangeRates) -> None:
        april = ecb.range("USD", "CNY", D("2025-04-01"), D("2025-04-30"))
        assert april is not None
        assert float(april.low) == pytest.approx(7.2659, abs=5e-5)
        assert float(april.high) == pytest.approx(7.3498, abs=5e-5)
        assert (april.low_date, april.high_date, april.source) == (D("2025-04-30"), D("2025-04-09"),
                                                                   "ECB")
        assert ecb.range("USD", "CNY", D("2025-04-01"), D("2025-04-30")) is april  # cached

    def test_history_and_unknown_currencies(self, ecb: ExchangeRates) -> None:
        assert ecb.known("CNY") and ecb.known("EUR") and not ecb.known("KWD")
        history = ecb.history("USD", "CNY")
        assert history is not None and history[0] == D("2005-04-01")
        assert ecb.range("USD", "CNY", D("2003-01-01"), D("2003-12-31")) is None
        rub = ecb.history("USD", "RUB")
        assert rub is not None and rub[1] == D("2022-03-01")  # the ECB stopped quoting it
        assert ecb.history("USD", "KWD") is None

    def test_partly_covered_names_the_spells_of_a_period_the_pair_leaves(
            self, ecb: ExchangeRates) -> None:
        # RUB's fixings end on 2022-03-01; MXN's begin on 2008-01-02; ISK's pause 2008-2018.
        assert ecb.partly_covered("USD", "RUB", D("2022-01-01"), D("2022-12-31")) == [
            (D("2022-01-03"), D("2022-03-01"))]
        assert ecb.partly_covered("USD", "MXN", D("2007-04-01"), D("2008-03-31")) == [
            (D("2008-01-02"), D("2008-03-31"))]
        assert ecb.partly_covered("USD", "ISK", D("2008-07-01"), D("2018-06-30")) == [
            (D("2008-07-01"), D("2008-12-09")), (D("2018-02-01"), D("2018-06-29"))]
        # Covered: up to four days without a fixing at an edge are a holiday's (New Year's
        # Day; the days after the last fixing); a period without any is `range`'s None.
        assert ecb.partly_covered("USD", "MXN", D("2008-01-01"), D("2008-12-31")) is None
        assert ecb.partly_covered("USD", "RUB", D("2022-01-01"), D("2022-03-05")) is None
        assert ecb.partly_covered("USD", "RUB", D("2022-01-01"), D("2022-03-06")) == [
            (D("2022-01-03"), D("2022-03-01"))]
        assert ecb.partly_covered("USD", "RUB", D("2021-01-01"), D("2021-12-31")) is None
        assert ecb.partly_covered("USD", "RUB", D("2023-01-01"), D("2023-12-31")) is None
        assert ecb.partly_covered("USD", "JPY", D("2022-04-15"), D("2022-04-18")) is None  # Easter

    def test_a_users_rows_answer_for_their_own_coverage(self, tmp_path: Path) -> None:
        path = tmp_path / "rates.csv"
        path.write_text("date,base,quote,rate\n2022-01-31,USD,NGN,415.0\n"
                        "2022-03-31,USD,NGN,416.5\n2022-06-30,USD,RUB,51.2\n")
        rates = ExchangeRates.load(str(path))
        assert rates.partly_covered("USD", "NGN", D("2022-01-01"), D("2022-03-31")) is None
        assert rates.partly_covered("USD", "RUB", D("2022-01-01"), D("2022-12-31")) is None
        assert rates.partly_covered("USD", "RUB", D("2022-01-01"), D("2022-03-31")) == [
            (D("2022-01-03"), D("2022-03-01"))]  # the ECB's alone: the user's row is June's

    def test_a_peg_holds_every_day_from_its_start_against_usd(self, ecb: ExchangeRates) -> None:
        assert ecb.known("AED") and ecb.known("JOD") and not ecb.known("KWD")
        assert ecb.rate("USD", "AED", D("2025-04-05")) == Fraction("3.6725")  # a Saturday too
        assert ecb.rate("BHD", "USD", D("2024-06-03")) == 1 / Fraction("0.376")
        assert ecb.rate("USD", "QAR", D("2001-07-08")) is None  # the day before its decree
        year = ecb.range("USD", "SAR", D("2023-01-01"), D("2023-12-31"))
        assert year is not None and year.low == year.high == Fraction("3.75")
        assert year.source == "SAR/USD peg"

    def test_a_peg_crosses_with_the_ecb_usd_rate_of_the_day(self, ecb: ExchangeRates) -> None:
        day = D("2025-04-01")
        usd_eur = ecb.rate("EUR", "USD", day)
        assert usd_eur is not None and ecb.rate("EUR", "AED", day) == usd_eur * Fraction("3.6725")
        assert ecb.rate("SAR", "AED", day) == Fraction("3.6725") / Fraction("3.75")
        april = ecb.range("EUR", "OMR", D("2025-04-01"), D("2025-04-30"))
        assert april is not None and april.source == "OMR/USD peg and ECB"

    @pytest.mark.parametrize(("anchor", "pegged", "given", "peg", "day"), [
        ("USD", "AED", "3.5", "3.6725", "2025-04-01"),  # a dollar peg
        ("INR", "NPR", "1.5", "1.6", "2024-07-16"),  # a peg to another anchor
    ])
    def test_a_users_rate_wins_over_a_peg_on_its_day(self, tmp_path: Path, anchor: str,
                                                      pegged: str, given: str, peg: str,
                                                      day: str) -> None:
        path = tmp_path / "rates.csv"
        path.write_text(f"date,base,quote,rate\n{day},{anchor},{pegged},{given}\n",
                        encoding="utf-8")
        rates = ExchangeRates.load(str(path))
        assert rates.rate(anchor, pegged, D(day)) == Fraction(given)
        per_euro = rates.rate("EUR", anchor, D(day))
        assert per_euro is not None
        assert rates.rate("EUR", pegged, D(day)) == per_euro * Fraction(given)
        spell = rates.range(anchor, pegged, D(day), D(day))
        assert spell is not None and spell.source == "reference"
        assert rates.rate(anchor, pegged, D(day) + dt.timedelta(days=1)) == Fraction(peg)

    def test_a_peg_to_another_anchor_holds_every_day_against_it(self, ecb: ExchangeRates) -> None:
        assert ecb.rate("INR", "NPR", D("2024-07-13")) == Fraction("1.6")  # a Saturday too
        assert ecb.rate("BTN", "INR", D("2024-07-13")) == 1
        assert ecb.rate("EUR", "XOF", D("2025-04-05")) == ecb.rate("EUR", "XAF", D("2025-04-05"))
        assert ecb.rate("EUR", "XOF", D("2025-04-05")) == Fraction("655.957")
        assert ecb.rate("EUR", "KMF", D("1999-01-01")) == Fraction("491.96775")
        assert ecb.rate("EUR", "BAM", D("1998-12-31")) is None  # before the euro: no rate
        spell = ecb.range("NPR", "INR", D("2024-01-01"), D("2024-12-31"))
        assert spell is not None and spell.low == spell.high == 1 / Fraction("1.6")
        assert spell.source == "NPR/INR peg"

    def test_a_peg_to_another_anchor_crosses_with_the_ecb_rate_of_its_anchor(
            self, ecb: ExchangeRates) -> None:
        day = D("2024-07-16")
        inr_usd = ecb.rate("USD", "INR", day)
        assert inr_usd is not None and ecb.rate("USD", "NPR", day) == inr_usd * Fraction("1.6")
        usd_eur = ecb.rate("EUR", "USD", day)
        assert usd_eur is not None
        assert ecb.rate("USD", "BAM", day) == Fraction("1.95583") / usd_eur
        assert ecb.rate("XOF", "AED", day) == usd_eur * Fraction("3.6725") / Fraction("655.957")
        july = ecb.range("USD", "NPR", day, day)
        assert july is not None and july.source == "NPR/INR peg and ECB"
        both = ecb.range("XOF", "AED", day, day)
        assert both is not None and both.source == "XOF/EUR and AED/USD pegs and ECB"
        same_anchor = ecb.range("NPR", "BTN", day, day)
        assert same_anchor is not None and same_anchor.source == "NPR/INR and BTN/INR pegs"
        krone = ecb.range("EUR", "DKK", day, day)  # pegged in ERM II, but the ECB quotes it
        assert krone is not None and krone.source == "ECB"

    def test_matching_runs_span_weekends(self, ecb: ExchangeRates) -> None:
        implied = Interval(Fraction("599.5") / Fraction("83.455"),  # 600 / 83.45 by rounding
                           Fraction("600.5") / Fraction("83.445"))
        runs = ecb.matching_runs("USD", "CNY", D("2025-04-01"), D("2025-04-30"), implied)
        assert runs[0] == (D("2025-05-23"), D("2025-05-30"))
        assert all(first <= last for first, last in runs)
        assert all(last <= D("2026-04-30") for _, last in runs)

    @pytest.mark.parametrize("pair", [("USD", "CNY"), ("EUR", "ISK"), ("USD", "AED"),
                                      ("USD", "JPY")])
    def test_matching_screened_by_blocks_finds_every_day_a_scan_does(
            self, ecb: ExchangeRates, pair: tuple[str, str]) -> None:
        # matching() scans only the blocks of days whose lowest and highest floats reach the
        # wanted rates: the same days as a test of every day of the window, near every block
        # edge, for wide and narrow intervals, open ones, and ends on a day's exact rate.
        series = ecb.pair(*pair)
        days = len(series.days)
        for first, span in [(0, 40), (5, 700), (days - 300, 300), (1000, 31), (1001, 33),
                            (2047, 1), (days - 1, 1), (31, 2)]:
            window = range(first, min(first + span, days))
            exact = [series.exact(index) for index in window]
            middle = sorted(exact)[len(exact) // 2]
            for wanted in [Interval(middle * Fraction(999, 1000), middle * Fraction(1001, 1000)),
                           Interval(middle, middle), Interval(min(exact), max(exact)),
                           Interval(None, middle), Interval(middle, None),
                           Interval(middle * 2, middle * 3)]:
                assert series.matching(window, wanted) == [
                    index for index, rate in zip(window, exact, strict=True)
                    if wanted.contains(rate)]

    def test_prepared_from_a_day_answers_as_the_whole_history(self) -> None:
        # The recent cross rates answer queries from their first day on; an earlier query
        # (ISK's pause, a figure of 2001) reads the whole history, with the same answers.
        whole, recent = ExchangeRates.load(None), ExchangeRates.load(None)
        recent.prepare([("USD", "CNY"), ("EUR", "ISK"), ("USD", "AED")], D("2015-01-01"))
        implied = Interval(Fraction(72, 10), Fraction(73, 10))
        for start, end in [("2015-01-01", "2015-12-31"), ("2013-12-28", "2014-01-03"),
                           ("2001-01-01", "2001-12-31"), ("2008-01-01", "2019-12-31"),
                           ("2015-01-04", "2015-01-04")]:
            days = D(start), D(end)
            for pair in [("USD", "CNY"), ("EUR", "ISK"), ("USD", "AED")]:
                assert recent.range(*pair, *days) == whole.range(*pair, *days)
                assert recent.range_around(*pair, *days) == whole.range_around(*pair, *days)
                assert recent.partly_covered(*pair, *days) == whole.partly_covered(*pair, *days)
                assert recent.matching_runs(*pair, *days, implied) == whole.matching_runs(
                    *pair, *days, implied)
                assert recent.history(*pair) == whole.history(*pair)

    def test_user_csv_adds_and_overrides_with_the_inverse_pair(self, tmp_path: Path) -> None:
        path = tmp_path / "rates.csv"
        path.write_text("date,base,quote,rate\n2025-04-09,USD,CNY,8\n2025-04-05,EUR,AED,4\n\n")
        rates = ExchangeRates.load(str(path))
        assert rates.rate("USD", "CNY", D("2025-04-09")) == 8
        assert rates.rate("CNY", "USD", D("2025-04-09")) == Fraction(1, 8)
        assert float(rates.rate("USD", "CNY", D("2025-04-01"))) == pytest.approx(7.2702, abs=5e-5)
        assert rates.known("AED") and rates.rate("AED", "EUR", D("2025-04-05")) == Fraction(1, 4)
        april = rates.range("USD", "CNY", D("2025-04-01"), D("2025-04-30"))
        assert april is not None and april.high == 8 and april.source == "reference"

    def test_user_yaml_rows_feed_cross_rates(self, tmp_path: Path) -> None:
        path = tmp_path / "rates.yaml"
        path.write_text("- {date: 2025-04-01, base: EUR, quote: AED, rate: 3.96}\n")
        rates = ExchangeRates.load(str(path))
        aed_per_usd = rates.rate("USD", "AED", D("2025-04-01"))
        assert aed_per_usd == Fraction("3.96") / Fraction("1.0788")
        day = rates.range("USD", "AED", D("2025-04-01"), D("2025-04-01"))
        assert day is not None and day.source == "reference"  # a user's EUR leg took part
        ecb_only = rates.range("USD", "CNY", D("2025-04-01"), D("2025-04-30"))
        assert ecb_only is not None and ecb_only.source == "ECB"

    @pytest.mark.parametrize(
        ("name", "text", "expected"),
        [
            ("rates.csv", "day,from,to,rate\n",
             "rates.csv:1: expected the header `date,base,quote,rate`"),
            ("rates.csv", "date,base,quote,rate\n2025-04-01,USD,CNY,7.2\n2025-04,USD,CNY,7.2\n",
             "rates.csv:3: date: expected a day like 2025-04-01, got '2025-04'"),
            ("rates.csv", "date,base,quote,rate\n2025-04-01,usd,CNY,7.2\n",
             "rates.csv:2: base: expected a currency code like USD, got 'usd'"),
            ("rates.csv", "date,base,quote,rate\n2025-04-01,USD,CNY,-7\n",
             "rates.csv:2: rate: expected a positive number of CNY per USD, got '-7'"),
            ("rates.csv", "date,base,quote,rate\n2025-04-01,USD,CNY\n",
             "rates.csv:2: expected 4 fields date,base,quote,rate, got 3"),
            ("rates.csv", "date,base,quote,rate\n2025-02-30,USD,CNY,7\n",
             "rates.csv:2: date: '2025-02-30' is not a day of the calendar"),
            ("rates.yaml", ("- {date: 2025-04-01, base: USD, quote: CNY, rate: 7.2}\n"
                            "- {date: 2025-04-02, base: USD, rate: 7.2}\n"),
             "rates.yaml:2: expected a mapping {date, base, quote, rate}, got keys"),
            ("rates.yaml", "rates: []\n", "rates.yaml:1: expected a list of"),
            ("rates.yaml", "- [unclosed\n", "rates.yaml:2: not valid YAML"),
        ],
    )
    def test_bad_user_file_names_file_line_and_expectation(self, tmp_path: Path, name: str,
                                                          text: str,
                                                          expected: str) -> None:
        path = tmp_path / name
        path.write_text(text)
        with pytest.raises(UsageError) as error:
            ExchangeRates.load(str(path))
        assert str(error.value).startswith(f"{tmp_path}/") and expected in str(error.value)

    def test_missing_user_file(self, tmp_path: Path) -> None:
        with pytest.raises(UsageError, match="cannot read the rates file"):
            ExchangeRates.load(str(tmp_path / "nowhere.csv"))
