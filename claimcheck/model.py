"""Sources and claims as validated models: SPEC §1, strict (unknown fields are errors)."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Collection, Sequence
from decimal import Decimal
from typing import Annotated, Any, Literal, TypeVar

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    GetPydanticSchema,
    PlainValidator,
    Strict,
    ValidationError,
    ValidatorFunctionWrapHandler,
    WithJsonSchema,
    model_validator,
)
from pydantic.dataclasses import dataclass
from pydantic.json_schema import SkipJsonSchema
from pydantic_core import CoreSchema, PydanticCustomError, core_schema

from claimcheck.dates import KNOWN_DATES, PartialDate, span_of_two
from claimcheck.errors import InputError
from claimcheck.qualifiers import Qualifier, parse_qualifier
from claimcheck.quantity import (
    MAX_EXPONENT,
    READ_VALUES,
    StatedValue,
    parse_value,
    read_new_value_text,
)
from claimcheck.validation import kind_of

T = TypeVar("T")
ID_PATTERN = r"^[A-Za-z0-9._-]+$"


def _readable(parse: Callable[[Any], T]) -> Callable[[Any], T]:
    """Turn claimcheck's InputError into the error pydantic reports at the field."""

    def validate(raw: Any) -> T:
        try:
            return parse(raw)
        except InputError as error:
            raise PydanticCustomError("claimcheck", str(error)) from None

    return validate


DATE_SCHEMA = {
    "type": ["string", "integer"],
    "pattern": r"^\d{4}(-(H[12]|Q[1-4]|\d{2}(-\d{2})?))?$",
    "description": "partial date: 2024, 2024-H1, 2024-Q3, 2024-09, 2024-09-30",
}
VALUE_SCHEMA = {
    "oneOf": [
        {"type": "string", "description": "NUMBER [SCALE] [UNIT]: '600 billion CNY', '15.6%'"},
        {"type": "object", "properties": {"amount": {"type": ["number", "string"]},
                                          "unit": {"type": "string"}},
         "required": ["amount"], "additionalProperties": False},
    ]
}
QUALIFIER_SCHEMA = {"type": "string", "description": "exact, about, nearly, over, under, "
                    "at-least, at-most (or English aliases: more than, close to, ...)"}


def _date(raw: Any) -> PartialDate:
    """PartialDate.parse_cached with _readable's messages, the dates read before looked up
    here: 137k dates in 100k claims, nearly all known, and a call less for each."""
    kind = type(raw)
    if kind is str or kind is int:  # exact types: a bool is no year (parse() says so)
        known = _known_date(raw)
        if known is not None:
            return known
    try:
        return PartialDate.parse_cached(raw)
    except InputError as error:
        raise PydanticCustomError("claimcheck", str(error)) from None


def _value(raw: Any) -> StatedValue:
    """parse_value with _readable's messages, a text read before looked up here (a third
    of 100k values are): a call less for each; a new one read straight away (parse_value
    would look it up twice more), an empty one left to parse_value's message."""
    try:
        if type(raw) is str:
            known = _read_value(raw)
            if known is not None:
                return known
            if raw.strip():
                return read_new_value_text(raw)
        return parse_value(raw)
    except InputError as error:
        raise PydanticCustomError("claimcheck", str(error)) from None


# The caches' lookups bound once: `KNOWN_DATES.get(raw)` looks `get` up on the dict's type
# at every call (LOAD_METHOD), a bound method called is one step less: 45M instructions for
# the values and dates of 55k claims. The dicts are cleared, never replaced
# (tests/test_valid_s17_fastpaths).
_known_date, _read_value = KNOWN_DATES.get, READ_VALUES.get
Date = Annotated[PartialDate, PlainValidator(_date), WithJsonSchema(DATE_SCHEMA)]
Value = Annotated[StatedValue, PlainValidator(_value), WithJsonSchema(VALUE_SCHEMA)]


