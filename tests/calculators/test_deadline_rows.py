"""Deadline rows are data: each figure is written once, in its count, and stated by its quote."""

from __future__ import annotations

import re

import pytest

from advisor.calculators.deadlines import ROWS
from advisor.rulebook.figures import numbers


@pytest.mark.parametrize("row", ROWS, ids=lambda r: r.name)
def test_the_count_of_every_deadline_is_stated_by_its_quote(row) -> None:
    counts = [c for c in (row.count, *(a.count for a in row.also if a.count)) if not c.amount_fact]
    stated = numbers(row.rule.quote) | ({1} if "annual" in row.rule.quote else set())
    amount = row.count.amount if not row.count.amount_fact else row.count.bounds[1]
    assert amount in stated, f"{row.name}: {amount} is not in its quote"
    for c in counts:
        assert c.amount in stated or c.amount == 1, f"{row.name}: {c.amount} is not in its quote"


@pytest.mark.parametrize("row", ROWS, ids=lambda r: r.name)
def test_no_figure_is_written_in_the_wording_of_a_deadline(row) -> None:
    texts = [row.says, *row.event_says.values(), *(v.says for v in row.variants.values()),
             *row.notes.values()]
    for text in texts:
        assert not re.search(r"\d|\b(?:one|two|three|ten|fifteen|thirty|ninety)\b", text,
                             re.IGNORECASE) or re.search(r"para \d", text), (row.name, text)


@pytest.mark.parametrize("row", ROWS, ids=lambda r: r.name)
def test_every_fact_of_a_deadline_asks_a_plain_question(row) -> None:
    for spec in row.facts:
        assert spec.ask.endswith("?") and "_" not in spec.ask, (row.name, spec.name)


def test_adding_a_deadline_needs_only_a_row() -> None:
    from datetime import date

    from advisor.calculators.base import Context, FactSpec
    from advisor.calculators.deadline_engine import Count, Deadline, ar_rule, make_calculator

    row = Deadline(name="x", title="X", rule=ar_rule("4-12", "for a minimum period of 5 years"),
                   events=(FactSpec(name="on", type="date", role="the day", ask="When?"),),
                   count=Count(amount=5, unit="years"), says="Keep them through {result}")
    calc = make_calculator(row)
    assert calc({"on": "2026-03-02"}, Context(today=date(2026, 11, 23))).result == "2031-03-02"
