"""Loading claim files: lines of claims and sources, and one `invalid-file` finding per problem.

Every test runs under both YAML parsers (yaml-rs fast path, PyYAML exact path) and asserts
the finding's message and its 1-based line.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from claimcheck.api import Settings, check_paths
from claimcheck.findings import Finding
from claimcheck.loader import LoadedFile, load_file, load_paths

EXPECTED_VALUE = "expected NUMBER [SCALE] [UNIT], e.g. '600 billion CNY', '$83.45 billion', '15.6%'"
DATES = "a date like 2024, 2024-H1, 2024-Q3, 2024-09 or 2024-09-30"
SOURCE = "sources:\n  s:\n    title: A\n"


@pytest.fixture(params=["fast", "pyyaml"])
def parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    if request.param == "pyyaml":
        monkeypatch.setenv("CLAIMCHECK_PARSER", "pyyaml")
    else:
        monkeypatch.delenv("CLAIMCHECK_PARSER", raising=False)
    return str(request.param)


def put(tmp_path: Path, text: str, name: str = "claims.yaml") -> str:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return str(path)


def load(tmp_path: Path, text: str) -> LoadedFile:
    return load_file(put(tmp_path, text))


def found(findings: list[Finding] | tuple[Finding, ...]) -> list[tuple[int, str]]:
    return [(f.locations[0].line, f.message) for f in findings]


def only(loaded: LoadedFile) -> tuple[int, str]:
    assert len(loaded.findings) == 1, found(loaded.findings)
    finding = loaded.findings[0]
    assert finding.rule == "invalid-file"
    assert finding.locations[0].file == loaded.path
    return finding.locations[0].line, finding.message


VALID = """\
# a comment
sources:
  src-a:
    title: A
    published: 2025-03-05
  "src-b":
    publisher: B

claims:
  - id: c1
    metric: m.x
    value: 600 billion CNY
    as_of: 2024-09
    source: src-a

  -   id: c2
      metric: m.x
      value: $83.45 billion
      qualifier: close to
      source: src-b
  -
    # the first key is on the next line
    id: c3
    metric: m.y
    value: 15.6%
    source: src-a
"""


def test_valid_file_lines(tmp_path: Path, parser: str) -> None:
    loaded = load(tmp_path, VALID)
    assert loaded.findings == []
    assert [(c.id, c.location.line) for c in loaded.claims] == [("c1", 10), ("c2", 16), ("c3", 23)]
    assert {k: s.location.line for k, s in loaded.sources.items()} == {"src-a": 3, "src-b": 6}
    assert {c.location.file for c in loaded.claims} == {loaded.path}
    assert loaded.sources["src-b"].id == "src-b"


def test_valid_file_values(tmp_path: Path, parser: str) -> None:
    claims = {c.id: c for c in load(tmp_path, VALID).claims}
    assert claims["c1"].value is not None and claims["c1"].value.magnitude == 600 * 10**9
    assert claims["c2"].qualifier.value == "nearly"
    assert claims["c1"].as_of is not None and claims["c1"].as_of.text == "2024-09"


def test_unquoted_yaml_date_is_accepted(tmp_path: Path, parser: str) -> None:
    loaded = load(tmp_path, SOURCE + """\
claims:
  - id: a
    metric: m
    value: 5 t
    as_of: 2025-03-05
    source: s
""")
    assert loaded.findings == []
    as_of = loaded.claims[0].as_of
    assert as_of is not None and str(as_of.start) == str(as_of.end) == "2025-03-05"
    published = loaded.sources["s"].published
    assert published is None


def test_invalid_yaml_at_the_line_of_the_error(tmp_path: Path, parser: str) -> None:
    loaded = load(tmp_path, "claims:\n  - id: [a\n    metric: m\n")
    assert only(loaded) == (3, "not valid YAML: did not find expected ',' or ']'")
    assert loaded.claims == []


def test_invalid_yaml_indentation(tmp_path: Path, parser: str) -> None:
    loaded = load(tmp_path, SOURCE + "claims:\n  - id: a\n   metric: m\n")
    line, message = only(loaded)
    assert line == 6
    assert message.startswith("not valid YAML: ")


BAD = SOURCE + """\
claims:
  - id: ok1
    metric: m
    value: 5 companies
    source: s
  - id: bad1
    metric: m
    value: 5 companies
    projection: "yes"
    source: s
  - id: 123
    metric: m
    value: 5 companies
    source: s
  - id: bad3
    metric: m
    value: 5 companies
    colour: red
    source: s
  - id: bad4
    metric: m
    source: s
  - id: bad5
    value: 5 companies
  - just a string
  - id: bad7
    metric: m
    value: ¥600 billion
    source: s
  - id: ok2
    metric: m
    value: 6 companies
    source: s
