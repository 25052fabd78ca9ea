"""The sources' fast paths agree with the slow ones they stand in for.

- loader._load_sources validates sources in bulk without Source._named and without the
  `id` and `location` fields (model.named_later), and decides the usual source inline: a
  source comes out as the full validation makes it, a refused one with the same message;
- PartialDate._parse_text reads a 2024-09-30 with the datetime module, before the regex
  (_parse_form): the same date, or the same message, for every text of that shape.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from claimcheck import loader
from claimcheck.dates import PartialDate
from claimcheck.errors import InputError
from claimcheck.model import Source, named_later

SOURCES = """\
sources:
  a: {title: A}
  b: {publisher: P, published: 2024-09-30}
  c: {title: T, publisher: P, author: W, published: '2024-Q3', url: 'https://x'}
  d: {author: W}
  e: {title: T, published: 2024-02-30}
  f: {title: T, published: '2024-13'}
  g: {title: T, id: g}
  h: {title: T, location: here}
  i: {title: T, extra: 1}
  1: {title: T}
  j:
  k: 5
  l: {title: ''}
  m: {title: T, published: 2024-09-30T10:00:00}
  n:
    title: T
    title: U
  o: {title: T, published: 2023-02-29}
  p: {publisher: P, published: 2024}
"""


def load_both(tmp_path: Path, parser: str, monkeypatch: pytest.MonkeyPatch) -> tuple[
        loader.LoadedFile, loader.LoadedFile]:
    if parser == "pyyaml":
        monkeypatch.setenv("CLAIMCHECK_PARSER", "pyyaml")
    path = tmp_path / "c.yaml"
    path.write_text(textwrap.dedent(SOURCES), encoding="utf-8")
    fast = loader.load_file(str(path))
    monkeypatch.setattr(loader, "_SOURCES",
                        loader._each_or_none(Source.__pydantic_core_schema__))
    slow = loader.load_file(str(path))
    return fast, slow


def test_the_bulk_schema_leaves_out_what_the_loader_does() -> None:
    """Pins the shape named_later strips: were it kept whole, the fast path is not taken."""
    schema = named_later(Source.__pydantic_core_schema__)
    assert schema is not Source.__pydantic_core_schema__
    assert "_named" not in repr(schema)
    assert "'location'" not in repr(schema) and "'id'" not in repr(schema)


@pytest.mark.parametrize("parser", ["fast", "pyyaml"])
def test_sources_loaded_fast_equal_sources_validated_whole(
        tmp_path: Path, parser: str, monkeypatch: pytest.MonkeyPatch) -> None:
    fast, slow = load_both(tmp_path, parser, monkeypatch)
    assert [(f.locations[0].line, f.message, f.claims) for f in fast.findings] == [
        (f.locations[0].line, f.message, f.claims) for f in slow.findings]
    assert len(fast.findings) == 13
    assert list(fast.sources) == list(slow.sources) == ["a", "b", "c", "p"]
    for ident, source in fast.sources.items():
        whole = slow.sources[ident]
        assert source == whole
        assert list(source.__dict__.items()) == list(whole.__dict__.items())
        assert source.model_fields_set == whole.model_fields_set
        assert repr(source) == repr(whole)
        assert source.id == ident and source.location == whole.location
    assert str(fast.sources["b"].published) == "2024-09-30"


DAY_SHAPED = [
    "2024-09-30", "2024-02-29", "2023-02-29", "2024-02-30", "2024-04-31", "2024-13-01",
    "2024-00-10", "2024-01-00", "0000-01-01", "0001-01-01", "9999-12-31", "2024-W01-1",
    "2024-1-011", "2024-09-3a", "2024+09-30", "20240930xx", "2024-09-30"[::-1],
    "\uff12\uff10\uff12\uff14-09-30", "\u0662\u0660\u0662\u0664-09-30", "2024-٠٩-30",
    "2024--9-30", "-024-09-30", " 024-09-30", "2024-09- 3", "2024-H1-01", "2024-Q3-01",
]


@pytest.mark.parametrize("text", DAY_SHAPED)
def test_a_day_read_fast_is_the_day_the_regex_reads(text: str) -> None:
    def outcome(parse: object) -> object:
        try:
            return parse(text)  # type: ignore[operator]
        except InputError as error:
            return str(error)

    assert outcome(PartialDate._parse_text) == outcome(PartialDate._parse_form)
