"""User-defined rules (`custom:` in a rule set), run end to end through the API and the CLI."""

from __future__ import annotations

import subprocess
import sys
from fractions import Fraction
from pathlib import Path

import pytest

from claimcheck.api import Settings, check_paths
from claimcheck.custom import Quantity, compare, evaluate, parse_expression, show
from claimcheck.errors import UsageError
from claimcheck.findings import Finding, Severity
from claimcheck.interval import Interval

SOURCE = """sources:
  src:
    title: Test source
    published: 2025-06-01
claims:
"""
CONVERSION = SOURCE + """
  - id: cny
    metric: cn.ai.scale
    value: 600 billion CNY
    qualifier: nearly
    as_of: 2025-04
    source: src
  - id: usd
    metric: cn.ai.scale.usd
    value: $83.45 billion
    qualifier: nearly
    as_of: 2025-04
    source: src
"""
PATENTS = SOURCE + """
  - id: p1
    metric: patents
    value: 1.2 million patents
    source: src
  - id: p2
    metric: patents
    value: 7 million patents
    source: src
  - id: p3
    metric: patents
    value: 900,000 patents
    source: src
"""


def run(write, claims: str, rules: str, name: str | None = None) -> list[Finding]:
    """Findings of the custom rules (or of the one named) for one claim file and rule set."""
    folder = write({"claims.yaml": claims, "rules.yaml": rules})
    report = check_paths(Settings(paths=(str(folder / "claims.yaml"),),
                                  rules=str(folder / "rules.yaml"), jobs=1))
    builtin = {"currency-conversion", "conflicting-values", "redated-figure", "scale-slip",
               "unit-mismatch", "date-order", "unknown-reference", "invalid-file",
               "growth-arithmetic", "share-of-total", "sum-of-parts"}
    return [f for f in report.findings
            if (f.rule == name if name else f.rule not in builtin)]


def rule(expect: str, name: str = "band", extra: str = "") -> str:
    return f"custom:\n  - name: {name}\n{extra}    expect: {expect}\n"


def usage_error(write, claims: str, rules: str) -> str:
    with pytest.raises(UsageError) as error:
        run(write, claims, rules)
    return str(error.value)


def test_ratio_band_that_holds_is_quiet(write) -> None:
    rules = rule("value(cny) / value(usd) between 6.5 and 7.5 CNY/USD")
    assert run(write, CONVERSION, rules) == []


def test_ratio_band_that_fails_states_the_arithmetic(write) -> None:
    rules = rule("stated(cny) / stated(usd) between 7.25 CNY/USD and 7.35 CNY/USD",
                 extra="    description: restated at the April 2025 rate\n")
    [finding] = run(write, CONVERSION, rules)
    assert finding.rule == "band"
    assert finding.severity is Severity.WARNING
    assert finding.message == ("custom rule band: stated(cny) / stated(usd) = 7.184–7.196 "
                               "CNY/USD, expected between 7.25 and 7.35 CNY/USD")
    assert finding.claims == ("cny", "usd")
    assert [loc.line for loc in finding.locations] == [7, 13]
    assert finding.details["low"] == pytest.approx(7.18351)
    assert finding.details["unit"] == "CNY/USD"
    assert finding.details["description"] == "restated at the April 2025 rate"


def test_for_each_bound_fires_on_the_one_claim_beyond_it(write) -> None:
    rules = rule("value < 5 million patents", name="patents-below-bound",
                 extra="    severity: error\n    for_each: {metric: patents}\n")
    [finding] = run(write, PATENTS, rules)
    assert finding.claims == ("p2",)
    assert finding.severity is Severity.ERROR
    assert finding.message == ("custom rule patents-below-bound: claim p2: value = "
                               "6.5–7.5 million patents, expected < 5 million patents")