def _parse_rate(raw: Any) -> StatedValue:
    """A growth rate: a value in percent; a bare number (0.112, '15') is refused, naming the
    percentage it likely is."""
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        if not math.isfinite(raw):
            raise InputError(f"{raw!r} is not a number; a growth rate is a percentage like 15.6%")
        if abs(raw) >= 10**MAX_EXPONENT:
            return parse_value(raw)  # its own message: out of range
        number = Decimal(str(raw))
    else:
        value = parse_value(raw)
        if value.unit.kind != "count" or value.unit.code:
            return value
        number = value.number
    written = f"{number.normalize():f}"
    shown = repr(raw) if isinstance(raw, str) else written
    if abs(number) < 1:
        percent = f"{(number * 100).normalize():f}"
        raise InputError(f"{shown} has no unit: a growth rate is a percentage; write "
                         f"'{percent}%' for {written} as a fraction, or '{written}%'")
    raise InputError(f"{shown} has no unit: a growth rate is a percentage; write '{written}%'")


Rate = Annotated[StatedValue, PlainValidator(_readable(_parse_rate)),
                 WithJsonSchema(VALUE_SCHEMA)]


def _qualifier(raw: Any) -> Qualifier:
    """parse_qualifier with _readable's messages, a word read before looked up here (a
    dozen words, 13k times in 50k claims): one call where there were three."""
    if type(raw) is str:  # exact type: a Qualifier is a str too
        known = _QUALIFIER_WORDS.get(raw)
        if known is not None:
            return known
    try:
        qualifier = parse_qualifier(raw)
    except InputError as error:
        raise PydanticCustomError("claimcheck", str(error)) from None
    if type(raw) is str and len(_QUALIFIER_WORDS) < _QUALIFIER_WORDS_AT_MOST:
        _QUALIFIER_WORDS[raw] = qualifier
    return qualifier


_QUALIFIER_WORDS: dict[str, Qualifier] = {}  # as written: `about`, `close to`, ` Over`
_QUALIFIER_WORDS_AT_MOST = 1024
QualifierField = Annotated[Qualifier, PlainValidator(_qualifier),
                           WithJsonSchema(QUALIFIER_SCHEMA)]
# Strict field by field: the claim's dataclasses below cannot be strict as a whole (a strict
# dataclass refuses the mapping it is validated from), and YAML must not coerce (1 is no id).
Ref = Annotated[str, Strict(), Field(pattern=ID_PATTERN)]
Text = Annotated[str, Strict(), Field(min_length=1)]


def _set_by_loader(raw: Any) -> Any:
    raise PydanticCustomError("extra_forbidden", "Extra inputs are not permitted")


# Where a claim or source was written: set by the loader after validation (never from YAML),
# a plain field because pydantic's private attributes cost ~25 µs a claim to create and read.
Located = Annotated[Any, PlainValidator(_set_by_loader), SkipJsonSchema(), Field(exclude=True)]


class StrictModel(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, populate_by_name=True)


class Source(StrictModel):
    title: Text | None = None
    publisher: Text | None = None
    author: Text | None = None
    published: Date | None = None
    url: Text | None = None
    id: Located = None
    location: Located = None

    @model_validator(mode="after")
    def _named(self) -> Source:
        if self.title is None and self.publisher is None:
            raise PydanticCustomError("claimcheck", "a source needs a `title` or a `publisher`")
        return self

    def label(self) -> str:
        return self.title or self.publisher or self.id or ""


# A claim and its parts are slotted dataclasses, not models: pydantic validates them as fast,
# and the rules read their fields two to three times faster (slots, not a dict for each of
# 100k instances; the rules ran ~25% faster on 50k claims). Sources stay models.
PART = ConfigDict(extra="forbid", populate_by_name=True)


