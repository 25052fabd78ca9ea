"""Lines of claims and sources found by scanning the text, for parsers that give no lines.

yaml-rs builds the data fast but keeps no positions. Claim files are block YAML as people
write it, so each claim starts with "<indent>- <first key>:" and each source with
"<indent><id>:"; a scan at C speed (str.find) recovers their lines. Every item must be found
where its data says, or the scan answers None and the exact (PyYAML) path is taken instead.

The scan reads the text alone and the data only to confirm what it found, so a `TextScan`
can run before the data exists, while the parser works: see yamlsource.
"""

from __future__ import annotations

import re
from typing import Any

TOP_KEYS = ("sources", "claims")  # a claim file's sections (SPEC §1)


class TextScan:
    """What the text alone tells about the sections between offsets, each read once."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._items: dict[tuple[int, int], tuple[list[int], list[Any]] | None] = {}
        self._keys: dict[tuple[int, int], dict[str, int] | None] = {}

    def items(self, start: int, end: int) -> tuple[list[int], list[Any]] | None:
        if (start, end) not in self._items:
            self._items[start, end] = _item_markers(self.text, start, end)
        return self._items[start, end]

    def keys(self, start: int, end: int) -> dict[str, int] | None:
        if (start, end) not in self._keys:
            self._keys[start, end] = _key_markers(self.text, start, end)
        return self._keys[start, end]

    def expected_sections(self) -> None:
        """Scan `sources:` and `claims:` as a file with just those top-level keys has them,
        before the data says which keys there are; scan_lines uses what agrees with it."""
        starts = {key: at for key in TOP_KEYS if (at := _key_offset(self.text, key)) is not None}
        ends = _section_ends(starts, len(self.text))
        if "claims" in starts:
            self.items(starts["claims"], ends["claims"])
        if "sources" in starts:
            self.keys(starts["sources"], ends["sources"])


def scan_lines(text: str, data: Any, scan: TextScan | None = None) -> tuple[
        list[int], dict[str, int], dict[str, int]] | None:
    """Lines of claims and sources found by scanning the text; None where the scan is unsure."""
    if not isinstance(data, dict):
        return ([], {}, {}) if data is None else None
    starts = _top_key_offsets(text, data)
    if starts is None:
        return None
    scan = scan if scan is not None else TextScan(text)
    ends = _section_ends(starts, len(text))
    top = {key: text.count("\n", 0, offset) + 1 for key, offset in starts.items()}
    claims, sources = data.get("claims"), data.get("sources")
    claim_lines = _item_lines(scan, starts, ends, claims) if claims else []
    source_lines = _key_lines(scan, starts, ends, sources) if sources else {}
    if claim_lines is None or source_lines is None:
        return None
    return claim_lines, source_lines, top


def _key_offset(text: str, key: str) -> int | None:
    if text.startswith(f"{key}:"):
        return 0
    found = text.find(f"\n{key}:")
    return None if found == -1 else found + 1


def _top_key_offsets(text: str, data: dict[Any, Any]) -> dict[str, int] | None:
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
_FIRST_ITEM = re.compile(FIRST_ITEM)


def _item_lines(scan: TextScan, starts: dict[str, int], ends: dict[str, int],
                items: Any) -> list[int] | None:
    """Line of each claim's first key; None unless every item is found where expected."""
    if not isinstance(items, list):
        return None
    found = scan.items(starts["claims"], ends["claims"])
    if found is None:
        return None
    lines, keys = found
    if len(lines) != len(items) or keys != _first_keys(items):
        return None
    return lines


def _item_markers(text: str, start: int, end: int) -> tuple[list[int], list[Any]] | None:
    """Line and first key of each item of the block sequence in text[start:end].

    Items of a block sequence start with "\\n<indent>- " at one indent; one regex finds them
    all, with the key each starts with, for the caller to match against the items' first keys.
    """
    first = _FIRST_ITEM.search(text, start, end)
    if first is None:
        return None
    marker = re.compile(rf"\n{first.group(1)}- (?:([^:\n]*):)?")
    found = list(marker.finditer(text, first.start(), end))
    keys = [_NOT_A_KEY if m.group(1) is None else m.group(1) for m in found]
    lines: list[int] = []
    line, position = text.count("\n", 0, start) + 1, start
    count = text.count
    for match in found:
        at = match.start() + 1
        line += count("\n", position, at)
        position = at
        lines.append(line)
    return lines, keys


# Never equal to anything: an item that is not a mapping with keys, a marker line with no key.
_NO_KEY, _NOT_A_KEY = object(), object()


def _first_keys(items: list[Any]) -> list[Any]:
    return [next(iter(item), _NO_KEY) if isinstance(item, dict) else _NO_KEY for item in items]


_SOURCE_KEY = re.compile(r"^( +)([\"']?)([^\s\"':#][^\"':\n]*?)\2[ \t]*:", re.MULTILINE)


def _key_lines(scan: TextScan, starts: dict[str, int], ends: dict[str, int],
               mapping: Any) -> dict[str, int] | None:
    if not isinstance(mapping, dict):
        return None
    found = scan.keys(starts["sources"], ends["sources"])
    return found if found is not None and list(found) == [str(k) for k in mapping] else None


def _key_markers(text: str, start: int, end: int) -> dict[str, int] | None:
    """Line of each key of the block mapping in text[start:end], by key."""
    first = _SOURCE_KEY.search(text, start, end)
    if first is None:
        return None
    # Only keys at the first key's indent are sources; a pattern for that indent alone
    # skips their fields (title:, url:, ...) without a match object for each.
    at_indent = re.compile(rf"^{first.group(1)}(?! )([\"']?)([^\s\"':#][^\"':\n]*?)\1[ \t]*:",
                           re.MULTILINE)
    found: dict[str, int] = {}
    line, position = text.count("\n", 0, start) + 1, start
    for match in at_indent.finditer(text, start, end):
        line += text.count("\n", position, match.start())
        position = match.start()
        found[match.group(2)] = line
    return found
