"""Baselines: accepted findings recorded by fingerprint (rule and claims, not lines)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

from claimcheck.atomic import write_atomically
from claimcheck.errors import UsageError
from claimcheck.findings import Finding


class Baseline(NamedTuple):  # not a frozen dataclass: its six methods cost 3M instructions a run
    entries: dict[str, dict[str, object]]

    @classmethod
    def read(cls, path: str) -> Baseline:
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
            entries = {str(e["fingerprint"]): e for e in data["findings"]}
        except OSError as error:
            raise UsageError(f"--baseline {path}: cannot read it: {error.strerror}") from None
        except (ValueError, KeyError, TypeError):
            raise UsageError(f"--baseline {path}: not a claimcheck baseline (JSON with "
                             "`findings`, each with a `fingerprint`)") from None
        return cls(entries)

    def filter(self, findings: list[Finding]) -> tuple[list[Finding], int, list[str]]:
        """New findings, how many were baselined, and the baselined ones that no longer occur."""
        current = {finding.fingerprint for finding in findings}
        kept = [finding for finding in findings if finding.fingerprint not in self.entries]
        fixed = sorted(
            f"{entry.get('rule')}: {', '.join(str(c) for c in _ids(entry))}".strip()
            for fingerprint, entry in self.entries.items() if fingerprint not in current
        )
        return kept, len(findings) - len(kept), fixed


def _ids(entry: dict[str, object]) -> list[object]:
    claims = entry.get("claims")
    return list(claims) if isinstance(claims, list) else []


def render(findings: Iterable[Finding]) -> str:
    entries = sorted(
        ({"fingerprint": f.fingerprint, "rule": f.rule, "claims": list(f.claims),
          "message": f.message} for f in findings),
        key=lambda entry: (entry["rule"], entry["fingerprint"]),
    )
    unique = list({entry["fingerprint"]: entry for entry in entries}.values())
    return json.dumps({"version": 1, "findings": unique}, indent=2, ensure_ascii=False) + "\n"


def write(path: str, findings: Iterable[Finding]) -> None:
    write_atomically(path, render(findings))