@dataclass(config=PART, slots=True, frozen=True, kw_only=True)
class Period:
    start: Date = Field(alias="from")
    end: Date = Field(alias="to")

    @model_validator(mode="before")
    @classmethod
    def _one_date(cls, raw: Any) -> Any:
        """`period: 2024-Q3`: a flow over that quarter, from and to the one date."""
        if isinstance(raw, dict):
            return raw
        if isinstance(raw, (str, int, dt.date)) and not isinstance(raw, bool):
            _date(raw)  # one message, not one for each end
            return {"from": raw, "to": raw}
        raise PydanticCustomError("claimcheck", "expected a date (2024-Q3) or a mapping "
                                  f"{{from: DATE, to: DATE}}, got {kind_of(raw)}")


PERIOD_SCHEMA = {"oneOf": [DATE_SCHEMA, {
    "type": "object", "properties": {"from": DATE_SCHEMA, "to": DATE_SCHEMA},
    "required": ["from", "to"], "additionalProperties": False}]}


def _period(raw: Any) -> Any:
    """A claim's `{from, to}` read before, looked up: periods repeat (a year, a quarter:
    17k in 50k claims, a few hundred distinct) and a Period is immutable, so claims share
    it; the lookup saves three calls back into Python (_one_date and the two dates).

    A before-validator, not a wrap: the Period it returns passes the Period schema as it is
    (an instance is not validated again), and pydantic builds no handler for each call
    (3.5k instructions a period). One not read yet is validated here, and kept; one that is
    not valid is left to the schema, for its messages (at period.from and the like)."""
    if type(raw) is dict and len(raw) == 2:
        start, end = raw.get("from"), raw.get("to")
        if type(start) in _YEAR_OR_TEXT and type(end) in _YEAR_OR_TEXT:
            known = _PERIODS.get((start, end))
            if known is None:
                try:
                    known = _validate_period(raw)
                except ValidationError:
                    return raw
                if len(_PERIODS) >= _PERIODS_AT_MOST:
                    _PERIODS.clear()
                _PERIODS[start, end] = known
            return known
    return raw


# Exact types, as KNOWN_DATES keys dates: True == 1, but it is no year 1 (the dates say so).
_YEAR_OR_TEXT = (str, int)
_PERIODS: dict[tuple[Any, Any], Period] = {}  # (from, to) as written: str or int
_PERIODS_AT_MOST = 8192
_validate_period = Period.__pydantic_validator__.validate_python  # type: ignore[attr-defined]
PeriodField = Annotated[Period, BeforeValidator(_period), WithJsonSchema(PERIOD_SCHEMA)]


class DateSpan(PartialDate):
    """A growth's `from` or `to` given as a span, `{from: 2015-04, to: 2016-03}`: a fiscal
    year, say, whose figure is the flow over exactly that period. Shown as 2015-04..2016-03."""


def _date_or_span(period: Period) -> PartialDate:
    """One date as itself; a span as the DateSpan from its start to its end."""
    if period.start == period.end:
        return period.start
    if period.end.end < period.start.start:
        raise PydanticCustomError(
            "claimcheck", f"the span from {period.start} to {period.end} ends before it starts; "
            "are `from` and `to` swapped?")
    return DateSpan(min(period.start.start, period.end.start),
                    max(period.start.end, period.end.end), f"{period.start}..{period.end}")


def _known_or_span(raw: Any, validate: ValidatorFunctionWrapHandler) -> PartialDate:
    """A date read before, as itself: what the Period of that one date would come to
    (_one_date, then _date_or_span), without building it (3k growth dates in 50k claims,
    four calls into Python each). Anything else is validated as a Period, for its messages."""
    kind = type(raw)
    if kind is str or kind is int:  # exact types, as _date looks dates up
        known = _known_date(raw)
        if known is not None:
            return known
    return validate(raw)


# A growth's `from`/`to`: a date, or a span validated as a claim's `period` is (its messages,
# at growth.from.to and the like), then one PartialDate, so the rules read a date either way.
DateOrSpan = Annotated[PartialDate, GetPydanticSchema(
    lambda _, handler: core_schema.no_info_wrap_validator_function(
        _known_or_span,
        core_schema.no_info_after_validator_function(_date_or_span, handler(Period)))),
    WithJsonSchema(PERIOD_SCHEMA)]


