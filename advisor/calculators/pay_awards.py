"""Pay calculators for monetary awards: who approves an award (para 8-4c), the recognition
budget (para 8-7) and the performance award range by rating (para 8-9).

Pure functions of typed inputs. Each figure (the $10,000 threshold, the budget and recognition
percentages, the award percentages by rating) is written once, beside its rule, and the
explanations are made from it. Also holds the rating names of the 1990 Army appraisal system,
shared with the checklists; the performance-award eligibility checklist is a row in
``eligibility_pay.py``. No I/O.
"""

from __future__ import annotations

from decimal import Decimal
from functools import partial

from pydantic import BaseModel, ConfigDict, Field

from advisor.calculators.base import Calculator, CalculatorError, Context, ar_rule
from advisor.calculators.pay_common import (
    RANGE_NOTE,
    ceil_dollars,
    check_money,
    dollars,
    floor_dollars,
    plain,
    to_cent,
)
from advisor.models import Calculation

APPROVAL_RULE = ar_rule(
    "8-4c",
    "Commanders are encouraged to delegate approval authority for monetary performance-based "
    "awards to subordinates who exercise full budget authority. Monetary awards in excess of "
    "$10,000 must be forwarded through command channels to the IPMO (HQDA (DCSINT) ATTN: "
    "DAMI-CP, WASH DC 20310-1001), to obtain HQDA approval and forward to OSD.",
)
BUDGET_RULE = ar_rule(
    "8-7",
    "Annual recognition of at least 20-30 percent of the CIPMS work force is encouraged. "
    "Commanders should also budget annually for monetary awards to meet this goal. Expenditure "
    "of between 1½ and 2 percent of the aggregate salaries of CIPMS employees in the "
    "organization is recommended.",
)
AWARD_RULE = ar_rule(
    "8-9b",
    "Monetary award amounts recommended are: 4 to 7 percent of an employee's base salary if rated "
    "Exceptional, 2 to 4 percent if rated Highly Successful, and 1 to 2 percent if rated Fully "
    "Successful.",
)
AWARD_ELIGIBILITY_RULE = ar_rule(
    "8-9a",
    "Employees who receive either a Highly Successful or Exceptional rating of record for the "
    "most recent rating period are eligible for a performance award. Employees receiving a Fully "
    "Successful rating for the most recent rating period are eligible if at least one critical or "
    "noncritical element is exceeded. AR 672-20 prohibits the granting of performance awards to "
    "employees whose performance is minimally acceptable or unsatisfactory.",
)

HQDA_THRESHOLD = Decimal(10000)  # 8-4c: "in excess of $10,000" goes to HQDA
BUDGET_PERCENT = (Decimal("1.5"), Decimal(2))  # 8-7: of aggregate CIPMS salaries
RECOGNIZED_PERCENT = (20, 30)  # 8-7: of the CIPMS work force, each year
# 8-9b, by rating of record: the percentage of base salary recommended.
AWARD_PERCENT = {
    "exceptional": (Decimal(4), Decimal(7)),
    "highly successful": (Decimal(2), Decimal(4)),
    "fully successful": (Decimal(1), Decimal(2)),
}

LOCAL = "commander or delegated official"
HQDA = "HQDA approval through the IPMO, forwarded to OSD"
# An organisation's payroll, not one salary: bounded separately from MAX_AMOUNT.
MAX_AGGREGATE = Decimal(10000000000)

# The five rating levels the regulation names (8-9a, 8-9b), with the usual other spellings.
RATINGS = (
    "exceptional",
    "highly successful",
    "fully successful",
    "minimally acceptable",
    "unsatisfactory",
)
_ALIASES = {
    "minimally successful": "minimally acceptable",
    "unacceptable": "unsatisfactory",
    "unsuccessful": "unsatisfactory",
}


