"""Lines of claims and sources found by scanning the text, for parsers that give no lines.

yaml-rs builds the data fast but keeps no positions. Claim files are block YAML as people
write it, so each claim starts with "<indent>- <first key>:" and each source with
"<indent><id>:"; a scan at C speed (bytes.find) recovers their lines. Every item must be found
where its data says, or the scan answers None and the exact (PyYAML) path is taken instead.
The scan reads the file's UTF-8 bytes, as yaml-rs does: its markers are ASCII, which UTF-8
never uses inside a longer character, and lines are counted by b"\n" as by "\n".

The scan reads the text alone and the data only to confirm what it found, so a `TextScan`
can run before the data exists, while the parser works: see yamlsource.
"""

from __future__ import annotations

import operator
import re
from itertools import accumulate, repeat
from typing import Any

TOP_KEYS = ("sources", "claims")  # a claim file's sections (SPEC §1)
# A scan's findings (TextScan.state): items and keys by offsets, newlines by offset, and
# whether the expected sections were scanned
ScanState = tuple[dict[tuple[int, int], tuple[list[int], bytes | None] | None],
                  dict[tuple[int, int], dict[str, int] | None], dict[int, int], bool]


class TextScan:
    """What the text alone tells about the sections between offsets, each read once."""

    def __init__(self, text: bytes, line_shift: int = 0) -> None:
        self.text = text
        self.line_shift = line_shift  # line n of the text is line n + line_shift of its file
        self._items: dict[tuple[int, int], tuple[list[int], bytes | None] | None] = {}
        self._keys: dict[tuple[int, int], dict[str, int] | None] = {}
        # Newlines before an offset, by offset: each count starts where the nearest one
        # below ended, so the text's newlines are counted once (the sources' were counted
        # three times: their keys' lines, the `claims:` line, the first claim's line).
        self._newlines: dict[int, int] = {0: 0}
        self.scanned = False  # expected_sections has run, here or in a helper (prescan.py)

    def state(self) -> ScanState:
        """What the scan found, without the text: for a process that has the same text."""
        return self._items, self._keys, self._newlines, self.scanned

    @classmethod
    def resumed(cls, text: bytes, line_shift: int, state: ScanState) -> TextScan:
        """The scan whose state() this is, of this very text (a copy of the one scanned)."""
        scan = cls(text, line_shift)
        scan._items, scan._keys, scan._newlines, scan.scanned = state
        return scan

    def line_at(self, offset: int) -> int:
        """The 1-based line of the byte at offset, in the file."""
        below = max(at for at in self._newlines if at <= offset)
        newlines = self._newlines[below] + self.text.count(b"\n", below, offset)
        self._newlines[offset] = newlines
        return newlines + 1 + self.line_shift

    def _line_is(self, offset: int, line: int) -> None:
        """What a scan learnt on its way: the line of the byte at offset, in the file."""
        self._newlines[offset] = line - 1 - self.line_shift

    def items(self, start: int, end: int) -> tuple[list[int], bytes | None] | None:
        if (start, end) not in self._items:
            self._items[start, end] = _item_markers(self, start, end)
        return self._items[start, end]

    def scanned_items(self, start: int, end: int) -> tuple[list[int], bytes | None] | None:
        """What items() found between these offsets, if it was asked; None where it was not."""
        return self._items.get((start, end))

    def keys(self, start: int, end: int) -> dict[str, int] | None:
        if (start, end) not in self._keys:
            self._keys[start, end] = _key_markers(self, start, end)
        return self._keys[start, end]

    def expected_sections(self) -> None:
        """Scan `sources:` and `claims:` as a file with just those top-level keys has them,
        before the data says which keys there are; scan_lines uses what agrees with it."""
        starts = {key: at for key in TOP_KEYS if (at := _key_offset(self.text, key)) is not None}
        ends = _section_ends(starts, len(self.text))
        for key in sorted(starts, key=starts.__getitem__):  # each counting on from the last
            if key == "claims":
                self.items(starts[key], ends[key])
            else:
                self.keys(starts[key], ends[key])
        self.scanned = True


def scan_lines(text: bytes, data: Any, scan: TextScan | None = None) -> tuple[
        list[int], dict[str, int], dict[str, int]] | None:
    """Lines of claims and sources found by scanning the text (the scan's, which says where
    the text starts in its file); None where the scan is unsure."""
    if not isinstance(data, dict):
        return ([], {}, {}) if data is None else None
    starts = _top_key_offsets(text, data)
    if starts is None:
        return None
    scan = scan if scan is not None else TextScan(text)
    ends = _section_ends(starts, len(text))
    claims, sources = data.get("claims"), data.get("sources")
    claim_lines: list[int] | None = []
    source_lines: dict[str, int] | None = {}
    # The sections in the order of the text: each counts lines on from where the last ended.
    for key in sorted(starts.keys() & {"claims", "sources"}, key=starts.__getitem__):
        if key == "claims" and claims:
            claim_lines = _item_lines(scan, starts, ends, claims)
        elif key == "sources" and sources:
            source_lines = _key_lines(scan, starts, ends, sources)
    if claim_lines is None or source_lines is None:
        return None
    return claim_lines, source_lines, {key: scan.line_at(at) for key, at in starts.items()}


