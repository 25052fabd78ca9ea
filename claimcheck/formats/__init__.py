"""Report formats: one module each, a name -> formatter registry that also feeds `--format`."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

from claimcheck.findings import Report

Formatter = Callable[[Report, bool], str]  # (report, colour) -> text

FORMATS = ("text", "markdown", "json", "sarif", "junit", "github")
QUOTING_FORMATS = frozenset({"markdown", "junit"})  # these need the claims, not just findings


def formatter(name: str) -> Formatter:
    module = import_module(f"claimcheck.formats.{name}_format")
    render: Formatter = module.render
    return render
