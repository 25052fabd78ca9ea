"""Claim files to validated models: one `invalid-file` finding per bad claim, never a crash."""

from __future__ import annotations

import bisect
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError
from pydantic_core import CoreSchema, SchemaValidator, core_schema

from claimcheck.claimset import ClaimSet
from claimcheck.dates import PartialDate, span_of_two
from claimcheck.errors import InputError
from claimcheck.findings import Finding, Location
from claimcheck.inputs import Limits, discover
from claimcheck.linescan import TOP_KEYS
from claimcheck.model import Claim, Source, checked_later, named_later
from claimcheck.validation import describe_errors, kind_of
from claimcheck.yamlsource import Document, decoded, parse, parse_bytes

INVALID = "invalid-file"


@dataclass(eq=False, repr=False)
class LoadedFile:
    path: str
    claims: list[Claim] = field(default_factory=list)
    sources: dict[str, Source] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    declared: set[str] = field(default_factory=set)  # every claim id, valid or not


@dataclass(eq=False, repr=False)
class ParsedFile:
    """A file read and parsed, with its sources validated and its claims still raw."""

    loaded: LoadedFile  # the sources, and the findings about the file and its sources
    claims: list[Any] = field(default_factory=list)  # raw items; [] where `claims` is refused
    lines: list[int] = field(default_factory=list)
    claims_line: int = 1  # of the `claims:` key: where an item without a line of its own is
    spoiled: dict[tuple[str, Any], str] = field(default_factory=dict)
    first_index: int = 0  # the file's index of the first claim (a part of a file: see pieces)
    cut_keys: frozenset[Any] = frozenset()  # a cut part's top-level keys but `claims`


class CollectionKey(Exception):
    """A list or a mapping as a key (`[1, 2]: x`), found where the fast parser's data was
    refused. yaml-rs reads such a key as a tuple or a frozenset; PyYAML refuses the whole
    file ("found unhashable key"), and the file must read the same whichever parser runs:
    load_file reads it again on the exact path. Looked for only in what is refused: such a
    key in a claim, a source or at the top is refused anyway (a file of any other shape
    takes the exact path from the line scan), and every claim of every file is not walked."""


def _has_collection_key(data: Any) -> bool:
    if isinstance(data, dict):
        return any(isinstance(key, (tuple, frozenset)) or _has_collection_key(value)
                   for key, value in data.items())
    return isinstance(data, list) and any(map(_has_collection_key, data))


def _refused(data: Any) -> None:
    """Where data is refused: CollectionKey if a collection is a key anywhere in it."""
    if _has_collection_key(data):
        raise CollectionKey


def load_file(path: str, limits: Limits = Limits()) -> LoadedFile:
    try:
        parsed = parse_file(path, limits)
        claims, findings = load_claims(parsed)
    except CollectionKey:
        parsed = parse_file(path, limits, exact=True)
        claims, findings = load_claims(parsed)
    parsed.loaded.claims += claims
    parsed.loaded.findings += findings
    return parsed.loaded


def parse_file(path: str, limits: Limits = Limits(), exact: bool = False) -> ParsedFile:
    try:
        raw = _read_bytes(path, limits)
        document = parse(decoded(raw), prefer_fast=False) if exact else parse_bytes(raw)
    except InputError as error:
        parsed = ParsedFile(LoadedFile(path))
        parsed.loaded.findings.append(_invalid(path, error.line or 1, error.message))
        return parsed
    return parsed_document(path, document, limits)


def parsed_document(path: str, document: Document, limits: Limits) -> ParsedFile:
    """A parsed file's sources validated and its claims kept raw, with their lines."""
    parsed = ParsedFile(LoadedFile(path))
    loaded = parsed.loaded
    data = document.data
    if data is None:
        return parsed  # an empty or comment-only file declares nothing
    if not isinstance(data, dict):
        loaded.findings.append(_invalid(path, 1, f"expected a mapping with `sources` and "
                                        f"`claims` at the top, got {kind_of(data)}"))
        return parsed
    _check_top_keys(loaded, data, document)
    parsed.spoiled = _place_duplicate_keys(loaded, document)
    _load_sources(loaded, data.get("sources"), document, parsed.spoiled)
    if _claim_list_fits(loaded, data.get("claims"), document, limits):
        parsed.claims, parsed.lines = data["claims"], document.claim_lines
        parsed.claims_line = document.top_key_lines.get("claims", 1)
    return parsed


