"""The claim files a run reads, and the limits it reads them under.

Light on purpose: a large run plans its split and starts a helper (prescan.py) with these
before it imports pydantic and the rules.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from claimcheck.errors import UsageError

SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True, eq=False, repr=False)
class Limits:
    """Safe defaults for hostile input; a rule set or flags may raise them."""

    max_file_bytes: int = 64 * 1024 * 1024
    max_claims: int = 2_000_000


def discover(paths: Iterable[str]) -> list[str]:
    """Claim files under the given files and folders, sorted; a missing path is a UsageError."""
    found: set[str] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.update(
                str(p) for p in path.rglob("*") if p.suffix in SUFFIXES and p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
        elif path.is_file():
            found.add(str(path))
        else:
            raise UsageError(f"{raw}: no such file or folder")
    return sorted(found)
