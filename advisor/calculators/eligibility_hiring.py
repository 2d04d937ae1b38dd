"""Eligibility checklists for hiring incentives: the premium recruitment bonus (paras 6-3,
6-1b) and the advanced hiring salary (para 6-4).

Each input left out is an unknown criterion with a question to ask. The amounts are
computed in ``pay_hiring.py``; the 90-day break dates in ``deadlines_compensation.py``.
No I/O.
"""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict, Field

from advisor.calculators.base import Calculator, Context, ar_rule
from advisor.calculators.eligibility_common import (
    NEED_RULE,
    PURPOSE_RULE,
    asks_eligibility,
    break_status,
    checklist,
    criterion,
    purpose_rows,
    status,
    verdict_all,
)
from advisor.calculators.fact_access import all_of, date_after, duration_years, flag
from advisor.calculators.facts import Facts
from advisor.calculators.pay_hiring import ADVANCED_TOPIC, BONUS_TOPIC
from advisor.models import Calculation

BONUS_RULE = ar_rule(
    "6-3",
    "This is a once-in-a-lifetime payment over and above scheduled basic salary and benefits to "
    "a new CIPMS employee upon selection under the conditions described in paragraph 6-1b. For "
    "this purpose, a new CIPMS employee is defined as one who is not currently serving in a "
    "CIPMS position and, if a former Federal employee, has a break of at least 90 days since "
    "last holding a CIPMS position.",
)


AGREEMENT_RULE = ar_rule(
    "6-3b",
    "The recipient of a bonus incurs an obligation to serve in an Army CIPMS position for an "
    "agreed upon period of time, which is not less than 1 year and may not exceed 3 years.",
)


ADVANCED_RULE = ar_rule(
    "6-4a",
    "A new employee is defined for this purpose as one who is not currently on the rolls of a "
    "Federal agency as a civilian and, if a former Federal civilian employee, has a break of at "
    "least 90 days since last holding a Federal civilian position of any type.",
)


ADVANCED_NEED_RULE = ar_rule(
    "6-4b",
    "This authority may only be used when needed to recruit an applicant under the conditions "
    "described in paragraph 6-1b.",
)


NEED_FIELD = Field(
    default=None, description="A clearly documented need and a positive cost benefit (6-1b(2))?"
)


PURPOSE_FIELD = Field(
    default=None,
    description="Needed for unusually high/unique qualifications or scarce skills, a shortage "
    "category position, or a remote or undesirable work site (6-1b(1))?",
)


class RecruitmentBonusEligibilityInputs(BaseModel):
    model_config = ConfigDict(extra="forbid")

    currently_in_cipms: bool | None = Field(
        default=None, description="Serving in a CIPMS position now?"
    )
    held_cipms_before: bool | None = Field(default=None, description="Ever held a CIPMS position?")
    last_cipms_position_end: date | None = Field(
        default=None, description="Last day in a CIPMS position."
    )
    selected_for_cipms_position: bool | None = Field(
        default=None, description="Selected for a CIPMS position?"
    )
    received_bonus_before: bool | None = Field(
        default=None, description="Ever received this bonus?"
    )
    meets_6_1b_purpose: bool | None = PURPOSE_FIELD
    documented_need: bool | None = NEED_FIELD
    service_agreement: bool | None = Field(
        default=None,
        description="Will sign DA Form 5935-R for 1 to 3 years of service (6-3b, 6-3c)?",
    )


def recruitment_bonus_eligibility(
    inputs: RecruitmentBonusEligibilityInputs, context: Context
) -> Calculation:
    """Checklist of paras 6-3 and 6-1b: who may receive the premium recruitment bonus.

    Args:
        inputs: What is known about the selectee; omitted facts become questions.
        context: Supplies today's date for the 90-day break.
    """
    brk, found = break_status(inputs.held_cipms_before, inputs.last_cipms_position_end, context)
    rows = [
        criterion(
            "not_in_cipms",
            "6-3",
            "Not currently serving in a CIPMS position",
            status(None if inputs.currently_in_cipms is None else not inputs.currently_in_cipms),
            "Is the person serving in a CIPMS position now?",
        ),
        criterion(
            "break_90_days",
            "6-3",
            "If a former Federal employee, a break of at least 90 days since last holding a "
            "CIPMS position",
            brk,
            "Has the person held a CIPMS position before, and if so what was the last day?",
            found,
        ),
        criterion(
            "selected",
            "6-3",
            "Selected for a CIPMS position",
            status(inputs.selected_for_cipms_position),
            "Has the person been selected for a CIPMS position?",
        ),
        criterion(
            "once_in_lifetime",
            "6-3",
            "Never received this bonus before (once in a lifetime)",
            status(
                None if inputs.received_bonus_before is None else not inputs.received_bonus_before
            ),
            "Has the person ever received a CIPMS premium recruitment bonus?",
        ),
        *purpose_rows(inputs.meets_6_1b_purpose, inputs.documented_need),
        criterion(
            "service_agreement",
            "6-3b",
            "Agrees to serve 1 to 3 years in an Army CIPMS position, on DA Form 5935-R "
            "completed before payment (6-3c)",
            status(inputs.service_agreement),
            "Will the person sign a service agreement (DA Form 5935-R) for 1 to 3 years?",
        ),
    ]
    return checklist(
        "recruitment_bonus_eligibility",
        inputs.model_dump(mode="json"),
        BONUS_RULE,
        rows,
        verdict_all(rows),
        notes=["1990 CIPMS rule; current recruitment incentives follow other rules."],
    )


