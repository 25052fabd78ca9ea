"""The shape of one custom rule: its validated keys, the loaded rule, and where in the rule file
each key stands (for `FILE:LINE: custom rule NAME: ...` messages)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, field_validator
from pydantic_core import PydanticCustomError

from claimcheck.custom.tree import Comparison, refs_of
from claimcheck.errors import UsageError
from claimcheck.findings import Severity
from claimcheck.yamlexact import Yaml12Loader

if TYPE_CHECKING:
    from claimcheck.ruleset import CustomRuleSource

_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class ForEach(BaseModel):
    model_config = ConfigDict(extra="forbid")
    metric: str = Field(min_length=1)


class CustomRuleSpec(BaseModel):
    """One item of `custom:`, validated (unknown keys are errors)."""

    model_config = ConfigDict(extra="forbid")
    name: str
    description: str | None = None
    severity: Severity = Severity.WARNING
    enabled: bool = True
    for_each: ForEach | None = None
    expect: str = Field(min_length=1)

    @field_validator("name")
    @classmethod
    def _kebab(cls, name: str) -> str:
        if not _NAME.match(name):
            raise PydanticCustomError("claimcheck", "expected a kebab-case name like "
                                      "usd-cny-band (lower-case letters, digits, `-`)")
        return name


@dataclass(frozen=True)
class Absence:
    """Something a rule names that the checked files lack, so the rule is not run this time."""

    key: str  # expect | for_each: the key that names it
    reason: str


@dataclass(frozen=True)
class CustomRule:
    source: CustomRuleSource
    spec: CustomRuleSpec
    comparison: Comparison
    named: tuple[str, ...]  # claim ids referenced by value(ID) and friends, in order
    absent: tuple[Absence, ...] = ()  # not empty: the rule is not run, an info finding says why

    @property
    def bare(self) -> set[str]:
        return {ref.function for ref in refs_of(self.comparison) if ref.claim is None}


def usage(source: CustomRuleSource, name: str, key: str | None, message: str) -> UsageError:
    return UsageError(f"{source.file}:{key_line(source, key)}: custom rule {name}: {message}")


def key_line(source: CustomRuleSource, key: str | None) -> int:
    """The line of `key` in the rule's mapping; the rule's own line where it cannot be found."""
    try:
        text = Path(source.file).read_text(encoding="utf-8-sig")
        root = yaml.compose(text, Loader=Yaml12Loader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return source.line
    items = _child(root, "custom")
    if key is None or not isinstance(items, yaml.SequenceNode):
        return source.line
    for item in items.value:
        if isinstance(item, yaml.MappingNode) and item.start_mark.line + 1 == source.line:
            for name, _ in item.value:
                if name.value == key:
                    return int(name.start_mark.line) + 1
    return source.line


def _child(node: Any, key: str) -> Any:
    if isinstance(node, yaml.MappingNode):
        return next((value for name, value in node.value if name.value == key), None)
    return None
