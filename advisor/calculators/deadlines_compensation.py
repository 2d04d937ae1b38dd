"""Deadline calculators of AR 690-13 chapter 6: breaks in service, service agreements, payback.

Paragraphs 6-3 (the 90-day break that makes a former employee a "new CIPMS employee" for a
recruitment bonus), 6-3b (the bonus service agreement), 6-4a (the 90-day break for an
advanced hiring salary) and 6-7 (payback period of an advance payment of basic pay).
"N days since" an event is counted from the day after it (``dates.add_days``); a period of
service includes its first day (``dates.period_last_day``). Pure functions; no I/O.
"""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field

from advisor.calculators import dates
from advisor.calculators.base import Calculator, CalculatorError, Context, Rule
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

_LEFT = r"\bleft\b|last day|\blast\b|separat|resign|quit|retir|ended|\bout\b|\bon\b"

# --- 6-3 and 6-4a: the 90-day break -----------------------------------------------------

CIPMS_BREAK_RULE = ar_rule(
    "6-3",
    "For this purpose, a new CIPMS employee is defined as one who is not currently serving in a "
    "CIPMS position and, if a former Federal employee, has a break of at least 90 days since "
    "last holding a CIPMS position.",
)
FEDERAL_BREAK_RULE = ar_rule(
    "6-4a",
    "A new employee is defined for this purpose as one who is not currently on the rolls of a "
    "Federal agency as a civilian and, if a former Federal civilian employee, has a break of at "
    "least 90 days since last holding a Federal civilian position of any type.",
)


class CipmsBreakInput(BaseModel):
    last_cipms_position_end: date = Field(
        description="Last day the person held a CIPMS position (separation date)."
    )


class FederalBreakInput(BaseModel):
    last_federal_position_end: date = Field(
        description="Last day the person held any Federal civilian position (separation date)."
    )


def _break(
    name: str, rule: Rule, inputs: BaseModel, last_day: date, what: str, context: Context
) -> Calculation:
    check_input_dates(inputs)
    # "a break of at least 90 days since last holding" a position: days since the last day
    # held, counted from the day after it, so the 90th day of the break is last_day + 90.
    met = dates.add_days(last_day, 90)
    return deadline_calculation(
        name,
        rule,
        inputs,
        context,
        met,
        f"The 90-day break since last holding {what} on {dates.fmt(last_day)} is reached on "
        f"{dates.fmt(met)} (90 days later)",
        {
            "last_day_held": last_day,
            "break_reached": met,
            "first_day_after_90_full_days": dates.add_days(met, 1),
            "reading": "90 days counted from the day after the last day held; an appointment "
            "dated on the result day itself follows 89 whole days off the rolls",
        },
        act_by=False,
    )


def new_cipms_employee_break(inputs: CipmsBreakInput, context: Context) -> Calculation:
    """Date a former CIPMS employee's break reaches the 90 days that make them "new" (6-3).

    Args:
        inputs: ``last_cipms_position_end``, the last day the person held a CIPMS position.
        context: ``today``.
    """
    return _break(
        "new_cipms_employee_break",
        CIPMS_BREAK_RULE,
        inputs,
        inputs.last_cipms_position_end,
        "a CIPMS position",
        context,
    )


def advanced_hiring_break(inputs: FederalBreakInput, context: Context) -> Calculation:
    """Date a former Federal civilian employee's break reaches 90 days (6-4a).

    Args:
        inputs: ``last_federal_position_end``, the last day the person held any Federal
            civilian position.
        context: ``today``.
    """
    return _break(
        "advanced_hiring_break",
        FEDERAL_BREAK_RULE,
        inputs,
        inputs.last_federal_position_end,
        "a Federal civilian position",
        context,
    )


# --- 6-3b -------------------------------------------------------------------------------

AGREEMENT_RULE = ar_rule(
    "6-3b",
    "The recipient of a bonus incurs an obligation to serve in an Army CIPMS position for an "
    "agreed upon period of time, which is not less than 1 year and may not exceed 3 years.",
)


class ServiceAgreementInput(BaseModel):
    start_date: date = Field(description="First day of service under the bonus agreement.")
    years: int = Field(description="Agreed period of service in whole years: 1, 2 or 3.")


