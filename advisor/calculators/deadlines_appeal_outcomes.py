"""Deadline calculators of AR 690-13 para 3-13 after an appeal decision: effect and reopening.

Paragraphs 3-13i(1) (the effective date of an action an appeal decision requires: not before
the decision, not after the beginning of the fourth pay period after it) and 3-13k(1)
(reopening with new evidence learned no earlier than 10 calendar days before the request).
Pay periods are the agency biweekly periods from ``Context.pay_period_anchor``; a pay period
"after" a date begins strictly after it (``dates.nth_pp_start_after``). Pure; no I/O.
"""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field

from advisor.calculators import dates
from advisor.calculators.base import Calculator, CalculatorError, Context
from advisor.calculators.deadline_support import (
    DecisionInput,
    ar_rule,
    check_input_dates,
    deadline_calculation,
    from_dates,
    triggers,
)
from advisor.models import Calculation

# --- 3-13i(1) ---------------------------------------------------------------------------

EFFECTIVE_RULE = ar_rule(
    "3-13i(1)",
    "The effective date of any action required by a classification appeal decision will not be "
    "earlier than the date of decision. However, it will not be later than the beginning of the "
    "fourth pay period after the decision.",
)


def appeal_effective_date_window(inputs: DecisionInput, context: Context) -> Calculation:
    """Latest effective date of an action required by a classification appeal decision.

    Args:
        inputs: ``decision_date``, the date of the appeal decision.
        context: ``pay_period_anchor`` (the agency's biweekly cycle) and ``today``.
    """
    check_input_dates(inputs)
    d, anchor = inputs.decision_date, context.pay_period_anchor
    # "the beginning of the fourth pay period after the decision": the pay periods counted
    # are those that begin strictly after the decision date. A pay period that begins on the
    # day of the decision began with that day, before the decision was made, so it is not
    # "after" it: a decision on a pay-period Sunday gives that Sunday + 8 weeks.
    starts = [dates.nth_pp_start_after(d, n, anchor) for n in (1, 2, 3, 4)]
    latest = starts[3]
    return deadline_calculation(
        "appeal_effective_date_window",
        EFFECTIVE_RULE,
        inputs,
        context,
        latest,
        f"Effective no earlier than {dates.fmt(d)} (the decision) and no later than "
        f"{dates.fmt(latest)}, the beginning of the 4th pay period after the decision",
        {
            "earliest_effective_date": d,
            "latest_effective_date": latest,
            "pay_periods_after_decision": starts,
            "decision_pay_period_start": dates.pp_start(d, anchor),
        },
        act_by=False,
    )


# --- 3-13k(1) ---------------------------------------------------------------------------

REOPEN_RULE = ar_rule(
    "3-13k(1)",
    "No classification appeal may be reopened after the decision has been made, unless the "
    "appellant presents new and material evidence. Any such request must include the "
    "appellant's certification that he or she became aware of the new evidence no earlier "
    "than 10 calendar days prior to submission of the request.",
)


class ReopeningInput(BaseModel):
    submission_date: date = Field(description="Date the request to reopen is (to be) submitted.")
    awareness_date: date | None = Field(
        default=None, description="Date the appellant became aware of the new evidence, if known."
    )


def reopening_evidence_window(inputs: ReopeningInput, context: Context) -> Calculation:
    """Earliest date of awareness of new evidence that a reopening request may certify.

    Args:
        inputs: ``submission_date`` of the request to reopen a decided appeal; optionally
            ``awareness_date`` (when the appellant learned of the new evidence) to check it
            and give the last submission date.
        context: ``today``.
    """
    check_input_dates(inputs)
    earliest = dates.add_days(inputs.submission_date, -10)
    details: dict[str, object] = {"submission_date": inputs.submission_date}
    text = (
        f"Submitting on {dates.fmt(inputs.submission_date)}, the appellant must have become "
        f"aware of the new evidence no earlier than {dates.fmt(earliest)} (10 calendar days "
        "before submission)"
    )
    if inputs.awareness_date is not None:
        aware = inputs.awareness_date
        if aware > inputs.submission_date:
            raise CalculatorError(
                f"The awareness date {aware.isoformat()} is after the submission date "
                f"{inputs.submission_date.isoformat()}; it must be on or before it."
            )
        latest = dates.add_days(aware, 10)
        details.update(
            awareness_date=aware,
            latest_submission_date=latest,
            certification_possible=aware >= earliest,
        )
        text += f"; aware on {dates.fmt(aware)}, submit by {dates.fmt(latest)}"
    return deadline_calculation(
        "reopening_evidence_window",
        REOPEN_RULE,
        inputs,
        context,
        earliest,
        text,
        details,
        act_by=False,
    )


_APPEAL = r"\bappeal"
_EFFECTIVE = r"\beffective\b|take effect|takes effect|implement|(?:fourth|4th) pay period"
_DECIDED = r"decided|decision|granted|won\b|upheld|favou?rabl"

APPEAL_OUTCOME_DEADLINES: tuple[Calculator, ...] = (
    Calculator(
        name="appeal_effective_date_window",
        title="Effective date window of an action required by an appeal decision",
        kind="deadline",
        rule=EFFECTIVE_RULE,
        inputs=DecisionInput,
        run=appeal_effective_date_window,  # type: ignore[arg-type]
        triggers=triggers(_APPEAL, _EFFECTIVE) + triggers(_EFFECTIVE, _DECIDED, when=False),
        from_facts=from_dates(
            DecisionInput,
            {"decision_date": _DECIDED + r"|\bon\b"},
        ),
    ),
    Calculator(
        name="reopening_evidence_window",
        title="Awareness window for new evidence in a request to reopen an appeal",
        kind="deadline",
        rule=REOPEN_RULE,
        inputs=ReopeningInput,
        run=reopening_evidence_window,  # type: ignore[arg-type]
        triggers=triggers(
            r"reopen",
            r"new (?:and material )?evidence|aware|learned|found out|discover|10 (?:calendar )?days",
        ),
        from_facts=from_dates(
            ReopeningInput,
            {
                "submission_date": r"submi|send|file|request",
                "awareness_date": r"aware|learn|found|discover|came across|evidence",
            },
            optional=("awareness_date",),
        ),
    ),
)
