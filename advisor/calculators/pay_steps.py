"""Pay calculators that move basic pay: the reassignment step increase (para 6-6), the
Exemplary Performance Award (para 8-10) and the advance payment of basic pay (para 6-7).

Pure functions of typed inputs and a ``PayTable``; each figure (the steps gained, the
12th-step limit, the 2 pay periods and the 5 U.S.C. 5504 divisor) is written once, beside its
rule. Whether a person qualifies is checked by the checklist rows in ``eligibility_pay.py`` and
``eligibility_placement.py``. No I/O.
"""

from __future__ import annotations

from decimal import Decimal
from functools import partial

from pydantic import BaseModel, ConfigDict, Field

from advisor.calculators.base import Calculator, Context, ar_rule
from advisor.calculators.pay_common import (
    FLOOR_NOTE,
    check_money,
    dollars,
    floor_dollars,
    plain,
    table_details,
    table_or_default,
    to_cent,
)
from advisor.calculators.paytable import STEPS, PayTable, check_grade_step
from advisor.models import Calculation

REASSIGN_RULE = ar_rule(
    "6-6",
    "A current Federal employee, to include a current CIPMS employee, may be granted a maximum "
    "two-step pay increase upon reassignment (assignment to a different position at the grade "
    "level currently held) under the conditions described in paragraph 6-1b.",
)
EPA_RULE = ar_rule(
    "8-10", "An EPA is an increase in basic pay equivalent to two quality step increases."
)
EPA_LIMITS_RULE = ar_rule(
    "8-10b",
    "An EPA may be granted even when the employee's pay rate is already at the 9th or 10th step "
    "or equivalent. In these cases, the employee's pay will be fixed at a rate equivalent to the "
    "value of a two-step increase. The maximum payable rate of the GS pay schedule (that is, the "
    "pay cap), however, may not be exceeded. An EPA may not be awarded when it would increase a "
    "salary past the equivalent of the 12th step in the grade.",
)
ADVANCE_RULE = ar_rule(
    "6-7",
    "An advance payment of basic pay may be made for any employee appointed to a position for "
    "which a special salary rate has been authorized by either OPM or DOD. This payment may not "
    "cover a period of more than 2 biweekly pay periods.",
)
REASSIGN_STEPS = 2  # 6-6: "a maximum two-step pay increase"
EPA_STEPS, EPA_LAST_STEP = 2, 12  # 8-10: two quality step increases; 8-10b: the 12th step
TOP_STEP = STEPS[-1]  # the last step of a GS grade
PERIODS = 2  # 6-7: "not more than 2 biweekly pay periods"
PAYBACK_MONTHS = 6  # 6-7: "not less than 6 months from the date of the employee's appointment"
# 5 U.S.C. 5504(b) (outside the corpus): hourly = annual / 2,087 to the nearest cent;
# biweekly = hourly x 80.
HOURS_PER_YEAR, HOURS_PER_PERIOD = Decimal(2087), Decimal(80)


class GradeStepInputs(BaseModel):
    model_config = ConfigDict(extra="forbid")

    grade: int = Field(description="Current GS grade, 1 to 15.")
    step: int = Field(description="Current step, 1 to 10.")