@pytest.mark.parametrize(("value", "qualifier", "expect", "fires"), [
    ("1.5 million patents", "over", "value < 1 million patents", True),
    ("1.5 million patents", "under", "value < 1 million patents", False),
    ("40%", "nearly", "value <= 39%", False),  # nearly 40% spans 37.5%..40.5%
    ("40%", "exact", "value <= 39%", True),
    ("40%", "about", "value >= 41.5%", False),  # about 40% reaches 42.5%
])
def test_qualifiers_widen_the_claim(write, value: str, qualifier: str, expect: str,
                                    fires: bool) -> None:
    claims = SOURCE + (f"  - {{id: a, metric: m, value: {value}, qualifier: {qualifier}, "
                       "source: src}\n")
    rules = rule(expect, extra="    for_each: {metric: m}\n")
    assert len(run(write, claims, rules)) == int(fires)


def test_adding_a_percentage_to_yuan_is_an_error_at_the_expect_line(write) -> None:
    rules = "custom:\n  - name: band\n    description: x\n    expect: value(cny) + 5% > 1 CNY\n"
    message = usage_error(write, CONVERSION, rules)
    assert message.endswith("rules.yaml:4: custom rule band: expect: column 1: "
                            "`value(cny) + 5%` adds CNY and a percentage, which are not in the "
                            "same units; currencies never convert implicitly")


@pytest.mark.parametrize(("expect", "wanted"), [
    ("value(cny) < 700 billion CNY)", "syntax error at column 29: unexpected `)`"),
    ("value(cny) <", "syntax error at column 13: expected a number"),
    ("value(cny) 700 billion CNY", "syntax error at column 12: expected a comparison"),
    ("value(cny) < ¥1", "syntax error at column 14: ¥ is used for both CNY and JPY"),
    ("value(cny) ; 1", "syntax error at column 12: unexpected character ';'"),
    ("frob(cny) < 1", "syntax error at column 1: unknown function `frob`"),
    ("value(cny) + 5% > value(nope)", "adds CNY and a percentage"),
    ("value < 1 CNY", "bare `value` (column 1) needs `for_each`"),
    ("value(cny) <= 50", "compares CNY and a plain number"),
    ("value(usd) < 600 billion CNY", "compares USD and CNY"),
    ("value(cny) between 7 CNY and 6 CNY", "the lower bound is above the upper bound"),
    ("1 < 2", "refers to no claim"),
])
def test_bad_expressions_name_file_line_and_column(write, expect: str, wanted: str) -> None:
    message = usage_error(write, CONVERSION, rule(f'"{expect}"'))
    assert "rules.yaml:3: custom rule band: expect: " in message
    assert wanted in message


@pytest.mark.parametrize(("rules", "wanted"), [
    (rule("value(cny) < 1 CNY", name="scale-slip"),
     "rules.yaml:2: custom rule scale-slip: clashes with the built-in rule"),
    (rule("value(cny) < 1 CNY") + rule("value(cny) < 2 CNY").replace("custom:\n", ""),
     "rules.yaml:4: custom rule band: is already defined at"),
    (rule("value(cny) < 1 CNY", extra="    when: always\n"),
     "rules.yaml:3: custom rule band: unknown field `when`"),
    (rule("value(cny) < 1 CNY", name="Band_1"), "rules.yaml:2: custom rule Band_1: name:"),
    (rule("value(nope) < 1 CNY", extra="    for_each: {metric: nowhere}\n    enabled: maybe\n"),
     "rules.yaml:4: custom rule band: enabled:"),
])
def test_bad_definitions_are_usage_errors(write, rules: str, wanted: str) -> None:
    assert wanted in usage_error(write, CONVERSION, rules)