"""


def test_bad_claims_each_a_finding_at_its_line(tmp_path: Path, parser: str) -> None:
    loaded = load(tmp_path, BAD)
    assert found(loaded.findings) == [
        (9, "claim 'bad1': projection: expected true or false, got a string 'yes'"),
        (14, "claim 3: id: expected a string, got a number 123"),
        (18, ("claim 'bad3': unknown field `colour` (a typo? see `claimcheck schema` for the "
             "fields)")),
        (23, "claim 'bad4': a claim needs a `value` or a `growth`"),
        (26, "claim 'bad5': missing required field `metric`; missing required field `source`"),
        (28, "claim 7 must be a mapping of fields (id, metric, value, ...), got a string"),
        (29, ("claim 'bad7': value: '¥600 billion': ¥ is used for both CNY and JPY; write 600 "
             "billion CNY or JPY")),
    ]
    assert {f.rule for f in loaded.findings} == {"invalid-file"}
    assert [f.claims for f in loaded.findings] == [
        ("bad1",), (), ("bad3",), ("bad4",), ("bad5",), (), ("bad7",)]


def test_one_bad_claim_does_not_hide_the_others(tmp_path: Path, parser: str) -> None:
    loaded = load(tmp_path, BAD)
    assert [(c.id, c.location.line) for c in loaded.claims] == [("ok1", 5), ("ok2", 33)]


WRONG_TYPES = [
    ("projection: yes", "projection: expected true or false, got a string 'yes'"),
    ("metric: 5", "metric: expected a string, got a number 5"),
    ("value: [1, 2]", f"value: {EXPECTED_VALUE} or {{amount, unit}}, got list"),
    ("value: 5", ("value: 5 has no unit; write it as a string with its unit ('5 companies', "
                 "'5%', '5 index points'), quoted alone for a bare number such as an index "
                 "level ('5'), or as {amount, unit}")),
    ("qualifier: ish", ("qualifier: 'ish' is not a qualifier; expected one of exact, about, "
                       "nearly, over, under, at-least, at-most (or more than, close to, "
                       "approximately, almost, roughly, up to)")),
    ("as_of: 2024.5", f"as_of: 2024.5: expected {DATES}, got float"),
    ("as_of: 2025-13", f"as_of: '2025-13': month 13 does not exist; expected {DATES}"),
    ("as_of: 2024-02-30", f"as_of: '2024-02-30': February 2024 has 29 days; expected {DATES}"),
    ("period: {from: 2024, to: 2024-Q5}", f"period.to: '2024-Q5' is not {DATES}"),
    ("period: 2024-Q5", f"period: '2024-Q5' is not {DATES}"),
    ("period: [2024]", "period: expected a date (2024-Q3) or a mapping {from: DATE, to: DATE}, "
                       "got a list"),
    ("ignore: x", "ignore: expected a list, got a string 'x'"),
    ("location: here", ("unknown field `location` (a typo? see `claimcheck schema` for the "
                       "fields)")),
    ("date: 2024", "unknown field `date` (a typo? see `claimcheck schema` for the fields)"),
    ("growth: {rate: 5 t}", "growth: rate: expected a percentage like 15.6%, got '5 t'"),
    ("growth: {rate: 0.112}", ("growth.rate: 0.112 has no unit: a growth rate is a percentage; "
                               "write '11.2%' for 0.112 as a fraction, or '0.112%'")),
    ("growth: {rate: 15}", "growth.rate: 15 has no unit: a growth rate is a percentage; "
                           "write '15%'"),
    ("growth: {rate: .nan}", "growth.rate: nan is not a number; a growth rate is a percentage "
                              "like 15.6%"),
    ("growth: {rate: -.inf}", "growth.rate: -inf is not a number; a growth rate is a percentage "
                             "like 15.6%"),
    ("growth: {rate: '0.112'}", ("growth.rate: '0.112' has no unit: a growth rate is a "
                                 "percentage; write '11.2%' for 0.112 as a fraction, or '0.112%'")),
]


@pytest.mark.parametrize(("field", "message"), WRONG_TYPES, ids=[w[0] for w in WRONG_TYPES])
def test_wrong_types(tmp_path: Path, parser: str, field: str, message: str) -> None:
    fields = {"id": "t", "metric": "m", "value": "5 t", "source": "s"}
    key, _, raw = field.partition(": ")
    fields[key] = raw
    body = "\n    ".join(f"{k}: {v}" for k, v in fields.items())
    loaded = load(tmp_path, SOURCE + "claims:\n  - id: ok\n    metric: m\n    value: 5 t\n"
                  f"    source: s\n  - {body}\n")
    assert only(loaded) == (9, f"claim 't': {message}")
    assert [c.id for c in loaded.claims] == ["ok"]


@pytest.mark.parametrize(("value", "key"), [("PKR 2,281 billion", "281 billion"),
                                             ("-£22,000", "0")])
def test_a_comma_in_a_flow_mapping_is_named(tmp_path: Path, parser: str, value: str,
                                            key: str) -> None:
    loaded = load(tmp_path, SOURCE + f"claims:\n  - {{id: t, metric: m, value: {value}, "
                  "source: s}\n")
    assert only(loaded) == (5, f"claim 't': `{key}` looks like the rest of a number cut at its "
                            "comma: inside `{...}` a comma ends the value, so quote it (value: "
                            '"PKR 2,281 billion")')


@pytest.mark.parametrize("period", ["2024-Q3", "2024", "2024-09-30"])
def test_a_period_of_one_date_runs_from_and_to_it(tmp_path: Path, parser: str,
                                                  period: str) -> None:
    loaded = load(tmp_path, SOURCE + f"claims:\n  - {{id: t, metric: m, value: 5 t, "
                  f"period: {period}, source: s}}\n")
    [claim] = loaded.claims
    assert claim.period is not None
    assert claim.period.start.text == claim.period.end.text == period


def test_bad_id(tmp_path: Path, parser: str) -> None:
    loaded = load(tmp_path, SOURCE + "claims:\n  - id: t9 bad\n    metric: m\n    value: 5 t\n"
                  "    source: s\n")
    assert only(loaded) == (
        5, "claim 't9 bad': id: 't9 bad' is not an id (letters, digits, `.`, `_`, `-`)")


def test_bad_sources(tmp_path: Path, parser: str) -> None:
    loaded = load(tmp_path, """\
