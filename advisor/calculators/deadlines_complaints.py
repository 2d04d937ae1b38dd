"""Deadline calculators of AR 690-13 chapter 3 before the formal appeal: guides and complaints.

Paragraphs 3-3b (applying an Army Occupational Guide), 3-9b (appealing a downgrade), 3-12f
(making a change decided on an informal complaint) and 3-12g (length of the informal
complaint process). Formal appeals (3-13) are in ``deadlines_appeals``. Days are calendar
days counted from the day after the event; pay periods are the agency's biweekly periods
from ``Context.pay_period_anchor`` (see ``dates``). Pure functions; no I/O.
"""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field

from advisor.calculators import dates
from advisor.calculators.base import Calculator, Context
from advisor.calculators.deadline_support import (
    DecisionInput,
    ar_rule,
    check_input_dates,
    deadline_calculation,
    from_dates,
    triggers,
)
from advisor.models import Calculation

# --- 3-9b -------------------------------------------------------------------------------

DOWNGRADE_RULE = ar_rule(
    "3-9b",
    "This notice must inform the employee that an appeal may only be filed within 15 "
    "calendar days of the personnel action to preserve entitlement to retroactive benefits.",
)


class DowngradeAppealInput(BaseModel):
    action_date: date = Field(
        description="Effective date of the personnel action that lowered the grade or pay."
    )


def downgrade_appeal_deadline(inputs: DowngradeAppealInput, context: Context) -> Calculation:
    """Last day to file a classification appeal after a downgrade and keep retroactive benefits.

    Args:
        inputs: ``action_date``, the effective date of the personnel action that lowered the
            employee's grade or rate of pay.
        context: ``today`` (to say whether the day has passed).
    """
    check_input_dates(inputs)
    last = dates.add_days(inputs.action_date, 15)
    return deadline_calculation(
        "downgrade_appeal_deadline",
        DOWNGRADE_RULE,
        inputs,
        context,
        last,
        f"File the appeal by {dates.fmt(last)}: 15 calendar days after the personnel action of "
        f"{dates.fmt(inputs.action_date)}, to keep entitlement to retroactive benefits",
        {
            "action_date": inputs.action_date,
            "after_this_date": "an appeal may still be filed at any time (para 3-9a) but without "
            "the entitlement to retroactive benefits",
        },
    )


# --- 3-12f ------------------------------------------------------------------------------

CHANGE_RULE = ar_rule(
    "3-12f",
    "If a change in pay plan, title, series, or grade is necessary, the change will be made "
    "within 4 pay periods from the date of the decision.",
)


def classification_change_deadline(inputs: DecisionInput, context: Context) -> Calculation:
    """Last day of the 4-pay-period window for a change decided on an informal complaint.

    Args:
        inputs: ``decision_date``, the date the supervisor/CPO decided the change is needed.
        context: ``pay_period_anchor`` (the agency's biweekly cycle) and ``today``.
    """
    check_input_dates(inputs)
    d, anchor = inputs.decision_date, context.pay_period_anchor
    # "within 4 pay periods from the date of the decision": like calendar days, pay periods
    # are counted from the day after the decision, so the window is the 4 whole pay periods
    # that begin strictly after it. A decision made on a pay-period Sunday falls in the
    # period that began that day, which is therefore not counted ("from" = strictly after).
    first = dates.nth_pp_start_after(d, 1, anchor)
    fourth = dates.nth_pp_start_after(d, 4, anchor)
    last = dates.add_days(fourth, 13)
    earlier = dates.add_days(dates.pp_start(d, anchor), 4 * 14 - 1)
    return deadline_calculation(
        "classification_change_deadline",
        CHANGE_RULE,
        inputs,
        context,
        last,
        f"Make the change by {dates.fmt(last)}: the end of the 4th pay period beginning after "
        f"the decision of {dates.fmt(d)} (pay periods {first.isoformat()} to {last.isoformat()})",
        {
            "decision_pay_period_start": dates.pp_start(d, anchor),
            "window_start": first,
            "fourth_pay_period_start": fourth,
            "window_end": last,
            "reading": "the 4 pay periods are those beginning after the decision date",
            "end_if_decision_period_counted": earlier,
        },
    )


# --- 3-12g ------------------------------------------------------------------------------

INFORMAL_RULE = ar_rule(
    "3-12g", "The informal complaint process should take no more than 15 calendar days."
)


class InformalComplaintInput(BaseModel):
    filed_date: date = Field(description="Date the informal complaint was made to the supervisor.")


