"""Eligibility checklists about an employee's standing: whether a trial period is required
(para 4-7), MSPB appeal rights (para 9-5a) and consideration for the competitive service
(Figure 4-1).

Each input left out is an unknown criterion with a question to ask. The matching dates
(end of the trial period, the 1-year marks) are computed in the deadline calculators.
No I/O.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from pydantic import BaseModel, ConfigDict, Field

from advisor.calculators.base import Calculator, Context, ar_rule
from advisor.calculators.eligibility_common import (
    asks_eligibility,
    checklist,
    criterion,
    service_status,
    status,
    verdict_all,
    verdict_any,
)
from advisor.calculators.fact_access import date_near, duration_years, flag
from advisor.calculators.facts import Facts
from advisor.models import Calculation

TRIAL_RULE = ar_rule(
    "4-7",
    "All new employees will serve a 1-year trial period. A new employee who has previously "
    "completed a trial or probationary period in either the excepted or the competitive service "
    "need not serve another trial period.",
)


class TrialPeriodInputs(BaseModel):
    model_config = ConfigDict(extra="forbid")

    new_employee: bool | None = Field(default=None, description="Is the person a new employee?")
    completed_prior_trial_or_probation: bool | None = Field(
        default=None,
        description="Has the person already completed a trial or probationary period in the "
        "excepted or competitive service?",
    )


def trial_period_required(inputs: TrialPeriodInputs, context: Context) -> Calculation:
    """Checklist of para 4-7: "eligible" means a 1-year trial period is required.

    Args:
        inputs: Whether the person is new and whether a trial/probation was completed before.
        context: Unused; part of the calculator signature.
    """
    done = inputs.completed_prior_trial_or_probation
    rows = [
        criterion(
            "new_employee",
            "4-7",
            "A new employee",
            status(inputs.new_employee),
            "Is the person a new employee?",
        ),
        criterion(
            "no_prior_trial",
            "4-7",
            "Has not already completed a trial or probationary period in the excepted or "
            "competitive service",
            status(None if done is None else not done),
            "Has the person already completed a trial or probationary period in the excepted "
            "or competitive service (FPM chapter 315 guidelines decide)?",
        ),
    ]
    return checklist(
        "trial_period_required",
        inputs.model_dump(mode="json"),
        TRIAL_RULE,
        rows,
        verdict_all(rows),
        meaning=("a 1-year trial period is required", "no trial period is required"),
        notes=[
            (
                "The probationary period for new supervisors and managers does not "
                "apply to CIPMS (para 4-1a)."
            )
        ],
    )


def _trial_from_facts(facts: Facts, question: str) -> TrialPeriodInputs:
    return TrialPeriodInputs(
        new_employee=flag(facts, "new_employee"),
        completed_prior_trial_or_probation=flag(facts, "completed_probation"),
    )


TRIAL_PERIOD_REQUIRED = Calculator(
    name="trial_period_required",
    title="Is a trial period required?",
    kind="eligibility",
    rule=TRIAL_RULE,
    inputs=TrialPeriodInputs,
    run=trial_period_required,
    triggers=(
        r"trial period|probation(ary)? period",
        r"(have to|must|need to|requir\w*|\bdo i\b|will i).*(trial|probation)",
    ),
    from_facts=_trial_from_facts,
)


MSPB_RULE = ar_rule(
    "9-5a",
    "Preference-eligible CIPMS employees who have completed 1 year of current continuous service "
    "in the same or similar positions retain all appeal rights to the Merit Systems Protection "
    "Board (MSPB) on matters under MSPB jurisdiction.",
)


COMPETITIVE_RULE = ar_rule(
    "Figure 4-1",
    "I understand in accordance with an agreement between the Office of Personnel Management "
    "(OPM) and DOD, effective March 9, 1990, I may be considered for a position in the "
    "competitive service after serving continuously for at least 1 year in a CIPMS position.",
)
# The other two routes; a rule of its own so each quote fits in one indexed chunk.
COMPETITIVE_OTHER_RULE = ar_rule(
    "Figure 4-1",
    "Otherwise, I understand that I may be considered for a position in the competitive service "
    "only if: (1) I have personal competitive status by virtue of previous employment in the "
    "competitive service or, (2) after I have passed an open competitive examination conducted "
    "by or under the guidelines of the OPM.",
)


class MspbInputs(BaseModel):
    model_config = ConfigDict(extra="forbid")

    preference_eligible: bool | None = Field(
        default=None, description="Is the employee preference eligible?"
    )
    service_start_date: date | None = Field(
        default=None,
        description="Start of current continuous service in the same or similar positions.",
    )
    years_of_service: Decimal | None = Field(
        default=None,
        description="Length of that service in years, when no start date is given.",
    )
    mspb_jurisdiction: bool | None = Field(
        default=None, description="Is the matter under MSPB jurisdiction?"
    )


def mspb_appeal_rights(inputs: MspbInputs, context: Context) -> Calculation:
    """Checklist of para 9-5a: MSPB appeal rights of a CIPMS employee.

    Args:
        inputs: Preference eligibility, start of continuous service, the matter.
        context: Supplies today's date for the 1-year test.
    """
    year, found = service_status(
        inputs.service_start_date, inputs.years_of_service, 1, context
    )
    rows = [
        criterion(
            "preference_eligible",
            "9-5a",
            "Preference eligible",
            status(inputs.preference_eligible),
            "Is the employee preference eligible (veterans' preference)?",
        ),
        criterion(
            "one_year",
            "9-5a",
            "Completed 1 year of current continuous service in the same or similar positions",
            year,
            "When did the current continuous service in the same or similar positions begin?",
            found,
        ),
        criterion(
            "jurisdiction",
            "9-5a",
            "The matter is under MSPB jurisdiction (5 U.S.C. 7511)",
            status(inputs.mspb_jurisdiction),
            "Is the action one the MSPB hears (e.g. an adverse action)?",
        ),
    ]
    return checklist(
        "mspb_appeal_rights",
        inputs.model_dump(mode="json"),
        MSPB_RULE,
        rows,
        verdict_all(rows),
        meaning=("MSPB appeal rights are retained", "para 9-5a gives no MSPB appeal rights"),
        notes=[
            (
                "Para 9-5a states these rights for preference eligibles only; "
                "classification and special termination appeals follow chapters 3 "
                "and 10 (para 9-5b)."
            )
        ],
    )


class CompetitiveServiceInputs(BaseModel):
    model_config = ConfigDict(extra="forbid")

    cipms_service_start: date | None = Field(
        default=None, description="Start of continuous service in a CIPMS position."
    )
    cipms_service_years: Decimal | None = Field(
        default=None,
        description="Length of that service in years, when no start date is given.",
    )
    has_competitive_status: bool | None = Field(
        default=None,
        description="Personal competitive status from earlier competitive-service employment?",
    )
    passed_open_competitive_exam: bool | None = Field(
        default=None,
        description="Passed an open competitive examination conducted by or under OPM guidelines?",
    )


def competitive_service_eligibility(
    inputs: CompetitiveServiceInputs, context: Context
) -> Calculation:
    """Checklist of Figure 4-1 item 2b: any one route allows consideration.

    Args:
        inputs: Continuous CIPMS service start, competitive status, open examination.
        context: Supplies today's date for the 1-year test.
    """
    year, found = service_status(
        inputs.cipms_service_start, inputs.cipms_service_years, 1, context
    )
    rows = [
        criterion(
            "one_year_cipms",
            "Figure 4-1",
            "Served continuously for at least 1 year in a CIPMS position",
            year,
            "When did continuous service in a CIPMS position begin?",
            found,
        ),
        criterion(
            "competitive_status",
            "Figure 4-1",
            "Personal competitive status from previous employment in the competitive service",
            status(inputs.has_competitive_status),
            "Does the employee have competitive status from earlier competitive-service employment?",
        ),
        criterion(
            "open_exam",
            "Figure 4-1",
            "Passed an open competitive examination conducted by or under the guidelines of OPM",
            status(inputs.passed_open_competitive_exam),
            "Has the employee passed an open competitive examination under OPM guidelines?",
        ),
    ]
    return checklist(
        "competitive_service_eligibility",
        inputs.model_dump(mode="json"),
        COMPETITIVE_RULE,
        rows,
        verdict_any(rows),
        meaning=(
            "may be considered for competitive-service positions",
            "may not yet be considered for competitive-service positions",
        ),
        notes=[
            (
                "Any one route suffices. A CIPMS appointment itself does not confer "
                "competitive status (Figure 4-1, item 2a)."
            )
        ],
    )


# Words just before a length of service ("been in my CIPMS job for five years").
_SERVED = r"\b(?:for|served|serving|been|with)\b"
_NOT_SERVICE = r"\bago\b|temporar|\bdetail|suspen|agreement"


def _mspb_from_facts(facts: Facts, question: str) -> MspbInputs:
    start = date_near(facts, question, [r"start", r"began", r"since", r"hired", r"appointed"])
    return MspbInputs(
        preference_eligible=flag(facts, "preference_eligible"),
        service_start_date=start,
        years_of_service=None if start else duration_years(facts, question, _SERVED, _NOT_SERVICE),
        mspb_jurisdiction=True if flag(facts, "adverse_action") else None,
    )


def _competitive_from_facts(facts: Facts, question: str) -> CompetitiveServiceInputs:
    start = date_near(facts, question, [r"start", r"began", r"since", r"joined", r"cipms"])
    return CompetitiveServiceInputs(
        cipms_service_start=start,
        cipms_service_years=(
            None if start else duration_years(facts, question, _SERVED, _NOT_SERVICE)
        ),
        has_competitive_status=flag(facts, "competitive_status"),
    )


MSPB_APPEAL_RIGHTS = Calculator(
    name="mspb_appeal_rights",
    title="MSPB appeal rights",
    kind="eligibility",
    rule=MSPB_RULE,
    inputs=MspbInputs,
    run=mspb_appeal_rights,
    triggers=(r"\bmspb\b|merit systems protection", r"appeal rights"),
    from_facts=_mspb_from_facts,
)


COMPETITIVE_SERVICE_ELIGIBILITY = Calculator(
    name="competitive_service_eligibility",
    title="Consideration for the competitive service",
    kind="eligibility",
    rule=COMPETITIVE_RULE,
    inputs=CompetitiveServiceInputs,
    run=competitive_service_eligibility,
    triggers=(
        r"competitive service",
        r"competitive status",
        asks_eligibility(r"competitive service|considered for"),
    ),
    from_facts=_competitive_from_facts,
    extra_rules=(COMPETITIVE_OTHER_RULE,),
)
