"""The intake's golden table (tests/data/intake_golden.jsonl) holds its floor.

Measured with ``python -m evals.intake --intake-only`` on 2026-12-01: 334 of 368 rows (0.91),
3 rows computing a number from another rule than the row's (g-clarify-006/011/015: a tie the
table wants asked back, where a near-tie is computed and labelled with its rule). The floors
sit a little under; raise them in a deliberate commit when the table improves.
"""

from __future__ import annotations

import pytest

from evals.intake import GOLDEN, intake_only, load_rows, score

pytestmark = pytest.mark.slow

FLOOR = 0.88
MAX_WRONG_RULE = 3


@pytest.fixture(scope="module")
def golden(advisor):
    rows = load_rows(GOLDEN)
    answers = intake_only(rows, intake=advisor.intake)
    return {**score(rows, answers), "answers": answers}


def test_the_intake_keeps_the_floor_of_its_golden_table(golden):
    assert golden["categories"]["all"]["rate"] >= FLOOR, golden["categories"]


def test_the_intake_computes_no_more_numbers_from_another_rule_than_measured(golden):
    assert len(golden["wrong_rule_numbers"]) <= MAX_WRONG_RULE, golden["wrong_rule_numbers"]


def test_no_golden_row_crashes(golden):
    crashed = {k: a["error"] for k, a in golden["answers"].items() if a.get("crashed")}
    assert not crashed
