"""Shared plumbing of the deadline calculators: rules, input checks, results, fact lookup.

Holds no rule itself (the rules live in the ``deadlines_*`` modules). It turns a computed
date into a ``Calculation`` the same way for every deadline: ISO date in ``result``, a one-line
explanation that always shows the weekday and the pin-cite, other dates in ``details`` as ISO
strings, and for a last day on which someone must act, the note that AR 690-13 does not move
it off a weekend or holiday. No I/O; ``today`` comes from the ``Context``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

from pydantic import BaseModel, Field

from advisor.calculators import dates
from advisor.calculators.base import Context, Rule
from advisor.calculators.facts import Facts, keyword_distance
from advisor.models import Calculation

AR = "AR 690-13"
NOT_MOVED = (
    "AR 690-13 says nothing about a last day that falls on a weekend or federal holiday, "
    "so the date is not moved; act earlier if in doubt."
)


class DecisionInput(BaseModel):
    """Input of the calculators that count from a classification decision (3-12f, 3-13i(1))."""

    decision_date: date = Field(description="Date of the classification decision.")


def ar_rule(section: str, quote: str) -> Rule:
    """A rule of AR 690-13 with its quote whitespace-normalised.

    Args:
        section: The pin-cite, e.g. "3-9b" or "Figure 4-1".
        quote: The verbatim sentence(s) from the regulation.
    """
    return Rule(source=AR, section=section, quote=" ".join(quote.split()))


def check_input_dates(inputs: BaseModel) -> None:
    """Raise CalculatorError if any date field of ``inputs`` is outside 1990-01-01..2100-12-31.

    Args:
        inputs: A calculator's validated input model.
    """
    for name, value in inputs:
        if isinstance(value, date):
            dates.check_date(value, name.replace("_", " "))


def _json(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _json(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_json(v) for v in value]
    return value


def deadline_calculation(
    name: str,
    rule: Rule,
    inputs: BaseModel,
    context: Context,
    result: date,
    explanation: str,
    details: dict[str, Any] | None = None,
    *,
    act_by: bool = True,
) -> Calculation:
    """Build the ``Calculation`` of a deadline.

    Args:
        name: The calculator's name.
        rule: The rule applied.
        inputs: The validated inputs.
        context: The calculation context (``today`` decides whether the date has passed).
        result: The computed date.
        explanation: One sentence, already showing ``dates.fmt(result)``; the pin-cite is
            appended.
        details: Other dates and facts; dates are converted to ISO strings.
        act_by: True when ``result`` is a last day by which someone must act: adds the
            weekend/holiday note and says whether the day has passed.
    """
    dates.check_date(result, "resulting date")
    out = _json(dict(details or {}))
    out["weekday"] = dates.weekday_name(result)
    out["days_from_today"] = dates.days_between(context.today, result)
    text = explanation.rstrip(".") + f" ({rule.pin_cite})."
    if act_by:
        out["note"] = NOT_MOVED
        if dates.is_weekend(result):
            text += f" It falls on a {dates.weekday_name(result)};"
            text += " AR 690-13 does not move it for a weekend or holiday."
        else:
            text += " AR 690-13 does not move it for a holiday."
        if result < context.today:
            out["status"] = "passed"
            text += f" That day has passed (today is {dates.fmt(context.today)})."
        else:
            out["status"] = "today" if result == context.today else "upcoming"
    return Calculation(
        name=name,
        inputs=inputs.model_dump(mode="json"),
        result=result.isoformat(),
        explanation=text,
        rule=rule.ref(),
        details=out,
    )


def missing_calculation(
    name: str, rule: Rule, inputs: BaseModel, missing: list[str], explanation: str
) -> Calculation:
    """A ``Calculation`` with no result yet because facts are missing.

    Args:
        name: The calculator's name.
        rule: The rule that would apply.
        inputs: The inputs given so far.
        missing: Names of the missing inputs.
        explanation: What to ask for, in one sentence.
    """
    return Calculation(
        name=name,
        inputs=inputs.model_dump(mode="json"),
        result=None,
        explanation=explanation,
        rule=rule.ref(),
        missing=missing,
    )


def dates_from_facts(
    facts: Facts,
    question: str,
    wanted: dict[str, str],
    optional: Iterable[str] = (),
) -> tuple[dict[str, date], list[str]]:
    """Find the date for each wanted input by the words around it.

    Every (field, date) pair is scored with ``facts.keyword_distance`` and the closest pairs
    are taken first, so one date never fills two fields. Only the first (main) field may take
    a lone date that no keyword marks.

    Args:
        facts: The extracted facts.
        question: The question they came from.
        wanted: Input field name -> a regular expression of the words that mark its date
            (alternatives joined by ``|``), the main date first.
        optional: Field names that may stay unknown without being reported missing.

    Returns:
        The found values and the names of required fields still missing.
    """
    items = facts.dates
    fields = {name: [keywords] for name, keywords in wanted.items()}
    pairs = sorted(
        (score, order, name, i)
        for order, (name, keywords) in enumerate(fields.items())
        for i in range(len(items))
        if (score := keyword_distance(items, i, question, keywords)) is not None
    )
    found: dict[str, date] = {}
    used: set[int] = set()
    for _, _, name, i in pairs:
        if name not in found and i not in used:
            found[name] = items[i].value
            used.add(i)
    main = next(iter(fields), None)
    unused = [i for i in range(len(items)) if i not in used]
    if main is not None and main not in found and len(items) == 1 and unused:
        found[main] = items[unused[0]].value
    skip = set(optional)
    return found, [name for name in fields if name not in found and name not in skip]


def from_dates(
    model: type[BaseModel],
    wanted: dict[str, str],
    optional: Iterable[str] = (),
) -> Callable[[Facts, str], BaseModel | list[str]]:
    """A ``from_facts`` for calculators whose inputs are dates only.

    Args:
        model: The calculator's input model.
        wanted: Field name -> regular expression of the words marking its date, main first.
        optional: Fields that may stay unknown.
    """
    fields = dict(wanted)
    opt = tuple(optional)

    def from_facts(facts: Facts, question: str) -> BaseModel | list[str]:
        found, missing = dates_from_facts(facts, question, fields, opt)
        return missing or model(**found)

    return from_facts


# A deadline question asks for a date: one more trigger for any of these words.
WHEN = (
    r"\bwhen\b|what date|which date|by when|deadline|last day|how long|until|earliest|latest"
    r"|\bdue\b|how many days"
)


def triggers(topic: str, *intents: str, when: bool = True) -> tuple[str, ...]:
    """Router triggers: the topic together with each intent, one trigger per intent.

    A question scores 1 for each intent it shows alongside the topic, plus 1 when it also
    asks for a date (``WHEN``); naming the topic alone ("Can I appeal?") scores 0, so a
    general question does not start a calculator.

    Args:
        topic: Regular expression naming the subject ("informal complaint").
        intents: Regular expressions of what is asked ("how long", "pay period").
        when: Add the topic-plus-``WHEN`` trigger.
    """
    every = (*intents, WHEN) if when else intents
    return tuple(rf"(?s)(?=.*(?:{topic}))(?=.*(?:{intent}))" for intent in every)