def informal_complaint_deadline(inputs: InformalComplaintInput, context: Context) -> Calculation:
    """Date by which the informal classification complaint process should be finished.

    Args:
        inputs: ``filed_date``, the date the informal complaint was made (oral or written).
        context: ``today``.
    """
    check_input_dates(inputs)
    last = dates.add_days(inputs.filed_date, 15)
    return deadline_calculation(
        "informal_complaint_deadline",
        INFORMAL_RULE,
        inputs,
        context,
        last,
        f"The informal complaint process should be finished by {dates.fmt(last)}: 15 calendar "
        f"days after the complaint of {dates.fmt(inputs.filed_date)} (a target: 'should')",
        {
            "filed_date": inputs.filed_date,
            "nature": "a target ('should take no more than'), not a limit on the employee; an "
            "appeal may be filed at any time (para 3-12h, 3-13a)",
        },
    )


# --- 3-3b -------------------------------------------------------------------------------

AOG_RULE = ar_rule(
    "3-3b",
    "AOGs will be applied within 120 days of receipt unless otherwise authorized by the "
    "Director of the IPMO.",
)


class ReceiptInput(BaseModel):
    received_date: date = Field(description="Date the Army Occupational Guide was received.")


def occupational_guide_deadline(inputs: ReceiptInput, context: Context) -> Calculation:
    """Last day to apply a newly received Army Occupational Guide (AOG).

    Args:
        inputs: ``received_date``, the date the activity received the AOG.
        context: ``today``.
    """
    check_input_dates(inputs)
    # "within 120 days of receipt": the paragraph does not say "calendar", but the regulation
    # counts no other kind of day anywhere, so these are calendar days.
    last = dates.add_days(inputs.received_date, 120)
    return deadline_calculation(
        "occupational_guide_deadline",
        AOG_RULE,
        inputs,
        context,
        last,
        f"Apply the AOG by {dates.fmt(last)}: 120 days after receipt on "
        f"{dates.fmt(inputs.received_date)}, unless the Director of the IPMO authorizes otherwise",
        {
            "received_date": inputs.received_date,
            "day_kind": "'days' (not said to be calendar days; counted as calendar days)",
        },
    )


_DOWNGRADE = (
    r"downgrad|lower grade|demot|reduc\w* (?:in|my|of) (?:grade|pay)|declassification"
    r"|lower(?:ed)? (?:my )?(?:grade|pay)"
)
_INFORMAL = r"informal (?:classification )?(?:complaint|review)"
_DECIDED = r"decid|decision|agreed|determin|concluded|\bon\b"

COMPLAINT_DEADLINES: tuple[Calculator, ...] = (
    Calculator(
        name="downgrade_appeal_deadline",
        title="Deadline to appeal a downgrade with retroactive benefits",
        kind="deadline",
        rule=DOWNGRADE_RULE,
        inputs=DowngradeAppealInput,
        run=downgrade_appeal_deadline,  # type: ignore[arg-type]
        triggers=triggers(_DOWNGRADE, r"appeal|retroactiv|deadline|\bfile\b")
        + (rf"(?s)^(?!.*(?:effective date|take effect|reopen))(?=.*(?:{_DOWNGRADE}))",),
        from_facts=from_dates(
            DowngradeAppealInput,
            {
                "action_date": r"downgrad|action|effective|demot|lower|reduc|notif|notice|happened|\bon\b"
            },
        ),
    ),
    Calculator(
        name="classification_change_deadline",
        title="Deadline to make a change decided on an informal complaint",
        kind="deadline",
        rule=CHANGE_RULE,
        inputs=DecisionInput,
        run=classification_change_deadline,  # type: ignore[arg-type]
        triggers=triggers(
            _INFORMAL,
            r"pay periods?|(?:change|correction)\b[^.?]*\b(?:be made|made|implement|process|"
            r"take effect|effective)",
        ),
        from_facts=from_dates(DecisionInput, {"decision_date": _DECIDED}),
    ),
    Calculator(
        name="informal_complaint_deadline",
        title="Target length of the informal classification complaint process",
        kind="deadline",
        rule=INFORMAL_RULE,
        inputs=InformalComplaintInput,
        run=informal_complaint_deadline,  # type: ignore[arg-type]
        triggers=triggers(
            _INFORMAL,
            r"how long|\btake\b(?! effect)|15 (?:calendar )?days|finish|complete|resolv|"
            r"hear back|respon|answer|conclude",
        ),
        from_facts=from_dates(
            InformalComplaintInput,
            {"filed_date": r"filed|file|made|raised|submit|complain|told|\bon\b"},
        ),
    ),
    Calculator(
        name="occupational_guide_deadline",
        title="Deadline to apply an Army Occupational Guide",
        kind="deadline",
        rule=AOG_RULE,
        inputs=ReceiptInput,
        run=occupational_guide_deadline,  # type: ignore[arg-type]
        triggers=triggers(
            r"\baogs?\b|occupational guide", r"appl|receiv|implement|120|deadline|\bwhen\b"
        ),
        from_facts=from_dates(ReceiptInput, {"received_date": r"receiv|got|arriv|\bon\b"}),
    ),
)
