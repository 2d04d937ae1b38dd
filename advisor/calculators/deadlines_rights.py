"""Deadline calculators of AR 690-13 chapters 9 and 10: MSPB rights, special termination.

Paragraphs 9-5a (1 year of current continuous service for MSPB appeal rights), 10-3c (30
days to answer a proposed special termination under 10 USC 1590) and 10-3e (20 calendar
days to appeal the decision). Days are calendar days from the day after the event; years go
by the calendar (see ``dates``). Pure; no I/O.
"""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field

from advisor.calculators import dates
from advisor.calculators.base import Calculator, Context
from advisor.calculators.deadline_support import (
    ar_rule,
    check_input_dates,
    deadline_calculation,
    from_dates,
    triggers,
)
from advisor.models import Calculation

# --- 9-5a -------------------------------------------------------------------------------

MSPB_RULE = ar_rule(
    "9-5a",
    "Preference-eligible CIPMS employees who have completed 1 year of current continuous "
    "service in the same or similar positions retain all appeal rights to the Merit Systems "
    "Protection Board (MSPB) on matters under MSPB jurisdiction.",
)


class ServiceStartInput(BaseModel):
    service_start_date: date = Field(
        description="First day of current continuous service in the same or similar positions."
    )


def mspb_appeal_rights_date(inputs: ServiceStartInput, context: Context) -> Calculation:
    """Date a preference eligible completes 1 year of current continuous service (MSPB rights).

    Args:
        inputs: ``service_start_date``, the first day of current continuous service in the
            same or similar positions.
        context: ``today``.
    """
    check_input_dates(inputs)
    # The year includes its first day, so it is complete at the end of the day before the
    # anniversary; from the anniversary on, 1 year "has been completed".
    done = dates.add_years(inputs.service_start_date, 1)
    return deadline_calculation(
        "mspb_appeal_rights_date",
        MSPB_RULE,
        inputs,
        context,
        done,
        f"One year of current continuous service from {dates.fmt(inputs.service_start_date)} "
        f"is completed as of {dates.fmt(done)}; MSPB appeal rights apply only to preference "
        "eligibles",
        {
            "service_start_date": inputs.service_start_date,
            "last_day_of_first_year": dates.add_days(done, -1),
            "condition": "preference eligible; same or similar positions",
        },
        act_by=False,
    )


# --- 10-3c and 10-3e --------------------------------------------------------------------

REPLY_RULE = ar_rule(
    "10-3c",
    "The employee has the opportunity to answer the charges within 30 days of receipt of the "
    "proposal memorandum letter.",
)
TERMINATION_APPEAL_RULE = ar_rule(
    "10-3e",
    "Adverse decisions by the Secretary of the Army may be appealed by the employee within 20 "
    "calendar days of receipt of the written decision.",
)


class NoticeInput(BaseModel):
    notice_received_date: date = Field(
        description="Date the employee received the proposed termination memorandum."
    )


class DecisionReceivedInput(BaseModel):
    decision_received_date: date = Field(
        description="Date the employee received the Secretary of the Army's written decision."
    )


def termination_reply_deadline(inputs: NoticeInput, context: Context) -> Calculation:
    """Last day to answer a proposed special termination (10 USC 1590) to the SA.

    Args:
        inputs: ``notice_received_date``, the date the proposal memorandum was received.
        context: ``today``.
    """
    check_input_dates(inputs)
    # "within 30 days of receipt": not said to be calendar days, but the regulation counts no
    # other kind of day, so these are calendar days from the day after receipt.
    last = dates.add_days(inputs.notice_received_date, 30)
    return deadline_calculation(
        "termination_reply_deadline",
        REPLY_RULE,
        inputs,
        context,
        last,
        f"Answer the charges in writing to the Secretary of the Army by {dates.fmt(last)}: 30 "
        f"days after receiving the proposal on {dates.fmt(inputs.notice_received_date)}",
        {
            "notice_received_date": inputs.notice_received_date,
            "day_kind": "'days' (not said to be calendar days; counted as calendar days)",
        },
    )


def termination_appeal_deadline(inputs: DecisionReceivedInput, context: Context) -> Calculation:
    """Last day to appeal a Secretary of the Army special termination decision.

    Args:
        inputs: ``decision_received_date``, the date the written decision was received.
        context: ``today``.
    """
    check_input_dates(inputs)
    last = dates.add_days(inputs.decision_received_date, 20)
    return deadline_calculation(
        "termination_appeal_deadline",
        TERMINATION_APPEAL_RULE,
        inputs,
        context,
        last,
        f"Appeal to the Secretary of Defense (via ASD(FM&P)) by {dates.fmt(last)}: 20 calendar "
        f"days after receiving the decision on {dates.fmt(inputs.decision_received_date)}",
        {
            "decision_received_date": inputs.decision_received_date,
            "note_effective": "the termination is not held in abeyance pending the appeal "
            "(para 10-3h)",
        },
    )


_TERMINATION = r"terminat|removal|1590"
RIGHTS_DEADLINES: tuple[Calculator, ...] = (
    Calculator(
        name="mspb_appeal_rights_date",
        title="One year of service for MSPB appeal rights",
        kind="deadline",
        rule=MSPB_RULE,
        inputs=ServiceStartInput,
        run=mspb_appeal_rights_date,  # type: ignore[arg-type]
        triggers=triggers(
            r"\bmspb\b|merit systems protection board",
            r"\bwhen\b|what date|1 year|one year|how long|\bstart",
        ),
        from_facts=from_dates(
            ServiceStartInput,
            {"service_start_date": r"start|began|appoint|hired|joined|since|\bon\b"},
        ),
    ),
    Calculator(
        name="termination_reply_deadline",
        title="Deadline to answer a proposed termination",
        kind="deadline",
        rule=REPLY_RULE,
        inputs=NoticeInput,
        run=termination_reply_deadline,  # type: ignore[arg-type]
        triggers=triggers(_TERMINATION, r"\brepl|respond|answer|response|rebut"),
        from_facts=from_dates(
            NoticeInput,
            {"notice_received_date": r"receiv|proposal|notice|\bgot\b|served|handed|\bon\b"},
        ),
    ),
    Calculator(
        name="termination_appeal_deadline",
        title="Deadline to appeal a termination decision",
        kind="deadline",
        rule=TERMINATION_APPEAL_RULE,
        inputs=DecisionReceivedInput,
        run=termination_appeal_deadline,  # type: ignore[arg-type]
        triggers=triggers(_TERMINATION, r"\bappeal", r"secretary of defense|decision"),
        from_facts=from_dates(
            DecisionReceivedInput,
            {"decision_received_date": r"receiv|decision|\bgot\b|served|handed|\bon\b"},
        ),
    ),
)
