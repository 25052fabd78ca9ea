"""User-defined rules: declarative, unit-aware expressions over claims (`custom:` in a rule set).

Each item of a rule set's `custom:` list is one rule (docs/custom-rules.md has the full guide):

    custom:
      - name: usd-cny-restatement-band      # kebab-case, not a built-in rule's name
        description: A USD restatement of a CNY figure implies 6.5-7.5 CNY per USD
        severity: warning                    # error | warning | info; default warning
        expect: value(scale-cny) / value(scale-usd) between 6.5 and 7.5 CNY/USD
      - name: patents-below-bound
        for_each: {metric: cn.ai.patents.filed}   # bare `value` is each claim of the metric
        expect: value < 5 million patents

`expect` is one comparison, `A < B` (also `<=`, `>`, `>=`, `==`) or `A between L and H`, where
each side is arithmetic (`+ - * /`, parentheses, unary minus) over:
- literals `NUMBER [SCALE] [UNIT][/UNIT...]` read as claim values are (`5 million patents`,
  `50%`, `$83 billion`, `6.5 CNY/USD`), exact: a rule's bound is not a rounded figure;
- `value(ID)`: a claim's figure as the interval its rounding and qualifier allow;
  `stated(ID)`: its rounding interval only (a qualifier speaks of the figure, not a conversion);
  `rate(ID)`: a growth claim's rate, qualifier applied. Inside `for_each`, bare `value`,
  `stated` and `rate` stand for each claim of the metric that has that figure.

Intervals: arithmetic is exact interval arithmetic on Fractions, and a comparison HOLDS when some
values in the intervals satisfy it (a rounded or qualified figure is not wrong); it fires when no
values do. Units: each currency is its own dimension and never converts implicitly; `%` and count
nouns are dimensionless numbers, but a percentage is never added to or compared with a count or a
bare number (write `50%`, not `50` or `0.5`); percentage points go with percentages (49% − 44%
is 5 pp); ratios of like figures compare with anything dimensionless. Mismatches found while
loading are usage errors; those that depend on a `for_each` claim's unit are findings on that
claim.

The expression is read by a hand-written tokenizer and recursive-descent parser: user text is
never passed to eval, exec or any Python parser. Definition errors (unknown key, syntax error at a
column, unknown function, name clash, unit mismatch) raise UsageError as
`FILE:LINE: custom rule NAME: ...`, which the CLI reports as one line and exit 2. A rule naming a
claim id or `for_each` metric that the checked files lack is not run; an `info` finding at its
key says so ("custom rule band was not run: no claim 'usd' in the checked files").

Failing example: `expect: value(cny) / value(usd) between 6.5 and 7.5 CNY/USD` with cny
600 billion CNY and usd 60 billion USD reports "custom rule band: value(cny) / value(usd) =
9.909–10.09 CNY/USD, expected between 6.5 and 7.5 CNY/USD".
Passing example: the same rule with usd $83.45 billion (7.184–7.196 CNY/USD) is quiet.

Modules: quantities (intervals with units), tree and expression (syntax tree, parser),
evaluation, spec (a rule's shape, its lines in the rule file), loading, checking.
"""

from claimcheck.custom.checking import check_custom
from claimcheck.custom.evaluation import Outcome, compare, evaluate
from claimcheck.custom.expression import parse_expression, tokenize
from claimcheck.custom.loading import load_rules
from claimcheck.custom.quantities import Quantity, show
from claimcheck.custom.spec import CustomRule, CustomRuleSpec

__all__ = ["CustomRule", "CustomRuleSpec", "Outcome", "Quantity", "check_custom", "compare",
           "evaluate", "load_rules", "parse_expression", "show", "tokenize"]
