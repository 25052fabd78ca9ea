"""A large run's text-only work, done by a helper process while this one imports the library.

Each process of a split run (split.py) finds the lines of its part's claims and sources by
scanning the part's text (linescan), and the tail's process counts the head's lines to know
where its part starts. Neither needs more than the text. Meanwhile the run spends its first
0.3-0.4 s importing pydantic, the models and the rules, on one core while the other idles.
So before those imports a run that will likely split plans its cut (pieces.halves: about
5 ms) and forks a helper that places and scans each cut part, and sends that back; both
processes then parse their parts without scanning them. At 100k claims that takes 0.1-0.14 s
of scanning out of each process's parse, and the tail's 30-40 ms of counting.

The plan uses the files and limits known before the rule set is read. A rule set whose
limits change the plan, custom rules (whose runs are not split), a helper that fails: the
run goes on without it, scanning where it parses. Whole files in a share are scanned where
they are parsed, as before.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

from claimcheck.errors import UsageError
from claimcheck.forked import ChildLost, Partner
from claimcheck.inputs import Limits, discover
from claimcheck.linescan import TextScan
from claimcheck.pieces import Piece, Prescanned, Shares, halves


class Prescan:
    """A helper placing and scanning the cut parts of a planned split."""

    def __init__(self, files: list[str], limits: Limits, planned: Shares,
                 partner: Partner) -> None:
        self.files = files
        self.max_file_bytes = limits.max_file_bytes  # what the plan depends on
        self.planned = planned
        self.partner = partner
        self.closed = False

    @classmethod
    def start(cls, paths: Iterable[str], limits: Limits) -> Prescan | None:
        """The helper at work, or None where the run would not cut a file."""
        try:
            files = discover(paths)
        except UsageError:
            return None  # the run reports it, where it always has
        planned = halves(files, limits)
        cut = [piece for share in planned or () for piece in share if piece.cut is not None]
        if planned is None or not cut:
            return None
        return cls(files, limits, planned,
                   Partner(lambda channel: [_prescanned(piece) for piece in cut]))

    def halves(self, files: list[str], limits: Limits) -> Shares | None:
        """The planned shares with their cut parts prescanned; None for a run of other files
        or limits than planned, or where the helper failed."""
        try:
            found: list[Prescanned] = self.partner.receive()
        except ChildLost:
            return None
        finally:
            self.close()
        if files != self.files or limits.max_file_bytes != self.max_file_bytes:
            return None
        scans = iter(found)
        head, tail = self.planned
        return ([_with_scan(piece, scans) for piece in head],
                [_with_scan(piece, scans) for piece in tail])

    def close(self) -> None:
        """Stop the helper, done or not."""
        if not self.closed:
            self.closed = True
            self.partner.__exit__(None, None, None)


def _prescanned(piece: Piece) -> Prescanned:
    place = piece.place()
    part = piece.part(place)
    scan = TextScan(part.text, part.line_shift)
    scan.expected_sections()
    return Prescanned(place, scan.state())


def _with_scan(piece: Piece, scans: Iterator[Prescanned]) -> Piece:
    return piece if piece.cut is None else replace(piece, scanned=next(scans))
