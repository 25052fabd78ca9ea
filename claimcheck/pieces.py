"""A run's claim files in two shares of about equal size, a large file cut between two claims.

Each process of a split run (split.py) parses its own share: after validation the parse is
the costliest step, and two processes parse a 24 MB file in about half the time one takes.
Whole files go to one share or the other; where that leaves the shares uneven, the file that
straddles the middle is cut at the start of a claim of its `claims:` block sequence, into a
head (everything before that claim) and a tail (`claims:` and everything from that claim on).

A cut is made only where the text shows it is safe: a `claims:` key at the left margin,
items that start "<indent>- ", no other top-level key or document marker between the key and
the cut, no tags or aliases anywhere. The parse then confirms it: each part must take the
fast path, whose line scan finds every claim where its data says, and which refuses a key
given twice and a second document; the head must hold the claims the text counted before
the cut; and no top-level key but `claims` may be in both parts (split.py compares them).
A part that fails this is not a guess either: the run is checked whole. What the parse
confirms is not searched for beforehand: a search of the whole file before the fork
(another `claims:` key, a key of the head again in the tail) costs 30-50 ms at 100k claims
while the second core idles.

The cut is planned before the library's imports, so that a helper can place and scan the
parts meanwhile (prescan.py): this module imports the loader only where it parses a piece.
"""

from __future__ import annotations

import mmap
import os
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from claimcheck.forked import can_fork
from claimcheck.inputs import Limits
from claimcheck.linescan import FIRST_ITEM, ScanState, TextScan
from claimcheck.yamlsource import parse_fast

if TYPE_CHECKING:  # the loader is imported where a piece is parsed: see parse_piece
    from claimcheck.loader import ParsedFile

SPLIT_FROM_BYTES = 1 << 20  # about 4,000 claims: below this, a second process saves nothing
EVEN_ENOUGH = 0.4  # whole files suffice when the smaller share has at least this much of it
# What a byte before `claims:` (sources) costs beside a byte of claims, which every rule
# checks: parsed like claims and validated, never checked; the head's process also plans
# the trade alone, the tail's rebuilds the sources it cites. Chosen by the instructions of
# each process of a 100k run, phase by phase, so that neither waits long at the trade and
# the child is not much later at the end: 0.4 had the parent reach the trade 0.5G
# instructions after the child; 0.7 evens it (5.38G and 5.30G), the longer path 2% shorter.
# Sources after the claims fall in the tail and are weighed as claims: a rougher cut, not
# a wrong one.
SOURCE_WEIGHT = 0.7


@dataclass(frozen=True, eq=False, repr=False)
class Cut:
    """Where a file is cut. Offsets are of its bytes: every marker here is ASCII, which UTF-8
    never uses inside a longer character, so a byte offset falls between characters."""

    # The whole file, mapped: the plan before the fork reads only the pages it searches (the
    # sources and a claim or two at the cut: 5 ms, not the 30 ms of reading 24 MB); each
    # process copies its own part out first thing after the fork (a file cut short in
    # between would fault; a file replaced, as editors save, is read as it was).
    data: mmap.mmap = field(repr=False, compare=False)
    claims_at: int  # the `claims:` key
    first: int  # the first claim's marker
    at: int  # the start of the first claim of the tail
    marker: bytes  # "\n<indent>- ": the start of a claim
    stamp: tuple[int, int, int]  # the file's inode, size and change time when it was mapped


# A part's line n is its file's line n + shift; the index of its first claim in the file; and
# for a tail, the file's `claims:` line (its own is made up).
Place = tuple[int, int, int | None]


@dataclass(frozen=True, eq=False, repr=False)
class Prescanned:
    """What a helper learnt of a cut part from its text alone (prescan.py)."""

    place: Place
    scan: ScanState  # the part's scan, its expected sections scanned


