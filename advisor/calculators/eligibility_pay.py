"""Eligibility checklists for awards: the performance award (para 8-9a) and the Exemplary
Performance Award (para 8-10).

Each input left out is an unknown criterion with a question to ask. The award amounts are
computed in ``pay_awards.py`` and ``pay_steps.py``; this module only decides who qualifies.
No I/O.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from pydantic import BaseModel, ConfigDict, Field

from advisor.calculators.base import Calculator, CalculatorError, Context, ar_rule
from advisor.calculators.eligibility_common import (
    anniversary_status,
    asks_eligibility,
    checklist,
    criterion,
    status,
    verdict_all,
)
from advisor.calculators.fact_access import (
    date_after,
    duration_years,
    exceptional_streak,
    flag,
    grade_step,
    rating,
    whole_years,
    years_since_year,
)
from advisor.calculators.facts import Facts
from advisor.calculators.pay_awards import AWARD_ELIGIBILITY_RULE, AWARD_TOPIC, normalize_rating
from advisor.calculators.pay_steps import EPA_LIMITS_RULE, EPA_TOPIC
from advisor.models import Calculation

EPA_RULE = ar_rule(
    "8-10",
    "It recognizes GS CIPMS employees whose continued exemplary performance far exceeds the "
    "standards expected for their assigned grade level and whose documented annual performance "
    "is rated exceptional for at least 3 consecutive years.",
)
EPA_GRADE_RULE = ar_rule(
    "8-10a",
    "The employee to be awarded must have been at the same grade for the last 3 years. "
    "Temporary promotions during that period will not be counted against this requirement.",
)
EPA_ONCE_RULE = ar_rule(
    "8-10d", "An employee may not receive more than one EPA during any 3 year period."
)


class PerformanceAwardEligibilityInputs(BaseModel):
    model_config = ConfigDict(extra="forbid")

    rating: str | None = Field(
        default=None,
        description="Rating of record for the most recent rating period: Exceptional, Highly "
        "Successful, Fully Successful, Minimally Acceptable or Unsatisfactory.",
    )
    element_exceeded: bool | None = Field(
        default=None,
        description="Was at least one critical or noncritical element exceeded? (matters for "
        "Fully Successful)",
    )


def performance_award_eligibility(
    inputs: PerformanceAwardEligibilityInputs, context: Context
) -> Calculation:
    """Checklist of para 8-9a: who may receive a performance award.

    Args:
        inputs: The most recent rating of record and, for Fully Successful, whether an
            element was exceeded.
        context: Unused; part of the calculator signature.
    """
    level = normalize_rating(inputs.rating) if inputs.rating is not None else None
    state = (
        "unknown" if level is None
        else "met" if level in ("exceptional", "highly successful", "fully successful")
        else "not met"
    )  # fmt: skip
    rows = [
        criterion(
            "rating",
            "8-9a",
            "Most recent rating of record is Exceptional, Highly Successful or Fully Successful "
            "(no award for minimally acceptable or unsatisfactory performance)",
            state,
            "What was the rating of record for the most recent rating period?",
            finding=level.title() if level else "",
        )
    ]
    if level == "fully successful":
        rows.append(
            criterion(
                "element_exceeded",
                "8-9a",
                "With a Fully Successful rating, at least one critical or noncritical element exceeded",
                status(inputs.element_exceeded),
                "Was at least one critical or noncritical element exceeded in that rating?",
            )
        )
    return checklist(
        "performance_award_eligibility",
        inputs.model_dump(mode="json"),
        AWARD_ELIGIBILITY_RULE,
        rows,
        verdict_all(rows),
        notes=[
            (
                "Eligible is not entitled: awards are not mandated based solely on a rating "
                "level (para 8-1c as extracted; its para 8-2 heading is lost)."
            )
        ],
    )


class EpaEligibilityInputs(BaseModel):
    model_config = ConfigDict(extra="forbid")

    gs_cipms_employee: bool | None = Field(
        default=None, description="Is the employee a GS CIPMS employee?"
    )
    consecutive_exceptional_ratings: int | None = Field(
        default=None,
        description="How many consecutive annual ratings, ending with the current one, are Exceptional.",
    )
    years_in_grade: Decimal | None = Field(
        default=None,
        description="Years at the current grade (temporary promotions in that time do not count against it).",
    )
    prior_epa: bool | None = Field(
        default=None, description="Has the employee ever received an EPA?"
    )
    last_epa_date: date | None = Field(
        default=None, description="Date of the most recent EPA, if any."
    )
    step: int | None = Field(
        default=None,
        description="Current step 1-10, or 11/12 when pay is already at that step equivalent "
        "after an earlier EPA.",
    )


def epa_eligibility(inputs: EpaEligibilityInputs, context: Context) -> Calculation:
    """Checklist of para 8-10: who may receive an Exemplary Performance Award.

    Args:
        inputs: What is known about the employee; omitted facts become questions.
        context: Supplies today's date for the once-in-3-years test.
    """
    if inputs.step is not None and not 1 <= inputs.step <= 12:
        raise CalculatorError(
            f"Step {inputs.step} is not valid: use 1 to 10 (or 11/12 for step equivalents)."
        )
    if (
        inputs.consecutive_exceptional_ratings is not None
        and inputs.consecutive_exceptional_ratings < 0
    ):
        raise CalculatorError("The number of consecutive Exceptional ratings must be 0 or more.")
    if inputs.years_in_grade is not None and not 0 <= inputs.years_in_grade <= 60:
        raise CalculatorError("Years in grade must be between 0 and 60.")
    n = inputs.consecutive_exceptional_ratings
    if inputs.last_epa_date is not None:
        once, found = anniversary_status(inputs.last_epa_date, 3, context)
        once = "met" if once == "met" else "not met"
    elif inputs.prior_epa is False:
        once, found = "met", "no earlier EPA"
    else:
        once, found = "unknown", ""
    rows = [
        criterion(
            "gs_cipms",
            "8-10",
            "A GS CIPMS employee",
            status(inputs.gs_cipms_employee),
            "Is the employee a GS employee covered by CIPMS?",
        ),
        criterion(
            "three_exceptional",
            "8-10c",
            "Rated Exceptional for at least 3 consecutive years: the current and two "
            "preceding annual appraisals",
            "unknown" if n is None else status(n >= 3),
            "Were the current and the two preceding annual ratings all Exceptional?",
            finding=f"{n} consecutive Exceptional rating(s)" if n is not None else "",
        ),
        criterion(
            "same_grade",
            "8-10a",
            "At the same grade for the last 3 years (temporary promotions in that time are "
            "not counted against this)",
            "unknown" if inputs.years_in_grade is None else status(inputs.years_in_grade >= 3),
            "Has the employee been at the same grade for the last 3 years?",
        ),
        criterion(
            "one_per_3_years",
            "8-10d",
            "No other EPA within the last 3 years",
            once,
            "Has the employee received an EPA before, and if so on what date?",
            found,
        ),
        criterion(
            "twelfth_step",
            "8-10b",
            "The EPA would not raise pay past the 12th-step equivalent of the grade",
            "unknown" if inputs.step is None else status(inputs.step <= 10),
            "What is the employee's current step (or is pay already above step 10 after an "
            "earlier EPA)?",
        ),
    ]
    return checklist(
        "epa_eligibility",
        inputs.model_dump(mode="json"),
        EPA_RULE,
        rows,
        verdict_all(rows),
        notes=[
            (
                "At step 9 or 10 pay is fixed at the two-step value; the GS maximum payable "
                "rate still applies (para 8-10b). Commanders approve (para 8-10e)."
            )
        ],
    )


def _award_elig_from_facts(facts: Facts, question: str) -> PerformanceAwardEligibilityInputs:
    return PerformanceAwardEligibilityInputs(
        rating=rating(facts), element_exceeded=flag(facts, "element_exceeded")
    )


# Words just before a duration or "since 2021" that make it time at the current grade.
_AT_GRADE = r"grade\b|\b(?:gs|gg|gm)[- ]?\d{1,2}\b|\bstep \d{1,2}\b"
# Time in a temporary promotion or detail is not counted against 8-10a.
_TEMPORARY = r"temporar|\bdetail|\bacting\b"
# "A GS-11 for 4 years before being promoted": time at an earlier grade.
_EARLIER = r"\bbefore\b|\buntil\b|\bprior to\b|\bthen\b"


def _years_in_grade(facts: Facts, question: str) -> Decimal | None:
    """Years at the current grade: "GS-12 for four years", "since 2021", or a permanent
    promotion date ("promoted to GS-13 18 months ago"); None when not said or unclear."""
    stated = duration_years(facts, question, _AT_GRADE, f"{_TEMPORARY}|{_EARLIER}")
    if stated is not None:
        return stated
    since = years_since_year(question, facts.today, _AT_GRADE)
    if since is not None:
        fewest, most = since
        if fewest >= 3 or most < 3:  # the same side of 8-10a's 3 years either way
            return Decimal(fewest)
        return None
    promoted = date_after(facts, question, r"\bpromot", avoid=_TEMPORARY)
    return None if promoted is None else Decimal(whole_years(promoted, facts.today))


def _gs_cipms(facts: Facts) -> bool | None:
    """A GS CIPMS employee: said to be in CIPMS, with a General Schedule grade."""
    cipms = flag(facts, "cipms_employee")
    if cipms is False:
        return False
    gs = any(g.plan in ("GS", "GM", "GG") or g.grade is not None for g in facts.grades)
    return True if cipms and gs else None


def _epa_elig_from_facts(facts: Facts, question: str) -> EpaEligibilityInputs:
    _, step = grade_step(facts)
    prior = flag(facts, "prior_epa")
    last = None if prior is False else date_after(facts, question, r"\bepa\b|exemplary")
    return EpaEligibilityInputs(
        consecutive_exceptional_ratings=exceptional_streak(facts, question),
        years_in_grade=_years_in_grade(facts, question),
        last_epa_date=last,
        prior_epa=prior,
        step=step,
        gs_cipms_employee=_gs_cipms(facts),
    )


PERFORMANCE_AWARD_ELIGIBILITY = Calculator(
    name="performance_award_eligibility",
    title="Performance award eligibility",
    kind="eligibility",
    rule=AWARD_ELIGIBILITY_RULE,
    inputs=PerformanceAwardEligibilityInputs,
    run=performance_award_eligibility,
    triggers=(AWARD_TOPIC, asks_eligibility(AWARD_TOPIC)),
    from_facts=_award_elig_from_facts,
)

EPA_ELIGIBILITY = Calculator(
    name="epa_eligibility",
    title="Exemplary Performance Award eligibility",
    kind="eligibility",
    rule=EPA_RULE,
    inputs=EpaEligibilityInputs,
    run=epa_eligibility,
    triggers=(EPA_TOPIC, asks_eligibility(EPA_TOPIC)),
    from_facts=_epa_elig_from_facts,
    extra_rules=(EPA_GRADE_RULE, EPA_ONCE_RULE, EPA_LIMITS_RULE),
)