def service_agreement_end(inputs: ServiceAgreementInput, context: Context) -> Calculation:
    """Last day of service owed under a recruitment bonus service agreement.

    Args:
        inputs: ``start_date`` (first day of service under the agreement) and ``years``,
            the agreed period (1 to 3 years).
        context: ``today``.
    """
    check_input_dates(inputs)
    if not 1 <= inputs.years <= 3:
        raise CalculatorError(
            f"A service agreement of {inputs.years} year(s) is not allowed: para 6-3b requires "
            "not less than 1 year and not more than 3 years (1, 2 or 3)."
        )
    last = dates.period_last_day(inputs.start_date, years=inputs.years)
    return deadline_calculation(
        "service_agreement_end",
        AGREEMENT_RULE,
        inputs,
        context,
        last,
        f"A {inputs.years}-year service obligation from {dates.fmt(inputs.start_date)} runs "
        f"through {dates.fmt(last)}",
        {
            "start_date": inputs.start_date,
            "complete_on": dates.add_days(last, 1),
            "if_leaving_earlier": "leaving voluntarily or for cause before the end means repaying "
            "any part of the bonus already paid (para 6-3b(1))",
        },
        act_by=False,
    )


def _agreement_from_facts(facts: Facts, question: str) -> BaseModel | list[str]:
    found, missing = dates_from_facts(
        facts,
        question,
        {"start_date": r"start|began|appoint|hired|joined|sign|\bon\b"},
    )
    years = [d.amount for d in facts.durations if d.unit == "years"]
    years += [d.amount // 12 for d in facts.durations if d.unit == "months" and d.amount % 12 == 0]
    if not years:
        missing.append("years")
    return missing or ServiceAgreementInput(start_date=found["start_date"], years=years[0])


# --- 6-7 --------------------------------------------------------------------------------

PAYBACK_RULE = ar_rule(
    "6-7",
    "The pay-back period will be not less than 6 months from the date of the employee's "
    "appointment.",
)


class PaybackInput(BaseModel):
    appointment_date: date = Field(description="Date of the employee's appointment.")


def advance_pay_payback_min(inputs: PaybackInput, context: Context) -> Calculation:
    """Earliest end of the payback period of an advance payment of basic pay.

    Args:
        inputs: ``appointment_date``, the date the employee was appointed.
        context: ``today``.
    """
    check_input_dates(inputs)
    # "not less than 6 months from the date of the employee's appointment": calendar months,
    # clamped at month end (appointed Aug 31: Feb 28 or 29).
    end = dates.add_months(inputs.appointment_date, 6)
    return deadline_calculation(
        "advance_pay_payback_min",
        PAYBACK_RULE,
        inputs,
        context,
        end,
        f"The payback period may end no earlier than {dates.fmt(end)}, 6 months from the "
        f"appointment on {dates.fmt(inputs.appointment_date)}",
        {"appointment_date": inputs.appointment_date},
        act_by=False,
    )


_RETURN = r"break|90[- ]days?|\bleft\b|former|return|rehire|come back|came back|re-?join"
COMPENSATION_DEADLINES: tuple[Calculator, ...] = (
    Calculator(
        name="new_cipms_employee_break",
        title="90-day break for a recruitment bonus",
        kind="deadline",
        rule=CIPMS_BREAK_RULE,
        inputs=CipmsBreakInput,
        run=new_cipms_employee_break,  # type: ignore[arg-type]
        triggers=triggers(
            r"recruitment bonus|premium recruitment|\bbonus|new cipms employee", _RETURN
        ),
        from_facts=from_dates(CipmsBreakInput, {"last_cipms_position_end": _LEFT}),
    ),
    Calculator(
        name="service_agreement_end",
        title="End of a recruitment bonus service agreement",
        kind="deadline",
        rule=AGREEMENT_RULE,
        inputs=ServiceAgreementInput,
        run=service_agreement_end,  # type: ignore[arg-type]
        triggers=triggers(
            r"service agreement|obligat|agreed (?:upon )?period|commitment",
            r"\bend\b|until|\bwhen\b|how long|\bserve|through|complete",
        ),
        from_facts=_agreement_from_facts,
    ),
    Calculator(
        name="advanced_hiring_break",
        title="90-day break for an advanced hiring salary",
        kind="deadline",
        rule=FEDERAL_BREAK_RULE,
        inputs=FederalBreakInput,
        run=advanced_hiring_break,  # type: ignore[arg-type]
        triggers=triggers(r"advanced (?:hiring|in-?hire|hire)|above step 1|higher step", _RETURN),
        from_facts=from_dates(FederalBreakInput, {"last_federal_position_end": _LEFT}),
    ),
    Calculator(
        name="advance_pay_payback_min",
        title="Minimum payback period of an advance of pay",
        kind="deadline",
        rule=PAYBACK_RULE,
        inputs=PaybackInput,
        run=advance_pay_payback_min,  # type: ignore[arg-type]
        triggers=triggers(
            r"advance (?:payment|pay)|advanced pay|pay advance",
            r"pay[- ]?back|repay|recover|paid back",
        ),
        from_facts=from_dates(
            PaybackInput,
            {"appointment_date": r"appoint|hired|entered on duty|joined|started|\bon\b"},
        ),
    ),
)