@dataclass(frozen=True, eq=False, repr=False)
class Part:
    """What a process needs to parse its part of a cut file as the file's own lines."""

    text: bytes = field(repr=False)  # UTF-8, as the parse reads it
    line_shift: int  # line n of `text` is line n + line_shift of the file
    first_index: int  # the file's index of the part's first claim
    claims_line: int | None  # a tail: the file's `claims:` line (the tail's own is made up)


@dataclass(frozen=True, eq=False, repr=False)
class Piece:
    """A file, or a part of one, that one process parses."""

    number: int  # the file's place among the run's files
    path: str
    cut: Cut | None = None  # None: the whole file, read where it is parsed
    tail: bool = False  # of a cut file: the part from the cut on, else the part before it
    scanned: Prescanned | None = None  # of a cut part: its place and scan, found beforehand

    def part(self, place: Place | None = None) -> Part:
        """The part's text and where it sits in the file (the place as found beforehand,
        else counted by the process that parses it, in parallel with the other)."""
        assert self.cut is not None
        data, at = self.cut.data, self.cut.at
        # the tail: one copy of 12 MB, not two
        text = b"".join((b"claims:\n", memoryview(data)[at:])) if self.tail else data[:at]
        return Part(text, *(place if place is not None else self.place()))

    def place(self) -> Place:
        """Where the part sits in its file: a tail's lines counted through the head's."""
        assert self.cut is not None
        if not self.tail:
            return 0, 0, None
        data, claims_at, at = self.cut.data, self.cut.claims_at, self.cut.at
        claimed = data[claims_at:at]
        claims_line = data[:claims_at].count(b"\n") + 1
        cut_line = claims_line + claimed.count(b"\n")
        return cut_line - 2, claimed.count(self.cut.marker), claims_line

    def unchanged(self) -> bool:
        """Whether the file is still the one mapped: a file written to in place since would
        not hold the text a helper scanned (one replaced, as editors save, still would,
        but is not told apart)."""
        assert self.cut is not None
        try:
            return _stamp(os.stat(self.path)) == self.cut.stamp
        except OSError:
            return False

    def claims_before_cut(self, head: bytes, scan: TextScan | None = None) -> int:
        """How many claims the text shows before the cut: those its head's scan found, where
        it scanned from `claims:` to the cut (as it does while yaml-rs parses), else counted."""
        assert self.cut is not None
        cut = self.cut
        data, claims_at, at, marker = cut.data, cut.claims_at, cut.at, cut.marker
        found = scan.scanned_items(claims_at, at) if scan is not None and scan.text is head \
            else None
        if found is not None and data.find(marker, claims_at, at) == cut.first:
            return len(found[0])  # each item from the first marker on, as counted below
        return head.count(marker, claims_at)


Shares = tuple[list[Piece], list[Piece]]


def halves(files: list[str], limits: Limits) -> Shares | None:
    """The shares of a split run, or None where the run is too small to split or cannot."""
    if not files or not can_fork() or sum(map(os.path.getsize, files)) < SPLIT_FROM_BYTES:
        return None
    return shares(files, limits)


def shares(files: list[str], limits: Limits) -> Shares | None:
    """The files in two shares, in file order, or None where no even split is found."""
    sizes = [os.path.getsize(path) for path in files]
    total = sum(sizes)
    before, number = 0, 0
    while before + sizes[number] < total / 2:  # file `number` holds the middle byte
        before += sizes[number]
        number += 1
    # Whole files: the middle one goes to the side that leaves the shares more even.
    first = number if total / 2 - before <= before + sizes[number] - total / 2 else number + 1
    boundary = sum(sizes[:first])
    whole = ([Piece(n, files[n]) for n in range(first)],
             [Piece(n, files[n]) for n in range(first, len(files))])
    if all(whole) and min(boundary, total - boundary) >= EVEN_ENOUGH * total:
        return whole
    cut = _cut(files[number], (total / 2 - before) / sizes[number], limits)
    if cut is None:
        return whole if all(whole) else None
    return ([Piece(n, files[n]) for n in range(number)] + [Piece(number, files[number], cut)],
            [Piece(number, files[number], cut, tail=True)]
            + [Piece(n, files[n]) for n in range(number + 1, len(files))])