def _place_duplicate_keys(loaded: LoadedFile, document: Document) -> dict[tuple[str, Any], str]:
    """Which claim (by index) or source (by id) each duplicate key spoils, with its message.

    A duplicate outside any claim or source (two `claims:` keys) is a finding of the file.
    """
    spoiled: dict[tuple[str, Any], str] = {}
    claims_at = document.top_key_lines.get("claims", 0)
    sources_at = document.top_key_lines.get("sources", 0)
    source_ids = sorted(document.source_lines, key=document.source_lines.__getitem__)
    source_lines = [document.source_lines[s] for s in source_ids]
    for line, message in document.duplicate_keys:
        claim = bisect.bisect_right(document.claim_lines, line) - 1
        source = bisect.bisect_right(source_lines, line) - 1
        in_claims = claim >= 0 and _within(line, claims_at, sources_at)
        in_sources = source >= 0 and _within(line, sources_at, claims_at)
        if in_claims:
            spoiled.setdefault(("claim", claim), message)
        elif in_sources:
            spoiled.setdefault(("source", source_ids[source]), message)
        else:
            loaded.findings.append(_invalid(loaded.path, line, message))
    return spoiled


def _read_bytes(path: str, limits: Limits) -> bytes:
    try:
        size = os.path.getsize(path)
        if size > limits.max_file_bytes:
            raise InputError(f"file is {size:,} bytes, over the limit of "
                             f"{limits.max_file_bytes:,} (--max-file-bytes)", 1)
        return Path(path).read_bytes()
    except OSError as error:
        raise InputError(f"cannot read the file: {error.strerror}", 1) from None


def _check_top_keys(loaded: LoadedFile, data: dict[Any, Any], document: Document) -> None:
    for key in data:
        if key not in TOP_KEYS:
            _refused({key: data[key]})
            line = document.top_key_lines.get(str(key), 1)
            loaded.findings.append(_invalid(loaded.path, line, f"unknown top-level key {key!r}; "
                                            "expected `sources` and `claims`"))


def _within(line: int, section: int, other: int) -> bool:
    """Whether a line falls in the top-level section starting at `section` (0: no section),
    the other section starting at `other` (before it, or after, or absent)."""
    return 0 < section < line and (other < section or line < other)


def _load_sources(loaded: LoadedFile, raw: Any, document: Document,
                  spoiled: dict[tuple[str, Any], str]) -> None:
    if raw is None:
        return
    line = document.top_key_lines.get("sources", 1)
    if not isinstance(raw, dict):
        loaded.findings.append(_invalid(loaded.path, line, "`sources` must be a mapping of "
                                        f"source id to source, got {kind_of(raw)}"))
        return
    bodies = [body if body is not None else {} for body in raw.values()]
    validated = _SOURCES.validate_python(bodies)
    path, sources, lines = loaded.path, loaded.sources, document.source_lines
    for source_id, body, source in zip(raw, bodies, validated, strict=True):
        # The usual source, decided inline: valid, named, its id a string, not spoiled
        # (a call and a tuple less for each of 15.6k sources); any other, below.
        if source is None or type(source_id) is not str or not source_id or \
                source.title is None and source.publisher is None or \
                spoiled and ("source", source_id) in spoiled:
            source = _source_or_finding(loaded, source_id, body, lines.get(str(source_id),
                                                                           line), spoiled)
            if source is None:
                continue
        # Sources are frozen for the rules; the loader alone sets their id and where each
        # was written, the model's last two fields (see named_later): added to the
        # instance's dict in field order, as pydantic would have (or over its defaults).
        fields = source.__dict__
        fields["id"], fields["location"] = source_id, Location(path, lines.get(source_id, line))
        sources[source_id] = source


def _source_or_finding(loaded: LoadedFile, source_id: Any, body: Any, at: int,
                       spoiled: dict[tuple[str, Any], str]) -> Source | None:
    """A source the bulk validation did not pass as usual, validated alone (the checks in
    their order, for the message); or None and a finding."""
    try:
        if ("source", source_id) in spoiled:
            raise InputError(spoiled["source", source_id])
        if not isinstance(source_id, str) or not source_id:
            raise InputError(f"source id {source_id!r} must be a string")
        source = Source.model_validate(body)
    except (ValidationError, InputError) as error:
        _refused({source_id: body})
        text = describe_errors(error)
        loaded.findings.append(_invalid(loaded.path, at, f"source {source_id!r}: {text}",
                                        claims=(str(source_id),)))
        return None
    return source


