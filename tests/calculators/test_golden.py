"""Every worked example of every golden table (``golden_*.csv``) gives its expected result.

Columns: ``name,inputs_json,expected_json,cite,note``. Inside ``inputs_json`` two keys are
settings, not inputs: ``_today`` (ISO date; default 2026-11-23, the suite's ``TODAY``) and
``_pay_period_anchor`` (ISO Sunday; default the standard cycle). ``cite`` must name the
calculator's rule section. The rows were computed by hand from the regulation text.
"""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import pytest

from advisor.calculators import Context, get

HERE = Path(__file__).resolve().parent
DEFAULT_TODAY = date(2026, 11, 23)


def _rows() -> list[tuple[str, dict[str, str]]]:
    rows = []
    for path in sorted(HERE.glob("golden_*.csv")):
        with path.open(newline="") as f:
            for i, row in enumerate(csv.DictReader(f), start=2):
                rows.append((f"{path.stem}:{i}:{row['name']}", row))
    return rows


ROWS = _rows()


def test_the_deadline_golden_table_has_at_least_35_rows() -> None:
    assert sum(1 for key, _ in ROWS if key.startswith("golden_deadlines:")) >= 35


@pytest.mark.parametrize("row", [r for _, r in ROWS], ids=[k for k, _ in ROWS])
def test_golden_row_gives_the_hand_computed_result(row: dict[str, str]) -> None:
    inputs = json.loads(row["inputs_json"])
    settings = {"today": date.fromisoformat(inputs.pop("_today", DEFAULT_TODAY.isoformat()))}
    if "_pay_period_anchor" in inputs:
        settings["pay_period_anchor"] = date.fromisoformat(inputs.pop("_pay_period_anchor"))
    calc = get(row["name"])
    result = calc(inputs, Context(**settings))
    assert result.result == json.loads(row["expected_json"]), row["note"]
    sections = [r.section for r in (calc.rule, *calc.extra_rules)]
    assert any(s in row["cite"] for s in sections), f"cite {row['cite']!r} vs {sections}"
