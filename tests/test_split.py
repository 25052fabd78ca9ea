"""A run checked in two halves, one per process, gives the report one process gives."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT
from pydantic import TypeAdapter

from claimcheck import forked, partition, pieces, split
from claimcheck.api import Settings, check_paths
from claimcheck.formats import formatter
from claimcheck.loader import Limits
from claimcheck.model import Claim
from claimcheck.partition import Links

needs_fork = pytest.mark.skipif(not forked.can_fork(), reason="the split needs fork()")


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """2,000 generated claims over three files: findings from every rule, bad claims,
    uncheckable claims, sources cited across files."""
    folder = tmp_path_factory.mktemp("synthetic")
    subprocess.run([sys.executable, str(ROOT / "bench" / "generate.py"), "--claims", "2000",
                    "--files", "3", "--out", str(folder), "--seed", "5"],
                   check=True, capture_output=True)
    return folder


Side = tuple[Links, set[str]]
CLAIM = TypeAdapter(Claim)


def _links(*claims: dict[str, Any]) -> Side:
    """The Links of claims given as fields (value and source defaulted), and their metrics."""
    models = [CLAIM.validate_python({"value": "1 USD", "source": "s", **fields})
              for fields in claims]
    return partition.links(models, []), {claim.metric for claim in models}


def _sides(here: Side, there: Side) -> dict[str, int]:
    """The side each metric is checked on: 0 here, 1 there."""
    give, take = partition.moves(here[0], there[0])
    sides = {metric: 1 if hash(metric) in give else 0 for metric in here[1]}
    for metric in there[1]:
        side = 0 if hash(metric) in take else 1
        assert sides.setdefault(metric, side) == side
    return sides


def test_each_group_goes_where_most_of_its_claims_are() -> None:
    here = _links({"id": "a1", "metric": "a"}, {"id": "a2", "metric": "a"},
                  {"id": "b1", "metric": "b"})
    there = _links({"id": "a3", "metric": "a"}, {"id": "b2", "metric": "b"},
                   {"id": "b3", "metric": "b"}, {"id": "c1", "metric": "c"})
    assert _sides(here, there) == {"a": 0, "b": 1, "c": 1}


@pytest.mark.parametrize("link", [
    {"restates": "x"},
    {"growth": {"rate": "5%", "start": "x"}},
    {"growth": {"rate": "5%", "end": "x"}},
    {"share": {"part": "x", "whole": "y"}},
    {"share": {"part": "y", "whole": "x"}},
    {"total": {"parts": ["y", "x"]}},
])
def test_a_link_keeps_both_metrics_on_one_side(link: dict[str, Any]) -> None:
    here = _links({"id": "x", "metric": "m.one"}, {"id": "x2", "metric": "m.one"})
    there = _links({"id": "b", "metric": "m.two", **link}, *[
        {"id": f"f{i}", "metric": "m.two"} for i in range(3)])
    sides = _sides(here, there)
    assert sides["m.one"] == sides["m.two"] == 1  # there holds 4 of the 6 claims


def test_claims_of_one_id_stay_together_whatever_their_metrics() -> None:
    here = _links({"id": "a", "metric": "m.one"})
    there = _links({"id": "a", "metric": "m.two"}, {"id": "z", "metric": "m.two"})
    assert _sides(here, there) == {"m.one": 1, "m.two": 1}


def test_conversions_of_one_source_stay_together() -> None:
    """currency-conversion compares the conversions one source makes for one period."""
    here = _links({"id": "a", "metric": "m.a", "value": "700 billion CNY", "as_of": "2023",
                   "source": "rep"},
                  {"id": "a2", "metric": "m.a", "value": "97 billion USD", "as_of": "2023",
                   "source": "rep", "restates": "a"})
    there = _links({"id": "b", "metric": "m.b", "value": "710 billion CNY", "as_of": "2023",
                    "source": "rep"},
                   {"id": "b2", "metric": "m.b", "value": "104 billion USD", "as_of": "2023",
                    "source": "rep"}, {"id": "f", "metric": "m.b", "source": "rep"})
    assert _sides(here, there) == {"m.a": 1, "m.b": 1}
    # One currency only: no conversion, nothing joins the two metrics.
    there = _links({"id": "b", "metric": "m.b", "value": "710 billion CNY", "as_of": "2023",
                    "source": "rep"}, {"id": "f", "metric": "m.b", "source": "rep"})
    assert _sides(_links({"id": "a", "metric": "m.a", "source": "rep"}), there) == {
        "m.a": 0, "m.b": 1}


def _random_claim(rng: Any, number: int) -> dict[str, Any]:
    """A claim of a few metrics, ids and sources, dated or not, in two currencies or a unit,
    maybe linked to another claim (restates, growth, share, total)."""
    pool = [f"i{n}" for n in range(20)]
    claim: dict[str, Any] = {
        "id": rng.choice(pool) if rng.random() < 0.15 else f"c{number}",
        "metric": f"m{rng.randrange(12)}", "source": f"s{rng.randrange(6)}",
        "value": rng.choice(["1 USD", "7 CNY", "5 tonnes"])}
    if rng.random() < 0.5:
        claim["as_of"] = "2023"
    link = rng.randrange(16)
    if link == 1:
        claim["restates"] = rng.choice(pool)
    elif link == 2:
        claim["growth"] = {"rate": "5%", "start": rng.choice(pool)}
    elif link == 3:
        claim["share"] = {"part": rng.choice(pool), "whole": rng.choice(pool)}
    elif link == 4:
        claim["total"] = {"parts": rng.sample(pool, 2)}
    return claim


def _groups_of_the_whole(here: list[dict[str, Any]], there: list[dict[str, Any]]) -> dict[
        str, int]:
    """The side of each metric from the groups of all claims together, as partition.py's
    top says: a metric joined with what its ids and links reach, and with the metrics whose
    conversions share a source with it; each group where most of its claims are."""
    models = [CLAIM.validate_python({"value": "1 USD", "source": "s", **fields})
              for fields in here + there]
    parent: dict[str, str] = {}

    def find(metric: str) -> str:
        while parent.setdefault(metric, metric) != metric:
            metric = parent[metric]
        return metric

    def join(one: str, other: str) -> None:
        parent[find(other)] = find(one)

    owners: dict[str, str] = {}
    for claim in models:
        join(owners.setdefault(claim.id, claim.metric), claim.metric)
    by_source: dict[str, str] = {}
    codes: dict[str, set[str]] = {}
    for claim in models:
        for _, ref in claim.references():
            if ref in owners:
                join(claim.metric, owners[ref])
        if claim.restates:
            join(claim.metric, by_source.setdefault(claim.source, claim.metric))
        if claim.value is not None and claim.value.unit.kind == "currency" and claim.date:
            codes.setdefault(claim.metric, set()).add(claim.value.unit.code)
    for claim in models:  # a dated money figure of a metric given in two currencies
        if len(codes.get(claim.metric, ())) > 1 and claim.date and claim.value is not None \
                and claim.value.unit.kind == "currency":
            join(claim.metric, by_source.setdefault(claim.source, claim.metric))
    balance: dict[str, int] = {}
    for number, claim in enumerate(models):
        root = find(claim.metric)
        balance[root] = balance.get(root, 0) + (1 if number < len(here) else -1)
    return {claim.metric: int(balance[find(claim.metric)] < 0) for claim in models}


@pytest.mark.parametrize("seed", range(300))
def test_the_trade_plans_the_groups_of_the_whole(seed: int) -> None:
    import random

    rng = random.Random(seed)
    claims = [_random_claim(rng, number) for number in range(rng.randint(2, 40))]
    cut = rng.randint(1, len(claims) - 1)
    here, there = claims[:cut], claims[cut:]
    assert _sides(_links(*here), _links(*there)) == _groups_of_the_whole(here, there)


def _file(claims: int, start: int = 0, sources_after: bool = False) -> str:
    sources = "sources:\n  s:\n    title: T\n    published: 2024-06-01\n"
    items = "".join(f"  - id: c{i}\n    metric: m{i % 7}\n    value: {i + 1} USD\n"
                    f"    as_of: 2024\n    source: s\n" for i in range(start, start + claims))
    return ("claims:\n" + items + sources) if sources_after else (sources + "claims:\n" + items)


@pytest.mark.parametrize("sources_after", [False, True])
def test_a_large_file_is_cut_between_two_claims(tmp_path: Path, sources_after: bool) -> None:
    path = tmp_path / "big.yaml"
    text = _file(40, sources_after=sources_after)
    path.write_text(text, encoding="utf-8")
    found = pieces.shares([str(path)], Limits())
    assert found is not None
    (head_piece,), (tail_piece,) = found
    head, tail = head_piece.part().text.decode(), tail_piece.part().text.decode()
    assert head + tail.removeprefix("claims:\n") == text
    assert tail.startswith("claims:\n  - id: c")
    assert head_piece.claims_before_cut(head.encode()) == tail_piece.part().first_index \
        == head.count("\n  - id:")
    first_tail_claim = text.count("\n", 0, text.index(tail[8:])) + 1
    assert 2 + tail_piece.part().line_shift == first_tail_claim  # the tail's line 2 is its line
    assert tail_piece.part().claims_line == text.splitlines().index("claims:") + 1


ITEMS = "  - id: c\n    metric: m\n    value: 1 USD\n    as_of: 2024\n    source: s\n"
SOURCES = "sources:\n  s:\n    title: T\n"


@needs_fork
@pytest.mark.parametrize(("text", "refused"), [
    # An anchor and its alias: the fast path refuses either part.
    (SOURCES + "claims:\n  - &a {id: a, metric: m, value: 1 USD, source: s}\n" + ITEMS * 30
     + "  - *a\n", "parsed"),
    # The key given twice, before and after the claims: neither part sees both, their keys
    # are compared once both are parsed.
    (SOURCES + "claims:\n" + ITEMS * 40 + SOURCES, "parsed"),
    # A second document.
    ("claims:\n" + ITEMS * 20 + "---\nclaims:\n" + ITEMS * 20, "planned"),
    # The claims key given twice: the parse of the part with both refuses it.
    ("claims:\n" + ITEMS * 15 + "claims:\n" + ITEMS * 25, "parsed"),
    (SOURCES + "claims:\n" + ITEMS * 25 + "claims:\n" + ITEMS * 15, "parsed"),
    # A flow sequence: no claim starts a line.
    ("claims: [" + "{id: c, metric: m, value: 1 USD, source: s}, " * 80 + "]\n", "planned"),
    # A key after the claims, whose items look like claims, above the cut...
    ("claims:\n" + ITEMS * 10 + "other:\n" + ITEMS * 40, "parsed"),
    # ... and at the cut, a key that starts with a dash.
    ("claims:\n" + ITEMS * 20 + "-notes:\n" + ITEMS * 20, "planned"),
    # A claim marker inside a quote: the head would end in the middle of the string.
    ("claims:\n" + "  - id: c\n    quote: \"a\n  - b\"\n" * 30, "parsed"),
])
def test_a_file_is_checked_whole_where_a_cut_may_not_fall_between_claims(
        tmp_path: Path, text: str, refused: str, halves: list[bool]) -> None:
    (tmp_path / "f.yaml").write_text(text, encoding="utf-8")
    _agreeing_reports((str(tmp_path),))
    # Refused when planned: no second process at all; when parsed: the split given up.
    assert halves == ([] if refused == "planned" else [False])


@needs_fork
@pytest.mark.parametrize("limit", [39, 25, 10])
def test_a_cut_file_over_the_claim_limit_is_reported_as_whole(
        tmp_path: Path, limit: int, halves: list[bool]) -> None:
    (tmp_path / "f.yaml").write_text(_file(40), encoding="utf-8")
    whole = _agreeing_reports((str(tmp_path),), overrides={"max_claims": limit})
    assert "over the limit of" in whole[1]
    assert halves == [False]  # each part counts what the whole file holds, and gives up


@needs_fork
@pytest.mark.parametrize("layout", ["crlf", "bom", "comments", "items at the margin"])
def test_a_cut_file_in_other_layouts_gives_the_same_report(
        tmp_path: Path, layout: str, halves: list[bool]) -> None:
    text = _file(40).replace("  - id: c7\n", "# a comment\n  - id: c7\n")
    if layout == "items at the margin":
        text = text.replace("\n  - ", "\n- ").replace("\n    ", "\n  ")
    encoded = {"crlf": text.replace("\n", "\r\n").encode(), "bom": b"\xef\xbb\xbf" + text.encode()
               }.get(layout, text.encode())
    (tmp_path / "f.yaml").write_bytes(encoded)
    _agreeing_reports((str(tmp_path),))
    assert halves == [True]


@needs_fork
@pytest.mark.parametrize("at", [0.2, 0.8])
def test_a_cut_file_with_bytes_that_are_not_utf8_is_reported_as_whole(
        tmp_path: Path, at: float, halves: list[bool]) -> None:
    """yaml-rs reads each part's bytes strictly: the part with the bad byte gives the split up,
    and the whole file's parse says where the byte is."""
    encoded = _file(40).encode()
    bad = encoded.index(b"value:", int(len(encoded) * at))
    (tmp_path / "f.yaml").write_bytes(encoded[:bad] + b"caf\xe9 " + encoded[bad:])
    whole = _agreeing_reports((str(tmp_path),))
    assert "not UTF-8 text: byte 0xe9" in whole[1]
    assert halves == [False]


