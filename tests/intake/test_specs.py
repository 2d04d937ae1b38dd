"""What the intake reads for every calculator is declared, and every reading it names exists."""

from __future__ import annotations

import pytest

from advisor.calculators.facts_flags import FLAG_PATTERNS
from advisor.calculators.intake_specs import SAYS
from advisor.calculators.registry import all_calculators
from advisor.intake.readers import SPECIAL

CALCULATORS = all_calculators()


@pytest.mark.parametrize("calc", CALCULATORS, ids=lambda c: c.name)
def test_every_input_of_every_calculator_has_a_fact_with_a_plain_question(calc) -> None:
    declared = {f.name for f in calc.facts}
    assert set(calc.inputs.model_fields) == declared, calc.name
    for f in calc.facts:
        assert f.ask.endswith("?") and "_" not in f.ask, (calc.name, f.name)
        assert f.role and "_" not in f.role, (calc.name, f.name)


@pytest.mark.parametrize("calc", CALCULATORS, ids=lambda c: c.name)
def test_every_reading_a_fact_names_exists(calc) -> None:
    for f in calc.facts:
        if f.reads:
            assert f.reads in SPECIAL or f.reads in FLAG_PATTERNS, (calc.name, f.name, f.reads)


@pytest.mark.parametrize("calc", [c for c in CALCULATORS if c.kind == "eligibility"], ids=lambda c: c.name)
def test_every_criterion_of_a_checklist_names_the_facts_that_settle_it(calc) -> None:
    from datetime import date

    from advisor.calculators.base import Context

    rows = calc({}, Context(today=date(2026, 11, 23))).details["criteria"]
    needs = dict(calc.needs)
    names = {f.name for f in calc.facts}
    for row in rows:
        assert row["id"] in needs, (calc.name, row["id"])
        assert set(needs[row["id"]]) <= names, (calc.name, row["id"])


def test_every_yes_no_fact_of_a_checklist_has_plain_statements_to_match() -> None:
    flags = {f.name for c in CALCULATORS if c.kind == "eligibility" for f in c.facts if f.type == "flag"}
    assert flags <= set(SAYS), sorted(flags - set(SAYS))
