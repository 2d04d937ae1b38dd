"""The checklists for awards, as rows: the performance award (para 8-9a) and the Exemplary
Performance Award (para 8-10), with how each is read from a question.

Each input left out is an unknown criterion with a question to ask. The award amounts are
computed in ``pay_awards.py`` and ``pay_steps.py``; this module only decides who qualifies,
through ``checklist_engine``. No I/O.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from advisor.calculators.base import Context, ar_rule
from advisor.calculators.checklist_engine import (
    Bound,
    Checklist,
    Criterion,
    Input,
    Outcome,
    at_least,
    at_most,
    yes,
)
from advisor.calculators.eligibility_common import anniversary_status
from advisor.calculators.fact_access import (
    date_after,
    duration_years,
    flag,
    month_or_year_after,
    whole_years,
    years_since_year,
)
from advisor.calculators.facts import Facts
from advisor.calculators.pay_awards import (
    AWARD_ELIGIBILITY_RULE,
    AWARD_PERCENT,
    normalize_rating,
)
from advisor.calculators.pay_steps import EPA_LIMITS_RULE

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


def rating_allows_award(_: Context, given: str | None) -> Outcome:
    """8-9a: Exceptional, Highly Successful or Fully Successful (the ratings 8-9b gives a
    range for); the rating as named is what was found."""
    if given is None:
        return "unknown", ""
    level = normalize_rating(given)
    return ("met" if level in AWARD_PERCENT else "not met"), level.title()


def _fully_successful(values: Mapping[str, Any]) -> bool:
    """8-9a's element condition applies to a Fully Successful rating only."""
    given = values["rating"]
    return given is not None and normalize_rating(given) == "fully successful"


def no_epa_within_3_years(context: Context, prior: bool | None, last: date | None) -> Outcome:
    """8-10d: the last EPA at least 3 years ago (on its 3rd anniversary), or none before."""
    if last is not None:
        return anniversary_status(last, 3, context)
    if prior is False:
        return "met", "no earlier EPA"
    return "unknown", ""


# Words just before a duration or "since 2021" that make it time at the current grade.
_AT_GRADE = r"grade\b|\b(?:gs|gg|gm)[- ]?\d{1,2}\b|\bstep \d{1,2}\b|\bbeen an? (?:1[0-5]|[1-9])\b"
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
    if promoted is not None:
        return Decimal(whole_years(promoted, facts.today))
    # "promoted to GS-13 in May 2025": any day of that month gives the same side of 3 years
    span = month_or_year_after(question, r"\bpromot", avoid=_TEMPORARY)
    if span is not None and span[1] <= facts.today:
        fewest, most = whole_years(span[1], facts.today), whole_years(span[0], facts.today)
        if fewest >= 3 or most < 3:
            return Decimal(fewest)
    return None


def _gs_cipms(facts: Facts) -> bool | None:
    """A GS CIPMS employee: said to be in CIPMS, with a General Schedule grade."""
    cipms = flag(facts, "cipms_employee")
    if cipms is False:
        return False
    gs = any(g.plan in ("GS", "GM", "GG") or g.grade is not None for g in facts.grades)
    return True if cipms and gs else None


PERFORMANCE_AWARD_ELIGIBILITY = Checklist(
    name="performance_award_eligibility",
    title="Performance award eligibility",
    rule=AWARD_ELIGIBILITY_RULE,
    inputs=(
        Input("rating", str, "Rating of record for the most recent rating period: Exceptional, "
              "Highly Successful, Fully Successful, Minimally Acceptable or Unsatisfactory."),
        Input("element_exceeded", bool, "Was at least one critical or noncritical element "
              "exceeded? (matters for Fully Successful)"),
    ),
    criteria=(
        Criterion(id="rating", section="8-9a", needs=("rating",), test=rating_allows_award,
                  text="Most recent rating of record is Exceptional, Highly Successful or Fully "
                       "Successful (no award for minimally acceptable or unsatisfactory "
                       "performance)",
                  ask="What was the rating of record for the most recent rating period?"),
        Criterion(id="element_exceeded", section="8-9a", needs=("element_exceeded",), test=yes,
                  when=_fully_successful,
                  text="With a Fully Successful rating, at least one critical or noncritical "
                       "element exceeded",
                  ask="Was at least one critical or noncritical element exceeded in that "
                      "rating?"),
    ),
    note=("Eligible is not entitled: awards are not mandated based solely on a rating level "
           "(para 8-1c as extracted; its para 8-2 heading is lost)."),
)

EPA_ELIGIBILITY = Checklist(
    name="epa_eligibility",
    title="Exemplary Performance Award eligibility",
    rule=EPA_RULE,
    extra_rules=(EPA_GRADE_RULE, EPA_ONCE_RULE, EPA_LIMITS_RULE),
    inputs=(
        Input("gs_cipms_employee", bool, "Is the employee a GS CIPMS employee?"),
        Input("consecutive_exceptional_ratings", int, "How many consecutive annual ratings, "
              "ending with the current one, are Exceptional."),
        Input("years_in_grade", Decimal, "Years at the current grade (temporary promotions in "
              "that time do not count against it)."),
        Input("prior_epa", bool, "Has the employee ever received an EPA?"),
        Input("last_epa_date", date, "Date of the most recent EPA, if any."),
        Input("step", int, "Current step 1-10, or 11/12 when pay is already at that step "
              "equivalent after an earlier EPA."),
    ),
    bounds=(
        Bound("step", 1, 12, "Step {value} is not valid: use 1 to 10 (or 11/12 for step "
              "equivalents)."),
        Bound("consecutive_exceptional_ratings", 0, None,
              "The number of consecutive Exceptional ratings must be 0 or more."),
        Bound("years_in_grade", 0, 60, "Years in grade must be between 0 and 60."),
    ),
    criteria=(
        Criterion(id="gs_cipms", section="8-10", needs=("gs_cipms_employee",), test=yes,
                  text="A GS CIPMS employee",
                  ask="Is the employee a GS employee covered by CIPMS?"),
        Criterion(id="three_exceptional", section="8-10c",
                  needs=("consecutive_exceptional_ratings",),
                  test=at_least(3, "{} consecutive Exceptional rating(s)"),
                  text="Rated Exceptional for at least 3 consecutive years: the current and two "
                       "preceding annual appraisals",
                  ask="Were the current and the two preceding annual ratings all Exceptional?"),
        Criterion(id="same_grade", section="8-10a", needs=("years_in_grade",), test=at_least(3),
                  text="At the same grade for the last 3 years (temporary promotions in that "
                       "time are not counted against this)",
                  ask="Has the employee been at the same grade for the last 3 years?"),
        Criterion(id="one_per_3_years", section="8-10d", needs=("prior_epa", "last_epa_date"),
                  test=no_epa_within_3_years, text="No other EPA within the last 3 years",
                  ask="Has the employee received an EPA before, and if so on what date?"),
        Criterion(id="twelfth_step", section="8-10b", needs=("step",), test=at_most(10),
                  text="The EPA would not raise pay past the 12th-step equivalent of the grade",
                  ask="What is the employee's current step (or is pay already above step 10 "
                      "after an earlier EPA)?"),
    ),
    note=("At step 9 or 10 pay is fixed at the two-step value; the GS maximum payable rate "
           "still applies (para 8-10b). Commanders approve (para 8-10e)."),
)
