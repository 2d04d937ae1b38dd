"""The checklist shape shared by the eligibility calculators, and criteria several reuse.

A checklist is a list of criteria, each ``met`` / ``not met`` / ``unknown`` with its pin-cite,
its text, what was found and (when unknown) the question to ask. The verdict is
``"eligible"`` when every criterion is met, ``"not eligible"`` when any is not met, and
``"need more information"`` otherwise (``verdict_any`` for rules with alternative routes).
Holds the 6-1b conditions and the 90-day break test used by 6-3, 6-4 and 6-6. No I/O.
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, Literal

from advisor.calculators.base import CalculatorError, Context, Rule, ar_rule
from advisor.calculators.dates import add_days, add_years, check_date
from advisor.models import Calculation

Status = Literal["met", "not met", "unknown"]
ELIGIBLE, NOT_ELIGIBLE, NEED_INFO = "eligible", "not eligible", "need more information"

PURPOSE_RULE = ar_rule(
    "6-1b(1)",
    "Enhance the recruitment and retention of individuals with unusually high qualifications, "
    "unique qualifications, or scarce skills; fill shortage category positions; or fill "
    "positions at remote or undesirable work sites.",
)
NEED_RULE = ar_rule(
    "6-1b(2)",
    "Be used only when there is a clearly documented need and a positive cost benefit.",
)


# Words that ask whether someone qualifies; combined with a topic in ``asks_eligibility``.
ASKS_ELIGIBILITY = r"(eligib|qualif|entitled|\b(can|could|may|do|does|am|is|will|would) (i|we|they|she|he)\b)"


def asks_eligibility(topic: str) -> str:
    """A trigger for a question asking whether someone qualifies for ``topic``."""
    return rf"{ASKS_ELIGIBILITY}.*(?:{topic})|(?:{topic}).*(eligib|qualif|entitled)"


def cite(section: str) -> str:
    """'AR 690-13 para 6-3' (or 'AR 690-13 Figure 4-1')."""
    return f"AR 690-13 para {section}" if section[:1].isdigit() else f"AR 690-13 {section}"


def status(value: bool | None) -> Status:
    """met for True, not met for False, unknown for None."""
    return "unknown" if value is None else ("met" if value else "not met")


def criterion(
    key: str, section: str, text: str, state: Status, question: str, finding: str = ""
) -> dict[str, Any]:
    """One checklist row; the question is kept only when the status is unknown."""
    row: dict[str, Any] = {"id": key, "status": state, "cite": cite(section), "text": text}
    if finding:
        row["finding"] = finding
    if state == "unknown":
        row["question"] = question
    return row


def verdict_all(rows: list[dict[str, Any]]) -> str:
    """Every criterion must be met."""
    states = {r["status"] for r in rows}
    if "not met" in states:
        return NOT_ELIGIBLE
    return NEED_INFO if "unknown" in states else ELIGIBLE


def verdict_any(rows: list[dict[str, Any]]) -> str:
    """Any one criterion suffices (alternative routes)."""
    states = {r["status"] for r in rows}
    if "met" in states:
        return ELIGIBLE
    return NEED_INFO if "unknown" in states else NOT_ELIGIBLE


def checklist(
    name: str,
    inputs: dict[str, Any],
    rule: Rule,
    rows: list[dict[str, Any]],
    verdict: str,
    *,
    meaning: tuple[str, str] | None = None,
    notes: list[str] | None = None,
) -> Calculation:
    """A Calculation holding the verdict, the rows and the questions for unknown rows.

    Args:
        name: Calculator name.
        inputs: The inputs as JSON.
        rule: The main rule of the checklist.
        rows: The criteria, from ``criterion``.
        verdict: From ``verdict_all``/``verdict_any`` or a rule-specific combination.
        meaning: What "eligible" and "not eligible" say here, when not plain eligibility
            (e.g. ("the position is covered", "the position is not covered")).
        notes: Caveats to show beside the verdict.
    """
    questions = [r["question"] for r in rows if r["status"] == "unknown"]
    failed = [r["text"] for r in rows if r["status"] == "not met"]
    if verdict == ELIGIBLE:
        why = "met: " + "; ".join(r["text"] for r in rows if r["status"] == "met")
    elif verdict == NOT_ELIGIBLE:
        why = "not met: " + "; ".join(failed) if failed else "no route is met"
    else:
        why = "still needed: " + " ".join(questions)
    said = {ELIGIBLE: meaning[0], NOT_ELIGIBLE: meaning[1]}.get(verdict) if meaning else None
    explanation = f"{verdict.capitalize()}{f' ({said})' if said else ''}: {why}."
    # Questions matter only while the verdict is open; the rows keep theirs regardless.
    details: dict[str, Any] = {
        "criteria": rows,
        "questions": questions if verdict == NEED_INFO else [],
    }
    if notes:
        details["notes"] = notes
    return Calculation(
        name=name,
        inputs=inputs,
        result=verdict,
        explanation=explanation,
        rule=rule.ref(),
        details=details,
    )


def purpose_rows(purpose: bool | None, need: bool | None) -> list[dict[str, Any]]:
    """The two conditions of para 6-1b that 6-3, 6-4 and 6-6 incorporate."""
    return [
        criterion(
            "purpose_6_1b",
            "6-1b(1)",
            "Used to recruit or retain people with unusually high or unique qualifications or "
            "scarce skills, to fill shortage category positions, or to fill positions at "
            "remote or undesirable work sites",
            status(purpose),
            "Is the action needed to recruit or retain someone with unusually high or unique "
            "qualifications or scarce skills, to fill a shortage category position, or to fill a "
            "position at a remote or undesirable work site?",
        ),
        criterion(
            "documented_need",
            "6-1b(2)",
            "A clearly documented need and a positive cost benefit",
            status(need),
            "Is there a clearly documented need and a positive cost benefit?",
        ),
    ]


def break_status(
    held_before: bool | None, last_end: date | None, context: Context, days: int = 90
) -> tuple[Status, str]:
    """Whether a break of at least ``days`` days since a position ended is complete today.

    Counting starts the day after the last day in the position (README convention), so the
    break is complete on ``last_end + days``.
    """
    if held_before is False:
        return "met", "never held such a position"
    if last_end is None:
        return "unknown", ""
    check_date(last_end, "date the last position ended")
    reached = add_days(last_end, days)
    # Same reading as deadlines_compensation: day 1 of the break is the day after the last day held.
    if context.today >= reached:
        return (
            "met",
            f"last day held {last_end.isoformat()}; {days}-day break reached {reached.isoformat()}",
        )
    return "not met", (
        f"last day held {last_end.isoformat()}; {days}-day break reached only on {reached.isoformat()}"
    )


def service_status(
    start: date | None, length: Decimal | None, years: int, context: Context
) -> tuple[Status, str]:
    """Whether ``years`` full years of service are complete: from the start date when given,
    else from the length of service stated ("for 14 months", as years)."""
    if start is not None or length is None:
        return anniversary_status(start, years, context)
    if length < 0:
        raise CalculatorError("The length of service must be 0 or more.")
    months = (length * 12).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    found = f"about {months} month(s) of service stated"
    return ("met" if length >= years else "not met"), found


def anniversary_status(start: date | None, years: int, context: Context) -> tuple[Status, str]:
    """Whether ``years`` full years since ``start`` are complete today (on the anniversary)."""
    if start is None:
        return "unknown", ""
    check_date(start, "start date")
    done = add_years(start, years)
    if context.today >= done:
        return "met", f"since {start.isoformat()}; {years} year(s) complete on {done.isoformat()}"
    return "not met", (
        f"since {start.isoformat()}; {years} year(s) complete only on {done.isoformat()}"
    )
