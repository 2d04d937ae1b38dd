"""Route a question to the calculators whose triggers match, and run them on extracted facts.

``route`` scores every calculator by how many of its ``triggers`` (regular expressions over
the lower-cased question) match, keeps the best-scoring ones (usually one), extracts facts
and lets each calculator's ``from_facts`` pick its inputs. It never guesses a missing fact:
a calculator that lacks one comes back with ``missing`` set and a question to ask, and bad
input comes back as a ``Calculation`` whose explanation is the error. ``all_calculators``
gathers the deadline, pay and eligibility tuples (the last two optional, imported lazily).
No I/O; ``today`` comes from the ``Context``.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Sequence

from pydantic import BaseModel, ValidationError

from advisor.calculators import dates
from advisor.calculators.base import Calculator, CalculatorError, Context
from advisor.calculators.deadlines import DEADLINES
from advisor.calculators.facts import Facts, extract_facts
from advisor.models import Calculation

_OPTIONAL = (("advisor.calculators.pay", "PAY"), ("advisor.calculators.eligibility", "ELIGIBILITY"))


def all_calculators() -> tuple[Calculator, ...]:
    """Every registered calculator: deadlines, then pay and eligibility where present."""
    found: list[Calculator] = list(DEADLINES)
    for module_name, attr in _OPTIONAL:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as e:
            if e.name != module_name:  # a real missing dependency inside it: say so
                raise
            continue
        found.extend(getattr(module, attr, ()))
    return tuple(found)


def get(name: str) -> Calculator:
    """The registered calculator called ``name``.

    Args:
        name: A calculator name from the catalog, e.g. "downgrade_appeal_deadline".

    Raises:
        KeyError: naming the known calculators when ``name`` is not one of them.
    """
    calculators = {c.name: c for c in all_calculators()}
    if name not in calculators:
        raise KeyError(f"Unknown calculator {name!r}; known: {', '.join(sorted(calculators))}.")
    return calculators[name]


def score(calculator: Calculator, lowered_question: str) -> int:
    """How many of the calculator's triggers match the lower-cased question.

    Args:
        calculator: The calculator to score.
        lowered_question: The question, lower-cased.
    """
    # A trigger made of lookaheads ("(?s)(?=.*a)(?=.*b)") only needs trying at the start:
    # searched at every position it costs quadratic time on a long question.
    return sum(
        1 for t in calculator.triggers
        if (re.match if t.removeprefix("(?s)").startswith("(?=") else re.search)(t, lowered_question)
    )


def select(question: str, calculators: Sequence[Calculator]) -> list[Calculator]:
    """The calculators with the best non-zero trigger score (ties kept in catalog order).

    Args:
        question: The user's question.
        calculators: The calculators to choose from.
    """
    low = question.lower()
    scores = [(score(c, low), c) for c in calculators]
    best = max((s for s, _ in scores), default=0)
    return [c for s, c in scores if best and s == best]


# "How do I get there" asks for a roadmap or an explanation, not a yes/no checklist.
_ASKS_HOW = re.compile(
    r"\bhow (?:do|can|could|should|would|might) (?:i|we|you|she|he|they)\b"
    r"|\bwhat (?:do|should|would) (?:i|we) (?:need|do|have)\b|\broadmap\b|\bcareer path\b"
)


def asks_checklist(question: str, calculators: Sequence[Calculator]) -> bool:
    """Whether the question asks if someone qualifies for something a checklist decides.

    True when an eligibility checklist is among the calculators ``select`` picks and the
    question is not a "how do I ..." question; the chat then skips the career roadmap.
    """
    if _ASKS_HOW.search(question.lower()):
        return False
    return any(c.kind == "eligibility" for c in select(question, calculators))


def route(
    question: str, context: Context, calculators: Sequence[Calculator] | None = None
) -> list[Calculation]:
    """Run the calculators a question calls for on the facts written in it.

    Args:
        question: The user's question, as written.
        context: ``today`` (for relative dates) and the pay-period anchor.
        calculators: Those to choose from; all registered ones when omitted.

    Returns:
        One ``Calculation`` per selected calculator, best first: a result, or ``missing``
        facts to ask for, or an error (``details["error"]``). Empty if none applies.
    """
    chosen = select(question, all_calculators() if calculators is None else calculators)
    results = [_run(c, question, context) for c in chosen]
    # Equal trigger scores: answers first, then questions back (missing facts), then errors.
    return sorted(results, key=lambda r: (r.result is None, "error" in r.details))


def _run(calc: Calculator, question: str, context: Context) -> Calculation:
    # Deadline questions report past events: a date without a year is the latest one not
    # after today (see facts_dates).
    facts = extract_facts(question, context.today, past_dates=calc.kind == "deadline")
    if facts.errors:
        return _error(calc, " ".join(facts.errors))
    if calc.from_facts is None:
        return _missing(calc, list(calc.inputs.model_fields))
    try:
        got = calc.from_facts(facts, question)
        if isinstance(got, list):
            return _missing(calc, got)
        result = calc(got, context)
    except CalculatorError as e:
        return _error(calc, str(e))
    except ValidationError as e:
        return _error(calc, _validation_message(e))
    assumptions = _assumptions(facts)
    if assumptions:
        result.details.setdefault("assumptions", assumptions)
    return result


def _assumptions(facts: Facts) -> list[str]:
    return [
        f"{d.text!r} read as {dates.fmt(d.value)}"
        for d in facts.dates
        if d.year_inferred or d.relative
    ]


def _describe(model: type[BaseModel], name: str) -> str:
    field = model.model_fields.get(name)
    if field is None or not field.description:
        return name  # already a description, or a name the model does not document
    text = field.description
    return f"{text[0].lower()}{text[1:].rstrip('.')} ({name})"


def _missing(calc: Calculator, missing: list[str]) -> Calculation:
    asks = "; ".join(_describe(calc.inputs, m) for m in missing)
    return Calculation(
        name=calc.name,
        result=None,
        explanation=f"To work out {calc.title[0].lower()}{calc.title[1:]} "
        f"({calc.rule.pin_cite}), I need: {asks}.",
        rule=calc.rule.ref(),
        missing=missing,
    )


def _error(calc: Calculator, message: str) -> Calculation:
    return Calculation(
        name=calc.name,
        result=None,
        explanation=message,
        rule=calc.rule.ref(),
        details={"error": message},
    )


def _validation_message(e: ValidationError) -> str:
    parts = [f"{'.'.join(str(p) for p in err['loc'])}: {err['msg']}" for err in e.errors()]
    return (
        f"Invalid input ({'; '.join(parts)}). Dates must be real and between {dates.VALID_RANGE}."
    )
