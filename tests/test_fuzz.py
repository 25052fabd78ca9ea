"""Fuzzing the whole path: generated YAML documents and raw text through the loader, every
rule and every output format. Nothing may escape but findings, and every finding must point
at a real line of a real input file."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st

from claimcheck.api import Settings, check_with
from claimcheck.findings import Finding, Report
from claimcheck.formats import FORMATS, formatter
from claimcheck.loader import load_file
from claimcheck.ruleset import RuleSet, load_ruleset

# No shrinking: on these documents it can take minutes; the unshrunk example is reported as is
# (re-run locally with Phase.shrink added to get a minimal one).
FUZZ = settings(max_examples=120, deadline=None, database=None,
                phases=[Phase.explicit, Phase.reuse, Phase.generate],
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.function_scoped_fixture])

# --- strategies: claim-shaped documents with realistic and hostile field values ---------------

IDS = ["a", "b", "c", "d", "total", "part-1", "x.y_z", "bad id", ""]
METRICS = ["m", "m.x", "cn.ai.scale", "bad metric!", ""]
VALUES = ["600 billion CNY", "$83.45 billion", "6000亿 CNY", "₹35 lakh crore", "15.6%", "4,500 companies",
          "1.5 million patents", "0 CNY", "-3.2 USD", "1e400 CNY", "¥600", "5 TWh", "7 km", "nan CNY",
          "1,23 CNY", "600 billion CNY USD", "USD 88.3 billion", "9" * 60 + " CNY", "0.0000001%", ""]
DATES = ["2024", "2024-H1", "2024-Q3", "2024-09", "2024-09-30", "2024-02-30", "0000", "9999",
         "9999-12-31", "2024-13", "yesterday", ""]
QUALIFIERS = ["exact", "about", "nearly", "over", "under", "at-least", "at-most", "close to",
              "more than", "sort of", ""]

scalars = st.one_of(st.none(), st.booleans(), st.integers(-(10**30), 10**30),
                    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=30))
junk = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=6), inner, max_size=3)),
    max_leaves=10)


def pick(choices: list[str]) -> st.SearchStrategy[Any]:
    """Mostly a plausible value, sometimes any junk at all."""
    return st.one_of(st.sampled_from(choices), st.sampled_from(choices), junk)


amounts = st.fixed_dictionaries({"amount": st.one_of(st.floats(), st.integers(), st.text(max_size=8))},
                                optional={"unit": pick(["CNY", "USD", "%", "", "companies"])})
growths = st.fixed_dictionaries(
    {"rate": pick(["15.6%", "0%", "-100%", "-200%", "1e90%", "5 CNY", "10%"])},
    optional={"from": pick(DATES), "to": pick(DATES), "kind": pick(["cagr", "total", "simple"]),
              "start": pick(IDS), "end": pick(IDS)})
claim = st.fixed_dictionaries(
    {"id": pick(IDS), "metric": pick(METRICS), "source": pick(["s1", "s2", "nowhere"])},
    optional={
        "value": st.one_of(pick(VALUES), amounts),
        "qualifier": pick(QUALIFIERS),
        "as_of": pick(DATES),
        "period": st.fixed_dictionaries({"from": pick(DATES), "to": pick(DATES)}),
        "projection": st.one_of(st.booleans(), junk),
        "growth": growths,
        "share": st.fixed_dictionaries({"part": pick(IDS), "whole": pick(IDS)}),
        "total": st.fixed_dictionaries({"parts": st.lists(pick(IDS), max_size=4)}),
        "restates": pick(IDS),
        "quote": st.one_of(st.text(max_size=40), junk),
        "ignore": st.lists(st.fixed_dictionaries({"rule": pick(["scale-slip", "x"])},
                                                 optional={"reason": st.text(max_size=10)}),
                           max_size=2),
        "extra": junk,
    })
source = st.fixed_dictionaries({}, optional={
    "title": pick(["T", ""]), "publisher": pick(["P"]), "published": pick(DATES),
    "url": pick(["https://example.org"]), "author": junk})
documents = st.one_of(
    st.fixed_dictionaries({}, optional={
        "sources": st.one_of(st.dictionaries(st.sampled_from(["s1", "s2", "bad id", ""]), st.one_of(source, junk),
                                             max_size=3), junk),
        "claims": st.one_of(st.lists(st.one_of(claim, claim, claim, junk), max_size=8), junk),
        "other": junk,
    }),
    junk,
)

YAML_PIECES = ["claims:", "sources:", "\n", "\n  ", "\n  - ", "- ", ": ", "id: a", "metric: m",
               "value: 600 billion CNY", "as_of: 2024", "source: s1", "s1:", "title: T",
               "&a ", "*a", "!!str ", "!!python/object:os.system ", "{", "}", "[", "]", ",",
               "#", "'", '"', "\t", "? ", "|", ">", "---", "...", "%YAML 1.2", "\ufeff", "\x00",
               "\udcff", "é", "亿", "<<: *a"]
yaml_like = st.lists(st.sampled_from(YAML_PIECES), max_size=40).map("".join)


# --- the harness ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def ruleset(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RuleSet]:
    # Reading the ECB history costs ~0.2 s a run; the fuzz runs hundreds, so share one copy.
    from claimcheck.rates import ExchangeRates

    shared = ExchangeRates.load(None)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(ExchangeRates, "load", classmethod(lambda cls, user_file=None: shared))
        yield load_ruleset(str(tmp_path_factory.mktemp("no-rules")))  # the built-in defaults


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("fuzz")
    (base / "sources.yaml").write_text("sources:\n  s1:\n    title: T\n    published: 2025-03-05\n",
                                       encoding="utf-8")
    return base


def check_text(folder: Path, ruleset: RuleSet, text: str | bytes) -> Report:
    """Load and check one file beside a file of sources; assert every invariant of the result."""
    path = folder / "fuzzed.yaml"
    raw = text if isinstance(text, bytes) else text.encode("utf-8", "surrogateescape")
    path.write_bytes(raw)
    load_file(str(path))  # the single-file entry point on its own, too
    report = check_with(Settings(paths=(str(folder),)), ruleset)
    line_counts = {str(path): raw.count(b"\n") + 1,
                   str(folder / "sources.yaml"): 5}
    for finding in report.findings:
        assert isinstance(finding, Finding)
        assert finding.severity is not None
        for location in finding.locations:
            assert location.file in line_counts, finding
            assert 1 <= location.line <= line_counts[location.file] + 1, finding
    for name in FORMATS:
        assert isinstance(formatter(name)(report, False), str)
    return report


def dump(document: Any) -> str:
    return yaml.safe_dump(document, allow_unicode=True, sort_keys=False)


@FUZZ
@given(documents)
@example({"claims": [{"id": "a", "metric": "m", "value": "1" + "0" * 30 + " CNY", "source": "s1"}]})
@example({"claims": [{"id": "a", "metric": "m", "value": {"amount": ""}, "source": "s1"}]})
def test_generated_documents_never_escape(folder: Path, ruleset: RuleSet, document: Any) -> None:
    check_text(folder, ruleset, dump(document))


@FUZZ
@given(st.lists(claim, min_size=2, max_size=12))
def test_generated_claim_lists_never_escape(folder: Path, ruleset: RuleSet,
                                            claims: list[dict[str, Any]]) -> None:
    check_text(folder, ruleset, dump({"claims": claims}))


@FUZZ
@given(st.one_of(yaml_like, st.text(max_size=200), st.binary(max_size=200)))
@example(b"\xff\xfe\x00c\x00l")
@example("a: &a [*a]")
@example("claims: !!python/object/apply:os.system ['true']")
def test_raw_text_never_escapes(folder: Path, ruleset: RuleSet, text: str | bytes) -> None:
    check_text(folder, ruleset, text)


# --- the real command, in a subprocess --------------------------------------------------------


def run_cli(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "claimcheck", "check", "-j", "1", *args],
                          check=False, capture_output=True, text=True, timeout=timeout)


def test_cli_over_a_folder_of_fuzzed_files(tmp_path: Path) -> None:
    strategy = st.one_of(documents.map(dump), yaml_like)
    # Draw a fixed corpus: one subprocess for all of it keeps the cost of start-up down.
    @settings(max_examples=40, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(strategy)
    def collect(text: str) -> None:
        index = len(list(tmp_path.glob("*.yaml")))
        (tmp_path / f"f{index:03d}.yaml").write_bytes(text.encode("utf-8", "surrogateescape"))

    collect()
    for output in ("text", "json"):
        result = run_cli(str(tmp_path), "--format", output)
        assert result.returncode in (0, 1), result.stderr
        assert "Traceback" not in result.stderr
        assert "internal error" not in result.stderr, result.stderr


def test_cli_each_hostile_input_finishes_in_seconds(tmp_path: Path) -> None:
    inputs = {
        "laughs.yaml": "a: &a [x,x,x,x,x,x,x,x,x,x]\n" + "".join(
            f"{n}: &{n} [{', '.join(['*' + p] * 10)}]\n"
            for p, n in zip("abcdefgh", "bcdefghi", strict=True)),
        "deep.yaml": "claims: " + "[" * 100_000 + "]" * 100_000 + "\n",
        "junk.yaml": "\x01\x02 : : : [ { ",
    }
    for name, text in inputs.items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        result = run_cli(str(path), timeout=20)
        assert result.returncode == 1, (name, result.stdout, result.stderr)
        assert "invalid-file" in result.stdout and "Traceback" not in result.stderr