sources:
  s:
    author: X
  t:
    title: T
    published: 2025-13
  ok:
    title: fine
  u:
    title: U
    id: u
""")
    assert found(loaded.findings) == [
        (2, "source 's': a source needs a `title` or a `publisher`"),
        (4, f"source 't': published: '2025-13': month 13 does not exist; expected {DATES}"),
        (9, "source 'u': unknown field `id` (a typo? see `claimcheck schema` for the fields)"),
    ]
    assert [f.claims for f in loaded.findings] == [("s",), ("t",), ("u",)]
    assert list(loaded.sources) == ["ok"]
    assert loaded.sources["ok"].location.line == 7


def test_source_that_is_not_a_mapping(tmp_path: Path, parser: str) -> None:
    loaded = load(tmp_path, "sources:\n  t: 5\n")
    assert only(loaded) == (2, "source 't': expected a mapping, got a number 5")


def test_top_level_list(tmp_path: Path, parser: str) -> None:
    loaded = load(tmp_path, "- a\n- b\n")
    assert only(loaded) == (
        1, "expected a mapping with `sources` and `claims` at the top, got a list")


def test_claims_as_a_scalar(tmp_path: Path, parser: str) -> None:
    loaded = load(tmp_path, SOURCE + "claims: hello\n")
    assert only(loaded) == (4, "`claims` must be a list of claims, got a string")


def test_sources_as_a_list(tmp_path: Path, parser: str) -> None:
    loaded = load(tmp_path, "# x\nsources:\n  - a\n")
    assert only(loaded) == (2, "`sources` must be a mapping of source id to source, got a list")


def test_unknown_top_level_key(tmp_path: Path, parser: str) -> None:
    loaded = load(tmp_path, SOURCE + "claim:\n  - id: a\n")
    assert only(loaded) == (4, "unknown top-level key 'claim'; expected `sources` and `claims`")
    assert list(loaded.sources) == ["s"]


@pytest.mark.parametrize("text", ["", "# only\n# comments\n", "\n\n", "---\n"])
def test_empty_and_comment_only_files(tmp_path: Path, parser: str, text: str) -> None:
    loaded = load(tmp_path, text)
    assert (loaded.findings, loaded.claims, loaded.sources) == ([], [], {})


def test_sources_only_file(tmp_path: Path, parser: str) -> None:
    loaded = load(tmp_path, SOURCE)
    assert loaded.findings == [] and list(loaded.sources) == ["s"]


def test_non_utf8_bytes(tmp_path: Path, parser: str) -> None:
    path = tmp_path / "latin.yaml"
    path.write_bytes(b"claims:\n  - id: a\n    quote: \"caf\xe9\"\n")
    loaded = load_file(str(path))
    assert only(loaded) == (3, ("not UTF-8 text: byte 0xe9 at offset 33 cannot be decoded; "
                               "save the file as UTF-8"))


def test_bom_is_accepted(tmp_path: Path, parser: str) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes("\ufeff".encode() + (SOURCE + "claims:\n  - id: a\n    metric: m\n"
                                          "    value: 5 t\n    source: s\n").encode())
    loaded = load_file(str(path))
    assert loaded.findings == []
    assert [(c.id, c.location.line) for c in loaded.claims] == [("a", 5)]
    assert loaded.sources["s"].location.line == 2


def test_duplicate_key_in_a_claim(tmp_path: Path, parser: str) -> None:
    loaded = load(tmp_path, SOURCE + """\
