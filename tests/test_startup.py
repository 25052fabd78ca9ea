"""What start-up leaves for first use is the same when it is used."""

from __future__ import annotations

import inspect
import sys

from claimcheck.baseline import Baseline
from claimcheck.rules import RULES
from claimcheck.units import parse_unit


def test_rule_doc_is_the_cleaned_module_docstring() -> None:
    for rule in RULES.values():
        module = sys.modules[rule.check.__module__]
        assert rule.doc == inspect.cleandoc(module.__doc__ or "")
        assert rule.summary == rule.doc.splitlines()[0]


def test_capitalised_plurals_are_counts() -> None:
    for text in ("iPhones", "SUVs", "AI-related TVs"):
        unit = parse_unit(text)
        assert (unit.kind, unit.dimension) == ("count", "count")


def test_baseline_keeps_its_entries() -> None:
    entries = {"abc": {"fingerprint": "abc", "rule": "r", "claims": ["c1"]}}
    assert Baseline(entries).entries is entries
    assert Baseline(entries).filter([]) == ([], 0, ["r: c1"])


def test_json_compact_is_the_encoders_text() -> None:
    """The C encoder built once gives what JSONEncoder.encode gives, value for value."""
    import json
    import math

    from claimcheck.formats.json_format import _compact

    encode = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": ")).encode
    values: list[object] = [
        None, True, 0, -3, 10**30, 0.1, 1e-300, -0.0, 1e21, math.inf, -math.inf, math.nan,
        "", "plain", 'quote " back \\ tab \t nl \n', "€ ₿ 兆 \u2028 \x00 \ud83d\ude00",
        [], {}, [1, "a", None], (2, 3.5), {"a": {"b": [1.5, "x"]}, "c": None, "d": True},
        {"rule": "growth-arithmetic", "implied": 0.123456789, "range": [0.1, 0.2]},
    ]
    for value in values:
        assert _compact(value) == encode(value)


def test_lazy_patterns_match_as_compiled() -> None:
    """A LazyPattern compiles at its first use, then answers as re.compile's pattern does."""
    import re

    from claimcheck.caching import LazyPattern

    lazy = LazyPattern(r"\b(?:bu|bushels?)\b", re.IGNORECASE)
    assert lazy._compiled is None
    compiled = re.compile(lazy.pattern, lazy.flags)
    for text in ("bu", "Bushels/acre", "bush", "million bu", ""):
        found, expected = lazy.search(text), compiled.search(text)
        assert (found and found.span()) == (expected and expected.span())
        assert lazy.findall(text) == compiled.findall(text)
    assert lazy._compiled is not None


def test_startup_leaves_rare_patterns_uncompiled() -> None:
    """The patterns a run of well-formed claims never needs are compiled where first used."""
    from claimcheck import quantity, scales
    from claimcheck.caching import LazyPattern
    from claimcheck.rules import figures, scale_slip

    for pattern in (quantity._UNREAD_SIGN, quantity._BRACKETED, scales._NUMERAL_PART,
                    figures._BUSHELS, scale_slip._SCALE_WORDS):
        assert isinstance(pattern, LazyPattern)
