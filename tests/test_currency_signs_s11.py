"""Currency signs that statistics offices and the Gulf, Turkish and Burmese press write, which
pint read as units (`TL` teralitres, `kn` knots) or which were refused without naming the
currency (red-team on GDP reports, stop 11)."""

from __future__ import annotations

import pytest
from conftest import refusal

from claimcheck.quantity import parse_value


@pytest.mark.parametrize(("text", "code", "magnitude"), [
    ("5,502.192 billion TL", "TRY", 5_502_192_000_000),  # TurkStat's GDP, not teralitres
    ("TL 26.3 trillion", "TRY", 26_300_000_000_000),
    ("QR800 billion", "QAR", 800_000_000_000), ("800 billion QR", "QAR", 800_000_000_000),
    ("KD 2 billion", "KWD", 2_000_000_000), ("BD 1.2 billion", "BHD", 1_200_000_000),
    ("RO 1.5 billion", "OMR", 1_500_000_000),
    ("50 trillion Ks", "MMK", 50 * 10**12), ("Ks 50 trillion", "MMK", 50 * 10**12),
    ("3.4 trillion zł", "PLN", 34 * 10**11), ("zł3.4 trillion", "PLN", 34 * 10**11),
    ("E£10 trillion", "EGP", 10 * 10**12), ("LE 10 billion", "EGP", 10 * 10**9),
])
def test_letter_signs_of_one_currency_are_read(text: str, code: str, magnitude: int) -> None:
    value = parse_value(text)
    assert (value.unit.code, value.magnitude) == (code, magnitude)


@pytest.mark.parametrize(("text", "message"), [
    ("Dh1.77 trillion", "Dh is used for both AED and MAD; write 1.77 trillion AED or MAD"),
    ("1.77 trillion Dhs", "Dhs is used for both AED and MAD"),
    ("SR4.1 trillion", "SR is used for both SAR and SCR; write 4.1 trillion SAR or SCR"),
    ("Br 10 trillion", "Br is used for both ETB and BYN"),
    ("500 billion kn", "kn is used for both HRK and knots for a speed"),
])
def test_signs_of_two_meanings_are_refused_with_both(text: str, message: str) -> None:
    assert message in refusal(text)


def test_knots_written_out_stay_a_speed() -> None:
    assert parse_value("30 knots").unit.kind == "physical"
