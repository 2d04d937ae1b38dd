"""Deadline calculators of AR 690-13 para 3-13 while a formal appeal is pending.

Paragraphs 3-13f (when a decision is normally due, and the new 30-day period at the DCSINT)
and 3-13f(2) (requesting higher level review of an unfavorable decision). What follows a
decision (3-13i(1), 3-13k(1)) is in ``deadlines_appeal_outcomes``. Days are calendar days
counted from the day after the event (``dates.add_days``). Pure functions; no I/O.
"""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field

from advisor.calculators import dates
from advisor.calculators.base import Calculator, CalculatorError, Context
from advisor.calculators.deadline_support import (
    ar_rule,
    check_input_dates,
    deadline_calculation,
    from_dates,
    missing_calculation,
    triggers,
)
from advisor.calculators.facts import Facts
from advisor.models import Calculation

# --- 3-13f ------------------------------------------------------------------------------

DECISION_RULE = ar_rule(
    "3-13f",
    "Appeal decisions will normally be made within 30 calendar days of receipt. If a decision "
    "cannot be made within that period, the appellant will be informed in writing of the "
    "expected date of decision and the reasons for the delay. If the appeal is later forwarded "
    "to the DCSINT for decision, an additional 30-day period begins upon receipt at that level.",
)


class AppealDecisionInput(BaseModel):
    received_date: date = Field(
        description="Date the appellate authority (MACOM or FOA; the DCSINT for their "
        "headquarters positions) received the appeal."
    )
    forwarded_to_dcsint: bool = Field(
        default=False, description="True if the appeal was later forwarded to the DCSINT."
    )
    dcsint_received_date: date | None = Field(
        default=None, description="Date the DCSINT received the forwarded appeal, if known."
    )


def appeal_decision_due(inputs: AppealDecisionInput, context: Context) -> Calculation:
    """Date by which a classification appeal decision is normally due.

    Args:
        inputs: ``received_date`` (receipt by the appellate authority); if the appeal was
            later forwarded to the DCSINT, ``forwarded_to_dcsint`` and
            ``dcsint_received_date`` (receipt there starts a new 30-day period).
        context: ``today``.
    """
    check_input_dates(inputs)
    first = dates.add_days(inputs.received_date, 30)
    forwarded = inputs.forwarded_to_dcsint or inputs.dcsint_received_date is not None
    details = {
        "received_date": inputs.received_date,
        "first_level_due": first,
        "nature": "'normally': if later, the appellant must be told in writing of the "
        "expected date and the reasons for the delay",
    }
    if not forwarded:
        return deadline_calculation(
            "appeal_decision_due",
            DECISION_RULE,
            inputs,
            context,
            first,
            f"A decision is normally due by {dates.fmt(first)}: 30 calendar days after receipt "
            f"on {dates.fmt(inputs.received_date)}",
            details,
        )
    got = inputs.dcsint_received_date
    if got is None:
        # The additional period runs from receipt at the DCSINT, a date we cannot infer.
        return missing_calculation(
            "appeal_decision_due",
            DECISION_RULE,
            inputs,
            ["dcsint_received_date"],
            "The additional 30-day period begins when the DCSINT receives the forwarded "
            "appeal; on what date did the DCSINT receive it?",
        )
    if got < inputs.received_date:
        raise CalculatorError(
            f"The DCSINT receipt date {got.isoformat()} is before the first receipt "
            f"{inputs.received_date.isoformat()}; it must be on or after it."
        )
    due = dates.add_days(got, 30)
    details["dcsint_received_date"] = got
    return deadline_calculation(
        "appeal_decision_due",
        DECISION_RULE,
        inputs,
        context,
        due,
        f"The DCSINT decision is normally due by {dates.fmt(due)}: an additional 30 days from "
        f"its receipt on {dates.fmt(got)}",
        details,
    )


def _appeal_decision_from_facts(facts: Facts, question: str) -> BaseModel | list[str]:
    base = from_dates(
        AppealDecisionInput,
        {
            "received_date": r"receiv|filed|submitt|sent|macom|\bfoa\b",
            "dcsint_received_date": r"dcsint",
        },
        optional=("dcsint_received_date",),
    )(facts, question)
    if isinstance(base, list):
        return base
    flag = facts.flags.get("forwarded_to_dcsint", False)
    if flag and getattr(base, "dcsint_received_date", None) is None:
        return ["dcsint_received_date"]
    return base.model_copy(update={"forwarded_to_dcsint": flag})


# --- 3-13f(2) ---------------------------------------------------------------------------

REVIEW_RULE = ar_rule(
    "3-13f(2)",
    "The notice will also advise that in order to continue the appeal, the appellant or his or "
    "her representative must request, in writing, a higher level review. This request must be "
    "received by the MACOM or FOA which rendered the initial decision within 15 calendar days "
    "after the date of the original decision memorandum.",
)


class DecisionMemoInput(BaseModel):
    decision_memo_date: date = Field(
        description="Date of the MACOM or FOA memorandum that decided the appeal unfavorably."
    )


def higher_level_review_deadline(inputs: DecisionMemoInput, context: Context) -> Calculation:
    """Last day a request for higher level review must be received after an unfavorable decision.

    Args:
        inputs: ``decision_memo_date``, the date of the original (unfavorable) decision
            memorandum of the MACOM or FOA.
        context: ``today``.
    """
    check_input_dates(inputs)
    last = dates.add_days(inputs.decision_memo_date, 15)
    return deadline_calculation(
        "higher_level_review_deadline",
        REVIEW_RULE,
        inputs,
        context,
        last,
        f"The written request for higher level review must be received by the MACOM or FOA by "
        f"{dates.fmt(last)}: 15 calendar days after the decision memorandum dated "
        f"{dates.fmt(inputs.decision_memo_date)}",
        {
            "decision_memo_date": inputs.decision_memo_date,
            "counts": "receipt by the MACOM or FOA, not the date of mailing",
        },
    )


_APPEAL = r"\bappeal"

APPEAL_DEADLINES: tuple[Calculator, ...] = (
    Calculator(
        name="appeal_decision_due",
        title="When a classification appeal decision is normally due",
        kind="deadline",
        rule=DECISION_RULE,
        inputs=AppealDecisionInput,
        run=appeal_decision_due,  # type: ignore[arg-type]
        triggers=triggers(
            _APPEAL,
            r"(?:expect|get|receive|issue|make|render|reach|hear)\w* (?:a |the |my |their |"
            r"any )?(?:decision|answer|ruling)|decision (?:is |be |was )?(?:due|expected)|"
            r"decide (?:on )?(?:my|the) appeal|30[- ](?:calendar[- ])?days?|how long",
            r"forwarded to (?:the )?dcsint|dcsint (?:received|got)",
        ),
        from_facts=_appeal_decision_from_facts,
    ),
    Calculator(
        name="higher_level_review_deadline",
        title="Deadline to request higher level review of an unfavorable appeal decision",
        kind="deadline",
        rule=REVIEW_RULE,
        inputs=DecisionMemoInput,
        run=higher_level_review_deadline,  # type: ignore[arg-type]
        triggers=triggers(
            r"\bappeal|higher[- ]level review",
            r"higher[- ]level review|further review|continue (?:my |the )?appeal",
            r"unfavou?rabl|denied|den(?:y|ies)|decision memo|\blost\b|rejected",
        ),
        from_facts=from_dates(
            DecisionMemoInput,
            {"decision_memo_date": r"memo|dated|decision|decided|denied|issued|\bon\b"},
        ),
    ),
)
