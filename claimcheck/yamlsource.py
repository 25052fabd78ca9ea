"""YAML text to Python data, the same whichever parser runs, with the lines of items.

The fast path is yaml-rs (Rust, YAML 1.2); PyYAML's C loader is the fallback and the slow,
exact path (yamlexact.py): it composes nodes, so it knows every line, finds duplicate keys and
counts aliases. Both follow the YAML 1.2 core schema here: `2025-03-05` stays a string
(PartialDate reads it), `yes` is a string, `017` is 17, `600e9` is a float.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from claimcheck.errors import InputError
from claimcheck.linescan import TextScan, scan_lines

try:
    import yaml_rs
except ImportError:  # pragma: no cover - yaml-rs is a dependency; this keeps the fallback honest
    yaml_rs = None  # type: ignore[assignment]

@dataclass
class Document:
    """A parsed file: its data, and the 1-based line of each claim and source."""

    data: Any
    claim_lines: list[int]
    source_lines: dict[str, int]
    top_key_lines: dict[str, int]
    duplicate_keys: list[tuple[int, str]] = field(default_factory=list)  # (line, message)


def parse(text: str, prefer_fast: bool = True) -> Document:
    """Parse claim-file text; raise InputError (with a line) for text that is not YAML."""
    document = parse_fast(text.encode("utf-8", "surrogatepass")) if prefer_fast else None
    return document if document is not None else _parse_exact(text)


def parse_bytes(raw: bytes) -> Document:
    """Parse a claim file's bytes, as parse(); InputError for bytes that are not UTF-8 too."""
    document = parse_fast(raw)
    return document if document is not None else _parse_exact(decoded(raw))


def decoded(raw: bytes) -> str:
    """The text of a file's bytes, a BOM before it dropped; InputError where it is not UTF-8."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        raise InputError(f"not UTF-8 text: byte 0x{raw[error.start]:02x} at offset "
                         f"{error.start} cannot be decoded; save the file as UTF-8", line) from None


_BEFORE_INDICATOR = frozenset(b" \t\n[{,:-")


def _has_tag_or_alias(text: bytes) -> bool:
    """A `!tag`, `&anchor` or `*alias` anywhere (found with bytes.find: regexes cost 0.5 s/24 MB).
    A byte of a longer character after `&` or `*` counts as a name: a rare false alarm only
    takes the exact path."""
    for indicator in b"!&*":
        position = text.find(indicator)
        while position != -1:
            before = text[position - 1] if position else 0x20
            after = text[position + 1:position + 2]
            if before in _BEFORE_INDICATOR and (indicator == 0x21 or after.strip()):
                return True
            position = text.find(indicator, position + 1)
    return False


# A mapping or a list as an explicit key (`? {a: b}`, `? [x]`), PyYAML refuses ("found
# unhashable key"); yaml-rs reads it as a frozenset or a tuple, which would leave a claim a
# field no claim has. Any `?` indicator at the start of a line takes the exact path, which is
# rare and cheap to find. (A flow collection as an implicit key, `[1, 2]: x`, is not searched
# for: finding "]:" in 24 MB costs 0.15 s; the loader finds it in what it refuses, and reads
# the file again here: loader.CollectionKey.)
_AFTER_INDICATOR = frozenset({b"", b" ", b"\t", b"\r", b"\n"})


def _has_explicit_key(text: bytes) -> bool:
    """A `?` that starts a line's content (after its indent and any `- `): a `?` in a title
    or a quote only costs a look at its line."""
    position = text.find(b"?")
    while position != -1:
        line = text.rfind(b"\n", 0, position) + 1
        if not text[line:position].strip(b" -") and text[position + 1:position + 2] in \
                _AFTER_INDICATOR:
            return True
        position = text.find(b"?", position + 1)
    return False


_CONTROL = bytes([*range(0x09), 0x0b, 0x0c, *range(0x0e, 0x20), 0x7f])
_NOT_CONTROL = bytes(sorted(set(range(256)) - set(_CONTROL)))


def _has_control(text: bytes) -> bool:
    """NUL, escapes and other C0 controls but tab and line ends (bytes.translate deletes every
    other byte at C speed, 4x faster than a regex over the text; in UTF-8 these bytes stand
    only for themselves)."""
    return bool(text.translate(None, _NOT_CONTROL))


_BOM = "\ufeff".encode()


def parse_fast(text: bytes, line_shift: int = 0, scan: TextScan | None = None) -> Document | None:
    """yaml-rs, with lines recovered by a scan; None where only the exact path will do.
    Line n of the text is line n + line_shift of the document (a part of a file: pieces);
    the scan, the caller's where it scans this very text (not if a BOM is dropped).

    It reads the file's bytes: decoding 12 MB and handing yaml-rs the str, which it encodes
    back to UTF-8, costs 0.05-0.09 s more than its own strict read of the bytes.
    """
    if yaml_rs is None or os.environ.get("CLAIMCHECK_PARSER") == "pyyaml":
        return None
    if text.startswith(_BOM):
        text = text[len(_BOM):]  # yaml-rs would read it as part of the first key
    if _has_tag_or_alias(text) or _has_control(text) or _has_explicit_key(text):
        # Tags and aliases get the exact path's checks; yaml-rs stops at NUL and passes other
        # control characters (terminal escapes) that PyYAML rightly refuses; explicit
        # keys, above.
        return None
    if scan is None or scan.text is not text:
        scan = TextScan(text, line_shift)
    if len(text) < PARSE_ON_THREAD_FROM or scan.scanned:  # scanned: by a helper (prescan)
        data = _parse_rs(text)
    else:
        data = _while_parsing(text, scan.expected_sections)
    if data is _UNREADABLE:
        return None
    lines = scan_lines(text, data, scan)
    return Document(data, *lines) if lines is not None else None


_UNREADABLE = object()


def _parse_rs(text: bytes) -> Any:
    try:  # strict: bytes that are not UTF-8 go to the exact path, which says where
        return yaml_rs.load(text, parse_datetime=False, encoder_errors="strict")
    except Exception:  # any failure: the exact path finds it again, with its line
        return _UNREADABLE


# yaml-rs lets go of the GIL while it parses, so a large file's line scan runs meanwhile
# (100k claims: 0.3-0.4 s of a 1-1.5 s parse saved); a thread costs more than a small file's.
PARSE_ON_THREAD_FROM = 1 << 20


def _while_parsing(text: bytes, work: Callable[[], None]) -> Any:
    """_parse_rs(text), with work done on this thread while another one parses."""
    outcome = []
    parser = threading.Thread(target=lambda: outcome.append(_parse_rs(text)),
                              name="claimcheck-yaml-rs", daemon=True)
    parser.start()
    try:
        work()
    finally:
        parser.join()
    return outcome[0] if outcome else _UNREADABLE  # the thread died: let the exact path read it


def _parse_exact(text: str) -> Document:
    # PyYAML is imported where the exact path runs: a clean check never needs it (15 ms of
    # imports before a split run's fork).
    from claimcheck.yamlexact import parse_exact

    return parse_exact(text)