def _claim_list_fits(loaded: LoadedFile, raw: Any, document: Document, limits: Limits) -> bool:
    if raw is None:
        return False
    line = document.top_key_lines.get("claims", 1)
    if not isinstance(raw, list):
        loaded.findings.append(_invalid(loaded.path, line, "`claims` must be a list of claims, "
                                        f"got {kind_of(raw)}"))
        return False
    if len(raw) > limits.max_claims:
        loaded.findings.append(_invalid(loaded.path, line, f"{len(raw):,} claims, over the "
                                        f"limit of {limits.max_claims:,} (--max-claims)"))
        return False
    return True


def load_claims(parsed: ParsedFile) -> tuple[list[Claim], list[Finding]]:
    """The file's valid claims, in file order, and a finding for each bad one; every claim
    id of the file, valid or not, in its LoadedFile's `declared`."""
    items, lines, path, spoiled = parsed.claims, parsed.lines, parsed.loaded.path, parsed.spoiled
    first = parsed.first_index
    validated = _CLAIMS.validate_python(items)
    claims: list[Claim] = []
    findings: list[Finding] = []
    refused: list[Any] = []
    lined = len(lines)
    set_date, set_location = _SET_DATE, _SET_LOCATION
    # A period's span by the Period's id: claims share their Periods (model._period), and
    # a Period keyed here lives as long as this dict, in a claim kept (each one dated is).
    spans: dict[int, PartialDate] = {}
    for index, body, claim in zip(range(len(items)), items, validated, strict=True):
        at = lines[index] if index < lined else parsed.claims_line
        if spoiled and ("claim", index) in spoiled:
            findings.append(_spoiled_claim(path, at, body, first + index,
                                           spoiled["claim", index]))
            refused.append(body)
            continue
        if claim is None or claim.value is None and claim.growth is None:
            # Not valid, or without a figure (checked here: see checked_later): validated
            # again alone, for its message.
            claim = _validate_claim(path, findings, body, at, first + index)
            if claim is None:
                refused.append(body)
                continue
        else:  # figure_date, inlined: a call less for each claim
            date = claim.as_of
            if date is None:
                period = claim.period
                if period is not None:
                    date = spans.get(id(period))
                    if date is None:
                        date = spans[id(period)] = span_of_two(period.start, period.end)
            set_date(claim, date)
        # Claims are frozen for the rules; the loader alone sets where each was written
        # (and the bulk validation leaves the slot unset: see checked_later).
        set_location(claim, Location(path, at))
        claims.append(claim)
    # The ids from the models, not read off every raw mapping again (a valid claim's id is
    # its mapping's: a strict string): 10-14 ms for 44k claims, not 32-37.
    parsed.loaded.declared = {claim.id for claim in claims} | {
        ident for body in refused
        if isinstance(body, dict) and isinstance(ident := body.get("id"), str)}
    return claims, findings


def _spoiled_claim(path: str, line: int, body: Any, index: int, message: str) -> Finding:
    claim_id = body.get("id") if isinstance(body, dict) else None
    named = f"claim {claim_id!r}" if isinstance(claim_id, str) else f"claim {index + 1}"
    ids = (claim_id,) if isinstance(claim_id, str) else ()
    return _invalid(path, line, f"{named}: {message}", claims=ids)


def _each_or_none(schema: CoreSchema) -> SchemaValidator:
    """A list's items validated as the schema says, or None where one is not valid:
    pydantic-core's `on_error` default, so a list is validated in one call and a bad item
    spoils nothing around it (batches of 8 cost a call each, and a bad claim's seven
    neighbours a second validation: 4% of validating 50k claims)."""
    return SchemaValidator(core_schema.list_schema(
        core_schema.with_default_schema(schema, default=None, on_error="default")))


_CLAIM = TypeAdapter(Claim)
_CLAIMS = _each_or_none(checked_later(_CLAIM.core_schema))
_SOURCES = _each_or_none(named_later(Source.__pydantic_core_schema__))
# The slots' own setters: a frozen claim's, without object.__setattr__'s lookups.
_SET_DATE, _SET_LOCATION = (Claim.__dict__[name].__set__ for name in ("date", "location"))