def normalize_rating(text: str) -> str:
    """One of RATINGS for a rating as written; CalculatorError naming the valid ratings."""
    key = " ".join(text.lower().replace("-", " ").split())
    key = _ALIASES.get(key, key)
    if key not in RATINGS:
        raise CalculatorError(
            f"Unknown rating {text!r}: use one of Exceptional, Highly Successful, Fully "
            "Successful, Minimally Acceptable (Minimally Successful) or Unsatisfactory."
        )
    return key


class AwardAmountInputs(BaseModel):
    model_config = ConfigDict(extra="forbid")

    amount: Decimal = Field(description="The monetary award in dollars (more than $0).")


def award_approval_level(inputs: AwardAmountInputs, context: Context) -> Calculation:
    """Who approves a monetary award: over $10,000 goes to HQDA through the IPMO, then OSD.

    Args:
        inputs: The award amount.
        context: Unused; part of the calculator signature.
    """
    amount = check_money(inputs.amount, "The award amount")
    over, limit = amount > HQDA_THRESHOLD, dollars(HQDA_THRESHOLD)
    text = (
        f"{dollars(amount)} is more than {limit}: forward it through command channels to the "
        "IPMO for HQDA approval; HQDA forwards it to OSD (para 8-4c)."
        if over
        else f"{dollars(amount)} is not more than {limit}: the commander approves, or a "
        "subordinate with full budget authority if the commander has delegated it (para 8-4c)."
    )
    return Calculation(
        name="award_approval_level",
        inputs=inputs.model_dump(mode="json"),
        result=HQDA if over else LOCAL,
        explanation=text,
        rule=APPROVAL_RULE.ref(),
        details={"threshold": int(HQDA_THRESHOLD), "over_threshold": over},
    )


class RecognitionBudgetInputs(BaseModel):
    model_config = ConfigDict(extra="forbid")

    aggregate_salaries: Decimal = Field(
        description="Aggregate annual salaries of the organisation's CIPMS employees, dollars "
        "(more than $0, at most $10,000,000,000)."
    )
    workforce: int | None = Field(
        default=None, description="Number of CIPMS employees (1 or more), for the 20-30% goal."
    )


def recognition_budget(inputs: RecognitionBudgetInputs, context: Context) -> Calculation:
    """The recommended annual award budget: 1½ to 2 percent of aggregate CIPMS salaries.

    Args:
        inputs: Aggregate salaries and, optionally, the number of CIPMS employees.
        context: Unused; part of the calculator signature.
    """
    total = check_money(inputs.aggregate_salaries, "The aggregate salaries", limit=MAX_AGGREGATE)
    lo_pct, hi_pct = BUDGET_PERCENT
    low, high = total * (lo_pct / 100), total * (hi_pct / 100)
    text = (
        f"Para 8-7 recommends spending {_as_quoted(lo_pct)} to {_as_quoted(hi_pct)} percent of "
        f"aggregate CIPMS salaries on awards: {dollars(total)} x {lo_pct}% = {dollars(low)}, "
        f"x {hi_pct}% = {dollars(high)} ({RANGE_NOTE})."
    )
    details: dict[str, object] = {
        "low_exact": plain(to_cent(low)),
        "high_exact": plain(to_cent(high)),
    }
    if inputs.workforce is not None:
        if not 1 <= inputs.workforce <= 10_000_000:
            raise CalculatorError(f"The workforce must be 1 to 10,000,000; got {inputs.workforce}.")
        n = Decimal(inputs.workforce)
        fewest, most = (Decimal(p) / 100 for p in RECOGNIZED_PERCENT)
        people = {"min": ceil_dollars(n * fewest), "max": ceil_dollars(n * most)}
        details["employees_to_recognize"] = people
        text += (
            f" Recognizing at least {RECOGNIZED_PERCENT[0]}-{RECOGNIZED_PERCENT[1]}% of "
            f"{inputs.workforce} employees means at least {people['min']} to {people['max']} "
            "people (rounded up to whole people)."
        )
    return Calculation(
        name="recognition_budget",
        inputs=inputs.model_dump(mode="json"),
        result={"min": ceil_dollars(low), "max": floor_dollars(high)},
        explanation=text,
        rule=BUDGET_RULE.ref(),
        details=details,
    )


