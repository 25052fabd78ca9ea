"""Hostile and broken input: claimcheck never crashes, never hangs, never executes, never loses
a report.

tests/hostile/ holds one claim file per case. Its first comment lines say what to expect:

    # expect: 1 not UTF-8 text       exit code (or codes, `0,1`) and a substring of the output
    # line: 4                         the line an invalid-file finding points at (optional)
    # args: --max-claims 2            extra command-line arguments (optional)
    # xfail: why                      a known bug, reported; strict, so a fix makes it pass

Each case runs the real command in-process (the CLI's own catch-all included), alone, with
the built-in rules. The cases that need size (1 MB quotes, 20,000 claims) are built here.
"""

from __future__ import annotations

import os
import shlex
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from claimcheck import atomic
from claimcheck.cli import cli, guarded

CORPUS = Path(__file__).parent / "hostile"


@dataclass
class Run:
    code: int
    out: str
    err: str
    seconds: float


@pytest.fixture
def claimcheck(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
               tmp_path_factory: pytest.TempPathFactory) -> Callable[..., Run]:
    """Run `claimcheck check ARGS` as the installed command does, in this process."""
    no_rules = tmp_path_factory.mktemp("no-rules")  # the built-in defaults, whatever the cwd

    def run(*args: str) -> Run:
        argv = ["claimcheck", "check", "-j", "1", "--rules", str(no_rules), *args]
        monkeypatch.setattr(sys, "argv", argv)
        capsys.readouterr()
        started = time.perf_counter()
        code = 0
        try:
            guarded(cli)
        except SystemExit as done:
            code = int(done.code or 0)
        seconds = time.perf_counter() - started
        out, err = capsys.readouterr()
        assert "Traceback" not in out + err
        assert "internal error" not in err, err
        return Run(code, out, err, seconds)

    return run


# --- the corpus -------------------------------------------------------------------------------


@dataclass
class Case:
    path: Path
    codes: tuple[int, ...]
    text: str
    line: int | None
    args: list[str]
    xfail: str | None


def read_case(path: Path) -> Case:
    header: dict[str, str] = {}
    for raw in path.read_bytes().decode("utf-8", "replace").lstrip("\ufeff").splitlines():
        if not raw.startswith("# ") or ":" not in raw:
            break
        key, _, value = raw[2:].partition(":")
        header[key.strip()] = value.strip()
    codes, _, text = header["expect"].partition(" ")
    line = header.get("line")
    return Case(path, tuple(int(c) for c in codes.split(",")), text, int(line) if line else None,
                shlex.split(header.get("args", "")), header.get("xfail"))


CASES = [read_case(path) for path in sorted(CORPUS.glob("*.yaml"))]


@pytest.mark.parametrize("case", [
    pytest.param(case, id=case.path.stem, marks=[pytest.mark.xfail(strict=True, reason=case.xfail)]
                 if case.xfail else []) for case in CASES])
def test_hostile_file(case: Case, claimcheck: Callable[..., Run]) -> None:
    result = claimcheck(str(case.path), *case.args)
    assert result.code in case.codes, (result.out, result.err)
    assert case.text in result.out + result.err, (result.out, result.err)
    if case.line is not None:
        assert f"{case.path}:{case.line}: " in result.out, result.out
    assert result.seconds < 10


def test_the_corpus_is_read() -> None:
    assert len(CASES) >= 30
    assert all(case.codes for case in CASES)


def test_the_whole_corpus_in_one_run_reports_every_file(
        tmp_path: Path, claimcheck: Callable[..., Run]) -> None:
    """One bad file never hides another's findings: each case's finding is still there.

    The known crashes (xfail cases) are left out: each one ends the whole run today.
    """
    folder = tmp_path / "corpus"
    folder.mkdir()
    kept = [case for case in CASES if not case.xfail]
    for case in kept:
        (folder / case.path.name).write_bytes(case.path.read_bytes())
    result = claimcheck(str(folder))
    assert result.code == 1
    for case in kept:
        if case.line is not None:
            assert f"{folder / case.path.name}:{case.line}: " in result.out, case.path.name
    assert f"{len(kept)} files" in result.out


# --- cases built here -------------------------------------------------------------------------

SOURCES = "sources:\n  s1:\n    title: A report\n    published: 2025-03-05\n"


def claim_line(ident: str, value: str = "5 CNY", as_of: str = "2024", metric: str = "m.x",
               extra: str = "") -> str:
    return (f"  - {{id: {ident}, metric: {metric}, value: {value}, as_of: {as_of}, "
            f"source: s1{extra}}}\n")


def test_empty_file(tmp_path: Path, claimcheck: Callable[..., Run]) -> None:
    path = tmp_path / "empty.yaml"
    path.write_bytes(b"")
    result = claimcheck(str(path))
    assert result.code == 0 and "1 file, 0 claims" in result.out


