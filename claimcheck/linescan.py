"""Lines of claims and sources found by scanning the text, for parsers that give no lines.

yaml-rs builds the data fast but keeps no positions. Claim files are block YAML as people
write it, so each claim starts with "<indent>- <first key>:" and each source with
"<indent><id>:"; a scan at C speed (str.find) recovers their lines. Every item must be found
where its data says, or the scan answers None and the exact (PyYAML) path is taken instead.
"""

from __future__ import annotations

import re
from typing import Any


def scan_lines(text: str, data: Any) -> tuple[list[int], dict[str, int], dict[str, int]] | None:
    """Lines of claims and sources found by scanning the text; None where the scan is unsure."""
    if not isinstance(data, dict):
        return ([], {}, {}) if data is None else None
    starts = _top_key_offsets(text, data)
    if starts is None:
        return None
    order = sorted(starts, key=lambda key: starts[key])
    bounds = [starts[key] for key in order[1:]] + [len(text)]  # each section ends at the next
    ends = dict(zip(order, bounds[:len(order)], strict=True))
    top = {key: text.count("\n", 0, offset) + 1 for key, offset in starts.items()}
    claims, sources = data.get("claims"), data.get("sources")
    claim_lines = _item_lines(text, starts, ends, claims) if claims else []
    source_lines = _key_lines(text, starts, ends, sources) if sources else {}
    if claim_lines is None or source_lines is None:
        return None
    return claim_lines, source_lines, top


def _top_key_offsets(text: str, data: dict[Any, Any]) -> dict[str, int] | None:
    offsets = {}
    for key in data:
        if not isinstance(key, str):
            return None
        found = 0 if text.startswith(f"{key}:") else text.find(f"\n{key}:") + 1
        if found == 0 and not text.startswith(f"{key}:"):
            return None
        offsets[key] = found
    return offsets


_FIRST_ITEM = re.compile(r"\n( *)- +(?=[^\s#])")


def _item_lines(text: str, starts: dict[str, int], ends: dict[str, int],
                items: Any) -> list[int] | None:
    """Line of each claim's first key; None unless every item is found where expected.

    Items of a block sequence start with "\n<indent>- " at one indent; one regex finds them
    all, with the key each starts with, and the keys must be the items' first keys in order.
    """
    start, end = starts["claims"], ends["claims"]
    first = _FIRST_ITEM.search(text, start, end)
    if not isinstance(items, list) or first is None:
        return None
    marker = re.compile(rf"\n{first.group(1)}- (?:([^:\n]*):)?")
    found = list(marker.finditer(text, first.start(), end))
    keys = [_NOT_A_KEY if m.group(1) is None else m.group(1) for m in found]
    if len(found) != len(items) or keys != _first_keys(items):
        return None
    lines: list[int] = []
    line, position = text.count("\n", 0, start) + 1, start
    count = text.count
    for match in found:
        at = match.start() + 1
        line += count("\n", position, at)
        position = at
        lines.append(line)
    return lines


# Never equal to anything: an item that is not a mapping with keys, a marker line with no key.
_NO_KEY, _NOT_A_KEY = object(), object()


def _first_keys(items: list[Any]) -> list[Any]:
    return [next(iter(item), _NO_KEY) if isinstance(item, dict) else _NO_KEY for item in items]


_SOURCE_KEY = re.compile(r"^( +)([\"']?)([^\s\"':#][^\"':\n]*?)\2[ \t]*:", re.MULTILINE)


def _key_lines(text: str, starts: dict[str, int], ends: dict[str, int],
               mapping: Any) -> dict[str, int] | None:
    if not isinstance(mapping, dict):
        return None
    start, end = starts["sources"], ends["sources"]
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
    return found if list(found) == [str(key) for key in mapping] else None