@dataclass(config=PART, slots=True, frozen=True, kw_only=True)
class Growth:
    rate: Rate
    start_date: DateOrSpan | None = Field(default=None, alias="from")
    end_date: DateOrSpan | None = Field(default=None, alias="to")
    kind: Literal["cagr", "total"] = "cagr"
    start: Ref | None = None
    end: Ref | None = None

    @model_validator(mode="after")
    def _rate_is_percent(self) -> Growth:
        if self.rate.unit.dimension == "percentage points":
            raise PydanticCustomError(
                "claimcheck", f"rate: {self.rate.text!r} is a change between two percentages, "
                "not a growth rate: give the new rate `total: {parts: [old rate, change]}`")
        if self.rate.unit.kind != "percent":
            raise PydanticCustomError(
                "claimcheck", f"rate: expected a percentage like 15.6%, got {self.rate.text!r}"
            )
        return self


@dataclass(config=PART, slots=True, frozen=True, kw_only=True)
class Share:
    part: Ref
    whole: Ref


@dataclass(config=PART, slots=True, frozen=True, kw_only=True)
class Total:
    parts: Annotated[list[Ref], Strict()] = Field(min_length=1)


@dataclass(config=PART, slots=True, frozen=True, kw_only=True)
class Ignore:
    rule: Text
    reason: Text


# A claim's `ignore`: validated as a strict list, as given; absent, the one shared (), where
# a list built for each claim by a default_factory costs 1.2% of validating them (26M
# instructions per 50k claims). Either way the rules and the engine only iterate it.
Ignores = Annotated[Sequence[Ignore], GetPydanticSchema(
    lambda _, handler: handler(Annotated[list[Ignore], Strict()]))]


def _no_default(schema: dict[str, Any]) -> None:
    """The JSON Schema states no default for `ignore`, as when a default_factory built it."""
    del schema["default"]


@dataclass(config=PART, slots=True, frozen=True, kw_only=True)
class Claim:
    id: Ref
    metric: Annotated[str, Strict(), Field(pattern=r"^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$")]
    value: Value | None = None
    qualifier: QualifierField = Qualifier.EXACT
    as_of: Date | None = None
    period: PeriodField | None = None
    projection: Annotated[bool, Strict()] = False
    growth: Growth | None = None
    share: Share | None = None
    total: Total | None = None
    restates: Ref | None = None
    source: Ref
    quote: Annotated[str, Strict()] | None = None
    ignore: Ignores = Field(default=(), json_schema_extra=_no_default)
    location: Located = None
    # When the figure holds: its as-of date, else the period it covers (most rules ask).
    date: Annotated[PartialDate | None, SkipJsonSchema()] = Field(default=None, init=False,
                                                                  repr=False)

    @model_validator(mode="after")
    def _has_a_figure_and_date(self) -> Claim:
        # One call from pydantic for both (a __post_init__ is a call more for each claim).
        # The loader's bulk validation leaves this out and does the same itself: see
        # checked_later.
        if self.value is None and self.growth is None:
            raise PydanticCustomError("claimcheck", "a claim needs a `value` or a `growth`")
        object.__setattr__(self, "date", figure_date(self.as_of, self.period))
        return self

    def references(self) -> list[tuple[str, str]]:
        """(field, claim id) for every claim this one points at."""
        refs: list[tuple[str, str]] = []
        if self.restates:
            refs.append(("restates", self.restates))
        if self.growth is not None:
            refs += [(f"growth.{k}", v) for k, v in (("start", self.growth.start),
                                                     ("end", self.growth.end)) if v]
        if self.share is not None:
            refs += [("share.part", self.share.part), ("share.whole", self.share.whole)]
        if self.total is not None:
            refs += [("total.parts", part) for part in self.total.parts]
        return refs


def figure_date(as_of: PartialDate | None, period: Period | None) -> PartialDate | None:
    """When a claim's figure holds: its as-of date, else the span of its period."""
    if as_of is not None:
        return as_of
    return None if period is None else span_of_two(period.start, period.end)