def reassignment_step_increase(
    inputs: GradeStepInputs, context: Context, table: PayTable | None = None
) -> Calculation:
    """The salary after the maximum two-step increase on reassignment, capped at step 10.

    Args:
        inputs: Current grade and step (the grade does not change on reassignment).
        context: Unused; part of the calculator signature.
        table: The GS table (default: the packaged 2026 table).
    """
    t = table_or_default(table)
    check_grade_step(inputs.grade, inputs.step)
    new_step = min(inputs.step + REASSIGN_STEPS, TOP_STEP)
    old, new = t.rate(inputs.grade, inputs.step), t.rate(inputs.grade, new_step)
    # 6-6 gives no pay past step 10 (unlike 8-10b for the EPA), so the increase stops there.
    text = (
        f"Para 6-6 allows at most two steps on reassignment at the same grade: GS-{inputs.grade} "
        f"step {inputs.step} ({dollars(old)}) to step {new_step} ({dollars(new)}), "
        f"+{dollars(new - old)}, {t.label}."
    )
    if inputs.step + REASSIGN_STEPS > TOP_STEP:
        text += (f" Step {TOP_STEP} is the top of the grade; para 6-6 provides nothing beyond "
                 "it.")
    return Calculation(
        name="reassignment_step_increase",
        inputs=inputs.model_dump(mode="json"),
        result=int(new),
        explanation=text,
        rule=REASSIGN_RULE.ref(),
        details={
            "current_rate": int(old),
            "new_step": new_step,
            "steps_gained": new_step - inputs.step,
            "increase": int(new - old),
            **table_details(t),
        },
    )


def epa_pay(
    inputs: GradeStepInputs, context: Context, table: PayTable | None = None
) -> Calculation:
    """Basic pay after an EPA: two steps up; past step 10 the two-step value; never past the
    12th-step equivalent (step 1 + 11 increments) nor the GS maximum payable rate.

    Args:
        inputs: Current grade and step.
        context: Unused; part of the calculator signature.
        table: The GS table (default: the packaged 2026 table).
    """
    t = table_or_default(table)
    g, s = inputs.grade, inputs.step
    check_grade_step(g, s)
    old, inc = t.rate(g, s), t.increment(g)
    twelfth = t.step_equivalent(g, EPA_LAST_STEP)
    details: dict[str, object] = {
        "current_rate": int(old),
        "step_increment": int(inc) if inc is not None else None,
        "twelfth_step_equivalent": int(twelfth) if twelfth is not None else None,
        "gs_max_rate": int(t.max_rate),
        **table_details(t),
    }
    done = partial(
        Calculation, name="epa_pay", inputs=inputs.model_dump(mode="json"), rule=EPA_RULE.ref()
    )
    if s + EPA_STEPS <= TOP_STEP:
        raw, how = t.rate(g, s + EPA_STEPS), f"step {s + EPA_STEPS}"
    elif inc is not None:
        raw = old + EPA_STEPS * inc
        how = f"step {s} + {EPA_STEPS} x {dollars(inc)} (the {s + EPA_STEPS}th-step equivalent)"
    else:
        return done(
            result=None,
            explanation=(
                f"GS-{g} steps are uneven (OPM prints 'VARIES'), so the value of a two-step "
                f"increase past step 10 (para 8-10b) is not defined by a uniform increment in the "
                f"{t.label}; no figure is computed. Ask the servicing CPO."
            ),
            missing=[f"the value of a two-step increase above step 10 at GS-{g}"],
            details=details,
        )
    # From steps 1-10 a uniform table never passes the 12th step (step 10 + 2 = the 12th);
    # the check stays because 8-10b forbids the EPA outright, not just caps it, in that case.
    if twelfth is not None and raw > twelfth:
        return done(
            result=None,
            explanation=(
                f"No EPA: {dollars(raw)} would pass the 12th-step equivalent {dollars(twelfth)} "
                f"of GS-{g}, and para 8-10b says an EPA may not then be awarded; {t.label}."
            ),
            details=details | {"epa_allowed": False},
        )
    new = min(raw, t.max_rate)
    details |= {
        "uncapped_rate": int(raw),
        "capped_at_gs_max": raw > t.max_rate,
        "increase": int(new - old),
    }
    text = (
        f"Para 8-10: two quality step increases. GS-{g} step {s} ({dollars(old)}) -> {how} = "
        f"{dollars(raw)}"
    )
    text += (
        f", held to the GS maximum payable rate {dollars(t.max_rate)} (para 8-10b)"
        if raw > t.max_rate
        else ""
    )
    if twelfth is None:
        text += (
            f". At GS-{g} the 12th-step equivalent is not defined by a uniform increment (OPM "
            "prints 'VARIES'); only the GS maximum cap is applied"
        )
    else:
        text += f". 12th-step equivalent {dollars(twelfth)} not passed"
    text += f"; {t.label}."
    return done(result=int(new), explanation=text, details=details)


