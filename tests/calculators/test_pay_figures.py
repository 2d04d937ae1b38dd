"""Every figure a pay calculator applies is written once, beside its rule, stated by its quote."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from advisor.calculators import pay_awards, pay_hiring, pay_steps
from advisor.calculators.base import Rule
from advisor.rulebook.figures import numbers

_AWARD_PERCENTS = tuple(p for pair in pay_awards.AWARD_PERCENT.values() for p in pair)
FIGURES = [
    ("bonus range", pay_hiring.BONUS_RULE, (pay_hiring.BONUS_MIN, pay_hiring.BONUS_MAX)),
    ("service agreement", pay_hiring.AGREEMENT_RULE, pay_hiring.AGREEMENT_YEARS),
    ("advanced hiring", pay_hiring.ADVANCED_RULE, (pay_hiring.ADVANCE_PERCENT,)),
    ("approval threshold", pay_awards.APPROVAL_RULE, (pay_awards.HQDA_THRESHOLD,)),
    ("budget", pay_awards.BUDGET_RULE,
     (*pay_awards.BUDGET_PERCENT, *pay_awards.RECOGNIZED_PERCENT)),
    ("award percentages", pay_awards.AWARD_RULE, _AWARD_PERCENTS),
    ("reassignment steps", pay_steps.REASSIGN_RULE, (pay_steps.REASSIGN_STEPS,)),
    ("epa steps", pay_steps.EPA_RULE, (pay_steps.EPA_STEPS,)),
    ("epa limit", pay_steps.EPA_LIMITS_RULE, (pay_steps.EPA_LAST_STEP,)),
    ("advance pay periods", pay_steps.ADVANCE_RULE, (pay_steps.PERIODS,)),
]


@pytest.mark.parametrize(("what", "rule", "figures"), FIGURES, ids=[f[0] for f in FIGURES])
def test_each_pay_figure_is_stated_by_the_quote_of_its_rule(
    what: str, rule: Rule, figures: tuple[int | Decimal, ...]
) -> None:
    stated = numbers(rule.quote)
    for figure in figures:
        assert Decimal(figure) in stated, f"{what}: {figure} is not in {rule.pin_cite}"


def test_each_award_percentage_range_is_quoted_with_its_rating() -> None:
    quote = pay_awards.AWARD_RULE.quote
    for rating, (low, high) in pay_awards.AWARD_PERCENT.items():
        assert re.search(rf"{low} to {high} percent[^,]*if rated {rating.title()}", quote), rating
