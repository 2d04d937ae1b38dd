"""Checklist rows are data: each names the inputs its criteria need, and one engine runs them."""

from __future__ import annotations

from datetime import date

import pytest

from advisor.calculators.base import Context, ar_rule
from advisor.calculators.checklist_engine import (
    Checklist,
    Criterion,
    Input,
    at_least,
    make_calculator,
    yes,
)
from advisor.calculators.eligibility import ROWS
from advisor.calculators.registry import get

CTX = Context(today=date(2026, 11, 23))


@pytest.mark.parametrize("row", ROWS, ids=lambda r: r.name)
def test_the_interview_needs_of_a_checklist_come_from_its_criteria_rows(row: Checklist) -> None:
    calc = get(row.name)
    assert calc.needs == row.needs
    assert set(calc.inputs.model_fields) == {i.name for i in row.inputs}


@pytest.mark.parametrize("row", ROWS, ids=lambda r: r.name)
def test_every_criterion_that_needs_a_fact_asks_a_plain_question(row: Checklist) -> None:
    for c in row.criteria:
        if c.needs:
            assert c.ask.endswith("?") and "_" not in c.ask, (row.name, c.id)


def test_a_criterion_naming_an_undeclared_input_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown inputs"):
        Checklist(name="x", title="X", rule=ar_rule("4-7", "x"), inputs=(),
                  criteria=(Criterion(id="a", section="4-7", text="A", needs=("b",), test=yes),))


def test_adding_a_checklist_needs_only_a_row() -> None:
    row = Checklist(
        name="two_year_check", title="Two years?", rule=ar_rule("4-11a", "2 years"),
        inputs=(Input("years", int, "Years served."), Input("ok", bool, "All fine?")),
        criteria=(Criterion(id="years", section="4-11a", text="Two years", needs=("years",),
                            test=at_least(2, "{} year(s)"), ask="How many years?"),
                  Criterion(id="ok", section="4-11a", text="Fine", needs=("ok",), test=yes,
                            ask="Is all fine?")))
    calc = make_calculator(row)
    result = calc({"years": 3}, CTX)
    assert result.result == "need more information" and calc.needs == (
        ("years", ("years",)), ("ok", ("ok",)))
    assert result.details["questions"] == ["Is all fine?"]
    assert result.details["criteria"][0] == {"id": "years", "status": "met",
                                             "cite": "AR 690-13 para 4-11a", "text": "Two years",
                                             "finding": "3 year(s)"}
    assert calc({"years": 3, "ok": True}, CTX).explanation == "Eligible: met: Two years; Fine."
