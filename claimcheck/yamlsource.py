"""YAML text to Python data, the same whichever parser runs, with the lines of items.

The fast path is yaml-rs (Rust, YAML 1.2); PyYAML's C loader is the fallback and the slow,
exact path: it composes nodes, so it knows every line, finds duplicate keys and counts
aliases. Both follow the YAML 1.2 core schema here: `2025-03-05` stays a string (PartialDate
reads it), `yes` is a string, `017` is 17, `600e9` is a float.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from typing import Any

import yaml

from claimcheck.errors import InputError

try:
    import yaml_rs
except ImportError:  # pragma: no cover - yaml-rs is a dependency; this keeps the fallback honest
    yaml_rs = None

_BaseLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MAX_ALIAS_EXPANSION = 10_000
MAX_DEPTH = 64


class Yaml12Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    """PyYAML's safe loader with YAML 1.2 core-schema scalars, as yaml-rs reads them."""

    yaml_implicit_resolvers: dict[Any, Any] = {}


_RESOLVERS = [
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9][0-9_]*|0o[0-7]+|0x[0-9a-fA-F]+)$",
     "-+0123456789"),
    ("tag:yaml.org,2002:float",
     r"^(?:[-+]?(?:\.[0-9]+|[0-9][0-9_]*(?:\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?"
     r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$", "-+0123456789."),
]
for _tag, _pattern, _first in _RESOLVERS:
    Yaml12Loader.add_implicit_resolver(_tag, re.compile(_pattern), list(_first))


def _construct_int(loader: Any, node: yaml.ScalarNode) -> int:
    text = str(loader.construct_scalar(node)).replace("_", "")
    if text.startswith("0o"):
        return int(text[2:], 8)
    if text.startswith("0x"):
        return int(text[2:], 16)
    return int(text)


Yaml12Loader.add_constructor("tag:yaml.org,2002:int", _construct_int)


@dataclass
class Document:
    """A parsed file: its data, and the 1-based line of each claim and source."""

    data: Any
    claim_lines: list[int]
    source_lines: dict[str, int]
    top_key_lines: dict[str, int]


def parse(text: str, prefer_fast: bool = True) -> Document:
    """Parse claim-file text; raise InputError (with a line) for text that is not YAML."""
    if prefer_fast and yaml_rs is not None and os.environ.get("CLAIMCHECK_PARSER") != "pyyaml":
        document = _parse_fast(text)
        if document is not None:
            return document
    return _parse_exact(text)


_TAG = re.compile(r"(?:^|[\s\[{,:-])!")
_ANCHOR = re.compile(r"(?:^|[\s\[{,:-])[&*][^\s]")


def _parse_fast(text: str) -> Document | None:
    """yaml-rs, with lines recovered by a scan; None where only the exact path will do."""
    if _TAG.search(text) or _ANCHOR.search(text):
        return None  # tags and aliases get the exact path's checks and messages
    try:
        data = yaml_rs.loads(text, parse_datetime=False)
    except Exception:  # any failure: the exact path finds it again, with its line
        return None
    lines = _scan_lines(text, data)
    return Document(data, *lines) if lines is not None else None


_TOP_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*:", re.MULTILINE)


def _scan_lines(text: str, data: Any) -> tuple[list[int], dict[str, int], dict[str, int]] | None:
    if not isinstance(data, dict):
        return ([], {}, {}) if data is None else None
    top = {m.group(1): text.count("\n", 0, m.start()) + 1 for m in _TOP_KEY.finditer(text)}
    if set(top) != {str(key) for key in data}:
        return None
    lines = text.split("\n")
    claims, sources = data.get("claims"), data.get("sources")
    claim_lines = _item_lines(lines, top.get("claims"), claims) if claims else []
    source_lines = _key_lines(lines, top.get("sources"), sources) if sources else {}
    if claim_lines is None or source_lines is None:
        return None
    return claim_lines, source_lines, top


_ITEM = re.compile(r"^(\s*)-(?:\s+(?!#)(\S)|\s*$)")


def _item_lines(lines: list[str], start: int | None, items: Any) -> list[int] | None:
    """Line of each item's first key in a block sequence; None unless every item is found."""
    if start is None or not isinstance(items, list):
        return None
    found: list[int] = []
    indent: int | None = None
    for number in range(start, len(lines)):
        line = lines[number]
        if line and line[0] not in " #-":
            break  # the next top-level key
        match = _ITEM.match(line)
        if not match or (indent is not None and len(match.group(1)) != indent):
            continue
        indent = len(match.group(1))
        found.append(number + 1 if match.group(2) else _next_content(lines, number + 1))
    return found if len(found) == len(items) else None


