"""Validation's fast paths (round 17) decide what the full paths decide: the same objects,
the same messages, cold or warm caches."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from pydantic import TypeAdapter, ValidationError

from claimcheck import dates, model, quantity
from claimcheck.dates import KNOWN_DATES, PartialDate
from claimcheck.loader import load_file
from claimcheck.model import Claim, ClaimFile, Growth, figure_date
from claimcheck.qualifiers import ALIASES, Qualifier, parse_qualifier
from claimcheck.quantity import READ_VALUES, StatedValue, parse_value_text
from claimcheck.validation import describe_errors

GROWTH = TypeAdapter(Growth)
CLAIM = TypeAdapter(Claim)


def _outcome(adapter: TypeAdapter[Any], body: dict[str, Any]) -> Any:
    """The validated object, or the message its errors make."""
    try:
        return adapter.validate_python(body)
    except ValidationError as error:
        return describe_errors(error)


@pytest.mark.parametrize("when", [2020, "2020", "2024-Q3", "2024-H2", "2023-09", "2023-09-30"])
def test_a_growth_date_read_before_is_the_date_its_period_comes_to(when: Any) -> None:
    """_known_or_span: a known date as itself, as _one_date and _date_or_span make it."""
    KNOWN_DATES.clear()
    cold = GROWTH.validate_python({"rate": "5%", "from": when, "to": "2030"})
    assert when in KNOWN_DATES  # the full path read it
    warm = GROWTH.validate_python({"rate": "5%", "from": when, "to": "2030"})
    assert warm.start_date is cold.start_date is KNOWN_DATES[when]
    assert type(warm.start_date) is PartialDate
    assert warm.start_date == PartialDate.parse(when)
    assert warm == cold


@pytest.mark.parametrize("when", [True, 2024.0, "2024-Q5", "", [2024], {"from": 2024}])
def test_a_growth_date_refused_is_refused_alike_cold_or_warm(when: Any) -> None:
    """Nothing bad is looked up: the messages are those of the Period path, each time."""
    KNOWN_DATES.clear()
    body = {"rate": "5%", "from": when}
    # Keys a lookup by == would find: True == 1 and 2024.0 == 2024, but neither is a year.
    KNOWN_DATES[1] = KNOWN_DATES[2024] = PartialDate.parse(2024)
    first, again = _outcome(GROWTH, body), _outcome(GROWTH, body)
    assert isinstance(first, str) and first == again
    assert "from" in first


def test_a_growth_span_is_still_a_span() -> None:
    body = {"rate": "5%", "from": {"from": "2015-04", "to": "2016-03"}, "to": 2020}
    for _ in range(2):
        growth = GROWTH.validate_python(body)
        assert str(growth.start_date) == "2015-04..2016-03"
        assert isinstance(growth.start_date, model.DateSpan)


WORDS = [q.value for q in Qualifier] + list(ALIASES) + [" About ", "AT_MOST", "Close  To"]


@pytest.mark.parametrize("word", WORDS)
def test_a_qualifier_word_read_before_is_what_parse_qualifier_reads(word: str) -> None:
    model._QUALIFIER_WORDS.clear()
    body = {"id": "a", "metric": "m", "value": "5 km", "source": "s", "qualifier": word}
    cold = CLAIM.validate_python(body).qualifier
    assert model._QUALIFIER_WORDS[word] is cold
    assert CLAIM.validate_python(body).qualifier is cold is parse_qualifier(word)


@pytest.mark.parametrize("word", ["roughly-ish", "", 3, True, None, ["about"]])
def test_a_qualifier_refused_is_refused_alike_each_time(word: Any) -> None:
    body = {"id": "a", "metric": "m", "value": "5 km", "source": "s", "qualifier": word}
    first, again = _outcome(CLAIM, body), _outcome(CLAIM, body)
    assert isinstance(first, str) and first == again and first.startswith("qualifier")
    assert word not in model._QUALIFIER_WORDS if isinstance(word, str) else True


def test_a_qualifier_member_is_itself() -> None:
    body = {"id": "a", "metric": "m", "value": "5 km", "source": "s",
            "qualifier": Qualifier.OVER}
    assert CLAIM.validate_python(body).qualifier is Qualifier.OVER


def test_the_bound_lookups_read_the_live_caches() -> None:
    """model binds the caches' get once; the dicts must stay the ones the readers fill."""
    assert model._known_date.__self__ is dates.KNOWN_DATES
    assert model._read_value.__self__ is quantity.READ_VALUES
    READ_VALUES.clear()
    KNOWN_DATES.clear()
    value = parse_value_text("5 km")
    date = PartialDate.parse_cached("2024-Q3")
    assert model._read_value("5 km") is value and model._known_date("2024-Q3") is date


@pytest.mark.parametrize("texts", [("$5.5 billion", "$9.1 billion"),
                                   ("1,234 km", "9,876 km"), ("-3.5%", "-7.25%")])
def test_a_value_of_a_known_layout_is_built_as_statedvalue_builds_it(
        texts: tuple[str, str]) -> None:
    """read_new_value_text fills a StatedValue's fields itself: the same fields, in the
    same order, as its __init__ (repr, equality, hashing and the cached figures rely on)."""
    READ_VALUES.clear()
    for text in texts:
        READ_VALUES.pop(text, None)
        value = parse_value_text(text)
        built = StatedValue(value.text, value.number, value.scale, value.unit)
        assert type(value) is StatedValue
        assert list(value.__dict__.items()) == list(built.__dict__.items())
        assert value == built and hash(value) == hash(built) and repr(value) == repr(built)
        assert value.magnitude == built.magnitude and value.rounding == built.rounding


PERIODS = [{"from": 2020, "to": 2021}, 2022, {"from": "2024-Q1", "to": "2024-Q3"},
           {"from": 2020, "to": 2021}, "2023-09", {"from": "2024-Q1", "to": "2024-Q3"}, 2022]


def test_each_claim_is_dated_as_figure_date_dates_it(tmp_path: Path) -> None:
    """The loader's inlined figure_date, with each shared Period's span looked up by id."""
    bodies: list[dict[str, Any]] = []
    for index, period in enumerate(PERIODS):
        bodies.append({"id": f"p{index}", "metric": "m", "value": f"{index} km",
                       "period": period, "source": "s"})
        bodies.append({"id": f"a{index}", "metric": "m", "value": f"{index} km",
                       "as_of": 2019 + index, "period": period, "source": "s"})
        bodies.append({"id": f"n{index}", "metric": "m", "value": f"{index} km",
                       "source": "s"})
    path = tmp_path / "claims.yaml"
    path.write_text("sources:\n  s:\n    title: A\nclaims:\n"
                    + "".join(f"  - {json.dumps(body)}\n" for body in bodies))
    loaded = load_file(str(path))
    assert not loaded.findings and len(loaded.claims) == len(bodies)
    for claim in loaded.claims:
        assert claim.date == figure_date(claim.as_of, claim.period)
        assert claim.date is claim.as_of or claim.as_of is None
    spans = [str(c.date) for c in loaded.claims if c.id.startswith("p")]
    assert spans == ["2020-01-01..2021-12-31", "2022-01-01..2022-12-31",
                     "2024-01-01..2024-09-30", "2020-01-01..2021-12-31",
                     "2023-09-01..2023-09-30", "2024-01-01..2024-09-30",
                     "2022-01-01..2022-12-31"]


def test_a_claim_files_claims_default_to_a_new_empty_list() -> None:
    first, second = ClaimFile(), ClaimFile()
    assert first.claims == [] and first.claims is not second.claims
    assert "default" not in ClaimFile.model_json_schema()["properties"]["claims"]
