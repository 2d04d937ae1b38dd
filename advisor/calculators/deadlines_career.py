"""Deadline calculators of AR 690-13 chapters 5 and 8: training, IDPs and EPAs.

Paragraphs 5-2e (CIPMS training within 3 months), 5-5a(1) (the IDP at least annually) and
8-10d (one EPA in any 3-year period). Appeal and termination rights (chapters 9 and 10) are
in ``deadlines_rights``. Months and years go by the calendar, clamped at month end (see
``dates``). Pure; no I/O.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Literal

from pydantic import BaseModel, Field

from advisor.calculators import dates
from advisor.calculators.base import Calculator, Context
from advisor.calculators.deadline_support import (
    ar_rule,
    check_input_dates,
    dates_from_facts,
    deadline_calculation,
    from_dates,
    triggers,
)
from advisor.calculators.facts import Facts
from advisor.models import Calculation

# --- 5-2e -------------------------------------------------------------------------------

TRAINING_RULE = ar_rule(
    "5-2e",
    "In addition to training in civilian personnel management required for all new "
    "supervisors, new CIPMS supervisors will receive training on the CIPMS program within 3 "
    "months of assuming supervisory responsibility. The training will stress the major "
    "differences between the Army competitive service personnel system and CIPMS. A CIPMS "
    "overview is also required for all new CIPMS employees within 3 months of entering on duty.",
)


class TrainingInput(BaseModel):
    start_date: date = Field(
        description="Date supervisory responsibility was assumed (supervisor) or the date of "
        "entering on duty (employee)."
    )
    role: Literal["supervisor", "employee"] = Field(
        description="'supervisor' for CIPMS program training, 'employee' for the CIPMS overview."
    )


def cipms_training_deadline(inputs: TrainingInput, context: Context) -> Calculation:
    """Last day for a new CIPMS supervisor's training or a new employee's CIPMS overview.

    Args:
        inputs: ``start_date`` (assuming supervisory responsibility, or entering on duty) and
            ``role`` ("supervisor" or "employee").
        context: ``today``.
    """
    check_input_dates(inputs)
    last = dates.add_months(inputs.start_date, 3)
    what, event = (
        ("CIPMS program training", "assuming supervisory responsibility")
        if inputs.role == "supervisor"
        else ("the CIPMS overview", "entering on duty")
    )
    return deadline_calculation(
        "cipms_training_deadline",
        TRAINING_RULE,
        inputs,
        context,
        last,
        f"Complete {what} by {dates.fmt(last)}: 3 months after {event} on "
        f"{dates.fmt(inputs.start_date)}",
        {"start_date": inputs.start_date, "role": inputs.role},
    )


def _training_from_facts(facts: Facts, question: str) -> BaseModel | list[str]:
    found, missing = dates_from_facts(
        facts,
        question,
        {
            "start_date": r"supervis|entered on duty|\beod\b|hired|joined|started|began|became|assum|promot|\bon\b"
        },
    )
    low = question.lower()
    role: Literal["supervisor", "employee"] | None = None
    if facts.flags.get("supervisory") or re.search(r"(?<!non)(?<!non-)supervis", low):
        role = "supervisor"
    elif re.search(r"entered on duty|\beod\b|new (?:cipms )?employee|hired|joined|overview", low):
        role = "employee"
    else:
        missing.append("role")
    if missing or role is None:
        return missing
    return TrainingInput(start_date=found["start_date"], role=role)


# --- 5-5a(1) ----------------------------------------------------------------------------

IDP_RULE = ar_rule(
    "5-5a(1)",
    "DD Form 1917 will be used as the IDP. It will be completed at least annually and forwarded "
    "to the Defense Intelligence Agency upon completion, according to ICDP procedures.",
)


class IdpInput(BaseModel):
    last_idp_date: date = Field(description="Date the last IDP (DD Form 1917) was completed.")


def idp_review_due(inputs: IdpInput, context: Context) -> Calculation:
    """Date by which the next IDP (DD Form 1917) is due, at least annually.

    Args:
        inputs: ``last_idp_date``, the date the last IDP was completed.
        context: ``today``.
    """
    check_input_dates(inputs)
    due = dates.add_years(inputs.last_idp_date, 1)
    return deadline_calculation(
        "idp_review_due",
        IDP_RULE,
        inputs,
        context,
        due,
        f"The next IDP is due by {dates.fmt(due)}, one year after the last one on "
        f"{dates.fmt(inputs.last_idp_date)} (at least annually)",
        {
            "last_idp_date": inputs.last_idp_date,
            "practice": "IDPs are done with the performance appraisal (para 5-5a(3))",
        },
    )


# --- 8-10d ------------------------------------------------------------------------------

EPA_RULE = ar_rule(
    "8-10d", "An employee may not receive more than one EPA during any 3 year period."
)


class EpaInput(BaseModel):
    last_epa_date: date = Field(description="Effective date of the employee's last EPA.")


def epa_next_eligible(inputs: EpaInput, context: Context) -> Calculation:
    """Earliest date of the next Exemplary Performance Award after the last one.

    Args:
        inputs: ``last_epa_date``, the effective date of the last EPA.
        context: ``today``.
    """
    check_input_dates(inputs)
    # Any 3-year window that contains the last EPA ends at most the day before its third
    # anniversary, so the anniversary is the first date outside every such window.
    first = dates.add_years(inputs.last_epa_date, 3)
    return deadline_calculation(
        "epa_next_eligible",
        EPA_RULE,
        inputs,
        context,
        first,
        f"The next EPA may be received no earlier than {dates.fmt(first)}, 3 years after the "
        f"last one on {dates.fmt(inputs.last_epa_date)}",
        {
            "last_epa_date": inputs.last_epa_date,
            "other_conditions": "3 consecutive Exceptional ratings and 3 years at the same grade "
            "(para 8-10, 8-10a)",
        },
        act_by=False,
    )


CAREER_DEADLINES: tuple[Calculator, ...] = (
    Calculator(
        name="cipms_training_deadline",
        title="CIPMS training within 3 months",
        kind="deadline",
        rule=TRAINING_RULE,
        inputs=TrainingInput,
        run=cipms_training_deadline,  # type: ignore[arg-type]
        triggers=triggers(
            r"training|overview",
            r"cipms|supervis|entered on duty|new employee|3 months|three months|within|deadline"
            r"|by when",
        ),
        from_facts=_training_from_facts,
    ),
    Calculator(
        name="idp_review_due",
        title="Next IDP due (at least annually)",
        kind="deadline",
        rule=IDP_RULE,
        inputs=IdpInput,
        run=idp_review_due,  # type: ignore[arg-type]
        triggers=triggers(
            r"\bidps?\b|individual development plan|dd form 1917",
            r"\bdue\b|annual|\bnext\b|\bwhen\b|update|renew|redo",
        ),
        from_facts=from_dates(
            IdpInput,
            {"last_idp_date": r"idp|development plan|1917|last|complet|\bon\b"},
        ),
    ),
    Calculator(
        name="epa_next_eligible",
        title="Earliest next Exemplary Performance Award",
        kind="deadline",
        rule=EPA_RULE,
        inputs=EpaInput,
        run=epa_next_eligible,  # type: ignore[arg-type]
        triggers=triggers(
            r"\bepas?\b|exemplary performance award",
            r"\bnext\b|another|again|second|how often|3[- ]year period|when can",
        ),
        from_facts=from_dates(
            EpaInput,
            {"last_epa_date": r"\bepa\b|exemplary|receiv|\bgot\b|awarded|last|\bon\b"},
        ),
    ),
)