claims:
  - id: a
    metric: m
    metric: n
    value: 5 t
    source: s
""")
    assert only(loaded) == (5, "claim 'a': duplicate key 'metric' at line 7 (first at line 6); "
                               "a mapping names each key once")


def test_duplicate_source_key(tmp_path: Path, parser: str) -> None:
    loaded = load(tmp_path, "sources:\n  a: {title: x}\n  a: {title: y}\n")
    assert only(loaded) == (3, "source 'a': duplicate key 'a' at line 3 (first at line 2); "
                               "a mapping names each key once")


def test_duplicate_key_does_not_hide_other_claims(tmp_path: Path, parser: str) -> None:
    loaded = load(tmp_path, SOURCE + """\
claims:
  - id: good
    metric: m
    value: 5 t
    source: s
  - id: a
    metric: m
    metric: n
    value: 5 t
    source: s
""")
    assert [c.id for c in loaded.claims] == ["good"]


def test_duplicate_id_within_a_file(tmp_path: Path, parser: str) -> None:
    path = put(tmp_path, SOURCE + """\
claims:
  - id: a
    metric: m
    value: 5 t
    source: s
  - id: a
    metric: m
    value: 6 t
    source: s
""")
    claimset, findings = load_paths([path])
    assert found(findings) == [(9, (f"duplicate claim id 'a': already declared at {path}:5; "
                                   "ids are unique across all files of a run"))]
    assert findings[0].claims == ("a",)
    assert [c.location.line for c in claimset.claims] == [5]   # the first one is kept


def test_duplicate_ids_across_two_files(tmp_path: Path, parser: str) -> None:
    first = put(tmp_path, SOURCE + "claims:\n  - id: a\n    metric: m\n    value: 5 t\n"
                "    source: s\n", "a.yaml")
    second = put(tmp_path, "# second\n" + SOURCE + "claims:\n  - id: x\n    metric: m\n"
                 "    value: 5 t\n    source: s\n  - id: a\n    metric: m\n    value: 6 t\n"
                 "    source: s\n", "b.yaml")
    claimset, findings = load_paths([str(tmp_path)])
    assert [(f.locations[0].file, f.locations[0].line, f.message) for f in findings] == [
        (second, 3, (f"duplicate source id 's': already declared at {first}:2; ids are unique "
                    "across all files of a run")),
        (second, 10, (f"duplicate claim id 'a': already declared at {first}:5; ids are unique "
                     "across all files of a run")),
    ]
    assert sorted(c.id for c in claimset.claims) == ["a", "x"]
    assert claimset.by_id["a"].location.file == first


def test_dangling_references(tmp_path: Path, parser: str, monkeypatch: pytest.MonkeyPatch
                             ) -> None:
    monkeypatch.chdir(tmp_path)  # no project rules/ folder
    put(tmp_path, SOURCE + """\
