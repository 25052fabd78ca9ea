"""The shipped default rule set documents every rule, and agrees with the rule modules."""

from __future__ import annotations

import yaml

from claimcheck.rules import RULES
from claimcheck.ruleset import BUILT_IN, load_ruleset


def test_default_rule_set_names_every_rule_with_its_module_severity() -> None:
    data = yaml.safe_load(BUILT_IN.read_text(encoding="utf-8"))
    assert set(data["rules"]) == set(RULES)
    for name, rule in RULES.items():
        assert data["rules"][name]["severity"] == rule.severity.value, name


def test_default_rule_set_options_equal_the_module_defaults() -> None:
    ruleset = load_ruleset(BUILT_IN.as_posix())
    for name, rule in RULES.items():
        defaults = rule.options().model_dump(exclude={"severity"})
        assert ruleset.options[name].model_dump(exclude={"severity"}) == defaults, name