def checked_later(schema: CoreSchema) -> CoreSchema:
    """Claim's core schema for the loader's bulk validation, which leaves out what the
    loader does itself as it visits every claim (to set its location):

    - Claim._has_a_figure_and_date: the loader checks for a figure and sets the date, a call
      from pydantic into Python less for each claim (5% of validating them); a claim without
      a figure is validated again with the check, for its message;
    - the `location` and `date` fields, which the loader sets: two fewer for pydantic to
      fill in and set on each claim (4% of validating 50k claims); a claim that gives either
      is refused for an unknown field, and validated again, for the message.

    tests/test_loader pins the shape this pydantic builds.
    """
    return _left_to_the_loader(schema, Claim._has_a_figure_and_date, _SET_BY_LOADER)


def named_later(schema: CoreSchema) -> CoreSchema:
    """Source's core schema for the loader's bulk validation, which leaves out what the
    loader does itself as it visits every source (to set its id and location):

    - Source._named: the loader checks for a title or a publisher, a call from pydantic
      into Python less for each of 15.6k sources; a source without either is validated
      again whole, for the message;
    - the `id` and `location` fields, the last two, which the loader sets (adding them to
      the instance's dict in field order): two fewer for pydantic to look up and fill in;
      a source that gives either is refused for an unknown field, and validated again.

    tests/test_sources_s17_fastpath pins the shape this pydantic builds.
    """
    return _left_to_the_loader(schema, Source._named, _SOURCE_SET)


_SET_BY_LOADER = frozenset({"location", "date"})
_SOURCE_SET = ("id", "location")


def _left_to_the_loader(schema: CoreSchema, check: object,
                        names: Collection[str]) -> CoreSchema:
    """The schema without its after-validator `check` and without the named fields, which
    the loader checks and sets itself. A schema of another shape (another pydantic) is
    kept whole where the validator is not found (the check then runs twice, with the same
    outcome), and keeps its fields where they are not found as expected (the loader then
    sets them over pydantic's defaults)."""
    after = schema["schema"] if schema["type"] == "definitions" else schema
    if after["type"] != "function-after" or after["function"]["function"] is not check:
        return schema
    inner = _without_fields(after["schema"], names)
    return {**schema, "schema": inner} if after is not schema else inner


def _without_fields(inner: CoreSchema, names: Collection[str]) -> CoreSchema:
    """A dataclass schema without the named fields, or a model's without them as its last
    fields in that order (the loader adds them to the instance's dict in that order, where
    pydantic would have put them); of another shape, as it is."""
    fields = inner.get("schema")
    if fields is None:
        return inner
    if inner["type"] == "dataclass" and fields["type"] == "dataclass-args":
        return {**inner, "fields": [name for name in inner["fields"] if name not in names],
                "schema": {**fields, "fields": [field for field in fields["fields"]
                                                if field["name"] not in names]}}
    if inner["type"] == "model" and fields["type"] == "model-fields" and \
            tuple(fields["fields"])[-len(names):] == tuple(names):
        return {**inner, "schema": {**fields, "fields": {
            name: field for name, field in fields["fields"].items() if name not in names}}}
    return inner


class ClaimFile(StrictModel):
    """A whole claim file; used for the JSON Schema editors validate against."""

    # Built at its first use (`claimcheck schema`), not at import: a check never uses it, and
    # building its schema cost 1.4M instructions before the fork.
    model_config = ConfigDict(title="claimcheck claim file", defer_build=True)
    sources: dict[Ref, Source] = Field(default_factory=dict)
    # Not `default_factory=list`: pydantic reads the factory's signature, and list's is
    # parsed from its text by tokenize, whose regexes compiled cost 27M instructions (serial,
    # before the fork); a run needs them nowhere else once ruleset's `custom` does the same.
    claims: list[Claim] = Field(default_factory=lambda: [])
