"""A run's claim files in two shares of about equal size, a large file cut between two claims.

Each process of a split run (split.py) parses its own share: after validation the parse is
the costliest step, and two processes parse a 24 MB file in about half the time one takes.
Whole files go to one share or the other; where that leaves the shares uneven, the file that
straddles the middle is cut at the start of a claim of its `claims:` block sequence, into a
head (everything before that claim) and a tail (`claims:` and everything from that claim on).

A cut is made only where the text shows it is safe: one `claims:` key at the left margin,
items that start "<indent>- ", no other top-level key or document marker between the key and
the cut, no tags or aliases anywhere. The parse then confirms it: each part must take the
fast path, whose line scan finds every claim where its data says, and the head must hold
the claims the text counted before the cut. A part that fails this is not a guess either:
the run is checked whole.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

from claimcheck.errors import InputError
from claimcheck.linescan import key_offset
from claimcheck.loader import Limits, read_text
from claimcheck.yamlsource import has_tag_or_alias

EVEN_ENOUGH = 0.4  # whole files suffice when the smaller share has at least this much of it


@dataclass(frozen=True)
class Piece:
    """A file, or a part of one, that one process parses."""

    number: int  # the file's place among the run's files
    path: str
    text: str | None = None  # a cut file's part; None: the whole file, read where it is parsed
    line_shift: int = 0  # line n of `text` is line n + line_shift of the file
    first_index: int = 0  # the file's index of the part's first claim
    claims: int | None = None  # a head: the claims the text shows before the cut
    claims_line: int | None = None  # a tail: the file's `claims:` line (its own is made up)


Shares = tuple[list[Piece], list[Piece]]


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
    parts = _cut_file(number, files[number], total // 2 - before, limits)
    if parts is None:
        return whole if all(whole) else None
    head, tail = parts
    return ([Piece(n, files[n]) for n in range(number)] + [head],
            [tail] + [Piece(n, files[n]) for n in range(number + 1, len(files))])


_FIRST_ITEM = re.compile(r"\n( *)- +(?=[^\s#])")
_TOP_LEVEL = re.compile(r"\n(?:[^\s#-]|---|\.\.\.)")  # a key or a document marker at the margin


def _cut_file(number: int, path: str, at: int, limits: Limits) -> tuple[Piece, Piece] | None:
    """The file in a head and a tail, cut at the first claim from about byte `at`."""
    if os.path.getsize(path) > limits.max_file_bytes:
        return None
    try:
        text = read_text(path, limits)
    except InputError:
        return None  # the whole file's parse reports it
    offsets = _cut_offset(text, at)
    if offsets is None or has_tag_or_alias(text):
        return None
    claims_at, cut = offsets
    marker = text[cut - 1:text.index("-", cut) + 2]
    if len(text) > limits.max_claims * len(marker) and \
            text.count(marker, claims_at) > limits.max_claims:
        return None  # the whole file's parse reports it
    claims_line = text.count("\n", 0, claims_at) + 1
    cut_line = claims_line + text.count("\n", claims_at, cut)
    head = Piece(number, path, text[:cut], claims=text.count(marker, claims_at, cut))
    tail = Piece(number, path, "claims:\n" + text[cut:], line_shift=cut_line - 2,
                 first_index=head.claims or 0, claims_line=claims_line)
    return head, tail


def _cut_offset(text: str, at: int) -> tuple[int, int] | None:
    """(offset of `claims:`, offset of the claim line to cut before), where it is safe."""
    claims_at = key_offset(text, "claims")
    if claims_at is None or text.find("\nclaims:", claims_at) != -1:
        return None
    first = _FIRST_ITEM.search(text, claims_at)
    if first is None or _TOP_LEVEL.search(text, claims_at, first.start() + 1):
        return None
    found = text.find(f"\n{first.group(1)}- ", max(at, first.end()))
    if found == -1 or _TOP_LEVEL.search(text, claims_at, found + 1):
        return None
    return claims_at, found + 1
