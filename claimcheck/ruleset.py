"""Rule sets: `rules/*.yaml` merged over built-in defaults in one documented order.

Order, later wins per key: each rule module's Options defaults, then the rule set shipped in
the package (claimcheck/data/default.yaml), then every rule-set file in name order: the
project's `rules/` folder, or `--rules PATH` (a file or folder) instead of it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from claimcheck.errors import InputError, UsageError
from claimcheck.findings import Severity
from claimcheck.inputs import Limits
from claimcheck.qualifiers import QualifierWidths
from claimcheck.rules import RULES
from claimcheck.rules.base import Ratio, RuleOptions
from claimcheck.validation import describe_errors
from claimcheck.yamlsource import parse

if TYPE_CHECKING:
    import yaml

DEFAULT_FOLDER = "rules"
# Shipped inside the package, so an installed claimcheck has its defaults anywhere.
BUILT_IN = Path(__file__).parent / "data" / "default.yaml"


class QualifierSettings(BaseModel):
    model_config = ConfigDict(extra="forbid")
    about: Ratio | None = None
    nearly: Ratio | None = None


class LimitSettings(BaseModel):
    model_config = ConfigDict(extra="forbid")
    max_file_bytes: int | None = Field(default=None, gt=0)
    max_claims: int | None = Field(default=None, gt=0)


class RuleSetFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    qualifiers: QualifierSettings = Field(default_factory=QualifierSettings)
    rates: str | None = None
    limits: LimitSettings = Field(default_factory=LimitSettings)
    rules: dict[str, dict[str, Any]] = Field(default_factory=dict)
    # A lambda, not `list`: pydantic reads a factory's signature, and list's is parsed from
    # its text by tokenize, whose regexes cost 27M instructions to compile before the fork.
    custom: list[dict[str, Any]] = Field(default_factory=lambda: [])


@dataclass(eq=False, repr=False)
class CustomRuleSource:
    """A user-defined rule as written, with where it was written (for error messages)."""

    body: dict[str, Any]
    file: str
    line: int


@dataclass(eq=False, repr=False)
class RuleSet:
    options: dict[str, RuleOptions] = field(
        default_factory=lambda: {name: rule.options() for name, rule in RULES.items()})
    widths: QualifierWidths = field(default_factory=QualifierWidths)
    rates_file: str | None = None
    limits: Limits = field(default_factory=Limits)
    custom: list[CustomRuleSource] = field(default_factory=list)
    files: list[str] = field(default_factory=list)

    def severity(self, rule: str) -> Severity:
        options = self.options.get(rule)
        if options is not None and options.severity is not None:
            return options.severity
        return RULES[rule].severity if rule in RULES else Severity.ERROR

    def enabled(self, rule: str) -> bool:
        return self.options[rule].enabled if rule in self.options else True


def rule_files(path: str | None) -> list[Path]:
    if path is None:
        folder = Path(DEFAULT_FOLDER)
        return sorted(folder.glob("*.y*ml")) if folder.is_dir() else []
    chosen = Path(path)
    if chosen.is_dir():
        return sorted(chosen.glob("*.y*ml"))
    if chosen.is_file():
        return [chosen]
    raise UsageError(f"--rules {path}: no such file or folder")


def load_ruleset(path: str | None = None) -> RuleSet:
    """Built-in defaults, then the package's default.yaml, then the chosen rule files."""
    ruleset = RuleSet()
    for file in [BUILT_IN, *rule_files(path)]:
        _apply(ruleset, file)
    return ruleset


def _apply(ruleset: RuleSet, file: Path) -> None:
    try:
        text = file.read_text(encoding="utf-8-sig")
        # Our own plain file takes the fast path (0.06 ms, not 0.6, and no PyYAML); the
        # user's files take the exact one, for its checks and lines.
        data = parse(text, prefer_fast=file == BUILT_IN).data or {}
    except (OSError, UnicodeDecodeError) as error:
        raise UsageError(f"{file}: cannot read the rule set: {error}") from None
    except InputError as error:
        raise UsageError(f"{file}:{error.line or 1}: {error.message}") from None
    where = _Lines(text)
    try:
        settings = RuleSetFile.model_validate(data)
    except ValidationError as error:
        loc = error.errors()[0]["loc"]
        raise UsageError(f"{file}:{where.line(loc)}: {describe_errors(error)}") from None
    ruleset.files.append(str(file))
    _apply_settings(ruleset, settings, file, where)


def _apply_settings(ruleset: RuleSet, settings: RuleSetFile, file: Path, where: _Lines) -> None:
    widths = settings.qualifiers
    ruleset.widths = QualifierWidths(
        about=widths.about if widths.about is not None else ruleset.widths.about,
        nearly=widths.nearly if widths.nearly is not None else ruleset.widths.nearly,
    )
    if settings.rates is not None:
        ruleset.rates_file = str((file.parent / settings.rates).resolve())
    limits = settings.limits
    ruleset.limits = Limits(
        max_file_bytes=limits.max_file_bytes or ruleset.limits.max_file_bytes,
        max_claims=limits.max_claims or ruleset.limits.max_claims,
    )
    for name, options in settings.rules.items():
        ruleset.options[name] = _rule_options(ruleset, name, options or {}, file, where)
    for index, body in enumerate(settings.custom):
        ruleset.custom.append(CustomRuleSource(body, str(file), where.line(("custom", index))))


def _rule_options(ruleset: RuleSet, name: str, options: dict[str, Any], file: Path,
                  where: _Lines) -> RuleOptions:
    if name not in RULES:
        known = ", ".join(sorted(RULES))
        raise UsageError(f"{file}:{where.line(('rules', name))}: unknown rule {name!r}; "
                         f"built-in rules are {known}")
    current = ruleset.options[name]
    merged = {**{key: getattr(current, key) for key in current.model_fields_set}, **options}
    try:
        return RULES[name].options.model_validate(merged)
    except ValidationError as error:
        loc = ("rules", name, *error.errors()[0]["loc"])
        text = describe_errors(error).replace(
            "see `claimcheck schema` for the fields", f"`claimcheck explain {name}` lists them")
        raise UsageError(f"{file}:{where.line(loc)}: rule {name}: {text}") from None


class _Lines:
    """Line of a key path in a YAML text, from PyYAML's nodes (1-based; 1 if not found)."""

    def __init__(self, text: str) -> None:
        self.text = text

    @cached_property  # composed on first use: a clean rule set without custom rules never asks
    def root(self) -> yaml.Node | None:
        import yaml  # PyYAML only where a line is asked for

        from claimcheck.yamlexact import Yaml12Loader

        try:
            return yaml.compose(self.text, Loader=Yaml12Loader)
        except yaml.YAMLError:
            return None

    def line(self, path: tuple[Any, ...]) -> int:
        import yaml

        node, line = self.root, 1
        for part in path:
            if isinstance(node, yaml.MappingNode):
                match = next(((k, v) for k, v in node.value if k.value == str(part)), None)
                if match is None:
                    break
                line, node = match[0].start_mark.line + 1, match[1]
            elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) \
                    and part < len(node.value):
                node = node.value[part]
                line = node.start_mark.line + 1
            else:
                break
        return line
