"""Sources crossing to the other process of a split run are rebuilt equal to the validated ones."""

from __future__ import annotations

import datetime as dt
import pickle
from pathlib import Path

from claimcheck.dates import KNOWN_DATES, PartialDate
from claimcheck.loader import Limits, declared_sources, parse_file
from claimcheck.sourcerows import rebuilt_sources, source_rows

SOURCES = """\
sources:
  full:
    title: A title
    publisher: A publisher
    author: An author
    published: 2024-09-30
    url: https://example.org/a
  year-only:
    publisher: Someone
    published: 2025
  null-title:
    title: null
    publisher: Named
  quoted-date:
    title: T
    published: "2024-Q3"
claims: []
"""


def _validated(tmp_path: Path) -> dict:
    path = tmp_path / "sources.yaml"
    path.write_text(SOURCES, encoding="utf-8")
    sources, _ = declared_sources([parse_file(str(path), Limits()).loaded])
    return sources


def test_rebuilt_sources_equal_the_validated_ones(tmp_path: Path) -> None:
    validated = _validated(tmp_path)
    rows = pickle.loads(pickle.dumps(source_rows(validated, ["year-only", "full", "null-title",
                                                             "quoted-date", "not-here"])))
    rebuilt = rebuilt_sources(rows)
    assert list(rebuilt) == ["full", "null-title", "quoted-date", "year-only"]  # by id
    for ident, source in rebuilt.items():
        original = validated[ident]
        assert source == original
        assert source.__dict__ == original.__dict__  # id and location too
        assert source.model_fields_set == original.model_fields_set
        assert source.label() == original.label()
    assert rebuilt["null-title"].model_fields_set == {"title", "publisher"}
    assert rebuilt["full"].location.line == 2 and rebuilt["full"].id == "full"


def test_only_the_wanted_sources_cross(tmp_path: Path) -> None:
    rows = source_rows(_validated(tmp_path), {"full", "elsewhere"})
    assert [row[0] for row in rows] == ["full"]


DATED = """\
sources:
  year-int: {title: T, published: 2024}
  year-text: {title: T, published: "2023"}
  quarter: {title: T, published: 2024-Q3}
  half: {title: T, published: 2022-H2}
  month: {title: T, published: 2021-02}
  day: {title: T, published: 2020-02-29}
  spaced: {title: T, published: " 2019-12 "}
  undated: {title: T}
claims: []
"""


def test_published_dates_cross_as_text_and_are_read_equal(tmp_path: Path) -> None:
    """Every form of date a source's `published` takes is read again equal to the validated
    one, in a process that never read it (the dates' cache emptied) and in one that did."""
    path = tmp_path / "dated.yaml"
    path.write_text(DATED, encoding="utf-8")
    validated, _ = declared_sources([parse_file(str(path), Limits()).loaded])
    rows = pickle.loads(pickle.dumps(source_rows(validated, list(validated))))
    for fresh in (True, False):
        if fresh:
            KNOWN_DATES.clear()
        rebuilt = rebuilt_sources(rows)
        assert list(rebuilt) == sorted(validated)
        for ident, source in rebuilt.items():
            original = validated[ident]
            assert source.__dict__ == original.__dict__
            assert type(source.published) is type(original.published)
            assert source.model_fields_set == original.model_fields_set
    assert validated["year-int"].published == PartialDate.parse(2024)
    # a date as a YAML 1.1 loader reads it: the text it crosses as is read equal
    day = dt.date(2020, 2, 29)
    assert PartialDate.parse_cached(PartialDate.parse(day).text) == PartialDate.parse(day)