def _next_content(lines: list[str], start: int) -> int:
    for number in range(start, len(lines)):
        if lines[number].strip() and not lines[number].lstrip().startswith("#"):
            return number + 1
    return start


def _key_lines(lines: list[str], start: int | None, mapping: Any) -> dict[str, int] | None:
    if start is None or not isinstance(mapping, dict):
        return None
    found: dict[str, int] = {}
    indent: str | None = None
    for number in range(start, len(lines)):
        line = lines[number]
        if line and line[0] not in " #":
            break
        match = re.match(r"^(\s+)([\"']?)([^\s\"':#][^\"':]*)\2\s*:", line)
        if not match or (indent is not None and match.group(1) != indent):
            continue
        indent = match.group(1)
        found[match.group(3)] = number + 1
    return found if set(found) == {str(key) for key in mapping} else None


def _parse_exact(text: str) -> Document:
    loader = Yaml12Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return Document(None, [], {}, {})
        _check_tree(node)
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark is not None else 1
        raise InputError(f"not valid YAML: {error.problem or error.context}", line) from None
    except yaml.YAMLError as error:
        raise InputError(f"not valid YAML: {error}", 1) from None
    except RecursionError:
        raise InputError(f"nesting deeper than {MAX_DEPTH} levels", 1) from None
    finally:
        loader.dispose()
    return Document(data, *_node_lines(node))


def _check_tree(root: yaml.Node) -> None:
    """Refuse duplicate keys, deep nesting and aliases that would blow the document up."""
    seen: dict[int, int] = {}

    def size(node: yaml.Node, depth: int) -> int:
        if depth > MAX_DEPTH:
            raise InputError(f"nesting deeper than {MAX_DEPTH} levels", node.start_mark.line + 1)
        if id(node) in seen:
            return seen[id(node)]
        total = 1
        if isinstance(node, yaml.MappingNode):
            _check_duplicate_keys(node)
            total += sum(size(k, depth + 1) + size(v, depth + 1) for k, v in node.value)
        elif isinstance(node, yaml.SequenceNode):
            total += sum(size(item, depth + 1) for item in node.value)
        seen[id(node)] = total
        if total > MAX_ALIAS_EXPANSION and _has_aliases(root):
            raise InputError(
                f"YAML aliases expand this document beyond {MAX_ALIAS_EXPANSION} nodes "
                "(a 'billion laughs' document); write the values out instead",
                node.start_mark.line + 1,
            )
        return total

    size(root, 0)


def _has_aliases(root: yaml.Node) -> bool:
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            return True
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            stack += [part for pair in node.value for part in pair]
        elif isinstance(node, yaml.SequenceNode):
            stack += node.value
    return False


def _check_duplicate_keys(node: yaml.MappingNode) -> None:
    first: dict[str, int] = {}
    for key, _ in node.value:
        if not isinstance(key, yaml.ScalarNode):
            continue
        line = key.start_mark.line + 1
        if key.value in first:
            raise InputError(
                f"duplicate key {key.value!r} (first at line {first[key.value]}); "
                "a mapping names each key once", line,
            )
        first[key.value] = line


def _node_lines(root: yaml.Node) -> tuple[list[int], dict[str, int], dict[str, int]]:
    claim_lines: list[int] = []
    source_lines: dict[str, int] = {}
    top: dict[str, int] = {}
    if not isinstance(root, yaml.MappingNode):
        return claim_lines, source_lines, top
    for key, value in root.value:
        top[str(key.value)] = key.start_mark.line + 1
        if key.value == "claims" and isinstance(value, yaml.SequenceNode):
            claim_lines = [_first_line(item) for item in value.value]
        if key.value == "sources" and isinstance(value, yaml.MappingNode):
            source_lines = {str(k.value): k.start_mark.line + 1 for k, _ in value.value}
    return claim_lines, source_lines, top


def _first_line(item: yaml.Node) -> int:
    if isinstance(item, yaml.MappingNode) and item.value:
        return int(item.value[0][0].start_mark.line) + 1
    return int(item.start_mark.line) + 1
