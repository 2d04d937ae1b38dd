"""Pay calculators for hiring and placement: the GS cap, the recruitment bonus range and
the advanced hiring salary (AR 690-13 paras 1-4b(2), 6-3a, 6-4d).

Each is a pure function of its typed inputs and a ``PayTable``; each figure (the bonus range,
the 1-3 year service agreement, the 20 percent above current pay) is written once, beside its
rule, and the explanations are made from it. It does not decide whether a person is eligible
(see ``eligibility_hiring.py``) and does no I/O.
"""

from __future__ import annotations

from decimal import Decimal

from pydantic import BaseModel, ConfigDict, Field

from advisor.calculators.base import Calculator, CalculatorError, Context, ar_rule
from advisor.calculators.pay_common import (
    FLOOR_NOTE,
    check_money,
    dollars,
    floor_dollars,
    plain,
    table_details,
    table_or_default,
)
from advisor.calculators.paytable import PayTable, check_grade_step
from advisor.models import Calculation

GS_CAP_RULE = ar_rule(
    "1-4b(2)",
    "No civilian intelligence officer or employee may be paid basic pay at a rate in excess "
    "of the highest rate of basic pay payable under the GS.",
)
BONUS_RULE = ar_rule(
    "6-3a",
    "The bonus will be in the range of $500 to $10,000, depending on market conditions, "
    "competing offers, applicant's current salary, fund availability, and scarcity of skills "
    "sought.",
)
AGREEMENT_RULE = ar_rule(
    "6-3b",
    "The recipient of a bonus incurs an obligation to serve in an Army CIPMS position for an "
    "agreed upon period of time, which is not less than 1 year and may not exceed 3 years.",
)
ADVANCED_RULE = ar_rule(
    "6-4d",
    "The rate to be offered may not exceed the candidate's current rate of pay or other bona "
    "fide job offer by more than 20 percent.",
)
BONUS_MIN, BONUS_MAX = Decimal(500), Decimal(10000)  # 6-3a
AGREEMENT_YEARS = (1, 3)  # 6-3b: not less than 1 year, not more than 3
ADVANCE_PERCENT = 20  # 6-4d: not more than 20 percent above current pay or another offer
ADVANCE_FACTOR = 1 + Decimal(ADVANCE_PERCENT) / 100


class GsMaxRateInputs(BaseModel):
    model_config = ConfigDict(extra="forbid")

    proposed_salary: Decimal | None = Field(
        default=None,
        description="Proposed annual rate of basic pay in dollars (more than $0, at most "
        "$10,000,000); omit to ask only for the cap.",
    )


def gs_max_rate(
    inputs: GsMaxRateInputs, context: Context, table: PayTable | None = None
) -> Calculation:
    """The highest basic pay payable (GS-15 step 10) and whether a proposed salary fits.

    Args:
        inputs: The proposed annual basic pay, if any.
        context: Unused; part of the calculator signature.
        table: The GS table (default: the packaged 2026 table).
    """
    t = table_or_default(table)
    cap = t.max_rate
    details: dict[str, object] = {
        "gs_max_rate": int(cap),
        **table_details(t),
        "locality_cap": int(t.locality_cap),
        "locality_cap_source": t.locality_cap_source,
    }
    text = (
        f"Basic pay may not exceed the highest GS rate: GS-15 step 10, {dollars(cap)} in the "
        f"{t.label}."
    )
    if inputs.proposed_salary is not None:
        proposed = check_money(inputs.proposed_salary, "The proposed salary")
        fits = proposed <= cap
        details |= {
            "proposed_salary": plain(proposed),
            "within_cap": fits,
            "payable": floor_dollars(min(proposed, cap)),
            "excess": plain(max(proposed - cap, Decimal(0))),
        }
        text += (
            f" The proposed {dollars(proposed)} is within it."
            if fits
            else f" The proposed {dollars(proposed)} exceeds it by {dollars(proposed - cap)}."
        )
    text += (
        f" Context from outside AR 690-13: locality-adjusted GS pay is capped at EX-IV, "
        f"{dollars(t.locality_cap)} in {t.year} ({t.locality_cap_source})."
    )
    return Calculation(
        name="gs_max_rate",
        inputs=inputs.model_dump(mode="json"),
        result=int(cap),
        explanation=text,
        rule=GS_CAP_RULE.ref(),
        details=details,
    )


class RecruitmentBonusInputs(BaseModel):
    model_config = ConfigDict(extra="forbid")

    amount: Decimal | None = Field(
        default=None,
        description="A proposed bonus in dollars (more than $0, at most $10,000,000), to check "
        "against the range; omit to ask only for the range.",
    )