class AdvancePayInputs(BaseModel):
    model_config = ConfigDict(extra="forbid")

    annual_salary: Decimal = Field(
        description="Annual rate of basic pay of the (special-rate) position, in dollars "
        "(more than $0, at most $10,000,000)."
    )
    special_rate_position: bool | None = Field(
        default=None,
        description="Has OPM or DOD authorized a special salary rate for the position? "
        "(unknown if omitted; para 6-7 allows an advance only then)",
    )


def advance_pay_max(inputs: AdvancePayInputs, context: Context) -> Calculation:
    """The largest advance of basic pay: two biweekly pay periods.

    Args:
        inputs: The annual rate of basic pay and whether the position has a special rate.
        context: Unused; part of the calculator signature.
    """
    annual = check_money(inputs.annual_salary, "The annual salary")
    if inputs.special_rate_position is False:
        return Calculation(
            name="advance_pay_max",
            inputs=inputs.model_dump(mode="json"),
            result=0,
            explanation="No advance: para 6-7 allows an advance payment of basic pay only for an "
            "employee appointed to a position with a special salary rate authorized by OPM or DOD.",
            rule=ADVANCE_RULE.ref(),
            details={"eligible": False},
        )
    hourly = to_cent(annual / HOURS_PER_YEAR)
    biweekly = hourly * HOURS_PER_PERIOD
    total = biweekly * PERIODS
    text = (
        f"Para 6-7 limits the advance to {PERIODS} biweekly pay periods of basic pay. AR 690-13 "
        f"does not say how to compute a biweekly amount; this uses 5 U.S.C. 5504(b), outside the "
        f"corpus: {dollars(annual)} / {HOURS_PER_YEAR:,} = {dollars(hourly)} an hour x "
        f"{HOURS_PER_PERIOD} = {dollars(biweekly)} a pay period; x {PERIODS} = {dollars(total)}, "
        f"{FLOOR_NOTE}. Pay-back period at least {PAYBACK_MONTHS} months from appointment."
    )
    if inputs.special_rate_position is None:
        text += " Only for a position with a special salary rate authorized by OPM or DOD."
    return Calculation(
        name="advance_pay_max",
        inputs=inputs.model_dump(mode="json"),
        result=floor_dollars(total),
        explanation=text,
        rule=ADVANCE_RULE.ref(),
        details={
            "hourly_rate": plain(hourly),
            "biweekly_rate": plain(biweekly),
            "two_pay_periods": plain(total),
            "method": f"5 U.S.C. 5504(b) (outside AR 690-13): annual / {HOURS_PER_YEAR:,} to "
                      f"the cent, x {HOURS_PER_PERIOD}",
            "eligible": inputs.special_rate_position,
            "condition": "position with a special salary rate authorized by OPM or DOD",
            "payback_period_min_months": PAYBACK_MONTHS,
        },
    )


REASSIGNMENT_STEP_INCREASE = Calculator(
    name="reassignment_step_increase",
    title="Two-step increase on reassignment",
    kind="pay",
    rule=REASSIGN_RULE,
    inputs=GradeStepInputs,
    run=reassignment_step_increase,
)

EPA_PAY = Calculator(
    name="epa_pay",
    title="Pay after an Exemplary Performance Award",
    kind="pay",
    rule=EPA_RULE,
    inputs=GradeStepInputs,
    run=epa_pay,
    extra_rules=(EPA_LIMITS_RULE,),
)

ADVANCE_PAY_MAX = Calculator(
    name="advance_pay_max",
    title="Maximum advance payment of basic pay",
    kind="pay",
    rule=ADVANCE_RULE,
    inputs=AdvancePayInputs,
    run=advance_pay_max,
)