_FIRST_ITEM = re.compile(FIRST_ITEM.encode())  # the line scan's own pattern, on bytes
# A key or a document marker (`---`, `...`) at the margin; `- ` starts an item, `-notes:` a key.
_TOP_LEVEL = re.compile(rb"\n(?:[^\s#-]|-(?![ \t\r\n]))")


def _cut(path: str, share: float, limits: Limits) -> Cut | None:
    """Where to cut the file so that the head holds about `share` of its work: before the
    first claim from there, if that is safe.

    Between the `claims:` key and the cut the text must show no other top-level key. Only
    the last claim before the cut needs looking at: a key above that would leave claims
    the text counts out of the head's data, and its parse refuses the cut for that.
    """
    if os.path.getsize(path) > limits.max_file_bytes:
        return None  # the whole file's parse reports it
    try:
        with open(path, "rb") as file:
            data = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
            stamp = _stamp(os.fstat(file.fileno()))
    except (OSError, ValueError):  # ValueError: an empty file, which no cut needs
        return None
    claims_at = _claims_key(data)
    first = _FIRST_ITEM.search(data, claims_at) if claims_at is not None else None
    if claims_at is None or first is None or _TOP_LEVEL.search(data, claims_at, first.start() + 1):
        return None
    marker = b"\n" + first.group(1) + b"- "
    weighted = SOURCE_WEIGHT * claims_at + len(data) - claims_at
    near = claims_at + int(share * weighted - SOURCE_WEIGHT * claims_at)
    found = data.find(marker, max(near, first.end()))
    if found == -1 or _TOP_LEVEL.search(data, data.rfind(marker, claims_at, found) + 1, found + 1):
        return None
    return Cut(data, claims_at, first.start(), found + 1, marker, stamp)


def _stamp(status: os.stat_result) -> tuple[int, int, int]:
    return status.st_ino, status.st_size, status.st_mtime_ns


def _claims_key(data: mmap.mmap) -> int | None:
    """The offset of the first `claims:` key at the margin (a second one: see the top)."""
    if data[:7] == b"claims:":
        return 0
    at = data.find(b"\nclaims:")
    return None if at == -1 else at + 1


def parse_piece(piece: Piece, limits: Limits) -> ParsedFile | None:
    """A whole file, or a part of one as cut above; None for a part that does not
    parse as the cut expects (the run is then checked whole)."""
    # Imported here: the cuts are planned before the library's imports (prescan.py).
    from claimcheck.loader import parse_file, parsed_document

    if piece.cut is None:
        return parse_file(piece.path, limits)
    scanned = piece.scanned
    part = piece.part(scanned.place if scanned is not None else None)
    if scanned is not None and not piece.unchanged():
        return None  # not the text the helper scanned
    # the part's lines are the file's from the scan on: no list of 55k lines made again
    scan = TextScan(part.text, part.line_shift) if scanned is None \
        else TextScan.resumed(part.text, part.line_shift, scanned.scan)
    document = parse_fast(part.text, part.line_shift, scan)  # None where not UTF-8: see there
    if document is None:
        return None
    if not isinstance(document.data, dict) or not isinstance(document.data.get("claims"), list):
        return None
    if part.first_index + len(document.data["claims"]) > limits.max_claims:
        return None  # the whole file's parse reports it (the tail knows the file's count)
    parsed = parsed_document(piece.path, document, limits)
    if not piece.tail and len(parsed.claims) != piece.claims_before_cut(part.text, scan):
        return None
    parsed.first_index = part.first_index
    if part.claims_line is not None:
        parsed.claims_line = part.claims_line
    parsed.cut_keys = frozenset(document.data) - {"claims"}
    return parsed