def recruitment_bonus_range(inputs: RecruitmentBonusInputs, context: Context) -> Calculation:
    """The $500-$10,000 range of the CIPMS premium recruitment bonus, and whether an amount fits.

    Args:
        inputs: The proposed bonus amount, if any.
        context: Unused; part of the calculator signature.
    """
    fewest, most = AGREEMENT_YEARS
    details: dict[str, object] = {"service_agreement_years": {"min": fewest, "max": most}}
    text = (f"A CIPMS premium recruitment bonus is {dollars(BONUS_MIN)} to {dollars(BONUS_MAX)} "
            "(para 6-3a).")
    if inputs.amount is not None:
        amount = check_money(inputs.amount, "The bonus amount")
        fits = BONUS_MIN <= amount <= BONUS_MAX
        details |= {"amount": plain(amount), "amount_in_range": fits}
        text += f" {dollars(amount)} is {'inside' if fits else 'outside'} that range."
    text += (
        f" It requires a service agreement of {fewest} to {most} years (para 6-3b). This is the "
        "1990 CIPMS rule; current recruitment incentives follow other rules."
    )
    return Calculation(
        name="recruitment_bonus_range",
        inputs=inputs.model_dump(mode="json"),
        result={"min": int(BONUS_MIN), "max": int(BONUS_MAX)},
        explanation=text,
        rule=BONUS_RULE.ref(),
        details=details,
    )


class AdvancedHiringInputs(BaseModel):
    model_config = ConfigDict(extra="forbid")

    current_pay: Decimal | None = Field(
        default=None,
        description="The candidate's current annual rate of pay in dollars (more than $0).",
    )
    offer: Decimal | None = Field(
        default=None,
        description="Another bona fide job offer, annual dollars (more than $0).",
    )
    grade: int | None = Field(
        default=None, description="Target GS grade (1-15), to find the highest step that fits."
    )


def advanced_hiring_salary(
    inputs: AdvancedHiringInputs, context: Context, table: PayTable | None = None
) -> Calculation:
    """The highest advanced hiring salary: 120% of current pay or another bona fide offer.

    Each basis is shown; the result is the higher figure (either basis may justify the
    rate), never above the GS maximum, rounded down to whole dollars.

    Args:
        inputs: Current pay and/or another offer, and optionally the target grade.
        context: Unused; part of the calculator signature.
        table: The GS table (default: the packaged 2026 table).
    """
    t = table_or_default(table)
    bases = [
        (label, check_money(value, f"The {label}"))
        for label, value in (
            ("current rate of pay", inputs.current_pay),
            ("bona fide job offer", inputs.offer),
        )
        if value is not None
    ]
    if not bases:
        raise CalculatorError(
            "Give the candidate's current rate of pay or another bona fide job offer (or both)."
        )
    if inputs.grade is not None:
        check_grade_step(inputs.grade, 1)
    rows = []
    for label, amount in bases:
        limit = amount * ADVANCE_FACTOR
        rows.append(
            {
                "basis": label,
                "amount": plain(amount),
                "limit_120_percent": floor_dollars(limit),
                "capped_at_gs_max": limit > t.max_rate,
                "max_salary": floor_dollars(min(limit, t.max_rate)),
            }
        )
    ceiling = min(max(a for _, a in bases) * ADVANCE_FACTOR, t.max_rate)
    result = floor_dollars(ceiling)
    parts = [
        f"{r['basis']} {dollars(Decimal(r['amount']))} x {ADVANCE_FACTOR:.2f} = "
        f"{dollars(Decimal(r['amount']) * ADVANCE_FACTOR)}"
        for r in rows
    ]
    # Either figure may justify the rate ("current rate of pay or other bona fide job offer"),
    # so with both the higher one governs; each is shown.
    higher = "; the higher governs" if len(rows) > 1 else ""
    text = (
        f"Para 6-4d: at most {ADVANCE_PERCENT}% above the {' or '.join(r['basis'] for r in rows)} "
        f"({'; '.join(parts)}){higher}; never above the GS maximum {dollars(t.max_rate)} "
        f"(para 1-4b(2); {t.label}): {dollars(result)}, {FLOOR_NOTE}."
    )
    details: dict[str, object] = {"bases": rows, "gs_max_rate": int(t.max_rate), **table_details(t)}
    if inputs.grade is not None:
        step = t.highest_step_within(inputs.grade, ceiling)
        details |= {
            "grade": inputs.grade,
            "highest_step": step,
            "highest_step_rate": int(t.rate(inputs.grade, step)) if step else None,
        }
        text += (
            f" At GS-{inputs.grade} the highest step within it is step {step} "
            f"({dollars(t.rate(inputs.grade, step))})."
            if step
            else f" Even GS-{inputs.grade} step 1 ({dollars(t.rate(inputs.grade, 1))}) is above it."
        )
    return Calculation(
        name="advanced_hiring_salary",
        inputs=inputs.model_dump(mode="json"),
        result=result,
        explanation=text,
        rule=ADVANCED_RULE.ref(),
        details=details,
    )


GS_MAX_RATE = Calculator(
    name="gs_max_rate",
    title="Highest basic pay payable (GS maximum)",
    kind="pay",
    rule=GS_CAP_RULE,
    inputs=GsMaxRateInputs,
    run=gs_max_rate,
)

RECRUITMENT_BONUS_RANGE = Calculator(
    name="recruitment_bonus_range",
    title="Premium recruitment bonus range",
    kind="pay",
    rule=BONUS_RULE,
    inputs=RecruitmentBonusInputs,
    run=recruitment_bonus_range,
)

ADVANCED_HIRING_SALARY = Calculator(
    name="advanced_hiring_salary",
    title="Advanced hiring salary limit",
    kind="pay",
    rule=ADVANCED_RULE,
    inputs=AdvancedHiringInputs,
    run=advanced_hiring_salary,
)