def test_file_size_limit(tmp_path: Path, claimcheck: Callable[..., Run]) -> None:
    path = tmp_path / "big.yaml"
    path.write_text(SOURCES + "claims:\n" + claim_line("a"), encoding="utf-8")
    result = claimcheck(str(path), "--max-file-bytes", "100")
    assert result.code == 1
    assert f"{path}:1: " in result.out
    assert "over the limit of 100 (--max-file-bytes)" in result.out


def test_claim_count_limit(tmp_path: Path, claimcheck: Callable[..., Run]) -> None:
    path = tmp_path / "many.yaml"
    path.write_text(SOURCES + "claims:\n" + "".join(claim_line(f"c{i}") for i in range(3)),
                    encoding="utf-8")
    result = claimcheck(str(path), "--max-claims", "2")
    assert result.code == 1
    assert "3 claims, over the limit of 2 (--max-claims)" in result.out
    assert f"{path}:5: " in result.out  # the `claims:` key
    assert claimcheck(str(path), "--max-claims", "3").code == 0


def test_limits_from_a_rule_set(tmp_path: Path, claimcheck: Callable[..., Run]) -> None:
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "limits.yaml").write_text("limits:\n  max_claims: 1\n", encoding="utf-8")
    path = tmp_path / "two.yaml"
    path.write_text(SOURCES + "claims:\n" + claim_line("a") + claim_line("b"), encoding="utf-8")
    result = claimcheck(str(path), "--rules", str(tmp_path / "rules"))
    assert "over the limit of 1 (--max-claims)" in result.out


def test_nesting_depth_of_200_lists(tmp_path: Path, claimcheck: Callable[..., Run]) -> None:
    for name, text in {"flow.yaml": "claims: " + "[" * 200 + "]" * 200 + "\n",
                       "anchored.yaml": "x: &x 1\nclaims: " + "[" * 200 + "]" * 200 + "\n"}.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        result = claimcheck(str(tmp_path / name))
        assert result.code == 1 and "nest" in result.out, result.out


def test_no_tag_constructs_a_python_object(tmp_path: Path, claimcheck: Callable[..., Run]) -> None:
    marker = tmp_path / "pwned"
    tags = ["!!python/object/apply:os.system", "!!python/object/new:os.system",
            "!!python/object/apply:subprocess.call", "!!python/name:os.system"]
    for index, tag in enumerate(tags):
        path = tmp_path / f"tag{index}.yaml"
        path.write_text(f'claims:\n  - {tag} ["touch {marker}"]\n'
                        f'sources: {tag} ["touch {marker}"]\n', encoding="utf-8")
        result = claimcheck(str(path))
        assert result.code == 1
        assert "invalid-file" in result.out and "not valid YAML" in result.out
    assert not marker.exists()


def test_duplicate_ids_across_files(tmp_path: Path, claimcheck: Callable[..., Run]) -> None:
    (tmp_path / "a.yaml").write_text(SOURCES + "claims:\n" + claim_line("same"), encoding="utf-8")
    (tmp_path / "b.yaml").write_text("sources:\n  s1: {title: Again}\nclaims:\n" +
                                     claim_line("same"), encoding="utf-8")
    result = claimcheck(str(tmp_path))
    assert result.code == 1
    assert f"{tmp_path / 'b.yaml'}:4: " in result.out
    assert f"duplicate claim id 'same': already declared at {tmp_path / 'a.yaml'}:6" in result.out
    assert f"duplicate source id 's1': already declared at {tmp_path / 'a.yaml'}:2" in result.out


def test_a_one_megabyte_quote(tmp_path: Path, claimcheck: Callable[..., Run]) -> None:
    path = tmp_path / "quote.yaml"
    path.write_text(SOURCES + "claims:\n" + claim_line("a", extra=", quote: '" + "x" * 1_000_000 +
                                                       "'"), encoding="utf-8")
    result = claimcheck(str(path))
    assert result.code == 0 and "1 claim " in result.out
    assert result.seconds < 10


def test_twenty_thousand_claims_of_one_metric_and_date(tmp_path: Path,
                                                        claimcheck: Callable[..., Run]) -> None:
    # Varied values of one metric and date: every pair conflicts, so an all-pairs rule is
    # quadratic here (200 million pairs) and shows up as a timeout.
    lines = [SOURCES, "claims:\n"]
    for i in range(20_000):
        value = ("600 billion CNY", "6 billion CNY", f"{500 + i % 300} billion CNY",
                 f"$8{i % 10}.45 billion", "15.6%", f"{i} companies")[i % 6]
        lines.append(f"  - id: c{i}\n    metric: cn.ai.scale\n    value: '{value}'\n"
                     "    as_of: 2024-09\n    source: s1\n")
    path = tmp_path / "many.yaml"
    path.write_text("".join(lines), encoding="utf-8")
    result = claimcheck(str(path), "--format", "json", "-o", str(tmp_path / "report.json"))
    assert result.code in (0, 1)
    assert result.seconds < 20, f"{result.seconds:.1f} s for 20,000 claims of one metric"