def _key_offset(text: bytes, key: str) -> int | None:
    marker = key.encode("utf-8", "surrogatepass") + b":"
    if text.startswith(marker):
        return 0
    found = text.find(b"\n" + marker)
    return None if found == -1 else found + 1


def _top_key_offsets(text: bytes, data: dict[Any, Any]) -> dict[str, int] | None:
    offsets = {}
    for key in data:
        if not isinstance(key, str):
            return None
        found = _key_offset(text, key)
        if found is None:
            return None
        offsets[key] = found
    return offsets


def _section_ends(starts: dict[str, int], length: int) -> dict[str, int]:
    """Each section ends where the next begins."""
    order = sorted(starts, key=starts.__getitem__)
    bounds = [starts[key] for key in order[1:]] + [length]
    return dict(zip(order, bounds[:len(order)], strict=True))


FIRST_ITEM = r"\n( *)- +(?=[^\s#])"  # the first item of a block sequence (pieces.py too)
_FIRST_ITEM = re.compile(FIRST_ITEM.encode())


def _item_lines(scan: TextScan, starts: dict[str, int], ends: dict[str, int],
                items: Any) -> list[int] | None:
    """Line of each claim's first key; None unless every item is found where expected."""
    if not isinstance(items, list):
        return None
    found = scan.items(starts["claims"], ends["claims"])
    if found is None:
        return None
    lines, keys = found
    if len(lines) != len(items) or keys is None or keys != _first_keys(items):
        return None
    return lines


def _item_markers(scan: TextScan, start: int, end: int) -> tuple[list[int], bytes | None] | None:
    """Line and first key of each item of the block sequence in text[start:end].

    Items of a block sequence start with "\\n<indent>- " at one indent: split at that marker
    (a fixed string, found at C speed, a third faster than a regex's matches), each item's
    text gives its key, before its first colon on its first line, and its newlines the line
    of the next. The keys come joined by newlines, for the caller to match against the
    items' first keys (None: an item whose first line has no colon).
    """
    text = scan.text
    first = _FIRST_ITEM.search(text, start, end)
    if first is None:
        return None
    marker = b"\n" + first.group(1) + b"- "
    items = text[first.start() + len(marker):end].split(marker)  # each item after its "- "
    heads = [head for head, colon, _ in map(bytes.partition, items, repeat(b":")) if colon]
    joined = b"\n".join(heads)
    # None where a colon is missing, or only on a later line (the key would hold a newline)
    keys = joined if len(heads) == len(items) and joined.count(b"\n") == len(heads) - 1 \
        else None
    newlines = map(bytes.count, items, repeat(b"\n"))  # an item's own, and its marker's
    lines = list(accumulate(map(operator.add, newlines, repeat(1)),
                            initial=scan.line_at(first.start()) + 1))
    scan._line_is(end, lines.pop() - 1)  # after the last item: no marker's newline
    return lines, keys


_DICT, _STR = frozenset({dict}), frozenset({str})


def _first_keys(items: list[Any]) -> bytes | None:
    """The items' first keys joined by newlines (as _item_markers joins the keys it finds);
    None where an item is not a mapping or starts with no key a scan could find."""
    if _DICT.issuperset(map(type, items)):  # the usual: first keys taken at C speed
        keys: list[Any] = list(map(next, map(iter, items), repeat(None)))
    else:
        keys = [next(iter(item), None) if isinstance(item, dict) else None for item in items]
    if not _STR.issuperset(map(type, keys)):
        return None
    return "\n".join(keys).encode("utf-8", "surrogatepass")


_SOURCE_KEY = re.compile(rb"^( +)([\"']?)([^\s\"':#][^\"':\n]*?)\2[ \t]*:", re.MULTILINE)


def _key_lines(scan: TextScan, starts: dict[str, int], ends: dict[str, int],
               mapping: Any) -> dict[str, int] | None:
    if not isinstance(mapping, dict):
        return None
    found = scan.keys(starts["sources"], ends["sources"])
    return found if found is not None and list(found) == [str(k) for k in mapping] else None


def _key_markers(scan: TextScan, start: int, end: int) -> dict[str, int] | None:
    """Line of each key of the block mapping in text[start:end], by key."""
    text = scan.text
    first = _SOURCE_KEY.search(text, start, end)
    if first is None:
        return None
    # Only keys at the first key's indent are sources; a pattern for that indent alone
    # skips their fields (title:, url:, ...) without a match object for each. It starts
    # with the newline before the key, not `^`: a fixed string leads the regex engine to
    # the lines (`^` had it try every byte). Its key is greedy, the spaces before an
    # unquoted key's colon stripped after: the lazy `*?` of _SOURCE_KEY, which stops
    # before them, tries the rest of the pattern after each character of each key
    # (0.07 s for 11k sources, all told; now 0.03 s).
    at_indent = re.compile(
        b"\n" + first.group(1) + rb"(?! )([\"']?)([^\s\"':#][^\"':\n]*)\1[ \t]*:")
    found: dict[str, int] = {}
    line, position = scan.line_at(start), start
    for match in at_indent.finditer(text, start, end):
        line += text.count(b"\n", position, match.start() + 1)
        position = match.start() + 1
        quote, key = match.groups()
        try:  # whole characters: cut at ASCII marks
            found[(key if quote else key.rstrip(b" \t")).decode()] = line
        except UnicodeDecodeError:
            return None  # not UTF-8, which yaml-rs refuses too (this scan may run first)
    scan._line_is(position, line)
    return found