claims:
  - id: a
    metric: m
    value: 5 t
    source: nowhere
  - id: b
    metric: m
    value: 5 t
    restates: zz
    source: s
  - id: c
    metric: m
    share: {part: a, whole: missing-whole}
    value: 5%
    source: s
""")
    report = check_paths(Settings(paths=(str(tmp_path),), jobs=1))
    dangling = [f for f in report.findings if f.rule == "unknown-reference"]
    assert found(dangling) == [
        (5, "claim 'a': source 'nowhere' is declared in no file of this run"),
        (9, "claim 'b': restates refers to claim 'zz', which is declared in no file of this run"),
        (14, ("claim 'c': share.whole refers to claim 'missing-whole', which is declared in no "
             "file of this run")),
    ]
    assert [f.severity.value if f.severity else None for f in dangling] == ["error"] * 3


def test_references_resolve_across_files(tmp_path: Path, parser: str,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    put(tmp_path, SOURCE, "sources.yaml")
    put(tmp_path, "claims:\n  - id: a\n    metric: m\n    value: 5 t\n    source: s\n", "c.yaml")
    report = check_paths(Settings(paths=(str(tmp_path),), jobs=1))
    assert [f for f in report.findings if f.rule in ("unknown-reference", "invalid-file")] == []


def test_empty_amount_is_a_finding_not_a_crash(tmp_path: Path, parser: str) -> None:
    loaded = load(tmp_path, SOURCE + "claims:\n  - id: a\n    metric: m\n"
                  "    value: {amount: \"\"}\n    source: s\n")
    line, message = only(loaded)
    assert line == 5 and message.startswith("claim 'a': value: ")


def test_a_growth_rate_in_basis_points_says_how_to_write_a_change(
        write: Callable[[dict[str, str]], Path]) -> None:
    folder = write({"g.yaml": "sources: {s: {title: T}}\nclaims:\n"
                    "  - {id: g, metric: m, growth: {rate: 50 bps, kind: total}, source: s}\n"})
    loaded = load_file(str(folder / "g.yaml"))
    assert [f.message for f in loaded.findings] == [
        "claim 'g': growth: rate: '50 bps' is a change between two percentages, not a growth "
        "rate: give the new rate `total: {parts: [old rate, change]}`"]


def test_claims_of_one_period_share_it_and_a_float_is_no_year() -> None:
    from pydantic import TypeAdapter, ValidationError

    from claimcheck.model import Claim

    adapter = TypeAdapter(Claim)
    body = {"id": "a", "metric": "m", "value": "5 km", "source": "s"}
    first = adapter.validate_python({**body, "period": {"from": 2024, "to": 2025}})
    again = adapter.validate_python({**body, "period": {"to": 2025, "from": 2024}})
    assert first.period is again.period and str(first.date) == "2024-01-01..2025-12-31"
    texts = adapter.validate_python({**body, "period": {"from": "2024", "to": "2025"}})
    assert texts.period == first.period
    with pytest.raises(ValidationError, match="period.from"):  # 2024.0 == 2024, but no year
        adapter.validate_python({**body, "period": {"from": 2024.0, "to": 2025}})



DATED = [
    {"id": "a", "metric": "m", "value": "1 USD", "as_of": "2024-09", "source": "s"},
    {"id": "p", "metric": "m", "value": "2 USD", "period": {"from": "2024-Q1", "to": "2024-Q3"},
     "source": "s"},
    {"id": "q", "metric": "m", "value": "3 USD", "period": 2023, "source": "s"},
    {"id": "n", "metric": "m", "value": "4 USD", "source": "s"},
    {"id": "g", "metric": "m", "growth": {"rate": "5%", "from": 2020, "to": 2024}, "source": "s"},
    {"id": "none", "metric": "m", "as_of": 2024, "source": "s"},
]


def test_claims_validated_in_bulk_equal_claims_validated_alone(tmp_path: Path,
                                                               parser: str) -> None:
    """The bulk validation leaves the figure check and the date to the loader's loop
    (model.checked_later); a claim comes out as the full validation makes it."""
    import dataclasses
    import json

    from pydantic import TypeAdapter

    from claimcheck import loader
    from claimcheck.model import Claim, checked_later

    assert checked_later(loader._CLAIM.core_schema) is not loader._CLAIM.core_schema
    text = SOURCE + "claims:\n" + "".join(f"  - {json.dumps(body)}\n" for body in DATED)
    loaded = load(tmp_path, text)
    assert found(loaded.findings) == [(10, "claim 'none': a claim needs a `value` or a `growth`")]
    alone = TypeAdapter(Claim)
    fields = [field.name for field in dataclasses.fields(Claim) if field.name != "location"]
    for claim, body in zip(loaded.claims, DATED, strict=False):
        expected = alone.validate_python(body)
        assert [getattr(claim, name) for name in fields] == [
            getattr(expected, name) for name in fields]
    assert [str(c.date) for c in loaded.claims] == ["2024-09", "2024-01-01..2024-09-30",
                                                    "2023-01-01..2023-12-31", "None", "None"]


@pytest.mark.parametrize("ids", [["a", "b", "c"], ["a", "b", "a", "c", "b"]])
def test_the_loaders_index_by_id_is_the_one_claimset_builds(ids: list[str]) -> None:
    """unique_claims hands its dict on as the ClaimSet's by_id; built by the ClaimSet
    itself from the same claims, it is the same: the same ids, in order, the same claims."""
    from claimcheck.claimset import ClaimSet
    from claimcheck.findings import Location
    from claimcheck.loader import _SET_LOCATION, merge, unique_claims
    from claimcheck.model import Claim

    claims = [Claim(id=ident, metric="m", value=f"{n} t", source="s") for n, ident in
              enumerate(ids)]
    for line, claim in enumerate(claims, 1):
        _SET_LOCATION(claim, Location("f.yaml", line))
    by_id, duplicates = unique_claims(claims)
    assert len(duplicates) == len(ids) - len(set(ids))
    handed = ClaimSet(list(by_id.values()), {}, by_id=by_id)
    built = ClaimSet(list(by_id.values()), {})
    assert list(handed.by_id.items()) == list(built.by_id.items())
    assert [id(claim) for claim in handed.by_id.values()] == [
        id(claims[ids.index(ident)]) for ident in dict.fromkeys(ids)]  # the first of each
    merged, _ = merge([LoadedFile("f.yaml", claims)], ["f.yaml"])
    assert list(merged.by_id.items()) == list(built.by_id.items())
    assert merged.claims == built.claims


def test_an_absent_ignore_is_one_shared_empty_tuple_and_the_schema_states_no_default(
        ) -> None:
    """`ignore` defaults to () (no list built for each claim), validated in bulk or alone;
    given, it is the list as validated; the JSON Schema is as when a list was built."""
    from claimcheck import loader
    from claimcheck.model import ClaimFile

    bodies = [{"id": "a", "metric": "m", "value": "1 t", "source": "s"},
              {"id": "b", "metric": "m", "value": "1 t", "source": "s",
               "ignore": [{"rule": "r", "reason": "why"}]}]
    bulk = loader._CLAIMS.validate_python(bodies)
    alone = [loader._CLAIM.validate_python(body) for body in bodies]
    assert bulk[0].ignore == () and alone[0].ignore == ()
    assert bulk[0].ignore is alone[0].ignore
    assert [i.rule for i in bulk[1].ignore] == [i.rule for i in alone[1].ignore] == ["r"]
    assert isinstance(bulk[1].ignore, list) and isinstance(alone[1].ignore, list)
    schema = ClaimFile.model_json_schema()["$defs"]["Claim"]["properties"]["ignore"]
    assert schema == {"items": {"$ref": "#/$defs/Ignore"}, "title": "Ignore", "type": "array"}