def test_a_5000_digit_amount_is_reported_not_crashed(tmp_path: Path,
                                                    claimcheck: Callable[..., Run]) -> None:
    path = tmp_path / "digits.yaml"
    path.write_text(SOURCES + "claims:\n" + claim_line("a", "{amount: " + "9" * 5000 +
                                                       ", unit: CNY}"), encoding="utf-8")
    result = claimcheck(str(path))
    assert result.code == 1 and "invalid-file" in result.out


# --- nothing lost -----------------------------------------------------------------------------


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {str(p): (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(folder.rglob("*"))
            if p.is_file()}


def test_inputs_are_never_written(tmp_path: Path, claimcheck: Callable[..., Run]) -> None:
    inputs = tmp_path / "claims"
    inputs.mkdir()
    for case in CASES:
        if not case.xfail:
            (inputs / case.path.name).write_bytes(case.path.read_bytes())
    before = snapshot(inputs)
    time.sleep(0.01)  # so that a rewrite would show in the mtimes
    for output in ("text", "json", "sarif"):
        claimcheck(str(inputs), "--format", output, "-o", str(tmp_path / f"report.{output}"))
    claimcheck(str(inputs), "--write-baseline", str(tmp_path / "baseline.json"))
    claimcheck(str(inputs), "--baseline", str(tmp_path / "baseline.json"))
    assert snapshot(inputs) == before


def _report_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "claims"
    folder.mkdir()
    (folder / "a.yaml").write_text(SOURCES + "claims:\n" + claim_line("a", "600 billion CNY") +
                                   claim_line("b", "60 billion CNY"), encoding="utf-8")
    return folder


def test_an_existing_report_is_replaced_whole(tmp_path: Path,
                                              claimcheck: Callable[..., Run]) -> None:
    folder = _report_folder(tmp_path)
    report = tmp_path / "report.txt"
    report.write_text("old report\n" * 10_000, encoding="utf-8")
    result = claimcheck(str(folder), "-o", str(report))
    assert result.code == 1 and result.out == ""
    text = report.read_text(encoding="utf-8")
    assert "old report" not in text and "1 file, 2 claims" in text
    assert sorted(p.name for p in tmp_path.iterdir()) == ["claims", "report.txt"]


@pytest.mark.parametrize("flag", ["-o", "--write-baseline"])
def test_a_failed_write_leaves_the_old_file_and_no_temporary(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, claimcheck: Callable[..., Run],
        flag: str) -> None:
    folder = _report_folder(tmp_path)
    target = tmp_path / "kept.out"
    target.write_bytes(b"the previous report\n")

    def refuse(source: str, destination: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "replace", refuse)
    result = claimcheck(str(folder), flag, str(target))
    assert result.code == 2
    assert "No space left on device" in result.err
    assert target.read_bytes() == b"the previous report\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["claims", "kept.out"]


def test_a_broken_file_never_hides_a_real_finding(tmp_path: Path,
                                                  claimcheck: Callable[..., Run]) -> None:
    folder = _report_folder(tmp_path)
    (folder / "0-broken.yaml").write_text("claims:\n  - {id: x, metric: [\n", encoding="utf-8")
    (folder / "1-binary.yaml").write_bytes(b"\xff\xfe\x00\x01 claims")
    (folder / "2-laughs.yaml").write_bytes((CORPUS / "billion-laughs.yaml").read_bytes())
    result = claimcheck(str(folder))
    assert result.code == 1
    assert f"{folder / '0-broken.yaml'}:" in result.out
    assert f"{folder / '1-binary.yaml'}:1: " in result.out
    assert f"{folder / '2-laughs.yaml'}:" in result.out
    assert f"{folder / 'a.yaml'}:" in result.out  # the scale slip (or conflict) 600 vs 60
    assert "4 files, 2 claims" in result.out


def test_an_unreadable_file_is_a_finding(tmp_path: Path, claimcheck: Callable[..., Run]) -> None:
    if os.geteuid() == 0:
        pytest.skip("root reads every file")
    folder = _report_folder(tmp_path)
    locked = folder / "locked.yaml"
    locked.write_text("claims: []\n", encoding="utf-8")
    locked.chmod(0)
    try:
        result = claimcheck(str(folder))
    finally:
        locked.chmod(0o600)
    assert f"{locked}:1: " in result.out and "cannot read the file" in result.out
