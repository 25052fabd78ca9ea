"""What a plain check loads: PyYAML only where a file needs the exact path (a rule-set file
takes it, so these run where no rules/ folder is)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

PROBE = """
import sys
from claimcheck.cli import cli, guarded
sys.argv = ["claimcheck", "check", *sys.argv[1:], "--format", "json", "-o", "/dev/null"]
try:
    guarded(cli)
except SystemExit:
    pass
print(sorted(name for name in ("yaml", "claimcheck.yamlexact") if name in sys.modules))
"""


def _loaded(folder: Path, *args: str) -> str:
    done = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True,
                          cwd=folder, check=True)
    return done.stdout.strip()


def test_a_clean_check_never_imports_pyyaml(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(
        "sources:\n  s:\n    title: T\nclaims:\n  - id: a\n    metric: m\n    value: 1 USD\n"
        "    as_of: 2024\n    source: s\n", encoding="utf-8")
    assert _loaded(tmp_path, "a.yaml") == "[]"


def test_a_file_the_fast_path_declines_imports_it(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("claims:\n  - &x {id: a, metric: m, value: 1 USD}\n",
                                     encoding="utf-8")
    assert _loaded(tmp_path, "a.yaml") == "['claimcheck.yamlexact', 'yaml']"
