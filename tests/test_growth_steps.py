"""The arithmetic steps of the Markdown report: a fall reads as one; a miss shows its digits."""

from __future__ import annotations

from pathlib import Path

from claimcheck.api import Settings, check_paths
from claimcheck.formats import formatter

CUT = """sources:
  src: {title: Test source, published: 2025-06-01}
claims:
  - {id: before, metric: price, value: $274.70, as_of: 2023-03-01, source: src}
  - {id: after, metric: price, value: $66.40, as_of: 2023-Q4, source: src}
  - id: cut
    metric: price
    growth: {rate: -70%, kind: total, start: before, end: after}
    source: src
"""


def test_a_fall_is_one_minus_its_size(tmp_path: Path) -> None:
    (tmp_path / "claims.yaml").write_text(CUT, encoding="utf-8")
    (tmp_path / "rules.yml").write_text("{}\n", encoding="utf-8")
    report = check_paths(Settings(paths=(str(tmp_path / "claims.yaml"),),
                                  rules=str(tmp_path / "rules.yml"), jobs=1))
    text = formatter("markdown")(report, False)
    assert "274.7 USD × (1 − 70%) = 82.41 USD (projected end)" in text
    assert "66.4 USD ÷ (1 − 70%) = 221.33 USD" in text
    assert "(1 + -" not in text


NEAR_TOLERANCE = """sources:
  reuters: {title: HDFC Bank results, publisher: Reuters, published: 2018-10-20}
claims:
  - {id: np, metric: profit, value: 50.05 billion rupees, period: 2018-Q3, source: reuters}
  - {id: np-usd, metric: profit, value: $682.16 million, period: 2018-Q3, restates: np,
     source: reuters}
"""


def test_a_conversion_miss_near_the_tolerance_shows_the_digits_that_fail_it(
        tmp_path: Path) -> None:
    (tmp_path / "claims.yaml").write_text(NEAR_TOLERANCE, encoding="utf-8")
    (tmp_path / "rules.yml").write_text("{}\n", encoding="utf-8")
    report = check_paths(Settings(paths=(str(tmp_path / "claims.yaml"),),
                                  rules=str(tmp_path / "rules.yml"), jobs=1))
    text = formatter("markdown")(report, False)
    assert "off by 0.53% from the nearer end of the reference range" in text  # not 0.5%