@pytest.mark.parametrize(("rules", "line", "reason"), [
    (rule('"value(cny) / value(nope) > value(gone)"', extra="    description: d\n"), 4,
     "no claim 'nope' or 'gone' in the checked files"),
    (rule("value < 1 CNY", extra="    for_each: {metric: nowhere}\n"), 3,
     "no claim has metric 'nowhere' in the checked files"),
])
def test_rule_about_claims_not_checked_is_not_run_and_says_so(write, rules: str, line: int,
                                                              reason: str) -> None:
    """Checking another folder with this project's rule set is not a bad rule set."""
    [finding] = run(write, CONVERSION, rules)
    assert finding.message == f"custom rule band was not run: {reason}"
    assert finding.rule == "band" and finding.severity is Severity.INFO
    assert finding.claims == ()
    assert [(Path(where.file).name, where.line) for where in finding.locations] == [
        ("rules.yaml", line)]


def test_python_in_an_expression_is_a_syntax_error_and_never_runs(write, tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    expect = f"__import__('os').system('touch {marker}') < 1"
    message = usage_error(write, CONVERSION, rule(f'"{expect}"'))
    assert "syntax error at column 1: unknown function `__import__`" in message
    assert not marker.exists()


def test_cli_exits_2_with_one_line_for_a_bad_custom_rule(write) -> None:
    folder = write({"claims.yaml": CONVERSION, "rules.yaml": rule("value(cny) + 5% > 1 CNY")})
    done = subprocess.run(
        [sys.executable, "-m", "claimcheck", "check", str(folder / "claims.yaml"),
         "--rules", str(folder / "rules.yaml")],
        capture_output=True, text=True, check=False,
    )
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert "rules.yaml:3: custom rule band: expect: column 1:" in done.stderr


def test_unit_mismatch_of_one_for_each_claim_is_a_finding_on_it(write) -> None:
    claims = PATENTS + "  - {id: p4, metric: patents, value: 5%, source: src}\n"
    rules = rule("value < 5 million patents", extra="    for_each: {metric: patents}\n")
    found = {f.claims: f.message for f in run(write, claims, rules, name="band")}
    assert set(found) == {("p2",), ("p4",)}
    assert "claim p4: cannot evaluate" in found[("p4",)]
    assert "compares a percentage and a count of patents" in found[("p4",)]


def test_division_by_zero_is_a_finding_not_a_crash(write) -> None:
    claims = SOURCE + ("  - {id: a, metric: m, value: 5 CNY, source: src}\n"
                       "  - {id: z, metric: n, value: 0 USD, source: src}\n")
    rules = rule("value(a) / (value(z) * 0) < 1 CNY/USD")
    [finding] = run(write, claims, rules)
    assert "cannot evaluate" in finding.message and "divides by zero" in finding.message


def test_disabled_rule_is_not_run_and_ignores_are_honoured(write) -> None:
    rules = rule("stated(cny) / stated(usd) > 8 CNY/USD", extra="    enabled: false\n")
    assert run(write, CONVERSION, rules) == []
    claims = CONVERSION.replace("    as_of: 2025-04\n    source: src\n  - id: usd",
                                "    as_of: 2025-04\n    source: src\n    ignore: [{rule: band, "
                                "reason: known}]\n  - id: usd")
    assert run(write, claims, rule("stated(cny) / stated(usd) > 8 CNY/USD")) == []


def test_growth_rates_are_read_with_rate(write) -> None:
    claims = SOURCE + ("  - {id: g, metric: m, growth: {rate: 15.6%, from: 2025, to: 2035}, "
                       "qualifier: over, source: src}\n")
    assert run(write, claims, rule('"rate(g) < 15%"'))[0].message.endswith(
        "rate(g) = at least 15.55%, expected < 15%")
    assert run(write, claims, rule('"rate(g) > 20%"')) == []


@pytest.mark.parametrize(("expect", "holds", "shown"), [
    ("-(2 CNY) * 3 < -5 CNY", True, "-6 CNY"),
    ("(1 CNY - 3 CNY) * (2 - 4) == 4 CNY", True, "4 CNY"),
    ("6 CNY / 2 >= 3.5 CNY", False, "3 CNY"),
    ("600 billion CNY / 83.45 billion USD > 7.2 CNY/USD", False, "7.19 CNY/USD"),
    ("2 / 4 between 0.4 and 0.6", True, "0.5"),
    ("20% + 5% == 25%", True, "25%"),
    ("€1 trillion > $900 billion", None, ""),
])
def test_expression_arithmetic(expect: str, holds: bool | None, shown: str) -> None:
    comparison = parse_expression(expect)
    if holds is None:  # EUR against USD: refused, currencies never convert implicitly
        with pytest.raises(Exception, match="compares EUR and USD"):
            compare(comparison, lambda ref: None)
        return
    outcome = compare(comparison, lambda ref: None)
    assert outcome is not None and outcome.holds is holds
    assert show(outcome.left) == shown


@pytest.mark.parametrize(("a", "b", "quotient"), [
    (Interval(Fraction(2), None), Interval(Fraction(2), None), Interval(Fraction(0), None)),
    (Interval(Fraction(2), None), Interval(Fraction(-1), Fraction(1)), Interval(None, None)),
    (Interval(Fraction(-6), Fraction(3)), Interval(Fraction(0), Fraction(3)), Interval(None, None)),
    (Interval(Fraction(2), Fraction(6)), Interval(Fraction(0), Fraction(2)), Interval(Fraction(1),
                                                                                     None)),
    (Interval(Fraction(-6), Fraction(-2)), Interval(Fraction(-2), Fraction(-1)),
     Interval(Fraction(1), Fraction(6))),
])
def test_division_of_unbounded_and_straddling_intervals(a: Interval, b: Interval,
                                                        quotient: Interval) -> None:
    quantities = {"a": Quantity(a, ()), "b": Quantity(b, ())}
    node = parse_expression("value(a) / value(b) < 1").left
    result = evaluate(node, lambda ref: quantities[ref.claim or ""])
    assert result is not None and result.interval == quotient


def test_one_sided_intervals_are_shown_as_bounds() -> None:
    assert show(Quantity(Interval(None, Fraction(5)), ())) == "at most 5"
    assert show(Quantity(Interval(None, None), ())) == "any value"


POLL = SOURCE + """
  - {id: obama, metric: poll.obama, value: 49%, source: src}
  - {id: mccain, metric: poll.mccain, value: 44%, source: src}
  - {id: lead, metric: poll.lead, value: 5 pp, source: src}
"""


@pytest.mark.parametrize(("lead", "fires"), [("5 pp", False), ("7 percentage points", True)])
def test_a_lead_in_points_is_the_difference_of_two_percentages(write, lead: str,
                                                               fires: bool) -> None:
    rules = rule("value(obama) - value(mccain) == value(lead)", name="lead")
    findings = run(write, POLL.replace("value: 5 pp", f"value: {lead}"), rules)
    assert [f.rule for f in findings] == (["lead"] if fires else [])


HARVEST = SOURCE + """
  - {id: y, metric: wheat.yield, value: 3.5 t/ha, period: 2024, source: src}
  - {id: a, metric: wheat.area, value: 31.8 million hectares, period: 2024, source: src}
  - {id: p, metric: wheat.production, value: 111.3 million tonnes, period: 2024, source: src}
"""


@pytest.mark.parametrize("expect", ["value(y) * value(a) == value(p)",
                                    "value(p) / value(a) == value(y)"])
def test_physical_units_multiply_and_divide(write, expect: str) -> None:
    assert run(write, HARVEST, rule(expect, name="harvest")) == []


def test_a_computed_quantity_is_shown_in_the_unit_it_is_compared_with(write) -> None:
    claims = HARVEST.replace("111.3 million tonnes", "131.3 million tonnes")
    [finding] = run(write, claims, rule("value(y) * value(a) == value(p)", name="harvest"))
    assert finding.message == ("custom rule harvest: value(y) * value(a) = 109.5–113.1 million "
                               "tonnes, expected == value(p) = 131.2–131.3 million tonnes")
