"""The registry of built-in rules: one module each, named by its stable kebab-case name."""

from __future__ import annotations

from claimcheck.rules import (
    conflicting_values,
    currency_conversion,
    date_order,
    growth_arithmetic,
    invalid_file,
    redated_figure,
    scale_slip,
    share_of_total,
    sum_of_parts,
    unit_mismatch,
    unknown_reference,
)
from claimcheck.rules.base import Rule

RULES: dict[str, Rule] = {
    rule.name: rule
    for rule in map(
        Rule.from_module,
        (
            currency_conversion,
            redated_figure,
            conflicting_values,
            growth_arithmetic,
            share_of_total,
            sum_of_parts,
            scale_slip,
            unit_mismatch,
            date_order,
            unknown_reference,
            invalid_file,
        ),
    )
}