def _as_quoted(percent: Decimal) -> str:
    """A percentage as 8-7 writes it: '1½' for 1.5, '2' for 2."""
    whole, rest = divmod(percent, 1)
    return f"{whole}½" if rest == Decimal("0.5") else f"{percent}"


class PerformanceAwardInputs(BaseModel):
    model_config = ConfigDict(extra="forbid")

    salary: Decimal = Field(
        description="The employee's annual base salary in dollars (more than $0)."
    )
    rating: str = Field(
        description="Rating of record for the most recent period: Exceptional, Highly "
        "Successful, Fully Successful, Minimally Acceptable or Unsatisfactory."
    )
    element_exceeded: bool | None = Field(
        default=None,
        description="For Fully Successful: was at least one critical or noncritical element "
        "exceeded? (unknown if omitted)",
    )


def performance_award_range(inputs: PerformanceAwardInputs, context: Context) -> Calculation:
    """The recommended performance award range for a salary and rating (para 8-9).

    Args:
        inputs: Base salary, rating and (for Fully Successful) whether an element was exceeded.
        context: Unused; part of the calculator signature.
    """
    salary = check_money(inputs.salary, "The base salary")
    level = normalize_rating(inputs.rating)
    done = partial(
        Calculation,
        name="performance_award_range",
        inputs=inputs.model_dump(mode="json"),
        rule=AWARD_RULE.ref(),
    )
    barred = level not in AWARD_PERCENT or (
        level == "fully successful" and inputs.element_exceeded is False
    )
    if barred:
        why = (
            "a Fully Successful rating qualifies only if at least one element was exceeded"
            if level == "fully successful"
            else "AR 672-20 prohibits performance awards for minimally acceptable or "
            "unsatisfactory performance"
        )
        return done(
            result={"min": 0, "max": 0},
            explanation=f"No performance award: {why} (para 8-9a).",
            details={"eligible": False, "rating": level},
        )
    lo_pct, hi_pct = AWARD_PERCENT[level]
    low, high = salary * lo_pct / 100, salary * hi_pct / 100
    text = (
        f"Para 8-9b recommends {lo_pct}-{hi_pct}% of base salary for {level.title()}: "
        f"{dollars(salary)} x {lo_pct}% = {dollars(low)} to x {hi_pct}% = {dollars(high)} "
        f"({RANGE_NOTE}). Table 8-1 (lost from the source) refines this by career path and grade "
        "band; commanders may deviate."
    )
    details: dict[str, object] = {
        "eligible": True,
        "rating": level,
        "percent": {"min": int(lo_pct), "max": int(hi_pct)},
    }
    if level == "fully successful" and inputs.element_exceeded is None:
        text += (" Applies only if at least one critical or noncritical element was exceeded "
                 "(para 8-9a).")
        details["eligible"] = None
        details["condition"] = "at least one critical or noncritical element exceeded"
    return done(
        result={"min": ceil_dollars(low), "max": floor_dollars(high)},
        explanation=text,
        details=details,
    )


AWARD_APPROVAL_LEVEL = Calculator(
    name="award_approval_level",
    title="Who approves a monetary award",
    kind="pay",
    rule=APPROVAL_RULE,
    inputs=AwardAmountInputs,
    run=award_approval_level,
)

RECOGNITION_BUDGET = Calculator(
    name="recognition_budget",
    title="Recommended award budget and recognition goal",
    kind="pay",
    rule=BUDGET_RULE,
    inputs=RecognitionBudgetInputs,
    run=recognition_budget,
)

PERFORMANCE_AWARD_RANGE = Calculator(
    name="performance_award_range",
    title="Recommended performance award range",
    kind="pay",
    rule=AWARD_RULE,
    inputs=PerformanceAwardInputs,
    run=performance_award_range,
    extra_rules=(AWARD_ELIGIBILITY_RULE,),
)