def _validate_claim(path: str, findings: list[Finding], body: Any, line: int,
                    index: int) -> Claim | None:
    if not isinstance(body, dict):
        findings.append(_invalid(path, line, f"claim {index + 1} must be a mapping "
                                 f"of fields (id, metric, value, ...), got {kind_of(body)}"))
        return None
    try:
        return _CLAIM.validate_python(body)
    except ValidationError as error:
        _refused(body)
        claim_id = body.get("id")
        named = f"claim {claim_id!r}" if isinstance(claim_id, str) else f"claim {index + 1}"
        ids = (claim_id,) if isinstance(claim_id, str) else ()
        findings.append(_invalid(path, line, f"{named}: {describe_errors(error)}", claims=ids))
        return None


def _invalid(path: str, line: int, message: str, claims: tuple[str, ...] = ()) -> Finding:
    return Finding(INVALID, message, claims=claims, locations=(Location(path, line),))


def load_paths(paths: Iterable[str], limits: Limits = Limits(), jobs: int = 1) -> tuple[
        ClaimSet, list[Finding]]:
    """Every claim file under the paths: the valid claims as a ClaimSet, and the findings."""
    files = discover(paths)
    return merge(list(_load_all(files, limits, jobs)), files)


PARALLEL_FROM_BYTES = 4 * 1024 * 1024  # below this, starting processes costs more than it saves


def _load_all(files: list[str], limits: Limits, jobs: int) -> Iterator[LoadedFile]:
    if jobs > 1 and len(files) > 1 and _total_bytes(files) >= PARALLEL_FROM_BYTES:
        from claimcheck.parallel import load_in_processes

        yield from load_in_processes(files, limits, jobs)
        return
    for path in files:
        yield load_file(path, limits)


def _total_bytes(files: list[str]) -> int:
    total = 0
    for path in files:
        try:
            total += os.path.getsize(path)
        except OSError:
            pass  # load_file reports it
    return total


def merge(loaded: list[LoadedFile], files: list[str]) -> tuple[ClaimSet, list[Finding]]:
    """Ids are unique across all files of a run: a later duplicate is a finding, not a claim."""
    sources, findings = merge_sources(loaded)
    by_id, duplicates = unique_claims(claim for item in loaded for claim in item.claims)
    return ClaimSet(list(by_id.values()), sources, files, declared(loaded),
                    by_id), findings + duplicates


def declared(loaded: list[LoadedFile]) -> frozenset[str]:
    return frozenset().union(*(item.declared for item in loaded))


def merge_sources(loaded: list[LoadedFile]) -> tuple[dict[str, Source], list[Finding]]:
    """The files' sources, and their findings (a later duplicate source id is one)."""
    sources, declarations = declared_sources(loaded)
    return sources, [f for item in loaded for f in item.findings] + duplicate_sources(
        declarations)


def declared_sources(loaded: Iterable[LoadedFile]) -> tuple[
        dict[str, Source], list[tuple[str, Location]]]:
    """Each source id's first declaration, and every valid declaration in file order."""
    sources: dict[str, Source] = {}
    declarations: list[tuple[str, Location]] = []
    for item in loaded:
        for ident, source in item.sources.items():
            sources.setdefault(ident, source)
            declarations.append((ident, source.location))
    return sources, declarations


def duplicate_sources(declarations: Iterable[tuple[str, Location]]) -> list[Finding]:
    """A finding for each later declaration of a source id, given every one in file order."""
    first: dict[str, Location] = {}
    findings: list[Finding] = []
    for ident, location in declarations:
        if ident in first:
            findings.append(_duplicate("source", ident, location, first[ident]))
        else:
            first[ident] = location
    return findings


def unique_claims(claims: Iterable[Claim]) -> tuple[dict[str, Claim], list[Finding]]:
    """The claims by id, in order, but a later one of an id already seen: that is a finding.

    The dict is the ClaimSet's `by_id` (handed on, not built again) and the check for
    duplicates at once: one pass over the claims where there were two.
    """
    claims = list(claims)
    # A comprehension: its specialised attribute reads beat dict(zip(map(attrgetter))).
    by_id = {claim.id: claim for claim in claims}
    if len(by_id) == len(claims):  # no id twice, the usual
        return by_id, []
    findings: list[Finding] = []
    by_id = {}
    for claim in claims:
        if claim.id in by_id:
            findings.append(_duplicate("claim", claim.id, claim.location,
                                       by_id[claim.id].location))
        else:
            by_id[claim.id] = claim
    return by_id, findings


def _duplicate(kind: str, ident: str, here: Location, first: Location) -> Finding:
    return _invalid(here.file, here.line, f"duplicate {kind} id {ident!r}: already declared at "
                    f"{first}; ids are unique across all files of a run", claims=(ident,))