class AdvancedHiringEligibilityInputs(BaseModel):
    model_config = ConfigDict(extra="forbid")

    on_federal_rolls: bool | None = Field(
        default=None, description="On the rolls of a Federal agency as a civilian now?"
    )
    held_federal_civilian_before: bool | None = Field(
        default=None, description="Ever held a Federal civilian position?"
    )
    last_federal_position_end: date | None = Field(
        default=None, description="Last day in a Federal civilian position."
    )
    meets_6_1b_purpose: bool | None = PURPOSE_FIELD
    documented_need: bool | None = NEED_FIELD


def advanced_hiring_eligibility(
    inputs: AdvancedHiringEligibilityInputs, context: Context
) -> Calculation:
    """Checklist of para 6-4: who may be paid an advanced hiring salary.

    Args:
        inputs: What is known about the applicant; omitted facts become questions.
        context: Supplies today's date for the 90-day break.
    """
    brk, found = break_status(
        inputs.held_federal_civilian_before, inputs.last_federal_position_end, context
    )
    rows = [
        criterion(
            "not_on_rolls",
            "6-4a",
            "Not currently on the rolls of a Federal agency as a civilian",
            status(None if inputs.on_federal_rolls is None else not inputs.on_federal_rolls),
            "Is the applicant on the rolls of a Federal agency as a civilian now?",
        ),
        criterion(
            "break_90_days",
            "6-4a",
            "If a former Federal civilian employee, a break of at least 90 days since last "
            "holding a Federal civilian position of any type",
            brk,
            "Has the applicant held a Federal civilian position before, and if so what was "
            "the last day?",
            found,
        ),
        *purpose_rows(inputs.meets_6_1b_purpose, inputs.documented_need),
    ]
    return checklist(
        "advanced_hiring_eligibility",
        inputs.model_dump(mode="json"),
        ADVANCED_RULE,
        rows,
        verdict_all(rows),
    )


# Words just before the day someone last held a position ("left my CIPMS job 60 days ago").
LEFT_WORDS = r"\b(?:left|quit|resigned|separated|retired)\b"


def last_day(facts: Facts, question: str, held_before: bool | None) -> date | None:
    """The day a position was left, read only when the question says it was held."""
    return date_after(facts, question, LEFT_WORDS) if held_before else None


def conditions_6_1b(facts: Facts) -> dict[str, bool | None]:
    """The two 6-1b inputs: a purpose of 6-1b(1), and 6-1b(2)'s documented need, which
    counts only with a positive cost benefit stated too."""
    return {
        "meets_6_1b_purpose": flag(facts, "meets_6_1b_purpose"),
        "documented_need": all_of(facts, "documented_need", "cost_benefit"),
    }


def _agreement(facts: Facts, question: str) -> bool | None:
    """6-3b: a service agreement of 1 to 3 years; its length must be said."""
    signed = flag(facts, "service_agreement")
    if signed is not True:
        return signed
    length = duration_years(facts, question, r"\bsign|\bagree|\bserve")
    return None if length is None else 1 <= length <= 3


def _bonus_elig_from_facts(facts: Facts, question: str) -> RecruitmentBonusEligibilityInputs:
    held = flag(facts, "held_cipms_before")
    return RecruitmentBonusEligibilityInputs(
        currently_in_cipms=flag(facts, "cipms_employee"),
        held_cipms_before=held,
        last_cipms_position_end=last_day(facts, question, held),
        selected_for_cipms_position=flag(facts, "selected_for_cipms"),
        received_bonus_before=flag(facts, "received_bonus_before"),
        service_agreement=_agreement(facts, question),
        **conditions_6_1b(facts),
    )


def _advanced_elig_from_facts(facts: Facts, question: str) -> AdvancedHiringEligibilityInputs:
    held = flag(facts, "held_federal_before")
    return AdvancedHiringEligibilityInputs(
        on_federal_rolls=flag(facts, "federal_employee"),
        held_federal_civilian_before=held,
        last_federal_position_end=last_day(facts, question, held),
        **conditions_6_1b(facts),
    )


RECRUITMENT_BONUS_ELIGIBILITY = Calculator(
    name="recruitment_bonus_eligibility",
    title="Recruitment bonus eligibility",
    kind="eligibility",
    rule=BONUS_RULE,
    inputs=RecruitmentBonusEligibilityInputs,
    run=recruitment_bonus_eligibility,
    triggers=(BONUS_TOPIC, asks_eligibility(BONUS_TOPIC)),
    from_facts=_bonus_elig_from_facts,
    extra_rules=(AGREEMENT_RULE, PURPOSE_RULE, NEED_RULE),
)


ADVANCED_HIRING_ELIGIBILITY = Calculator(
    name="advanced_hiring_eligibility",
    title="Advanced hiring salary eligibility",
    kind="eligibility",
    rule=ADVANCED_RULE,
    inputs=AdvancedHiringEligibilityInputs,
    run=advanced_hiring_eligibility,
    triggers=(ADVANCED_TOPIC, asks_eligibility(ADVANCED_TOPIC)),
    from_facts=_advanced_elig_from_facts,
    extra_rules=(ADVANCED_NEED_RULE, PURPOSE_RULE, NEED_RULE),
)