@needs_fork
@pytest.mark.parametrize("claim", [3, 36])
def test_a_collection_as_a_key_in_a_cut_file_refuses_the_whole_file(
        tmp_path: Path, claim: int, halves: list[bool]) -> None:
    """In the head or the tail, as PyYAML refuses it (loader.CollectionKey)."""
    text = _file(40).replace(f"  - id: c{claim}\n", f"  - id: c{claim}\n    [1, 2]: x\n")
    (tmp_path / "f.yaml").write_text(text, encoding="utf-8")
    whole = _agreeing_reports((str(tmp_path),))
    line = text.splitlines().index("    [1, 2]: x") + 1
    assert f"f.yaml:{line}: error invalid-file: not valid YAML: found unhashable key" in whole[1]
    assert halves == []  # the part's loader raised it in the parent or the child: checked whole


@needs_fork
def test_invalid_and_repeated_sources_across_the_shares_give_the_same_report(
        tmp_path: Path, halves: list[bool]) -> None:
    """Each side gets the first valid declaration of the sources its claims cite, as one
    process keeps it, and the side that declares an invalid one reports it."""
    sources = ("sources:\n  s:\n    title: T\n    published: 2024-06-01\n"
               "  bad:\n    title: B\n    published: 2024-13\n"
               "  twice:\n    title: first\n    colour: red\n")
    later = "sources:\n  twice:\n    title: second\n    published: 2023-01-01\n"
    items = "".join(f"  - id: c{i}\n    metric: m{i % 7}\n    value: {i + 1} USD\n"
                    f"    as_of: 2024\n    source: {('s', 'bad', 'twice')[i % 3]}\n"
                    for i in range(60))
    (tmp_path / "a.yaml").write_text(sources + "claims:\n" + items, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(later + "claims:\n  - id: z\n    metric: m1\n"
                                     "    value: 1 USD\n    as_of: 2024\n    source: twice\n",
                                     encoding="utf-8")
    whole = _agreeing_reports((str(tmp_path),))
    assert "source 'bad'" in whole[1] and "source 'twice'" in whole[1]
    assert halves == [True]


def test_whole_files_make_the_shares_where_they_are_even_enough(tmp_path: Path) -> None:
    paths = []
    for number, claims in enumerate([30, 30, 31, 29]):
        paths.append(tmp_path / f"f{number}.yaml")
        paths[-1].write_text(_file(claims, start=number * 100), encoding="utf-8")
    found = pieces.shares([str(path) for path in paths], Limits())
    assert found is not None
    assert [[piece.number for piece in share] for share in found] == [[0, 1], [2, 3]]
    assert all(piece.cut is None for share in found for piece in share)


DEFAULT_RULES = str(ROOT / "claimcheck" / "data" / "default.yaml")  # no custom rules


def _reports(paths: tuple[str, ...], keep_claims: bool,
             overrides: dict[str, int] | None = None) -> list[str]:
    report = check_paths(Settings(paths=paths, rules=DEFAULT_RULES, jobs=2,
                                  keep_claims=keep_claims, overrides=overrides or {}))
    assert (report.claimset is None) is not keep_claims
    return [formatter(name)(report, False) for name in ("json", "text", "sarif", "github")]


def _agreeing_reports(paths: tuple[str, ...],
                      overrides: dict[str, int] | None = None) -> list[str]:
    """The reports of the run checked whole, once the split run is shown to give the same."""
    whole = _reports(paths, keep_claims=True, overrides=overrides)
    assert _reports(paths, keep_claims=False, overrides=overrides) == whole
    return whole


@pytest.fixture
def halves(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Split runs of any size; lists, per run that got as far as two processes, whether it
    was checked in them (False: the split was given up after the parse)."""
    monkeypatch.setattr(pieces, "SPLIT_FROM_BYTES", 0)
    runs: list[bool] = []
    original = split._parent

    def recorded(*args: Any) -> Any:
        outcomes = original(*args)
        runs.append(outcomes is not None)
        return outcomes

    monkeypatch.setattr(split, "_parent", recorded)
    return runs


@needs_fork
@pytest.mark.parametrize("where", ["claims", "synthetic", "one file"])
def test_two_halves_give_the_same_report(where: str, synthetic: Path, tmp_path: Path,
                                         halves: list[bool],
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    paths = {"claims": ("claims",), "synthetic": (str(synthetic),),
             "one file": (str(_one_file(synthetic, tmp_path)),)}[where]
    whole = _agreeing_reports(paths)
    assert halves == [True]
    assert '"uncheckable": [' in whole[0]
    assert where == "claims" or '"invalid-file"' in whole[0]


def _one_file(folder: Path, tmp_path: Path) -> Path:
    """The generated files' sources and claims in one file, to be cut in two."""
    import yaml

    sources: dict[str, Any] = {}
    claims: list[Any] = []
    for path in sorted(folder.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        sources.update(data.get("sources") or {})
        claims += data.get("claims") or []
    joined = tmp_path / "joined.yaml"
    joined.write_text(yaml.safe_dump({"sources": sources, "claims": claims}, sort_keys=False,
                                     allow_unicode=True, default_flow_style=False, indent=2,
                                     width=200), encoding="utf-8")  # items at the margin
    return joined


@needs_fork
def test_a_group_given_to_the_child_takes_the_sources_it_alone_cites(
        tmp_path: Path, halves: list[bool]) -> None:
    """The parent's one claim of `g` goes where the group's other three are, with the source
    only it cites: the child checks it against that source's date, and finds it declared."""
    fillers = "".join(f"  - id: f{i}\n    metric: f{i}\n    value: 1 USD\n    as_of: 2019\n"
                      f"    source: s\n" for i in range(20))
    group = "".join(f"  - id: g{i}\n    metric: g\n    value: 1 USD\n    as_of: 2019\n"
                    f"    source: s\n" for i in range(3))
    (tmp_path / "a.yaml").write_text(
        "sources:\n  s:\n    title: T\n    published: 2020-01-01\n"
        "  late:\n    title: L\n    published: 2020-01-01\n"
        "claims:\n  - id: g9\n    metric: g\n    value: 1 USD\n    as_of: 2024\n"
        "    source: late\n" + fillers, encoding="utf-8")
    (tmp_path / "b.yaml").write_text("claims:\n" + group + fillers.replace("id: f", "id: h"),
                                     encoding="utf-8")
    whole = _agreeing_reports((str(tmp_path),))
    assert halves == [True]
    assert '"rule": "date-order"' in whole[0] and "unknown-reference" not in whole[0]


@needs_fork
def test_a_failing_child_is_checked_again_in_the_parent(
        synthetic: Path, halves: list[bool], monkeypatch: pytest.MonkeyPatch) -> None:
    whole = _reports((str(synthetic),), keep_claims=True)
    parent = os.getpid()
    original = split._Share.check

    def fails_in_the_child(*args: Any, **kwargs: Any) -> Any:
        if os.getpid() != parent:
            raise RuntimeError("lost in the child")
        return original(*args, **kwargs)

    monkeypatch.setattr(split._Share, "check", fails_in_the_child)
    assert _reports((str(synthetic),), keep_claims=False) == whole
    assert halves == []  # ChildLost: the parent's halves were dropped for the whole run


def test_small_runs_and_custom_rules_stay_in_one_process(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.setattr(split, "Partner", lambda *args: pytest.fail("split"))
    assert check_paths(Settings(paths=("claims",), rules=DEFAULT_RULES, jobs=2,
                                keep_claims=False)).findings
    monkeypatch.setattr(pieces, "SPLIT_FROM_BYTES", 0)
    monkeypatch.setattr(split, "check_in_halves", lambda *args: pytest.fail("split"))
    # The repository's rules/ folder has custom rules: they may relate any two claims.
    report = check_paths(Settings(paths=("claims",), rules="rules", jobs=2, keep_claims=False))
    assert report.claimset is not None


METRICS = ["m.a", "m.b", "m.c", "m.d"]
VALUES = ["100 USD", "100 USD", "720 CNY", "1,000 USD", "10%", "5 companies", "¥5", "bad"]


def _random_file(rng: Any, number: int) -> str:
    """Claims over few metrics and ids, so links, duplicates and clashes are common."""
    lines = ["sources:", f"  s{number}:", "    title: T", "    published: 2024-06-01", "claims:"]
    for _ in range(rng.randint(1, 12)):
        ident = f"c{rng.randint(0, 15)}"
        lines += [f"  - id: {ident}"]
        if rng.random() < 0.9:
            lines.append(f"    metric: {rng.choice(METRICS)}")
        lines += [f"    value: {rng.choice(VALUES)}", f"    as_of: {rng.choice(['2023', '2024'])}",
                  f"    source: s{rng.randint(0, 2)}"]
        link = rng.random()
        if link < 0.15:
            lines.append(f"    restates: c{rng.randint(0, 15)}")
        elif link < 0.3:
            lines.append(f"    total: {{parts: [c{rng.randint(0, 15)}, c{rng.randint(0, 15)}]}}")
        elif link < 0.4:
            part, whole = rng.randint(0, 15), rng.randint(0, 15)
            lines.append(f"    share: {{part: c{part}, whole: c{whole}}}")
        if rng.random() < 0.1:
            rule = rng.choice(["invalid-file", "redated-figure"])
            lines += ["    ignore:", f"      - rule: {rule}", "        reason: checked by hand"]
    return "\n".join(lines) + "\n"


@needs_fork
@pytest.mark.parametrize("seed", range(12))
def test_random_claim_sets_give_the_same_report_in_halves(
        seed: int, tmp_path: Path, halves: list[bool]) -> None:
    import random

    rng = random.Random(seed)
    files = [_random_file(rng, number) for number in range(rng.randint(1, 3))]
    for number, text in enumerate(files):
        (tmp_path / f"f{number}.yaml").write_text(text, encoding="utf-8")
    _agreeing_reports((str(tmp_path),))
    # All in one file, cut in two wherever the middle falls.
    one = tmp_path / "one"
    one.mkdir()
    text = files[0] + "".join(f.split("claims:\n", 1)[1] for f in files[1:])
    (one / "all.yaml").write_text(text, encoding="utf-8")
    _agreeing_reports((str(one),))
    assert len(halves) == 2 and halves[1]


@needs_fork
def test_claims_without_ids_in_a_cut_file_are_numbered_as_in_the_whole(
        tmp_path: Path, halves: list[bool]) -> None:
    text = _file(60) + "  - metric: m.x\n    value: 1 USD\n"  # in the tail: claim 61
    (tmp_path / "f.yaml").write_text(text, encoding="utf-8")
    whole = _agreeing_reports((str(tmp_path),))
    assert "claim 61: " in whole[1]
    assert halves == [True]


@needs_fork
def test_conversions_of_one_source_in_two_files_are_compared(
        tmp_path: Path, halves: list[bool]) -> None:
    """Two metrics, each converted by one source for 2023 at rates 5% apart."""
    for name, metric, cny, usd in [("a", "m.a", 700, 97), ("b", "m.b", 710, 104)]:
        (tmp_path / f"{name}.yaml").write_text(
            ("sources:\n  rep:\n    title: One report\n    published: 2024-06-01\n"
             if name == "a" else "") +
            f"claims:\n  - {{id: {name}-cny, metric: {metric}, value: {cny} billion CNY, "
            f"as_of: 2023, source: rep}}\n  - {{id: {name}-usd, metric: {metric}, value: "
            f"{usd} billion USD, restates: {name}-cny, as_of: 2023, source: rep}}\n",
            encoding="utf-8")
    whole = _agreeing_reports((str(tmp_path),))
    assert "converts USD and CNY at two rates" in whole[1]
    assert halves == [True]


@needs_fork
def test_one_big_component_is_sent_over_and_splits_its_rules(
        tmp_path: Path, halves: list[bool], monkeypatch: pytest.MonkeyPatch) -> None:
    from claimcheck import rulerun

    claims = "".join(f"  - id: p{i}\n    metric: price\n    value: {i} USD\n    as_of: 2024\n"
                     "    source: s\n" for i in range(30))
    (tmp_path / "prices.yaml").write_text("sources:\n  s:\n    title: T\nclaims:\n" + claims,
                                          encoding="utf-8")
    whole = _reports((str(tmp_path),), keep_claims=True)
    monkeypatch.setattr(rulerun, "FORK_FROM_CLAIMS", 0)
    lanes: list[int] = []
    original = rulerun._in_two_processes
    monkeypatch.setattr(rulerun, "_in_two_processes",
                        lambda *args: lanes.append(1) or original(*args))
    assert _reports((str(tmp_path),), keep_claims=False) == whole
    assert halves == [True] and lanes == [1]


def test_an_outcome_crosses_as_rows_and_comes_back_whole(synthetic: Path) -> None:
    """A child's Outcome is pickled as rows of plain values (engine.Outcome.__reduce__)."""
    import pickle

    from claimcheck import engine
    from claimcheck.findings import Location
    from claimcheck.loader import load_paths
    from claimcheck.ruleset import load_ruleset

    claimset, load_findings = load_paths([str(synthetic)])
    outcome = engine.check(claimset, load_findings, load_ruleset(DEFAULT_RULES))
    assert outcome.findings and outcome.uncheckable and outcome.ignored is not None
    again = pickle.loads(pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL))
    fields = ("rule", "message", "claims", "locations", "details", "severity", "demote")
    assert [[getattr(f, name) for name in fields] for f in again.findings] == \
        [[getattr(f, name) for name in fields] for f in outcome.findings]
    assert again.uncheckable == outcome.uncheckable
    assert (again.ignored, again.claims, again.checked) == \
        (outcome.ignored, outcome.claims, outcome.checked)
    assert all(type(at) is Location for f in again.findings for at in f.locations)
