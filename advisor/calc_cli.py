"""``advisor calc``: list the calculators with their rules, or run one from ``--arg value`` pairs.

Presentation only: parsing the pairs into the calculator's input model and printing the
Calculation (or a clear message naming the valid inputs).
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date

from pydantic import ValidationError

from advisor.calculators.base import CalculatorError, Context
from advisor.calculators_view import format_result
from advisor.config import Settings


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("name", nargs="?", help="calculator name (see --list)")
    p.add_argument("--list", action="store_true", help="list the calculators and their rules")
    p.add_argument("--json", action="store_true", help="print the Calculation JSON")
    p.add_argument("--today", help="answer as of this date (YYYY-MM-DD)")


def run(args: argparse.Namespace, extra: list[str], settings: Settings) -> int:
    from advisor.calculators.registry import all_calculators, get

    if args.list or not args.name:
        for c in all_calculators():
            fields = ", ".join(c.inputs.model_fields)
            print(f"{c.name:42} {c.kind:11} {c.rule.pin_cite:28} inputs: {fields}")
        return 0
    try:
        calc = get(args.name)
    except KeyError as e:
        print(f"error: {e.args[0]}", file=sys.stderr)
        return 2
    try:
        inputs = _pairs(extra)
        today = date.fromisoformat(args.today) if args.today else (settings.today or date.today())
        result = calc(inputs, Context(today=today, pay_period_anchor=settings.pay_period_anchor))
    except (CalculatorError, ValidationError, ValueError) as e:
        fields = "; ".join(f"--{n.replace('_', '-')} ({f.description or n})" for n, f in calc.inputs.model_fields.items())
        print(f"error: {e}\nvalid inputs for {calc.name}: {fields}", file=sys.stderr)
        return 2
    if args.json:
        print(result.model_dump_json(indent=2))
    else:
        print(f"{format_result(result.result) or 'No result'} — {result.explanation}")
        print(f"Rule: {calc.rule.pin_cite}: “{result.rule.quote}”")
    return 0


def _pairs(extra: list[str]) -> dict[str, object]:
    """``--decision-date 2026-04-08 --forwarded`` -> {"decision_date": "2026-04-08", "forwarded": True}."""
    out: dict[str, object] = {}
    i = 0
    while i < len(extra):
        key = extra[i]
        if not key.startswith("--"):
            raise ValueError(f"expected --name value pairs, got {key!r}")
        name = key[2:].replace("-", "_")
        if i + 1 < len(extra) and not extra[i + 1].startswith("--"):
            value: object = extra[i + 1]
            try:
                value = json.loads(str(value))
            except json.JSONDecodeError:
                pass
            if isinstance(value, (int, float)) and not isinstance(value, bool) and "-" in extra[i + 1]:
                value = extra[i + 1]
            out[name] = value
            i += 2
        else:
            out[name] = True
            i += 1
    return out
