"""The act step: run the calculator or checklist an intent is about, on the facts it bound.

Pure: the intent names the calculator and carries each fact with its role; this step turns the
facts into the calculator's inputs and runs it with the context (``today``, the pay-period
anchor). A calculation that still lacks a fact comes back with ``missing`` and the plain
question the interview asks; bad input comes back as a ``Calculation`` whose explanation says
what is wrong and what is valid. It chooses nothing: which calculator is the intake's call.
No I/O.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from pydantic import ValidationError

from advisor.calculators import dates
from advisor.calculators.base import Calculator, CalculatorError, Context
from advisor.models import Calculation, Intent


def act(intent: Intent, calculators: Mapping[str, Calculator], context: Context) -> list[Calculation]:
    """The calculation of the intent's calculator (none when it is about none or is ambiguous)."""
    if not intent.about or any(a.kind == "calculator" for a in intent.ambiguities):
        return []
    calc = calculators.get(intent.about[0])
    if calc is None:
        return []
    values = {f.name: f.value for f in intent.facts if f.name in calc.inputs.model_fields}
    if intent.pending and intent.pending.next_fact and calc.kind != "eligibility":
        return [_asks(calc, intent.pending.next_fact, intent.pending.ask or "")]
    try:
        result = calc(values, context)
    except CalculatorError as e:
        return [_error(calc, str(e))]
    except ValidationError as e:
        missing = [str(err["loc"][0]) for err in e.errors() if err["type"] == "missing"]
        if missing:
            spec = calc.fact(missing[0])
            return [_asks(calc, missing[0], spec.ask if spec else missing[0])]
        return [_error(calc, _validation_message(e))]
    assumptions = [f"{f.text!r} read as {dates.fmt(dates.parse_date(str(f.value)))}" for f in intent.facts
                   if f.name in values and _is_date(f.value) and f.text and not _looks_iso(f.text)
                   and not re.search(r"\b(?:19|20)\d\d\b", f.text) and len(f.text) <= 40]
    if assumptions:
        result.details.setdefault("assumptions", assumptions)
    if result.result == "need more information" and intent.pending:
        result.details["next_question"] = intent.pending.ask
    return [result]


def _asks(calc: Calculator, name: str, ask: str) -> Calculation:
    return Calculation(name=calc.name, result=None, explanation=ask, rule=calc.rule.ref(), missing=[name])


def _error(calc: Calculator, message: str) -> Calculation:
    return Calculation(name=calc.name, result=None, explanation=message, rule=calc.rule.ref(),
                       details={"error": message})


def _validation_message(e: ValidationError) -> str:
    parts = [f"{'.'.join(str(p) for p in err['loc'])}: {err['msg']}" for err in e.errors()]
    return f"Invalid input ({'; '.join(parts)}). Dates must be real and between {dates.VALID_RANGE}."


def _is_date(value: object) -> bool:
    return isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-"


def _looks_iso(text: str) -> bool:
    return len(text.strip()) == 10 and text.strip()[4] == "-"
