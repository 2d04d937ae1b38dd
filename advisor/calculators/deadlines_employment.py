"""Deadline calculators of AR 690-13 chapter 4 and Figure 4-1: trial period, records, status.

Paragraphs 4-7 (1-year trial period), 4-12 (records retention) and Figure 4-1 (consideration
for the competitive service); promotions and details (4-11) are in ``deadlines_promotion``.
Two ways of counting, both documented where used:

- a period of service (a trial period) includes its first day, so it ends the day before
  the anniversary (``dates.period_last_day``);
- a time "from" or "after" an event starts counting the day after it (``dates.add_days``,
  ``dates.add_years``).

Pure functions; no I/O.
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

_START = r"start|began|begin|effective|since|\bon\b"

# --- 4-7 --------------------------------------------------------------------------------

TRIAL_RULE = ar_rule(
    "4-7",
    "All new employees will serve a 1-year trial period. A new employee who has previously "
    "completed a trial or probationary period in either the excepted or the competitive "
    "service need not serve another trial period.",
)


class AppointmentInput(BaseModel):
    appointment_date: date = Field(description="Date of appointment (entry on duty).")


def trial_period_end(inputs: AppointmentInput, context: Context) -> Calculation:
    """Last day of a new employee's 1-year trial period.

    Args:
        inputs: ``appointment_date``, the date the new employee was appointed (the first day
            of the trial period).
        context: ``today``.
    """
    check_input_dates(inputs)
    # The appointment day is the first day of the trial period, so a 1-year period ends the
    # day before the first anniversary (appointed Feb 29: the anniversary is clamped to
    # Feb 28, so the last day is Feb 27 of the next year).
    last = dates.period_last_day(inputs.appointment_date, years=1)
    done = dates.add_days(last, 1)
    return deadline_calculation(
        "trial_period_end",
        TRIAL_RULE,
        inputs,
        context,
        last,
        f"The 1-year trial period runs through {dates.fmt(last)} and is complete on "
        f"{dates.fmt(done)}, for an appointment on {dates.fmt(inputs.appointment_date)}",
        {
            "appointment_date": inputs.appointment_date,
            "completed_on": done,
            "exception": "not required if a trial or probationary period was already completed "
            "in the excepted or competitive service",
        },
        act_by=False,
    )


# --- 4-12 -------------------------------------------------------------------------------

RECORDS_RULE = ar_rule(
    "4-12",
    "Records must be available for review for a minimum period of 5 years from the effective "
    "date of the resulting personnel action.",
)


class EffectiveDateInput(BaseModel):
    effective_date: date = Field(description="Effective date of the resulting personnel action.")


def records_retention_until(inputs: EffectiveDateInput, context: Context) -> Calculation:
    """Date through which merit promotion records must stay available for review.

    Args:
        inputs: ``effective_date`` of the personnel action the records support.
        context: ``today``.
    """
    check_input_dates(inputs)
    # "5 years from the effective date": counted from the day after, so the period ends on
    # the fifth anniversary; the records may go only after that day.
    until = dates.add_years(inputs.effective_date, 5)
    return deadline_calculation(
        "records_retention_until",
        RECORDS_RULE,
        inputs,
        context,
        until,
        f"Keep the records available for review through {dates.fmt(until)}, 5 years from the "
        f"effective date {dates.fmt(inputs.effective_date)} (a minimum)",
        {"effective_date": inputs.effective_date, "disposal_not_before": dates.add_days(until, 1)},
        act_by=False,
    )


# --- Figure 4-1 -------------------------------------------------------------------------

COMPETITIVE_RULE = ar_rule(
    "Figure 4-1",
    "I understand in accordance with an agreement between the Office of Personnel Management "
    "(OPM) and DOD, effective March 9, 1990, I may be considered for a position in the "
    "competitive service after serving continuously for at least 1 year in a CIPMS position.",
)


class CipmsServiceInput(BaseModel):
    cipms_service_start: date = Field(
        description="First day of continuous service in a CIPMS position."
    )


def competitive_service_consideration_date(
    inputs: CipmsServiceInput, context: Context
) -> Calculation:
    """First date a CIPMS employee may be considered for a competitive-service position.

    Args:
        inputs: ``cipms_service_start``, the first day of continuous CIPMS service.
        context: ``today``.
    """
    check_input_dates(inputs)
    # "after serving continuously for at least 1 year": the year of service includes its first
    # day and is complete at the end of the day before the anniversary, so the first date on
    # which a full year has been served is the anniversary itself.
    first = dates.add_years(inputs.cipms_service_start, 1)
    return deadline_calculation(
        "competitive_service_consideration_date",
        COMPETITIVE_RULE,
        inputs,
        context,
        first,
        f"After continuous CIPMS service from {dates.fmt(inputs.cipms_service_start)}, "
        f"consideration for the competitive service is possible from {dates.fmt(first)}",
        {
            "cipms_service_start": inputs.cipms_service_start,
            "last_day_of_first_year": dates.add_days(first, -1),
            "condition": "service must be continuous, in a CIPMS position",
        },
        act_by=False,
    )


EMPLOYMENT_DEADLINES: tuple[Calculator, ...] = (
    Calculator(
        name="trial_period_end",
        title="End of the 1-year trial period",
        kind="deadline",
        rule=TRIAL_RULE,
        inputs=AppointmentInput,
        run=trial_period_end,  # type: ignore[arg-type]
        triggers=triggers(
            r"trial period|probation",
            r"\bend\b|ends|\bover\b|finish|complete|\bwhen\b|last day|through|until",
        ),
        from_facts=from_dates(
            AppointmentInput,
            {
                "appointment_date": r"appoint|hired|entered on duty|\beod\b|joined|started|began|\bon\b"
            },
        ),
    ),
    Calculator(
        name="records_retention_until",
        title="Retention of merit promotion records",
        kind="deadline",
        rule=RECORDS_RULE,
        inputs=EffectiveDateInput,
        run=records_retention_until,  # type: ignore[arg-type]
        triggers=triggers(
            r"\brecords?\b|documentation|case files?",
            r"retain|retention|keep|kept|dispos|destroy|discard|throw|available for review"
            r"|how long",
        ),
        from_facts=from_dates(
            EffectiveDateInput,
            {"effective_date": r"effective|action|promot|processed|\bon\b"},
        ),
    ),
    Calculator(
        name="competitive_service_consideration_date",
        title="When a CIPMS employee may be considered for the competitive service",
        kind="deadline",
        rule=COMPETITIVE_RULE,
        inputs=CipmsServiceInput,
        run=competitive_service_consideration_date,  # type: ignore[arg-type]
        triggers=triggers(
            r"competitive service|competitive[- ]service position",
            r"consider|eligible|\bmove|transfer|apply|\bwhen\b|switch",
        ),
        from_facts=from_dates(
            CipmsServiceInput,
            {"cipms_service_start": r"cipms|appoint|joined|hired|converted|" + _START},
        ),
    ),
)
