"""Validated sources sent to the other process of a split run, and the models rebuilt there.

A source crosses as a row of plain values, not as its raw mapping to validate again nor as
the model itself: a tuple of strings pickles in about half the time of either, and the model
is rebuilt from it as pickle rebuilds a model (its state set, no validation), which takes a
third of the time of validating it again. At 100k claims 11k sources cross, on the path of
the process that receives them: 0.08-0.10 s, now 0.04-0.05 s.

A `published` date crosses as its text and is read again through the dates' cache, as
validation read it: pickling a PartialDate (a dataclass of two dates) cost 10 ms for the
2,900 distinct ones of a 100k run, and unpickling 9 ms more; reading the texts again costs
the receiver about 8 ms (a third of them it has read already). The model's slots are set
straight, not through BaseModel.__setstate__. All told (callgrind, 100k run): the sender's
pickling 64M instructions -> 31M, the receiver's unpickling and rebuilding 170M -> 164M.
"""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import BaseModel

from claimcheck.dates import KNOWN_DATES, PartialDate
from claimcheck.findings import Location
from claimcheck.model import Source

FIELDS = ("title", "publisher", "author", "published", "url")  # a source's own fields
# Which fields the YAML set (pydantic's fields_set), as a bitmask over FIELDS: a small int
# pickles in two bytes, a set of names in forty.
_SETS = [frozenset(name for bit, name in enumerate(FIELDS) if mask >> bit & 1)
         for mask in range(1 << len(FIELDS))]
_MASKS = {names: mask for mask, names in enumerate(_SETS)}

# id, file, line, fields set (mask), title, publisher, author, published (its text), url
SourceRow = tuple[str, str, int, int, str | None, str | None, str | None, str | None,
                  str | None]


def source_rows(sources: dict[str, Source], wanted: Iterable[str]) -> list[SourceRow]:
    """The rows of the wanted sources among these, by id."""
    rows: list[SourceRow] = []
    for ident in sorted(set(wanted).intersection(sources)):
        source = sources[ident]
        fields = source.__dict__  # one lookup, not one through the model for each field
        where, published = fields["location"], fields["published"]
        rows.append((ident, where.file, where.line,
                     _MASKS[frozenset(source.__pydantic_fields_set__)],
                     fields["title"], fields["publisher"], fields["author"],
                     published.text if published is not None else None, fields["url"]))
    return rows


# BaseModel's slots but __dict__, set as its __setstate__ sets them (C calls, no state dict)
_SLOTS = tuple(BaseModel.__dict__[slot].__set__ for slot in (
    "__pydantic_fields_set__", "__pydantic_extra__", "__pydantic_private__"))


def rebuilt_sources(rows: Iterable[SourceRow]) -> dict[str, Source]:
    """The models of sources the other process validated, equal to its own, by id."""
    new, set_dict = Source.__new__, object.__setattr__
    set_fields, set_extra, set_private = _SLOTS
    known, read = KNOWN_DATES.get, PartialDate.parse_cached
    rebuilt: dict[str, Source] = {}
    for ident, file, line, mask, title, publisher, author, published, url in rows:
        source = new(Source)
        date = None if published is None else known(published) or read(published)
        set_dict(source, "__dict__", {"title": title, "publisher": publisher, "author": author,
                                      "published": date, "url": url, "id": ident,
                                      "location": Location(file, line)})
        set_fields(source, set(_SETS[mask]))
        set_extra(source, None)
        set_private(source, None)
        rebuilt[ident] = source
    return rebuilt
