"""What several eligibility checklists share: the 6-1b conditions, the 90-day break, time served.

The two conditions of para 6-1b that paras 6-3, 6-4 and 6-6 incorporate, as criteria rows with
their inputs and their reading from a question; the 90-day break test of 6-3 and 6-4a; the
tests of full years served (from a start date or a stated length, or since an anniversary);
and the words that make a question ask whether someone qualifies. Rows and verdicts are run by
``checklist_engine``. No I/O.
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from advisor.calculators.base import CalculatorError, Context, ar_rule
from advisor.calculators.checklist_engine import Criterion, Input, Outcome, yes
from advisor.calculators.dates import add_days, add_years, check_date
from advisor.calculators.fact_access import all_of, flag
from advisor.calculators.facts import Facts

PURPOSE_RULE = ar_rule(
    "6-1b(1)",
    "Enhance the recruitment and retention of individuals with unusually high qualifications, "
    "unique qualifications, or scarce skills; fill shortage category positions; or fill "
    "positions at remote or undesirable work sites.",
)
NEED_RULE = ar_rule(
    "6-1b(2)",
    "Be used only when there is a clearly documented need and a positive cost benefit.",
)
PURPOSE_INPUT = Input(
    "meets_6_1b_purpose", bool,
    "Needed for unusually high/unique qualifications or scarce skills, a shortage category "
    "position, or a remote or undesirable work site (6-1b(1))?",
)
NEED_INPUT = Input(
    "documented_need", bool, "A clearly documented need and a positive cost benefit (6-1b(2))?"
)
CONDITIONS_6_1B = (
    Criterion(
        id="purpose_6_1b", section="6-1b(1)", needs=("meets_6_1b_purpose",), test=yes,
        text="Used to recruit or retain people with unusually high or unique qualifications or "
             "scarce skills, to fill shortage category positions, or to fill positions at "
             "remote or undesirable work sites",
        ask="Is the action needed to recruit or retain someone with unusually high or unique "
            "qualifications or scarce skills, to fill a shortage category position, or to fill a "
            "position at a remote or undesirable work site?",
    ),
    Criterion(
        id="documented_need", section="6-1b(2)", needs=("documented_need",), test=yes,
        text="A clearly documented need and a positive cost benefit",
        ask="Is there a clearly documented need and a positive cost benefit?",
    ),
)


def conditions_6_1b(facts: Facts) -> dict[str, bool | None]:
    """The two 6-1b inputs: a purpose of 6-1b(1), and 6-1b(2)'s documented need, which
    counts only with a positive cost benefit stated too."""
    return {
        "meets_6_1b_purpose": flag(facts, "meets_6_1b_purpose"),
        "documented_need": all_of(facts, "documented_need", "cost_benefit"),
    }




def break_of_90_days(context: Context, held_before: bool | None, last_end: date | None) -> Outcome:
    """6-3, 6-4a: never held such a position, or a break of at least 90 days since the last."""
    return break_status(held_before, last_end, context)


def break_status(
    held_before: bool | None, last_end: date | None, context: Context, days: int = 90
) -> Outcome:
    """Whether a break of at least ``days`` days since a position ended is complete today.

    Counting starts the day after the last day in the position (README convention), so the
    break is complete on ``last_end + days``.
    """
    if held_before is False:
        return "met", "never held such a position"
    if last_end is None:
        return "unknown", ""
    check_date(last_end, "date the last position ended")
    reached = add_days(last_end, days)
    # Same reading as the 90-day break deadlines: day 1 of the break is the day after the last.
    if context.today >= reached:
        return "met", (
            f"last day held {last_end.isoformat()}; {days}-day break reached {reached.isoformat()}"
        )
    return "not met", (
        f"last day held {last_end.isoformat()}; {days}-day break reached only on "
        f"{reached.isoformat()}"
    )


def one_year_of_service(context: Context, start: date | None, length: Decimal | None) -> Outcome:
    """9-5a, Figure 4-1: a full year served, from the start date or else the length stated."""
    return service_status(start, length, 1, context)


def service_status(
    start: date | None, length: Decimal | None, years: int, context: Context
) -> Outcome:
    """Whether ``years`` full years of service are complete: from the start date when given,
    else from the length of service stated ("for 14 months", as years)."""
    if start is not None or length is None:
        return anniversary_status(start, years, context)
    if length < 0:
        raise CalculatorError("The length of service must be 0 or more.")
    months = (length * 12).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    found = f"about {months} month(s) of service stated"
    return ("met" if length >= years else "not met"), found


def anniversary_status(start: date | None, years: int, context: Context) -> Outcome:
    """Whether ``years`` full years since ``start`` are complete today (on the anniversary)."""
    if start is None:
        return "unknown", ""
    check_date(start, "start date")
    done = add_years(start, years)
    if context.today >= done:
        return "met", f"since {start.isoformat()}; {years} year(s) complete on {done.isoformat()}"
    return "not met", (
        f"since {start.isoformat()}; {years} year(s) complete only on {done.isoformat()}"
    )
