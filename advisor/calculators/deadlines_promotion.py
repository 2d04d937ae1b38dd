"""Deadline calculators of AR 690-13 para 4-11: temporary promotions and details.

Paragraphs 4-11a (a temporary promotion is for a definite period of 2 years or less, with
1-year extensions; beyond 180 days it must be competitive) and 4-11b (a detail to a higher
grade beyond 180 days must be competitive). A period of service includes its first day, so
day 180 is the start date + 179 days (``dates.period_last_day``). Pure; no I/O.
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
    triggers,
)
from advisor.models import Calculation

_START = r"start|began|begin|effective|since|\\bon\\b"

# --- 4-11a ------------------------------------------------------------------------------

TEMP_PROMOTION_RULE = ar_rule(
    "4-11a",
    "Temporary promotions must be made for a definite period of 2 years or less, but may be "
    "extended for additional periods of up to 1 year at a time at the discretion of the local "
    "commander. Except as provided in paragraph 4-11c, temporary promotions beyond 180 days "
    "must be made under competitive procedures.",
)


class TemporaryPromotionInput(BaseModel):
    start_date: date = Field(description="Effective date of the temporary promotion.")
    extensions: int = Field(
        default=0, description="Number of 1-year extensions granted by the local commander."
    )


def temporary_promotion_limits(inputs: TemporaryPromotionInput, context: Context) -> Calculation:
    """Latest end of a temporary promotion's definite period, and its 180-day competition date.

    Args:
        inputs: ``start_date`` (effective date of the temporary promotion) and optionally
            ``extensions``, the number of 1-year extensions granted.
        context: ``today``.
    """
    check_input_dates(inputs)
    if inputs.extensions < 0:
        raise CalculatorError("The number of extensions must be 0 or more.")
    start = inputs.start_date
    base_end = dates.period_last_day(start, years=2)
    last = dates.period_last_day(start, years=2 + inputs.extensions)
    # "beyond 180 days": the effective date is day 1, so day 180 is start + 179.
    day_180 = dates.period_last_day(start, days=180)
    return deadline_calculation(
        "temporary_promotion_limits",
        TEMP_PROMOTION_RULE,
        inputs,
        context,
        last,
        f"A temporary promotion from {dates.fmt(start)} may run through {dates.fmt(last)} "
        f"(2 years{f' plus {inputs.extensions} 1-year extension(s)' if inputs.extensions else ''}"
        f"); past {dates.fmt(day_180)} (day 180) it must be made competitively",
        {
            "start_date": start,
            "definite_period_end": base_end,
            "latest_end": last,
            "day_180": day_180,
            "competitive_procedures_if_beyond": dates.add_days(day_180, 1),
            "exception": "grade band promotions (para 4-11c) are noncompetitive",
        },
        act_by=False,
    )


# --- 4-11b ------------------------------------------------------------------------------

DETAIL_RULE = ar_rule(
    "4-11b",
    "Except as in paragraph 4-11c, details to a higher grade beyond 180 days must be made under "
    "competitive procedures.",
)


class DetailInput(BaseModel):
    start_date: date = Field(description="First day of the detail to a higher grade.")


def detail_competition_date(inputs: DetailInput, context: Context) -> Calculation:
    """Last day (day 180) a detail to a higher grade may run without competitive procedures.

    Args:
        inputs: ``start_date``, the first day of the detail to a higher-graded position.
        context: ``today``.
    """
    check_input_dates(inputs)
    # The first day of the detail is day 1, so day 180 is start + 179 days.
    day_180 = dates.period_last_day(inputs.start_date, days=180)
    return deadline_calculation(
        "detail_competition_date",
        DETAIL_RULE,
        inputs,
        context,
        day_180,
        f"A detail to a higher grade from {dates.fmt(inputs.start_date)} reaches day 180 on "
        f"{dates.fmt(day_180)}; a detail beyond that must be made under competitive procedures",
        {
            "start_date": inputs.start_date,
            "competitive_procedures_if_beyond": dates.add_days(day_180, 1),
            "exception": "grade band promotions (para 4-11c)",
        },
        act_by=False,
    )


PROMOTION_DEADLINES: tuple[Calculator, ...] = (
    Calculator(
        name="temporary_promotion_limits",
        title="Limits of a temporary promotion",
        kind="deadline",
        rule=TEMP_PROMOTION_RULE,
        inputs=TemporaryPromotionInput,
        run=temporary_promotion_limits,  # type: ignore[arg-type]
        triggers=triggers(
            r"temporar\w* promot|temp promotion|promoted temporarily",
            r"how long|extend|extension|2 years|two years|\bend\b|limit|maximum|\blast|until",
            r"180|competiti",
        ),
        from_facts=from_dates(TemporaryPromotionInput, {"start_date": r"promot|" + _START}),
    ),
    Calculator(
        name="detail_competition_date",
        title="180-day limit of a noncompetitive detail",
        kind="deadline",
        rule=DETAIL_RULE,
        inputs=DetailInput,
        run=detail_competition_date,  # type: ignore[arg-type]
        triggers=triggers(
            r"\bdetail(?:ed|s)?\b(?! (?:of|about))",
            r"180|competiti|how long|beyond|longer than|higher grade|until|limit",
        ),
        from_facts=from_dates(DetailInput, {"start_date": r"detail|" + _START}),
    ),
)
