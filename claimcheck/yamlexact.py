"""The exact path of yamlsource: PyYAML's C loader, YAML 1.2 core-schema scalars, every line.

It composes nodes, so it knows every line, finds duplicate keys and counts aliases; it reads
what the fast path (yaml-rs) declines, and gives the error messages of text that is not YAML.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from claimcheck.errors import InputError
from claimcheck.yamlsource import Document

_BaseLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MAX_ALIAS_EXPANSION = 10_000
MAX_DEPTH = 64


class Yaml12Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    """PyYAML's safe loader with YAML 1.2 core-schema scalars, as yaml-rs reads them."""

    yaml_implicit_resolvers: dict[Any, Any] = {}


# yaml-rs reads `_` inside numbers (`1_000`, `_1`, `0x_1`) and `0b101`; the exact path agrees.
_RESOLVERS = [
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("tag:yaml.org,2002:int",
     r"^[-+]?(?:0b[0-1_]*[0-1][0-1_]*|0o[0-7_]*[0-7][0-7_]*|0x[0-9a-fA-F_]*[0-9a-fA-F][0-9a-fA-F_]*"
     r"|_*[0-9][0-9_]*)$", "-+0123456789_"),
    ("tag:yaml.org,2002:float",
     r"^(?:[-+]?(?:_*[0-9][0-9_]*(?:\.[0-9_]*)?|\.[0-9_]*[0-9][0-9_]*)(?:[eE][-+]?[0-9_]+)?"
     r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$", "-+0123456789._"),
]
for _tag, _pattern, _first in _RESOLVERS:
    Yaml12Loader.add_implicit_resolver(_tag, re.compile(_pattern), list(_first))


def _construct_int(loader: Any, node: yaml.ScalarNode) -> int:
    text = str(loader.construct_scalar(node)).replace("_", "")
    digits = text.lstrip("-+")
    try:
        return int(text, 0) if digits[:2] in ("0b", "0o", "0x") else int(text, 10)
    except ValueError:  # Python refuses integers of over 4,300 digits
        raise InputError(f"an integer of {len(digits):,} digits is out of range",
                         node.start_mark.line + 1) from None


Yaml12Loader.add_constructor("tag:yaml.org,2002:int", _construct_int)


def parse_exact(text: str) -> Document:
    loader = Yaml12Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return Document(None, [], {}, {})
        duplicates = _check_tree(node)
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark is not None else 1
        raise InputError(f"not valid YAML: {error.problem or error.context}", line) from None
    except yaml.reader.ReaderError as error:
        line = text.count("\n", 0, error.position) + 1
        raise InputError(f"not valid YAML: {error.reason} (character #x{error.character:04x}); "
                         "claim files are plain text", line) from None
    except yaml.YAMLError as error:
        raise InputError(f"not valid YAML: {str(error).splitlines()[0]}", 1) from None
    except RecursionError:
        raise InputError(f"nesting deeper than {MAX_DEPTH} levels", 1) from None
    finally:
        loader.dispose()
    return Document(data, *_node_lines(node), duplicates)


def _check_tree(root: yaml.Node) -> list[tuple[int, str]]:
    """Refuse deep nesting and aliases that would blow the document up; list duplicate keys.

    A duplicate key spoils only the claim or source it is in, so it is returned, not raised.
    """
    seen: dict[int, int] = {}
    duplicates: list[tuple[int, str]] = []

    def size(node: yaml.Node, depth: int) -> int:
        if depth > MAX_DEPTH:
            raise InputError(f"nesting deeper than {MAX_DEPTH} levels", node.start_mark.line + 1)
        if id(node) in seen:
            return seen[id(node)]
        total = 1
        if isinstance(node, yaml.MappingNode):
            duplicates.extend(_duplicate_keys(node))
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
    return duplicates


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


def _duplicate_keys(node: yaml.MappingNode) -> list[tuple[int, str]]:
    first: dict[str, int] = {}
    found = []
    for key, _ in node.value:
        if not isinstance(key, yaml.ScalarNode):
            continue
        line = key.start_mark.line + 1
        if key.value in first:
            found.append((line, f"duplicate key {key.value!r} at line {line} (first at line "
                                f"{first[key.value]}); a mapping names each key once"))
        else:
            first[key.value] = line
    return found


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
