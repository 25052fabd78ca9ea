"""Values pint or the reader misread, found late in stop 12: kilos, grammes, rupees after the
number, a plus after the scale."""

from __future__ import annotations

from fractions import Fraction

import pytest
from conftest import reading, refusal


@pytest.mark.parametrize(("text", "kilograms"), [
    ("5 kilos", 5), ("1 kilo", 1), ("250 grammes", Fraction(1, 4)), ("1 gramme", Fraction(1, 1000)),
])
def test_kilos_and_grammes_are_masses(text: str, kilograms: Fraction) -> None:
    assert reading(text) == (kilograms, "physical", "[mass]")  # pint: kiloseconds; a count


@pytest.mark.parametrize("text", ["5 Rs", "5 crore Rs", "12 Rs."])
def test_rupees_after_the_number_are_refused_naming_the_currencies(text: str) -> None:
    assert "INR for Indian rupees" in refusal(text)  # pint: ronnaseconds


def test_rupees_before_the_number_still_read() -> None:
    assert reading("Rs 5 crore")[1:] == ("currency", "currency INR")


@pytest.mark.parametrize("text", ["$100m+", "$100 million+", "$1.5 billion-plus",
                                  "$5 billion plus"])
def test_a_plus_after_the_scale_points_to_the_qualifier(text: str) -> None:
    assert refusal(text) == f"{text!r}: write the figure alone, with `qualifier: at-least`"


def test_a_plural_that_starts_with_plus_is_still_a_count() -> None:
    assert reading("5 plusses")[1:] == ("count", "count")
