"""A growth's `from`/`to` as a span ({from: 2015-04, to: 2016-03}): the model and the schema."""

from __future__ import annotations

from typing import Any

import jsonschema  # type: ignore[import-untyped]
import pytest
from pydantic import TypeAdapter

from claimcheck.model import Claim, DateSpan
from claimcheck.schema import claim_file_schema

FY16 = {"from": "2015-04", "to": "2016-03"}
FY17 = {"from": "2016-04", "to": "2017-03"}


def _claim(**growth: Any) -> dict[str, Any]:
    return {"id": "g", "metric": "m", "source": "s", "growth": {"rate": "56%", **growth}}


def test_a_span_is_one_date_from_its_start_to_its_end_shown_as_written() -> None:
    claim = TypeAdapter(Claim).validate_python(_claim(**{"from": FY16, "to": FY17}))
    assert claim.growth is not None
    since, until = claim.growth.start_date, claim.growth.end_date
    assert isinstance(since, DateSpan) and isinstance(until, DateSpan)
    assert (str(since.start), str(since.end), str(since)) == (
        "2015-04-01", "2016-03-31", "2015-04..2016-03")
    assert str(until) == "2016-04..2017-03"


def test_a_single_date_stays_a_plain_date() -> None:
    claim = TypeAdapter(Claim).validate_python(_claim(**{"from": "2016-03", "to": 2017}))
    assert claim.growth is not None
    assert not isinstance(claim.growth.start_date, DateSpan)
    assert str(claim.growth.start_date) == "2016-03" and str(claim.growth.end_date) == "2017"


def test_the_schema_accepts_a_span() -> None:
    validator = jsonschema.Draft202012Validator(claim_file_schema())
    claims = [_claim(**{"from": FY16, "to": FY17}), _claim(**{"from": FY16, "to": 2017})]
    assert list(validator.iter_errors({"claims": claims})) == []


@pytest.mark.parametrize("span", [{"from": "2015-04"}, {**FY16, "end": "2016"},
                                  {"from": "2015-04", "to": "March"}, ["2015", "2016"]])
def test_the_schema_refuses_a_bad_span(span: Any) -> None:
    validator = jsonschema.Draft202012Validator(claim_file_schema())
    assert list(validator.iter_errors({"claims": [_claim(**{"from": span, "to": 2017})]})) != []
